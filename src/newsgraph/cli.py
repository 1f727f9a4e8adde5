"""The `newsgraph` command: a thin layer over the Python API."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

import click

from . import __version__
from .api import Failure
from .cli_support import Group, budget_options, stage_plan
from .export import TABLES
from .model import QUOTE_MODES, dump_schema


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return (date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date such as 2025-10-03 or 2025-10-03T14:30")


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
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
@budget_options
def extract(paths: tuple[str, ...], fmt: str, published: str | None, url: str | None, kind: str | None,
            stage_specs: tuple[str, ...], layout_only: bool, time_limit: float, memory_limit: int) -> None:
    """Extract article records from PATHS ('-' reads standard input)."""
    from .api import Options, extract_jobs, iter_jobs
    from .render import to_markdown

    budget, plan, stages = _extraction(stage_specs, layout_only, time_limit, memory_limit)
    opts = Options(kind=kind, url=url, published=published, stages=stages)
    failed = 0
    for result in extract_jobs(iter_jobs(paths, opts), opts, budget, plan):
        if isinstance(result, Failure):
            failed += 1
            click.echo(f"newsgraph: {result}", err=True)
            continue
        click.echo(result.to_json() if fmt == "json" else to_markdown(result))
    sys.exit(1 if failed else 0)


def _extraction(stage_specs: tuple[str, ...], layout_only: bool, time_limit: float, memory_limit: int):
    """(budget, stage plan, stages): a guarded worker builds its stages from the plan; without a budget they
    are built here."""
    from .budget import Budget
    from .pipeline import READER_ONLY, configure_stages

    budget = Budget.of(time_limit, memory_limit)
    if budget is not None:
        return budget, stage_plan(stage_specs, layout_only), READER_ONLY
    try:
        return None, None, READER_ONLY if layout_only else configure_stages(stage_specs)
    except (ValueError, KeyError, ImportError, AttributeError) as exc:
        raise click.UsageError(f"--stage: {exc}") from None


@main.command()
def schema() -> None:
    """Print the JSON Schema of the article record."""
    click.echo(dump_schema())


# --- the knowledge base --------------------------------------------------------------------------------------

db_option = click.option("--db", "db_url", envvar="NEWSGRAPH_DB", default="newsgraph.db", show_default=True,
                         help="sqlite:///FILE, a file path, or postgresql://... (also $NEWSGRAPH_DB).")
format_option = click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
                             show_default=True,
                             help="text for people; json (one document) or jsonl (one object a line) for programs.")


def _open(db_url: str, create: bool = False, writes: bool = False):
    """The store at `db_url`: `ingest` creates it; a command that `writes` opens it writable; every other
    command opens it read-only (never created, fine on a read-only file system). Store errors become one
    line and exit status 3 (cli_support)."""
    from .errors import StoreError
    from .store import open_store

    try:
        return open_store(db_url, create=create, read_only=not (create or writes))
    except StoreError:
        raise  # one line, exit status 3 (cli_support)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    except Exception as exc:  # a file that is not a database, a server that is down: one clear line
        raise StoreError(f"cannot open {db_url}: {exc}") from None


def _emit(rows, fmt: str) -> bool:
    """Print rows as JSON (one document) or JSON Lines; False when `fmt` is text, for the caller to print."""
    if fmt == "json":
        _json(rows)
    elif fmt == "jsonl":
        for row in rows if isinstance(rows, list) else [rows]:
            _json(row)
    return fmt != "text"


def _json(value, indent: int | None = None) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, default=str, indent=indent))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", callback=_iso_date, help="Publication date for inputs that lack one.")
@click.option("--layout-only", is_flag=True, help="Store structure only (no entities, quotes or events).")
@budget_options
def ingest(paths: tuple[str, ...], db_url: str, published: str | None, layout_only: bool, time_limit: float,
           memory_limit: int) -> None:
    """Add files, folders and globs (.txt, .html(.gz), .warc(.gz), .jsonl) to the knowledge base."""
    from tqdm import tqdm

    from .ingest import expand_inputs, ingest as run_ingest

    budget, plan, stages = _extraction((), layout_only, time_limit, memory_limit)
    inputs = expand_inputs(paths)
    with _open(db_url, create=True) as store, tqdm(total=len(inputs), unit="file", desc="ingest",
                                                    file=sys.stderr, disable=None) as bar:
        report = run_ingest(store, inputs, stages=stages, published=published, budget=budget, plan=plan,
                            progress=lambda _path: bar.update(1))
    for failure in report.failures:
        click.echo(f"newsgraph: {failure}", err=True)
    click.echo(f"{store.url}: {report.summary()}", err=True)
    sys.exit(1 if report.failures else 0)


@main.command()
@click.argument("query", default="")
@db_option
@click.option("--person", help="Only articles mentioning this person (any name form).")
@click.option("--place", help="Only articles mentioning this place.")
@click.option("--since", callback=_iso_date, help="Published on or after this date.")
@click.option("--until", callback=_iso_date, help="Published on or before this date.")
@click.option("--limit", default=20, show_default=True)
@format_option
def search(query: str, db_url: str, person, place, since, until, limit: int, fmt: str) -> None:
    """Full-text search of the knowledge base."""
    with _open(db_url) as store:
        hits = store.search(query, person=person, place=place, since=since, until=until, limit=limit)
    if _emit(hits, fmt):
        return
    for hit in hits:
        click.echo(f"{hit['id']}  {hit['published'] or '':16.16}  {hit['headline'] or '(no headline)'}")
        click.echo(f"    {(hit['snippet'] or '').replace('<mark>', '[').replace('</mark>', ']')}")
        click.echo(f"    {hit['url'] or hit['source']}")
    if not hits:
        click.echo("no matches", err=True)


@main.command()
@db_option
@click.option("--limit", type=int)
@format_option
def people(db_url: str, limit: int | None, fmt: str) -> None:
    """Every person in the knowledge base, most widely reported first."""
    with _open(db_url) as store:
        rows = store.people(limit)
    if _emit(rows, fmt):
        return
    for p in rows:
        aliases = f" (also {', '.join(p['aliases'])})" if p["aliases"] else ""
        titles = f" — {', '.join(p['titles'])}" if p["titles"] else ""
        click.echo(f"{p['id']:>6}  {p['name']}{aliases}{titles}")
        click.echo(f"        {len(p['articles'])} articles, {p['mentions']} mentions: {', '.join(p['articles'][:3])}")


@main.command()
@click.argument("name")
@db_option
@click.option("--events", "which", type=click.Choice(["named", "all"]), default="named", show_default=True,
              help="The text lists events of named types (deaths, arrests, ...); 'all' adds the WordNet-supersense "
                   "fallbacks ('communication' for 'said'). JSON always holds them all.")
@format_option
def person(name: str, db_url: str, which: str, fmt: str) -> None:
    """One person across every source: names, titles over time, affiliations, events, quotes, articles."""
    from .errors import AmbiguousName

    with _open(db_url) as store:
        try:
            found = store.person(name)
        except AmbiguousName as exc:
            raise click.ClickException(_candidates(exc)) from None
    if found is None:
        raise click.ClickException(f"no person called {name!r}")
    if _emit(found, fmt):
        return
    from .render import person_text

    click.echo(person_text(found, every_event=which == "all"))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _candidates(exc) -> str:
    """Who an ambiguous name may mean, one line each, and how to pick one."""
    lines = [f"{exc.name!r} fits {len(exc.candidates)} people; give the id or a fuller name:"]
    for c in exc.candidates:
        titles = f" — {', '.join(c['titles'])}" if c["titles"] else ""
        lines.append(f"  newsgraph person {c['id']:<6} # {c['name']}{titles}, {_count(len(c['articles']), 'article')}")
    return "\n".join(lines)


@main.command()
@db_option
@click.option("--by", help="Only quotes by this speaker (any name form).")
@click.option("--mode", type=click.Choice([*QUOTE_MODES, "all"]), default="speech", show_default=True,
              help="Words said or written (speech), views, wishes and feelings attributed (thought), what a thing "
                   "offers or shows (thing), or all.")
@click.option("--limit", type=int)
@format_option
def quotes(db_url: str, by: str | None, mode: str, limit: int | None, fmt: str) -> None:
    """Who is quoted, saying what, where."""
    with _open(db_url) as store:
        rows = store.quotes(by, limit, None if mode == "all" else mode)
    if _emit(rows, fmt):
        return
    for q in rows:
        how = f"{q['mode']}, {q['kind']}" + (f", {q['cue']}" if q.get("cue") else "")  # 'thought, indirect, wants'
        click.echo(f"{q['speaker'] or '(unknown)'} [{how}]: “{q['text']}”")
        click.echo(f"    {q['published'] or ''} {q['headline'] or ''} — {q['url'] or q['source']}")


@main.command()
@db_option
@click.option("--all", "everything", is_flag=True, help="Also the conflicts dismissed by a correction.")
@format_option
def conflicts(db_url: str, everything: bool, fmt: str) -> None:
    """Facts on which sources disagree, with why both sides are about the same fact."""
    with _open(db_url) as store:
        rows = store.conflicts(include_dismissed=everything)
    if _emit(rows, fmt):
        return
    for c in rows:
        status = "" if c["status"] == "open" else f" [{c['status']}{': ' + c['note'] if c['note'] else ''}]"
        click.echo(f"{c['id']}  {c['subject']} — {c['property']}{status}")
        click.echo(f"    why: {c['why']}")
        for claim in c["claims"]:
            click.echo(f"    {claim['value']!s:>12}  {claim.get('headline') or ''} ({claim.get('url') or claim.get('source')})")
            click.echo(f"                  “{claim.get('text', '')}”")
    if not rows:
        click.echo("no conflicts" if everything else "no conflicts (dismissed ones are listed with --all)", err=True)


@main.command()
@db_option
@format_option
def failures(db_url: str, fmt: str) -> None:
    """Inputs that failed and have not succeeded since; `ingest` tries them again each run."""
    with _open(db_url) as store:
        rows = store.failures()
    if _emit(rows, fmt):
        return
    for row in rows:
        click.echo(f"{row['at']}  {row['source']}: {row['reason']}")
    if not rows:
        click.echo("no failures outstanding", err=True)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "jsonld"]), required=True,
              help="csv, jsonl or parquet: tables; jsonld: schema.org NewsArticle, Person, Quotation, Event.")
@click.option("--table", type=click.Choice(TABLES),
              help="One table (to standard output, or --out FILE); without it every table goes to --out DIR.")
@click.option("--out", "out_path", type=click.Path(), help="A file for one table or JSON-LD; a folder for every table.")
@click.option("--base-url", help="JSON-LD: the URL `newsgraph serve` is published at, for absolute @ids.")
def export(db_url: str, fmt: str, table: str | None, out_path: str | None, base_url: str | None) -> None:
    """Export the knowledge base: every table as CSV, JSON Lines or Parquet, or schema.org JSON-LD."""
    from . import export as exporting

    if fmt in ("csv", "jsonl") and table is None and out_path is None:
        raise click.UsageError(f"--format {fmt}: name a --table, or give --out DIR for every table")
    if fmt == "parquet" and out_path is None:
        raise click.UsageError("--format parquet writes files: give --out DIR (or --out FILE with --table)")
    with _open(db_url) as store:
        if fmt == "jsonld":
            text = json.dumps(exporting.jsonld(store, base_url), ensure_ascii=False, indent=1)
            return Path(out_path).write_text(text + "\n", encoding="utf-8") if out_path else click.echo(text)
        if table is None:
            written = exporting.write_tables(store, fmt, out_path)
            return click.echo(", ".join(f"{t} {n}" for t, n in written.items()) + f" rows in {out_path}", err=True)
        if out_path:
            return click.echo(f"{exporting.write_table(store, table, fmt, out_path)} rows in {out_path}", err=True)
        lines = exporting.csv_lines if fmt == "csv" else exporting.jsonl_lines
        for line in lines(exporting.table_rows(store, table), exporting.COLUMNS[table]):
            click.echo(line, nl=False)


@main.command("datasette-metadata")
@db_option
def datasette_metadata(db_url: str) -> None:
    """Datasette metadata (table and column descriptions, labels, facets): datasette news.db -m FILE."""
    from .store.metadata import database_name, datasette_metadata as metadata

    try:
        name = database_name(db_url)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    _json(metadata(name), indent=2)


from .web.cli import serve  # noqa: E402
main.add_command(serve)

from .batch.cli import batch  # noqa: E402 - registered last; imports nothing heavy
main.add_command(batch)

from .correct_cli import correct, corrections, relink  # noqa: E402
for _command in (correct, corrections, relink):
    main.add_command(_command)
