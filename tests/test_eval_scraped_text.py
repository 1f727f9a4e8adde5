"""The scraped-text dev set: the aed-dev and Zyte pages rendered to text, read by the text reader, held to the floors.

benchmarks/scraped_text.py renders every page with inscriptis, html2text
(both from the test extra) and `w3m -dump` (Debian's w3m, installed here with
apt-get when missing), reads each with the text reader alone and scores the
body with html_bench.py's Zyte metric. Renders are cached in a temporary
folder; the whole set takes about a minute and a half of CPU.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, shared_path

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())["scraped-text"]


def ensure_w3m() -> None:
    """Debian's w3m, installed with apt-get when missing (the tests and CI run as root)."""
    if shutil.which("w3m"):
        return
    apt = shutil.which("apt-get")
    if apt is None:
        pytest.fail("w3m is missing and there is no apt-get to install it")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock = ["-o", "DPkg::Lock::Timeout=600"]  # another apt may hold Debian's lock: wait for it
    for command in ([apt, *lock, "update", "-qq"], [apt, *lock, "install", "-y", "-qq", "w3m"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed: {done.stderr[-2000:]}")


def test_scraped_text_dev_set_meets_floors(tmp_path):
    benches = [shared_path("eval", "aed-dev"), shared_path("eval", "zyte")]
    ensure_w3m()
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scraped_text.py"), *map(str, benches),
                          "--cache", str(tmp_path), "--json"], capture_output=True, text=True, check=True,
                         timeout=1800)
    table = json.loads(out.stdout.strip().splitlines()[-1])
    for name, floors in FLOORS.items():
        if name.startswith("_"):
            continue
        for key, floor in floors.items():
            if key.endswith("_max"):
                assert table[name][key.removesuffix("_max")] <= floor, (name, key, table[name])
            else:
                assert table[name][key] >= floor, (name, key, table[name])
