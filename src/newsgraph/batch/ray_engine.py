"""The Ray engine: the same work units and `Extractor` on Ray Data, on one machine or a cluster.

    units ──► map_batches(RayExtractor: extract and write a shard, N actors, num_cpus=1) ──► driver

- Each actor builds one `Extractor` in `__init__` (the spaCy model loads
  once per actor) and extracts one unit per call.
- No read tasks: the units come from `from_items`, and each actor reads
  its own WARC slice. With an actor pool as large as the CPU count, a read
  task, which needs a CPU slot, waits for ever (ray-project/ray#44687;
  reproduced here with `ray.data.range` on Ray 2.60). Each actor writes its
  own shard, so records never cross the object store and no write task
  waits for a CPU slot either. The WARC planning tasks run
  before the actors start, so they may take every core.
- Ray Data streams: only a few units are in flight whatever the input size,
  and the driver receives one small summary per shard.
- `ray.init(address=...)` joins an existing cluster ('auto',
  'ray://head:10001'); without an address a local cluster of `workers`
  CPUs starts and stops with the run. Usage statistics are off
  (RAY_USAGE_STATS_ENABLED=0), and the NEWSGRAPH_* variables go to every
  worker.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from ..budget import Budget
from ..errors import NewsgraphError
from .shards import WorkUnit, plan_warc
from .work import Extractor
from .writer import ShardSummary, write_shard


class RayExtractor:
    """A Ray Data actor: one `Extractor` per actor process; each call extracts one unit and writes its shard."""

    def __init__(self, out_dir: str, fmt: str, stage_specs: tuple[str, ...] = (), layout_only: bool = False,
                 budget: Budget | None = None):
        self.extractor = Extractor(stage_specs, layout_only, budget)
        self.out_dir, self.fmt = out_dir, fmt

    def __call__(self, batch: dict) -> dict:
        units = [WorkUnit.from_dict(json.loads(text)) for text in batch["unit"]]
        # the actor writes its own shard, as a local worker does: the records never cross the object store
        return {"summary": [json.dumps(write_shard(self.out_dir, self.extractor(unit), self.fmt).to_dict())
                            for unit in units]}


class RayEngine:
    """Ray Data over `workers` actors; a local cluster unless `address` names one."""

    def __init__(self, workers: int | None, stage_specs: tuple[str, ...] = (), layout_only: bool = False,
                 address: str | None = None, budget: Budget | None = None):
        self.workers = workers
        self.budget = budget
        self.stage_specs = stage_specs
        self.layout_only = layout_only
        self.address = address
        self._started = False

    def __enter__(self) -> RayEngine:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        try:
            import ray
        except ImportError:
            raise NewsgraphError("the ray engine needs Ray: pip install 'newsgraph[ray]'") from None
        if not ray.is_initialized():
            env = {k: v for k, v in os.environ.items() if k.startswith("NEWSGRAPH_")}
            env["RAY_USAGE_STATS_ENABLED"] = os.environ["RAY_USAGE_STATS_ENABLED"]
            settings = {"runtime_env": {"env_vars": env}, "include_dashboard": False,
                        "logging_level": logging.WARNING, "log_to_driver": False}
            if self.address:
                ray.init(address=self.address, **settings)
            else:
                ray.init(num_cpus=self.workers or os.cpu_count() or 1, **settings)
            self._started = True
        if not self.workers:  # one actor per CPU of the cluster
            self.workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the driver shows one bar, in records
        return self

    def __exit__(self, *exc) -> None:
        if self._started:
            import ray

            ray.shutdown()

    def plan(self, warcs: list[str], shard_size: int) -> list[WorkUnit]:
        """Plan the WARCs as Ray tasks, one per file, spread over the cluster."""
        if not warcs:
            return []
        import ray

        task = ray.remote(num_cpus=1)(plan_warc)
        return [u for units in ray.get([task.remote(path, shard_size) for path in warcs]) for u in units]

    def run(self, units: list[WorkUnit], out_dir: Path, fmt: str, done: Callable[[ShardSummary], None]) -> None:
        """Extract and write every unit on the cluster; `done` is called in the driver as each shard is written."""
        if not units:
            return
        import ray

        dataset = ray.data.from_items([{"unit": json.dumps(u.to_dict())} for u in units],
                                      override_num_blocks=len(units))
        dataset = dataset.map_batches(RayExtractor, fn_constructor_kwargs={
            "out_dir": str(out_dir), "fmt": fmt, "stage_specs": self.stage_specs, "layout_only": self.layout_only,
            "budget": self.budget},
            batch_size=1, compute=ray.data.ActorPoolStrategy(size=self.workers), num_cpus=1)
        for row in dataset.iter_rows():
            done(ShardSummary.from_dict(json.loads(row["summary"])))
