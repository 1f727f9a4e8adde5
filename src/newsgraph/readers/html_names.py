"""Author names out of byline text, for the HTML reader.

'By Jane Doe and John Roe, Staff Writers | Site' -> ['Jane Doe', 'John Roe'].
The byline prefixes, job titles and desk names come from `bylines.json`.

What a byline adds after a person is not a second person: the outlet or employer ('Jane Doe, Harbour
Sentinel', 'Jane Doe | The Harbour Times', 'Jane Doe of Harbourlabs'), a job or a degree ('Jane Doe, Marketing
Manager'), a link's label ('Jane Doe Info') or a date glued on ('Jane DoeOctober 3').
A user name ('fan_77', 'harbour.io') is no one's name; a camel-case account ('HarbourVideo') is kept as the
byline gives it, but tells no "I" (`is_account`, read by `understand.speakers.narrator`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .furniture import load_data
from .html_vocab import squash

MAX_NAME_WORDS = 6
MIN_NAME_WORDS_BEFORE_TAIL = 2  # a tail ('of Harbourlabs', 'Info', 'BBC') is cut only after a name of this many words
PARTICLES = frozenset(("de", "van", "von", "der", "den", "bin", "al", "el", "da", "das", "dos", "du", "ben", "le", "la",
                       "di", "del", "y", "of", "the", "and", "for", "ter", "zu", "st.", "mc"))
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")
CALENDAR = frozenset(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                      *MONTHS,
                      "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
                      "thursday", "friday", "saturday", "sunday", "today", "yesterday", "updated", "published"))
TRAILING_MONTHS = frozenset(MONTHS) - {"april", "may", "june", "august"}  # the others are also names ('Theresa May')
_SPLIT = re.compile(r"\s*(?:[,;|/·•]|\s&\s|\band\b|\bwith\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_CUT = re.compile(r"\s*(?:\d|\b(?:updated|published|posted|last updated|modified|on (?:mon|tue|wed|thu|fri|sat|sun|jan|feb"
                  r"|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))\b|\bfollow\b|\bemail\b|[-–—]\s*[A-Z][a-z]+ \d)", re.IGNORECASE)
_GLUED_BY = re.compile(r"^By(?=[A-Z][a-z])")  # 'ByJane Doe': the prefix and a linked name with no space between
_GLUED_MONTH = re.compile(rf"(?<=[a-z])(?=(?:{'|'.join(m.title() for m in MONTHS)})\b)")  # 'Jane DoeOctober 3'
_NOISE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|(?<!\w)@\w+|\([^)]*\)|#\S*|\*", re.IGNORECASE)
_AFFILIATION = re.compile(r"\s(?i:of|at|from|for)\s+(?=\S*[A-Z])")  # 'Jane Doe of Harbourlabs', not 'of course'
_SIGNATURE = re.compile(r"^\s*[—―](?!\s*by\b)", re.IGNORECASE)  # a quotation's signature line ('— Ana Ruiz')
_DASH_TAIL = re.compile(r"\s[-–—]\s")  # 'Jane Doe - Marketing Manager'
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’]|D['’])[A-Z][a-z]+$")  # 'McAllister'
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")  # 'HarbourFan', 'WHNVideo'
_DOMAIN = re.compile(r"\w\.(?:com|net|org|io|co|info|biz|tv|news)\b", re.IGNORECASE)


@dataclass(frozen=True)
class BylineWords:
    """The vocabulary of `bylines.json` that splitting a byline uses."""

    prefix: re.Pattern
    job: re.Pattern
    not_names: frozenset[str]
    outlet_words: frozenset[str]  # with the organisation words of speakers.json
    degrees: frozenset[str]
    suffixes: frozenset[str]
    link_words: frozenset[str]
    given_names: frozenset[str]


@cache
def _vocabulary() -> BylineWords:
    bylines = load_data("bylines.json")
    prefixes = "|".join(re.escape(p) for p in sorted(bylines["prefixes"], key=len, reverse=True))
    titles = "|".join(re.escape(t) for t in sorted(bylines["job_titles"] + bylines["affiliation_titles"], key=len,
                                                   reverse=True))
    prefix = re.compile(rf"^(?:(?:more|posted|author(?:s|ed)?|articles?)\s+)?(?:{prefixes})\b\s*:?\s*|^authors?\s*:\s*", re.IGNORECASE)
    job = re.compile(rf"\b(?:{titles}|editors?|writers?|reporters?|correspondents?|contributors?|staff|senior|chief|"
                     rf"special|associate|executive|managing|deputy|director|head of|professor|author of)\b", re.IGNORECASE)
    lower = lambda key: frozenset(w.lower() for w in bylines[key])  # noqa: E731
    return BylineWords(prefix, job, lower("not_names") | lower("not_authors"),
                       lower("outlet_words") | frozenset(load_data("speakers.json")["organization_words"]),
                       lower("degrees"), lower("suffixes"), lower("link_words"),
                       frozenset(load_data("given_names.json")["names"]))


def split_names(text: str) -> list[str]:
    """The people (or agencies) a byline names, without 'By', job titles, dates or what follows a person."""
    v = _vocabulary()
    if _SIGNATURE.match(text):
        return []  # '— Ana Ruiz of Harbourlabs' under a pulled quotation: who said it, not who wrote the page
    text = _GLUED_MONTH.sub(" ", _GLUED_BY.sub("", _NOISE.sub(" ", squash(text))))
    cut = _CUT.search(text)
    if cut and cut.start() > 0:
        text = text[:cut.start()]
    names: list[str] = []
    for part in _SPLIT.split(text):
        part = _without_dash_tail(squash(v.prefix.sub("", squash(part).lstrip(" -–—―"))).strip(" .:-–—'\"“”"), v)
        if len(part.split()) > 2 * MAX_NAME_WORDS:
            continue  # a run of words no name holds (a pasted paragraph in an author field)
        key = part.lower().rstrip(".")
        if names and (key in v.suffixes or key in v.degrees):
            names[-1] = f"{names[-1]} {part}"  # 'Ana Ruiz, Jr.', 'Ana Ruiz, PhD': hers, not a second author
            continue
        if not part or key in v.not_names or v.job.search(part):
            continue
        part = _without_glued_outlet(part, v)
        if names and _names_outlet(part, names[-1], v):
            continue  # 'Ana Ruiz, Harbour Sentinel': where she works
        part = _without_tail(part, v)
        if _looks_like_name(part) and not _is_user_name(part):
            names.append(part)
    return names


def _names_outlet(part: str, person: str, v: BylineWords) -> bool:
    """Whether a part after a person's name names an outlet or employer rather than a second person."""
    words = part.split()
    if words[0].lower() == "the" or _DOMAIN.search(part) or (part.isupper() and not person.isupper()):
        return True
    if len(words) == 1:
        return words[0][:1].isupper() and words[0].lower() not in v.given_names  # not 'Ana Ruiz, Tomas', '李明, 王芳'
    has_outlet_word = any(w.lower().strip(".,") in v.outlet_words for w in words)
    return has_outlet_word and not (len(words) == 2 and words[0].lower() in v.given_names)  # 'Emily Post' is a person


