"""WARC reader: every HTML response record becomes one page to extract.

Streams the file record by record with FastWARC, so its size does not
matter. A record that cannot be read becomes an `InputError` value in the
stream naming the file and the record; the pages after it still come.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import InputError, MalformedInput, TruncatedInput

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcPage:
    """The HTML payload of one response record."""

    url: str | None
    date: str | None
    record_id: str | None
    body: bytes


def iter_warc_pages(path: str, stream: BinaryIO | None = None) -> Iterator[WarcPage | InputError]:
    """HTML pages of a .warc or .warc.gz file (or of an open binary stream), in order."""
    from fastwarc.stream_io import FastWARCError
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    stream = stream if stream is not None else open(path, "rb")
    count = 0
    try:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=False)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except (FastWARCError, OSError, EOFError, ValueError) as exc:
                yield TruncatedInput(f"WARC record after #{count} unreadable ({exc})", path)
                break
            count += 1
            page = _page(record, path, count)
            if page is not None:
                yield page
    finally:
        stream.close()
    if count == 0:
        yield MalformedInput("no WARC response records found", path)


def _page(record, path: str, number: int) -> WarcPage | InputError | None:
    record_id = record.record_id or f"record-{number}"
    declared = record.headers.get("Content-Length")
    if not declared or not declared.strip().isdigit():
        return MalformedInput(f"broken WARC record {record_id}: no Content-Length", path)
    try:
        block = record.reader.read()
    except (OSError, EOFError, ValueError) as exc:
        return TruncatedInput(f"WARC record {record_id} unreadable ({exc})", path)
    if len(block) < int(declared):
        return TruncatedInput(f"WARC record {record_id} is cut short ({len(block)} of {declared} bytes)", path)
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep or not head.startswith(b"HTTP/"):
        return MalformedInput(f"broken WARC record {record_id}: no HTTP response header", path)
    headers = _http_headers(head)
    content_type = headers.get("content-type", "").lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        return None
    if not body.strip():
        return MalformedInput(f"WARC record {record_id} has an empty body", path)
    date = record.record_date.isoformat() if record.record_date else record.headers.get("WARC-Date")
    return WarcPage(record.headers.get("WARC-Target-URI"), date, record_id, body)


def _http_headers(head: bytes) -> dict[str, str]:
    headers = {}
    for line in head.decode("latin-1").splitlines()[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers
