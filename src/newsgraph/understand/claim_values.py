"""Claim values: the claims vocabulary, numbers and durations in a comparable form, and when two values agree.

A normalized value is one of:

- a number with an optional operator for how it was qualified: `15`,
  `~20` (about 20), `>=20` (at least), `>20` (more than), `<=20`, `<20`;
- an ISO 8601 duration with the same operators: `PT19H`, `~P2D`;
- an ISO date at the granularity written: `2025-09-18`, `2025-09`, `2025`,
  or a TimeML value the dates stage gives: a week `2025-W38`, its weekend
  `2025-W38-WE`, `PAST_REF` ("recently"), a season, a date with unknown parts;
- otherwise lower-case text (ranks, places).

`compatible` decides whether two normalized values can both be true:
numbers and durations when their ranges meet, dates when one is a prefix
of the other (September 2025 and 18 September 2025 agree) or their days
meet (a weekend and its Saturday), a vague TimeML value with anything, text
when equal.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from ..readers.furniture import load_data

_NUMBER = re.compile(r"^(?P<op>~|>=|<=|>|<)?(?P<n>-?\d+(?:\.\d+)?)$")
_DURATION = re.compile(r"^(?P<op>~|>=|<=|>|<)?P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<Mo>\d+(?:\.\d+)?)M)?"
                       r"(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?"
                       r"(?:T(?:(?P<H>\d+(?:\.\d+)?)H)?(?:(?P<Mi>\d+(?:\.\d+)?)M)?(?:(?P<S>\d+(?:\.\d+)?)S)?)?$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_WEEK = re.compile(r"^(?P<year>\d{4})-W(?P<week>\d{2})(?P<weekend>-WE)?$")
_VAGUE = re.compile(r"^(?:PAST_REF|PRESENT_REF|FUTURE_REF|\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])|.*X.*)$")  # TimeML values
_SECONDS = {"Y": 365 * 86400, "Mo": 30 * 86400, "W": 7 * 86400, "D": 86400, "H": 3600, "Mi": 60, "S": 1}


@dataclass(frozen=True)
class ClaimVocabulary:
    number_words: dict[str, int]
    number_scales: dict[str, int]
    qualifiers: dict[str, str]  # lower-case words -> operator
    qualifier_pattern: re.Pattern  # a qualifier at the end of the text before a number
    group_nouns: dict[str, str]  # lemma -> class
    verb_classes: dict[str, str]  # 'lemma' or 'lemma particle' -> class
    ignore_verbs: frozenset[str]
    not_counted: frozenset[str]
    not_counts: frozenset[str]  # numbers that are never counts ('911')
    same_plural: frozenset[str]  # nouns written the same for one and many ('aircraft')
    place_preps: frozenset[str]
    duration_units: dict[str, str]
    duration_properties: dict[str, str]  # word -> property
    age_verbs: frozenset[str]
    event_types_skipped: frozenset[str]
    properties: dict[str, dict]
    once_events: frozenset[str]
    relative_dates: frozenset[str]  # date words that depend on when they were written ('Saturday')
    relative_date_days: int  # event types a person has once: their dates and places compare at any time
    same_event_days: int
    event_date_days: int  # the dates of one event's keys may be this far apart (a claim compares within one event)
    same_time_days: int
    approximate_tolerance: float


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    return {word.lower(): name for name, words in groups.items() for word in words}


@cache
def claim_vocabulary() -> ClaimVocabulary:
    """The claims vocabulary from `data/claims.json`, loaded once."""
    data = load_data("claims.json")
    qualifiers = {k.lower(): v for k, v in data["qualifiers"].items()}
    pattern = re.compile(r"\b(" + "|".join(re.escape(q) for q in sorted(qualifiers, key=len, reverse=True)) +
                         r")\s*$", re.I)
    return ClaimVocabulary(
        number_words=data["number_words"], number_scales=data["number_scales"], qualifiers=qualifiers,
        qualifier_pattern=pattern, group_nouns=_invert(data["group_nouns"]), verb_classes=_invert(data["verb_classes"]),
        ignore_verbs=frozenset(data["ignore_verbs"]), not_counted=frozenset(data["not_counted"]),
        not_counts=frozenset(data["not_counts"]), same_plural=frozenset(data["same_plural"]),
        place_preps=frozenset(data["place_preps"]), duration_units=data["duration_units"],
        duration_properties=_invert(data["duration_properties"]), age_verbs=frozenset(data["age_verbs"]),
        event_types_skipped=frozenset(data["event_types_skipped"]),
        properties=data["properties"], once_events=frozenset(data["once_events"]),
        relative_dates=frozenset(data["relative_dates"]), relative_date_days=data["relative_date_days"],
        same_event_days=data["same_event_days"], event_date_days=data["event_date_days"],
        same_time_days=data["same_time_days"],
        approximate_tolerance=data["approximate_tolerance"])


# --- numbers -------------------------------------------------------------

def parse_number(text: str, vocab: ClaimVocabulary | None = None) -> float | None:
    """'15', '1,200', 'Fifteen', 'twenty-five', 'three hundred', 'a dozen' -> the number; None when it is not one."""
    vocab = vocab or claim_vocabulary()
    text = text.strip().lower()
    digits = text.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    if re.search(r"\d[-–/:]|[-–/:]\d", text):  # a score, a ratio or a time ('1-0', '24/7'), not a number
        return None
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text):
        if word == "and" or not word:
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", word.replace(",", "")):
            current += float(word.replace(",", ""))
        elif word in vocab.number_words:
            current += vocab.number_words[word]
        elif word in vocab.number_scales:
            scale = vocab.number_scales[word]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        else:
            return None
        seen = True
    return total + current if seen else None


def format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def qualifier_before(text_before: str, vocab: ClaimVocabulary | None = None) -> tuple[str, str, int]:
    """The qualifier ending `text_before` (the text left of a number): (words as written, operator, where)."""
    vocab = vocab or claim_vocabulary()
    m = vocab.qualifier_pattern.search(text_before)
    return (m.group(1), vocab.qualifiers[m.group(1).lower()], m.start(1)) if m else ("", "", len(text_before))


def split_qualifier(text: str, vocab: ClaimVocabulary | None = None) -> tuple[str, str, str]:
    """'more than three hundred' -> ('more than', '>', 'three hundred')."""
    vocab = vocab or claim_vocabulary()
    for words in sorted(vocab.qualifiers, key=len, reverse=True):
        if text.lower().startswith(words + " "):
            return text[:len(words)], vocab.qualifiers[words], text[len(words) + 1:]
    return "", "", text


def duration_iso(amount: float, unit: str, vocab: ClaimVocabulary | None = None) -> str | None:
    """(19, 'hours') -> 'PT19H'; None for a unit that is not one of time."""
    vocab = vocab or claim_vocabulary()
    word = unit.lower().rstrip("s") if unit.lower() not in vocab.duration_units else unit.lower()
    designator = vocab.duration_units.get(word)
    if designator is None:
        return None
    time_part = word in ("second", "minute", "hour")
    return f"P{'T' if time_part else ''}{format_number(amount)}{designator}"


def plural(noun: str) -> str:
    """A naive English plural for a count's subject: officer -> officers, gunman -> gunmen, city -> cities."""
    if noun.endswith(("man", "woman")) and not noun.endswith("human"):
        return noun[:-2] + "en"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


