"""The units the scraped-text reader reasons about, and its named limits."""

from __future__ import annotations

from dataclasses import dataclass, field

from .datelines import DateStamp
from .furniture import Credit, word_count

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