def _without_dash_tail(part: str, v: BylineWords) -> str:
    """A name without a job, a date or an outlet after a spaced dash ('Ana Ruiz - Marketing Manager', 'Harbour Press -
    Sat Apr'); 'Quill - Ana Ruiz', a user name and the person's, stays whole."""
    m = _DASH_TAIL.search(part)
    tail = part[m.end():] if m else ""
    if tail and (v.job.search(tail) or tail.split()[0].lower().strip(".,") in CALENDAR
                 or _names_outlet(tail, part[:m.start()], v)):
        return part[:m.start()]
    return part


def _without_glued_outlet(part: str, v: BylineWords) -> str:
    """A person's name without an outlet of two words or more glued after it ('Tomas Birke Harbour Press');
    'Santa Marta Sentinel' is the outlet's own name."""
    words = part.split()
    if not 4 <= len(words) <= 2 * MAX_NAME_WORDS or words[0].lower() not in v.given_names:
        return part
    for i in range(MIN_NAME_WORDS_BEFORE_TAIL, len(words) - 1):
        if words[i - 1].lower() in PARTICLES:
            continue  # 'Ana Ruiz for The Harbour Times': the affiliation cut takes 'for' too
        if words[i][:1].isupper() and any(w.lower() in v.outlet_words for w in words[i:]) \
                and not any(w.lower() in v.outlet_words for w in words[:i]):
            return " ".join(words[:i])
    return part


