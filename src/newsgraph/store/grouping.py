"""Within one article: which of its entities are one person, before anything is linked across articles.

The entities stage may leave one person as several entities ("Gaetano Lo
Presti" and "Lo Presti", "Dr Sanjay Gupta" and "Gupta", the headline's
"Lohan" and the body's "Lindsay Lohan"), or type a surname as an
organisation or place ("Pruitt", "Lohan"). `group_entities` gathers them:

1. Each entity's names (its name and aliases) are read into parts
   (`person_names.parse_name`). A person whose name is a description
   ("Alus's wife", "her husband") is a group of its own and is marked
   `described`: it never links beyond its article.
2. Persons with multi-word names that could be one person (same surname,
   given names that agree, or one name ending with the other) join.
3. A person known by one word joins the one group whose surname, given
   name or nickname it is; when several groups fit it stays apart.
4. An organisation or place whose name is exactly the surname or full
   name of one person group, with no organisation word in it, joins that
   person (`JOIN_MISTYPED`).
5. Organisations or places of one type that share a name without its
   legal form or a country's other name ("NPD Group", "NPD"; "U.S.",
   "United States") are one; an acronym ("EADS") joins the one
   organisation or place of the article whose words it abbreviates
   (`org_names`; within the article two letters are enough: "GM" and
   "General Motors").

Each group (`Local`) carries the keys it is found by and its context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Article, Entity
from .person_names import (KIND_STRENGTH, PersonName, could_be_same, is_given_name, looks_like_organization,
                           name_keys, parse_name, skeleton_key)
from .org_names import acronym_of, initials, org_keys
from .sql import name_key

JOIN_MISTYPED = True  # step 4: an organisation or place named like a person of the article is that person
_OWNED = re.compile(r"\w['’]s?\s")
MISTYPED_MIN, MISTYPED_TIMES = 5, 3  # a mistyped name this often and this many times the person's stays apart
FULL_NAME_WORDS = 5  # a longer 'name' ending with a person's is a phrase ('Norway Drops Its Case Against Tamsin Hale')
JOIN_SHORT_ORG = True  # step 6: 'Cerberus' is the article's 'Cerberus Capital Management'


@dataclass
class Local:
    """One person or thing of the article: its entities, names, keys (key -> kind) and what surrounds it."""

    entities: list[Entity]
    type: str
    names: list[PersonName] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    described: bool = False
    fixed_lead: Entity | None = field(default=None, repr=False)  # set by `settle`
    strongest: float = 0.0  # the strength of its strongest key (`settle`)

    @property
    def lead(self) -> Entity:
        """The entity whose name stands for the group: the person with the longest name, else the first."""
        return self.fixed_lead if self.fixed_lead is not None else self._pick_lead()

    def _pick_lead(self) -> Entity:
        people = [e for e in self.entities if e.type == self.type]
        return max(people or self.entities, key=lambda e: (len(parse_name(e.name).words) if self.type == "person"
                                                              else 0, -self.entities.index(e)))

    @property
    def multiword(self) -> list[PersonName]:
        return [n for n in self.names if n.multiword]

    def settle(self) -> None:
        """The group's entities are final: its keys, the strength of the strongest and its lead are worked out
        once (linking reads them per candidate)."""
        self.keys, self.strongest = _keys(self)
        self.fixed_lead = self.entities[0] if len(self.entities) == 1 else self._pick_lead()


def _person_names(entity: Entity) -> list[PersonName]:
    return list(_named_forms(entity.name, tuple(entity.aliases)))


@lru_cache(maxsize=16384)  # the same people come back article after article
def _named_forms(name: str, aliases: tuple[str, ...]) -> tuple[PersonName, ...]:
    """An entity's name and aliases read into parts, those that are names (not descriptions)."""
    return tuple(n for n in (parse_name(f) for f in dict.fromkeys([name, *aliases])) if n.named)


