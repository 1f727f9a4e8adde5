"""`newsgraph correct ...`, `newsgraph corrections` and `newsgraph relink`: corrections over the Python API."""

from __future__ import annotations

import click

from .cli import _emit, _open, db_option, format_option

note_option = click.option("--note", help="Why: kept with the correction.")


def _apply(db_url: str, method: str, *args, note: str | None) -> None:
    from .store.corrections import CorrectionError

    with _open(db_url, writes=True) as store:
        try:
            done = getattr(store, method)(*args, note=note)
        except CorrectionError as exc:
            raise click.ClickException(str(exc)) from None
    click.echo(_describe(done))


def _describe(c: dict) -> str:
    what = {"merge": f"merged entity {c['other_id']} into {c['entity_id']}",
            "split": f"split article {c['article_id']} off entity {c['entity_id']} as entity {c['other_id']}",
            "rename": f"renamed entity {c['entity_id']} to {c['name']!r}",
            "dismiss": f"dismissed conflict {c['conflict_id']} ({c['name']})",
            "confirm": f"confirmed conflict {c['conflict_id']} ({c['name']})"}[c["kind"]]
    return f"correction {c['id']} at {c['at']}: {what}" + (f" — {c['note']}" if c["note"] else "")


@click.group()
def correct() -> None:
    """Correct the knowledge base by hand: kept apart, applied on top of linking, kept through re-linking."""


@correct.command()
@click.argument("keep_id", type=int)
@click.argument("other_id", type=int)
@db_option
@note_option
def merge(keep_id: int, other_id: int, db_url: str, note: str | None) -> None:
    """KEEP_ID and OTHER_ID are one: OTHER_ID's mentions, names, quotes and claims become KEEP_ID's."""
    _apply(db_url, "merge", keep_id, other_id, note=note)


@correct.command()
@click.argument("person_id", type=int)
@click.option("--article", "article_id", required=True, help="The article whose mentions are someone else.")
@db_option
@note_option
def split(person_id: int, article_id: str, db_url: str, note: str | None) -> None:
    """The person's mentions in one article are someone else: they become an entity of their own."""
    _apply(db_url, "split", person_id, article_id, note=note)


@correct.command()
@click.argument("person_id", type=int)
@click.argument("name")
@db_option
@note_option
def rename(person_id: int, name: str, db_url: str, note: str | None) -> None:
    """Show an entity by NAME from now on, whatever later articles call it."""
    _apply(db_url, "rename", person_id, name, note=note)


def _conflict_command(kind: str, doc: str) -> None:
    """`correct dismiss` and `correct confirm`: one shape, two verbs."""

    @correct.command(name=kind, help=doc)
    @click.argument("conflict_id")
    @db_option
    @note_option
    def command(conflict_id: str, db_url: str, note: str | None) -> None:
        _apply(db_url, kind, conflict_id, note=note)


_conflict_command("dismiss", "Not a conflict: the claims are not about one fact, or they agree.")
_conflict_command("confirm", "A real conflict: the sources do disagree.")


@click.command()
@db_option
@format_option
def corrections(db_url: str, fmt: str) -> None:
    """Every correction made, oldest first, with its time and note."""
    with _open(db_url) as store:
        rows = store.corrections()
    if _emit(rows, fmt):
        return
    for row in rows:
        click.echo(_describe(row))
    if not rows:
        click.echo("no corrections", err=True)


@click.command()
@db_option
def relink(db_url: str) -> None:
    """Link every stored article again (after an upgrade of the linking rules), then apply the corrections again."""
    with _open(db_url, writes=True) as store:
        count = store.relink()
    click.echo(f"{store.url}: {count} articles linked again, corrections applied", err=True)
