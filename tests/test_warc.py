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
