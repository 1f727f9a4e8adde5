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

Candidates are weighed strongest kind of key first, then oldest entity
first, and the first with the highest score wins; a candidate whose best
possible score cannot beat the leader is not weighed at all. Stored
profiles are read once per store (`Profiles`) and kept in step as
articles are written, so linking costs the same on the ten-thousandth
article as on the tenth.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

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
KIND_WEIGHT = {"full": W_FULL_NAME, "alias": W_FULL_NAME, "skeleton": W_SKELETON, "single": W_SINGLE_NAME}


@lru_cache(maxsize=65536)  # every candidate compares the same few thousand names
def _skeletons(text: str) -> tuple[str, ...]:
    return tuple(name_skeletons(text))


def name_forms(entity: Entity) -> list[tuple[str, str, str | None]]:
    """The forms an entity is found by, as (name, key, script): each name and alias, a person's name skeleton."""
    forms = []
    for form in dict.fromkeys([entity.name, *entity.aliases]):
        forms.append((form, name_key(form), None if form.isascii() else "other"))
        skeleton = _skeletons(form)
        if entity.type == "person" and len(skeleton) >= 2:
            forms.append(("~" + " ".join(skeleton), "~" + " ".join(skeleton), "skeleton"))
    return forms


@dataclass
class Link:
    """How one entity of the article was linked."""

    local_id: str
    entity_id: int | None  # None: a new entity
    decision: str  # new, merged
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    name: str | None = None  # the stored entity's name, when merged


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
            skeleton = _skeletons(form)
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
    base = KIND_WEIGHT[kind]
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
    sa, sb = [_skeletons(w) for w in wa], [_skeletons(w) for w in wb]
    if a == b or (_skeletons(a) and _skeletons(a) == _skeletons(b)):
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
    """What the store knows about an entity: its names, affiliations, roles and titles, and who it appears with."""
    rows = db.query("SELECT aliases, affiliations, roles, titles, name FROM mentions WHERE entity_id = ?", (entity_id,))
    profile = Profile()
    for row in rows:
        profile.names |= {name_key(row["name"]), *(name_key(a) for a in json.loads(row["aliases"]))}
        profile.affiliations |= {name_key(a) for a in json.loads(row["affiliations"])}
        profile.roles |= {name_key(r) for r in json.loads(row["roles"]) + json.loads(row["titles"])}
    co = db.query("""SELECT DISTINCT e.name FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id
                     AND m2.entity_id <> m1.entity_id JOIN entities e ON e.id = m2.entity_id
                     WHERE m1.entity_id = ?""", (entity_id,))
    profile.comentions = {name_key(r["name"]) for r in co}
    return profile


class Profiles:
    """Stored profiles by entity id, each read once and then kept in step with what the store writes.

    Exact only while `add_article` is the one writer: the store calls `note`
    after each committed article, and `clear` after a rename (a new name
    changes the co-mentions of everyone seen with that entity) or when
    someone else has written.
    """

    def __init__(self, db):
        self.db = db
        self.known: dict[int, Profile] = {}

    def get(self, entity_id: int) -> Profile:
        if entity_id not in self.known:
            self.known[entity_id] = stored_profile(self.db, entity_id)
        return self.known[entity_id]

    def note(self, article: Article, ids: dict[str, int], names: dict[int, str]) -> None:
        """Add an article just written: `ids` maps its entities to stored ids, `names` gives each one's stored name."""
        for entity in article.entities:
            profile = self.known.get(ids.get(entity.id, -1))
            if profile is None:
                continue
            profile.names |= {name_key(n) for n in [entity.name, *entity.aliases]}
            profile.affiliations |= {name_key(a) for a in entity.affiliations}
            profile.roles |= {name_key(r) for r in [*entity.roles, *entity.titles]}
            profile.comentions |= {name_key(names[other]) for other in set(ids.values()) if other != ids[entity.id]}

    def clear(self) -> None:
        self.known.clear()


def link_entities(db, article: Article, profiles: Profiles | None = None) -> list[Link]:
    """Decide, for each entity of the article, which stored entity it is, or that it is new."""
    profiles = profiles or Profiles(db)
    order = sorted(article.entities, key=lambda e: (e.type == "person" and len(e.name.split()) < 2, e.id))
    keys = {e.id: entity_keys(e) for e in order}
    found = _candidates(db, {(e.type, k) for e in order for k, kind in keys[e.id].items() if kind != "single"})
    taken: set[int] = set()
    links: list[Link] = []
    for entity in order:
        best = _best_candidate(db, entity, keys[entity.id], found, local_profile(entity, article), profiles, taken)
        if best is not None and best.score >= MERGE_THRESHOLD:
            taken.add(best.entity_id)
            links.append(best)
        else:
            why = [f"best candidate scored {best.score:.1f} < {MERGE_THRESHOLD}", *best.reasons] if best else \
                ["no stored entity with this name"]
            links.append(Link(entity.id, None, "new", best.score if best else 0.0, why))
    return links


def _candidates(db, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], list[dict]]:
    """Stored entities by (type, name key): entity_id, key, name; in one query for the whole article."""
    found: dict[tuple[str, str], list[dict]] = {k: [] for k in wanted}
    if wanted:
        keys = sorted({key for _, key in wanted})
        for row in db.query(f"""SELECT DISTINCT n.entity_id, n.key, e.name, e.type FROM entity_names n
                                JOIN entities e ON e.id = n.entity_id
                                WHERE n.key IN ({', '.join('?' * len(keys))})""", keys):
            if (row["type"], row["key"]) in found:
                found[(row["type"], row["key"])].append(row)
    return found


def _best_candidate(db, entity: Entity, keys: dict[str, str], found: dict, local: Profile, profiles: Profiles,
                    taken: set[int]) -> Link | None:
    """The best-scoring stored entity found by the entity's keys, strongest kind of key first (None: no candidate)."""
    bonus = MAX_CONTEXT_BONUS if entity.type == "person" else 0
    best: Link | None = None
    strong = [r for k, kind in keys.items() if kind != "single" for r in found[(entity.type, k)]]
    singles = {(entity.type, k) for k, kind in keys.items() if kind == "single"}
    for group in (strong, None):
        if group is None:  # one-word names propose many people: look them up only when one could still win
            if not singles or (best is not None and best.score >= W_SINGLE_NAME + bonus):
                break
            group = [r for rows in _candidates(db, singles).values() for r in rows]
        for row in sorted(group, key=lambda r: (-KIND_WEIGHT[keys[r["key"]]], r["entity_id"], r["key"])):
            ceiling = KIND_WEIGHT[keys[row["key"]]] + bonus
            if row["entity_id"] in taken or (best is not None and best.score >= ceiling):
                continue  # nothing found this way could beat the leader
            kind = keys[row["key"]]
            if entity.type != "person":
                value, reasons = W_FULL_NAME, ["same name"]
            else:
                value, reasons = score(kind, local, profiles.get(row["entity_id"]))
            if best is None or value > best.score:
                best = Link(entity.id, row["entity_id"], "merged", value, reasons, row["name"])
    return best
