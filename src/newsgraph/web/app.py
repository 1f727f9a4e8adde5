"""The ASGI application: the page table turned into routes, HTML or JSON.

Each request reads through a store of its own from the site's pool (`site.py`);
every response, errors included, passes the Host check and gets the security
headers (`guards.py`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..budget import Budget
from ..errors import BadQuery, StoreError
from ..store import Store, open_store
from ..store.reading import MAX_ID
from .guards import LOCAL_HOSTS, AllowedHosts, SecurityHeaders
from .pages import PAGES, BadRequest, Page
from .site import Site
from .templating import environment

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 16_000_000  # a pasted article; a larger form is refused (413) before it is read


class App(Starlette):
    """Starlette with the Host check and the security headers outside everything, errors included."""

    allowed_hosts: tuple[str, ...] = LOCAL_HOSTS

    def build_middleware_stack(self):
        return SecurityHeaders(AllowedHosts(super().build_middleware_stack(), self.allowed_hosts))


def open_for_serving(store_url: str, writable: bool = False) -> Store:
    """The store at `store_url`: read-only and never created (StoreError if missing) unless `writable`;
    a writable server writes like `ingest`, so a missing store is created (see `startup_notice`)."""
    return open_store(store_url, read_only=not writable)


def startup_notice(store_url: str, writable: bool) -> str | None:
    """What a writable server should say before it creates a store that does not exist yet (a mistyped --db
    would otherwise go unnoticed); None when the store exists, is not SQLite, or the server is read-only."""
    from ..store.backends import sqlite_path

    path = sqlite_path(store_url) if writable else None
    if path and path != ":memory:" and not Path(path).exists():
        return f"no store at {path}: a new, empty one is created (--writable)"
    return None


def create_app(store_url: str, writable: bool = False, cache_size: int = 256,
               allowed_hosts: Iterable[str] | None = None, budget: Budget | None = Budget()) -> Starlette:
    """The web app over the store at `store_url` (read-only unless `writable`); `cache_size` pages kept.

    Only requests whose Host is in `allowed_hosts` are answered (default: localhost and its addresses;
    '*' for any). On a writable server, `/add` extracts in a worker process held to `budget`.
    """
    site = Site(store_url, writable, cache_size, budget)
    env = environment()
    routes = []
    for page in PAGES:
        if page.writes and not writable:
            continue
        endpoint = _endpoint(page, site, env)
        for path in page.json_paths():
            routes.append(Route(path, endpoint, methods=page.methods, name=None))
        routes.append(Route(page.path, endpoint, methods=page.methods, name=page.name))
    routes.append(Mount("/static", StaticFiles(directory=STATIC), name="static"))

    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, env, exc.status_code, exc.detail)

    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(request, env, 500, "internal error: the page could not be made")

    @asynccontextmanager
    async def lifespan(app):
        yield
        site.close()

    app = App(routes=routes, exception_handlers={HTTPException: http_error, Exception: server_error},
              lifespan=lifespan, max_body_size=MAX_BODY_BYTES)
    app.allowed_hosts = tuple(allowed_hosts) if allowed_hosts is not None else LOCAL_HOSTS
    app.state.site = site
    return app


SETTINGS = "NEWSGRAPH_SERVE"
"""The environment variable through which `newsgraph serve --workers N` configures each worker process."""


def create_app_from(settings: dict) -> Starlette:
    """The app `newsgraph serve` runs: db, writable, hosts, and the /add budget in seconds and MB (0: none)."""
    return create_app(settings["db"], settings["writable"], allowed_hosts=settings["hosts"],
                      budget=Budget.of(settings["seconds"], settings["memory_mb"]))


def from_environment() -> Starlette:
    """The app of one of uvicorn's worker processes, configured by `newsgraph serve` (NEWSGRAPH_SERVE)."""
    import os

    return create_app_from(json.loads(os.environ[SETTINGS]))


def _endpoint(page: Page, site: Site, env):
    async def endpoint(request: Request) -> Response:
        as_json = request.url.path.endswith(".json")
        args = dict(request.query_params)
        args.pop("method", None)
        if any(isinstance(v, int) and not 0 < v <= MAX_ID for v in request.path_params.values()):
            return _error(request, env, 404, f"nothing at {request.url.path}", as_json)
        try:
            if request.method == "POST":
                if not _same_origin(request):
                    return _error(request, env, 403, "a form from another site cannot write to this store", as_json)
                form = await request.form()
                args = {k: v for k, v in form.items() if isinstance(v, str)}
                data = await run_in_threadpool(site.submit, page, args, dict(request.path_params))
                return _respond(request, env, page, data, as_json, site.writable)
            # read and render in the worker thread: the event loop only moves bytes
            return await run_in_threadpool(_read_and_respond, request, env, page, site, args, as_json)
        except (BadRequest, BadQuery) as exc:
            return _error(request, env, 400, str(exc), as_json)
        except StoreError as exc:
            return _error(request, env, 503, f"the store cannot be read right now ({exc})", as_json)

    return endpoint


def _read_and_respond(request: Request, env, page: Page, site: Site, args: dict, as_json: bool) -> Response:
    return _respond(request, env, page, site.read(page, args, dict(request.path_params)), as_json, site.writable)


def _respond(request: Request, env, page: Page, data: dict | None, as_json: bool, writable: bool) -> Response:
    """The page as JSON or HTML, or a 404 when there is nothing at this path."""
    if data is None:
        return _error(request, env, 404, f"nothing at {request.url.path}", as_json)
    if as_json:
        return JSONResponse(json.loads(json.dumps(data, ensure_ascii=False, default=str)))
    context = dict(data, **(page.html(data) if page.html else {}))
    return _html(request, env, page.template, context, writable=writable)


def _same_origin(request: Request) -> bool:
    """A write comes from this server's own pages (browsers send Origin with every form POST)."""
    origin = request.headers.get("origin")
    return origin is None or urlparse(origin).netloc == request.headers.get("host")


def _html(request: Request, env, template: str, context: dict, status: int = 200, writable: bool = False) -> Response:
    query = request.url.query
    path = request.url.path.rstrip("/")
    twin = (path or "/") + ".json" + (f"?{query}" if query else "")
    body = env.get_template(template).render(context, request_path=request.url.path, json_url=twin,
                                             args=dict(request.query_params), writable=writable)
    return HTMLResponse(body, status_code=status)


def _error(request: Request, env, status: int, message: str, as_json: bool | None = None) -> Response:
    if as_json if as_json is not None else request.url.path.endswith(".json"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    return _html(request, env, "error.html", {"status": status, "message": message}, status)
