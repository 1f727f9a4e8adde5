"""The events stage: typed events with participants, date, place and attributes, on short made-up articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.pipeline import STAGES, replace_stage
from newsgraph.understand.event_rules import build_vocabulary, match_trigger, parse_path, vocabulary, walk
from newsgraph.understand.parse import load_model

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = "2025-06-12"  # a Thursday


def events_of(text: str, published: str | None = PUBLISHED, stages=STAGES) -> list[dict]:
    """Each event as {type, who (names), date, place, attributes}, names in place of entity ids."""
    article = newsgraph.extract(text, kind="text", published=published, stages=stages)
    names = {e.id: e.name for e in article.entities}
    return [{"type": e.type, "who": [names.get(p, p) for p in e.participants],
             "date": e.date.value if e.date else None, "date_text": e.date.text if e.date else None,
             "place": names.get(e.place, e.place), "attributes": e.attributes} for e in article.events]


def only(events: list[dict], kind: str) -> list[dict]:
    return [e for e in events if e["type"] == kind]


def named(events: list[dict], kind: str, name: str) -> dict:
    hits = [e for e in only(events, kind) if any(name in w for w in e["who"])]
    assert hits, (kind, name, events)
    return hits[0]


ROBBERY = """Baker killed in Harwick robbery

Ezra Malkin was killed by two gunmen outside his bakery in Harwick on Sunday, police said. Neighbours said the attackers fled on foot.

His cousin Dalia Stern died in hospital the next day.
"""


def test_killing_is_a_death_with_date_and_place():
    events = events_of(ROBBERY)
    killing = named(events, "death", "Ezra Malkin")
    assert killing["date"] == "2025-06-08" and killing["date_text"] == "Sunday"
    assert killing["place"] == "Harwick"
    assert named(events, "death", "Dalia Stern")["date"] == "2025-06-09"  # the day after that Sunday


def test_without_a_publication_date_the_weekday_stays_unresolved():
    killing = named(events_of(ROBBERY, published=None), "death", "Ezra Malkin")
    assert killing["date_text"] == "Sunday" and killing["date"] is None


def test_a_victim_named_later_in_the_sentence():
    text = """Cyclist dies on ring road

A lorry and a bicycle collided on the Velden ring road on Tuesday morning.

The cyclist who died was identified by police as Jorn Pettersen, a teacher from Aldby.
"""
    death = named(events_of(text), "death", "Jorn Pettersen")
    assert death["date"] == "2025-06-10" and death["attributes"]["date_inherited"] is True


def test_a_story_date_carries_to_past_events_only_and_never_from_the_future():
    text = """Quay strike spreads

Dock workers in Harwick walked out on Monday, the union said. Shipping agent Ivo Brandt was injured in a scuffle.

Port director Lena Okafor expects more arrests, and the strike is hurting exporters.

The port plans a new terminal next year. Harbourmaster Tomas Reyes was arrested at the gate.
"""
    events = events_of(text)
    assert named(events, "injury", "Ivo Brandt")["date"] == "2025-06-09"  # past: the story's Monday
    assert all(e["date"] is None for e in only(events, "arrest") if "Tomas Reyes" not in e["who"]), events
    assert named(events, "arrest", "Tomas Reyes")["date"] == "2025-06-09"  # not 'next year': no story day
    from newsgraph.understand import event_timing

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(event_timing, "FUTURE_NOT_STORY", False)
        assert named(events_of(text), "arrest", "Tomas Reyes")["date"] == "2026"


@pytest.mark.parametrize("sentence", ["Amazon sold the Roomba unit to Google on Monday.",
                                      "The sale of the Roomba unit to Google by Amazon closed on Monday."])
def test_a_sale_names_the_seller_and_the_buyer(sentence):
    sale = only(events_of("Tech deals\n\n" + sentence + "\n"), "acquisition")[0]
    names = sale["who"]
    assert names[:2] == ["Amazon", "Google"] and {"seller", "buyer"} <= set(sale["attributes"]), sale
    assert not only(events_of("Port vote\n\nVoters were sold on the idea of a new port.\n"), "acquisition")


def test_a_place_is_never_the_one_arrested():
    events = events_of("Harbour news\n\nPolice said London was arrested on Monday.\n")
    assert only(events, "arrest") and not any("London" in e["who"] for e in only(events, "arrest")), events


def test_a_trade_war_or_a_legal_battle_is_no_attack():
    figurative = events_of("Farm news\n\nThe trade war hurt Orlan farmers, and the co-op lost a legal battle.\n")
    assert not only(figurative, "attack"), figurative
    assert only(events_of("Border news\n\nThe war on the border killed 40 soldiers.\n"), "attack")


def test_a_report_takes_no_story_date_of_the_distant_past():
    text = "Harbour news\n\nThe quay flooded in 1950. Officials said the new wall would hold.\n"
    said = lambda: [e for e in events_of(text) if e["type"] == "communication"]  # noqa: E731
    assert said() and said()[0]["date"] is None
    from newsgraph.understand import event_timing

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(event_timing, "REPORTS_STAY_RECENT", False)
        assert said()[0]["date"] == "1950"


def test_a_point_compared_with_is_not_the_story_date():
    text = """Kessel results

