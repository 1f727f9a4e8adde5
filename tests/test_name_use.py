"""What the words around a name say it is (understand/name_use.py), in sentences written for these tests."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.understand import rules
from newsgraph.understand.name_use import opens_with_a_name, plural_class, singulars, word_classes


def entities(*paragraphs: str, headline: str = "Harbour news of the week") -> dict[str, str]:
    text = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return {e.name: e.type for e in newsgraph.extract(text, kind="text").entities}


def people(*paragraphs: str, headline: str = "Harbour news of the week") -> set[str]:
    return {name for name, kind in entities(*paragraphs, headline=headline).items() if kind == "person"}


GAME = ("Last winter I played Pixel Quarry every night. Pixel Quarry, a deck-building game, kept me busy.",
        "Pixel Quarry is a game that never gets old, said Lena Okafor.")


def test_a_name_the_article_calls_a_thing_is_no_person():
    assert people(*GAME) == {"Lena Okafor"}
    with rules.switched_off("described_as_thing", "role_words"):  # 'quarry' is also a noun of people
        assert "Pixel Quarry" in people(*GAME)


def test_a_name_called_a_person_or_opening_with_a_given_name_stays_a_person():
    found = people("Tomas Birke, a quiet harbour pilot, docked the ferry. Birke is a legend on the coast.",
                   "Lena Okafor, a local institution, opened the fish market.")
    assert {"Tomas Birke", "Lena Okafor"} <= found


def test_a_name_written_as_a_modifier_is_no_person():
    paragraph = "He also threw a Hail Mary interception at the end of each half, said Dana Wills."
    assert people(paragraph) == {"Dana Wills"}
    with rules.switched_off("modifier_names"):
        assert "Hail Mary" in people(paragraph)


def test_a_headline_verb_run_onto_a_name_is_cut_off():
    paragraph = "Dorian Valecki spent the weekend on the slopes near Aspen. Valecki filmed the trip."
    headline = "Dorian Valecki Hits the Slopes in a Borrowed Jacket"
    found = people(paragraph, headline=headline)
    assert "Dorian Valecki" in found and not any("Hits" in name for name in found)
    with rules.switched_off("run_on_words"):
        assert "Dorian Valecki Hits" in people(paragraph, headline=headline)


def test_words_before_and_inside_a_name_are_no_part_of_it():
    paragraph = "Backup Rollo Tanner threw two touchdowns on Saturday. Tanner was pleased."
    found = people(paragraph)
    assert "Rollo Tanner" in found and "Backup Rollo Tanner" not in found
    with rules.switched_off("run_on_words"):
        assert "Backup Rollo Tanner" in people(paragraph)


def test_word_classes():
    assert singulars("Lives") >= {"live", "life"} and singulars("Hits") == {"hit"} and not singulars("Glass")
    assert plural_class("Democrats") == "person_nouns" and plural_class("Williams") is None
    assert plural_class("Jones") is None  # a surname, though 'jone'/'jon' could be its singular
    assert not opens_with_a_name(["Marvel", "Quarry"]) and opens_with_a_name(["Lena", "Okafor"])
    describing = word_classes()["describing"]
    assert {"legendary", "together"} <= describing and not {"young", "still", "late", "gaga"} & describing


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.understand.parse import load_model

    return load_model()


def _span(nlp, sentence: str, name: str):
    doc = nlp(sentence)
    start = sentence.index(name)
    return doc.char_span(start, start + len(name))


@pytest.mark.parametrize("sentence, name, said", [
    ("Ines Korver, chief executive of Marlow Federal, explained the deal.", "Marlow Federal",
     ["strong organization"]),
    ("Troops were fighting in Dorvale Ridge on Monday.", "Dorvale Ridge", ["place"]),
    ("The team was based in Dorvale Ridge for a year.", "Dorvale Ridge", ["place"]),
    ("Her sons believed in Marek Kowalczyk from the start.", "Marek Kowalczyk", []),
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
    ("The book was called The Glass Orchard, and it was long.", "Glass Orchard", True),
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

    assert _company_credit("Brindle Studios") and _company_credit("AP Photo") and _company_credit("KVRT Staff")
    assert not _company_credit("Rory K.T. Wen") and not _company_credit("Mira Castell")
    assert not _company_credit("Jon TARLOW") and not _company_credit("Ana DE WITT")  # agency style: surname in capitals


@pytest.mark.parametrize("sentence, name, kind, text", [
    ("Ozark Democrats won the seat on Tuesday.", "Ozark Democrats", "organization", "Ozark Democrats"),
    ("Dale Hollis took the seat on Tuesday.", "Dale Hollis", "person", "Dale Hollis"),
    ("Painting Fowler was a treat, the artist said.", "Painting Fowler", "thing", "Fowler"),
    ("Grant Tobias Lindqvist was held on Monday.", "Grant Tobias Lindqvist", "person", "Grant Tobias Lindqvist"),
    ("Norm Hicks spoke on Monday.", "Norm Hicks", "person", "Norm Hicks"),
    ("Deniz Can Aksoy spoke on Monday.", "Deniz Can Aksoy", "person", "Deniz Can Aksoy"),
    ("The striker Jonas Can scored twice.", "Jonas Can", "person", "Jonas Can"),
    ("Portraits of King Edmund I hung in the hall.", "King Edmund I", "person", "King Edmund I"),
    ("Portraits of Edmund I hung in the hall.", "Edmund I", "person", "Edmund I"),
    ("Nadia Brecht you should see was here.", "Nadia Brecht you", "person", "Nadia Brecht"),
    ("Penn State won again on Saturday.", "Penn State", "organization", "Penn State"),
])
def test_words_run_onto_a_name(nlp, sentence, name, kind, text):
    assert _run_on(nlp, sentence, name, "body") == (kind, text)


@pytest.mark.parametrize("sentence, name, text", [
    ("Painters You Should Know This Spring", "Painters You Should", "Painters"),
    ("Nadia Brecht You Should Meet Her Now", "Nadia Brecht You Should", "Nadia Brecht"),
    ("Portraits of King Edmund I Go on Show", "King Edmund I", "King Edmund I"),
    ("Why We Miss Nadia Brecht You", "Nadia Brecht You", "Nadia Brecht You"),
])
def test_closed_words_in_a_title_case_line(nlp, sentence, name, text):
    assert _run_on(nlp, sentence, name, "headline")[1] == text
    assert _run_on(nlp, sentence, name, "body")[1] == text  # a heading inside the body


def test_a_capitalised_closed_word_in_prose_is_left_alone(nlp):
    sentence = "we met Nadia Brecht You Should at the fair and she left early."
    assert _run_on(nlp, sentence, "Nadia Brecht You Should", "body")[1] == "Nadia Brecht You Should"


def _person_mention(nlp, sentence: str, name: str, role: str = "body"):
    """A 'person' mention of `name` in a paragraph of one sentence, as the entity stage holds it."""
    from types import SimpleNamespace

    doc = nlp(sentence)
    start = sentence.index(name)
    para = SimpleNamespace(doc=doc, offset=0, role=role, text=sentence)
    return SimpleNamespace(start=start, end=start + len(name), text=name, type="person", para=para,
                           first_token=doc.char_span(start, start + len(name)).start)


def _run_on(nlp, sentence: str, name: str, role: str) -> tuple[str, str]:
    from newsgraph.understand.name_use import cut_run_on_words

    mention = _person_mention(nlp, sentence, name, role)
    cut_run_on_words([mention])
    return mention.type, mention.text


@pytest.mark.parametrize("sentence, name, text", [
    ("She met Marta cry and left early.", "Marta cry", "Marta"),
    ("Lessons for Oren to Talia were booked.", "Oren to Talia", "Oren"),
    ("Villagers: Ada • Bram • Cole came by.", "Ada • Bram • Cole", "Ada"),
    ("Replied Stefan Olsen that it was late.", "Replied Stefan Olsen", "Stefan Olsen"),
    ("Greets Jasko at the door.", "Greets Jasko", "Jasko"),
    ("Veldt Veldt was the heading.", "Veldt Veldt", "Veldt"),
    ("A portrait of Joan of Arc hung there.", "Joan of Arc", "Joan of Arc"),
    ("Ines de la Vega spoke on Monday.", "Ines de la Vega", "Ines de la Vega"),
    ("Talia Ross-Nazzal and Jon O'Neil spoke.", "Talia Ross-Nazzal", "Talia Ross-Nazzal"),
    ("Reed Hastings spoke on Monday.", "Reed Hastings", "Reed Hastings"),
    ("Thomas M. Quill and Keith R. Voss spoke.", "Thomas M. Quill", "Thomas M. Quill"),
    ("Ada Quill Jr. spoke on Monday.", "Ada Quill Jr.", "Ada Quill Jr."),
    ("The envoy to Ukraine Marta Quill spoke.", "Ukraine Marta Quill", "Marta Quill"),
    ("The minister Israel Katz spoke.", "Israel Katz", "Israel Katz"),
    ("Wanted Posters went up downtown.", "Wanted Posters", "Wanted Posters"),
    ("Police chief Lee Ka-chiu spoke on Monday.", "Lee Ka-chiu", "Lee Ka-chiu"),  # a hyphenated name is one word
    ("The Tom Rask-backed bill passed.", "Tom Rask-backed", "Tom Rask"),  # not a word joined to it
    ("Tom Rask-era rules stayed.", "Tom Rask-era", "Tom Rask"),
])
def test_a_persons_name_ends_at_a_break(nlp, sentence, name, text):
    from newsgraph.understand.name_case import cut_name_breaks

    mention = _person_mention(nlp, sentence, name)
    cut_name_breaks(mention, {"Jasko"})
    assert mention.text == text


@pytest.mark.parametrize("sentence, name, text", [
    ("A film called The Legendary Ada Quill opened.", "Legendary Ada Quill", "Ada Quill"),
    ("Are Marta Quill and Oren Voss Together?", "Oren Voss Together", "Oren Voss"),
    ("The Beloved Tomas Reyes was remembered.", "Beloved Tomas Reyes", "Tomas Reyes"),
    ("The Late Tomas Reyes was remembered.", "Late Tomas Reyes", "Late Tomas Reyes"),  # 'Late' is a surname too
    ("Frank Ocean and Oren Voss Still spoke.", "Oren Voss Still", "Oren Voss Still"),
    ("A portrait of Catherine the Great hung there.", "Catherine the Great", "Catherine the Great"),
    ("Then Ada Quill-Legendary spoke.", "Ada Quill-Legendary", "Ada Quill-Legendary"),
    ("The Legendary Zamboni Brothers played.", "Legendary Zamboni Brothers", "Legendary Zamboni Brothers"),
])
def test_a_persons_name_holds_no_describing_word_at_its_edges(nlp, sentence, name, text):
    from newsgraph.understand.name_case import cut_describing_words

    mention = _person_mention(nlp, sentence, name)
    cut_describing_words(mention)
    assert mention.text == text


def test_a_describing_word_alone_is_no_person():
    paragraph = ("Oren Voss and Marta Quill married in May. Together have since opened a bakery, and Quill said "
                 "Together was the name on the door. Nina Kind said the bread was good.")
    found = people(paragraph)
    assert "Together" not in found and "Nina Kind" in found  # 'Kind' is a Census surname
    with rules.switched_off("describing_words"):
        assert "Together" in people(paragraph)


def test_a_place_and_its_people_are_no_persons_name():
    sentence = "Virginia Democrats won the seat on Tuesday, said Dale Hollis."
    assert entities(sentence).get("Virginia Democrats") != "person"
    with rules.switched_off("run_on_words"):
        assert entities(sentence).get("Virginia Democrats") in (None, "person")


@pytest.mark.parametrize("credit, name", [
    ("Talia Reyes. Bram Okonjo/Agency", "Bram Okonjo"),  # a caption's last sentence ran into the credit
    ("Bram Okonjo.", "Bram Okonjo"),
    ("Bram J. Okonjo via Wire", "Bram J. Okonjo"),
    ("Bram Okonjo Jr.", "Bram Okonjo Jr."),
    ("Dr. Bram Okonjo", "Dr. Bram Okonjo"),
    ("© 2024 Orlan Media. All Rights Reserved.", "© 2024 Orlan Media"),  # a copyright notice, no sentence of a name
])
def test_the_name_a_credit_opens_with(credit, name):
    from newsgraph.understand.entities import credit_name

    assert credit_name(credit) == name


def test_an_agency_style_credit_names_its_photographer():
    text = ("Harbour news of the week\n\nLena Okafor opened the new fish market on Monday.\n\n"
            "(Photo: Jon TARLOW / AFP)\n\nOkafor said the market would stay open all winter.\n")
    found = {e.name: e.roles for e in newsgraph.extract(text, kind="text").entities}
    assert found.get("Jon TARLOW") == ["photographer"]


SHOP = ("Shoppers lined up before dawn for the Hallbeck sale, said Dana Wills.",
        "The boots are on sale at Hallbeck until Sunday, and Hallbeck raised its prices on coats.",
        "Hallbeck opened a new floor downtown, and Hallbeck shoppers cheered.")


def test_a_name_used_like_a_shops_is_an_organisation():
    assert entities(*SHOP)["Hallbeck"] == "organization" and "Dana Wills" in people(*SHOP)
    with rules.switched_off("business_use", "its_owners"):  # 'Hallbeck raised its prices' is both families'
        assert entities(*SHOP)["Hallbeck"] == "person"


@pytest.mark.parametrize("sentence, name, business", [
    ("Crowds came for the Larkmoor sale on Friday.", "Larkmoor", True),
    ("The coat is on sale at Larkmoor this week.", "Larkmoor", True),
    ("Larkmoor raised its prices in March.", "Larkmoor", True),
    ("The retailer Larkmoor closed two stores.", "Larkmoor", True),
    ("She wore the Larkmoor Cozy Knit Short Pajamas all week.", "Larkmoor", True),
    ("Larkmoor's car broke down.", "Larkmoor", False),
    ("Reporters laughed at Tobias Lindqvist on Monday.", "Tobias Lindqvist", False),
    ("The store Lindqvist opened is small.", "Lindqvist", False),
    ("Lindqvist raised his glass.", "Lindqvist", False),
])
def test_a_use_of_a_business_name(nlp, sentence, name, business):
    from newsgraph.understand.name_use import _business_use

    assert _business_use(_span(nlp, sentence, name)) is business


@pytest.mark.parametrize("word, elided", [("Rovin", True), ("Hikin", True), ("Gettin", True), ("Robin", False),
                                           ("Kevin", False), ("Tallin", False)])
def test_a_verb_with_its_g_dropped_is_no_persons_name(word, elided):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsgraph.understand.name_use import elided_verb

    doc = Doc(Vocab(), words=["sang", word, "’", "Down", "Here"], spaces=[True, False, True, True, False])
    assert elided_verb(doc, 2) is elided
    assert not elided_verb(Doc(Vocab(), words=["sang", word, "’"], spaces=[True, True, False]), 2)
    with rules.switched_off("elided_words"):
        assert not elided_verb(doc, 2)


def test_disease_names_from_the_disease_ontology():
    from newsgraph.understand.name_evidence import disease_name

    assert disease_name("COVID-19") and disease_name("Covid") and disease_name("Ebola") and disease_name("Measles")
    assert not disease_name("Newcastle") and not disease_name("Carrion") and not disease_name("Lena Okafor")


def test_a_lone_word_after_bin_is_another_person():
    text = ("Gulf news\n\nCrown Prince Tariq bin Hamdan met the envoys on Monday. Hamdan, the old king, stayed at "
            "the palace. Later Hamdan spoke to the press.\n")
    found = {e.name: len(e.mentions) for e in newsgraph.extract(text, kind="text").entities if e.type == "person"}
    assert found.get("Tariq bin Hamdan") == 1 and found.get("Hamdan") == 2
    with rules.switched_off("patronymics"):
        found = {e.name for e in newsgraph.extract(text, kind="text").entities if e.type == "person"}
        assert "Hamdan" not in found


def test_a_persons_name_typed_a_body_loses_the_place_before_it():
    paragraphs = ("On Monday the former envoy to the Ukraine Wanda Kessler testified before a House panel.",
                  "Kessler said little.")
    found = people(*paragraphs, headline="Envoy questioned")
    assert "Wanda Kessler" in found and "Ukraine Wanda Kessler" not in found
    with rules.switched_off("name_breaks"):
        assert "Ukraine Wanda Kessler" in people(*paragraphs, headline="Envoy questioned")
