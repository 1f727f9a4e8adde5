"""Finding temporal expressions in a body paragraph: steps 1 and 2 of the dates stage (`dates.py`).

`find_expressions` gathers, then puts in text order:

- what our own scanners find (`timex_grammar.scan`), read as they find it;
- the matches of the well-known events' patterns (`known_events`, compiled
  from `data/known_events.json`; the stage's resolver also matches a found
  expression against them and weighs their context words); a match that
  overlaps a scanned expression without lying inside it replaces it;
- spaCy's DATE and TIME entities that none of those covered, read by
  `timex_grammar.read` when it can. Ages ("a 35-year-old") and bare numbers
  ("Mizrahi, 41,") are not dates.

A clock time next to its day then becomes one TIME expression ("10 p.m.
Wednesday"; `JOIN_CLOCK_AND_DAY`). Nothing is resolved here: each `Found`
carries its `timex.Reading`, or None when the resolver must look elsewhere
(a known event, dateparser).
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from . import timex, timex_grammar
from .context import column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Rule switch (benchmarks/ablate_dates_events.py turns it off to measure what it adds).
JOIN_CLOCK_AND_DAY = True  # "10 p.m. Wednesday" is one TIME expression
_BARE_NUMBER = re.compile(r"\d{1,3}|\d{5,}")  # "Mizrahi, 41,": an age spaCy calls a DATE; "80486": a model


@dataclass(frozen=True)
class KnownEvent:
    name: str
    date: str
    patterns: tuple[re.Pattern, ...]
    context: tuple[re.Pattern, ...]
    min_context: int


@dataclass(frozen=True)
class KnownEvents:
    """The well-known events vocabulary, compiled once."""

    events: tuple[KnownEvent, ...]
    scanner: re.Pattern | None
    anniversary: re.Pattern | None

    def matching(self, text: str) -> list[KnownEvent]:
        """Events one of whose patterns is the whole of `text`."""
        text = re.sub(r"\s+", " ", text.strip())
        return [e for e in self.events if any(p.fullmatch(text) for p in e.patterns)]


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def known_events() -> KnownEvents:
    """`data/known_events.json`, compiled."""
    data = json.loads(resources.files("newsgraph.data").joinpath("known_events.json").read_text(encoding="utf-8"))
    events = tuple(KnownEvent(e["name"], e["date"], tuple(re.compile(p, re.I) for p in e["patterns"]),
                              tuple(re.compile(r"\b" + _alternation([w]), re.I) for w in e.get("context", ())),
                              int(e.get("min_context", 1))) for e in data["events"])
    patterns = [p.pattern for e in events for p in e.patterns]
    scanner = re.compile(r"(?<![\w/-])(?:" + "|".join(patterns) + r")(?![\w/])", re.I) if patterns else None
    words = data.get("anniversary_words") or []
    anniversary = re.compile(r"\b(?:" + _alternation(words) + ")", re.I) if words else None
    return KnownEvents(events, scanner, anniversary)


@dataclass
class Found:
    """A temporal expression found in a paragraph, before resolution."""

    start: int  # into the paragraph
    end: int
    reading: timex.Reading | None
    label: str  # DATE or TIME: what spaCy would call it


def find_expressions(pdoc: Doc, text: str) -> list[Found]:
    """Step 1-2: our scanners and known-event patterns, then spaCy's DATE/TIME entities they missed.

    `text` is `pdoc.text`, passed in because the article already holds it (`Doc.text` is rebuilt on each use).
    """
    found = [Found(s, e, reading, "TIME" if reading.kind in ("time", "part_of_day") else "DATE")
             for s, e, _rule, reading in timex_grammar.scan(text)]
    scanner = known_events().scanner
    if scanner is not None:
        for m in scanner.finditer(text):
            if all(m.end() <= f.start or f.end <= m.start() for f in found):
                found.append(Found(m.start(), m.end(), None, "DATE"))
            elif not any(f.start <= m.start() and m.end() <= f.end for f in found):
                found = [f for f in found if f.end <= m.start() or m.end() <= f.start]
                found.append(Found(m.start(), m.end(), None, "DATE"))
    for ent in _temporal_ents(pdoc):
        s, e = ent.start_char, ent.end_char
        if any(f.start < e and s < f.end for f in found) or timex_grammar.AGE.search(ent.text) \
                or _BARE_NUMBER.fullmatch(ent.text):
            continue
        read = timex_grammar.read(ent.text)
        if read is None and (ent[0].tag_ == "MD" or (len(ent) == 1 and ent[0].pos_ == "ADJ")):
            continue  # "May his memory ...": a modal verb, not a month; "his annual keynote": not a date
        found.append(Found(s, e, read[1] if read else None, ent.label_))
    found.sort(key=lambda f: f.start)
    return _clock_with_day(found, text) if JOIN_CLOCK_AND_DAY else found


# Between a clock time and its day: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "Friday at 3 p.m.", "noon on Monday".
_CLOCK_DAY_GAP = re.compile(r"\s*,?\s*(?:\(?(?:[A-Z]{2,4}T?|local\s+time)\)?\s*,?\s*)?(?:on|at|of)?\s*")
_DAY_KINDS = frozenset({"weekday", "calendar", "relative"})


def _is_day(reading: timex.Reading | None) -> bool:
    if reading is None or reading.kind not in _DAY_KINDS or reading.part:
        return False
    return reading.kind == "weekday" or (reading.kind == "calendar" and reading.day is not None) or (
        reading.kind == "relative" and reading.unit == "day")


def _clock_with_day(found: list[Found], text: str) -> list[Found]:
    """A clock time next to its day is one TIME expression (TimeML): '10 p.m. Wednesday' 2025-06-11T22:00."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and _CLOCK_DAY_GAP.fullmatch(text[prev.end:f.start]):
            clock, day = (prev, f) if prev.reading and prev.reading.kind == "time" else (f, prev)
            if clock.reading is not None and clock.reading.kind == "time" and _is_day(day.reading):
                part = f"T{clock.reading.hour:02d}:{clock.reading.minute:02d}"
                out[-1] = Found(prev.start, f.end, dataclasses.replace(day.reading, part=part), "TIME")
                continue
        out.append(f)
    return out


def _temporal_ents(pdoc: Doc) -> list[Span]:
    """spaCy's DATE and TIME entities; most paragraphs have none, and building `Doc.ents` is not free."""
    from spacy.attrs import ENT_TYPE

    strings, kinds = pdoc.vocab.strings, column(pdoc, ENT_TYPE)
    if strings["DATE"] not in kinds and strings["TIME"] not in kinds:
        return []
    return [e for e in pdoc.ents if e.label_ in ("DATE", "TIME")]
