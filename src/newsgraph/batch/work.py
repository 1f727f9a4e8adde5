"""What one worker does with one work unit: extract its articles, in input order, failures as values.

`Extractor` is the worker's state: the stage table, built once with
`configure_stages()`, and the spaCy model, loaded in `__init__` by a
warm-up article. Both engines use it as it is: the process-pool engine
keeps one per worker process, the Ray engine one per actor.
"""

from __future__ import annotations

import os
import resource
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..api import Failure, Job, Options, _warc_jobs, iter_jobs
from ..budget import Budget, GuardedWorker, StagePlan
from ..errors import InputError
from ..model import Article
from ..pipeline import READER_ONLY, Document, Stage, configure_stages, run
from .shards import ByteRange, WorkUnit

WARM_UP = "Council approves harbour plan\n\nThe council approved the plan on Tuesday, the mayor said.\n"


COLUMNS = ("id", "source", "url", "headline", "published", "record")
"""A shard row: the record as the JSON line `newsgraph extract` prints, and flat columns to query."""


@dataclass
class ShardResult:
    """The rows and failures of one unit, in input order, and the worker that made them."""

    unit: WorkUnit
    rows: list[dict[str, str | None]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    pid: int = 0
    peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0  # the worker process's CPU time so far


def record_row(article: Article) -> dict[str, str | None]:
    """The shard row of one article."""
    return {"id": article.id, "source": article.source, "url": article.url, "headline": article.headline,
            "published": article.published, "record": article.to_json()}


def build_stages(stage_specs: Sequence[str] = (), layout_only: bool = False) -> tuple[Stage, ...]:
    """The stage table a worker runs: `configure_stages(stage_specs)`, or no stages for layout only.

    The driver folds NEWSGRAPH_STAGES into `stage_specs`, so the worker does not read it a second time.
    """
    if layout_only:
        return READER_ONLY
    saved = os.environ.pop("NEWSGRAPH_STAGES", None)
    try:
        return configure_stages(stage_specs)
    finally:
        if saved is not None:
            os.environ["NEWSGRAPH_STAGES"] = saved


class Extractor:
    """Extracts work units; the stages and the spaCy model load once, in `__init__`.

    With a `budget`, the stages run in a guarded worker process of its own (`newsgraph.budget`): a document
    over its time or memory budget is a failure and the unit goes on; without one, they run in this process.
    """

    def __init__(self, stage_specs: Sequence[str] = (), layout_only: bool = False, budget: Budget | None = None):
        self.worker = None
        if budget is not None:
            self.stages: tuple[Stage, ...] = ()
            self.worker = GuardedWorker(budget, StagePlan(tuple(stage_specs), layout_only))
            self.worker.start()  # the model loads now, not in the first unit
        else:
            self.stages = build_stages(stage_specs, layout_only)
            try:  # load the model and import every stage now, not in the first unit
                run(Document(raw=WARM_UP, kind="text", source="warm-up"), self.stages)
            except Exception:  # noqa: BLE001 - a stage that fails here fails again, reported, on real articles
                pass
        self.options = Options(stages=self.stages)

    def __call__(self, unit: WorkUnit) -> ShardResult:
        """The unit's articles and failures; an unexpected error costs one article, never the unit."""
        result = ShardResult(unit)
        for item in self._items(unit):
            if isinstance(item, Failure):
                result.failures.append(item)
            else:
                result.rows.append(record_row(item))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        peak_mb, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # Linux: KiB
        if self.worker is not None:
            worker_peak, worker_cpu = self.worker.usage()
            peak_mb, cpu = max(peak_mb, worker_peak), cpu + worker_cpu
        result.pid, result.peak_rss_mb, result.cpu_seconds = os.getpid(), round(peak_mb, 1), round(cpu, 2)
        return result

    def _items(self, unit: WorkUnit) -> Iterator[Article | Failure]:
        jobs = self._warc_slice(unit) if unit.warc else iter_jobs(unit.paths, self.options)
        for job in jobs:
            if isinstance(job, Failure):
                yield job
            elif self.worker is not None:
                yield self.worker.run(job, self.options)
            else:
                yield from _guarded(job.source, lambda job=job: [job.run(self.options)])

    def _warc_slice(self, unit: WorkUnit) -> Iterator[Job | Failure]:
        path = unit.paths[0]
        try:
            stream = ByteRange(open(path, "rb"), unit.start, unit.end)
        except OSError as exc:
            yield Failure(path, exc.strerror or str(exc), type(exc).__name__)
            return
        yield from _warc_jobs(path, stream)


def _guarded(source: str, produce) -> Iterator[Article | Failure]:
    """The results of `produce()`; an input error or a bug in a stage becomes a Failure naming the source."""
    try:
        yield from produce()
    except InputError as exc:
        yield Failure(exc.source or source, exc.reason, type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - a stage's bug must not stop the other articles
        yield Failure(source, f"internal error in the pipeline: {type(exc).__name__}: {exc}", "InternalError")
