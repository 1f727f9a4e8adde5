"""Date lines and date stamps in scraped text.

"Published: 03.10.2025, 14:32", "Updated October 4, 2025 9:05 am ET",
"Sun 12 Oct 2025 08.45 BST", and stamps glued to the text after them
("12.10.2025 | 10:45The fire broke out ..."). Numeric dates with dots or
dashes are read day first (the European and Israeli habit); with slashes,
month first unless the first number is over 12.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for m in names}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (r"(?:(?:\s*[,|@\-–—]\s*|\s+|\s*at\s+)(?P<hour>\d{1,2})[:.](?P<min>\d{2})(?::(?P<sec>\d{2}))?"
         r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?))?(?:\s*(?P<tz>(?-i:[A-Z]{2,4})(?![a-z])|UTC[+-]\d{1,2}|GMT[+-]\d{1,2}))?)?")
_DATE_FORMS = [
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?:[T ](?P<ih>\d{2}):(?P<imin>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?P<itz>Z|[+-]\d{2}:?\d{2})?)?)",
    _WEEKDAY + r"(?P<n1>\d{1,2})(?P<sep>[./-])(?P<n2>\d{1,2})(?P=sep)(?P<n3>\d{4}|\d{2})(?!\d)" + _TIME,
    _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME,
    _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _TIME,
]
_PATTERNS = [re.compile(f, re.I) for f in _DATE_FORMS]
_YEARISH = re.compile(r"\d{4}|\d[./-]\d{1,2}[./-]\d\d")  # every one of _DATE_FORMS has a year: four digits or d.m.yy

_LABELS = re.compile(r"\b(first\s+published|published|posted|updated|last\s+updated|modified|date|issued|on|at|"
                     r"am|pm|a\.m\.|p\.m\.|[A-Z]{2,4})\b[:.]?", re.I)
_UPDATED = re.compile(r"\b(updated|modified|edited)\b", re.I)
_GLUE = re.compile(r"\s*[|·•,\-–—]?\s*")


@dataclass(frozen=True)
class DateStamp:
    """A date read from the text: ISO value and where it stood."""

    value: str
    start: int
    end: int
    updated: bool = False


def _match_date(text: str, pos: int = 0, anchored: bool = False):
    best = None
    for pattern in _PATTERNS:
        m = pattern.match(text, pos) if anchored else pattern.search(text, pos)
        if m and (best is None or m.start() < best.start() or (m.start() == best.start() and m.end() > best.end())):
            best = m
    return best


def _iso(m: re.Match) -> str | None:
    g = m.groupdict()
    try:
        if g.get("iso"):
            value = datetime(int(g["iy"]), int(g["im"]), int(g["id"]), int(g.get("ih") or 0), int(g.get("imin") or 0))
            if not g.get("ih"):
                return value.date().isoformat()
            return value.isoformat() + (g.get("itz") or "").replace("Z", "+00:00")
        if g.get("n1"):
            a, b, year = int(g["n1"]), int(g["n2"]), int(g["n3"])
            year += 2000 if year < 100 else 0
            day, month = (a, b) if g["sep"] != "/" or a > 12 else (b, a)
        else:
            day, month, year = int(g["day"]), _MONTHS[g["mon"].lower().rstrip(".")], int(g["year"])
        value = datetime(year, month, day)
    except (ValueError, KeyError, TypeError):
        return None
    if g.get("hour"):
        hour = int(g["hour"]) % 12 + (12 if (g.get("ampm") or "").lower().startswith("p") else 0) \
            if g.get("ampm") else int(g["hour"])
        try:
            return value.replace(hour=hour, minute=int(g["min"])).isoformat(timespec="minutes")
        except ValueError:
            return value.date().isoformat()
    return value.date().isoformat()


_POSTED_BY = re.compile(r"^(?:posted|published|written|submitted|updated)\s+by\s+[\w.' -]{1,40}?\s+(?=on\b)", re.I)


def parse_dateline(line: str) -> list[DateStamp] | None:
    """The dates of a line that is nothing but dates and their labels, else None."""
    if not _YEARISH.search(line):
        return None  # no date form can match: most lines, tested at C speed
    posted = _POSTED_BY.match(line)  # "Posted by admin on November 16, 2025"
    stamps, pos, rest = [], posted.end() if posted else 0, []
    while True:
        m = _match_date(line, pos)
        if not m:
            rest.append(line[pos:])
            break
        rest.append(line[pos:m.start()])
        iso = _iso(m)
        if iso is None:
            return None
        stamps.append(DateStamp(iso, m.start(), m.end(), bool(_UPDATED.search(line[max(0, pos):m.start()]))))
        pos = m.end()
    leftover = _LABELS.sub(" ", " ".join(rest))
    if not stamps or re.search(r"[^\W\d_]{2,}", leftover):
        return None
    return stamps


def split_glued_stamp(line: str) -> tuple[DateStamp, int] | None:
    """A date stamp at the start of a line glued to the text after it: (stamp, body offset)."""
    m = _match_date(line, 0, anchored=True)
    if not m:
        return None
    iso = _iso(m)
    if iso is None:
        return None
    glue = _GLUE.match(line, m.end())
    body = glue.end()
    if body >= len(line) or not re.match(r"[A-Z\"“‘'«(]", line[body]):
        return None
    glue_text = line[m.end():body]
    if glue_text.strip() == "" and glue_text and not m.group("hour" if "hour" in m.groupdict() else "ih"):
        return None  # "May 3, 2024 Police ..." with a plain space may be prose; a stamp has a time or glue
    return DateStamp(iso, 0, m.end()), body
