"""The units the scraped-text reader reasons about, and its named limits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .datelines import DateStamp, parse_dateline
from .furniture import Credit, ends_sentence, furniture_reason, parse_byline, parse_credit, word_count

STAGE = "layout"
MAX_HEADLINE_WORDS = 40
MAX_DECK_WORDS = 90
MAX_CAPTION_WORDS = 40
MAX_PLAIN_CAPTION_WORDS = 20  # a caption that ends like a sentence, with no picture widget before it
MAX_ALT_WORDS = 30
MAX_FOOTER_WORDS = 8
MAX_DATELINE_WORDS = 20
MIN_REPEAT_WORDS = 6  # shorter lines may repeat in a body (crossheads of a list); longer repeats are scraping noise
WRAP_MIN_LINE, WRAP_MAX_LINE = 35, 100
MEDIA_REASONS = ("gallery-widget", "image-alt", "caption", "credit")
LIST_ITEM = re.compile(r"^(?:[*+•·‣◦▪►▸■□●○◆◇–—-]|\d{1,3}[.)]|#{1,6})\s+")  # a list item or Markdown heading
HEADER_BREAKS = ("separator", "byline", "dateline", "navigation", "share", "social")


@dataclass
class Unit:
    """A line (or a wrapped paragraph) of the input and what it turned out to be."""

    start: int
    end: int
    text: str
    block: int = 0  # index of the blank-line-separated block the unit is in
    reason: str | None = None  # furniture reason, when taken out
    role: str | None = None  # headline, deck or body
    credit: Credit | None = None
    authors: list[str] = field(default_factory=list)
    dates: list[DateStamp] = field(default_factory=list)
    body_offset: int = 0  # characters of glued date stamp (or furniture sentences) before the text proper
    body_end: int | None = None  # where the text proper ends, when furniture sentences follow it on the line
    trimmed: list[tuple[int, int, str]] = field(default_factory=list)  # furniture sentences cut off the line
    foreign: bool = False  # in another script than the article's

    @property
    def free(self) -> bool:
        return self.reason is None and self.role is None

    @property
    def stamped(self) -> bool:
        """A free unit with a date stamp glued before its text."""
        return bool(self.dates) and self.body_offset > 0

    @property
    def words(self) -> int:
        return word_count(self.text)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def split_units(text: str) -> list[Unit]:
    """Lines with their offsets, blank-line blocks of wrapped prose joined into one unit."""
    blocks: list[list[Unit]] = [[]]
    for m in _LINE.finditer(text):
        line = m.group(0).rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            if blocks[-1]:
                blocks.append([])
            if m.end() >= len(text):
                break
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        blocks[-1].append(Unit(start, start + len(stripped), stripped, block=len(blocks) - 1))
        if m.end() >= len(text):
            break
    units: list[Unit] = []
    for block in blocks:
        if _is_wrapped(block):
            units.append(_joined(block))
        else:
            units.extend(_reflowed(block, text))
    return units


def _joined(lines: list[Unit]) -> Unit:
    return Unit(lines[0].start, lines[-1].end, " ".join(u.text for u in lines), block=lines[0].block)


def _reflowed(block: list[Unit], text: str) -> list[Unit]:
    """Lines of a block hard-wrapped at a column (a text browser's dump) joined back into paragraphs.

    A line continues the one before when the one before was full (the next
    line's first word would not have fitted on it within the block's width, a
    width that several lines reach) and did not end a sentence.
    """
    if len(block) < 2:
        return block
    widths = [u.end - text.rfind("\n", 0, u.start) - 1 for u in block]  # with the indentation
    width = max(widths)
    if not WRAP_MIN_LINE * 1.5 <= width <= WRAP_MAX_LINE or sum(w >= 0.85 * width for w in widths) < 2:
        return block
    out: list[list[Unit]] = [[block[0]]]
    for k in range(1, len(block)):
        first_word = block[k].text.split(" ", 1)[0]
        full = widths[k - 1] + 1 + len(first_word) > width
        if full and not ends_sentence(block[k - 1].text) and not LIST_ITEM.match(block[k].text):
            out[-1].append(block[k])
        else:
            out.append([block[k]])
    return [run[0] if len(run) == 1 else _joined(run) for run in out]


def _is_wrapped(block: list[Unit]) -> bool:
    """Hard-wrapped prose: lines of similar width that mostly do not end sentences."""
    if len(block) < 2:
        return False
    body = block[:-1]
    if any(not WRAP_MIN_LINE <= len(u.text) <= WRAP_MAX_LINE for u in body) or len(block[-1].text) > WRAP_MAX_LINE:
        return False
    if any(furniture_reason(u.text) or parse_credit(u.text) or parse_byline(u.text) or parse_dateline(u.text)
           for u in block):
        return False
    return sum(not ends_sentence(u.text) for u in body) * 2 >= len(body)


