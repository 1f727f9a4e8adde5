"""The dates stage: temporal expressions in the body, typed and resolved.

For each body paragraph (already parsed by the parse stage; no second spaCy pass):

1. **Find** (`timex_find`): our own scanners (`timex_grammar.scan`) and the
   known-event patterns over the paragraph text, then spaCy's DATE/TIME
   entities that none of them covered. Ages ("a 35-year-old") are not dates.
2. **Read**: `timex_grammar.read` (our grammar); dateparser only for an entity our
   grammar cannot read, when it names a day, month or year, and only with
   grounds for a year (a publication date, or a year in the text).
3. **Resolve**, first that applies:
   a. a well-known event (`data/known_events.json`) for a year-less date,
      decided by context words in the article;
   b. anaphora: "that Saturday" is the latest date already resolved that
      fell on a Saturday, "that day" the latest day;
   c. the publication date (`Article.published`), keeping the granularity
      written; a year-less date is the nearest one on or before publication
      (on or after, when the sentence speaks of the future);
   d. nothing: the value stays null rather than borrowing a year.

Writes `Article.dates` and `scratch["dates"]` (the same list of
`TimeExpression`, in text order).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING

from ..model import TimeExpression
from ..pipeline import Document
from . import timex
from .context import parsed
from .tense import tense
from .timex_find import Found, KnownEvent, find_expressions, known_events

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

DATES = "dates"
# Rule switches (benchmarks/ablate_dates_events.py turns each off in turn to measure what it adds).
NARRATIVE_PARTS = True  # "in the morning": the morning of the day the story is at, not of publication
KEEP_ANCHOR_DETAIL = True  # "a year earlier" than 1988-Q3 is 1987-Q3, not 1987
COMPARISONS_STAY = True  # "a year earlier" is compared with, the story stays where it was (no 1986-Q3 after two)
LATEST_ENDED = True  # "the latest quarter" is one that had ended by publication, not a later one told
GAME_PERIODS = True  # "scored in the second half", "a 17-7 lead entering the fourth quarter": a period of play
STAGE = "dates"
# dateparser only sees entity text that names a month or weekday, or writes a date with digits and separators.
_DATEPARSER_WORTHY = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)\b|\b\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?\b|\b(?:1[5-9]|20)\d\d\b", re.I)
_SPAN_OF_UNITS = re.compile(r"\b\d{1,4}\s*[-–]\s*\d{1,4}\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
                            r"years?|decades?)\b", re.I)  # "10-15 minutes": a length, no date for dateparser
_YEAR_IN_TEXT = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# Words of a game's play, none of them used of a company's results: a year-less half or quarter in a paragraph
# holding one is a period of play ("fumbled late in the first half"), no date. Not "scored record sales", "credit
# scores", "rebounds", "Kessel Yards": scoring needs a goal, points or a run after it, yards a number before them.
_GAME_WORDS = re.compile(
    r"\b(?:touchdowns?|field[- ]goals?|half-?time|innings?|quarterbacks?|fumbl(?:e|es|ed|ing)|intercept(?:ed|ions?)|"
    r"assists|dunk(?:s|ed)?|free[- ]throws?|three-pointers?|touchbacks?|goalkeeper|midfielder|striker|kick-?off|"
    r"punt(?:s|ed)?|foul(?:s|ed)?|shots? on goal|\d+ (?:[\w-]+ )?yards|\d+-yard|"
    r"scor(?:ed|ing)\b[^.;]{0,40}?\b(?:goals?|(?<!basis )(?<!percentage )points?|runs?|touchdowns?|baskets?|"
    r"tries|try|drives?|plays?)|"
    r"scored (?:twice|again|the (?:winner|opener|equali[sz]er))|"
    r"\d{1,3}-\d{1,3} (?:lead|win|loss|victory|deficit|run|advantage))\b", re.I)


def publication_date(doc: Document) -> date | None:
    """The publication date as a calendar date (local to the page), when known."""
    value = (doc.article.published if doc.article else None) or doc.published
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class _Resolver:
    """Step 3 for one article: known events, anaphora, publication date, dateparser."""

    def __init__(self, doc: Document, base: date | None):
        self.base = base
        self.vocab = known_events()
        art = doc.article
        self.context_text = "\n".join(x for x in (art.headline, art.subheadline, *art.paragraphs) if x)
        self._context_hits: dict[str, int] = {}
        self.days: list[str] = []  # day values resolved so far, in text order, for "that Saturday"
        self.told: list[str] = []  # every calendar value resolved so far ("2009", "2009-05"), for "a year later"
        self.paragraph: list[tuple[int, str]] = []  # (start, value) resolved so far in the current paragraph

    def context_hits(self, event: KnownEvent) -> int:
        if event.name not in self._context_hits:
            self._context_hits[event.name] = sum(1 for p in event.context if p.search(self.context_text))
        return self._context_hits[event.name]

    def known(self, text: str, sentence: Callable[[], Span]) -> KnownEvent | None:
        events = self.vocab.matching(text)
        if events and self.base and self.vocab.anniversary and self.vocab.anniversary.search(sentence().text):
            return None
        for event in events:
            if self.base and event.date > self.base.isoformat():
                continue
            if self.context_hits(event) >= event.min_context:
                return event
        return None

    def __call__(self, text: str, found: Found, span: Callable[[], Span]) -> timex.Resolved:
        """Resolve one expression; `span` gives its spaCy span, looked up only when needed."""
        sentence = lambda: span().sent  # noqa: E731
        reading = found.reading
        yearless = reading is None or (reading.kind == "calendar" and reading.year is None and reading.day)
        event = self.known(text, sentence) if yearless else None
        if event is not None:
            resolved = timex.Resolved("date", event.date, "day", f"known event: {event.name}")
        elif reading is None:
            resolved = self.fallback(text, found.label)
        elif reading.kind == "anaphoric":
            resolved = timex.with_part(self.anaphora(reading, self.frame_bound(found, sentence)), reading.part)
        else:
            future: bool | None = False
            if self.base is not None and reading.kind in ("calendar", "weekday", "holiday") and reading.year is None \
                    and not reading.offset:
                told = tense(span())
                unknown = False if reading.kind == "weekday" else None  # no verb: the last weekday, the nearer date
                future = {"future": True, "past": False, "present": None}.get(told, unknown)
            resolved = timex.resolve(reading, self.base, future=future)
            if reading.kind in ("time", "part_of_day") and resolved.value and self.base is not None:
                resolved = self.anchor_time(resolved, found, sentence)
        if resolved.type == "date" and resolved.granularity == "day" and resolved.value:
            self.days.append(resolved.value)
        if resolved.type == "date" and resolved.value and resolved.value[:4].isdigit() and not self.compared(reading):
            self.told.append(resolved.value)
        if resolved.type == "date" and resolved.value:
            self.paragraph.append((found.start, resolved.value))
        return resolved

    @staticmethod
    def compared(reading: timex.Reading | None) -> bool:
        """'a year earlier', 'the year-ago quarter': a point the story compares with, not one it moves to."""
        return COMPARISONS_STAY and reading is not None and reading.kind == "anaphoric" and reading.offset < 0 \
            and reading.unit in ("year", "quarter")

    def anchor_time(self, resolved: timex.Resolved, found: Found, sentence: Callable[[], Span]) -> timex.Resolved:
        """A clock time takes the day told last in its sentence ("on Friday at 3 p.m."), else publication's."""
        start = sentence().start_char
        days = [value for at, value in self.paragraph if start <= at < found.start and len(value) == 10]
        if not days and NARRATIVE_PARTS and found.reading.kind == "part_of_day" and self.days:
            days = self.days[-1:]  # "in the morning": the morning of the day the story is at
        if not days:
            return resolved
        return timex.Resolved("time", days[-1] + resolved.value[10:], "time", "narrative date")

    def frame_bound(self, found: Found, sentence: Callable[[], Span]) -> date | None:
        """The earliest end among the dates told before `found` in its sentence: the time the story is told from."""
        if not self.paragraph:
            return None
        start = sentence().start_char
        ends = [end for at, value in self.paragraph if start <= at < found.start and (end := timex.period_end(value))]
        return min(ends, default=None)

    def anaphora(self, reading: timex.Reading, bound: date | None = None) -> timex.Resolved:
        """'that Saturday': the latest day told that was a Saturday; 'the next day': the latest day, plus one;
        'a year later', 'that year': from the latest date told at that unit or finer.

        A day after `bound` is not a candidate: "in a May 2024 interview he recalled that Saturday" speaks of
        a Saturday before June 2024, whatever Saturday the article told of last.
        """
        if reading.unit in ("year", "month", "quarter"):
            return self.unit_anaphora(reading)
        for value in reversed(self.days):
            day = date.fromisoformat(value)
            if bound is not None and day > bound:
                continue
            if reading.weekday is None or day.weekday() == reading.weekday:
                return timex.Resolved("date", (day + timedelta(days=reading.offset)).isoformat(), "day", "anaphora")
        if reading.mod == "focus" and self.base is not None:  # "later in the day", no day told: publication's
            return timex.Resolved("date", self.base.isoformat(), "day", "publication date")
        return timex.Resolved("date", None, "day", None)

    def quarter_anaphora(self, reading: timex.Reading) -> timex.Resolved:
        """'the quarter': the quarter told last; 'the year-ago quarter': four quarters before it; 'the latest
        quarter': the last one told that had ended by publication, if one had ("a fourth-quarter charge" told in
        November is no result yet, unless no other quarter is told: a fiscal year's), else the last quarter to end
        before publication."""
        quarters = [value for value in reversed(self.told) if len(value) == 7 and value[5] == "Q"]
        if LATEST_ENDED and reading.mod == "ended" and self.base is not None:
            ended = [value for value in quarters if (end := timex.period_end(value)) and end <= self.base]
            if ended:
                quarters = ended
            elif not quarters:  # the quarter before publication's
                quarters = [timex.resolve(timex.Reading("relative", offset=-1, unit="quarter"), self.base).value]
        if not quarters:
            return timex.Resolved("date", None, "quarter", None)
        value = quarters[0]
        year = reading.year if reading.year is not None else int(value[:4])
        index = year * 4 + int(value[6]) - 1 + reading.offset
        return timex.Resolved("date", f"{index // 4:04d}-Q{index % 4 + 1}", "quarter", "anaphora")

    def unit_anaphora(self, reading: timex.Reading) -> timex.Resolved:
        if reading.unit == "quarter":
            return self.quarter_anaphora(reading)
        size = 4 if reading.unit == "year" else 7
        for value in reversed(self.told):
            if len(value) >= size and value[4:5] in ("", "-") and (size == 4 or value[7:8] in ("", "-")
                                                                  and value[5:7].isdigit()):  # not '2019-Q1'
                if reading.unit == "year":
                    year = f"{int(value[:4]) + reading.offset:04d}"
                    if KEEP_ANCHOR_DETAIL and reading.mod == "keep" and _valid_value(year + value[4:]):  # TimeML: the anchor's granularity
                        return timex.Resolved("date", year + value[4:], _granularity(value), "anaphora")
                    return timex.Resolved("date", year, "year", "anaphora")
                year, month = timex.shift_month(date(int(value[:4]), int(value[5:7]), 1), reading.offset)
                return timex.Resolved("date", f"{year:04d}-{month:02d}", "month", "anaphora")
        if self.base is not None and reading.offset:  # "a year earlier", with nothing told before: from publication
            return timex.resolve(timex.Reading("relative", offset=reading.offset, unit=reading.unit), self.base)
        return timex.Resolved("date", None, reading.unit, None)

    def fallback(self, text: str, label: str) -> timex.Resolved:
        kind = "time" if label == "TIME" else "date"
        years = len(_YEAR_IN_TEXT.findall(text))
        if not _DATEPARSER_WORTHY.search(_SPAN_OF_UNITS.sub(" ", text)) or not (self.base or years) or years > 1:
            # "1995 to 1997": a range; "10-15 minutes": a length
            return timex.Resolved(kind, None, None, None)
        value = _dateparser(text, self.base.isoformat() if self.base else None)
        if value is None:
            return timex.Resolved(kind, None, None, None)
        return timex.Resolved("date", value[0], value[1], "dateparser")


