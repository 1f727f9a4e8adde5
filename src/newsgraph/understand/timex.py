"""Temporal expressions: what they say (`Reading`) and their values (`resolve`); pure, no spaCy.

Two steps, kept apart so each can be tested on its own:

1. `timex_grammar.read(text)` turns an expression as written ("September
   2025", "last Saturday", "19 hours", "every Monday") into a `Reading`:
   what the words say, with nothing filled in ("May 3" has no year).
2. `resolve(reading, base)` (here) gives the `Reading` a value at the
   granularity written, against `base` (the publication date, or None).
   Without a base, only what the expression states itself is resolved: a
   year-less date stays null rather than borrowing today's year.

Month and weekday names are English grammar, not a vocabulary, so they
live in code; well-known event dates are data
(`newsgraph/data/known_events.json`, read by the dates stage).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

MONTHS = {name: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
WEEKDAYS = {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                               "sunday"))}
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                 "a": 1, "an": 1, "one": 1, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12, "hundred": 100,
                 "a hundred": 100, "one hundred": 100}
# ISO 8601 designators: (designator, in the time part?)
UNITS = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
         "week": ("W", False), "weekend": ("WE", False), "month": ("M", False), "quarter": ("Q", False),
         "year": ("Y", False), "decade": ("Y", False), "century": ("Y", False)}
UNIT_SCALE = {"decade": 10, "century": 100}
# TimeML SET values: the period that repeats ("daily" P1D; "every Monday" is XXXX-WXX-1, read by the grammar)
FREQUENCIES = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y"}
# TimeML's part-of-day codes ("Friday morning" -> 2010-07-16TMO) and season codes ("summer 2010" -> 2010-SU)
PARTS_OF_DAY = {"morning": "MO", "dawn": "MO", "afternoon": "AF", "midday": "MI", "evening": "EV", "dusk": "EV",
                "night": "NI", "tonight": "NI", "overnight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}  # a month inside each season, to place it against a date


@dataclass(frozen=True)
class Reading:
    """What an expression says, before resolution. `kind` picks the fields that matter."""

    kind: str  # calendar, weekday, relative, anaphoric, duration, set, time, part_of_day, decade, ref, holiday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    mod: str | None = None  # last, next, this, that, early, mid, late, ...
    offset: int = 0  # relative: units from the base (negative = before)
    unit: str | None = None
    amount: float | None = None
    hour: int | None = None
    minute: int | None = None
    value: str | None = None  # set, or a value known from the words alone
    part: str | None = None  # a part of the day or a clock time after a day: "MO", "T15:00"
    period: str | None = None  # a part of the year: "Q1", "H2", "SU" (calendar readings)


@dataclass(frozen=True)
class Resolved:
    """A reading's type, value and granularity, and how the value was found."""

    type: str  # date, time, duration, set
    value: str | None
    granularity: str | None
    source: str | None


# --- resolving -----------------------------------------------------------

def iso_duration(amount: float | None, unit: str, prefix: str = "") -> str | None:
    """`P3D`, `PT19H`, `P10Y` ("a decade"); an unknown amount is TimeML's X: "several months" is `PXM`."""
    designator, in_time = UNITS[unit]
    if amount is None:
        return f"{prefix}P{'T' if in_time else ''}X{designator}"
    amount *= UNIT_SCALE.get(unit, 1)
    if unit in ("hour", "minute") and amount != int(amount):  # "half an hour" PT30M, "5 1/2 hours" PT5H30M,
        big, small = ("H", "M") if unit == "hour" else ("M", "S")  # "a minute and a half" PT1M30S (TimeBank's forms)
        whole, part = divmod(round(amount * 60), 60)
        return f"{prefix}PT{whole}{big}" + (f"{part}{small}" if part else "") if whole else f"{prefix}PT{part}{small}"
    number = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"{prefix}P{'T' if in_time else ''}{number}{designator}"


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest(month: int, day: int | None, base: date, future: bool | None = False) -> date | None:
    """The occurrence of a year-less month (and day) nearest `base`: on or before it, or on or after when `future`.

    `future=None` (the tense does not tell) takes whichever side is closer, the past on a tie.
    """
    if future is None:
        before, after = nearest(month, day, base, False), nearest(month, day, base, True)
        if before is None or after is None:
            return before or after
        if day is None:
            return after if _months(base, after) < _months(before, base) else before
        return after if (after - base) < (base - before) else before
    options = [d for y in (base.year - 1, base.year, base.year + 1) if (d := _valid(y, month, day or 1))]
    if day is None:  # a month: compare whole months
        here = (base.year, base.month)
        options = [d for d in options if ((d.year, d.month) >= here if future else (d.year, d.month) <= here)]
        return (min if future else max)(options, default=None)
    options = [d for d in options if (d >= base if future else d <= base)]
    return (min if future else max)(options, default=None)


