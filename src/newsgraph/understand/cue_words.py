"""The reporting-cue vocabulary of `data/cues.json`, loaded once per process.

Every word list the quotes stage reads lives in the data file, so a user can
add a reporting verb, a phrase or a document noun without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


def load_data(name: str) -> dict:
    """A JSON vocabulary from the package's data folder."""
    return json.loads(resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Lexicon:
    """The cue vocabulary of `data/cues.json`, as sets of lemmas."""

    frames: frozenset[str]  # verbs that may frame a quotation
    clause: frozenset[str]  # verbs that report through a clause
    thinking: frozenset[str]  # views, not words: no "whether ..." clauses
    infinitive: frozenset[str]  # verbs that report through "to ..."
    objects: frozenset[str]  # verbs that report a view of their object
    nouns: frozenset[str]  # "claim", "concern": report through a "that" clause
    infinitive_nouns: frozenset[str]  # "decision", "plan": report through "to ..."
    as_views: frozenset[str]  # "see [X as Y]": a view of the object through "as"
    light_verbs: frozenset[str]  # "expressed concern that": the verb's subject is the source
    adjectives: frozenset[str]  # "are worried that", "is determined to": word forms of a state of mind
    passive: dict[str, frozenset[str]]  # "is expected [to win]", "was accused [of ...]": what makes a passive a view
    prepositional: dict[str, frozenset[str]]  # "voted [for ...]", "referred to [...]": the preposition's object
    questions: dict[str, frozenset[str]]  # "[she] was asked [about ...]": a question put by someone unnamed, and its
    # prepositions
    raising: frozenset[str]  # "[the court] seemed [to send a signal]": how a thing looks to the writer
    thing_verbs: frozenset[str]  # "the car offers heated seats": object verbs a thing does too (quote_modes)
    trade_verbs: frozenset[str]  # "Dashlane offers a free version": a company's trade, no words (quote_modes)
    offered_words: frozenset[str]  # "offered its condolences": nouns of words a trade verb still reports
    stance_verbs: frozenset[str]  # "denied [the accusations]": object verbs of taking a stand (quote_modes)
    phrasal: dict[str, frozenset[str]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # by first word
    document_nouns: frozenset[str]
    not_labels: frozenset[str]  # "UPDATE:", "WATCH:" open a paragraph but name no speaker
    salutations: frozenset[str]  # "DEAR ABBY:" names the one addressed, not a speaker
    any_verb: frozenset[str]  # every lemma that may start a cue, to skip all other tokens quickly
    thought: dict[str, frozenset[str]]  # by category, the lemmas whose quotes are thoughts ("*": all of them)


@cache
def lexicon() -> Lexicon:
    """The reporting cues, loaded once per process."""
    data = load_data("cues.json")
    reporting, direct_only, thinking = set(data["reporting"]), set(data["direct_only"]), set(data["thinking"])
    infinitive, objects, nouns = set(data["to_infinitive"]), set(data["object"]), set(data["nouns"])
    passive = {verb: frozenset(follows) for verb, follows in data["passive_views"].items()}
    infinitive_nouns = set(data["infinitive_nouns"])
    any_verb = reporting | direct_only | thinking | infinitive | objects | nouns | set(passive) | infinitive_nouns \
        | set(data["as_views"]) | set(data["phrasal"]) | set(data["questions"]) | set(data["prepositional"]) \
        | set(data["raising"])
    return Lexicon(frames=frozenset(reporting | direct_only), clause=frozenset(reporting | thinking),
                   thinking=frozenset(thinking - reporting), infinitive=frozenset(infinitive),
                   objects=frozenset(objects), nouns=frozenset(nouns), infinitive_nouns=frozenset(infinitive_nouns),
                   as_views=frozenset(data["as_views"]), light_verbs=frozenset(data["light_verbs"]),
                   adjectives=frozenset(data["state_adjectives"]), passive=passive,
                   questions={verb: frozenset(preps) for verb, preps in data["questions"].items()},
                   prepositional={verb: frozenset(preps) for verb, preps in data["prepositional"].items()},
                   raising=frozenset(data["raising"]), thing_verbs=frozenset(data["thing_verbs"]),
                   trade_verbs=frozenset(data["trade_verbs"]),
                   offered_words=frozenset(data["offered_words"]) | frozenset(data["nouns"]),
                   stance_verbs=frozenset(data["stance_verbs"]),
                   phrasal={verb: frozenset(parts) for verb, parts in data["phrasal"].items()},
                   phrases=_by_first_word(data["phrases"]),
                   document_nouns=frozenset(data["document_nouns"]),
                   not_labels=frozenset(data["not_speaker_labels"]),
                   salutations=frozenset(data["label_salutations"]), any_verb=frozenset(any_verb),
                   thought={category: frozenset(lemmas) for category, lemmas in data["thought"].items()})


def _by_first_word(phrases: list[list[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(tuple(phrase))
    return {first: tuple(found) for first, found in out.items()}
