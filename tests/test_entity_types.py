"""Entity typing from evidence: what spaCy's label alone gets wrong, in sentences written for these tests."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.understand import rules


def entities(*paragraphs: str) -> dict[str, str]:
    text = "Harbour news of the week\n\n" + "\n\n".join(paragraphs) + "\n"
    return {e.name: e.type for e in newsgraph.extract(text, kind="text").entities}


def test_an_adjective_of_place_names_the_place():
    found = entities("The Canadian government and several Romanian suppliers signed the harbour contract on Monday.")
    assert found.get("Canada") == "place" and found.get("Romania") == "place"


def test_designators_and_groups_make_organisations():
    found = entities("Lena Okafor, who chairs Marlow Holdings, said the deal was done.",
                     "The Steelers beat the Rams on Sunday, and the Beatles played on the radio all night.")
    assert found.get("Marlow Holdings") == "organization"
    assert found.get("Steelers", "organization") == "organization" and found.get("Beatles", "organization") == "organization"
    assert found.get("Lena Okafor") == "person"


@pytest.mark.parametrize("paragraph, not_people", [
    ("Karim Darwish drove a borrowed Subaru to the pier, then walked past the Mazda.", {"Subaru", "Mazda"}),
    ("Follow Ynetnews on Facebook and read the story in full.", {"Follow Ynetnews"}),
    ("Tomas Birke said COVID kept the ferry docked for a month.", {"COVID"}),
])
def test_things_furniture_and_acronyms_are_no_people(paragraph, not_people):
    found = entities(paragraph)
    assert not {name for name, kind in found.items() if kind == "person"} & not_people


def test_a_word_written_as_a_common_noun_is_no_person():
    found = entities("Moon rocks were shown at the harbour museum.",
                     "Visitors said the moon looked close enough to touch, and the rocks drew long queues.")
    assert found.get("Moon") != "person"


def test_switching_a_family_off_restores_spacys_label():
    with rules.switched_off("demonyms"):
        found = entities("The Canadian government signed the harbour contract on Monday.")
    assert "Canada" not in found
    with pytest.raises(KeyError):
        rules.enabled("no such family")
