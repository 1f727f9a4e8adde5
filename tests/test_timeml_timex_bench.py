"""benchmarks/timeml_timex.py: TimeML's time expressions as meantime.py's gold, from a TimeML file written here."""

from __future__ import annotations

from pathlib import Path

from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>quay</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-06-12" functionInDocument="CREATION_TIME">2025-06-12</TIMEX3></DCT>
<TEXT>
Dock crews stopped work on <TIMEX3 tid="t1" type="DATE" value="2025-06-09">Monday</TIMEX3> and stayed out
for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timexes_become_gold_spans_after_a_date_line(tmp_path):
    bench = load_script(ROOT / "benchmarks" / "timeml_timex.py")
    path = tmp_path / "quay.tml"
    path.write_text(TML, encoding="utf-8")
    doc = bench.parse_tml(path)
    text, gold = doc["text"], doc["gold"]
    assert text.startswith("News story\n\nJune 12, 2025\n\nDock crews stopped") and doc["dct"] == "2025-06-12"
    assert [(text[t["start"]:t["end"]], t["value"]) for t in gold["timex"]] == [("Monday", "2025-06-09"),
                                                                               ("two days", "P2D")]
    assert text[gold["sentences"][1]["start"]:gold["sentences"][1]["end"]] == "June 12, 2025"
    row = bench.figures([doc])
    assert (row["gold"], row["value_f1"]) == (2, 1.0), row  # both read, with TimeML's values
