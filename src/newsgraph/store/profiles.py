"""What the store knows about each entity, as linking reads it, and the name it is shown by.

A `Profile` holds an entity's names, affiliations, roles and titles, the
entities it appears with, and the display forms its articles use. The
display name is the form most articles use (`display_name`), preferring
full names, never simply the longest: one article's confusion ("Hunter
Biden" for the Vice President) cannot rename a person many sources name
otherwise. A name set by a correction is pinned and stays.

`Profiles` reads each stored profile once and keeps it in step as the
store writes articles, so linking costs the same on the ten-thousandth
article as on the tenth.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Article
from .org_names import standard_place_name
from .person_names import PersonName, display_form, parse_name
from .sql import name_key


# a capital after a non-word character, not after a sentence's end or a colon and a space, not the text's first; the
# capital comes first and the looks behind it after, so that the search skips to capitals
_PROPER = re.compile(r"[A-Z](?<=\W[A-Z])(?<![.!?\n:“\"]\s[A-Z])[\w’'-]{2,}")
_POSSESSIVE = re.compile(r"['’]s?$")
CALENDAR = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday the this that these those there their they then
when what where which while after before since during""".split())


@lru_cache(maxsize=4096)
def proper_terms(text: str) -> frozenset[str]:
    """Capitalised words inside sentences ('Sixers', 'Philadelphia'): what an article is about, cheaply."""
    words = (_POSSESSIVE.sub("", w.lower()) for w in _PROPER.findall(text))
    return frozenset(w for w in words if w not in CALENDAR)


@lru_cache(maxsize=1024)
def text_words(text: str) -> frozenset[str]:
    """The words of a text in lower case, as name keys spell them (no diacritics): does an article ever say
    'secretary'?"""
    return frozenset(name_key(text).split())


@dataclass
class Profile:
    """What is known about an entity, on either side of a decision."""

    names: set[str] = field(default_factory=set)  # name keys of every form
    full_names: set[str] = field(default_factory=set)  # multi-word person names as written (titles left off)
    parsed_full_names: list[PersonName] = field(default_factory=list)  # the same, read into parts
    affiliations: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    comentions: set[int] = field(default_factory=set)  # stored entities seen in the same articles
    forms: dict[str, int] = field(default_factory=dict)  # display forms -> articles using them (not a Counter: one
    # costs two Python calls to make, and linking makes a Profile for each group of each article)
    first: dict[str, tuple] = field(default_factory=dict)  # display form -> (published, article) it was first in
    keys: set[str] = field(default_factory=set)  # entity_names rows already stored (by name)
    person: bool = False  # a person's full name is preferred for display; an organisation's most used form
    most: int = 0  # the most mentions one article gives the entity (an article about them gives many)

    def add_forms(self, forms: set[str], published: str | None, article_id: str) -> None:
        """Count the display forms one article uses."""
        seen = (published or "", article_id)
        for form in forms:
            self.forms[form] = self.forms.get(form, 0) + 1
            if form not in self.first or seen < self.first[form]:
                self.first[form] = seen

    def display_name(self, fallback: str) -> str:
        """The form most articles use (a person's full names first); on a tie the one used first (by publication
        date). An organisation or place goes by its most used form: 'Apple', not a longer name one article
        joined to it; a country by its standard name when an article used it ('United States', not 'America',
        which every article naming only Americans gives it)."""
        full = [f for f in self.forms if parse_name(f).multiword] if self.person else []
        full = [f for f in full if len(parse_name(f).surname or "") > 1] or full  # 'Ada J. Quill', not 'Ada J.'
        standard = [] if self.person else [f for f in self.forms if standard_place_name(f)]
        pool = full or standard or list(self.forms)
        if not pool:
            return fallback
        return min(pool, key=lambda f: (-self.forms[f], self.first.get(f, ("", "")), f))

    def add_mention(self, type_: str, name: str, aliases: list[str], affiliations: list[str], roles: list[str]) -> None:
        """Learn one article's entity (its name, aliases, affiliations, roles and titles)."""
        names, affiliation_keys, role_keys, fulls = _mention_keys(type_, name, tuple(aliases), tuple(affiliations),
                                                                  tuple(roles))
        self.names |= names
        self.affiliations |= affiliation_keys
        self.roles |= role_keys
        if type_ == "person":
            self.person = True
            for full, parsed in fulls:
                if full not in self.full_names:
                    self.full_names.add(full)
                    self.parsed_full_names.append(parsed)


@lru_cache(maxsize=16384)  # the same mentions come back article after article
def _mention_keys(type_: str, name: str, aliases: tuple[str, ...], affiliations: tuple[str, ...],
                  roles: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str],
                                                   tuple[tuple[str, PersonName], ...]]:
    """What `Profile.add_mention` learns from a mention: the name keys of its names, affiliations and roles, and
    a person's full names (display form, read into parts)."""
    fulls = []
    if type_ == "person":
        for form in [name, *aliases]:
            parsed = parse_name(form)
            if parsed.multiword and parsed.named:
                full = display_form(form)
                fulls.append((full, parse_name(full)))
    return (frozenset(name_key(n) for n in [name, *aliases]), frozenset(name_key(a) for a in affiliations),
            frozenset(name_key(r) for r in roles), tuple(fulls))


