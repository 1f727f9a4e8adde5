"""What the server keeps between requests: read-only connections, a page cache, and the one writer.

- Reads never queue behind each other: each request borrows a read-only store
  from `StorePool` (a connection of its own; SQLite in WAL mode lets them read
  while a writer writes) and gives it back. Up to `size` are opened, on demand.
- The page cache keeps what pages read, up to `cache_size` pages, for as long as
  the store does not change (its change token); only the cache's dictionary is
  locked, never a database read.
- On a writable server, `/add` extracts the pasted article in a guarded worker
  process (`newsgraph.budget`, off the server's own threads' CPU and memory) and
  stores it through the one writer connection; reads never wait on either.
"""

from __future__ import annotations

import queue
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from ..budget import Budget, GuardedWorker, StagePlan
from ..errors import StoreError
from ..store import Store, open_store

POOL_SIZE = 16


class StorePool:
    """Read-only stores over one database, lent one per request."""

    def __init__(self, url: str, size: int = POOL_SIZE):
        self.url = url
        self.size = size
        self.idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self.opened = 0
        self.lock = threading.Lock()
        self.idle.put(self._open())  # the store must open now: a server with no store does not start

    def _open(self) -> Store:
        with self.lock:
            self.opened += 1
        try:
            return open_store(self.url, read_only=True)
        except BaseException:
            with self.lock:
                self.opened -= 1
            raise

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A store for this request; a new one while fewer than `size` are open, else the next given back."""
        try:
            store = self.idle.get_nowait()
        except queue.Empty:
            with self.lock:
                room = self.opened < self.size
            store = self._open() if room else self.idle.get()
        try:
            yield store
        except StoreError:
            self._discard(store)  # a connection that failed (a server gone away) is not lent again
            raise
        except BaseException:
            self.idle.put(store)
            raise
        else:
            self.idle.put(store)

    def _discard(self, store: Store) -> None:
        with self.lock:
            self.opened -= 1
        try:
            store.close()
        except Exception:  # noqa: BLE001 - it is being thrown away because it is broken
            pass

    def close(self) -> None:
        while True:
            try:
                self.idle.get_nowait().close()
            except queue.Empty:
                return


class Writer:
    """The one writer of a writable server: extraction in a guarded worker, then storing under a lock."""

    def __init__(self, url: str, budget: Budget | None):
        self.store = open_store(url)
        self.lock = threading.Lock()
        self.worker = GuardedWorker(budget, StagePlan.from_specs()) if budget is not None else None
        if self.worker is not None:  # the model loads in the background, before the first paste
            threading.Thread(target=self._start, name="newsgraph-add-worker", daemon=True).start()

    def _start(self) -> None:
        try:
            self.worker.start()
        except Exception:  # noqa: BLE001 - started again, and reported, on the first paste
            pass

    def extract(self, job, options):
        """The job's Article or Failure, extracted off the server's threads when there is a budget."""
        from ..api import extract_jobs

        if self.worker is not None:
            return self.worker.run(job, options)
        return next(iter(extract_jobs([job], options)))

    def add(self, article):
        """Store one article (near-duplicates linked); the ingest report."""
        from ..ingest import add_articles

        with self.lock:
            return add_articles(self.store, [article])

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()
        self.store.close()


class Site:
    """The server's state: the pool of readers, the page cache, and the writer when writable."""

    def __init__(self, url: str, writable: bool = False, cache_size: int = 256, budget: Budget | None = Budget(),
                 pool_size: int = POOL_SIZE):
        self.writer = Writer(url, budget) if writable else None  # first: it creates or upgrades the store
        self.pool = StorePool(url, pool_size)
        self.writable = writable
        self.cache_size = cache_size
        self.cache: OrderedDict = OrderedDict()
        self.token: tuple | None = None
        self.lock = threading.Lock()  # the cache's dictionary only

    def read(self, page, args: dict, path_params: dict):
        """The page's data for these arguments, from the cache while the store is unchanged."""
        with self.pool.store() as store:
            if not self.cache_size:
                return page.data(store, args, **path_params)
            token = store.change_token()
            key = (page.name, tuple(sorted(args.items())), tuple(sorted(path_params.items())))
            with self.lock:
                if token != self.token:
                    self.cache.clear()
                    self.token = token
                if key in self.cache:
                    self.cache.move_to_end(key)
                    return self.cache[key]
            data = page.data(store, args, **path_params)
        with self.lock:
            if token == self.token:
                self.cache[key] = data
                if len(self.cache) > self.cache_size:
                    self.cache.popitem(last=False)
        return data

    def submit(self, page, args: dict, path_params: dict) -> dict | None:
        """A form posted to a page that writes (only on a writable server): its `submit` with the writer, or
        its `data` over the writer's store, under the writer's lock, with `method` POST in the arguments."""
        if page.submit is not None:
            return page.submit(self.writer, args)
        with self.writer.lock:
            return page.data(self.writer.store, {**args, "method": "POST"}, **path_params)

    def close(self) -> None:
        self.pool.close()
        if self.writer is not None:
            self.writer.close()
