"""`/people` and `/people/ID`: a person across every source."""

from __future__ import annotations

from ...store import Store
from ..templating import script_name
from ..timeline import layout

LIMIT = 200


def index(store: Store, args: dict) -> dict:
    """The people in the most articles."""
    return {"people": store.top_entities("person", LIMIT), "limit": LIMIT}


def data(store: Store, args: dict, entity_id: int) -> dict | None:
    """Names in every script, titles over time, affiliations, events, quotes, articles, merge evidence."""
    person = store.person(entity_id)
    if person is None:
        return None
    return {"person": person}


def html(data: dict) -> dict:
    """Names grouped by script, and the events laid out for the timeline chart."""
    person = data["person"]
    scripts: dict[str, list[str]] = {}
    for name in [person["name"], *person["aliases"]]:
        if not name.startswith("~"):
            scripts.setdefault(script_name(name), []).append(name)
    headlines = {a["id"]: a["headline"] for a in person["articles"]}
    events = [dict(e, headline=headlines.get(e["article_id"])) for e in person["events"]]
    return {"scripts": scripts, "timeline": layout(events), "headlines": headlines}
