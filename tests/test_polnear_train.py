"""scripts/polnear_train.py on a made-up checkout: texts copied, wrapped annotation lines dropped, the test split
refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]


def _module(folder: str, name: str):
    return load_script(ROOT / folder / f"{name}.py")


def _checkout(tmp_path: Path) -> Path:
    split = tmp_path / "PolNeAR" / "data" / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "harbour_2016-01-02_ferry-fares.txt").write_text(
        "The mayor said the fares would rise.\n\nA list:\n\nOne.\n", encoding="utf-8")
    (split / "attributions" / "harbour_2016-01-02_ferry-fares_ab12.ann").write_text(
        "T1\tSource 0 9\tThe mayor\n"
        "T2\tCue 10 14\tsaid\n"
        "T3\tContent 15 35;38 45\tthe fares would rise\n"
        "\n"
        "A list:\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")
    return tmp_path / "PolNeAR"


def test_the_training_split_is_copied_and_wrapped_annotation_lines_dropped(tmp_path):
    script = _module("scripts", "polnear_train")
    out = tmp_path / "out"
    assert script.copy_split(_checkout(tmp_path), out) == (1, 1, 1)
    kept = (out / "attributions" / "harbour_2016-01-02_ferry-fares_ab12.ann").read_text(encoding="utf-8")
    assert kept.splitlines()[-1].startswith("E1\t") and "A list:" not in kept
    assert (out / "text" / "harbour_2016-01-02_ferry-fares.txt").read_text(encoding="utf-8").startswith("The mayor")
    with pytest.raises(ValueError):
        script.copy_split(_checkout(tmp_path / "again"), out, "test")
    with pytest.raises(FileNotFoundError):
        script.copy_split(tmp_path / "nowhere", out)
