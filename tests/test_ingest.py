"""Ingesting into both backends: interrupted and resumed, idempotent, near-duplicates, JSON Lines records.

The interruption tests run a real ingest in a child process and kill it
with SIGKILL: once at whatever point it has reached after storing its
first articles, once while it holds an article's transaction open. The
ingest is then run again and every input must be there exactly once:
each article once, each bad file's failure once, no fact without its
article and no entity without a mention.
"""

from __future__ import annotations

import gzip
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, STORE_FIXTURES, write_facts_before_claim_events
from pg import wait_for
from test_prefetch import prefetch_threads

import newsgraph.ingest as ingest_module
from newsgraph.dedup import THRESHOLD
from newsgraph.ingest import add_articles, ingest
from newsgraph.store import open_store

FACT_TABLES = ("mentions", "merges", "quotes", "events", "event_participants", "claims")
BAD_FILES = {"empty.txt": b"   \n\n  ", "picture.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8}

INGEST = """
import sys
from newsgraph.ingest import ingest
from newsgraph.store import open_store
ingest(open_store(sys.argv[1]), sys.argv[2:])
"""

# Holds the transaction of the Nth article open (its facts written, nothing committed) and says so.
INGEST_AND_HOLD = """
import sys, time
from newsgraph.ingest import ingest
import newsgraph.store.store as writer
from newsgraph.store import open_store
write_facts = writer.write_facts
def holding(db, article, *args):
    facts = write_facts(db, article, *args)
    if db.scalar("SELECT COUNT(*) FROM articles") == int(sys.argv[3]):
        print("holding", article.id, flush=True)
        time.sleep(120)
    return facts
writer.write_facts = holding
ingest(open_store(sys.argv[1]), [sys.argv[2]])
"""


def count(store, sql: str, params=()) -> int:
    return store.db.scalar(sql, params)


def orphans(store) -> dict[str, int]:
    """Rows that belong to no stored article, or entities no article mentions."""
    out = {t: count(store, f"SELECT COUNT(*) FROM {t} WHERE article_id NOT IN (SELECT id FROM articles)")
           for t in FACT_TABLES}
    out["entities"] = count(store, "SELECT COUNT(*) FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions)")
    out["entity_names"] = count(store, "SELECT COUNT(*) FROM entity_names WHERE entity_id NOT IN "
                                       "(SELECT id FROM entities)")
    return {k: v for k, v in out.items() if v}


def doubled(store) -> list[dict]:
    return store.db.query("SELECT source, COUNT(*) AS n FROM articles GROUP BY source HAVING COUNT(*) > 1") + \
        store.db.query("SELECT source, COUNT(*) AS n FROM failures GROUP BY source HAVING COUNT(*) > 1")


@pytest.fixture
def news_folder(tmp_path) -> Path:
    """Eighteen invented stories as scraped text, and two files that are not articles."""
    folder = tmp_path / "news"
    folder.mkdir()
    for path in STORE_FIXTURES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for path in (FIXTURES / "text").glob("*/article.txt"):
        shutil.copy(path, folder / f"{path.parent.name}.txt")
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    return folder


def records_folder(tmp_path, articles) -> Path:
    """Extracted records, one JSON Lines file each."""
    folder = tmp_path / "records"
    folder.mkdir()
    for n, article in enumerate(articles, 1):
        (folder / f"{n:02d}.jsonl").write_text(article.to_json() + "\n", encoding="utf-8")
    return folder


def assert_complete(store, folder: Path) -> None:
    """Every good file of the folder stored once, every bad one failed once, nothing left over."""
    files = {str(p) for p in folder.iterdir()}
    bad = {str(folder / name) for name in BAD_FILES}
    sources = {r["source"] for r in store.db.query("SELECT source FROM articles")}
    assert sources == files - bad
    assert count(store, "SELECT COUNT(*) FROM articles") == len(files - bad)
    assert {f["source"] for f in store.failures()} == bad
    assert count(store, "SELECT COUNT(*) FROM ingested_sources") == len(files - bad)  # the bad ones are retried
    assert doubled(store) == [] and orphans(store) == {}


def test_an_ingest_killed_midway_resumes_with_nothing_lost_or_doubled(store_url, news_folder):
    total = len(list(news_folder.iterdir())) - len(BAD_FILES)
    with open_store(store_url) as store:  # the schema first, so polling never races the child's migrations
        child = subprocess.Popen([sys.executable, "-c", INGEST, store_url, str(news_folder)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            started = wait_for(lambda: count(store, "SELECT COUNT(*) FROM articles") > 0 or child.poll() is not None,
                               timeout=120, interval=0.02)
            child.send_signal(signal.SIGKILL)
        finally:
            child.kill()
            _, stderr = child.communicate()
        stored = count(store, "SELECT COUNT(*) FROM articles")
        assert started and child.returncode == -signal.SIGKILL, stderr.decode(errors="replace")[-2000:]
        assert 0 < stored < total
        assert orphans(store) == {} and doubled(store) == []

        report = ingest(store, [str(news_folder)])
        assert report.added + report.duplicates == total - stored
        assert_complete(store, news_folder)

        again = ingest(store, [str(news_folder)])
        assert (again.added, again.duplicates, again.failed) == (0, 0, len(BAD_FILES))  # tried again, listed again
        assert again.skipped_sources == total
        assert_complete(store, news_folder)


def test_an_article_killed_in_its_transaction_is_not_stored_at_all(store_url, store_articles, tmp_path):
    folder = records_folder(tmp_path, store_articles)
    with open_store(store_url) as store:
        child = subprocess.Popen([sys.executable, "-c", INGEST_AND_HOLD, store_url, str(folder), "3"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            line = child.stdout.readline()  # the third article's facts are written, not committed
            child.send_signal(signal.SIGKILL)
        finally:
            child.kill()
            _, stderr = child.communicate()
        assert line.startswith("holding "), stderr[-2000:]
        held = line.split()[1]
        assert count(store, "SELECT COUNT(*) FROM articles") == 2
        assert not store.has_article(held)
        assert orphans(store) == {}

        ingest(store, [str(folder)])
        assert store.has_article(held)
        assert count(store, "SELECT COUNT(*) FROM articles") == len(store_articles)
        assert orphans(store) == {} and doubled(store) == []


def test_ingesting_again_adds_nothing(store, store_articles, tmp_path):
    folder = records_folder(tmp_path, store_articles)
    first = ingest(store, [str(folder)])
    assert first.added == len(store_articles)
    tables = ("articles", "entities", "entity_names", *FACT_TABLES)
    before = {t: count(store, f"SELECT COUNT(*) FROM {t}") for t in tables}
    (folder / "01.jsonl").touch()  # a changed file is read again; its article is already stored
    again = ingest(store, [str(folder)])
    assert (again.added, again.existing, again.skipped_sources) == (0, 1, len(store_articles) - 1)
    assert {t: count(store, f"SELECT COUNT(*) FROM {t}") for t in tables} == before


def test_a_repost_with_other_furniture_is_a_duplicate_without_facts(store, tmp_path):
    text = (STORE_FIXTURES / "wrenfield-barrier-work-begins.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    repost = "\n".join(["Flood barrier gates start to arrive in Wrenfield", "", *lines[2:6], "Advertisement", "",
                        *lines[6:], "", "Share this article", "Read more: Lake Ondra falls to its lowest level"])
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-original.txt").write_text(text, encoding="utf-8")
    (folder / "b-repost.txt").write_text(repost, encoding="utf-8")

    report = ingest(store, [str(folder)])
    assert (report.added, report.duplicates) == (1, 1)
    rows = {r["source"]: r for r in store.db.query("SELECT id, source, duplicate_of, similarity FROM articles")}
    original, copy = rows[str(folder / "a-original.txt")], rows[str(folder / "b-repost.txt")]
    assert original["duplicate_of"] is None
    assert copy["duplicate_of"] == original["id"] and copy["similarity"] >= THRESHOLD
    for table in FACT_TABLES:
        assert count(store, f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (copy["id"],)) == 0
    assert count(store, "SELECT COUNT(*) FROM mentions WHERE article_id = ?", (original["id"],)) > 0
    assert [h["id"] for h in store.search("barrier gates")] == [original["id"]]


def test_json_lines_records_ingest(store, store_articles, tmp_path):
    path = tmp_path / "records.jsonl"
    lines = [a.to_json() for a in store_articles]
    path.write_text("\n".join([*lines[:3], '{"id": "not a record"}', "", *lines[3:]]) + "\n", encoding="utf-8")
    report = ingest(store, [str(path)])
    assert report.added == len(store_articles)
    assert [(f.source, f.error) for f in report.failures] == [(f"{path}:4", "MalformedInput")]
    assert [f["source"] for f in store.failures()] == [f"{path}:4"]
    assert store.article(store_articles[0].id) == store_articles[0]
    assert store.stats()["quotes"] == sum(len(a.quotes) for a in store_articles)


def test_records_of_many_transactions_keep_their_order_and_failures(store, store_articles, tmp_path, monkeypatch):
    """Records prepared in another thread, a chunk ahead: bad lines fail in order, each naming its line."""
    monkeypatch.setattr(ingest_module, "RECORDS_PER_TRANSACTION", 2)
    path = tmp_path / "records.jsonl"
    lines = [a.to_json() for a in store_articles]
    path.write_text("\n".join([lines[0], "{", *lines[1:4], "[]", *lines[4:]]) + "\n", encoding="utf-8")
    report = ingest(store, [str(path)])
    assert report.added == len(store_articles) and report.failed == 2
    assert [f.source for f in report.failures] == [f"{path}:2", f"{path}:6"]
    assert [f["source"] for f in store.failures()] == [f"{path}:2", f"{path}:6"]
    assert [r["id"] for r in store.db.query("SELECT id FROM articles ORDER BY rowid")] == \
        [a.id for a in store_articles]
    assert prefetch_threads() == []


def test_an_unreadable_records_file_fails_after_storing_what_came_before(store, store_articles, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr(ingest_module, "RECORDS_PER_TRANSACTION", 2)
    path = tmp_path / "records.jsonl.gz"
    whole = gzip.compress(("\n".join(a.to_json() for a in store_articles) + "\n").encode())
    path.write_bytes(whole[:len(whole) * 2 // 3])  # cut short: gzip raises when it gets there
    report = ingest(store, [str(path)])
    assert [f.error for f in report.failures] == ["MalformedInput"] and str(path) in store.failed_inputs()
    assert 2 <= store.stats()["articles"] < len(store_articles) and prefetch_threads() == []


def test_an_interrupted_records_ingest_leaves_no_thread(store, store_articles, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "RECORDS_PER_TRANSACTION", 2)
    path = tmp_path / "records.jsonl"
    path.write_text("".join(a.to_json() + "\n" for a in store_articles), encoding="utf-8")
    add = store.add_article

    def interrupted(article, **kwargs):
        if store.db.scalar("SELECT COUNT(*) FROM articles") == 3:
            raise KeyboardInterrupt  # Ctrl-C while the writer stores the fourth record
        return add(article, **kwargs)

    monkeypatch.setattr(store, "add_article", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [str(path)])
    assert store.stats()["articles"] == 2 and prefetch_threads() == []  # the first chunk, not the second's half


def test_signatures_and_matches_are_datasketchs(store_articles):
    """dedup computes datasketch's MinHash (with our shingle hash) and LSH itself: stored signatures must not
    change."""
    import random
    import re

    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from newsgraph.dedup import DuplicateIndex, _permutations, shingle_hash, signature

    rng = random.Random(7)
    bodies = [a.paragraphs for a in store_articles]
    for paragraphs in list(bodies):  # reposts with a paragraph changed
        changed = list(paragraphs)
        changed[rng.randrange(len(changed))] = "The agency added a sentence of its own to the story."
        bodies.append(changed)

    def minhash(values) -> MinHash:
        return MinHash(num_perm=128, hashvalues=values, permutations=_permutations(), scheme="affine32")

    ours, theirs, lsh, stored = DuplicateIndex(), [], MinHashLSH(threshold=THRESHOLD, num_perm=128), {}
    for n, paragraphs in enumerate(bodies):
        words = re.findall(r"\w+", " ".join(paragraphs).lower())
        reference = MinHash(num_perm=128, scheme="affine32", hashfunc=shingle_hash)
        reference.update_batch([" ".join(words[i:i + 5]).encode() for i in range(len(words) - 4)])
        sig = signature(paragraphs)
        assert sig == reference.hashvalues.astype(np.uint32).tobytes()
        values = np.frombuffer(sig, dtype=np.uint32)
        found = [(i, float(np.mean(stored[i] == values))) for i in lsh.query(minhash(values))]
        found = [f for f in found if f[1] >= THRESHOLD]
        expected = max(found, key=lambda f: (f[1], f[0])) if found else None
        assert ours.best(sig) == expected
        theirs.append(expected)
        ours.add(str(n), sig)
        stored[str(n)] = values
        lsh.insert(str(n), minhash(values))
    assert any(theirs)  # some reposts were found


def test_signatures_of_several_bodies_are_each_bodys(store_articles, monkeypatch):
    """`signatures` signs bodies a block at a time (no shingle across two bodies) and splits words without the
    regular expression when it can: the same signatures, whatever the block size and the script."""
    import re

    from newsgraph import dedup

    bodies = [a.paragraphs for a in store_articles]
    bodies += [["too short to compare"], [], ["Straße “Ärger” – naïve café’s co-op, Zürich: 1,000 €."] * 9,
               ["Un été à Montréal, près du fleuve."] * 6, ["Новости дня: всё о том же."] * 8]
    one_by_one = [dedup.signature(paragraphs) for paragraphs in bodies]
    for block in (30, 200, dedup.BLOCK_WORDS):
        monkeypatch.setattr(dedup, "BLOCK_WORDS", block)
        assert dedup.signatures(bodies) == one_by_one
    assert one_by_one.count(None) == 2
    for paragraphs in bodies:
        text = " ".join(paragraphs).lower()
        assert dedup._words(text) == re.findall(r"\w+", text)


def test_signatures_of_an_older_store_are_made_again_by_words(store_url, store_articles, monkeypatch):
    """A store whose signatures hashed each shingle with SHA-1 gets the word-based ones its new articles get,
    so that a repost of an article stored before the upgrade is still found."""
    from hashlib import sha1

    import numpy as np

    from newsgraph.dedup import _fmix32, _permutations, signature
    from newsgraph.store import schema

    def sha1_signature(paragraphs):  # what stores held before `signatures_by_words`
        words = " ".join(paragraphs).lower().split()
        if len(words) < 20:
            return None
        shingles = {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}
        hashes = np.array([int.from_bytes(sha1(s.encode()).digest()[:4], "little") for s in shingles], np.uint32)
        a, b = _permutations()
        return (_fmix32(hashes)[:, None] * a + b).min(axis=0).tobytes()

    before = schema.MIGRATIONS[:[name for name, _ in schema.MIGRATIONS].index("signatures_by_words")]
    monkeypatch.setattr(schema, "MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.store.MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.facts._write_other_facts", write_facts_before_claim_events)
    with open_store(store_url) as old:
        for article in store_articles:
            old.add_article(article, signature=sha1_signature(article.paragraphs))
    monkeypatch.undo()
    with open_store(store_url) as new:
        expected = {a.id: sig for a in store_articles if (sig := signature(a.paragraphs))}
        assert dict(new.signatures()) == expected and expected
        original = next(a for a in store_articles if a.id in expected)
        repost = original.model_copy(update={"id": "f" * 16, "source": "elsewhere.txt"})
        assert add_articles(new, [repost]).duplicates == 1
        assert new.duplicates(repost.id)[0]["id"] == original.id


def test_records_in_chunks_are_indexed_for_search_and_the_triggers_stay(tmp_path, store_articles):
    """A chunk of records is indexed at the end of its transaction (the insert triggers dropped meanwhile):
    every article and quote is found, the triggers are as before, and a chunk that fails leaves them too."""
    store = open_store(f"sqlite:///{tmp_path}/kb.db")

    def triggers() -> list[dict]:
        return store.db.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")

    before = triggers()
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(a.to_json() for a in store_articles[1:]) + "\n", encoding="utf-8")
    assert ingest(store, [str(path)]).added == len(store_articles) - 1
    assert triggers() == before and len(before) == 6
    for table in ("articles_fts", "quotes_fts"):  # raises when the index does not match its table
        store.db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    for article in store_articles[1:]:
        word = max(article.headline.split(), key=len).strip(".,:;'’\"")
        assert article.id in [hit["id"] for hit in store.search(word, limit=100)]
    with pytest.raises(ZeroDivisionError), store.batch(many=True):
        store.add_article(store_articles[0])
        1 / 0
    assert triggers() == before and not store.has_article(store_articles[0].id)
    store.add_article(store_articles[0])  # alone: the trigger indexes it
    store.db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    store.close()


# --- issue 13 item 3: failures are retried on the next run and listed until they succeed -----------------------

class Service:
    """A stage that calls a service: down (it raises) until `up` is set."""

    up = False

    def __call__(self, doc):
        if not Service.up:
            raise ConnectionError("entity service unreachable")
        return doc


def test_a_failed_input_is_retried_on_the_next_run_until_it_succeeds(store, tmp_path):
    from newsgraph.pipeline import Stage

    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("castlebrook-bakery-fire.txt", "lake-ondra-water-level.txt"):
        shutil.copy(STORE_FIXTURES / name, folder / name)
    stages = (Stage("service", Service()),)
    Service.up = False
    first = ingest(store, [str(folder)], stages=stages)
    assert (first.added, first.failed) == (0, 2) and "entity service unreachable" in first.failures[0].reason
    second = ingest(store, [str(folder)], stages=stages)  # still down: tried again, listed again, once each
    assert (second.skipped_sources, second.failed, second.resolved) == (0, 2, 0)
    assert len(store.failures()) == 2
    Service.up = True
    third = ingest(store, [str(folder)], stages=stages)
    assert (third.added, third.failed, third.resolved) == (2, 0, 2)
    assert store.failures() == [] and "2 earlier failures now succeeded" in third.summary()
    fourth = ingest(store, [str(folder)], stages=stages)
    assert (fourth.skipped_sources, fourth.added, fourth.failed) == (2, 0, 0)


def test_earlier_failures_of_other_inputs_stay_listed(store, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"  \n")
    good = tmp_path / "story.txt"
    shutil.copy(STORE_FIXTURES / "castlebrook-bakery-fire.txt", good)
    assert ingest(store, [str(bad)]).failed == 1
    report = ingest(store, [str(good)])
    assert report.outstanding == 1 and "1 earlier failures outstanding" in report.summary()
    assert [f["source"] for f in store.failures()] == [str(bad)]


def test_an_old_store_that_marked_a_failed_input_done_retries_it(store, tmp_path):
    path = tmp_path / "story.txt"
    shutil.copy(STORE_FIXTURES / "castlebrook-bakery-fire.txt", path)
    stat = path.stat()
    store.record_failure(str(path), "stage 'entities' failed: ConnectionError", "StageError")
    store.mark_source(str(path), stat.st_size, stat.st_mtime, 0)  # what earlier versions stored
    report = ingest(store, [str(path)])
    assert (report.added, report.skipped_sources, report.resolved) == (1, 0, 1) and store.failures() == []
