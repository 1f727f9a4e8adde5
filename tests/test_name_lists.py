"""A 'person' named in a list of organisations, places or things (understand/name_lists.py), in sentences written
for these tests."""

from __future__ import annotations

import newsgraph
from newsgraph.understand import rules


def entities(*paragraphs: str) -> dict[str, str]:
    text = "Harbour news of the week\n\n" + "\n\n".join(paragraphs) + "\n"
    return {e.name: e.type for e in newsgraph.extract(text, kind="text").entities}


MAGAZINES = "She has written for New York Magazine, Glimmer and Vogue, said Lena Okafor."


def test_a_name_in_a_list_of_organisations_is_an_organisation():
    assert entities(MAGAZINES).get("Vogue") == "organization"
    with rules.switched_off("list_company", "list_types"):  # both read lists: the parse's and the text's
        assert entities(MAGAZINES).get("Vogue") == "person"


def test_a_person_with_a_given_name_in_a_list_of_organisations_stays_a_person():
    found = entities("The board heard from Marlow Holdings, Lena Okafor and Brindle Aerospace on Monday.")
    assert found.get("Lena Okafor") == "person"
