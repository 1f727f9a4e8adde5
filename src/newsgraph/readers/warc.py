"""WARC reader: every HTML response record becomes one page to extract.

Streams the file record by record (`warc_records`), so its size does not
matter. A record that cannot be read becomes an `InputError` value in the
stream naming the file, the record and its offset; the pages after it
still come, and a broken record's bytes never reach the next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from ..errors import InputError, MalformedInput
from .warc_records import WarcRecord, iter_records

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass
class WarcPage:
    """The HTML payload of one response record."""

    url: str | None
    date: str | None
    record_id: str | None
    body: bytes


def iter_warc_pages(path: str, stream: BinaryIO | None = None) -> Iterator[WarcPage | InputError]:
    """HTML pages of a .warc or .warc.gz file (or of an open, seekable binary stream), in order.

    Each record is read on its own (`warc_records`): a broken one becomes an `InputError` naming it and
    its offset, and the records after it still come.
    """
    stream = stream if stream is not None else open(path, "rb")
    responses = 0
    try:
        for record in iter_records(stream, path, _is_response):
            if isinstance(record, InputError):
                yield record
                continue
            if not _is_response(record.headers):
                continue
            responses += 1
            page = _page(record, path)
            if page is not None:
                yield page
    finally:
        stream.close()
    if responses == 0:
        yield MalformedInput("no WARC response records found", path)


def _is_response(headers: dict[str, str]) -> bool:
    return headers.get("warc-type", "").lower() == "response"


def _page(record: WarcRecord, path: str) -> WarcPage | InputError | None:
    label = f"WARC record {record.record_id or ''} at offset {record.offset}".replace("  ", " ")
    block = record.block or b""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep or not head.startswith(b"HTTP/"):
        return MalformedInput(f"broken {label}: no HTTP response header", path)
    headers = _http_headers(head)
    content_type = headers.get("content-type", "").lower()
    if content_type and not content_type.startswith(HTML_TYPES):
        return None
    if not body.strip():
        return MalformedInput(f"{label} has an empty body", path)
    return WarcPage(record.headers.get("warc-target-uri"), _iso_date(record.headers.get("warc-date")),
                    record.record_id, body)


def _iso_date(value: str | None) -> str | None:
    """WARC-Date as ISO 8601 with an explicit offset ('2025-10-03T08:00:00+00:00')."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return value


def _http_headers(head: bytes) -> dict[str, str]:
    headers = {}
    for line in head.decode("latin-1").splitlines()[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return headers
