"""Words per second of the scraped-text reader alone (layout: headline, body, pictures, furniture).

    python benchmarks/bench_text.py [--seconds 5]

Reads every scraped-text article it can find (the seed in ../shared, the
test fixtures and the samples), extracts them over and over for about the
given time, and prints the figures.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import newsgraph
from newsgraph.inputs import decode
from newsgraph.pipeline import READER_ONLY

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[str]:
    paths = [*sorted((ROOT.parent / "shared" / "seed").glob("*.txt")),
             *sorted((ROOT / "tests" / "fixtures" / "text").glob("*/article.txt")),
             *sorted((ROOT / "samples").glob("*.txt"))]
    return [decode(p.read_bytes(), str(p)) for p in paths]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    texts = corpus()
    words_per_round = sum(len(t.split()) for t in texts)
    newsgraph.extract(texts[0], kind="text", stages=READER_ONLY)  # load vocabularies once
    rounds, start = 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for text in texts:
            newsgraph.extract(text, kind="text", stages=READER_ONLY)
        rounds += 1
    elapsed = time.perf_counter() - start
    print(f"scraped text: {len(texts)} articles, {words_per_round:,} words a round, {rounds} rounds in {elapsed:.2f} s")
    print(f"  {rounds * words_per_round / elapsed:,.0f} words/s, {rounds * len(texts) / elapsed:,.1f} articles/s")


if __name__ == "__main__":
    main()
