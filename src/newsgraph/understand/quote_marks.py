"""Finding quoted stretches in one paragraph by their marks, in any common style.

Handles curly “…” and ‘…’, straight "…" and '…', guillemets «…» and »…«,
German „…“, NYT-style ''…'' and nesting (‘…’ inside “…”). Straight and
curly single marks double as apostrophes, so a mark only opens before a
word and after a space or opening punctuation, and only closes after a
word. A quote still open when the paragraph ends runs to its end (the
multi-paragraph style where each paragraph reopens the quote without
closing the previous one).

One linear scan per paragraph; `find_marked` is pure and works on plain
strings, so it is tested without spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> the marks that may close it
# (sloppy text mixes straight and curly marks: “...")
CLOSERS: dict[str, tuple[str, ...]] = {
    "“": ("”", '"'), "„": ("“", "”"), "«": ("»",), "»": ("«",), "‘": ("’", "'"), "‚": ("‘", "’"), "‹": ("›",),
    "›": ("‹",), '"': ('"', "”"), "'": ("'", "’"), "''": ("''",), "``": ("''",), "「": ("」",), "『": ("』",),
    "”": ("”", "“", '"'),  # a closing mark typed as the opener: ”Fear. I am afraid.”
}
SINGLE_AMBIGUOUS = frozenset("'’")  # also apostrophes: "don't", "officers’"
ALL_MARKS = frozenset("“”„«»‘’‚‹›\"'`「」『』")
_MARK = re.compile("[“”„«»‘’‚‹›\"'`「」『』]")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:;,…") | frozenset("“„«‘‚‹\"'")
_CLOSE_AFTER = frozenset(" \t\n)]}—–-/:;,.!?…") | frozenset("”»’›\"'")


@dataclass(frozen=True)
class Marked:
    """A quoted stretch of a paragraph; offsets are into the paragraph string."""

    start: int  # first character of the content, after the opening mark
    end: int  # one past the content, before the closing mark (or the paragraph's end)
    open_at: int  # index of the opening mark; -1 when the quote was already open at the paragraph's start
    close_at: int | None  # index of the closing mark; None when the paragraph ended first
    depth: int  # 0 for a top-level quote, 1 for a quote inside it, ...
    parent: int | None  # index of the enclosing quote in the returned list

    close_width: int = 1  # two for '' closing marks

    @property
    def closed(self) -> bool:
        """Whether a closing mark ended the quotation within the paragraph."""
        return self.close_at is not None

    @property
    def outer_start(self) -> int:
        """The opening mark's index (the content's start when the quote was open already)."""
        return self.start if self.open_at < 0 else self.open_at

    @property
    def outer_end(self) -> int:
        """One past the closing mark (the content's end when unclosed)."""
        return self.end if self.close_at is None else self.close_at + self.close_width


def _mark_at(text: str, i: int) -> str | None:
    """The quote mark starting at `i` (two characters for '' and ``), or None."""
    ch = text[i]
    if ch in "'`" and text[i:i + 2] in ("''", "``"):
        return text[i:i + 2]
    return ch if ch in ALL_MARKS else None


def _can_open(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after_i = i + len(mark)
    after = text[after_i] if after_i < len(text) else " "
    if after.isspace():
        return False
    if mark in ("'", "’", "‘") and after.isdigit() and text[after_i:after_i + 2].isdigit():
        return False  # '90s, ’80s
    if mark in ("“", "„", "«", "‹", "‚", "``", "「", "『"):
        return True
    if mark == "‘":
        return not before.isalnum()
    return before in _OPEN_BEFORE


def _can_close(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after_i = i + len(mark)
    after = text[after_i] if after_i < len(text) else " "
    if before.isspace():
        return mark in ("”", "»", "’", "“") and (after.isspace() or after in _CLOSE_AFTER)
    if mark in SINGLE_AMBIGUOUS and before.isalpha() and after.isalpha():
        return False  # an apostrophe inside a word
    return after in _CLOSE_AFTER or after.isspace() or not after.isalnum()


def find_marked(text: str, open_at_start: str | None = None) -> list[Marked]:
    """Every quoted stretch in `text`, in order of their opening marks (outer before inner).

    `open_at_start` is the opening mark of a quote left open by the previous
    paragraph and continued here without a new opening mark.
    """
    found: list[_Open] = []
    stack: list[_Open] = []
    if open_at_start:
        stack.append(_Open(open_at_start, -1, 0, 0, None))
        found.append(stack[-1])
    i = 0
    for found_mark in _MARK.finditer(text):
        if found_mark.start() < i:
            continue  # the second character of a two-character mark
        i = found_mark.start()
        mark = _mark_at(text, i)
        level = _closing_level(stack, text, i, mark)
        if level is not None:
            while len(stack) > level + 1:  # inner quotes left open end here too
                stack.pop().end = i
            closing = stack.pop()
            closing.end, closing.close_at, closing.close_width = i, i, len(mark)
        elif mark in CLOSERS and _can_open(text, i, mark):
            stack.append(_Open(mark, i, i + len(mark), len(stack), stack[-1] if stack else None))
            found.append(stack[-1])
        i += len(mark)
    end = len(text.rstrip())
    for still_open in stack:  # the paragraph ended first
        still_open.end = max(still_open.start, end)
    kept = [f for f in found if f.end > f.start]
    index = {id(f): k for k, f in enumerate(kept)}
    return [Marked(f.start, f.end, f.open_at, f.close_at, f.depth,
                   index.get(id(f.parent)) if f.parent else None, f.close_width) for f in kept]


@dataclass
class _Open:
    mark: str
    open_at: int
    start: int
    depth: int
    parent: _Open | None
    end: int = -1
    close_at: int | None = None
    close_width: int = 1


def _closing_level(stack: list[_Open], text: str, i: int, mark: str) -> int | None:
    """The stack level `mark` closes, or None when it closes nothing (it may open a quote)."""
    if not stack:
        return None
    if mark in CLOSERS[stack[-1].mark]:
        if _can_close(text, i, mark) or (mark not in SINGLE_AMBIGUOUS and not _can_open(text, i, mark)):
            return len(stack) - 1
        return None
    if mark in SINGLE_AMBIGUOUS or mark == '"' or not _can_close(text, i, mark):
        return None
    for level in range(len(stack) - 2, -1, -1):  # an unambiguous mark closing an outer quote
        if mark in CLOSERS[stack[level].mark]:
            return level
    return None
