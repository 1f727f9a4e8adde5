"""Linking the entities of a new article to the entities already in the store.

Propose, then decide, in numbered steps:

1. Group the article's entities that are one person (`grouping`): the
   headline's "Lohan" with the body's "Lindsay Lohan", "Dr Gupta" with
   "Dr. Sanjay Gupta". A description ("her husband") is a group of its own
   and is never linked beyond its article.
2. Propose: stored entities sharing a key with the group (`person_names`):
   the full name, given name and surname without middle names, a nickname
   or an initial, the last two words of a longer name, the consonant
   skeleton of a name in another script (or a spelling variant of a
   Latin one), and last the surname or given name alone. A match is as
   strong as the weaker of the two keys that met (`KIND_STRENGTH`).
3. Score each candidate by the key, plus what both sides share (entities
   mentioned alongside, affiliations, roles and titles), less a penalty
   when contexts contradict or when full names cannot be one person's
   ("Hunter Biden" is not "Joe Biden", whatever "Biden" alone says), or
   when one full name seems to be two people's: a title or role of one
   side that the other side's articles never use, topics apart
   (`_namesakes`: a sculptor's profile, a minister's passing mention).
   A correction that split two entities forbids their merging outright.
4. Decide: the best candidate at or above `MERGE_THRESHOLD`; one found by
   a surname or given name alone must also be clearly ahead of any other
   person it could be. Groups with strong keys go first, so that weak
   ones see where the rest of the article was linked.

Profiles of stored entities are read once per store (`Profiles`) and kept
in step as articles are written, so linking costs the same on the
ten-thousandth article as on the tenth. Every decision is stored with its
reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from ..model import Article, Entity
from .grouping import Local, given_kind, given_words, group_entities
from .org_names import org_keys
from .person_names import (KIND_STRENGTH, SPELLING_SIMILARITY, PersonName, could_be_same, is_given_name, name_keys,
                           parse_name, skeleton_key)
from .profiles import Candidate, Profile, Profiles, article_text, proper_terms, text_words
from .sql import name_key

W_SHARED_AFFILIATION = 1.0
W_SHARED_COMENTION = 1.0
W_SHARED_ROLE = 0.5
W_CONTRADICTION = 1.5
W_NAME_CLASH = 2.0  # full names that cannot be one person's (Yossi Levy, Danny Levy)
MAX_CONTEXT_BONUS = 2.0
MERGE_THRESHOLD = 3.0
WEAK_KIND = 2.0  # keys weaker than this (a surname or given name alone) must win by MARGIN
MARGIN = 1.0
W_SHARED_TERMS = 1.0  # for TERMS_PER_POINT or more capitalised words both sides' articles use ('Sixers'), once:
TERMS_PER_POINT = 3  # words alone never carry a surname over the threshold, an entity alongside must agree too
REFUSE_NAMESAKES = True  # one full name, two people: a title or role one side's articles never use, topics apart
W_NAMESAKE = 1.5
ABOUT_MENTIONS = 5  # mentions of a person in one article that make it an article about them
NAMESAKE_KINDS = frozenset({"full", "core", "nick"})  # weaker keys need context to merge at all
TOPIC_KINDS = frozenset({"tail", "lead", "initial", "skeleton", "surname", "given"})  # kinds weak enough to need topics
STORED_KINDS = {"core", "nick", "tail", "lead", "initial", "surname", "given", "skeleton", "acronym", "variant"}


def name_rows(entity: Entity, type_: str, described: bool = False) -> list[tuple[str, str, str | None]]:
    """The entity_names rows of an entity: (name, key, kind) for each form, and a person's derived keys; a
    description's forms only, marked so that no other article finds it."""
    return list(_name_rows(entity.name, tuple(entity.aliases), type_, described))


@lru_cache(maxsize=16384)  # the same names come back article after article
def _name_rows(name: str, aliases: tuple[str, ...], type_: str, described: bool) -> tuple[tuple[str, str, str | None], ...]:
    return tuple(_rows_of(list(dict.fromkeys([name, *aliases])), type_, described))


