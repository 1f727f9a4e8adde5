"""The README's examples run from a plain checkout (its own samples and fixtures, nothing from ../shared).

Shell lines that call `newsgraph` run through the CLI runner, Python blocks run as they are, from the
repository root; the stores and export folders they name are put in a temporary folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTIONS = ("## Python API", "## Knowledge base", "### Exports: CSV, JSON Lines, Parquet, JSON-LD")
ALLOWED_FAILURES = {"person Levy": "fits 2 people"}  # documented: an ambiguous name lists the candidates


def blocks(heading: str, language: str) -> list[str]:
    """The code blocks of one README section, in order."""
    start = README.index(heading + "\n")
    end = README.find("\n#", start + len(heading))
    return re.findall(rf"```{language}\n(.*?)```", README[start:end if end > 0 else None], re.S)


def _local(text: str, tmp: Path) -> str:
    """Stores and export folders into the temporary folder."""
    return re.sub(r"(?<![\w/])(kb\.db|news\.db|tables/|people\.csv|kb\.jsonld)", lambda m: f"{tmp}/{m.group(1)}", text)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("readme")
    old = os.getcwd()
    os.chdir(ROOT)
    yield tmp
    os.chdir(old)


def test_no_example_needs_the_development_layout():
    for heading in SECTIONS:
        for block in blocks(heading, "sh") + blocks(heading, "python"):
            assert "../shared" not in block, heading


@pytest.mark.parametrize("heading", SECTIONS)
def test_the_examples_of_each_section_run(workdir, heading):
    ran = 0
    for block in blocks(heading, "sh"):
        for line in block.splitlines():
            words = shlex.split(_local(line, workdir), comments=True)
            if not words or words[0] != "newsgraph":
                continue
            if ">" in words:
                words = words[:words.index(">")]
            result = CliRunner().invoke(main, words[1:], catch_exceptions=False)
            allowed = next((why for cmd, why in ALLOWED_FAILURES.items() if line.startswith(f"newsgraph {cmd} ")), None)
            if allowed:
                assert result.exit_code == 1 and allowed in result.stderr, line
            else:
                assert result.exit_code == 0, (line, result.output)
            ran += 1
    for block in blocks(heading, "python"):
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(_local(block, workdir), f"README {heading}", "exec"), {})
        ran += 1
    assert ran
