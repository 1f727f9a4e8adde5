"""Running the extraction stages over many inputs into shards, on one of two engines.

1. Check the output folder: a resumed run must use the same shard size,
   format and stages as the run that started it (`_batch.json`).
2. Plan: WARCs are cut into slices of `shard_size` records (one scan
   each, spread over the engine's workers), other files grouped.
3. Skip the units whose shard is complete; remove leftover temporary files.
4. The engine runs an `Extractor` per worker over the remaining units and
   writes each unit's shard; every finished shard reports back here.
5. A unit that never reported (its worker died) becomes a failure; a
   rerun does it again.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..api import Failure
from ..budget import Budget
from ..errors import NewsgraphError
from .shards import DEFAULT_SHARD_SIZE, WorkUnit, plan_inputs
from .writer import FORMATS, ShardSummary, clean_partial, done_shards

ENGINES = ("local", "ray")
SETTINGS = "_batch.json"
RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")  # outputs, not inputs: a batch over its own folder skips them


class OutputMismatch(NewsgraphError):
    """The output folder holds shards of a run with other settings."""


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch."""

    engine: str = "local"
    workers: int | None = None  # None: every CPU of this machine, or of the Ray cluster at `address`
    address: str | None = None  # Ray: 'auto', 'ray://head:10001', ...; None starts a local cluster
    fmt: str = "parquet"
    shard_size: int = DEFAULT_SHARD_SIZE
    stage_specs: tuple[str, ...] = ()
    layout_only: bool = False
    budget: Budget | None = Budget()  # per document; None runs the stages in the engine's own processes


@dataclass
class BatchReport:
    """What one batch run did."""

    shards_written: int = 0
    shards_skipped: int = 0
    records: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # per worker process id
    cpu_seconds: dict[int, float] = field(default_factory=dict)  # per worker process id, model loading included

    def add(self, summary: ShardSummary) -> None:
        self.shards_written += 1
        self.records += summary.records
        self.failures += summary.failures
        self.peak_rss_mb[summary.pid] = max(summary.peak_rss_mb, self.peak_rss_mb.get(summary.pid, 0.0))
        self.cpu_seconds[summary.pid] = max(summary.cpu_seconds, self.cpu_seconds.get(summary.pid, 0.0))

    def summary(self) -> str:
        rate = self.records / self.seconds if self.seconds else 0.0
        return (f"{self.records} records in {self.shards_written} shards ({rate:.1f}/s), "
                f"{self.shards_skipped} shards already done, {len(self.failures)} failed")


Progress = Callable[[int, int], None]
"""Called with (records planned in all, records in shards already done) once, then (records just done, 0)."""


def run_batch(inputs: Sequence[str], out_dir: str | os.PathLike, options: BatchOptions = BatchOptions(),
              progress: Progress | None = None) -> BatchReport:
    """Extract every input into shards under `out_dir`; resumes a run that stopped part-way."""
    if options.engine not in ENGINES:
        raise ValueError(f"unknown engine {options.engine!r}: choose from {', '.join(ENGINES)}")
    if options.fmt not in FORMATS:
        raise ValueError(f"unknown format {options.fmt!r}: choose from {', '.join(FORMATS)}")
    started = time.perf_counter()
    out = Path(out_dir).absolute()  # workers may run in another folder, or on another machine
    specs = stage_specs(options)
    if not options.layout_only and not any(s.strip().startswith("parse=") for s in specs):
        from ..understand.parse import require_model

        require_model()  # one clear error here, before any folder is made, not one per worker and unit
    check_settings(out, options, specs)  # 1
    from ..ingest import expand_inputs

    paths = expand_inputs(inputs)
    report = BatchReport(failures=[Failure(p, "holds records already extracted: load it with `newsgraph ingest`",
                                           "InputError") for p in paths if p.lower().endswith(RECORD_SUFFIXES)])
    warcs, units = plan_inputs([p for p in paths if not p.lower().endswith(RECORD_SUFFIXES)], options.shard_size)
    with _engine(options, specs) as engine:
        units += engine.plan(warcs, options.shard_size)  # 2
        done = done_shards(out, options.fmt)  # 3
        clean_partial(out)
        todo = [u for u in units if u.shard not in done]
        report.shards_skipped = len(units) - len(todo)
        if progress:
            progress(sum(u.records for u in units), sum(u.records for u in units if u.shard in done))

        def finished(summary: ShardSummary) -> None:
            report.add(summary)
            if progress:
                progress(summary.planned, 0)

        try:
            engine.run(todo, out, options.fmt, finished)  # 4
        finally:
            reported = set(done) | _written(out, options.fmt, todo)  # 5
            report.failures += [Failure(u.paths[0] if len(u.paths) == 1 else u.shard,
                                        "the worker stopped before this shard was written; run again to retry",
                                        "WorkerLost") for u in todo if u.shard not in reported]
    report.seconds = time.perf_counter() - started
    return report


def stage_specs(options: BatchOptions) -> tuple[str, ...]:
    """The stage overrides every worker applies: NEWSGRAPH_STAGES first, then the options' own."""
    env = [s.strip() for s in os.environ.get("NEWSGRAPH_STAGES", "").split(",") if s.strip()]
    return tuple(env) + tuple(options.stage_specs)


def check_settings(out: Path, options: BatchOptions, specs: Sequence[str]) -> None:
    """Create `out` and record the run's settings, or check them against the run being resumed."""
    settings = {"format": options.fmt, "shard_size": options.shard_size, "stages": list(specs),
                "layout_only": options.layout_only}
    out.mkdir(parents=True, exist_ok=True)
    path = out / SETTINGS
    if path.exists():
        before = json.loads(path.read_text(encoding="utf-8"))
        changed = [key for key in settings if before.get(key) != settings[key]]
        if changed:
            raise OutputMismatch(f"{out} holds shards written with other settings ({', '.join(changed)}: "
                                 f"{', '.join(repr(before.get(k)) for k in changed)}); use those or a new folder")
        return
    path.write_text(json.dumps(settings, indent=1), encoding="utf-8")


def _written(out: Path, fmt: str, units: list[WorkUnit]) -> set[str]:
    names = done_shards(out, fmt)
    return {u.shard for u in units if u.shard in names}


def _engine(options: BatchOptions, specs: tuple[str, ...]):
    if options.engine == "ray":
        from .ray_engine import RayEngine

        return RayEngine(options.workers, specs, options.layout_only, options.address, options.budget)
    from .local import LocalEngine

    return LocalEngine(options.workers, specs, options.layout_only, options.budget)
