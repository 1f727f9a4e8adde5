"""The coref stage's choice of a person for "he" and "she": the sex a given name or a title tells
(`name_sex`), and the article's most-named person over one named in passing (`salience`); with
`benchmarks/pronouns.py`'s scoring, on made-up articles."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph.pipeline import STAGES, Stage
from newsgraph.understand import rules
from newsgraph.understand.context import MENTIONS
from newsgraph.understand.name_evidence import given_name_sex
from script_modules import load_script

ROOT = Path(__file__).resolve().parents[1]


def _pronouns(text: str) -> list[tuple[str, str]]:
    """(pronoun, the name of the person it was resolved to) in text order."""
    kept = {}

    def keep(doc):
        kept["mentions"] = doc.scratch[MENTIONS]
        return doc

    article = newsgraph.extract(text, stages=(*STAGES, Stage("keep", keep)))
    names = {e.id: e.name for e in article.entities}
    return [(m.text, names.get(m.entity)) for m in kept["mentions"] if m.kind == "pronoun"]


@pytest.mark.parametrize(("name", "sex"), [
    ("Kristin Wilkins", "female"), ("Kevin Allton", "male"), ("Mary Ostrow", "female"),
    ("Jordan Reyes", None),  # a given name of either sex
    ("Allton", None),  # one word may be a surname
    ("Tavi Orlan", None),  # not on the Census lists
])
def test_given_name_sex(name, sex):
    assert given_name_sex(name) == sex


def test_a_given_name_keeps_she_off_a_man():
    text = ("Harbour plan approved\n\nKevin Marsh introduced Kristin Vale at the council meeting on Monday. "
            "She said the harbour plan would go ahead in the spring.\n")
    assert _pronouns(text) == [("She", "Kristin Vale")]
    with rules.switched_off("name_sex"):
        assert _pronouns(text) == [("She", "Kevin Marsh")]


def test_a_gendered_title_keeps_she_off_a_prince():
    text = ("Royal visit\n\nPrince Tavi Orlan greeted Jo Ferris at the gate of the museum. "
            "She said the visit had gone well.\n")
    assert _pronouns(text) == [("She", "Jo Ferris")]
    with rules.switched_off("name_sex"):
        assert _pronouns(text) == [("She", "Tavi Orlan")]


def test_the_most_named_person_outweighs_a_name_in_passing():
    text = ("Boatyard to close\n\nTomas Brandt built wooden boats for forty years. Brandt sold his first boat in "
            "1975. The yard grew quickly in the eighties. Customers came from the city.\n\n"
            "Under the care of Dr. Marco Ruiz, he recovered within a month. He was 70.\n")
    assert _pronouns(text)[-2:] == [("he", "Tomas Brandt"), ("He", "Tomas Brandt")]
    article = newsgraph.extract(text)
    assert [(c.subject, c.value) for c in article.claims if c.property == "age"] == [("Tomas Brandt", "70")]
    with rules.switched_off("salience"):
        assert _pronouns(text)[-2:] == [("he", "Marco Ruiz"), ("He", "Marco Ruiz")]


def _mention(start, end, text, entity, kind="NAM", gum_type="person"):
    return {"start": start, "end": end, "text": text, "entity": entity, "syntactic_type": kind, "gum_type": gum_type}


def test_the_benchmark_scores_a_pronoun_by_its_gold_chain():
    bench = load_script(ROOT / "benchmarks" / "pronouns.py")
    gold = {"entity_mentions": [
        _mention(0, 8, "Ada Lind", "1"), _mention(20, 23, "Bo Ek", "2"),
        _mention(30, 33, "she", "1", "PRO"), _mention(40, 42, "he", "2", "PRO"),
        _mention(50, 53, "her", "3", "PRO"),  # no name before it: not scored
        _mention(60, 63, "his", "2", "PRO", "object"),  # GUM says no person: not scored
    ]}
    pronouns, chain_of = bench.gold_pronouns(gold)
    assert [m["text"] for m in pronouns] == ["she", "he"]
    # an entity holding both people's names belongs to the one it names most
    assert bench.chain_of_entity([(0, 8), (1, 4), (20, 23)], chain_of) == "1"
    assert bench.chain_of_entity([(70, 75)], chain_of) is None


ORCHARD = """Orchard sale approved

