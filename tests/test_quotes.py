"""The quotes stage on small made-up articles: quote styles, continuations, nesting, reported speech, speakers.

Each case is a few paragraphs of its own; the helpers build a whole article
around them (headline and byline) and run the full pipeline on it.
"""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.understand.quote_marks import find_marked
from newsgraph.understand.quote_rules import QUOTE_RULES
from newsgraph.understand.speakers import Candidate, Referent, pick_speaker


def article(*paragraphs: str):
    text = "Harbour town counts the cost of the storm\n\nBy Lena Okafor\n\n" + "\n\n".join(paragraphs) + "\n"
    return newsgraph.extract(text, kind="text")


def quotes(*paragraphs: str):
    art = article(*paragraphs)
    for q in art.quotes:  # every quote's offsets point at its text
        assert art.text[q.start:q.end] == q.text
        if q.speaker_mention:
            assert art.text[q.speaker_mention.start:q.speaker_mention.end] == q.speaker_mention.text
        if q.cue:
            assert art.text[q.cue.start:q.cue.end] == q.cue.text
    return art.quotes


def find(qs, text_start: str):
    found = [q for q in qs if q.text.startswith(text_start)]
    assert found, (text_start, [q.text for q in qs])
    return found[0]


def spoken_by(q, name: str) -> bool:
    return name.lower() in (q.speaker_name or "").lower()


# --- quotation marks ----------------------------------------------------------

MARKS = [
    ("“Curly,” he said.", ["Curly,"]),
    ('"Straight," he said.', ["Straight,"]),
    ("‘Single curly,’ he said. It’s the harbour’s.", ["Single curly,"]),
    ("'Single straight,' she said. Don't touch the officers' boats.", ["Single straight,"]),
    ("«Guillemets», il a dit. »Reversed« too.", ["Guillemets", "Reversed"]),
    ("„Low and high“, sagte sie.", ["Low and high"]),
    ("''Doubled apostrophes,'' he said.", ["Doubled apostrophes,"]),
    ("“Outer ‘inner’ words.”", ["Outer ‘inner’ words.", "inner"]),
    ("“Open and never closed", ["Open and never closed"]),
    ("In the '90s it cost 5'10\" of rope.", []),
]


@pytest.mark.parametrize("text,expected", MARKS, ids=[m[0][:20] for m in MARKS])
def test_find_marked(text, expected):
    assert [text[m.start:m.end] for m in find_marked(text)] == expected


def test_nested_mark_points_at_parent():
    marks = find_marked("“We heard ‘run!’ and ran.”")
    assert [m.depth for m in marks] == [0, 1] and marks[1].parent == 0


def test_unclosed_quote_continues_in_next_paragraph():
    marks = find_marked("and then the water came,” she said.", open_at_start="“")
    assert marks[0].open_at == -1 and marks[0].closed


# --- direct quotes in every style -----------------------------------------------

@pytest.mark.parametrize("para,content", [
    ("“The pier will be rebuilt by June,” said Mayor Tom Hargreave.", "The pier will be rebuilt by June,"),
    ('"The pier will be rebuilt by June," said Mayor Tom Hargreave.', "The pier will be rebuilt by June,"),
    ("‘The pier will be rebuilt by June,’ said Mayor Tom Hargreave.", "The pier will be rebuilt by June,"),
    ("'The pier will be rebuilt by June,' said Mayor Tom Hargreave.", "The pier will be rebuilt by June,"),
    ("«The pier will be rebuilt by June», said Mayor Tom Hargreave.", "The pier will be rebuilt by June"),
    ("Mayor Tom Hargreave said: “The pier will be rebuilt by June.”", "The pier will be rebuilt by June."),
])
def test_direct_quote_styles(para, content):
    qs = quotes("Waves tore through the seafront on Sunday night.", para)
    q = find(qs, content[:10])
    assert (q.kind, q.text) == ("direct", content)
    assert spoken_by(q, "Hargreave") and q.speaker_mention.text.endswith("Hargreave")
    assert q.cue.text == "said"


def test_headline_quotes_are_read_with_offsets_into_the_text():
    text = "Mayor says “we will rebuild”\n\nBy Lena Okafor\n\nThe storm passed overnight.\n"
    art = newsgraph.extract(text, kind="text")
    (q,) = art.quotes
    assert q.text == "we will rebuild" == text[q.start:q.end] and q.cue.text == "says"


# --- continuations ---------------------------------------------------------------

def test_second_part_and_continued():
    qs = quotes(
        "Fishermen spent the day pulling wrecked boats from the water.",
        "“We lost eleven boats,” said Ada Brennan, who runs the co-op. “Some of them were older than me.”",
        "“Insurance will not cover half of it,” Brennan continued.",
    )
    assert all(spoken_by(find(qs, t), "Brennan") for t in ("We lost", "Some of them", "Insurance"))
    assert find(qs, "Insurance").cue.text == "continued"


def test_multi_paragraph_quote():
    qs = quotes(
        "The harbourmaster described the night in a statement to reporters.",
        "Harbourmaster Ivo Petrak said: “The first wave broke the chains on the outer moorings.",
        "“By two in the morning the whole eastern quay was under water.”",
    )
    first, second = find(qs, "The first wave"), find(qs, "By two")
    assert first.kind == second.kind == "direct"
    assert spoken_by(first, "Petrak") and spoken_by(second, "Petrak")


def test_floating_quote_inherits_previous_speaker():
    qs = quotes(
        "Volunteers filled sandbags until dawn.",
        "“We had forty people here by midnight,” said Noor Haddad, a volunteer coordinator.",
        "“Nobody asked them to come. They simply turned up with shovels.”",
    )
    assert spoken_by(find(qs, "Nobody asked"), "Haddad")


# --- nesting ----------------------------------------------------------------------

NESTED = (
    "Residents described a frantic evacuation.",
    ("“My neighbour banged on the door—‘The river is coming!’ she shouted. I told her, ‘Take the children "
     "upstairs.’ Then I saw Officer Karl Mendes at the corner. He waved and yelled, ‘Leave the cars!’”"
     " said Oskar Lind, 58."),
)


def test_nested_quotes_have_parent_and_own_speaker():
    qs = quotes(*NESTED)
    outer = find(qs, "My neighbour")
    assert spoken_by(outer, "Lind")
    river, upstairs, cars = find(qs, "The river"), find(qs, "Take the children"), find(qs, "Leave the cars")
    assert river.parent == upstairs.parent == cars.parent == outer.id
    assert spoken_by(river, "neighbour") and river.speaker_mention.text == "she"
    assert spoken_by(upstairs, "Lind") and upstairs.speaker_mention.text == "I"
    assert spoken_by(cars, "Mendes") and cars.speaker_mention.text == "He"


# --- reported speech ---------------------------------------------------------------

def test_indirect_said_that():
    qs = quotes("The town council said that repairs would start before the end of the month.")
    q = find(qs, "that repairs")
    assert q.kind == "indirect" and spoken_by(q, "council") and q.cue.text == "said"


def test_indirect_trailing_cue():
    qs = quotes("About 300 homes lost power during the night, the electricity company said.")
    q = find(qs, "About 300 homes")
    assert q.kind == "indirect" and spoken_by(q, "electricity company")


def test_according_to():
    qs = quotes("According to the fire service, the blaze began in a bakery on the quay.")
    q = find(qs, "the blaze")
    assert q.kind == "indirect" and q.cue.text == "According to" and spoken_by(q, "fire service")


def test_mixed_quote():
    qs = quotes("Councillor Ruth Abara said the sea wall had been “a disaster waiting to happen” for years.")
    q = find(qs, "the sea wall")
    assert q.kind == "mixed" and spoken_by(q, "Abara") and "“a disaster waiting to happen”" in q.text


# --- speakers as pronouns and descriptions ------------------------------------------

def test_pronoun_speaker_resolves_to_person():
    qs = quotes(
        "Marta Ilves opened her cafe on the seafront in 1998.",
        "“The water reached the second shelf,” she said, pointing at a brown line on the wall.",
    )
    q = find(qs, "The water")
    assert q.speaker_mention.text == "she" and spoken_by(q, "Ilves")


def test_statement_read_by_organisation():
    qs = quotes(
        "The coastguard thanked the crews who worked through the night.",
        "“Every vessel in distress was reached within the hour,” the statement read.",
    )
    q = find(qs, "Every vessel")
    assert q.speaker_mention.text == "the statement" and q.cue.text == "read"
    assert spoken_by(q, "coastguard")


def test_signed_quotation():
    qs = quotes("Readers sent us their memories of the storm.",
                "“I have never seen the harbour so empty.” ― Pia Sorensen")
    assert spoken_by(find(qs, "I have never"), "Sorensen")


def test_signed_quotation_with_age_and_role():
    paragraphs = ("We asked workers what would bring them back to the office.",
                  "“I like that I can live anywhere.” —Jana Weston-Roe, 45, product manager at a ferry company",
                  "“If the office had a real kitchen, I would go back.” —Mick Potter, 68, cofounder of Harbour Search")
    qs = quotes(*paragraphs)
    assert spoken_by(find(qs, "I like that"), "Weston-Roe") and spoken_by(find(qs, "If the office"), "Potter")
    with QUOTE_RULES.off("signature_apposition"):
        assert not spoken_by(find(quotes(*paragraphs), "If the office"), "Potter")
    scare = quotes("Residents called the new fares “a disgrace” — Hale, however, defended them at the meeting.")
    assert [(q.kind, q.speaker_mention.text) for q in scare] == [("mixed", "Residents")]  # no signature mid-sentence


def test_transcript_label():
    qs = quotes("The mayor spoke to the local radio station on Monday.",
                "HARGREAVE: We will rebuild the pier, and we will rebuild it higher.")
    q = find(qs, "We will rebuild")
    assert q.kind == "direct" and spoken_by(q, "HARGREAVE")


# --- the pure choice of speaker --------------------------------------------------------

def _ref(text, subject=False, main=False, named=True, gender=None):
    return Referent(0, len(text), text, "person", named, gender, False, subject, main, 0, 0, None)


def test_pick_speaker_prefers_main_subject_and_previous_speaker():
    main = Candidate(_ref("Lind", subject=True, main=True), 1, 0, previous_speaker=True)
    nearer = Candidate(_ref("Mendes", subject=True), 0, 0, previous_speaker=False)
    assert pick_speaker([nearer, main]) is main
    assert pick_speaker([]) is None


def test_plural_document_noun_is_its_own_source():
    qs = quotes("Studies have shown that storms like this one are becoming more frequent along the coast.")
    q = find(qs, "that storms")
    assert q.speaker_name == "Studies"


def test_articles_in_other_languages_get_no_quotes():
    html = ("<html lang='pt'><head><title>Tempestade atinge o porto</title></head><body><article>"
            "<h1>Tempestade atinge o porto</h1>"
            "<p>ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.</p>"
            "<p>«Perdemos tudo», disse o pescador João Silva ao jornal local na manhã de domingo.</p>"
            "</article></body></html>")
    art = newsgraph.extract(html, kind="html")
    assert art.quotes == []


def test_view_of_an_object():
    qs = quotes("The harbour board called the insurance offer an insult to the fishermen.",
                "Residents have called for a public inquiry into the sea wall.")
    offer, inquiry = find(qs, "the insurance offer"), find(qs, "a public inquiry")
    assert offer.kind == inquiry.kind == "indirect"
    assert spoken_by(offer, "harbour board") and spoken_by(inquiry, "Residents")


def test_reporting_noun():
    qs = quotes("Shop owners voiced concern that the repairs would drive tourists away for the summer.")
    q = find(qs, "that the repairs")
    assert q.kind == "indirect" and spoken_by(q, "Shop owners")
    # "express" reports its object, the noun with what it holds (as PolNeAR's annotators mark it)
    q = find(quotes("Shop owners expressed concern that the repairs would drive tourists away."), "concern that")
    assert spoken_by(q, "Shop owners")


def test_paragraph_introduced_with_a_colon():
    qs = quotes("Clean-up crews worked through the weekend.", "The mayor wrote to residents on Monday:",
                "“Every family that lost a home will be housed by the end of the week.”")
    assert spoken_by(find(qs, "Every family"), "mayor")


def test_aside_after_the_report_is_left_out():
    qs = quotes("Hargreave said the pier would reopen in June, which surprised many on the council.")
    assert find(qs, "the pier").text == "the pier would reopen in June"


def test_several_subjects_the_source_is_outside_the_quotation():
    qs = quotes("Waves tore through the seafront on Sunday night.",
                "“It was the worst night in living memory. One of the worst ever,” Harbourmaster Ivo Petrak said.")
    assert spoken_by(find(qs, "It was the worst"), "Petrak")



def test_multi_paragraph_quote_named_at_its_end():
    qs = quotes(
        "The lifeboat crew was called out three times on Sunday.",
        "“The first call came just after midnight. We found two men clinging to an upturned dinghy.",
        "“By dawn we had been out for six hours,” said coxswain Bram Visser.",
    )
    first, last = find(qs, "The first call"), find(qs, "By dawn")
    assert spoken_by(last, "Visser") and spoken_by(first, "Visser")


def test_signed_quotation_after_a_no_break_space():
    found = quotes("“The tolls must stay low for the families who cross every day.” ―\u00a0Tom Ruiz",
                   "“Maybe we can paint the whole thing green and be done with it.” ―\u00a0Ann Cole")
    assert [(q.text.split()[0], q.speaker_mention.text) for q in found] == [("The", "Tom Ruiz"), ("Maybe", "Ann Cole")]


@pytest.mark.parametrize("para, content, speaker", [
    # the addressee belongs to what is asked
    ('Marsh urged the voters to "stay calm on the day of the vote."',
     'the voters to "stay calm on the day of the vote."', "Marsh"),
    # a string of quoted labels is one characterisation
    ('Marsh called the mayor a "bully," a "liar" and a "danger to the harbour."',
     'the mayor a "bully," a "liar" and a "danger to the harbour."', "Marsh"),
    # a dateline is not the speaker
    ("EASTPORT -- Mayor Ann Hale, opening the new library, said it would serve the whole town.",
     "it would serve the whole town", "Ann Hale"),
    # what a report is about
    ("The fishermen complained bitterly about the new quota rules.", "the new quota rules", "The fishermen"),
    # one name is the whole view
    ("The dockworkers' union endorses Marsh.", "Marsh", "The dockworkers' union"),
    # a state of mind reports what it holds
    ("Shop owners are worried that the repairs will drive tourists away.",
     "that the repairs will drive tourists away", "Shop owners"),
    # what a reporting noun or a talk is about
    ("The mayor's remarks about the harbour budget drew applause from the fishermen.", "the harbour budget",
     "The mayor"),
    ("The coxswain spoke about the rescue.", "the rescue", "The coxswain"),
    # a gerund's speaker is the subject of the verb it hangs on, passive or not
    ("After saying the pier was safe, the inspector was taken off the case by the council.", "the pier was safe",
     "the inspector"),
    ("The harbour board offered an apology to the families.", "an apology", "The harbour board"),
    # a statement speaks for whoever issued it
    ("The harbour board issued a statement calling the closure a necessary step.",
     "the closure a necessary step", "The harbour board"),
    # a conjoined verb not in the reporting verb's form goes on with what was reported
    ("Ann Hale declined to blame the crew or openly criticize the harbour board.",
     "to blame the crew or openly criticize the harbour board", "Ann Hale"),
    ("The coxswain would not explain why the ferry was delayed or why it was praised by the port.",
     "why the ferry was delayed or why it was praised by the port", "The coxswain"),
    # ... and in the reporting verb's form it is the reporter's next verb
    ("She said he would review the plans and warned against a quick vote.", "he would review the plans", "She"),
    # after "for", a gerund's doer is the object of the verb it hangs on
    ("The council fined the harbour clerk for refusing to hand over the ledgers.", "to hand over the ledgers",
     "the harbour clerk"),
    ("The coxswain apologized for refusing to lead the regatta.", "to lead the regatta", "The coxswain"),
    # a conjoined cue shares its subject; the name after it is its object, not an inverted subject
    ("The harbour board met on Monday and criticized Marsh for the delay.", "Marsh for the delay",
     "The harbour board"),
])
def test_what_a_view_or_request_covers(para, content, speaker):
    found = quotes(para)
    assert [(q.text, q.speaker_mention.text) for q in found] == [(content, speaker)]


def test_a_title_case_headline_is_read_in_sentence_case():
    art = newsgraph.extract("Mayor Hale Urges Fishermen to Back the New Quota\n\nBy Lena Okafor\n\n"
                            "The harbour board met on Monday, and Ann Hale spoke first.\n", kind="text")
    found = [(q.text, q.speaker_mention.text, q.cue.text) for q in art.quotes]
    assert found == [("Fishermen to Back the New Quota", "Hale", "Urges")]  # the words as written


def test_a_conjoined_reporting_verb_with_its_own_clause_is_a_report_of_its_own():
    found = [(q.text, q.speaker_mention.text) for q in
             quotes("The crews said they worry about the cuts and fear that the yard will close.")]
    assert found == [("they worry about the cuts", "The crews"), ("that the yard will close", "they")]


def test_put_it_frames_a_quotation():
    found = [(q.text, q.speaker_mention.text, q.cue.text) for q in
             quotes('As the coxswain put it: "Nobody sleeps on a night like that."')]
    assert found == [("Nobody sleeps on a night like that.", "the coxswain", "put it")]


def test_a_gerund_cues_object_is_addressed_not_the_speaker():
    found = [(q.text, q.speaker_mention.text) for q in
             quotes('Hours later the mayor left the harbour, telling Harbour Radio, "We owe the crews everything."')]
    assert found == [("We owe the crews everything.", "the mayor")]


def test_a_source_the_parse_lost_is_the_name_before_the_cue():
    found = [(q.text, q.speaker_mention.text) for q in
             quotes("The coxswain shared the news with the crew last week, writing “Feels great to be home at last.”")]
    assert found == [("Feels great to be home at last.", "The coxswain")]


def test_only_a_verb_that_frames_quotations_inverts_its_source():
    from newsgraph.understand.cue_sources import may_invert
    from newsgraph.understand.parse import parser

    doc = parser().nlp("“We sail at dawn,” said Hargreave, who attacked Abara for the delay.")
    said, attacked = (next(t for t in doc if t.lower_ == word) for word in ("said", "attacked"))
    assert may_invert(said) and not may_invert(attacked)


def test_a_gerund_closing_a_reported_clause_is_the_reporters():
    found = [(q.text, q.speaker_mention.text) for q in quotes(
        "Hale said he plans to preview a strategy for the harbour after the holidays, insisting that the board is "
        "too cautious.")]
    assert ("that the board is too cautious", "Hale") in found


