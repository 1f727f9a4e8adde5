"""Which trafilatura mode the HTML reader uses, by measurement.

    python benchmarks/trafilatura_modes.py [--modes default,fast,...] [--limit N] [--jobs 2]

For each mode, on ../shared/eval/zyte and ../shared/eval/aed-dev, scores
the body with the benchmark's own scorer (../shared/eval/html_bench.py):

- trafilatura alone: `trafilatura.extract(html, **mode)`, lines as paragraphs;
- the reader with that mode: `newsgraph.readers.html.read_html` with
  `html_body.TRAFILATURA_OPTIONS` set to the mode (captions pruned first,
  furniture out after), plus caption recall and leaks.

Prints one table row per mode and benchmark. The reader's mode is the one
with the best body F1 over both benchmarks (see html_body.TRAFILATURA_OPTIONS).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import logging
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
BENCHES = ("zyte", "aed-dev")
MODES = {
    "default": {},
    "no_comments": {"include_comments": False},
    "precision": {"favor_precision": True, "include_comments": False},
    "recall": {"favor_recall": True, "include_comments": False},
    "fast": {"fast": True, "include_comments": False},
    "fast_precision": {"fast": True, "favor_precision": True, "include_comments": False},
    "fast_recall": {"fast": True, "favor_recall": True, "include_comments": False},
    "fast_no_tables": {"fast": True, "include_comments": False, "include_tables": False},
    "precision_no_tables": {"favor_precision": True, "include_comments": False, "include_tables": False},
}


def load_scorer():
    spec = importlib.util.spec_from_file_location("html_bench", SHARED / "html_bench.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def _run(job: tuple[str, dict, str]) -> tuple[dict, dict]:
    """One page in one mode: trafilatura's paragraphs and the reader's record fields."""
    import trafilatura

    from newsgraph.errors import InputError
    from newsgraph.inputs import decode
    from newsgraph.pipeline import Document
    from newsgraph.readers import html_body
    from newsgraph.readers.html import read_html

    path, mode, _ = job
    html = decode(gzip.decompress(Path(path).read_bytes()), path, "html")
    alone = trafilatura.extract(html, **mode) or ""
    html_body.TRAFILATURA_OPTIONS = {"include_tables": True, **mode}
    try:
        article = read_html(Document(raw=html, kind="html")).article
        ours = {"paragraphs": article.paragraphs, "media": [m.model_dump() for m in article.media]}
    except InputError:
        ours = {"paragraphs": [], "media": []}
    return {"paragraphs": alone.split("\n")}, ours


def score(scorer, bench: Path, ids: list[str], records: dict[str, dict]) -> dict:
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    prediction = {i: {"articleBody": "\n\n".join(records[i]["paragraphs"])} for i in ids}
    body = scorer.body_metrics({i: truth[i] for i in ids}, prediction)
    found = leaks = total = 0
    for i in ids:
        html = gzip.decompress((bench / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace")
        media = [set(scorer.words(f"{m.get('caption') or ''} {m.get('credit') or ''}")) for m in records[i].get("media", [])]
        text = " ".join(scorer.words(prediction[i]["articleBody"]))
        for caption in scorer.figcaptions(html):
            words = set(scorer.words(caption))
            if words:
                total += 1
                found += any(len(words & m) >= 0.8 * len(words) for m in media)
                leaks += " ".join(scorer.words(caption)) in text
    return {"f1": body["f1"], "p": body["precision"], "r": body["recall"],
            "caption_recall": found / total if total else None, "leaks": leaks}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated names from: " + ", ".join(MODES))
    parser.add_argument("--limit", type=int, help="the first N pages of each benchmark")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not SHARED.exists():
        raise SystemExit(f"{SHARED} is not present")
    logging.disable(logging.WARNING)
    scorer = load_scorer()
    print(f"{'bench':8} {'mode':20} {'trafilatura F1':>14} {'reader F1':>9} {'P':>6} {'R':>6} {'captions':>8} {'leaks':>5} {'s':>5}")
    with Pool(args.jobs) as pool:
        for name in args.modes.split(","):
            for bench_name in BENCHES:
                bench = SHARED / bench_name
                truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
                ids = sorted(i for i in truth if (bench / "html" / f"{i}.html.gz").exists())[:args.limit]
                start = time.perf_counter()
                jobs = [(str(bench / "html" / f"{i}.html.gz"), MODES[name], name) for i in ids]
                results = pool.map(_run, jobs, chunksize=4)
                alone = score(scorer, bench, ids, {i: r[0] for i, r in zip(ids, results)})
                ours = score(scorer, bench, ids, {i: r[1] for i, r in zip(ids, results)})
                print(f"{bench_name:8} {name:20} {alone['f1']:14.4f} {ours['f1']:9.4f} {ours['p']:6.3f} {ours['r']:6.3f} "
                      f"{ours['caption_recall']:8.3f} {ours['leaks']:5d} {time.perf_counter() - start:5.0f}", flush=True)


if __name__ == "__main__":
    main()
