"""Choosing each metadata field of an HTML page from its candidates.

One small pure function per field. Each cleans the candidates (a title
loses its " | Site" suffix, a byline its "By"), scores them -- the weight
of the origin plus a bonus for each other origin that agrees -- and
returns the best as a `Choice`, or None. The weights are the named
constants below; origins not listed get the field's default weight.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from .html_meta import Candidate
from .html_names import opens_with_given_name, split_names
from .html_vocab import html_vocabulary, squash
from .sites import site_label

TITLE_WEIGHTS = {"h1": 5.0, "[itemprop=headline]": 2.5, "json-ld": 2.5, "og:title": 2.0, "twitter:title": 1.5,
                 "json-ld:webpage": 1.0, "title": 1.0}
TITLE_DEFAULT = 1.0
TITLE_AGREEMENT = 1.0  # for each other origin that gives the same title
TITLE_PARTIAL_AGREEMENT = 0.5  # ... or a title that starts with this one
TITLE_MAX_AGREEING = 2  # agreement counts for at most this many other origins: SEO titles copy each other
UNRELATED_H1_PENALTY = 3.0  # an <h1> sharing no word with any other title the page gives: a tagline, a section
TRUNCATED_PENALTY = 3.0  # a title cut short with an ellipsis
MAX_KICKER_WORDS = 3  # a label glued before the <h1>'s title ('Opinion', 'Breaking News')
MIN_KICKED_WORDS = 4
_LABELLED = re.compile(r"^\S+(?:\s\S+){0,2}:\s")
LATER_H1_PENALTY = 1.5  # a second or later <h1>
STRAY_H1_PENALTY = 2.5  # an <h1> of one or two words no other origin confirms: a logo or a section name
GENERIC_SUFFIX_WORDS = 4  # "Title | Section" loses a suffix this short even when it is not a known site name
GENERIC_SUFFIX_ORIGINS = ("title", "og:title", "twitter:title", "json-ld:webpage")

DATE_WEIGHTS = {"json-ld:datePublished": 3.0, "article:published_time": 3.0, "og:article:published_time": 3.0,
                "[itemprop=datePublished]": 2.5, "datepublished": 2.5, "time[pubdate]": 2.0,
                "json-ld:webpage:datePublished": 2.0, "json-ld:dateCreated": 1.5, "time[datetime]": 1.2,
                "htmldate": 1.0, "time[datetime] under the headline": 2.5, "text under the headline": 2.5}
DATE_DEFAULT = 2.0  # the other publication-date meta tags
DATE_AGREEMENT = 0.75  # for each other origin that gives the same day
LATER_TIME_PENALTY = 0.6  # a second or later <time> element
SHOWN_DATE_DISTANCE = 150  # elements between the headline and a <time> that dates it
MODIFIED_WEIGHT = 0.5  # a modification date, used only when nothing gives the publication date
EARLIEST_YEAR = 1990

AUTHOR_WEIGHTS = {"json-ld:author": 3.0, "json-ld:creator": 2.0, "[itemprop=author]": 2.5, "byline": 2.0,
                  "a[rel=author]": 2.0, "author": 2.0, "parsely-author": 2.0, "sailthru.author": 2.0,
                  "json-ld:webpage:author": 1.5, "article:author": 1.5, "dc.creator": 1.5, "by-text": 1.5,
                  "contributors": 0.5}
AUTHOR_DEFAULT = 1.0
AUTHOR_AGREEMENT = 1.0  # for each other origin that names one of the same people
LATER_BYLINE_PENALTY = 0.3  # per byline element before this one
SITE_AUTHOR_PENALTY = 2.0  # an origin that names only the site itself: a person's byline elsewhere wins

SITE_WEIGHTS = {"og:site_name": 3.0, "json-ld:publisher": 2.5, "application-name": 1.5}
SITE_DEFAULT = 1.0

DECK_MIN_WORDS, DECK_MAX_WORDS = 5, 80
DECK_MAX_DISTANCE = 60  # elements between the headline and its deck, in document order


@dataclass(frozen=True)
class Choice:
    """The chosen value of a field and where it was read."""

    value: str | list[str]
    origin: str
    position: int | None = None
    element: object = field(default=None, compare=False, repr=False)  # the element it was read from, if any


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Lower-case words only: how two values are compared."""
    return _NON_WORDS.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip()


_NON_WORDS = re.compile(r"\W+")


