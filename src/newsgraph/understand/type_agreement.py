"""Typing names across the article (`harmonize`), once each mention is typed on its own (`entity_types.retype`).

One name keeps one type, the one most of its mentions carry (spaCy's product, work, event and law labels vote
too, for no entity); a lone word that opens an organisation's name elsewhere in the article ("Cerberus" ...
"Cerberus Capital") is that organisation; a name of two or three words ending with a word the article uses alone
for a person, more often than it gives the name its own type, is that person; and a lone word the article also
writes in lower case as a noun ("Moon" ... "the moon") is no person, unless either is part of a person's full name
there. What the case of a name's words says (a name also written in lower case, words in lower case at its edges,
lines in capitals) is read in `name_case`, and names in headlines in `headline_names`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..readers.furniture import load_data
from . import rules
from .context import word_positions
from .copular_people import copular_people
from .entity_types import THING, designated, outlet_names, type_vocabulary
from .headline_names import body_backed_in_title_case, drop_headline_phrases, end_headline_names
from .name_case import (cut_at_colon, cut_describing_words, cut_edge_words, cut_lower_variants, cut_name_breaks,
                        describing_word, drop_shouted_phrases)
from .name_evidence import (award_used, census_given_name, common_nouns, compass_place, cut_at_possessive,
                            described_names, disease_name, english_word, full_name_words, gazetteer_place, given_names,
                            kind_noun, known_place, labelled_dates, masthead_name, mention_span, model_code, numbered,
                            opens_with_given_name, operating_system, place_by_form, product_name, rarely_labelled,
                            region_name, software_name, software_words, speaking_names, surname_place, team_names)
from .name_lists import list_types, split_listed, type_by_company
from .name_use import common_word_name, cut_run_on_words, generation, lettered, role_phrase, singulars, type_by_use
from .place_names import places_before_nouns, regions_after_towns, towns_before_regions
from .wire_names import firm_names, listed_name


def harmonize(mentions: list, paragraphs: list) -> list:
    """The mentions with one type per name in the article; things and common nouns typed as people left out.

    A lone word opening an organisation's name is that organisation; a lone word the article also writes in
    lower case as a noun ("the moon", "meth") is no person, unless it is part of a person's full name.
    """
    firms = firm_names(mentions)  # "Blinkx (LSE: BLNX)", "Glencore": a company, by its ticker or the list
    if rules.enabled("degrees"):
        mentions = _degrees_out(mentions)
    mentions = _trim_names(mentions, paragraphs)
    if rules.enabled("list_splits"):
        mentions = split_listed(mentions)
    called = copular_people(mentions, paragraphs)  # 'X is a mathematician': a person, in every mention
    for m in mentions:
        if m.text in called:
            m.type, m.described = "person", True
    if not rules.enabled("one_type_per_name"):
        return [m for m in mentions if m.type != THING]
    _vote_types(mentions, firms)
    if rules.enabled("list_types"):
        list_types(mentions)
    _evidence_types(mentions)
    if rules.enabled("speaking_names"):
        speakers = speaking_names(mentions, paragraphs)
        for m in mentions:
            if m.text in speakers and m.type in ("place", "organization"):
                m.type = "person"  # "Jade Black" typed a place, "Black" an organisation, and "Black said" twice
    type_by_use(mentions, paragraphs)
    type_by_company(mentions)
    return _type_by_other_names(mentions, paragraphs)


def _type_by_other_names(mentions: list, paragraphs: list) -> list:
    """The mentions retyped by what the article's other names and words say of each (a last word it uses alone, an
    organisation's name a word opens, common nouns, a role or an apposition around a name); things left out."""
    in_full_names = full_name_words(mentions)
    org_openers = _organization_first_words(mentions)
    _type_by_last_word(mentions)
    if rules.enabled("possessive_names"):
        for m in mentions:
            if m.type == "person":
                cut_at_possessive(m)
    if rules.enabled("headline_case"):
        mentions = body_backed_in_title_case(mentions, paragraphs)
    nouns, common = _nouns_in_names(mentions, paragraphs)
    unlabelled = rarely_labelled(mentions, paragraphs) | labelled_dates(mentions, paragraphs)
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
    _type_people_by_words(mentions, org_openers, in_full_names, nouns)
    if rules.enabled("plural_names"):
        _type_plural_members(mentions, paragraphs, in_full_names)
    if rules.enabled("model_codes"):
        for m in mentions:
            if m.type in ("person", "place") and model_code(m.text) and not known_place(m.text):
                m.type = THING  # 'IE6', 'STS-134': a version's or a mission's code, no one and nowhere
    return [m for m in mentions if m.type != THING]


