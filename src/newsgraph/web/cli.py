"""`newsgraph serve`: the web pages over a knowledge base."""

from __future__ import annotations

import click


@click.command()
@click.option("--db", "db_url", envvar="NEWSGRAPH_DB", default="newsgraph.db", show_default=True,
              help="sqlite:///FILE, a file path, or postgresql://... (also $NEWSGRAPH_DB).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--writable", is_flag=True, help="Allow writes: the /add page stores pasted articles.")
def serve(db_url: str, host: str, port: int, writable: bool) -> None:
    """Serve the knowledge base as web pages, each with a JSON twin (read-only unless --writable)."""
    try:
        import uvicorn

        from .app import StoreError, create_app
    except ImportError as exc:
        raise click.ClickException(f"the web pages need the web extra: pip install 'newsgraph[web]' ({exc})")
    try:
        app = create_app(db_url, writable=writable)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except Exception as exc:  # a server that is down, a file that is not a database: one clear line
        raise click.ClickException(f"cannot open {db_url}: {exc}") from None
    click.echo(f"newsgraph: serving {db_url} at http://{host}:{port}/ ({'writable' if writable else 'read-only'})",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
