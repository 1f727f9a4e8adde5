"""The read-only half of `Store`: what the knowledge base answers.

`Reading` holds the queries: search and its facets, people, quotes,
browsing, entity profiles, statistics and conflicts. Most are thin calls
into `queries`, `browse` and `conflicts`; none of them writes. `Store`
inherits them and adds the writer.
"""

from __future__ import annotations

from ..errors import AmbiguousName
from ..model import Article
from ..understand.translit import name_skeletons
from .backends import Database
from .sql import (
    SearchFilters,
    check_mode,
    check_text,
    matches_sql,
    name_key,
    search_sql,
)


class Reading:
    """The read-only methods of `Store` (a mixin over its `db`)."""

    db: Database

    def signatures(self) -> list[tuple[str, bytes]]:
        """Near-duplicate signatures of the stored originals (not of the duplicates)."""
        return [(r["id"], bytes(r["signature"])) for r in self.db.query(
            "SELECT id, signature FROM articles WHERE signature IS NOT NULL AND duplicate_of IS NULL ORDER BY rowid")]

    def article(self, article_id: str) -> Article | None:
        """The stored record of one article, None when there is no article of that id."""
        if "\x00" in article_id or len(article_id) > 256:
            return None  # no article has such an id (and PostgreSQL cannot even look for it)
        rows = self.db.query("SELECT record FROM articles WHERE id = ?", (article_id,))
        return Article.model_validate_json(rows[0]["record"]) if rows else None

    def find_entities(self, name: str, type: str | None = None) -> list[int]:
        """Ids of the entities called `name` in any form (titles ignored), most mentioned first."""
        check_text(name, "the name")
        key = name_key(name)
        skeleton = name_skeletons(name)
        keys = [key] + (["~" + " ".join(skeleton)] if len(skeleton) >= 2 else [])
        rows = self.db.query(
            f"""SELECT n.entity_id, COUNT(m.article_id) AS n FROM entity_names n JOIN entities e ON e.id = n.entity_id
                LEFT JOIN mentions m ON m.entity_id = n.entity_id
                WHERE n.key IN ({', '.join('?' * len(keys))}) {'AND e.type = ?' if type else ''}
                GROUP BY n.entity_id ORDER BY n DESC, n.entity_id""", (*keys, *([type] if type else [])))
        return [r["entity_id"] for r in rows]

    def search(self, query: str = "", *, person: str | None = None, place: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 20, offset: int = 0,
               organization: str | None = None, site: str | None = None) -> list[dict]:
        """Full-text search with filters; each hit has id, headline, source, url, published, snippet."""
        filters = self._filters(person, place, organization, site, since, until)
        sql, params = search_sql(self.db.dialect, query, filters, limit, offset)
        return self.db.query(sql, params)

    def facets(self, query: str = "", *, person: str | None = None, place: str | None = None,
               organization: str | None = None, site: str | None = None, since: str | None = None,
               until: str | None = None, size: int = 10) -> dict:
        """What every match of a search has in common: total, top people, organisations, places, sites, months."""
        from .queries import facets

        filters = self._filters(person, place, organization, site, since, until)
        return facets(self.db, matches_sql(self.db.dialect, query, filters), size)

    def _filters(self, person, place, organization, site, since, until) -> SearchFilters:
        for name, value in (("site", site), ("since", since), ("until", until)):
            check_text(value, name)
        filters = SearchFilters(since=since, until=until, sources=[site] if site else [])
        if person:
            filters.person_ids = self.find_entities(person, "person")
        if place:
            filters.place_ids = self.find_entities(place, "place")
        if organization:
            filters.organization_ids = self.find_entities(organization, "organization")
        return filters

    def people(self, limit: int | None = None, ids: list[int] | None = None) -> list[dict]:
        """Every person (or those of `ids`) with aliases, titles, the articles they appear in, their mentions."""
        from .queries import people

        return people(self.db, limit, ids)

    def person(self, name_or_id: str | int) -> dict | None:
        """One person across every source, by id or by any name form; None when nobody is called that.

        A name that fits several people (a surname two people share) raises `AmbiguousName` with the
        candidates, unless exactly one of them has it as their full name.
        """
        from .queries import person

        if _numeric(name_or_id):
            number = entity_number(name_or_id)  # none past what a database can hold: nobody
            return person(self.db, number) if number else None
        ids = self.find_entities(str(name_or_id), "person")
        ids += [i for i in self._people_by_word(str(name_or_id)) if i not in ids]
        if len(ids) > 1:
            candidates = self.people(ids=ids)
            exact = [c["id"] for c in candidates if name_key(c["name"]) == name_key(str(name_or_id))]
            if len(exact) != 1:
                raise AmbiguousName(str(name_or_id), candidates)
            ids = exact
        return person(self.db, ids[0]) if ids else None

    def _people_by_word(self, word: str) -> list[int]:
        """People a one-word name may also mean: those whose full name starts or ends with it ('Levy')."""
        key = name_key(word)
        if not key or " " in key:
            return []
        rows = self.db.query("SELECT DISTINCT n.entity_id FROM entity_names n JOIN entities e ON e.id = n.entity_id "
                             "WHERE e.type = 'person' AND (n.key LIKE ? OR n.key LIKE ?) ORDER BY n.entity_id",
                             (f"% {key}", f"{key} %"))
        return [r["entity_id"] for r in rows]

    def quotes(self, by: str | None = None, limit: int | None = None, mode: str | None = None) -> list[dict]:
        """Quotes with their speakers and sources; `by` narrows them to one speaker's name forms, `mode` to words
        said ("speech"), views held ("thought") or what a thing offers or shows ("thing"; None: all)."""
        from .queries import quotes

        check_mode(mode)
        return quotes(self.db, self.find_entities(by) if by else None, limit, mode)

    def quote_filters(self, by: str | int | None = None, organization: str | None = None,
                      since: str | None = None, until: str | None = None, kind: str | None = None,
                      mode: str | None = None):
        """Filters for `filtered_quotes` and `quote_speakers`: a speaker by id or any name, an organisation, dates,
        the kind of quote, its mode (speech, thought or thing)."""
        from .queries import QuoteFilters

        number = entity_number(by) if by else None
        speakers = None if not by else [number] if number else [] if _numeric(by) else self.find_entities(str(by))
        for name, value in (("since", since), ("until", until)):
            check_text(value, name)
        check_mode(mode)
        return QuoteFilters(speakers, organization, self.find_entities(organization, "organization")
                            if organization else [], since, until, kind, mode)

    def filtered_quotes(self, filters, limit: int = 50, offset: int = 0) -> list[dict]:
        """Quotes passing `quote_filters(...)`, newest first, with speaker and source."""
        from .queries import filtered_quotes

        return filtered_quotes(self.db, filters, limit, offset)

    def quote_speakers(self, filters, limit: int = 50) -> dict:
        """Who is quoted, how often and in which articles, under `quote_filters(...)`; with the total."""
        from .queries import quote_speakers

        return quote_speakers(self.db, filters, limit)

    def browse_articles(self, filters=None, sort: str = "newest", limit: int = 20, offset: int = 0) -> dict:
        """One page of articles (`browse.ArticleFilters`, a sort of `browse.ARTICLE_SORTS`): total and rows."""
        from .browse import ArticleFilters, articles

        return articles(self.db, filters or ArticleFilters(), sort, limit, offset)

    def article_choices(self) -> dict:
        """The sites and languages of the stored articles, with counts."""
        from .browse import article_choices

        return article_choices(self.db)

    def browse_entities(self, type: str, name: str | None = None, affiliation: str | None = None,
                        sort: str = "articles", limit: int = 50, offset: int = 0) -> dict:
        """One page of the people, organisations or places, narrowed by a name part: total and rows."""
        from .browse import entities

        return entities(self.db, type, name, affiliation, sort, limit, offset)

    def entity_profile(self, entity_id: int) -> dict | None:
        """An organisation or place across sources: names, people, entities alongside, quotes, events there."""
        from .browse import entity

        return entity(self.db, entity_id)

    def top_entities(self, type: str = "person", limit: int = 10) -> list[dict]:
        """The entities of one type in the most articles."""
        from .queries import top_entities

        return top_entities(self.db, type, limit)

    def entity_ids(self, article_id: str) -> dict[str, int]:
        """The knowledge-base entity id of each of an article's own entities."""
        from .queries import entity_ids

        return entity_ids(self.db, article_id)

    def duplicates(self, article_id: str) -> list[dict]:
        """The near-duplicates of an article (its original, or its reposts)."""
        from .queries import duplicates

        return duplicates(self.db, article_id)

    def change_token(self) -> tuple:
        """A value that changes whenever the store does, for caching what is read from it."""
        from .queries import change_token

        return change_token(self.db)

    def failures(self) -> list[dict]:
        """The failures outstanding, oldest first: source, reason, error and time."""
        return self.db.query("SELECT source, reason, error, at FROM failures ORDER BY id")

    def stats(self) -> dict:
        """What is in the store."""
        one = self.db.query(
            "SELECT COUNT(*) AS articles, SUM(CASE WHEN duplicate_of IS NULL THEN 0 ELSE 1 END) AS duplicates, "
            "COUNT(DISTINCT site) AS sites, MIN(published) AS first, MAX(published) AS last FROM articles")[0]
        for kind in ("person", "organization", "place"):
            one[kind + "s"] = self.db.scalar("SELECT COUNT(*) FROM entities WHERE type = ?", (kind,))
        one["quotes"] = self.db.scalar("SELECT COUNT(*) FROM quotes")
        one["failures"] = self.db.scalar("SELECT COUNT(*) FROM failures")
        one["duplicates"] = one["duplicates"] or 0
        return one

    def conflicts(self, include_dismissed: bool = False) -> list[dict]:
        """Facts the stored articles disagree on, each with every source's claim, why both sides are about that
        fact, and its status (open, confirmed; dismissed ones only when asked)."""
        from .conflicts import find_conflicts

        return find_conflicts(self.db, include_dismissed=include_dismissed)


MAX_ID = 2 ** 63 - 1  # the largest id either database can hold


def _numeric(value) -> bool:
    return isinstance(value, int) or str(value).isdecimal()


def entity_number(value) -> int | None:
    """An entity id given as a number or ASCII digits, None when it is not one or no database could hold it."""
    text = str(value)
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
