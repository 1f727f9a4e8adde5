"""What the understanding stages hand to each other through `Document.scratch`.

    scratch["parsed"]    list[ParsedParagraph]   set by the parse stage
    scratch["mentions"]  list[Mention]           set by entities, extended by coref
    scratch["dates"]     list[TimeExpression]    set by dates (also written to Article.dates)

Offsets are always into `Article.text`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..pipeline import Document

PARSED = "parsed"
MENTIONS = "mentions"


@dataclass
class ParsedParagraph:
    """One body paragraph parsed by spaCy; `offset` maps its token offsets into `Article.text`."""

    offset: int
    doc: Doc
    role: str = "body"  # body, or deck (the subheadline, when its place in the text is known)
    text: str = ""  # the paragraph's text (spaCy rebuilds Doc.text on every access: read this instead)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.doc.text

    def span(self, start_char: int, end_char: int) -> tuple[int, int]:
        return self.offset + start_char, self.offset + end_char


@dataclass
class Mention:
    """A stretch of text that refers to an entity: a name, a title, a pronoun or a description."""

    start: int
    end: int
    text: str
    entity: str | None  # Entity.id, None while unresolved
    kind: str = "name"  # name, title, pronoun, nominal, alt-script
    type: str | None = None  # person, organization, place, ...
    attrs: dict = field(default_factory=dict)


def parsed(doc: Document) -> list[ParsedParagraph]:
    """The parsed body paragraphs (empty before the parse stage ran)."""
    return doc.scratch.get(PARSED, [])


def mentions(doc: Document) -> list[Mention]:
    """Every known mention, sorted by position."""
    return doc.scratch.get(MENTIONS, [])


def mention_at(doc: Document, start: int, end: int) -> Mention | None:
    """The mention that best covers the span [start, end), if any."""
    found = mentions(doc)
    lo, hi = _near(doc, found, start, end)
    best = None
    for m in found[lo:hi]:
        if m.start < end and start < m.end:
            overlap = min(end, m.end) - max(start, m.start)
            if best is None or overlap > min(end, best.end) - max(start, best.start):
                best = m
    return best


def _near(doc: Document, found: list[Mention], start: int, end: int) -> tuple[int, int]:
    """The slice of `found` (sorted by start, as the stages keep it) that can overlap [start, end): a bisect
    over its starts, so looking up every quote's speaker is not quadratic in a long article. The index is
    kept in scratch while the list is the same object of the same length; unsorted, the whole list."""
    index = doc.scratch.get(_INDEX)
    if index is None or index[0] is not found or index[1] != len(found):
        starts = [m.start for m in found]
        ordered = all(a <= b for a, b in zip(starts, starts[1:]))
        longest = max((m.end - m.start for m in found), default=0)
        index = doc.scratch[_INDEX] = (found, len(found), starts if ordered else None, longest)
    starts, longest = index[2], index[3]
    if starts is None:
        return 0, len(found)
    return bisect.bisect_left(starts, start - longest), bisect.bisect_left(starts, end)


_INDEX = "mention_index"


class QuoteRegions:
    """Which offsets of a paragraph sit inside double quotation marks, from one scan."""

    def __init__(self, text: str):
        self.toggles: list[tuple[int, bool]] = []
        opened = False
        for m in _DOUBLE_QUOTES.finditer(text):
            ch = m.group(0)
            opened = True if ch in "“«" else False if ch in "”»" else not opened
            self.toggles.append((m.start(), opened))
        self.positions = [p for p, _ in self.toggles]

    def inside(self, pos: int) -> bool:
        i = bisect.bisect_left(self.positions, pos) - 1
        return i >= 0 and self.toggles[i][1]


_DOUBLE_QUOTES = re.compile(r"[“”\"«»]")


def column(pdoc: Doc, attr: int) -> list[int]:
    """One attribute of every token (a `spacy.attrs` id: IDX, LENGTH, LOWER, ORTH, DEP, LEMMA ...), in token order:
    no Token made. Kept in the Doc's `user_data` (stages ask for the same few attributes of every paragraph, and a
    parse is never changed after the parse stage): do not change the list."""
    found = pdoc.user_data.get((_COLUMN, attr))
    if found is None:
        together = _read_together()
        for a, values in _read_columns(pdoc, together if attr in together else (attr,)):
            pdoc.user_data[(_COLUMN, a)] = values
        found = pdoc.user_data[(_COLUMN, attr)]
    return found


def _read_columns(pdoc: Doc, attrs: tuple[int, ...]) -> list[tuple[int, list[int]]]:
    """(attribute, its values) for `attrs`, from one array turned so that each attribute is one list (a 2-D
    array's own tolist() makes a list per token and costs as much as reading the Tokens)."""
    if not len(pdoc):
        return [(a, []) for a in attrs]
    if len(attrs) == 1:  # spaCy gives a 1-D array for one attribute
        return [(attrs[0], pdoc.to_array(attrs[0]).tolist())]
    return list(zip(attrs, pdoc.to_array(list(attrs)).T.tolist()))


_COLUMN = "newsgraph.column"


@lru_cache(maxsize=1)
def _read_together() -> tuple[int, ...]:
    """The token attributes the stages read of every paragraph (events, quotes, coreference, dates, claims, names)."""
    from spacy.attrs import DEP, ENT_TYPE, IDX, LEMMA, LENGTH, LOWER, ORTH

    return (LOWER, LEMMA, ORTH, IDX, LENGTH, DEP, ENT_TYPE)


def dep_ids(pdoc: Doc) -> list[int]:
    """The hash of each token's dependency label, in token order (compare with `string_ids`)."""
    from spacy.attrs import DEP

    return column(pdoc, DEP)


@lru_cache(maxsize=4096)
def name_pattern(name: str) -> re.Pattern:
    """Where a text writes the name as whole words: not inside a longer word or a hyphenated one."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def word_positions(pdoc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of `words`, by hash (no Token objects made)."""
    from spacy.attrs import LOWER

    keys = string_ids(words)
    return [i for i, h in enumerate(column(pdoc, LOWER)) if h in keys]


def form_positions(pdoc: Doc, words: frozenset[str]) -> list[int]:
    """Indices of the tokens written exactly as one of `words`, by hash: a token's text is built only for the
    tokens found (the words' hashes are remembered for the set: pass the same set for every paragraph)."""
    from spacy.attrs import ORTH

    if not words:
        return []
    keys = string_ids(words)
    return [i for i, h in enumerate(column(pdoc, ORTH)) if h in keys]


def lower_positions(pdoc: Doc, words: frozenset[str], strip: str = "") -> list[int]:
    """Indices of the tokens whose lower-case form, less trailing `strip` characters ('dr.' -> 'dr'), is one of
    `words`; the verdict on each distinct form is remembered by its hash, so each is stripped once per process."""
    from spacy.attrs import LOWER

    if not len(pdoc):
        return []
    verdicts = _VERDICTS.get((words, strip))
    if verdicts is None or len(verdicts) > MAX_VERDICTS:
        verdicts = _VERDICTS[(words, strip)] = {}
    strings, out = pdoc.vocab.strings, []
    for i, h in enumerate(column(pdoc, LOWER)):
        verdict = verdicts.get(h)
        if verdict is None:
            verdict = verdicts[h] = strings[h].rstrip(strip) in words if strip else strings[h] in words
        if verdict:
            out.append(i)
    return out


_VERDICTS: dict[tuple[frozenset[str], str], dict[int, bool]] = {}  # a frozenset hashes once, then by identity
MAX_VERDICTS = 500_000  # distinct words remembered per test before starting again (a long batch's memory)


@lru_cache(maxsize=64)
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """spaCy's string hashes of `words` (what `Doc.to_array` gives for a token's LOWER, ORTH, DEP, ...)."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


TITLE_CASE_SHARE = 0.75  # a headline with this share of its words capitalised is Written Like This


def title_case(text: str) -> bool:
    """A headline Written Like This (four words or more, most of them capitalised)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def running_line(para: ParsedParagraph) -> bool:
    """A line of running text, neither a headline nor a line in title case: where capitalised words after a
    nickname are a surname, and a nickname is one ('Vincent "The Chin" Gigante Dies' is no such line)."""
    return para.role != "headline" and not title_case(para.text)


def body_words(paragraphs: list[ParsedParagraph]) -> tuple[set[str], set[str]]:
    """The body's words written in lower case (as written and as lemmas), and the capitalised words it writes
    inside sentences, from one walk over its tokens."""
    lower: set[str] = set()
    named: set[str] = set()
    for p in paragraphs:
        if p.role == "headline":
            continue
        for t in p.doc:
            if t.is_lower:
                lower.add(t.lemma_.lower())
                lower.add(t.lower_)
            elif t.text[:1].isupper() and not t.is_sent_start:
                named.add(t.text)
    return lower, named