def stored_profile(db, entity_id: int) -> Profile:
    """What the store knows about an entity: names, affiliations, roles and titles, who it appears with."""
    rows = db.query("SELECT article_id, aliases, affiliations, roles, titles, name, type, published, count "
                    "FROM mentions WHERE entity_id = ?", (entity_id,))
    profile = Profile()
    by_article: dict[str, set[str]] = {}
    published: dict[str, str | None] = {}
    counts: Counter = Counter()
    for row in rows:
        counts[row["article_id"]] += row["count"]
        profile.add_mention(row["type"], row["name"], json.loads(row["aliases"]), json.loads(row["affiliations"]),
                            json.loads(row["roles"]) + json.loads(row["titles"]))
        by_article.setdefault(row["article_id"], set()).add(display_form(row["name"]))
        published[row["article_id"]] = row["published"]
    for article_id, forms in by_article.items():
        profile.add_forms(forms, published[article_id], article_id)
    profile.most = max(counts.values(), default=0)
    co = db.query("""SELECT DISTINCT m2.entity_id FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id
                     AND m2.entity_id <> m1.entity_id WHERE m1.entity_id = ?""", (entity_id,))
    profile.comentions = {r["entity_id"] for r in co}
    profile.keys = {r["name"] for r in db.query("SELECT name FROM entity_names WHERE entity_id = ?", (entity_id,))}
    return profile


# a stored name row as linking reads it: (entity id, key, script (the key's kind), the entity's name); a plain tuple
# because linking builds and reads tens of thousands of them per thousand articles
Candidate = tuple[int, str, "str | None", str]


