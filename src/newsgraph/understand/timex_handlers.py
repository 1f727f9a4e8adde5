"""What each form of temporal expression says: a rule's match turned into a `timex.Reading`.

One small handler per form; `timex_grammar` pairs them with the patterns
that find them. Handlers read only the words matched: nothing is resolved
here (that is `timex.resolve`).
"""

from __future__ import annotations

import re

from .timex import FREQUENCIES, MONTHS, NUMBER_WORDS, PARTS_OF_DAY, SEASONS, WEEKDAYS, Reading, holidays, iso_duration

ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4,
            "final": 4}
REFERENCES = {"PRESENT_REF": ("now", "right now", "currently", "current", "at present", "presently", "nowadays",
                              "these days", "at the moment", "at this time", "this time"),
              "PAST_REF": ("recently", "more recently", "most recently", "recent", "lately", "the past", "past years",
                           "years ago", "decades ago"),
              "FUTURE_REF": ("soon", "a later date", "the years ahead", "the years to come", "the future", "future", "the near future", "the long term", "the long run",
                             "the near term", "the short term", "as soon as possible")}
REFERENCE_OF = {w: value for value, words in REFERENCES.items() for w in words}
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2, "last night": -1, "this": 0}
_OFFSETS = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "this": 0, "earlier this": 0,
            "later this": 0, "the current": 0, "current": 0, "the same": 0}


def _int(text: str) -> int:
    return int(text)


def _month(m: re.Match) -> int:
    return MONTHS[m["month"].lower().rstrip(".")]


def number(text: str) -> float | None:
    """'three' -> 3.0, 'twenty-four' -> 24.0, '1.5' -> 1.5; None for words that are not numbers."""
    text = re.sub(r"\s+", " ", text.lower())
    if text[0].isdigit():  # '5 1/2' and '5½' are 5.5
        whole, half = re.subn(r"\s*(?:1/2|½)$", "", text)
        return float(whole.replace(",", "")) + 0.5 * half
    if "-" in text:
        tens, _, ones = text.partition("-")
        return float(NUMBER_WORDS.get(tens, 0) + NUMBER_WORDS.get(ones, 0)) or None
    return float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else None


def unit(text: str) -> str:
    text = text.lower()
    return "century" if text.startswith("centur") else text.rstrip("s")


def _part(m: re.Match) -> str | None:
    part = m.groupdict().get("part")
    return PARTS_OF_DAY.get(part.lower()) if part else None


def _year_of(m: re.Match) -> tuple[int | None, int]:
    """(year, offset): 'of 2009' gives the year, 'of last year' an offset from publication."""
    gd = m.groupdict()
    if gd.get("year"):
        year = int(gd["year"])
        return (year if len(gd["year"]) == 4 else (1900 + year if year >= 50 else 2000 + year)), 0
    return None, _OFFSETS.get(_yrel(m), 0)


def _yrel(m: re.Match) -> str:
    """The word of a year told relative to publication ('last', 'the current'), in lower case, one space a gap."""
    return re.sub(r"\s+", " ", (m.groupdict().get("yrel") or "").lower())


def _this_year(m: re.Match) -> bool:
    """'of this year', 'of the current year', 'of the year': the year in hand (not 'the same year', told before)."""
    return bool(m.groupdict().get("ythe")) or _yrel(m) in ("this", "the current")


def calendar(m: re.Match) -> Reading:
    gd = m.groupdict()
    year, offset = _year_of(m)
    return Reading("calendar", year=year, offset=offset, month=_month(m) if gd.get("month") else None,
                   day=_int(gd["day"]) if gd.get("day") else None, mod=gd.get("edge"), part=_part(m))


def iso(m: re.Match) -> Reading:
    return Reading("calendar", year=int(m["year"]), month=int(m["nmonth"]), day=int(m["day"]))


def numeric(m: re.Match) -> Reading:
    """7/8/07: month first unless the first number cannot be a month (then 25/12/2024 is day first)."""
    a, b = int(m["a"]), int(m["b"])
    month, day = (a, b) if a <= 12 else (b, a)
    year, _ = _year_of(m)
    return Reading("calendar", year=year, month=month, day=day)


def month_alone(m: re.Match) -> Reading:
    mod = m.groupdict().get("mod")
    return Reading("calendar", month=_month(m), mod=mod.lower() if mod else m.groupdict().get("edge"))


def weekday(m: re.Match) -> Reading:
    mod = (m["mod"] or "").lower() or None
    kind = "anaphoric" if mod == "that" else "weekday"
    return Reading(kind, weekday=WEEKDAYS[m["weekday"].lower()], mod=mod, part=_part(m))


def day_word(m: re.Match) -> Reading:
    word = re.sub(r"\s+", " ", (m.groupdict().get("word") or m[0]).lower())
    part = _part(m) or ("NI" if word in ("tonight", "last night") else None)
    return Reading("relative", offset=_DAY_WORDS.get(word, 0), unit="day", part=part)


