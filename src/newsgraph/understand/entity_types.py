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

Across the article (`harmonize`): one name keeps one type, the one most of its mentions carry (spaCy's
product, work, event and law labels vote too, for no entity); a lone word that opens an organisation's
name elsewhere in the article ("Cerberus" ... "Cerberus Capital") is that organisation; a name of two or
three words ending with a word the article uses alone for a person, more often than it gives the name
its own type, is that person; and a lone word
the article also writes in lower case as a noun ("Moon" ... "the moon") is no person, unless either is
part of a person's full name there. What the case of a name's words says (a name also written in lower case,
words in lower case at its edges, lines in capitals) is read in `name_case`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from ..readers.furniture import load_data
from . import rules
from .context import TITLE_CASE_SHARE, body_words, form_positions, title_case, word_positions
from .copular_people import copular_people
from .name_case import (NAME_LINKS, PARTICLES, cut_at_colon, cut_describing_words, cut_edge_words,
                        cut_lower_variants, cut_name_breaks, describing_word, drop_shouted_phrases)
from .name_evidence import (common_nouns, cut_at_possessive, cut_from_longer_name, described_names, disease_name,
                            full_name_words, gazetteer_place, given_names, known_place, masthead_name, mention_span,
                            numbered, opens_with_given_name, place_by_form, places_before_nouns, product_name,
                            rarely_labelled, recut, region_name, regions_after_towns, speaking_names, team_names,
                            towns_before_regions)
from .name_lists import type_by_company
from .name_use import (common_word_name, cut_run_on_words, elided_verb, generation, lettered, role_phrase, singulars,
                       type_by_use, word_classes)
from .timex import MONTHS
from .wire_names import known_firm, listed_name

TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
THINGS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})  # spaCy's labels for names that are no entity of ours
DROP = "drop"
THING = "thing"  # a mention spaCy labelled a product, work, event or law: a vote in `harmonize`, then dropped
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
    if kind in ("person", "place") and (designated(words) or tokens.text in _outlets()) \
            and not (kind == "place" and (region_name(tokens.text) or tokens.text in _designated_places())):
        return "organization"  # 'Saturn Corporation', an outlet ('Twitter'); not 'Soviet Union' nor 'West Bank'
    if kind == "organization" and tokens.text in vocab.seat_places and rules.enabled("seat_places"):
        return "place"  # 'the White House said': the building, as MEANTIME, FiNER and GUM mark it
    if kind == "organization" and len(words) > 1 and words[-1] in vocab.structure_heads and not designated(words) \
            and doc[last - 2].whitespace_ and rules.enabled("structure_places"):
        return "place"  # 'Third Mainland Bridge', 'Heathrow Airport': a structure, as the gold sets mark them; not
        # a model's trim 'TRD Off-Road'

    if kind == "person":
        if len(words) == 1 and _month_before_day(doc, first, last):
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
def _outlets() -> frozenset[str]:
    return frozenset(load_data("entities.json")["outlets"])


def designated(words: list[str]) -> bool:
    """Whether a name of several words ends with an organisation's designator ('Saturn Corporation', and in
    capitals 'SATURN CORP', `shouted_designators`)."""
    if len(words) < 2:
        return False
    last, designators = words[-1], type_vocabulary().designators
    return last in designators or (last.isupper() and last.title() in designators
                                   and rules.enabled("shouted_designators"))


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


