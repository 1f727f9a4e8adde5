"""Recognising page furniture line by line, from the vocabularies in `newsgraph/data`.

Pure functions over one line of text: which furniture it is, whether it
is a picture credit (and what is credited), which script it is written in.
The layout reasoning that uses them is in `newsgraph.readers.text`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

try:
    import re._parser as _regex_parser  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse as _regex_parser  # type: ignore[no-redef]

SENTENCE_END = re.compile(r"(?:[.!?…][\"'”’»)\]]*|[\"'”’»][.!?])$")
_SEPARATOR = re.compile(r"^[\W_]+$")
QUOTE_OPENERS = "\"“‘'«„‹"


def load_data(name: str) -> dict:
    """A JSON vocabulary from the package's data folder."""
    return json.loads(resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class LineTest:
    """One furniture reason's patterns, split for speed (`line_tests`), with what a line must have to match."""

    reason: str
    every: re.Pattern  # all its patterns, for a line with a newline
    short: re.Pattern | None  # the patterns that match at most `longest` characters (before their '\s*[.!:]?')
    longest: int
    whole: re.Pattern | None  # the other patterns that are not '.*X.*' and open with a fixed part: they fail at once
    loose: re.Pattern | None  # ... and those that open with a repeat ('.{0,80}\\breproduction'): tried all along
    loose_needs: frozenset[str] | None  # lower-case strings one of which any match of `loose` holds; None: unknown
    inner: re.Pattern | None  # the X of the patterns that are '.*X.*', searched for
    inner_needs: frozenset[str] | None  # the same for `inner`

    def holds(self, line: str, folded: str, stripped: int) -> bool:
        """Whether `line` (no newline in it) is of this reason; `folded` is `_folded(line)`, `stripped` the length
        of the line without trailing spaces and .!: (the most its patterns' own part can be)."""
        return bool((self.short is not None and stripped <= self.longest and self.short.fullmatch(line))
                    or (self.whole is not None and self.whole.fullmatch(line))
                    or (self.loose is not None and _holds(folded, self.loose_needs) and self.loose.fullmatch(line))
                    or (self.inner is not None and _holds(folded, self.inner_needs) and self.inner.search(line)))


@dataclass(frozen=True)
class Vocabulary:
    furniture: tuple[tuple[str, re.Pattern], ...]
    line_tests: tuple[LineTest, ...]
    credit_label: re.Pattern
    credit_by: re.Pattern
    glued_credit: re.Pattern
    agency_credit: re.Pattern
    bracket_credit: re.Pattern
    byline: re.Pattern
    job_title: re.Pattern
    not_names: frozenset[str]
    comment_head: re.Pattern


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def vocabulary() -> Vocabulary:
    """The furniture, credit and byline vocabularies, compiled once."""
    furniture = load_data("furniture.json")
    credits = load_data("credits.json")
    bylines = load_data("bylines.json")
    rules = tuple((reason, re.compile("|".join(rf"(?:{p})\s*[.!:]?" for p in patterns), re.I))
                  for reason, patterns in furniture.items() if not reason.startswith("_"))
    labels, by_labels, agencies = (_alternation(credits[k]) for k in ("labels", "by_labels", "agencies"))
    return Vocabulary(
        furniture=rules,
        line_tests=tuple(line_tests(reason, patterns) for reason, patterns in furniture.items()
                         if not reason.startswith("_") and reason not in CONTEXT_REASONS),
        credit_label=re.compile(rf"^\(?\s*(?:{labels})\s*(?:credit)?\s*[:：]\s*(?P<credit>[^()]{{2,120}}?)\s*\)?\s*\.?$", re.I),
        credit_by=re.compile(rf"^\(?\s*(?:{by_labels})\s+(?P<credit>[^()]{{2,80}}?)\s*\)?\s*\.?$", re.I),
        glued_credit=re.compile(rf"^(?P<caption>.{{3,}}?)\s*(?:\(\s*(?:(?:{labels})\s*(?:credit)?\s*[:：]|(?:{by_labels})\s)"
                                rf"\s*(?P<credit>[^()]{{2,120}}?)\s*\)|(?<=[.!?\s])(?-i:(?:{_capitalised(credits['labels'])}))"
                                rf"\s*[:：]\s*(?P<credit2>[^:()]{{2,80}}?))\s*\.?$", re.I),
        agency_credit=re.compile(rf"^\(?(?P<credit>(?:[^\W\d_][\w.'’-]*\s+){{0,4}}[^\W\d_][\w.'’-]*\s*/\s*(?:{agencies})"
                                 rf"|(?:{agencies})(?:\s*/\s*(?:{agencies}))*)\)?$", re.I),
        bracket_credit=re.compile(r"^\((?P<credit>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3}\s*/\s*"
                                  r"[^\W\d_][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4})\)$"),
        byline=re.compile(rf"^(?:{_alternation(bylines['prefixes'])})\s+(?P<names>[^\W\d_].{{1,150}})$", re.I),
        job_title=re.compile(rf"^(?P<name>[^\W\d_][\w.'’-]+(?:\s+[^\W\d_][\w.'’-]+){{1,3}})\s*,\s*(?:[\w.'’-]+\s+){{0,3}}"
                             rf"(?:{_alternation(bylines['job_titles'])})\b[\w\s,.'’-]{{0,60}}$", re.I),
        not_names=frozenset(n.lower() for n in bylines["not_names"]),
        comment_head=re.compile(rf"^@?[^\W_][\w.'’@-]*(?:\s+[^\W\d_][\w.'’-]*)?\s+(?:{_alternation(bylines['comment_verbs'])})"
                                rf"\s*:(?:\s*\S|\s*$)", re.I),
    )


def line_tests(reason: str, patterns: list[str]) -> LineTest:
    """A reason's patterns split: a line without a newline is filled by '.*X.*' exactly when X is found in it, and
    `search` finds X without trying every cut of the line; a bounded pattern is tried only on a line short enough
    for it (`_longest`), one that searches (inner) or opens with a repeat only on a line holding a word it needs
    (`_needs`), so most prose lines are passed over cheaply.
    (A line fills an alternation exactly when it fills one of its patterns.)"""
    inner = [x for p in patterns if (x := _inner(p)) is not None]
    whole = [p for p in patterns if _inner(p) is None]
    short = [p for p in whole if _longest(p) is not None]
    loose = [p for p in whole if _longest(p) is None and _opens_with_repeat(p)]
    whole = [p for p in whole if _longest(p) is None and not _opens_with_repeat(p)]
    return LineTest(reason, _either(patterns, r"\s*[.!:]?"), _either(short, r"\s*[.!:]?"),
                    max((_longest(p) for p in short), default=0), _either(whole, r"\s*[.!:]?"),
                    _either(loose, r"\s*[.!:]?"), _needs_any(loose), _either(inner), _needs_any(inner))


def _opens_with_repeat(pattern: str) -> bool:
    """Whether a pattern opens with a repeat ('.{0,80}...'): matched against a whole line it tries every length
    of it (one that opens with fixed text fails at the first character that differs)."""
    parsed = _regex_parser.parse(pattern).data
    return bool(parsed) and parsed[0][0] in (_regex_parser.MAX_REPEAT, _regex_parser.MIN_REPEAT)


def _either(patterns: list[str], tail: str = "") -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p}){tail}" for p in patterns), re.I) if patterns else None


