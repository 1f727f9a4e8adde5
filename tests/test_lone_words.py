"""One-word 'people' that are none: a company the model typed a person as often as an organisation (`tied_firms`),
a role in a list of names (`role_words`), a month before a day (`month_days`) and the number word of a name found
again in every count (`repeat_numbers`). Sentences of our own; each family switched off gives the old reading
back."""

from __future__ import annotations

import pytest

from types import SimpleNamespace

import newsgraph
from newsgraph.understand import rules
from newsgraph.understand.entity_types import _addressed
from newsgraph.understand.name_use import role_phrase, role_word
from newsgraph.understand.parse import load_model


def _entities(text: str, *off: str) -> list[tuple[str, str, int]]:
    with rules.switched_off(*off):
        article = newsgraph.extract(text, kind="text")
    return sorted((e.type, e.name, len(e.mentions)) for e in article.entities)


@pytest.mark.parametrize("body", [
    "Could customers use Cloudvane to manage mixed clouds? Shares of Cloudvane rose five per cent.",
    "Customers could use Cloudvane to manage clouds. In May, Cloudvane signed an agreement to be bought by Orlan.",
])
def test_a_name_typed_a_person_and_a_firm_equally_often_is_a_firm(body):
    text = f"Storage deal\n\n{body}\n"
    assert ("organization", "Cloudvane", 2) in _entities(text)
    assert ("person", "Cloudvane", 1) in _entities(text, "tied_firms")


def test_a_tie_leaves_a_person_named_in_full_a_person():
    text = ("Storage deal\n\nMira Cloudvane runs the storage team. Could customers use Cloudvane to manage mixed "
            "clouds? Shares of Cloudvane rose five per cent.\n")
    assert not any(kind == "organization" and name == "Cloudvane" for kind, name, _ in _entities(text))


@pytest.mark.parametrize("name, body", [
    # a title
    ("Halvorsen", "President Halvorsen's legal team met on Monday. A Halvorsen adviser said it was unfair."),
    # an organisation only as a modifier
    ("Halvorsen", "Could voters trust Halvorsen to manage the budget? He was part of the Halvorsen campaign."),
    # a given name
    ("Paul", "Could customers use Paul to manage mixed clouds? Shares of Paul rose five per cent."),
])
def test_a_tie_of_a_titled_name_a_modifier_or_a_given_name_stays(name, body):
    text = f"Court week\n\n{body}\n"
    assert _entities(text) == _entities(text, "tied_firms")
    assert ("person", name, 1) in _entities(text)


@pytest.mark.parametrize("sentence, addressed", [
    ("Calls for Mr Halvorsen's resignation grew.", True),
    ("The guide on our raft, Halvorsen, told us to hold on.", True),
    ("Shares of Halvorsen rose five per cent.", False),
    ("In May, Halvorsen signed the deal.", False),
])
def test_an_honorific_or_a_noun_and_a_comma_before_a_name_address_a_person(sentence, addressed):
    doc = load_model()(sentence)
    start = sentence.index("Halvorsen")
    mention = SimpleNamespace(start=start, end=start + len("Halvorsen"), para=SimpleNamespace(doc=doc, offset=0))
    assert _addressed(mention) is addressed


def test_a_role_between_a_name_and_a_firm_is_no_person():
    text = ("Speakers announced\n\nThe panel includes Ada Quill, Founder, Brightwave; Tom Marsh, Founder, Loopline; "
            "and Jo Kent, Chairman, Quarry Labs.\n")
    assert not any(name == "Founder" for _, name, _ in _entities(text))
    assert ("person", "Founder", 2) in _entities(text, "role_words")


@pytest.mark.parametrize("word, role", [("Founder", True), ("Consultant", True), ("Chairman", True),
                                        ("Judge", False), ("Major", False), ("King", False), ("Bishop", False)])
def test_a_role_word_is_no_census_name(word, role):
    assert role_word(word) is role


@pytest.mark.parametrize("name, role", [("Bronze Sponsor", True), ("Technology Consultant", True),
                                        ("Ice Cube", False), ("Major Tom", False), ("Ada Founder", False)])
def test_a_role_phrase_is_common_words_ending_with_a_noun_of_people(name, role):
    assert role_phrase(name.split()) is role


def test_a_sponsors_rank_is_no_person():
    text = ("Expo sponsors\n\nThe organisers said today that Kintora has been named \"Bronze Sponsor\" of the cloud "
            "show, which opens in June.\n")
    assert not any(name == "Bronze Sponsor" for _, name, _ in _entities(text))
    assert ("person", "Bronze Sponsor", 1) in _entities(text, "role_words")


def test_a_month_before_a_day_is_no_person():
    text = ("Audio archive\n\nNew storage chief sets out his plan Mar 15, 2015 by Gigaom audio. Why banks move to the "
            "cloud Mar 14, 2015 by Gigaom audio. Smart homes and speakers Mar 13, 2015 by Gigaom audio.\n")
    assert not any(name == "Mar" for _, name, _ in _entities(text))
    assert ("person", "Mar", 3) in _entities(text, "month_days")


def test_a_number_word_ending_a_name_finds_no_repeats():
    text = ("Ring results\n\nWrestler Johnny Three won the title on Saturday. Three critics disagreed, and Three fans "
            "left early.\n")
    assert ("person", "Johnny Three", 1) in _entities(text)
    assert ("person", "Johnny Three", 3) in _entities(text, "repeat_numbers")
