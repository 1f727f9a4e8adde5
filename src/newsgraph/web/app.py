"""The ASGI application: the page table turned into routes, one store behind a lock, HTML or JSON."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from pathlib import Path
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..store import Store, open_store
from .pages import PAGES, BadRequest, Page
from .templating import environment

STATIC = Path(__file__).parent / "static"
# Pages show article content as text only; nothing on them runs scripts or loads from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # never leaves the site; "no-referrer" makes form posts come from "null"
}


class SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADER_PAIRS
            await send(message)

        await self.app(scope, receive, send_with_headers)


HEADER_PAIRS = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]


class StoreError(Exception):
    """The store cannot be served (no such file for a read-only server)."""


class SharedStore:
    """One store connection for the whole server; calls take turns (one writer per SQLite database).

    What pages read is kept, up to `cache_size` pages, for as long as the store does not change: the
    aggregate pages (the home page's counts, the speakers of /quotes) scan whole tables.
    """

    def __init__(self, store: Store, writable: bool, cache_size: int = 256):
        self.store = store
        self.writable = writable
        self.cache_size = cache_size
        self.lock = threading.Lock()
        self.cache: OrderedDict = OrderedDict()
        self.token: tuple | None = None

    def read(self, page: Page, args: dict, path_params: dict):
        """The page's data for these arguments, from the cache while the store is unchanged."""
        with self.lock:
            if page.writes or not self.cache_size:
                return page.data(self.store, args, **path_params)
            token = self.store.change_token()
            if token != self.token:
                self.cache.clear()
                self.token = token
            key = (page.name, tuple(sorted(args.items())), tuple(sorted(path_params.items())))
            if key in self.cache:
                self.cache.move_to_end(key)
                return self.cache[key]
            data = self.cache[key] = page.data(self.store, args, **path_params)
            if len(self.cache) > self.cache_size:
                self.cache.popitem(last=False)
            return data


def open_for_serving(store_url: str, writable: bool = False) -> Store:
    """The store at `store_url`; read-only unless `writable`, and never created by a read-only server."""
    path = _sqlite_path(store_url)
    if not writable and path is not None and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no store at {path} (run `newsgraph ingest ... --db {store_url}` first)")
    store = open_store(store_url)
    if not writable:
        store.read_only()
    return store


def _sqlite_path(url: str) -> str | None:
    scheme = urlparse(url).scheme
    if scheme in ("postgresql", "postgres"):
        return None
    if scheme == "sqlite":
        return url[len("sqlite:///"):] if url.startswith("sqlite:///") else url[len("sqlite://"):]
    return url


def create_app(store_url: str, writable: bool = False, cache_size: int = 256) -> Starlette:
    """The web app over the store at `store_url` (read-only unless `writable`); `cache_size` pages kept."""
    shared = SharedStore(open_for_serving(store_url, writable), writable, cache_size)
    env = environment()
    routes = []
    for page in PAGES:
        if page.writes and not writable:
            continue
        endpoint = _endpoint(page, shared, env)
        for path in page.json_paths():
            routes.append(Route(path, endpoint, methods=page.methods, name=None))
        routes.append(Route(page.path, endpoint, methods=page.methods, name=page.name))
    routes.append(Mount("/static", StaticFiles(directory=STATIC), name="static"))

    async def not_found(request: Request, exc: HTTPException) -> Response:
        return _error(request, env, exc.status_code, exc.detail)

    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found},
                    middleware=[Middleware(SecurityHeaders)])
    app.state.shared = shared
    return app


def _endpoint(page: Page, shared: SharedStore, env):
    async def endpoint(request: Request) -> Response:
        as_json = request.url.path.endswith(".json")
        args = dict(request.query_params)
        args.pop("method", None)
        if request.method == "POST":
            if not _same_origin(request):
                return _error(request, env, 403, "a form from another site cannot write to this store", as_json)
            form = await request.form()
            args = {k: v for k, v in form.items() if isinstance(v, str)} | {"method": "POST"}
        try:
            data = await run_in_threadpool(shared.read, page, args, dict(request.path_params))
        except BadRequest as exc:
            return _error(request, env, 400, str(exc), as_json)
        if data is None:
            return _error(request, env, 404, f"nothing at {request.url.path}", as_json)
        if as_json:
            return JSONResponse(json.loads(json.dumps(data, ensure_ascii=False, default=str)))
        context = dict(data, **(page.html(data) if page.html else {}))
        return _html(request, env, page.template, context, writable=shared.writable)

    return endpoint


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