def harmonize(mentions: list, paragraphs: list) -> list:
    """The mentions with one type per name in the article; things and common nouns typed as people left out.

    A lone word opening an organisation's name is that organisation; a lone word the article also writes in
    lower case as a noun ("the moon", "meth") is no person, unless it is part of a person's full name.
    """
    firms = _firm_names(mentions)  # "Blinkx (LSE: BLNX)", "Glencore": a company, by its ticker or the list
    if rules.enabled("headline_names"):
        _end_headline_names(mentions, paragraphs)
    if rules.enabled("headline_phrases"):
        mentions = _drop_headline_phrases(mentions, paragraphs)
    if rules.enabled("shouted_lines"):
        mentions = drop_shouted_phrases(mentions, paragraphs)
    if rules.enabled("lower_variants"):
        mentions = cut_lower_variants(mentions, paragraphs)
    if rules.enabled("colon_breaks"):
        mentions = [m for m in mentions if ":" not in m.text or cut_at_colon(m)]
    if rules.enabled("edge_words"):
        for m in mentions:
            cut_edge_words(m)
    if rules.enabled("name_breaks"):
        alone = {m.text for m in mentions if m.type == "person" and " " not in m.text}
        for m in mentions:
            if m.type == "person" and " " in m.text:
                cut_name_breaks(m, alone)
    if rules.enabled("describing_words"):
        for m in mentions:
            if m.type == "person" and " " in m.text:
                cut_describing_words(m)
    cut_run_on_words(mentions)
    called = copular_people(mentions, paragraphs)  # 'X is a mathematician': a person, in every mention
    for m in mentions:
        if m.text in called:
            m.type, m.described = "person", True
    if not rules.enabled("one_type_per_name"):
        return [m for m in mentions if m.type != THING]
    votes: dict[str, Counter] = {}
    for m in mentions:
        votes.setdefault(m.text, Counter())[m.type] += 1
    described = {m.text for m in mentions if m.described}  # "Chohan, 59, ...": what the text says of them wins
    for m in mentions:
        counts = votes[m.text]
        if m.text in described:
            m.type = "person"
        elif m.text in firms and (m.firm or m.type == "person"):
            m.type = "organization"  # not a place of the same name the model read as one ('Everest')
        elif len(counts) > 1:
            best, n = counts.most_common(1)[0]
            if n > counts[m.type]:
                m.type = best
    _evidence_types(mentions)
    if rules.enabled("speaking_names"):
        speakers = speaking_names(mentions, paragraphs)
        for m in mentions:
            if m.text in speakers and m.type in ("place", "organization"):
                m.type = "person"  # "Jade Black" typed a place, "Black" an organisation, and "Black said" twice
    type_by_use(mentions, paragraphs)
    type_by_company(mentions)
    in_full_names = full_name_words(mentions)
    org_openers = {m.text.split()[0] for m in mentions if m.type == "organization" and " " in m.text}
    lone_people = Counter(m.text for m in mentions if m.type == "person" and " " not in m.text)
    typed = Counter((m.text, m.type) for m in mentions)
    for m in mentions:  # "Kathina Thomas" typed as an event or a place where "Thomas" alone is a person, more often
        words = m.text.split()
        if m.type != "person" and 2 <= len(words) <= 3 and lone_people[words[-1]] > typed[m.text, m.type] \
                and not designated(words) and all(w[:1].isupper() for w in words):
            m.type = "person"
            if rules.enabled("name_breaks"):
                cut_name_breaks(m, lone_people)  # '[the Ukraine] Ada Quill', typed an organisation
            if rules.enabled("describing_words"):
                cut_describing_words(m)  # 'Legendary Ada Quill', a film's title, where 'Quill' is a person
    if rules.enabled("possessive_names"):
        for m in mentions:
            if m.type == "person":
                cut_at_possessive(m)
    if rules.enabled("headline_case"):
        mentions = _body_backed_in_title_case(mentions, paragraphs)
    lone = {m.text for m in mentions if m.type == "person" and " " not in m.text}
    lasts = {m.text.split()[-1] for m in mentions if m.type == "person" and " " in m.text}
    firsts = {m.text.split()[0] for m in mentions if m.type == "person" and " " in m.text}
    wanted = {w.lower() for w in lone | lasts}
    common = {w.lower() for w in common_nouns(paragraphs, lone | lasts | firsts)}
    wanted_words = frozenset(wanted)
    nouns = {t.lower_ for p in paragraphs for t in (p.doc[i] for i in word_positions(p.doc, wanted_words))
             if t.pos_ == "NOUN" and t.text.islower()} | (common & wanted)
    unlabelled = rarely_labelled(mentions, paragraphs)
    if rules.enabled("common_noun_bodies"):
        mentions = _drop_common_noun_bodies(mentions, paragraphs)
    mentions = [m for m in mentions if not _named_like_a_thing(m, nouns, common)
                and not (m.type == "person" and m.text in unlabelled)]
    if rules.enabled("common_use"):  # 'Mac' of a dropped 'Creaky Mac' is no longer part of a person's name
        in_full_names = full_name_words(mentions)
    if rules.enabled("firm_openers"):
        _type_firm_openers(mentions)
    if rules.enabled("role_of_names"):
        _type_role_objects(mentions)
    if rules.enabled("appositive_kind"):
        _type_by_apposition(mentions)
    for m in mentions:
        if m.type == "person" and " " not in m.text and m.text in org_openers - in_full_names:
            m.type = "organization"
        elif m.type == "person" and " " not in m.text and m.text not in in_full_names and (
                m.text.lower() in nouns or rules.enabled("describing_words") and describing_word(m.text)):
            m.type = THING  # 'the moon' ... 'Moon'; 'Broken', 'Together'
        elif m.type == "person" and rules.enabled("role_words") and not (m.titles or m.described) \
                and (" " in m.text or m.text not in in_full_names) and role_phrase(m.text.split()):
            m.type = THING  # 'Ada Quill, Founder, Loopline'; 'named "Bronze Sponsor" of the show'
        elif m.type == "person" and rules.enabled("common_word_names") and not (m.titles or m.described) \
                and common_word_name(m.text.split()):
            m.type = THING  # 'Stable Diffusion', 'Deep Fusion', 'Action Button'
    return [m for m in mentions if m.type != THING]


