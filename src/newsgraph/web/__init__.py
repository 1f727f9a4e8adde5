"""The web pages over the knowledge base: `newsgraph serve`, or `create_app(store_url)` for any ASGI server.

Every page is listed in `newsgraph.web.pages.PAGES`; each is a function of
the store and the request's parameters returning plain data, rendered as
HTML by its template or as JSON at the same path with `.json`. Importing
this package loads nothing of the web stack; `create_app` does.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(store_url: str, writable: bool = False, cache_size: int = 256, allowed_hosts=None, budget=...):
    """The ASGI app (Starlette) over the store at `store_url`; read-only unless `writable`.

    `allowed_hosts`: the Host names answered (default localhost; '*' for any); `budget`: the
    `newsgraph.budget.Budget` of an article pasted into /add (default 120 s and 2,048 MB; None: no worker).
    """
    from .app import create_app as make

    if budget is ...:
        from ..budget import Budget

        budget = Budget()
    return make(store_url, writable, cache_size, allowed_hosts, budget)