def _rows_of(forms: list[str], type_: str, described: bool) -> list[tuple[str, str, str | None]]:
    """`name_rows` of these forms (the entity's name first)."""
    rows: list[tuple[str, str, str | None]] = []
    if described:
        return [(form, name_key(form), "described") for form in forms]
    givens = _given_names(forms) if type_ == "person" else set()
    for form in forms:
        key = name_key(form)
        rows.append((form, key, "given" if key in givens else None if form.isascii() else "other"))
    plain = {r[1] for r in rows}
    if type_ != "person":
        for form in forms:
            for key, kind in org_keys(form, type_).items():
                if key not in plain and kind != "full":
                    rows.append((f"~{kind} {key}", key, kind))
        return list({r[0]: r for r in rows}.values())
    for form in forms:
        parsed = parse_name(form)
        for key, kind in name_keys(parsed).items():
            kind = given_kind(kind, key, givens)  # 'Mae' of 'Ada Mae' and 'Ada Mae Quill'
            if key not in plain and kind != "full":
                rows.append((f"~{kind} {key}", key, kind))
        skeleton = skeleton_key(form)
        if skeleton:
            rows.append((skeleton, skeleton, "skeleton"))
    return list({r[0]: r for r in rows}.values())


def _given_names(forms: list[str]) -> set[str]:
    """Keys of the given names of a person's full-name forms (`grouping.given_words`): an alias 'Ada' of 'Ada
    Quill' is stored as a given name, so that no other article's lone 'Ada' finds her by the surname rule."""
    return given_words([n for n in map(parse_name, forms) if n.named and n.multiword])


@dataclass
class Link:
    """How one entity of the article was linked."""

    local_id: str
    entity_id: int | None  # None: a new entity
    decision: str  # new, merged, joined (one person with another entity of the article)
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    name: str | None = None  # the stored entity's name, when merged
    group: int = 0  # the article's entities linked together share a group number
    type: str = ""  # the type the entity is stored under (a person's surname tagged as a place is a person)
    lead: bool = True  # the entity whose name stands for its group
    described: bool = False  # a description ('her husband'), not a name: kept to its article


def local_profile(group: Local, context: set[int]) -> Profile:
    """The group's side of a decision: its names, affiliations, roles, and the stored entities around it."""
    profile = Profile(comentions=context)
    for e in group.entities:
        profile.add_mention(group.type, e.name, e.aliases, e.affiliations, [*e.roles, *e.titles])
    profile.most = sum(max(1, len(e.mentions)) for e in group.entities)
    return profile


def contradicts(local: Profile, stored: Profile) -> bool:
    """Both sides name people whose full names cannot be one person's. A name with an initial for its given
    name counts only on a side that spells no given name out: a team sheet's 'S Williams', once joined to Serena
    Williams, must not carry Shane Williams to her."""
    shared = local.full_names & stored.full_names
    if shared and not all(_initialled(parse_name(n)) for n in shared):
        return False  # a name both sides use (the usual case, and the quick one)
    ours, theirs = _spelled(local.parsed_full_names), _spelled(stored.parsed_full_names)
    return bool(ours and theirs) and not any(could_be_same(a, b) for a in ours for b in theirs)


def _initialled(name: PersonName) -> bool:
    return len(name.given or "") == 1


def _spelled(names: list[PersonName]) -> list[PersonName]:
    """The names whose given name is spelled out, or all of them if none is."""
    return [n for n in names if not _initialled(n)] or names


def _words(phrases: set[str]) -> set[str]:
    return {w for p in phrases for w in p.split() if len(w) > 2}


_ORG_REASONS = {"full": "same name", "core": "same name without its legal form",
                "variant": "another name of the same country", "acronym": "an acronym of the name"}
_KIND_REASONS = {"full": "same full name", "core": "same given name and surname", "nick": "same name up to a nickname",
                 "initial": "same surname, given name as an initial", "tail": "same name after a leading word",
                 "lead": "the same first two words", "skeleton": "same name up to spelling or script",
                 "surname": "same surname", "given": "same given name"}


