"""The grammar of temporal expressions: how each form is written, read into a `timex.Reading`.

`read(text)` reads a whole expression (a spaCy DATE/TIME entity);
`scan(text)` finds expressions in running text, for the ones spaCy's
entities miss or cut badly. Each `Rule` is a regular expression and a
small `_handler` that turns its match into a `Reading`; longer forms come
first. A rule's `hints` and `needs` are cheap pre-checks, so most rules
never run over a paragraph that cannot hold their form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .timex import FREQUENCIES, MONTHS, NUMBER_WORDS, UNITS, WEEKDAYS, Reading, iso_duration

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WEEKDAY_PREFIX = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_EDGE = r"(?:(?P<edge>early|mid|late)[-\s]+)?"
_NUMBER = (r"(?P<num>\d+(?:\.\d+)?|a couple of|a dozen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|"
           r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a|an)")
_UNIT = r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"
# A preposition before a bare year or month ("in 2019", "since March"): matched, but not part of the expression.
_PREP = r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|of|before|after)\s+"


def _int(text: str) -> int:
    return int(text)


def _month(m: re.Match) -> int:
    return MONTHS[m["month"].lower().rstrip(".")]


def _number(text: str) -> float | None:
    text = text.lower()
    if text[0].isdigit():
        return float(text)
    if "-" in text:
        tens, ones = text.split("-")
        return float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones])
    return float(NUMBER_WORDS[text]) if text in NUMBER_WORDS else None


def _unit(text: str) -> str:
    text = text.lower()
    return "century" if text.startswith("centur") else text.rstrip("s")


def _calendar(m: re.Match) -> Reading:
    gd = m.groupdict()
    return Reading("calendar", year=_int(gd["year"]) if gd.get("year") else None,
                   month=_month(m) if gd.get("month") else None,
                   day=_int(gd["day"]) if gd.get("day") else None, mod=gd.get("edge"))


def _iso(m: re.Match) -> Reading:
    return Reading("calendar", year=int(m["year"]), month=int(m["nmonth"]), day=int(m["day"]))


def _month_alone(m: re.Match) -> Reading:
    mod = m.groupdict().get("mod")
    return Reading("calendar", month=_month(m), mod=mod.lower() if mod else m.groupdict().get("edge"))


def _weekday(m: re.Match) -> Reading:
    mod = (m["mod"] or "").lower() or None
    kind = "anaphoric" if mod == "that" else "weekday"
    return Reading(kind, weekday=WEEKDAYS[m["weekday"].lower()], mod=mod)


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2, "last night": -1}


def _day_word(m: re.Match) -> Reading:
    text = re.sub(r"\s+", " ", m[0].lower())
    return Reading("relative", offset=_DAY_WORDS.get(text, 0), unit="day")


def _relative_unit(m: re.Match) -> Reading:
    mod = m["mod"].lower()
    offset = {"last": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "earlier this": 0,
              "later this": 0}[re.sub(r"\s+", " ", mod)]
    return Reading("relative", offset=offset, unit=_unit(m["unit"]), mod=mod)


def _ago(m: re.Match) -> Reading:
    n = _number(m["num"])
    return Reading("relative", offset=-int(n) if n is not None else 0, unit=_unit(m["unit"]),
                   mod=None if n is not None else "vague")


def _anaphoric(m: re.Match) -> Reading:
    return Reading("anaphoric")


def _next_day(m: re.Match) -> Reading:
    before = (m["dir"] or m["dir2"]).lower() in ("previous", "preceding", "before")
    return Reading("anaphoric", offset=-1 if before else 1, unit="day")


def _duration(m: re.Match) -> Reading:
    gd = m.groupdict()
    n = _number(gd["num"]) if gd.get("num") else None
    if n is not None and gd.get("half"):
        n += 0.5
    return Reading("duration", amount=n, unit=_unit(gd["unit"]))


def _vague_duration(m: re.Match) -> Reading:
    return Reading("duration", unit=_unit(m["unit"]))


def _half(m: re.Match) -> Reading:
    unit = _unit(m["unit"])
    return Reading("duration", amount=1.5 if m[0].lower().startswith(("an", "one")) else 0.5, unit=unit)


def _set(m: re.Match) -> Reading:
    gd = m.groupdict()
    if gd.get("freq"):
        return Reading("set", value=FREQUENCIES[gd["freq"].lower()])
    if gd.get("weekday"):
        return Reading("set", value="R/P1W", weekday=WEEKDAYS[gd["weekday"].lower()])
    n = _number(gd["num"]) if gd.get("num") else 1.0
    unit = _unit(gd["unit"])
    if gd.get("times"):  # "twice a week": the period over the count
        count = {"once": 1, "twice": 2, "three times": 3}.get(gd["times"].lower())
        return Reading("set", value=None if count != 1 else iso_duration(1, unit, prefix="R/"))
    return Reading("set", value=iso_duration(n, unit, prefix="R/") if n else None)


def _clock(m: re.Match) -> Reading:
    gd = m.groupdict()
    hour, minute = int(gd["hour"]), int(gd.get("minute") or 0)
    ampm = (gd.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return Reading("time", hour=hour, minute=minute)


def _named_time(m: re.Match) -> Reading:
    word = m[0].lower()
    return Reading("time", hour=0 if word == "midnight" else 12, minute=0)


def _part_of_day(m: re.Match) -> Reading:
    return Reading("part_of_day", mod=m["part"].lower())


def _decade(m: re.Match) -> Reading:
    gd = m.groupdict()
    start = int(gd["decade"]) if gd.get("decade") else 1900 + int(gd["short"])
    return Reading("decade", year=start, mod=gd.get("edge"))


def _year(m: re.Match) -> Reading:
    return Reading("calendar", year=int(m["year"]), mod=m.groupdict().get("edge"))


DIGIT = frozenset({"#"})
MONTH_WORDS = frozenset(m.title() for m in MONTHS)  # month rules are case-sensitive: "may" is a verb
WEEKDAY_WORDS = frozenset(WEEKDAYS)
UNIT_WORDS = frozenset(w for u in UNITS for w in (u, u + "s")) | {"centuries"}


@dataclass(frozen=True)
class Rule:
    """One form of temporal expression: how to read it, and whether to look for it in running text."""

    name: str
    pattern: str
    read: Callable[[re.Match], Reading]
    scan: bool = True  # False: only read spaCy's DATE/TIME entities with it (too ambiguous in running text)
    flags: int = 0
    hints: frozenset[str] = frozenset()  # words one of which the text must hold (a cheap pre-check); "#": a digit
    needs: str = ""  # a character the text must hold, also a cheap pre-check


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DAY_PARTS = _words("day morning afternoon evening night")

# Longer forms first: the first rule that matches an entity wins, and in
# running text overlapping matches are settled by length.
RULES: tuple[Rule, ...] = (
    Rule("iso", r"(?P<year>\d{4})-(?P<nmonth>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])", _iso,
         hints=DIGIT, needs="-"),
    Rule("month-day-year", _WEEKDAY_PREFIX + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, _calendar,
         hints=MONTH_WORDS),
    Rule("day-month-year", _WEEKDAY_PREFIX + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR,
         _calendar, hints=MONTH_WORDS),
    Rule("month-year", _EDGE + _MONTH + r",?\s+(?:of\s+)?" + _YEAR, _calendar, hints=MONTH_WORDS),
    Rule("month-day", _WEEKDAY_PREFIX + _MONTH + r"\s+" + _DAY + r"(?![\d,]*\d)", _calendar, hints=MONTH_WORDS),
    Rule("day-month", _WEEKDAY_PREFIX + r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH, _calendar,
         hints=MONTH_WORDS),
    Rule("month-modified", r"(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id)[-\s]+" + _MONTH + r"(?!\s*\d)",
         _month_alone, hints=MONTH_WORDS),
    Rule("month-after-preposition", _PREP + r"(?P<expr>" + _EDGE + _MONTH + r")(?!\s*\d)", _month_alone,
         hints=MONTH_WORDS),
    Rule("month", _EDGE + _MONTH, _month_alone, scan=False),
    Rule("decade", r"(?:the\s+)?" + _EDGE + r"(?:(?P<decade>1[5-9]\d0|20\d0)|'(?P<short>\d0))s\b", _decade,
         flags=re.I, hints=DIGIT),
    Rule("year-modified", r"(?P<edge>early|mid|late)[-\s]+" + _YEAR, _year, flags=re.I, hints=DIGIT),
    Rule("year-after-preposition",
         _PREP + r"(?P<expr>" + _YEAR + r")(?![\d,.]*\d)(?!\s+(?:people|members|cases|votes|troops)\b)", _year,
         hints=DIGIT),
    Rule("year", r"(?:the\s+year\s+)?" + _YEAR, _year, scan=False),
    Rule("weekdays", _WEEKDAY + r"s\b", _set, flags=re.I, hints=frozenset(w + "s" for w in WEEKDAY_WORDS)),
    Rule("weekday", r"(?:(?P<mod>last|next|this|that|coming|past)\s+)?" + _WEEKDAY +
         r"(?:\s+(?:morning|afternoon|evening|night))?", _weekday, flags=re.I, hints=WEEKDAY_WORDS),
    Rule("day-word", r"the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday|tomorrow|"
         r"last\s+night", _day_word, flags=re.I, hints=_words("today tonight yesterday tomorrow night day")),
    Rule("this-part-of-day", r"this\s+(?:morning|afternoon|evening)", lambda m: Reading("relative", unit="day"),
         flags=re.I, hints=DAY_PARTS),
    Rule("next-day", r"the\s+(?P<dir>next|following|previous|preceding)\s+(?:day|morning|afternoon|evening|night)|"
         r"the\s+day\s+(?P<dir2>after|before)(?!\s+(?:yesterday|tomorrow))", _next_day, flags=re.I, hints=DAY_PARTS),
    Rule("that-day", r"(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)", _anaphoric, flags=re.I,
         hints=DAY_PARTS),
    Rule("relative-unit", r"(?P<mod>last|next|this|previous|coming|earlier\s+this|later\s+this)\s+"
         r"(?P<unit>week|month|year)\b", _relative_unit, flags=re.I, hints=_words("week month year")),
    Rule("ago", _NUMBER + r"\s+" + _UNIT + r"\s+ago", _ago, flags=re.I, hints=_words("ago")),
    Rule("vague-ago", r"(?P<num>several|a\s+few|few|many)\s+" + _UNIT + r"\s+ago", _ago, flags=re.I,
         hints=_words("ago")),
    Rule("set-every", r"(?:every|each)\s+(?:(?:other|" + _NUMBER + r")\s+)?(?:" + _WEEKDAY + "|" + _UNIT + r")",
         _set, flags=re.I, hints=_words("every each")),
    Rule("set-times", r"(?P<times>once|twice|three\s+times)\s+(?:a|an|per|every)\s+" + _UNIT, _set, flags=re.I,
         hints=_words("once twice times")),
    Rule("set-frequency", r"(?P<freq>hourly|daily|nightly|weekly|monthly|annually|annual|yearly)", _set,
         scan=False, flags=re.I),
    Rule("duration-past", r"(?:the\s+)?(?:past|last|next|previous|coming)\s+" + _NUMBER + r"\s+" + _UNIT,
         _duration, flags=re.I, hints=UNIT_WORDS),
    Rule("half-duration", r"(?:half\s+(?:an?|a)\s+|(?:an?|one)\s+)(?P<unit>hour|day|year|month|week)"
         r"(?:\s+and\s+a\s+half)?", _half, scan=False, flags=re.I),
    # not "a 35-year-old", not "a months-long fight"
    Rule("duration", _NUMBER + r"(?P<half>\s+and\s+a\s+half)?[-\s]+" + _UNIT + r"(?![-\s]+old\b)(?!-)", _duration,
         flags=re.I, hints=UNIT_WORDS),
    Rule("vague-duration", r"(?:the\s+)?(?:past\s+|last\s+)?(?P<num>several|a\s+few|few|many|some|dozens\s+of|"
         r"hundreds\s+of)\s+" + _UNIT, _vague_duration, scan=False, flags=re.I),
    Rule("clock", r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.?|[ap]m\b)", _clock,
         flags=re.I, hints=_words("am pm m")),
    Rule("clock-24h", r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?!\d)", _clock, hints=DIGIT, needs=":"),
    Rule("noon", r"noon|midday|midnight", _named_time, flags=re.I, hints=_words("noon midday midnight")),
    Rule("part-of-day", r"(?:the\s+)?(?:early\s+|late\s+)?(?P<part>morning|afternoon|evening|night|dawn|dusk)",
         _part_of_day, scan=False, flags=re.I),
)

ANCHORED = tuple((rule, re.compile(rule.pattern, rule.flags)) for rule in RULES)
SCANNERS = tuple((rule, re.compile(r"(?<![\w-])(?:" + rule.pattern + r")(?![\w])", rule.flags))
                 for rule in RULES if rule.scan)
_WORD = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")
_LEADING = re.compile(r"^(?:on|in|at|during|since|by|until|from|about|around|for)\s+", re.I)
AGE = re.compile(r"\byears?[-\s]old\b|\baged?\b", re.I)


def read(text: str) -> tuple[str, Reading] | None:
    """The rule name and reading of a whole expression, or None when no rule reads all of it."""
    text = re.sub(r"\s+", " ", text.strip().strip(",.;:"))
    text = _LEADING.sub("", text)
    if AGE.search(text):
        return None
    for rule, pattern in ANCHORED:
        m = pattern.fullmatch(text)
        if m:
            return rule.name, rule.read(m)
    return None


def scan(text: str) -> list[tuple[int, int, str, Reading]]:
    """Temporal expressions in running text: (start, end, rule, reading), longest first where they overlap."""
    words = set(_WORD.findall(text))
    words |= {w.lower() for w in words}
    if _DIGIT.search(text):
        words.add("#")
    found = []
    for rule, pattern in SCANNERS:
        if (rule.hints and rule.hints.isdisjoint(words)) or (rule.needs and rule.needs not in text):
            continue  # cheap: a rule runs only over text holding one of its words
        for m in pattern.finditer(text):
            start, end = m.span("expr") if "expr" in pattern.groupindex else m.span()
            found.append((start, end, rule.name, rule.read(m)))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, str, Reading]] = []
    for f in found:
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f[0])
