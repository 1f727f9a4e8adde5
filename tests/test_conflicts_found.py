"""Two invented reports of one flood that truly disagree: every disagreement is found, each with why.

tests/fixtures/kb_disagree: the same day, two sources give a different death toll for the flood in one
town, a different age and a different office for the mayor, and a different date for an attack by one
group. Each of the four must come out as a conflict (the conflict rules are strict, not blind).
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from newsgraph.ingest import ingest
from newsgraph.store import open_store

FOUND = {("Galway", "count"), ("Orla Kettering", "age"), ("Orla Kettering", "title"), ("Harrow Front", "attack_date")}


@pytest.fixture(scope="module")
def conflicts(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("disagree") / "kb.db"))
    report = ingest(store, sorted(str(p) for p in (FIXTURES / "kb_disagree").glob("*.txt")))
    assert report.failed == 0, report.failures
    yield store.conflicts()
    store.close()


def _key(conflict: dict) -> tuple[str, str]:
    subject = "Galway" if conflict["subject"].endswith("Galway") else conflict["subject"]
    return subject, conflict["property"]


def test_every_true_disagreement_is_found(conflicts):
    assert {_key(c) for c in conflicts} == FOUND


def test_each_conflict_says_why_and_lists_both_sources(conflicts):
    values = {_key(c): sorted(c["values"]) for c in conflicts}
    assert values[("Galway", "count")] == ["14", "9"]
    assert values[("Orla Kettering", "title")] == ["deputy mayor", "mayor"]
    assert values[("Harrow Front", "attack_date")] == ["2025-03-03", "2025-03-05"]
    for conflict in conflicts:
        assert conflict["why"] and len({c["article_id"] for c in conflict["claims"]}) == 2


def test_one_place_under_two_names_agrees():
    from newsgraph.store.conflicts import agree

    row = dict(property="agreement_place", published="2019-11-20")
    assert agree(dict(row, value="US", normalized="us"), dict(row, value="United States", normalized="united states"),
                 "event", 0.1)
    assert not agree(dict(row, value="China", normalized="china"), dict(row, value="US", normalized="us"), "event", 0.1)
