"""Ingesting inputs into the knowledge base: idempotent, resumable, one writer.

1. Expand the inputs: files, folders (recursively), glob patterns.
2. Skip inputs already ingested whole (same path, size and mtime) with
   no failure outstanding: an input that failed, in whole or in part, is
   read again on every run until it succeeds.
3. Extract each input's articles (`.jsonl` files hold records already
   extracted); record failures with their reason and go on. Failures of
   an input read again that do not recur are resolved (deleted).
4. For each article: skip it when its content id is stored; otherwise look
   for a near-duplicate among stored originals and store it either as a
   duplicate-of link or with all its facts, in one transaction (records
   read from `.jsonl`/`.parquet` files: one transaction per chunk of them,
   prepared by a worker process where a CPU is idle (`newsgraph.records`),
   and on SQLite the next chunk prepared or taken in by another thread
   while this one commits: `newsgraph.prefetch`).
5. Mark the input done. An interrupted run loses at most the article (or
   chunk of records) being written, and the next run picks up where it
   stopped.
"""

from __future__ import annotations

import glob
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .api import Failure, Options, extract_jobs, iter_jobs
from .dedup import DuplicateIndex, signature
from .garbage import batch_pace
from .model import Article
from .pipeline import STAGES, Stage
from .prefetch import Prefetch
from .records import Prepared, prepare, prepared_chunks
from .store import Store

if TYPE_CHECKING:
    from .budget import Budget, StagePlan

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".html.gz", ".htm.gz", ".txt.gz", ".warc", ".warc.gz", ".jsonl",
                  ".jsonl.gz", ".parquet")
RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".parquet")
RECORDS_PER_TRANSACTION = 500


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: int = 0
    duplicates: int = 0
    existing: int = 0
    skipped_sources: int = 0
    failures: list[Failure] = field(default_factory=list)
    resolved: int = 0  # failures of earlier runs that did not recur
    outstanding: int = 0  # failures of earlier runs still stored, for inputs this run did not read

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.duplicates} near-duplicates linked", f"{self.existing} already stored"]
        if self.skipped_sources:
            parts.append(f"{self.skipped_sources} inputs skipped as done")
        parts.append(f"{self.failed} failed")
        text = ", ".join(parts)
        if self.failures:
            reasons = Counter(f.error for f in self.failures)
            text += " (" + ", ".join(f"{n} {r}" for r, n in reasons.most_common()) + ")"
        if self.resolved:
            text += f", {self.resolved} earlier failures now succeeded"
        if self.outstanding:
            text += f", {self.outstanding} earlier failures outstanding (newsgraph failures)"
        return text


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files from paths, folders and glob patterns, in a stable order; '-' stays as it is."""
    out: list[str] = []
    for item in inputs:
        if item == "-":
            out.append(item)
        elif os.path.isdir(item):
            out.extend(sorted(str(p) for p in Path(item).rglob("*") if p.is_file() and
                              p.name.lower().endswith(INPUT_SUFFIXES)))
        elif any(ch in item for ch in "*?["):
            out.extend(sorted(p for p in glob.glob(item, recursive=True) if os.path.isfile(p)))
        else:
            out.append(item)
    return list(dict.fromkeys(out))


def ingest(store: Store, inputs: Sequence[str], *, stages: Sequence[Stage] = STAGES, published: str | None = None,
           progress: Callable[[str], None] | None = None, budget: Budget | None = None,
           plan: StagePlan | None = None) -> IngestReport:
    """Ingest files, folders and globs into the store; `progress` is called once per input.

    With a `budget`, documents are extracted in a guarded worker (`newsgraph.budget`) that builds its
    stages from `plan` (default: from `stages`); one over budget is a failure and the rest goes on.
    """
    with batch_pace():
        return _ingest(store, inputs, Options(published=published, stages=stages), progress, budget, plan)


def _ingest(store: Store, inputs: Sequence[str], options: Options, progress: Callable[[str], None] | None,
            budget: Budget | None, plan: StagePlan | None) -> IngestReport:
    """`ingest`'s steps 1 to 5."""
    report = IngestReport()
    index = DuplicateIndex()
    for article_id, sig in store.signatures():
        index.add(article_id, sig)
    failed_before = store.failed_inputs()
    extraction = _Extraction(options, budget, plan)
    try:
        for path in expand_inputs(inputs):
            stat = os.stat(path) if path != "-" and os.path.isfile(path) else None
            if stat and path not in failed_before and store.source_done(path, stat.st_size, stat.st_mtime):
                report.skipped_sources += 1
            else:
                _ingest_input(store, index, path, stat, report, extraction)
            if progress:
                progress(path)
    finally:
        extraction.close()
    if report.added or report.duplicates:
        store.analyze()  # searches right after a large ingest are planned from fresh statistics
    if report.added:
        store.refresh_conflicts()  # the `conflicts` tables SQL users and Datasette read
    this_run = {(f.source, f.reason, f.error) for f in report.failures}
    report.outstanding = max(0, store.db.scalar("SELECT COUNT(*) FROM failures") - len(this_run))
    return report


