"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from newsgraph.cli import main

STORY = "Bridge reopens after repairs\n\nThe old rail bridge reopened to walkers on Friday, the city said.\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_extract_prints_one_compact_json_line_per_article(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORY)
    b.write_text(STORY.replace("Bridge", "Tunnel"))
    result = run("extract", str(a), str(b))
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 2
    assert [json.loads(line)["headline"] for line in lines] == ["Bridge reopens after repairs",
                                                                "Tunnel reopens after repairs"]


def test_stdin_published_and_url():
    result = run("extract", "-", "--published", "2025-10-03", "--url", "https://example.org/b", input=STORY)
    record = json.loads(result.stdout)
    assert record["published"] == "2025-10-03" and record["url"] == "https://example.org/b"
    assert record["source"] == "-"


def test_bad_published_date_is_a_usage_error():
    result = run("extract", "-", "--published", "last week", input=STORY)
    assert result.exit_code == 2 and "ISO 8601" in result.output


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    good, empty, binary = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "photo.jpg"
    good.write_text(STORY)
    empty.write_bytes(b"")
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    result = run("extract", str(empty), str(good), str(binary))
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and "empty.txt: empty input" in errors[0] and "photo.jpg: binary" in errors[1]


def test_markdown_is_readable(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(STORY)
    result = run("extract", str(path), "--format", "markdown")
    assert result.stdout.startswith("# Bridge reopens after repairs")


def test_schema_is_json_schema():
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "newsgraph article record"
    for key in ("headline", "subheadline", "paragraphs", "media", "removed", "entities", "quotes", "events"):
        assert key in schema["properties"]


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "newsgraph", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "newsgraph" in out.stdout
