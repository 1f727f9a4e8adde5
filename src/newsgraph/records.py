"""Records files (`.jsonl`, `.jsonl.gz`, `.parquet`) read for ingest, a chunk at a time, the work split over two cores.

Each chunk's results are prepared for storing: articles (or a failure per
bad line, naming the file and line, in order), near-duplicate signatures
and the records' JSON. For an input of more than one chunk, a worker
process reads the file too and signs the bodies of all chunks after the
first (42 % of preparing a chunk), running ahead of the writer: a thread
could not, as it would share the GIL with the writer (`newsgraph.prefetch`).
It reads each line's paragraphs only (the parser pydantic uses, so they
are the article's), and sends one signature per line, nothing else, so
the pipe costs next to nothing; validating here again what a worker had
validated would cost as much as it saves (unpickling an article costs more
than validating its line: 53 against 47 ms a chunk of bench_store's
records). The worker starts once the first chunk is found full and has
been prepared, so its start-up (about 0.5 s of CPU) overlaps storing that
chunk, and an input of fewer records never pays it.

The worker ends with the chunks: at their end, on an exception (sent back
and raised here), and when the caller stops early (Ctrl-C, an exception
while storing): `close` kills it. If the caller dies, its next write
fails and it ends.
"""

from __future__ import annotations

import gzip
import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel

from .api import Failure
from .dedup import signatures
from .model import Article

Prepared = tuple[Article | Failure, bytes | None, str | None]  # a result, its signature and record JSON
_Line = tuple[str, str]  # where a record is ("path:line") and its JSON
NOT_SIGNED = False  # the signature of a record the worker could not read (None: a body too short to sign)


def record_lines(path: str) -> Iterator[_Line]:
    """The records of a JSON Lines file `newsgraph extract` wrote or of a Parquet shard of `newsgraph batch`."""
    if path.lower().endswith(".parquet"):
        from .batch.writer import parquet_records

        yield from ((f"{path}:{number}", line) for number, line in enumerate(parquet_records(path), 1))
        return
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from ((f"{path}:{number}", line) for number, line in enumerate(fh, 1) if line and not line.isspace())


def article(where: str, line: str) -> Article | Failure:
    """A record's article, or the failure naming it, as Parquet records and stored ones are read."""
    try:
        return Article.model_validate_json(line)
    except ValueError as exc:
        return Failure(where, f"not an article record ({str(exc).splitlines()[0]})", "MalformedInput")


def prepare(chunk: list[Article | Failure], sigs: list[bytes | None | bool] | None = None) -> list[Prepared]:
    """What storing a chunk's articles needs that the store does not: near-duplicate signatures (all at once,
    unless given: one per result, NOT_SIGNED where one is to be made here) and the records' JSON; made for
    articles stored already too, which go unused."""
    given = sigs or [NOT_SIGNED] * len(chunk)
    articles = [r for r, sig in zip(chunk, given) if not isinstance(r, Failure) and sig is NOT_SIGNED]
    made = iter(signatures([a.paragraphs for a in articles]))
    return [(r, None, None) if isinstance(r, Failure) else (r, next(made) if sig is NOT_SIGNED else sig,
                                                            r.model_dump_json()) for r, sig in zip(chunk, given)]


def prepared_chunks(path: str, size: int) -> Iterator[list[Prepared]]:
    """The file's records in chunks of `size`, prepared; the bodies after the first chunk signed by a worker."""
    with closing(record_lines(path)) as lines:
        first = list(islice(lines, size))
        if len(first) < size:  # the only chunk
            yield from [prepare([article(*line) for line in first])] if first else []
            return
        prepared = prepare([article(*line) for line in first])
        with SigningWorker(path, size) as worker:  # it starts while the first chunk is stored
            yield prepared
            while chunk := list(islice(lines, size)):
                yield prepare([article(*line) for line in chunk], worker.next_chunk(len(chunk)))


class SigningWorker:
    """A process that signs the bodies of a file's records after the first chunk, a chunk at a time.

    Started as `python -m newsgraph.records PATH SIZE`, not by `multiprocessing` (whose 'spawn' runs the
    caller's main script again, and whose 'fork' is unsafe with threads); it sends pickled messages on its
    standard output. In a session of its own, so Ctrl-C at the terminal reaches only the caller, who ends it.
    """

    def __init__(self, path: str, size: int):
        package_root = str(Path(__file__).resolve().parents[1])  # this newsgraph, wherever the caller found it
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
        self._process = subprocess.Popen([sys.executable, "-m", "newsgraph.records", path, str(size)],
                                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, env=env,
                                         start_new_session=True)

    def __enter__(self) -> SigningWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def next_chunk(self, count: int) -> list[bytes | None | bool]:
        """The signatures of the next chunk's `count` records (NOT_SIGNED where the worker could not read one)."""
        try:
            message = pickle.load(self._process.stdout)
        except EOFError:
            raise RuntimeError(f"the worker signing records ended unexpectedly "
                               f"(exit status {self._process.wait()})") from None
        if isinstance(message, _Raised):
            raise message.error
        if len(message) != count:
            raise RuntimeError(f"the worker signing records read {len(message)} records where there are {count}")
        return message

    def close(self) -> None:
        """End the worker (at once, if it has not ended) and wait for it."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.stdout.close()
        self._process.wait()


class _Raised:
    """An exception in the worker, raised again in the caller."""

    def __init__(self, error: BaseException):
        self.error = error


class _Body(BaseModel):
    """The paragraphs of a record, all the worker reads of it."""

    paragraphs: list[str] = []


def _work(path: str, size: int, out: BinaryIO) -> None:
    """The worker: the signatures of each chunk after the first (or the exception met)."""
    try:
        lines = islice(record_lines(path), size, None)
        while chunk := list(islice(lines, size)):
            bodies = [_paragraphs(line) for _, line in chunk]
            sigs = iter(signatures([b for b in bodies if b is not None]))
            _send(out, [NOT_SIGNED if b is None else next(sigs) for b in bodies])
    except BrokenPipeError:
        pass  # the caller has stopped reading
    except Exception as error:  # noqa: BLE001 - sent to the caller, who raises it
        _send(out, _Raised(_picklable(error)))


def _paragraphs(line: str) -> list[str] | None:
    try:
        return _Body.model_validate_json(line).paragraphs
    except ValueError:
        return None  # not an article record: the caller says why


def _send(out: BinaryIO, message) -> None:
    pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


def _picklable(error: BaseException) -> BaseException:
    """The exception, or one that says what it was when it cannot be pickled."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - any failure to pickle
        return RuntimeError(f"{type(error).__name__}: {error}")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the caller ends it
    from newsgraph.records import _work as work  # what it sends must be pickled as this module's, not __main__'s

    work(sys.argv[1], int(sys.argv[2]), sys.stdout.buffer)
