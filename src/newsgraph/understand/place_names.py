"""Names typed as people that the article writes where places go: beside another place, before a noun of land.

The model types many towns, counties and states as people. Where the article writes the name tells them apart;
each family sits behind its own switch (`rules.py`):

1. `town_region`: a name written after a preposition and right before a comma and a country, a state or a
   province the article types as a place ("flown to Orlan, France", "in Dunmore, Ohio") is a town, in every
   mention; not a name with a title or a description, a word of a person's full name in the article, a name of
   several words opening with a given name, one in a list or before a possessive ("to Okafor, Ohio and Utah",
   "with Okafor, France's envoy"), nor one before a clause the region is the subject of ("With Okafor, France
   agreed"); spaCy parses a town and its state as conjuncts, so the parse cannot tell a list. Without the
   preposition, "Ada Quill, Ohio" is as often a player and her college or her country.
2. `region_after_town`: a one-word name written right after a town the article places something in and a comma
   ("near Dymbrook, Kentmere") is the town's county, state or country; not a clause's subject after an opening
   phrase ("After the final in Dymbrook, Quillsby, 31, thanked the fans");
3. `place_before_noun`: a name not opening with a given name that the article writes, in at least half its
   mentions, right before a lower-case noun of land or water ("the Ardale beaches") is a place.

What a name's form or the gazetteer says of it (`place_by_form`, `gazetteer_place`, `region_name`) is read in
`name_evidence`; `type_agreement._evidence_types` types the names these find.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from ..readers.furniture import load_data
from . import rules
from .name_evidence import described_names, full_name_words, mention_span, opens_with_given_name, region_name


SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # 'With Okafor, France agreed': a clause's subject
PLACED = frozenset({"in", "near", "at", "from", "outside", "inside", "around", "across", "throughout"})  # 'in X, Y'
NOT_AFTER_REGION = frozenset({"'s", "’s", "'", "’", "and", "or", "&"})  # 'France's envoy', 'Ohio and Utah'


def towns_before_regions(mentions: list) -> set[str]:
    """The names typed as people that the article writes as a town before its country, state or province
    ('Orlan, France'; `town_region`)."""
    if not rules.enabled("town_region"):
        return set()
    regions = {(id(m.para), m.start): m for m in mentions if m.type == "place" and region_name(m.text)}
    if not regions:
        return set()
    in_full_names = full_name_words(mentions)
    vouched = described_names(mentions)
    towns = set()
    for m in mentions:
        words = m.text.split()
        if m.type != "person" or m.text in vouched or m.text in in_full_names \
                or (len(words) > 1 and opens_with_given_name(words)):
            continue
        span = mention_span(m)
        if span is None or span.start == 0 or span.doc[span.start - 1].pos_ != "ADP" \
                or span.end + 1 >= len(span.doc) or span.doc[span.end].text != ",":
            continue  # 'flown to Orlan, France'; not 'Ada Quill, Ohio' (a player and her college)
        region = regions.get((id(m.para), m.para.offset + span.doc[span.end + 1].idx))
        region_span = mention_span(region) if region is not None else None
        if region_span is not None and region_span.root.dep_ not in SUBJECTS \
                and not _listed(span.doc, region_span.end):
            towns.add(m.text)
    return towns


def regions_after_towns(mentions: list) -> set[str]:
    """The one-word names typed as people that the article writes as the county, state or country after a
    town it places something in ('near Dymbrook, Kentmere', 'in Dymbrook, Kentmere on Monday';
    `region_after_town`); not a clause's subject ('In the defeat at Arlow, Quillsby was hurt', 'After the final in
    Arlow, Quillsby, 31, thanked the fans'), nor after another preposition ('an organiser with Dockers United, Ada,
    said'). As the type goes to every mention, a name the article also writes elsewhere must be written so twice
    (`REGION_MIN`)."""
    if not rules.enabled("region_after_town"):
        return set()
    towns = {(id(m.para), m.end): m for m in mentions if m.type == "place"}
    if not towns:
        return set()
    in_full_names = full_name_words(mentions)
    vouched = described_names(mentions)
    written, placed = Counter(), Counter()
    for m in mentions:
        if m.type != "person" or " " in m.text or m.text in vouched or m.text in in_full_names:
            continue
        written[m.text] += 1
        span = mention_span(m)
        if span is None or span.start < 2 or span.doc[span.start - 1].text != "," or _listed(span.doc, span.end) \
                or span.root.dep_ in SUBJECTS or not _closes_phrase(span.doc, span.end) or _after_opening(span):
            continue  # 'In the defeat at Arlow, Quillsby was hurt': a clause's subject
        doc, before = span.doc, span.doc[span.start - 2]
        town = towns.get((id(m.para), m.para.offset + before.idx + len(before)))
        town_span = mention_span(town) if town is not None else doc[before.i:before.i + 1]
        if town_span.start > 0 and doc[town_span.start - 1].lower_ in PLACED and town_span[0].pos_ == "PROPN":
            placed[m.text] += 1  # a town the model typed or left untyped; not 'with Dockers United, Ada, said'
    return {name for name, n in placed.items() if n >= REGION_MIN or n == written[name]}


REGION_MIN = 2  # sightings after a town for a name written elsewhere too


def places_before_nouns(mentions: list) -> set[str]:
    """The names typed as people that the article writes, in at least half their mentions, right before a
    lower-case noun of land or water ('off Ardale beach', 'the Ardale beaches'; `place_before_noun`), not opening
    with a given name nor a word of a person's full name."""
    if not rules.enabled("place_before_noun"):
        return set()
    nouns = _place_after_nouns()
    in_full_names = full_name_words(mentions)
    vouched = described_names(mentions)
    written, placed = Counter(), Counter()
    for m in mentions:
        words = m.text.split()
        if m.type != "person" or m.text in vouched or m.text in in_full_names or opens_with_given_name(words):
            continue
        written[m.text] += 1
        span = mention_span(m)
        if span is not None and span.end < len(span.doc) and span.doc[span.end].lower_ in nouns \
                and span.doc[span.end].text.islower():
            placed[m.text] += 1
    return {name for name, n in placed.items() if 2 * n >= written[name]}


@cache
def _place_after_nouns() -> frozenset[str]:
    return frozenset(load_data("entities.json")["place_after_nouns"])


OPENING_TAGS = frozenset({"ADP", "SCONJ", "VERB"})  # 'After the final in ...', 'Speaking in ...'


def _after_opening(span) -> bool:
    """Whether a name with an aside after it follows a sentence's opening phrase ('After the final in Arlow,
    Quillsby, 31, thanked the fans'): the clause's subject, which the parse hangs on the town."""
    return span.end < len(span.doc) and span.doc[span.end].text == "," and span.sent[0].pos_ in OPENING_TAGS


def _closes_phrase(doc, i: int) -> bool:
    """Whether a name ending before doc[i] ends its phrase: the text ends, or punctuation or a preposition follows."""
    return i >= len(doc) or doc[i].is_punct or doc[i].pos_ == "ADP"


def _listed(doc, i: int) -> bool:
    """Whether doc[i:] goes on with a list after a name ('and Utah', ', Utah'), or with a possessive."""
    if i >= len(doc):
        return False
    if doc[i].lower_ in NOT_AFTER_REGION:
        return True
    return doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and doc[i + 1].pos_ == "PROPN"