def _type_plural_members(mentions: list, paragraphs: list, in_full_names: set[str]) -> None:
    """A 'person' the article also writes with a plural 's' names a member of a body or a people ('Lib Dem' beside
    'the Lib Dems', 'former Beatle' beside 'the Beatles', 'a Hutu' beside 'Hutus'): an organisation where the
    plural is a name of the article typed a body or a person, or opens a body's name ('Dixon said' beside 'Dixons
    Group Plc'), else no entity. Not a name with a title or a description, a word of a person's full name or the
    plural one ('Gate' beside 'Bill Gates'), a surname the text writes after a given name ('the Quills' beside a
    film's 'Ada Quill - The Last Days'), a given name alone ('Tony' beside 'the Tonys') nor a full name opening with
    one of the Census's ('we can't all be Tom Quills')."""
    described = described_names(mentions)
    candidates = {m.text for m in mentions if m.type == "person" and m.text not in described
                  and m.text not in in_full_names and m.text + "s" not in in_full_names
                  and not (census_given_name(m.text.split()[0]) if " " in m.text else opens_with_given_name([m.text]))}
    members = {name for name in candidates if _plural_of_no_one(name, paragraphs)}
    if not members:
        return
    bodies = {m.text for m in mentions if m.type in ("organization", "person")}
    openers = {" ".join(m.text.split()[:n]) for m in mentions if m.type == "organization"
               for n in range(1, len(m.text.split()))}
    for m in mentions:
        if m.type == "person" and m.text in members:
            m.type = "organization" if m.text + "s" in bodies or m.text + "s" in openers else THING


def _plural_of_no_one(name: str, paragraphs: list) -> bool:
    """Whether the paragraphs write the name with a plural 's' ('the Lib Dems') and never after a capitalised word
    that is a given name ('Ada Quill', for 'Quill')."""
    pattern = re.compile(rf"(?<!\w)(?:{re.escape(name)}s|([A-Z][a-z]+) {re.escape(name)})(?!\w)")
    plural = False
    for p in paragraphs:
        for found in pattern.finditer(p.text):
            if found.group(1) is None:
                plural = True
            elif found.group(1).lower() in given_names():
                return False
    return plural


def _degrees_out(mentions: list) -> list:
    """The mentions less degrees and honours after a person's name ('Ada Marsh, MD, PhD, said', 'Tom Hale, Esq.'):
    the model types 'MD' a person or Maryland, 'Esq' a place."""
    ends = {m.end for m in mentions if m.type == "person"}
    if not ends:
        return mentions
    return [m for m in mentions if not (m.text.replace(".", "") in _degrees() and _after_a_name(m, ends))]


DEGREE_RUN = re.compile(r"(?:,\s*[A-Z][A-Za-z.]{1,7})*,\s*$")  # ', MD, ' before 'PhD'; ', ' before 'MD'


def _after_a_name(mention, ends: set[int]) -> bool:
    """Whether a person's name ends right before `mention`, but for a comma and the degrees between them."""
    before = mention.para.text[:mention.start - mention.para.offset]
    run = DEGREE_RUN.search(before)
    return run is not None and mention.para.offset + run.start() in ends \
        and all(d.strip().replace(".", "") in _degrees() for d in run.group().split(",")[1:-1])


@cache
def _degrees() -> frozenset[str]:
    """'MD', 'PhD', 'Esq', 'OBE': degrees and honours written after a name, without dots (data/entities.json)."""
    return frozenset(load_data("entities.json")["degrees"])


def _organization_first_words(mentions: list) -> set[str]:
    """The first words of the article's organisations' names of several words, as typed now ('Cerberus' of 'Cerberus
    Capital', 'Docker' of 'Docker Engine')."""
    return {m.text.split()[0] for m in mentions if m.type == "organization" and " " in m.text}


