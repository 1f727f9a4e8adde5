"""A name the model typed a place or an organisation that a copula calls a person (understand/copular_people.py),
in sentences written for these tests."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.understand import rules

NOVELIST = "Brandt Holloway Quen is a novelist and a teacher of music."


def entities(*paragraphs: str) -> dict[str, str]:
    text = "Harbour news of the week\n\n" + "\n\n".join(paragraphs) + "\n"
    return {e.name: e.type for e in newsgraph.extract(text, kind="text").entities}


def test_a_name_a_copula_calls_a_person_is_a_person():
    assert entities(NOVELIST).get("Brandt Holloway Quen") == "person"
    with rules.switched_off("copular_person"):
        assert entities(NOVELIST).get("Brandt Holloway Quen") == "organization"


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.understand.parse import load_model

    return load_model()


@pytest.mark.parametrize("sentence, name, person", [
    (NOVELIST, "Brandt Holloway Quen", True),
    ("Marrow Keel was a former senator of the northern province.", "Marrow Keel", True),
    ("Kestrel Dunmore became the coach of the harbour club.", "Kestrel Dunmore", True),
    ("Tasker Vell is an Icelandic mathematician.", "Tasker Vell", True),
    ("Kestrel Dunmore is not a mathematician.", "Kestrel Dunmore", False),
    ("Orlan Works is the largest seller of nets on the coast.", "Orlan Works", False),  # a doer's noun of a verb
    ("Ardale became the first member of the fishing league.", "Ardale", False),  # a firm's or a state's role
    ("Orlan Works is a tool for every fisher.", "Orlan Works", False),  # a person only in a rare sense
    ("The shop passed Orlan Works to become the largest seller.", "Orlan Works", False),  # the verb's object
    ("The Harriers are the coaches of the year.", "Harriers", False),  # after a determiner
    ("Everyone said Kestrel Dunmore was kind to the crew.", "Kestrel Dunmore", False),  # no noun after the copula
])
def test_what_a_copula_calls_a_name(nlp, sentence, name, person):
    from newsgraph.understand.copular_people import _called_a_person
    from newsgraph.understand.vocab import entity_vocabulary

    doc = nlp(sentence)
    start = sentence.index(name)
    assert _called_a_person(doc.char_span(start, start + len(name)), entity_vocabulary()) is person


@pytest.mark.parametrize("sentence, name", [
    ("Ardale is a signatory to the fishing treaty.", "Ardale"),
    ("Corvane is the largest shareholder in the ferry line.", "Corvane"),
    ("Corvane is a supplier of nets to the harbour.", "Corvane"),
    ("Corvane became the darling of investors last year.", "Corvane"),
])
def test_a_role_a_company_or_a_state_takes_is_no_evidence(nlp, sentence, name):
    from newsgraph.understand.copular_people import _called_a_person
    from newsgraph.understand.vocab import entity_vocabulary

    doc = nlp(sentence)
    start = sentence.index(name)
    assert _called_a_person(doc.char_span(start, start + len(name)), entity_vocabulary()) is False


def test_a_country_is_no_person():
    assert entities("Germany is a laggard in broadband, the survey found. Germany plans to invest more.").get(
        "Germany") == "place"


@pytest.mark.parametrize("paragraph, name", [
    ("Apple is the king of smartphones, analysts said. Apple sold more phones than anyone.", "Apple"),
    ("Goldman was the architect of the deal. Goldman earned a large fee.", "Goldman"),
])
def test_a_name_of_one_word_is_no_person_by_a_copula(paragraph, name):
    assert entities(paragraph).get(name) == "organization"
