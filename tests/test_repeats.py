"""Untagged repeats of names (understand/entities.py): an organisation's or a place's one-word name ending a longer
proper name is no repeat of it (`repeat_tails`), and a person's full name is one mention (`repeat_full_names`), in
sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.understand import rules
from newsgraph.understand.entities import Cluster, _tail_of_a_name


@pytest.fixture(scope="module")
def nlp():
    from newsgraph.understand.parse import load_model

    return load_model()


@pytest.mark.parametrize("sentence, word, kind, tail", [
    ("Many readers left Harbor Navigator for other browsers.", "Navigator", "organization", True),
    ("Many readers left Navigator for other browsers.", "Navigator", "organization", False),
    ("Navigator lost readers last year.", "Navigator", "organization", False),
    ("Many readers met Lena Okafor on Monday.", "Okafor", "person", False),
])
def test_a_name_ending_a_longer_proper_name(nlp, sentence, word, kind, tail):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    assert _tail_of_a_name(token, Cluster(kind, word)) is tail
    with rules.switched_off("repeat_tails"):
        assert _tail_of_a_name(token, Cluster(kind, word)) is False


YEARS = "Tomas Brandt said the ferry was late.\n\nEveryone remembers the Tomas Brandt years on the quay."


def mentions(text: str) -> dict[str, list[str]]:
    import newsgraph

    article = newsgraph.extract("Harbour news of the week\n\n" + text + "\n", kind="text")
    return {e.name: [m.text for m in e.mentions] for e in article.entities}


def test_an_untagged_repeat_of_a_full_name_is_one_mention():
    assert mentions(YEARS)["Tomas Brandt"] == ["Tomas Brandt", "Tomas Brandt"]
    with rules.switched_off("repeat_full_names"):
        assert mentions(YEARS)["Tomas Brandt"] == ["Tomas Brandt", "Tomas", "Brandt"]


def test_no_word_inside_a_longer_names_repeat_is_a_repeat_without_people():
    from newsgraph.pipeline import READERS, STAGES, Document
    from newsgraph.understand.entities import _find_repeats

    doc = READERS["text"].fn(Document(raw="Harbour news\n\nFans of Ardale State cheered on the quay.\n", kind="text"))
    for stage in STAGES:
        doc = stage.fn(doc)
        if stage.name == "parse":
            break
    team, place = Cluster("organization", "Ardale State"), Cluster("place", "Ardale")
    _find_repeats(doc, [], [team, place])
    assert [w for _, _, w in team.spans] == ["Ardale State"] and place.spans == []
