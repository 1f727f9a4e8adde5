"""Small pure builders of the SQL that differs between SQLite and PostgreSQL.

Search gives the same answers on both: the same terms match (`fulltext`
makes PostgreSQL's terms with SQLite's tokenizer), and hits are ranked by
where each query word occurs — in the headline (W_HEADLINE), the deck
(W_SUBHEADLINE) or only the body (W_BODY), summed over the words — then
newest first, then by id. Neither engine's own relevance score is used:
BM25 and ts_rank disagree, and so would the order of the hits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import BadQuery
from .fulltext import MAX_LEXEME_BYTES, tokenizer, tsquery

STOPWORDS = frozenset("""a an and are as at be but by for from has have he her his i in is it its of on or
she that the their them they this to was were will with""".split())
W_HEADLINE, W_SUBHEADLINE, W_BODY = 10, 5, 1  # what a query word adds to a hit's score, by where it occurs
NEWEST_FIRST = "a.published IS NULL, a.published DESC, a.id"  # undated last on both backends
MAX_QUERY_WORDS = 100  # each is ranked by its own expression; SQLite refuses expression trees 1,000 deep
MAX_QUERY_CHARS = 10_000


@lru_cache(maxsize=65536)  # linking asks for the same few thousand names over and over
def name_key(name: str) -> str:
    """A name for matching: no diacritics, case, punctuation, leading 'the' or possessive 's."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def query_terms(query: str) -> list[str]:
    """The words of a search query as the index folds them (case, diacritics), stopwords left out, once each.

    Raises `BadQuery` past the limits: MAX_QUERY_CHARS characters, MAX_QUERY_WORDS distinct words, a word
    over MAX_LEXEME_BYTES (PostgreSQL cannot index it, so it could match nothing there), a NUL byte.
    """
    return list(_query_terms(query))


@lru_cache(maxsize=256)  # a results page asks twice (hits and facets); the next page asks again
def _query_terms(query: str) -> tuple[str, ...]:
    check_text(query, "the query")
    if len(query) > MAX_QUERY_CHARS:
        raise BadQuery(f"the query has {len(query):,} characters; at most {MAX_QUERY_CHARS:,} are searched")
    terms = [w for w in dict.fromkeys(tokenizer().words(query)) if w not in STOPWORDS]
    if len(terms) > MAX_QUERY_WORDS:
        raise BadQuery(f"the query has {len(terms):,} distinct words; at most {MAX_QUERY_WORDS} are searched")
    long = next((t for t in terms if len(t.encode()) > MAX_LEXEME_BYTES), None)
    if long is not None:
        raise BadQuery(f"a word of the query has {len(long.encode()):,} bytes; words of at most "
                       f"{MAX_LEXEME_BYTES:,} are indexed")
    return tuple(terms)


def check_text(value: str | None, what: str) -> None:
    """Refuse text that no store can look up: a NUL byte (PostgreSQL's text cannot hold one)."""
    if value is not None and "\x00" in value:
        raise BadQuery(f"{what} holds a NUL byte")


def check_mode(mode: str | None) -> None:
    """Refuse a quote mode other than speech, thought and thing (None asks for all)."""
    from ..understand.quote_modes import MODES

    if mode is not None and mode not in MODES:
        raise BadQuery(f"mode {mode!r}: choose from {', '.join(MODES)}")


def date_range_sql(column: str, since: str | None, until: str | None) -> tuple[list[str], list[str]]:
    """WHERE clauses for a publication date range; a date-only `until` takes in that whole day."""
    clauses, params = [], []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{column} <= ?")
        params.append(until + "T99" if len(until) == 10 else until)
    return clauses, params


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
    if not terms:
        extra = ", substr(a.body, 1, 200) AS snippet, 0 AS rank" if ranked else ""
        return f"SELECT {columns}{extra} FROM articles a", [], []
    if dialect == "sqlite":
        in_field = "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        extra = (", snippet(articles_fts, 2, '<mark>', '</mark>', '…', 24) AS snippet, "
                 f"-({_score_sql(in_field, len(terms))}) AS rank") if ranked else ""
        select = f"SELECT {columns}{extra} FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        in_fields = [f'{field} : "{t}"' for t in terms for field in ("headline", "subheadline")] if ranked else []
        return select, ["articles_fts MATCH ?"], [*in_fields, " AND ".join(f'"{t}"' for t in terms)]
    stems = tokenizer().stems(terms)
    if not ranked:
        return f"SELECT {columns} FROM articles a", ["a.tsv @@ CAST(? AS tsquery)"], [tsquery(stems)]
    select = (f"SELECT {columns}, ts_headline('simple', a.body, CAST(? AS tsquery), 'StartSel=<mark>, "
              "StopSel=</mark>, MaxWords=35, MinWords=15') AS snippet, "
              f"-({_score_sql('a.tsv @@ CAST(? AS tsquery)', len(terms))}) AS rank FROM articles a")
    in_fields = [tsquery([t], weight) for t in stems for weight in (":A", ":B")]
    return select, ["a.tsv @@ CAST(? AS tsquery)"], [tsquery(stems, ":*", "|"), *in_fields, tsquery(stems)]


def _score_sql(in_field: str, words: int) -> str:
    """The sum over query words of where each occurs; `in_field` tests a word's headline, then deck."""
    one = f"(CASE WHEN {in_field} THEN {W_HEADLINE} WHEN {in_field} THEN {W_SUBHEADLINE} ELSE {W_BODY} END)"
    return " + ".join([one] * words)


