"""Linking the entities of a new article to the entities already in the store.

Propose, then decide. Candidates share a name key with the new entity:
its full name, a multi-word alias, or the consonant skeleton of the name
(which catches spelling variants such as Butzhak/Butzchak and forms in
other scripts). A one-word name ("Levy") proposes every stored entity
with that surname or first name. Each candidate is scored by how it was
found and by the context both sides share — affiliations, roles and
titles, places and people mentioned alongside — less a penalty when the
contexts contradict, or when a one-word match joins two people whose
full names differ. A name alone never merges a surname-only mention,
and a title never proposes anyone (successive holders of an office are
different people). Every decision is stored with its reasons.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..model import Article, Entity
from ..understand.translit import name_skeletons
from .sql import name_key

W_FULL_NAME = 3.0
W_SKELETON = 2.0
W_SINGLE_NAME = 1.0
W_SHARED_AFFILIATION = 1.0
W_SHARED_COMENTION = 1.0
W_SHARED_ROLE = 0.5
W_CONTRADICTION = 1.5
W_NAME_CLASH = 2.0  # a one-word match between two people whose full names differ (Yossi Levy, Danny Levy)
MAX_CONTEXT_BONUS = 2
MERGE_THRESHOLD = 3.0


@dataclass
class Link:
    """How one entity of the article was linked."""

    local_id: str
    entity_id: int | None  # None: a new entity
    decision: str  # new, merged
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass
class Profile:
    """What is known about an entity, on either side of a decision."""

    names: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    comentions: set[str] = field(default_factory=set)


def entity_keys(entity: Entity) -> dict[str, str]:
    """Name keys of an entity and how each was made: full, alias, single, skeleton."""
    keys: dict[str, str] = {}
    forms = [entity.name, *entity.aliases]
    for form in forms:
        key = name_key(form)
        if not key:
            continue
        if len(key.split()) >= 2 or entity.type != "person":
            keys.setdefault(key, "full" if form == entity.name else "alias")
        else:
            keys.setdefault(key, "single")
    if entity.type == "person":
        for form in forms:
            skeleton = name_skeletons(form)
            if len(skeleton) >= 2:
                keys.setdefault("~" + " ".join(skeleton), "skeleton")
    return keys


def local_profile(entity: Entity, article: Article) -> Profile:
    others = {name_key(e.name) for e in article.entities if e.id != entity.id}
    return Profile(names={name_key(n) for n in [entity.name, *entity.aliases]},
                   affiliations={name_key(a) for a in entity.affiliations},
                   roles={name_key(r) for r in [*entity.roles, *entity.titles]}, comentions=others)


def score(kind: str, local: Profile, stored: Profile) -> tuple[float, list[str]]:
    """The merge score of a candidate found by `kind` of key, with the reasons."""
    base = {"full": W_FULL_NAME, "alias": W_FULL_NAME, "skeleton": W_SKELETON, "single": W_SINGLE_NAME}[kind]
    reasons = [{"full": "same full name", "alias": "same name form", "skeleton": "same name up to spelling or script",
                "single": "one-word name matches"}[kind]]
    shared_aff = local.affiliations & stored.affiliations
    shared_co = local.comentions & stored.comentions
    shared_roles = local.roles & stored.roles
    bonus = min(MAX_CONTEXT_BONUS, W_SHARED_AFFILIATION * len(shared_aff) + W_SHARED_COMENTION * len(shared_co)
                + W_SHARED_ROLE * min(2, len(shared_roles)))
    for label, shared in (("affiliation", shared_aff), ("mentioned with", shared_co), ("role or title", shared_roles)):
        if shared:
            reasons.append(f"shared {label}: {', '.join(sorted(shared)[:3])}")
    penalty = 0.0
    if local.affiliations and stored.affiliations and not shared_aff and local.roles and stored.roles \
            and not shared_roles:
        penalty = W_CONTRADICTION
        reasons.append("different affiliations and roles")
    if kind == "single" and full_names_differ(local.names, stored.names):
        penalty += W_NAME_CLASH
        reasons.append("full names differ")
    return base + bonus - penalty, reasons


def _same_full_name(a: str, b: str) -> bool:
    """Two multi-word name keys that may name one person: equal up to spelling or script, an initial, or a suffix."""
    wa, wb = a.split(), b.split()
    sa, sb = [name_skeletons(w) for w in wa], [name_skeletons(w) for w in wb]
    if a == b or (name_skeletons(a) and name_skeletons(a) == name_skeletons(b)):
        return True
    short, long_ = sorted((sa, sb), key=len)
    if short == long_[len(long_) - len(short):]:
        return True
    first_a, first_b = wa[0], wb[0]
    initial = (len(first_a) == 1 and first_b.startswith(first_a)) or (len(first_b) == 1 and first_a.startswith(first_b))
    return sa[-1] == sb[-1] and initial


def full_names_differ(local: set[str], stored: set[str]) -> bool:
    """Both sides have multi-word names and none of them could be the other's."""
    ours = [n for n in local if len(n.split()) >= 2]
    theirs = [n for n in stored if len(n.split()) >= 2]
    return bool(ours and theirs) and not any(_same_full_name(a, b) for a in ours for b in theirs)


def stored_profile(db, entity_id: int) -> Profile:
    rows = db.query("SELECT aliases, affiliations, roles, titles, name FROM mentions WHERE entity_id = ?", (entity_id,))
    profile = Profile()
    for row in rows:
        profile.names |= {name_key(row["name"]), *(name_key(a) for a in json.loads(row["aliases"]))}
        profile.affiliations |= {name_key(a) for a in json.loads(row["affiliations"])}
        profile.roles |= {name_key(r) for r in json.loads(row["roles"]) + json.loads(row["titles"])}
    co = db.query("""SELECT DISTINCT e.name FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id
                     AND m2.entity_id <> m1.entity_id JOIN entities e ON e.id = m2.entity_id
                     WHERE m1.entity_id = ? LIMIT 500""", (entity_id,))
    profile.comentions = {name_key(r["name"]) for r in co}
    return profile


def link_entities(db, article: Article) -> list[Link]:
    """Decide, for each entity of the article, which stored entity it is, or that it is new."""
    order = sorted(article.entities, key=lambda e: (e.type == "person" and len(e.name.split()) < 2, e.id))
    taken: set[int] = set()
    links: list[Link] = []
    for entity in order:
        keys = entity_keys(entity)
        rows = db.query(f"""SELECT DISTINCT n.entity_id, n.key FROM entity_names n JOIN entities e ON e.id = n.entity_id
                            WHERE e.type = ? AND n.key IN ({', '.join('?' * len(keys))})""",
                        (entity.type, *keys)) if keys else []
        best: Link | None = None
        local = local_profile(entity, article)
        for row in rows:
            if row["entity_id"] in taken:
                continue
            kind = keys[row["key"]]
            if entity.type != "person":
                value, reasons = W_FULL_NAME, ["same name"]
            else:
                value, reasons = score(kind, local, stored_profile(db, row["entity_id"]))
            if best is None or value > best.score:
                best = Link(entity.id, row["entity_id"], "merged", value, reasons)
        if best is not None and best.score >= MERGE_THRESHOLD:
            taken.add(best.entity_id)
            links.append(best)
        else:
            why = [f"best candidate scored {best.score:.1f} < {MERGE_THRESHOLD}", *best.reasons] if best else \
                ["no stored entity with this name"]
            links.append(Link(entity.id, None, "new", best.score if best else 0.0, why))
    return links
