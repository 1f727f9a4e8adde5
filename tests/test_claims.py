"""Claims from short sentences of our own, the value helpers, and conflicts in the store."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.model import Article, Claim, Event
from newsgraph.store import open_store
from newsgraph.store.conflicts import agree, find_conflicts, parse_event_key
from newsgraph.understand.claim_values import compatible, duration_iso, parse_number, plural, split_qualifier

SENTENCES = [
    "Twelve gunmen stormed into Ashkelon before dawn on Saturday, police said.",
    "Police arrested more than 40 suspects in Haifa last week.",
    "Miriam Dahan, 41, was thanked by the mayor.",
    "The 63-year-old Yosef Harari retired in May after three decades on the force.",
    "Gideon Shamir, aged 58, said the unit had changed.",
    "Shira Katz turned 30 on the day of the ceremony.",
    "Rivka Levi was held hostage for 19 hours in her home.",
    "Avi Cohen, who was held captive for three days, was freed on Monday.",
    "Sergeant Major Eli Ben-David, a patrol officer, said the road was closed.",
    "He saw three terrorists in front of him. The team won 1-0 in the 84th minute.",
    "Inspector Tamar Gold was promoted to the rank of superintendent on September 18, 2025.",
    "Yaakov Mizrahi died in Ashkelon on Friday. He was 77.",
    "Firefighter Dov Adler rescued six neighbours from the building.",
    "Officer Ruth Amar carried the 10-year-old out of the house.",
]


@pytest.fixture(scope="module")
def claims():
    text = "Officers honoured in Haifa ceremony\n\n" + "\n".join(SENTENCES) + "\n"
    article = newsgraph.extract(text, kind="text", published="2025-10-01")
    return article


def triples(article) -> set[tuple[str, str, str]]:
    return {(c.subject, c.property, c.normalized) for c in article.claims}


@pytest.mark.parametrize("subject, prop, normalized", [
    ("attackers enter Ashkelon", "count", "12"),  # gunmen -> attackers, storm into -> enter, the place named
    ("arrest suspects Haifa", "count", ">40"),  # counted thing done to: verb first; 'more than' kept as >
    ("Miriam Dahan", "age", "41"),
    ("Yosef Harari", "age", "63"),
    ("Gideon Shamir", "age", "58"),
    ("Shira Katz", "age", "30"),
    ("Yaakov Mizrahi", "age", "77"),  # 'He was 77.'
    ("Rivka Levi", "hostage_duration", "PT19H"),
    ("Avi Cohen", "hostage_duration", "P3D"),  # through the relative pronoun; 'captive' -> hostage_duration
    ("Eli Ben-David", "rank", "sergeant major"),
    ("Tamar Gold", "rank", "inspector"),
    ("Dov Adler", "rescue neighbours", "6"),  # a person's own count: the person is the subject
])
def test_claims_read_from_sentences(claims, subject, prop, normalized):
    assert (subject, prop, normalized) in triples(claims)


def test_claims_keep_their_evidence(claims):
    for claim in claims.claims:
        assert claims.text[claim.start:claim.end] == claim.text
        assert claim.stage == "claims" and claim.id.startswith("c")
    dahan = next(c for c in claims.claims if c.subject == "Miriam Dahan" and c.property == "age")
    assert dahan.text.startswith("Miriam Dahan, 41,")
    assert dahan.subject_entity == next(e.id for e in claims.entities if e.name == "Miriam Dahan")


def test_what_is_not_a_claim(claims):
    subjects = {c.subject for c in claims.claims}
    assert not any("see" in s for s in subjects)  # 'saw three terrorists' says nothing about the attack
    assert not any(c.value == "1-0" or "win" in c.subject for c in claims.claims)  # a score is not a count
    assert not [c for c in claims.claims if c.subject == "Ruth Amar" and c.property == "age"]  # the boy's age


LABELLED = ("Season 9 of the cooking show will premiere in April, and 5G speeds are making me wait. She defeated Ines "
            "Vogel 7-6 (6) after the rally. The club sold 1,200 tickets.\nBoeing handed over the last 717 jet to the "
            "airline. The carrier bought four aircraft. Brandt praised two TV series. Twenty-seven states sued.")


def test_labels_and_measures_are_no_counts():
    """A number after its noun, glued to a unit or model letter or hyphen, in a score or a multiplier names or
    measures, and so does one above one before a noun left singular; a noun written the same for one and many is
    counted, in the writer's form; a number written in words with a hyphen is one number."""
    article = newsgraph.extract("Results of the week\n\n" + LABELLED + "\n", kind="text", published="2025-10-01")
    found = {(c.subject, c.normalized) for c in article.claims if c.property.startswith("count")}
    assert {("sell tickets", "1200"), ("buy aircraft", "4"), ("praise series", "2")} <= found  # not 'serieses'
    assert ("states sue", "27") in found
    assert not any(word in subject for subject, _ in found for word in ("vogel", "season", "speed", "jet"))