def _filter_where(filters: SearchFilters) -> tuple[list[str], list]:
    where, params = [], []
    if not filters.include_duplicates:
        where.append("a.duplicate_of IS NULL")
    for ids in (filters.person_ids, filters.place_ids, filters.organization_ids):
        if ids is not None:
            marks = ", ".join("?" * len(ids)) or "NULL"
            where.append(f"a.id IN (SELECT article_id FROM mentions WHERE entity_id IN ({marks}))")
            params.extend(ids)
    clauses, values = date_range_sql("a.published", filters.since, filters.until)
    where.extend(clauses)
    params.extend(values)
    if filters.sources:
        where.append(f"a.site IN ({', '.join('?' * len(filters.sources))})")
        params.extend(filters.sources)
    return where, params


def search_sql(dialect: str, query: str, filters: SearchFilters, limit: int = 20,
               offset: int = 0) -> tuple[str, list]:
    """Articles matching every term of the query, best first, with a highlighted snippet."""
    terms = query_terms(query)
    columns = "a.id, a.headline, a.subheadline, a.source, a.url, a.site, a.published, a.duplicate_of"
    more_where, more_params = _filter_where(filters)
    if dialect == "sqlite" and terms:
        return _sqlite_search(terms, columns, more_where, more_params, limit, offset)
    select, where, params = _search_from(dialect, terms, columns)
    sql = select + (" WHERE " + " AND ".join(where + more_where) if where + more_where else "")
    order = f"rank, {NEWEST_FIRST}" if terms else NEWEST_FIRST
    return f"{sql} ORDER BY {order} LIMIT ? OFFSET ?", [*params, *more_params, limit, offset]


def _sqlite_search(terms: list[str], columns: str, more_where: list[str], more_params: list, limit: int,
                   offset: int) -> tuple[str, list]:
    """`search_sql` on SQLite: the page's hits are ranked first, then only they get a snippet (FTS5 makes one
    by reading the article's body again, so making them for every match cost more than the search)."""
    match = " AND ".join(f'"{t}"' for t in terms)
    in_fields = [f'{field} : "{t}"' for t in terms for field in ("headline", "subheadline")]
    in_field = "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
    page = (f"SELECT a.rowid AS hit, -({_score_sql(in_field, len(terms))}) AS rank, a.published AS published, "
            "a.id AS id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE "
            f"{' AND '.join(['articles_fts MATCH ?', *more_where])} ORDER BY rank, {NEWEST_FIRST} LIMIT ? OFFSET ?")
    # CROSS JOIN keeps this order: each of the page's rows, then its own row of the index (MATCH with rowid =)
    sql = (f"WITH page AS MATERIALIZED ({page}) SELECT {columns}, snippet(articles_fts, 2, '<mark>', '</mark>', "
           "'…', 24) AS snippet, page.rank AS rank FROM page CROSS JOIN articles_fts CROSS JOIN articles a "
           "WHERE articles_fts MATCH ? AND articles_fts.rowid = page.hit AND a.rowid = page.hit "
           "ORDER BY page.rank, page.published IS NULL, page.published DESC, page.id")
    return sql, [*in_fields, match, *more_params, limit, offset, match]


def matches_sql(dialect: str, query: str, filters: SearchFilters) -> tuple[str, list] | None:
    """Every article a search matches (id, site, published), unordered, for facets; None when that is every
    original."""
    terms = query_terms(query)
    if not terms and filters == SearchFilters():
        return None
    select, where, params = _search_from(dialect, terms, "a.id, a.site, a.published", ranked=False)
    more_where, more_params = _filter_where(filters)
    return select + (" WHERE " + " AND ".join(where + more_where) if where + more_where else ""), \
        [*params, *more_params]


def analyze_sql(dialect: str) -> str:
    """Refreshing the planner's statistics after many writes (PostgreSQL plans a search badly without them)."""
    return "PRAGMA optimize" if dialect == "sqlite" else "ANALYZE"


def read_only_sql(dialect: str) -> str:
    """Turning this connection read-only, so a server that only reads cannot write by mistake."""
    if dialect == "sqlite":
        return "PRAGMA query_only = ON"
    return "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"


def upsert_ignore_sql(dialect: str, table: str, columns: list[str]) -> str:
    """INSERT that does nothing when the row exists."""
    return _upsert_ignore_sql(dialect, table, tuple(columns))


@lru_cache(maxsize=64)  # an ingest asks for the same two statements for each article
def _upsert_ignore_sql(dialect: str, table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" * len(columns))
    verb = "INSERT OR IGNORE" if dialect == "sqlite" else "INSERT"
    tail = "" if dialect == "sqlite" else " ON CONFLICT DO NOTHING"
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks}){tail}"


ARTICLE_COLUMNS = ["id", "source", "url", "site", "headline", "subheadline", "published", "fetched", "authors",
                   "language", "body", "record", "signature", "duplicate_of", "similarity", "ingested"]


@lru_cache(maxsize=None)  # (asked for each article)
def article_insert_sql(dialect: str) -> str:
    """INSERT of one article row. On SQLite the caller gives its `rowid` first (the FTS key; `id` is the table's
    key); PostgreSQL numbers it, takes its terms last (a tsvector literal, see `fulltext`) and returns it."""
    columns, marks = ", ".join(ARTICLE_COLUMNS), ", ".join(["?"] * len(ARTICLE_COLUMNS))
    if dialect == "sqlite":
        return f"INSERT INTO articles (rowid, {columns}) VALUES (?, {marks})"
    return f"INSERT INTO articles ({columns}, tsv) VALUES ({marks}, CAST(? AS tsvector)) RETURNING rowid"
