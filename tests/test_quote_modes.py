"""A quote's mode on small made-up articles: speech (words said or written), thought (views, wishes, feelings),
thing (what a thing offers, shows or suggests) or stance (a stand on something named, no words given).

Each case is one paragraph of its own, run through the whole pipeline; the cue's lexicon category is checked
too, so a case that passes for the wrong reason (another cue) shows.
"""

from __future__ import annotations

import pytest

from newsgraph.understand import quotes as quotes_stage
from newsgraph.understand.cue_sources import mute_nouns
from newsgraph.understand.cue_words import lexicon
from newsgraph.understand.quote_modes import MODES, cue_category
from newsgraph.understand.quote_rules import QUOTE_RULES
from test_quotes import find, quotes

LEAD = "The storm closed the pier on Sunday night."

SPEECH = [
    ("reporting", "The harbour master said the pier would stay shut until spring.", "the pier would stay"),
    ("direct_only", "Mayor Ada Quill spoke about the ferry fares at the meeting.", "the ferry fares"),
    ("phrases", "According to the coastguard, the fog will lift by noon.", "the fog will lift"),
    ("phrasal", "Quill pointed out that the ferry had never run at a profit.", "that the ferry had never"),
    ("reporting", "The inspectors' report found that the pier was unsafe.", "that the pier was unsafe"),
    ("to_infinitive", "Quill vowed to reopen the pier by June.", "to reopen the pier"),
    ("to_infinitive", "The union urged its members to stay home on Monday.", "its members to stay home"),
    ("object", "The fishermen's union criticized the new timetable as a gift to the ferry firm.", "the new timetable"),
    ("nouns", "Quill's claim that the fares had doubled drew laughter.", "that the fares had doubled"),
    ("nouns", "Quill voiced concern that the pier was unsafe.", "that the pier was unsafe"),  # a light verb
    ("passive_views", "The ferryman was accused of hiding the repair bill.", "The ferryman was accused"),
    ("passive_views", "The ferryman is said to be ill.", "The ferryman is said"),
    ("questions", "Quill was asked about the ferry fares.", "the ferry fares"),
]

THOUGHT = [
    ("thinking", "Mayor Ada Quill believes that the fares are too high.", "that the fares are too high"),
    ("to_infinitive", "Quill wants to rebuild the pier by June.", "to rebuild the pier"),
    ("to_infinitive", "Quill plans to sell the old ferry.", "to sell the old ferry"),
    ("object", "Most fishermen support the new timetable.", "the new timetable"),
    ("as_views", "Critics see the harbour bill as a giveaway to landlords.", "the harbour bill as"),
    ("state_adjectives", "Residents are worried that the ferry will stop running.", "that the ferry will stop"),
    ("passive_views", "The ferryman is expected to resign on Friday.", "The ferryman is expected"),
    ("nouns", "Quill's fear that the pier would collapse proved right.", "that the pier would collapse"),
    ("infinitive_nouns", "Quill's decision to close the pier angered the fishermen.", "to close the pier"),
    ("infinitive_nouns", "Quill made the decision to close the pier.", "to close the pier"),  # "make" voices nothing
    ("raising", "The harbour board seemed ready to vote on the plan.", "The harbour board seemed"),
]

THING = [  # an object verb a thing does too, its source a thing: no one's words or views
    ("object", "The new hatchback offers heated seats and a larger boot.", "heated seats"),
    ("object", "Casinos along the bay promote ageing crooners every summer.", "ageing crooners"),
    ("object", "Look for a ferry app that supports offline tickets.", "offline tickets"),
    ("object", "One billboard on the quay showed a smiling deckhand in a yellow coat.", "a smiling deckhand"),
]

STANCE = [  # an object that names a thing, no clause and nothing said of it (family `object_stances`)
    ("object", "The fishermen's union criticized the new timetable.", "the new timetable"),
    ("object", "The mayor denied the accusations.", "the accusations"),
    ("object", "The union called for a ceasefire on the quay.", "a ceasefire"),
]

NOT_STANCE = [  # the same verbs with a clause or with something said of their object: speech
    ("speech", "The broadcaster called it a misquote.", "it a misquote"),
    ("speech", "The ambassador accused the council of meddling in the vote.", "the council of meddling"),
    ("speech", "Police urged witnesses to contact the harbour office.", "witnesses to contact"),
    ("speech", "Quill denied taking the money.", "taking the money"),
]

MUTE = [  # any cue whose source never names someone who could speak (family `mute_sources`)
    ("reporting", "Research suggests that salt air rusts the pier faster than fresh water.", "that salt air rusts"),
    ("reporting", "Video footage from the quay reveals that the crane tipped over.", "that the crane tipped over"),
    ("reporting", "The survey results suggest that most fishermen want a new pier.", "that most fishermen want"),
    ("to_infinitive", "The new timetable aims to cut waiting times at the quay.", "to cut waiting times"),
]

NOT_MUTE = [  # the source may be someone: a group sense ('side'), a compound, owner, 'of' or 'by', 'no one'
    ("speech", "Both sides said the talks would resume in March.", "the talks would resume"),
    ("speech", "Eyewitness accounts suggest that the crane tipped over.", "that the crane tipped over"),
    ("stance", "A large share of voters blames the council for the closure.", "the council for the closure"),
    ("thought", "No one thinks the pier will reopen before summer.", "the pier will reopen"),
    ("speech", "The jury found that the ferryman was negligent.", "that the ferryman was negligent"),
    ("speech", "The city said the pier would reopen in June.", "the pier would reopen"),
    ("speech", "Acme research suggests that the pier is sinking.", "that the pier is sinking"),
    ("speech", "The council's research shows that the pier is sinking.", "that the pier is sinking"),
    ("speech", "Research by the council suggests that the pier is sinking.", "that the pier is sinking"),
]

