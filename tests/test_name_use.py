"""What the words around a name say it is (understand/name_use.py), in sentences written for these tests."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.understand import rules
from newsgraph.understand.name_use import opens_with_a_name, plural_class, singulars


def entities(*paragraphs: str, headline: str = "Harbour news of the week") -> dict[str, str]:
    text = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return {e.name: e.type for e in newsgraph.extract(text, kind="text").entities}


def people(*paragraphs: str, headline: str = "Harbour news of the week") -> set[str]:
    return {name for name, kind in entities(*paragraphs, headline=headline).items() if kind == "person"}


GAME = ("Last winter I played Marvel Snap every night. Marvel Snap, a collectible card game, kept me busy.",
        "Marvel Snap is a game that never gets old, said Lena Okafor.")


def test_a_name_the_article_calls_a_thing_is_no_person():
    assert people(*GAME) == {"Lena Okafor"}
    with rules.switched_off("described_as_thing"):
        assert "Marvel Snap" in people(*GAME)


def test_a_name_called_a_person_or_opening_with_a_given_name_stays_a_person():
    found = people("Tomas Birke, a quiet harbour pilot, docked the ferry. Birke is a legend on the coast.",
                   "Lena Okafor, a local institution, opened the fish market.")
    assert {"Tomas Birke", "Lena Okafor"} <= found


def test_a_name_written_as_a_modifier_is_no_person():
    paragraph = "He also threw a Hail Mary interception at the end of each half, said Dana Wills."
    assert people(paragraph) == {"Dana Wills"}
    with rules.switched_off("modifier_names", "run_on_words"):
        assert "Hail Mary" in people(paragraph)


def test_a_headline_verb_run_onto_a_name_is_cut_off():
    found = people("Mauricio Umansky spent the weekend on the slopes near Aspen. Umansky filmed the trip.",
                   headline="Mauricio Umansky Hits the Slopes in a Borrowed Jacket")
    assert "Mauricio Umansky" in found and not any("Hits" in name for name in found)


def test_words_before_and_inside_a_name_are_no_part_of_it():
    found = people("Backup Timmy McClain threw two touchdowns on Saturday. McClain was pleased.")
    assert "Timmy McClain" in found and "Backup Timmy McClain" not in found


def test_word_classes():
    assert singulars("Lives") >= {"live", "life"} and singulars("Hits") == {"hit"} and not singulars("Jones"[:3])
    assert plural_class("Democrats") == "person_nouns" and plural_class("Williams") is None
    assert not opens_with_a_name(["Marvel", "Snap"]) and opens_with_a_name(["Lena", "Okafor"])


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.understand.parse import load_model

    return load_model()


def _span(nlp, sentence: str, name: str):
    doc = nlp(sentence)
    start = sentence.index(name)
    return doc.char_span(start, start + len(name))


@pytest.mark.parametrize("sentence, name, said", [
    ("Jennifer Felix, chief executive of Marlow Federal, explained the deal.", "Marlow Federal",
     ["strong organization"]),
    ("Troops were fighting in Khan Yunes on Monday.", "Khan Yunes", ["place"]),
    ("Kestrel Arena, a concert hall, sold out.", "Kestrel Arena", ["thing"]),
    ("Troops placed Kestrel (knee) on the list.", "Kestrel", []),
    ("Lena Okafor, who runs the fish market, spoke first.", "Lena Okafor", ["person"]),
    ("Pale Harbor is a band from the coast.", "Pale Harbor", ["strong organization"]),
])
def test_what_the_sentence_calls_a_name(nlp, sentence, name, said):
    from newsgraph.understand.name_use import _descriptions

    assert _descriptions(_span(nlp, sentence, name)) == said


@pytest.mark.parametrize("sentence, name, modifier", [
    ("He threw a Hail Mary interception before the break.", "Hail Mary", True),
    ("The book was called The Dragon Waiting, and it was long.", "Dragon Waiting", True),
    ("Crowds filled the stores for the Marlow Winter Clearance Sale.", "Marlow", True),
    ("Lena Okafor bought a coat on Friday.", "Lena Okafor", False),
    ("“The Bush administration said no,” she added.", "Bush", False),
    ("The Trump administration said no.", "Trump", False),
])
def test_a_name_inside_a_longer_phrase(nlp, sentence, name, modifier):
    from newsgraph.understand.name_use import _modifier

    assert _modifier(_span(nlp, sentence, name)) is modifier


def test_a_credit_naming_a_company_is_no_photographer():
    from newsgraph.understand.entities import _company_credit

    assert _company_credit("Larian Studios") and _company_credit("AP Photo")
    assert not _company_credit("Billy H.C. Kwok") and not _company_credit("Dania Maxwell")


@pytest.mark.parametrize("sentence, name, kind, text", [
    ("Ozark Democrats won the seat on Tuesday.", "Ozark Democrats", "organization", "Ozark Democrats"),
    ("Dale Hollis took the seat on Tuesday.", "Dale Hollis", "person", "Dale Hollis"),
    ("Hosting Cook was a treat, the chef said.", "Hosting Cook", "thing", "Cook"),
    ("Arcade Joseph Comeaux was held on Monday.", "Arcade Joseph Comeaux", "person", "Arcade Joseph Comeaux"),
    ("Norm Dicks spoke on Monday.", "Norm Dicks", "person", "Norm Dicks"),
    ("Penn State won again on Saturday.", "Penn State", "organization", "Penn State"),
])
def test_words_run_onto_a_name(nlp, sentence, name, kind, text):
    from types import SimpleNamespace

    from newsgraph.understand.name_use import cut_run_on_words

    doc = nlp(sentence)
    start = sentence.index(name)
    para = SimpleNamespace(doc=doc, offset=0, role="body", text=sentence)
    mention = SimpleNamespace(start=start, end=start + len(name), text=name, type="person", para=para,
                              first_token=doc.char_span(start, start + len(name)).start)
    cut_run_on_words([mention])
    assert (mention.type, mention.text) == (kind, text)
