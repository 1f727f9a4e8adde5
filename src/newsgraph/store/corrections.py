"""Corrections: what people fix by hand, kept in their own table and applied on top of automatic linking.

- `merge KEEP OTHER`: every mention of OTHER becomes KEEP's (with its names, quotes, claims and events);
  OTHER is gone.
- `split PERSON ARTICLE`: the person's mentions in that article become an entity of their own.
- `rename PERSON NAME`: the display name is set, and linking keeps it.
- `dismiss CONFLICT` / `confirm CONFLICT`: a conflict is marked as not one, or as a real one.

A correction keeps the mentions it is about as anchors (`[article_id, local_id]`, or `[article_id,
claim_id]` for a conflict), so it means the same whatever ids re-linking hands out: `reapply` runs every
correction again, in order, after `Store.relink`. Corrections also teach the linker (`CorrectionRules`):
mentions a split set apart never join the entity holding the mentions they were split from again, and
mentions a merge put together are linked together.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..model import Entity
from .facts import j, now
from .linking import Constraints, name_rows
from .person_names import display_form, parse_name
from .profiles import stored_profile
from .sql import name_key, upsert_ignore_sql

KINDS = ("merge", "split", "rename", "dismiss", "confirm")


class CorrectionError(ValueError):
    """A correction that cannot be made: no such entity, article or conflict, or nothing would change."""


Anchor = tuple[str, str]


def mentions_of(db, entity_id: int, article_id: str | None = None) -> list[Anchor]:
    """The mentions (article, entity of the article) of a stored entity, in article order."""
    where, params = "entity_id = ?", [entity_id]
    if article_id is not None:
        where, params = where + " AND article_id = ?", params + [article_id]
    return [(r["article_id"], r["local_id"]) for r in db.query(
        f"SELECT article_id, local_id FROM mentions WHERE {where} ORDER BY published, article_id, local_id", params)]


def entity_row(db, entity_id: int) -> dict:
    rows = db.query("SELECT id, type, name FROM entities WHERE id = ?", (entity_id,))
    if not rows:
        raise CorrectionError(f"no entity {entity_id}")
    return rows[0]


def record(db, kind: str, *, entity_id: int | None = None, other_id: int | None = None, article_id: str | None = None,
           name: str | None = None, conflict_id: str | None = None, anchors=(), others=(), note: str | None = None
           ) -> dict:
    """Keep one correction; returns it as `list_corrections` does."""
    row_id = db.insert_id(
        "INSERT INTO corrections (kind, entity_id, other_id, article_id, name, conflict_id, anchors, others, note, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, entity_id, other_id, article_id, name, conflict_id, j([list(a) for a in anchors]),
         j([list(a) for a in others]), note, now()))
    return list_corrections(db, row_id)[0]


def list_corrections(db, correction_id: int | None = None) -> list[dict]:
    """Every correction, oldest first (or the one asked for), with its anchors decoded."""
    where = "WHERE id = ?" if correction_id is not None else ""
    rows = db.query(f"SELECT id, kind, entity_id, other_id, article_id, name, conflict_id, anchors, others, note, at "
                    f"FROM corrections {where} ORDER BY id", () if correction_id is None else (correction_id,))
    for row in rows:
        row["anchors"], row["others"] = json.loads(row["anchors"]), json.loads(row["others"])
    return rows


# --- applying ------------------------------------------------------------------------------------------------

def move(db, anchors: list[Anchor], source: int, target: int) -> None:
    """Make some mentions of `source` mentions of `target`, with the quotes, claims and events of their articles."""
    for article_id, local_id in anchors:
        db.execute("UPDATE mentions SET entity_id = ? WHERE article_id = ? AND local_id = ?", (target, article_id,
                                                                                             local_id))
        db.execute("UPDATE merges SET entity_id = ? WHERE article_id = ? AND local_id = ?", (target, article_id,
                                                                                           local_id))
    for article_id in sorted({a for a, _ in anchors}):
        if db.scalar("SELECT COUNT(*) FROM mentions WHERE article_id = ? AND entity_id = ?", (article_id, source)):
            continue  # the source keeps other mentions in this article: its quotes and claims stay ambiguous, kept
        db.execute("UPDATE quotes SET speaker_id = ? WHERE article_id = ? AND speaker_id = ?", (target, article_id,
                                                                                              source))
        db.execute("UPDATE claims SET subject_id = ? WHERE article_id = ? AND subject_id = ?", (target, article_id,
                                                                                              source))
        db.execute("DELETE FROM event_participants WHERE article_id = ? AND entity_id = ? AND event_id IN "
                   "(SELECT event_id FROM event_participants WHERE article_id = ? AND entity_id = ?)",
                   (article_id, source, article_id, target))
        db.execute("UPDATE event_participants SET entity_id = ? WHERE article_id = ? AND entity_id = ?",
                   (target, article_id, source))


def refresh_entity(db, entity_id: int, pinned: str | None = None) -> bool:
    """Rebuild an entity's names from its mentions and name it by them (or `pinned`); drop it when it has none."""
    rows = db.query("SELECT type, name, aliases FROM mentions WHERE entity_id = ?", (entity_id,))
    db.execute("DELETE FROM entity_names WHERE entity_id = ?", (entity_id,))
    if not rows:
        for sql in ("DELETE FROM merges WHERE entity_id = ?", "DELETE FROM entities WHERE id = ?"):
            db.execute(sql, (entity_id,))
        return False
    type_ = db.scalar("SELECT type FROM entities WHERE id = ?", (entity_id,))
    names = {}
    for row in rows:
        entity = Entity(id="x", type=row["type"], name=row["name"], aliases=json.loads(row["aliases"]))
        described = type_ == "person" and not parse_name(row["name"]).named
        for name, key, kind in name_rows(entity, type_, described):
            names.setdefault(name, (entity_id, name, key, kind))
    db.executemany(upsert_ignore_sql(db.dialect, "entity_names", ["entity_id", "name", "key", "script"]),
                   list(names.values()))
    name = pinned or stored_profile(db, entity_id).display_name(display_form(rows[0]["name"]))
    db.execute("UPDATE entities SET name = ?, key = ? WHERE id = ?", (name, name_key(name), entity_id))
    return True