NOT_THING = [  # the same verbs with a source that can hold a view: a person, a group, a name, a document
    ("speech", "The mayor offered her condolences to the ferry crew.", "her condolences"),
    ("thought", "The harbour board supports the new quota.", "the new quota"),
    ("speech", "Hale promoted the night ferry at every stop.", "the night ferry"),
    ("speech", "The council's report shows a sharp fall in catches.", "a sharp fall in catches"),
    ("thought", "A number of cities that support the quota sent boats.", "the quota"),
]


@pytest.fixture
def categories(monkeypatch):
    """The lexicon category of each quote's cue, in the order the stage numbers them (None: no cue)."""
    seen: list[str | None] = []
    original = quotes_stage.quote_mode

    def spy(kind, cue, lex, named=False, firm=False):
        seen.append(cue_category(cue, lex) if cue is not None else None)
        return original(kind, cue, lex, named=named, firm=firm)

    monkeypatch.setattr(quotes_stage, "quote_mode", spy)
    return seen


@pytest.mark.parametrize("mode, cases", [("speech", SPEECH), ("thought", THOUGHT), ("thing", THING),
                                         ("thing", MUTE), ("stance", STANCE)])
def test_modes_by_cue_category(mode, cases, categories):
    for category, para, content in cases:
        categories.clear()
        qs = quotes(LEAD, para)
        q = find(qs, content)
        assert (q.kind, q.mode, categories[qs.index(q)]) == ("indirect", mode, category), para


@pytest.mark.parametrize("mode, para, content", NOT_THING)
def test_a_thing_verb_of_someone_keeps_its_mode(mode, para, content):
    q = find(quotes(LEAD, para), content)
    assert (q.kind, q.mode) == ("indirect", mode), para


@pytest.mark.parametrize("mode, para, content", NOT_MUTE)
def test_a_source_that_may_be_someone_keeps_its_mode(mode, para, content):
    q = find(quotes(LEAD, para), content)
    assert (q.kind, q.mode) == ("indirect", mode), para


@pytest.mark.parametrize("mode, para, content", NOT_STANCE)
def test_an_object_with_a_clause_or_a_predicate_is_speech(mode, para, content):
    q = find(quotes(LEAD, para), content)
    assert (q.kind, q.mode) == ("indirect", mode), para


def test_object_stances_switch():
    para = "The mayor denied the accusations."
    with QUOTE_RULES.off("object_stances"):
        assert find(quotes(LEAD, para), "the accusations").mode == "speech"
    assert find(quotes(LEAD, para), "the accusations").mode == "stance"


def test_mute_sources_switch():
    para = "Research suggests that salt air rusts the pier faster than fresh water."
    with QUOTE_RULES.off("mute_sources"):
        assert find(quotes(LEAD, para), "that salt air rusts").mode == "speech"
    assert find(quotes(LEAD, para), "that salt air rusts").mode == "thing"


def test_a_companys_trade_is_no_speech():
    para = ("Amazon is offering Prime members a gift card. Orvel Bank showed a profit in May. Amazon offered its "
            "thanks to the crews, and Amazon offered no reason.")
    qs = quotes(LEAD, para)
    assert [find(qs, text).mode for text in ("a gift card", "a profit in May", "its thanks", "no reason")] \
        == ["thing", "thing", "speech", "speech"]  # a noun of words stays speech
    with QUOTE_RULES.off("firm_trade"):
        assert find(quotes(LEAD, para), "a gift card").mode == "speech"


def test_mute_nouns_come_from_wordnet():
    """Nouns of no person and no group sense; a noun with a group sense that is not its first stays someone."""
    assert {"graph", "footage", "research", "move"} <= mute_nouns()
    assert not {"side", "duo", "jury", "city", "scholar", "case", "company"} & mute_nouns()


@pytest.mark.parametrize("para, content", [
    ("“The pier is a death trap,” Quill said.", "The pier is a death trap"),
    ("Quill believes the pier is “a death trap” for children.", "the pier is “a death trap”"),  # mixed
])
def test_quotations_in_quote_marks_are_speech(para, content):
    q = find(quotes(LEAD, para), content)
    assert q.kind in ("direct", "mixed") and q.mode == "speech"


def test_continued_quotations_are_speech():
    qs = quotes(LEAD, "“We lost eleven boats,” said Ada Brennan, who runs the co-op. "
                      "“Some were older than me.”",
                "“Nobody asked them to come. They simply turned up with shovels.”")
    floating = find(qs, "Nobody asked")
    assert floating.cue is None and floating.speaker_name == "Ada Brennan"
    assert [q.mode for q in qs] == ["speech"] * 3


def test_every_quote_has_a_mode():
    qs = quotes(LEAD, *(para for _, para, _ in SPEECH + THOUGHT + THING + MUTE + STANCE))
    assert qs and all(q.mode in MODES for q in qs)


def test_thought_lists_name_lemmas_of_their_own_category():
    """A lemma split off as thought must be one of its category's cues (a typo would silently be speech)."""
    import json
    from importlib import resources

    data = json.loads(resources.files("newsgraph.data").joinpath("cues.json").read_text(encoding="utf-8"))
    for category, lemmas in lexicon().thought.items():
        assert set(lemmas) <= set(data[category]) | {"*"}, category
