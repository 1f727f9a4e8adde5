"""Evidence across an article that a name typed as a person names something else.

spaCy types many capitalised words of reviews, guides and sports pages as people. What the article does
with the name tells them apart; each family sits behind its own switch (`rules.py`):

1. `possessive_names`: a person's name ends at a possessive, written with a straight or a curly apostrophe
   ("Gladion’s Pokémon" is Gladion's);
2. `common_use`: a word the article uses like a common noun (after an article, a possessive pronoun or a
   number, after a model number, a model word or an acronym: "the Moon", "your Mac", "a big Thunderbolt",
   "737 Max", "HBO Max"; or before a number: "Thunderbolt 3"), or as the
   first part of a hyphenated word ("Blu-ray"), in at least two of its mentions and a third of those it
   heads, is no person's name, nor is a name that opens with it ("Pokémon Sword");
3. `place_heads`: a name ending with a place's head word ("Orlan Town", "Indiana Statehouse") or opening
   with a point of the compass ("West Varnholm") is a place, unless it opens with a given name;
4. `numbered_names`: a name ending with a number ("Saw X", "Mega Drakeon X") is a title or a model, unless
   it opens with a given name ("Henry VIII", "Malcolm X");
5. `teams`: a plural name the article writes after "the" ("the Seahawks", "the Los Angeles Rams") is a
   group, an organisation, in every mention;
6. `thing_heads`: a name ending with a noun of made things, food or substances that is no common surname
   ("Brantwell Moonlight Cotton Sleep Shorts", "... Polishing Pen") is a product's name, unless it opens with a
   given name (`type_agreement._named_like_a_thing`);
7. `cut_names`: spaCy's person that begins inside a longer proper name ("Star [Wars Jedi]": a capitalised
   word compounded into it right before it, which is no title and no entity) is no person, unless it opens
   with a given name, or neither the word before it nor its own first word is in use in English (WordNet's
   words, `name_words.json`): "Dries [Mertens]", "Prashant [Kumar Ghose]", "DTs [Javon Hargrave]".

Where the article writes a name beside a place's (a town before its region, a region after a town, a place before a
noun of land or water: `town_region`, `region_after_town`, `place_before_noun`) is read in `place_names`.

Given names are the 1990 US Census first names (`data/given_names.json`, `scripts/build_given_names.py`) and
the `nicknames` package's names (MIT).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from ..readers.furniture import load_data
from . import rules
from .context import form_positions
from .timex import MONTHS, WEEKDAYS

DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "every", "each", "another", "any",
                         "no", "your", "my", "his", "her", "their", "our", "its", "same", "one"})
DETERMINER_DEPS = frozenset({"det", "poss", "predet", "amod", "nummod"})
COMMON_USE_MIN = 2  # mentions with a determiner or a number before a word is taken for a common noun
LABEL_SHARE_MIN = 2  # places the body writes a lone-word 'person' unlabelled before spaCy's labels are outvoted
COMMON_USE_SHARE = 1 / 3  # ... and this share of the tokens where the word heads its phrase
MODEL_NUMBER = re.compile(r"^(?:[A-Z]{0,3}\d{2,}[A-Za-z]{0,3}|[A-Z]\d+|\d+[A-Z]{1,2})$")  # A380, 737, M3, S10, 5G
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")  # a year of the last two centuries, alone
_INITIAL = re.compile(r"[A-Z]\.")
_NUMBER_WORD = re.compile(r"^(?:\d+|I{1,3}|IV|V|VI{1,3}|IX|X{1,3}|XI{1,3}|XIV|XV)$")
_CODE = re.compile(r"(?=.*\d)(?=.*[A-Z])[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")  # 'IE6', 'STS-134', 'KC-30s'
# (wider than MODEL_NUMBER: letters on both sides of the digits, hyphened parts)
_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")


@cache
def given_names() -> frozenset[str]:
    """Given names, lower-cased: the Census lists (data/given_names.json) and the `nicknames` package's."""
    import csv
    from importlib.resources import files

    with files("nicknames").joinpath("names.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return frozenset(n for r in rows for n in (r["name1"], r["name2"])) | frozenset(load_data("given_names.json")["names"])


@cache
def _sex_of_given_names() -> dict[str, str]:
    data = load_data("given_names.json")
    return {**{n: "female" for n in data["female"]}, **{n: "male" for n in data["male"]}}


def given_name_sex(name: str) -> str | None:
    """'female' or 'male' for a full name opening with a given name nine in ten bearers of which are of that sex
    ('Kristin Wilkins', data/given_names.json); None for one word (it may be a surname) or a name either sex has."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if len(words) < 2 or not rules.enabled("name_sex"):
        return None
    return _sex_of_given_names().get(words[0].lower())


@cache
def _census_given_names() -> frozenset[str]:
    return frozenset(load_data("given_names.json")["names"])


def census_given_name(word: str) -> bool:
    """A given name of the Census lists alone ('Wayne'; not the `nicknames` package's short forms, 'Lib')."""
    return word.lower() in _census_given_names()


def opens_with_given_name(words: list[str]) -> bool:
    return bool(words) and words[0].lower() in given_names()


@cache
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    ents = load_data("entities.json")
    return frozenset(ents["place_heads"]), frozenset(ents["compass_words"])


@cache
def _product_words() -> frozenset[str]:
    return frozenset(load_data("entities.json")["product_words"])


@cache
def _thing_nouns() -> frozenset[str]:
    return frozenset(load_data("thing_heads.json")["nouns"])


def thing_head(word: str) -> bool:
    """'Pajamas', 'Pen', 'Sword': a noun of made things, food or substances that is no common name
    (data/thing_heads.json, from WordNet 3.0 less the Census names; `scripts/build_thing_heads.py`)."""
    if not rules.enabled("thing_heads") or not word[:1].isupper():
        return False
    w = word.lower()
    return w in _thing_nouns() or bool(_plural(w) & _thing_nouns())


def made_thing(word: str) -> bool:
    """A noun of made things, food or substances, in any case ('pajamas', 'Shirt'), as `thing_head` reads them."""
    w = word.lower()
    return w in _thing_nouns() or bool(_plural(w) & _thing_nouns())


def _plural(word: str) -> set[str]:
    """The singulars a plural may have: 'pajamas' -> 'pajama', 'boxes' -> 'box', 'batteries' -> 'battery'."""
    if word.endswith("ies"):
        return {word[:-3] + "y"}
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return {word[:-2]}
    return {word[:-1]} if word.endswith("s") and not word.endswith("ss") else set()


def product_name(words: list[str]) -> bool:
    """'Brantwell Moonlight Cotton Sleep Shorts', 'Tooth Polishing Pen': a long name, or a plural one, ending with
    a thing's noun and not opening with a given name ('Elon Musk' stays a person)."""
    return len(words) > 1 and thing_head(words[-1]) and (len(words) >= 3 or bool(_plural(words[-1].lower()))) \
        and not opens_with_given_name(words)


# 'Vincent "The Chin" Gigante', "Marvin 'Marvelous' Hagler", 'Luis (Jerry) Ortiz', 'Joaquín "El Chapo" Guzmán':
# a given name (and a middle name or initial), a nickname in quotation marks or brackets, a surname of one or two
# words after any particles ('Thomas (Tommy) Lee Jones', 'Maria "La Reina" de la Cruz')
_CAP = r"(?:Mc|Mac|O['’])?[A-ZÀ-Þ][^\W\d_]+(?:[-'’][A-ZÀ-Þ][^\W\d_]+)?"
NICKNAMED = re.compile(
    r"(?<![\w'’])(?P<given>[A-ZÀ-Þ][^\W\d_]+)(?:\s+(?:[A-Z]\.|" + _CAP + r"))?\s+"
    r"(?:\"(?P<n1>[^\"\n]{2,30})\"|“(?P<n2>[^”\n]{2,30})”|'(?P<n3>[^'\n]{2,30})'|‘(?P<n4>[^’\n]{2,30})’|"
    r"\((?P<n5>[^()\n]{2,30})\))"
    r"\s+(?P<particles>(?:(?:de|da|di|del|della|la|le|van|von|der|den|du)\s+){0,2})(?P<surname>" + _CAP + r")"
    r"(?P<second>\s+" + _CAP + r")?(?![\w'’])(?:,?\s+(?:Jr|Sr)\b\.?|\s+I{2,3}\b)?")


@cache
def _nickname_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words no nickname's surname is: days, months, function words; the lower-case words a nickname may hold)."""
    data = load_data("entities.json")
    return frozenset(data["nickname_not_surnames"]), frozenset(data["nickname_links"])


def nickname_shaped(m: re.Match) -> bool:
    """A `NICKNAMED` match whose first word is a given name, whose nickname is one to four words of letters in title
    case (in brackets, no place: 'Ann Lee (Maine) Says'), and whose surname is no day, month or function word ('Cameron
    "Appalled" By Attack', 'told Ada Quill "No" Tuesday')."""
    nick = (m["n1"] or m["n2"] or m["n3"] or m["n4"] or m["n5"]).split()
    not_surnames, links = _nickname_words()
    return m["given"].lower() in given_names() and 1 <= len(nick) <= 4 and nick[0][:1].isupper() \
        and all(w[:1].isupper() or w.lower() in links for w in nick) and m["surname"].lower() not in not_surnames \
        and all(w.replace("'", "").replace("’", "").isalpha() for w in nick) \
        and not (m["n5"] and (known_place(m["n5"]) or m["n5"].isupper()))


def nickname_match(m: re.Match | None, second: bool = True) -> re.Match | None:
    """`m`, a `NICKNAMED` match, if it is nickname-shaped, with its second surname word only when `second` allows one
    (not in a line in title case: 'Vincent "The Chin" Gigante Dies') and it is no day, month or function word ('Marvin
    "Marvelous" Hagler Monday' is Hagler's): else the same match ended before that word."""
    if m is None or not nickname_shaped(m):
        return None
    if m["second"] and (not second or m["second"].strip().lower() in _nickname_words()[0]):
        return NICKNAMED.match(m.string, m.start(), m.start("second"))
    return m


def nicknamed(text: str) -> bool:
    """Whether `text` is all one name with a nickname in quotation marks or brackets ('Marvin "Marvelous" Hagler')."""
    m = nickname_match(NICKNAMED.match(text))
    return m is not None and m.end() == len(text)


def cut_at_possessive(mention) -> None:
    """'Gladion’s Pokémon' -> 'Gladion': a person's name ends at a possessive inside it."""
    m = _POSSESSIVE.search(mention.text)
    if m and nicknamed(mention.text):
        return  # "Vincent 'The Chin' Gigante": the closing mark is the nickname's
    if m and m.start() > 0 and m.end() < len(mention.text):
        mention.end = mention.start + m.start()
        mention.text = mention.text[:m.start()]


def place_by_form(words: list[str]) -> bool:
    """'Orlan Town', 'Indiana Statehouse', 'Harrow St.', 'West Varnholm': a place's name, by its head (not after a
    given name: 'Nathan Lane') or its first word (a point of the compass, even one the Census lists as a given
    name: 'West Varnholm')."""
    heads, compass = _place_words()
    return len(words) > 1 and (words[0] in compass or words[-1] in heads and not opens_with_given_name(words))


def compass_place(words: list[str]) -> bool:
    """'Croydon South', 'Yobe North', 'Wichita North': a town, region or country the gazetteer knows (no given name,
    `gazetteer_place`) and then a point of the compass: a district, a constituency or a school's name, no person's
    ('Jerry West', 'Kanye West' open with no place)."""
    return len(words) > 1 and words[-1] in _place_words()[1] and gazetteer_place(" ".join(words[:-1]))


def full_name_words(mentions: list, vouched: Callable | None = None) -> set[str]:
    """The words of the article's people named in full ('Ada' and 'Quill' of 'Ada Quill'); with `vouched`, only of
    the full names it keeps."""
    return {w for m in mentions if m.type == "person" and " " in m.text and (vouched is None or vouched(m))
            for w in m.text.split()}


def described_names(mentions: list) -> set[str]:
    """The names the article gives a title or a description of a person ('Dr. Quill', 'Quill, a nurse')."""
    return {m.text for m in mentions if m.titles or m.described}


@cache
def _regions() -> frozenset[str]:
    """Countries and regions (the places of demonyms.json, from WordNet) and states and provinces
    (entities.json `regions`)."""
    return frozenset(load_data("demonyms.json")["demonyms"].values()) | frozenset(load_data("entities.json")["regions"])


def region_name(name: str) -> bool:
    """'Germany', 'Ohio': a country, region, state or province (demonyms.json, entities.json `regions`)."""
    return name in _regions()


def mention_span(m, alignment_mode: str = "strict"):
    """The mention's tokens in its paragraph's parse (None where its edges cut a token, unless `alignment_mode`
    is spaCy's "expand" or "contract")."""
    return m.para.doc.char_span(m.start - m.para.offset, m.end - m.para.offset, alignment_mode=alignment_mode)


def recut(m, first: int, last: int) -> None:
    """The mention shrunk to the tokens doc[first:last] of its paragraph's parse."""
    doc, offset = m.para.doc, m.para.offset
    m.start, m.end = offset + doc[first].idx, offset + doc[last - 1].idx + len(doc[last - 1])
    m.text, m.first_token = m.para.text[m.start - offset:m.end - offset], first


@cache
def _gazetteer() -> frozenset[str]:
    return frozenset(load_data("places.json")["names"].split("|"))


@cache
def _diseases() -> frozenset[str]:
    return frozenset(load_data("diseases.json")["names"])


def disease_name(name: str) -> bool:
    """'COVID-19', 'Covid', 'Ebola', 'Measles': an infectious disease's name, no person's (data/diseases.json, from
    the Disease Ontology by `scripts/build_diseases.py`)."""
    return name.lower() in _diseases()


@cache
def _software() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The names of operating systems and programming languages (data/software.json, the languages from GitHub
    Linguist by `scripts/build_software.py`): the systems, the languages that are no English word ('Scala',
    'Kotlin'), and those that are one ('Java', 'Python': WordNet's `in_use`)."""
    data = load_data("software.json")
    in_use = word_classes()["in_use"]
    languages = frozenset(n for n in data["languages"] if n.lower() not in in_use)
    worded = frozenset(n for n in data["languages"] if n.lower() in in_use)
    return frozenset(data["systems"]), languages, worded


def operating_system(name: str) -> bool:
    """'Linux', 'Ubuntu', 'Android': an operating system's name (data/software.json `systems`)."""
    return name in _software()[0]


def software_words(mentions: list) -> bool:
    """Whether the article's names hold a system's or a language's name that is no English word ('Linux',
    'Scala'): what lets a language's name that is one ('Java', 'Python') read as software too."""
    systems, languages, _ = _software()
    return any(w in systems or w in languages for m in mentions for w in m.text.split())


def software_name(words: list[str], in_software: bool) -> bool:
    """'Scala', 'Linux', 'Kali Linux': a programming language's or an operating system's name alone, or two or three
    words ending with a system's ('Kali Linux', 'Fedora Linux'); not a longer name ending with a language's, which may
    be a surname ('Rujun Shen', 'Ibrahim Idris'). A language's name that is also an English word ('Java', 'Python')
    only in an article that `software_words` says names software."""
    systems, languages, worded = _software()
    if len(words) > 1:
        return len(words) <= 3 and words[-1] in systems
    return words[0] in systems or words[0] in languages or in_software and words[0] in worded


def known_place(name: str) -> bool:
    """A town, city, country, state or region the gazetteer or the region list holds, given names included
    ('London', 'Florence'): for a place the text's form already marks as one, such as a dateline's town."""
    return name in _gazetteer() or region_name(name)


@cache
def _kind_nouns() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_data("kind_nouns.json").items() if not k.startswith("_")}


def kind_noun(name: str) -> str | None:
    """What WordNet calls a proper noun of a kind, no one's name (data/kind_nouns.json, `scripts/build_kind_nouns.py`):
    'inhabitants' ('Briton', and as plurals in -s 'Britons', 'Londoners'; not 'Welshmen'), 'awards' ('Oscar',
    'Emmys'), 'parties' ('Labour'); None for anything else."""
    nouns = _kind_nouns()
    for kind, words in nouns.items():
        if name in words or (name.endswith("s") and kind != "parties" and name[:-1] in words):
            return kind
    return None


def award_used(name: str, paragraphs) -> bool:
    """An award's name used as one somewhere in these parsed paragraphs: 'an Oscar', 'the Oscars', 'Oscar-winning',
    'an Oscar nomination' (the name modifying a lower-case noun)."""
    word = name.removesuffix("s")
    for para in paragraphs:
        doc = para.doc
        for token in doc:
            if token.text not in (word, word + "s"):
                continue
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            before = doc[token.i - 1].lower_ if token.i else ""
            if token.text != word or before == "an" or (nxt is not None and (
                    (nxt.text == "-" and not nxt.whitespace_ and not token.whitespace_)
                    or (token.dep_ == "compound" and token.head.i > token.i and token.head.is_lower
                        and token.head.pos_ == "NOUN"))):
                return True
    return False


@cache
def _surname_places(countries: bool) -> frozenset[str]:
    return frozenset(load_data("places.json")["surname_countries" if countries else "surname_places"].split("|"))


def surname_place(name: str, country: bool = False) -> bool:
    """'London', 'Glasgow', 'China': a country, a US state or a place of 100,000 people or more whose one-word name
    is also a rare surname, so the gazetteer leaves it out (data/places.json `surname_places`); `country`: only
    the countries and US states ('China', 'Wales'; `surname_countries`)."""
    return name in _surname_places(country)


def gazetteer_place(name: str) -> bool:
    """'Kyiv', 'Cuyahoga Falls': a town, city, country or US state of GeoNames that is no person's name
    (data/places.json, `scripts/build_places.py`: less the Census names and names opening with a given name)."""
    return name in _gazetteer() and not opens_with_given_name(name.split())


@cache
def _mastheads() -> frozenset[str]:
    return frozenset(load_data("entities.json")["masthead_words"])


def masthead_name(words: list[str]) -> bool:
    """'Orlan Gazette', 'Varnholm Evening Courier': a newspaper's name, by its head; 'Emily Post' opens with a
    given name."""
    return len(words) > 1 and words[-1] in _mastheads() and not opens_with_given_name(words)


def numbered(words: list[str]) -> bool:
    """'Saw X', 'Mega Drakeon X': a work's or a model's name, numbered; 'Henry VIII' opens with a given name, and so
    does 'L. Patrick Gray III' after its initial."""
    named = words[1:] if len(words) > 2 and _INITIAL.fullmatch(words[0]) else words
    return len(words) > 1 and bool(_NUMBER_WORD.match(words[-1])) and not opens_with_given_name(named)


def model_code(name: str) -> bool:
    """'IE6', 'STS-134', 'A380': one word of capitals and digits, a model's, a version's or a mission's code."""
    return bool(_CODE.fullmatch(name))


def common_nouns(paragraphs: list, words: set[str]) -> set[str]:
    """Those of `words` the article uses like common nouns: 'the Moon', 'your Mac', 'a big Thunderbolt'."""
    if not words or not rules.enabled("common_use"):
        return set()
    heads, determined = Counter(), Counter()
    words = frozenset(words)
    for para in paragraphs:
        for token in (para.doc[i] for i in form_positions(para.doc, words)):
            if token.dep_ != "compound":
                heads[token.text] += 1
                determined[token.text] += _determined(token)
    return {w for w, n in determined.items() if n >= COMMON_USE_MIN and n >= COMMON_USE_SHARE * heads[w]}


def _determined(token) -> bool:
    """A determiner or a number before the word, adjectives between ('a big Thunderbolt'), or a number after it."""
    doc, k = token.doc, token.i - 1
    while k >= 0 and doc[k].pos_ == "ADJ" and doc[k].text.islower():
        k -= 1
    before = doc[token.i - 1] if token.i > 0 else None  # '737 Max', 'M3 Max', 'Pro Max', 'HBO Max': a model's name
    if before is not None and before.whitespace_ and (MODEL_NUMBER.match(before.text) or before.text in _product_words()
                                                      or (before.text.isupper() and len(before) > 1)):
        return True
    if k >= 0 and doc[k].head.i >= token.i and (doc[k].lower_ in DETERMINERS and doc[k].dep_ in DETERMINER_DEPS
                                                 or (doc[k].like_num and doc[k].pos_ == "NUM")):
        return True  # not the 'that' of 'said that LiLo ...'

    after = doc[token.i + 1] if token.i + 1 < len(doc) else None  # 'Thunderbolt 3', not 'Smith 3, Jones 2'
    if after is not None and after.text == "-" and not token.whitespace_ and after.i + 1 < len(doc) \
            and doc[after.i + 1].text.islower():
        return True  # 'Blu-ray': the first part of a common word
    return after is not None and after.text.isdigit() and not YEAR.match(after.text) \
        and not (after.i + 1 < len(doc) and doc[after.i + 1].text in (",", ")"))


def team_names(mentions: list) -> set[str]:
    """Plural names written after 'the' and heading their phrase: 'the Seahawks', 'the Los Angeles Rams'."""
    if not rules.enabled("teams"):
        return set()
    out = set()
    for m in mentions:
        words = m.text.split()
        if m.type != "person" or not words[-1].endswith("s") or words[-1].endswith(("ss", "’s", "'s")) \
                or not words[-1][:1].isupper() or m.first_token == 0:
            continue
        doc = m.para.doc
        span = mention_span(m)
        if span is not None and span.start > 0 and doc[span.start - 1].lower_ == "the" \
                and span[-1].dep_ != "compound":
            out.add(m.text)
    return out


@cache
def word_classes() -> dict[str, frozenset[str]]:
    """'person_nouns', 'people_first_nouns', 'group_nouns', 'nouns', 'verbs', 'names', 'word_given_names', 'in_use'
    ... (data/name_words.json)."""
    return {k: frozenset(v.split()) for k, v in load_data("name_words.json").items() if not k.startswith("_")}


def cut_from_longer_name(doc, first: int, last: int, title_words: frozenset[str]) -> bool:
    """'Star [Wars Jedi]': the model's person begins inside a longer proper name, after an English word or with one
    (not 'Prashant [Kumar Ghose]' or 'DTs [Javon Hargrave]': a given name no list of ours knows, a position's
    letters)."""
    if first == 0 or not rules.enabled("cut_names"):
        return False
    before = doc[first - 1]
    return before.pos_ == "PROPN" and before.text[:1].isupper() and before.dep_ == "compound" \
        and first <= before.head.i < last and not before.ent_type_ and before.lower_ not in title_words \
        and (english_word(before.lower_) or english_word(doc[first].lower_)) \
        and not opens_with_given_name([t.text for t in doc[first:last]])


def english_word(word: str) -> bool:
    """A word in use in English, or its plural ('actors')."""
    in_use = word_classes()["in_use"]
    return word in in_use or (word.endswith("s") and word[:-1] in in_use)


def rarely_labelled(mentions: list, paragraphs: list) -> set[str]:
    """Lone-word 'people' spaCy leaves unlabelled in more of the places the body writes them than it labels as any
    name, twice or more ('a call over Zoom', 'started Zoom': one label in three); not a word of a person's full
    name in the article, nor a given name, nor a name with a title or a description or one our rules found where
    spaCy saw none ('Dr. Sherlock': the title's own evidence)."""
    if not rules.enabled("label_share"):
        return set()
    in_full_names = full_name_words(mentions)
    vouched = described_names(mentions) | {m.text for m in mentions if not _labelled(m)}
    lone = frozenset(m.text for m in mentions if m.type == "person" and " " not in m.text
                     and m.text not in in_full_names | vouched and m.text.lower() not in given_names())
    if not lone:
        return set()
    labelled, bare = Counter(), Counter()
    for para in paragraphs:
        if para.role == "headline":
            continue
        for token in (para.doc[i] for i in form_positions(para.doc, lone)):
            if token.ent_type_:
                labelled[token.text] += 1
            else:
                bare[token.text] += 1
    return {w for w in lone if bare[w] >= LABEL_SHARE_MIN and bare[w] > labelled[w]}


DATE_LABELS = frozenset({"DATE", "TIME"})


def labelled_dates(mentions: list, paragraphs: list) -> set[str]:
    """Lone-word 'people' named like a month or a weekday that spaCy labels a date or a time in more places of the
    body than it labels them a name, twice or more ('jobs rose in May' ... 'said May's figures'); not a word of a
    person's full name in the article, nor one with a title or a description (`date_labels`)."""
    if not rules.enabled("date_labels"):
        return set()
    vouched = full_name_words(mentions) | described_names(mentions)
    lone = frozenset(m.text for m in mentions if m.type == "person" and " " not in m.text
                     and (m.text.lower() in MONTHS or m.text.lower() in WEEKDAYS) and m.text not in vouched)
    named, dated = Counter(), Counter()
    for para in paragraphs:
        if para.role != "headline":
            for token in (para.doc[i] for i in form_positions(para.doc, lone) if para.doc[i].ent_type_):
                (dated if token.ent_type_ in DATE_LABELS else named)[token.text] += 1
    return {w for w in lone if dated[w] >= LABEL_SHARE_MIN and dated[w] > named[w]}


def _labelled(mention) -> bool:
    """Whether spaCy labelled the mention's words as a name (else one of our rules found it)."""
    span = mention_span(mention)
    return span is None or bool(span.root.ent_type_)


@cache
def body_head_words() -> frozenset[str]:
    """The words a body's name ends with: the last words of organisations' head words ('Police', 'Hospital', 'Center'
    of 'Medical Center'; entities.json `organization_heads`)."""
    return frozenset(head.split()[-1] for head in load_data("entities.json")["organization_heads"])


SPEECH_VERBS = frozenset({"say", "tell", "add", "explain", "recall", "note", "write", "describe", "admit", "insist"})


def speaking_names(mentions: list, paragraphs: list) -> set[str]:
    """Names of two or three words opening with a given name that the model typed a place or an organisation,
    whose last word alone is the subject of a speech verb at least twice in the article ('Jade Black' ...
    'Black said', 'Black explained'): a person, who speaks. A designator word is no bar: 'Jim Press' ... 'Press
    said' is a carmaker's executive. A body's head word is ('Troy Police', 'police said'), and so is a country or a
    region first ('France Telecom', `speaking_bodies`)."""
    bodies = rules.enabled("speaking_bodies")
    candidates = {}
    for m in mentions:
        words = m.text.split()
        if m.type in ("place", "organization") and 2 <= len(words) <= 3 and opens_with_given_name(words) \
                and all(w[:1].isupper() for w in words) and not place_by_form(words) \
                and not (bodies and (words[-1] in body_head_words() or region_name(words[0]))):
            candidates.setdefault(words[-1], set()).add(m.text)
    if not candidates:
        return set()
    forms = frozenset(candidates)
    spoke = Counter()
    for p in paragraphs:
        for i in form_positions(p.doc, forms):
            t = p.doc[i]
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH_VERBS:
                spoke[t.text] += 1
    return {name for word, names in candidates.items() if spoke[word] >= 2 for name in names} | \
        {word for word in candidates if spoke[word] >= 2}