def test_a_gerund_closing_a_clause_a_phrasal_verb_reports_is_the_reporters():
    text = ("The agency pointed out that the number of nurses in the region has fallen sharply, adding that at least "
            "40 clinics have closed since spring.")
    found = [(q.text, q.speaker_mention.text) for q in quotes(text)]
    assert ("that at least 40 clinics have closed since spring", "The agency") in found
    with QUOTE_RULES.off("reporter_gerund"):
        assert ("that at least 40 clinics have closed since spring", "the number") in \
            [(q.text, q.speaker_mention.text) for q in quotes(text)]


def test_sentence_casing_keeps_a_headline_label():
    art = newsgraph.extract("Harbour Board: Is the Night Ferry Finally Running On Time Again?\n\nBy Lena Okafor\n\n"
                            "The harbour board met riders in March.\n", kind="text")
    assert [(q.speaker_mention.text, q.cue.text) for q in art.quotes] == [("Harbour Board", ":")]


def test_headline_label_speaks():
    art = newsgraph.extract("Survey: Most Riders Want the Night Ferry Back\n\nBy Lena Okafor\n\n"
                            "The harbour board met riders in March.\n", kind="text")
    found = [(q.text, q.speaker_mention.text) for q in art.quotes]
    assert ("Most Riders Want the Night Ferry Back", "Survey") in found
    plain = newsgraph.extract("Ah, calm once more: the ferry runs again\n\nBy Lena Okafor\n\n"
                              "The harbour board met riders in March.\n", kind="text")
    assert not plain.quotes


@pytest.mark.parametrize("headline, speaks", [
    ("Roundup: Late goal sinks the harbour side", False),  # a kicker of common words
    ("Fact Check: Is the night ferry really free?", False),
    ("Quick Take: Why the pier still matters", False),
    ("Report: Ferry fares to rise in May", True),  # a document
    ("Experts: The pier needs new piles", True),  # people
    ("Okafor: The pier will reopen in spring", True),  # a name
])
def test_a_headline_kicker_is_no_source(headline, speaks):
    art = newsgraph.extract(headline + "\n\nBy Lena Okafor\n\nThe harbour board met riders in March.\n", kind="text")
    assert bool(art.quotes) == speaks


@pytest.mark.parametrize("para, content, speaker", [
    # passive_view: a passive of a view verb, its source unnamed
    ("The new sea wall is expected to hold back the winter storms.",
     "The new sea wall is expected to hold back the winter storms", None),
    ("The skipper was accused of ignoring the storm warnings.",
     "The skipper was accused of ignoring the storm warnings", None),
    # noun_infinitive: a decision reports its "to ..."
    ("The council's decision to close the pier angered the fishermen.", "to close the pier", "The council"),
    # a passive view's agent is its source, not part of what it says
    ("The plan was criticised by Councillor Ruth Abara as too costly.", "as too costly", "Councillor Ruth Abara"),
    ("The ferry crew was credited with saving the trawler.", "The ferry crew was credited with saving the trawler",
     None),
    # an opening study leaves the clause's own source and reporting verb alone
    ("In his analysis, the council treasurer warned that the budget would not balance.",
     "that the budget would not balance", "the council treasurer"),
    ("In a new study, researchers found that the estuary had warmed by two degrees.",
     "that the estuary had warmed by two degrees", "researchers"),
    # attitude verbs, a memory and "spoke of"
    ("The fishermen despise the new quota rules.", "the new quota rules", "The fishermen"),
    ("Hale recalled her opposition to the new quota.", "her opposition to the new quota", "Hale"),
    ("The coxswain spoke of the long night at sea.", "the long night at sea", "The coxswain"),
    # a one-word name stays the view's object when an aside follows it
    ("The dockworkers' union endorses Marsh, who thanked them on Monday.", "Marsh", "The dockworkers' union"),
    # quoted_titles: a show's name is no quotation, and the report after it is found
    ('Marsh told the BBC\'s "Morning Harbour Show" that the pier would reopen in June.',
     "that the pier would reopen in June", "Marsh"),
    # questions: what was asked, not who was asked; the asker unnamed unless "by ..." names one
    ("At the meeting the harbour master was asked about the broken crane.", "the broken crane", None),
    ("Asked whether the ferry would run in winter, the skipper shrugged.", "whether the ferry would run in winter",
     None),
    ("The skipper was questioned by Councillor Ruth Abara about the missing logbook.", "the missing logbook",
     "Councillor Ruth Abara"),
    ("The skipper was questioned on Tuesday about the missing logbook.", "the missing logbook", None),
    # prepositional: a stance verb's view is its preposition's object
    ("The fishermen voted against the new quota rules.", "the new quota rules", "The fishermen"),
    ("Marsh referred to the sea wall as a waste of money.", "the sea wall as a waste of money", "Marsh"),
    ("The harbour master asked for a delay of two weeks.", "a delay of two weeks", "The harbour master"),
    # contracted_has: "he's said" is the perfect when a clause follows
    ("He's said the pier will reopen by June.", "the pier will reopen by June", "He"),
    ("He’s said the ferry will run all winter.", "the ferry will run all winter", "He"),
    # thinking verbs report a view through a clause
    ("The fishermen think the quota is too low.", "the quota is too low", "The fishermen"),
    ("The fishermen hope the quota will rise next year.", "the quota will rise next year", "The fishermen"),
    # object_modifiers: the verb's prepositional phrases after the object belong to the view
    ("The senator cited her long record with the harbour board in the nineties.",
     "her long record with the harbour board in the nineties", "The senator"),
    # ... but not where it was said
    ("The fishermen praised the new quota in a letter to the council.", "the new quota", "The fishermen"),
    # as_reported: "As X reported, [...]" reports the clause it leads into
    ("As the harbour gazette reported, the ferry fares will double in May.", "the ferry fares will double in May",
     "the harbour gazette"),
    # for_clause: "called for [X to Y]" with "for" parsed as a clause's mark
    ("Instead, Hale called for the fishermen to throw their support behind the new quota.",
     "the fishermen to throw their support behind the new quota", "Hale"),
    # a reputation is a view held by no one named
    ("The skipper is known for ignoring storm warnings.", "The skipper is known for ignoring storm warnings", None),
    # raising: how a thing looks to the writer, no source
    ("The harbour board seemed to soften its stance on the night ferry.",
     "The harbour board seemed to soften its stance on the night ferry", None),
    ("The new sea wall appears ready for the winter storms.", "The new sea wall appears ready for the winter storms",
     None),
    # quoted_name: a quotation right after the object of "call" names it
    ('Hale called his actions "a crucial step forward on safety."', "a crucial step forward on safety.", "Hale"),
    ('Hale called the plan of the council "a farce" on Monday.', 'the plan of the council "a farce"', "Hale"),
])
def test_reports_without_a_reporting_verb_of_speech(para, content, speaker):
    found = quotes(para)
    assert [(q.text, q.speaker_mention.text if q.speaker_mention else None) for q in found] == [(content, speaker)]


