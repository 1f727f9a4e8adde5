"""Scraped-text reader: headline, deck, byline, dates, body and furniture.

Scrapers leave an article as lines: a headline, perhaps a deck, byline and
date lines, body paragraphs, and page furniture in between. The reader

1. splits the text into units: one per line, or one per blank-line block
   when the block is hard-wrapped prose;
2. marks what each unit is by itself: vocabulary furniture, separators,
   credits, bylines, date lines, lines in another script (image alt text),
   date stamps glued to the text after them;
3. reads the header (`text_header`): headline, then deck, bylines and date
   lines, up to the first body paragraph;
4. groups pictures: gallery widget, alt text, caption and credit;
5. marks the comment section, duplicated lines and a trailing footer;
6. keeps every other unit as a body paragraph, exactly as in the source.

Everything taken out is listed in `removed`, with its reason and offsets.
"""

from __future__ import annotations

import re

from ..errors import MalformedInput
from ..model import Article, Evidence, Removed, Span
from ..pipeline import Document
from .datelines import DateStamp, parse_dateline, split_glued_stamp
from .furniture import (ends_sentence, furniture_edges, furniture_reason, is_comment_line, parse_byline, parse_credit,
                        script_of)
from .text_media import collect_media, confirm_alts, mark_media
from . import text_rules as rules
from .text_header import Header, read_header
from .text_lines import O_BULLET, body_lines, model
from .text_region import Region, find_region, header_start, is_page_dump, is_prose
from .text_units import split_units  # noqa: F401  (part of this module's interface)
from .text_units import (LIST_ITEM, MAX_ALT_WORDS, MAX_DATELINE_WORDS, MAX_FOOTER_WORDS, MIN_REPEAT_WORDS, STAGE,
                         Unit)

def read_text(doc: Document) -> Document:
    """Fill `doc.article` from scraped text in `doc.raw`."""
    units = classified_units(doc.raw)
    if not units:
        raise MalformedInput("no text lines to read", doc.source)
    doc.article = _read_units(doc, units, rules.enabled("line_model"))
    if not doc.article.paragraphs and rules.enabled("line_model"):
        doc.article = _read_units(doc, classified_units(doc.raw), False)  # the model left no body: rules decide
    return doc


def _read_units(doc: Document, units: list[Unit], use_model: bool) -> Article:
    """Steps 3-6 on classified units: the story's place, header, pictures, repeats, footer."""
    header = read_header(units, _mark_outside(units, use_model))
    mark_media(units, header.body_from)
    confirm_alts(units)
    if rules.enabled("repeats"):
        _mark_repeats(units)
    if rules.enabled("footer"):
        _mark_footer(units)
    return _assemble(doc, units, header)


def classified_units(text: str) -> list[Unit]:
    """Steps 1-2: the units of a text, each marked for what it is by itself (and promo boxes)."""
    units = split_units(text)
    if not units:
        return units
    main_script = script_of(" ".join(u.text for u in units if len(u.text) >= 60)[:5000]) or script_of(text[:5000])
    _mark_comment_tail(units)
    for unit in units:
        if unit.reason is None:
            _classify(unit, main_script)
    if rules.enabled("boxes"):
        _mark_boxes(units)
    return units


MODEL_REACH = 10**6  # units beyond the rule region the line model may keep (tuned by the ablation)
RELATIVE_THRESHOLD = 0.7  # of the likeliest line's probability: the bar when it is below the model's own


def _classify(unit: Unit, main_script: str | None) -> None:
    """What a unit is by itself, before looking at its neighbours."""
    reason = furniture_reason(unit.text)
    if reason:
        unit.reason = "comments" if reason == "comments-heading" else reason
        return
    credit = parse_credit(unit.text)
    if credit:
        unit.credit = credit
        unit.reason = "credit" if credit.caption is None else "caption"
        return
    authors = parse_byline(unit.text)
    if authors:
        unit.reason, unit.authors = "byline", authors
        return
    dates = parse_dateline(unit.text) if unit.words <= MAX_DATELINE_WORDS else None
    if dates:
        unit.reason, unit.dates = "dateline", dates
        return
    script = script_of(unit.text) if unit.words <= MAX_ALT_WORDS else main_script
    if main_script and script and script != main_script:
        unit.reason, unit.foreign = "image-alt", True  # confirmed by its neighbours in _confirm_alts
        return
    glued = split_glued_stamp(unit.text)
    if glued:
        stamp, offset = glued
        unit.dates, unit.body_offset = [stamp], offset
    _trim_furniture(unit)


def _trim_furniture(unit: Unit) -> None:
    """Furniture sentences at the start or end of a body line ('... Subscribe to our newsletter.') are cut off."""
    base = unit.body_offset
    start, end, cut = furniture_edges(unit.text[base:], lead=not unit.stamped)
    if not cut:
        return
    unit.trimmed = [(base + a, base + b, reason) for a, b, reason in cut]
    unit.body_offset, unit.body_end = base + start, base + end


