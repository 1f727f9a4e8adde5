"""Python's cyclic garbage collector paced for batch work (ingest, `Store.add_articles`).

Both make many short-lived objects and next to no reference cycles, while
what they keep (linking profiles, caches, the parsed model) grows: with
Python's default threshold the collector runs every 700 net allocations
and, every hundredth time, walks everything alive. On
`benchmarks/bench_store.py` (10,000 records) that was 11 % of the ingest's
CPU time, 3 % with a threshold of 10,000 (81 young, 8 middle and one full
collection) and 1 % with `BATCH_THRESHOLD` (4 young, one middle). Nothing
else changes: the same objects are freed, later.

The threshold is the process's, so blocks that overlap (two threads
ingesting into two stores) share one setting: the first block in sets it,
the last one out puts back what was there before the first. A threshold of
0 (automatic collection off) is left alone.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLD = 100_000  # net allocations between young-generation collections (Python's default: 700)

_lock = threading.Lock()
_depth = 0
_before: tuple[int, ...] = ()


@contextmanager
def batch_pace() -> Iterator[None]:
    """Collect young objects every BATCH_THRESHOLD allocations inside the block; the thresholds as they were after."""
    global _depth, _before
    with _lock:
        if _depth == 0:
            _before = gc.get_threshold()
            if _before[0]:
                gc.set_threshold(max(_before[0], BATCH_THRESHOLD), *_before[1:])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_before)