def score(kind: str, local: Profile, stored: Profile, shared_terms: int = 0,
          namesake: bool = False) -> tuple[float, float, list[str]]:
    """The merge score of a candidate found by `kind` of key, the same without the cap on context (how far
    ahead of a rival it is), and the reasons (`namesake`: see `_namesakes`)."""
    reasons = [_KIND_REASONS[kind]]
    shared_aff = local.affiliations & stored.affiliations
    shared_co = local.comentions & stored.comentions
    shared_roles = local.roles & stored.roles
    context = W_SHARED_AFFILIATION * len(shared_aff) + W_SHARED_COMENTION * len(shared_co) \
        + W_SHARED_ROLE * min(2, len(shared_roles)) + W_SHARED_TERMS * (shared_terms >= TERMS_PER_POINT)
    if shared_aff:
        reasons.append(f"shared affiliation: {', '.join(sorted(shared_aff)[:3])}")
    if shared_co:
        reasons.append(f"mentioned with the same {len(shared_co)} entit{'y' if len(shared_co) == 1 else 'ies'}")
    if shared_roles:
        reasons.append(f"shared role or title: {', '.join(sorted(shared_roles)[:3])}")
    if shared_terms >= TERMS_PER_POINT:
        reasons.append(f"{shared_terms} capitalised words in common")
    penalty = 0.0
    if local.affiliations and stored.affiliations and not _words(local.affiliations) & _words(stored.affiliations) \
            and local.roles and stored.roles and not _words(local.roles) & _words(stored.roles):
        penalty = W_CONTRADICTION
        reasons.append("different affiliations and roles")
    if contradicts(local, stored):
        penalty += W_NAME_CLASH
        reasons.append("full names differ")
    if namesake:
        penalty += W_NAMESAKE
        reasons.append("a title or role the other side's articles never use, and few words in common")
    base = KIND_STRENGTH[kind] - penalty
    return base + min(MAX_CONTEXT_BONUS, context), base + context, reasons




class Constraints:
    """What corrections say about linking one article's entities: which stored entity each must or must not join."""

    def must(self, article_id: str, local_ids: list[str]) -> int | None:
        return None

    def must_not(self, article_id: str, local_ids: list[str]) -> set[int]:
        return set()

    def pinned(self) -> set[int]:
        """Entities whose name a correction set: linking does not rename them."""
        return set()


NO_CONSTRAINTS = Constraints()


class TopicContext:
    """The capitalised words of the article (less the group's own names), compared with a candidate's articles'."""

    def __init__(self, article: Article, profiles: Profiles):
        self.article, self.profiles = article, profiles
        self._text: str | None = None
        self._terms: frozenset[str] | None = None

    def text(self) -> str:
        """The article's headline and body, built once (`article_text`)."""
        if self._text is None:
            self._text = article_text(self.article)
        return self._text

    def words(self) -> frozenset[str]:
        """Every word of the article, in lower case."""
        return text_words(self.text())

    def shared(self, group: Local, entity_id: int) -> int:
        if self._terms is None:
            self._terms = proper_terms(self.text())
        own = {w for e in group.entities for n in [e.name, *e.aliases] for w in name_key(n).split()}
        return len((self._terms - own) & self.profiles.terms(entity_id).keys())


@dataclass
class _Choice:
    entity_id: int
    kind: str
    score: float
    evidence: float  # the score without the cap on context
    reasons: list[str]
    name: str


def link_entities(db, article: Article, profiles: Profiles | None = None, constraints: Constraints = NO_CONSTRAINTS,
                  groups: list[Local] | None = None) -> list[Link]:
    """Decide, for each entity of the article, which stored entity it is, or that it is new (steps 1-4); `groups`
    is the article's `group_entities` when the caller has made it already (ingest does, in another thread)."""
    profiles = profiles or Profiles(db)
    groups = group_entities(article) if groups is None else groups  # 1.
    strong = {(g.type, k) for g in groups for k, kind in g.keys.items() if KIND_STRENGTH[kind] >= WEAK_KIND}
    found = _candidates(profiles, strong)  # 2.
    # the stored entities each group may be: its candidates, then the one entity it was linked to
    around = [{r[0] for k in g.keys for r in found.get((g.type, k), ())} for g in groups]
    taken: set[int] = set()
    topic = TopicContext(article, profiles)
    links: list[Link] = []
    for i in sorted(range(len(groups)), key=lambda i: (-groups[i].strongest, i)):
        group = groups[i]
        context = set().union(*around[:i], *around[i + 1:])  # what the other groups may be
        decided = _decide(article, group, found, context, profiles, taken, constraints, topic)  # 3., 4.
        if decided.entity_id is not None:
            around[i] = {decided.entity_id}
            if group.type == "person":  # two people of one article are two people; 'Apple', 'Apple Computer' one
                taken.add(decided.entity_id)
        links.extend(_links(group, decided, i))
    return links


