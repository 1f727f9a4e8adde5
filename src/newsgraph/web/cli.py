"""`newsgraph serve`: the web pages over a knowledge base."""

from __future__ import annotations

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
@budget_options
def serve(db_url: str, host: str, port: int, writable: bool, allowed_hosts: tuple[str, ...], time_limit: float,
          memory_limit: int) -> None:
    """Serve the knowledge base as web pages, each with a JSON twin (read-only unless --writable)."""
    try:
        import uvicorn

        from ..budget import Budget
        from .app import create_app
        from .guards import default_hosts
    except ImportError as exc:
        raise click.ClickException(f"the web pages need the web extra: pip install 'newsgraph[web]' ({exc})")
    hosts = [*default_hosts(host), *allowed_hosts]
    app = create_app(db_url, writable=writable, allowed_hosts=hosts, budget=Budget.of(time_limit, memory_limit))
    click.echo(f"newsgraph: serving {db_url} at http://{host}:{port}/ ({'writable' if writable else 'read-only'})",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
