"""Writing one article's facts: its entities linked into the store, mentions, decisions, quotes, events, claims.

1. Link the article's entities (`linking.link_entities`); a new group
   becomes a new entity, named by its lead entity's display form.
2. Write the name rows each entity is found by (only the ones the store
   does not hold yet), a mention row per entity of the article and the
   decision behind it, then quotes, events and claims with their stored
   entity ids.
3. Teach the remembered profiles the article, and give each entity it
   touched the display name most of its articles use (unless a
   correction pinned one).
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from functools import lru_cache

from ..model import Article
from .grouping import Local
from .linking import Constraints, Link, link_entities, name_rows
from .person_names import display_form
from .profiles import Profiles
from .sql import name_key, upsert_ignore_sql
from .strays import join_strays

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False) makes one per call


def j(value) -> str:
    """A value as JSON text (most aliases, titles and roles are empty; the rest come back article after article)."""
    if value == []:
        return "[]"
    if type(value) is list and all(type(item) is str for item in value):
        return _strings(tuple(value))
    return _ENCODE(value)


@lru_cache(maxsize=65536)
def _strings(items: tuple[str, ...]) -> str:
    """A list of strings as JSON text."""
    return _ENCODE(list(items))


_now: tuple[int, str] = (0, "")  # the second `now` last formatted, and its text (an ingest asks many times a second)


def now() -> str:
    """The time in UTC to the second, ISO 8601."""
    global _now
    second = int(time.time())
    last = _now  # one read: another thread may replace it meanwhile, never half of it
    if second != last[0]:
        last = _now = (second, datetime.fromtimestamp(second, timezone.utc).isoformat(timespec="seconds"))
    return last[1]


def write_facts(db, article: Article, profiles: Profiles, constraints: Constraints,
                groups: list[Local] | None = None) -> dict[str, int]:
    """Link and write the article's entities and facts (steps 1-3); the stored id of each of its entities
    (`groups`: see `link_entities`)."""
    entities = {e.id: e for e in article.entities}
    links = link_entities(db, article, profiles, constraints, groups)
    ids, types = _entity_ids(db, links, entities, profiles)
    written: dict[int, set[str]] = {}
    name_table, mention_rows, merge_rows = [], [], []
    for link in links:
        entity, entity_id = entities[link.local_id], ids[link.local_id]
        known = profiles.known.get(entity_id)
        new = written.setdefault(entity_id, set())
        for name, key, kind in name_rows(entity, link.type, link.described):
            if (known is None or name not in known.keys) and name not in new:
                new.add(name)
                name_table.append((entity_id, name, key, kind))
        mention_rows.append(
            (article.id, entity.id, entity_id, link.type, entity.name, j(entity.aliases), j(entity.titles),
             j(entity.roles), j(entity.affiliations), max(1, len(entity.mentions)), article.published))
        merge_rows.append((entity_id, article.id, entity.id, link.decision, link.score, j(link.reasons)))
    db.executemany(upsert_ignore_sql(db.dialect, "entity_names", ["entity_id", "name", "key", "script"]), name_table)
    profiles.names_written(name_table)
    db.executemany("INSERT INTO mentions (article_id, local_id, entity_id, type, name, aliases, titles, roles, "
                   "affiliations, count, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", mention_rows)
    db.executemany("INSERT INTO merges (entity_id, article_id, local_id, decision, score, reasons) "
                   "VALUES (?, ?, ?, ?, ?, ?)", merge_rows)
    _write_other_facts(db, article, ids)
    profiles.note(article, ids, types, written)
    _rename(db, profiles, {link.entity_id for link in links if link.entity_id is not None} - constraints.pinned())
    people = {ids[link.local_id]: (entities[link.local_id].name, link.entity_id is None) for link in links
              if link.type == "person" and link.lead and not link.described}
    join_strays(db, profiles, constraints, people, set(ids.values()))
    return ids


def _entity_ids(db, links: list[Link], entities: dict, profiles: Profiles) -> tuple[dict[str, int], dict[str, str]]:
    """The stored id of each of the article's entities (a new entity per new group) and the type it is stored as."""
    ids: dict[str, int] = {}
    by_group: dict[int, int] = {}
    for link in links:
        if link.entity_id is not None:
            ids[link.local_id] = link.entity_id
        elif link.group in by_group:
            ids[link.local_id] = by_group[link.group]
        else:
            lead = next(entities[k.local_id] for k in links if k.group == link.group and k.lead)
            name = display_form(lead.name) if link.type == "person" else lead.name
            ids[link.local_id] = by_group[link.group] = db.insert_id(
                "INSERT INTO entities (type, name, key, created) VALUES (?, ?, ?, ?)",
                (link.type, name, name_key(name), now()))
            profiles.entity_written(ids[link.local_id], name, link.type)
    return ids, {link.local_id: link.type for link in links}


def _rename(db, profiles: Profiles, entity_ids: set[int]) -> None:
    """Give each merged entity the display name most of its articles use (a pinned name stays)."""
    for entity_id in sorted(entity_ids):
        profile = profiles.known.get(entity_id)
        if profile is None:
            continue
        name = profile.display_name("")
        if name and profiles.entities.get(entity_id, ("",))[0] != name:  # (a name known to be stored stays)
            db.execute("UPDATE entities SET name = ?, key = ? WHERE id = ? AND name <> ?",
                       (name, name_key(name), entity_id, name))
            profiles.entity_written(entity_id, name)


def _write_other_facts(db, article: Article, ids: dict[str, int]) -> None:
    db.executemany(
        "INSERT INTO quotes (article_id, quote_id, kind, mode, text, start_offset, end_offset, speaker_id, "
        "speaker_name, cue, parent, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article.id, q.id, q.kind, q.mode, q.text, q.start, q.end, ids.get(q.speaker or ""), q.speaker_name,
          q.cue.text if q.cue else None, q.parent, article.published) for q in article.quotes])
    names = {entity.id: entity.name for entity in article.entities}  # an event's place is an entity id: store its name
    db.executemany(
        "INSERT INTO events (article_id, event_id, type, date_text, date_value, place, attributes, evidence, key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article.id, e.id, e.type, e.date.text if e.date else None, e.date.value if e.date else None,
          names.get(e.place, e.place), j(e.attributes), e.evidence.text if e.evidence else None,
          e.key.text if e.key else None) for e in article.events])
    db.executemany(
        upsert_ignore_sql(db.dialect, "event_participants", ["article_id", "event_id", "entity_id"]),
        [(article.id, e.id, ids[p]) for e in article.events for p in e.participants if p in ids])
    db.executemany(
        "INSERT INTO claims (article_id, claim_id, subject, subject_id, property, value, normalized, text, "
        "start_offset, end_offset, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article.id, c.id, c.subject, ids.get(c.subject_entity or ""), c.property, c.value, c.normalized, c.text,
          c.start, c.end, c.event) for c in article.claims])
