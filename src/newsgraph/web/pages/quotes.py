"""`/quotes`: who is quoted, how often, about what; filtered by speaker, organisation, date and kind; paged."""

from __future__ import annotations

from ...store import Store
from .args import BadRequest, iso_date, page_number, text

PAGE_SIZE = 50
KINDS = ("direct", "indirect", "mixed")


def data(store: Store, args: dict) -> dict:
    """The speakers with their counts and articles, and one page of the quotes themselves."""
    kind = text(args, "kind")
    if kind not in (None, *KINDS):
        raise BadRequest(f"kind={kind!r}: choose from {', '.join(KINDS)}")
    filters = {"by": text(args, "speaker"), "organization": text(args, "organization"),
               "since": iso_date(args, "since"), "until": iso_date(args, "until", end=True), "kind": kind}
    chosen = store.quote_filters(**filters)
    page = page_number(args)
    speakers = store.quote_speakers(chosen)
    return {"filters": filters, "page": page, "page_size": PAGE_SIZE, "total": speakers["total"],
            "speakers": speakers["speakers"],
            "quotes": store.filtered_quotes(chosen, PAGE_SIZE, (page - 1) * PAGE_SIZE)}
