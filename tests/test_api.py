"""The public Python API."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

import newsgraph
from newsgraph.pipeline import READERS, STAGES, Document, replace_stage, run


def test_public_names_are_exactly_all():
    public = [n for n in dir(newsgraph) if not n.startswith("_")
              and not isinstance(getattr(newsgraph, n), types.ModuleType)]
    assert sorted(newsgraph.__all__) == sorted([*public, "__version__"])


def test_import_is_light():
    code = "import sys, newsgraph; print(' '.join(m for m in ('trafilatura', 'lxml', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_extract_accepts_text_bytes_and_paths(tmp_path):
    story = "Market hall reopens\n\nThe market hall opened again on Sunday after a year of repairs.\n"
    path = tmp_path / "s.txt"
    path.write_text(story)
    for given in (story, story.encode(), path):
        article = newsgraph.extract(given)
        assert article.headline == "Market hall reopens"
        assert article.paragraphs == ["The market hall opened again on Sunday after a year of repairs."]
    assert newsgraph.extract(path).source == str(path)


def test_offsets_point_into_text():
    story = "Market hall reopens\r\n\r\n12.10.2025 | 10:45The market hall opened again on Sunday.\r\n"
    article = newsgraph.extract(story)
    span = article.paragraph_spans[0]
    assert article.text == story and article.text[span.start:span.end] == "The market hall opened again on Sunday."
    assert article.published == "2025-10-12T10:45"


def test_stage_table_can_be_swapped():
    def shout(doc: Document) -> Document:
        doc.article.headline = doc.article.headline.upper()
        return doc

    stages = (*STAGES, newsgraph.pipeline.Stage("shout", shout))
    article = newsgraph.extract("Quiet news day\n\nNothing happened at all on Monday.\n", stages=stages)
    assert article.headline == "QUIET NEWS DAY"
    with pytest.raises(KeyError):
        replace_stage(stages, "no-such-stage", shout)
    assert replace_stage(stages, "shout", lambda d: d)[-1].name == "shout"


def test_a_stage_must_return_the_document():
    bad = newsgraph.pipeline.Stage("bad", lambda doc: None)
    with pytest.raises(TypeError, match="bad"):
        run(Document(raw="A\n\nB is here.\n", kind="text"), (bad,), READERS)


def upper_headline(doc: Document) -> Document:
    """A stand-in for a user's own stage (used by the configuration test)."""
    doc.article.headline = doc.article.headline.upper()
    return doc