def apply_merge(db, keep: int, other: int, pinned: dict[int, str]) -> None:
    if keep == other:
        return
    move(db, mentions_of(db, other), other, keep)
    for sql in ("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?",
                "UPDATE claims SET subject_id = ? WHERE subject_id = ?"):
        db.execute(sql, (keep, other))
    refresh_entity(db, other)
    refresh_entity(db, keep, pinned.get(keep))


def apply_split(db, person: int, anchors: list[Anchor], pinned: dict[int, str]) -> int:
    """Move the anchored mentions of `person` to a new entity; its id."""
    first = db.query("SELECT name FROM mentions WHERE article_id = ? AND local_id = ?", anchors[0])[0]["name"]
    type_ = entity_row(db, person)["type"]
    name = display_form(first) if type_ == "person" else first
    new = db.insert_id("INSERT INTO entities (type, name, key, created) VALUES (?, ?, ?, ?)",
                       (type_, name, name_key(name), now()))
    move(db, anchors, person, new)
    refresh_entity(db, new)
    refresh_entity(db, person, pinned.get(person))
    return new


def apply_rename(db, entity_id: int, name: str) -> None:
    db.execute("UPDATE entities SET name = ?, key = ? WHERE id = ?", (name, name_key(name), entity_id))


# --- after re-linking, and while linking ------------------------------------------------------------------------

def holder(db, anchors) -> dict[Anchor, int]:
    """The entity each anchored mention belongs to now (mentions that are gone are left out)."""
    out = {}
    for article_id, local_id in anchors:
        entity_id = db.scalar("SELECT entity_id FROM mentions WHERE article_id = ? AND local_id = ?",
                              (article_id, local_id))
        if entity_id is not None:
            out[(article_id, local_id)] = entity_id
    return out


def reapply(db) -> None:
    """Apply every correction again, in the order they were made, by their anchors (after a re-link)."""
    pinned: dict[int, str] = {}
    for c in list_corrections(db):
        anchors = [tuple(a) for a in c["anchors"]]
        if c["kind"] == "merge":
            held = holder(db, anchors + [tuple(a) for a in c["others"]])
            if held:
                keep = next(iter(held.values()))
                for other in sorted(set(held.values()) - {keep}):
                    apply_merge(db, keep, other, pinned)
        elif c["kind"] == "split":
            mine, rest = holder(db, anchors), holder(db, [tuple(a) for a in c["others"]])
            for entity_id in sorted(set(mine.values()) & set(rest.values())):
                apply_split(db, entity_id, [a for a, e in mine.items() if e == entity_id], pinned)
        elif c["kind"] == "rename":
            held = holder(db, anchors)
            if held:
                entity_id = max(set(held.values()), key=list(held.values()).count)
                pinned[entity_id] = c["name"]
                apply_rename(db, entity_id, c["name"])


@dataclass
class CorrectionRules(Constraints):
    """What the corrections say to the linker (see the module docstring)."""

    db: object
    together: dict[Anchor, list[Anchor]] = field(default_factory=dict)  # a merged mention -> the others merged
    apart: dict[Anchor, list[Anchor]] = field(default_factory=dict)  # a split mention -> those it left
    renamed: set[int] = field(default_factory=set)

    def must(self, article_id: str, local_ids: list[str]) -> int | None:
        if not self.together:
            return None
        others = [o for lid in local_ids for o in self.together.get((article_id, lid), ()) if o[0] != article_id]
        held = holder(self.db, others) if others else {}
        return next(iter(held.values()), None)

    def must_not(self, article_id: str, local_ids: list[str]) -> set[int]:
        if not self.apart:
            return set()
        others = [o for lid in local_ids for o in self.apart.get((article_id, lid), ())]
        return set(holder(self.db, others).values()) if others else set()

    def pinned(self) -> set[int]:
        return self.renamed