Kessel Yards reported on Tuesday that profit rose to $5 million from $3 million a year earlier.

Harbourmaster Tomas Reyes was arrested at the gate.
"""
    assert named(events_of(text), "arrest", "Tomas Reyes")["date"] == "2025-06-10"  # Tuesday's, not 2024's


BORDER = """Border post attacked

Fighters of the Red Dawn Front attacked a border post near Velmora on 4 March 2024, the defence ministry said.

Sergeant Lena Torvik was wounded in the exchange of fire. Farmer Tomas Reyes was held hostage for 30 hours before troops freed him.
"""


def test_attack_injury_and_hostage():
    events = events_of(BORDER)
    attack = named(events, "attack", "Red Dawn Front")
    assert (attack["date"], attack["place"]) == ("2024-03-04", "Velmora")
    assert named(events, "injury", "Lena Torvik")["date"] == "2024-03-04"  # told in the attack's time
    hostage = named(events, "hostage", "Tomas Reyes")
    assert hostage["attributes"]["duration"] == "PT30H"
    assert hostage["date"] == "2024-03-04" and hostage["attributes"]["date_inherited"] is True


HONOURS = """Fire service honours its own

Firefighter Gideon Hale was promoted to the rank of station commander by Chief Officer Marta Quell in January 2025.

Hale's colleague Ruth Imber, who died in a warehouse blaze last year, was posthumously promoted to the rank of crew manager.

Nadia Brenner received the Civic Courage Award from Mayor Felix Amar on Monday.
"""


def test_promotion_with_rank_granted_by_and_posthumous():
    events = events_of(HONOURS)
    hale = named(events, "promotion", "Gideon Hale")
    assert hale["date"] == "2025-01"
    assert hale["attributes"]["rank"] == "station commander"
    assert hale["attributes"]["posthumous"] is False
    assert "Marta Quell" in hale["who"] and hale["who"][0] == "Gideon Hale"
    imber = named(events, "promotion", "Ruth Imber")
    assert imber["attributes"]["rank"] == "crew manager" and imber["attributes"]["posthumous"] is True
    assert imber["date"] is None  # after her death, but when is not told
    assert named(events, "death", "Ruth Imber")["date"] == "2024"


def test_award_with_granted_by():
    award = named(events_of(HONOURS), "award", "Nadia Brenner")
    assert award["date"] == "2025-06-09"
    assert award["attributes"]["award"] == "Civic Courage Award"
    assert "Felix Amar" in award["who"]


def test_a_definite_mention_adds_to_the_event_it_names():
    text = """Lifeguard promoted

Lifeguard Sara Okafor was promoted to the rank of senior lifeguard in May 2025. The honour, presented by beach manager Colm Daly, came after a summer of rescues.
"""
    events = events_of(text)
    assert len(only(events, "promotion")) == 1 and not only(events, "award")
    promotion = named(events, "promotion", "Sara Okafor")
    assert "Colm Daly" in promotion["who"] and promotion["date"] == "2025-05"


BUSINESS = """Board picks new chief

The board of Lindqvist Freight appointed Priya Natarajan as chief executive on Thursday, the company announced.

Police arrested Jonah Pike on Wednesday on suspicion of arson. In a March 2023 interview with the Valley Courier, Natarajan described the firm's plans.

The Fenwick Rowing Club held a memorial ceremony on Saturday. The Northfield Fire Department expressed condolences to the family.
"""


def test_appointment_arrest_interview_ceremony_statement():
    events = events_of(BUSINESS)
    appointment = named(events, "appointment", "Priya Natarajan")
    assert appointment["date"] == "2025-06-12" and appointment["attributes"]["position"] == "chief executive"
    arrest = named(events, "arrest", "Jonah Pike")
    assert arrest["date"] == "2025-06-11" and arrest["attributes"]["reason"] == "suspicion of arson"
    interview = named(events, "interview", "Natarajan")
    assert interview["date"] == "2023-03" and "Valley Courier" in interview["who"]
    ceremony = named(events, "ceremony", "Fenwick Rowing Club")
    assert ceremony["date"] == "2025-06-07"  # "held ... on Saturday": the ceremony's day
    statement = named(events, "statement", "Northfield Fire Department")
    assert statement["attributes"]["content"] == "condolences"


def test_statement_by_an_organisation():
    text = """Water warning lifted

