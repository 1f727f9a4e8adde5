"""Read-side queries over the store: people, one person across sources, quotes, and what the web pages count."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from .backends import Database
from .sql import date_range_sql
from .tables import NAMED

ENTITY_TYPES = ("person", "organization", "place")


def _names(db: Database, entity_ids: list[int]) -> dict[int, list[str]]:
    if not entity_ids:
        return {}
    rows = db.query(f"SELECT entity_id, name FROM entity_names WHERE entity_id IN ({', '.join('?' * len(entity_ids))})"
                    " AND (script IS NULL OR script = 'other') ORDER BY entity_id, name", entity_ids)
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


def people(db: Database, limit: int | None = None, ids: list[int] | None = None) -> list[dict]:
    """Every named person (or those of `ids`, named or not): id, name, aliases, titles, the articles (sources or
    URLs) they appear in, mention count; the most widely reported first."""
    only = f"AND e.id IN ({', '.join('?' * len(ids)) or 'NULL'})" if ids is not None else f"AND {NAMED}"
    rows = db.query(
        "SELECT e.id, e.name, m.titles, m.count, a.source, a.url FROM entities e "
        "JOIN mentions m ON m.entity_id = e.id JOIN articles a ON a.id = m.article_id "
        f"WHERE e.type = 'person' {only} ORDER BY e.id, a.published, a.id", ids or [])
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


def quotes(db: Database, speaker_ids: list[int] | None = None, limit: int | None = None,
           mode: str | None = None) -> list[dict]:
    """Quotes with speaker and source, optionally only those of some speakers or of one mode, newest first."""
    where, params = "a.duplicate_of IS NULL", []
    if mode:
        where += " AND q.mode = ?"
        params.append(mode)
    if speaker_ids is not None:
        where += f" AND q.speaker_id IN ({', '.join('?' * len(speaker_ids)) or 'NULL'})"
        params.extend(speaker_ids)
    sql = ("SELECT q.article_id, q.quote_id, q.kind, q.mode, q.text, q.start_offset AS start, "
           "q.end_offset AS \"end\", q.speaker_id, COALESCE(e.name, q.speaker_name) AS speaker, "
           "q.speaker_name AS speaker_as_written, q.cue, "
           "q.parent, a.published, a.headline, a.source, a.url, a.site FROM quotes q "
           "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id "
           f"WHERE {where} ORDER BY a.published DESC, q.article_id, q.start_offset")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return db.query(sql, params)


# --- for the web pages: facets, top entities, an article's links, quote filters ----------------------------


def facets(db: Database, matches: tuple[str, list] | None, size: int = 10) -> dict:
    """Counts over the articles a search matches (None: every original): people, organisations, places, sites, months."""
    if matches is None:
        return _all_facets(db, size)
    sql, params = matches
    # the matching articles are found once, not once per facet; only each type's top `size` entities come back
    top_entities = " UNION ALL ".join(
        f"SELECT * FROM (SELECT 'entity' AS facet, CAST(entity_id AS TEXT) AS name, type, count FROM counted "
        f"WHERE type = '{kind}' ORDER BY count DESC, entity_id LIMIT {int(size)}) {kind}" for kind in ENTITY_TYPES)
    rows = db.query(
        f"WITH hits AS MATERIALIZED ({sql}), counted AS MATERIALIZED (SELECT m.entity_id, m.type, "
        "COUNT(DISTINCT m.article_id) AS count FROM mentions m WHERE m.article_id IN (SELECT id FROM hits) "
        "GROUP BY m.entity_id, m.type) "
        "SELECT 'total' AS facet, NULL AS name, NULL AS type, COUNT(*) AS count FROM hits "
        f"UNION ALL {top_entities} "
        "UNION ALL SELECT 'site', site, NULL, COUNT(*) FROM hits WHERE site IS NOT NULL GROUP BY site "
        "UNION ALL SELECT 'month', substr(published, 1, 7), NULL, COUNT(*) FROM hits "
        "WHERE published IS NOT NULL GROUP BY substr(published, 1, 7)",
        params)  # IN, not a join: the planner walks the hits and looks each up, whatever its statistics say
    by_facet: dict[str, list[dict]] = {"total": [], "entity": [], "site": [], "month": []}
    for row in rows:
        by_facet[row["facet"]].append(row)
    entities = sorted(({"entity_id": int(r["name"]), "type": r["type"], "count": r["count"]}
                       for r in by_facet["entity"]), key=lambda r: (-r["count"], r["entity_id"]))
    out: dict = {"total": by_facet["total"][0]["count"]}
    out.update(_top_by_type(db, entities, size))
    out["site"] = [{"name": r["name"], "count": r["count"]} for r in
                   sorted(by_facet["site"], key=lambda r: (-r["count"], r["name"]))[:size]]
    out["month"] = [{"name": r["name"], "count": r["count"]} for r in sorted(by_facet["month"], key=lambda r: r["name"])]
    return out


def _all_facets(db: Database, size: int) -> dict:
    """`facets` of every original, read from indexes where it can (the home page of a large store).

    Only originals have mentions, and an article has one mention row per entity of its own, so rows
    counted per entity are articles (an article whose two entities were linked to one counts twice).
    """
    out: dict = {"total": db.scalar("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL")}
    rows = db.query("SELECT t.entity_id, e.type, t.count FROM (SELECT entity_id, COUNT(*) AS count FROM mentions "
                    "GROUP BY entity_id) t JOIN entities e ON e.id = t.entity_id ORDER BY t.count DESC, t.entity_id")
    out.update(_top_by_type(db, rows, size))
    out["site"] = db.query("SELECT site AS name, COUNT(*) AS count FROM articles WHERE site IS NOT NULL AND "
                           "duplicate_of IS NULL GROUP BY site ORDER BY count DESC, site LIMIT ?", (size,))
    month = "substr(published, 1, 7)"
    reposts = {r["name"]: r["count"] for r in db.query(
        f"SELECT {month} AS name, COUNT(*) AS count FROM articles WHERE duplicate_of IS NOT NULL "
        f"AND published IS NOT NULL GROUP BY {month}")}
    out["month"] = [{"name": r["name"], "count": r["count"] - reposts.get(r["name"], 0)} for r in db.query(
        f"SELECT {month} AS name, COUNT(*) AS count FROM articles WHERE published IS NOT NULL GROUP BY {month} "
        "ORDER BY name") if r["count"] > reposts.get(r["name"], 0)]
    return out


def _top_by_type(db: Database, rows: list[dict], size: int) -> dict:
    top = {kind: [r for r in rows if r["type"] == kind][:size] for kind in ENTITY_TYPES}
    names = _entity_names(db, [r["entity_id"] for chosen in top.values() for r in chosen])
    return {kind: [{"id": r["entity_id"], "name": names.get(r["entity_id"], ""), "count": r["count"]}
                   for r in chosen] for kind, chosen in top.items()}


def _entity_names(db: Database, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {r["id"]: r["name"] for r in db.query(
        f"SELECT id, name FROM entities WHERE id IN ({', '.join('?' * len(ids))})", ids)}


def top_entities(db: Database, type: str, limit: int = 10) -> list[dict]:
    """The entities of one type in the most original articles: id, name, articles, mentions."""
    return db.query(
        "SELECT e.id, e.name, t.articles, t.mentions FROM (SELECT entity_id, COUNT(*) AS articles, "
        "SUM(count) AS mentions FROM mentions WHERE type = ? GROUP BY entity_id "
        "ORDER BY articles DESC, mentions DESC, entity_id LIMIT ?) t JOIN entities e ON e.id = t.entity_id "
        "ORDER BY t.articles DESC, t.mentions DESC, e.id", (type, limit))


def change_token(db: Database) -> tuple:
    """Changes whenever the store does (an article, a failure or a correction recorded): for caches of pages."""
    row = db.query("SELECT (SELECT MAX(rowid) FROM articles) AS articles, (SELECT MAX(id) FROM failures) AS failures, "
                   "(SELECT MAX(id) FROM corrections) AS corrections")
    return (row[0]["articles"], row[0]["failures"], row[0]["corrections"])


def entity_ids(db: Database, article_id: str) -> dict[str, int]:
    """The knowledge-base entity of each of an article's own entities (local id -> entity id)."""
    return {r["local_id"]: r["entity_id"] for r in db.query(
        "SELECT local_id, entity_id FROM mentions WHERE article_id = ?", (article_id,))}