MIN_STORY_WORDS = 60  # prose words above a comments heading that make it the end of a story, not a counter above it
COUNT = re.compile(r"\d")


def _mark_comment_tail(units: list[Unit]) -> None:
    """A comments heading after the story starts the comment section: all of it is furniture.

    With the `comment_counter` family, a comments heading under less than a story's worth of prose may
    be the story's comment counter instead (`_is_counter`); the section then starts at a later heading,
    if any. Nor is a wrapped sentence's last word a heading ('... your arguments in the' / 'comments.').
    """
    guarded = rules.enabled("comment_counter")
    prose_words = 0
    for i, unit in enumerate(units):
        if prose_words and furniture_reason(unit.text) == "comments-heading" \
                and not (guarded and (i and _continues(units[i - 1], unit) or _is_counter(units, i, prose_words))):
            for rest in units[i:]:
                rest.reason = furniture_reason(rest.text) if furniture_reason(rest.text) == "comments-notice" \
                    else "comments"
            return
        prose_words += unit.words if is_prose(unit) else 0


def _is_counter(units: list[Unit], i: int, prose_above: int) -> bool:
    """A comments heading under less than a story's worth of prose counts the comments ('Comments (84)' under the
    headline) when it carries a number or more prose follows it than precedes it, unless a reader's comment
    ('jmk42 wrote: ...') follows it."""
    if prose_above >= MIN_STORY_WORDS:
        return False
    following = next((u for u in units[i + 1:] if not furniture_reason(u.text)), None)
    if following is not None and is_comment_line(following.text):
        return False
    prose_below = sum(u.words for u in units[i + 1:] if is_prose(u) and not is_comment_line(u.text))
    return bool(COUNT.search(units[i].text)) or prose_below > prose_above


def _continues(before: Unit, unit: Unit) -> bool:
    """A lower-case line after one that stops mid-sentence is that sentence's end ('... in the' / 'comments.')."""
    return unit.text[:1].islower() and not ends_sentence(before.text)



def _mark_outside(units: list[Unit], use_model: bool = True) -> int:
    """Mark what stands outside the story of a page dump; return where the header starts."""
    region = find_region(units) if rules.enabled("region") or use_model else None
    if region is None or not is_page_dump(units, region):
        return 0  # an article pasted on its own: its tail is read by the footer and box rules
    probabilities = body_lines(units, region) if use_model else None
    if probabilities is not None:
        return _mark_by_model(units, probabilities, region if rules.enabled("region") else None)
    for unit in units[region.end:]:
        if unit.free:
            unit.reason = "outside-body"
    start = header_start(units, region)
    for unit in units[:start]:
        if unit.free:
            unit.reason = "outside-body"
    return start


def _mark_by_model(units: list[Unit], probabilities: list[float], region: Region | None) -> int:
    """Free lines the line model finds unlikely to be body are outside the story; the header stays above it."""
    reach = [i for i, u in enumerate(units) if u.free
             and (region is None or region.start - MODEL_REACH <= i < region.end + MODEL_REACH)]
    threshold = model().threshold
    if rules.enabled("relative_threshold") and reach:
        threshold = min(threshold, RELATIVE_THRESHOLD * max(probabilities[i] for i in reach))
    body = [i for i in reach if probabilities[i] >= threshold]
    if rules.enabled("inner_headings"):
        body = _keep_inner_headings(units, body)
    if not body:
        return 0
    first, last, kept = body[0], body[-1], set(body)
    start = header_start(units, Region(first, last + 1))
    for i, unit in enumerate(units):
        if unit.free and not start <= i < first and i not in kept:
            unit.reason = "outside-body"
    return start


MAX_SUBHEAD_WORDS = 10
_NOT_SUBHEAD = re.compile(r"[/@\[\]()|]|^\w+:")  # a credit, handle, bracket, or 'Label:' promo, not a subheading


def _keep_inner_headings(units: list[Unit], body: list[int]) -> list[int]:
    """A subheading-like line between two free lines the model keeps is the story's subheading (which the model
    tends to drop: a short title line looks like a menu or teaser entry by itself)."""
    kept = set(body)
    free = [i for i, u in enumerate(units) if u.free]
    for before, i, after in zip(free, free[1:], free[2:]):
        if i not in kept and before in kept and after in kept and _is_subheading(units[i]):
            kept.add(i)
    return sorted(kept)


def _is_subheading(unit: Unit) -> bool:
    """A short title line: no sentence end, list mark, credit slash, bracket, handle or 'Label:'; not all capitals."""
    text = unit.text
    return unit.words <= MAX_SUBHEAD_WORDS and not ends_sentence(text) and not _list_item(text) \
        and not _NOT_SUBHEAD.search(text) and not text.isupper()


def _list_item(text: str) -> bool:
    """A list item's mark ('* ', '3. ', inscriptis' 'o '); a Markdown heading's '#' is no list mark."""
    return bool(LIST_ITEM.match(text)) and not text.startswith("#") or bool(O_BULLET.match(text))



