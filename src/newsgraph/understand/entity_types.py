"""Typing names from evidence in the text, where spaCy's label alone goes wrong.

Entities are people, organisations and places. A name of anything else is dropped: a made thing named
by its brand or model ("his iPhone", "a borrowed Subaru", "by the Mazda", "the A380"), page furniture
("Follow Ynetnews"), symbols and acronyms typed as people ("½", "COVID").

Each rule reads one kind of evidence and proposes a type (`retype`); the vocabularies are data
(`entities.json`, `demonyms.json`):

1. adjectives of place ("Canadian", "North American", from WordNet) name a place;
2. the form of the name: a designator at its end ("Inc.", "Airlines", "Motors") or a name in the outlet
   gazetteer ("Twitter") makes an organisation; a model number or a lower-case-led brand typed as a
   person ("A380", "iPhone"), characters or words no person's name has ("|", "@", "½", "Follow ..."),
   an acronym typed as a person: no entity;
3. a plural proper noun after "the" ("the Beatles", "the Steelers") is a group, an organisation;
4. a thing: a name right after "a", "an" or a possessive ("a borrowed Subaru", "his iPhone"), or a make
   of vehicle or weapon after "the" ("by the Mazda"; `entities.json` `makes`) is no entity.

What the rest of the article says of a name (one name keeps one type; a lone word opening an organisation's name
is that organisation) is read afterwards, across all its mentions, in `type_agreement`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..readers.furniture import load_data
from . import rules
from .context import TITLE_CASE_SHARE, form_positions, word_positions
from .name_case import PARTICLES
from .name_evidence import body_head_words, cut_from_longer_name, given_names, region_name
from .name_use import elided_verb, word_classes
from .timex import MONTHS


TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
THINGS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})  # spaCy's labels for names that are no entity of ours
DROP = "drop"
THING = "thing"  # a mention spaCy labelled a product, work, event or law: a vote in `type_agreement`, then dropped
DETERMINERS = frozenset({"a", "an", "his", "her", "their", "my", "our", "your", "its"})
_MODEL_NUMBER = re.compile(r"^(?:[A-Z]{0,3}\d{2,}[A-Za-z]{0,3}|\d+[A-Z]{1,2})$")  # A380, 747, S10, 5G
_LOWER_LED = re.compile(r"^[a-z]{1,2}[A-Z]")  # iPhone, eBay, iOS
_NOT_IN_NAMES = re.compile(r"[|@#/\\½¼¾©®™=+<>{}\[\]\d_]")
_INNER_CAPITAL = re.compile(r"^([A-Z][a-z]*)[A-Z]")
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X)$")
NAME_PREFIXES = frozenset({"Mc", "Mac", "O", "D", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Fitz", "St", "Al",
                           "El", "Ben", "Abu", "Bin", "Ibn", "Vander", "Ter"})  # 'McDonald', 'DiCaprio', 'LeBron'
_DAY = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")
_PUNCTUATION = re.compile(r"[—–‘“”\"!?;:]")  # inside a token: the tokenizer ran words together


@dataclass(frozen=True)
class TypeVocabulary:
    demonyms: dict[str, str]
    designators: frozenset[str]
    furniture_words: frozenset[str]
    makes: frozenset[str]
    function_words: frozenset[str]
    product_words: frozenset[str]
    event_heads: frozenset[str]
    place_nouns: frozenset[str]
    street_heads: frozenset[str]
    seat_places: frozenset[str]
    structure_heads: frozenset[str]


@cache
def type_vocabulary() -> TypeVocabulary:
    ents = load_data("entities.json")
    return TypeVocabulary(demonyms=load_data("demonyms.json")["demonyms"],
                          designators=frozenset(ents["organization_designators"]),
                          furniture_words=frozenset(w.lower() for w in ents["furniture_words"]),
                          makes=frozenset(ents["makes"]), function_words=frozenset(ents["function_words"]),
                          product_words=frozenset(ents["product_words"]), event_heads=frozenset(ents["event_heads"]),
                          place_nouns=frozenset(ents["place_nouns"]),
                          street_heads=frozenset(ents["street_heads"]), seat_places=frozenset(ents["seat_places"]),
                          structure_heads=frozenset(ents["structure_heads"]))


def spacy_type(label: str, text: str) -> str | None:
    """Our type for a spaCy label; an adjective of place (NORP 'Canadian') is the place."""
    if label == "NORP":
        return "place" if rules.enabled("demonyms") and text in type_vocabulary().demonyms else None
    if label in THINGS:
        return THING if rules.enabled("one_type_per_name") else None
    return TYPES.get(label)


def places_named_by_noun(doc, taken: set[int]) -> list[tuple[int, int]]:
    """Token spans of places a noun names: 'the (nearby) city of Ofakim', 'the state of Georgia'."""
    if not rules.enabled("place_nouns"):
        return []
    nouns, out = type_vocabulary().place_nouns, []
    for t in (doc[i] for i in word_positions(doc, nouns) if i < len(doc) - 2):
        if doc[t.i + 1].lower_ != "of" or not any(
                c.lower_ == "the" for c in t.children if c.dep_ == "det"):
            continue
        first = last = t.i + 2
        while last < len(doc) and last - first < 3 and doc[last].pos_ == "PROPN" and doc[last].text[:1].isupper():
            last += 1
        if last > first and not taken.intersection(range(first, last)):
            out.append((first, last))
    return out


def places_named_by_street(doc, taken: set[int]) -> list[tuple[int, int]]:
    """Token spans of streets the model saw no name in: 'Wall Street', 'on Lygon Street', 'Downing Street said'.
    One to three capitalised proper nouns in no entity, then a street's head word that no capitalised word follows
    ('Wall Street Journal' is an outlet's name), in a sentence not Written Like This; not opening a sentence with a
    word in common use ('Police Road closures ...'; a later 'on Wall Street' finds the earlier one as a repeat)."""
    if not rules.enabled("street_names"):
        return []
    heads, out = type_vocabulary().street_heads, []
    for t in (doc[i] for i in form_positions(doc, heads) if i):
        if t.ent_iob_ != "O" or t.i in taken:
            continue
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.is_alpha:
            continue
        first = t.i
        while first > t.sent.start and t.i - first < 3 and _street_word(doc[first - 1], taken):
            first -= 1
        if first < t.i and not _title_case_around(t.sent, first, t.i + 1) \
                and not (doc[first].is_sent_start and doc[first].lower_ in word_classes()["in_use"]):
            out.append((first, t.i + 1))  # not 'Police Road closures ...' opening a sentence
    return out


def _title_case_around(sent, first: int, last: int) -> bool:
    """Whether the sentence's words outside doc[first:last] are Written Like This (four or more, most capitalised)."""
    words = [t for t in sent if t.is_alpha and not first <= t.i < last]
    return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= TITLE_CASE_SHARE * len(words)


def _street_word(t, taken: set[int]) -> bool:
    return t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.ent_iob_ == "O" and t.i not in taken \
        and t.text not in type_vocabulary().function_words


@cache
def demonym_words() -> frozenset[str]:
    """The adjectives of place ('American', 'North American')."""
    return frozenset(type_vocabulary().demonyms)


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(load_data("linking.json")["suffixes"])


def name_words(name: str) -> list[str]:
    """A person's name in words, a suffix at its end left off ('Dorsey Pruitt Jr.' -> 'Dorsey', 'Pruitt')."""
    return list(_name_words(name))


@lru_cache(maxsize=4096)  # asked for every known person at every mention of an article
def _name_words(name: str) -> tuple[str, ...]:
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in _suffixes():
        words.pop()
    return tuple(words)


def place_of(adjective: str) -> str | None:
    """The place an adjective of place names ('Canadian' -> 'Canada')."""
    return type_vocabulary().demonyms.get(adjective)


def retype(doc, first: int, last: int, kind: str) -> str:
    """The type doc[first:last] gets from the evidence of its own form and context, or DROP."""
    if not rules.enabled("name_form"):
        return kind
    vocab = type_vocabulary()
    tokens = doc[first:last]
    words = [t.text for t in tokens]
    if words[0].lower() in vocab.furniture_words \
            and not (rules.enabled("furniture_firms") and _furniture_firm(words, kind)):
        return DROP
    if len(words) > 1 and (words[-1] in vocab.event_heads or " ".join(words[-2:]) in vocab.event_heads) \
            and rules.enabled("named_events"):
        return DROP  # "Paris Air Show", "Worldwide Developers Conference": an event, no entity
    if kind in ("person", "place") and (designated(words) or tokens.text in outlet_names()) \
            and not (kind == "place" and (region_name(tokens.text) or tokens.text in _designated_places())):
        return "organization"  # 'Saturn Corporation', an outlet ('Twitter'); not 'Soviet Union' nor 'West Bank'
    if kind == "organization" and tokens.text in vocab.seat_places and rules.enabled("seat_places"):
        return "place"  # 'the White House said': the building, as MEANTIME, FiNER and GUM mark it
    if kind == "organization" and len(words) > 1 and words[-1] in vocab.structure_heads and not designated(words) \
            and doc[last - 2].whitespace_ and rules.enabled("structure_places"):
        return "place"  # 'Third Mainland Bridge', 'Heathrow Airport': a structure, as the gold sets mark them; not
        # a model's trim 'TRD Off-Road'

    if kind == "person":
        if len(words) == 1 and (_month_before_day(doc, first, last) or _demonym_plural(words[0])):
            return DROP
        if not _could_be_a_persons_name(tokens, words, vocab) or cut_from_longer_name(doc, first, last, _title_words()) \
                or elided_verb(doc, last):
            return DROP
        if len(words) == 1 and first > 0 and doc[first - 1].lower_ == "the" and words[0].endswith("s"):
            return "organization"  # the Beatles, the Steelers: a group
    if kind in ("person", "organization") and _a_thing(tokens, vocab):
        return DROP
    return kind


def _month_before_day(doc, first: int, last: int) -> bool:
    """'Mar 15', 'Sept. 3rd': a month's name or abbreviation right before a day's number (`month_days`)."""
    if not rules.enabled("month_days") or last >= len(doc):
        return False
    return doc[first].text.lower().rstrip(".") in MONTHS and bool(_DAY.match(doc[last].text))


def _demonym_plural(word: str) -> bool:
    """'Greeks', 'Turkmens': an adjective of place made plural names a people, no person (`demonym_plurals`)."""
    return rules.enabled("demonym_plurals") and word.endswith("s") and word[:-1] in type_vocabulary().demonyms


def _furniture_firm(words: list[str], kind: str) -> bool:
    """'Credit Suisse Group AG', 'Source Energy' typed an organisation: a firm's name opening with a word of page
    furniture, not a credit or a button before a name ('Credit Ada Marsh', 'Follow Reuters:')."""
    vocab = type_vocabulary()
    if len(words) < 2 or not words[1][:1].isupper() or words[1].lower() in vocab.furniture_words:
        return False
    return designated(words) or kind == "organization" and words[1].lower() not in given_names()


def _could_be_a_persons_name(tokens, words: list[str], vocab: TypeVocabulary) -> bool:
    """Whether the form of a name typed as a person allows a person's name."""
    shouting = [w for w in words if w.isupper() and len(w) > (1 if len(words) == 1 else 2) and not _ROMAN.match(w)]
    return not (
        any(_NOT_IN_NAMES.search(w) and not _MODEL_NUMBER.match(w) for w in words)  # "½", "Twitter | Instagram"
        or not (words[0][:1].isupper() or words[0].lower().split("-")[0] in PARTICLES)  # "me—‘Where"
        or any(_PUNCTUATION.search(w) for w in words)
        or any(_MODEL_NUMBER.match(w) for w in words) or _LOWER_LED.match(words[0])  # "A380", "iPhone"
        or words[0].lower() in DETERMINERS | {"the"}  # "My Mom"
        or any(w in vocab.function_words for w in words[1:])  # "All About Kites"
        or (len(words) > 1 and words[-1] in vocab.product_words)  # "MacBook Pro", "HBO Max"
        or any(_brand_shape(w) for w in words)  # "MagSafe", "SpaceX"
        or (shouting and not tokens.sent.text.isupper())  # "COVID", "NASA Picks SpaceX"; not "AJ Styles", "Henry
    )  # VIII", nor a name in a line all in capitals, where capitals say nothing


def plausible_person_name(name: str) -> bool:
    """Whether a name read outside the parse (a picture credit) has a form a person's name can have."""
    vocab = type_vocabulary()
    words = name.split()
    return bool(words) and not (any(w in vocab.function_words for w in words[1:]) or words[-1] in vocab.product_words
                                or any(_brand_shape(w) or _NOT_IN_NAMES.search(w) for w in words))


def _brand_shape(word: str) -> bool:
    """A capital inside a word after a part no surname starts with: 'MagSafe', 'SpaceX' (not 'McDonald', 'DeShawn')."""
    m = _INNER_CAPITAL.match(word)
    return bool(m) and len(m.group(1)) >= 3 and m.group(1) not in NAME_PREFIXES  # 'LiLo', 'JLo' are nicknames


@cache
def _title_words() -> frozenset[str]:
    from .vocab import entity_vocabulary

    vocab = entity_vocabulary()
    return vocab.title_words | vocab.title_first_words


@cache
def _designated_places() -> frozenset[str]:
    """Places whose last word is a designator ('West Bank', 'Left Bank'; WordNet, data/designated_places.json)."""
    return frozenset(load_data("designated_places.json")["names"])


@cache
def outlet_names() -> frozenset[str]:
    """The news outlets of the gazetteer ('Twitter', 'ynet'; entities.json `outlets`)."""
    return frozenset(load_data("entities.json")["outlets"])


def designated(words: list[str]) -> bool:
    """Whether a name of several words ends with an organisation's designator ('Saturn Corporation', and in
    capitals 'SATURN CORP', `shouted_designators`)."""
    if len(words) < 2:
        return False
    last, designators = words[-1], type_vocabulary().designators
    return last in designators or (last.isupper() and last.title() in designators
                                   and rules.enabled("shouted_designators"))


def institution_name(words: list[str]) -> bool:
    """'Sandy Hook Elementary School', 'Chelsea Clinton Foundation': a name of several words, each capitalised,
    ending with a body's head word or a designator."""
    return len(words) > 1 and (words[-1] in body_head_words() or words[-1] in type_vocabulary().designators) \
        and all(w[:1].isupper() for w in words)


def _a_thing(tokens, vocab: TypeVocabulary) -> bool:
    """'a borrowed Subaru', 'his iPhone', 'the Mazda': the name heads a noun phrase that names a thing."""
    root = tokens.root
    if len(tokens) > 1 or root.dep_ == "compound" or not rules.enabled("things"):
        return False  # 'a barefoot John Doe' is still John Doe
    dets = [c.lower_ for c in root.children if c.dep_ in ("det", "poss") and c.i < tokens.start]
    doc = tokens.doc
    if tokens.start > 0 and doc[tokens.start - 1].lower_ == "the" and tokens.text in vocab.makes:
        return True
    return any(d in DETERMINERS for d in dets)