The Brackwell Water Authority announced on Tuesday that tap water was safe to drink again.
"""
    statement = named(events_of(text), "statement", "Brackwell Water Authority")
    assert statement["date"] == "2025-06-10"


def test_negated_and_hypothetical_events_are_marked():
    text = """Quiet night in Arlen

No one was killed when a storm hit Arlen on Friday, officials said. Councillor Ivo Brandt was not arrested, his lawyer said. Harbourmaster Lise Ekdahl could have died, her crew said. Deputy Oren Malk may be arrested next week.

If Mara Quist is elected mayor, she will move to Arlen.
"""
    article = newsgraph.extract(text, kind="text", published=PUBLISHED)
    names = {e.id: e.name for e in article.entities}
    modality = {(e.type, names.get(e.participants[0]) if e.participants else None): e.modality
                for e in article.events if e.type in ("death", "arrest", "appointment")}
    assert modality[("arrest", "Ivo Brandt")] == "negated"
    assert modality[("death", "Lise Ekdahl")] == "hypothetical"
    assert modality[("arrest", "Oren Malk")] == "hypothetical"
    assert modality[("appointment", "Mara Quist")] == "hypothetical"
    assert all(m != "asserted" for m in modality.values()), modality


def test_planned_and_denied_events():
    text = """Shipyard changes hands in Dunmore

Port chairman Aldo Reyes will buy the Kessel shipyard next year, his office said.

Shipbuilder Mira Kessel denied selling the yard to Brannock Holdings, and Reyes refused to resign.
"""
    article = newsgraph.extract(text, kind="text", published=PUBLISHED)
    modality = {e.evidence.text: e.modality for e in article.events}
    assert modality["buy"] == "planned"
    assert modality["selling"] == "denied"
    assert modality["resign"] == "negated"


def test_words_that_only_sound_like_events():
    text = """Campaign trail

Senator Olga Brandt attacked her rival Petra Lund in a tweet on Monday. Brandt said she would promote it at every rally.

Mayor Oren Lasko attacked the budget plan of his deputy Tilda Varga.

The Kovanian government declared war on its neighbour.
"""
    events = events_of(text)
    attacks = [e for e in only(events, "attack") if e["who"]]  # the war declared is one, with no named party
    assert not attacks and not only(events, "promotion") and not only(events, "statement")


def test_a_bare_noun_is_an_event_when_it_heads_its_phrase():
    text = """Mill town waits

The bankruptcy left the valley quiet for a year. Then a design team from the coast rented the old hall.
"""
    events = events_of(text)
    assert [e["who"] for e in only(events, "bankruptcy")] == [[]]  # nobody named: kept for what it is
    assert not only(events, "production")  # "design" only says what kind of team


def test_pages_list_no_bare_event():
    from newsgraph.model import Event, EventDate, Span
    from newsgraph.understand.events import bare, is_named

    word = Span(start=4, end=15, text="bankruptcy")
    alone = Event(id="ev1", type="bankruptcy", evidence=word)
    told_then = Event(id="ev2", type="bankruptcy", evidence=word,
                      date=EventDate(text="Monday", value="2025-06-09", inherited=True))
    dated = Event(id="ev3", type="bankruptcy", evidence=word, date=EventDate(text="in May", value="2025-05"))
    placed = Event(id="ev4", type="bankruptcy", evidence=word, place="e2")
    someone = Event(id="ev5", type="bankruptcy", evidence=word, participants=["e1"])
    assert bare(alone) and bare(told_then) and not is_named(alone) and not is_named(told_then)
    assert all(is_named(e) and not bare(e) for e in (dated, placed, someone))


def test_now_is_no_date_a_story_is_told_at():
    text = """Harbour dispute

The council met on Monday to discuss the ferry. Fares are now higher than ever.

Police arrested Ada Quill outside the hall.
"""
    arrest = named(events_of(text), "arrest", "Ada Quill")
    assert (arrest["date"], arrest["date_text"]) == ("2025-06-09", "Monday")  # the story's date, not "now"


def test_an_interview_date_does_not_date_the_story_told_in_it():
    text = """A rescuer remembers

Diver Anton Vries pulled six people from the river on 2 February 2021. In a June 2024 interview with the Harwick Echo, he recalled the cold.