def relative_unit(m: re.Match) -> Reading:
    mod = re.sub(r"\s+", " ", m["mod"].lower())
    return Reading("relative", offset=_OFFSETS[mod], unit=unit(m["unit"]), mod=mod)


def ago(m: re.Match) -> Reading:
    n = number(m["num"])
    if n is None:  # "several years ago": some time in the past
        return Reading("ref", value="PAST_REF")
    return Reading("relative", offset=-int(n), unit=unit(m["unit"]))


def holiday_pattern() -> str:
    """Every holiday name of `data/known_events.json`, longest first, as one alternation."""
    names = sorted((n for spec in holidays().values() for n in spec["names"]), key=len, reverse=True)
    return "|".join(f"(?:{n})" for n in names)


def holiday(m: re.Match) -> Reading:
    """'Thanksgiving Day', 'Christmas 2009', 'Easter': the holiday, with the year when written."""
    name = re.sub(r"\s+", " ", m["hname"])
    first = next(key for key, spec in holidays().items() if any(re.fullmatch(n, name) for n in spec["names"]))
    return Reading("holiday", value=first, year=int(m["year"]) if m.groupdict().get("year") else None)


def weekend(m: re.Match) -> Reading:
    """'the weekend': the one before publication, or the coming one when the sentence speaks of the future."""
    return Reading("weekday", weekday=5, unit="weekend")


def anaphoric(m: re.Match) -> Reading:
    """'that day', 'that afternoon' (a part of the day told: TimeML's TAF)."""
    word = m[0].split()[-1].lower()
    return Reading("anaphoric", part=PARTS_OF_DAY.get(word))


def unit_later(m: re.Match) -> Reading:
    """'a year later', 'three days earlier', 'the following year', 'that year': counted from the date told last."""
    gd = m.groupdict()
    word = (gd.get("dir") or "").lower().split()[-1] if gd.get("dir") else ""
    n = int(number(gd["num"]) or 0) if gd.get("num") else (0 if word in ("that", "same", "") else 1)
    sign = -1 if word in ("earlier", "before", "previous", "preceding", "prior") else 1
    keep = "keep" if gd.get("num") else None  # "a year earlier" keeps the told date's detail (1988-Q3, 1988-11-02)
    return Reading("anaphoric", offset=sign * n, unit=unit(gd["unit"]), mod=keep)


def quarter_told(m: re.Match) -> Reading:
    """'the quarter', 'the latest quarter': the quarter told last; 'the year-ago quarter': the same one a year before."""
    if m.groupdict().get("year"):  # 'the 1988 quarter': the quarter told, in 1988
        return Reading("anaphoric", unit="quarter", year=int(m["year"]))
    text = m[0].lower()
    ended = "ended" if re.search(r"latest|recent|just-ended", text) else None
    return Reading("anaphoric", unit="quarter", offset=-4 if "year" in text else 0, mod=ended)


def next_day(m: re.Match) -> Reading:
    before = (m["dir"] or m["dir2"]).lower() in ("previous", "preceding", "before")
    return Reading("anaphoric", offset=-1 if before else 1, unit="day")


def duration(m: re.Match) -> Reading:
    gd = m.groupdict()
    n = number(gd["num"]) if gd.get("num") else None
    if n is not None and (gd.get("half") or gd.get("half_after")):
        n += 0.5  # 'two and a half years', 'a year and a half'
    return Reading("duration", amount=n, unit=unit(gd["unit"]))


def vague_duration(m: re.Match) -> Reading:
    return Reading("duration", unit=unit(m["unit"]))


def part_century(m: re.Match) -> Reading:
    """'a quarter-century' P25Y, 'half a century' P50Y."""
    return Reading("duration", amount=25 if m["part"].lower() == "quarter" else 50, unit="year")


def half(m: re.Match) -> Reading:
    """'half an hour' 0.5, 'a year and a half' 1.5, 'one day' 1."""
    text = m[0].lower()
    amount = 0.5 if text.startswith("half") else 1.5 if text.endswith("and a half") else 1
    return Reading("duration", amount=amount, unit=unit(m["unit"]))


def a_unit(m: re.Match) -> Reading:
    """'a year', 'one day', 'the year': one unit."""
    return Reading("duration", amount=1, unit=unit(m["unit"]))


def past_period(m: re.Match) -> Reading:
    """'the past year': the year before publication, as 'last year' (TimeBank, AQUAINT and MEANTIME agree)."""
    return Reading("relative", offset=-1, unit=unit(m["unit"]), mod="last")


def set_(m: re.Match) -> Reading:
    """TimeML SET values: 'every Monday' XXXX-WXX-1, 'every two weeks' P2W, 'daily' P1D, 'twice a week' P1W."""
    gd = m.groupdict()
    if gd.get("freq"):
        return Reading("set", value=FREQUENCIES[gd["freq"].lower()])
    if gd.get("weekday"):
        day = WEEKDAYS[gd["weekday"].lower()]
        part = _part(m)
        return Reading("set", value=f"XXXX-WXX-{day + 1}" + (f"T{part}" if part else ""), weekday=day)
    if gd.get("season"):
        return Reading("set", value=f"XXXX-{SEASONS[gd['season'].lower()]}")
    n = number(gd["num"]) if gd.get("num") else 1.0
    return Reading("set", value=iso_duration(n, unit(gd["unit"])) if n else None)


