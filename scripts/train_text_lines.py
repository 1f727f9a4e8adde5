"""Train the scraped-text line model (src/newsgraph/data/text_lines.json) on the look half of the HTML dev pages.

    python scripts/train_text_lines.py [BENCH_DIR ...] [--cache DIR] [--trees 150] [--depth 4] [--one-stage]
                                       [--extra-corpus DIR ...] [--extra-weight 1.0] [--out FILE]

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

Extra training pages (`--extra-corpus DIR`, any number; every page of them is
trained on, none is scored): a folder in html_bench.py's layout
(html/<id>.html.gz and ground-truth.json with an articleBody per page), or a
checkout's test-page folder in Mozilla Readability's layout (one folder per
page holding source.html and the extracted expected.html, whose text stands
for the gold body), which is converted into the first layout under --cache.
Pages under 10 kB (the library's unit tests of one rule) are left out, and so
are pages py3langid does not read as English. `--extra-weight` scales their
pages against the dev pages (1.0: each page counts as much as a dev page).
The corpora stay outside the repository, like the dev pages; the shipped
weights keep no text of them. Tried (the shipped model uses none: see the
README's scraped-text section for the figures):

- Mozilla Readability's test pages, test/test-pages of
  github.com/mozilla/readability (commit ab4027a8b37669745016869a37a504727992b2ba), Apache License 2.0: news
  and blog pages saved from many sites, each with the library's extraction of it (a machine extraction, not a
  person's, so its labels are silver). At weight 1: body F1 whole 0.910, look 0.922, held 0.897 against
  0.914, 0.925, 0.903 without it (its gold keeps captions and headings the dev gold leaves out).

Looked at and left out: the web-content-extraction-benchmark bundle (Bevendorff et al. 2023; no licence for its
data, and its Scrapinghub part is the Zyte dev set), dragnet_data (CC BY 4.0, but its pages are Git LFS
objects this host cannot fetch), CleanEval and L3S-GN1 (no licence found).

The model keeps no text: its features are numbers about a line's shape and
place (newsgraph.readers.text_lines.FEATURES). It is two gradient-boosted tree
ensembles (scikit-learn's HistGradientBoostingClassifier), each line weighted
so that every page counts the same: the first reads a line's own features,
the second adds the first's probabilities on the lines around it (stacking;
trained on first-stage probabilities cross-fitted over five folds of pages, so
it never sees verdicts on lines the first stage was trained on). Both are
exported as plain trees to JSON and evaluated at run time by
newsgraph.readers.text_lines in pure Python.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import tempfile
from dataclasses import dataclass
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


@dataclass
class PageRows:
    """One rendered page dump: a feature row per unit, and labels and weights of its free units."""

    key: str
    words: list[int]
    rows: list[list[float]]
    free: list[int]
    labels: list[int]
    weights: list[float]


def page_rows(key: str, text: str, gold: str) -> PageRows | None:
    """The rows of a page dump, or None when the text is not a page dump (the model never judges it)."""
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
    free = [i for i, u in enumerate(units) if u.free]
    if not free:
        return None
    labels = {i: label(units[i].text, gold_grams, gold_joined) for i in free}
    long_body = [i for i in free if labels[i] and len(_tokens(units[i].text)) >= 4]
    for i in free:  # a short line found in the gold is body only between the first and last long body lines
        if labels[i] and len(_tokens(units[i].text)) < 4 and not (long_body and long_body[0] < i < long_body[-1]):
            labels[i] = 0
    words = [max(len(_tokens(units[i].text)), 1) for i in free]
    return PageRows(key, [u.words for u in units], features(units, region), free, [labels[i] for i in free],
                    [n / sum(words) for n in words])


def readability_layout(folder: Path, cache: Path) -> Path:
    """A folder of Readability test pages (NAME/source.html, NAME/expected.html) in html_bench.py's layout."""
    import gzip

    import py3langid

    out = cache / "extra" / folder.resolve().name
    if (out / "ground-truth.json").exists():
        return out
    (out / "html").mkdir(parents=True, exist_ok=True)
    truth = {}
    for source in sorted(folder.glob("*/source.html")):
        expected = source.with_name("expected.html")
        html = source.read_bytes()
        if len(html) < MIN_EXTRA_BYTES or not expected.exists():
            continue
        gold = block_text(expected.read_bytes())
        if py3langid.classify(gold)[0] != "en":
            continue
        page_id = f"{folder.resolve().name}-{source.parent.name}"
        (out / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html))
        truth[page_id] = {"articleBody": gold}
    (out / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return out


BLOCK_TAGS = frozenset("p div h1 h2 h3 h4 h5 h6 li blockquote pre td th tr figcaption section article ul ol dd dt br "
                       "table figure".split())
MIN_EXTRA_BYTES = 10_000


def block_text(html: bytes) -> str:
    """The text of an HTML fragment, one line per block element."""
    import lxml.html

    doc = lxml.html.fromstring(html)
    for el in doc.iter():
        if isinstance(el.tag, str) and el.tag in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in doc.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def extra_rows(bench, folders: list[Path], cache: Path, weight: float, reuse: bool) -> list[PageRows]:
    """The rows of every page of the extra corpora (all trained on), their weights scaled by `weight`."""
    pages = []
    for folder in folders:
        if not (folder / "ground-truth.json").exists():
            folder = readability_layout(folder, cache)
        pages.extend(rows_of(bench, [folder], "all", cache, reuse, name=f"extra-{folder.name}"))
    for page in pages:
        page.weights = [w * weight for w in page.weights]
    return pages


def dataset(bench, benches, split: str, cache: Path) -> list[PageRows]:
    """Every page dump of one split, under every renderer."""
    pages = []
    for renderer in bench.RENDERERS:
        for folder in benches:
            for page_id, path, gold in bench.load_pages(folder, split):
                got = page_rows(f"{renderer}/{page_id}", bench.rendered(renderer, folder, page_id, path, cache), gold)
                if got is not None:
                    pages.append(got)
    return pages


def fit(X, y, w, trees: int, depth: int):
    """A gradient-boosted tree ensemble (scikit-learn's histogram GBM)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(max_iter=trees, max_depth=depth, learning_rate=0.1, l2_regularization=1.0,
                                          min_samples_leaf=40, random_state=0).fit(X, y, sample_weight=w)


def export(clf) -> dict:
    """A fitted ensemble as plain trees: log-odds = base + sum of leaf values."""
    trees = []
    for (predictor,) in clf._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({"feature": [int(f) for f in nodes["feature_idx"]],
                      "threshold": [float(x) for x in nodes["num_threshold"]],
                      "left": [-1 if is_leaf else int(c) for c, is_leaf in zip(nodes["left"], leaf)],
                      "right": [-1 if is_leaf else int(c) for c, is_leaf in zip(nodes["right"], leaf)],
                      "value": [round(float(v), 6) for v in nodes["value"]]})
    return {"base": float(clf._baseline_prediction.ravel()[0]), "rate": 1.0, "trees": trees}


def stacked(pages: list[PageRows], first_of) -> tuple:
    """Second-stage rows of the free units: own features plus the context of the first stage's probabilities."""
    from newsgraph.readers.text_lines import context

    X, y, w = [], [], []
    for page in pages:
        first = first_of(page)
        extra = context(page.words, first)
        X.extend(page.rows[i] + extra[i] for i in page.free)
        y.extend(page.labels)
        w.extend(page.weights)
    return X, y, w


def first_rows(pages: list[PageRows]):
    import numpy as np

    X = np.array([r for p in pages for r in (p.rows[i] for i in p.free)])
    y = np.array([label for p in pages for label in p.labels])
    w = np.array([x for p in pages for x in p.weights])
    return X, y, w


def cross_fitted(pages: list[PageRows], trees: int, depth: int, folds: int = 5) -> dict[str, list[float]]:
    """First-stage probabilities of every unit of every page from a model that did not see the page."""
    import numpy as np

    by_id = sorted({p.key.split("/", 1)[1] for p in pages})
    out = {}
    for k in range(folds):
        test_ids = set(by_id[k::folds])  # every render of a page falls in the same fold
        train = [p for p in pages if p.key.split("/", 1)[1] not in test_ids]
        clf = fit(*first_rows(train), trees, depth)
        for p in pages:
            if p.key.split("/", 1)[1] in test_ids:
                out[p.key] = list(clf.predict_proba(np.array(p.rows))[:, 1])
    return out


def rows_of(bench, benches, split: str, cache: Path, reuse: bool, name: str = "") -> list[PageRows]:
    """The rows of one split, saved beside the renders (reused with --reuse-rows while tuning the trainer)."""
    import pickle

    saved = cache / f"text-lines-{name or split}.pickle"
    if reuse and saved.exists():
        return pickle.loads(saved.read_bytes())
    data = dataset(bench, benches, split, cache)
    saved.write_bytes(pickle.dumps(data))
    return data


def extra_note(folders: list[Path], weight: float) -> str:
    """The model's source note on its extra training corpora (their sources and licences: this script's docstring)."""
    if not folders:
        return ""
    return (f" Also trained on every page of the extra corpora {', '.join(f.name for f in folders)} (weight "
            f"{weight:g}; sources and licences in the script's docstring).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", nargs="*", type=Path)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-scraped-text")
    parser.add_argument("--trees", type=int, default=150)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--one-stage", action="store_true", help="no second (stacked) stage")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--reuse-rows", action="store_true", help="reuse the feature rows of the last run")
    parser.add_argument("--extra-corpus", type=Path, action="append", default=[],
                        help="more training pages: html_bench.py's layout or Readability's test pages")
    parser.add_argument("--extra-weight", type=float, default=1.0, help="weight of an extra page against a dev page")
    args = parser.parse_args(argv)
    import numpy as np

    from newsgraph.readers.text_lines import CONTEXT, FEATURES, LineModel, Trees

    bench = bench_module()
    benches = args.benches or list(bench.DEFAULT_BENCHES)
    look = rows_of(bench, benches, "look", args.cache, args.reuse_rows)
    extra = extra_rows(bench, args.extra_corpus, args.cache, args.extra_weight, args.reuse_rows)
    train = look + extra
    print(f"look: {len(look)} page renders, {sum(len(p.free) for p in look)} lines; extra: {len(extra)} page renders, "
          f"{sum(len(p.free) for p in extra)} lines", file=sys.stderr)
    first = fit(*first_rows(train), args.trees, args.depth)
    stages = [export(first)]
    if not args.one_stage:
        oof = cross_fitted(train, args.trees, args.depth)
        second = fit(*map(np.array, stacked(train, lambda p: oof[p.key])), args.trees, args.depth)
        stages.append(export(second))
    model = {"_doc": "Line model of the scraped-text reader (newsgraph.readers.text_lines): gradient-boosted trees "
                     "over the numeric FEATURES (stage 1), then FEATURES + CONTEXT (stage 2, the first stage's "
                     "probabilities around the line); log-odds = base + rate * sum of leaf values. Made by "
                     "scripts/train_text_lines.py; keeps no text.",
             "_source": "Trained on the look half (sha1 of page id even) of the aed-dev pages (Apache License 2.0) "
                        "and the Zyte article-extraction benchmark pages (MIT License, (c) 2020 Scrapinghub), "
                        "rendered by inscriptis, html2text and w3m; labels from their gold bodies."
                        + extra_note(args.extra_corpus, args.extra_weight),
             "features": list(FEATURES), "context": list(CONTEXT), "threshold": args.threshold, "stages": stages}
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    trees = [Trees.from_json(s) for s in stages]
    line_model = LineModel(trees[0], trees[1] if len(trees) > 1 else None, args.threshold)
    for split in ("look", "held"):
        pages = look if split == "look" else rows_of(bench, benches, split, args.cache, args.reuse_rows)
        X1, y, w = first_rows(pages)
        ours = np.array([line_model.first.probability(list(r)) for r in X1])
        agree = np.mean(np.abs(ours - first.predict_proba(X1)[:, 1]) < 1e-3)
        assert agree > 0.999, f"the exported trees disagree with scikit-learn on {1 - agree:.2%} of lines"
        if line_model.second is not None:
            X2, _, _ = stacked(pages, lambda p: [line_model.first.probability(r) for r in p.rows])
            ours = np.array([line_model.second.probability(r) for r in X2])
        hit = ((ours >= args.threshold) == y).astype(float)
        print(f"{split}: {len(y)} lines, weighted line accuracy {np.dot(hit, w) / w.sum():.3f}, "
              f"plain {hit.mean():.3f}", file=sys.stderr)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
