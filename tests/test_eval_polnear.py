"""Quote attribution on the PolNeAR dev split, scored by ../shared/eval/polnear.py and held to pinned floors."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def metric(scores: dict, key: str) -> float:
    for part in key.split("."):
        scores = scores[part]
    return scores


def test_polnear_dev_meets_floors():
    split = SHARED / "eval" / "polnear-dev"
    script = split.parent / "polnear.py"
    if not split.exists() or not script.exists():
        pytest.skip(f"{split} is not present")
    cmd = f"{shlex.quote(sys.executable)} -m newsgraph extract --format json"
    out = subprocess.run([sys.executable, str(script), str(split), "--cmd", cmd],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["empty_records"] == 0, scores
    for key, floor in FLOORS["polnear"].items():
        assert metric(scores, key) >= floor, (key, scores)