def _decide(article: Article, group: Local, found: dict, context: set[int], profiles: Profiles, taken: set[int],
            constraints: Constraints, topic: TopicContext) -> Link:
    """The group's decision: merged with the best stored candidate, or new (with why)."""
    local_ids = [e.id for e in group.entities]
    if group.described:
        return Link("", None, "new", 0.0, ["a description, not a name: kept to its article"])
    forced = constraints.must(article.id, local_ids)
    if forced is not None:
        return Link("", forced, "merged", MERGE_THRESHOLD, ["a correction merged them"])
    banned = constraints.must_not(article.id, local_ids) | taken
    # an organisation or place is scored by its key and the entities around it only (`_score_all`): no names,
    # affiliations or roles to learn for it (local profiles cost half as much on benchmarks/bench_store.py)
    local = local_profile(group, context) if group.type == "person" else Profile(comentions=context)
    return choose(group, local, found, profiles, banned, topic)


def choose(group: Local, local: Profile, found: dict, profiles: Profiles, banned: set[int], topic) -> Link:
    """Step 4 for a group whose side is `local`: merged with the best stored candidate not `banned`, or new (with
    why). `topic` gives the capitalised words both sides use (`TopicContext`, or a stored entity's: `strays`)."""
    rows = [r for k, kind in group.keys.items() if KIND_STRENGTH[kind] >= WEAK_KIND
            for r in found.get((group.type, k), ())]
    choices = _score_all(group, rows, local, profiles, banned, topic)
    best = choices[0] if choices else None
    if (best is None or best.score < MERGE_THRESHOLD) and group.type == "person":
        weak = {(group.type, k) for k, kind in group.keys.items() if KIND_STRENGTH[kind] < WEAK_KIND}
        rows = [r for found_rows in _candidates(profiles, weak, one_word=bool(group.multiword)).values()
                for r in found_rows]
        choices = _resolved(sorted(choices + _score_all(group, rows, local, profiles,
                                                        banned | {c.entity_id for c in choices}, topic), key=_best_first))
        best = choices[0] if choices else None
    if best is None:
        return Link("", None, "new", 0.0, ["no stored entity with this name"])
    if best.score < MERGE_THRESHOLD:
        return Link("", None, "new", best.score, [f"best candidate scored {best.score:.1f} < {MERGE_THRESHOLD}",
                                                  *best.reasons])
    rival = next((c for c in choices[1:] if c.evidence > best.evidence - MARGIN), None)
    if KIND_STRENGTH[best.kind] < WEAK_KIND and rival is not None:
        return Link("", None, "new", best.score, [f"could be {best.name} or {rival.name}", *best.reasons])
    return Link("", best.entity_id, "merged", best.score, best.reasons, best.name)


def _resolved(choices: list[_Choice]) -> list[_Choice]:
    """Choices without a stored surname alone that is a full-name choice's surname ('Trump' beside 'Donald
    Trump'): an earlier article's mention nobody resolved, no other person, neither best nor rival."""
    surnames = {parse_name(c.name).surname for c in choices if " " in c.name}
    return [c for c in choices if " " in c.name or parse_name(c.name).surname not in surnames]


def _score_all(group: Local, rows: list[Candidate], local: Profile, profiles: Profiles, banned: set[int],
               topic: TopicContext) -> list[_Choice]:
    """Each candidate entity scored once, by the strongest key that found it; best first."""
    kinds: dict[int, tuple[float, str, str]] = {}
    full = bool(group.multiword)
    keys, lead = group.keys, group.lead.name
    for entity_id, key, script, name in rows:
        if entity_id in banned:
            continue
        kind = _kind_met(keys[key], script, key, group.type, full, lead, name)
        if kind is None:
            continue
        strength = KIND_STRENGTH[kind]
        if strength > kinds.get(entity_id, (-1.0,))[0]:
            kinds[entity_id] = (strength, kind, name)
    choices = []
    for entity_id, (_, kind, name) in kinds.items():
        if KIND_STRENGTH[kind] < WEAK_KIND and full and " " in name:
            continue  # a surname alone joins a full name only to someone the store knows by one word
        if group.type != "person":
            shared = len(local.comentions & profiles.get(entity_id).comentions) if kind == "acronym" else 0
            value = KIND_STRENGTH[kind] + min(MAX_CONTEXT_BONUS, W_SHARED_COMENTION * shared)
            reasons = [_ORG_REASONS.get(kind, "same name")]
            if shared:
                reasons.append(f"mentioned with the same {shared} entities")
            choices.append(_Choice(entity_id, kind, value, value, reasons, name))
            continue
        value, evidence, reasons = score(kind, local, profiles.get(entity_id))
        if kind in TOPIC_KINDS and value < MERGE_THRESHOLD <= value + W_SHARED_TERMS:  # only when the words could decide
            value, evidence, reasons = score(kind, local, profiles.get(entity_id), topic.shared(group, entity_id))
        elif value >= MERGE_THRESHOLD and _namesakes(kind, group, local, entity_id, profiles, topic):
            value, evidence, reasons = score(kind, local, profiles.get(entity_id), namesake=True)
        choices.append(_Choice(entity_id, kind, value, evidence, reasons, name))
    return sorted(choices, key=_best_first)


