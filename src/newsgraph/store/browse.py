"""Browsing a whole corpus: paged, filtered lists of articles and entities, and one organisation or place.

Each list function returns `{"total": N, "rows": [...]}` for one page, so
the web pages (and any other caller) can show "41–60 of 1,234" and links to
the pages around it. Filters and sort orders are validated here: a sort
that is not in the table `ARTICLE_SORTS` is a `ValueError`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .backends import Database
from .sql import date_range_sql, name_key
from .tables import NAMED

ARTICLE_SORTS = {
    "newest": "a.published IS NULL, a.published DESC, a.id",
    "oldest": "a.published IS NULL, a.published, a.id",
    "headline": "a.headline IS NULL, LOWER(a.headline), a.id",
    "site": "a.site IS NULL, a.site, a.published DESC, a.id",
    "people": "people DESC, a.published DESC, a.id",
    "quotes": "quotes DESC, a.published DESC, a.id",
}
"""How the articles index can be sorted: name -> ORDER BY."""
ENTITY_SORTS = {"articles": "articles DESC, mentions DESC, e.id", "name": "LOWER(e.name), e.id",
                "recent": "last_seen IS NULL, last_seen DESC, e.id"}


@dataclass
class ArticleFilters:
    """Which articles the index lists."""

    site: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None
    with_duplicates: bool = False
    entity_id: int | None = None  # only articles that mention this entity

    def where(self) -> tuple[str, list]:
        clauses, params = ["1 = 1"], []
        if not self.with_duplicates:
            clauses.append("a.duplicate_of IS NULL")
        for column, value in (("a.site", self.site), ("a.language", self.language)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.entity_id is not None:
            clauses.append("a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)")
            params.append(self.entity_id)
        dates, values = date_range_sql("a.published", self.since, self.until)
        return " AND ".join(clauses + dates), params + values


def articles(db: Database, filters: ArticleFilters, sort: str = "newest", limit: int = 20,
             offset: int = 0) -> dict:
    """One page of articles with how many people, organisations, places and quotes each holds."""
    if sort not in ARTICLE_SORTS:
        raise ValueError(f"sort={sort!r}: choose from {', '.join(ARTICLE_SORTS)}")
    where, params = filters.where()
    total = db.scalar(f"SELECT COUNT(*) FROM articles a WHERE {where}", params)
    counts = ", ".join(f"(SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id AND m.type = '{kind}') AS {name}"
                       for kind, name in (("person", "people"), ("organization", "organizations"),
                                          ("place", "places")))
    rows = db.query(
        f"SELECT a.id, a.headline, a.subheadline, a.site, a.published, a.url, a.source, a.language, a.duplicate_of, "
        f"{counts}, (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes FROM articles a "
        f"WHERE {where} ORDER BY {ARTICLE_SORTS[sort]} LIMIT ? OFFSET ?", [*params, limit, offset])
    return {"total": total, "rows": rows}


def article_choices(db: Database) -> dict:
    """The sites and languages the articles index can be narrowed to, with their counts."""
    out = {}
    for column in ("site", "language"):
        out[column] = db.query(f"SELECT {column} AS name, COUNT(*) AS count FROM articles WHERE {column} IS NOT NULL "
                               f"AND duplicate_of IS NULL GROUP BY {column} ORDER BY count DESC, {column}")
    return out


def entities(db: Database, type: str, name: str | None = None, affiliation: str | None = None,
             sort: str = "articles", limit: int = 50, offset: int = 0) -> dict:
    """One page of the entities of a type (people: named ones): articles, mentions, first and last dates; narrowed
    by a name part (any name form) and, for people, by an organisation they are affiliated with."""
    if sort not in ENTITY_SORTS:
        raise ValueError(f"sort={sort!r}: choose from {', '.join(ENTITY_SORTS)}")
    clauses, params = ["e.type = ?"], [type]
    if type == "person":
        clauses.append(NAMED)  # not 'my husband': a relative the article does not name
    if name:
        clauses.append("e.id IN (SELECT entity_id FROM entity_names WHERE key LIKE ?)")
        params.append(f"%{name_key(name)}%")
    if affiliation:
        clauses.append("e.id IN (SELECT entity_id FROM mentions WHERE LOWER(affiliations) LIKE ?)")
        params.append(f"%{affiliation.lower()}%")
    where = " AND ".join(clauses)
    total = db.scalar(f"SELECT COUNT(*) FROM entities e WHERE {where}", params)
    rows = db.query(
        "SELECT e.id, e.name, COUNT(DISTINCT m.article_id) AS articles, SUM(m.count) AS mentions, "
        "MIN(m.published) AS first_seen, MAX(m.published) AS last_seen FROM entities e "
        f"JOIN mentions m ON m.entity_id = e.id WHERE {where} GROUP BY e.id, e.name "
        f"ORDER BY {ENTITY_SORTS[sort]} LIMIT ? OFFSET ?", [*params, limit, offset])
    return {"total": total, "rows": rows}


def entity(db: Database, entity_id: int, size: int = 12) -> dict | None:
    """An organisation or place across sources: its names, the people tied to it, what is said and happens there."""
    rows = db.query("SELECT id, type, name FROM entities WHERE id = ?", (entity_id,))
    if not rows:
        return None
    out = dict(rows[0])
    out["names"] = [r["name"] for r in db.query(
        "SELECT name FROM entity_names WHERE entity_id = ? AND (script IS NULL OR script <> 'skeleton') "
        "ORDER BY name", (entity_id,)) if r["name"] != out["name"]]
    out["articles"] = db.scalar("SELECT COUNT(DISTINCT article_id) FROM mentions WHERE entity_id = ?", (entity_id,))
    keys = {name_key(n) for n in [out["name"], *out["names"]]}
    out["people"] = _people_with(db, entity_id, keys if out["type"] == "organization" else set(), size)
    out["alongside"] = db.query(
        "SELECT e.id, e.name, e.type, COUNT(DISTINCT o.article_id) AS articles FROM mentions m "
        "JOIN mentions o ON o.article_id = m.article_id AND o.entity_id <> m.entity_id "
        "JOIN entities e ON e.id = o.entity_id WHERE m.entity_id = ? AND e.type <> 'person' "
        "GROUP BY e.id, e.name, e.type ORDER BY articles DESC, e.id LIMIT ?", (entity_id, size))
    out["quotes"] = db.query(
        "SELECT q.article_id, q.quote_id, q.kind, q.text, q.speaker, q.speaker_id, q.headline, q.published, q.site "
        "FROM quotes_with_speakers q WHERE q.speaker_id = ? ORDER BY q.published DESC, q.article_id LIMIT ?",
        (entity_id, size))
    out["events"] = _events_at(db, keys, size) if out["type"] == "place" else []
    return out


def _people_with(db: Database, entity_id: int, org_keys: set[str], size: int) -> list[dict]:
    """Named people mentioned with the entity, most often first; for an organisation, whether they belong to it."""
    rows = db.query(
        "SELECT e.id, e.name, COUNT(DISTINCT o.article_id) AS articles FROM mentions m "
        "JOIN mentions o ON o.article_id = m.article_id JOIN entities e ON e.id = o.entity_id "
        f"WHERE m.entity_id = ? AND e.type = 'person' AND {NAMED} GROUP BY e.id, e.name ORDER BY articles DESC, e.id "
        "LIMIT ?",
        (entity_id, size * 4))
    if org_keys and rows:
        marks = ", ".join("?" * len(rows))
        members = {r["entity_id"] for r in db.query(
            f"SELECT entity_id, affiliations FROM mentions WHERE entity_id IN ({marks}) AND affiliations <> '[]'",
            [r["id"] for r in rows]) if any(k and k in name_key(r["affiliations"]) for k in org_keys)}
        for row in rows:
            row["member"] = row["id"] in members
        rows.sort(key=lambda r: (not r["member"], -r["articles"], r["id"]))
    return rows[:size]


def _events_at(db: Database, keys: set[str], size: int) -> list[dict]:
    """Events whose place is one of a place's names (originals only), by date."""
    places = [r["place"] for r in db.query("SELECT DISTINCT place FROM events WHERE place IS NOT NULL")
              if name_key(r["place"]) in keys]
    if not places:
        return []
    marks = ", ".join("?" * len(places))
    return db.query(
        "SELECT ev.article_id, ev.event_id, ev.type, ev.date_text, ev.date_value, ev.place, a.headline FROM events ev "
        f"JOIN articles a ON a.id = ev.article_id WHERE ev.place IN ({marks}) AND a.duplicate_of IS NULL "
        "ORDER BY ev.date_value IS NULL, ev.date_value, ev.article_id LIMIT ?", [*places, size])
