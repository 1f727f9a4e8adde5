"""scripts/finer_entities.py on made-up FiNER-like files: the text's layout, tokens found in it, the label runs
that make mentions, the joins where the sentence cutter cut inside a token or a name, and the written folders."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]

finer = load_script(ROOT / "scripts" / "finer_entities.py")

# Sentences as a sentence cutter gave them: the fund's name "Orvel Harbour Partners" and the ticker "QRX.L" are cut.
SENTENCES = ["Shares of Tamsin Mills rose in Dunmore on Friday.", "Lena Okafor of Orvel Harbour",
             "Partners said the rally would fade (QRX.", "L) by spring."]
TOKENS = [("Shares", "0"), ("of", "0"), ("Tamsin", "5"), ("Mills", "6"), ("rose", "0"), ("in", "0"), ("Dunmore", "3"),
          ("on", "0"), ("Friday", "0"), (".", "0"),
          ("Lena", "1"), ("Okafor", "2"), ("of", "0"), ("Orvel", "5"), ("Harbour", "6"),
          ("Partners", "6"), ("said", "0"), ("the", "0"), ("rally", "0"), ("would", "0"), ("fade", "0"), ("(", "0"),
          ("QRX.L", "0"), (")", "0"), ("by", "0"), ("spring", "4"), (".", "0")]  # a stray I-LOC opens a mention


def _document():
    return finer.Document("train_3", list(SENTENCES), [(label, token) for token, label in TOKENS])


def test_text_has_title_date_line_and_joins_the_cuts():
    text, gold = finer.gold_record(_document(), "abc123")
    assert text == ("Financial news\n\nThursday, October 1, 2015\n\n"
                    "Shares of Tamsin Mills rose in Dunmore on Friday.\n\n"
                    "Lena Okafor of Orvel Harbour Partners said the rally would fade (QRX.L) by spring.\n")
    assert [text[s["start"]:s["end"]] for s in gold["sentences"]][2:] == SENTENCES
    assert gold["dct"] == "2015-10-01"
    assert gold["annotated_region"] == {"start": 0, "end": len(text), "last_sentence": 5}


def test_label_runs_make_named_mentions():
    text, gold = finer.gold_record(_document(), "abc123")
    got = [(m["text"], m["type"], m["name"], m["syntactic_type"], m["sentence"]) for m in gold["entity_mentions"]]
    assert got == [("Tamsin Mills", "ORG", True, "NAM", 2), ("Dunmore", "LOC", True, "NAM", 2),
                   ("Lena Okafor", "PER", True, "NAM", 3), ("Orvel Harbour Partners", "ORG", True, "NAM", 3),
                   ("spring", "LOC", True, "NAM", 5)]
    for m in gold["entity_mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
        first, last = gold["tokens"][m["token_ids"][0] - 1], gold["tokens"][m["token_ids"][-1] - 1]
        assert (first[1], last[2]) == (m["start"], m["end"])


def test_runs_split_on_a_new_begin_or_another_type():
    assert finer.label_runs(["1", "2", "1", "0", "4", "6", "5", "6"]) == [
        ("PER", 0, 1), ("PER", 2, 2), ("LOC", 4, 4), ("ORG", 5, 5), ("ORG", 6, 7)]


def test_a_token_missing_from_the_text_is_an_error():
    doc = _document()
    doc.tokens[2] = ("5", "Tamzin")
    with pytest.raises(ValueError, match="Tamzin"):
        finer.gold_record(doc, "abc123")


def _gzipped_csv(path: Path, header: list[str], rows: list[list]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(gzip.compress(out.getvalue().encode("utf-8")))


def test_written_corpus_is_what_the_scorer_reads(tmp_path):
    data = tmp_path / "finer" / "data" / "news_data"
    data.mkdir(parents=True)
    for part in finer.PARTS:
        _gzipped_csv(data / f"{part}_input_df.csv.gz", ["sent_idx", "doc_idx", "text", "uuid"],
                     [[k, 3, s, "x"] for k, s in enumerate(SENTENCES)])
        _gzipped_csv(data / f"{part}_gold_data.csv.gz", ["gold_label", "gold_token", "doc_idx"],
                     [[label, token, 3] for token, label in TOKENS])
    out = tmp_path / "corpora" / "finer"
    assert finer.main([str(tmp_path / "finer"), str(out)]) == 0
    assert sorted(p.name for p in (out / "gold").iterdir()) == ["test_3.json", "train_3.json", "val_3.json"]
    gold = json.loads((out / "gold" / "val_3.json").read_text(encoding="utf-8"))
    assert (out / gold["text_file"]).exists() and gold["topic"] == "val"
    assert "LOC 6, ORG 6, PER 3" in (out / "README.md").read_text(encoding="utf-8")
    parts = [len(list((tmp_path / "corpora" / f"finer-{part}" / "gold").iterdir())) for part in ("look", "held")]
    assert sum(parts) == 3
