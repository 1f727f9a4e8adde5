"""Records files read for ingest: chunks after the first prepared by a worker process, failures in order, the
worker never left running (the end, an error, Ctrl-C), and no worker for an input of one chunk."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
from test_prefetch import prefetch_threads

import newsgraph.ingest as ingest_module
import newsgraph.records as records_module
from newsgraph.api import Failure
from newsgraph.dedup import signature
from newsgraph.ingest import ingest
from newsgraph.records import prepared_chunks
from newsgraph.store.grouping import group_entities


def record_workers() -> list[int]:
    """This process's children that are record workers (a worker killed and waited for is gone)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid() and b"newsgraph.records" in cmdline:
            found.append(int(entry.name))
    return found


@pytest.fixture(autouse=True)
def idle_machine(monkeypatch):
    """A CPU to spare, as on an idle machine (a worker is started only then)."""
    monkeypatch.setattr(records_module.IdleCpu, "spare", lambda self: True)


@pytest.fixture
def started(monkeypatch) -> list[str]:
    """The paths record workers are started for."""
    paths: list[str] = []
    init = records_module.RecordWorker.__init__

    def noted(self, path, size):
        paths.append(path)
        init(self, path, size)

    monkeypatch.setattr(records_module.RecordWorker, "__init__", noted)
    return paths


def write_records(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_chunks_after_the_first_are_prepared_by_the_worker_alike(store_articles, tmp_path, started):
    lines = [a.to_json() for a in store_articles]
    path = write_records(tmp_path / "records.jsonl", [lines[0], "{", *lines[1:4], "[]", *lines[4:], "", "null"])
    chunks = list(prepared_chunks(str(path), 2))
    assert started == [str(path)] and record_workers() == []
    results = [item for chunk in chunks for item in chunk]
    assert [len(c) for c in chunks] == [2] * (len(results) // 2) + [1] * (len(results) % 2)
    failures = [r for r, _, _, _ in results if isinstance(r, Failure)]
    assert [f.source for f in failures] == [f"{path}:{n}" for n in (2, 6, len(lines) + 4)]
    articles = [(r, sig, record, groups) for r, sig, record, groups in results if not isinstance(r, Failure)]
    assert [a.id for a, _, _, _ in articles] == [a.id for a in store_articles]
    assert all(sig == signature(a.paragraphs) and record == a.model_dump_json() for a, sig, record, _ in articles)
    assert [groups is None for _, _, _, groups in articles] == [True, False, False, False, False, False]
    assert all(repr(groups) == repr(group_entities(a)) for a, _, _, groups in articles[1:])
    assert all(g.lead is e for a, _, _, groups in articles[1:] for g, e in zip(groups, (h.lead for h in
                                                                                       group_entities(a))))


def test_an_input_of_one_chunk_starts_no_worker(store, store_articles, tmp_path, started):
    path = write_records(tmp_path / "records.jsonl", [a.to_json() for a in store_articles])
    report = ingest(store, [str(path)])
    assert report.added == len(store_articles) and started == []


def test_the_worker_ends_when_the_caller_stops_early(store_articles, tmp_path, started):
    lines = [a.to_json() for a in store_articles] * 50  # more than a pipe holds: the worker is still writing
    assert sum(map(len, lines)) > 4 * 65536  # (with a few records it could end first, and an ended one is no worker)
    path = write_records(tmp_path / "records.jsonl", lines)
    chunks = prepared_chunks(str(path), 2)
    next(chunks), next(chunks)
    assert len(record_workers()) == 1
    chunks.close()
    assert record_workers() == []


def test_an_interrupted_ingest_leaves_no_worker(store, store_articles, tmp_path, monkeypatch, started):
    monkeypatch.setattr(ingest_module, "RECORDS_PER_TRANSACTION", 2)
    path = write_records(tmp_path / "records.jsonl", [a.to_json() for a in store_articles])
    add = store.add_article

    def interrupted(article, **kwargs):
        if store.db.scalar("SELECT COUNT(*) FROM articles") == 5:
            raise KeyboardInterrupt  # Ctrl-C while the writer stores the sixth record (a worker-signed chunk)
        return add(article, **kwargs)

    monkeypatch.setattr(store, "add_article", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [str(path)])
    assert started and store.stats()["articles"] == 4 and record_workers() == [] and prefetch_threads() == []


@pytest.mark.parametrize("size", [2, 500])  # read by the worker, and all here
def test_a_file_cut_short_is_a_failure_and_the_batch_goes_on(store, store_articles, tmp_path, monkeypatch, size):
    monkeypatch.setattr(ingest_module, "RECORDS_PER_TRANSACTION", size)
    cut = tmp_path / "records.jsonl.gz"
    whole = gzip.compress(("\n".join(a.to_json() for a in store_articles[:-1]) + "\n").encode())
    cut.write_bytes(whole[:len(whole) * 2 // 3])
    rest = write_records(tmp_path / "rest.jsonl", [store_articles[-1].to_json()])
    report = ingest(store, [str(cut), str(rest)])
    (failure,) = report.failures
    assert failure.source.startswith(f"{cut}:") and "unreadable from here on (EOFError" in failure.reason
    # the records before the cut are stored, then the next input
    assert 2 <= report.added == store.stats()["articles"] < len(store_articles) and store.failed_inputs()
    assert record_workers() == []


def test_a_worker_that_dies_is_an_error_not_a_hang(store_articles, tmp_path):
    path = write_records(tmp_path / "records.jsonl", [a.to_json() for a in store_articles])
    chunks = prepared_chunks(str(path), 2)
    next(chunks)
    (pid,) = record_workers()
    os.kill(pid, 9)
    with pytest.raises(RuntimeError, match="ended unexpectedly"):
        list(chunks)
    assert record_workers() == []


def test_on_a_busy_machine_every_chunk_is_prepared_here_alike(store_articles, tmp_path, started, monkeypatch):
    lines = [a.to_json() for a in store_articles]
    path = write_records(tmp_path / "records.jsonl", [lines[0], "{", *lines[1:]])
    with_worker = list(prepared_chunks(str(path), 2))
    monkeypatch.setattr(records_module.IdleCpu, "spare", lambda self: False)
    here = list(prepared_chunks(str(path), 2))
    assert len(started) == 1 and [[(repr(r), s, j) for r, s, j, _ in c] for c in here] == \
        [[(repr(r), s, j) for r, s, j, _ in c] for c in with_worker]


def test_idle_cpu_is_measured_over_the_block():
    with records_module.IdleCpu() as idle:
        sum(range(2_000_000))
    assert idle.seconds > 0 and idle.idle >= 0 and idle.spare() in (True, False)
