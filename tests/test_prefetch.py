"""The prefetching thread: items in order, computed only when asked, exceptions passed on, never left running."""

from __future__ import annotations

import threading
import time
from contextlib import nullcontext

import pytest

from newsgraph.prefetch import Prefetch


def prefetch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "newsgraph-prefetch"]


def counted(n: int, computed: list[int]):
    """The numbers 0..n-1, each noted in `computed` as the thread makes it."""
    for number in range(n):
        computed.append(number)
        yield number


def test_items_come_in_order_and_the_thread_ends():
    with Prefetch(iter(range(50))) as items:
        assert list(items) == list(range(50))
    assert prefetch_threads() == []


def test_the_next_item_is_computed_only_when_asked():
    computed: list[int] = []
    with Prefetch(counted(5, computed)) as items:
        seen = iter(items)
        assert next(seen) == 0
        time.sleep(0.05)
        assert computed == [0]  # nothing ahead until asked
        items.start_next()
        items.start_next()  # (asked twice: still one item ahead)
        time.sleep(0.05)
        assert computed == [0, 1]
        assert next(seen) == 1 and next(seen) == 2
    assert prefetch_threads() == []


def test_an_exception_computing_an_item_reaches_the_caller_after_the_items_before_it():
    def failing():
        yield "first"
        raise OSError("disk went away")

    got = []
    with pytest.raises(OSError, match="disk went away"), Prefetch(failing()) as items:
        got.extend(items)
    assert got == ["first"] and prefetch_threads() == []


@pytest.mark.parametrize("stop", [None, KeyboardInterrupt, RuntimeError])
def test_a_caller_that_stops_early_leaves_no_thread(stop):
    """A `break`, Ctrl-C or an error in the caller: the thread stops after at most the item it computes."""
    computed: list[int] = []
    with pytest.raises(stop) if stop else nullcontext(), Prefetch(counted(10**6, computed)) as items:
        for number in items:
            items.start_next()
            if number == 3:
                if stop:
                    raise stop()
                break
    assert prefetch_threads() == []
    assert len(computed) <= 5  # at most one item past the last taken


def test_iterating_again_after_the_end_or_close_gives_nothing_and_does_not_wait():
    with Prefetch(iter([1, 2])) as items:
        assert list(items) == [1, 2] and list(items) == []
    assert list(items) == []
