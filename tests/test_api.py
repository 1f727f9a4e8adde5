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