def _weight(origin: str, weights: dict[str, float], default: float) -> float:
    """An origin's weight: by full name ('json-ld:author'), or by its meta key ('meta[name=author]' -> 'author')."""
    if origin in weights:
        return weights[origin]
    m = re.match(r"meta\[\w+(?:-\w+)?=([^\]]+)\]", origin)
    return weights.get(m.group(1), default) if m else default


def _kind(origin: str) -> str:
    """Origins that count as one for agreement: every <h1> is 'h1', every meta tag its key."""
    m = re.match(r"meta\[\w+(?:-\w+)?=([^\]]+)\]", origin)
    return m.group(1) if m else origin


# --- titles and site names -------------------------------------------------------------------------------------

def choose_site_name(candidates: Sequence[Candidate]) -> Choice | None:
    """The site's name: og:site_name, then the JSON-LD publisher, then the app name."""
    best = max(candidates, key=lambda c: _weight(c.origin, SITE_WEIGHTS, SITE_DEFAULT), default=None)
    return Choice(str(best.value), best.origin) if best else None


def strip_site(title: str, origin: str, site_names: Sequence[str], domain: str | None) -> str:
    """The title without the site's name before or after a separator ('Title | Site', 'Site - Title')."""
    sites = {norm(s) for s in site_names if norm(s)}
    if domain:
        sites.add(domain)
    generic = _kind(origin) in GENERIC_SUFFIX_ORIGINS
    changed = True
    while changed:
        changed = False
        for sep in html_vocabulary().site_separators:
            if sep not in title:
                continue
            head, tail = title.rsplit(sep, 1)
            if _is_site(tail, sites) or (generic and sep.strip() == "|" and len(tail.split()) <= GENERIC_SUFFIX_WORDS
                                         and len(head.split()) >= 3):
                title, changed = head.strip(), True
                break
            head, tail = title.split(sep, 1)
            if _is_site(head, sites) and tail.strip():
                title, changed = tail.strip(), True
                break
    return title


def _is_site(part: str, sites: set[str]) -> bool:
    n = norm(part)
    if not n:
        return False
    return _names_site(n, sites) or any(
        s and (n.startswith(s + " ") or n.endswith(" " + s)) and len(n.split()) <= len(s.split()) + 2 for s in sites)


def _names_site(n: str, sites: set[str]) -> bool:
    """Whether a compared form is one of the site's names, as written or without its spaces ('harbour tide' for
    harbourtide.example)."""
    return n in sites or n.replace(" ", "") in sites


def site_domain(url: str | None) -> str | None:
    """The registrable label of a URL's host as names are compared: 'https://www.example-news.co.uk/x' ->
    'examplenews' (`sites.site_label`)."""
    label = site_label(url)
    return re.sub(r"\W+", "", label) if label else None


def choose_title(candidates: Sequence[Candidate], site_names: Sequence[str], domain: str | None) -> Choice | None:
    """The headline: the visible <h1> unless the other origins agree on something else."""
    sites = {norm(s) for s in site_names} | ({domain} if domain else set())
    cleaned = [(c, strip_site(str(c.value), c.origin, site_names, domain)) for c in candidates]
    cleaned = [(c, t) for c, t in cleaned if t and len(t) <= 400 and norm(t).replace(" ", "") not in sites
               and norm(t) not in sites]
    if not cleaned:
        return None
    keys = [(c.origin, _kind(c.origin), norm(t)) for c, t in cleaned]

    def score(i: int) -> float:
        c, _ = cleaned[i]
        _, kind, key = keys[i]
        same = {k for _, k, other in keys if k != kind and other == key}
        partial = {k for _, k, other in keys if k != kind and other != key and key and other.startswith(key)} - same
        s = _weight(c.origin, TITLE_WEIGHTS, TITLE_DEFAULT) + TITLE_AGREEMENT * min(len(same), TITLE_MAX_AGREEING) \
            + TITLE_PARTIAL_AGREEMENT * min(len(partial), TITLE_MAX_AGREEING - min(len(same), TITLE_MAX_AGREEING))
        if kind == "h1" and c.rank > 0:
            s -= LATER_H1_PENALTY
        if kind == "h1" and not same and len(key.split()) <= 2:
            s -= STRAY_H1_PENALTY
        if kind == "h1" and not same and _unrelated(key, [other for _, k, other in keys if k != "h1"]):
            s -= UNRELATED_H1_PENALTY
        if str(c.value).rstrip().endswith(("...", "…")):
            s -= TRUNCATED_PENALTY
        return s

    best = max(range(len(cleaned)), key=lambda i: (score(i), -i))
    c, title = cleaned[best]
    return Choice(_without_kicker(title, [t for _, t in cleaned]), c.origin, c.position, c.element)


