"""The Python API: one article from memory, or many from files."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputError, MalformedInput, MissingInput, StageError
from .inputs import MAX_DOCUMENT_BYTES, Decoded, RawInput, given_text, gunzip_head, decode_text, peek, raw_input, read_input, sniff_kind
from .model import Article
from .pipeline import READERS, STAGES, Document, Stage, run

if TYPE_CHECKING:
    from .budget import Budget, StagePlan
    from .readers.warc import WarcPage


@dataclass(frozen=True)
class Failure:
    """An input that did not become an article, and why."""

    source: str
    reason: str
    error: str = "InputError"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Options:
    """What the caller knows about the inputs."""

    kind: str | None = None
    url: str | None = None
    published: str | None = None
    stages: Sequence[Stage] = STAGES


def extract(content: str | bytes | os.PathLike, *, kind: str | None = None, url: str | None = None,
            published: str | None = None, source: str | None = None,
            stages: Sequence[Stage] = STAGES) -> Article:
    """Extract one article from text or HTML (str or bytes), or from a file given as a `pathlib.Path`.

    A `str` is always the article itself, never a file name: `extract(Path("story.txt"))` reads the
    file, `extract("story.txt")` refuses (the text names an existing file: most likely a mistake).
    `kind` is 'text' or 'html' (sniffed from the content when None);
    `published` (ISO 8601) and `url` override what the page says.
    Raises a `newsgraph.errors.InputError` subclass for bad input (`MissingInput` for no such file).
    """
    opts = Options(kind=kind, url=url, published=published, stages=stages)
    if isinstance(content, str) and _names_a_file(content):
        raise InputError(f"this text is the name of a file: pass pathlib.Path({content!r}) to read the file",
                         source or "-")
    if isinstance(content, os.PathLike):
        check_file(os.fspath(content))
        raw = read_input(os.fspath(content), kind)
        source = source or os.fspath(content)
    elif isinstance(content, bytes):
        raw = raw_input(content, source or "-", kind)
    else:
        raw = _str_input(content, source or "-", kind)
    if raw.kind == "warc":
        raise MalformedInput("a WARC holds many articles: use newsgraph.extract_files()", raw.name)
    return _extract_raw(raw, opts)


def _names_a_file(text: str) -> bool:
    """Whether a str given as an article is rather the name of an existing file."""
    return len(text) < 4096 and "\n" not in text and text.strip() == text and os.path.isfile(text)


def check_file(path: str) -> None:
    """Raise `MissingInput` when there is no file at `path`, `InputError` when it is not a regular file."""
    if not Path(path).exists():
        raise MissingInput("no such file", path)
    if not Path(path).is_file():
        raise InputError("not a regular file", path)


def _str_input(text: str, name: str, kind: str | None) -> RawInput:
    raw = raw_input(text.encode("utf-8"), name, kind)
    raw.text = text  # already decoded: offsets must refer to it as given
    return raw


def _extract_raw(raw: RawInput, opts: Options) -> Article:
    decoded = given_text(raw.text, raw.kind) if raw.text is not None else decode_text(raw.data, raw.name, raw.kind)
    doc = Document(raw=decoded.text, kind=raw.kind, source=raw.name, url=opts.url, published=opts.published,
                   content_id=raw.content_id)
    return _with_warnings(run(doc, opts.stages, READERS), decoded)


def _with_warnings(article: Article, decoded: Decoded) -> Article:
    """The article with what decoding had to say in its `warnings`."""
    article.warnings.extend(w for w in decoded.warnings if w not in article.warnings)
    return article


@dataclass(frozen=True)
class Job:
    """One document read and ready to extract: a text or HTML input, or the page of a WARC record."""

    path: str
    raw: RawInput | None = None
    page: WarcPage | None = None

    @property
    def source(self) -> str:
        return self.raw.name if self.raw is not None else _warc_page_name(self.path, self.page)

    @property
    def content_id(self) -> str:
        """The id its article will have (sha256 of its bytes), known before extracting it."""
        body = self.raw.data if self.raw is not None else self.page.body
        return RawInput(self.source, body, "html").content_id

    def run(self, opts: Options) -> Article:
        if self.raw is not None:
            return _extract_raw(self.raw, opts)
        return _extract_warc_page(self.path, self.page, opts)


def extract_files(paths: Iterable[str], *, kind: str | None = None, url: str | None = None,
                  published: str | None = None, stages: Sequence[Stage] = STAGES,
                  budget: Budget | None = None) -> Iterator[Article | Failure]:
    """Articles from files, '-' (stdin) and WARCs, in order; bad inputs come out as `Failure`s.

    A WARC yields one article per HTML response record; a broken record
    yields a Failure naming the file and the record, and the rest goes on.
    With a `budget` (`newsgraph.budget.Budget(seconds, memory_mb)`), the
    documents are extracted in a worker process, and one that takes more
    time or memory than that becomes a Failure ('OverBudget') while the
    rest goes on in a fresh worker; `stages` must then be the default
    table or module-level callables (they are sent to the worker).
    """
    opts = Options(kind=kind, url=url, published=published, stages=stages)
    yield from extract_jobs(iter_jobs(paths, opts), opts, budget)


def iter_jobs(paths: Iterable[str], opts: Options) -> Iterator[Job | Failure]:
    """The documents of files, '-' and WARCs in order, read but not extracted; unreadable ones as Failures."""
    for path in paths:
        yield from _path_jobs(path, opts)


def extract_jobs(jobs: Iterable[Job | Failure], opts: Options, budget: Budget | None = None,
                 plan: StagePlan | None = None) -> Iterator[Article | Failure]:
    """Extract jobs in order: here, or with a `budget` in a guarded worker that builds its stages from `plan`
    (default: `opts.stages`)."""
    if budget is None:
        for job in jobs:
            yield job if isinstance(job, Failure) else _run_here(job, opts)
        return
    from .budget import GuardedWorker, StagePlan

    sent = replace(opts, stages=())  # the worker has its own
    with GuardedWorker(budget, plan or StagePlan.of(opts.stages)) as worker:
        for job in jobs:
            yield job if isinstance(job, Failure) else worker.run(job, sent)


def _run_here(job: Job, opts: Options) -> Article | Failure:
    try:
        return job.run(opts)
    except (InputError, StageError) as exc:
        return Failure(exc.source or job.source, exc.reason, type(exc).__name__)


def _path_jobs(path: str, opts: Options) -> Iterator[Job | Failure]:
    try:
        if path == "-":
            yield from _stdin_jobs(opts)
            return
        check_file(path)
        if (opts.kind or sniff_kind(peek(path), path)) == "warc":
            yield from _warc_jobs(path)
            return
        yield Job(path, raw=read_input(path, opts.kind))
    except InputError as exc:
        yield Failure(exc.source or path, exc.reason, type(exc).__name__)
    except OSError as exc:
        yield Failure(path, exc.strerror or str(exc), type(exc).__name__)


def _stdin_jobs(opts: Options) -> Iterator[Job | Failure]:
    """Standard input: a WARC is spooled to a temporary file and streamed; anything else is one document."""
    stdin = sys.stdin.buffer
    head = stdin.read(65536)
    if (opts.kind or sniff_kind(gunzip_head(head))) != "warc":
        rest = stdin.read(MAX_DOCUMENT_BYTES + 1 - len(head))
        yield Job("-", raw=raw_input(head + rest, "-", opts.kind))
        return
    with tempfile.TemporaryFile() as spool:
        spool.write(head)
        shutil.copyfileobj(stdin, spool)
        spool.seek(0)
        yield from _warc_jobs("-", stream=spool)


def _warc_jobs(path: str, stream: BinaryIO | None = None) -> Iterator[Job | Failure]:
    from .readers.warc import iter_warc_pages

    for page in iter_warc_pages(path, stream):
        if isinstance(page, InputError):
            yield Failure(page.source or path, page.reason, type(page).__name__)
        else:
            yield Job(path, page=page)


def _warc_page_name(path: str, page: WarcPage) -> str:
    """The `source` of a WARC page's record: 'FILE#RECORD-ID'."""
    return f"{path}#{page.record_id}" if page.record_id else path


def _extract_warc_page(path: str, page: WarcPage, opts: Options) -> Article:
    """One HTML response record of a WARC through the reader and the stages (also used by `newsgraph.batch`)."""
    name = _warc_page_name(path, page)
    decoded = decode_text(page.body, name, "html")
    doc = Document(raw=decoded.text, kind="warc", source=name, url=opts.url,
                   published=opts.published, fetched=page.date, content_id=RawInput(name, page.body, "html").content_id,
                   scratch={"warc_url": page.url})  # the record's URI is the url; the canonical link its own field
    return _with_warnings(run(doc, opts.stages, READERS), decoded)
