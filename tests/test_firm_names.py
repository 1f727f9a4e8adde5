"""Company names of financial news that the person rules took for people: a firm's name opening with a title word
(`title_firms`), a designator written in capitals (`shouted_designators`), and appositions that describe no person
(`firm_appositions`). Sentences of our own; each family switched off gives the old reading back."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.understand import rules


def _entities(text: str, *off: str) -> set[tuple[str, str]]:
    with rules.switched_off(*off):
        article = newsgraph.extract(text)
    return {(e.type, e.name) for e in article.entities}


def test_a_title_word_opening_a_firms_name_makes_no_person():
    text = ("Tractor makers report a slow month\n\nLoad More General Holdings ( GH ) pioneered the small tractor, but "
            "you might think GH is out of the trade.\n")
    assert ("organization", "General Holdings") in _entities(text)
    assert ("person", "Holdings GH") in _entities(text, "title_firms")  # 'General' read as a rank


def test_a_designator_in_capitals_ends_a_firms_name():
    text = ("Tractor makers report a slow month\n\nAnalysts rate GENERAL TRACTOR CO as a Buy. GENERAL TRACTOR CO "
            "reported higher earnings this quarter, and GENERAL TRACTOR CO has beaten its rivals.\n")
    assert ("organization", "GENERAL TRACTOR CO") in _entities(text)
    assert not any(name.startswith("GENERAL") for _, name in _entities(text, "shouted_designators"))


@pytest.mark.parametrize("text, name", [
    ("Property prices climb in the capital\n\nPrices rose by a fifth, according to figures from Brandmoor , the "
     "world’s largest property adviser.\n\nBrandmoor expects the rise to slow next year.\n", "Brandmoor"),
    ("Legal publishers see steady demand\n\nOrders held up in the spring.\n\nLexisNexis Pacific head of sales Ivo "
     "Brandt said that demand was steady.\n", "LexisNexis Pacific"),
])
def test_appositions_that_rank_a_firm_or_belong_to_the_next_name_make_no_person(text, name):
    assert ("organization", name) in _entities(text)
    assert ("person", name) in _entities(text, "firm_appositions")


def test_a_persons_apposition_still_makes_a_person():
    text = ("Harbour town mourns\n\nThe crowd stood in silence for Dalia Ronen, the harbour police officer who died "
            "on Friday.\n")
    assert ("person", "Dalia Ronen") in _entities(text)