def group_entities(article: Article) -> list[Local]:
    """The article's entities gathered into groups (see the module docstring), in the article's order."""
    groups: list[Local] = []
    singles: list[tuple[Entity, list[PersonName]]] = []
    others: list[Entity] = []
    for entity in article.entities:  # 1.
        if entity.type != "person":
            others.append(entity)
            continue
        names = _person_names(entity)
        if not names or not parse_name(entity.name).named:
            groups.append(Local([entity], "person", names, {}, described=True))
        elif any(n.multiword for n in names):
            _join_multiword(groups, entity, names)  # 2.
        else:
            singles.append((entity, names))
    for entity, names in singles:  # 3.
        fits = [g for g in groups if not g.described and g.type == "person" and _fits_one_word(names, g)]
        if len(fits) == 1:
            fits[0].entities.append(entity)
            fits[0].names.extend(n for n in names if n not in fits[0].names)
        else:
            groups.append(Local([entity], "person", names))
    acronyms = []
    for entity in others:  # 4.
        opens = JOIN_SHORT_ORG and _opens_another(entity, others)
        person = _person_named(groups, entity) if JOIN_MISTYPED and not opens else None
        if person is not None:
            person.entities.append(entity)
            person.names.extend(n for n in _person_names(entity) if n not in person.names)
        elif acronym_of(entity.name, shortest=2):
            acronyms.append(entity)
        else:
            _join_named_alike(groups, entity)  # 5.
    for entity in acronyms:  # 5.
        letters = acronym_of(entity.name, shortest=2) or ""
        fits = [g for g in groups if g.type in ("organization", "place") and g.lead is not entity and
                (letters in org_keys(g.lead.name, g.type) or len(letters) == 2 and initials(g.lead.name) == letters)]
        if len(fits) == 1:
            fits[0].entities.append(entity)
        else:
            _join_named_alike(groups, entity)  # 'UK' and 'Britain': one country's names
    if JOIN_SHORT_ORG:
        _join_short_forms(groups)  # 6.
    for group in groups:
        group.settle()
    return groups


def person_group(entities: list[Entity]) -> Local:
    """One person group of these entities, settled: a stored entity's mentions read as if one article's."""
    group = Local(entities, "person", list(dict.fromkeys(n for e in entities for n in _person_names(e))))
    group.settle()
    return group


Packed = tuple[str, tuple[int, ...], tuple[tuple[int, int], ...], dict[str, str], bool, int, float]


def pack_groups(article: Article, groups: list[Local]) -> list[Packed]:
    """The article's groups in plain values (entities by their place in the article, names by where
    `_person_names` gives them), cheap to send to another process and to make again there (`unpack_groups`)."""
    place = {id(entity): i for i, entity in enumerate(article.entities)}
    where = {}
    for i, entity in enumerate(article.entities):
        for j, name in enumerate(_named_forms(entity.name, tuple(entity.aliases))):
            where.setdefault(name, (i, j))
    return [(g.type, tuple(place[id(e)] for e in g.entities), tuple(where[n] for n in g.names), g.keys, g.described,
             place[id(g.lead)], g.strongest) for g in groups]


def unpack_groups(article: Article, packed: list[Packed]) -> list[Local]:
    """The groups `pack_groups` packed, of the same article read again: the same entities and names (the very
    name objects grouping here would have used)."""
    entities = article.entities
    return [Local([entities[i] for i in members], type_,
                  [_named_forms(entities[i].name, tuple(entities[i].aliases))[j] for i, j in names], keys, described,
                  entities[lead], strongest)
            for type_, members, names, keys, described, lead, strongest in packed]


def _join_multiword(groups: list[Local], entity: Entity, names: list[PersonName]) -> None:
    full = [n for n in names if n.multiword]
    for group in groups:
        if group.type == "person" and not group.described and group.multiword and \
                all(could_be_same(a, b) for a in full for b in group.multiword) and \
                any(a.surname == b.surname or a.full.endswith(" " + b.full) or b.full.endswith(" " + a.full)
                    or a.full.startswith(b.full + " ") or b.full.startswith(a.full + " ")
                    for a in full for b in group.multiword):
            group.entities.append(entity)
            group.names.extend(n for n in names if n not in group.names)
            return
    groups.append(Local([entity], "person", list(names)))


def _join_named_alike(groups: list[Local], entity: Entity) -> None:
    mine = {k for k, kind in org_keys(entity.name, entity.type).items() if kind != "acronym"}
    for group in groups:
        if group.type == entity.type and mine & {k for k, kind in org_keys(group.lead.name, group.type).items()
                                                  if kind != "acronym"}:
            group.entities.append(entity)
            return
    groups.append(Local([entity], entity.type))


def _join_short_forms(groups: list[Local]) -> None:
    """Each organisation group whose names all open the name of exactly one other organisation group joins it."""
    orgs = [g for g in groups if g.type == "organization"]
    for short in orgs:
        mine = {_words_of(e) for e in short.entities}
        fits = [g for g in orgs if g is not short and g in groups and
                all(any(_begins(k, w) for k in map(_words_of, _ownerless(g.entities))) for w in mine)]
        if len(fits) == 1 and all(mine):
            fits[0].entities.extend(short.entities)
            groups.remove(short)


def _opens_another(entity: Entity, others: list[Entity]) -> bool:
    """An organisation whose name opens another organisation's name in the article ('Ford', 'Ford Motor
    Company'): that organisation's, not a person's whose surname it is ('William Clay Ford Jr.')."""
    if entity.type != "organization":
        return False
    mine = _words_of(entity)
    return any(_begins(_words_of(o), mine) for o in _ownerless([o for o in others if o.type == "organization"]))


def _words_of(entity: Entity) -> tuple[str, ...]:
    return tuple(name_key(entity.name).split())