"I saw Mira Solberg go under," Vries said. "She was injured badly, but she lived."
"""
    events = events_of(text)
    assert named(events, "interview", "Anton Vries")["date"] == "2024-06"
    assert named(events, "injury", "Mira Solberg")["date"] == "2021-02-02"


def test_without_the_entities_stage_names_stand_in_for_ids():
    bare = replace_stage(replace_stage(STAGES, "entities", lambda d: d), "coref", lambda d: d)
    events = events_of(HONOURS, stages=bare)
    award = named(events, "award", "Nadia Brenner")
    assert "Felix Amar" in award["who"]


# --- the vocabulary is data ----------------------------------------------

def test_vocabulary_can_be_extended_without_code():
    data = json.loads((ROOT / "src/newsgraph/data/event_triggers.json").read_text(encoding="utf-8"))
    data["types"]["resignation"] = {"doc": "Someone resigned.", "core": ["resigned"], "triggers": [
        {"lemma": ["resign"], "pos": "VERB", "roles": [["nsubj", "resigned"]],
         "attributes": {"post": ["prep:as>pobj"]}}]}
    vocab = build_vocabulary(data)
    doc = load_model()("Mayor Ada Quist resigned as mayor on Friday.")
    verb = next(t for t in doc if t.lower_ == "resigned")
    trigger, kind = match_trigger(verb, vocab)
    assert kind == "resignation"
    assert [t.text for t in walk(verb, parse_path("prep:as>pobj"))] == ["mayor"]


def test_paths_climb_to_the_governing_verb():
    doc = load_model()("In an interview with the Echo, the coach praised his players.")
    interview = next(t for t in doc if t.lower_ == "interview")
    assert [t.text for t in walk(interview, parse_path("^verb>nsubj"))] == ["coach"]
    assert [t.text for t in walk(interview, parse_path("prep:with|to>pobj"))] == ["Echo"]


def test_every_event_type_is_documented():
    docs = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    for name, spec in vocabulary().types.items():
        assert f"`{name}`" in docs, name
    required = {"death", "attack", "injury", "hostage", "promotion", "award", "appointment", "interview",
                "statement", "arrest", "ceremony"}
    assert required <= set(vocabulary().types)


@pytest.mark.parametrize("path", ["nsubj", "prep:to>pobj:rank>prep:of>pobj", "^verb:hold|host>nsubj", "*:hostage", "^"])
def test_path_syntax_parses(path):
    assert parse_path(path)


def test_token_columns_are_the_arrays_spacy_gives():
    """context.column reads the common attributes together and keeps them on the Doc: the same values as one
    attribute read alone, for those and for others (POS, HEAD's signed offsets), and none for an empty text."""
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS

    from newsgraph.understand.context import column

    doc, empty = load_model()("Mayor Ada Quist of Harwick resigned on Friday, aides said."), load_model()("")
    for attr in (POS, HEAD, LOWER, LEMMA, ORTH, IDX, LENGTH, DEP, ENT_TYPE):
        assert column(doc, attr) == doc.to_array(attr).tolist()
        assert column(empty, attr) == []


@pytest.mark.parametrize("text, place", [
    # title case: the parser makes the first name the object of 'in' and the event noun its conjunct
    ("Farid Osmani Is Arrested in Brookfield and Vermont Bombings\n\nPolice said Farid Osmani had fled.\n", None),
    ("Farid Osmani Is Arrested in Boston and New Hampshire Shootings\n\nPolice said Farid Osmani had fled.\n", None),
    # title case: 'Brookfield Bombings' read as one place name, headed by the event noun
    ("Farid Osmani Arrested in Brookfield Bombings\n\nPolice said Farid Osmani had fled.\n", None),
    ("Police said Yusuf Demir was arrested in the Ardale attacks last week.\n", None),
    ("Police said Yusuf Demir was arrested in Ardale on Monday.\n", "Ardale"),
    ("Police said Lena Vogt was detained in Berlin and Hamburg on Monday.\n", "Berlin"),
])
def test_a_place_that_only_modifies_an_event_noun_is_not_the_events_place(text, place):
    arrests = only(events_of(text), "arrest")
    assert arrests and arrests[0]["place"] == place, arrests


@pytest.mark.parametrize("sentence, word, modifies", [
    ("She was hurt in a crash in County Down.", "Down", False),  # running text: no 'down' event noun
    ("She farmed in New South Wales for years.", "Wales", False),  # running text: a capital makes a name
    ("He was charged in a Texas case.", "case", True),
    ("He was arrested in the Paris attacks.", "attacks", True),
    ("He was arrested in Paris on Monday.", "Paris", False),
    ("She died in a Paris hospital.", "hospital", False),  # a hospital is a place: no event noun
    ("He Is Arrested in Boston and New Hampshire Shootings", "Boston", True),  # title case: Shootings, a conjunct
    ("He was killed in Gaza and the ensuing war.", "Gaza", False),  # two phrases: Gaza is where
])
def test_place_only_modifies(sentence, word, modifies):
    from newsgraph.understand.event_rules import place_only_modifies

    token = next(t for t in load_model()(sentence) if t.text == word)
    assert place_only_modifies(token, vocabulary()) is modifies


@pytest.mark.parametrize("text, kind, present", [
    ("The former mayor was tried for fraud in 2019 and acquitted.", "trial", True),
    ("Judge Ada Marsh, who tried the case, retired on Friday.", "trial", True),
    ("Fans tried to reach the stadium, and the coach said his team tried hard.", "trial", False),
    ("The harbour board conducted a survey of its members.", "extradition", False),
    ("The court ruled that Tomas Brandt could be extradited to Norway.", "extradition", True),
    ("Two fishermen were deported after the storm.", "extradition", True),
    ("The jury acquitted Tomas Brandt on Monday.", "acquittal", True),
    ("Her calm manner contributed to the success of the talks.", "payment", False),
    ("The bank lent the club two million pounds.", "payment", True),
    ("Voters respect the mayor, and she tolerates her critics.", "award", False),
    ("The city honored Ada Marsh with a medal.", "award", True),
    ("The test run of the ferry ended early.", "trial", False),
    ("The ferry went to Harwick on Monday.", "transport", True),
    ("The season started well, and when it comes to defence the team is strong.", "transport", False),
    ("Shares in the ferry company went up after the results.", "transport", False),
    ("Shares in the ferry company went up after the results.", "market_move", True),
    ("The council called it a disgrace.", "correspondence", False),
    ("Ada Marsh called the harbour master on Monday.", "correspondence", True),
    ("Tomas Brandt wrote a letter to the council.", "correspondence", True),
    ("Tomas Brandt wrote in his report that the pier was unsafe.", "correspondence", False),
    ("The inquiry concluded that the pier was unsafe.", "agreement", False),
    ("The harbour board launched a new ferry service in May.", "launch", True),
    ("The harbour board launched a new ferry service in May.", "founding", False),
    ("Workers will repair the pier next month.", "payment", False),
    ("Police shot Tomas Brandt outside the ferry terminal on Friday.", "death", True),
    ("Tomas Brandt was shot dead near the border.", "death", True),
    ("The guard, shooting 48 percent from three, led the team to a win.", "death", False),
    ("The photographer was shooting a wedding when the storm hit.", "death", False),
    ("The airline ordered thirty new jets from Orlan Aero.", "acquisition", True),
    ("The judge ordered an inquiry, and the mayor ordered staff to leave the pier.", "acquisition", False),
    ("Orlan Air's order of thirty jets was the largest.", "acquisition", True),
    ("The Orlan Council's executive order on ferries took effect.", "acquisition", False),
    ("The council spent four million pounds on the new pier.", "payment", True),
    ("Tomas Brandt spent the holidays at home and spent years at sea.", "payment", False),
    ("Mourners paid tribute to the skipper, and the crew paid attention.", "payment", False),
    ("The harbour board will pay the fishermen for their lost nets.", "payment", True),
    ("The pier's cost is a benefit to nobody, and the plan is tied up in court.", "payment", False),
    ("The yard built three ferries last year.", "production", True),
    ("As it turned out, excitement built, and the crew built on that success.", "production", False),
    ("Two deckhands developed symptoms, and the plan may generate complaints.", "production", False),
    ("Orlan Aero is developing a new seaplane.", "production", True),
    ("The lease expires in May, and a slow start should not kill interest in the ferry.", "death", False),
    ("The guard has size and shooting ability, and the crew cut down on fuel.", "death", False),
    ("The storm killed two sailors near Harwick.", "death", True),
    ("The two firms came to terms, the rule comes into effect in May, and the data came from a survey.", "transport",
     False),
    ("The team moved the ball to the 30-yard line, and Harvey picked up four yards.", "transport", False),
    ("Refugees came to the port in boats.", "transport", True),
    ("The guard's 3-point shooting will not surprise anyone, and the skipper had a heart attack.", "attack", False),
    ("Rebels attacked the convoy near the port.", "attack", True),
    ("Rebels launched an attack on the convoy.", "attack", True),
    ("Rebels launched an attack on the convoy.", "launch", False),
    ("The publication reported that divers unearthed a coin.", "launch", False),
    ("The two ferry firms agreed to a merger, and the council settled the lawsuit.", "agreement", True),
    ("Experts agree that the pier is unsafe, and the team settled for a draw.", "agreement", False),
    ("Two deckhands contracted the virus, and the skipper made a big deal of it.", "agreement", False),
    ("The mayor met the harbour board on Friday.", "meeting", True),
    ("The yard will meet demand by May, and the council approved the budget.", "meeting", False),
    ("The ferry firm added two routes, and its new app shows the timetable.", "statement", False),
    ("\"The pier is safe,\" added Ada Marsh, the harbour master.", "statement", True),
    ("The visitors rarely threatened, and the guard responded by scoring twice.", "statement", False),
    ("Mayor Ada Marsh threatened to close the pier.", "statement", True),
    ("The club posted a loss, proved its critics wrong and updated its Twitter account.", "statement", False),
    ("The harbour master Ada Marsh told reporters that the pier was unsafe.", "statement", True),
    ("Fishermen raised concerns about the pier, and the skipper raised a point at the meeting on prices.",
     "market_move", False),
    ("The ferry firm raised its prices by 5% in May.", "market_move", True),
    ("A lamp was mounted on the pier, and the guard raised his mark from three-point range.", "market_move", False),
    ("After the 30-0 loss, the coach spoke of the team's losses and a net of four yards.", "results", False),
    ("The ferry firm posted a loss of $12 million in the third quarter.", "results", True),
    ("The new plan is meant to end Orlan Air's losses by 2028.", "results", True),
    ("Harwick's loss to Brookfield ended their season.", "results", False),
    ("The skipper sold the crew short, and the guard sold himself as a leader.", "acquisition", False),
    ("Deckhands acquired new skills, and workers dumped the old nets.", "acquisition", False),
    ("Orlan Air acquired the Harwick ferry line for $40 million.", "acquisition", True),
    ("The ferry line charges $5 a crossing, and its boats charge overnight.", "charge", False),
    ("The mayor accused the harbour board of wasting money, and fans blamed the coach.", "charge", False),
    ("Police charged Tomas Brandt with theft on Friday.", "charge", True),
    ("Tomas Brandt's fraud charge was dropped by the court.", "charge", True),
    ("Rebels fired rockets at the port, and police fired on the crowd.", "resignation", False),
    ("The linebacker sacked the quarterback for a loss of ten yards, and the game quit on my console.",
     "resignation", False),
    ("The harbour board fired Tomas Brandt on Friday.", "resignation", True),
    ("Tomas Brandt quit as harbour master in May.", "resignation", True),
    ("Talia Brandvold could not execute her plan, and stockings hung above the fireplace.", "execution", False),
    ("The regime executed the dissident Orvin Castell after a secret court sentenced him to death.", "execution",
     True),
    ("The convicted murderer Pell Ostrander was hanged on Friday.", "execution", True),
    ("A penalty on the Harbour Hawks stalled the drive, and the coach vowed to punish late players.", "fine", False),
    ("Quillmore Bank must pay a $4 million penalty, the regulator said.", "fine", True),
    ("Regulators fined Quillmore Bank $4 million for the breach.", "fine", True),
    ("The council called for a cease-fire, the mayor came under fire, and police opened fire on the van.",
     "disaster", False),
    ("Inflation rose, a campfire warmed the hikers, and the flag drooped; costs have exploded since May.",
     "disaster", False),
    ("The guard showed great explosion and foot speed in the game.", "disaster", False),
    ("A fire destroyed the Harwick boat shed on Monday.", "disaster", True),
    ("A gas tank exploded at the Harwick depot, injuring two workers.", "disaster", True),
    ("The ferry Marlow sank off Harwick on Sunday.", "disaster", True),
    ("The old Harwick bridge collapsed after the storm, trapping three cars.", "disaster", True),
    ("In case it rains, take a coat; that was not the case, she said, and it made a big difference.", "lawsuit", False),
    ("Ada Marsh wore a blue suit, and the two men had an argument over the fence.", "lawsuit", False),
    ("Tomas Brandt sued the harbour board on Friday.", "lawsuit", True),
    ("The judge heard the case Brandt v. Harwick Council in May.", "lawsuit", True),
    ("Quillmore Bank settled the suit for $2 million before the court ruled.", "lawsuit", True),
    ("You must disable the alarm, and mosquito bites itch; the plan caused harm to the town.", "injury", False),
    ("We wound up at the harbour, and the film deals with trauma.", "injury", False),
    ("Two workers were injured in the blast at the depot.", "injury", True),
    ("The coach had to call a timeout, a warhead called the Harrow was built, and after many close calls he won.",
     "correspondence", False),
    ("The mayor renewed calls for a cease-fire.", "correspondence", False),
    ("A neighbour called the police when she saw the smoke.", "correspondence", True),
    ("Ada Marsh got a call from the harbour master on Friday.", "correspondence", True),
    ("The Harwick courts will decide, and the players ran back on the half court.", "trial", False),
    ("Sign up for a free trial; after many trials with resins, she gave up.", "trial", False),
    ("At a congressional hearing, Ada Marsh questioned the agency about its budget.", "trial", False),
    ("Tomas Brandt's trial on fraud charges begins on Monday.", "trial", True),
    ("After the bail hearing, the judge set the date of the trial.", "trial", True),
    ("The singer demonstrated vocal control, and the air strike hit the depot.", "protest", False),
    ("The market rally lifted bank shares, and the board resists efforts to change.", "protest", False),
    ("Thousands of farmers demonstrated outside the Harwick town hall.", "protest", True),
    ("Harwick teachers went on strike over pay on Monday.", "protest", True),
    ("Protesters held a rally in Harwick against the new tax.", "protest", True),
    ("Her name stays on the ballot. Storm runoff filled the creek, and the mayor used his veto.", "election", False),
    ("The candidates courted the rural vote before the debate.", "election", False),
    ("Harwick held a referendum on the new pier on Sunday.", "election", True),
    ("The council vote on the pier passed 7 to 2.", "election", True),
    ("Fishermen were trapped by the ice, the guard nailed the shot, and sales lagged in May.", "arrest", False),
    ("Nab a new rod for just $40 this week.", "arrest", False),
    ("Police arrested Tomas Brandt at the harbour on Friday.", "arrest", True),
    ("The show celebrates local talent, the coach celebrated his players, and the article was dedicated to him.",
     "ceremony", False),
    ("The Marsh family celebrated Christmas at the harbour.", "ceremony", True),
    ("A funeral for Tomas Brandt was held in Harwick on Friday.", "ceremony", True),
    ("Set up the app in a minute; the run set up third and long, and the study established that prices rose.",
     "founding", False),
    ("Innovation drives the harbour economy.", "founding", False),
    ("Ada Marsh set up a charity for fishermen in 2019.", "founding", True),
    ("The Harwick Boat Club was established in 1921.", "founding", True),
    ("The index closed higher, the deal closed in May, and Harwick closed its borders to trucks.", "closure", False),
    ("Close down all background processes, and the team closed out the game.", "closure", False),
    ("Orlan Air closed its Harwick office in March.", "closure", True),
    ("The council voted to dissolve the harbour committee.", "closure", True),
    ("The album's release was delayed, and the guard freed himself for the shot.", "release", False),
    ("SoftBank bailed out the ferry firm with a $2 billion loan.", "release", False),
    ("The rebels freed two hostages on Tuesday.", "release", True),
    ("Tomas Brandt was released from prison in May.", "release", True),
    ("The guard shot well inside the arc, the lights twinkled, and the report mirrors the town's mood.", "weather",
     False),
    ("It snowed in Harwick all night.", "weather", True),
    ("From the Orlo Tower, launch into the sky and glide east; Mara Tull introduced herself to the panel.", "launch",
     False),
    ("As the leaked memos have unveiled, the plan failed. The book introduced me to Orlan Vey.", "launch", False),
    ("Acme Corp launched the Zephyr phone on Monday.", "launch", True),
    ("Acme Corp introduced a new tablet in March.", "launch", True),
    ("The memo made no mention of Pella Rusk, and the degree of the damage was unclear.", "award", False),
    ("Pella Rusk received a medal from the Harwick council in 2019.", "award", True),
    ("Dorrin Vale spoke about his long marriage to Ilsa Moor, and the label's style marries back to older music.",
     "marriage", False),
    ("Dorrin Vale and Ilsa Moor married in 2001.", "marriage", True),
    ("Dorrin Vale's marriage to Ilsa Moor in 2001 drew a crowd.", "marriage", True),
    ("The rebirth of the Harwick district drew visitors, a reincarnation of the old market.", "birth", False),
    ("The idea was born over dinner, and the costs were borne by Harwick's council.", "birth", False),
    ("Pella Rusk was born to two teachers in Orlo.", "birth", True),
])
def test_words_of_another_sense_name_no_event_of_the_type(text, kind, present):
    """The WordNet senses the types are generated from (event_types.json): "try" is a trial only as a court's
    (passive, or trying a case), "conduct" and "behave" are no deportation, "contribute" (lending a quality) no payment,
    "respect" no award, a test run no trial; "go", "come" and "move" are journeys only to or from somewhere ("go up"
    stays a market move), "start" and "reach" never; "call" and "write" are correspondence only to someone; "shoot"
    kills only someone shot (an object or a passive subject), not a shooting percentage or a wedding; "order" buys
    only an object that is no inquiry or other action, and not someone told to act; "spend" pays only for what is
    no stretch of time, "pay" no tribute or attention, and help, benefits and offsets are no payment; "build" and
    "develop" make something only with an object (not "built on", nor a symptom developed), "it turned out" and
    "generate" make nothing; a lease that expires, interest killed and a shooting ability are no deaths; coming to
    terms, into effect or from a survey, moving a ball and picking up yards are no journeys; a player's shooting,
    a surprise and a heart attack are no attacks; an attack launched is an attack, no launch, and neither a
    publication (the outlet) nor an unearthed coin is a launch; agreeing that or with is no agreement, nor
    settling for less, contracting a virus or a big deal; meeting demand is no meeting, nor is a council; adding
    something, showing, posting, proving, a team that threatened and a player who responded by scoring are no
    statements (adding without an object, threatening to act and telling reporters are); raising concerns, a point or a
    player's mark moves no market, nor does a lamp mounted on a pier (raising prices does); a lost game is
    no company's loss, which needs money or a quarter in its sentence, or an owner and no game
    ("Orlan Air's losses", not "Harwick's loss to Brookfield"); selling someone
    short or oneself, acquiring skills and dumping nets are no acquisitions; a fare charged, a battery
    charging, a political accusation and blame are no charges (charged with theft, criminal charges are);
    rockets fired, a quarterback sacked and a game that quits are no resignations; a plan executed and stockings
    hung are no executions, which need a word of crime or justice in the sentence; a penalty in a game and a
    punishment are no fines (punish.v.01's troponyms were: "execute", "avenge"), a penalty with money is; a
    cease-fire, fire opened or come under, a player's explosion, inflation, a campfire and costs that exploded are
    no disasters (a fire that destroyed a shed, a tank that exploded, a ferry that sank and a bridge that collapsed
    are); a case with no word of a court in its sentence, "in case", a suit worn, an argument and a difference are
    no lawsuits; disabling an alarm, mosquito bites, harm, trauma in a film and "wound up" are no injuries; calling
    a timeout, a warhead called so, close calls and calls for a cease-fire are no correspondence (calling the police
    and a call from someone are); courts, a free trial, trials with resins and a congressional hearing are no
    trials; showing skill, an air strike, a market rally and resisting efforts are no protests (farmers
    demonstrating outside a town hall, teachers on strike over pay and a rally against a tax are);
    a name on the ballot, storm runoff, a veto and a rural vote are no elections (a referendum
    and a council vote are);
    people trapped by ice, a shot nailed, sales that lagged and a rod to nab are no arrests;
    celebrating talent or players and an article dedicated to someone are no
    ceremonies (celebrating Christmas and a funeral are);
    setting up an app or a down, establishing that something is so and innovation are no foundings (setting
    up a charity and a club established are);
    an index that closed higher, a deal that closed, closed borders, processes closed down and a game closed out
    are no closures (an office closed and a committee dissolved are);
    an album's release, a player freeing himself and a firm bailed out are no releases (hostages freed and a
    prisoner released are);
    shooting inside the arc, lights that twinkle and a report that mirrors a mood are no weather (snow is);
    launching into the sky, introducing oneself or someone to something and memos that unveiled are no launches
    (a phone launched and a tablet introduced are);
    no mention of someone and a degree of damage are no awards (a medal received is);
    a long marriage spoken of and a style that marries back to older music are no marriages (a couple married in
    2001 and a marriage in 2001 are);
    a district's rebirth, an idea born and costs borne by a council are no births (someone born to two teachers
    is)."""
    found = only(events_of("Harbour news\n\n" + text + "\n"), kind)
    assert bool(found) is present, (text, kind, events_of("Harbour news\n\n" + text + "\n"))


def test_a_birth_a_marriage_or_a_founding_takes_no_date_from_the_story():
    """Told without a date of their own, these are background ("he was born in Harwick", "the firm was founded by
    her father"): none takes the date the story was last told at, as a death or an arrest does."""
    text = ("Harbour news\n\nOn Tuesday the harbour master Ada Marsh retired. She was born in Harwick and married "
            "Tomas Brandt, a ferry captain. Her father founded the Harwick Boat Club. Two thieves were arrested.\n")
    events = events_of(text)
    for kind in ("birth", "marriage", "founding"):
        assert only(events, kind) and all(e["date"] is None for e in only(events, kind)), (kind, events)
    assert all(e["date_text"] == "Tuesday" for e in only(events, "arrest"))


def test_market_nouns_are_no_events():
    article = newsgraph.extract("Markets slide\n\nStock markets fell on Monday as technology shares slid, and the "
                                "technology-heavy index finished flat. The management of Orlan Mills raised its "
                                "dividend and said it holds $2 billion in cash.\n",
                                kind="text", published=PUBLISHED)
    triggers = {e.evidence.text.lower() for e in article.events if e.evidence}
    assert {"fell", "slid", "raised"} <= triggers
    assert not triggers & {"markets", "technology", "management", "dividend", "cash"}


@pytest.mark.parametrize("sentence, kind", [
    ("The Dow lost 300 points on Monday.", "market_move"),
    ("The index closed higher on Friday.", "market_move"),
    ("Toyota shed 4 percent.", "market_move"),
    ("Shares slipped 2 percent.", "market_move"),
    ("She lost her keys on Monday.", "possession"),  # no figure, no 'higher': not a market's move
    ("The hikers slipped on the ice.", "motion"),
])
def test_a_market_move_is_told_by_its_figure(sentence, kind):
    article = newsgraph.extract(f"Markets\n\n{sentence}\n", kind="text", published=PUBLISHED)
    assert [e.type for e in article.events][:1] == [kind]