@pytest.mark.parametrize("para", [
    # literal passives of view verbs: no view is reported
    "The singer was seen with her husband at the regatta.",
    "The striker was called for a foul in the second half.",
    "The boy was reported missing on Sunday evening.",
    # a count or a poll opening a plain fact is no source
    "In the final count, the home side won by two votes.",
    "In the latest poll, the harbour board's plan trails by six points.",
    # a title mid-sentence is a name, framed or not by a comma
    'She read from her memoir, "A Life Beside the Water," at the library on Tuesday.',
    # a gerund on a noun that cannot speak gives it no words
    "A sudden calm signaling that the storm had passed settled over the harbour.",
    # a question asked by its subject is the verb's own; a participle on a noun puts no question
    "The question asked most often at the pier concerned the tides.",
    # a stance verb with another preposition takes no view
    "The fishermen voted in the old school hall.",
    # "put it" frames quotations only; "as" meaning "while"; a nickname is no view
    "He put it on the shelf and left.",
    "As the reporter said goodbye, the ferry left the harbour.",
    "The skipper is known as Red to everyone on the quay.",
    # "appear" in its literal sense; "call" on the phone
    "The skipper appeared on the evening news on Monday.",
    "Hale called the skipper on Sunday evening.",
    # raising: no expletive or demonstrative subject
    "It seems likely that the ferry will be cancelled.",
    "This seems unfair to the ferry crews.",
    # idioms: a sum, why someone is unnamed, how a call was made, a count in a table
    "All told, up to five thousand riders could use the night ferry.",
    "The aides requested anonymity to speak freely.",
    "A ferry worker who did not want to be named waved from the deck.",
    "Others could be heard calling friends on their phones.",
    "Hale: 547.",
])
def test_no_report_here(para):
    assert quotes(para) == []


@pytest.mark.parametrize("para, content, speaker", [
    ('"Thank You," the mayor said.', "Thank You,", "the mayor"),
    ('"Never Again," protesters chanted outside the town hall.', "Never Again,", "protesters"),
    ('"Stop The Cuts!" the nurses shouted.', "Stop The Cuts!", "the nurses"),
])
def test_short_speech_in_title_case_is_kept_when_a_cue_frames_it(para, content, speaker):
    assert [(q.text, q.speaker_mention.text) for q in quotes(para)] == [(content, speaker)]


def test_a_cue_conjoined_to_a_reported_clause_shares_the_reporters_subject():
    found = quotes('The ferry union said the timetable was "simply unworkable" and warned Marsh to expect a strike.')
    assert [(q.text, q.speaker_mention.text) for q in found] == [
        ('the timetable was "simply unworkable"', "The ferry union"), ("Marsh to expect a strike", "The ferry union")]


def test_a_quotation_goes_on_from_the_nearest_mixed_quote_before_it():
    found = quotes('"We sail at dawn," Ann Hale said on Monday. The timetable is "far too timid," the ferry captain '
                   'Tom Marsh said later. "Without more boats the island will empty."')
    assert [(q.kind, q.speaker_mention.text) for q in found] == [
        ("direct", "Ann Hale"), ("mixed", "the ferry captain"), ("direct", "the ferry captain")]
    alone = quotes('The new timetable is "far too timid," Tom Marsh said. "Without more boats the island will empty."')
    assert [(q.kind, q.speaker_mention.text) for q in alone] == [("mixed", "Tom Marsh"), ("direct", "Tom Marsh")]


def test_a_quoted_title_case_paragraph_is_a_subheading():
    found = quotes('"We will rebuild the pier," Ann Hale said.', "'Storm Over the Pier.'",
                   '"The ferry will sail again by spring, whatever the council says."')
    assert [q.text for q in found] == ["We will rebuild the pier,"]


def test_quoted_titles_are_names():
    from newsgraph.understand.quote_paragraphs import is_title

    assert is_title("State of the Union") and is_title("Ten Walks Along the Harbour,")
    assert not is_title("we will rebuild the pier") and not is_title("Christian")  # speech; one word is a label
    assert not is_title("Every family that lost a home will be housed")


def test_reported_clause_runs_on_to_the_quotation_close():
    from newsgraph.understand.cue_kinds import Cue, whole_quotations
    from newsgraph.understand.quote_marks import Marked

    cue = Cue(None, (0, 1), -1, None, (2, 6), True, None)
    whole_quotations([cue], [(4, 12)], [Marked(start=30, end=90, open_at=29, close_at=90, depth=0, parent=None)])
    assert cue.content == (2, 12)  # the aside trimming had cut the quotation in two
    inner = Cue(None, (0, 1), -1, None, (2, 6), True, None)
    whole_quotations([inner], [(8, 12)], [Marked(start=30, end=90, open_at=29, close_at=90, depth=0, parent=None)])
    assert inner.content == (2, 6)  # a quotation after the content is left alone


def test_a_pronoun_far_from_any_name_speaks_for_whom_it_last_named():
    text = ("Star forgets lines\n\nLENA Hart was so nervous on stage that she forgot her lines.\n\n"
            "Lena, 45, admitted she struggled with her first big stage role and is tired.\n\n"
            'She said: "I am broken. If I have to read another line...\n\n'
            '"My head is ready to burst. For six days I have had to learn a whole script and songs I never heard of."'
            '\n\nShe added: "On top of that my nerves. The stress I have put on myself this week is silly."\n')
    last = find(newsgraph.extract(text, kind="text").quotes, "On top of that")
    assert last.speaker_mention.text == "She" and spoken_by(last, "Lena")
    with QUOTE_RULES.off("pronoun_chain"):
        assert find(newsgraph.extract(text, kind="text").quotes, "On top of that").speaker_name is None


