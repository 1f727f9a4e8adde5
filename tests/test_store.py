"""The store on both backends: migrations, idempotent writes, search and its filters, failures, stats.

Every test that takes `store` runs twice, on SQLite and on a throw-away
PostgreSQL server (tests/pg.py); the pure SQL builders are tested without
a database. Articles are the invented stories under fixtures/store, made
by `newsgraph.extract`; what a search should find is worked out from the
records themselves, so the tests hold while the extraction stages change.
"""

from __future__ import annotations

import re

import pytest

from newsgraph.store import open_store
from newsgraph.store.fulltext import TOKENIZE, tsquery, tsvector
from newsgraph.store.schema import MIGRATIONS, full_text
from newsgraph.store.sql import (STOPWORDS, SearchFilters, article_insert_sql, name_key, query_terms, search_sql,
                                 upsert_ignore_sql)

FACT_TABLES = ("mentions", "merges", "quotes", "events", "event_participants", "claims")


def fill(store, articles) -> None:
    for article in articles:
        assert store.add_article(article) == "added"


def count(store, table: str) -> int:
    return store.db.scalar(f"SELECT COUNT(*) FROM {table}")


def ids(hits: list[dict]) -> list[str]:
    return [h["id"] for h in hits]


def newest_first(articles) -> list[str]:
    dated = sorted((a for a in articles if a.published), key=lambda a: (a.published, a.id), reverse=True)
    return [a.id for a in dated] + sorted(a.id for a in articles if not a.published)


def naming(articles, type: str, name: str) -> set[str]:
    """The articles with an entity of this type called `name` (or with it as an alias)."""
    return {a.id for a in articles for e in a.entities
            if e.type == type and name_key(name) in {name_key(n) for n in [e.name, *e.aliases]}}


def words_of(article) -> set[str]:
    return set(re.findall(r"\w+", " ".join([article.headline or "", *article.paragraphs]).lower()))


# --- pure builders ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name, key", [
    ("Odile Marchetti", "odile marchetti"),
    ("  ODILE   Marchetti ", "odile marchetti"),
    ("Elena Sørvik", "elena sørvik"),
    ("Café Lumen", "cafe lumen"),
    ("The Ondra Valley Water Trust", "ondra valley water trust"),
    ("Wrenfield's", "wrenfield"),
    ("St. Aldric’s Primary", "st aldric primary"),
    ("Jean-Luc", "jean-luc"),
])
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("query, terms", [
    ("flood barrier", ["flood", "barrier"]),
    ("The Café", ["cafe"]),  # stopword out, diacritics folded as the index folds them
    ("Sørvik", ["sørvik"]),  # ø is a letter of its own, not o with a mark
    ("barrier BARRIER barrier", ["barrier"]),
    ("re-elected, £14m!", ["re", "elected", "14m"]),
    ("the and of", []),
    ("", []),
])
def test_query_terms(query, terms):
    assert query_terms(query) == terms


def test_stopwords_are_lower_case_words():
    assert all(w == w.lower() and w.isalpha() for w in STOPWORDS)


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
@pytest.mark.parametrize("query, filters", [
    ("flood barrier", SearchFilters()),
    ("", SearchFilters()),
    ("mayor", SearchFilters(person_ids=[1, 2], place_ids=[], since="2025-01-01", until="2025-06-30")),
    ("", SearchFilters(sources=["example.org"], include_duplicates=True)),
])
def test_search_sql_has_a_parameter_for_each_placeholder(dialect, query, filters):
    sql, params = search_sql(dialect, query, filters, limit=5, offset=10)
    assert sql.count("?") == len(params)
    before = sql.index("LIMIT ? OFFSET ?")  # on SQLite the page's hits are limited first, then get snippets
    assert params[sql[:before].count("?"):][:2] == [5, 10]


def test_search_sql_matches_with_each_engine():
    sqlite, params = search_sql("sqlite", "flood barrier", SearchFilters())
    assert "articles_fts MATCH ?" in sqlite and '"flood" AND "barrier"' in params
    assert 'headline : "flood"' in params and 'subheadline : "barrier"' in params
    postgres, params = search_sql("postgresql", "flooding barriers", SearchFilters())
    assert "a.tsv @@ CAST(? AS tsquery)" in postgres and "'flood' & 'barrier'" in params  # stemmed as FTS5 does
    assert "'flood':A" in params and "'barrier':B" in params


def test_search_sql_orders_undated_last_on_both_backends():
    for dialect in ("sqlite", "postgresql"):
        sql, _ = search_sql(dialect, "", SearchFilters())
        assert "ORDER BY a.published IS NULL, a.published DESC, a.id" in sql
        assert "a.duplicate_of IS NULL" in sql


