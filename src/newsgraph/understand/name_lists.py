"""Evidence from a list: a 'person' the article names among organisations, places or things is one of them.

`list_company` (a switch in `rules.py`): a name the model typed a person, written in a list of three or more
names ("Acme, Orlan Works and Brindle Labs"; spaCy's conjuncts) whose other members the article types, two or
more and half of them or more, are of one kind (organisations, places, or products and works by spaCy's labels)
and none a person, is of that kind in every mention. A 'person' member opening with no given name and without a
title counts as untyped: the model calls many things in lists people. A name opening with a given name, part of
a person's full name in the article, or with a title or a description of a person keeps its type: "Lena Okafor,
Acme and Orlan Works" stays a person.
"""

from __future__ import annotations

from collections import Counter

from . import rules
from .name_evidence import full_name_words, mention_span
from .name_use import opens_with_a_name

PERSON, THING = "person", "thing"
LIST_MIN = 2  # typed members of a list, half its other members or more, before a name takes their kind
THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})  # spaCy's labels of a list's products and works


def _member_type(token, covering: dict, para) -> str | None:
    """The type of the list member headed by `token`: its mention's, else spaCy's product or work label; a 'person'
    opening with no given name is unknown (the model calls many things in lists people: 'Stable Diffusion')."""
    mention = covering.get((id(para), para.offset + token.idx))
    if mention is not None:
        if mention.type == PERSON and not (mention.titles or opens_with_a_name(mention.text.split())):
            return None
        return mention.type
    return THING if token.ent_type_ in THING_LABELS else None


def type_by_company(mentions: list) -> None:
    """People named in a list of organisations, places or things retyped as the list's kind (`list_company`)."""
    if not rules.enabled("list_company"):
        return
    covering = {}
    for m in mentions:
        for i in range(m.start, m.end):
            covering.setdefault((id(m.para), i), m)
    in_full_names = full_name_words(mentions)
    votes: dict[str, Counter] = {}
    for m in mentions:
        if m.type != PERSON:
            continue
        count = votes.setdefault(m.text, Counter())
        if m.titles or m.described:
            count[PERSON] += 1
            continue
        span = mention_span(m)
        if span is None:
            continue
        kinds = [_member_type(t, covering, m.para) for t in span.root.conjuncts if not (span.start <= t.i < span.end)]
        known = [k for k in kinds if k is not None]
        if PERSON in known:
            count[PERSON] += 1
        elif len(known) >= LIST_MIN and len(known) * 2 >= len(kinds) and len(set(known)) == 1:
            count[known[0]] += 1
    for name, count in votes.items():
        kinds = [k for k in count if k != PERSON]
        if count[PERSON] or len(kinds) != 1 or opens_with_a_name(name.split()) \
                or (" " not in name and name in in_full_names):
            continue
        for m in mentions:
            if m.type == PERSON and m.text == name:
                m.type = kinds[0]
