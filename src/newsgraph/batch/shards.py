"""Work units and shard names: what one worker does at a time, and how a resumed run knows it was done.

A work unit becomes exactly one output shard:

- a slice of one WARC: up to `shard_size` response records, as a byte
  range of whole records (gzip members in a .warc.gz), found by one quick
  scan of the file (`readers.warc_records`); a WARC that cannot be cut (one gzip
  stream over the whole file) is one unit;
- a group of up to `shard_size` text or HTML files.

Shard names come from the input's absolute path and the unit's place in
it, so the same inputs and shard size give the same names on every run.
A shard is complete once its data file has been renamed into place; a
resumed run skips those and redoes the rest.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import BinaryIO

from ..inputs import is_gzip, peek, sniff_kind

DEFAULT_SHARD_SIZE = 1000
"""Records per shard: a 1 GB CC-NEWS WARC (some 30,000 articles) makes a few dozen shards."""


@dataclass(frozen=True)
class WorkUnit:
    """One shard's worth of input."""

    shard: str
    paths: tuple[str, ...]
    warc: bool = False
    start: int = 0  # WARC slice: the byte range of its whole records
    end: int | None = None
    records: int = 1  # response records (WARC) or files: the unit's weight in the progress bar

    def to_dict(self) -> dict:
        return {**asdict(self), "paths": list(self.paths)}

    @classmethod
    def from_dict(cls, data: dict) -> WorkUnit:
        return cls(**{**data, "paths": tuple(data["paths"])})


def shard_name(path: str, index: int) -> str:
    """'<file stem>-<8 hex of the absolute path>-<index>': readable, and unique per input."""
    stem = os.path.basename(path)
    for suffix in (".gz", ".warc", ".html", ".htm", ".txt"):
        stem = stem.removesuffix(suffix)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem)[:60] or "input"
    digest = hashlib.sha1(os.path.abspath(path).encode("utf-8")).hexdigest()[:8]
    return f"{stem}-{digest}-{index:05d}"


def group_name(paths: list[str], index: int) -> str:
    """'files-<8 hex of the group's absolute paths>-<index>' for a group of text and HTML files."""
    digest = hashlib.sha1("\n".join(os.path.abspath(p) for p in paths).encode("utf-8")).hexdigest()[:8]
    return f"files-{digest}-{index:05d}"


def plan_inputs(paths: Iterable[str], shard_size: int = DEFAULT_SHARD_SIZE) -> tuple[list[str], list[WorkUnit]]:
    """Split inputs into WARCs (each to be planned with `plan_warc`) and units of grouped other files."""
    warcs, others = [], []
    for path in paths:
        path = os.path.abspath(path)
        (warcs if _is_warc(path) else others).append(path)
    units = [WorkUnit(group_name(group, index), tuple(group), records=len(group))
             for index, group in enumerate(_chunks(others, shard_size))]
    return warcs, units


def plan_warc(path: str, shard_size: int = DEFAULT_SHARD_SIZE) -> list[WorkUnit]:
    """The units of one WARC: slices of `shard_size` response records each, cut between whole records."""
    offsets = list(_response_offsets(path))
    cuts = offsets[shard_size::shard_size]
    increasing = all(b > a for a, b in zip([0, *cuts], cuts))  # one gzip stream gives every record one offset
    if not offsets or not increasing or not all(_starts_record(path, offset) for offset in cuts):
        return [WorkUnit(shard_name(path, 0), (path,), warc=True, records=max(len(offsets), 1))]
    starts = [0] + cuts  # the first slice also takes the warcinfo record before the first response
    ends = cuts + [None]
    return [WorkUnit(shard_name(path, index), (path,), warc=True, start=start, end=end,
                     records=len(offsets[index * shard_size:(index + 1) * shard_size]))
            for index, (start, end) in enumerate(zip(starts, ends))]


def _is_warc(path: str) -> bool:
    try:
        return sniff_kind(peek(path), path) == "warc"
    except OSError:
        return False  # a missing or unreadable file: the worker reports it as a failure


def _response_offsets(path: str) -> Iterator[int]:
    """Where each response record starts (its gzip member in a .warc.gz); broken records are left to the worker."""
    from ..readers.warc_records import WarcRecord, iter_records

    with open(path, "rb") as fh:
        for record in iter_records(fh, path, wanted=lambda _headers: False):
            if isinstance(record, WarcRecord) and record.type == "response":
                yield record.offset


def _starts_record(path: str, offset: int) -> bool:
    """True when a reader can start at `offset`: a gzip member (.warc.gz) or a plain 'WARC/' header."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        head = fh.read(8)
    return head.startswith(b"WARC/") or (is_gzip(head) and is_gzip(_first_bytes(path)))


def _first_bytes(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(2)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class ByteRange(io.RawIOBase):
    """The bytes [start, end) of an open file, as a stream the WARC reader can read (and seek in)."""

    def __init__(self, fh: BinaryIO, start: int, end: int | None):
        super().__init__()
        self._fh = fh
        fh.seek(start)
        self._end = end
        self._left = None if end is None else end - start

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._fh.tell()

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move to an offset of the file (not of the range), clamped to the range's end."""
        if whence == io.SEEK_END:
            offset = self._end if self._end is not None else self._fh.seek(0, io.SEEK_END)
        elif whence == io.SEEK_CUR:
            offset += self._fh.tell()
        if self._end is not None:
            offset = min(offset, self._end)
        self._fh.seek(offset)
        self._left = None if self._end is None else self._end - offset
        return offset

    def readinto(self, buffer) -> int:
        size = len(buffer) if self._left is None else min(len(buffer), self._left)
        if size <= 0:
            return 0
        data = self._fh.read(size)
        buffer[:len(data)] = data
        if self._left is not None:
            self._left -= len(data)
        return len(data)

    def close(self) -> None:
        self._fh.close()
        super().close()
