"""Per-document budgets: each document is extracted in a worker process that is replaced when it runs over.

    caller (extract, ingest, a batch worker, the web server)     worker process (stages and model loaded once)
    GuardedWorker.run(job) ── the job over a pipe ───────────►   extract it ── the Article or a Failure ──►
    polls the pipe and the worker's resident memory: past `Budget.seconds` or `Budget.memory_mb`, the
    worker is killed, the document becomes an `OverBudget` failure, and a fresh worker takes the next one.

1. The worker is spawned (no forked copies of the caller's threads), builds its stage table from a
   `StagePlan`, and warms up on a small article so the model is loaded before any clock starts.
2. Each job is timed from the moment it is sent; the worker's resident memory is read from /proc.
3. As a backstop, the worker's address space is capped at what it had after warming up plus the memory
   budget, so a sudden huge allocation fails inside it (a `MemoryError`, then a new worker) instead of
   bringing the machine down.
4. A worker that dies on its own (killed by the system, a crash in native code) costs that document
   only: it is a failure saying so, and a new worker starts for the next.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import resource
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import ModelNotFound, NewsgraphError

DEFAULT_SECONDS = 120.0
"""A long real article takes a few seconds; two minutes leaves room for a loaded machine."""
DEFAULT_MEMORY_MB = 2048
"""A worker with the spaCy model holds about 300 MB; a long article adds a few hundred more."""
POLL_SECONDS = 0.05
START_SECONDS = 600.0  # starting a worker (imports, model) on a busy machine; not part of any budget


@dataclass(frozen=True)
class Budget:
    """What one document may take: wall-clock seconds and the worker's resident memory in MB (None: no limit)."""

    seconds: float | None = DEFAULT_SECONDS
    memory_mb: int | None = DEFAULT_MEMORY_MB

    def __post_init__(self) -> None:
        for name in ("seconds", "memory_mb"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValueError(f"budget {name} must be positive (None for no limit), not {value!r}")

    @classmethod
    def of(cls, seconds: float | None, memory_mb: int | None) -> Budget | None:
        """A budget from command-line values, where 0 means no limit; None when neither is set."""
        if not seconds and not memory_mb:
            return None
        return cls(seconds or None, memory_mb or None)


@dataclass(frozen=True)
class StagePlan:
    """How a worker builds its stage table: stage specs to import, layout only, or a pickled table."""

    specs: tuple[str, ...] = ()
    layout_only: bool = False
    pickled: bytes | None = None

    @classmethod
    def of(cls, stages: Sequence) -> StagePlan:
        """The plan for a stage table given as objects: the default and layout-only tables by name."""
        from .pipeline import STAGES

        if tuple(stages) == tuple(STAGES):
            return cls()
        if not stages:
            return cls(layout_only=True)
        try:
            return cls(pickled=pickle.dumps(tuple(stages)))
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise ValueError(f"these stages cannot be sent to a worker process ({exc}): give module-level "
                             "callables, stage specs ('name=module:callable'), or budget=None") from None

    @classmethod
    def from_specs(cls, specs: Sequence[str] = (), layout_only: bool = False, check: bool = False) -> StagePlan:
        """The plan for stage specs, after those in NEWSGRAPH_STAGES; `check` imports each target first."""
        env = [s.strip() for s in os.environ.get("NEWSGRAPH_STAGES", "").split(",") if s.strip()]
        specs = (*env, *specs)
        if check and not layout_only:
            check_stage_specs(specs)
        return cls(tuple(specs), layout_only)

    def build(self) -> tuple:
        if self.pickled is not None:
            return pickle.loads(self.pickled)
        from .batch.work import build_stages

        return build_stages(self.specs, self.layout_only)


def check_stage_specs(specs: Sequence[str]) -> None:
    """Import the target of each 'name=module:callable' spec (without calling it); raises what fails."""
    from .pipeline import STAGES

    names = {s.name for s in STAGES}
    for spec in specs:
        name, sep, target = spec.strip().partition("=")
        module, colon, attr = target.strip().partition(":")
        if not sep or not colon or not module or not attr:
            raise ValueError(f"{spec!r} is not of the form NAME=package.module:callable")
        if name.strip() not in names:
            raise ValueError(f"no stage named {name.strip()!r}")
        getattr(__import__(module, fromlist=[attr]), attr)


class GuardedWorker:
    """One worker process that extracts jobs (`newsgraph.api.Job`) within a budget; thread-safe."""

    def __init__(self, budget: Budget, plan: StagePlan = StagePlan()):
        self.budget = budget
        self.plan = plan
        self._process = None
        self._conn = None
        self._lock = threading.Lock()

    def __enter__(self) -> GuardedWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker now (it loads the stages and the model), rather than at the first job."""
        with self._lock:
            if self._process is None:
                self._start()

    def usage(self) -> tuple[float, float]:
        """The current worker's peak resident memory (MB) and CPU seconds so far; zeros without one."""
        process = self._process
        if process is None or process.pid is None:
            return 0.0, 0.0
        try:
            with open(f"/proc/{process.pid}/status", encoding="ascii", errors="replace") as fh:
                peak = next((int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:")), 0.0)
            with open(f"/proc/{process.pid}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rpartition(")")[2].split()
            cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return 0.0, 0.0
        return peak, cpu

    def run(self, job, options):
        """The job's Article, or a Failure (its own, over budget, or the worker died)."""
        with self._lock:
            if self._process is None:
                self._start()
            try:
                self._conn.send((job, options))
            except (BrokenPipeError, OSError):
                self._stop()
                self._start()
                self._conn.send((job, options))
            return self._wait(job)

    def _wait(self, job):
        from .api import Failure

        started = time.monotonic()
        while True:
            if self._conn.poll(POLL_SECONDS):
                try:
                    kind, value = self._conn.recv()
                except (EOFError, OSError):
                    return self._died(job)
                if kind == "restart":  # the worker ran out of address space: it is not trusted again
                    self._stop()
                if kind == "missing-model":  # every document would fail alike: one error for the run
                    self._stop()
                    raise ModelNotFound(value)
                return value
            if not self._process.is_alive():
                return self._died(job)
            over = self._over(time.monotonic() - started)
            if over:
                self._stop()
                return Failure(job.source, over, "OverBudget")

    def _over(self, elapsed: float) -> str | None:
        seconds, memory = self.budget.seconds, self.budget.memory_mb
        if seconds and elapsed > seconds:
            return f"over the time budget: not done after {seconds:g} s, stopped (--time-limit)"
        if memory:
            used = resident_mb(self._process.pid)
            if used > memory:
                return f"over the memory budget: {used:,.0f} MB > {memory:,} MB, stopped (--memory-limit)"
        return None

    def _died(self, job):
        from .api import Failure

        code = self._process.exitcode
        self._stop()
        how = f"killed by signal {-code}" if code and code < 0 else f"exit status {code}"
        return Failure(job.source, f"the worker extracting it died ({how}); the next input has a new one",
                       "WorkerDied")

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, self.plan, self.budget.memory_mb),
                                        name="newsgraph-extract", daemon=True)
        self._process.start()
        child.close()
        self._conn = parent
        if not parent.poll(START_SECONDS):
            self._stop()
            raise NewsgraphError(f"the extraction worker did not start within {START_SECONDS:g} s")
        try:
            kind, value = parent.recv()
        except (EOFError, OSError):
            code = self._process.exitcode
            self._stop()
            raise NewsgraphError(f"the extraction worker died while starting (exit status {code})") from None
        if kind != "ready":
            self._stop()
            if kind == "missing-model":
                raise ModelNotFound(value)
            raise NewsgraphError(f"the extraction worker could not start: {value}")

    def _stop(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None and process.is_alive():
            process.kill()
        if process is not None:
            process.join(5)
        if conn is not None:
            conn.close()

    def close(self) -> None:
        """Stop the worker (it is started again by the next `run`)."""
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.send(None)
                    self._process.join(2)
                except (BrokenPipeError, OSError):
                    pass
            self._stop()


def resident_mb(pid: int) -> float:
    """A process's resident memory in MB (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def _serve(conn, plan: StagePlan, memory_mb: int | None) -> None:
    """The worker: build the stages, warm up, then extract jobs until told to stop."""
    try:
        stages = plan.build()
        _warm_up(stages)
    except ModelNotFound as exc:
        conn.send(("missing-model", str(exc)))
        return
    except Exception as exc:  # noqa: BLE001 - a stage that cannot load: the caller says so in one line
        conn.send(("broken", f"{type(exc).__name__}: {exc}"))
        return
    if memory_mb:
        _cap_address_space(memory_mb)
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message is None:
            return
        job, options = message
        kind, value = _extract(job, options, stages)
        conn.send((kind, value))
        if kind == "restart":
            return


def _extract(job, options, stages) -> tuple[str, object]:
    from dataclasses import replace

    from .api import Failure
    from .errors import InputError, StageError

    over = Failure(job.source, "over the memory budget (out of address space), stopped (--memory-limit)",
                   "OverBudget")
    try:
        return "ok", job.run(replace(options, stages=stages))
    except StageError as exc:
        if isinstance(exc.error, MemoryError):  # the address-space cap, met inside a stage
            return "restart", over
        return "failed", Failure(exc.source or job.source, exc.reason, type(exc).__name__)
    except InputError as exc:
        return "failed", Failure(exc.source or job.source, exc.reason, type(exc).__name__)
    except ModelNotFound as exc:
        return "missing-model", str(exc)
    except MemoryError:
        return "restart", over
    except Exception as exc:  # noqa: BLE001 - a bug costs this document, never the run
        return "failed", Failure(job.source, f"internal error in the pipeline: {type(exc).__name__}: {exc}",
                                 "InternalError")


def _warm_up(stages) -> None:
    from .pipeline import Document, run

    try:
        run(Document(raw="Council approves harbour plan\n\nThe council approved the plan on Tuesday, the "
                         "mayor said.\n", kind="text", source="warm-up"), stages)
    except ModelNotFound:
        raise
    except Exception:  # noqa: BLE001 - a stage that fails here fails again, reported, on real articles
        pass


def _cap_address_space(memory_mb: int) -> None:
    """Cap the worker's address space at what it has now plus the budget (a backstop to the RSS check)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = size + memory_mb * 1_048_576
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (OSError, ValueError, resource.error):
        print("newsgraph: no address-space cap for the worker on this system", file=sys.stderr)
