"""Pages per second of the HTML reader next to trafilatura alone, on the same pages.

    python benchmarks/bench_html.py [--rounds 2] [--limit N]

Reads the pages of ../shared/eval/zyte and ../shared/eval/aed-dev (when
present; the test fixtures otherwise), decodes them once, then times, on
the same pages in the same run, page by page in turn (so that load from
other processes falls on both alike; CPU time of this process, not wall
time):

- trafilatura alone: `trafilatura.extract(html, **TRAFILATURA_OPTIONS)`,
  the mode the reader uses;
- the reader: `newsgraph.readers.html.read_html` on a `Document` (parse,
  figures, metadata, trafilatura, furniture, the article record).

Prints pages/s of each and the ratio of the times; the reader's extra work
should cost at most half of trafilatura's time again (ratio <= 1.5).
"""

from __future__ import annotations

import argparse
import gzip
import logging
import time
from pathlib import Path

import trafilatura

from newsgraph.errors import InputError
from newsgraph.inputs import decode
from newsgraph.pipeline import Document
from newsgraph.readers.html import read_html
from newsgraph.readers.html_body import TRAFILATURA_OPTIONS

ROOT = Path(__file__).resolve().parents[1]
BENCHES = ("zyte", "aed-dev")
MAX_RATIO = 1.5


def corpus(limit: int | None) -> list[str]:
    """The decoded benchmark pages (or the HTML test fixtures when ../shared is absent)."""
    shared = ROOT.parent / "shared" / "eval"
    paths = [p for b in BENCHES for p in sorted((shared / b / "html").glob("*.html.gz"))]
    paths = paths or sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))
    pages = []
    for path in paths[:limit]:
        data = path.read_bytes()
        pages.append(decode(gzip.decompress(data) if path.suffix == ".gz" else data, str(path), "html"))
    return pages


def time_trafilatura(html: str) -> float:
    start = time.process_time()
    trafilatura.extract(html, **TRAFILATURA_OPTIONS)
    return time.process_time() - start


def time_reader(html: str) -> float:
    start = time.process_time()
    try:
        read_html(Document(raw=html, kind="html"))
    except InputError:
        pass  # a page with no article costs its time like the others
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds over the pages")
    parser.add_argument("--limit", type=int, help="use only the first N pages")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # trafilatura logs every page it discards
    pages = corpus(args.limit)
    for html in pages[:5]:  # imports and vocabularies, not timed
        time_reader(html)
        time_trafilatura(html)
    ours = theirs = 0.0
    for _ in range(args.rounds):
        for html in pages:
            theirs += time_trafilatura(html)
            ours += time_reader(html)
    n = len(pages) * args.rounds
    ratio = ours / theirs
    print(f"{len(pages)} pages x {args.rounds} rounds, trafilatura options {TRAFILATURA_OPTIONS}")
    print(f"  trafilatura alone  {n / theirs:7.1f} pages/s  ({1000 * theirs / n:.1f} ms/page CPU)")
    print(f"  newsgraph reader   {n / ours:7.1f} pages/s  ({1000 * ours / n:.1f} ms/page CPU)")
    print(f"  time ratio reader/trafilatura: {ratio:.2f} ({'within' if ratio <= MAX_RATIO else 'OVER'} the {MAX_RATIO} budget)")


if __name__ == "__main__":
    main()
