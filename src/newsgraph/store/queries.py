"""Read-side queries over the store: people, one person across sources, quotes."""

from __future__ import annotations

import json
from collections import defaultdict

from .backends import Database


def _names(db: Database, entity_ids: list[int]) -> dict[int, list[str]]:
    if not entity_ids:
        return {}
    rows = db.query(f"SELECT entity_id, name FROM entity_names WHERE entity_id IN ({', '.join('?' * len(entity_ids))})"
                    " AND (script IS NULL OR script <> 'skeleton') ORDER BY entity_id, name", entity_ids)
    out: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        out[row["entity_id"]].append(row["name"])
    return out


def _union(values) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        for item in json.loads(value):
            if item.lower() not in seen:
                seen.add(item.lower())
                out.append(item)
    return out


def people(db: Database, limit: int | None = None) -> list[dict]:
    """Every person: id, name, aliases, titles, the articles (sources or URLs) they appear in, mention count."""
    rows = db.query(
        "SELECT e.id, e.name, m.titles, m.count, a.source, a.url FROM entities e "
        "JOIN mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id "
        "WHERE e.type = 'person' ORDER BY e.id, a.published, a.id")
    by_id: dict[int, dict] = {}
    for row in rows:
        person = by_id.setdefault(row["id"], {"id": row["id"], "name": row["name"], "aliases": [], "titles": [],
                                               "articles": [], "mentions": 0, "_titles": []})
        person["_titles"].append(row["titles"])
        person["mentions"] += row["count"]
        where = row["url"] or row["source"]
        if where not in person["articles"]:
            person["articles"].append(where)
    names = _names(db, list(by_id))
    for person in by_id.values():
        person["titles"] = _union(person.pop("_titles"))
        person["aliases"] = [n for n in names.get(person["id"], []) if n != person["name"]]
    ranked = sorted(by_id.values(), key=lambda p: (-len(p["articles"]), -p["mentions"], p["id"]))
    return ranked[:limit] if limit else ranked


def person(db: Database, entity_id: int) -> dict | None:
    """One person across sources: names in every script, titles over time, affiliations, events, quotes, merges."""
    rows = db.query("SELECT id, name, type FROM entities WHERE id = ?", (entity_id,))
    if not rows:
        return None
    out = dict(rows[0])
    out["aliases"] = [n for n in _names(db, [entity_id]).get(entity_id, []) if n != out["name"]]
    mentions = db.query(
        "SELECT m.article_id, m.titles, m.roles, m.affiliations, m.count, a.published, a.source, a.url, a.headline, "
        "a.site FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? "
        "ORDER BY a.published, a.id", (entity_id,))
    out["titles_over_time"] = [{"published": m["published"], "titles": json.loads(m["titles"]),
                                "article_id": m["article_id"]} for m in mentions if json.loads(m["titles"])]
    out["titles"] = _union(m["titles"] for m in mentions)
    out["roles"] = _union(m["roles"] for m in mentions)
    out["affiliations"] = _union(m["affiliations"] for m in mentions)
    out["articles"] = [{"id": m["article_id"], "headline": m["headline"], "source": m["source"], "url": m["url"],
                        "site": m["site"], "published": m["published"], "mentions": m["count"]} for m in mentions]
    out["events"] = db.query(
        "SELECT ev.article_id, ev.event_id, ev.type, ev.date_text, ev.date_value, ev.place, ev.attributes, "
        "ev.evidence FROM event_participants p JOIN events ev ON ev.article_id = p.article_id "
        "AND ev.event_id = p.event_id JOIN articles a ON a.id = ev.article_id WHERE p.entity_id = ? "
        "AND a.duplicate_of IS NULL ORDER BY ev.date_value, ev.article_id, ev.event_id", (entity_id,))
    for event in out["events"]:
        event["attributes"] = json.loads(event["attributes"])
    out["quotes"] = quotes(db, [entity_id])
    out["merges"] = [dict(r, reasons=json.loads(r["reasons"])) for r in db.query(
        "SELECT g.article_id, g.local_id, g.decision, g.score, g.reasons, m.name FROM merges g "
        "JOIN mentions m ON m.article_id = g.article_id AND m.local_id = g.local_id "
        "WHERE g.entity_id = ? ORDER BY g.article_id", (entity_id,))]
    return out


def quotes(db: Database, speaker_ids: list[int] | None = None, limit: int | None = None) -> list[dict]:
    """Quotes with speaker and source, optionally only those of some speakers, newest first."""
    where, params = "a.duplicate_of IS NULL", []
    if speaker_ids is not None:
        where += f" AND q.speaker_id IN ({', '.join('?' * len(speaker_ids)) or 'NULL'})"
        params.extend(speaker_ids)
    sql = ("SELECT q.article_id, q.quote_id, q.kind, q.text, q.speaker_id, COALESCE(e.name, q.speaker_name) AS "
           "speaker, q.cue, q.parent, a.published, a.headline, a.source, a.url, a.site FROM quotes q "
           "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id "
           f"WHERE {where} ORDER BY a.published DESC, q.article_id, q.start_offset")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return db.query(sql, params)