def _longest(pattern: str) -> int | None:
    """The most characters a match of `pattern` takes, or None when it has no bound ('.*', a '+')."""
    most = _regex_parser.parse(pattern).getwidth()[1]
    return most if most < UNBOUNDED else None


UNBOUNDED = 10_000  # a pattern that can match this many characters is taken as having no bound


def _needs_any(patterns: list[str]) -> frozenset[str] | None:
    """Lower-case strings one of which a match of any of `patterns` holds; None when one of them needs nothing."""
    needs = [_needs(_regex_parser.parse(p).data) for p in patterns]
    return frozenset().union(*needs) if needs and all(needs) else None


def _needs(nodes) -> frozenset[str] | None:
    """Lower-case strings one of which every match of a parsed pattern holds (the best of its literal runs,
    groups and alternations), or None. Matched case-insensitively, a pattern's 'i' also matches 'ı' and its 's'
    'ſ' (`_folded` maps them back)."""
    found: list[frozenset[str]] = []
    run = ""
    for op, av in [*nodes, (None, None)]:
        if op == _regex_parser.LITERAL and (av < 128 or chr(av).lower() == chr(av) == chr(av).upper()):
            run += chr(av).lower()  # ASCII, or a character without case ('©')
            continue
        if run:
            found.append(frozenset({run}))
            run = ""
        if op == _regex_parser.SUBPATTERN:
            found.append(_needs(av[-1].data))
        elif op == _regex_parser.BRANCH:
            alternatives = [_needs(branch.data) for branch in av[1]]
            found.append(frozenset().union(*alternatives) if all(alternatives) else None)
        elif op in (_regex_parser.MAX_REPEAT, _regex_parser.MIN_REPEAT) and av[0] >= 1:
            found.append(_needs(av[2].data))
    return max((f for f in found if f), key=lambda f: min(map(len, f)), default=None)


