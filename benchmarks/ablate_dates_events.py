"""What each rule family of the dates and events stages adds on real gold (MEANTIME layout), one family off at a time.

    python benchmarks/ablate_dates_events.py SPLIT_DIR [SPLIT_DIR ...] [--only NAME,...]

SPLIT_DIR is a folder in the layout of ../shared/eval/meantime (text/ and gold/); the scorer is
../shared/eval/meantime.py, imported, so the figures are the ones `meantime.py` prints
(`timex_value_f1_body`, `timex_relaxed_f1_body`, `event_raw_recall`, `event_trigger_precision`). Each
article is extracted in this process with the publication date the gold gives. Prints one row per variant:
`all` (nothing off), then each family off, with the change against `all`.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))


@contextmanager
def _patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def _without_family(family: str):
    """The timex grammar with one rule family removed."""
    from newsgraph.understand import timex_grammar as g

    rules = tuple(r for r in g.RULES if r.family != family)
    anchored, scanners = g.compile_rules(rules)
    stack = ExitStack()
    stack.enter_context(_patched(g, "ANCHORED", anchored))
    stack.enter_context(_patched(g, "SCANNERS", scanners))
    return stack


def _vocabulary_without(drop) -> object:
    """The event vocabulary with some triggers (or types) taken out."""
    from newsgraph.understand import event_rules as r

    data = json.loads((ROOT / "src/newsgraph/data/event_triggers.json").read_text(encoding="utf-8"))
    for name in list(data["types"]):
        spec = data["types"][name]
        spec["triggers"] = [t for t in spec["triggers"] if not drop(name, spec, t)]
    return r.build_vocabulary(data)


def variants() -> dict:
    """name -> a function giving a context manager that switches that family off."""
    from newsgraph.understand import dates, event_rules, event_timing, events, tense, timex, timex_find, timex_grammar

    out = {"all": ExitStack}
    for family in timex_grammar.FAMILIES:
        out[f"dates: no {family} rules"] = (lambda f=family: _without_family(f))
    out["dates: no tense anchoring"] = lambda: _patched(dates, "tense", lambda span: None)
    for flag, what in ((dates, "NARRATIVE_PARTS"), (timex_find, "JOIN_CLOCK_AND_DAY"), (dates, "KEEP_ANCHOR_DETAIL"),
                       (dates, "COMPARISONS_STAY"), (dates, "GAME_PERIODS"), (event_timing, "PRESENT_KEEPS_NOW"),
                       (event_timing, "FUTURE_NOT_STORY"), (event_timing, "COMPARED_NOT_STORY"),
                       (event_timing, "AHEAD_IS_PLANNED"), (event_timing, "REPORTS_STAY_RECENT"),
                       (tense, "OPEN_ENDED_TENSE"), (timex, "NEAREST_PERIODS"), (timex_grammar, "RANGE_LENGTHS")):
        stage = "events" if flag is event_timing else "dates"  # the events switches move no MEANTIME column: dates only
        out[f"{stage}: no {what.lower().replace('_', ' ')}"] = (lambda o=flag, w=what: _patched(o, w, False))

    def vocab(drop):
        def switch():
            built = _vocabulary_without(drop)
            return _patched(events, "vocabulary", lambda: built)
        return switch

    out["events: no WordNet triggers for named types"] = vocab(lambda n, s, t: t.get("generated") and not s.get("generic"))
    out["events: no fallback (supersense) types"] = vocab(lambda n, s, t: s.get("generic"))
    out["events: no noun triggers"] = vocab(lambda n, s, t: "NOUN" in t.get("pos", "VERB"))
    out["events: hand-written triggers only"] = vocab(lambda n, s, t: t.get("generated") or s.get("generic"))
    out["events: verbs need an entity too"] = lambda: _patched(events.EventExtractor, "keep", _strict_keep)
    out["events: no bare nouns"] = lambda: _patched(events, "BARE_NOUNS", False)
    out["events: bare nouns as modifiers too"] = lambda: _patched(events, "_heads_its_phrase", lambda t: True)
    out["events: no control subjects"] = lambda: _patched(events, "_SUBJECT", frozenset({"-"}))
    del event_rules
    return out


def _strict_keep(self, e) -> bool:
    kind = self.vocab.types[e.type]
    if kind.needs_core and not e.participants(kind.core):
        return False
    return bool(e.roles)


def load(split: str) -> list[dict]:
    docs = []
    for gold_path in sorted(glob.glob(os.path.join(split, "gold", "*.json"))):
        gold = json.load(open(gold_path, encoding="utf-8"))
        text = open(os.path.join(split, gold["text_file"]), encoding="utf-8").read()
        docs.append({"name": gold["name"], "gold": gold, "dct": gold["dct"], "text": text})
    return docs


_PARSED: dict[str, list] = {}


def _dates_only_stages():
    """language, parse (each article parsed once per run, kept in memory) and dates: for the dates variants."""
    from newsgraph.pipeline import STAGES, replace_stage
    from newsgraph.understand import parse

    def parse_once(doc):
        key = doc.article.text
        if key not in _PARSED:
            _PARSED[key] = parse.parse(doc).scratch["parsed"]
        doc.scratch["parsed"] = _PARSED[key]
        return doc

    stages = tuple(s for s in STAGES if s.name in ("language", "parse", "dates"))
    return replace_stage(stages, "parse", parse_once)


def figures(docs: list[dict], dates_only: bool = False) -> dict:
    import meantime
    import newsgraph

    stages = {"stages": _dates_only_stages()} if dates_only else {}
    records = {d["name"]: json.loads(newsgraph.extract(d["text"], kind="text", published=d["dct"], **stages).to_json())
               for d in docs}
    res = meantime.score(docs, records, None, False)
    ev, tx = res["events"], res["timex_body"]
    return {"value_f1": tx["value"]["f1"], "relaxed_f1": tx["relaxed"]["f1"], "ev_recall": ev["raw_recall"],
            "ev_precision": ev["trigger_precision"], "events": ev["pred"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+")
    parser.add_argument("--only", help="comma-separated variant names (substrings) to run besides 'all'")
    parser.add_argument("--dates-only", action="store_true",
                        help="run only the dates stage (parses kept in memory): fast, for the dates variants")
    args = parser.parse_args(argv)
    docs = [d for split in args.splits for d in load(split)]
    table = variants()
    names = [n for n in table if n == "all" or not args.only or any(o in n for o in args.only.split(","))]
    base = None
    print(f"{len(docs)} documents from {', '.join(args.splits)}")
    print(f"{'variant':45} {'value F1':>9} {'relaxed':>8} {'ev recall':>10} {'ev prec':>8} {'events':>7}")
    for name in names:
        with table[name]():
            row = figures(docs, args.dates_only)
        row = {k: v if v is not None else 0.0 for k, v in row.items()}  # no events in a dates-only run
        base = base or row
        delta = "" if row is base else "  (" + ", ".join(
            f"{k} {row[k] - base[k]:+.3f}" for k in ("value_f1", "ev_recall", "ev_precision")) + ")"
        print(f"{name:45} {row['value_f1']:9.3f} {row['relaxed_f1']:8.3f} {row['ev_recall']:10.3f} "
              f"{row['ev_precision']:8.3f} {row['events']:7d}{delta}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
