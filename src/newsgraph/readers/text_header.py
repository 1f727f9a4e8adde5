"""The scraped-text reader's header: headline, then deck, bylines and date lines, up to the first body paragraph.

Step 3 of the reader (`text.py`), on units already marked for what they are
by themselves; bylines, date lines and furniture among them are passed over.
Above the headline, a section name ("UK news") or the site's name over its
menu is no headline, nor is a line that reads as body prose: the body starts
there, with no headline. After the headline come a repeat of it (a
duplicate), header bylines and a deck, when a line reads like one. A
picture, a date stamp glued to a line after the headline, or any other line
starts the body.
"""

from __future__ import annotations

from dataclasses import dataclass

from .furniture import ends_sentence, matches, parse_header_byline, sentences
from .text_region import is_prose
from .text_units import HEADER_BREAKS, MAX_DECK_WORDS, MAX_HEADLINE_WORDS, MEDIA_REASONS, Unit


@dataclass
class Header:
    headline: Unit | None = None
    deck: Unit | None = None
    body_from: int = 0


def read_header(units: list[Unit], start: int = 0) -> Header:
    """Headline, deck, bylines and date lines, up to the first body paragraph."""
    header = Header(body_from=start)
    seen_meta = False
    for i, unit in enumerate(units):
        if i < start:
            continue
        if unit.reason in MEDIA_REASONS:
            header.body_from = i
            return header
        if not unit.free or unit.stamped:
            seen_meta = seen_meta or unit.reason in ("byline", "dateline")
            if unit.stamped and header.headline is not None:
                header.body_from = i
                return header
            continue
        if header.headline is None:
            if _is_section_label(units, i):
                unit.reason = "section-label"
                continue
            if _is_site_banner(units, i):
                unit.reason = "site-banner"
                continue
            if unit.words <= MAX_HEADLINE_WORDS and not _reads_as_body(unit):
                unit.role = "headline"
                header.headline = unit
                continue
        elif unit.text == header.headline.text:
            unit.reason = "duplicate"
            continue
        elif parse_header_byline(unit.text):
            unit.reason, unit.authors = "byline", parse_header_byline(unit.text)
            seen_meta = True
            continue
        elif header.deck is None and _is_deck(units, i, seen_meta):
            unit.role = "deck"
            header.deck = unit
            continue
        header.body_from = i
        return header
    header.body_from = len(units)
    return header


def _reads_as_body(unit: Unit) -> bool:
    """Running prose, never a headline: sentences that close with a full stop, or more than one sentence."""
    text = unit.text.rstrip("\"'”’»)] ")
    return is_prose(unit) and (text.endswith(".") or len(sentences(unit.text)) > 1)


def _is_site_banner(units: list[Unit], i: int) -> bool:
    """The site's name line above its menu ('NewsBlaze24 - Breaking News 24/7' then 'HOME | WORLD | ...')."""
    nxt = units[i + 1] if i + 1 < len(units) else None
    later = next((u for u in units[i + 2:] if u.free), None)
    return nxt is not None and nxt.reason == "navigation" and later is not None and \
        not ends_sentence(units[i].text) and later.words <= MAX_HEADLINE_WORDS


def _is_section_label(units: list[Unit], i: int) -> bool:
    """A section name above the headline ('UK news'), when a longer line follows."""
    unit = units[i]
    if unit.words > 3 or ends_sentence(unit.text):
        return False
    following = next((u for u in units[i + 1:] if u.free), None)
    if following is None or not unit.words < following.words <= MAX_HEADLINE_WORDS:
        return False
    return unit.words <= 2 or matches("section-label", unit.text)


def _is_deck(units: list[Unit], i: int, seen_meta: bool) -> bool:
    """The unit after the headline is a deck when it reads like one and the header goes on after it."""
    unit = units[i]
    if not 4 <= unit.words <= MAX_DECK_WORDS:
        return False
    following = next((u for u in units[i + 1:] if u.reason not in ("advertisement",)), None)
    if following is None:
        return False
    header_goes_on = following.reason in HEADER_BREAKS or following.stamped
    if seen_meta:
        return not ends_sentence(unit.text)
    return header_goes_on or not ends_sentence(unit.text)
