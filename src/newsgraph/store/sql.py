"""Small pure builders of the SQL that differs between SQLite and PostgreSQL."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

STOPWORDS = frozenset("""a an and are as at be but by for from has have he her his i in is it its of on or
she that the their them they this to was were will with""".split())


def name_key(name: str) -> str:
    """A name for matching: no diacritics, case, punctuation, leading 'the' or possessive 's."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def query_terms(query: str) -> list[str]:
    """The words of a search query that both full-text engines index alike."""
    return [w for w in re.findall(r"\w+", query.lower()) if w not in STOPWORDS]


@dataclass
class SearchFilters:
    """What a search is narrowed to; entity ids come from resolving --person/--place names."""

    person_ids: list[int] | None = None
    place_ids: list[int] | None = None
    organization_ids: list[int] | None = None
    since: str | None = None
    until: str | None = None
    sources: list[str] = field(default_factory=list)
    include_duplicates: bool = False


def _search_from(dialect: str, terms: list[str], columns: str, ranked: bool = True) -> tuple[str, list[str], list]:
    """SELECT ... FROM for a search, with the full-text condition and its parameters; snippet and rank if `ranked`."""
    if terms and dialect == "sqlite":
        extra = (", snippet(articles_fts, 2, '<mark>', '</mark>', '…', 24) AS snippet, "
                 "bm25(articles_fts, 10.0, 5.0, 1.0) AS rank") if ranked else ""
        select = f"SELECT {columns}{extra} FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        return select, ["articles_fts MATCH ?"], [" AND ".join(f'"{t}"' for t in terms)]
    if terms:
        extra = (", ts_headline('english', a.body, q, 'StartSel=<mark>, StopSel=</mark>, "
                 "MaxWords=35, MinWords=15') AS snippet, -ts_rank_cd(a.tsv, q) AS rank") if ranked else ""
        select = f"SELECT {columns}{extra} FROM articles a CROSS JOIN plainto_tsquery('english', ?) q"
        return select, ["a.tsv @@ q"], [" ".join(terms)]
    extra = ", substr(a.body, 1, 200) AS snippet, 0 AS rank" if ranked else ""
    return f"SELECT {columns}{extra} FROM articles a", [], []


def _filter_where(filters: SearchFilters) -> tuple[list[str], list]:
    where, params = [], []
    if not filters.include_duplicates:
        where.append("a.duplicate_of IS NULL")
    for ids in (filters.person_ids, filters.place_ids, filters.organization_ids):
        if ids is not None:
            marks = ", ".join("?" * len(ids)) or "NULL"
            where.append(f"a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ({marks}))")
            params.extend(ids)
    if filters.since:
        where.append("a.published >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("a.published <= ?")
        params.append(filters.until + "T99" if len(filters.until) == 10 else filters.until)
    if filters.sources:
        where.append(f"a.site IN ({', '.join('?' * len(filters.sources))})")
        params.extend(filters.sources)
    return where, params


def search_sql(dialect: str, query: str, filters: SearchFilters, limit: int = 20,
               offset: int = 0) -> tuple[str, list]:
    """Articles matching every term of the query, best first, with a highlighted snippet."""
    terms = query_terms(query)
    columns = "a.id, a.headline, a.subheadline, a.source, a.url, a.site, a.published, a.duplicate_of"
    select, where, params = _search_from(dialect, terms, columns)
    more_where, more_params = _filter_where(filters)
    sql = select + (" WHERE " + " AND ".join(where + more_where) if where + more_where else "")
    order = "rank, a.id" if terms else "a.published DESC, a.id"
    return f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*params, *more_params, limit, offset]


def matches_sql(dialect: str, query: str, filters: SearchFilters) -> tuple[str, list] | None:
    """The ids of every article a search matches, unordered, for facets; None when that is every original."""
    terms = query_terms(query)
    if not terms and filters == SearchFilters():
        return None
    select, where, params = _search_from(dialect, terms, "a.id", ranked=False)
    more_where, more_params = _filter_where(filters)
    return select + (" WHERE " + " AND ".join(where + more_where) if where + more_where else ""), \
        [*params, *more_params]


def read_only_sql(dialect: str) -> str:
    """Turning this connection read-only, so a server that only reads cannot write by mistake."""
    if dialect == "sqlite":
        return "PRAGMA query_only = ON"
    return "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"


def upsert_ignore_sql(dialect: str, table: str, columns: list[str]) -> str:
    """INSERT that does nothing when the row exists."""
    marks = ", ".join("?" * len(columns))
    verb = "INSERT OR IGNORE" if dialect == "sqlite" else "INSERT"
    tail = "" if dialect == "sqlite" else " ON CONFLICT DO NOTHING"
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks}){tail}"


def fts_insert_sql(dialect: str) -> str | None:
    """Keeping the FTS5 index in step with `articles` (PostgreSQL's tsvector column is generated)."""
    if dialect != "sqlite":
        return None
    return ("INSERT INTO articles_fts (rowid, headline, subheadline, body) "
            "SELECT rowid, headline, subheadline, body FROM articles WHERE id = ?")
