"""Per-document time and memory budgets (issue 13 item 4): the document over budget fails, the rest goes on.

Each guarded run extracts in a worker process; a stage that hangs or eats memory on one article gets that
worker killed and replaced, the article becomes an 'OverBudget' failure with one line saying which limit,
and the articles after it come out. Also the slow paths made linear: a page of 10^5 attributes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import HARBOUR_HTML
from stage_helpers import HANG, HOG, hang, hog

import newsgraph
from newsgraph.budget import Budget, StagePlan
from newsgraph.ingest import ingest
from newsgraph.pipeline import Stage
from newsgraph.understand.parse import pieces

TESTS = Path(__file__).resolve().parent


def articles(folder: Path, bad_word: str) -> list[str]:
    """Three small articles, the middle one carrying `bad_word`."""
    folder.mkdir(exist_ok=True)
    paths = []
    for n, extra in enumerate(["", f" Officials said the system {bad_word} at times.", ""]):
        path = folder / f"{n}-story.txt"
        path.write_text(f"Harbour report {n}\n\nThe harbour board met on Tuesday to discuss berth {n}.{extra}\n",
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_document_over_its_time_budget_fails_and_the_next_comes_out(tmp_path):
    paths = articles(tmp_path / "news", HANG)
    started = time.monotonic()
    results = list(newsgraph.extract_files(paths, stages=(Stage("service", hang),), budget=Budget(seconds=3)))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert results[1].error == "OverBudget" and "not done after 3 s" in results[1].reason
    assert results[1].source == paths[1]
    assert time.monotonic() - started < 300  # not the hour the stage would sleep


def test_a_document_over_its_memory_budget_fails_and_the_next_comes_out(tmp_path):
    paths = articles(tmp_path / "news", HOG)
    results = list(newsgraph.extract_files(paths, stages=(Stage("hog", hog),), budget=Budget(None, 600)))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert results[1].error == "OverBudget" and "memory budget" in results[1].reason


def test_stages_that_cannot_go_to_a_worker_are_refused_clearly(tmp_path):
    with pytest.raises(ValueError, match="cannot be sent to a worker"):
        StagePlan.of((Stage("inline", lambda doc: doc),))


def test_ingest_keeps_going_and_retries_the_document_over_budget(store, tmp_path):
    folder = tmp_path / "news"
    articles(folder, HANG)
    report = ingest(store, [str(folder)], stages=(Stage("service", hang),), budget=Budget(seconds=3))
    assert report.added == 2 and [f.error for f in report.failures] == ["OverBudget"]
    again = ingest(store, [str(folder)], stages=(), budget=Budget(seconds=30))  # the service is fixed
    assert (again.added, again.failed, again.resolved, again.skipped_sources) == (1, 0, 1, 2)


def test_the_cli_budget_options_on_extract(tmp_path):
    paths = articles(tmp_path / "news", HANG)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]))
    command = [sys.executable, "-m", "newsgraph", "extract", "--time-limit", "4", "--stage",
               "claims=stage_helpers:hang", *paths]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 1
    assert [json.loads(line)["source"] for line in done.stdout.splitlines()] == [paths[0], paths[2]]
    assert done.stderr.strip().splitlines()[-1] == (f"newsgraph: {paths[1]}: over the time budget: not done after "
                                                    "4 s, stopped (--time-limit)")


def test_batch_goes_on_after_a_document_over_budget(tmp_path):
    from newsgraph.batch import BatchOptions, read_records, run_batch

    paths = articles(tmp_path / "news", HOG)
    options = BatchOptions(workers=1, shard_size=10, fmt="jsonl", stage_specs=("claims=stage_helpers:hog",),
                           budget=Budget(seconds=120, memory_mb=900))
    report = run_batch(paths, tmp_path / "out", options)
    assert [f.error for f in report.failures] == ["OverBudget"] and report.records == 2
    assert sorted(json.loads(r)["source"] for r in read_records(tmp_path / "out")) == sorted([paths[0], paths[2]])


def test_a_page_with_a_hundred_thousand_attributes_is_read_quickly():
    attributes = " ".join(f'data-k{i}="v{i}"' for i in range(100_000))
    page = HARBOUR_HTML.replace("<article>", f"<article><div {attributes}>x</div>")
    article = newsgraph.extract(page.encode(), stages=())  # minutes before the tag was trimmed
    assert article.headline == "Night fire guts harbour warehouse" and len(article.paragraphs) == 4
    assert article.warnings == ["1 HTML tags with more than 100 attributes kept their first 100"]


LONG_SENTENCES = [
    "“The ferry timetable changed twice before the storms,” Councillor Mara Ellison said.",
    "In Kellmouth on March 4, engineers checked the bridge again, according to Tomas Verhoef.",
    "“Families waited for answers all winter,” Inspector Ines Dalca told reporters.",
    "The harbour road works were delayed while the council argued about the budget.",
]


def test_a_long_paragraph_is_cut_into_pieces_at_sentence_ends():
    text = " ".join(LONG_SENTENCES * 40)
    cut = pieces(text, 0, len(text), limit=1000)
    assert len(cut) > 5 and all(end - start <= 1000 for start, end in cut)
    assert cut[0][0] == 0 and cut[-1][1] == len(text)
    for (_, end), (start, _) in zip(cut, cut[1:]):  # nothing lost between pieces but the space at the cut
        assert text[end:start].isspace() and text[end - 1] in ".”"
    assert pieces(text, 0, 500, limit=1000) == [(0, 500)]  # short paragraphs stay whole
    assert pieces("x" * 2500, 0, 2500, limit=1000) == [(0, 1000), (1000, 2000), (2000, 2500)]  # no space at all


def test_a_one_paragraph_article_parsed_in_pieces_finds_what_it_finds_whole(monkeypatch):
    """The pieces change nothing a sentence holds: the same quotes, speakers and people as the paragraph read
    whole (pieces of ~600 characters here; 20,000 by default, so a 900 KB paragraph takes seconds, not minutes)."""
    text = "Harbour works report\n\n" + " ".join(LONG_SENTENCES * 4) + "\n"
    whole = newsgraph.extract(text)
    monkeypatch.setattr("newsgraph.understand.parse.MAX_PIECE_CHARS", 600)
    cut = newsgraph.extract(text)
    assert len(cut.paragraphs) == len(whole.paragraphs) == 1
    assert len(whole.quotes) >= 8  # the direct quotes and the "according to" reports

    def quotes(article):
        names = {e.id: e.name for e in article.entities}
        return [(q.text, names.get(q.speaker)) for q in article.quotes]

    assert quotes(cut) == quotes(whole)
    assert sorted((e.name, e.type) for e in cut.entities) == sorted((e.name, e.type) for e in whole.entities)
