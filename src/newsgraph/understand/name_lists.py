"""Evidence from a list: a 'person' the article names among organisations, places or things is one of them.

`list_company` (a switch in `rules.py`): a name the model typed a person, written in a list of three or more
names ("Acme, Orlan Works and Brindle Labs"; spaCy's conjuncts) whose other members the article types, two or
more and half of them or more, are of one kind (organisations, places, or products and works by spaCy's labels)
and none a person, is of that kind in every mention. A 'person' member opening with no given name and without a
title counts as untyped: the model calls many things in lists people. A name opening with a given name, part of
a person's full name in the article, or with a title or a description of a person keeps its type: "Lena Okafor,
Acme and Orlan Works" stays a person.

`list_types`: the same evidence read off the text where the parse does not join the list ('bands like Korn,
Slipknot, Deftones and Mudvayne'). A run of three names or more in one paragraph joined only by commas,
semicolons and a last 'and' or 'or' (a capitalised name the model did not tag may stand between two of them), more
than half of which carry one type, gives that type to the others when their form allows it: an organisation's to
a 'person' that opens with no given name and has no title or description, or to a 'place' the gazetteer does not
know; a person's to a name opening with a given name; a place's to a name the gazetteer knows.

`list_splits`: an organisation or person whose name holds a comma before a capitalised word is two names of a
list the model ran together ('Korn, Limp Bizkit').
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from . import rules
from .entity_types import type_vocabulary
from .name_evidence import described_names, full_name_words, gazetteer_place, known_place, mention_span, \
    opens_with_given_name
from .name_use import opens_with_a_name

PERSON, THING = "person", "thing"
LIST_MIN = 2  # typed members of a list, half its other members or more, before a name takes their kind
THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})  # spaCy's labels of a list's products and works
KINDS = ("person", "organization", "place")  # the types a run of listed names votes with
LISTED = re.compile(r",\s+(?=[A-Z])")
NAME_TAILS = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
CAMPUS_HEADS = frozenset({"University", "College", "Institute"})  # 'University of California, Berkeley': its campus
SEPARATOR = re.compile(r"\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+")
UNTYPED_ITEM = re.compile(r"\s*[,;]\s*(?:(?:and|or)\s+)?[A-Z0-9][\w'’.&-]*(?:\s+[\w'’.&-]+){0,4}"
                          r"\s*[,;]\s*(?:(?:and|or)\s+)?")
"""A name the model did not tag between two of the list's ('..., Deftones, System of a Down, Mudvayne, ...')."""
MIN_ITEMS = 3


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


def split_listed(mentions: list) -> list:
    """An organisation or a person whose name holds a comma before a capitalised word is two names of a list
    ('Korn, Limp Bizkit'), unless a designator, a generation or a known place follows the comma ('Mattel, Inc.',
    'Ada Quill, Jr.', 'Acme Corp, London'), a university's campus does ('University of California, Berkeley'), it
    joins its words with 'and' or '&' ('Keefe, Bruyette & Woods'), or '&' follows it ('Boeing Defense, Space' &
    Security)."""
    out = []
    for m in mentions:
        parts = LISTED.split(m.text) if m.type in ("organization", "person") else [m.text]
        after = m.para.text[m.end - m.para.offset:m.end - m.para.offset + 4]
        if len(parts) < 2 or re.search(r"\s(?:and|&)\s", m.text) or re.match(r"\s*&\s", after) \
                or any(_name_tail(p) or known_place(p) for p in parts[1:]) or CAMPUS_HEADS & set(parts[0].split()):
            out.append(m)
            continue
        at = 0
        for part in parts:
            at = m.text.index(part, at)
            start = m.start + at
            first = next((t.i for t in m.para.doc if t.idx + m.para.offset >= start), m.first_token)
            titled = at == 0  # a title written before the list is the first name's
            out.append(replace(m, start=start, end=start + len(part), text=part, first_token=first,
                               titles=list(m.titles) if titled else [], title_start=m.title_start if titled else None))
            at += len(part)
    return out


def _name_tail(part: str) -> bool:
    """'Inc.', 'Ltd', 'Jr.': a designator or a generation written after a comma, part of the name before it."""
    designators = type_vocabulary().designators
    return part in NAME_TAILS or part in designators or part.rstrip(".") in designators


def list_types(mentions: list) -> None:
    """Retype the names a list of mostly one kind holds, where their form allows it (module docstring)."""
    described = described_names(mentions)
    retyped: dict[str, str] = {}
    for items in _lists(mentions):
        counts = Counter(m.type for m in items)
        kind, n = counts.most_common(1)[0]
        if n * 2 <= len(items):
            continue
        for m in items:
            if m.type != kind and m.text not in described and _may_be(m, kind):
                retyped.setdefault(m.text, kind)
    for m in mentions:
        if m.text in retyped:
            m.type = retyped[m.text]


def _may_be(mention, kind: str) -> bool:
    words = mention.text.split()
    if kind == "organization":
        return mention.type == "person" and not opens_with_given_name(words) \
            or mention.type == "place" and not known_place(mention.text)
    if kind == "person":
        return opens_with_given_name(words) and len(words) > 1
    return gazetteer_place(mention.text)


def _lists(mentions: list) -> list[list]:
    """Runs of three names or more in one paragraph with only list separators between them, one a comma, or a
    capitalised name the model did not tag with its separators."""
    by_para: dict[int, list] = {}
    for m in mentions:
        if m.type in KINDS:
            by_para.setdefault(id(m.para), []).append(m)
    out = []
    for items in by_para.values():
        items.sort(key=lambda m: m.start)
        run = [items[0]]
        for prev, m in zip(items, items[1:]):
            gap = m.para.text[prev.end - m.para.offset:m.start - m.para.offset]
            if m.start >= prev.end and (SEPARATOR.fullmatch(gap) or UNTYPED_ITEM.fullmatch(gap)):
                run.append(m)
                continue
            out.append(run)
            run = [m]
        out.append(run)
    return [run for run in out if len(run) >= MIN_ITEMS and any(_comma_after(a, b) for a, b in zip(run, run[1:]))]


def _comma_after(a, b) -> bool:
    return "," in a.para.text[a.end - a.para.offset:b.start - b.para.offset]