Marian Amberley told the valley board on Monday that she would sell the north field.

Amberley said she had tried to keep the field for her children. She told the board that costs had doubled.
"""


def _as_the_model_typed_it(kind: str, name: str = "Amberley"):
    """The entities stage, then the orchard owner (or another `name`) typed as the model sometimes types a person:
    `kind`."""
    from newsgraph.pipeline import replace_stage
    from newsgraph.understand.context import mentions
    from newsgraph.understand.entities import extract_entities

    def entities(doc):
        doc = extract_entities(doc)
        for entity in doc.article.entities:
            if name in entity.name:
                entity.type = kind
        for m in mentions(doc):
            if name in m.text:
                m.type = kind
        return doc

    return replace_stage(STAGES, "entities", entities)


@pytest.mark.parametrize("off", [False, True])
def test_a_name_typed_an_organisation_that_she_keeps_meaning_is_a_person(off):
    with rules.switched_off(*(["pronoun_people"] if off else [])):
        article = newsgraph.extract(ORCHARD, stages=_as_the_model_typed_it("organization"))
    kinds = {e.type for e in article.entities if "Amberley" in e.name}
    assert kinds == ({"organization"} if off else {"person"})
    if not off:
        assert [q.speaker_name for q in article.quotes if q.speaker_name][:1] == ["Marian Amberley"]


CLUB = """Cup run goes on

Harlan have won six games in a row. Harlan lost to Tolvane last year, but he said the squad was stronger now.

