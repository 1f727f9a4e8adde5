"""The knowledge-base commands as a user runs them: honest errors, JSON Lines, exports every table."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.export import COLUMNS, TABLES


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize("command", [["search", "fire"], ["people"], ["person", "Levy"], ["quotes"], ["conflicts"],
                                     ["export", "--format", "jsonld"]])
def test_read_commands_refuse_a_store_that_is_not_there(tmp_path, command):
    missing = tmp_path / "typo.db"
    result = run(*command, "--db", str(missing))
    assert result.exit_code == 3 and f"no store at {missing}" in result.stderr  # 3: a store error (cli_support)
    assert not missing.exists() and not list(tmp_path.iterdir())


def test_an_ambiguous_name_lists_the_candidates(kb_db):
    result = run("person", "Levy", "--db", kb_db)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert "'Levy' fits 2 people" in lines[0]
    assert {"Danny Levy", "Yossi Levy"} <= {name for line in lines[1:] for name in ("Danny Levy", "Yossi Levy")
                                             if name in line}
    chosen = lines[1].split()[2]  # "  newsgraph person ID  # NAME — titles, N articles"
    assert run("person", chosen, "--db", kb_db).exit_code == 0
    assert json.loads(run("person", "Danny Levy", "--db", kb_db, "--format", "json").stdout)["name"] == "Danny Levy"


def test_a_missing_spacy_model_is_one_error_for_the_run(tmp_path, monkeypatch):
    from newsgraph.understand import parse

    monkeypatch.setenv("NEWSGRAPH_SPACY_MODEL", "en_core_web_not_installed")  # for the extraction worker
    monkeypatch.setattr(parse, "MODEL", "en_core_web_not_installed")
    monkeypatch.setattr(parse, "parser", lambda: parse.Parser("en_core_web_not_installed"))
    paths = []
    for n in range(3):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(f"Harbour story {n}\n\nThe harbour reopened on Friday, the council said.\n")
    result = run("extract", *map(str, paths))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("en_core_web_not_installed") == 1 and "is not installed" in result.stderr
    assert run("extract", "--layout-only", str(paths[0])).exit_code == 0


@pytest.mark.parametrize("command", [["search", "ofakim"], ["people"], ["quotes"], ["conflicts"],
                                     ["person", "Danny Levy"]])
def test_every_query_command_prints_json_lines(kb_db, command):
    lines = run(*command, "--db", kb_db, "--format", "jsonl").stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows and all(isinstance(r, dict) for r in rows)
    as_json = json.loads(run(*command, "--db", kb_db, "--format", "json").stdout)
    assert (as_json if isinstance(as_json, list) else [as_json]) == rows


def test_a_store_without_conflicts_says_so(tmp_path):
    from newsgraph.store import open_store

    path = str(tmp_path / "empty.db")
    open_store(path).close()
    result = run("conflicts", "--db", path)
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == "no conflicts (dismissed ones are listed with --all)"
    assert run("conflicts", "--all", "--db", path).stderr.strip() == "no conflicts"
    assert json.loads(run("conflicts", "--db", path, "--format", "json").stdout) == []


@pytest.mark.parametrize("table", TABLES)
def test_export_every_table_as_csv_with_its_columns(kb_db, table):
    result = run("export", "--format", "csv", "--table", table, "--db", kb_db)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == COLUMNS[table] and rows


def test_csv_offsets_point_at_the_evidence(kb_db):
    from newsgraph.store import open_store

    with open_store(kb_db, create=False) as store:
        texts = {a: store.article(a).text for a in {r["id"] for r in store.db.query("SELECT id FROM articles")}}
    for table, text_column in (("mentions", "text"), ("quotes", "text"), ("claims", "text"), ("events", "evidence")):
        rows = csv.DictReader(io.StringIO(run("export", "--format", "csv", "--table", table, "--db", kb_db).stdout))
        start, end = ("evidence_start", "evidence_end") if table == "events" else ("start", "end")
        for row in rows:
            if row[start]:
                assert texts[row["article_id"]][int(row[start]):int(row[end])] == row[text_column], (table, row)


def test_export_parquet_folder_reads_in_pandas(kb_db, tmp_path):
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "tables"
    result = run("export", "--format", "parquet", "--out", str(out), "--db", kb_db)
    assert result.exit_code == 0, result.output
    for table in TABLES:
        frame = pandas.read_parquet(out / f"{table}.parquet")
        assert list(frame.columns) == COLUMNS[table] and len(frame) > 0, table
    people = pandas.read_parquet(out / "people.parquet")
    assert people.iloc[0]["articles"] >= 3 and list(people.iloc[0]["aliases"])


def test_export_jsonl_every_table_to_a_folder(kb_db, tmp_path):
    result = run("export", "--format", "jsonl", "--out", str(tmp_path), "--db", kb_db)
    assert result.exit_code == 0
    for table in TABLES:
        rows = [json.loads(line) for line in (tmp_path / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert rows and list(rows[0]) == COLUMNS[table]


def test_export_needs_a_table_or_a_folder(kb_db):
    assert run("export", "--format", "csv", "--db", kb_db).exit_code == 2
    assert run("export", "--format", "parquet", "--table", "people", "--db", kb_db).exit_code == 2


def test_jsonld_has_quotations_and_events_with_absolute_ids(kb_db):
    result = run("export", "--format", "jsonld", "--base-url", "https://news.example/kb/", "--db", kb_db)
    graph = json.loads(result.stdout)["@graph"]
    types = {n["@type"] for n in graph}
    assert {"NewsArticle", "Person", "Organization", "Place", "Quotation", "Event"} <= types
    ids = {n["@id"] for n in graph}
    assert all(i.startswith("https://news.example/kb/") for i in ids)
    refs = [v["@id"] for n in graph for v in _refs(n)]
    assert refs and set(refs) <= ids, "every reference names a node of the graph"
    quote = next(n for n in graph if n["@type"] == "Quotation" and "spokenByCharacter" in n)
    assert quote["@id"].split("#")[1].startswith("quote-") and quote["isPartOf"]["@id"] in ids
    assert not any("isBasedOn" in n for n in graph), "no local file paths"
    urns = json.loads(run("export", "--format", "jsonld", "--db", kb_db).stdout)["@graph"]
    assert all(n["@id"].startswith("urn:newsgraph:") for n in urns)


def _refs(node: dict):
    for key, value in node.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and set(item) == {"@id"}:
                yield item


def test_read_commands_do_not_write(kb_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(kb_db, copy)
    before = copy.stat().st_mtime_ns
    for command in (["people"], ["quotes"], ["export", "--format", "csv", "--table", "people"]):
        assert run(*command, "--db", str(copy)).exit_code == 0
    assert copy.stat().st_mtime_ns == before


def test_quotes_carry_their_offsets(kb_db):
    from newsgraph.store import open_store

    with open_store(kb_db, create=False) as store:
        quote = next(q for q in store.quotes() if q["speaker_id"])
        text = store.article(quote["article_id"]).text
    assert text[quote["start"]:quote["end"]] == quote["text"]


def test_a_persons_text_lists_named_events_and_counts_the_rest(kb_db):
    from newsgraph.understand.events import named_type

    every = json.loads(run("person", "Danny Levy", "--db", kb_db, "--format", "json").stdout)["events"]
    generic = [e for e in every if not named_type(e["type"])]
    assert generic, every  # "said" and the like: the supersense fallbacks
    named = run("person", "Danny Levy", "--db", kb_db).stdout
    assert f"{len(generic)} more event" in named and "(--events all)" in named
    listed = run("person", "Danny Levy", "--db", kb_db, "--events", "all").stdout
    assert "more event" not in listed and f" {generic[0]['type']} ({generic[0]['evidence']})" in listed


def test_the_quotes_text_shows_each_quotes_mode_kind_and_cue(kb_db):
    rows = [json.loads(line) for line in run("quotes", "--db", kb_db, "--format", "jsonl").stdout.splitlines()]
    cued = next(q for q in rows if q["cue"])
    lines = run("quotes", "--db", kb_db).stdout.splitlines()
    assert f"[{cued['mode']}, {cued['kind']}, {cued['cue']}]: “{cued['text']}”" in "\n".join(lines)


def test_quotes_are_speech_unless_asked(tmp_path):
    story = tmp_path / "ferry.txt"
    story.write_text("Harbour board weighs the ferry fares\n\nBy Lena Okafor\n\nThe harbour master said the pier "
                     "would stay shut until spring. Mayor Ada Quill believes that the fares are too high.\n",
                     encoding="utf-8")
    db = str(tmp_path / "kb.db")
    assert run("ingest", str(story), "--db", db).exit_code == 0

    def listed(*mode):
        out = run("quotes", "--db", db, "--format", "jsonl", *mode).stdout.splitlines()
        return {json.loads(line)["text"]: json.loads(line)["mode"] for line in out}

    speech = {"the pier would stay shut until spring": "speech"}
    thought = {"that the fares are too high": "thought"}
    assert listed() == listed("--mode", "speech") == speech
    assert listed("--mode", "thought") == thought and listed("--mode", "all") == {**speech, **thought}
    lines = run("quotes", "--db", db, "--mode", "all").stdout
    assert "[thought, indirect, believes]: “that the fares are too high”" in lines
    assert run("quotes", "--db", db, "--mode", "whisper").exit_code == 2
