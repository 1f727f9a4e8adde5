"""A quote's mode: words said or written (speech), a view, belief, intention, feeling or perception (thought),
what a thing offers, shows, suggests or aims at (thing), or a stand taken on something named, with no words given
(stance).

The mode is read off the cue that attributes the quote, never off its content:
  1. A quotation in quote marks (direct or mixed), and a quote with no cue of its own (a continuation of a
     speaker's quotation), is speech, whatever the cue.
  2. Otherwise the cue's lexicon category (`cue_category`: which list of `data/cues.json` made it a cue) and
     its lemma decide: `cues.json`'s "thought" names, for each category, the lemmas whose quotes are thoughts
     ("*" for every lemma of a category: thinking verbs, states of mind, "seems to"); every other cue is speech.
  3. A view noun held through a light verb was voiced ("expressed [concern that ...]"): speech.
  4. An object verb that a thing does too (`cues.json`'s "thing_verbs": offer, promote, show, support) whose
     source is a thing, not a name, person, group or document, reports no one's words or views: "the car offers
     [heated seats]", "the poll shows [her ahead]" (attribution gold counts the poll's, so the quote stays).
     So does one of them that a company uses of its trade (`cues.json`'s "trade_verbs": offer, promote, show)
     when its source is an organisation and its content a noun phrase with no clause: "Dashlane offers [a free
     version]", "the company showed [a profit]"; not "the firm showed [that it could pay]", nor a noun of words
     ("offered [its condolences]", `cues.json`'s "offered_words" and "nouns") (family `firm_trade`).
  5. Any other cue whose source is a noun that never names someone who could speak (`cue_sources.is_mute`:
     WordNet gives it no sense a person or a group, and no compound, owner, "of" or "by" of it may be someone)
     reports a thing too, unless the source was resolved to one of the article's entities ("Trump", tagged a
     noun): "a graph shows [...]", "research suggests [...]", "the move aims [to ...]" (family `mute_sources`).
  6. An object verb of taking a stand (`cues.json`'s "stance_verbs": deny, condemn, praise, welcome, call for, ...)
     whose content is a noun phrase, with no clause and nothing said of it, reports a stance, not words: "denied
     [the accusations]", "called for [a ceasefire]"; not "denied [taking the money]", "called [it a misquote]"
     (family `object_stances`).
A store made before quotes had a mode guesses it from a cue's words (`guess_mode`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import QUOTE_MODES
from .cue_sources import is_mute, is_thing
from .quote_rules import enabled

if TYPE_CHECKING:
    from .cue_kinds import Cue
    from .cue_words import Lexicon

SPEECH, THOUGHT, THING, STANCE = QUOTE_MODES
MODES = QUOTE_MODES
QUOTED_KINDS = frozenset({"direct", "mixed"})
OWN_CATEGORIES = {"phrase": "phrases", "signature": "signature", "label": "label", "adjective": "state_adjectives"}
"""Cue kinds that are a category of their own (a signature's dash and a transcript's label are in no word list)."""


def quote_mode(kind: str, cue: Cue | None, lex: Lexicon, named: bool = False, firm: bool = False) -> str:
    """The mode (speech, thought, thing or stance) of a quote of `kind` (direct, indirect, mixed) attributed through
    `cue`; `named`: its source is an entity of the article, `firm`: an organisation."""
    if kind in QUOTED_KINDS or cue is None:
        return SPEECH
    return cue_mode(cue, lex, named, firm)


def cue_mode(cue: Cue, lex: Lexicon, named: bool = False, firm: bool = False) -> str:
    """The mode of what a cue reports outside quote marks (steps 2 to 6)."""
    lemma = cue.head.lemma_.lower()
    if cue.kind == "noun" and _voiced(cue.head, lex):
        return SPEECH
    category = cue_category(cue, lex)
    if category == "object" and lemma in lex.thing_verbs and is_thing(cue.speaker):
        return THING
    if firm and category == "object" and lemma in lex.trade_verbs and enabled("firm_trade") and _names_a_thing(cue) \
            and cue.head.doc[cue.content[0]:cue.content[1]].root.lemma_.lower() not in lex.offered_words:
        return THING  # 'Dashlane offers [a free version]', 'the company showed [a profit]': its trade, no words
    if enabled("mute_sources") and not named and is_mute(cue.speaker):
        return THING
    listed = lex.thought.get(category, frozenset())
    if "*" in listed or lemma in listed:
        return THOUGHT
    if enabled("object_stances") and category == "object" and lemma in lex.stance_verbs and _names_a_thing(cue) \
            and (lemma != "call" or _followed_by(cue.head, "for")):
        return STANCE
    return SPEECH


def _followed_by(token, word: str) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == word


NOUN_HEADS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "oprd"})  # 'urged [voters to stay home]': a request, said


def _names_a_thing(cue: Cue) -> bool:
    """The content is the cue's object and a noun phrase, with no clause and nothing said of it ("as ...", a
    predicate): "denied [the accusations]", "condemned [the attack]", "unveiled [a plan]"; not "denied [taking the
    money]", "suggested [how to fix it]", "urged [voters to stay home]", "accused [him of lying]", "called [it a
    misquote]", "described [the video as satire]"."""
    if cue.reports != "object" or cue.content is None or cue.content[1] <= cue.content[0]:
        return False
    content = cue.head.doc[cue.content[0]:cue.content[1]]
    if content.root.pos_ not in NOUN_HEADS:
        return False
    for t in content:
        if t.pos_ in ("VERB", "AUX") and (t.dep_ in CLAUSE_DEPS and t.head.i in (cue.head.i, content.root.i)
                                          or t.dep_ in ("pcomp", "pobj")):
            return False  # 'urged [voters to stay home]', 'accused [him of lying]'
        if t.dep_ == "oprd" or t.lower_ == "as" and t.head.i in (cue.head.i, content.root.i):
            return False  # 'called [it a misquote]', 'described [the video as satire]': said of it
    return True


