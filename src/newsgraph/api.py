"""The Python API: one article from memory, or many from files."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .errors import InputError, MalformedInput, MissingInput, StageError
from .inputs import MAX_DOCUMENT_BYTES, Decoded, RawInput, gunzip_head, decode_text, peek, raw_input, read_input, sniff_kind
from .model import Article
from .pipeline import READERS, STAGES, Document, Stage, run

if TYPE_CHECKING:
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
    decoded = Decoded(raw.text) if raw.text is not None else decode_text(raw.data, raw.name, raw.kind)
    doc = Document(raw=decoded.text, kind=raw.kind, source=raw.name, url=opts.url, published=opts.published,
                   content_id=raw.content_id)
    return _with_warnings(run(doc, opts.stages, READERS), decoded)


def _with_warnings(article: Article, decoded: Decoded) -> Article:
    """The article with what decoding had to say in its `warnings`."""
    article.warnings.extend(w for w in decoded.warnings if w not in article.warnings)
    return article


def extract_files(paths: Iterable[str], *, kind: str | None = None, url: str | None = None,
                  published: str | None = None, stages: Sequence[Stage] = STAGES) -> Iterator[Article | Failure]:
    """Articles from files, '-' (stdin) and WARCs, in order; bad inputs come out as `Failure`s.

    A WARC yields one article per HTML response record; a broken record
    yields a Failure naming the file and the record, and the rest goes on.
    """
    opts = Options(kind=kind, url=url, published=published, stages=stages)
    for path in paths:
        yield from _extract_path(path, opts)


def _extract_path(path: str, opts: Options) -> Iterator[Article | Failure]:
    try:
        if path != "-":
            check_file(path)
            if (opts.kind or sniff_kind(peek(path), path)) == "warc":
                yield from _extract_warc(path, opts)
                return
        if path == "-":
            yield from _extract_stdin(opts)
            return
        raw = read_input(path, opts.kind)
        yield _extract_raw(raw, opts)
    except (InputError, StageError) as exc:
        yield Failure(exc.source or path, exc.reason, type(exc).__name__)
    except OSError as exc:
        yield Failure(path, exc.strerror or str(exc), type(exc).__name__)


def _extract_stdin(opts: Options) -> Iterator[Article | Failure]:
    """Standard input: a WARC is spooled to a temporary file and streamed; anything else is one document."""
    stdin = sys.stdin.buffer
    head = stdin.read(65536)
    if (opts.kind or sniff_kind(gunzip_head(head))) != "warc":
        rest = stdin.read(MAX_DOCUMENT_BYTES + 1 - len(head))
        yield _extract_raw(raw_input(head + rest, "-", opts.kind), opts)
        return
    with tempfile.TemporaryFile() as spool:
        spool.write(head)
        shutil.copyfileobj(stdin, spool)
        spool.seek(0)
        yield from _extract_warc("-", opts, stream=spool)


def _extract_warc(path: str, opts: Options, stream: BinaryIO | None = None) -> Iterator[Article | Failure]:
    from .readers.warc import iter_warc_pages

    for page in iter_warc_pages(path, stream):
        if isinstance(page, InputError):
            yield Failure(page.source or path, page.reason, type(page).__name__)
            continue
        try:
            yield _extract_warc_page(path, page, opts)
        except (InputError, StageError) as exc:
            yield Failure(exc.source or _warc_page_name(path, page), exc.reason, type(exc).__name__)


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
