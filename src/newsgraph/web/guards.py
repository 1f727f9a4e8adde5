"""What wraps every response, errors included: security headers, and the Host check against DNS rebinding.

Both sit outside Starlette's own error handling, so a 500 or a refused Host gets the headers too.

A DNS-rebinding page makes a browser send requests to this server under the
attacker's own host name, so same-origin rules let the page read the answers (and
post to /add on a writable server). The Host header gives it away: only names
this server is meant to be reached by are answered (`default_hosts`: the address
it is bound to and localhost; more with `--allowed-host`, '*' for any).
"""

from __future__ import annotations

import socket
from collections.abc import Iterable

# Pages show article content as text only; nothing on them runs scripts or loads from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                               "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # never leaves the site; "no-referrer" makes form posts come from "null"
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}
HEADER_PAIRS = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WILDCARD_BINDS = ("", "0.0.0.0", "::")


class SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [p for p in HEADER_PAIRS if p[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AllowedHosts:
    """Answers only requests whose Host is one of `hosts` ('*.example.org' matches its subdomains; '*' any)."""

    def __init__(self, app, hosts: Iterable[str]):
        self.app = app
        self.hosts = {normalise_host(h) for h in hosts}
        self.any = "*" in self.hosts
        self.suffixes = tuple(h[1:] for h in self.hosts if h.startswith("*."))

    def allows(self, host: str) -> bool:
        name = normalise_host(host)
        return self.any or name in self.hosts or (bool(name) and name.endswith(self.suffixes))

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or self.any:
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        if self.allows(host):
            return await self.app(scope, receive, send)
        if scope["type"] == "websocket":
            return await send({"type": "websocket.close", "code": 1008})
        body = (f"newsgraph: the host {host[:200]!r} is not one this server answers to; start it with "
                f"--allowed-host {normalise_host(host)[:200] or 'NAME'} if it should\n").encode("utf-8", "replace")
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def normalise_host(host: str) -> str:
    """A Host header or name without its port, brackets or trailing dot, lower-case."""
    host = host.strip().lower()
    if host.startswith("["):
        host = host[1:].partition("]")[0]
    elif host.count(":") == 1:
        host = host.partition(":")[0]
    return host.rstrip(".")


def default_hosts(bind: str = "127.0.0.1") -> list[str]:
    """The names a server bound to `bind` answers to: localhost, the bound address, and for a wildcard
    bind (0.0.0.0, ::) this machine's own names and addresses."""
    hosts = list(LOCAL_HOSTS)
    if bind not in WILDCARD_BINDS:
        return hosts + [bind]
    names = {socket.gethostname(), socket.getfqdn()}
    for name in list(names):
        try:
            names.update(info[4][0] for info in socket.getaddrinfo(name, None))
        except OSError:
            continue
    return hosts + sorted(n for n in names if n)
