"""Events' dates scored on TimeML's gold links between events and times (TempEval-3's TimeBank and AQUAINT).

    python benchmarks/event_dates.py DIR [DIR ...] [--show N] [--json]

Each DIR holds TimeML files (`*.tml`), such as `data/TempEval3/Training/TBAQ-cleaned/TimeBank` and `.../AQUAINT`
of the GitHub repository qiangning/StructTempRel-EMNLP17 (TempEval-3's cleaned training data; evaluation only, the
files stay outside the project). Each file's title and text go through `newsgraph.extract` as scraped text, its
creation time (DCT) as the publication date.

The gold date of an event is the value of the time expression a TLINK puts it in or at: the event IS_INCLUDED in,
DURING or SIMULTANEOUS with the time (or the time INCLUDES it); the creation time counts too ("said" IS_INCLUDED in
the DCT: it happened on the day of publication). Only values of a year or finer (1998, 1998-08, 1998-08-07,
1998-Q3, 1998-W32) are kept. A record event whose evidence overlaps a gold event with a gold date is compared with it:

- *own*: the event's date is its own (its sentence states it, or a frame: "during the talks on Friday");
- *inherited*: the date the story was last told at (`date.inherited`);
- right when our value equals the gold value, or names the same day, month or year at a coarser or finer
  granularity ("1998-08" for "1998-08-07" counts as *compatible*, reported apart).

Prints, for own and inherited dates apart: how many events carry one, how many are right, compatible or wrong,
and how many events with a gold date have none. Stdlib and newsgraph only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeml import flatten  # noqa: E402

AT = {("event", "IS_INCLUDED"), ("event", "DURING"), ("event", "SIMULTANEOUS"), ("event", "IDENTITY"),
      ("time", "INCLUDES"), ("time", "SIMULTANEOUS"), ("time", "DURING_INV"), ("time", "IDENTITY")}
DATED = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|W\d{2}|H[12]))?$")


def parse_tml(path: Path) -> dict:
    """Text (title, blank line, body), gold events with their offsets, and each event's gold date value."""
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    title = (root.findtext("TITLE") or "").strip()
    text, tags = flatten(root.find("TEXT"), title + "\n\n" if title else "")
    events = {el.get("eid"): (start, end) for el, start, end in tags if el.tag == "EVENT"}
    times = {el.get("tid"): el.get("value") or "" for el, _, _ in tags if el.tag == "TIMEX3"}
    times[dct.get("tid")] = dct.get("value") or ""
    instance = {m.get("eiid"): m.get("eventID") for m in root.iter("MAKEINSTANCE")}
    gold: dict[str, str] = {}
    for link in root.iter("TLINK"):
        rel = link.get("relType")
        if link.get("eventInstanceID") and link.get("relatedToTime"):
            event, time, side = instance.get(link.get("eventInstanceID")), link.get("relatedToTime"), "event"
        elif link.get("timeID") and link.get("relatedToEventInstance"):
            event, time, side = instance.get(link.get("relatedToEventInstance")), link.get("timeID"), "time"
        else:
            continue
        value = times.get(time, "")[:10]
        if event in events and (side, rel) in AT and DATED.match(value):
            gold.setdefault(event, value)
    return {"name": path.stem, "text": text, "dct": (dct.get("value") or "")[:10],
            "events": {eid: span for eid, span in events.items() if eid in gold}, "gold": gold}


def verdict(ours: str, gold: str) -> str:
    if ours == gold:
        return "right"
    if ours.startswith(gold) or gold.startswith(ours):
        return "compatible"
    return "wrong"


def score(docs: list[dict]) -> tuple[Counter, list[str]]:
    import newsgraph

    counts: Counter = Counter()
    notes: list[str] = []
    for doc in docs:
        try:
            article = newsgraph.extract(doc["text"], kind="text", published=doc["dct"] or None)
        except newsgraph.InputError as exc:
            print(f"{doc['name']}: {exc}", file=sys.stderr)
            continue
        spans = sorted((s, e, eid) for eid, (s, e) in doc["events"].items())
        seen = set()
        for event in article.events:
            if event.evidence is None:
                continue
            hit = next((eid for s, e, eid in spans if s < event.evidence.end and event.evidence.start < e), None)
            if hit is None or hit in seen:
                continue
            seen.add(hit)
            gold = doc["gold"][hit]
            if event.date is None or not event.date.value:
                counts["none"] += 1
                continue
            kind = "inherited" if event.date.inherited else "own"
            v = verdict(event.date.value, gold)
            counts[kind, v] += 1
            if v == "wrong":
                s = event.evidence.start
                line = doc["text"][max(0, s - 80):s + 40].replace("\n", " ")
                notes.append(f"{kind} {doc['name']}: {event.evidence.text!r} ours {event.date.value} "
                             f"({event.date.text!r}) gold {gold} | ...{line}")
        counts["gold events"] += len(doc["events"])
        counts["matched"] += len(seen)
    return counts, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print the first N wrong dates")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    docs = [parse_tml(p) for d in args.dirs for p in sorted(d.glob("*.tml"))]
    counts, notes = score(docs)
    figures = {"documents": len(docs), "gold_dated_events": counts["gold events"], "matched": counts["matched"],
               "no_date": counts["none"]}
    for kind in ("own", "inherited"):
        n = sum(counts[kind, v] for v in ("right", "compatible", "wrong"))
        figures[kind] = {"dated": n, **{v: counts[kind, v] for v in ("right", "compatible", "wrong")},
                         "right_share": round(counts[kind, "right"] / n, 3) if n else None}
    if args.json:
        print(json.dumps(figures))
        return 0
    print(f"{figures['documents']} documents, {figures['gold_dated_events']} events with a gold date, "
          f"{figures['matched']} found, {figures['no_date']} of them with no date")
    for kind in ("own", "inherited"):
        f = figures[kind]
        print(f"  {kind:9} {f['dated']:5} dated: right {f['right']}, compatible {f['compatible']}, "
              f"wrong {f['wrong']} (right {f['right_share']})")
    for note in notes[:args.show]:
        print("  " + note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
