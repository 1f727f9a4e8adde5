"""The HTML benchmarks in ../shared/eval scored by html_bench.py through the CLI, held to the pinned floors.

Each benchmark takes about half a minute: the reader alone runs (`--layout-only`),
since these benchmarks score the body, media and metadata only.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())
COMMAND = f"{sys.executable} -m newsgraph extract --format json --layout-only"


@pytest.mark.parametrize("bench", ["zyte", "aed-dev"])
def test_html_benchmark_meets_floors(bench):
    floors = FLOORS[f"html:{bench}"]
    directory = shared_path("eval", bench)
    scorer = directory.parent / "html_bench.py"
    out = subprocess.run([sys.executable, str(scorer), str(directory), "--cmd", COMMAND],
                         capture_output=True, text=True, check=True, timeout=1200)
    scores = json.loads(out.stdout.strip().splitlines()[-1])
    assert scores["empty_records"] == 0, scores
    for key, floor in floors.items():
        if key.endswith("_max"):
            assert scores[key.removesuffix("_max")] <= floor, (key, scores)
        else:
            assert scores[key] >= floor, (key, scores)