def _without_kicker(title: str, others: Sequence[str]) -> str:
    """The title without a label glued before it ('Opinion', 'News'), when another origin gives it without one."""
    key = norm(title)
    if _LABELLED.match(title):
        return title  # 'Colleges: ...' is part of the headline
    for other in others:
        rest = norm(other)
        if rest != key and key.endswith(" " + rest) and len(rest.split()) >= MIN_KICKED_WORDS and \
                len(key.split()) - len(rest.split()) <= MAX_KICKER_WORDS:
            return other
    return title


def _unrelated(key: str, others: Sequence[str]) -> bool:
    """Whether a title shares no word (of four letters or more) with any of at least two other titles."""
    mine = {w for w in key.split() if len(w) >= 4}
    if len(others) < 2 or not mine:
        return False
    return all(not mine & set(o.split()) for o in others)


# --- dates -----------------------------------------------------------------------------------------------------

def parse_date(value: str) -> str | None:
    """An ISO 8601 date or date-time from a page's date value, or None when it is not a plausible date."""
    value = squash(value)
    if not value:
        return None
    parsed = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1) if "T" not in value
                                        and re.match(r"\d{4}-\d\d-\d\d \d", value) else value.replace("Z", "+00:00"))
    except ValueError:
        parsed = _parse_loose(value)
    if parsed is None:
        return None
    if isinstance(parsed, datetime) and not (EARLIEST_YEAR <= parsed.year <= date.today().year + 1):
        return None
    if len(value) == 10 and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return parsed.date().isoformat()
    return parsed.isoformat()


