"""Throughput of the whole `extract` pipeline against bare spaCy parsing, on one core.

    taskset -c 0 python benchmarks/bench_pipeline.py [--limit N]    # one core

Texts: the PolNeAR dev articles in ../shared (84 US political news
articles) when present, plus the seed and our fixtures. Prints, from one
run: words/s of bare spaCy (`nlp.pipe` over the same headlines, decks and paragraphs the
pipeline parses), words/s of the full pipeline (reader, parse, entities,
coref, quotes, dates, events, claims), their ratio, the share of each stage,
and the peak resident memory of the process.

Both sides are timed twice in the same run, by the wall clock (`time.perf_counter`) and by the CPU time of
this process (`time.process_time`). The target ratio is read on CPU time: on a machine shared with other
jobs the wall clock also counts the time the core spent on them (both sides take turns article by article,
so the wall-clock ratio is printed too, and agrees on an idle machine). Stage shares are of CPU time.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path

from newsgraph.inputs import decode
from newsgraph.pipeline import READERS, STAGES, Document, Stage

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus(limit: int | None) -> list[str]:
    paths = sorted((SHARED / "eval" / "polnear-dev" / "text").glob("*.txt"))
    paths += sorted((SHARED / "seed").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "text").glob("*/article.txt"))
    texts = [decode(p.read_bytes(), str(p)) for p in paths]
    return texts[:limit] if limit else texts


def timed(stage: Stage, seconds: dict) -> Stage:
    def run(doc: Document) -> Document:
        t = time.process_time()
        out = stage.fn(doc)
        seconds[stage.name] += time.process_time() - t
        return out

    return Stage(stage.name, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    texts = corpus(args.limit)

    from newsgraph.understand.fast_tags import stock
    from newsgraph.understand.parse import load_model, text_spans

    nlp = load_model()
    reader = READERS["text"]
    docs = [reader.fn(Document(raw=t, kind="text")) for t in texts]
    paragraphs = [d.article.text[a:b] for d in docs for a, b, _ in text_spans(d.article)]
    words = sum(len(p.split()) for p in paragraphs)
    with stock(nlp):
        list(nlp.pipe(paragraphs[:20]))  # warm up
    for text in texts[:3]:  # and the stages
        doc = Document(raw=text, kind="text")
        for stage in (reader, *STAGES):
            doc = stage.fn(doc)

    # Bare spaCy and the full pipeline take turns article by article, so that both meet the same machine load.
    seconds: dict[str, float] = defaultdict(float)
    stages = [timed(s, seconds) for s in (reader, *STAGES)]
    wall = {"bare": 0.0, "full": 0.0}
    cpu = {"bare": 0.0, "full": 0.0}
    for text, doc in zip(texts, docs):
        spans = text_spans(doc.article)
        t, c = time.perf_counter(), time.process_time()
        with stock(nlp):  # spaCy's own code throughout (our pipeline runs two of its components from tables)
            for _ in nlp.pipe([doc.article.text[a:b] for a, b, _ in spans]):
                pass
        wall["bare"] += time.perf_counter() - t
        cpu["bare"] += time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        run = Document(raw=text, kind="text")
        for stage in stages:
            run = stage.fn(run)
        wall["full"] += time.perf_counter() - t
        cpu["full"] += time.process_time() - c

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(texts)} articles, {len(paragraphs)} headlines, decks and paragraphs, {words:,} words")
    print(f"bare spaCy parse : {words / cpu['bare']:9,.0f} words/s CPU time  {words / wall['bare']:9,.0f} words/s wall clock")
    print(f"full pipeline    : {words / cpu['full']:9,.0f} words/s CPU time  {words / wall['full']:9,.0f} words/s wall clock"
          f"  ({cpu['full'] / len(texts) * 1000:.1f} ms CPU/article)")
    print(f"ratio            : {cpu['bare'] / cpu['full']:.2f} of bare spaCy throughput, CPU time (target >= 0.70); "
          f"wall clock {wall['bare'] / wall['full']:.2f}")
    for name, secs in seconds.items():
        print(f"  stage {name:9s} {secs / cpu['full'] * 100:5.1f} % of the CPU time  ({words / secs:,.0f} words/s alone)")
    print(f"peak memory      : {peak_mb:.0f} MB (target < 600 MB)")


if __name__ == "__main__":
    main()