def duplicates(db: Database, article_id: str) -> list[dict]:
    """The near-duplicates of an article: its original or its reposts, and the original's other reposts."""
    columns = "a.id, a.headline, a.source, a.url, a.site, a.published, a.similarity, a.duplicate_of"
    original = db.scalar("SELECT COALESCE(duplicate_of, id) FROM articles WHERE id = ?", (article_id,))
    if original is None:
        return []
    return db.query(f"SELECT {columns} FROM articles a WHERE (a.id = ? OR a.duplicate_of = ?) AND a.id <> ? "
                    "ORDER BY a.duplicate_of IS NOT NULL, a.published, a.id", (original, original, article_id))


@dataclass
class QuoteFilters:
    """Which quotes: by some speakers, by an organisation or people affiliated with it, within dates."""

    speaker_ids: list[int] | None = None
    organization: str | None = None
    organization_ids: list[int] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    kind: str | None = None  # direct, indirect or mixed
    mode: str | None = None  # speech, thought or thing

    def where(self) -> tuple[str, list]:
        """The WHERE clause over `quotes q` (only originals have quotes, so no join is needed to skip reposts)."""
        where, params = ["1 = 1"], []
        for column, value in (("kind", self.kind), ("mode", self.mode)):
            if value:
                where.append(f"q.{column} = ?")
                params.append(value)
        if self.speaker_ids is not None:
            where.append(f"q.speaker_id IN ({', '.join('?' * len(self.speaker_ids)) or 'NULL'})")
            params.extend(self.speaker_ids)
        if self.organization:
            pattern = "%" + json.dumps(self.organization.lower(), ensure_ascii=False) + "%"
            marks = ", ".join("?" * len(self.organization_ids)) or "NULL"
            where.append(f"(q.speaker_id IN ({marks}) OR q.speaker_id IN (SELECT entity_id FROM mentions "
                         "WHERE LOWER(affiliations) LIKE ?))")
            params.extend([*self.organization_ids, pattern])
        clauses, values = date_range_sql("q.published", self.since, self.until)
        where.extend(clauses)
        params.extend(values)
        return " AND ".join(where), params