COMMON_NOUN_MIN = 2  # lower-case uses of a lone word that make its capitalised form a common noun, not a body


def _drop_common_noun_bodies(mentions: list, paragraphs: list) -> list:
    """'Shrine' ... 'the shrines', 'Scouts' ... 'NFL scouts': a lone word typed an organisation that the article also
    writes in lower case as a noun, twice or more, is a common noun capitalised (a guide's term, a heading), not a
    body; not a word that names a body alone ('the Government'), one of a longer name of the article ('the Church'
    after 'the Church of Ardale'), nor an outlet's or a listed company's name ('Target' ... 'a target')."""
    lone = {m.text for m in mentions if m.type == "organization" and " " not in m.text and m.text[:1].isupper()
            and not m.text.isupper()}
    if not lone:
        return mentions
    in_names = {w for m in mentions if m.type in ("organization", "place") and " " in m.text for w in m.text.split()}
    lone = {w for w in lone - in_names - _body_words() if w not in _outlets() and not listed_name(w)}
    if not lone:
        return mentions
    forms = {w: _noun_forms(w.lower()) for w in lone}
    wanted = frozenset(f for fs in forms.values() for f in fs)
    uses: Counter = Counter()
    for p in paragraphs:
        for t in (p.doc[i] for i in word_positions(p.doc, wanted)):
            if t.pos_ == "NOUN" and t.text.islower():
                uses[t.lower_] += 1
    common = {w for w, fs in forms.items() if sum(uses[f] for f in fs) >= COMMON_NOUN_MIN}
    return [m for m in mentions if not (m.type == "organization" and m.text in common)]


@cache
def _body_words() -> frozenset[str]:
    """Words that name a body alone ('the Government', 'the Times', 'the House'): organisation heads, mastheads,
    institutions and designators."""
    ents = load_data("entities.json")
    return frozenset(ents["organization_heads"]) | frozenset(ents["masthead_words"]) \
        | frozenset(ents["institution_words"]) | type_vocabulary().designators


def _noun_forms(word: str) -> frozenset[str]:
    """'shrine' -> shrine, shrines; 'scouts' -> scouts, scout; 'companies' -> companies, company (and the other
    singulars `name_use.singulars` allows)."""
    return frozenset({word, word + "s"} | singulars(word))


ROLE_OF_HEADS = frozenset({"ceo", "president", "chairman", "chairwoman", "chair", "chairperson", "founder",
                           "co-founder", "cofounder", "head", "spokesperson", "spokesman", "spokeswoman", "member",
                           "executive", "officer"})
"""Roles held in a body, never of a person: "CEO of [X]" names an organisation (not "manager of", "director of":
a singer's manager, a film's director)."""


def _type_role_objects(mentions: list) -> None:
    """A 'person' named right after a role noun and 'of' ('president and CEO of Destination Madison', 'a founder
    of Hollis Bell') is an organisation, or a place the gazetteer knows, in every mention of its name; not before
    a possessive ('a member of Ada Quill's band'). Its last word alone, an untitled 'person' no one's full name in
    the article holds, goes with it: a place the gazetteer knows, else the organisation ('Bell' of 'Hollis Bell')."""
    named = set()
    for m in mentions:
        span = mention_span(m) if m.type == "person" else None
        if span is None or span.start < 2:
            continue
        doc = span.doc
        possessive = span.end < len(doc) and doc[span.end].text in ("'s", "’s", "'", "’")
        if doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in ROLE_OF_HEADS and not possessive:
            named.add(m.text)
    if not named:
        return
    in_people = {w for m in mentions if m.type == "person" and " " in m.text and m.text not in named
                 for w in m.text.split()}
    last_words = {name.split()[-1] for name in named if " " in name} - in_people
    for m in mentions:
        if m.type == "person" and (m.text in named or m.text in last_words and not m.titles):
            m.type = "place" if known_place(m.text) else "organization"


