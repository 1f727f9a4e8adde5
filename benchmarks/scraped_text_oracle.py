"""How far a line classifier can go on the scraped-text dev set: the reader with a perfect line model.

    python benchmarks/scraped_text_oracle.py [BENCH_DIR ...] [--cache DIR] [--losses] [--json FILE]

For every render of benchmarks/scraped_text.py (three renderers, every page)
the text reader runs as shipped, except that the line model's probabilities
are replaced:

- `oracle`: 1 for the free lines whose training label is body (the labels
  scripts/train_text_lines.py derives from the gold), 0 for the others; the
  reader's steps after the model (header, pictures, repeats, footer, joining)
  run as they do, with `relative_threshold` and `inner_headings` switched off
  so that exactly the labelled lines are kept (`oracle+inner` keeps the
  inner-headings rule on);
- `stretch`: 1 for every free line of one contiguous stretch, the best one for
  the render: candidates start and end on labelled lines, are ranked by the
  shingles their lines share with the gold (0.52 precision + 0.48 recall,
  the weights of the global F1 near its operating point) and the best three
  are scored through the reader;
- `labels joined`: the labelled lines' text joined, without the reader.

Renders that are not page dumps never reach the line model; all three keep
the shipped reader's body there. `--losses` splits, on the look pages, the
gap between the shipped reader and the oracle into classes of page (see
`loss_class`). The body metric is html_bench.py's, as in scraped_text.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import scraped_text as bench  # noqa: E402
from train_text_lines import gold_labels  # noqa: E402

WEIGHT_P, WEIGHT_R = 0.52, 0.48  # d F1 / d mean precision and recall near P 0.90, R 0.93
STRETCH_TRIALS = 3
_COOKIE_LEGAL = re.compile(r"cookie|privacy|consent|terms of (use|service)|rights reserved|copyright|©|gdpr|"
                           r"personal data|advertis|subscri|newsletter|sign up|log ?in|register", re.I)


@contextlib.contextmanager
def line_verdicts(choose, off=("relative_threshold", "inner_headings")):
    """The reader with `choose(units, free indices)` -> kept unit indices standing in for the line model."""
    from newsgraph.readers import text, text_rules

    def body_lines(units, region):
        kept = choose(units, [i for i, u in enumerate(units) if u.free])
        return [1.0 if i in kept else 0.0 for i in range(len(units))]

    original = text.body_lines
    text.body_lines = body_lines
    try:
        with text_rules.switched_off(*off):
            yield
    finally:
        text.body_lines = original


@contextlib.contextmanager
def shipped_lines():
    """The shipped reader, recording the units of the page dump it reads, its free lines and their probabilities."""
    from newsgraph.readers import text

    seen: dict = {}
    original = text.body_lines

    def body_lines(units, region):
        probabilities = original(units, region)
        free = [i for i, u in enumerate(units) if u.free]  # the reader marks units after this: read them now
        seen.update(units=units, free=free, probabilities=probabilities)
        return probabilities

    text.body_lines = body_lines
    try:
        yield seen
    finally:
        text.body_lines = original


def labelled(gold: str):
    """A line chooser keeping the free units whose training label is body."""
    return lambda units, free: {i for i, v in gold_labels(units, free, gold).items() if v}


def shingle_counts(line: str, gold: Counter) -> tuple[int, int]:
    """(shingles of the line found in the gold, shingles of the line), by html_bench.py's own `shingles`."""
    grams = bench.html_bench().shingles(line)
    return sum(n for g, n in grams.items() if g in gold), sum(grams.values())


def stretches(units, free: list[int], labels: dict[int, int], gold: Counter) -> list[tuple[int, int]]:
    """Candidate stretches (first, last unit index), best first by their lines' shingle counts."""
    gold_total = max(sum(gold.values()), 1)
    counts = {i: shingle_counts(units[i].text, gold) for i in free}
    ranked = []
    for start, a in enumerate(free):
        if not labels[a]:
            continue
        hit = total = 0
        for i in free[start:]:
            hit, total = hit + counts[i][0], total + counts[i][1]
            if labels[i] and total:
                ranked.append((WEIGHT_P * hit / total + WEIGHT_R * min(hit / gold_total, 1.0), a, i))
    ranked.sort(reverse=True)
    return [(a, b) for _, a, b in ranked[:STRETCH_TRIALS]]


def page_score(gold: str, paragraphs: list[str]) -> dict:
    """Precision, recall and F1 of one render; precision None for an empty body (the metric leaves it out)."""
    shingles = bench.html_bench().shingles
    gold_s, pred_s = shingles(gold), shingles("\n\n".join(paragraphs))
    tp = sum((gold_s & pred_s).values())
    p = tp / sum(pred_s.values()) if paragraphs and sum(pred_s.values()) else None
    r = tp / sum(gold_s.values()) if sum(gold_s.values()) else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p and r else 0.0}


