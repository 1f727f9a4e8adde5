"""An organisation's or a place's one-word name ending a longer proper name is no repeat of it (`repeat_tails`,
understand/entities.py), in sentences written for these tests."""

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