def test_speaking_on_condition_of_anonymity_is_no_topic():
    found = quotes("The senior official, who spoke on the condition of anonymity, described the talks.")
    assert [q.text for q in found] == ["the talks"]


@pytest.mark.parametrize("family, para, content, speaker", [
    # medium_clause: the "that" clause the parser hangs on where it was said
    ("medium_clause", "The skipper told reporters in a call on Monday that the ferry would run.",
     "that the ferry would run", "The skipper"),
    ("medium_clause", "Hale told the fishermen during a meeting on Monday that the quota would not change.",
     "that the quota would not change", "Hale"),
    # gerund_clause: a gerund subject the parser reads as the verb's complement
    ("gerund_clause", "Ruth Abara said seeing so many police officers at the regatta was a welcome sight.",
     "seeing so many police officers at the regatta was a welcome sight", "Ruth Abara"),
    # purpose_subject: a cue in a purpose clause shares the subject of the verb it hangs on
    ("purpose_subject", "Councillor Ruth Abara went down to the quay on Monday to criticize the new quota rules.",
     "the new quota rules", "Councillor Ruth Abara"),
    ("purpose_subject", "The fishermen gathered at the harbour inn to talk about the long winter.", "the long winter",
     "The fishermen"),
    # adjective_subject: a cue after an adjective shares the subject the adjective describes
    ("adjective_subject", "The harbour board was quick to praise the rescue crew.", "the rescue crew",
     "The harbour board"),
    ("adjective_subject", "Hale was reluctant to endorse the new ferry timetable.", "the new ferry timetable", "Hale"),
    # phrasal_content: a phrasal cue reports its clause, or its object after "out" or "up"
    ("phrasal_content", "The skipper pointed out that the ferry had never been late.",
     "that the ferry had never been late", "The skipper"),
    # as_reported, also when the parser hangs the comma on the verb
    ("as_reported", "As the harbour board's Crane said, the two candidates have become some of the least ideological "
     "candidates in the town.", "the two candidates have become some of the least ideological candidates in the town",
     "Crane"),
    # adverb_particle: a phrasal cue's particle parsed as an adverb
    ("adverb_particle", "Hale fired back, “That is simply wrong.”", "That is simply wrong.", "Hale"),
    # passive_report: the passive of a cue verb with its agent reports the subject
    ("passive_report", "The closure of the pier was first reported by the Harbour Gazette.", "The closure of the pier",
     "the Harbour Gazette"),
    ("passive_report", "The new quota rules were criticized by the fishermen's union.", "The new quota rules",
     "the fishermen's union"),
])
def test_reports_the_parse_hangs_elsewhere(family, para, content, speaker):
    found = quotes(para)
    assert [(q.text, q.speaker_mention.text) for q in found] == [(content, speaker)]
    with QUOTE_RULES.off(family):
        assert quotes(para) == []


def test_an_adjective_with_it_for_subject_gives_no_source():
    assert quotes("It is worth noting that the ferry was late again.") == []


def test_a_figure_after_a_views_object_belongs_to_it():
    para = "A new poll shows Marsh with 41 percent of the vote."
    assert [(q.text, q.speaker_mention.text) for q in quotes(para)] == [("Marsh with 41 percent of the vote",
                                                                         "A new poll")]
    with QUOTE_RULES.off("standing"):
        assert [q.text for q in quotes(para)] == ["Marsh"]


def test_a_phrasal_cue_reports_its_object_after_out_or_up_but_not_the_to_of_went_on():
    found = quotes("The harbour board spelled out its concerns about the night ferry.")
    assert [(q.text, q.speaker_mention.text) for q in found] == [("its concerns about the night ferry",
                                                                  "The harbour board")]
    found = quotes("She went on to say that the pier was safe.")
    assert [(q.text, q.cue.text) for q in found] == [("that the pier was safe", "say")]


def test_a_cue_introduces_a_quotation_across_a_no_break_space():
    para = "The skipper added,\u00a0“We were lucky.”"
    assert [(q.text, q.speaker_mention.text) for q in quotes(para)] == [("We were lucky.", "The skipper")]
    with QUOTE_RULES.off("spaced_intro", "quoted_report"):  # quoted_report would take the unframed quotation
        assert quotes(para) == []


@pytest.mark.parametrize("paragraph, content", [
    ("ODDA, May 3 (Reuters) - Ferry crews ended their strike on the western routes, the union said on Sunday.",
     "Ferry crews ended their strike on the western routes"),
    ("(CNN)The mayor, according to her office, took the night ferry to the island on Friday.",
     "The mayor, according to her office, took the night ferry to the island on Friday"),
])
def test_a_dateline_is_no_part_of_what_is_reported(paragraph, content):
    assert content in [q.text for q in quotes(paragraph)]


@pytest.mark.parametrize("paragraph, content", [
    ("COVID-19 cases will peak in January, the health minister said on Monday.", "COVID-19 cases will peak in January"),
    ("ARD-Ardale trade talks will resume next week, the ministry said on Tuesday.",
     "ARD-Ardale trade talks will resume next week"),
    ("NATO-led forces will leave the province by June, the defence minister said.",
     "NATO-led forces will leave the province by June"),
])
def test_a_hyphenated_word_in_capitals_is_no_dateline(paragraph, content):
    assert content in [q.text for q in quotes(paragraph)]


@pytest.mark.parametrize("paragraph, content, speaker", [
    ("Praising the crews of the night ferry as the backbone of the island, Will urged the council to keep the pier "
     "open.", "the council to keep the pier open", "Will"),
    ("The board met after Chairman Ole Hansen (R-Ore.) earlier in the day touted the plan for the pier.",
     "the plan for the pier", "Ole Hansen"),
])
def test_a_source_the_parse_lost_before_a_bracket_an_adverb_or_read_as_a_modal(paragraph, content, speaker):
    assert [(q.text, q.speaker_mention.text) for q in quotes(paragraph)] == [(content, speaker)]
    with QUOTE_RULES.off("stray_source"):
        assert quotes(paragraph) == []


