"""Keys an organisation or place is found by besides its name: without its legal form, its acronym, its
country's other names.

"Apple Inc." and "Apple Computer, Inc." are found by "apple" and "apple computer" (`core`); "United Auto
Workers" by its acronym "uaw", which "UAW" and "U.A.W." are (`acronym`); "U.S.", "USA" and "United
States" by one country key (`variant`). A first word alone ("Apple Computer" as "Apple") is no key: on
MEANTIME it merged more companies wrongly than it joined rightly. Vocabularies: `legal_suffixes`, `acronym_skip` and
`place_variants` in `data/linking.json`.
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..readers.furniture import load_data
from .sql import name_key

MIN_ACRONYM = 3


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    data = load_data("linking.json")
    variants = {name: group[0] for group in data["place_variants"] for name in group}
    return frozenset(data["legal_suffixes"]), frozenset(data["acronym_skip"]), variants


def _compact(key: str) -> str:
    """'u s' (U.S.) -> 'us': letters written with stops are one word."""
    words = key.split()
    return "".join(words) if len(words) > 1 and all(len(w) == 1 for w in words) else key


@lru_cache(maxsize=65536)
def org_keys(name: str, type_: str) -> dict[str, str]:
    """(key, kind) pairs of an organisation or place: full, core (no legal form), acronym, variant."""
    suffixes, skip, variants = _vocabulary()
    key = _compact(name_key(name))
    if not key:
        return {}
    keys = {key: "full"}
    words = key.split()
    while len(words) > 1 and (words[-1] in suffixes or " ".join(words[-2:]) in suffixes):
        words = words[:-2] if " ".join(words[-2:]) in suffixes else words[:-1]
    if " ".join(words) != key:
        keys.setdefault(" ".join(words), "core")
    for letters in (words, key.split()):  # 'Penske Automotive Group' is PAG, its core 'Penske Automotive' PA
        significant = [w for w in letters if w not in skip]
        if len(significant) >= MIN_ACRONYM:  # two letters stand for too many names
            keys.setdefault("".join(w[0] for w in significant), "acronym")
    if type_ == "place" and key in variants:
        keys.setdefault("~place " + variants[key], "variant")
    return keys


def standard_place_name(name: str) -> bool:
    """Whether a place's name is the standard one of its country's names ('United States', not 'America' or 'US':
    the first of its group in `place_variants`)."""
    _, _, variants = _vocabulary()
    key = _compact(name_key(name))
    return variants.get(key) == key


def initials(name: str) -> str:
    """The first letters of a name's words, short words ('of', 'and') left out: 'General Motors' -> 'gm'."""
    _, skip, _ = _vocabulary()
    return "".join(w[0] for w in _compact(name_key(name)).split() if w not in skip)


@lru_cache(maxsize=16384)  # grouping asks for every organisation and place of every article
def acronym_of(name: str, shortest: int = MIN_ACRONYM) -> str | None:
    """The letters of a name written as an acronym ('UAW', 'U.A.W.'), lower case; None for other names.
    Within one article two letters are enough ('GM' beside 'General Motors': `shortest=2`)."""
    letters = "".join(ch for ch in name if ch.isalpha())
    if shortest <= len(letters) <= 6 and letters.isupper() and len(name.split()) == 1:
        return letters.lower()
    return None
