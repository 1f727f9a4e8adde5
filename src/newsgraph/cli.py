"""The `newsgraph` command: a thin layer over the Python API."""

from __future__ import annotations

import sys
from datetime import date, datetime

import click

from . import __version__
from .api import Failure, extract_files
from .model import dump_schema


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return (date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date such as 2025-10-03 or 2025-10-03T14:30")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Turn news articles (scraped text, HTML, WARC) into structured records."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "markdown"]), default="json", show_default=True,
              help="json: one compact JSON record per line; markdown: a readable rendering.")
@click.option("--published", callback=_iso_date, help="Publication date (ISO 8601) when the input lacks one.")
@click.option("--url", help="The article's URL.")
@click.option("--kind", type=click.Choice(["text", "html", "warc"]), help="Input kind (default: detected).")
@click.option("--stage", "stage_specs", multiple=True, metavar="NAME=MODULE:CALLABLE",
              help="Replace a stage, e.g. entities=mypkg.ner:MyEntities (repeatable; also NEWSGRAPH_STAGES).")
@click.option("--layout-only", is_flag=True, help="Structure only: skip entities, quotes, dates and events.")
def extract(paths: tuple[str, ...], fmt: str, published: str | None, url: str | None, kind: str | None,
            stage_specs: tuple[str, ...], layout_only: bool) -> None:
    """Extract article records from PATHS ('-' reads standard input)."""
    from .pipeline import READER_ONLY, configure_stages
    from .render import to_markdown

    try:
        stages = READER_ONLY if layout_only else configure_stages(stage_specs)
    except (ValueError, KeyError, ImportError, AttributeError) as exc:
        raise click.UsageError(f"--stage: {exc}") from None
    failed = 0
    for result in extract_files(paths, kind=kind, url=url, published=published, stages=stages):
        if isinstance(result, Failure):
            failed += 1
            click.echo(f"newsgraph: {result}", err=True)
            continue
        click.echo(result.to_json() if fmt == "json" else to_markdown(result))
    sys.exit(1 if failed else 0)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the article record."""
    click.echo(dump_schema())
