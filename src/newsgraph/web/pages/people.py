"""`/people/ID`: a person across every source (the list of people is `corpus.entities_index`)."""

from __future__ import annotations

from ...store import Store
from ...understand.events import named_type
from ..templating import script_name
from ..timeline import layout

def data(store: Store, args: dict, entity_id: int) -> dict | None:
    """Names in every script, titles over time, affiliations, events, quotes, articles, merge evidence."""
    person = store.person(entity_id)
    if person is None:
        return None
    if args.get("events") != "all":  # named event types by default; ?events=all adds the supersense fallbacks
        person["events"] = [e for e in person["events"] if named_type(e["type"])]
    return {"person": person}


def html(data: dict) -> dict:
    """Names grouped by script, and the events laid out for the timeline chart."""
    person = data["person"]
    scripts: dict[str, list[str]] = {}
    for name in [person["name"], *person["aliases"]]:
        if not name.startswith("~"):
            scripts.setdefault(script_name(name), []).append(name)
    headlines = {a["id"]: a["headline"] for a in person["articles"]}
    events = one_per_event(person["events"], headlines)
    return {"scripts": scripts, "timeline": layout(events), "events": events, "headlines": headlines}


def one_per_event(rows: list[dict], headlines: dict[str, str]) -> list[dict]:
    """The person's events with each told once: the reports of one type on one date (or undated) become one
    event with every source that reports it, earliest date first."""
    grouped: dict[tuple, dict] = {}
    for row in rows:
        key = (row["type"], row["date_value"] or None)
        source = {"article_id": row["article_id"], "event_id": row["event_id"],
                  "headline": headlines.get(row["article_id"])}
        if key not in grouped:
            grouped[key] = dict(row, headline=source["headline"], sources=[source])
        else:
            event = grouped[key]
            if all(s["article_id"] != row["article_id"] for s in event["sources"]):
                event["sources"].append(source)
            event["place"] = event["place"] or row["place"]
            event["attributes"] = {**row["attributes"], **{k: v for k, v in event["attributes"].items() if v}}
    return sorted(grouped.values(), key=lambda e: (e["date_value"] is None, e["date_value"] or ""))
