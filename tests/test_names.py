"""Titles and names in records: honorifics are no titles, abbreviated ranks are read, names swallow nothing."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import newsgraph


def _people(sentence: str) -> dict:
    article = newsgraph.extract("Valley town gets ready for the winter\n\n" + sentence +
                                "\nThe council will meet again next week to discuss it.\n")
    return {e.name: e for e in article.entities if e.type == "person"}


@pytest.mark.parametrize("sentence, name, titles", [
    ("Lt.-Col. Dana Ofer led the convoy into the valley on Sunday.", "Dana Ofer", ["Lt.-Col."]),
    ("Maj.-Gen. Avi Bluth toured the northern base a day later.", "Avi Bluth", ["Maj.-Gen."]),
    ("Lt. Col. Ron Amit and Brig. Gen. Sara Tal arrived by helicopter.", "Sara Tal", ["Brig. Gen."]),
    ("Chief of General Staff Eyal Zamir approved the new drill.", "Eyal Zamir", ["Chief of General Staff"]),
    ("Secretary of State Anna Vogel landed in the capital on Friday.", "Anna Vogel", ["Secretary of State"]),
    ("Minister for Foreign Affairs Tessa Quill said the talks had been useful.", "Tessa Quill",
     ["Minister for Foreign Affairs"]),
    ("Secretary of State for Health Owen Marsh told reporters the plan was ready.", "Owen Marsh",
     ["Secretary of State for Health"]),
    ("Minister of State for Trade Lena Okafor said exports had grown.", "Lena Okafor", ["Minister of State for Trade"]),
    ("Councilmember Dana Whitfield proposed a park by the river.", "Dana Whitfield", ["Councilmember"]),
    ("Assemblywoman Kerry Olsen said the state would pay for the bridge.", "Kerry Olsen", ["Assemblywoman"]),
    ("Supervisor Mark Tenney voted against the new road.", "Mark Tenney", ["Supervisor"]),
    ("Mr. Tom Baker was at home when the storm began.", "Tom Baker", []),
    ("Dr. Ruth Cole treated the injured hikers overnight.", "Ruth Cole", []),
    # British police and council ranks, written without dots
    ("Det Insp Mary Holt said officers were called at 2am.", "Mary Holt", ["Det Insp"]),
    ("Ch Insp Mary Holt said officers were called at 2am.", "Mary Holt", ["Ch Insp"]),
    ("Det Ch Supt Mary Holt said officers were called at 2am.", "Mary Holt", ["Det Ch Supt"]),
    ("Asst Ch Con Mary Holt said officers were called at 2am.", "Mary Holt", ["Asst Ch Con"]),
    ("Supt Mary Holt said officers were called at 2am.", "Mary Holt", ["Supt"]),
    ("Cllr Mary Holt said the road would close for a week.", "Mary Holt", ["Cllr"]),
])
def test_titles_as_written_without_honorifics(sentence, name, titles):
    people = _people(sentence)
    assert name in people, list(people)
    assert people[name].titles == titles


@pytest.mark.parametrize("sentence, name, titles, without", [
    ("The firm's chief executive Ada Quill said sales had grown.", "Ada Quill", ["chief executive"], ["executive"]),
    ("The club's assistant coach Ada Quill said the squad was fit.", "Ada Quill", ["assistant coach"], ["coach"]),
    ("The former prime minister Ada Quill said the plan would fail.", "Ada Quill", ["former prime minister"],
     ["prime minister"]),
    ("The shadow chancellor Ada Quill said the sums did not add up.", "Ada Quill", ["shadow chancellor"],
     ["chancellor"]),
    ("The late Mr Tom Quill left the farm to the town.", "Tom Quill", [], []),  # a form of address: no title
    ("He served under Mr Tom Quill for a decade.", "Tom Quill", [], []),  # 'under' a preposition here
])
def test_a_titles_modifier_or_qualifier_in_lower_case_stays_with_it(sentence, name, titles, without):
    from newsgraph.understand import rules

    assert _people(sentence)[name].titles == titles
    with rules.switched_off("title_modifiers"):
        assert _people(sentence)[name].titles == without


@pytest.mark.parametrize("sentence, name", [
    ("Browns DL Myles Garrett missed practice with a sore ankle.", "Myles Garrett"),
    ("Questioning Halvorsen, the lawmakers pressed him on the budget.", "Halvorsen"),
    ("Channing Tatum, the actor, said he was glad to be back.", "Channing Tatum"),
])
def test_names_swallow_no_team_position_or_verb(sentence, name):
    people = _people(sentence)
    assert name in people, list(people)
    assert not people[name].titles


def test_title_forms_give_the_normal_form_beside_the_written_one():
    people = _people("Lt.-Col. Dana Ofer met Sen. Maria Lopez at the airfield.")
    forms = {f.text: (f.canonical, f.kind) for p in people.values() for f in p.title_forms}
    assert forms == {"Lt.-Col.": ("lieutenant colonel", "rank"), "Sen.": ("senator", "title")}
    for person in people.values():
        assert [f.text for f in person.title_forms] == person.titles


def test_generated_vocabulary_names_its_source_and_licence():
    data = json.loads(resources.files("newsgraph.data").joinpath("titles_public.json").read_text("utf-8"))
    assert "WordNet 3.0" in data["_source"] and "Princeton" in data["_source"]
    assert "Lieutenant Colonel" in data["military_ranks"]
    assert "Secretary of State" in data["offices"]
    assert "Potemkin" not in data["military_ranks"]  # one person, not a rank


def test_a_name_the_model_ran_together_with_a_portfolio_is_cut_from_it():
    people = _people("In an interview, Ardale Secretary of State for Housing Ans Meulen, who oversees the plan, "
                     "said it would cut rents.")
    assert people["Ans Meulen"].titles == ["Ardale Secretary of State for Housing"]
    article = newsgraph.extract("Valley town gets ready for the winter\n\nThe Minister for Energy Transition Agency "
                                "reform said costs would rise.\n")
    assert not [e.name for e in article.entities if e.type == "person"]  # a body's name, no one's


def test_a_relative_written_in_lower_case_is_no_title():
    people = _people("I asked my brother Jon Velde to help, and Brother Anselm Kray agreed to come too.")
    assert people["Jon Velde"].titles == [] and people["Anselm Kray"].titles == ["Brother"]


def test_a_person_entity_the_model_ran_over_a_portfolio_is_cut_after_it():
    from spacy.tokens import Span

    from newsgraph.understand.context import ParsedParagraph
    from newsgraph.understand.names import typed_mention
    from newsgraph.understand.parse import load_model
    from newsgraph.understand.vocab import entity_vocabulary

    doc = load_model()("The Minister for Transport Lena Okafor said trains would run.")
    doc.ents = [Span(doc, 3, 6, label="PERSON")]  # '[Minister for] Transport Lena Okafor'
    mention = typed_mention(ParsedParagraph(0, doc), 3, 6, "person", entity_vocabulary())
    assert (mention.text, mention.titles) == ("Lena Okafor", ["Minister for Transport"])