def test_search_sql_until_a_day_takes_the_whole_day():
    _, params = search_sql("sqlite", "", SearchFilters(since="2025-06-01", until="2025-06-20"))
    assert params[:2] == ["2025-06-01", "2025-06-20T99"]


def test_upsert_ignore_sql():
    assert upsert_ignore_sql("sqlite", "t", ["a", "b"]) == "INSERT OR IGNORE INTO t (a, b) VALUES (?, ?)"
    assert upsert_ignore_sql("postgresql", "t", ["a", "b"]) == \
        "INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING"


def test_article_insert_sql_gives_postgresql_its_terms():
    assert article_insert_sql("sqlite").count("?") == 17  # rowid first
    postgres = article_insert_sql("postgresql")
    assert postgres.count("?") == 17 and "CAST(? AS tsvector)" in postgres and postgres.endswith("RETURNING rowid")


def test_tsvector_weights_terms_by_field():
    assert tsvector("Council votes", None, "The council voted at the café.") == \
        "'at':3C 'cafe':3C 'council':1A,3C 'the':3C 'vote':1A,3C"
    assert tsvector(None, "Sub", "") == "'sub':2B"


def test_tsquery_quotes_terms():
    assert tsquery(["vote", "o'neil"]) == "'vote' & 'o''neil'"
    assert tsquery(["vote"], ":*", "|") == "'vote':*"


def test_postgresql_terms_come_from_the_sqlite_index_tokenizer():
    assert f"tokenize='{TOKENIZE}'" in full_text("sqlite")[0]


def test_migrations_have_unique_names():
    names = [name for name, _ in MIGRATIONS]
    assert len(names) == len(set(names)) and names[:2] == ["initial", "full_text"]


# --- both backends ---------------------------------------------------------------------------------------


def test_migrations_run_once_and_are_recorded(store):
    assert store.version == len(MIGRATIONS)
    recorded = store.db.query("SELECT version, name, applied FROM migrations ORDER BY version")
    assert [(r["version"], r["name"]) for r in recorded] == [(i, n) for i, (n, _) in enumerate(MIGRATIONS, 1)]
    with open_store(store.url) as again:
        assert again.version == len(MIGRATIONS)
        assert again.db.query("SELECT version, name, applied FROM migrations ORDER BY version") == recorded


def test_add_article_is_idempotent(store, store_articles):
    fill(store, store_articles)
    before = {t: count(store, t) for t in ("articles", "entities", *FACT_TABLES)}
    assert [store.add_article(a) for a in store_articles] == ["exists"] * len(store_articles)
    assert {t: count(store, t) for t in before} == before
    assert before["articles"] == len(store_articles)
    assert store.article(store_articles[0].id) == store_articles[0]


def test_search_finds_articles_with_every_word(store, store_articles):
    fill(store, store_articles)
    for query in ("flood barrier", "harbour", "choir", "fire"):
        expected = {a.id for a in store_articles if set(query.split()) <= words_of(a)}
        assert expected and set(ids(store.search(query))) == expected, query
    assert store.search("zeppelin") == []


def test_search_ranks_headline_words_first_then_newest(store, store_articles):
    fill(store, store_articles)
    hits = store.search("flood barrier")
    in_headline = [a.id for a in store_articles if {"flood", "barrier"} <= set(a.headline.lower().split())]
    assert ids(hits)[:len(in_headline)] == [i for i in newest_first(store_articles) if i in in_headline]
    assert all("<mark>" in (h["snippet"] or "") for h in hits)


def test_search_folds_diacritics_and_stems(store, store_articles):
    fill(store, store_articles)
    cafe = {a.id for a in store_articles if "café" in words_of(a)}
    assert cafe and set(ids(store.search("cafe"))) == cafe == set(ids(store.search("CAFÉ")))
    assert set(ids(store.search("votes"))) == set(ids(store.search("voted")))


def test_search_without_words_lists_newest_first(store, store_articles):
    fill(store, store_articles)
    assert ids(store.search(limit=100)) == newest_first(store_articles)
    assert ids(store.search(limit=2, offset=1)) == newest_first(store_articles)[1:3]


@pytest.mark.parametrize("person", ["Odile Marchetti", "odile marchetti", "Jonas Abrego"])
def test_search_by_person(store, store_articles, person):
    fill(store, store_articles)
    expected = naming(store_articles, "person", person)
    assert expected and set(ids(store.search(person=person))) == expected
    harbour = {a.id for a in store_articles if "harbour" in words_of(a)} & expected
    assert set(ids(store.search("harbour", person=person))) == harbour