# --- comparing -------------------------------------------------------------

def value_range(normalized: str, tolerance: float | None = None) -> tuple[float, float] | None:
    """The closed range a number or duration claim allows (durations in seconds); None for other values."""
    if tolerance is None:
        tolerance = claim_vocabulary().approximate_tolerance
    m = _NUMBER.match(normalized)
    if m:
        op, n = m["op"] or "", float(m["n"])
    else:
        d = _DURATION.match(normalized)
        if not d or normalized.lstrip("~<>=") in ("P", "PT"):
            return None
        op = d["op"] or ""
        n = sum(float(d[k]) * s for k, s in _SECONDS.items() if d[k])
    slack = max(1.0, n * tolerance) if m else n * tolerance
    step = 1.0 if m else 0.0
    return {"": (n, n), "~": (n - slack, n + slack), ">=": (n, math.inf), ">": (n + step, math.inf),
            "<=": (-math.inf, n), "<": (-math.inf, n - step)}[op]


def is_date(normalized: str) -> bool:
    return bool(_DATE.match(normalized))


def day_range(normalized: str) -> tuple[date, date] | None:
    """The first and last day a calendar date or an ISO week (TimeML: '2013-W10', its weekend '2013-W10-WE')
    covers."""
    week = _WEEK.match(normalized)
    if week:
        try:
            monday = date.fromisocalendar(int(week["year"]), int(week["week"]), 1)
        except ValueError:
            return None
        return (monday + timedelta(days=5), monday + timedelta(days=6)) if week["weekend"] else (
            monday, monday + timedelta(days=6))
    if not is_date(normalized):
        return None
    parts = [int(p) for p in normalized.split("-")]
    try:
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except ValueError:
        return None


def compatible(a: str, b: str, tolerance: float | None = None) -> bool:
    """Whether two normalized values can both be true (see the module docstring)."""
    if a == b:
        return True
    if is_date(a) and is_date(b):
        return a.startswith(b) or b.startswith(a)
    da, db = day_range(a), day_range(b)
    if da is not None and db is not None:  # a week or its weekend against a day ('2013-W10-WE', '2013-03-09')
        return da[0] <= db[1] and db[0] <= da[1]
    if _VAGUE.match(a) or _VAGUE.match(b):
        return True  # 'recently' (PAST_REF), a season, a date with unknown parts: nothing to contradict
    ra, rb = value_range(a, tolerance), value_range(b, tolerance)
    if ra is not None and rb is not None:
        return ra[0] <= rb[1] and rb[0] <= ra[1]
    return a.strip().lower() == b.strip().lower()
