"""Speakers a reader of the quotes would reject: the reader, pronouns that name no one, fact-sheet labels, table
cells, and a name that only qualifies the source. Each case is a made-up paragraph run through the whole pipeline;
each switch brings the old reading back, so the rule family is what makes the difference.
"""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.understand.quote_rules import QUOTE_RULES


def quotes(*paragraphs: str):
    text = "Harbour town counts the cost of the storm\n\nBy Lena Okafor\n\n" + "\n\n".join(paragraphs) + "\n"
    return newsgraph.extract(text, kind="text").quotes


def pairs(*paragraphs: str):
    return [(q.text, q.speaker_name) for q in quotes(*paragraphs)]


# --- reader_source: "you" and "let's" address the reader ----------------------------------------------------------

@pytest.mark.parametrize("para", [
    "If you want to watch the regatta, take the coast road before noon.",
    "You may want to book the ferry early in August.",
    "You can tell the two skippers are brothers by the way they tie a knot.",
    "Let's say the crossing costs twelve pounds each way.",
    "You can reply, \u201cThank you, but the boat stays in the harbour.\u201d",
])
def test_the_reader_is_nobody(para):
    found = quotes(para)
    assert found and all(q.speaker_name is None and q.speaker_mention for q in found)  # the span stays for scorers
    with QUOTE_RULES.off("reader_source"):
        assert all(q.speaker_name for q in quotes(para))


def test_you_inside_a_quotation_stays():
    found = pairs("\u201cIf you want the pier back, you have to vote for it,\u201d Ruth Abara said.")
    assert found == [("If you want the pier back, you have to vote for it,", "Ruth Abara")]


# --- pronoun_source: a pronoun that names no one is no name ------------------------------------------------------

@pytest.mark.parametrize("para, mention", [
    ("Some argue that the pier should be rebuilt further out.", "Some"),
    ("Others say the night ferry should never have stopped.", "Others"),
    ("Those who fish off the breakwater said the water had turned brown.", "Those"),
])
def test_a_pronoun_source_is_unresolved_but_kept(para, mention):
    (q,) = quotes(para)
    assert q.speaker_mention.text == mention and q.speaker_name is None  # the span stays for those who score it
    with QUOTE_RULES.off("pronoun_source"):
        assert quotes(para)[0].speaker_name == mention


# --- connective: "That said, ..." reports nothing --------------------------------------------------------------

@pytest.mark.parametrize("para", [
    "That said, the ferry will keep its winter timetable.",
    "The crossing was rough. That is not to say the crew did anything wrong.",
    "The crossing was rough. That\u2019s not to say the crew did anything wrong.",
])
def test_a_connective_is_no_report(para):
    assert quotes(para) == []
    with QUOTE_RULES.off("connective"):
        assert quotes(para)


def test_having_said_that_leaves_the_report_after_it():
    found = pairs("Having said that, the clerk announced that the board would meet in May.")
    assert found == [("that the board would meet in May", "the clerk")]


# --- field_label: only a label before words someone says opens a turn --------------------------------------------

@pytest.mark.parametrize("text", [
    "Size: 6-foot-4, 90 kg",  # a common noun the tagger took for a person, before a measurement
    "LENGTH: 14 metres, 22 tonnes",  # a fact sheet's row: no verb
    "RANKINGS: Boat | Crew | Harbour",  # a table's cells
    "[SOUND: Waves are breaking on the shingle]",  # a note in brackets
    "PILOT BOAT: Harbour Rovers",  # a table's row
    "DEAR HARBOUR MASTER: My neighbour moors his dinghy across my slipway.",  # the one addressed
])
def test_field_rows_notes_and_salutations_open_no_turn(text):
    from newsgraph.understand.cue_words import lexicon
    from newsgraph.understand.parse import load_model
    from newsgraph.understand.quote_drafts import speaker_label

    doc = load_model()(text)
    assert speaker_label(doc, lexicon()) is None
    with QUOTE_RULES.off("field_label"):
        assert speaker_label(doc, lexicon()) is not None


def test_a_transcript_turn_still_speaks():
    found = pairs("The mayor spoke to the local radio station on Monday.",
                  "HARGREAVE: We will rebuild the pier, and we will rebuild it higher.")
    assert found == [("We will rebuild the pier, and we will rebuild it higher.", "HARGREAVE")]
    from newsgraph.understand.cue_words import lexicon
    from newsgraph.understand.parse import load_model
    from newsgraph.understand.quote_drafts import speaker_label

    assert speaker_label(load_model()("HARGREAVE: Never."), lexicon()) is not None  # a short answer has no verb