def test_stages_are_swapped_by_configuration(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main
    from newsgraph.pipeline import configure_stages

    story = tmp_path / "s.txt"
    story.write_text("Quiet news day\n\nNothing happened at all on Monday.\n")
    result = CliRunner().invoke(main, ["extract", str(story), "--stage", "events=test_api:upper_headline"])
    assert '"headline":"QUIET NEWS DAY"' in result.stdout
    monkeypatch.setenv("NEWSGRAPH_STAGES", "events=test_api:upper_headline")
    assert next(s for s in configure_stages() if s.name == "events").fn is upper_headline
    bad = CliRunner().invoke(main, ["extract", str(story), "--stage", "nonsense"])
    assert bad.exit_code == 2 and "NAME=package.module:callable" in bad.output


def test_a_failing_stage_is_one_input_failure_and_the_batch_goes_on(tmp_path):
    def explode(doc: Document) -> Document:
        if "Tunnel" in doc.article.headline:
            raise RuntimeError("boom")
        return doc

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Tunnel closes for repairs\n\nThe tunnel closed on Monday for a month of repairs.\n")
    b.write_text("Bridge reopens after repairs\n\nThe bridge reopened on Friday after a month of work.\n")
    results = list(newsgraph.extract_files([str(a), str(b)], stages=(newsgraph.pipeline.Stage("explode", explode),)))
    assert isinstance(results[0], newsgraph.Failure) and results[0].error == "StageError"
    assert "explode" in results[0].reason and "boom" in results[0].reason and results[0].source == str(a)
    assert results[1].headline == "Bridge reopens after repairs"
    with pytest.raises(newsgraph.StageError):
        newsgraph.extract(a, stages=(newsgraph.pipeline.Stage("explode", explode),))


def test_records_print_short():
    story = ("Harbour crane collapses\n\nA crane fell onto the quay at Port Elvin on Monday, harbour master Ines "
             "Kowal said. \u201cNobody was under it,\u201d Kowal said.\n") * 1
    article = newsgraph.extract(story)
    shown = repr(article)
    assert len(shown) < 400 and shown == str(article) and shown.startswith("Article(id=")
    assert "paragraphs=<1 item>" in shown and article.text not in shown
    quote = article.quotes[0]
    assert repr(quote).startswith(f"Quote(id='{quote.id}', kind='{quote.kind}'")


def test_entity_and_speaker_lookups():
    story = ("Harbour crane collapses\n\nA crane fell onto the quay at Port Elvin on Monday, harbour master Ines "
             "Kowal said. \u201cNobody was under it,\u201d Kowal said.\n")
    article = newsgraph.extract(story)
    quote = next(q for q in article.quotes if q.speaker)
    assert article.speaker(quote) is article.entity(quote.speaker) and article.speaker(quote).name == "Ines Kowal"
    assert article.speaker(quote.id) == article.speaker(quote)
    assert article.entity("e999") is None and article.entity(None) is None


def test_a_missing_file_is_an_input_error(tmp_path):
    from newsgraph.errors import MissingInput

    with pytest.raises(MissingInput) as caught:
        newsgraph.extract(tmp_path / "nope.html")
    assert isinstance(caught.value, newsgraph.InputError) and isinstance(caught.value, FileNotFoundError)
    assert caught.value.source == str(tmp_path / "nope.html") and caught.value.reason == "no such file"
    with pytest.raises(newsgraph.InputError, match="not a regular file"):
        newsgraph.extract(tmp_path)


def test_a_str_is_the_article_never_a_file_name(tmp_path, monkeypatch):
    story = "Bridge reopens after repairs\n\nThe old rail bridge reopened to walkers on Friday, the city said.\n"
    (tmp_path / "story.txt").write_text(story)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(newsgraph.InputError, match=r"pass pathlib.Path\('story.txt'\)"):
        newsgraph.extract("story.txt")
    assert newsgraph.extract(Path("story.txt")).headline == newsgraph.extract(story).headline
    assert newsgraph.extract(story).headline == "Bridge reopens after repairs"


def test_a_warc_record_joins_back_to_its_target_uri(tmp_path):
    from conftest import HARBOUR_HTML
    from warcs import write_warc

    canonical = '<link rel="canonical" href="https://harbour.example/news/fire">'
    page = HARBOUR_HTML.replace("<head>", "<head>" + canonical)
    path = write_warc(tmp_path / "crawl.warc.gz", [("https://harbour.example/fire?ref=rss", page, "text/html")])
    (article,) = newsgraph.extract_files([str(path)])
    assert article.url == "https://harbour.example/fire?ref=rss"
    assert article.canonical_url == "https://harbour.example/news/fire"


def test_the_articles_export_keeps_both_the_target_uri_and_the_canonical_link(tmp_path):
    from conftest import HARBOUR_HTML
    from warcs import write_warc

    from newsgraph.export import table_rows
    from newsgraph.store import open_store

    canonical = '<link rel="canonical" href="https://harbour.example/news/fire">'
    page = HARBOUR_HTML.replace("<head>", "<head>" + canonical)
    path = write_warc(tmp_path / "crawl.warc.gz", [("https://harbour.example/fire?ref=rss", page, "text/html")])
    with open_store(str(tmp_path / "kb.db")) as store:
        (article,) = newsgraph.extract_files([str(path)])
        store.add_article(article)
        (row,) = table_rows(store, "articles")
    assert (row["url"], row["canonical_url"]) == ("https://harbour.example/fire?ref=rss",
                                                  "https://harbour.example/news/fire")
