"""`/add` (only on a server started writable): paste an article, have it extracted and stored."""

from __future__ import annotations

from ...store import Store
from .args import iso_date, text


def data(store: Store, args: dict) -> dict:
    """The empty form."""
    return {"outcome": None}


def submit(writer, args: dict) -> dict:
    """Extract the pasted text or HTML (in the writer's guarded worker) and store it; the outcome, or why not."""
    from ...api import Failure, Job, Options, _str_input
    from ...errors import InputError

    content = args.get("content") or ""
    if not content.strip():
        return {"outcome": "refused", "reason": "nothing was pasted"}
    try:
        job = Job("web", raw=_str_input(content, "web", None))
        if job.raw.kind == "warc":
            return {"outcome": "refused", "reason": "a WARC holds many articles: use newsgraph ingest"}
        options = Options(url=text(args, "url"), published=iso_date(args, "published"), stages=())
    except InputError as exc:
        return {"outcome": "refused", "reason": exc.reason}
    result = writer.extract(job, options if writer.worker is not None else _with_stages(options))
    if isinstance(result, Failure):
        return {"outcome": "refused", "reason": result.reason}
    report = writer.add(result)
    outcome = "added" if report.added else "duplicate" if report.duplicates else "exists"
    return {"outcome": outcome, "article_id": result.id, "headline": result.headline}


def _with_stages(options):
    """Options for extracting in the server's own process (a server started without a budget)."""
    from dataclasses import replace

    from ...pipeline import configure_stages

    return replace(options, stages=configure_stages())