NEAREST_PERIODS = True  # switch: a year-less quarter or half outside a past sentence is the nearest one
SOON_DAYS = 45  # a year-less date this close after publication is read as that one even in a past-tense sentence


def _soon(month: int, day: int | None, base: date) -> bool:
    after = nearest(month, day, base, True)
    if after is None:
        return False
    if day is None:
        return 0 < _months(base, after) <= 1
    return 0 < (after - base).days <= SOON_DAYS


def _months(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _month_year(month: int, mod: str | None, base: date, future: bool) -> int | None:
    """The year of a year-less month: 'last May' is the latest May before this month, 'next May' the first after."""
    if mod in ("last", "past", "previous"):
        return base.year if month < base.month else base.year - 1
    if mod in ("next", "coming"):
        return base.year if month > base.month else base.year + 1
    if mod == "this":
        return base.year
    when = nearest(month, None, base, future)
    return when.year if when else None


def _weekday_date(weekday: int, mod: str | None, base: date, future: bool | None) -> date:
    """The weekday meant: the last one (past, or unknown), the next one (future), the nearer one (present tense)."""
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if future is None and mod is None:  # "they meet Monday": a present tense speaks of the nearer one
        return base + timedelta(days=ahead) if ahead < back else base - timedelta(days=back)
    if mod == "last" or mod == "past":
        return base - timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return base + timedelta(days=ahead or 7)
    if mod == "this" or future:
        return base + timedelta(days=ahead)
    return base - timedelta(days=back)


def shift_month(base: date, months: int) -> tuple[int, int]:
    index = base.year * 12 + base.month - 1 + months
    return index // 12, index % 12 + 1


def _relative(reading: Reading, base: date) -> tuple[str, str]:
    unit, n = reading.unit, reading.offset
    if unit == "day":
        return (base + timedelta(days=n)).isoformat(), "day"
    if unit in ("hour", "minute", "second"):  # "an hour ago": publication's day (its hour is not known)
        hours = n / {"hour": 1, "minute": 60, "second": 3600}[unit]
        return (base + timedelta(days=int(hours / 24))).isoformat(), "day"
    if unit == "week":
        year, week, _ = (base + timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}", "week"
    if unit == "weekend":
        year, week, _ = (base + timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}-WE", "week"
    if unit == "month":
        year, month = shift_month(base, n)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "quarter":
        year, month = shift_month(base, 3 * n)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter"
    if unit == "year":
        return f"{base.year + n:04d}", "year"
    if unit == "fiscal":  # "next fiscal year": a fiscal year is named by the calendar year it ends in (FY2010)
        return f"FY{base.year + n:04d}", "year"
    if unit == "decade":
        return f"{(base.year + 10 * n) // 10:03d}", "decade"
    return f"{(base.year + 100 * n) // 100:02d}", "century"


def _period_year(period: str, mod: str | None, base: date, future: bool) -> int:
    """The year of a year-less quarter, half or season: the nearest one on the side the sentence speaks of."""
    kind, n = period[0], period[1:]
    if kind in "QH":
        index = int(n) - 1
        here = (base.month - 1) // (3 if kind == "Q" else 6)
    else:  # a season: placed by a month inside it
        index, here = SEASON_MONTH[period], base.month
    if mod in ("last", "past", "previous"):
        return base.year if index < here else base.year - 1
    if mod in ("next", "coming"):
        return base.year if index > here else base.year + 1
    if mod == "this" or index == here:
        return base.year
    if NEAREST_PERIODS and kind in "QH" and not mod and future is not False:  # "will report results for the third quarter": the nearest
        size = 4 if kind == "Q" else 2
        years = sorted((base.year - 1, base.year, base.year + 1),
                       key=lambda y: (abs((y - base.year) * size + index - here), y < base.year))
        return years[0]
    return base.year + (1 if future and index < here else 0) - (1 if not future and index > here else 0)


def _calendar_value(reading: Reading, base: date | None, future: bool) -> Resolved:
    year, month, day = reading.year, reading.month, reading.day
    granularity = "day" if day else "month" if month else reading.period and "quarter" or "year"
    source = "explicit"
    if year is None and reading.offset and base is not None:  # "the first quarter of last year"
        year, source = base.year + reading.offset, "publication date"
    if year is not None:
        if day and not _valid(year, month, day):
            return Resolved("date", None, granularity, None)
        if reading.period:
            return Resolved("date", f"{year:04d}-{reading.period}", granularity, source)
        parts = [f"{year:04d}"] + ([f"{month:02d}"] if month else []) + ([f"{day:02d}"] if day else [])
        return Resolved("date", "-".join(parts), granularity, source)
    if base is None:
        return Resolved("date", None, granularity, None)
    if reading.period:
        return Resolved("date", f"{_period_year(reading.period, reading.mod, base, bool(future)):04d}-{reading.period}",
                        granularity, "publication date")
    if month is None:
        return Resolved("date", None, granularity, None)
    if future is False and reading.mod in (None, "early", "mid", "late") and _soon(month, day, base):
        future = None  # "extended the offer to Nov. 20": a date just ahead is that one, whatever the verb's tense
    if day is None:
        year = _month_year(month, reading.mod, base, future)
        value = f"{year:04d}-{month:02d}" if year else None
        return Resolved("date", value, granularity, "publication date" if value else None)
    when = nearest(month, day, base, future)
    return Resolved("date", when.isoformat() if when else None, granularity, "publication date" if when else None)


def with_part(resolved: Resolved, part: str | None) -> Resolved:
    """'Friday morning' -> 2010-07-16TMO, 'Friday at 3 p.m.' -> 2010-07-16T15:00: a day and a part of it."""
    if not part or resolved.value is None or resolved.granularity != "day":
        return resolved
    sep = "" if part.startswith("T") else "T"
    return Resolved("time", f"{resolved.value}{sep}{part}", "time", resolved.source)


def resolve(reading: Reading, base: date | None, future: bool | None = False) -> Resolved:
    """The type, value and granularity of `reading`, against the publication date `base` when known.

    `future`: True when the sentence speaks of what is to come, False of what was, None for a present tense
    (a year-less date or a weekday is then the nearest one on either side).
    """
    return with_part(_resolve(reading, base, future), reading.part)


def _resolve(reading: Reading, base: date | None, future: bool | None) -> Resolved:
    kind = reading.kind
    if kind == "calendar":
        return _calendar_value(reading, base, future)
    if kind == "weekday":
        if base is None:
            return Resolved("date", None, "day", None)
        day = _weekday_date(reading.weekday, reading.mod, base, future)
        if reading.unit == "weekend":  # a weekend is its ISO week's: 2025-W23-WE
            year, week, _ = day.isocalendar()
            return Resolved("date", f"{year}-W{week:02d}-WE", "week", "publication date")
        return Resolved("date", day.isoformat(), "day", "publication date")
    if kind == "relative":
        if base is None or reading.mod == "vague":
            return Resolved("date", None, reading.unit, None)
        value, granularity = _relative(reading, base)
        return Resolved("date", value, granularity, "publication date")
    if kind == "duration":
        return Resolved("duration", iso_duration(reading.amount, reading.unit), "duration", "explicit")
    if kind == "set":
        return Resolved("set", reading.value, "set", "explicit" if reading.value else None)
    if kind == "time":
        clock = f"T{reading.hour:02d}:{reading.minute:02d}"
        if base is not None:  # TimeML: a clock time is a point on a day, the day of publication unless told
            return Resolved("time", f"{base.isoformat()}{clock}", "time", "publication date")
        return Resolved("time", clock, "time", "explicit")
    if kind == "part_of_day":  # "in the morning": a part of the day of publication, unless the sentence tells one
        code = PARTS_OF_DAY.get(reading.mod or "")
        if base is None or code is None:
            return Resolved("time", None, "part-of-day", None)
        return Resolved("time", f"{base.isoformat()}T{code}", "time", "publication date")
    if kind == "decade":
        return Resolved("date", f"{reading.year // 10:03d}", "decade", "explicit")
    if kind == "holiday":
        return _holiday(reading, base, future)
    if kind == "ref":
        return Resolved("date", reading.value, "reference", "explicit")
    return Resolved("date", None, "day" if kind == "anaphoric" else None, None)


@cache
def holidays() -> dict[str, dict]:
    """Recurring holidays from `data/known_events.json`, by their first name ("Thanksgiving Day")."""
    data = json.loads(resources.files("newsgraph.data").joinpath("known_events.json").read_text(encoding="utf-8"))
    return {spec["names"][0]: spec for spec in data.get("holidays", [])}


def _easter(year: int) -> date:
    """Easter Sunday (Gregorian; the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def holiday_date(spec: dict, year: int) -> date | None:
    """The day a holiday falls on in `year`: fixed, the nth weekday of a month (-1: the last), or from Easter."""
    if "easter" in spec:
        return _easter(year) + timedelta(days=spec["easter"])
    if "day" in spec:
        return _valid(year, spec["month"], spec["day"])
    first = date(year, spec["month"], 1)
    if spec["nth"] > 0:
        day = first + timedelta(days=(spec["weekday"] - first.weekday()) % 7 + 7 * (spec["nth"] - 1))
    else:
        last = date(*shift_month(first, 1), 1) - timedelta(days=1)
        day = last - timedelta(days=(last.weekday() - spec["weekday"]) % 7)
    return day + timedelta(days=spec.get("shift", 0))


def _holiday(reading: Reading, base: date | None, future: bool | None) -> Resolved:
    """A holiday in the year written, else the one the tense points to (the nearer one when it does not tell)."""
    spec = holidays()[reading.value]
    if reading.year:
        when = holiday_date(spec, reading.year)
        return Resolved("date", when.isoformat() if when else None, "day", "explicit" if when else None)
    if base is None:
        return Resolved("date", None, "day", None)
    days = [d for y in (base.year - 1, base.year, base.year + 1) if (d := holiday_date(spec, y))]
    if future is None:
        when = min(days, key=lambda d: (abs((d - base).days), d > base))
    else:
        when = (min if future else max)((d for d in days if (d >= base if future else d <= base)), default=None)
    return Resolved("date", when.isoformat() if when else None, "day", "publication date" if when else None)


_PERIOD_MONTHS = {"Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3), "Q4": (10, 3), "H1": (1, 6), "H2": (7, 6),
                  "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}  # first month, length in months


def period(value: str) -> tuple[date, date] | None:
    """The first and the last day of the period an ISO (partial) date names: 2024 -> 2024-01-01 .. 2024-12-31,
    2024-Q3 -> 2024-07-01 .. 2024-09-30, 2024-WI -> 2024-12-01 .. 2025-02-28, 2024-W05 -> its Monday .. its Sunday,
    2024-06-12T15:00 -> that day; None for references, decades, impossible days and the like."""
    head = value.split("T")[0]
    parts = head.split("-")
    try:
        if len(parts) == 3 and not parts[1].startswith("W"):
            day = date.fromisoformat(head)
            return day, day
        if len(parts) >= 2 and parts[1].startswith("W") and parts[1][1:].isdigit():
            monday = date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
            return monday, monday + timedelta(days=6)
        if len(parts) == 2 and parts[1].isdigit() and len(parts[1]) == 2:
            first, months = date(int(parts[0]), int(parts[1]), 1), 1
        elif len(parts) == 2 and parts[1] in _PERIOD_MONTHS:
            month, months = _PERIOD_MONTHS[parts[1]]
            first = date(int(parts[0]), month, 1)
        elif len(parts) == 1 and len(head) == 4 and head.isdigit():
            first, months = date(int(head), 1, 1), 12
        else:
            return None
        year, month = shift_month(first, months)
        return first, date(year, month, 1) - timedelta(days=1)
    except (ValueError, OverflowError):  # 'February 30', 'December 9999'
        return None


def period_start(value: str) -> date | None:
    """The first day of the period an ISO (partial) date names (`period`)."""
    bounds = period(value)
    return bounds[0] if bounds else None


def period_end(value: str) -> date | None:
    """The last day of the period an ISO (partial) date names (`period`): 2024-05 -> 2024-05-31."""
    bounds = period(value)
    return bounds[1] if bounds else None