def cue_category(cue: Cue, lex: Lexicon) -> str:
    """The `cues.json` list that made this cue: reporting, thinking, to_infinitive, object, nouns, passive_views, ...
    (or "signature", "label" for the cues of no list)."""
    lemma = cue.head.lemma_.lower()
    if cue.kind in OWN_CATEGORIES:
        return OWN_CATEGORIES[cue.kind]
    if cue.kind == "noun":
        to = cue.content is not None and cue.head.doc[cue.content[0]].lower_ == "to"
        return "infinitive_nouns" if lemma not in lex.nouns or to and lemma in lex.infinitive_nouns else "nouns"
    if cue.reports == "question":
        return "questions"
    if cue.kind == "passive" and cue.reports == "passive":
        if lemma in lex.raising:
            return "raising"
        if lemma in lex.passive and cue.content is not None and cue.content[1] > cue.head.i:
            return "passive_views"  # "[she] is expected [to win]": the complement after the verb
        # else "[the meeting] was reported by [...]": the active verb's category, below
    if cue.words[1] - cue.words[0] > 1:
        return "phrasal"  # "pointed out", "called for", "put it"
    if cue.reports == "infinitive":
        return "to_infinitive"
    if cue.reports == "object":  # tried in this order by `reported.content_of`
        return "object" if lemma in lex.objects else "as_views" if lemma in lex.as_views else "prepositional"
    return _verb_category(lemma, lex)


def _verb_category(lemma: str, lex: Lexicon) -> str:
    """The list of a verb that reports a clause, a topic or the sentence around it."""
    if lemma in lex.clause:
        return "thinking" if lemma in lex.thinking else "reporting"
    if lemma in lex.frames:
        return "direct_only"
    if lemma in lex.objects:
        return "object"  # "[the plan] was criticized by [...]"
    if lemma in lex.passive:
        return "passive_views"  # "considers [him a fraud]": a judging verb's small clause
    return "to_infinitive" if lemma in lex.infinitive else "reporting"  # "decided [on the date]"


NOT_VOICING = frozenset({"make", "give"})
"""Light verbs that hold a view noun without voicing it: "made [the decision] to ...", "gave [the impression] that"."""


def _voiced(noun, lex: Lexicon) -> bool:
    """The noun is the object of a light verb that voices it: "voiced [concern]", "shared [the view]"."""
    verb = noun.head.lemma_.lower()
    return noun.dep_ == "dobj" and verb in lex.light_verbs and verb not in NOT_VOICING


IRREGULAR = {"thought": "think", "knew": "know", "known": "know", "saw": "see", "seen": "see", "sought": "seek",
             "felt": "feel", "meant": "mean"}
"""Irregular forms of the thought lemmas, for `guess_mode` (the parse gives lemmas; a stored cue only its words)."""


def guess_mode(kind: str, cue_text: str | None, lex: Lexicon) -> str:
    """The mode of a quote stored before quotes had one, from its kind and its cue's words alone: thought when a
    cue word is a form of a lemma that every category listing it makes a thought ("believes", "wants", "worried",
    "expected", "fear"); speech otherwise. The stage's own mode reads the parse and is exact."""
    if kind in QUOTED_KINDS or not cue_text:
        return SPEECH
    thought = thought_lemmas(lex)
    for word in cue_text.lower().split():
        if any(form in thought for form in _lemma_forms(word)):
            return THOUGHT
    return SPEECH


def thought_lemmas(lex: Lexicon) -> frozenset[str]:
    """Cue lemmas and word forms that are thoughts in every category that lists them (document nouns, which speak
    for their author, are sources rather than cues)."""
    categories = {"reporting": lex.clause - lex.thinking, "direct_only": lex.frames - lex.clause,
                  "thinking": lex.thinking, "to_infinitive": lex.infinitive, "object": lex.objects,
                  "as_views": lex.as_views, "prepositional": frozenset(lex.prepositional), "nouns": lex.nouns,
                  "infinitive_nouns": lex.infinitive_nouns, "passive_views": frozenset(lex.passive),
                  "state_adjectives": lex.adjectives, "raising": lex.raising, "phrasal": frozenset(lex.phrasal)}
    modes: dict[str, set[bool]] = {}
    for category, lemmas in categories.items():
        listed = lex.thought.get(category, frozenset())
        for lemma in lemmas:
            modes.setdefault(lemma, set()).add("*" in listed or lemma in listed)
    return frozenset(lemma for lemma, found in modes.items() if found == {True})


def _lemma_forms(word: str) -> set[str]:
    """What lemma an inflected English verb, noun or adjective form may have ("hoped", "hoping", "plans")."""
    word = word.strip(".,;:\"'“”‘’")
    forms = {word, IRREGULAR.get(word, word)}
    for ending, instead in (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("ied", "y"),
                            ("ies", "y")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)] + instead
            forms.add(stem)
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "planned", "planning"
    return forms
