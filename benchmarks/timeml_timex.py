"""Time expressions scored on TimeML news (TempEval-3's TimeBank and AQUAINT) by `meantime.py`'s own scorer.

    python benchmarks/timeml_timex.py DIR [DIR ...] [--verbose] [--json]

Each DIR holds TimeML files (`*.tml`), such as `data/TempEval3/Training/TBAQ-cleaned/TimeBank` and `.../AQUAINT`
of the GitHub repository qiangning/StructTempRel-EMNLP17 (TempEval-3's cleaned training data: TimeBank 1.2, 183
articles, and AQUAINT, 73; news of 1989-2000; evaluation only, the files stay outside the project).

Each file becomes a document in the layout of ../shared/eval/meantime, in memory: the file's TITLE on one line
(or, without one, a title of our own with no time in it, "News story"), a blank line, the creation time (DCT)
written as a date line ("January 8, 1998"), a blank line, then the file's TEXT from its first character that is no
space. Its TIMEX3s (with their type and value) are the gold, the DCT aside; every sentence is annotated, so the
whole text is the annotated region and "body" is everything after the date line. Each article goes through
`newsgraph.extract` as scraped text, the DCT as its publication date, and `meantime.score` (imported from
../shared/eval) scores the records, so the figures are those `meantime.py` prints: strict, relaxed and value F1
of the body. Prints one line per DIR, then the pooled figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent / "shared" / "eval"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeml import flatten  # noqa: E402

TITLE = "News story"


def parse_tml(path: Path) -> dict:
    """A document as `meantime.score` reads it: name, text, dct and gold (sentences, region, timex)."""
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    published = (dct.get("value") or "")[:10]
    day = date.fromisoformat(published)
    title = " ".join((root.findtext("TITLE") or "").split()) or TITLE
    head = f"{title}\n\n{day:%B} {day.day}, {day.year}\n\n"
    text_node = root.find("TEXT")
    if text_node.text:  # the body starts at its first character that is not a space
        text_node.text = text_node.text.lstrip()
    text, tags = flatten(text_node, head)
    text = text.rstrip() + "\n"
    timex = [{"m_id": el.get("tid"), "start": start, "end": end, "text": "".join(el.itertext()),
              "type": el.get("type"), "value": el.get("value"), "function": el.get("functionInDocument") or "NONE"}
             for el, start, end in tags if el.tag == "TIMEX3"]
    date_line = len(title) + 2
    gold = {"name": path.stem, "dct": published,
            "sentences": [{"index": 0, "start": 0, "end": len(title)},
                          {"index": 1, "start": date_line, "end": len(head) - 2},
                          {"index": 2, "start": len(head), "end": len(text)}],
            "annotated_region": {"start": 0, "end": len(text)},
            "entity_mentions": [], "event_mentions": [], "timex": timex}
    return {"name": path.stem, "text": text, "dct": published, "gold": gold}


def records_of(docs: list[dict]) -> dict[str, dict]:
    """Each document's record, by name (a document newsgraph refuses is reported and left out)."""
    import newsgraph

    records = {}
    for d in docs:
        try:
            article = newsgraph.extract(d["text"], kind="text", published=d["dct"])
        except newsgraph.InputError as exc:
            print(f"{d['name']}: {exc}", file=sys.stderr)
            continue
        records[d["name"]] = json.loads(article.to_json())
    return records


def figures(docs: list[dict], records: dict[str, dict] | None = None, verbose: bool = False) -> dict:
    """`meantime.score`'s time-expression figures of the body, the records made here unless given."""
    import meantime

    res = meantime.score(docs, records_of(docs) if records is None else records, None, verbose)
    tx = res["timex_body"]
    return {"documents": len(docs), "gold": tx["gold"], "pred": tx["pred"], "strict_f1": tx["strict"]["f1"],
            "relaxed_f1": tx["relaxed"]["f1"], "value_f1": tx["value"]["f1"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--verbose", action="store_true", help="meantime.py's list of misses and wrong values")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line at the end")
    args = parser.parse_args(argv)
    every, records, out = [], {}, {}
    for folder in args.dirs:
        docs = [parse_tml(p) for p in sorted(folder.glob("*.tml"))]
        made = records_of(docs)
        every += docs
        records.update(made)
        out[folder.name] = row = figures(docs, made, args.verbose)
        print(f"{folder.name}: {row['documents']} documents, gold {row['gold']} pred {row['pred']}, strict F1 "
              f"{row['strict_f1']:.3f}, relaxed {row['relaxed_f1']:.3f}, value {row['value_f1']:.3f}")
    if len(args.dirs) > 1:
        out["pooled"] = row = figures(every, records)
        print(f"pooled: strict F1 {row['strict_f1']:.3f}, relaxed {row['relaxed_f1']:.3f}, "
              f"value {row['value_f1']:.3f}")
    if args.json:
        print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