APPOSITIVE_KINDS = {
    "organization": frozenset({"company", "firm", "startup", "start-up", "corporation", "conglomerate", "manufacturer",
                               "maker", "retailer", "chain", "brand", "bank", "lender", "insurer", "airline",
                               "publisher", "studio", "label", "agency", "nonprofit", "charity", "organization",
                               "organisation", "band", "club", "network", "broadcaster", "subsidiary", "supplier",
                               "distributor", "provider", "university", "college", "newspaper", "magazine"}),
    "place": frozenset({"town", "city", "village", "county", "suburb", "neighborhood", "neighbourhood", "province",
                        "region", "country", "island", "borough", "township", "municipality"}),
}
"""Head nouns of an apposition that says what kind of body or place a name is ('Doxim, a provider of ...')."""


def _type_by_apposition(mentions: list) -> None:
    """A 'person' that an apposition calls a body or a place ('Doxim, a provider of banking software', 'Tarrow, a
    town in the hills') is one, in every mention of its name; the apposition's head decides, not its modifiers
    ('Ada Quill, a company founder' stays a person: its head is 'founder'). So is a 'place' the gazetteer does not
    know that one calls a body ('Landsbanki, the country's second-largest lender'). The apposition opens with an
    article or a possessive ('a provider', 'the country's ... lender')."""
    kinds: dict[str, str] = {}
    for m in mentions:
        span = mention_span(m) if m.type == "person" or m.type == "place" and not known_place(m.text) else None
        if span is None or m.type == "place" and span.start > 0 and span.doc[span.start - 1].pos_ == "PROPN":
            continue  # not 'Ghana' of 'WaterHealth Ghana, a subsidiary of ...': the apposition is the longer name's
        for child in span.root.children:
            if child.dep_ != "appos" or child.i < span.end or child.pos_ != "NOUN":
                continue
            lemma = child.lemma_.lower()
            kind = next((k for k, heads in APPOSITIVE_KINDS.items() if lemma in heads), None)
            if kind is not None and kind != m.type and any(d.dep_ in ("det", "poss") for d in child.children):
                kinds[m.text] = kind
    for m in mentions:
        if m.type in ("person", "place") and kinds.get(m.text, m.type) != m.type:
            m.type = kinds[m.text]


def _firm_names(mentions: list) -> set[str]:
    """The names the article writes as a listed company's (`NameMention.firm`). Not one the article also writes
    as a person's or a place's where a listed company's name may not be read (after a title, 'Dr Suzuki'; 'the
    Amazon'; a town before its region, 'Bristow, Okla.'), nor one described as a person ('Suzuki, 23,') or the
    last word of a longer name that is no company's ('Nikola Tesla'): there, the mentions the list retyped take
    the model's type back, and the ones it added are dropped."""
    firms = {m.text for m in mentions if m.firm}
    if not firms:
        return firms
    surnames = {m.text.split()[-1] for m in mentions if 2 <= len(m.text.split()) <= 3 and not m.firm
                and not known_firm(m.text, "person") and m.text.split()[-1] in firms}  # 'Nikola Tesla'; 'Ana Suzuki'
    refused = surnames | {m.text for m in mentions if m.titles or m.described} | {
        m.text for m in mentions if not m.firm and m.type in ("person", "place") and known_firm(m.text, m.type)}
    for m in mentions:
        if m.text in refused and m.firm and m.firm_from:
            m.type, m.firm = m.firm_from, False
    return firms - refused


def _type_firm_openers(mentions: list) -> None:
    """A 'person' of several words that opens a longer organisation's name of the article ending with a designator
    is that organisation ('Bovis Homes' beside 'Bovis Homes Group plc'), unless it opens with a given name."""
    firms = {tuple(m.text.split()) for m in mentions if m.type == "organization" and designated(m.text.split())}
    for m in mentions:
        words = tuple(m.text.split())
        if m.type == "person" and len(words) > 1 and not opens_with_given_name(list(words)) \
                and any(len(f) > len(words) and f[:len(words)] == words for f in firms):
            m.type = "organization"


SAINTS = frozenset({"St", "St.", "Saint"})
POSSESSIVE = re.compile(r"['’]s\b")