def test_event_dates_and_places(claims):
    if not claims.events:
        pytest.skip("the events stage produced no events")
    found = triples(claims)
    assert ("Tamar Gold", "promotion_date", "2025-09-18") in found
    assert ("Yaakov Mizrahi", "death_place", "ashkelon") in found


def test_a_party_to_an_event_is_not_its_place():
    text = ("Grain pact in doubt\n\nThe US signed the Comprehensive Nuclear Test Ban Treaty with Russia in 1996, the ministry "
            "said on Monday. The Paris agreement is a dead letter, said Dale Hollis. A studio struck a U.S. deal for "
            "the film. Hollis was arrested in Leeds on Tuesday. Nina Kay visited France on Monday.\n")
    found = {(c.subject, c.property, c.normalized) for c in newsgraph.extract(text, kind="text").claims
             if c.property.endswith("_place")}
    assert found == {("Dale Hollis", "arrest_place", "leeds"), ("Nina Kay", "transport_place", "france")}


def test_claims_link_their_event(claims):
    """A count links the event its verb triggers; an event's date claim links that event."""
    events = {e.id: e for e in claims.events}
    arrests = next(c for c in claims.claims if c.subject == "arrest suspects Haifa")
    assert arrests.event in events and events[arrests.event].type == "arrest"
    assert events[arrests.event].evidence.text == "arrested"
    promoted = next(c for c in claims.claims if c.property == "promotion_date")
    assert events[promoted.event].type == "promotion"
    assert all(c.event is None for c in claims.claims if c.property == "age")