def test_a_dateline_before_a_colon_is_no_speaker():
    """'NEW DELHI: ...' opens a story filed from a town the gazetteer knows: no one's turn."""
    from newsgraph.understand.cue_words import lexicon
    from newsgraph.understand.parse import load_model
    from newsgraph.understand.quote_drafts import speaker_label

    doc = load_model()("NEW DELHI: Their savings spent, some 150 workers flew home on Friday after months abroad.")
    assert speaker_label(doc, lexicon()) is None
    with QUOTE_RULES.off("colon_dateline"):
        assert speaker_label(doc, lexicon()) is not None


# --- table_cells: a cue keeps to its cell -------------------------------------------------------------------------

def test_a_table_header_reports_nothing():
    row = "Cheapest fare | Harbours supported | Number of crossings supported | Refund policy"
    assert [q for q in quotes("The three ferry lines compared.", row) if "|" in q.text] == []
    with QUOTE_RULES.off("table_cells"):
        assert any("|" in q.text for q in quotes("The three ferry lines compared.", row))


# --- head_entity: the source is what its head word names ------------------------------------------------------------

def test_a_name_that_qualifies_the_source_is_not_the_speaker():
    para = "The US Coast Guard sent a cutter. US officials said the cutter would stay until March."
    assert pairs(para) == [("the cutter would stay until March", "US officials")]
    with QUOTE_RULES.off("head_entity", "head_mention"):  # head_mention alone also keeps the country out
        assert pairs(para) == [("the cutter would stay until March", "US")]


# --- head_name: a capitalised head names the speaker, a title the person after its phrase -------------------------

