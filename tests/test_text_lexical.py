"""The lexical line score (text_lexical, the trainer's --lexical option): its grams, hashing, scoring and training."""

from __future__ import annotations

import importlib.util
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsgraph.readers import text_lines
from newsgraph.readers.text import classified_units
from newsgraph.readers.text_lexical import BUCKETS, Lexical, gram_ids, line_grams
from newsgraph.readers.text_lines import FEATURES, LineModel, body_lines
from newsgraph.readers.text_region import find_region

from test_text_lines import PAGE, STORY, TEASERS


def test_a_line_is_its_words_its_marked_word_pairs_and_when_short_itself_whole():
    assert line_grams("Read more: 24 photos") == {
        "read", "more", "0", "photos", "^ read", "read more", "more 0", "0 photos", "photos $",
        "^ read more 0 photos $"}
    long = line_grams("The ferry leaves the harbour at six")
    assert "^ the" in long and "six $" in long and not any(g.startswith("^ ") and g.endswith(" $") for g in long)
    assert line_grams(" -- | ") == set()


def test_grams_hash_the_same_in_every_process_and_ignore_case_and_digits():
    assert gram_ids("Read MORE 12") == gram_ids("read more 7")
    assert zlib.crc32(b"read more") % BUCKETS == 22875  # zlib's CRC-32, not Python's salted hash
    assert 22875 in gram_ids("Read more") and gram_ids("Read more") == sorted(set(gram_ids("Read more")))


def test_a_line_scores_the_bias_plus_the_weights_of_the_grams_it_holds():
    read_more = zlib.crc32(b"read more") % BUCKETS
    share = zlib.crc32(b"share $") % BUCKETS
    lexical = Lexical(bias=0.5, weights={read_more: -2.0, share: -1.0})
    assert lexical.score("Read more") == pytest.approx(-1.5)
    assert lexical.score("Read more and share") == pytest.approx(-2.5)
    assert lexical.score("The ferry leaves at six") == pytest.approx(0.5)
    again = Lexical.from_json(lexical.to_json())
    assert again == lexical and lexical.to_json()["gaps"] == [read_more, share - read_more]  # ids in order, as gaps
    with pytest.raises(ValueError):
        Lexical.from_json({**lexical.to_json(), "buckets": 2 ** 20})


def test_the_reader_ends_every_row_with_the_lexical_score_when_the_model_has_one(monkeypatch):
    """A one-stage model whose one tree reads only the lexical feature keeps the lines holding a body word."""
    ferry = zlib.crc32(b"ferry") % BUCKETS
    lexical = {"kind": "lexical", "buckets": BUCKETS, "bias": -1.0, "gaps": [ferry], "weights": [3.0]}
    tree = {"feature": [len(FEATURES), 0, 0], "threshold": [0.0, 0.0, 0.0], "left": [1, -1, -1],
            "right": [2, -1, -1], "value": [0.0, -4.0, 4.0]}
    line_model = LineModel.from_stages([{"base": 0.0, "rate": 1.0, "trees": [tree]}, lexical], 0.5)
    assert line_model.lexical is not None and line_model.second is None
    monkeypatch.setattr(text_lines, "model", lambda: line_model)
    units = classified_units(PAGE)
    probabilities = body_lines(units, find_region(units))
    kept = {u.text for u, p in zip(units, probabilities) if p > 0.5}
    assert kept == {line for line in STORY + TEASERS if "ferry" in line.lower()}


def _lexical_trainer():
    root = Path(__file__).resolve().parents[1] / "scripts"
    sys.path.insert(0, str(root))
    try:
        spec = importlib.util.spec_from_file_location("text_lines_lexical", root / "text_lines_lexical.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["text_lines_lexical"] = module  # its dataclass looks its module up there
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(root))
    return module


TOWNS = ("Kelwick", "Dunmore", "Ardvale", "Brisk", "Colhaven", "Eastmoor", "Fennick", "Glaston", "Harwell",
         "Inchford")


@dataclass
class Render:
    """The fields of the trainer's PageRows that the lexical score reads."""

    key: str
    texts: list[str]
    rows: list[list[float]]
    free: list[int]
    labels: list[int]
    weights: list[float]

    @property
    def page(self) -> str:
        return self.key.split("/", 1)[1]


def _pages(count: int) -> list[Render]:
    """Two renders of each of `count` pages: a story line naming its own town, furniture lines on every page."""
    pages = []
    for n in range(count):
        texts = [f"The ferry to {TOWNS[n]} ran {n} crossings in the storm.", "Sign up now", "Read more",
                 f"More from {TOWNS[n]}"]
        for renderer in ("inscriptis", "w3m"):
            pages.append(Render(f"{renderer}/page-{n}", texts, [[float(i)] for i in range(len(texts))], [0, 1, 2, 3],
                                [1, 0, 0, 0], [0.25] * 4))
    return pages


def test_only_grams_on_enough_pages_carry_a_weight_counting_a_pages_renders_once():
    pytest.importorskip("sklearn")
    trainer = _lexical_trainer()
    pages = _pages(6)
    keep = trainer.kept_columns(pages, trainer.LexicalOptions(min_pages=6))
    assert keep[gram_ids("Sign up now")].all()
    assert all(keep[zlib.crc32(g) % BUCKETS] for g in (b"ran 0", b"0 crossings"))  # digits fold: on every page
    assert not keep[gram_ids(TOWNS[0])].any()  # a town, on one page: a topic word
    assert trainer.kept_columns(pages, trainer.LexicalOptions(min_pages=7)).sum() == 0  # six pages, twelve renders
    assert trainer.kept_columns(pages, trainer.LexicalOptions(min_pages=0)).all()


def test_training_rows_carry_cross_fitted_scores_and_the_model_keeps_the_full_fit():
    pytest.importorskip("sklearn")
    trainer = _lexical_trainer()
    pages = _pages(10)
    rows, lexical = trainer.with_lexical(pages, trainer.LexicalOptions(min_pages=3, c=1.0), log=lambda m: None)
    assert all(len(r) == 2 for p in rows for r in p.rows) and all(len(r) == 1 for p in pages for r in p.rows)
    assert lexical.score("Read more") < lexical.bias < lexical.score("the ferry ran crossings")
    full = trainer.scores(lexical, pages)
    assert full[pages[0].key] == pytest.approx([lexical.score(t) for t in pages[0].texts])
    folds = trainer.cross_fitted_lexical(pages, trainer.LexicalOptions(min_pages=3, c=1.0))
    assert [r[1] for r in rows[0].rows] == folds[pages[0].key] != full[pages[0].key]