@pytest.mark.parametrize("paragraph, content, speaker", [
    ("Asked whether the pier should reopen, most of the crews said yes.", "yes", "most"),
    ("The harbour master would not say so.", "so", "The harbour master"),
    ("The harbour master did not say when.", "when", "The harbour master"),
    ("Last month, 26 percent said the same.", "the same", "26 percent"),
])
def test_a_word_standing_for_what_was_said_is_what_was_said(paragraph, content, speaker):
    found = quotes(paragraph)
    assert (content, speaker) in [(q.text, q.speaker_mention and q.speaker_mention.text) for q in found]
    with QUOTE_RULES.off("proform"):
        assert content not in [q.text for q in quotes(paragraph)]


def test_a_proform_must_close_its_clause():
    assert "so" not in [q.text for q in quotes("The harbour master said so far the pier was safe.")]


def test_a_question_put_with_if_is_what_was_asked_with_whom_it_was_put_to():
    para = "Then Hale asked the crews if they were always so serious."
    assert [(q.text, q.speaker_mention.text) for q in quotes(para)] == [
        ("the crews if they were always so serious", "Hale")]
    with QUOTE_RULES.off("asked_if"):
        assert quotes(para) == []


@pytest.mark.parametrize("paragraph, content, speaker", [
    ("Hale considers the plan unworkable.", "the plan unworkable", "Hale"),
    ("Many on the board consider him a fraud.", "him a fraud", "Many"),
])
def test_a_judgement_put_as_a_clause_without_a_verb(paragraph, content, speaker):
    assert [(q.text, q.speaker_mention.text) for q in quotes(paragraph)] == [(content, speaker)]
    with QUOTE_RULES.off("small_clause"):
        assert quotes(paragraph) == []


@pytest.mark.parametrize("paragraph, content", [
    ("Voters still view Hale as vastly more prepared for the job.", "Hale as vastly more prepared for the job"),
    ("The mayor sees the board as captured by the ferry lobby.", "the board as captured by the ferry lobby"),
])
def test_a_view_through_as_that_the_parser_opens_as_a_clause(paragraph, content):
    assert [q.text for q in quotes(paragraph)] == [content]
    with QUOTE_RULES.off("as_clause"):
        assert quotes(paragraph) == []


def test_an_as_clause_with_its_own_subject_is_a_time_not_a_view():
    assert quotes("The mayor painted a grim picture of the pier as she left the hall.") == []


def test_a_first_line_read_as_body_takes_a_headline_label():
    text = ("Auditors: Ferry fares will rise in May. The board is worried.\n\nThe harbour board met on Monday to set "
            "the summer timetable for the island ferries.\n")
    art = newsgraph.extract(text, kind="text")
    assert art.headline is None  # two sentences: the reader takes the line for body
    assert [(q.text, q.speaker_mention.text) for q in art.quotes if q.cue.text == ":"] == [
        ("Ferry fares will rise in May. The board is worried.", "Auditors")]
    with QUOTE_RULES.off("title_label"):
        assert [q for q in newsgraph.extract(text, kind="text").quotes if q.cue and q.cue.text == ":"] == []


def test_a_cue_set_off_mid_sentence_reports_what_hangs_on_it_after_the_comma():
    para = "The fares will rise, officials insist, because the fuel costs more."
    assert [q.text for q in quotes(para)] == ["The fares will rise, officials insist, because the fuel costs more"]
    with QUOTE_RULES.off("medial_cue"):
        assert [q.text for q in quotes(para)] == ["The fares will rise"]


def test_a_medial_cue_leaves_a_quotation_whole():
    para = "“The fares will rise,” officials insist, because the fuel costs more."
    assert [q.text for q in quotes(para)] == ["The fares will rise,"]


def test_a_second_that_clause_conjoined_to_the_reporting_verb_is_reported_too():
    para = "The skipper said that the crew “could be stubborn,” and that the boat had struggled in the storm."
    content = "that the crew “could be stubborn,” and that the boat had struggled in the storm"
    assert content in [q.text for q in quotes(para)]
    with QUOTE_RULES.off("conj_that"):
        assert content not in [q.text for q in quotes(para)]


@pytest.mark.parametrize("paragraph, content, speaker", [
    ("The sticking point is a demand, by Councillor Ruth Abara, that the board keep the night ferry.",
     "that the board keep the night ferry", "Councillor Ruth Abara"),
    ("The vote followed an admission from Mayor Hale that the pier was unsafe.", "that the pier was unsafe", "Hale"),
    ("The skipper has avoided angering the crews in hopes that the strike will end soon.",
     "that the strike will end soon", "The skipper"),
])
def test_a_reporting_noun_without_a_possessive_takes_its_holder_from_by_of_from_or_the_verb_of_in(
        paragraph, content, speaker):
    assert [(q.text, q.speaker_mention.text) for q in quotes(paragraph)] == [(content, speaker)]
    with QUOTE_RULES.off("noun_holder"):
        assert quotes(paragraph) == []


@pytest.mark.parametrize("paragraph, content, speaker", [
    ("The letter from the harbour board makes its case plainly: “The pier cannot stay open another winter.”",
     "The pier cannot stay open another winter.", "The letter"),
    ("Back on the quay, Hale went back to his old refrain: “The ferry stays. The fares stay.”",
     "The ferry stays. The fares stay.", "Hale"),
    ("The mood on the island was no news to pollster Ruth Abara: “Voters here have always distrusted the board.”",
     "Voters here have always distrusted the board.", "Ruth Abara"),
])
def test_a_quotation_after_a_colon_closing_a_clause_without_a_cue_is_the_subjects(paragraph, content, speaker):
    assert [(q.text, q.speaker_mention.text) for q in quotes(paragraph)] == [(content, speaker)]
    with QUOTE_RULES.off("colon_intro"):
        assert quotes(paragraph) == []


def test_a_colon_after_an_empty_subject_introduces_no_one():
    assert quotes("It was simple: “Keep the ferry running.”") == []


def test_a_source_the_parse_lost_may_stand_before_a_phrase_set_off_by_commas():
    para = "But Councillor Ruth Abara (D-Ore.), pointing to the empty pier, said, “The pier is too small for this.”"
    found = find(quotes(para), "The pier is too small")
    assert found.speaker_mention.text == "Councillor Ruth Abara"
    with QUOTE_RULES.off("apposition_source"):
        assert find(quotes(para), "The pier is too small").speaker_mention is None