def _parse_loose(value: str) -> datetime | None:
    from dateutil import parser as dateparser

    if not re.search(r"\d{4}", value) or len(value) > 80:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 'EST' and the like: read without a time zone, the day is what counts
        try:
            return dateparser.parse(value, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None


def choose_date(candidates: Sequence[Candidate], modified: Sequence[Candidate] = (),
                headline_at: int | None = None) -> Choice | None:
    """The publication date: the best-trusted origin, helped by the others that agree on the day.

    A <time> shortly after the headline is the date the page shows its readers, and weighs more.
    """
    candidates = [_shown(c, headline_at) for c in candidates]
    parsed = [(c, iso) for c in candidates if (iso := parse_date(str(c.value)))]
    if not parsed:
        parsed = [(c, iso) for c in modified if (iso := parse_date(str(c.value)))]
        if not parsed:
            return None
        c, iso = parsed[0]
        return Choice(iso, c.origin)
    days = [(_kind(c.origin), iso[:10]) for c, iso in parsed]

    def score(i: int) -> float:
        c = parsed[i][0]
        kind, day = days[i]
        agree = {k for k, d in days if k != kind and d == day}
        s = _weight(c.origin, DATE_WEIGHTS, DATE_DEFAULT) + DATE_AGREEMENT * len(agree)
        return s - (LATER_TIME_PENALTY if c.origin == "time[datetime]" and c.rank > 0 else 0.0)

    best = max(range(len(parsed)), key=lambda i: (score(i), len(parsed[i][1]), -i))
    c, iso = parsed[best]
    local = _same_instant_local(iso, parsed)
    return Choice(local[1], local[0].origin) if local else Choice(iso, c.origin)


def _shown(c: Candidate, headline_at: int | None) -> Candidate:
    if headline_at is None or c.position is None or not c.origin.startswith("time"):
        return c
    if 0 < c.position - headline_at <= SHOWN_DATE_DISTANCE:
        return Candidate(c.value, "time[datetime] under the headline", c.rank, c.position)
    return c


def _same_instant_local(iso: str, parsed: Sequence[tuple[Candidate, str]]) -> tuple[Candidate, str] | None:
    """Another origin's writing of the same UTC instant with the site's own offset (its day is the reader's day)."""
    chosen = _aware(iso)
    if chosen is None or chosen.utcoffset():
        return None
    for c, other in parsed:
        moment = _aware(other)
        if moment is not None and moment.utcoffset() and abs((moment - chosen).total_seconds()) < 60:
            return c, other
    return None


def _aware(iso: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


# --- authors ---------------------------------------------------------------------------------------------------

def choose_authors(candidates: Sequence[Candidate], site_names: Sequence[str],
                   domain: str | None = None) -> Choice | None:
    """The byline's people: the best-trusted origin, helped by the others that name the same people."""
    sites = {norm(s) for s in site_names}
    named = []
    for c in candidates:
        if any(_BIO.search(raw) for raw in c.value):
            continue  # an author's bio, not a byline
        names = list(dict.fromkeys(_without_site(n, sites, domain) for raw in c.value for n in split_names(raw)))
        people = [n for n in names if not _names_site(norm(n), sites)
                  and not (domain and norm(n).replace(" ", "") == domain and not opens_with_given_name(n))]
        if names:
            named.append((c, people or names, not people))  # the site's name stays only when it is the sole author
    if not named:
        return None
    keys = [(_kind(c.origin), {norm(n) for n in names}) for c, names, _ in named]

    def score(i: int) -> float:
        c, _, site_only = named[i]
        kind, mine = keys[i]
        agree = {k for k, other in keys if k != kind and mine & other}
        s = _weight(c.origin, AUTHOR_WEIGHTS, AUTHOR_DEFAULT) + AUTHOR_AGREEMENT * len(agree)
        s -= SITE_AUTHOR_PENALTY if site_only else 0.0
        return s - (LATER_BYLINE_PENALTY * c.rank if c.origin in ("byline", "by-text") else 0.0)

    best = max(range(len(named)), key=lambda i: (score(i), -i))
    c, names, _ = named[best]
    return Choice(names, c.origin)


_BIO = re.compile(r"\b(?:is|was|has been) (?:an?|the)?\s*\w+", re.IGNORECASE)


def _without_site(name: str, sites: set[str], domain: str | None = None) -> str:
    """A name without the site's name glued after it ('Ana Ruiz Harbour Courier' on the Harbour Courier's site)."""
    words = name.split()
    if words and words[0].lower() == "the":
        return name  # 'The Harbour Courier' on courier.example is the outlet's own name
    for k in range(2, len(words)):  # at least two words stay
        tail = norm(" ".join(words[k:]))
        if _names_site(tail, sites) or (domain and len(words) - k >= 2 and tail.replace(" ", "") == domain):
            return " ".join(words[:k])  # an address label of one word stays: 'Ana Maria Quill' on quill.example
    return name


# --- url, language, deck ---------------------------------------------------------------------------------------

URL_ORDER = ("link[rel=canonical]", "meta[property=og:url]", "meta[name=og:url]", "json-ld:url", "json-ld:mainEntityOfPage")


def choose_url(candidates: Sequence[Candidate], base: str | None) -> Choice | None:
    """The canonical link, then og:url, then the JSON-LD url; relative links resolved against `base`."""
    for origin in URL_ORDER:
        for c in candidates:
            if c.origin != origin:
                continue
            try:
                url = urljoin(base, str(c.value)) if base else str(c.value)
                parts = urlsplit(url)
                if parts.scheme in ("http", "https") and parts.hostname:
                    return Choice(url, origin)
            except ValueError:  # 'http://[harbour/x': no address, the next one is tried
                continue
    return None


LANGUAGE_ORDER = ("html[lang]", "meta[http-equiv=content-language]", "meta[property=og:locale]",
                  "json-ld:inLanguage", "json-ld:webpage:inLanguage")


def choose_language(candidates: Sequence[Candidate]) -> Choice | None:
    """The page's language as a lower-case primary subtag ('en-US' -> 'en')."""
    for origin in LANGUAGE_ORDER:
        for c in candidates:
            m = re.match(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", str(c.value))
            if c.origin == origin and m:
                return Choice(m.group(1).lower(), origin)
    return None


def choose_deck(candidates: Sequence[Candidate], headline: Choice | None) -> Choice | None:
    """The standfirst under the headline: a deck-class element or the shown description, close after the <h1>."""
    head_key = norm(str(headline.value)) if headline else ""
    head_at = headline.position if headline else None
    for c in sorted(candidates, key=lambda c: (c.origin.startswith("json-ld"), c.position or 0)):
        text = squash(str(c.value))
        words = len(text.split())
        if not DECK_MIN_WORDS <= words <= DECK_MAX_WORDS or (head_key and head_key in norm(text)) \
                or norm(text).startswith("by "):
            continue
        if c.position is not None and (head_at is None or not 0 < c.position - head_at <= DECK_MAX_DISTANCE):
            continue
        return Choice(text, c.origin, c.position)
    return None
