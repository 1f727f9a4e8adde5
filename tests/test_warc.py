"""WARC input: every HTML response record becomes an article with its URL and fetch date."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import HARBOUR_HTML
from warcs import write_warc

import newsgraph
from newsgraph.cli import main


def pages():
    return [("https://harbour.example/fire", HARBOUR_HTML, "text/html; charset=utf-8"),
            ("https://harbour.example/logo.png", b"\x89PNG\r\n\x1a\n...", "image/png"),
            ("https://harbour.example/flood", HARBOUR_HTML.replace("fire", "flood").replace("Fire", "Flood"),
             "text/html")]


def test_each_html_response_is_an_article(tmp_path):
    for gz in (True, False):
        path = write_warc(tmp_path / ("a.warc.gz" if gz else "a.warc"), pages(), gzip=gz)
        articles = list(newsgraph.extract_files([str(path)]))
        assert [a.url for a in articles] == ["https://harbour.example/fire", "https://harbour.example/flood"]
        assert all(a.input_kind == "warc" and a.fetched and a.fetched[:4].isdigit() for a in articles)
        assert articles[1].headline.startswith("Night flood")


def test_a_broken_record_is_reported_and_the_rest_goes_on(tmp_path):
    good = write_warc(tmp_path / "good.warc", pages(), gzip=False).read_bytes()
    # cut the last response record short: the earlier records still come out
    broken = tmp_path / "broken.warc"
    broken.write_bytes(good[: good.rindex(b"Night flood") + 20])
    results = list(newsgraph.extract_files([str(broken), str(tmp_path / "good.warc")]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Article", "Failure", "Article", "Article"]
    assert "broken.warc" in results[1].source and ("cut short" in results[1].reason or "broken" in results[1].reason)


def test_warc_detected_by_content_whatever_the_name(tmp_path):
    path = write_warc(tmp_path / "crawl.bin", pages(), gzip=True)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0
    assert [json.loads(x)["url"] for x in result.stdout.splitlines()][0] == "https://harbour.example/fire"


def test_warc_from_stdin(tmp_path):
    path = write_warc(tmp_path / "a.warc.gz", pages())
    result = CliRunner().invoke(main, ["extract", "-"], input=path.read_bytes())
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2


# --- issue 13 item 2: records read independently --------------------------------------------------------------

def stories(count: int = 4) -> list[tuple[str, str, str]]:
    return [(f"https://harbour.example/{n}", HARBOUR_HTML.replace("Night fire", f"Story {n} fire"), "text/html")
            for n in range(count)]


def gzip_members(data: bytes) -> list[tuple[int, int]]:
    """(offset, length) of each gzip member."""
    import zlib

    members, at = [], 0
    while at < len(data):
        inflater = zlib.decompressobj(31)
        inflater.decompress(data[at:])
        length = len(data) - at - len(inflater.unused_data)
        members.append((at, length))
        at += length
    return members


def outcome(results) -> list[str]:
    return [r.headline.split(" fire")[0] if isinstance(r, newsgraph.Article) else "FAILED" for r in results]


def test_a_record_cut_short_in_a_plain_warc_is_reported_and_never_mixed_with_the_next(tmp_path):
    good = write_warc(tmp_path / "good.warc", stories(), gzip=False).read_bytes()
    at = good.index(b"Story 1 fire")
    record_start = good.rindex(b"WARC/1.", 0, at)
    path = tmp_path / "cut.warc"
    path.write_bytes(good[:at + 100] + good[at + 400:])  # 300 bytes of its body lost
    results = list(newsgraph.extract_files([str(path)], stages=()))
    assert outcome(results) == ["Story 0", "FAILED", "Story 2", "Story 3"]
    failure = results[1]
    assert failure.source == str(path) and f"at offset {record_start}" in failure.reason
    assert "urn:uuid:" in failure.reason and "cut short" in failure.reason
    assert all("Story 1" not in r.text for r in results if isinstance(r, newsgraph.Article))


def test_a_corrupt_gzip_member_is_reported_and_the_later_records_recovered(tmp_path):
    good = write_warc(tmp_path / "good.warc.gz", stories(), gzip=True).read_bytes()
    start, length = gzip_members(good)[3]  # the second response record
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(good[:start + 30] + bytes(reversed(good[start + 30:start + length - 10])) +
                     good[start + length - 10:])
    results = list(newsgraph.extract_files([str(path)], stages=()))
    assert outcome(results) == ["Story 0", "FAILED", "Story 2", "Story 3"]
    assert f"at offset {start}" in results[1].reason and "gzip" in results[1].reason


def test_a_gzip_record_with_a_short_body_is_cut_short_not_merged(tmp_path):
    import gzip as gz

    good = write_warc(tmp_path / "good.warc.gz", stories(), gzip=True).read_bytes()
    start, length = gzip_members(good)[3]
    record = gz.decompress(good[start:start + length])
    body_at = record.index(b"Story 1 fire")
    shorter = gz.compress(record[:body_at] + record[body_at + 200:])  # same Content-Length, 200 bytes fewer
    path = tmp_path / "short.warc.gz"
    path.write_bytes(good[:start] + shorter + good[start + length:])
    results = list(newsgraph.extract_files([str(path)], stages=()))
    assert outcome(results) == ["Story 0", "FAILED", "Story 2", "Story 3"]
    assert f"at offset {start}" in results[1].reason and "cut short" in results[1].reason


def test_junk_between_records_is_reported_and_skipped(tmp_path):
    good = write_warc(tmp_path / "good.warc", stories(3), gzip=False).read_bytes()
    second = good.index(b"WARC/1.", good.index(b"Story 0 fire"))
    path = tmp_path / "junk.warc"
    path.write_bytes(good[:second] + b"garbage left by a broken copy\r\n" * 20 + good[second:])
    results = list(newsgraph.extract_files([str(path)], stages=()))
    assert outcome(results) == ["Story 0", "FAILED", "Story 1", "Story 2"]
    assert f"at offset {second}" in results[1].reason and "not a WARC record" in results[1].reason


def test_a_warc_in_one_gzip_stream_is_read_and_its_truncation_reported(tmp_path):
    import gzip as gz

    plain = write_warc(tmp_path / "plain.warc", stories(), gzip=False).read_bytes()
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gz.compress(plain))
    assert outcome(newsgraph.extract_files([str(whole)], stages=())) == ["Story 0", "Story 1", "Story 2", "Story 3"]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(gz.compress(plain)[:-200])
    results = list(newsgraph.extract_files([str(cut)], stages=()))
    assert outcome(results)[:2] == ["Story 0", "Story 1"] and outcome(results)[-1] == "FAILED"


def test_ingest_stores_the_records_around_a_broken_one(tmp_path, store_url):
    good = write_warc(tmp_path / "good.warc", stories(), gzip=False).read_bytes()
    at = good.index(b"Story 1 fire")
    path = tmp_path / "cut.warc"
    path.write_bytes(good[:at + 100] + good[at + 400:])
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", store_url, "--layout-only"])
    assert result.exit_code == 1 and "cut short" in result.stderr and "1 failed" in result.stderr
    from newsgraph.store import open_store

    with open_store(store_url) as store:
        urls = sorted(r["url"] for r in store.db.query("SELECT url FROM articles"))
        assert urls == ["https://harbour.example/0", "https://harbour.example/2", "https://harbour.example/3"]
        assert "Story 1" not in " ".join(r["body"] for r in store.db.query("SELECT body FROM articles"))
    listed = CliRunner().invoke(main, ["failures", "--db", store_url, "--format", "jsonl"])  # until it succeeds
    (failure,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert listed.exit_code == 0 and "cut short" in failure["reason"] and str(path) in failure["source"]
    plain = CliRunner().invoke(main, ["failures", "--db", store_url])
    assert plain.stdout.count("\n") == 1 and "cut short" in plain.stdout


def test_batch_keeps_the_records_around_a_broken_one(tmp_path):
    from newsgraph.batch import BatchOptions, read_failures, read_records, run_batch

    good = write_warc(tmp_path / "good.warc", stories(), gzip=False).read_bytes()
    at = good.index(b"Story 1 fire")
    path = tmp_path / "cut.warc"
    path.write_bytes(good[:at + 100] + good[at + 400:])
    run_batch([str(path)], tmp_path / "out", BatchOptions(engine="local", workers=1, shard_size=2,
                                                          layout_only=True))
    urls = sorted(json.loads(record)["url"] for record in read_records(tmp_path / "out"))
    assert urls == ["https://harbour.example/0", "https://harbour.example/2", "https://harbour.example/3"]
    (failure,) = read_failures(tmp_path / "out")
    assert "cut short" in failure.reason and "offset" in failure.reason
