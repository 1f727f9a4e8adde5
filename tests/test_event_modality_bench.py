"""benchmarks/event_modality.py: events' modality compared with MEANTIME-style factuality gold, on a made-up record."""

from __future__ import annotations

import json
from pathlib import Path

from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]


def test_modality_is_compared_with_polarity_certainty_and_tense(tmp_path):
    bench = load_script(ROOT / "benchmarks" / "event_modality.py")
    text = "Harbour news\n\nThe ferry sank. No one drowned. The pier may close. The port will reopen.\n"

    def at(word: str, **gold) -> tuple[dict, dict]:
        start = text.index(word)
        return {"start": start, "end": start + len(word)}, {"start": start, "end": start + len(word), **gold}

    sank, gold_sank = at("sank", polarity="POS", certainty="CERTAIN", tense="PAST")
    drowned, gold_drowned = at("drowned", polarity="NEG", certainty="CERTAIN", tense="PAST")
    close, gold_close = at("close", polarity="POS", certainty="POSSIBLE", tense="INFINITIVE")
    reopen, gold_reopen = at("reopen", polarity="POS", certainty="CERTAIN", tense="FUTURE")
    (tmp_path / "gold").mkdir()
    gold = {"event_mentions": [gold_sank, gold_drowned, gold_close, gold_reopen]}
    (tmp_path / "gold" / "port.json").write_text(json.dumps(gold), encoding="utf-8")
    record = {"_name": "port", "text": text, "events": [
        {"evidence": sank, "modality": "asserted"}, {"evidence": drowned, "modality": "asserted"},
        {"evidence": close, "modality": "hypothetical"}, {"evidence": reopen, "modality": "planned"},
        {"evidence": None, "modality": "asserted"}]}
    counts, shown = bench.compare([record], tmp_path, {"port": "look"})
    assert counts["whole"] == counts["look"]
    assert counts["look"] == {("asserted", "asserted"): 1, ("negated", "asserted"): 1,
                              ("uncertain", "uncertain"): 1, ("future", "future"): 1}
    assert shown["look"] == ["gold negated, ours asserted: The ferry sank. No one <<drowned>>. The pier may close. "
                             "The port will reopen."]
