"""The next item of an iterable computed in a background thread while the caller waits on the database.

Ingesting records commits a transaction per chunk of them; the commit (and
SQLite's search index of the chunk, written just before it) runs inside
the database, which lets go of Python's GIL meanwhile. Preparing the next
chunk in another thread (reading, validating and signing it, or, where
`newsgraph.records` has a worker process, taking in what the worker made:
its lines validated again, its groups made again) then costs no wall-clock
time. The thread works only when asked (`start_next`, before the commit),
never while the writer runs Python: a thread left to run ahead took the
GIL each time the writer let go of it for one short statement, and the
writer waited up to the switch interval (5 ms) to have it back, so that
ingest got slower (bench_store: 0.96x) instead of faster.

Failures are values in the items, in order; an exception raised computing
an item is raised to the caller when it gets there. The thread is a daemon
and holds at most one item; leaving the `with` block (the end, an
exception, Ctrl-C) tells it to stop, closes the items' generator (which may
have a worker to end) and joins it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")
_END = object()  # the item after the last one


class _Raised:
    """An exception computing an item, to be raised in the caller's thread."""

    def __init__(self, error: BaseException):
        self.error = error


class Prefetch(Generic[T]):
    """`items` in order, each computed in a daemon thread: from `start_next` on, or when the caller asks for it."""

    def __init__(self, items: Iterable[T]):
        self._ready: queue.SimpleQueue = queue.SimpleQueue()  # never more than one item: one is computed when asked
        self._asked = threading.Semaphore(0)  # released once per item to compute, and to stop
        self._stop = threading.Event()
        self._pending = False  # an item asked for and not taken yet
        self._done = False  # the end, an exception or `close` reached: nothing more will come
        self._thread = threading.Thread(target=self._produce, args=(items,), name="newsgraph-prefetch", daemon=True)
        self._thread.start()

    def __enter__(self) -> Prefetch[T]:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __iter__(self) -> Iterator[T]:
        while not self._done:
            self.start_next()
            item = self._ready.get()
            self._pending = False
            self._done = item is _END or isinstance(item, _Raised)
            if isinstance(item, _Raised):
                raise item.error
            if item is not _END:
                yield item

    def start_next(self) -> None:
        """Begin computing the next item now (the caller is about to wait on something that releases the GIL)."""
        if not self._pending:
            self._pending = True
            self._asked.release()

    def close(self) -> None:
        """Stop the thread (after the item it computes, if any) and wait for it."""
        self._stop.set()
        self._done = True
        self._asked.release()
        self._thread.join()

    def _produce(self, items: Iterable[T]) -> None:
        """The thread: an item (or the end, or the exception) into `_ready` each time one is asked for."""
        iterator = iter(items)
        try:
            while self._asked.acquire() and not self._stop.is_set():
                item = next(iterator, _END)
                self._ready.put(item)
                if item is _END:
                    return
        except BaseException as error:  # noqa: BLE001 - handed to the caller, who raises it
            self._ready.put(_Raised(error))
        finally:
            getattr(iterator, "close", lambda: None)()  # a generator's own clean-up (a worker it started) runs now
