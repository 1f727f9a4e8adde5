"""Step 1 of the quotes stage: each paragraph's quotations by their marks, carried across paragraphs.

A `Paragraph` holds what steps 1 and 2 find in one paragraph: its quotations, found here by their marks
(`quote_marks`), then the cues `quotes.extract_quotes` reads in it (`attribution`).
  - A quotation left open at a paragraph's end goes on in the next, which reopens it with the same mark or runs on
    without one (`mark_paragraphs`).
  - A quoted title is a name, not a quotation: two to eight title-case words (`is_title`) in a body paragraph,
    sitting mid-sentence after a word ('told the station's "Harbour Hour" that ...'), with nothing quoted inside and
    framed by no speech verb ('"Thank You," she said').
  - A nested quotation stands in a top-level one (`top_level`).
`quote_drafts` pairs the quotations with their cues (steps 3 and 4); a paragraph that is only a quoted title is a
subheading there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .cue_words import lexicon
from .quote_marks import Marked, find_marked
from .quote_rules import enabled

if TYPE_CHECKING:
    from .context import ParsedParagraph
    from .cue_kinds import Cue


@dataclass
class Paragraph:
    """One body paragraph with what steps 1 and 2 found in it."""

    index: int
    parsed: ParsedParagraph
    marks: list[Marked]
    continues: bool  # its first quotation continues one left open by the previous paragraph
    scopes: list[int] = field(default_factory=list)  # innermost quotation of each token
    layers: list[int] = field(default_factory=list)  # top-level quotation of each token
    spans: list[tuple[int, int]] = field(default_factory=list)  # token range of each quotation
    cues: list[Cue] = field(default_factory=list)
    intro: Cue | None = None  # a cue ending the paragraph with a colon: "The Times reports:"


def mark_paragraphs(paras: list[ParsedParagraph]) -> list[Paragraph]:
    """Step 1: quotation marks, with quotations carried across paragraphs."""
    out, carry = [], None
    for i, para in enumerate(paras):
        text = para.text
        marks, continues = None, False
        stripped = text.lstrip()
        if carry and stripped and stripped[0] not in carry[:1]:
            trial = find_marked(text, carry)
            if trial and trial[0].open_at == -1 and trial[0].closed:
                marks, continues = trial, True
        if marks is None:
            marks = find_marked(text)
            continues = bool(carry and marks and marks[0].depth == 0 and marks[0].open_at == len(text) - len(stripped))
        if enabled("quoted_titles") and para.role == "body":
            marks = _without_titles(para, marks)
        top = [m for m in marks if m.depth == 0]
        carry = text[top[-1].open_at:top[-1].start] if top and not top[-1].closed and top[-1].open_at >= 0 else None
        out.append(Paragraph(i, para, marks, continues))
    return out


TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with",
                               "from", "as", "is", "are"})
MAX_TITLE_WORDS = 8
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def is_title(quoted: str) -> bool:
    """Quoted words in title case, two to eight of them: the name of a show, book or song ("State of the Union",
    "Ten Walks Along the Harbour"), not speech."""
    words = _WORD.findall(quoted)
    if not 2 <= len(words) <= MAX_TITLE_WORDS or not words[0][0].isupper():
        return False
    return all(w[0].isupper() for w in words if w.lower() not in TITLE_SMALL_WORDS)


FRAMING_REACH = 4  # tokens after a quotation in which its speech verb may stand ("," the harbour master said)


def _without_titles(para: ParsedParagraph, marks: list[Marked]) -> list[Marked]:
    """The paragraph's quotations without quoted titles: top-level ones in title case with nothing quoted inside,
    sitting mid-sentence after a word ('told the station's "Harbour Hour" that ...'), and framed by no speech verb."""
    text = para.text
    parents = {m.parent for m in marks}
    drop = {k for k, m in enumerate(marks) if m.depth == 0 and k not in parents and m.closed
            and is_title(text[m.start:m.end]) and not is_title(text) and _after_a_word(text, m.open_at)
            and not _framed(para, m)}
    if not drop:
        return marks
    new_index = {}
    for k in range(len(marks)):
        if k not in drop:
            new_index[k] = len(new_index)
    return [replace(m, parent=None if m.parent is None else new_index[m.parent])
            for k, m in enumerate(marks) if k not in drop]


def _after_a_word(text: str, open_at: int) -> bool:
    """The quotation opens mid-sentence, after a word or a word and a comma ('in her memoir, "..."')."""
    before = text[:max(open_at, 0)].rstrip().removesuffix(",").rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in "'’")


def _framed(para: ParsedParagraph, m: Marked) -> bool:
    """Speech a cue frames: the quotation ends in , ! or ? and a speech verb follows it ('"Thank You," she said')."""
    if not m.end or para.text[m.end - 1] not in ",!?" or m.close_at is None:
        return False
    frames = lexicon().frames
    after = [t for t in para.doc if t.idx > m.close_at][:FRAMING_REACH]
    for t in after:
        if t.is_punct:
            return False
        if t.lemma_.lower() in frames and t.tag_.startswith("VB"):
            return True
    return False


def top_level(marks: list[Marked], k: int) -> int:
    """The top-level quotation that quotation `k` stands in (-1 stays -1)."""
    while k >= 0 and marks[k].parent is not None:
        k = marks[k].parent
    return k