VARIANTS = ("shipped", "oracle", "oracle+inner", "stretch", "labels joined")


def read_render(text: str, gold: str) -> dict:
    """Every variant's body for one render, and (page dumps) the free lines: text, label, shipped probability."""
    with shipped_lines() as seen:
        shipped = bench.read_body(text)
    if not seen:
        return {name: shipped for name in VARIANTS} | {"lines": None}
    units, free = seen["units"], seen["free"]
    labels = gold_labels(units, free, gold)
    out = {"shipped": shipped, "lines": [(units[i].text, labels[i], seen["probabilities"][i]) for i in free]}
    with line_verdicts(labelled(gold)):
        out["oracle"] = bench.read_body(text)
    with line_verdicts(labelled(gold), off=("relative_threshold",)):
        out["oracle+inner"] = bench.read_body(text)
    out["labels joined"] = [units[i].text for i in free if labels[i]]
    best, best_value = [], None
    for a, b in stretches(units, free, labels, bench.html_bench().shingles(gold)):
        with line_verdicts(lambda _units, f, a=a, b=b: {i for i in f if a <= i <= b}):
            body = bench.read_body(text)
        s = page_score(gold, body)
        value = WEIGHT_P * (s["p"] or 0.0) + WEIGHT_R * s["r"]
        if best_value is None or value > best_value:
            best, best_value = body, value
    out["stretch"] = best
    return out


def run(benches: list[Path], cache: Path) -> list[dict]:
    """Every render of every page: renderer, bench, page id, split, gold and the variants' bodies."""
    renders = []
    for renderer in bench.RENDERERS:
        for folder in benches:
            for page_id, path, gold in bench.load_pages(folder, "all"):
                text = bench.rendered(renderer, folder, page_id, path, cache)
                renders.append({"renderer": renderer, "bench": folder.name, "page": page_id,
                                "split": bench.split_of(page_id), "gold": gold, **read_render(text, gold)})
    return renders


def table(renders: list[dict], metric) -> list[tuple[str, dict]]:
    """Body F1 (and P, R) of every variant: all renders, look, held, and per renderer."""
    def f1(chosen, name):
        truth = {k: {"articleBody": r["gold"]} for k, r in enumerate(chosen)}
        pred = {k: {"articleBody": "\n\n".join(r[name])} for k, r in enumerate(chosen)}
        return metric(truth, pred)

    parts = [("all", renders), ("look", [r for r in renders if r["split"] == "look"]),
             ("held", [r for r in renders if r["split"] == "held"])]
    parts += [(name, [r for r in renders if r["renderer"] == name]) for name in bench.RENDERERS]
    parts += [(f"{name} {split}", [r for r in renders if r["renderer"] == name and r["split"] == split])
              for name in bench.RENDERERS for split in ("look", "held")]
    return [(part, {name: f1(chosen, name) for name in VARIANTS}) for part, chosen in parts]


LOSS_CLASSES = ("under 0.5: gold not in the render", "under 0.5: kept text goes on past the gold", "under 0.5: other",
                "cookie / legal prose kept", "teaser blurbs kept", "lists, tables, crossheads dropped", "body prose dropped",
                "short lines kept (menus, labels)", "no line error (not a page dump, or the steps after the model)")