def test_search_by_place(store, store_articles):
    fill(store, store_articles)
    expected = naming(store_articles, "place", "Lake Ondra")
    assert expected and set(ids(store.search(place="Lake Ondra"))) == expected
    assert store.search(place="Atlantis") == [] and store.search(person="Nobody Atall") == []


@pytest.mark.parametrize("since, until", [("2025-06-01", None), (None, "2025-06-20"), ("2025-05-12", "2025-09-01")])
def test_search_by_dates(store, store_articles, since, until):
    fill(store, store_articles)
    expected = [a for a in store_articles if a.published and (not since or a.published[:10] >= since)
                and (not until or a.published[:10] <= until)]
    assert expected and ids(store.search(since=since, until=until)) == newest_first(expected)


@pytest.mark.parametrize("query, filters", [("said", {}), ("harbour", {"person": "Odile Marchetti"}),
                                            ("", {"since": "2025-06-01"})])
def test_facets_count_what_search_finds(store, store_articles, query, filters):
    fill(store, store_articles)
    assert store.facets(query, **filters)["total"] == len(store.search(query, limit=100, **filters))


def test_near_duplicates_stay_out_of_search_and_have_no_facts(store, store_articles):
    original, repost = store_articles[0], store_articles[1].model_copy(update={"id": "0" * 16})
    fill(store, [original])
    assert store.add_article(repost, duplicate_of=original.id, similarity=0.9) == "duplicate"
    for table in FACT_TABLES:
        assert store.db.scalar(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (repost.id,)) == 0
    assert repost.id not in ids(store.search(limit=100))
    assert store.stats()["duplicates"] == 1


def test_failures_are_recorded_once_each(store):
    store.record_failure("a.txt", "nothing but whitespace", "EmptyInput")
    store.record_failure("b.bin", "binary data", "BinaryInput")
    store.record_failure("a.txt", "nothing but whitespace", "EmptyInput")  # the same input failing again
    assert [(f["source"], f["reason"], f["error"]) for f in store.failures()] == [
        ("a.txt", "nothing but whitespace", "EmptyInput"), ("b.bin", "binary data", "BinaryInput")]


def test_stats(store, store_articles):
    empty = store.stats()
    assert empty["articles"] == 0 and empty["duplicates"] == 0 and empty["quotes"] == 0
    fill(store, store_articles)
    store.record_failure("bad.txt", "binary data", "BinaryInput")
    stats = store.stats()
    dates = sorted(a.published for a in store_articles if a.published)
    assert (stats["articles"], stats["first"], stats["last"]) == (len(store_articles), dates[0], dates[-1])
    assert stats["quotes"] == sum(len(a.quotes) for a in store_articles)
    assert stats["failures"] == 1
    mentioned = sum(e.type == "person" for a in store_articles for e in a.entities)
    assert 0 < stats["persons"] < mentioned  # one person across articles is one entity
    assert store.find_entities("Odile Marchetti", "person") == store.find_entities("ODILE MARCHETTI", "person")
    assert len(store.find_entities("Odile Marchetti", "person")) == 1


def test_remembered_profiles_link_as_fresh_reads_would(sqlite_url, tmp_path, store_articles, kb_articles):
    """Linking with the profiles a store keeps in step decides exactly as reading them afresh for each article."""
    from newsgraph.store.profiles import stored_profile

    articles = store_articles + kb_articles
    with open_store(sqlite_url) as kept, open_store(f"sqlite:///{tmp_path / 'fresh.db'}") as fresh:
        for article in articles:
            kept.add_article(article)
            fresh._profiles.clear()
            fresh.add_article(article)
        assert kept._profiles.known  # some were read, then kept up to date
        for entity_id, profile in kept._profiles.known.items():
            assert profile == stored_profile(kept.db, entity_id)
        decisions = "SELECT article_id, local_id, entity_id, decision, score, reasons FROM merges ORDER BY 1, 2"
        assert kept.db.query(decisions) == fresh.db.query(decisions)


# --- the same answers ------------------------------------------------------------------------------------

QUERIES = [
    {"query": "flood barrier"}, {"query": "harbour"}, {"query": "fire"}, {"query": "said"}, {"query": "mayor"},
    {"query": "council"}, {"query": "votes"}, {"query": "cafe"}, {"query": "Sørvik"}, {"query": "news"},
    {"query": "£14 million"}, {"query": "re-elected"}, {"query": "not"}, {"query": "the"}, {"query": ""},
    {"query": "water", "since": "2025-05-01"}, {"query": "", "until": "2025-06-20"},
    {"query": "", "since": "2025-05-12", "until": "2025-09-01"}, {"query": "", "person": "Odile Marchetti"},
    {"query": "barrier", "person": "Jonas Abrego"}, {"query": "", "place": "Lake Ondra"},
    {"query": "said", "limit": 3, "offset": 2}, {"query": "", "limit": 2, "offset": 4},
]