def correction_rules(db) -> CorrectionRules:
    """The linker's constraints from every correction kept."""
    rules = CorrectionRules(db)
    for c in list_corrections(db):
        anchors, others = [tuple(a) for a in c["anchors"]], [tuple(a) for a in c["others"]]
        if c["kind"] == "merge":
            for a in anchors + others:
                rules.together.setdefault(a, []).extend(x for x in anchors + others if x != a)
        elif c["kind"] == "split":
            for a in anchors:
                rules.apart.setdefault(a, []).extend(others)
            for o in others:
                rules.apart.setdefault(o, []).extend(anchors)
        elif c["kind"] == "rename":
            rules.renamed |= set(holder(db, anchors).values())
    return rules


# --- the corrections people make -------------------------------------------------------------------------------

def merge(db, keep: int, other: int, note: str | None = None) -> dict:
    """KEEP and OTHER are one: OTHER's mentions become KEEP's; the correction kept."""
    a, b = entity_row(db, keep), entity_row(db, other)
    if keep == other:
        raise CorrectionError(f"{keep} and {other} are the same entity")
    if a["type"] != b["type"]:
        raise CorrectionError(f"{keep} is a {a['type']} and {other} a {b['type']}: a person never merges with "
                              "an organisation or place")
    anchors, others = mentions_of(db, keep), mentions_of(db, other)
    apply_merge(db, keep, other, _pinned(db))
    return record(db, "merge", entity_id=keep, other_id=other, anchors=anchors, others=others, note=note)


def split(db, person: int, article_id: str, note: str | None = None) -> dict:
    """The person's mentions in one article are someone else: they become an entity of their own."""
    entity_row(db, person)
    anchors = mentions_of(db, person, article_id)
    if not anchors:
        raise CorrectionError(f"entity {person} is not mentioned in article {article_id}")
    others = [a for a in mentions_of(db, person) if a[0] != article_id]
    if not others:
        raise CorrectionError(f"entity {person} is mentioned in article {article_id} only: nothing to split from")
    new = apply_split(db, person, anchors, _pinned(db))
    return record(db, "split", entity_id=person, other_id=new, article_id=article_id, anchors=anchors,
                  others=others, note=note)


def rename(db, entity_id: int, name: str, note: str | None = None) -> dict:
    """Show an entity by this name from now on (linking no longer renames it)."""
    entity_row(db, entity_id)
    if not name.strip():
        raise CorrectionError("a name cannot be empty")
    apply_rename(db, entity_id, name.strip())
    return record(db, "rename", entity_id=entity_id, name=name.strip(), anchors=mentions_of(db, entity_id),
                  note=note)


def mark_conflict(db, kind: str, conflict: dict, note: str | None = None) -> dict:
    """Dismiss (not a conflict) or confirm (a real one) a conflict, by the claims it holds."""
    anchors = [(c["article_id"], c["claim_id"]) for c in conflict["claims"]]
    return record(db, kind, conflict_id=conflict["id"], name=f"{conflict['subject']} / {conflict['property']}",
                  anchors=anchors, note=note)


def conflict_marks(db) -> list[dict]:
    """The dismiss and confirm corrections, newest last: conflict id, kind, claims, note, time."""
    return [c for c in list_corrections(db) if c["kind"] in ("dismiss", "confirm")]


def _pinned(db) -> dict[int, str]:
    return {r["entity_id"]: r["name"] for r in db.query(
        "SELECT c.entity_id, e.name FROM corrections c JOIN entities e ON e.id = c.entity_id WHERE c.kind = 'rename'")}


def find_conflict(store, conflict_id: str) -> dict:
    """The conflict with this id, dismissed ones included."""
    found = [c for c in store.conflicts(include_dismissed=True) if c["id"] == conflict_id]
    if not found:
        raise CorrectionError(f"no conflict {conflict_id}")
    return found[0]


def correct(db, apply, *args) -> dict:
    """Make one correction in one transaction (the kept conflicts, which point at entities, go first)."""
    with db.transaction():
        db.execute("DELETE FROM conflict_claims")
        db.execute("DELETE FROM conflicts")
        return apply(db, *args)


FACT_TABLES = ("conflict_claims", "conflicts", "event_participants", "events", "quotes", "claims", "merges",
               "mentions", "entity_names", "entities")


def relink(db, write) -> int:
    """Every original article's facts written again by `write(article)`, in the order they were stored, then
    every correction applied again; in one transaction. How many articles."""
    from ..model import Article

    with db.transaction():
        for table in FACT_TABLES:
            db.execute(f"DELETE FROM {table}")
        rows = db.query("SELECT record FROM articles WHERE duplicate_of IS NULL ORDER BY rowid")
        for row in rows:
            write(Article.model_validate_json(row["record"]))
        reapply(db)
    return len(rows)