def _saint_names(mentions: list) -> set[str]:
    """The 'people' named 'St ...' every mention of which is followed by a possessive: a church or a school."""
    owned, written = Counter(), Counter()
    for m in mentions:
        if m.type == "person" and m.text.split()[0] in SAINTS and " " in m.text:
            name = POSSESSIVE.split(m.text)[0].rstrip()
            written[name] += 1
            owned[name] += bool(POSSESSIVE.search(m.text) or POSSESSIVE.match(m.para.text, m.end - m.para.offset))
    return {name for name, n in written.items() if owned[name] == n}


BODY_MIN = 2  # lone mentions typed an organisation before a name opening with the word is taken for its product


def _evidence_types(mentions: list) -> None:
    """Types from the name's form and use in the article (`name_evidence`): places, numbered works, teams, and
    names opening with the name of one of the article's organisations."""
    teams = team_names(mentions)
    towns = towns_before_regions(mentions) | regions_after_towns(mentions) | places_before_nouns(mentions)
    described = described_names(mentions)  # a title or a description: a person
    in_full_names = full_name_words(mentions)
    surnames = {m.text.split()[-1] for m in mentions if " " in m.text and opens_with_given_name(m.text.split())}
    lone_bodies = Counter(m.text for m in mentions if m.type == "organization" and " " not in m.text
                          and m.text not in surnames)  # not 'Haynes' of a 'Jamal Haynes' the model typed a body
    people = Counter(m.text for m in mentions if m.type == "person")
    lone_places = Counter(m.text for m in mentions if m.type == "place" and " " not in m.text)
    papers = {m.text.split()[-1] for m in mentions if masthead_name(m.text.split())} - surnames  # 'Tribune' of one
    saints = _saint_names(mentions)
    for m in mentions:
        words = m.text.split()
        if m.type != "person":
            continue
        if rules.enabled("possessive_names"):
            cut_at_possessive(m)
        unvouched = len(words) > 1 and m.text not in described and not opens_with_given_name(words)
        if m.text in teams:
            m.type = "organization"
        elif rules.enabled("diseases") and disease_name(m.text):
            m.type = THING  # 'Covid' is no one
        elif rules.enabled("saints") and m.text in saints:
            m.type = "organization"  # 'St Aldwin’s Church', 'St Aldwin’s': the church or school named after the saint
        elif rules.enabled("place_heads") and place_by_form(words) and m.text not in described or m.text in towns:
            m.type = "place"  # 'Orlan Town'; 'Orlan, France'; 'near Orlan, Kent'
        elif rules.enabled("gazetteer_places") and m.text not in described and m.text not in in_full_names \
                and gazetteer_place(m.text):
            m.type = "place"  # 'Kyiv hoped to ...': a city the model took for a person
        elif rules.enabled("mastheads") and (masthead_name(words) or m.text in papers):
            m.type = "organization"
        elif rules.enabled("numbered_names") and numbered(words):
            m.type = THING
        elif rules.enabled("lettered_names") and lettered(words):
            m.type = THING
        elif rules.enabled("generations") and generation(words):
            m.type = THING  # 'Gen X' as the model's person
        elif rules.enabled("body_opened") and unvouched and lone_bodies[words[0]] >= max(BODY_MIN, people[m.text]) \
                and not people[words[-1]]:  # no 'Higgins' alone, as of 'Tee Higgins'
            m.type = "organization"  # 'Ardco Story' where 'Ardco' alone is an organisation as often: its product
        elif rules.enabled("place_closed") and unvouched and lone_places[words[-1]] >= people[m.text] \
                and (gazetteer_place(words[-1]) or region_name(words[-1])):
            m.type = "place"  # 'Downtown Ardale' where 'Ardale' alone is a place as often


def _body_backed_in_title_case(mentions: list, paragraphs: list) -> list:
    """A person in a headline Written Like This is kept only when the body names them too ('Comet Chaser' is not)."""
    body = " ".join(p.text for p in paragraphs if p.role != "headline")
    cased = {id(p) for p in paragraphs if p.role == "headline" and title_case(p.text)}
    if not cased or not body:
        return mentions
    return [m for m in mentions if id(m.para) not in cased or m.type != "person"
            or any(re.search(rf"\b{re.escape(w)}\b", body) for w in m.text.split() if len(w) > 2)
            or rules.enabled("headline_bylines") and BYLINE_BEFORE.search(m.para.text[:m.start - m.para.offset])]


BYLINE_BEFORE = re.compile(r"\b[Bb]y\s+$")  # 'Why Stocks Fell By Ada Marsh |': a byline run into the headline


