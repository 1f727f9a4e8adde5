"""People stored under a surname alone, joined later to the full name they turn out to be (`store/strays.py`).

Small invented articles (records built by hand, no spaCy) in a fresh store of each backend (conftest's `store`):
the same articles in either order give the same people.
"""

from __future__ import annotations

import json

from newsgraph.model import Article, Entity, Span


def person(id_: str, name: str, *aliases: str, type_: str = "person") -> Entity:
    return Entity(id=id_, type=type_, name=name, aliases=list(aliases), mentions=[Span(start=0, end=1, text="x")])


def org(id_: str, name: str) -> Entity:
    return person(id_, name, type_="organization")


def article(id_: str, *entities: Entity, body: str = "A story.") -> Article:
    return Article(id=id_, input_kind="text", text=body, paragraphs=[body], entities=list(entities),
                   published="2024-05-01", source=f"{id_}.txt")


def entity_of(store, article_id: str, local_id: str = "e1") -> int:
    return store.db.scalar("SELECT entity_id FROM mentions WHERE article_id = ? AND local_id = ?",
                           (article_id, local_id))


def people(store) -> list[list[str]]:
    """The stored people as sets of the articles that mention them (the partition, whatever the ids)."""
    rows = store.db.query("SELECT m.entity_id, m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id "
                          "WHERE e.type = 'person' ORDER BY m.article_id")
    out: dict[int, list[str]] = {}
    for row in rows:
        out.setdefault(row["entity_id"], []).append(row["article_id"])
    return sorted(out.values())


# 'Quill' at the harbour board with the ferry union; 'Ada Quill' first at a school, later at both
STRAY = article("s", person("e1", "Quill"), org("e2", "Harbour Board"), org("e3", "Ferry Union"))
FULL = article("f", person("e1", "Ada Quill"), org("e2", "Lenholm School"))
BOTH = article("g", person("e1", "Ada Quill"), org("e2", "Lenholm School"), org("e3", "Harbour Board"),
               org("e4", "Ferry Union"))


def test_a_surname_read_first_joins_the_full_name_it_would_have_joined_read_last(store):
    for one in (STRAY, FULL, BOTH):
        store.add_article(one)
    assert entity_of(store, "s") == entity_of(store, "f") == entity_of(store, "g")
    assert store.db.scalar("SELECT name FROM entities WHERE id = ?", (entity_of(store, "s"),)) == "Ada Quill"
    assert store.db.scalar("SELECT COUNT(*) FROM entities WHERE type = 'person'") == 1


def test_the_order_of_arrival_does_not_change_who_is_who(store_url):
    from newsgraph.store import open_store

    partitions = []
    for order in ((STRAY, FULL, BOTH), (FULL, BOTH, STRAY), (FULL, STRAY, BOTH)):
        with open_store(store_url) as store:
            for table in ("merges", "mentions", "entity_names", "entities", "articles"):
                store.db.execute(f"DELETE FROM {table}")
            store._forget()
            for one in order:
                store.add_article(one)
            partitions.append(people(store))
    assert partitions[0] == partitions[1] == partitions[2] == [["f", "g", "s"]]


def test_the_decision_is_kept_with_its_reasons(store):
    for one in (STRAY, FULL, BOTH):
        store.add_article(one)
    row = store.db.query("SELECT decision, score, reasons FROM merges WHERE article_id = 's' AND local_id = 'e1'")[0]
    assert (row["decision"], row["score"]) == ("merged", 3.0)
    assert json.loads(row["reasons"])[:2] == ["merged later, when Ada Quill was stored", "same surname"]
    names = {r["name"] for r in store.db.query("SELECT name FROM entity_names WHERE entity_id = ?",
                                               (entity_of(store, "g"),))}
    assert "Quill" in names  # the stray's names come along: a later lone 'Quill' finds her by it


def test_two_surname_articles_that_a_full_name_would_doubt_between_both_join_it(store):
    """Two 'Quill' articles with nothing in common are two strays; a full name that fits both joined neither
    (one or the other?); each is then decided on its own and both are hers."""
    store.add_article(STRAY)
    store.add_article(article("t", person("e1", "Quill"), org("e2", "Tide Office"), org("e3", "Pilot Guild")))
    store.add_article(article("g", person("e1", "Ada Quill"), org("e2", "Harbour Board"), org("e3", "Ferry Union"),
                              org("e4", "Tide Office"), org("e5", "Pilot Guild")))
    assert entity_of(store, "s") == entity_of(store, "t") == entity_of(store, "g")


