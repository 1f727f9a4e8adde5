"""Records files (`.jsonl`, `.jsonl.gz`, `.parquet`) read for ingest, a chunk at a time, the work split over two cores.

Each chunk's results are prepared for storing: articles (or a failure per
bad line, naming the file and line, in order), near-duplicate signatures,
the records' JSON and the articles' entities grouped (`group_entities`,
the first step of linking). For an input of more than one chunk, a worker
process reads the chunks after the first and prepares them, running ahead
of the writer: a thread could not, as it would share the GIL with the
writer (`newsgraph.prefetch`). What it sends is cheap to take in: each line
with its signature, JSON and groups in plain values (`pack_groups`); the
article is validated again here from its line, which costs less than
unpickling it (47 against 53 ms a chunk of bench_store's records), and its
groups made again from the values take a fifth of grouping it. The worker
starts once the first chunk is found full and a CPU was left idle while
it was prepared (`IdleCpu`: on a busy machine the worker costs more than
it saves, and the chunks are all prepared here); its start-up (about 0.5 s
of CPU) overlaps storing the first chunk, and an input of fewer records
never pays it.

The worker ends with the chunks: at their end, on an exception (sent back
and raised here, in order), and when the caller stops early (Ctrl-C, an
exception while storing): `close` kills it. If the caller dies, its next
write fails and it ends.
"""

from __future__ import annotations

import gzip
import os
import pickle
import signal
import subprocess
import sys
import time
import zlib
from collections.abc import Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from .api import Failure
from .dedup import signatures
from .model import Article
from .store.grouping import Local, group_entities, pack_groups, unpack_groups

Prepared = tuple[Article | Failure, bytes | None, str | None, list[Local] | None]  # a result, its signature, record
# JSON and entities grouped (None: not yet)
_Line = tuple[str, str]  # where a record is ("path:line") and its JSON


def record_lines(path: str) -> Iterator[_Line]:
    """The records of a JSON Lines file `newsgraph extract` wrote or of a Parquet shard of `newsgraph batch`."""
    if path.lower().endswith(".parquet"):
        from .batch.writer import parquet_records

        yield from ((f"{path}:{number}", line) for number, line in enumerate(parquet_records(path), 1))
        return
    opener = gzip.open if path.endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line and not line.isspace():
                    yield f"{path}:{number}", line
    except (EOFError, OSError, UnicodeDecodeError, zlib.error) as exc:  # a gzip cut short, bytes that are no text
        yield f"{path}:{number + 1}", Unreadable(f"{type(exc).__name__}: {exc}")


class Unreadable(str):
    """Where a records file stops being readable (in place of a line), and why: the records before it are
    stored, this becomes the input's failure, and the rest of the batch goes on."""


def article(where: str, line: str) -> Article | Failure:
    """A record's article, or the failure naming it, as Parquet records and stored ones are read."""
    if isinstance(line, Unreadable):
        return Failure(where, f"records file unreadable from here on ({line})", "MalformedInput")
    try:
        return Article.model_validate_json(line)
    except ValueError as exc:
        return Failure(where, f"not an article record ({str(exc).splitlines()[0]})", "MalformedInput")


def prepare(chunk: list[Article | Failure]) -> list[Prepared]:
    """What storing a chunk's articles needs that the store does not: near-duplicate signatures (all at once)
    and the records' JSON (groups are left to be made: None); made for articles stored already too, which go
    unused."""
    articles = [r for r in chunk if not isinstance(r, Failure)]
    sigs = iter(signatures([a.paragraphs for a in articles]))
    return [(r, None, None, None) if isinstance(r, Failure) else (r, next(sigs), r.model_dump_json(), None)
            for r in chunk]


def prepared_chunks(path: str, size: int) -> Iterator[list[Prepared]]:
    """The file's records in chunks of `size`, prepared: the first here, the others by a worker (with groups) if
    a CPU was left idle while the first was prepared, else here too."""
    with closing(record_lines(path)) as lines:
        first = list(islice(lines, size))
        with IdleCpu() as idle:
            prepared = prepare([article(*line) for line in first]) if first else []
        if len(first) == size and idle.spare():
            with RecordWorker(path, size) as worker:  # it starts while the first chunk is stored
                yield prepared
                yield from worker.chunks()
            return
        while prepared:
            yield prepared
            chunk = list(islice(lines, size))
            prepared = prepare([article(*line) for line in chunk]) if chunk else []


class IdleCpu:
    """How much CPU time the machine left idle during a `with` block (Linux: /proc/stat; elsewhere none).

    A worker process pays only where a CPU would otherwise be idle: on a busy machine it takes time from the
    writer and adds its own (each line is validated twice), so that ingest got slower (bench_store --compare:
    0.91-1.02x at load 2-2.5 on 2 CPUs).
    """

    def __enter__(self) -> IdleCpu:
        self.start, self.idle = time.perf_counter(), _idle_seconds()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds, self.idle = time.perf_counter() - self.start, _idle_seconds() - self.idle

    def spare(self) -> bool:
        """Was at least half a CPU idle on average?"""
        return self.idle >= 0.5 * self.seconds > 0


def _idle_seconds() -> float:
    """CPU seconds all CPUs have been idle since boot (0 where that cannot be read)."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = fh.readline().split()  # cpu user nice system idle iowait ...
    except OSError:
        return 0.0
    return (int(fields[4]) + int(fields[5])) / os.sysconf("SC_CLK_TCK")


class RecordWorker:
    """A process that prepares a file's chunks of records after the first (`prepared_chunks`).

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

    def __enter__(self) -> RecordWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def chunks(self) -> Iterator[list[Prepared]]:
        """The prepared chunks, in order, each article validated again here from its line and its groups made
        again from what the worker sent."""
        while True:
            try:
                message = pickle.load(self._process.stdout)
            except EOFError:
                raise RuntimeError(f"the worker reading records ended unexpectedly "
                                   f"(exit status {self._process.wait()})") from None
            if isinstance(message, _End):
                return
            if isinstance(message, _Raised):
                raise message.error
            yield [_received(item) for item in message]

    def close(self) -> None:
        """End the worker (at once, if it has not ended) and wait for it."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.stdout.close()
        self._process.wait()


def _received(item: Failure | tuple) -> Prepared:
    """One record as the worker sent it (a failure, or its line, signature, JSON and packed groups), prepared."""
    if isinstance(item, Failure):
        return item, None, None, None
    line, sig, record, packed = item
    read = Article.model_validate_json(line)
    return read, sig, record, unpack_groups(read, packed)


class _End:
    """The worker's last message."""


class _Raised:
    """An exception in the worker, raised again in the caller."""

    def __init__(self, error: BaseException):
        self.error = error


def _work(path: str, size: int, out: BinaryIO) -> None:
    """The worker: each chunk after the first, prepared, then the end (or the exception met)."""
    try:
        lines = islice(record_lines(path), size, None)
        while chunk := list(islice(lines, size)):
            prepared = prepare([article(*line) for line in chunk])
            _send(out, [result if isinstance(result, Failure) else
                        (line, sig, record, pack_groups(result, group_entities(result)))
                        for (_, line), (result, sig, record, _) in zip(chunk, prepared)])
        _send(out, _End())
    except BrokenPipeError:
        pass  # the caller has stopped reading
    except Exception as error:  # noqa: BLE001 - sent to the caller, who raises it
        _send(out, _Raised(_picklable(error)))


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
