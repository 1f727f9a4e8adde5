"""Corrections on both databases: merge, split, rename, dismiss, confirm; kept after a further ingest and a re-link.

Articles are built by hand (no spaCy), so the linker's decisions are known: two people the linker keeps apart
(a nickname it does not know), one person in two articles that a reader knows are two people, and a planted
conflict.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.model import Article, Claim, Entity, Span
from newsgraph.store import open_store
from newsgraph.store.corrections import CorrectionError


def person(id_: str, name: str, *aliases: str, type_: str = "person") -> Entity:
    return Entity(id=id_, type=type_, name=name, aliases=list(aliases), mentions=[Span(start=0, end=4, text="Name")])


def article(id_: str, *entities: Entity, claims: tuple = (), published: str = "2025-03-02") -> Article:
    text = f"Story {id_} about the harbour."
    return Article(id=id_, input_kind="text", text=text, paragraphs=[text], entities=list(entities),
                   published=published, source=f"{id_}.txt", headline=f"Story {id_}",
                   claims=[Claim(id=f"c{i}", subject=s, subject_entity=e, property=p, value=v, normalized=v,
                                 text=text, start=0, end=len(text)) for i, (s, e, p, v) in enumerate(claims, 1)])


HARBOUR = person("e9", "Wrenfield Harbour Board", type_="organization")
FIRST = [
    article("a1", person("e1", "Bartholomew Quill", "Quill"), HARBOUR,
            claims=(("Bartholomew Quill", "e1", "age", "61"),)),
    article("a2", person("e1", "Tolly Quill"), HARBOUR, claims=(("Tolly Quill", "e1", "age", "58"),)),
    article("a3", person("e1", "Marta Ostrova", "Ostrova"), HARBOUR),
    article("a4", person("e1", "Marta Ostrova"), HARBOUR),
]
LATER = [article("a5", person("e1", "Tolly Quill"), HARBOUR), article("a6", person("e1", "Marta Ostrova"), HARBOUR)]


def entity_of(store, article_id: str, local_id: str = "e1") -> int:
    return store.db.scalar("SELECT entity_id FROM mentions WHERE article_id = ? AND local_id = ?",
                           (article_id, local_id))


def name_of(store, entity_id: int) -> str:
    return store.db.scalar("SELECT name FROM entities WHERE id = ?", (entity_id,))


@pytest.fixture
def kb(store):
    for a in FIRST:
        assert store.add_article(a) == "added"
    store.refresh_conflicts()
    assert entity_of(store, "a1") != entity_of(store, "a2")  # the linker does not know Tolly is Bartholomew
    assert entity_of(store, "a3") == entity_of(store, "a4")
    return store


def ingest_later(store) -> None:
    for a in LATER:
        store.add_article(a)
    store.refresh_conflicts()


def test_merge_sticks(kb):
    keep, other = entity_of(kb, "a1"), entity_of(kb, "a2")
    done = kb.merge(keep, other, note="Tolly is his nickname")
    assert (done["kind"], done["entity_id"], done["other_id"], done["note"]) == ("merge", keep, other,
                                                                                 "Tolly is his nickname")
    assert entity_of(kb, "a2") == keep and not kb.db.scalar("SELECT COUNT(*) FROM entities WHERE id = ?", (other,))
    assert kb.find_entities("Tolly Quill", "person") == [keep]  # names move with the mentions
    ingest_later(kb)
    assert entity_of(kb, "a5") == keep  # the linker learnt the name
    kb.relink()
    assert len({entity_of(kb, a) for a in ("a1", "a2", "a5")}) == 1


def test_split_sticks(kb):
    marta = entity_of(kb, "a3")
    done = kb.split(marta, "a4", note="a namesake: the a4 Marta is a student")
    new = done["other_id"]
    assert entity_of(kb, "a4") == new != entity_of(kb, "a3") == marta
    ingest_later(kb)
    assert entity_of(kb, "a4") != entity_of(kb, "a3")
    kb.relink()
    assert entity_of(kb, "a4") != entity_of(kb, "a3")  # a split pair is never merged again
    assert entity_of(kb, "a6") in (entity_of(kb, "a3"), entity_of(kb, "a4"))


def test_rename_sticks(kb):
    marta = entity_of(kb, "a3")
    kb.rename(marta, "Marta Ostrova-Lind", note="her full name")
    assert name_of(kb, marta) == "Marta Ostrova-Lind"
    ingest_later(kb)
    assert name_of(kb, entity_of(kb, "a6")) == "Marta Ostrova-Lind"
    kb.relink()
    assert name_of(kb, entity_of(kb, "a3")) == "Marta Ostrova-Lind"


def test_dismiss_and_confirm_stick(kb):
    kb.merge(entity_of(kb, "a1"), entity_of(kb, "a2"))
    [conflict] = kb.conflicts()
    assert (conflict["property"], conflict["status"], conflict["values"]) == ("age", "open", ["58", "61"])
    assert "same person" in conflict["why"] and "Bartholomew Quill" in conflict["why"]
    kb.confirm(conflict["id"], note="two ages, one person")
    assert kb.conflicts()[0]["status"] == "confirmed"
    kb.dismiss(conflict["id"], note="the 58 was his age last year")
    assert kb.conflicts() == [] and kb.conflicts(include_dismissed=True)[0]["note"] == "the 58 was his age last year"
    ingest_later(kb)
    kb.relink()
    assert kb.conflicts() == []
    assert [c["kind"] for c in kb.corrections()] == ["merge", "confirm", "dismiss"]


def test_corrections_refuse_what_cannot_be(kb):
    with pytest.raises(CorrectionError, match="no entity"):
        kb.merge(entity_of(kb, "a1"), 987654)
    with pytest.raises(CorrectionError, match="organisation"):
        kb.merge(entity_of(kb, "a1"), entity_of(kb, "a1", "e9"))
    with pytest.raises(CorrectionError, match="only"):
        kb.split(entity_of(kb, "a1"), "a1")
    with pytest.raises(CorrectionError, match="no conflict"):
        kb.dismiss("0123456789ab")
    assert kb.corrections() == []


def test_cli_corrections(kb, store_url):
    runner = CliRunner()
    keep, other = entity_of(kb, "a1"), entity_of(kb, "a2")
    kb.close()
    result = runner.invoke(main, ["correct", "merge", str(keep), str(other), "--db", store_url, "--note", "nickname"])
    assert result.exit_code == 0, result.output
    assert f"merged entity {other} into {keep}" in result.output
    conflicts = json.loads(runner.invoke(main, ["conflicts", "--db", store_url, "--format", "json"]).output)
    result = runner.invoke(main, ["correct", "dismiss", conflicts[0]["id"], "--db", store_url])
    assert result.exit_code == 0, result.output
    marta = json.loads(runner.invoke(main, ["person", "Marta Ostrova", "--db", store_url, "--format", "json"]).output)
    for argv in (["correct", "rename", str(marta["id"]), "M. Ostrova", "--db", store_url],
                 ["correct", "split", str(marta["id"]), "--article", "a4", "--db", store_url]):
        assert runner.invoke(main, argv).exit_code == 0
    listed = json.loads(runner.invoke(main, ["corrections", "--db", store_url, "--format", "json"]).output)
    assert [(c["kind"], c["note"]) for c in listed] == [("merge", "nickname"), ("dismiss", None), ("rename", None),
                                                        ("split", None)]
    assert all(c["at"] for c in listed)
    result = runner.invoke(main, ["correct", "merge", str(keep), "987654", "--db", store_url])
    assert result.exit_code == 1 and "no entity 987654" in result.output
    assert "correction 1 at" in runner.invoke(main, ["corrections", "--db", store_url]).output
    assert runner.invoke(main, ["relink", "--db", store_url]).exit_code == 0
