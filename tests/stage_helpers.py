"""Stages that misbehave on purpose, for the budget tests: a service that hangs, a stage that eats memory.

They act only on articles whose text holds their trigger word and pass every other article through, so
a batch holds good articles and one bad one. Module-level callables: a worker process can import them.
"""

from __future__ import annotations

import time

HANG, HOG = "HANGS", "HOGS"


def hang(doc):
    """A call to a service that never answers, for an article that says HANGS."""
    if HANG in doc.raw:
        time.sleep(3600)
    return doc


def hog(doc):
    """Memory taken 50 MB at a time (up to 4 GB), for an article that says HOGS."""
    if HOG in doc.raw:
        held = []
        for _ in range(80):
            held.append(bytearray(50 * 1_048_576))
            time.sleep(0.02)
    return doc
