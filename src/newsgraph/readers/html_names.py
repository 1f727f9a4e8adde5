"""Author names out of byline text, for the HTML reader.

'By Jane Doe and John Roe, Staff Writers | Site' -> ['Jane Doe', 'John Roe'].
The byline prefixes, job titles and desk names come from `bylines.json`.
"""

from __future__ import annotations

import re
from functools import cache

from .furniture import load_data
from .html_vocab import squash

MAX_NAME_WORDS = 6
PARTICLES = frozenset(("de", "van", "von", "der", "den", "bin", "al", "el", "da", "das", "dos", "du", "ben", "le", "la",
                       "di", "del", "y", "of", "the", "and", "for", "ter", "zu", "st.", "mc"))
CALENDAR = frozenset(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
                      "february", "march", "april", "june", "july", "august", "september", "october", "november",
                      "december", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
                      "thursday", "friday", "saturday", "sunday", "today", "yesterday", "updated", "published"))
_SPLIT = re.compile(r"\s*(?:[,;|/·•]|\s&\s|\band\b|\bwith\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_CUT = re.compile(r"\s*(?:\d|\b(?:updated|published|posted|last updated|modified|on (?:mon|tue|wed|thu|fri|sat|sun|jan|feb"
                  r"|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\b|\bfollow\b|\bemail\b|[-–—]\s*[A-Z][a-z]+ \d)", re.IGNORECASE)
_GLUED_BY = re.compile(r"^By(?=[A-Z][a-z])")  # 'ByJane Doe': the prefix and a linked name with no space between
_NOISE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|(?<!\w)@\w+|\([^)]*\)", re.IGNORECASE)


@cache
def _vocabulary() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    bylines = load_data("bylines.json")
    prefixes = "|".join(re.escape(p) for p in sorted(bylines["prefixes"], key=len, reverse=True))
    titles = "|".join(re.escape(t) for t in sorted(bylines["job_titles"], key=len, reverse=True))
    prefix = re.compile(rf"^(?:(?:more|posted|author(?:s|ed)?|articles?)\s+)?(?:{prefixes})\b\s*:?\s*|^authors?\s*:\s*", re.IGNORECASE)
    job = re.compile(rf"\b(?:{titles}|editors?|writers?|reporters?|correspondents?|contributors?|staff|senior|chief|"
                     rf"special|associate|executive|managing|deputy|director|head of|professor|author of)\b", re.IGNORECASE)
    return prefix, job, frozenset(n.lower() for n in bylines["not_names"])


def split_names(text: str) -> list[str]:
    """The people (or agencies) a byline names, without 'By', job titles or dates."""
    prefix, job, not_names = _vocabulary()
    text = _GLUED_BY.sub("", _NOISE.sub(" ", squash(text)))
    cut = _CUT.search(text)
    if cut and cut.start() > 0:
        text = text[:cut.start()]
    names = []
    for part in _SPLIT.split(text):
        part = squash(prefix.sub("", squash(part))).strip(" .:-–—'\"“”")
        if not part or part.lower() in not_names or job.search(part):
            continue
        if _looks_like_name(part):
            names.append(part)
    return names


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not words[0][0].isalpha() or words[0].lower().rstrip(".") in CALENDAR:
        return False
    if not any(ch.isupper() for ch in part) and any(ch.islower() for ch in part):
        return False  # lower-case words in a cased script: prose, not a name
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in PARTICLES or not w[0].islower() for w in words)
