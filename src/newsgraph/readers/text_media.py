"""Pictures in scraped text: gallery widget, alt text, caption and credit become one `media` entry.

1. A credit line closes a picture; the line before it is its caption when
   it reads like one; free short lines between a gallery widget and the
   caption are the picture's alt text.
2. A line in another script is alt text only beside a picture (or doubled,
   as scrapers print alt text); elsewhere it is body text.
3. One `Media` per widget / alt / caption / credit run, closed by its credit.
"""

from __future__ import annotations

import re

from ..model import Media
from .furniture import ends_sentence
from .text_units import (MAX_ALT_WORDS, MAX_CAPTION_WORDS, MAX_PLAIN_CAPTION_WORDS, MEDIA_REASONS, STAGE, Unit)

def mark_media(units: list[Unit], body_from: int) -> None:
    """Captions before credits, alt text between a gallery widget and its caption."""
    for k in range(body_from, len(units)):
        unit = units[k]
        if unit.reason == "credit" and k > 0:
            cap = k - 1
            if units[cap].free and _is_caption(units, cap):
                units[cap].reason = "caption"
                _mark_alts(units, cap)
            elif units[cap].reason in ("image-alt", "gallery-widget"):
                _mark_alts(units, k)
        elif unit.reason == "gallery-widget":
            j = k + 1
            while j < len(units) and units[j].reason == "image-alt":
                j += 1
            if j < len(units) and units[j].free and j + 1 < len(units) and units[j + 1].reason == "credit":
                continue  # the credit's own caption: handled when the loop reaches the credit
            if j > k + 1 and j < len(units) and units[j].free and units[j].words <= MAX_PLAIN_CAPTION_WORDS \
                    and not ends_sentence(units[j].text):
                units[j].reason = "caption"


def _is_caption(units: list[Unit], i: int) -> bool:
    unit = units[i]
    if unit.words > MAX_CAPTION_WORDS:
        return False
    before = units[i - 1] if i > 0 else None
    if before is not None and before.reason in MEDIA_REASONS:
        return True
    if not ends_sentence(unit.text):
        return True
    return unit.words <= MAX_PLAIN_CAPTION_WORDS and not re.search(r"[\"“”«»]", unit.text)


def _mark_alts(units: list[Unit], caption: int) -> None:
    """Free short lines between a gallery widget and a caption are the picture's alt text."""
    j = caption - 1
    between = []
    while j >= 0 and (units[j].reason == "image-alt" or (units[j].free and units[j].words <= MAX_ALT_WORDS)):
        between.append(units[j])
        j -= 1
    if j >= 0 and units[j].reason == "gallery-widget":
        for unit in between:
            unit.reason = "image-alt"


def confirm_alts(units: list[Unit]) -> None:
    """A line in another script is alt text only beside a picture (or doubled, as alt text is); else it is body."""
    for i, unit in enumerate(units):
        if not unit.foreign or unit.reason != "image-alt":
            continue
        j, k = i - 1, i + 1
        while j >= 0 and units[j].foreign:
            j -= 1
        while k < len(units) and units[k].foreign:
            k += 1
        neighbours = [units[x] for x in (j, k) if 0 <= x < len(units)]
        doubled = any(units[x].text == unit.text for x in (i - 1, i + 1) if 0 <= x < len(units))
        if not doubled and not any(n.reason in ("gallery-widget", "caption", "credit") for n in neighbours):
            unit.reason = None


def collect_media(units: list[Unit]) -> list[Media]:
    """One picture per gallery widget / alt / caption / credit run, closed by its credit."""
    pictures: list[Media] = []
    current: Media | None = None

    def flush() -> None:
        nonlocal current
        if current is not None and (current.alt or current.caption or current.credit):
            pictures.append(current)
        current = None

    for unit in units:
        if unit.reason == "gallery-widget":
            flush()
            current = Media(start=unit.start, end=unit.end, stage=STAGE)
            continue
        if unit.reason not in ("image-alt", "caption", "credit"):
            if unit.role == "body" or unit.role in ("headline", "deck"):
                flush()
            continue
        if current is not None and (current.credit or (current.caption and unit.reason != "credit")
                                    or (current.alt and unit.reason == "image-alt" and current.caption)):
            flush()
        if current is None:
            current = Media(start=unit.start, end=unit.end, stage=STAGE)
        current.end = unit.end
        if unit.reason == "image-alt":
            current.alt = current.alt or unit.text
        elif unit.reason == "caption":
            current.caption = unit.credit.caption if unit.credit else unit.text
            if unit.credit:
                current.credit = unit.credit.credit
                flush()
        else:
            current.credit = unit.credit.credit if unit.credit else unit.text
            flush()
    flush()
    return pictures

