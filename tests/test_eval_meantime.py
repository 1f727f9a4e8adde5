"""Entities, dates and events on MEANTIME dev (real Wikinews gold), scored by ../shared/eval/meantime.py and held to
pinned floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import newsgraph
from conftest import shared_path

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text())


def test_meantime_entities_meet_floors():
    split = shared_path("eval", "meantime")
    spec = importlib.util.spec_from_file_location("meantime", split.parent / "meantime.py")
    meantime = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(meantime)
    docs, records = [], {}
    for gold_path in sorted((split / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = split / gold["text_file"]
        docs.append({"name": gold["name"], "gold": gold, "dct": gold["dct"], "path": str(path),
                     "text": path.read_text(encoding="utf-8")})
        records[gold["name"]] = newsgraph.extract(path, published=gold["dct"]).model_dump()
    scores = meantime.score(docs, records, None, False)
    figures = {"body": scores["entities_body"]["micro"]["overlap"]["f1"],
               "all": scores["entities_all"]["micro"]["overlap"]["f1"],
               **{t: scores["entities_body"][t]["overlap"]["f1"] for t in ("person", "organization", "place")},
               "timex_value": scores["timex_body"]["value"]["f1"], "timex_relaxed": scores["timex_body"]["relaxed"]["f1"],
               "event_recall": scores["events"]["raw_recall"], "event_precision": scores["events"]["trigger_precision"]}
    for key, floor in ((k, v) for k, v in FLOORS["meantime"].items() if not k.startswith("_")):
        assert figures[key] >= floor, (key, figures)
