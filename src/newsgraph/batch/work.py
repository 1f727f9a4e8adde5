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

from ..api import Failure, Options, _extract_warc_page, _warc_page_name, extract_files
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
    """Extracts work units; the stages and the spaCy model load once, in `__init__`."""

    def __init__(self, stage_specs: Sequence[str] = (), layout_only: bool = False):
        self.stages = build_stages(stage_specs, layout_only)
        self.options = Options(stages=self.stages)
        try:  # load the model and import every stage now, not in the first unit
            run(Document(raw=WARM_UP, kind="text", source="warm-up"), self.stages)
        except Exception:  # noqa: BLE001 - a stage that fails here fails again, reported, on real articles
            pass

    def __call__(self, unit: WorkUnit) -> ShardResult:
        """The unit's articles and failures; an unexpected error costs one article, never the unit."""
        result = ShardResult(unit)
        for item in self._items(unit):
            if isinstance(item, Failure):
                result.failures.append(item)
            else:
                result.rows.append(record_row(item))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        result.pid, result.peak_rss_mb = os.getpid(), round(usage.ru_maxrss / 1024, 1)  # Linux: KiB
        result.cpu_seconds = round(usage.ru_utime + usage.ru_stime, 2)
        return result

    def _items(self, unit: WorkUnit) -> Iterator[Article | Failure]:
        if not unit.warc:
            for path in unit.paths:
                yield from _guarded(path, lambda path=path: extract_files([path], stages=self.stages))
            return
        yield from self._warc_slice(unit)

    def _warc_slice(self, unit: WorkUnit) -> Iterator[Article | Failure]:
        from ..readers.warc import iter_warc_pages

        path = unit.paths[0]
        try:
            stream = ByteRange(open(path, "rb"), unit.start, unit.end)
        except OSError as exc:
            yield Failure(path, exc.strerror or str(exc), type(exc).__name__)
            return
        for page in iter_warc_pages(path, stream):
            if isinstance(page, InputError):
                yield Failure(page.source or path, page.reason, type(page).__name__)
                continue
            name = _warc_page_name(path, page)
            yield from _guarded(name, lambda page=page: [_extract_warc_page(path, page, self.options)])


def _guarded(source: str, produce) -> Iterator[Article | Failure]:
    """The results of `produce()`; an input error or a bug in a stage becomes a Failure naming the source."""
    try:
        yield from produce()
    except InputError as exc:
        yield Failure(exc.source or source, exc.reason, type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - a stage's bug must not stop the other articles
        yield Failure(source, f"internal error in the pipeline: {type(exc).__name__}: {exc}", "InternalError")