Harlan said he would not change the side. He told reporters the final was the aim.
"""


def test_a_team_the_article_writes_in_the_plural_stays_a_team_whatever_he_seems_to_mean():
    """A club named like a person ('Harlan') that 'he' seems to mean twice, but which 'Harlan have won' says is a
    team (`plural_agreement`), is not made a person by `pronoun_people`."""
    article = newsgraph.extract(CLUB, stages=_as_the_model_typed_it("organization", "Harlan"))
    assert {e.type for e in article.entities if e.name == "Harlan"} == {"organization"}
    with rules.switched_off("plural_agreement"):
        article = newsgraph.extract(CLUB, stages=_as_the_model_typed_it("organization", "Harlan"))
    assert {e.type for e in article.entities if e.name == "Harlan"} == {"person"}


def test_a_place_or_a_company_stays_what_it_is():
    from newsgraph.model import Entity, Span
    from newsgraph.understand.coref import _person_shaped

    def entity(i, name, kind, times=2):
        return Entity(id=f"e{i}", type=kind, name=name, aliases=[],
                      mentions=[Span(start=k * 40, end=k * 40 + len(name), text=name) for k in range(times)])

    found = {e.id: e for e in (entity(1, "Tyler", "place"), entity(2, "Dick Orlan Productions", "organization"),
                               entity(3, "Florida State", "organization"), entity(4, "DEA", "organization"),
                               entity(5, "Rachel Rook", "organization"), entity(6, "Rook", "organization"),
                               entity(7, "Marcy Fenwick Arrogance", "organization", times=1))}
    assert _person_shaped(found) == {"e5", "e6"}


def _nominals(content, **kwargs) -> list[tuple[str, str]]:
    """(description, the name of the organisation it was resolved to) in text order."""
    kept = {}

    def keep(doc):
        kept["mentions"] = doc.scratch[MENTIONS]
        return doc

    article = newsgraph.extract(content, stages=(*STAGES, Stage("keep", keep)), **kwargs)
    names = {e.id: e.name for e in article.entities}
    return [(m.text, names.get(m.entity)) for m in kept["mentions"] if m.kind == "nominal"]


def test_the_company_is_never_the_publisher_of_the_page():
    body = ("<p>Staff at Orlan Company, the tile maker, voted to strike on Monday.</p>"
            "<p>The company said that talks would resume next week.</p>")
    page = ("<html><head><title>Tile makers strike</title><meta property='og:site_name' content='{site}'></head>"
            "<body><article><h1>Tile makers strike</h1>{body}</article></body></html>")
    assert ("The company", "Orlan Company") in _nominals(page.format(site="Harbour Weekly", body=body), kind="html")
    assert ("The company", "Orlan Company") not in _nominals(page.format(site="Orlan Company", body=body),
                                                              kind="html")


def test_a_description_refers_back_to_an_organisation_named_before():
    text = ("Harbour firm under review\n\nThe state attorney general is looking into Orlan Works after layoffs. The "
            "company confirmed that it had been contacted.\n\nThe founder can still name directors, according to a "
            "new Bright Company report.\n")
    assert ("The company", "Bright Company") not in _nominals(text)
    with rules.switched_off("named_before"):
        assert ("The company", "Bright Company") in _nominals(text)
    later = "Orlan Company staff walked out on Monday.\n\nThe company said talks would resume.\n"
    assert ("The company", "Orlan Company") in _nominals("Tile makers strike\n\n" + later)
    beat = "Harbour fire\n\nThe police said the fire began after midnight.\n\nOrlan Police thanked residents.\n"
    assert ("The police", "Orlan Police") in _nominals(beat)  # the town's force, named before or after


def test_the_spokesman_is_the_person_who_holds_the_title_before_a_body_named_since():
    text = ("Merger talks\n\nOrlan Works spokesman Ada Quill said the talks had ended. Brimsby Holdings made no "
            "comment. \"We walked away,\" the spokesman said.\n")
    article = newsgraph.extract(text, kind="text")
    names = {e.id: e.name for e in article.entities}
    assert [names.get(q.speaker) for q in article.quotes if "walked" in q.text] == ["Ada Quill"]


@pytest.mark.parametrize(("name", "family"), [
    ("Joris Van Der Meer", "Van Der Meer"), ("Lucia de la Vega", "de la Vega"), ("Ada Marsh", "Marsh"),
    ("Van Osgood", "Osgood"),  # a given name, not a particle, opens the name
    ("Van Der Meer", "Van Der Meer"), ("De Vries", "De Vries"),  # named alone by the family name
    ("Madonna", "Madonna"),
])
def test_family_name_keeps_its_particles(name, family):
    from newsgraph.understand.name_case import family_name

    assert family_name(name) == family


def test_a_kin_phrase_is_named_after_the_whole_family_name():
    text = ("Harbour skipper retires\n\nBy Lena Okafor\n\nJoris Van Der Meer sailed the ferry for forty years. "
            "His wife said he would miss the sea more than she would.\n")
    article = newsgraph.extract(text)
    assert "Van Der Meer's wife" in {e.name for e in article.entities}, [e.name for e in article.entities]


def test_a_name_in_apposition_to_a_wife_is_a_woman_whom_his_does_not_mean():
    text = ("Actor stays home\n\nThe actor Joris Meer left the dance show on Monday. Meer said that his wife, "
            "Kimberly, had been unwell for weeks.\nKimberly rested at home over the weekend.\n"
            '"His sister came to help," a friend said. His sister said she would stay for a month.\n')
    people = {e.name for e in newsgraph.extract(text).entities if e.type == "person"}
    assert "Meer's sister" in people and "Kimberly's sister" not in people, people
    with rules.switched_off("kin_appositions"):
        assert "Kimberly's sister" in {e.name for e in newsgraph.extract(text).entities}


def test_a_family_name_with_its_particles_is_the_person_named_in_full():
    text = ("Film star speaks\n\nThe actor Robert De Niro spoke on Monday. De Niro said the film would open in May. "
            "Later, Maria de la Cruz, a producer, agreed. De la Cruz said the budget was set.\n")
    people = {e.name: e.aliases for e in newsgraph.extract(text).entities if e.type == "person"}
    assert people == {"Robert De Niro": ["De Niro"], "Maria de la Cruz": ["De la Cruz"]}, people
    with rules.switched_off("particle_surnames"):
        assert "De Niro" in {e.name for e in newsgraph.extract(text).entities}