def _yearless_part(reading: timex.Reading | None) -> bool:
    """'the second half', 'third-quarter': a half or quarter told with no year and no 'last' or 'next'."""
    return reading is not None and reading.kind == "calendar" and (reading.period or "")[:1] in ("H", "Q") \
        and reading.year is None and not reading.offset


def _granularity(value: str) -> str:
    """'2009' year, '2009-05' month, '2009-Q3' quarter, '2009-05-12' day (of an ISO-like value)."""
    return {4: "year", 7: "quarter" if "Q" in value or "H" in value else "month", 10: "day"}.get(len(value), "year")


def _valid_value(value: str) -> bool:
    """No 29 February in a year that has none."""
    return len(value) != 10 or timex.period_end(value) is not None


def _span(pdoc: Doc, start: int, end: int) -> Span:
    span = pdoc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else pdoc[:]


@cache
def _date_parser(base: str | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DAY_OF_MONTH": "first", "PREFER_DATES_FROM": "past"}
    if base:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: str | None) -> tuple[str, str] | None:
    """(value, granularity) from dateparser, at the period it reports; cached, since it is slow."""
    data = _date_parser(base).get_date_data(text)
    when, period = data.date_obj, data.period
    if when is None:
        return None
    if period == "year":
        return f"{when.year:04d}", "year"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}", "month"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}", "week"
    return when.date().isoformat(), "day"


def extract_dates(doc: Document) -> Document:
    """Stage entry: find, type and resolve the body's temporal expressions."""
    resolver = _Resolver(doc, publication_date(doc))
    out: list[TimeExpression] = []
    for para in parsed(doc):
        pdoc = para.doc
        if not len(pdoc):
            continue
        last = pdoc[-1]
        stop = para.offset + last.idx + len(last.text_with_ws)
        ptext = doc.article.text[para.offset:stop].replace("\n", " ").replace("\r", " ")
        resolver.paragraph = []
        game = None  # whether the paragraph tells a game: searched for only when a year-less half or quarter is found
        for found in find_expressions(pdoc, ptext):
            if GAME_PERIODS and _yearless_part(found.reading):
                if game is None:
                    game = _GAME_WORDS.search(ptext) is not None
                if game:
                    continue  # a half or quarter of the game the paragraph tells
            start, end = para.span(found.start, found.end)
            text = doc.article.text[start:end]
            r = resolver(text, found, partial(_span, pdoc, found.start, found.end))
            out.append(TimeExpression(text=text, start=start, end=end, type=r.type, value=r.value,
                                      granularity=r.granularity, source=r.source, stage=STAGE))
    doc.article.dates = out
    doc.scratch[DATES] = out
    return doc
