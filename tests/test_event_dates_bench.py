"""benchmarks/event_dates.py: TimeML gold dates of events, read from a small TimeML file written for this test."""

from __future__ import annotations

from pathlib import Path

from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>harbour</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-06-12" functionInDocument="CREATION_TIME">2025-06-12</TIMEX3></DCT>
<TITLE>Ferry strike ends</TITLE>
<TEXT>
Ferry crews <EVENT eid="e1" class="OCCURRENCE">walked</EVENT> out on <TIMEX3 tid="t1" type="DATE"
value="2025-06-09">Monday</TIMEX3>, the union <EVENT eid="e2" class="REPORTING">said</EVENT>. Owners
<EVENT eid="e3" class="I_STATE">expect</EVENT> calm.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" polarity="POS"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" polarity="POS"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PRESENT" polarity="POS"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t0"/>
<TLINK lid="l3" relType="BEFORE" eventInstanceID="ei2" relatedToTime="t0"/>
</TimeML>
"""


def test_gold_dates_come_from_links_that_put_an_event_at_a_time(tmp_path):
    bench = load_script(ROOT / "benchmarks" / "event_dates.py")
    path = tmp_path / "harbour.tml"
    path.write_text(TML, encoding="utf-8")
    doc = bench.parse_tml(path)
    assert doc["text"].startswith("Ferry strike ends\n\n") and doc["dct"] == "2025-06-12"
    assert doc["gold"] == {"e1": "2025-06-09", "e3": "2025-06-12"}  # "said" is only BEFORE a time: no gold date
    start, end = doc["events"]["e1"]
    assert doc["text"][start:end] == "walked"
    assert (bench.verdict("2025-06-09", "2025-06-09"), bench.verdict("2025-06", "2025-06-09"),
            bench.verdict("2025-06-10", "2025-06-09")) == ("right", "compatible", "wrong")
    counts, _ = bench.score([doc])
    assert counts["matched"] == 2 and counts["own", "right"] == 1  # "walked out on Monday"
    assert counts["none"] == 1  # "expect" is told in the present: it takes no story date