@pytest.mark.parametrize("text, value", [
    ("15", 15), ("1,200", 1200), ("Fifteen", 15), ("twenty-five", 25), ("three hundred", 300),
    ("a dozen", 12), ("2.5 million", 2_500_000), ("1-0", None), ("24/7", None), ("several", None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, expected", [
    ("more than three hundred", ("more than", ">", "three hundred")), ("about 20", ("about", "~", "20")),
    ("at least 5", ("at least", ">=", "5")), ("15", ("", "", "15")),
])
def test_split_qualifier(text, expected):
    assert split_qualifier(text) == expected


@pytest.mark.parametrize("amount, unit, iso", [
    (19, "hours", "PT19H"), (3, "days", "P3D"), (2, "months", "P2M"), (90, "minutes", "PT90M"), (1, "car", None),
])
def test_duration_iso(amount, unit, iso):
    assert duration_iso(amount, unit) == iso


@pytest.mark.parametrize("noun, out", [("officer", "officers"), ("gunman", "gunmen"), ("city", "cities"),
                                       ("bus", "buses"), ("day", "days")])
def test_plural(noun, out):
    assert plural(noun) == out


@pytest.mark.parametrize("a, b, same", [
    ("15", "20", False), ("15", "15", True), ("~20", "19", True), ("~20", "15", False), (">=20", "25", True),
    (">20", "20", False), ("<10", "12", False), ("PT19H", "PT20H", False), ("P1D", "PT24H", True),
    ("~PT20H", "PT19H", True), ("2025-09", "2025-09-18", True), ("2025-09-18", "2025-09-21", False),
    ("2025", "2025-09-21", True), ("sergeant major", "Sergeant Major", True), ("officer", "inspector", False),
    ("2013-W10-WE", "2013-03-09", True), ("2013-W10-WE", "2013-03-06", False), ("2013-W10", "2013-03-04", True),
    ("2025-02", "2025-02-28", True), ("2025-12", "2026-01-01", False), ("PAST_REF", "2011-01-05", True),
    ("2024-SU", "2024-07-02", True),
])
def test_compatible(a, b, same):
    assert compatible(a, b) is same
    assert compatible(b, a) is same


def test_ages_compare_through_birth_years():
    def row(age, published):
        return {"normalized": age, "published": published}

    assert agree(row("52", "2023-05-01"), row("54", "2025-11-16"), "age", 0.1)  # two years on: both right
    assert not agree(row("52", "2025-09-19"), row("54", "2025-11-16"), "age", 0.1)
    assert not agree(row("52", None), row("54", None), "age", 0.1)  # undated: compared as they are


@pytest.mark.parametrize("a, b, same", [
    ("Bronx", "New York City", True), ("The Bronx", "New York", True), ("Houston", "Texas", True),
    ("Houston", "US", True), ("Texas", "United States", True), ("Leeds", "UK", True),
    ("Jersey City", "New York City", False), ("Queens", "Brooklyn", False), ("Houston", "Dallas", False),
    ("Lyon", "Germany", False), ("Nowhereville", "Texas", False), ("Washington", "Washington, D.C.", True),
    ("Moscow", "United States", False), ("Paris", "Texas", False), ("Beijing", "Chongming", False),
])
def test_a_place_inside_another_is_no_disagreement(a, b, same):
    from newsgraph.store.place_areas import inside

    def claim(value: str) -> dict:
        return {"property": "birth_place", "value": value, "normalized": value.lower(), "published": None}
    assert inside(a, b) is same and agree(claim(a), claim(b), None, 0.1) is same


def _article(number: int, claims: list[tuple], published: str, duplicate: bool = False) -> Article:
    """An article with claims (subject, property, value[, the key of the event it is about])."""
    text = " ".join(f"Sentence {i}." for i in range(len(claims))) or "Nothing."
    keys = {c[3] for c in claims if len(c) > 3}
    events = {key: Event(id=f"ev{i}", type=key.split("|")[0], key=parse_event_key(key)) for i, key in enumerate(keys)}
    return Article(id=f"{number:016x}", source=f"a{number}.txt", input_kind="text", text=text, published=published,
                   headline=f"Story {number}", paragraphs=[text], events=list(events.values()),
                   claims=[Claim(id=f"c{i}", subject=c[0], property=c[1], value=c[2], normalized=c[2], text="Sentence.",
                                 start=0, end=9, event=events[c[3]].id if len(c) > 3 else None)
                           for i, c in enumerate(claims, 1)])


def test_store_finds_conflicts_between_originals_only(tmp_path):
    store = open_store(str(tmp_path / "c.db"))
    attack, storm = "attack|?|?|ofakim", "storm|?|?|?"
    store.add_article(_article(1, [("attackers enter Ofakim", "count", "15", attack),
                                   ("ceremony", "rank", "sergeant")], "2025-11-16"))
    store.add_article(_article(2, [("Attackers enter  Ofakim", "count", "20", attack),
                                   ("storm", "count", "~30", storm)], "2025-11-14"))
    store.add_article(_article(3, [("storm", "count", "31", storm), ("ceremony", "rank", "major")], "2025-09-01"))
    store.add_article(_article(4, [("storm", "count", "50", storm)], "2025-11-16"), duplicate_of=f"{1:016x}")
    store.add_article(_article(5, [("attackers enter Ofakim", "count", "40", attack)], "2024-01-02"))  # another year
    conflicts = find_conflicts(store.db)
    assert [(c["key"], c["subject_id"], c["property"], c["values"]) for c in conflicts] == \
        [("attackers enter ofakim", None, "count", ["15", "20", "40"])]  # ranks apart in time; ~30 and 31 agree
    claim = conflicts[0]["claims"][0]
    assert {"value", "normalized", "article_id", "source", "site", "url", "headline", "text"} <= set(claim)
    assert conflicts[0]["why"].lower().startswith("same event: attack in ofakim (the event keys' type, participants, "
                                                  "date and place agree), 'attackers enter ofakim'")
    assert conflicts[0]["shared"]["keys"] == [attack] and claim["event"] == attack
    assert conflicts[0]["status"] == "open" and len(conflicts[0]["id"]) == 12
    assert store.conflicts() == conflicts
    store.close()


def test_only_the_same_fact_conflicts(tmp_path):
    """Titles held at once, counts without a place, and one event's figures years apart are not one fact."""
    store = open_store(str(tmp_path / "c.db"))
    store.add_article(_article(1, [("Mayor", "title", "mayor"), ("kill people", "count_without_place", "25000000"),
                                   ("Ana", "death_date", "2025-03-01"), ("Ana", "award_date", "2020-01-05")],
                               "2025-03-02"))
    store.add_article(_article(2, [("Mayor", "title", "senator"), ("kill people", "count_without_place", "14"),
                                   ("Ana", "death_date", "2025-03-02"), ("Ana", "award_date", "2023-06-01")],
                               "2025-09-30"))
    assert [(c["key"], c["property"]) for c in find_conflicts(store.db)] == [("ana", "death_date")]
    store.close()


def test_a_weekday_is_no_contradiction_within_a_week(tmp_path):
    """'Saturday's attack', in an article a week later, may be the Saturday of the statement it quotes."""
    store = open_store(str(tmp_path / "c.db"))
    first = _article(1, [("Ana", "death_date", "2023-10-07")], "2023-10-08")
    later = _article(2, [("Ana", "death_date", "2023-10-14")], "2023-10-15")
    later.claims[0].value = "Saturday"
    far = _article(3, [("Ana", "death_date", "2023-11-30")], "2023-12-01")
    for article in (first, later):
        store.add_article(article)
    assert find_conflicts(store.db) == []
    store.add_article(far)
    assert [c["values"] for c in find_conflicts(store.db)] == [["2023-10-07", "2023-10-14", "2023-11-30"]]
    store.close()


def test_an_age_read_off_a_description_yields_to_the_article():
    """'Ortiz, 35' by name, and 'the 29-year-old gang member' resolved to him: the description's reading goes; two
    descriptions that disagree with no age given by name both go; one that agrees stays."""
    from types import SimpleNamespace

    from newsgraph.understand.claims import ClaimExtractor

    def age(entity: str, value: str) -> Claim:
        return Claim(id="", subject=entity, subject_entity=entity, property="age", value=value, normalized=value,
                     text="", start=0, end=0)

    named, wrong, right, lone_a, lone_b = age("e1", "35"), age("e1", "29"), age("e1", "35"), age("e2", "40"), \
        age("e2", "41")
    reader = SimpleNamespace(claims=[named, wrong, right, lone_a, lone_b],
                             described_ages={id(wrong), id(right), id(lone_a), id(lone_b)})
    assert ClaimExtractor._unsure_ages(reader) == {id(wrong), id(lone_a), id(lone_b)}


def test_a_place_modifying_an_event_noun_is_no_place_claim():
    text = ("Suspect Held\n\nPolice said Farid Osmani was arrested in the Brookfield bombings last week. "
            "Mara Lind was arrested in Ardale on Monday.\n")
    found = {(c.subject, c.property, c.normalized) for c in newsgraph.extract(text, kind="text").claims
             if c.property.endswith("_place")}
    assert found == {("Mara Lind", "arrest_place", "ardale")}
