"""The 1990 US Census name lists, as the vocabulary generators read them (`build_thing_heads.py`,
`build_name_words.py`, `build_diseases.py`, `build_software.py`): the public-domain `dist.all.last`,
`dist.male.first` and `dist.female.first` files shipped in the PyPI package `names` 0.3.0 (MIT licence). Development
time only; newsgraph never reads them at run time.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

SURNAME_RANKS = 5000  # the 5,000 most frequent surnames (about 64 % of people); rarer ones are mostly common words
LISTS = ("dist.all.last", "dist.male.first", "dist.female.first")


def census_rows(name: str) -> list[list[str]]:
    """The rows of one Census list: name, per cent of people, cumulative per cent, rank."""
    return [line.split() for line in files("names").joinpath(name).read_text(encoding="ascii").splitlines()
            if line.strip()]


def census_names(surname_ranks: int = SURNAME_RANKS) -> set[str]:
    """Every Census first name, and the surnames up to rank `surname_ranks`, lower-cased."""
    return {row[0].lower() for name in LISTS for row in census_rows(name)
            if name != "dist.all.last" or int(row[3]) <= surname_ranks}


def people_and_place_names(data: Path) -> set[str]:
    """One-word names that are people's or places' first, lower-cased: the Census first names and most frequent
    surnames, the given names of `data/given_names.json` and the GeoNames places of `data/places.json` (what the
    generators of `diseases.json` and `software.json` leave out)."""
    given = json.loads((data / "given_names.json").read_text(encoding="utf-8"))["names"]
    places = json.loads((data / "places.json").read_text(encoding="utf-8"))["names"].split("|")
    return census_names() | {n.lower() for n in given} | {p.lower() for p in places}
