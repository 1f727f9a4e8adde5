"""How well events' `modality` agrees with MEANTIME's factuality gold, on records `meantime.py --save` wrote.

    python ../shared/eval/meantime.py ../shared/eval/meantime --save records.jsonl
    python benchmarks/event_modality.py records.jsonl [--gold ../shared/eval/meantime] [--splits /work/splits]
                                        [--show look|held [--examples 10]]

MEANTIME marks every event mention with a polarity (POS, NEG), a certainty (CERTAIN, PROBABLE, POSSIBLE) and its
grammatical tense. A record event whose evidence overlaps a gold mention is compared with it:

- gold NEG is `negated` (our `negated` and `denied`);
- gold PROBABLE or POSSIBLE is `uncertain` (our `hypothetical`);
- gold future tense is `future` (our `planned`);
- gold CERTAIN and POS is `asserted`; a mention left underspecified is not counted.

MEANTIME gives a plan ("plans to sell") CERTAIN and its infinitive no future tense, so `planned` events of that
kind count against `future` precision; the `asserted` row is the one a user filtering "what happened" relies on.
Prints accuracy and per-class precision and recall for the whole set and the look and held parts
(`--splits`: folders meantime-look and meantime-held with text/ files); `--show` lists the disagreements of one
part. Stdlib only.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = {"asserted": "asserted", "negated": "negated", "denied": "negated", "hypothetical": "uncertain",
        "planned": "future"}
CLASSES = ("asserted", "negated", "uncertain", "future")


def gold_class(mention: dict) -> str | None:
    if mention.get("polarity") == "NEG":
        return "negated"
    if mention.get("tense") == "FUTURE":
        return "future"
    if mention.get("certainty") in ("POSSIBLE", "PROBABLE"):
        return "uncertain"
    if mention.get("certainty") == "CERTAIN" and mention.get("polarity") == "POS":
        return "asserted"
    return None


def part_of(splits: Path | None) -> dict[str, str]:
    if splits is None:
        return {}
    return {p.stem: part for part in ("look", "held") for p in (splits / f"meantime-{part}" / "text").glob("*.txt")}


def compare(records: list[dict], gold_dir: Path, parts: dict[str, str]):
    """Counts of (gold class, our class) per part, and the disagreements with their context."""
    counts: dict[str, Counter] = defaultdict(Counter)
    shown: dict[str, list[str]] = defaultdict(list)
    for record in records:
        name = record["_name"]
        gold = json.loads((gold_dir / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        text, part = record["text"], parts.get(name, "whole")
        for event in record.get("events", []):
            evidence = event.get("evidence")
            if not evidence:
                continue
            start, end = evidence["start"], evidence["end"]
            mention = next((m for m in gold["event_mentions"] if m["start"] < end and start < m["end"]), None)
            if mention is None or (wanted := gold_class(mention)) is None:
                continue
            got = OURS[event["modality"]]
            for key in {part, "whole"}:
                counts[key][wanted, got] += 1
            if wanted != got:
                line_start = text.rfind("\n", 0, start) + 1
                shown[part].append(f"gold {wanted}, ours {got}: {text[max(line_start, start - 90):start]}"
                                   f"<<{text[start:end]}>>{text[end:end + 50].split(chr(10))[0]}")
    return counts, shown


def report(name: str, counts: Counter) -> None:
    total = sum(counts.values())
    right = sum(n for (a, b), n in counts.items() if a == b)
    print(f"{name}: {total} events on gold mentions, accuracy {right / max(total, 1):.3f}")
    for cls in CLASSES:
        gold = sum(n for (a, _), n in counts.items() if a == cls)
        pred = sum(n for (_, b), n in counts.items() if b == cls)
        hit = counts[cls, cls]
        print(f"  {cls:10s} gold {gold:4d}  ours {pred:4d}  P {hit / max(pred, 1):.3f}  R {hit / max(gold, 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "meantime")
    parser.add_argument("--splits", type=Path, default=None)
    parser.add_argument("--show", choices=("look", "held", "whole"))
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.records.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts, shown = compare(records, args.gold, part_of(args.splits))
    for part in ("whole", "look", "held"):
        if part in counts:
            report(part, counts[part])
    if args.show:
        for line in shown[args.show][:args.examples]:
            print("  " + line)


if __name__ == "__main__":
    main()
