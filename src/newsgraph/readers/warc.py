"""WARC reader: every HTML response record becomes one page to extract.

Streams the file record by record with FastWARC, so its size does not
matter. A record that cannot be read becomes an `InputError` value in the
stream naming the file and the record; the pages after it still come.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError, MalformedInput, TruncatedInput

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcPage:
    """The HTML payload of one response record."""

    url: str | None
    date: str | None
    record_id: str | None
    body: bytes


def iter_warc_pages(path: str, data: bytes | None = None) -> Iterator[WarcPage | InputError]:
    """HTML pages of a .warc or .warc.gz file (or of its bytes), in order."""
    from fastwarc.stream_io import FastWARCError
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    stream = io.BytesIO(data) if data is not None else open(path, "rb")
    count = 0
    try:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
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
    http = record.http_headers
    if http is None:
        return MalformedInput(f"WARC record {record_id} has no readable HTTP header", path)
    content_type = (http.get("Content-Type") or "").lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        return None
    try:
        body = record.reader.read()
    except (OSError, EOFError, ValueError) as exc:
        return TruncatedInput(f"WARC record {record_id} body unreadable ({exc})", path)
    declared = record.headers.get("Content-Length")
    if declared and declared.isdigit() and record.content_length < int(declared):
        return TruncatedInput(f"WARC record {record_id} is cut short", path)
    if not body.strip():
        return MalformedInput(f"WARC record {record_id} has an empty body", path)
    date = record.record_date.isoformat() if record.record_date else record.headers.get("WARC-Date")
    return WarcPage(record.headers.get("WARC-Target-URI"), date, record_id, body)
