"""Two invented reports of one flood that truly disagree: every disagreement is found, each with why.

tests/fixtures/kb_disagree: the same day, two sources give a different death toll for the flood in one
town, a different age and a different office for the mayor, and a different date for an attack by one
group. Each of the four must come out as a conflict (the conflict rules are strict, not blind).
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, write_facts_before_claim_events

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


def test_ages_compare_only_between_dated_articles():
    """An age is of a time: '92' said in one year and '95' in another are no disagreement when a date is missing."""
    from newsgraph.store.conflicts import comparable, disagree
    from newsgraph.understand.claim_values import claim_vocabulary

    vocab = claim_vocabulary()

    def claim(age: str, published: str | None) -> list[dict]:
        return [dict(property="age", value=age, normalized=age, published=published)]

    undated = {"a": claim("92", None), "b": claim("95", "2008-12-19")}
    assert not comparable(undated["a"], undated["b"], "age", vocab) and not disagree(undated, "age", vocab)
    dated = {"a": claim("52", "2025-11-16"), "b": claim("54", "2025-11-17")}
    assert disagree(dated, "age", vocab)
    assert not disagree({"a": claim("92", "2006-05-31"), "b": claim("95", "2008-12-19")}, "age", vocab)
    assert not disagree({"a": claim("35", "2005-06-25"), "b": claim("35", "2009-03-02")}, "age", vocab)  # restated


def _report(number: int, count: str, key: str | None, published: str = "2025-04-08",
            subject: str = "kill people Galway", prop: str = "count"):
    """A report of a death toll (in Galway), its claim tied to an event with this key (or to none)."""
    from newsgraph.model import Article, Claim, Event
    from newsgraph.store.conflicts import parse_event_key

    text = f"Report {number}: {count} people died in the Galway flood."
    events = [Event(id="ev1", type="death", key=parse_event_key(key))] if key else []
    claim = Claim(id="c1", subject=subject, property=prop, value=count, normalized=count, text=text,
                  start=0, end=len(text), event="ev1" if key else None)
    return Article(id=f"{number:016x}", source=f"r{number}.txt", input_kind="text", text=text, paragraphs=[text],
                   headline=f"Report {number}", published=published, events=events, claims=[claim])


def test_counts_compare_only_within_one_event(store):
    """A toll for another day's deaths, or one tied to no event, is no disagreement; one for the same event is,
    and it says which event."""
    store.add_article(_report(1, "14", "death|?|2025-04-07|galway"))
    store.add_article(_report(2, "9", "death|?|2025-04-20|galway"))  # another day: another event
    store.add_article(_report(3, "9", None))  # tied to no event
    assert store.conflicts() == []
    assert store.db.scalar("SELECT event_id FROM claims WHERE article_id = ?", (f"{1:016x}",)) == "ev1"
    assert store.db.scalar("SELECT key FROM events WHERE article_id = ?", (f"{1:016x}",)) == "death|?|2025-04-07|galway"
    store.add_article(_report(4, "9", "death|?|?|galway"))  # no date of its own: may be the 7th's, or the 20th's
    store.add_article(_report(5, "12", "death|?|2025-04-07|galway"))
    [conflict] = store.conflicts()
    assert sorted({c["article_id"] for c in conflict["claims"]}) == [f"{n:016x}" for n in (1, 2, 4, 5)]
    assert conflict["values"] == ["12", "14", "9"]
    assert conflict["why"].startswith("same event: death in galway on 2025-04-07 / 2025-04-20")
    assert conflict["shared"]["kind"] == "event" and "death|?|?|galway" in conflict["shared"]["keys"]


def test_a_count_without_its_place_compares_within_one_named_event(store):
    """'killed 1,200 people' names no place: it compares only with claims tied to one event whose key names who
    and which day, on both sides."""
    def toll(number: int, count: str, key: str):
        return _report(number, count, key, "2023-10-09", subject="kill people", prop="count_without_place")

    store.add_article(toll(1, "1200", "attack|hamas|2023-10-07|?"))
    store.add_article(toll(2, ">1000", "attack|hamas|2023-10-07|?"))  # agrees
    store.add_article(toll(3, "25000000", "death|?|?|?"))  # any death: not compared
    store.add_article(toll(4, "14", "attack|?|2023-10-07|?"))  # who attacked is unknown: not compared
    assert store.conflicts() == []
    store.add_article(toll(5, "1400", "attack|hamas|2023-10-07|?"))
    [conflict] = store.conflicts()
    assert conflict["values"] == ["1200", "1400", ">1000"]
    assert conflict["why"].startswith("same event: attack involving hamas on 2023-10-07")


def test_an_older_store_gets_its_claims_events(store_url, monkeypatch):
    """A store made before `claim_events` is filled from its records: claims find their events' keys."""
    from newsgraph.store import schema

    before = schema.MIGRATIONS[:[name for name, _ in schema.MIGRATIONS].index("claim_events")]
    monkeypatch.setattr(schema, "MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.store.MIGRATIONS", before)
    monkeypatch.setattr("newsgraph.store.facts._write_other_facts", write_facts_before_claim_events)
    with open_store(store_url) as old:
        for number, count in ((1, "14"), (2, "9")):
            old.add_article(_report(number, count, "death|?|2025-04-07|galway"))
    monkeypatch.undo()
    with open_store(store_url) as new:
        assert new.db.query("SELECT DISTINCT event_id FROM claims") == [{"event_id": "ev1"}]
        [conflict] = new.conflicts()
        assert conflict["values"] == ["14", "9"] and conflict["shared"]["keys"] == ["death|?|2025-04-07|galway"]


def test_when_two_claims_are_about_one_event():
    from newsgraph.store.conflicts import same_claimed_event
    from newsgraph.understand.claim_values import claim_vocabulary

    def same(key_a: str, key_b: str, prop: str = "count") -> bool:
        return same_claimed_event({"event_key": key_a, "property": prop}, {"event_key": key_b, "property": prop},
                                  claim_vocabulary())

    assert same("attack|?|2025-11-16|ofakim", "change|?|2025-11-15|ofakim")  # 'broke into': a supersense type
    assert not same("attack|?|2025-11-16|ofakim", "death|?|2025-11-16|ofakim")  # two named types
    assert not same("attack|?|2025-11-16|ofakim", "attack|?|2025-11-26|ofakim")  # ten days apart
    assert not same("attack|?|2025-11-16|ofakim", "attack|?|2025-11-16|sderot")
    assert same("attack|hamas|2025-11|ofakim", "attack|?|2025-11-16|?")  # unknown on one side
    assert not same("attack|hamas|?|?", "attack|harrow front|?|?")
    assert same("attack|hamas|2025-11-16|?", "attack|hamas|2025-11-26|?", "attack_date")  # the date is disputed
    assert same("payment|rachel edri|?|?", "hostage|rachel edri|?|?", "hostage_duration")  # the property's type
    assert not same("attack|?|?|?", None)  # a claim tied to no event
    trump = {"property": "correspondence_date", "subject_id": 7}  # one stored person, named two ways
    assert same_claimed_event({**trump, "event_key": "correspondence|donald trump|2019-07-25|?"},
                              {**trump, "event_key": "correspondence|trump|2019-07-25|?"}, claim_vocabulary())