class Profiles:
    """Stored profiles by entity id, each read once and then kept in step with what the store writes.

    Exact only while `add_article` is the one writer: the store calls `note`
    after each committed article, and `clear` when someone else has
    written or a correction changed entities.
    """

    def __init__(self, db):
        self.db = db
        self.known: dict[int, Profile] = {}
        self.topics: dict[int, Counter] = {}  # entity id -> proper terms of its articles (read when needed)
        self.vocab: dict[int, set[str]] = {}  # entity id -> the lower-case words of its articles (read when needed)
        self.by_key: dict[str, dict[tuple[int, str], str | None]] = {}  # name key -> (entity id, name) -> kind
        self.entities: dict[int, tuple[str, str]] = {}  # entity id -> (name, type), of those in `by_key`
        self.one_word: dict[str, set[int]] = {}  # name key -> the people named by that one word (`one_word_people`)
        self.one_word_key: dict[int, str] = {}  # and back

    def name_rows(self, wanted: set[tuple[str, str]], one_word: bool = False) -> dict[tuple[str, str], list[Candidate]]:
        """The stored entity_names rows with these (entity type, key) pairs, as linking reads them (`Candidate`);
        `one_word`: only of entities named by one word. Each key is read from the database once, then kept in
        step."""
        found: dict[tuple[str, str], list[Candidate]] = {k: [] for k in wanted}
        keys = sorted({key for _, key in wanted})
        missing = [k for k in keys if k not in self.by_key]
        if missing:
            for key in missing:
                self.by_key[key] = {}
            for row in self.db.query(f"""SELECT n.entity_id, n.key, n.name AS form, n.script, e.name, e.type
                                         FROM entity_names n JOIN entities e ON e.id = n.entity_id
                                         WHERE n.key IN ({', '.join('?' * len(missing))})""", missing):
                self.by_key[row["key"]][(row["entity_id"], row["form"])] = row["script"]
                self.entities[row["entity_id"]] = (row["name"], row["type"])
        entities = self.entities
        unknown = {entity_id for key in keys for entity_id, _ in self.by_key[key]
                   if entity_id not in entities}  # names written since
        if unknown:
            for row in self.db.query(f"SELECT id, name, type FROM entities WHERE id IN ({', '.join('?' * len(unknown))})",
                                     sorted(unknown)):
                entities[row["id"]] = (row["name"], row["type"])
        for key in keys:
            for (entity_id, _), script in self.by_key[key].items():
                name, type_ = entities[entity_id]
                rows = found.get((type_, key))
                if rows is not None and not (one_word and " " in name):
                    rows.append((entity_id, key, script, name))
        return found

    def one_word_people(self, keys: set[str]) -> dict[str, set[int]]:
        """The people the store names by one word, for each of these name keys (a surname alone: 'quill'). Each
        key is read from the database once, then kept in step."""
        missing = sorted(k for k in keys if k not in self.one_word)
        if missing:
            for key in missing:
                self.one_word[key] = set()
            for row in self.db.query(f"SELECT id, key FROM entities WHERE type = 'person' AND key IN "
                                     f"({', '.join('?' * len(missing))})", missing):
                if " " not in row["key"]:
                    self.one_word[row["key"]].add(row["id"])
                    self.one_word_key[row["id"]] = row["key"]
        return {key: self.one_word[key] for key in keys}

    def entity_written(self, entity_id: int, name: str, type_: str | None = None) -> None:
        """An entity inserted (with its type) or renamed: the name `name_rows` gives it. An inserted one has no
        mentions or names yet: its profile starts empty here and `note` fills it from the article that made it,
        which is what reading it (three queries per entity) would find."""
        if type_ is not None:
            self.entities[entity_id] = (name, type_)
            self.known[entity_id] = Profile()
        elif entity_id in self.entities:
            self.entities[entity_id] = (name, self.entities[entity_id][1])
        if type_ == "person" or type_ is None and entity_id in self.one_word_key:
            self._one_word_named(entity_id, name_key(name))

    def _one_word_named(self, entity_id: int, key: str) -> None:
        """Keep `one_word_people` in step with a person's new name."""
        old = self.one_word_key.pop(entity_id, None)
        if old is not None:
            self.one_word[old].discard(entity_id)
        if " " not in key and key in self.one_word:
            self.one_word[key].add(entity_id)
            self.one_word_key[entity_id] = key

    def names_written(self, rows: list[tuple[int, str, str, str | None]]) -> None:
        """entity_names rows (entity id, name, key, kind) just written (a row already stored is kept as it was)."""
        for entity_id, name, key, kind in rows:
            if key in self.by_key:
                self.by_key[key].setdefault((entity_id, name), kind)

    def terms(self, entity_id: int) -> Counter:
        """How many of the entity's articles use each proper term (see `proper_terms`)."""
        if entity_id not in self.topics:
            rows = self.db.query("SELECT a.headline, a.body FROM articles a WHERE a.id IN "
                                 "(SELECT article_id FROM mentions WHERE entity_id = ?)", (entity_id,))
            self.topics[entity_id] = Counter(t for r in rows for t in proper_terms(f"{r['headline'] or ''}\n{r['body']}"))
        return self.topics[entity_id]

    def words(self, entity_id: int) -> set[str]:
        """Every word of the entity's articles, in lower case (`text_words`)."""
        if entity_id not in self.vocab:
            rows = self.db.query("SELECT a.headline, a.body FROM articles a WHERE a.id IN "
                                 "(SELECT article_id FROM mentions WHERE entity_id = ?)", (entity_id,))
            self.vocab[entity_id] = set().union(*(text_words(f"{r['headline'] or ''}\n{r['body']}") for r in rows))
        return self.vocab[entity_id]

    def get(self, entity_id: int) -> Profile:
        if entity_id not in self.known:
            self.known[entity_id] = stored_profile(self.db, entity_id)
        return self.known[entity_id]

    def note(self, article: Article, ids: dict[str, int], types: dict[str, str], rows: dict[int, set[str]]) -> None:
        """Add an article just written: `ids` maps its entities to stored ids, `types` gives each one's stored type,
        `rows` the entity_names rows written for each stored entity."""
        stored = set(ids.values())
        forms: dict[int, set[str]] = {}
        counts: dict[int, int] = {}  # (a plain dict: see `Profile.forms`)
        for entity in article.entities:
            entity_id = ids.get(entity.id)
            profile = self.known.get(entity_id if entity_id is not None else -1)
            if profile is None:
                continue
            profile.add_mention(types[entity.id], entity.name, entity.aliases, entity.affiliations,
                                [*entity.roles, *entity.titles])
            profile.comentions |= stored - {entity_id}
            profile.keys |= rows.get(entity_id, set())
            forms.setdefault(entity_id, set()).add(display_form(entity.name))
            counts[entity_id] = counts.get(entity_id, 0) + max(1, len(entity.mentions))
        for entity_id, names in forms.items():
            self.known[entity_id].add_forms(names, article.published, article.id)
            self.known[entity_id].most = max(self.known[entity_id].most, counts[entity_id])
        vocab = [self.vocab[i] for i in stored if i in self.vocab]
        if vocab:
            words = text_words(article_text(article))
            for seen in vocab:
                seen |= words
        topics = [self.topics[i] for i in stored if i in self.topics]
        if topics:
            terms = proper_terms(article_text(article))
            for counter in topics:
                counter.update(terms)

    def forget(self, entity_ids) -> None:
        for entity_id in entity_ids:
            self.known.pop(entity_id, None)
            self.topics.pop(entity_id, None)
            self.vocab.pop(entity_id, None)

    def clear(self) -> None:
        self.known.clear()
        self.topics.clear()
        self.vocab.clear()
        self.by_key.clear()
        self.entities.clear()
        self.one_word.clear()
        self.one_word_key.clear()


def article_text(article: Article) -> str:
    """The headline and body as the store keeps them (what `Profiles.terms` reads back)."""
    return f"{article.headline or ''}\n" + "\n\n".join(article.paragraphs)