def _end_headline_names(mentions: list, paragraphs: list) -> None:
    """'Lindsay Lohan Checks Into ...': a person's name in a headline ends before words the body writes in lower
    case ('checked'); it may shrink to one word only when the body writes that word as a name."""
    candidates = [m for m in mentions if m.type == "person" and m.para.role == "headline" and " " in m.text]
    if not candidates:
        return
    lower, named = body_words(paragraphs)
    verbs = rules.enabled("headline_verbs")
    for m in candidates:
        span = mention_span(m)
        if span is None:
            continue
        doc, last = span.doc, span.end
        while last - span.start > 1 and _written_lower(doc[last - 1], lower) and (
                last - span.start > 2 or doc[span.start].text in named):
            last -= 1
        if verbs:
            last = min(last, _before_headline_verb(span, named))
        if last < span.end:
            recut(m, span.start, last)


def _before_headline_verb(span, named: set[str]) -> int:
    """'Obama Reverses Bush on ...': where a headline's run-on name meets a verb in the headline's -s form whose
    stem is a verb and which is no name ('Reverses', not 'Walks'), after words the body writes as names; else its
    end."""
    verbs, names = word_classes()["verbs"], word_classes()["names"]
    for i in range(span.start + 1, span.end):
        word = span.doc[i].lower_
        if not all(t.text in named for t in span.doc[span.start:i]):
            break
        if word.endswith("s") and word not in names and span.doc[i].text not in named and (
                word[:-1] in verbs or word.endswith("es") and word[:-2] in verbs):
            return i
    return span.end


CLAUSE_WORDS = frozenset({"is", "are", "was", "were", "could", "would", "should", "must", "might", "its", "my", "your",
                          "our", "their", "into", "onto"})  # no name of a body or place holds one
CLAUSE_TAGS = frozenset({"VERB", "AUX", "PRON", "ADP"})


def _drop_headline_phrases(mentions: list, paragraphs: list) -> list:
    """In a headline Written Like This, an organisation or place of several words that holds a word of a clause
    ('Sweden Drops Its Investigation Into ...', 'Battery Development Could') is a piece of the headline, no name:
    a pronoun, auxiliary or preposition of `CLAUSE_WORDS`, or a word the body writes in lower case as a verb,
    pronoun or preposition and never capitalised inside a sentence. A name the body writes whole ('Move Forward
    Party' ... 'Move Forward Party won') or one ending with a designator stays."""
    cased = {id(p) for p in paragraphs if p.role == "headline" and title_case(p.text)}
    candidates = [m for m in mentions if id(m.para) in cased and m.type in ("organization", "place")
                  and " " in m.text]
    if not candidates:
        return mentions
    named = body_words(paragraphs)[1]
    clause = {form for p in paragraphs if p.role != "headline" for t in p.doc
              if t.is_lower and t.pos_ in CLAUSE_TAGS and t.lower_ not in NAME_LINKS
              for form in (t.lower_, t.lemma_.lower())}
    body = " ".join(p.text for p in paragraphs if p.role != "headline")

    def of_clause(word: str) -> bool:
        low = word.lower()
        return low in CLAUSE_WORDS or word not in named and (low in clause or low.endswith("s") and low[:-1] in clause)
    dropped = {id(m) for m in candidates if m.text not in body and not designated(m.text.split())
               and any(map(of_clause, m.text.split()))}  # the body's own name, 'Move Forward Party': a name
    return [m for m in mentions if id(m) not in dropped]


def _written_lower(token, lower: set[str]) -> bool:
    """Whether the body writes this word in lower case, in any form ('Checks': 'checked', 'check')."""
    word = token.lower_
    return word in lower or token.lemma_.lower() in lower or (word.endswith("s") and word[:-1] in lower)


def _named_like_a_thing(mention, nouns: set[str], common: frozenset[str] = frozenset()) -> bool:
    """'Brackley Tower', 'Vellmar Sky Gardens', 'Snoop Apps': a 'person' whose last word the article writes as a
    common noun ('the tower') and whose first word is no given name is a thing's name ('Carl Hunter' stays);
    so is one whose first word the article uses like a common noun ('Pokémon Sword': 'a Pokémon')."""
    words = mention.text.split()
    return mention.type == "person" and len(words) > 1 and (
        (words[-1].lower() in nouns or words[0].lower() in common) and words[0].lower() not in given_names()
        or product_name(words))
