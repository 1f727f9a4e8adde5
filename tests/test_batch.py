"""`newsgraph batch`: both engines give the same records, failures are kept, a killed run resumes by shard."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.batch import BatchOptions, read_failures, read_records, run_batch
from newsgraph.cli import main
from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
RAY_TIMEOUT = 300  # seconds: a Ray run that hangs fails the test instead of the CI run


def _make_warc_module():
    return load_script(ROOT / "benchmarks" / "make_warc.py")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """A CC-NEWS-like WARC of 12 articles, an empty HTML record and a picture; and one scraped-text file."""
    folder = tmp_path_factory.mktemp("inputs")
    warc = _make_warc_module().write_warc(12, folder / "CC-NEWS-test.warc.gz", extra=[
        ("https://broken.example/empty", b"  \r\n ", "text/html"),
        ("https://broken.example/logo.png", PNG, "image/png")])
    text = shutil.copy(ROOT / "samples" / "wire-service-ferry-collision.txt", folder / "ferry.txt")
    return [str(warc), str(text)]


@pytest.fixture(scope="module")
def local_one(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local1")
    report = run_batch(inputs, out, BatchOptions(engine="local", workers=1, shard_size=4))
    assert report.records == 13 and report.shards_written == 5  # 14 responses in slices of 4, one text file
    return out


def _python(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, env=env,
                          **kwargs)


def test_records_are_those_of_newsgraph_extract(inputs, local_one):
    expected = [a.to_json() for a in newsgraph.extract_files(inputs) if isinstance(a, newsgraph.Article)]
    assert list(read_records(local_one)) == expected
    assert len(expected) == 13


def test_failures_are_collected_per_shard(local_one):
    failures = read_failures(local_one)
    assert len(failures) == 1
    assert failures[0].source.endswith("CC-NEWS-test.warc.gz")
    assert "<urn:uuid:" in failures[0].reason and "empty body" in failures[0].reason


def test_parquet_shards_have_queryable_columns(local_one):
    import pyarrow.parquet as pq

    table = pq.read_table(sorted(local_one.glob("CC-NEWS-test-*-00000.parquet"))[0])
    assert table.column_names == ["id", "source", "url", "headline", "published", "record"]
    for row in table.to_pylist():
        record = json.loads(row["record"])
        assert [row[k] for k in ("id", "source", "url", "headline", "published")] == \
               [record[k] for k in ("id", "source", "url", "headline", "published")]


def test_the_output_folder_reads_as_one_table_in_pandas(local_one):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_parquet(local_one)  # manifests and settings stay out of its way
    assert len(frame) == 13 and list(frame.columns) == ["id", "source", "url", "headline", "published", "record"]
    assert not list(local_one.glob("*.json")) or [p.name for p in local_one.glob("*.json")] == ["_batch.json"]


def test_two_local_workers_and_jsonl_give_the_same_records(inputs, local_one, tmp_path):
    result = CliRunner().invoke(main, ["batch", *inputs, "--out", str(tmp_path), "--workers", "2",
                                       "--shard-size", "4", "--format", "jsonl"])
    assert result.exit_code == 1  # the empty record failed
    assert "empty body" in result.stderr and "13 records in 5 shards" in result.stderr
    assert sorted(p.suffix for p in tmp_path.glob("*.jsonl")) == [".jsonl"] * 5
    assert list(read_records(tmp_path)) == list(read_records(local_one))


def test_ray_engine_gives_the_same_records(inputs, local_one, tmp_path):
    pytest.importorskip("ray")
    done = _python("batch", *inputs, "--out", str(tmp_path), "--engine", "ray", "--workers", "2",
                   "--shard-size", "4", timeout=RAY_TIMEOUT)
    assert done.returncode == 1, done.stderr
    assert "13 records in 5 shards" in done.stderr
    assert list(read_records(tmp_path)) == list(read_records(local_one))
    assert read_failures(tmp_path) == read_failures(local_one)


def test_a_killed_run_resumes_without_redoing_or_losing_a_shard(inputs, local_one, tmp_path):
    command = [sys.executable, "-m", "newsgraph", "batch", *inputs, "--out", str(tmp_path), "--workers", "1",
               "--shard-size", "1"]  # 15 shards: 14 WARC responses and the text file
    log = tmp_path.parent / f"{tmp_path.name}.stderr"
    with open(log, "wb") as stderr:
        run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(list(tmp_path.glob("*.parquet"))) < 2 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.05)
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the driver and its worker, mid-run
        run.wait()
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.parquet")}
    assert 2 <= len(before) < 15, f"the run should have been stopped part-way: {sorted(before)}\n{log.read_text()}"
    (tmp_path / ".CC-NEWS-test-deadbeef-00009.parquet.tmp").write_bytes(b"half a shard")

    report = run_batch(inputs, tmp_path, BatchOptions(engine="local", workers=1, shard_size=1))
    after = {p.name: p.stat().st_mtime_ns for p in tmp_path.glob("*.parquet")}
    assert report.shards_skipped == len(before) and report.shards_written == 15 - len(before)
    assert {name: after[name] for name in before} == before  # no finished shard written again
    assert len(after) == 15 and not list(tmp_path.glob(".*.tmp"))
    assert list(read_records(tmp_path)) == list(read_records(local_one))  # none lost, none twice


def test_a_resumed_run_must_keep_its_settings(inputs, local_one):
    result = CliRunner().invoke(main, ["batch", *inputs, "--out", str(local_one), "--shard-size", "3"])
    assert result.exit_code == 2 and "shard_size" in result.stderr


def test_ingest_loads_the_shards(local_one, tmp_path):
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(main, ["ingest", str(local_one), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "13 added" in result.stderr or "near-duplicates linked" in result.stderr
    ids = [json.loads(line)["id"] for line in read_records(local_one)]
    with newsgraph.open_store(str(db)) as store:
        assert all(store.has_article(article_id) for article_id in ids)
