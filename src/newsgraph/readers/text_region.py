"""Where the article sits in a whole page rendered to text (a scraper's dump of menus, story and footer).

A page rendered to text (inscriptis, html2text, `w3m -dump`, a browser's
select-all) holds the story among menus, share widgets, teaser lists and
footers. The story is the stretch of the page densest in prose:

1. each unit is scored on its own shape: a prose line (long enough, reads
   as sentences, mostly lower-case words, not a list item of a menu) earns
   its words; any other free line costs `LINE_COST`, furniture too;
2. the run of units with the largest total is the body region (the
   maximum-sum stretch, as in Finn's body text extraction);
3. sentence lines right at its edges join it ("He was 52.");
4. the header is read just above the region: its headline is the longest
   title-like line among the few lines before it.

An article pasted on its own (headline, deck, body) is one region from its
first line: `is_page_dump` tells a page from a pasted article by how much
stands before the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import text_rules
from .furniture import QUOTE_OPENERS, ends_sentence
from .text_units import LIST_ITEM, MAX_HEADLINE_WORDS, MEDIA_REASONS, Unit

MIN_PROSE_WORDS = 8  # shorter lines are too short to tell prose from a teaser by their shape
LONG_PROSE_WORDS = 25  # so long that it is prose even without a final full stop
MIN_LOWER_SHARE = 0.4  # of words starting in lower case, in a script with case: below, a title or a name list
LINE_COST = 5.0  # what a non-prose line costs the region it would sit in
MEDIA_COST = 0.5  # a picture's widget, alt text, caption or credit line: pictures sit inside stories
ISOLATED_SHARE = 0.25  # of its words that a prose line between two non-prose lines earns (a teaser's blurb)
SHORT_SENTENCE_SCORE = 1.0  # a short line that ends a sentence ("He was 52.")
EDGE_SENTENCE_WORDS = 2  # a sentence line this long or longer at the region's edge joins it
HEADER_WINDOW = 6  # free lines above the region in which the headline is looked for
MIN_DUMP_LINES = 8  # free lines before the story that make the input a page dump, not a pasted article
MIN_DUMP_TAIL = 8  # free lines after the story that make it a page dump too

LIST_MARKER = LIST_ITEM
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True)
class Region:
    start: int  # first unit of the body region
    end: int  # one past its last unit


def bare(text: str) -> str:
    """The text without a list or heading marker in front ('* ', '• ', '## ', '3. ')."""
    return LIST_MARKER.sub("", text, count=1)


@lru_cache(maxsize=4096)  # asked of the same lines by the region, the comment tail and the header
def lower_share(text: str) -> float | None:
    """The share of words starting in lower case, or None in a script without case."""
    words = _WORD.findall(text)
    cased = [w for w in words if w[0].isupper() or w[0].islower()]
    if len(cased) < max(3, len(words) // 2):
        return None
    return sum(w[0].islower() for w in cased) / len(cased)


def is_prose(unit: Unit) -> bool:
    """Whether a unit reads as running sentences, by its shape alone."""
    if unit.reason is not None or unit.words < MIN_PROSE_WORDS:
        return False
    text = unit.text
    if LIST_MARKER.match(text) and not text.rstrip("\"'”’»)] ").endswith("."):
        return False  # list items are prose only when they close with a full stop: teasers do not
    if not (ends_sentence(text) or unit.words >= LONG_PROSE_WORDS):
        return False
    share = lower_share(text)
    return share is None or share >= MIN_LOWER_SHARE


def unit_score(units: list[Unit], i: int) -> float:
    """What a unit adds to the body region it sits in."""
    unit = units[i]
    if is_prose(unit):
        return float(unit.words)
    if _is_picture_line(units, i):
        return -MEDIA_COST
    if unit.reason is None and unit.words >= EDGE_SENTENCE_WORDS and ends_sentence(unit.text) \
            and not LIST_MARKER.match(unit.text):
        return SHORT_SENTENCE_SCORE
    return -LINE_COST


def find_region(units: list[Unit]) -> Region | None:
    """The maximum-sum run of units, widened by sentence lines at its edges; None without prose."""
    prose = [is_prose(u) for u in units]
    best, best_at = 0.0, None
    total, start = 0.0, 0
    for i, unit in enumerate(units):
        if total <= 0:
            total, start = 0.0, i
        score = unit_score(units, i)
        if prose[i] and _is_isolated(units, prose, i):
            score *= ISOLATED_SHARE
        total += score
        if total > best:
            best, best_at = total, (start, i + 1)
    if best_at is None:
        return None
    start, end = best_at
    while start > 0 and _joins_edge(units[start - 1]):
        start -= 1
    j = end
    while j < len(units) and (_joins_edge(units[j]) or _is_picture_line(units, j)):
        j += 1
        end = j if _joins_edge(units[j - 1]) else end
    return Region(start, end)


def _is_picture_line(units: list[Unit], i: int) -> bool:
    """A picture's widget, alt text or credit, or the caption line just above a credit."""
    nxt = units[i + 1] if i + 1 < len(units) else None
    return units[i].reason in MEDIA_REASONS or (units[i].free and nxt is not None and nxt.reason == "credit")


def _is_isolated(units: list[Unit], prose: list[bool], i: int) -> bool:
    """A prose line between free lines that are not prose (titles, names): a teaser's blurb."""
    sides = [k for k in (i - 1, i + 1) if 0 <= k < len(units)]
    return all(not prose[k] and units[k].reason is None for k in sides)


def _joins_edge(unit: Unit) -> bool:
    return unit.free and unit.words >= EDGE_SENTENCE_WORDS and not LIST_MARKER.match(unit.text) \
        and (ends_sentence(unit.text) or unit.text[0] in QUOTE_OPENERS)


def is_page_dump(units: list[Unit], region: Region) -> bool:
    """A whole page rendered to text: many free lines stand before the story (or, with the `tail_dump`
    family, after it: a page whose story sits at the top of its dump, above teasers and menus)."""
    if sum(u.reason is None for u in units[:region.start]) >= MIN_DUMP_LINES:
        return True
    return text_rules.enabled("tail_dump") and sum(u.reason is None for u in units[region.end:]) >= MIN_DUMP_TAIL


def header_start(units: list[Unit], region: Region) -> int:
    """Where the header begins above the region: the longest title-like line among the last few lines."""
    candidates = []
    i = region.start - 1
    while i >= 0 and len(candidates) < HEADER_WINDOW:
        unit = units[i]
        if unit.reason is None:
            candidates.append(i)
        i -= 1
    titles = [i for i in candidates if _is_title_like(units[i])]
    if not titles:
        return region.start
    return max(titles, key=lambda i: (units[i].words, i))


def _is_title_like(unit: Unit) -> bool:
    text = bare(unit.text)
    return 3 <= unit.words <= MAX_HEADLINE_WORDS and not text.endswith(".") and not LIST_MARKER.match(unit.text)