@pytest.mark.parametrize("paragraph, content, kind", [
    ("The harbour master has also broadly called for “more boats on the water.”", "more boats on the water.",
     "direct"),
    ("The storm shook up what is called a “ferry season” on the island.",
     "what is called a “ferry season” on the island", "mixed"),
    ("The skipper offered “her thanks to every crew on the night ferry.”",
     "her thanks to every crew on the night ferry", "direct"),
])
def test_a_report_holding_a_quotation_no_cue_frames_is_a_quote(paragraph, content, kind):
    assert [(q.text, q.kind) for q in quotes(paragraph)] == [(content, kind)]
    with QUOTE_RULES.off("quoted_report"):
        assert quotes(paragraph) == []


def test_a_quotation_framed_by_its_own_cue_stays_out_of_another_report():
    para = "“We will stay,” the skipper said, according to the minutes."
    assert [q.text for q in quotes(para)] == ["We will stay,"]


def test_a_phrasal_cue_opening_with_as_reports_the_clause_it_leads_into():
    para = "As harbour experts have pointed out, the board is free to publish the fares."
    assert [(q.text, q.speaker_mention.text) for q in quotes(para)] == [
        ("the board is free to publish the fares", "harbour experts")]
    with QUOTE_RULES.off("as_phrasal"):
        assert quotes(para) == []


@pytest.mark.parametrize("paragraph, speaker", [
    ("The sudden closure led the harbour master to declare the pier unsafe.", "the harbour master"),
    ("The long war drove the villagers to demand a new pier on the island.", "the villagers"),
])
def test_a_cue_completing_a_verb_of_causing_speaks_for_its_object(paragraph, speaker):
    assert [q.speaker_mention.text for q in quotes(paragraph)] == [speaker]
    with QUOTE_RULES.off("object_control"):
        assert [q.speaker_mention.text for q in quotes(paragraph)] != [speaker]


@pytest.mark.parametrize("paragraph, content", [
    ("The skipper praised the new harbour lights at a meeting of the guild.", "the new harbour lights"),
    ("The ferry company denied the harbour board's charges through its lawyer.", "the harbour board's charges"),
])
def test_a_view_stops_before_where_or_through_whom_it_was_put(paragraph, content):
    assert [q.text for q in quotes(paragraph)] == [content]
    with QUOTE_RULES.off("setting_tail"):
        assert [q.text for q in quotes(paragraph)] != [content]


def test_a_trailing_according_to_is_a_cue_of_its_own_reporting_the_whole_clause():
    para = "Most voters said the harbour plan costs too much, according to exit polls."
    assert [(q.text, q.cue.text) for q in quotes(para)] == [
        ("Most voters said the harbour plan costs too much", "according to")]
    with QUOTE_RULES.off("according_tail"):
        assert [(q.text, q.cue.text) for q in quotes(para)] == [
            ("the harbour plan costs too much, according to exit polls", "said")]


@pytest.mark.parametrize("paragraph, content", [
    ("It is easy to mock the harbour board's plan for a second pier.", "the harbour board's plan for a second pier"),
    ("For the board, it means admitting that the fishermen were right all along.",
     "that the fishermen were right all along"),
])
def test_a_cue_completing_an_extraposed_it_has_no_source(paragraph, content):
    assert [(q.text, q.speaker_mention) for q in quotes(paragraph)] == [(content, None)]
    with QUOTE_RULES.off("expletive_it"):
        assert [(q.text, q.speaker_mention) for q in quotes(paragraph)] != [(content, None)]


def test_a_self_described_noun_is_how_its_holder_describes_themself():
    para = "Ole Brekke, a self-described ferry enthusiast, has fished here for forty years."
    found = [(q.text, q.speaker_mention.text, q.cue.text) for q in quotes(para)]
    assert ("ferry enthusiast", "self", "described") in found
    with QUOTE_RULES.off("self_described"):
        assert "ferry enthusiast" not in [q.text for q in quotes(para)]


def test_a_paragraph_of_a_few_words_in_single_marks_is_a_subheading():
    paras = ("“The nets have been empty since August,” said Ole Brekke, who has fished the bay for forty years.",
             "'A hard winter ahead.'",
             "The harbour board meets on Tuesday to discuss the quota.")
    assert "A hard winter ahead." not in [q.text for q in quotes(*paras)]
    with QUOTE_RULES.off("quoted_line"):
        assert "A hard winter ahead." in [q.text for q in quotes(*paras)]


def test_a_relative_who_never_stands_for_a_date():
    para = ("Lena Marsh confided in an old school friend, Rachel Oduya, in 2019, who told Marsh that the producer "
            "had also hurt her.")
    q = find(quotes("Singer speaks out", para), "that the producer")
    assert q.speaker_name == "Rachel Oduya", q
    with QUOTE_RULES.off("relative_not_date"):
        assert find(quotes("Singer speaks out", para), "that the producer").speaker_name == "2019"
    survey = find(quotes("Pier report", "Mayor Tom Reyes cited a survey from 2019, which found that the pier was "
                                        "unsafe."), "that the pier")
    assert survey.speaker_name is None, survey  # a "which" is no person's: no one named


def test_the_one_told_is_never_the_source():
    para = ('"The service was built for the cloud," Jack Buser, director for games at Google, tells The Hollywood '
            'Reporter.')
    assert find(quotes("Stadia launches", para), "The service").speaker_name == "Jack Buser"
    with QUOTE_RULES.off("listener_after"):
        assert find(quotes("Stadia launches", para), "The service").speaker_name == "The Hollywood Reporter"


def test_a_pull_quote_takes_the_speaker_of_the_quote_it_copies():
    paras = ('The club opened in 1970 and closed last year. Its owner, Ada Quill, remembers the first show. "It was '
             'the best night of my whole life and I will never forget it," Quill says.',
             'Ben Orr, who played drums that night, said the crowd sang along. "We could not hear ourselves," Orr '
             'said.',
             '"It was the best night of my whole life and I will never forget it"',
             'The building is now a supermarket.')
    copy = [q for q in quotes("Music memories", *paras) if q.cue is None][-1]
    assert copy.speaker_name == "Ada Quill", copy
    with QUOTE_RULES.off("pull_quotes"):
        assert [q for q in quotes("Music memories", *paras) if q.cue is None][-1].speaker_name == "Ben Orr"