BOX_REASONS = ("newsletter", "related-link", "social", "share", "advertisement", "author-bio")
MAX_TEASER_WORDS = 20
MAX_BOX_BLOCK = 4


def _mark_boxes(units: list[Unit]) -> None:
    """Teaser lists under a 'More from ...' heading, and the rest of a small block holding a promo box."""
    for i, unit in enumerate(units):
        if unit.reason == "related-link" and unit.words <= 5:
            for teaser in units[i + 1:]:
                if not (teaser.free and teaser.words <= MAX_TEASER_WORDS and not ends_sentence(teaser.text)):
                    break
                teaser.reason = "related-link"
    blocks: dict[int, list[Unit]] = {}
    for unit in units:
        blocks.setdefault(unit.block, []).append(unit)
    for block in blocks.values():
        reasons = [u.reason for u in block if u.reason in BOX_REASONS]
        if reasons and len(block) <= MAX_BOX_BLOCK:
            for unit in block:
                if unit.free and unit.words <= MAX_ALT_WORDS and not is_prose(unit):
                    unit.reason = reasons[0]






def _mark_repeats(units: list[Unit]) -> None:
    """A free line repeating the headline, an earlier long line, or the line just before it is a duplicate."""
    seen: set[str] = set()
    previous = ""
    for unit in units:
        key = re.sub(r"\W+", " ", unit.text).strip().lower()
        if unit.role in ("headline", "deck"):
            seen.add(key)
        elif unit.free:
            if key in seen and (unit.words >= MIN_REPEAT_WORDS or key == previous):
                unit.reason = "duplicate"
            if unit.words >= MIN_REPEAT_WORDS:
                seen.add(key)
        previous = key


def _mark_footer(units: list[Unit]) -> None:
    """Short non-sentences after the last paragraph are the page's footer."""
    for unit in reversed(units):
        if not unit.free:
            continue
        if unit.words <= MAX_FOOTER_WORDS and not ends_sentence(unit.text) and not unit.text[0] in "\"“‘«":
            unit.reason = "footer"
        else:
            return


def _assemble(doc: Document, units: list[Unit], header: Header) -> Article:
    """The article record from the marked units."""
    text = doc.raw
    paragraphs, spans, removed = [], [], []
    authors: list[str] = []
    stamps: list[DateStamp] = []
    for unit in units:
        stamps.extend(unit.dates)
        authors.extend(a for a in unit.authors if a not in authors)
        if unit.stamped:
            removed.append(Removed(text=unit.text[:unit.body_offset].strip(), reason="date-stamp",
                                   start=unit.start, end=unit.start + len(unit.text[:unit.body_offset].rstrip())))
        if unit.reason == "caption" and unit.credit and unit.credit.caption:
            removed.append(_removed(unit, unit.credit.caption, "caption", 0))
            label = unit.text[unit.credit.caption_end:].strip()  # "(Photo: Name)", with its label
            removed.append(_removed(unit, label, "credit", unit.credit.caption_end))
        elif unit.reason:
            removed.append(Removed(text=unit.text, reason=unit.reason, start=unit.start, end=unit.end))
        elif unit.role is None:
            unit.role = "body"
            body = unit.text[unit.body_offset:unit.body_end]
            start = unit.start + unit.body_offset
            paragraphs.append(body)
            spans.append(Span(start=start, end=start + len(body), text=body))
            removed.extend(Removed(text=unit.text[a:b], reason=reason, start=unit.start + a, end=unit.start + b)
                           for a, b, reason in unit.trimmed)
    evidence = {}
    for name, unit in (("headline", header.headline), ("subheadline", header.deck)):
        if unit is not None:
            evidence[name] = Evidence(stage=STAGE, start=unit.start, end=unit.end,
                                      origin=f"line {text.count(chr(10), 0, unit.start) + 1}")
    published = doc.published or _published(stamps)
    if doc.published:
        evidence["published"] = Evidence(stage=STAGE, origin="given by the user")
    elif published:
        evidence["published"] = Evidence(stage=STAGE, origin="date line")
    return Article(id=doc.content_id, source=doc.source, input_kind="text", url=doc.url,
                   headline=header.headline.text if header.headline else None,
                   subheadline=header.deck.text if header.deck else None,
                   published=published, authors=authors, language=None, text=text,
                   paragraphs=paragraphs, paragraph_spans=spans, media=collect_media(units), removed=removed,
                   evidence=evidence)


def _removed(unit: Unit, part: str, reason: str, offset: int) -> Removed:
    start = unit.start + unit.text.find(part, offset)
    return Removed(text=part, reason=reason, start=start, end=start + len(part))


def _published(stamps: list[DateStamp]) -> str | None:
    """The first date that is not an update, else the first update."""
    first = [s for s in stamps if not s.updated] or stamps
    return first[0].value if first else None