def _folded(line: str) -> str:
    """The line as `_needs` strings are looked for in it: lower case, 'ı' and 'ſ' as the 'i' and 's' they match."""
    return line.lower().replace("ı", "i").replace("ſ", "s")


def _holds(folded: str, needs: frozenset[str] | None) -> bool:
    return needs is None or any(n in folded for n in needs)


def _inner(pattern: str) -> str | None:
    """X of a pattern that is '.*X.*' as a whole (no alternation at its top level), else None."""
    if len(pattern) < 5 or not pattern.startswith(".*") or not pattern.endswith(".*") or pattern[2] in "?+":
        return None
    parsed = _regex_parser.parse(pattern).data
    return pattern[2:-2] if len(parsed) > 2 and _anything(parsed[0]) and _anything(parsed[-1]) else None


def _anything(node) -> bool:
    """Whether a parsed regex node is '.*'."""
    op, av = node
    return op == _regex_parser.MAX_REPEAT and av[:2] == (0, _regex_parser.MAXREPEAT) \
        and list(av[2].data) == [(_regex_parser.ANY, None)]


def _capitalised(words) -> str:
    return "|".join(re.escape(w[:1].upper() + w[1:]).replace(r"\ ", r"\s+") for w in words)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"“‘«(©A-Z0-9])")


def sentences(line: str) -> list[tuple[int, int]]:
    """Where the sentences of a line start and end: a break after . ! ? … before a capital, digit or quote."""
    spans, start = [], 0
    for m in _SENTENCE_BREAK.finditer(line):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(line)))
    return [(a, b) for a, b in spans if b > a]


def furniture_reason(line: str) -> str | None:
    """The furniture category of a line, judged on its sentences: a line holding any other sentence is not furniture."""
    reason = _line_reason(line)
    if reason is None or reason in WHOLE_LINE_REASONS:
        return reason
    parts = sentences(line)
    if len(parts) > 1 and not all(_line_reason(line[a:b]) for a, b in parts):
        return None
    return reason


def furniture_edges(line: str, lead: bool = True) -> tuple[int, int, list[tuple[int, int, str]]]:
    """A body line's own span without furniture sentences at its start (when `lead`) or end, and what they were."""
    parts = sentences(line)
    cut: list[tuple[int, int, str]] = []
    while lead and len(parts) > 1 and (reason := _line_reason(line[parts[0][0]:parts[0][1]])):
        cut.append((*parts.pop(0), reason))
    while len(parts) > 1 and (reason := _line_reason(line[parts[-1][0]:parts[-1][1]])):
        cut.append((*parts.pop(), reason))
    return parts[0][0], parts[-1][1], cut


@lru_cache(maxsize=4096)  # a page's lines are judged again as sentences, by the comment tail and the trim
def _line_reason(line: str) -> str | None:
    """The furniture category a whole line (or one sentence) belongs to, or None; a line set off by marks a scraper
    kept ('<< Follow X on Facebook | Twitter >>', '» Read more: ...') is judged without them."""
    reason = line_reason(vocabulary().line_tests, line)
    if reason is None and line and (line[0] in _DECORATION or line[-1] in _DECORATION + _CLOSING_MARKS):
        bare = line.lstrip(_DECORATION).rstrip(_DECORATION + _CLOSING_MARKS)
        if bare != line and any(c.isalpha() for c in bare):
            return line_reason(vocabulary().line_tests, bare)
    return reason


