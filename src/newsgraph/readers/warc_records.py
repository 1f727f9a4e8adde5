"""WARC records one by one, each checked on its own: a broken record never takes the next one with it.

A WARC is a sequence of records, each a header block, a body of
`Content-Length` bytes and a blank line; in a `.warc.gz` each record is
usually a gzip member of its own. Records are framed here, not by a
library, because a damaged file needs what no WARC library does:

1. Read the header up to its blank line; it must start `WARC/1.x` and
   give a `Content-Length`.
2. Read that many bytes, then check that the record really ends there
   (a blank line, then the next `WARC/1.x` header or the end of the file).
3. A record that does not end there was cut short: when the next record's
   header shows up inside its declared length, the broken record is
   reported and reading restarts at that header, so its bytes are never
   mixed into it; otherwise reading moves on to the next `WARC/1.x` line.
4. A gzip member that does not decompress is reported, and reading
   restarts at the next gzip member that holds a WARC record.

Every failure names the record (its WARC-Record-ID when it could be read)
and its offset in the file: the record's first byte in a plain WARC, its
gzip member's first byte in a `.warc.gz` (where `dd` or `warcio extract`
can start).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import InputError, MalformedInput, TooLargeInput, TruncatedInput
from ..inputs import MAX_DOCUMENT_BYTES, is_gzip

CHUNK = 1 << 16
MAX_HEADER_BYTES = 1 << 16
_RECORD_START = re.compile(rb"(?:^|\r?\n)(WARC/1\.[01]\r?\n)")
_HEADER_FIELD = re.compile(rb"(?:WARC-[A-Za-z-]+|Content-[A-Za-z-]+): ?[^\r\n]*\r?\n|[A-Za-z-]*\Z")


@dataclass
class WarcRecord:
    """One framed record: where it starts, its WARC headers (names lower-case) and its body (None if skipped)."""

    offset: int
    headers: dict[str, str]
    block: bytes | None

    @property
    def record_id(self) -> str | None:
        return self.headers.get("warc-record-id")

    @property
    def type(self) -> str:
        return self.headers.get("warc-type", "").lower()


class _Bytes:
    """The decompressed bytes of a plain or gzipped WARC stream, and the file offset each record starts at.

    A gzip member that does not decompress reads as the end of the file and sets `broken` to its offset
    and the reason; `to_next_member` then restarts after it.
    """

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.cpos = stream.tell()  # file offset of `pending`
        self.pending = stream.read(CHUNK)  # bytes read from the file, not yet decompressed
        self.gzip = is_gzip(self.pending)
        self.inflater = None
        self.buf = bytearray()  # decompressed bytes not yet consumed
        self.pos = 0  # decompressed offset of buf[0]
        self.produced = 0  # decompressed bytes made so far
        self.members: list[tuple[int, int]] = [(0, self.cpos)]  # (decompressed, file) offset of member starts
        self.broken: tuple[int, str] | None = None
        self.reported = False  # the record being read has already been reported as broken

    def file_offset(self) -> int:
        """Where the current position came from: the byte in a plain WARC, the gzip member in a .warc.gz."""
        if not self.gzip:
            return self.members[0][1] + self.pos
        while len(self.members) > 1 and self.members[1][0] <= self.pos:
            self.members.pop(0)
        return self.members[0][1]

    def _more(self) -> bool:
        """Append more decompressed bytes to the buffer; False at the end of the file or of what decompresses."""
        while self.broken is None:
            if not self.pending:
                self.pending = self.stream.read(CHUNK)
                if not self.pending:
                    if self.inflater is not None:
                        self.broken = (self.members[-1][1], "its gzip member ends early (the file is truncated)")
                    return False
            data = self._inflate() if self.gzip else self._plain()
            if data:
                self.buf += data
                self.produced += len(data)
                return True
        return False

    def _plain(self) -> bytes:
        data, self.pending = self.pending, b""
        self.cpos += len(data)
        return data

    def _inflate(self) -> bytes:
        if self.inflater is None:
            stripped = self.pending.lstrip(b"\x00")  # padding some writers leave between members
            self.cpos += len(self.pending) - len(stripped)
            self.pending = stripped
            if not self.pending:
                return b""
            self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            if self.members[-1][0] == self.produced:
                self.members[-1] = (self.produced, self.cpos)  # no bytes came from the member noted there
            else:
                self.members.append((self.produced, self.cpos))
        try:
            data = self.inflater.decompress(self.pending, CHUNK)
        except zlib.error as exc:
            self.inflater = None
            self.broken = (self.members[-1][1], f"its gzip member does not decompress ({exc})")
            return b""
        rest = self.inflater.unused_data if self.inflater.eof else self.inflater.unconsumed_tail
        self.cpos += len(self.pending) - len(rest)
        self.pending = rest
        if self.inflater.eof:
            self.inflater = None
        return data

    def _fill(self, size: int) -> None:
        while len(self.buf) < size and self._more():
            pass

    def peek(self, size: int) -> bytes:
        self._fill(size)
        return bytes(self.buf[:size])

    def readline(self, limit: int) -> bytes:
        """One line with its newline (at most `limit` bytes; fewer at the end of the file)."""
        start = 0
        while (end := self.buf.find(b"\n", start, limit)) < 0 and len(self.buf) < limit:
            start = len(self.buf)
            if not self._more():
                break
        return self.read(end + 1 if end >= 0 else min(limit, len(self.buf)))

    def read(self, size: int) -> bytes:
        self._fill(size)
        data = bytes(self.buf[:size])
        del self.buf[:size]
        self.pos += len(data)
        return data

    def skip(self, size: int) -> int:
        """Drop `size` bytes without keeping them; how many there were."""
        skipped = 0
        while skipped < size and (self.buf or self._more()):
            step = min(size - skipped, len(self.buf))
            del self.buf[:step]
            self.pos += step
            skipped += step
        return skipped

    def unread(self, data: bytes) -> None:
        self.buf[:0] = data
        self.pos -= len(data)

    def to_next_record(self) -> int:
        """Skip to the next line starting `WARC/1.x`; how many bytes were skipped (to the end if none)."""
        skipped = 0
        while True:
            match = _RECORD_START.search(self.buf, 1)
            if match:
                return skipped + self.skip(match.start(1))
            keep = min(len(self.buf), 9)  # a header line split between two chunks
            skipped += self.skip(len(self.buf) - keep)
            if not self._more():
                return skipped + self.skip(len(self.buf))

    def to_next_member(self) -> bool:
        """Restart at the first gzip member after the broken one that holds a WARC record; False if none."""
        after = self.broken[0] if self.broken else self.cpos
        self.buf.clear()
        self.inflater, self.broken, self.reported = None, None, False
        self.pos = self.produced
        at = after + 1
        while True:
            self.stream.seek(at)
            window = self.stream.read(CHUNK + 2)
            found = window.find(b"\x1f\x8b\x08")
            while found >= 0:
                if _holds_record(self.stream, at + found):
                    self.stream.seek(at + found)
                    self.pending, self.cpos = b"", at + found
                    self.members = [(self.produced, at + found)]
                    return True
                found = window.find(b"\x1f\x8b\x08", found + 1)
            if len(window) < CHUNK + 2:
                self.stream.seek(0, 2)
                self.pending, self.cpos = b"", self.stream.tell()
                return False
            at += CHUNK


def _holds_record(stream: BinaryIO, offset: int) -> bool:
    """True when a gzip member starting at `offset` decompresses to a WARC header."""
    stream.seek(offset)
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.read(CHUNK), 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/1.")


def iter_records(stream: BinaryIO, path: str, wanted: Callable[[dict[str, str]], bool] = lambda _: True,
                 ) -> Iterator[WarcRecord | InputError]:
    """Every record of a seekable WARC stream in order, its body read when `wanted(headers)`; broken ones as
    errors naming the record and its offset, the records after them still read."""
    data = _Bytes(stream)
    while True:
        item = _next_record(data, path, wanted)
        if item is not None:
            yield item
        if data.broken is not None:
            offset, reason = data.broken
            if not data.reported:
                yield TruncatedInput(f"WARC record at offset {offset} is unreadable: {reason}", path)
            if data.gzip and data.to_next_member():
                continue
            return
        if item is None:
            return


def _label(headers: dict[str, str], offset: int) -> str:
    record_id = headers.get("warc-record-id")
    return f"WARC record {record_id} at offset {offset}" if record_id else f"WARC record at offset {offset}"


def _next_record(data: _Bytes, path: str, wanted) -> WarcRecord | InputError | None:
    """The next record, or an error for bytes that are not one (reading then moves past them); None at the end."""
    while (line := data.readline(MAX_HEADER_BYTES)) and not line.strip():
        pass  # blank lines between records
    if not line:
        return None
    data.unread(line)
    offset = data.file_offset()
    if not line.startswith(b"WARC/1."):
        skipped = data.to_next_record()
        return _broken(data, MalformedInput(f"{skipped:,} bytes at offset {offset} are not a WARC record "
                                            "(skipped to the next record)", path))
    data.skip(len(line))
    headers = _read_headers(data)
    label = _label(headers, offset)
    length = headers.get("content-length", "")
    if not length.isdigit():
        data.to_next_record()
        return _broken(data, MalformedInput(f"broken {label}: no Content-Length", path), label)
    length = int(length)
    want = wanted(headers)
    block = data.read(length) if want and length <= MAX_DOCUMENT_BYTES else None
    got = len(block) if block is not None else data.skip(length)
    if got == length and _ends_here(data):
        if want and block is None:
            return TooLargeInput(f"{label} of {length:,} bytes is over the {MAX_DOCUMENT_BYTES:,}-byte limit "
                                 "for one document", path)
        return WarcRecord(offset, headers, block)
    return _broken(data, _cut_short(data, block, got < length, label, path), label)


def _read_headers(data: _Bytes) -> dict[str, str]:
    """The WARC headers up to the blank line, names lower-case."""
    headers: dict[str, str] = {}
    size = 0
    while (line := data.readline(MAX_HEADER_BYTES)).strip() and size < MAX_HEADER_BYTES:
        size += len(line)
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if sep:
            headers[name.strip().lower()] = value.strip()
    return headers


def _ends_here(data: _Bytes) -> bool:
    """The record ends at the current position: a blank line, then the end or the next record (skipped to)."""
    tail = data.peek(16)
    stripped = tail.lstrip(b"\r\n")
    if tail.startswith((b"\r\n\r\n", b"\n\n")) or stripped.startswith(b"WARC/1.") or not stripped:
        data.skip(len(tail) - len(stripped))
        return True
    return False


def _cut_short(data: _Bytes, block: bytes | None, at_end: bool, label: str, path: str) -> InputError:
    """The error for a record that does not end where it says; reading goes on at the next record.

    When the next record's header is inside the declared length, the record was cut short there: the
    bytes from that header on are given back, so they are read as the next record and never as this one.
    """
    inner = _inner_record(block) if block is not None else None
    if inner is not None:
        data.unread(block[inner:])
        return TruncatedInput(f"{label} is cut short: the next record begins {len(block) - inner:,} bytes before "
                              "its declared end", path)
    if at_end:
        return TruncatedInput(f"{label} is cut short: the file ends inside it", path)
    data.to_next_record()
    return MalformedInput(f"{label} does not end where its Content-Length says (skipped to the next record)", path)


def _inner_record(block: bytes) -> int | None:
    """Where a WARC header starts inside a record's body, if one does (its first line then a header field)."""
    for match in _RECORD_START.finditer(block, 1):
        if _HEADER_FIELD.match(block, match.end(1)):
            return match.start(1)
    return None


def _broken(data: _Bytes, error: InputError, label: str | None = None) -> InputError:
    """`error`, or, when a gzip member broke under this record, that reason (reported once)."""
    if data.broken is None or label is None:
        return error
    data.reported = True
    return TruncatedInput(f"{label} is unreadable: {data.broken[1]}", error.source)
