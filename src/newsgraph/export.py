"""Exports of the knowledge base: schema.org JSON-LD, and CSV of quotes and of events."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from .store import Store

SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}
QUOTE_COLUMNS = ["article_id", "quote_id", "kind", "speaker", "speaker_id", "text", "cue", "parent", "published",
                 "headline", "source", "url"]
EVENT_COLUMNS = ["article_id", "event_id", "type", "date_text", "date_value", "place", "participants", "attributes",
                 "evidence", "published", "headline", "source", "url"]


def jsonld(store: Store) -> dict:
    """Every original article as a schema.org NewsArticle, mentioning Person, Organization and Place nodes."""
    db = store.db
    entities = {r["id"]: r for r in db.query("SELECT id, type, name FROM entities")}
    names: dict[int, list[str]] = {}
    for row in db.query("SELECT entity_id, name FROM entity_names WHERE script IS NULL OR script <> 'skeleton' "
                        "ORDER BY entity_id, name"):
        names.setdefault(row["entity_id"], []).append(row["name"])
    graph = []
    for eid, entity in entities.items():
        node = {"@type": SCHEMA_TYPES.get(entity["type"], "Thing"), "@id": f"#entity-{eid}", "name": entity["name"]}
        alternates = [n for n in names.get(eid, []) if n != entity["name"]]
        if alternates:
            node["alternateName"] = alternates
        graph.append(node)
    mentioned: dict[str, list[int]] = {}
    for row in db.query("SELECT article_id, entity_id FROM mentions ORDER BY article_id, entity_id"):
        mentioned.setdefault(row["article_id"], []).append(row["entity_id"])
    for row in db.query("SELECT id, headline, subheadline, published, url, site, authors, body, source "
                        "FROM articles WHERE duplicate_of IS NULL ORDER BY published, id"):
        node = {"@type": "NewsArticle", "@id": f"#article-{row['id']}", "headline": row["headline"],
                "alternativeHeadline": row["subheadline"], "datePublished": row["published"], "url": row["url"],
                "author": [{"@type": "Person", "name": a} for a in json.loads(row["authors"])],
                "publisher": {"@type": "Organization", "name": row["site"]} if row["site"] else None,
                "articleBody": row["body"], "isBasedOn": row["source"],
                "mentions": [{"@id": f"#entity-{e}"} for e in mentioned.get(row["id"], [])]}
        graph.append({k: v for k, v in node.items() if v not in (None, [])})
    return {"@context": "https://schema.org", "@graph": graph}


def _csv(rows: list[dict], columns: list[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        yield buffer.getvalue()


def quotes_csv(store: Store) -> Iterator[str]:
    """Quotes as CSV lines, header first."""
    return _csv(store.quotes(), QUOTE_COLUMNS)


def events_csv(store: Store) -> Iterator[str]:
    """Events as CSV lines (participants by name, separated by '; '), header first."""
    db = store.db
    participants: dict[tuple[str, str], list[str]] = {}
    for row in db.query("SELECT p.article_id, p.event_id, e.name FROM event_participants p "
                        "JOIN entities e ON e.id = p.entity_id ORDER BY e.name"):
        participants.setdefault((row["article_id"], row["event_id"]), []).append(row["name"])
    rows = db.query("SELECT ev.*, a.published, a.headline, a.source, a.url FROM events ev JOIN articles a "
                    "ON a.id = ev.article_id WHERE a.duplicate_of IS NULL ORDER BY ev.date_value, ev.article_id, "
                    "ev.event_id")
    for row in rows:
        row["participants"] = "; ".join(participants.get((row["article_id"], row["event_id"]), []))
    return _csv(rows, EVENT_COLUMNS)
