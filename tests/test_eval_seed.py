"""The seed article scored by ../shared/eval/score.py, held to the pinned floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())


def metric(scores: dict, key: str) -> float:
    value = scores
    for part in key.split("."):
        value = value[part]
    return value


def test_seed_meets_floors(tmp_path):
    seed = shared_path("seed", "000_36471a8260615bf9.txt")
    gold = shared_path("eval", "gold", "000_36471a8260615bf9.json")
    record = tmp_path / "seed.json"
    out = subprocess.run([sys.executable, "-m", "newsgraph", "extract", str(seed), "--format", "json"],
                         capture_output=True, text=True, check=True)
    record.write_text(out.stdout)
    scored = subprocess.run([sys.executable, str(gold.parents[1] / "score.py"), str(record), str(gold), "--verbose"],
                            capture_output=True, text=True, check=True)
    scores = json.loads(scored.stdout)
    for key, floor in FLOORS["seed"].items():
        if key.endswith("_max"):
            assert metric(scores, key.removesuffix("_max")) <= floor, (key, scores["misses"])
        else:
            assert metric(scores, key) >= floor, (key, scores["misses"])