def _trim_names(mentions: list, paragraphs: list) -> list:
    """The mentions cut to the words of their names, by what the case of the words around them says (`name_case`,
    `headline_names`): phrases of headlines and of lines in capitals, and names left without a capitalised word, are
    dropped; the others end before a headline's verb, a colon, lower-case words at their edges, a break between two
    names, describing words and words run onto them (`name_use`)."""
    if rules.enabled("headline_names"):
        end_headline_names(mentions, paragraphs)
    if rules.enabled("headline_phrases"):
        mentions = drop_headline_phrases(mentions, paragraphs)
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
    return mentions


def _vote_types(mentions: list, firms: set[str]) -> None:
    """One type per name: a person's where the text describes one, an organisation's where the article writes a
    listed company's name, else the type most of its mentions carry."""
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


def _type_by_last_word(mentions: list) -> None:
    """A name of two or three capitalised words typed other than a person, whose last word alone the article types
    a person more often than it gives the name its type, is that person."""
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


def _nouns_in_names(mentions: list, paragraphs: list) -> tuple[set[str], set[str]]:
    """The words of people's names the article writes as common nouns, lower-cased: those it writes in lower case
    as a noun, with the ones `common_nouns` finds that are a lone name or a surname; and all `common_nouns` finds."""
    lone = {m.text for m in mentions if m.type == "person" and " " not in m.text}
    lasts = {m.text.split()[-1] for m in mentions if m.type == "person" and " " in m.text}
    firsts = {m.text.split()[0] for m in mentions if m.type == "person" and " " in m.text}
    wanted = {w.lower() for w in lone | lasts}
    common = {w.lower() for w in common_nouns(paragraphs, lone | lasts | firsts)}
    wanted_words = frozenset(wanted)
    nouns = {t.lower_ for p in paragraphs for t in (p.doc[i] for i in word_positions(p.doc, wanted_words))
             if t.pos_ == "NOUN" and t.text.islower()} | (common & wanted)
    return nouns, common


