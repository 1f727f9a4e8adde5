"""`newsgraph serve`: the web pages over a knowledge base."""

from __future__ import annotations

import json
import os

import click

from ..cli_support import budget_options


@click.command()
@click.option("--db", "db_url", envvar="NEWSGRAPH_DB", default="newsgraph.db", show_default=True,
              help="sqlite:///FILE, a file path, or postgresql://... (also $NEWSGRAPH_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--writable", is_flag=True, help="Allow writes: the /add page stores pasted articles.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
              help="A Host name to answer besides localhost and the --host address ('*.example.org' for its "
                   "subdomains, '*' for any); repeatable. Other Hosts get a 400 (DNS rebinding).")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="one per CPU",
              help="Server processes; each answers requests on threads of its own, with its own connections.")
@budget_options
def serve(db_url: str, host: str, port: int, writable: bool, allowed_hosts: tuple[str, ...], workers: int,
          time_limit: float, memory_limit: int) -> None:
    """Serve the knowledge base as web pages, each with a JSON twin (read-only unless --writable)."""
    try:
        import uvicorn

        from .app import SETTINGS, create_app_from, from_environment, open_for_serving, startup_notice
        from .guards import default_hosts
    except ImportError as exc:
        raise click.ClickException(f"the web pages need the web extra: pip install 'newsgraph[web]' ({exc})")
    settings = {"db": db_url, "writable": writable, "hosts": [*default_hosts(host), *allowed_hosts],
                "seconds": time_limit, "memory_mb": memory_limit}
    notice = startup_notice(db_url, writable)
    if notice:
        click.echo(f"newsgraph: {notice}", err=True)
    if workers == 1:
        app = create_app_from(settings)
    else:
        open_for_serving(db_url, writable).close()  # a missing or unreadable store: one line, before any worker
    click.echo(f"newsgraph: serving {db_url} at http://{host}:{port}/ ({'writable' if writable else 'read-only'}, "
               f"{workers} process{'es' if workers > 1 else ''})", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ[SETTINGS] = json.dumps(settings)
    uvicorn.run(f"{from_environment.__module__}:{from_environment.__name__}", factory=True, host=host, port=port,
                workers=workers, log_level="warning")