def _speakers(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    """(the linked entity's name, the mention as written) of each quote."""
    text = "Harbour town counts the cost of the storm\n\nBy Lena Okafor\n\n" + "\n\n".join(paragraphs) + "\n"
    record = newsgraph.extract(text, kind="text")
    names = {e.id: e.name for e in record.entities}
    return [(names.get(q.speaker), q.speaker_mention.text if q.speaker_mention else None) for q in record.quotes]


ENVOY = ("Nora Pellham, the envoy, toured the quay on Monday.",
         "While Norway's Ambassador to Iceland Nora Pellham said the harbour would be rebuilt, the mayor stayed quiet.")
DAUGHTER = ("Tom Vell, 52, skippered the trawler for twenty years.",
            "His daughter, Ada Vell, said the family would sell the boat in the spring. The crews, Jon Rask and Per "
            "Holm, said the boat was sound.")


@pytest.mark.parametrize("paras, linked, families, unlinked", [
    (ENVOY, ("Nora Pellham", "Norway's Ambassador"), ("head_name", "head_mention"),
     ("Norway", "Norway's Ambassador")),  # a title head
    (DAUGHTER, ("Ada Vell", "His daughter"), ("appositive_source",), (None, "His daughter")),  # a name in apposition
])
def test_a_source_links_to_the_person_it_names(paras, linked, families, unlinked):
    found = _speakers(*paras)
    assert linked in found, found
    with QUOTE_RULES.off(*families):
        assert unlinked in _speakers(*paras)


def test_a_capitalised_head_names_the_speaker_not_its_modifier():
    paras = ("Remy Vos played on the pier on Friday night.",
             "The British DJ Vos promised a free concert for the town in the spring.")
    assert _speakers(*paras) == [("Remy Vos", "The British DJ Vos")]
    with QUOTE_RULES.off("head_name", "head_mention"):
        assert _speakers(*paras) == [("Great Britain", "The British DJ Vos")]  # the longer overlap won


# --- appositive_subject (coref): a name in apposition to the subject is who "she" is --------------------------------

def test_a_name_in_apposition_to_the_subject_is_the_pronouns_referent():
    from newsgraph.understand import rules

    paras = ("\u201cThe crew did everything right,\u201d harbour master Tom Vell said.",
             "The skipper\u2019s wife, Ada, said she heard the news on the radio. \u201cI sat down and cried,\u201d "
             "she said.")
    found = pairs(*paras)
    assert ("I sat down and cried,", "Ada") in found, found
    with rules.switched_off("appositive_subject", "name_sex"):  # with name_sex, "Tom" alone keeps "she" off him
        assert ("I sat down and cried,", "Ada") not in pairs(*paras)


def test_a_name_of_no_known_sex_beside_her_own_noun_does_not_take_her_pronouns():
    paras = ("Ada Quill designed the new harbour museum on the old quay.",
             "Her old teacher, Orvo Kallin, praised her at the opening on Friday. She said the building took four "
             "years.")
    assert ("the building took four years", "Ada Quill") in pairs(*paras)  # was Orvo Kallin's


# --- appositive_source: a common-noun source is the person named in apposition to it ------------------------------

def test_a_plural_source_is_not_the_first_name_of_its_list():
    assert (None, "The crews") in _speakers(*DAUGHTER)


# --- head_mention: a name inside a longer source phrase is not the speaker -------------------------------------------

OFFICE = ("Tom Rask, 41, of Varnby, admitted that he sank the ferry on purpose, the U.S. Attorney\u2019s Office for "
          "the District of Vermont said on Monday.",)
MILITARY = ("The US military said two of its divers were hurt off the coast on Sunday.",
            "It did not say where the accident happened.")


@pytest.mark.parametrize("paras, mention, written", [
    (OFFICE, "the U.S. Attorney\u2019s Office", "the U.S. Attorney\u2019s Office"),  # the place only opens the name
    (MILITARY, "It", "the US military"),  # a pronoun's referent, a description
])
def test_a_place_opening_a_longer_source_is_not_the_speaker(paras, mention, written):
    record = _record(*paras)
    names = {e.id: e.name for e in record.entities}
    found = [(names.get(q.speaker), q.speaker_name) for q in record.quotes
             if q.speaker_mention and q.speaker_mention.text == mention]
    assert found and all(entity is None and name.lower() == written.lower() for entity, name in found), found
    with QUOTE_RULES.off("head_mention"):
        record = _record(*paras)
        names = {e.id: e.name for e in record.entities}
        assert any(names.get(q.speaker) for q in record.quotes
                   if q.speaker_mention and q.speaker_mention.text == mention)


def _record(*paragraphs: str):
    text = "Harbour town counts the cost of the storm\n\nBy Lena Okafor\n\n" + "\n\n".join(paragraphs) + "\n"
    return newsgraph.extract(text, kind="text")


def test_a_title_links_to_the_person_in_apposition():
    paras = ("\u201cThat was tough, but we got there,\u201d Canada's Ambassador to the UN, Nora Pellham, said "
             "following the vote.",)
    assert ("Nora Pellham", "Canada's Ambassador") in _speakers(*paras)
    with QUOTE_RULES.off("head_name"):
        assert (None, "Canada's Ambassador") in _speakers(*paras)  # head_mention: not Canada either


# --- byline_teller: a byline that is the site itself tells no "I" ---------------------------------------------------

@pytest.mark.parametrize("authors, site, url, teller", [
    (["Lena Okafor"], "Harbour Times", "https://harbourtimes.example/a", "Lena Okafor"),
    (["Harbourside Articles"], "Harbourside", "https://harbourside.example/a", None),  # the site's name and a word
    (["Harbourside"], None, "https://www.harbourside.example/a", None),  # the site's name alone
    (["Harbour News"], "Harbour News", "https://harbournews.example/a", None),  # ... with an organisation word
    (["Ada Quill"], None, "https://adaquill.example/a", "Ada Quill"),  # a person's own site
    (["Quill Benita"], None, "https://quillbenita.example/a", "Quill Benita"),  # no given name known, no org word
    (["Tamsin Roe For Harbourside"], "Harbourside", "https://harbourside.example/a", "Tamsin Roe For Harbourside"),
    (["Coast Guard Foundation"], None, "https://coastfund.example/a", "Coast Guard Foundation"),  # a body speaking
    (["Harbour News Staff"], None, "https://www.harbournews.example/a", None),  # the site's name and a desk
    (["Harbour Daily Reporter"], None, "https://www.harbourdaily.co.uk/a", None),
    (["Tavita Oloa"], None, "https://tavita.blogs.example/a", "Tavita Oloa"),  # a subdomain is no site's name
    (["Oloa Tavita"], None, "https://oloa.example/a", "Oloa Tavita"),  # a name after the site's is no desk
    (["Harbourside Articles"], None, "http://[harbourside/a", "Harbourside Articles"),  # a malformed address
    (["HarbourVideo"], "Harbour Journal", "https://www.harbourjournal.example/v", None),  # an account, no one's "I"
    (["McAllister"], None, "https://harbourjournal.example/a", "McAllister"),  # a surname, not camel case
    (["Lena Okafor PhD"], "Harbour Times", "https://harbourtimes.example/a", "Lena Okafor"),  # the person, not her degree
    (["Harbourside"], None, "https://www.harbourside.co.uk/a", None),  # the label under a two-part suffix
    ([], None, None, None),
])
def test_the_narrator_is_the_byline_unless_it_is_the_site(authors, site, url, teller):
    from newsgraph.understand.speakers import narrator

    assert narrator(authors, site, url) == teller


def test_a_memo_under_a_site_byline_is_not_the_sites():
    text = ("Bosses write to their staff\n\nBy Harbourside Articles\n\n"
            "Dear colleagues,\n\nI want to thank every one of you for the work you did this spring. We know the "
            "storm hit many of your families.\n")
    found = [(q.speaker_mention.text, q.speaker_name) for q in
             newsgraph.extract(text, kind="text", url="https://harbourside.example/bosses").quotes]
    assert found and all(name is None for _, name in found), found
    with QUOTE_RULES.off("byline_teller"):
        found = newsgraph.extract(text, kind="text", url="https://harbourside.example/bosses").quotes
        assert any(q.speaker_name == "Harbourside Articles" for q in found)


def test_a_malformed_address_does_not_stop_the_quotes():
    text = "Storm hits\n\nBy Harbourside Articles\n\nWe lost the pier, the harbour note said on Monday.\n"
    found = newsgraph.extract(text, kind="text", url="http://[harbourside/storm").quotes
    assert [q.speaker_mention.text for q in found] == ["the harbour note"]


@pytest.mark.parametrize("paragraph", [
    "Ada Quill MP said the pier would reopen in May.",
    "\u201cThe pier will reopen in May,\u201d said Ada Quill MP.",
])
def test_a_person_before_her_title_speaks(paragraph):
    assert [q.speaker_name for q in newsgraph.extract("Pier news\n\n" + paragraph + "\n", kind="text").quotes] \
        == ["Ada Quill"]


@pytest.mark.parametrize("paragraph, speaker", [
    ("\u201cWe lost,\u201d the Senior Adviser to Ada Quill said.", "the Senior Adviser"),  # not the one advised
    ("\u201cWe lost,\u201d Chief of Staff to Governor Ada Quill, Tom Rask, said on Monday.", "Tom Rask"),
    ("\u201cThe vote was close,\u201d US Ambassador to the UN Nora Pell said on Monday.", "Nora Pell"),
])
def test_a_title_is_not_the_person_it_serves(paragraph, speaker):
    found = newsgraph.extract("Vote news\n\n" + paragraph + "\n", kind="text").quotes
    assert [q.speaker_name for q in found] == [speaker]


def test_a_title_served_the_person_it_names_with_served_person_off():
    text = "Vote news\n\n\u201cWe lost,\u201d the Senior Adviser to Ada Quill said.\n"
    with QUOTE_RULES.off("served_person"):
        assert [q.speaker_name for q in newsgraph.extract(text, kind="text").quotes] == ["Ada Quill"]


# --- interview_teller: an interview's answers are not the byline's ------------------------------------------------

INTERVIEW = [
    "Tide gauges along the estuary have read higher every winter this decade. We spoke with Ada Quill, who has "
    "kept the harbour's records since 1998, about what the numbers say.",
    "Do you think the new sea wall was built high enough?",
    "I doubt it. We measured a surge last March that came within a hand's width of the top.",
    "Have your own readings changed the way you work?",
    "{label}They have. I now check the gauges twice a day, and I said at the last council meeting that the town "
    "needs a second wall.",
    "What would you tell people who live on the front?",
    "I would tell them to keep sandbags ready. We cannot promise the wall will hold.",
]


def interview(label: str = ""):
    text = ("Will the wall hold?\n\nBy Tom Rask\n\n" + "\n\n".join(INTERVIEW).replace("{label}", label) + "\n")
    return newsgraph.extract(text, kind="text").quotes


def test_an_interviews_answers_are_not_the_bylines():
    found = interview()
    answers = [q for q in found if "the town needs" in q.text]
    assert answers and all(q.speaker_name is None and q.speaker_mention for q in answers), found
    assert all(q.speaker_name != "Tom Rask" for q in found if q.speaker_mention and q.speaker_mention.text == "I")
    with QUOTE_RULES.off("interview_teller"):
        assert any(q.speaker_name == "Tom Rask" for q in interview() if "the town needs" in q.text)


def test_an_answer_opening_with_a_name_is_that_persons():
    found = [q for q in interview("Quill: ") if "the town needs" in q.text]
    assert found and all(q.speaker_name == "Ada Quill" for q in found), found


@pytest.mark.parametrize("paragraphs", [
    # questions as an explainer's subheadings, answered by the writer, who asks no one
    ["What happens to the pier now?", "I expect the council to vote on it in May. We will report the result.",
     "Why did the wall fail?", "My reading of the survey is that the footings were too shallow.",
     "Who pays for the repairs?", "I asked the council and we are still waiting for an answer, I said then."],
    # two questions to "you" are a column's rhetoric, not an interview
    ["Do you remember the last big storm?", "I said then that the wall would fail.",
     "Have you walked the front since?", "I walk it every morning.", "The council meets again in May."],
])
def test_questions_without_an_interview_keep_the_byline(paragraphs):
    from newsgraph.understand.interviews import answer_paragraphs

    assert answer_paragraphs(paragraphs) == frozenset()


def test_an_interview_is_three_questions_to_you_answered_in_the_first_person():
    from newsgraph.understand.interviews import answer_paragraphs

    assert answer_paragraphs(INTERVIEW) == frozenset({2, 4, 6})  # the introduction before the first question: no


# --- comma_inversion: "[...], reported the Orlan Gazette." ----------------------------------------------------------

def test_a_name_after_a_conjoined_cue_that_closes_the_sentence_is_the_source():
    from newsgraph.understand.quote_rules import QUOTE_RULES

    para = ("A fishing family has agreed to sell its quay to the council for two million pounds, reported the Orlan "
            "Gazette.")
    assert pairs(para) == [("A fishing family has agreed to sell its quay to the council for two million pounds",
                            "Orlan Gazette")]
    with QUOTE_RULES.off("comma_inversion"):
        assert ("the Orlan Gazette", "A fishing family") in pairs(para)  # the name read as what was reported
    # with "and" before it, the cue shares the subject: no inversion
    assert ("Tomas Brandt for the delay", "Ada Marsh") in pairs(
        "Ada Marsh said the pier was unsafe, and criticized Tomas Brandt for the delay.")


# --- source_in_content: a name that is the quote's own words does not say them ----------------------------------

def test_a_name_that_is_the_whole_content_is_not_its_speaker():
    para = ("In her sea-green gown, Ada Marsh stole the regatta ball. Radiant is the only word to describe "
            "Ada Marsh this summer.")
    found = pairs(para)
    assert ("Ada Marsh", "Ada Marsh") not in found and any(text == "Ada Marsh" for text, _ in found), found
    with QUOTE_RULES.off("source_in_content"):
        assert ("Ada Marsh", "Ada Marsh") in pairs(para)


# --- title_words: a capitalised verb inside a sentence belongs to a title ------------------------------------------

@pytest.mark.parametrize("para, verb", [
    ("Last year, she turned up in Tom Reid's seaside thriller, Why Didn't They Ask Ruth?", "Ask"),
    ("This winter she can be seen in the harbour drama, Who Told Lena?", "Told"),
])
def test_a_capitalised_verb_inside_a_sentence_is_a_title_word(para, verb):
    assert not any(q.cue and q.cue.text == verb for q in quotes(para))
    with QUOTE_RULES.off("title_words"):
        assert any(q.cue and q.cue.text == verb for q in quotes(para))


def test_a_headline_and_a_sentence_start_keep_their_capitalised_cues():
    assert any(q.cue and q.cue.text == "Says" for q in quotes("Mayor Says Harbour Wall Will Be Rebuilt By Spring"))
    assert any(q.cue and q.cue.text == "Asked" for q in quotes("Asked about the wall, the mayor said it would hold."))
