"""The local engine: a pool of worker processes on this machine, nothing extra to install.

Each worker process builds one `Extractor` when it starts (the spaCy model
loads once per process) and then extracts and writes one unit at a time.
Units are handed out a few at a time, so memory does not grow with the
number of inputs. A worker that dies (killed, out of memory) breaks the
pool: the units it had in flight are reported lost, a new pool starts,
and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..budget import Budget
from .shards import WorkUnit, plan_warc
from .work import Extractor
from .writer import ShardSummary, write_shard

_EXTRACTOR: Extractor | None = None  # one per worker process, built by `_start_worker`


def _start_worker(stage_specs: tuple[str, ...], layout_only: bool, budget: Budget | None) -> None:
    global _EXTRACTOR
    _EXTRACTOR = Extractor(stage_specs, layout_only, budget)


def _do_unit(unit: WorkUnit, out_dir: str, fmt: str) -> ShardSummary:
    return write_shard(out_dir, _EXTRACTOR(unit), fmt)


class LocalEngine:
    """A process pool of `workers` extractors."""

    def __init__(self, workers: int | None, stage_specs: tuple[str, ...] = (), layout_only: bool = False,
                 budget: Budget | None = None):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.stage_specs = stage_specs
        self.layout_only = layout_only
        self.budget = budget
        self._context = multiprocessing.get_context("spawn")  # no forked copies of the driver's threads or locks

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def plan(self, warcs: list[str], shard_size: int) -> list[WorkUnit]:
        """Plan the WARCs, one scan each, spread over plain worker processes when there are several."""
        if len(warcs) <= 1:
            return [u for path in warcs for u in plan_warc(path, shard_size)]
        with ProcessPoolExecutor(min(self.workers, len(warcs)), mp_context=self._context) as pool:
            return [u for units in pool.map(plan_warc, warcs, [shard_size] * len(warcs)) for u in units]

    def run(self, units: list[WorkUnit], out_dir: Path, fmt: str, done: Callable[[ShardSummary], None]) -> None:
        """Extract and write every unit; `done` is called in the driver as each shard is written."""
        queue = deque(units)
        while queue:
            if not self._run_pool(queue, str(out_dir), fmt, done):
                return  # workers that die before writing anything (a stage that cannot load) would die again

    def _run_pool(self, queue: deque, out_dir: str, fmt: str, done: Callable[[ShardSummary], None]) -> int:
        """Run units from `queue` until it is empty or the pool breaks (the units in flight are then lost).

        Returns how many shards this pool wrote.
        """
        written = 0
        with ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=_start_worker,
                                 initargs=(self.stage_specs, self.layout_only, self.budget)) as pool:
            running: dict[Future, WorkUnit] = {}
            while queue or running:
                while queue and len(running) < 2 * self.workers:
                    unit = queue.popleft()
                    running[pool.submit(_do_unit, unit, out_dir, fmt)] = unit
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    running.pop(future)
                    try:
                        summary = future.result()
                    except BrokenProcessPool:
                        return written  # the runner reports the unwritten shards; the rest of the queue goes on
                    written += 1
                    done(summary)
        return written
