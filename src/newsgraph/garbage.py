"""Python's cyclic garbage collector paced for batch work (ingest, extract).

Both make many short-lived objects and next to no reference cycles, while
what they keep (linking profiles, caches, the parsed model) grows: with
Python's default threshold the collector runs every 700 net allocations
and, every hundredth time, walks everything alive. On
`benchmarks/bench_store.py` (10,000 records) that was 11 % of the ingest's
CPU time, 3 % with `BATCH_THRESHOLD`. Nothing else changes: the same
objects are freed, later.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLD = 10_000  # net allocations between young-generation collections (Python's default: 700)


@contextmanager
def batch_pace() -> Iterator[None]:
    """Collect young objects every BATCH_THRESHOLD allocations inside the block; the thresholds as they were after."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], BATCH_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
