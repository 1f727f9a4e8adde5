"""Train the scraped-text line model (src/newsgraph/data/text_lines.json) on the look half of the HTML dev pages.

    python scripts/train_text_lines.py [BENCH_DIR ...] [--cache DIR] [--trees 120] [--depth 3] [--out FILE]

Needs the training extra (`pip install -e ".[train]"`: scikit-learn) and the
renderers of benchmarks/scraped_text.py (the test extra and Debian's w3m).

Data: the aed-dev pages (Apache License 2.0) and the Zyte article-extraction
benchmark pages (MIT, (c) 2020 Scrapinghub), in ../shared/eval. Each page is
rendered to text by inscriptis, html2text and w3m; the text reader splits and
marks the lines as it does at run time; a free line of a page dump is
labelled body when at least half its word 4-grams occur in the page's gold
body; a line under four words, when the whole line occurs there and it
stands between the first and last longer body lines. Only the pages on the
*look* side of the shared split (sha1 of the page id even) are used; the held
side is only scored (printed here as line accuracy, and by the benchmark).

The model keeps no text: its features are numbers about a line's shape and
place (newsgraph.readers.text_lines.FEATURES). It is a gradient-boosted tree
ensemble (scikit-learn's GradientBoostingClassifier), each line weighted so
that every page counts the same, exported as plain trees to JSON and
evaluated at run time by newsgraph.readers.text_lines in pure Python.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data" / "text_lines.json"


def bench_module():
    """benchmarks/scraped_text.py, for its page lists, renderers, cache and split."""
    spec = importlib.util.spec_from_file_location("scraped_text", ROOT / "benchmarks" / "scraped_text.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["scraped_text"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def label(line: str, gold_grams: set, gold_joined: str) -> int:
    """1 when the line belongs to the gold body: half its word 4-grams there, or the whole short line."""
    words = _tokens(line)
    if not words:
        return 0
    if len(words) < 4:
        return int(f" {' '.join(words)} " in gold_joined)
    grams = [tuple(words[i:i + 4]) for i in range(len(words) - 3)]
    return int(sum(g in gold_grams for g in grams) * 2 >= len(grams))


def page_rows(text: str, gold: str):
    """(features, labels, words) of the free lines of a page dump, or None when the text is not a page dump."""
    from newsgraph.readers.text import classified_units
    from newsgraph.readers.text_lines import features
    from newsgraph.readers.text_region import find_region, is_page_dump

    units = classified_units(text)
    region = find_region(units) if units else None
    if region is None or not is_page_dump(units, region):
        return None
    gold_words = _tokens(gold)
    gold_grams = {tuple(gold_words[i:i + 4]) for i in range(len(gold_words) - 3)}
    gold_joined = f" {' '.join(gold_words)} "
    rows = features(units, region)
    chosen = [i for i, u in enumerate(units) if u.free]
    labels = {i: label(units[i].text, gold_grams, gold_joined) for i in chosen}
    long_body = [i for i in chosen if labels[i] and len(_tokens(units[i].text)) >= 4]
    for i in chosen:  # a short line found in the gold is body only between the first and last long body lines
        if labels[i] and len(_tokens(units[i].text)) < 4 and not (long_body and long_body[0] < i < long_body[-1]):
            labels[i] = 0
    return ([rows[i] for i in chosen], [labels[i] for i in chosen],
            [max(len(_tokens(units[i].text)), 1) for i in chosen])


def dataset(bench, benches, split: str, cache: Path):
    """Feature rows, labels, weights (each page sums to one) and page keys over all renderers."""
    X, y, w, pages = [], [], [], []
    for renderer in bench.RENDERERS:
        for folder in benches:
            for page_id, path, gold in bench.load_pages(folder, split):
                got = page_rows(bench.rendered(renderer, folder, page_id, path, cache), gold)
                if got is None or not got[0]:
                    continue
                rows, labels, words = got
                total = sum(words)
                X.extend(rows)
                y.extend(labels)
                w.extend(n / total for n in words)
                pages.extend([f"{renderer}/{page_id}"] * len(rows))
    return X, y, w, pages


def export(clf, threshold: float, feature_names) -> dict:
    """The fitted ensemble as plain trees."""
    import numpy as np

    trees = []
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        trees.append({"feature": [int(f) for f in t.feature], "threshold": [round(float(x), 6) for x in t.threshold],
                      "left": [int(c) for c in t.children_left], "right": [int(c) for c in t.children_right],
                      "value": [round(float(v), 6) for v in np.asarray(t.value)[:, 0, 0]]})
    return {"_doc": "Line model of the scraped-text reader (newsgraph.readers.text_lines): gradient-boosted trees "
                    "over the numeric FEATURES; log-odds = base + rate * sum of leaf values. Made by "
                    "scripts/train_text_lines.py; keeps no text.",
            "_source": "Trained on the look half (sha1 of page id even) of the aed-dev pages (Apache License 2.0) "
                       "and the Zyte article-extraction benchmark pages (MIT License, (c) 2020 Scrapinghub), "
                       "rendered by inscriptis, html2text and w3m; labels from their gold bodies.",
            "features": list(feature_names), "base": float(clf._raw_predict_init(np.zeros((1, len(feature_names))))[0, 0]),
            "rate": float(clf.learning_rate), "threshold": threshold, "trees": trees}


def rows_of(bench, benches, split: str, cache: Path, reuse: bool):
    """The dataset of one split, saved beside the renders (reused with --reuse-rows while tuning the trainer)."""
    import pickle

    saved = cache / f"text-lines-{split}.pickle"
    if reuse and saved.exists():
        return pickle.loads(saved.read_bytes())
    data = dataset(bench, benches, split, cache)
    saved.write_bytes(pickle.dumps(data))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", nargs="*", type=Path)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-scraped-text")
    parser.add_argument("--trees", type=int, default=120)
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--reuse-rows", action="store_true", help="reuse the feature rows of the last run")
    args = parser.parse_args(argv)
    import numpy as np
    from sklearn.ensemble import GradientBoostingClassifier

    from newsgraph.readers.text_lines import FEATURES

    bench = bench_module()
    benches = args.benches or list(bench.DEFAULT_BENCHES)
    X, y, w, _ = rows_of(bench, benches, "look", args.cache, args.reuse_rows)
    print(f"look: {len(y)} lines, {sum(y)} body", file=sys.stderr)
    clf = GradientBoostingClassifier(n_estimators=args.trees, max_depth=args.depth, learning_rate=0.1,
                                     subsample=0.8, random_state=0)
    clf.fit(np.array(X), np.array(y), sample_weight=np.array(w))
    model = export(clf, args.threshold, FEATURES)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    from newsgraph.readers.text_lines import Trees

    trees = Trees(model["base"], model["rate"], args.threshold,
                  tuple((tuple(t["feature"]), tuple(t["threshold"]), tuple(t["left"]), tuple(t["right"]),
                         tuple(t["value"])) for t in model["trees"]))
    for split in ("look", "held"):
        Xs, ys, ws, _ = (X, y, w, None) if split == "look" else rows_of(bench, benches, split, args.cache,
                                                                        args.reuse_rows)
        ours = np.array([trees.probability(r) for r in Xs])
        theirs = clf.predict_proba(np.array(Xs))[:, 1]
        agree = np.mean(np.abs(ours - theirs) < 1e-3)
        assert agree > 0.999, f"the exported trees disagree with scikit-learn on {1 - agree:.2%} of lines"
        hit = ((ours >= args.threshold) == np.array(ys)).astype(float)
        print(f"{split}: {len(ys)} lines, weighted line accuracy {np.dot(hit, ws) / sum(ws):.3f}, "
              f"plain {hit.mean():.3f}", file=sys.stderr)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
