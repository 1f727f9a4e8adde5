"""`/quotes`: who is quoted, how often, about what; filtered by speaker, organisation, date, kind and mode; paged."""

from __future__ import annotations

from ...model import QUOTE_MODES as MODES
from ...store import Store
from .args import BadRequest, iso_date, page_number, text

PAGE_SIZE = 50
KINDS = ("direct", "indirect", "mixed")


def data(store: Store, args: dict) -> dict:
    """The speakers with their counts and articles, and one page of the quotes themselves."""
    kind, mode = text(args, "kind"), text(args, "mode")
    for name, value, choices in (("kind", kind, KINDS), ("mode", mode, MODES)):
        if value not in (None, *choices):
            raise BadRequest(f"{name}={value!r}: choose from {', '.join(choices)}")
    filters = {"by": text(args, "speaker"), "organization": text(args, "organization"),
               "since": iso_date(args, "since"), "until": iso_date(args, "until", end=True), "kind": kind,
               "mode": mode}
    chosen = store.quote_filters(**filters)
    page = page_number(args)
    speakers = store.quote_speakers(chosen)
    return {"filters": filters, "page": page, "page_size": PAGE_SIZE, "total": speakers["total"],
            "speakers": speakers["speakers"],
            "quotes": store.filtered_quotes(chosen, PAGE_SIZE, (page - 1) * PAGE_SIZE)}