def _type_people_by_words(mentions: list, org_openers: set[str], in_full_names: set[str], nouns: set[str]) -> None:
    """A 'person' the article's words say is none: a lone word no full name of the article holds is the organisation
    whose name it opens, or a thing where the article writes it as a common noun or it is a describing word; a
    role's phrase or a name made of common words is a thing, unless the text gives it a title or a description."""
    for m in mentions:
        if m.type == "person" and " " not in m.text and m.text in org_openers - in_full_names:
            m.type = "organization"
        elif m.type == "person" and " " not in m.text and m.text not in in_full_names and (
                m.text.lower() in nouns or rules.enabled("describing_words") and describing_word(m.text)):
            m.type = THING  # 'the moon' ... 'Moon'; 'Broken', 'Together'
        elif m.type == "person" and rules.enabled("role_words") and not (m.titles or m.described) \
                and (" " in m.text or m.text not in in_full_names) and role_phrase(m.text.split()):
            m.type = THING  # 'Ada Quill, Founder, Loopline'; 'named "Bronze Sponsor" of the show'
        elif m.type == "person" and rules.enabled("titled_roles") and m.titles and not m.described \
                and " " not in m.text and m.text not in in_full_names \
                and all(role_phrase([*title.split(), m.text]) for title in m.titles):
            m.type = THING  # 'Executive Editor', 'Deputy Administrator', 'Chief Whip': a role, its title a word of it
        elif m.type == "person" and rules.enabled("common_word_names") and not (m.titles or m.described) \
                and common_word_name(m.text.split()):
            m.type = THING  # 'Stable Diffusion', 'Deep Fusion', 'Action Button'


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
    lone = {w for w in lone - in_names - _body_words() if w not in outlet_names() and not listed_name(w)}
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
    """Types from the name's form and use in the article (`name_evidence`, `place_names`): places, numbered works,
    teams, and names opening with the name of one of the article's organisations."""
    teams = team_names(mentions)
    towns = towns_before_regions(mentions) | regions_after_towns(mentions) | places_before_nouns(mentions)
    described = described_names(mentions)  # a title or a description: a person
    vouched = (lambda m: m.text in described or _may_be_named(m.text.split())) \
        if rules.enabled("known_lone_words") else None  # 'Norwich' is no word of a person in 'Norwich Live reports'
    in_full_names = full_name_words(mentions, vouched)
    surnames = {m.text.split()[-1] for m in mentions if " " in m.text and opens_with_given_name(m.text.split())}
    lone_bodies = Counter(m.text for m in mentions if m.type == "organization" and " " not in m.text
                          and m.text not in surnames)  # not 'Haynes' of a 'Jamal Haynes' the model typed a body
    people = Counter(m.text for m in mentions if m.type == "person")
    lone_places = Counter(m.text for m in mentions if m.type == "place" and " " not in m.text)
    papers = {m.text.split()[-1] for m in mentions if masthead_name(m.text.split())} - surnames  # 'Tribune' of one
    saints = _saint_names(mentions)
    in_software = rules.enabled("software_names") and software_words(mentions)
    openers = _organization_first_words(mentions)
    paragraphs = list({id(m.para): m.para for m in mentions}.values())
    used_as_award = cache(lambda name: award_used(name, paragraphs))  # each award's name looked for once
    for m in mentions:
        words = m.text.split()
        if m.type == "place" and rules.enabled("software_names") and operating_system(m.text):
            m.type = THING  # 'Linux' the model read as a country
        if m.type != "person":
            continue
        if rules.enabled("possessive_names"):
            cut_at_possessive(m)
        unvouched = len(words) > 1 and m.text not in described and not opens_with_given_name(words)
        if m.text in teams:
            m.type = "organization"
        elif rules.enabled("diseases") and disease_name(m.text):
            m.type = THING  # 'Covid' is no one
        elif rules.enabled("software_names") and m.text not in described and m.text not in in_full_names \
                and m.text not in openers and software_name(words, in_software):
            m.type = THING  # 'Scala', 'Kali Linux': a language or an operating system; not 'Docker' of 'Docker Engine'
        elif rules.enabled("saints") and m.text in saints:
            m.type = "organization"  # 'St Aldwin’s Church', 'St Aldwin’s': the church or school named after the saint
        elif rules.enabled("place_heads") and place_by_form(words) and m.text not in described or m.text in towns:
            m.type = "place"  # 'Orlan Town'; 'Orlan, France'; 'near Orlan, Kent'
        elif rules.enabled("gazetteer_places") and m.text not in described and m.text not in in_full_names \
                and gazetteer_place(m.text):
            m.type = "place"  # 'Kyiv hoped to ...': a city the model took for a person
        elif rules.enabled("surname_places") and m.text not in described and m.text not in in_full_names \
                and surname_place(m.text):
            m.type = "place"  # 'conference in Manchester', a city whose name is also a rare surname
        elif rules.enabled("kind_nouns") and m.text not in described and m.text not in in_full_names \
                and (kind := kind_noun(m.text)) and (kind != "awards" or used_as_award(m.text)):
            m.type = "organization" if kind == "parties" else THING  # 'Labour'; 'Britons', 'an Oscar nomination'
        elif rules.enabled("compass_places") and m.text not in described and compass_place(words):
            m.type = "place"  # 'Croydon South', 'Yobe North': a constituency or a district
        elif rules.enabled("mastheads") and (masthead_name(words) or m.text in papers):
            m.type = "organization"
        elif rules.enabled("numbered_names") and numbered(words) and m.text not in described:
            m.type = THING  # 'Saw X'; a title vouches for 'King Abdullah II'
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


def _may_be_named(words: list[str]) -> bool:
    """A full name that may be a person's: opening with a given name, or holding a word that is neither a place of
    the gazetteer nor in use in English ('Uzi Arad'; not 'Norwich Live', 'Mountainous Nepal')."""
    return opens_with_given_name(words) or any(not gazetteer_place(w) and not english_word(w.lower()) for w in words)


def _named_like_a_thing(mention, nouns: set[str], common: frozenset[str] = frozenset()) -> bool:
    """'Brackley Tower', 'Vellmar Sky Gardens', 'Snoop Apps': a 'person' whose last word the article writes as a
    common noun ('the tower') and whose first word is no given name is a thing's name ('Carl Hunter' stays);
    so is one whose first word the article uses like a common noun ('Pokémon Sword': 'a Pokémon')."""
    words = mention.text.split()
    return mention.type == "person" and len(words) > 1 and (
        (words[-1].lower() in nouns or words[0].lower() in common) and words[0].lower() not in given_names()
        or product_name(words))