def _namesakes(kind: str, group: Local, local: Profile, entity_id: int, profiles: Profiles,
               topic: TopicContext) -> bool:
    """Two people of one full name, as a careful reader tells them apart: one side holds a title or role ('Energy
    Secretary', 'sculptor') whose words the other side never uses in an article about the person (ABOUT_MENTIONS
    mentions or more: an article about a minister says so; a passing mention need not), they share no title,
    role or affiliation, and their articles have fewer than TERMS_PER_POINT capitalised words in common."""
    stored = profiles.get(entity_id)
    if not REFUSE_NAMESAKES or kind not in NAMESAKE_KINDS or local.roles & stored.roles \
            or local.affiliations & stored.affiliations:
        return False
    ours, theirs = _words(local.roles), _words(stored.roles)
    unused = (ours and stored.most >= ABOUT_MENTIONS and not ours & profiles.words(entity_id)) \
        or (theirs and local.most >= ABOUT_MENTIONS and not theirs & topic.words())
    return bool(unused) and topic.shared(group, entity_id) < TERMS_PER_POINT


def _best_first(choice: _Choice) -> tuple:
    return -choice.score, -choice.evidence, choice.entity_id


@lru_cache(maxsize=65536)  # the same names meet article after article
def _kind_met(local_kind: str, script: str | None, key: str, type_: str, multiword: bool, lead: str,
              name: str) -> str | None:
    """How a stored name row (its `script`, `key` and entity `name`) met a group of this type (its kind of the
    key, whether it has a full name, its lead's name): the weaker of the two keys' kinds (None: a loose spelling
    match)."""
    if script == "described":
        return None  # a description is never found from another article
    stored_kind = script if script in STORED_KINDS else \
        ("full" if len(key.split()) >= 2 or type_ != "person" else "surname")
    if local_kind == stored_kind == "acronym":
        return None  # two long names with the same initials ('Apple Watch Series', 'Amazon Web Services'): an
        # acronym key meets only a name written as that acronym
    kind = min(local_kind, stored_kind, key=lambda k: KIND_STRENGTH[k])
    if kind == "surname" and script not in STORED_KINDS and not multiword and is_given_name(key):
        kind = "given"  # 'Mike' in one article and 'Mike' in another: a given name, not a surname ('Vincent
        # Jackson' says 'Jackson' is a surname)
    if kind == "skeleton" and name.isascii() and lead.isascii():
        if ratio(parse_name(lead).full, parse_name(name).full) < SPELLING_SIMILARITY:
            return None  # Latin spellings this far apart are other people (McCain, McKinney)
    return kind


def _links(group: Local, decided: Link, number: int) -> list[Link]:
    """One link for each entity of the group; the others of a group are joined to its lead."""
    lead = group.lead
    out = []
    for entity in group.entities:
        reasons = list(decided.reasons)
        if entity is not lead:
            reasons.insert(0, f"one person with {lead.name!r} in this article")
        out.append(Link(entity.id, decided.entity_id, decided.decision, decided.score, reasons, decided.name,
                        number, group.type, entity is lead, group.described))
    return out


def _candidates(profiles: Profiles, wanted: set[tuple[str, str]],
                one_word: bool = False) -> dict[tuple[str, str], list[Candidate]]:
    """Stored name rows by (type, key): entity id, key, script (kind), entity name (`Profiles.name_rows`).
    `one_word`: only entities the store names by one word (all a surname alone may join a full name to)."""
    return profiles.name_rows(wanted, one_word) if wanted else {}
