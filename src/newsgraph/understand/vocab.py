"""The understanding stages' vocabularies (titles, entity corrections), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..readers.furniture import load_data
from .titles import name_titles


@dataclass(frozen=True)
class EntityVocabulary:
    titles: frozenset[str]  # lower-cased, dots kept
    title_first_words: frozenset[str]
    title_last_words: frozenset[str]
    title_words: frozenset[str]  # every word that appears in a title
    title_heads: frozenset[str]
    max_title_words: int
    not_names: frozenset[str]  # never an entity of any type (holidays, temperature scales, 'Brexit')
    common_acronyms: frozenset[str]  # acronyms of common nouns ('AI', 'GDP'): never a name, written so
    model_words: frozenset[str]  # words ending a product model's name ('MacBook Pro')
    outlets: frozenset[str]
    heads_by_first_word: dict[str, tuple[tuple[str, ...], ...]]  # each organisation head's words under its first
    # word, longest head first
    name_heads: frozenset[str]  # words that end places' and organisations' names ('Town', 'Ministry', 'Records')
    place_in_name: re.Pattern
    role_heads: frozenset[str]
    kinship: dict
    organization_nominals: dict
    statement_nouns: frozenset[str]
    vessel_nouns: frozenset[str]  # a ship's common nouns: 'the ferry Island Star' names a ship


def _first_word(title: str) -> str:
    """A title's first word as the tokenizer may cut it: 'Lt.-Col.' opens with the token 'lt.-col'."""
    return title.split()[0].lower().rstrip(".")


def _lower(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _by_first_word(heads: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each head's words listed under its first word, in the heads' order: a place's next word is compared with
    the few heads it can open."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for head in heads:
        parts = tuple(head.split())
        if parts:
            index.setdefault(parts[0], []).append(parts)
    return {first: tuple(found) for first, found in index.items()}


@cache
def entity_vocabulary() -> EntityVocabulary:
    titles = load_data("titles.json")
    ents = load_data("entities.json")
    curated = [t for k, v in titles.items() if not k.startswith("_") and k != "heads" for t in v]
    all_titles = list(name_titles())  # titles.json's and the WordNet-generated ones (understand/titles.py)
    heads = sorted(ents["place_in_name_heads"], key=len, reverse=True)
    nominals = {k: v for k, v in ents["organization_nominals"].items() if not k.startswith("_")}
    organization_heads = tuple(sorted(ents["organization_heads"], key=len, reverse=True))
    return EntityVocabulary(
        titles=_lower(all_titles),
        title_first_words=frozenset(_first_word(t) for t in all_titles),
        title_last_words=frozenset(t.split()[-1].lower() for t in all_titles),
        title_words=frozenset(w.lower() for t in curated for w in t.split()),
        title_heads=_lower(titles["heads"]),
        max_title_words=max(len(t.split()) for t in all_titles),
        not_names=_lower(ents["not_names"]),
        common_acronyms=frozenset(ents["common_acronyms"]),
        model_words=frozenset(ents["model_words"]),
        outlets=frozenset(ents["outlets"]),
        heads_by_first_word=_by_first_word(organization_heads),
        name_heads=frozenset([*ents["place_heads"], *ents["organization_designators"], *ents["organization_heads"]]),
        place_in_name=re.compile(r"^(?P<place>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}?) (?:" +
                                 "|".join(re.escape(h) for h in heads) + r")$"),
        role_heads=_lower(ents["role_heads"]),
        kinship={k.lower(): v for k, v in ents["kinship"].items()},
        organization_nominals={k: [n.lower() for n in v] for k, v in nominals.items()},
        statement_nouns=_lower(ents["statement_nouns"]),
        vessel_nouns=frozenset(ents["vessel_nouns"]),
    )