GOLD_MISSING_RECALL = 0.6  # the oracle's recall under this: much of the gold is not in the render at all
LONG_PROSE_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_LIST_MARK = re.compile(r"^(?:[*+•·‣◦▪►▸■□●○◆◇–—-]|\d{1,3}[.)]|o)\s+|\s{2,}|\t|\|")


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def loss_class(render: dict, shipped: dict, oracle: dict) -> str:
    """The class of a look render's loss, the first that applies.

    1. shipped F1 under 0.5 and the oracle's recall under 0.6: the gold is not what the render shows;
    2. shipped F1 under 0.5 and most of the words it keeps against the labels are long sentence lines after
       the last labelled line: prose goes on past the gold's end (a guide, report or live blog whose gold is
       its first part, or a list of teasers with full-sentence blurbs under a short story);
    3. other renders under 0.5;
    then, by the words of the lines the shipped model gets wrong against the labels, the largest of:
    4. kept lines naming cookies, privacy, terms, rights, consent, sign-up or advertising;
    5. other kept lines that end a sentence (teaser blurbs, promo copy, bios);
    6. dropped labelled lines that are list or table items or crossheads (a list mark, cells, no sentence end);
    7. dropped labelled lines that end a sentence;
    8. other kept lines (no sentence end: menus, labels, teaser headlines);
    9. none of these: the render is not a page dump, or its loss comes from the steps after the model.
    """
    if shipped["f1"] < 0.5:
        if oracle["r"] < GOLD_MISSING_RECALL:
            return LOSS_CLASSES[0]
        lines = render["lines"] or []
        last = max((k for k, (_, label, _) in enumerate(lines) if label), default=-1)
        wrong = [(k, t) for k, (t, label, p) in enumerate(lines) if not label and p >= 0.5]
        after = sum(_words(t) for k, t in wrong if k > last and _words(t) >= LONG_PROSE_WORDS
                    and _SENTENCE_END.search(t))
        if wrong and after * 2 >= sum(_words(t) for _, t in wrong):
            return LOSS_CLASSES[1]
        return LOSS_CLASSES[2]
    if not render["lines"]:
        return LOSS_CLASSES[8]
    weight = Counter()
    for text, label, p in render["lines"]:
        if not label and p >= 0.5:
            if _COOKIE_LEGAL.search(text):
                weight[3] += _words(text)
            elif _SENTENCE_END.search(text):
                weight[4] += _words(text)
            else:
                weight[7] += _words(text)
        elif label and p < 0.5:
            weight[5 if _LIST_MARK.search(text) or not _SENTENCE_END.search(text) else 6] += _words(text)
    return LOSS_CLASSES[weight.most_common(1)[0][0]] if weight else LOSS_CLASSES[8]


def losses(renders: list[dict], metric) -> list[tuple[str, int, float, float]]:
    """(class, renders, gap points, share) on look: each render's part of the shipped-to-oracle F1 gap.

    A render's part is 0.52 x its precision gain + 0.48 x its recall gain over the number of renders (the
    global F1's first-order terms), scaled so that the parts add up to the exact gap."""
    look = [r for r in renders if r["split"] == "look"]
    parts, classes = [], []
    for r in look:
        s, o = page_score(r["gold"], r["shipped"]), page_score(r["gold"], r["oracle"])
        gain_p = (o["p"] if o["p"] is not None else s["p"] or 0.0) - (s["p"] or 0.0)
        parts.append((WEIGHT_P * gain_p + WEIGHT_R * (o["r"] - s["r"])) / len(look))
        classes.append(loss_class(r, s, o))
    truth = {k: {"articleBody": r["gold"]} for k, r in enumerate(look)}
    gap = (metric(truth, {k: {"articleBody": "\n\n".join(r["oracle"])} for k, r in enumerate(look)})["f1"]
           - metric(truth, {k: {"articleBody": "\n\n".join(r["shipped"])} for k, r in enumerate(look)})["f1"])
    scale = gap / sum(parts) if sum(parts) else 1.0
    rows = []
    for name in LOSS_CLASSES:
        chosen = [p * scale for p, c in zip(parts, classes) if c == name]
        rows.append((name, len(chosen), sum(chosen), sum(chosen) / gap if gap else 0.0))
    negative = sum(p * scale for p in parts if p < 0)
    rows.append(("(renders where shipped beats the oracle, inside the rows above)",
                 sum(p < 0 for p in parts), negative, negative / gap if gap else 0.0))
    return rows


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("benches", nargs="*", type=Path, default=list(bench.DEFAULT_BENCHES))
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-scraped-text")
    parser.add_argument("--losses", action="store_true", help="the look side's shipped-to-oracle gap by class")
    parser.add_argument("--json", type=Path, help="write every render's scores and class here (outside the repo)")
    args = parser.parse_args(argv)
    metric = bench.html_bench().body_metrics
    renders = run(args.benches, args.cache)
    dumps = sum(r["lines"] is not None for r in renders)
    print(f"{len(renders)} renders, {dumps} page dumps (the others never reach the line model)")
    print(f"{'body F1 (P / R)':16}" + "".join(f"{name:>24}" for name in VARIANTS))
    for part, scores in table(renders, metric):
        print(f"{part:16}" + "".join(f"{scores[n]['f1']:.4f} ({scores[n]['precision']:.3f} / {scores[n]['recall']:.3f})"
                                     .rjust(24) for n in VARIANTS))
    if args.losses:
        print(f"\n{'look: class of render':66} {'renders':>7} {'points':>7} {'share':>6}")
        for name, count, points, share in losses(renders, metric):
            print(f"{name:66} {count:>7} {points:>7.4f} {share:>6.1%}")
    if args.json:
        rows = [{k: r[k] for k in ("renderer", "bench", "page", "split")}
                | {n: page_score(r["gold"], r[n]) for n in VARIANTS} for r in renders]
        args.json.write_text(json.dumps(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