def _begins(long_: tuple[str, ...], short: tuple[str, ...]) -> bool:
    return bool(short) and len(short) < len(long_) and long_[:len(short)] == short


def _ownerless(entities: list[Entity]) -> list[Entity]:
    """Names without a possessive: "Apple Computer's Mac OS" is a thing of Apple Computer, not Apple Computer."""
    return [e for e in entities if not _OWNED.search(e.name)]


def _fits_one_word(names: list[PersonName], group: Local) -> bool:
    words = {n.surname for n in names} | {k for n in names for k in n.nicknames}
    return any(words & {n.surname, n.given, *n.nicknames} for n in group.multiword)


def _person_named(groups: list[Local], entity: Entity) -> Local | None:
    """The one person group an organisation or place is named like, if any: its surname or full name, or a
    full name with that group's surname ('Maurice Cheeks' tagged as a place, with the person 'Cheeks')."""
    if looks_like_organization(entity.name):
        return None
    key, parsed = name_key(entity.name), parse_name(entity.name)
    people = [g for g in groups if g.type == "person" and not g.described and g.names]
    fits = [g for g in people if any(key in (n.surname, n.full) for n in g.names)]
    if not fits and parsed.named and parsed.multiword and len(parsed.words) <= FULL_NAME_WORDS:
        # by a full name's surname if the group has one: 'Hale' beside 'Hale Corwin' is his given name, and
        # 'Tamsin Hale' someone else
        fits = [g for g in people if any(n.surname == parsed.surname and could_be_same(n, parsed)
                                         for n in g.multiword or g.names)]
    if len(fits) != 1 or _outnumbers(entity, fits[0]):
        return None
    return fits[0]


def _outnumbers(entity: Entity, person: Local) -> bool:
    """A mistyped name written far more often than the person it would join is a name of its own: the country
    'New Zealand' of an article that also names a 'Heinemann New Zealand' once, not that person's surname."""
    own = sum(len(e.mentions) for e in person.entities)
    return len(entity.mentions) >= MISTYPED_MIN and len(entity.mentions) > MISTYPED_TIMES * own


def given_words(full: list[PersonName]) -> set[str]:
    """The given names of a person's full names, and middle names that are given names ('Ada Mae Quill': 'mae'),
    less their surnames; a full name that opens a longer one ('Ada Mae' of 'Ada Mae Quill') has no surname."""
    opening = {n.full for n in full if any(m.full.startswith(n.full + " ") for m in full)}
    surnames = {n.surname for n in full if n.full not in opening}
    middles = {m for n in full for m in n.middles if is_given_name(m)}
    return ({n.given for n in full if n.given} | middles) - surnames


def given_kind(kind: str, key: str, givens: set[str]) -> str:
    """A one-word key's kind, 'given' where the person's full names say it is a given name (`given_words`): a lone
    'Ada' beside 'Ada Quill' is her given name, never a surname to link by."""
    return "given" if kind == "surname" and key in givens else kind


def _keys(group: Local) -> tuple[dict[str, str], float]:
    """The group's keys: its names' for a person (strongest kind kept), name keys for anything else; and the
    strength of the strongest."""
    if group.described:
        return {}, 0.0
    keys, strongest = _keys_of(group.type, tuple((entity.name, tuple(entity.aliases)) for entity in group.entities))
    return dict(keys), strongest  # a copy: the cached one is never changed


@lru_cache(maxsize=16384)  # most groups are one entity whose names come back article after article
def _keys_of(type_: str, forms: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[dict[str, str], float]:
    """`_keys` of a group of this type and its entities' (name, aliases)."""
    keys = _forms_keys(type_, forms)
    return keys, max((KIND_STRENGTH.get(k, 3.0) for k in keys.values()), default=0.0)


def _forms_keys(type_: str, forms: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    """The keys of `_keys_of`. A person group's names read into parts (`Local.names`) are its entities' in order,
    each once, so they are read again from these forms here."""
    keys: dict[str, str] = {}
    if type_ != "person":
        for name, aliases in forms:
            for form in dict.fromkeys([name, *aliases]):
                for key, kind in org_keys(form, type_).items():
                    if KIND_STRENGTH[kind] > KIND_STRENGTH.get(keys.get(key, ""), 0.0):
                        keys[key] = kind
        return keys
    names = list(dict.fromkeys(n for name, aliases in forms for n in _named_forms(name, aliases)))
    givens = given_words([n for n in names if n.multiword])
    for name in sorted(names, key=lambda n: -len(n.words)):
        for key, kind in name_keys(name).items():
            kind = given_kind(kind, key, givens)
            if KIND_STRENGTH[kind] > KIND_STRENGTH.get(keys.get(key, ""), 0.0):
                keys[key] = kind
    for name, aliases in forms:
        for form in [name, *aliases]:
            skeleton = skeleton_key(form) if parse_name(form).named else None
            if skeleton:
                keys.setdefault(skeleton, "skeleton")
    return keys
