"""What each quote rule family adds on real gold: PolNeAR dev figures with one family switched off at a time.

    python benchmarks/quote_ablation.py [SPLIT_DIR] [--splits /work/splits | --parity] [--families all|none|NAME,...]

SPLIT_DIR (default ../shared/eval/polnear-dev) holds text/*.txt and attributions/*.ann, as `polnear.py`
reads them; the matching and the metrics are polnear.py's own (imported): strict content F1 and
content+speaker F1. `--splits DIR` also scores the look and held parts (DIR/polnear-look/text and
DIR/polnear-held/text name their articles); `--parity` cuts any split, such as PolNeAR's training split written by
`scripts/polnear_train.py`, by the same rule as `scripts/make_splits.py` (look when the SHA-1 of the article's name is
even). Every article goes once through the stages before quotes
(language, parse, entities, coref); each configuration then runs only the quotes stage on them. Prints
one table row per configuration (`all rules`, each family off, `no families`), then one JSON line.
Gold stays in ../shared: it is evaluation data, never shipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def load_script(path: Path, name: str):
    """A script of the project or of ../shared/eval, imported by path (none of them is a package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _polnear():
    return load_script(EVAL / "polnear.py", "polnear")


def gold_docs(polnear, split: Path) -> list[tuple[str, list]]:
    """(text path, gold attributions) per article; of several annotators the first, as polnear.py does."""
    docs, seen = [], set()
    for ann in sorted((split / "attributions").glob("*.ann")):
        base = re.sub(r"_[0-9a-f]{4}\.ann$", "", ann.name)
        if base in seen:
            continue
        seen.add(base)
        text = split / "text" / f"{base}.txt"
        docs.append((str(text), polnear.load_gold(str(ann), text.read_text(encoding="utf-8"))))
    return docs


def prepared(paths: list[str]) -> dict:
    """Each article as a pipeline Document after the stages the quotes stage needs."""
    import newsgraph
    from newsgraph import pipeline

    before = tuple(s for s in pipeline.STAGES[:[s.name for s in pipeline.STAGES].index("quotes")])
    kept: dict = {}

    def keep(doc):
        kept["doc"] = doc
        return doc

    out = {}
    for path in paths:
        newsgraph.extract(Path(path), stages=(*before, pipeline.Stage("keep", keep)))
        out[path] = kept.pop("doc")
    return out


def records(docs: dict) -> dict[str, dict]:
    from newsgraph.understand.quotes import extract_quotes

    return {path: {"quotes": [q.model_dump() for q in extract_quotes(doc).article.quotes]}
            for path, doc in docs.items()}


def score(polnear, gold: list[tuple[str, list]], recs: dict[str, dict], names: set[str] | None) -> tuple[float, float]:
    """Strict content F1 and content+speaker F1, as polnear.py counts them."""
    tp = both = npred = ngold = 0
    for path, attributions in gold:
        if names is not None and Path(path).stem not in names:
            continue
        preds = polnear.predictions(recs[path])
        pairs = polnear.match(preds, attributions, True)
        npred += len(preds)
        ngold += len(attributions)
        tp += len(pairs)
        for i, j in pairs:
            source = attributions[j]["source"]
            both += bool(preds[i]["source"] & source) if source else not preds[i]["source"]
    return polnear.prf(tp, npred, ngold)[2], polnear.prf(both, npred, ngold)[2]


def configurations(spec: str) -> list[tuple[str, tuple[str, ...]]]:
    from newsgraph.understand.quote_rules import FAMILIES

    every = tuple(FAMILIES)
    chosen = every if spec == "all" else () if spec == "none" else tuple(spec.split(","))
    return [("all rules", ()), *((f"- {name}", (name,)) for name in chosen), ("no families", every)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", nargs="?", type=Path, default=EVAL / "polnear-dev")
    parts = parser.add_mutually_exclusive_group()
    parts.add_argument("--splits", type=Path, help="folder with polnear-look/ and polnear-held/")
    parts.add_argument("--parity", action="store_true", help="also score look and held by make_splits.py's rule")
    parser.add_argument("--families", default="all", help="all, none, or comma-separated family names")
    args = parser.parse_args()
    from newsgraph.understand.quote_rules import QUOTE_RULES

    polnear = _polnear()
    gold = gold_docs(polnear, args.split)
    docs = prepared([p for p, _ in gold])
    parts: dict[str, set[str] | None] = {"whole": None}
    if args.splits:
        for part in ("look", "held"):
            parts[part] = {p.stem for p in (args.splits / f"polnear-{part}" / "text").glob("*.txt")}
    elif args.parity:
        part_of = load_script(ROOT / "scripts" / "make_splits.py", "make_splits").part_of
        for part in ("look", "held"):
            parts[part] = {Path(path).stem for path, _ in gold if part_of(Path(path).stem) == part}
    print("| configuration | " + " | ".join(f"{part} content / +speaker" for part in parts) + " |")
    print("|---" * (len(parts) + 1) + "|")
    results = {}
    for label, off in configurations(args.families):
        with QUOTE_RULES.off(*off):
            recs = records(docs)
        results[label] = {part: score(polnear, gold, recs, names) for part, names in parts.items()}
        print(f"| {label} | " + " | ".join(f"{c:.3f} / {s:.3f}" for c, s in results[label].values()) + " |",
              flush=True)
    print(json.dumps(results), file=sys.stderr)


if __name__ == "__main__":
    main()