def test_sqlite_and_postgresql_give_the_same_answers(sqlite_url, pg_url, store_articles, fixture_articles):
    articles = store_articles + fixture_articles
    with open_store(sqlite_url) as sqlite, open_store(pg_url) as postgres:
        for store in (sqlite, postgres):
            fill(store, articles)
        for q in QUERIES:
            args = {"limit": 100, **q}
            assert ids(sqlite.search(**args)) == ids(postgres.search(**args)), q
        assert sqlite.stats() == postgres.stats()
        for name in ("Odile Marchetti", "Marchetti", "Abrego"):
            assert len(sqlite.find_entities(name)) == len(postgres.find_entities(name)), name


@pytest.fixture(scope="module")
def fixture_articles() -> list:
    """The scraped-text fixtures of the readers' tests, for more words and people to compare on."""
    import newsgraph
    from conftest import FIXTURES

    return [newsgraph.extract(p) for p in sorted((FIXTURES / "text").glob("*/article.txt"))]


@pytest.fixture(scope="module")
def kb_articles() -> list:
    """The knowledge-base fixtures: one story told by several outlets, people to link across them."""
    import newsgraph
    from conftest import FIXTURES

    return [newsgraph.extract(p) for p in sorted((FIXTURES / "kb").glob("*.txt"))]


def test_date_range_sql_takes_in_the_whole_last_day():
    from newsgraph.store.sql import date_range_sql

    assert date_range_sql("a.published", None, None) == ([], [])
    assert date_range_sql("a.published", "2025-01-01", "2025-01-31") == (
        ["a.published >= ?", "a.published <= ?"], ["2025-01-01", "2025-01-31T99"])
    assert date_range_sql("q.published", None, "2025-01-31T12:00") == (["q.published <= ?"], ["2025-01-31T12:00"])


def test_an_event_place_is_stored_by_its_name_not_its_entity_id(store, store_articles):
    for article in store_articles:
        store.add_article(article)
    names = {(a.id, e.id): e.name for a in store_articles for e in a.entities}
    expected = {(a.id, ev.id): names[(a.id, ev.place)] for a in store_articles for ev in a.events if ev.place}
    assert expected  # the fixtures have an event with a place
    stored = {(r["article_id"], r["event_id"]): r["place"]
              for r in store.db.query("SELECT article_id, event_id, place FROM events WHERE place IS NOT NULL")}
    assert stored == expected


def _open_at(path: str, start: float) -> str:
    """Open a store's database at `start` (a time.time()), as a second ingest into the same new store would."""
    import time

    from newsgraph.store.backends import SqliteDatabase

    while time.time() < start:
        pass
    try:
        SqliteDatabase(path).close()
        return "ok"
    except Exception as exc:  # the error is what the test reports
        return repr(exc)


def test_two_processes_opening_one_new_store_at_once_both_succeed(tmp_path):
    """SQLite answers "locked" at once, without waiting, when two connections turn a new file to WAL together."""
    import multiprocessing
    import time

    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        pool.map(str, range(2))  # both workers started before the race
        for n in range(12):
            start = time.time() + 0.2
            results = pool.starmap(_open_at, [(str(tmp_path / f"new-{n}.db"), start)] * 2)
            assert results == ["ok", "ok"], results


# --- quote modes -------------------------------------------------------------------------------------------------

MODE_STORY = ("Harbour board weighs the ferry fares\n\nBy Lena Okafor\n\n"
              "The harbour master said the pier would stay shut until spring. Mayor Ada Quill wants to rebuild "
              "the pier by June, and most fishermen support the new timetable.\n")


@pytest.fixture
def mode_story():
    import newsgraph

    article = newsgraph.extract(MODE_STORY, kind="text", url="https://news.example/ferry-fares")
    assert {q.mode for q in article.quotes} == {"speech", "thought"}, article.quotes
    return article


