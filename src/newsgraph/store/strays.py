"""Strays: people stored under a surname alone, joined later to the person they turn out to be.

Linking decides as each article arrives, so the order of arrival matters:
an article that names someone by surname only ("Quill"), read before any
article gives the full name ("Ada Quill"), gets an entity of its own, where
read after it, it would have joined her. After each article, `join_strays`
asks again, for each person the article named in full (`JOIN_STRAYS`) or a
surname-only person that gained the article (`JOIN_STRAYS_TO_SURNAMES`):

1. Which stored people are known by that person's surname alone (strays:
   no full name in any of their mentions), outside this article?
2. For each, a quick bound: a surname with every point of context it could
   get cannot reach `MERGE_THRESHOLD` with this person? Then it stays.
3. Otherwise the stray is decided as linking decides an article's surname
   alone (`linking.choose`), its side being everything its own articles
   say (affiliations, roles, the entities beside it, capitalised words):
   context must agree, the person must be clearly ahead of any rival, a
   person it appears beside in an article is another person, a
   correction's split is never undone and a name a correction set stays.
4. A stray decided for this person joins it: its mentions, names, quotes,
   claims and events become the person's, and the decision kept in
   `merges` says so, with its score and reasons.
"""

from __future__ import annotations

import json

from ..model import Entity
from .grouping import Local, person_group
from .linking import MERGE_THRESHOLD, W_SHARED_TERMS, Constraints, Link, choose, score
from .person_names import parse_name
from .profiles import Profiles
from .sql import name_key

JOIN_STRAYS = True  # a person named in full takes the surname-only entities linking would have given it
JOIN_STRAYS_TO_SURNAMES = True  # so does a surname-only person that gains an article


class StoredTopic:
    """`linking.TopicContext` for a stored entity's side: the capitalised words and words of all its articles."""

    def __init__(self, profiles: Profiles, entity_id: int):
        self.profiles, self.entity_id = profiles, entity_id

    def words(self) -> frozenset[str] | set[str]:
        return self.profiles.words(self.entity_id)

    def shared(self, group: Local, entity_id: int) -> int:
        own = {w for e in group.entities for n in [e.name, *e.aliases] for w in name_key(n).split()}
        mine = self.profiles.terms(self.entity_id).keys() - own
        return len(mine & self.profiles.terms(entity_id).keys())


def join_strays(db, profiles: Profiles, constraints: Constraints, people: dict[int, tuple[str, bool]],
                here: set[int]) -> int:
    """Steps 1-4 for the article's `people` (stored id -> (lead name, whether the entity is new)), `here` being
    every entity the article holds; how many strays joined."""
    wanted: dict[int, str] = {}
    for entity_id, (name, new) in people.items():
        parsed = parse_name(name)
        if not parsed.named or not parsed.surname:
            continue
        if parsed.multiword and JOIN_STRAYS or not parsed.multiword and JOIN_STRAYS_TO_SURNAMES and not new:
            wanted[entity_id] = parsed.surname
    if not wanted:
        return 0
    found = profiles.one_word_people(set(wanted.values()))
    joined: set[int] = set()
    for entity_id, key in wanted.items():
        strays = sorted(found[key] - here - joined)
        for stray in strays:
            decided = _decide(db, profiles, constraints, stray, entity_id)
            if decided is not None:
                _join(db, profiles, constraints, stray, entity_id, decided)
                joined.add(stray)
    return len(joined)


def _decide(db, profiles: Profiles, constraints: Constraints, stray: int, person: int) -> Link | None:
    """The linker's decision for the stray, if it is `person` (steps 2, 3)."""
    side = profiles.get(stray)
    if side.full_names or person in side.comentions or stray in constraints.pinned():
        return None
    best, _, _ = score("surname", side, profiles.get(person))
    if best + W_SHARED_TERMS * (best < MERGE_THRESHOLD) < MERGE_THRESHOLD:
        return None
    rows = db.query("SELECT article_id, local_id, name, aliases FROM mentions WHERE entity_id = ? "
                    "ORDER BY published, article_id, local_id", (stray,))
    banned = {stray} | side.comentions
    for row in rows:
        banned |= constraints.must_not(row["article_id"], [row["local_id"]])
    if person in banned:
        return None
    entities = [Entity(id=f"s{i}", type="person", name=r["name"], aliases=json.loads(r["aliases"]))
                for i, r in enumerate(rows)]
    decided = choose(person_group(entities), side, {}, profiles, banned, StoredTopic(profiles, stray))
    return decided if decided.decision == "merged" and decided.entity_id == person else None


def _join(db, profiles: Profiles, constraints: Constraints, stray: int, person: int, decided: Link) -> None:
    """Step 4: the stray merged into the person as a correction's merge would (`corrections.apply_merge`), the
    decision kept in `merges`; the profiles linking remembers are read again."""
    from .corrections import apply_merge  # (corrections imports the facts this module is called from)

    name = db.scalar("SELECT name FROM entities WHERE id = ?", (person,))
    anchors = [(r["article_id"], r["local_id"]) for r in
               db.query("SELECT article_id, local_id FROM mentions WHERE entity_id = ?", (stray,))]
    apply_merge(db, person, stray, {person: name} if person in constraints.pinned() else {})
    db.execute("UPDATE conflicts SET subject_id = ? WHERE subject_id = ?", (person, stray))
    reasons = json.dumps([f"merged later, when {name} was stored", *decided.reasons], ensure_ascii=False)
    db.executemany("UPDATE merges SET decision = 'merged', score = ?, reasons = ? WHERE article_id = ? AND "
                   "local_id = ?", [(decided.score, reasons, a, l) for a, l in anchors])
    profiles.clear()
