"""Evidence from a copula: a name the model typed a place or an organisation that the article calls a person.

`copular_person` (a switch in `rules.py`): a name that is the subject of 'is', 'was' or 'became' with a noun of
people after it ("X is a mathematician", "X was a former senator", "X became the coach") is a person, in every
mention, as `described_as_person` does for an apposition ("X, the coach,") or a 'who' clause. The name is looked
for wherever the article writes it, tagged or not: the model often labels a name in one sentence and leaves it
bare in the sentence that describes it.

A company, a state or a team is called by nouns of people too ("X is the largest seller", "X became the first
member"): a doer's noun made from a verb ('seller', 'bidder', 'provider'; data/name_words.json's
`people_first_nouns` leave them out) and the nouns of `name_use.json` `firm_roles` ('member', 'partner',
'rival') are no evidence. Nor is a copula with 'not' or of an infinitive ('passed X to become the largest ...'),
a name after a determiner ('the Harriers are champions'), a name with a designator ('Acme Inc.'), an outlet of the
gazetteer, a country or region ('Germany is a laggard') or a place of the GeoNames gazetteer ('Japan became the
first member'), or a name of one word, which may be a company's ('Apple is the king of smartphones').
"""

from __future__ import annotations

from functools import cache

from ..readers.furniture import load_data
from . import rules
from .context import name_pattern
from .entity_types import designated
from .name_edges import DETERMINED
from .name_evidence import gazetteer_place, region_name
from .name_use import word_classes
from .vocab import entity_vocabulary

COPULAS = frozenset({"be", "become"})


def copular_people(mentions: list, paragraphs: list) -> set[str]:
    """The names typed a place or an organisation that the article calls a person with a copula."""
    if not rules.enabled("copular_person"):
        return set()
    vocab = entity_vocabulary()
    names = {m.text for m in mentions if m.type in ("place", "organization") and " " in m.text
             and not m.text.islower()}  # one word may be a company's ('Apple is the king of phones')
    names = {n for n in names if not designated(n.split()) and n not in vocab.outlets and not gazetteer_place(n)
             and not region_name(n)}
    return {name for name in names if any(_called_a_person(span, vocab) for span in _occurrences(name, paragraphs))}


def _occurrences(name: str, paragraphs: list):
    """Every place a paragraph writes the name as whole tokens."""
    for para in paragraphs:
        for m in name_pattern(name).finditer(para.text):
            span = para.doc.char_span(m.start(), m.end())
            if span is not None:
                yield span


def _called_a_person(span, vocab) -> bool:
    """'X is a mathematician', 'X became the coach': the span is the subject of a copula with a noun of people."""
    root, doc = span.root, span.doc
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in COPULAS \
            or (span.start > 0 and doc[span.start - 1].lower_ in DETERMINED):
        return False
    verb = root.head
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ == "to") for c in verb.children):
        return False  # 'X is not a ...'; 'passed X to become the largest ...': X is the verb's object
    return any(c.dep_ == "attr" and c.i >= span.end and person_noun(c, vocab) for c in verb.children)


def person_noun(token, vocab) -> bool:
    """A noun that calls someone a person and no company or state: a role ('coach') or a noun whose first sense in
    WordNet is a person ('mathematician'; not 'tool' or 'subject') and no doer's noun of a verb ('seller')."""
    if token.pos_ not in ("NOUN", "PROPN") or not token.text.isalpha():
        return False
    lemma = token.lemma_.lower()
    if lemma in _firm_roles():
        return False
    return lemma in vocab.role_heads or lemma in word_classes()["people_first_nouns"]


@cache
def _firm_roles() -> frozenset[str]:
    return frozenset(load_data("name_use.json")["firm_roles"].split())