def filtered_quotes(db: Database, filters: QuoteFilters, limit: int = 50, offset: int = 0) -> list[dict]:
    """Quotes that pass the filters with speaker and source, newest first."""
    where, params = filters.where()
    return db.query(
        "SELECT q.article_id, q.quote_id, q.kind, q.mode, q.text, q.start_offset AS start, "
        "q.end_offset AS \"end\", q.speaker_id, COALESCE(e.name, q.speaker_name) AS speaker, "
        "e.type AS speaker_type, q.cue, q.parent, "
        "a.published, a.headline, a.source, a.url, a.site FROM "
        f"(SELECT * FROM quotes q WHERE {where} ORDER BY q.published DESC, q.article_id, q.start_offset "
        "LIMIT ? OFFSET ?) q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id "
        "ORDER BY q.published DESC, q.article_id, q.start_offset", [*params, limit, offset])


def quote_speakers(db: Database, filters: QuoteFilters, limit: int = 50, about: int = 3) -> dict:
    """Who is quoted and how often: speakers with their quote and article counts and what they spoke about."""
    where, params = filters.where()
    total = db.scalar(f"SELECT COUNT(*) FROM quotes q WHERE {where}", params)
    counts = ("COUNT(*) AS quotes, COUNT(DISTINCT q.article_id) AS articles, MIN(q.published) AS first, "
              "MAX(q.published) AS last")
    linked = db.query(f"SELECT q.speaker_id, {counts} FROM quotes q WHERE {where} AND q.speaker_id IS NOT NULL "
                      "GROUP BY q.speaker_id ORDER BY quotes DESC, q.speaker_id LIMIT ?", [*params, limit])
    unlinked = db.query(f"SELECT q.speaker_name AS speaker, {counts} FROM quotes q WHERE {where} "
                        "AND q.speaker_id IS NULL GROUP BY q.speaker_name ORDER BY quotes DESC, speaker LIMIT ?",
                        [*params, limit])
    ids = [s["speaker_id"] for s in linked]
    entities = {r["id"]: r for r in db.query(
        f"SELECT id, name, type FROM entities WHERE id IN ({', '.join('?' * len(ids))})", ids)} if ids else {}
    for s in linked:
        s["speaker"], s["speaker_type"] = entities[s["speaker_id"]]["name"], entities[s["speaker_id"]]["type"]
    for s in unlinked:
        s["speaker_id"], s["speaker_type"] = None, None
    speakers = sorted(linked + unlinked, key=lambda s: (-s["quotes"], s["speaker"] or ""))[:limit]
    topics: dict[int, list[dict]] = defaultdict(list)
    if ids:
        for row in db.query(
                "SELECT q.speaker_id, a.id, a.headline, COUNT(*) AS quotes FROM quotes q "
                f"JOIN articles a ON a.id = q.article_id WHERE {where} AND q.speaker_id IN "
                f"({', '.join('?' * len(ids))}) GROUP BY q.speaker_id, a.id, a.headline "
                "ORDER BY q.speaker_id, quotes DESC, a.id", [*params, *ids]):
            if len(topics[row["speaker_id"]]) < about:
                topics[row["speaker_id"]].append({"id": row["id"], "headline": row["headline"]})
    for s in speakers:
        s["about"] = topics.get(s["speaker_id"], [])
    return {"total": total, "speakers": speakers}