def clock(m: re.Match) -> Reading:
    gd = m.groupdict()
    hour, minute = int(gd["hour"]), int(gd.get("minute") or 0)
    ampm = (gd.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    ampm = "pm" if ampm.endswith(("afternoon", "evening", "night")) else "am" if ampm.endswith("morning") else ampm
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return Reading("time", hour=hour, minute=minute)


def named_time(m: re.Match) -> Reading:
    return Reading("time", hour=0 if m[0].lower() == "midnight" else 12, minute=0)


def part_of_day(m: re.Match) -> Reading:
    return Reading("part_of_day", mod=m["part"].lower())


def decade(m: re.Match) -> Reading:
    gd = m.groupdict()
    start = int(gd["decade"]) if gd.get("decade") else 1900 + int(gd["short"])
    return Reading("decade", year=start, mod=gd.get("edge"))


DECADE_WORDS = {w: 10 * i for i, w in enumerate(
    "_ _ twenties thirties forties fifties sixties seventies eighties nineties".split()) if w != "_"}


def decade_word(m: re.Match) -> Reading:
    """'the nineties' -> the 1990s."""
    return Reading("decade", year=1900 + DECADE_WORDS[m["word"].lower()], mod=m.groupdict().get("edge"))


def century(m: re.Match) -> Reading:
    """'the 20th century' -> 19 (TimeML writes a century by its first two digits)."""
    return Reading("ref", value=f"{int(m['n']) - 1:02d}")


def year(m: re.Match) -> Reading:
    return Reading("calendar", year=int(m["year"]), mod=m.groupdict().get("edge"))


def fiscal(m: re.Match) -> Reading:
    """'fiscal 2008', 'FY08', 'the 2008 fiscal year' -> FY2008 (TIDES/TimeML); 'next fiscal year' from publication."""
    gd = m.groupdict()
    if gd.get("year") or gd.get("short"):
        year = int(gd["year"]) if gd.get("year") else 2000 + int(gd["short"])
        return Reading("ref", value=f"FY{year:04d}")
    return Reading("relative", offset=_OFFSETS[re.sub(r"^the\s+", "", gd["mod"].lower())], unit="fiscal")


def quarter(m: re.Match) -> Reading:
    """'the first quarter of 2009' 2009-Q1, 'the second half' H2, 'Q3 2010'; year-less ones resolve by tense."""
    gd = m.groupdict()
    n = ORDINALS.get((gd.get("ord") or "").lower()) or int(gd.get("qnum") or 0)
    kind = "H" if (gd.get("qunit") or "").lower().startswith("half") else "Q"
    if kind == "H":
        n = 2 if n > 2 else n
    year, offset = _year_of(m)
    return Reading("calendar", year=year, offset=offset, period=f"{kind}{n}", mod="this" if _this_year(m) else None)


def season(m: re.Match) -> Reading:
    gd = m.groupdict()
    mod = "last" if gd.get("mod") == "" else (gd.get("mod") or gd.get("edge") or "").lower() or None
    year, offset = _year_of(m)
    if mod is None and _this_year(m):
        mod = "this"  # 'the summer of this year' ('late summer this year' keeps its edge, and is placed by tense)
    return Reading("calendar", year=year, offset=offset, period=SEASONS[m["season"].lower()], mod=mod)


def reference(m: re.Match) -> Reading:
    """'now' PRESENT_REF, 'recently' PAST_REF, 'the future' FUTURE_REF."""
    return Reading("ref", value=REFERENCE_OF[re.sub(r"\s+", " ", m[0].lower())])


def vague_period(m: re.Match) -> Reading:
    """'recent weeks', 'over the years', 'for months', 'decades-long': a duration of unknown length."""
    return Reading("duration", unit=unit(m["unit"]))


def year_in_focus(m: re.Match) -> Reading:
    """'the full year', 'year-end', 'later in the year': the year of publication; 'the fiscal year' as FY2009."""
    return Reading("relative", offset=0, unit="fiscal" if "fiscal" in m[0].lower() else "year")


def in_focus(m: re.Match) -> Reading:
    """'later in the day': the day the story is at; 'later in the month', 'earlier in the decade': publication's."""
    if m["unit"].lower() == "day":
        return Reading("anaphoric", mod="focus")
    return Reading("relative", offset=0, unit=unit(m["unit"]))


def period_of(m: re.Match) -> Reading:
    """'the beginning of the year', 'the end of the month': the period itself."""
    return Reading("relative", offset=_OFFSETS.get((m.groupdict().get("mod") or "this").lower(), 0),
                   unit=unit(m["unit"]))