_DECORATION = "<>»›→ \t"
"""Arrows a scraped line may open or close with around its words (a list's bullets and a table's bars are no such
marks: they stay part of the line the reader and its line model judge)."""
_CLOSING_MARKS = "«‹"  # closing arrows, never stripped from a line's start (where they open a quotation)


def line_reason(tests: tuple[LineTest, ...], line: str) -> str | None:
    """A separator; else the reason of the first of `tests` whose patterns fill the line (one of them followed by
    spaces and a '.', '!' or ':'); else navigation for a menu; else None. The text reader passes its line tests, the
    HTML reader its own (furniture.json's and html.json's)."""
    if is_separator(line):
        return "separator"
    newline = "\n" in line
    folded, stripped = _folded(line), len(line.rstrip().rstrip(".!:").rstrip())
    for t in tests:
        if t.every.fullmatch(line) if newline else t.holds(line, folded, stripped):
            return t.reason
    return "navigation" if is_menu(line) else None


WHOLE_LINE_REASONS = ("separator", "navigation", "author-bio")
"""Judged on the whole line: an author's bio line is a sentence about them and a contact, both furniture."""

CONTEXT_REASONS = ("section-label",)
"""Vocabularies that only apply in one place (a section label only above the headline)."""

_MENU_SPLIT = re.compile(r"\s+[|•·/>›»]\s+|\s{3,}|\t+")
_BREADCRUMB = re.compile(r"\s[>›»]\s")
_MENU_MARKS = "|•·/>›»\t"  # one of these or three spaces in a row: what _MENU_SPLIT needs to split a line
_WIDE_SPACE = re.compile(r"\s{3}")


def is_menu(line: str) -> bool:
    """Short items between bars or bullets ('News | World | Sport'), or a breadcrumb ('Sport » Football')."""
    if not any(c in line for c in _MENU_MARKS) and _WIDE_SPACE.search(line) is None:
        return False  # nothing to split at (most lines: found faster than by the split)
    items = [i for i in _MENU_SPLIT.split(line.strip()) if i]
    if len(items) < 2 or not all(len(i.split()) <= 3 and not ends_sentence(i) for i in items):
        return False
    return len(items) >= 3 or bool(_BREADCRUMB.search(line))


def matches(reason: str, line: str) -> bool:
    """Whether a line is in the vocabulary of one furniture reason."""
    return any(r == reason and p.fullmatch(line) for r, p in vocabulary().furniture)


def is_separator(line: str) -> bool:
    """A line of nothing but punctuation and symbols: '|', '""', '* * *'."""
    return bool(_SEPARATOR.match(line))


@dataclass(frozen=True)
class Credit:
    credit: str
    caption: str | None = None  # a caption glued before the credit on the same line
    caption_end: int = 0  # where the caption ends in the line
    credit_start: int = 0


def parse_credit(line: str) -> Credit | None:
    """A picture credit line, or a caption with its credit glued at the end."""
    v = vocabulary()
    for pattern in (v.credit_label, v.credit_by, v.agency_credit):
        m = pattern.match(line)
        if m and len(m.group("credit").split()) <= 12:
            return Credit(m.group("credit").strip(), credit_start=m.start("credit"))
    if not any(mark in line for mark in _GLUED_CREDIT_MARKS):
        return None  # a glued or bracketed credit is in brackets or after a label's colon: most lines have neither
    m = v.bracket_credit.match(line)  # '(Ada Marsh / Harbour Gazette)': a name and any outlet, the line in brackets
    if m and looks_like_name(m.group("credit")):
        return Credit(m.group("credit").strip(), credit_start=m.start("credit"))
    m = v.glued_credit.match(line)
    if m:
        group = "credit" if m.group("credit") else "credit2"
        credit = m.group(group).strip()
        if len(credit.split()) <= 8 and looks_like_name(credit):
            return Credit(credit, m.group("caption").strip(), m.end("caption"), m.start(group))
    return None


_GLUED_CREDIT_MARKS = "(:："  # '... (Photo: X)', '... Photo: X', '(X / Y)': no glued or bracketed credit without one


def looks_like_name(text: str) -> bool:
    """Capitalised words, slashes and initials: 'AVI COHEN/FLASH90', 'Dana Levi'."""
    words = [w for w in re.split(r"[\s/,&]+", text) if w]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or w.lower() in ("and", "of", "via", "for", "de", "van", "al", "el", "bin")
                               for w in words)


