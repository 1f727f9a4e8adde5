"""Reading a page's query arguments: text, dates and page numbers, with a clear 400 when they are wrong."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, datetime

PAGE_SIZE = 20


class BadRequest(ValueError):
    """A query argument the page cannot use; the message says which and why."""


def text(args: Mapping[str, str], name: str) -> str | None:
    """A trimmed text argument, None when absent or blank."""
    value = (args.get(name) or "").strip()
    return value or None


def iso_date(args: Mapping[str, str], name: str, end: bool = False) -> str | None:
    """An ISO 8601 date or date-time argument; a month (2025-10) means its first day, or its last when `end`."""
    value = text(args, name)
    if value is None:
        return None
    try:
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:])
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1).isoformat()
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name}={value!r} is not an ISO 8601 date such as 2025-10-03") from None
    return value


MAX_PAGE = 1_000_000


def page_number(args: Mapping[str, str]) -> int:
    """The 1-based page of a paged list (ASCII digits, at most MAX_PAGE)."""
    value = text(args, "page") or "1"
    if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_PAGE:
        raise BadRequest(f"page={value[:40]!r} is not a page number from 1 to {MAX_PAGE:,}")
    return int(value)
