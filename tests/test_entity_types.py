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


def people(text: str) -> dict[str, list[str]]:
    return {e.name: [m.text for m in e.mentions] for e in newsgraph.extract(text, kind="text").entities
            if e.type == "person"}


def test_a_headline_name_ends_where_the_persons_name_ends():
    found = people("Keller Checks Into Clinic, Hires Lawyer\n\nThe singer Marta Keller checked into a clinic in Ohio "
                   "on Friday.\n\nKeller said she was grateful for the support.\n")
    assert list(found) == ["Marta Keller"] and found["Marta Keller"].count("Keller") == 2


def test_people_of_the_body_are_found_in_a_headline_in_capitals():
    found = people("DORIAN VALE ESCAPES FROM PRISON VAN\n\nDorian Vale escaped from a prison van on Monday.\n\n"
                   "Guards said Vale ran toward the river.\n")
    assert found == {"Dorian Vale": ["DORIAN VALE", "Dorian Vale", "Vale"]}


def test_a_surname_after_a_suffixed_name_and_an_age_is_the_person():
    found = people("Harbour news\n\nMarten Vale Jr. was moved from the county jail on Monday.\n\nVale, 52, took the "
                   "guard's keys and fled on foot, the sheriff said.\n\nVale had served nine years.\n")
    assert any(forms.count("Vale") == 2 for forms in found.values())


@pytest.mark.parametrize("name, nouns, thing", [
    ("Skyview Tower", {"tower"}, True),   # the article writes 'the tower'
    ("Jeff Hunter", {"hunter"}, False),   # a given name first: a person
    ("Skyview Tower", set(), False),      # no common noun to go by
])
def test_a_person_named_like_a_thing(name, nouns, thing):
    from types import SimpleNamespace

    from newsgraph.understand.entity_types import _named_like_a_thing

    assert _named_like_a_thing(SimpleNamespace(type="person", text=name), nouns) is thing


def test_a_hyphenated_surname_is_one_name_and_a_lone_dash_ends_it():
    found = people("Road closures\n\nSergeant Rina Tal-Or said the road stayed shut on Friday.\n\n"
                   "Omar Haddad - pictured - waited at the gate, a neighbour said.\n")
    names = {n for forms in found.values() for n in forms}
    assert "Rina Tal-Or" in names and not any(n.startswith("Omar Haddad -") for n in names)