def script_of(text: str) -> str | None:
    """The script most letters of `text` are in ('LATIN', 'HEBREW', 'CYRILLIC', ...), or None."""
    if not any(ch.isalpha() for run in _ABOVE_LATIN.findall(text) for ch in run):  # Latin letters only, if any
        return "LATIN" if _LATIN_LETTER.search(text) else None
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            if ch < "\u0250":  # Basic Latin to Latin Extended-B: no need to look the name up
                script = "LATIN"
            else:
                name = unicodedata.name(ch, "")
                script = name.split(" ", 1)[0] if name else "UNKNOWN"
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else None


_LATIN_LETTER = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x250) if chr(c).isalpha()) + "]")
_ABOVE_LATIN = re.compile("[^\x00-\u024f]+")  # past Latin Extended-B: quotes and dashes, or another script


def ends_sentence(text: str) -> bool:
    """Whether the text ends like a sentence: a full stop, ? or !, maybe inside quotes (what SENTENCE_END finds, read
    from the end instead of searched for from the start: it is asked of every line, many times)."""
    text = text.rstrip()
    return text.rstrip(_CLOSERS).endswith(_ENDS) or (text[-1:] in _QUOTED_ENDS and len(text) >= 2
                                                     and text[-2] in _QUOTES_BEFORE_END)


_CLOSERS = "\"'”’»)]"  # what may follow a sentence's end: [.!?…][\"'”’»)\]]*
_ENDS = (".", "!", "?", "…")
_QUOTED_ENDS, _QUOTES_BEFORE_END = ".!?", "\"'”’»"  # or [\"'”’»][.!?]


@lru_cache(maxsize=4096)  # a unit's words are asked for by many rules
def word_count(text: str) -> int:
    """Words, estimated from length for scripts written without spaces (one word per ~6 characters)."""
    return max(len(text.split()), len(text) // 6)


def is_comment_line(line: str) -> bool:
    """A reader's comment as comment sections print it: a name of one or two words, a verb and a colon ('jmk42 wrote: ...')."""
    return vocabulary().comment_head.match(line) is not None


def parse_byline(line: str) -> list[str] | None:
    """Author names of a byline line ('By A and B | Reuters', 'A, Senior Correspondent'), else None."""
    v = vocabulary()
    m = v.byline.match(line)
    if m:
        if ends_sentence(m.group("names")) and not re.search(r"\b[A-Z]\.$", m.group("names")):
            return None
        people = re.split(r"\s+[|·•]\s+|\s+[-–—]\s+", m.group("names"))[0]  # what follows a bar is the outlet
        names = [_clean_name(p) for p in re.split(r"\s*(?:,|;|\band\b|&|\bwith\b)\s*", people)]
        names = [n for n in names if n and _is_person_name(n, v)]
        return names if names else None
    m = v.job_title.match(line)
    if m and _is_person_name(m.group("name"), v):
        return [m.group("name")]
    return None


_NAME = r"[^\W\d_][\w.'’-]+(?:\s+[^\W\d_][\w.'’-]+){1,3}"
_NAME_AND_OUTLET = re.compile(rf"^(?P<name>{_NAME})\s*,\s*(?P<outlet>(?:[A-Z0-9][\w.&'’-]*\s*){{1,4}})$")


def parse_header_byline(line: str) -> list[str] | None:
    """'Yael Mor, Darom Today': a name and an outlet, read as a byline only in an article's header."""
    m = _NAME_AND_OUTLET.match(line.strip())
    if m and _is_person_name(m.group("name"), vocabulary()) and not ends_sentence(line):
        return [m.group("name")]
    return None


def _clean_name(part: str) -> str:
    part = re.sub(r"\s+(?:in|from|at)\s+[A-Z][\w\s]*$", "", part.strip())
    return part.strip(" .·-–—:")


def _is_person_name(name: str, v: Vocabulary) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or name.lower() in v.not_names:
        return False
    if v.agency_credit.match(name):
        return False
    return all(w[0].isupper() or w.lower() in ("de", "van", "von", "bin", "al", "el", "da", "ben", "le", "la") for w in words)