def test_a_second_surname_article_joins_one_that_gained_its_context(store):
    """No full name anywhere: 'Quill' at the harbour board, 'Quill' at the tide office, then a 'Quill' at both
    (closer to the first) joins the first; now the first has the tide office too, and the second joins it."""
    store.add_article(article("s", person("e1", "Quill"), org("e2", "Harbour Board"), org("e3", "Ferry Union"),
                              org("e4", "Salt Bank")))
    store.add_article(article("t", person("e1", "Quill"), org("e2", "Tide Office"), org("e3", "Pilot Guild")))
    assert entity_of(store, "s") != entity_of(store, "t")
    store.add_article(article("u", person("e1", "Quill"), org("e2", "Harbour Board"), org("e3", "Ferry Union"),
                              org("e4", "Salt Bank"), org("e5", "Tide Office"), org("e6", "Pilot Guild")))
    assert entity_of(store, "s") == entity_of(store, "t") == entity_of(store, "u")


def test_a_stray_two_full_names_could_claim_stays(store):
    """'Ada Quill' and 'Ben Quill' both at the harbour board: the lone 'Quill' is either, so neither, however
    often either of them is back there."""
    for n, name in (("a", "Ada Quill"), ("b", "Ben Quill")):
        store.add_article(article(n, person("e1", name), org("e2", "Harbour Board"), org("e3", "Ferry Union")))
    store.add_article(STRAY)
    store.add_article(article("c", person("e1", "Ada Quill"), org("e2", "Harbour Board"), org("e3", "Ferry Union")))
    assert len({entity_of(store, "s"), entity_of(store, "a"), entity_of(store, "b")}) == 3
    assert entity_of(store, "c") == entity_of(store, "a")


def test_a_stray_beside_the_full_name_in_its_article_is_someone_else(store):
    """An article with 'Ada Quill', 'Ben Quill' and a 'Quill' that fits both (kept apart within the article):
    that 'Quill' never joins Ada later, however much context agrees."""
    store.add_article(article("s", person("e1", "Ada Quill"), person("e2", "Ben Quill"), person("e3", "Quill"),
                              org("e4", "Harbour Board"), org("e5", "Ferry Union")))
    store.add_article(article("g", person("e1", "Ada Quill"), org("e2", "Harbour Board"), org("e3", "Ferry Union")))
    assert entity_of(store, "s", "e3") not in (entity_of(store, "s", "e1"), entity_of(store, "s", "e2"))


def test_a_lone_given_name_never_joins(store):
    store.add_article(article("s", person("e1", "Ada"), org("e2", "Harbour Board"), org("e3", "Ferry Union")))
    store.add_article(FULL)
    store.add_article(BOTH)
    assert entity_of(store, "s") != entity_of(store, "g")


def test_a_split_stray_is_not_joined_again(store):
    """A correction split the lone 'Quill' from Ada: a later article that gives her the stray's context again
    does not undo it."""
    store.add_article(FULL)
    store.add_article(BOTH)
    store.add_article(STRAY)  # joins her as it arrives
    ada = entity_of(store, "g")
    assert entity_of(store, "s") == ada
    store.split(ada, "s", note="another Quill")
    store.add_article(article("h", person("e1", "Ada Quill"), org("e2", "Harbour Board"), org("e3", "Ferry Union"),
                              org("e4", "Lenholm School")))
    assert entity_of(store, "h") == ada != entity_of(store, "s")


def test_a_renamed_stray_stays_as_named(store):
    store.add_article(STRAY)
    store.rename(entity_of(store, "s"), "Captain Quill")
    store.add_article(FULL)
    store.add_article(BOTH)
    assert entity_of(store, "s") != entity_of(store, "g")


def test_relinking_gives_the_same_people(store):
    for one in (STRAY, FULL, BOTH):
        store.add_article(one)
    before = people(store)
    assert store.relink() == 3
    assert people(store) == before == [["f", "g", "s"]]
