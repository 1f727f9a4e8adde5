"""Quote attribution on the PolNeAR dev split, scored by ../shared/eval/polnear.py and held to pinned floors."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

from conftest import shared_path
from test_eval_seed import metric

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())


def test_polnear_dev_meets_floors():
    split = shared_path("eval", "polnear-dev")
    script = split.parent / "polnear.py"
    cmd = f"{shlex.quote(sys.executable)} -m newsgraph extract --format json"
    out = subprocess.run([sys.executable, str(script), str(split), "--cmd", cmd],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    assert scores["empty_records"] == 0, scores
    for key, floor in FLOORS["polnear"].items():
        assert metric(scores, key) >= floor, (key, scores)