def opens_with_given_name(name: str) -> bool:
    """Whether a name's first word is a given name ('Ada Quill')."""
    words = name.split()
    return bool(words) and words[0].lower() in _vocabulary().given_names


def without_degrees(name: str) -> str:
    """A name without the degrees a byline writes after it ('Ana Ruiz PhD' -> 'Ana Ruiz'): the person's name."""
    words = name.split()
    degrees = _vocabulary().degrees
    while len(words) > 1 and words[-1].lower().rstrip(".,") in degrees:
        words.pop()
    return " ".join(words).rstrip(",")  # 'Ana Ruiz, PhD' -> 'Ana Ruiz'


def _without_tail(part: str, v: BylineWords) -> str:
    """A name without what a byline glues after it: an employer, an outlet's acronym, a link's label, a month."""
    def person_like(words: list[str]) -> bool:
        return len(words) >= MIN_NAME_WORDS_BEFORE_TAIL and not any(w.lower() in v.outlet_words for w in words)

    m = _AFFILIATION.search(part)
    if m and person_like(part[:m.start()].split()):
        part = part[:m.start()]  # 'Ana Ruiz of Harbourlabs'
    words = part.split()
    for i in range(MIN_NAME_WORDS_BEFORE_TAIL, len(words)):  # 'Ana Ruiz BBC News': an outlet's acronym ends the name
        if words[i].isupper() and words[i].lower() in v.outlet_words and not any(w.isupper() for w in words[:i]):
            words = words[:i]
            break
    last = words[-1].lower() if words else ""
    if len(words) > MIN_NAME_WORDS_BEFORE_TAIL and (last in v.link_words or last in TRAILING_MONTHS) \
            and person_like(words[:-1]) and words[-2][:1].isupper() \
            and not (words[0].isupper() and len(words[0]) <= 4 and not part.isupper()):
        words = words[:-1]  # 'Ana Ruiz Info', 'Ana Ruiz October'
    return " ".join(words)


def _is_user_name(part: str) -> bool:
    """A reader's user name, not a person's: a word with digits glued to its letters ('fan77' after the date cut
    took no digits: 'fan77x'), an underscore, or a domain ('harbour.io')."""
    return any(re.search(r"[^\W\d_]\d|\d[^\W\d_]|_", w) for w in part.split()) or bool(_DOMAIN.search(part))


def is_account(name: str) -> bool:
    """One word in camel case ('HarbourVideo', 'HNLabs'): an account's or a desk's name, which no one signs as a
    person; 'McAllister' and 'DeShawn' are names."""
    return " " not in name.strip() and bool(_CAMEL.search(name)) and not _NAME_PREFIX.match(name.strip())


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or not words[0][0].isalpha() or words[0].lower().rstrip(".:,") in CALENDAR:
        return False
    if not any(ch.isupper() for ch in part) and any(ch.islower() for ch in part):
        return False  # lower-case words in a cased script: prose, not a name
    return all(w[0].isupper() or not w[0].isalpha() or w.lower() in PARTICLES or not w[0].islower() for w in words)
