"""A person's name read into its parts, and the keys linking finds people by.

`parse_name` reads a name as written ("Dr. Sanjay Gupta", "Desmond R.
Halloway Jr.", "Tomas Ignacio (Nacho) Ferrer", "lawyer Nadia Brenner") in
numbered steps:

1. Nicknames in quotes or brackets are set apart ("The Hammer", "Nacho"),
   and what ends in a closing bracket before the name is left off (a
   dateline's "(Ringside Wire)-" run into "Bogdan Marchenko").
2. Leading titles, honorifics and person nouns are left off, and so are
   lower-case words in front ("lawyer"), a possessive 's and suffixes
   ("Jr.", "III") at the end.
3. What is left is given name, middle names and surname; a particle
   ("Lo", "van der") joins the surname.
4. A name whose head is a kinship or description noun ("Alus's wife",
   "my mom", "the victim") is a description, not a name (`named` False);
   so is a product or event the entity stage took for a person (a digit,
   a lower-case word inside, or a product word at the end: "A17 Pro",
   "Davis Cup").

`name_keys` turns the parts into (key, kind) pairs, strongest kind first:
`full` (every part), `core` (given name and surname, middle names left
out), `nick` (a nickname or a given-name variant with the surname),
`initial` ("r jones"), `tail` (the last two words of a longer name, whose
first word may be a title the vocabulary lacks: "Coroner Glen Hartwell"),
`lead` (its first two words, when a headline ran on: "Lindsay Lohan Checks
Into Rehab"),
then the one-word `surname` and `given`. Vocabularies: `data/linking.json`,
titles from `titles.json`, person nouns from `speakers.json` and
`entities.json`, nicknames from the `nicknames` package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from rapidfuzz.fuzz import ratio

from ..readers.furniture import load_data
from ..understand.translit import name_skeletons
from .sql import name_key

KIND_STRENGTH = {"full": 3.0, "core": 3.0, "variant": 3.0, "nick": 2.5, "tail": 2.0, "initial": 2.0, "skeleton": 2.0,
                 "acronym": 2.0, "lead": 2.0, "surname": 1.0, "given": 0.5}
"""How much a match on each kind of key says by itself (the linker's base weights, see linking.py)."""

SHARED_PREFIX = 4  # given names beginning with this many letters alike may be one name's forms
SPELLING_SIMILARITY = 85  # rapidfuzz ratio two Latin spellings of one surname reach (Rait, Raite; not McCain, McKinney)
MAX_CANONICALS = 4  # a given name that is a nickname of more names than this ('Al') says too little
_NICKNAME = re.compile(r"\s*(?:\(([^()]*)\)|[\"“”‘’']([^\"“”‘’']{2,})[\"“”‘’'])\s*")
_POSSESSIVE = re.compile(r"['’]s?$")
_CUT_OPENING = re.compile(r"^[^()]*\)\s*[-–—:]?\s*(?=\S)")  # 'Wire)-Bogdan Marchenko': a dateline's tail


@dataclass(frozen=True)
class Vocabulary:
    titles: dict[str, tuple[tuple[str, ...], ...]]  # first word -> the lower-case titles it starts, longest first
    person_nouns: frozenset[str]
    suffixes: frozenset[str]
    particles: frozenset[str]
    kinship: frozenset[str]
    description_heads: frozenset[str]
    description_starts: frozenset[str]
    organization_words: frozenset[str]
    not_surnames: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    """The linking vocabulary, loaded once."""
    data, titles = load_data("linking.json"), load_data("titles.json")
    speakers, entities = load_data("speakers.json"), load_data("entities.json")
    every_title = {t.lower() for key, words in titles.items() if key not in ("_doc", "heads") for t in words}
    every_title |= {"the"}
    return Vocabulary(
        titles=_by_first_word(every_title),
        person_nouns=frozenset(w.lower() for w in speakers["person"] + entities["role_heads"] if " " not in w),
        suffixes=frozenset(data["suffixes"]), particles=frozenset(data["surname_particles"]),
        kinship=frozenset(k.lower() for k in entities["kinship"]),
        description_heads=frozenset(data["description_heads"]),
        description_starts=frozenset(data["description_starts"]),
        organization_words=frozenset(w.lower() for w in speakers["organization_words"] + data["not_person_words"]),
        not_surnames=frozenset(data["not_surnames"]))


def _by_first_word(titles: set[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:
        words = tuple(title.split())
        out.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in out.items()}


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts (name keys: lower case, no diacritics or punctuation)."""

    words: tuple[str, ...]  # the name without titles, suffixes and nicknames, as keys
    given: str | None
    middles: tuple[str, ...]
    surname: str | None
    nicknames: tuple[str, ...] = ()
    named: bool = True

    def __hash__(self) -> int:  # the fields' hash (what the dataclass would compute), once: names key caches
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.words, self.given, self.middles, self.surname, self.nicknames, self.named))

    @cached_property  # names are parsed once (`parse_name`) and read many times
    def full(self) -> str:
        return " ".join(self.words)

    @cached_property
    def multiword(self) -> bool:
        return self.given is not None and self.surname is not None


def _strip_front(words: list[str], vocab: Vocabulary) -> list[str]:
    """Leave off lower-case words, titles and person nouns before the name (keeping at least one word)."""
    changed = True
    while changed and len(words) > 1:
        changed = False
        lower = [w.lower().rstrip(",") for w in words]
        for title in vocab.titles.get(lower[0], ()):
            if len(title) < len(words) and tuple(lower[:len(title)]) == title:
                words, changed = words[len(title):], True
                break
        else:
            if words[0][:1].islower() or lower[0] in vocab.person_nouns:
                words, changed = words[1:], True
    return words


@lru_cache(maxsize=65536)
def parse_name(text: str) -> PersonName:
    """A name as written, read into its parts (see the module docstring)."""
    vocab = vocabulary()
    text = _CUT_OPENING.sub("", text)
    nicknames = tuple(name_key(a or b) for a, b in _NICKNAME.findall(text) if name_key(a or b))
    plain = _NICKNAME.sub(" ", text).strip()
    raw = [w for w in plain.replace(",", " ").split() if w]
    if raw and raw[0].lower() in vocab.description_starts and len(raw) > 1 and raw[0].islower():
        return PersonName(tuple(name_key(w) for w in raw), None, (), None, nicknames, named=False)
    words = _strip_front(raw, vocab)
    while len(words) > 1 and words[-1].lower() in vocab.suffixes:
        words = words[:-1]
    head = _POSSESSIVE.sub("", words[-1]).lower() if words else ""
    possessed = any(_POSSESSIVE.search(w) for w in words[:-1])
    keys = [k for k in (name_key(_POSSESSIVE.sub("", w)) for w in words) if k]
    inner_lower = any(w[:1].islower() and w.lower() not in vocab.particles for w in words[1:-1])
    if not keys or head in vocab.kinship or head in vocab.description_heads or possessed \
            or all(w[:1].islower() for w in words) or (len(keys) == 1 and head in vocab.person_nouns) \
            or head in vocab.not_surnames or inner_lower or any(ch.isdigit() for ch in "".join(words)):
        return PersonName(tuple(keys), None, (), None, nicknames, named=False)
    if len(keys) == 1:
        return PersonName(tuple(keys), None, (), keys[0], nicknames)
    start = len(keys) - 1
    while start > 0 and keys[start - 1] in vocab.particles:
        start -= 1
    if start == 0:  # 'Lo Presti', 'De Niro': a surname with its particle
        return PersonName(tuple(keys), None, (), " ".join(keys), nicknames)
    return PersonName(tuple(keys), keys[0], tuple(keys[1:start]), " ".join(keys[start:]), nicknames)


@lru_cache(maxsize=65536)
def display_form(text: str) -> str:
    """A name as written, without leading titles, honorifics or role words, or a possessive 's at the end."""
    words = _strip_front(text.split(), vocabulary())
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    return " ".join(words).strip(" ,") or text


@cache
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


@lru_cache(maxsize=16384)
def given_canonicals(given: str) -> frozenset[str]:
    """The given names a name is a nickname of, and itself when others are its nicknames ('katie': 'kathryn')."""
    namer = _nicknamer()
    out = set(namer.canonicals_of(given))
    if namer.nicknames_of(given):
        out.add(given)
    return frozenset(out) if len(out) <= MAX_CANONICALS else frozenset({given})


@lru_cache(maxsize=65536)
def same_given(x: str, y: str) -> bool:
    """Two given names of one person: equal, one an initial of the other, nicknames of one name, or two forms
    of one name beginning alike ('Alexis', 'Alexandros'; 'Chris', 'Christopher')."""
    if x == y or (is_initial(x) and y.startswith(x)) or (is_initial(y) and x.startswith(y)):
        return True
    if len(x) >= SHARED_PREFIX and len(y) >= SHARED_PREFIX and x[:SHARED_PREFIX] == y[:SHARED_PREFIX]:
        return True
    if same_surname(x, y):  # the same spelling test: Shahar, Shachar
        return True
    cx, cy = given_canonicals(x), given_canonicals(y)
    return x in cy or y in cx or bool(cx & cy)


@lru_cache(maxsize=65536)
def skeleton_key(form: str) -> str | None:
    """The consonant-skeleton key of a name of two words or more ('~tmr ls'), which other scripts share."""
    skeleton = name_skeletons(form)
    return "~" + " ".join(skeleton) if len(skeleton) >= 2 else None


@lru_cache(maxsize=16384)
def is_given_name(word: str) -> bool:
    """Whether a one-word name is a given name of the nicknames list ('mike', 'thomas')."""
    namer = _nicknamer()
    return bool(namer.nicknames_of(word) or namer.canonicals_of(word))


def is_initial(word: str) -> bool:
    return len(word) == 1


def name_keys(name: PersonName) -> dict[str, str]:
    """Keys a person is found by, with their kind (strongest first; see the module docstring)."""
    return dict(_name_keys(name))  # a copy: the cached one is never changed


@lru_cache(maxsize=65536)
def _name_keys(name: PersonName) -> dict[str, str]:
    if not name.named or not name.words:
        return {}
    keys: dict[str, str] = {}
    if not name.multiword:
        keys[name.surname or name.full] = "surname"
        for nick in name.nicknames:
            keys.setdefault(nick, "given")
        return keys
    given, surname = name.given or "", name.surname or ""
    if not is_initial(given):
        keys[name.full] = "full"
        keys.setdefault(f"{given} {surname}", "core")
        for nick in (*name.nicknames, *sorted(given_canonicals(given))):
            keys.setdefault(f"{nick} {surname}", "nick")
    keys.setdefault(f"{given[0]} {surname}", "initial")
    if len(name.words) >= 3:
        keys.setdefault(" ".join(name.words[-2:]), "tail")
        keys.setdefault(" ".join(name.words[:2]), "lead")  # a headline's 'Lindsay Lohan Checks Into Rehab'
    keys.setdefault(surname, "surname")
    if not is_initial(given):
        keys.setdefault(given, "given")
    return keys


def middles_agree(a: PersonName, b: PersonName) -> bool:
    """Whether two names' middle names could be the same (one missing, or an initial of the other)."""
    if not a.middles or not b.middles:
        return True
    x, y = a.middles[0], b.middles[0]
    return x == y or (is_initial(x) and y.startswith(x)) or (is_initial(y) and x.startswith(y))


def givens_agree(a: PersonName, b: PersonName) -> bool:
    """Whether two given names could be one person's (a nickname written in brackets counts)."""
    if a.given is None or b.given is None:
        return True
    return any(same_given(x, y) for x in (a.given, *a.nicknames) for y in (b.given, *b.nicknames))


@lru_cache(maxsize=65536)
def could_be_same(a: PersonName, b: PersonName) -> bool:
    """Whether two names could name one person: one ends or begins with the other (a title in front, a
    headline running on), or surnames equal with given and middle names that agree."""
    if not (a.multiword and b.multiword) or a.full == b.full:
        return True
    short, long_ = sorted((a, b), key=lambda n: len(n.words))
    if long_.full.endswith(" " + short.full) or long_.full.startswith(short.full + " "):
        return True  # a title in front ('Coroner Glen Hartwell'), or a headline running on after the name
    return same_surname(a.surname or "", b.surname or "") and givens_agree(a, b) and middles_agree(a, b)


@lru_cache(maxsize=65536)
def same_surname(x: str, y: str) -> bool:
    """Equal, or two spellings of one surname: the same consonant skeleton and close letters (Rait, Raite)."""
    if x == y:
        return True
    if x[:1] != y[:1] or ratio(x, y) < SPELLING_SIMILARITY:
        return False
    return name_skeletons(x) == name_skeletons(y)


@lru_cache(maxsize=16384)  # grouping asks for every organisation and place of every article
def looks_like_organization(text: str) -> bool:
    """A name with an organisation or place word in it ('Lohan Foundation', 'Smith Street')."""
    vocab = vocabulary()
    return any(w in vocab.organization_words for w in name_key(text).split())