class _Extraction:
    """Extracting inputs for ingest: here, or in one guarded worker kept for the whole run."""

    def __init__(self, options: Options, budget: Budget | None, plan: StagePlan | None):
        self.options = options
        self.worker = None
        if budget is not None:
            from .budget import GuardedWorker, StagePlan

            self.worker = GuardedWorker(budget, plan or StagePlan.of(options.stages))
            self.options = replace(options, stages=())  # the worker has its own

    def articles(self, store: Store, path: str, report: IngestReport) -> Iterator[Article | Failure]:
        """The input's articles not stored yet (those are counted as existing without being extracted)."""
        for job in iter_jobs([path], self.options):
            if isinstance(job, Failure):
                yield job
            elif store.has_article(job.content_id):
                report.existing += 1
            elif self.worker is not None:
                yield self.worker.run(job, self.options)
            else:
                yield from extract_jobs([job], self.options)

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()


def _ingest_input(store: Store, index: DuplicateIndex, path: str, stat: os.stat_result | None,
                  report: IngestReport, extraction: _Extraction) -> None:
    """Steps 3 to 5 for one input: its articles stored, its failures recorded, earlier ones resolved."""
    lowered = path.lower()
    failing: set[tuple[str, str, str]] = set()
    # records extracted already come fast: one transaction per chunk of them, not per article, prepared by a
    # worker process (`newsgraph.records`)
    if not lowered.endswith(RECORD_SUFFIXES):
        count = _store_chunks(store, index, (prepare([r]) for r in extraction.articles(store, path, report)),
                              report, failing)
    elif store.db.dialect == "sqlite":
        # SQLite lets go of the GIL while it indexes and commits a chunk: the next one is prepared or received
        # meanwhile (not the articles extracted here, which read the store; PostgreSQL's commit is too short)
        with Prefetch(prepared_chunks(path, RECORDS_PER_TRANSACTION)) as ahead:
            count = _store_chunks(store, index, ahead, report, failing, before_commit=ahead.start_next)
    else:
        with closing(prepared_chunks(path, RECORDS_PER_TRANSACTION)) as chunks:
            count = _store_chunks(store, index, chunks, report, failing)
    with store.batch():
        report.resolved += store.resolve_failures(path, failing)
        if stat and not failing:  # an input with failures is read again next time
            store.mark_source(path, stat.st_size, stat.st_mtime, count)


def _store_chunks(store: Store, index: DuplicateIndex, chunks: Iterable[list[Prepared]], report: IngestReport,
                  failing: set[tuple[str, str, str]], before_commit: Callable[[], None] = lambda: None) -> int:
    """Step 4 for an input's results, one transaction per chunk; how many articles there were (failures added to
    `failing`). `before_commit` is called as each chunk's transaction is about to end."""
    count = 0
    for chunk in chunks:
        with store.batch(many=len(chunk) > 1):
            for result, sig, record, groups in chunk:
                if isinstance(result, Failure):
                    report.failures.append(result)
                    failing.add((result.source, result.reason, result.error))
                    store.record_failure(result.source, result.reason, result.error)
                    continue
                count += 1
                _add(store, index, result, report, sig, record, groups)
            before_commit()
    return count


def add_articles(store: Store, articles: Iterable[Article]) -> IngestReport:
    """Store articles extracted already (steps 4 and 5 of `ingest`), near-duplicates linked."""
    report = IngestReport()
    index = DuplicateIndex()
    for article_id, sig in store.signatures():
        index.add(article_id, sig)
    with batch_pace():
        for article in articles:
            _add(store, index, article, report, signature(article.paragraphs))
    if report.added:
        store.refresh_conflicts()
    return report


def _add(store: Store, index: DuplicateIndex, article: Article, report: IngestReport, sig: bytes | None,
         record: str | None = None, groups: list | None = None) -> None:
    """One article stored, or linked to the original it repeats, or counted as stored already (`add_article` looks)."""
    match = index.best(sig) if sig else None
    outcome = store.add_article(article, signature=sig, duplicate_of=match[0] if match else None,
                                similarity=round(match[1], 3) if match else None, record=record, groups=groups)
    if outcome == "added":
        report.added += 1
        if sig:
            index.add(article.id, sig)
    elif outcome == "duplicate":
        report.duplicates += 1
    else:
        report.existing += 1