def test_quote_modes_round_trip(store, mode_story):
    from newsgraph.errors import BadQuery
    from newsgraph.export import table_rows

    fill(store, [mode_story])
    expected = {q.id: q.mode for q in mode_story.quotes}
    assert {q["quote_id"]: q["mode"] for q in store.quotes()} == expected
    for mode in ("speech", "thought"):
        assert {q["quote_id"] for q in store.quotes(mode=mode)} == {i for i, m in expected.items() if m == mode}
        chosen = store.quote_filters(mode=mode)
        assert {q["quote_id"] for q in store.filtered_quotes(chosen)} == {i for i, m in expected.items() if m == mode}
        assert store.quote_speakers(chosen)["total"] == list(expected.values()).count(mode)
    assert {r["quote_id"]: r["mode"] for r in store.db.query("SELECT * FROM quotes_with_speakers")} == expected
    assert {r["quote_id"]: r["mode"] for r in table_rows(store, "quotes")} == expected
    with pytest.raises(BadQuery):
        store.quotes(mode="whisper")


def test_an_older_store_gets_its_quote_modes(store_url, mode_story, monkeypatch):
    """A store made before `quote_modes` keeps working: its quotes get a mode guessed from their cues' words."""
    from conftest import write_facts_before_quote_modes

    from newsgraph.store import schema

    before = schema.MIGRATIONS[:[name for name, _ in schema.MIGRATIONS].index("quote_modes")]
    monkeypatch.setattr(schema, "MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.store.MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.facts._write_other_facts", write_facts_before_quote_modes)
    with open_store(store_url) as old:
        fill(old, [mode_story])
        assert "mode" not in old.db.query("SELECT * FROM quotes_with_speakers")[0]
    monkeypatch.undo()
    with open_store(store_url) as new:
        assert {q["quote_id"]: q["mode"] for q in new.quotes()} == {q.id: q.mode for q in mode_story.quotes}


@pytest.mark.parametrize("kind, cue, mode", [
    ("indirect", "said", "speech"), ("indirect", "wants", "thought"), ("indirect", "believed", "thought"),
    ("indirect", "hoping", "thought"), ("indirect", "planned", "thought"), ("indirect", "thought", "thought"),
    ("indirect", "worried", "thought"), ("indirect", "fears", "thought"), ("indirect", "according to", "speech"),
    ("indirect", "vowed", "speech"), ("indirect", "estimated", "speech"),  # reporting in the active: speech
    ("direct", "thinks", "speech"), ("mixed", "believes", "speech"), ("indirect", None, "speech"),
])
def test_guess_mode_from_a_stored_cue(kind, cue, mode):
    from newsgraph.understand.cue_words import lexicon
    from newsgraph.understand.quote_modes import guess_mode

    assert guess_mode(kind, cue, lexicon()) == mode


RELATIVE_STORY = """Harbour pilot retires after forty years

Tomas Verlaine guided his last tanker into the harbour at Ostend on Friday.
"It has been a good life on the water," Verlaine said after stepping ashore.
His wife met him on the quay. "I am glad to have him home at last," she said.
"""


@pytest.fixture
def relative_story():
    import newsgraph

    article = newsgraph.extract(RELATIVE_STORY, kind="text", url="https://news.example/pilot-retires")
    wife = next(e for e in article.entities if e.name == "Verlaine's wife")  # a person the coref stage made
    assert any(q.speaker == wife.id for q in article.quotes), article.quotes
    return article


def _people_lists(store) -> tuple[set[str], set[str], set[str]]:
    view = {r["name"] for r in store.db.query("SELECT name FROM people_with_counts")}
    return view, {p["name"] for p in store.people()}, {q["speaker"] for q in store.quotes()}


def test_people_lists_leave_out_a_relative_the_article_does_not_name(store, relative_story):
    fill(store, [relative_story])
    view, people, speakers = _people_lists(store)
    assert view == people == {"Tomas Verlaine"}, (view, people)
    assert speakers == {"Tomas Verlaine", "Verlaine's wife"}, speakers  # the wife still speaks her words


def test_an_older_store_lists_named_people_once_migrated(store_url, relative_story, monkeypatch):
    from newsgraph.store import schema

    before = schema.MIGRATIONS[:[name for name, _ in schema.MIGRATIONS].index("named_people")]
    monkeypatch.setattr(schema, "MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.store.MIGRATIONS", before)
    with open_store(store_url) as old:
        fill(old, [relative_story])
        assert len({r["name"] for r in old.db.query("SELECT name FROM people_with_counts")}) == 2
    monkeypatch.undo()
    with open_store(store_url) as new:
        assert _people_lists(new)[0] == {"Tomas Verlaine"}


def test_the_people_page_leaves_out_a_relative_the_article_does_not_name(store, relative_story):
    from newsgraph.store.browse import entities

    fill(store, [relative_story])
    page = entities(store.db, "person")
    assert [r["name"] for r in page["rows"]] == ["Tomas Verlaine"] and page["total"] == 1, page
