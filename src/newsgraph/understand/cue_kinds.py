"""The cue record, and the cues that are not a reporting verb's: nouns, states of mind, passives.

`attribution.find_cues` calls these builders for every token whose word may open a cue:
  - a reporting noun with its "that" clause, its "to ..." or its topic ("the mayor's claim [that ...]",
    "her decision [to resign ...]", "her questions [about the ferry fares]");
  - a state of mind with what it holds ("are worried [that ...]");
  - a passive view with its subject and complement ("[she] is expected [to win]"), the source unnamed or
    the agent after "by".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from .content_edges import trim
from .quote_marks import Marked
from .quote_rules import enabled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .cue_words import Lexicon

CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis", "conj", "advcl")


@dataclass
class Cue:
    """A reporting verb or phrase with its source and reported content (token indices into the paragraph)."""

    head: Token  # the verb, or the first word of a phrase
    words: tuple[int, int]  # token range of the cue words ("according to", "pointed out")
    scope: int  # the quotation the cue stands in (index into the paragraph's marks), -1 outside quotes
    speaker: Token | None
    content: tuple[int, int] | None  # token range of the reported content, when the parse gives one
    frames: bool  # may frame a quotation
    own: frozenset[int] | None  # the cue's own words, when not the verb's (see `clause_tokens`)
    kind: str = "verb"  # verb, noun, phrase, signature ("“...” ― Jane Doe"), label ("PENCE: ...")
    reports: str = "clause"  # what the content is: clause, infinitive, object ("called [it “a disgrace”]"), host
    scopes: list[int] | None = None

    @cached_property
    def clause_tokens(self) -> frozenset[int]:
        """The cue's own words: verb, source, "her" in "told her", "in a statement" (computed when first needed)."""
        if self.own is not None:
            return self.own
        return clause_tokens(self.head, self.content, self.scopes)


def whole_quotations(cues: list[Cue], spans: list[tuple[int, int]], marks: list[Marked]) -> None:
    """A reported content that ends inside a top-level quotation it opened before runs on to the quotation's
    close: the aside trimming ("..., the keeper of ...") must not cut a quotation in two."""
    if not enabled("whole_quotation"):
        return
    for cue in cues:
        if cue.content is None or cue.scope != -1:
            continue
        first, last = cue.content
        for (a, b), m in zip(spans, marks):
            if m.depth == 0 and first <= a < last < b - 1:
                cue.content = (first, b)
                break


CELL_SEPARATOR = "|"  # the HTML reader joins a table row's cells with " | "


def within_cells(doc: Doc, cues: list[Cue]) -> None:
    """In a table row, a cue keeps to its verb's cell: a source in another cell is none, and a content running
    into another cell ends at its edge ("Supported Operating Systems | Number of devices supported | ..." is a
    header, not a report)."""
    if not enabled("table_cells"):
        return
    bars = [t.i for t in doc if t.text == CELL_SEPARATOR]
    if not bars:
        return
    for cue in cues:
        first = max((b for b in bars if b < cue.head.i), default=-1) + 1
        last = min((b for b in bars if b > cue.head.i), default=len(doc))
        if cue.speaker is not None and not first <= cue.speaker.i < last:
            cue.speaker = None
        if cue.content is not None:
            a, b = cue.content
            cue.content = trim(doc, max(a, first), min(b, last)) if a < last and first < b else None


PASSIVE_FOLLOWS = {"xcomp": "to", "ccomp": "that", "oprd": "name", "acomp": "name"}
"""What a passive's complement is, by its dependency; cues.json says which ones make each verb's passive a view."""


def passive_cue(verb: Token, scopes: list[int], follows: frozenset[str]) -> Cue | None:
    """A view reported by a passive ("[she] is expected [to win]", "the ferryman was called [a hero] by the crew"):
    the content is the subject with the complement, the agent left out; the source is the agent, or unnamed.
    `follows` is what makes this verb's passive a view ("seen [as ...]", "accused [of ...]"; not "seen with ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    parts = [c for c in verb.rights if _passive_follow(c) in follows]
    if subject is None or not parts or scopes[subject.i] != scopes[verb.i]:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    first, last = subject.left_edge.i, max(c.right_edge.i for c in parts) + 1
    if agent is not None and first < agent.i < last:  # "criticised by X [as too costly]": the agent is the source
        after = [c for c in parts if c.i > agent.i]
        first, last = (after[0].left_edge.i, last) if after else (first, agent.left_edge.i)
    content = trim(verb.doc, first, last)
    if content is None:
        return None
    source, own = _by_agent(verb, agent, ("auxpass", "aux", "neg"))
    return Cue(verb, (verb.i, verb.i + 1), scopes[verb.i], source, content, False, own, "passive", reports="passive")


def reported_passive(verb: Token, scopes: list[int]) -> Cue | None:
    """What the passive of a cue verb with its agent after "by" reports, when it is no view of its subject: the
    subject itself ("[the meeting] was first reported by [the Gazette]"), the agent the source."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subject is None or agent is None or scopes[subject.i] != scopes[verb.i] or subject.i > verb.i:
        return None
    content = trim(verb.doc, subject.left_edge.i, subject.right_edge.i + 1)
    if content is None:
        return None
    source, own = _by_agent(verb, agent, ("auxpass", "aux", "neg"))
    return Cue(verb, (verb.i, verb.i + 1), scopes[verb.i], source, content, False, own, "passive", reports="passive")


RAISING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what", "who"})


def raising_cue(verb: Token, scopes: list[int], lex: Lexicon) -> Cue | None:
    """How a thing looks to the writer: "[the court] seemed [to send a signal]", "[the board] appears [ready to
    vote]". The content is the subject with the complement, the source no one. Not when the complement is a cue
    of its own ("she appeared to imply [that ...]": that one reports), nor for "it" ("it seems likely that ..."),
    a relative or a demonstrative subject ("what seemed to be ...", "this seems unfair")."""
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    parts = [c for c in verb.rights if c.dep_ in ("xcomp", "acomp", "oprd")]
    if subject is None or not parts or scopes[subject.i] != scopes[verb.i] or subject.lower_ in RAISING_PRONOUNS:
        return None
    complement = parts[0]
    if complement.lemma_.lower() in lex.any_verb:
        return None
    infinitive = any(g.dep_ == "aux" and g.lower_ == "to" for g in complement.children)
    if complement.dep_ != "acomp" and not infinitive and complement.pos_ != "ADJ" and complement.tag_ != "VBN":
        return None  # "appeared on television": no view
    content = trim(verb.doc, subject.left_edge.i, max(c.right_edge.i for c in parts) + 1)
    if content is None:
        return None
    own = frozenset({verb.i} | {c.i for c in verb.children if c.dep_ in ("aux", "neg") and subject.i < c.i < verb.i})
    return Cue(verb, (verb.i, verb.i + 1), scopes[verb.i], None, content, False, own, "passive", reports="passive")


def question_cue(verb: Token, scopes: list[int], preps: frozenset[str]) -> Cue | None:
    """A question put by someone unnamed: "[she] was asked [about the fares]", "Asked [whether ...], he said ...",
    "when asked [to leave]". The content is what was asked, not who was asked; the source is the agent after
    "by", else no one. An active "asked" with a subject is a reporting verb's, read elsewhere."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "csubj") for c in verb.children):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not passive and verb.dep_ not in ("advcl", "ROOT", "conj", "xcomp"):
        return None  # "the question asked by ...", "a film asked ...": not a question put to someone
    asked = next((c for c in verb.rights if c.dep_ in ("ccomp", "xcomp")
                  or c.dep_ == "prep" and c.lower_ in preps and not _when(c)), None)
    if asked is None or scopes[asked.i] != scopes[verb.i]:
        return None
    first = asked.left_edge.i if asked.dep_ != "prep" else asked.i + 1
    content = trim(verb.doc, first, asked.right_edge.i + 1)
    if content is None:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source, own = _by_agent(verb, agent, ("auxpass", "aux", "neg", "nsubjpass"))
    return Cue(verb, (verb.i, verb.i + 1), scopes[verb.i], source, content, False, own, "passive", reports="question")


def _by_agent(verb: Token, agent: Token | None, deps: tuple[str, ...]) -> tuple[Token | None, frozenset[int]]:
    """A passive's source, the name after its "by" (or no one), and the cue's own words: the verb, its `deps`
    children and the whole "by ..." phrase."""
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    own = {verb.i} | {c.i for c in verb.children if c.dep_ in deps}
    if agent is not None:
        own |= {t.i for t in agent.subtree}
    return source, frozenset(own)


def _when(prep: Token) -> bool:
    """'questioned [on Tuesday]', 'for several hours': when, not what was asked."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _passive_follow(c: Token) -> str | None:
    """What a passive's dependent makes it: a preposition's word, "to", "that", "name" ("deemed [unsafe]")."""
    if c.dep_ == "prep":
        return c.lower_
    kind = PASSIVE_FOLLOWS.get(c.dep_)
    if kind == "to" and not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
        return "name"  # "reported [missing]": no infinitive
    return kind


def noun_cue(tok: Token, scopes: list[int], lex: Lexicon, verb_source: Callable) -> Cue | None:
    """A reporting noun with a "that" clause or a topic: "the mayor's claim [that ...]", "expressed concern [that ...]",
    "her questions about [the ferry fares]"."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in lex.nouns and lemma not in lex.infinitive_nouns:
        return None
    clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp") and c.left_edge.lower_ == "that"
                   and c.left_edge.dep_ == "mark"), None) if lemma in lex.nouns else None
    if clause is None and lemma in lex.infinitive_nouns and enabled("noun_infinitive"):
        clause = next((c for c in tok.rights if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
                       and c.left_edge.lower_ == "to" and c.left_edge.i == tok.i + 1), None)
    topic = _noun_topic(tok) if clause is None and enabled("topic") else None
    if clause is None and topic is None:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    if source is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.light_verbs:
        source = verb_source(tok.head, scopes)
    if source is None and enabled("noun_holder"):
        source = _noun_holder(tok, scopes, verb_source)
    if source is None:
        return None
    held = clause if clause is not None else topic
    content = trim(tok.doc, held.left_edge.i, held.right_edge.i + 1)
    return Cue(tok, (tok.i, tok.i + 1), scopes[tok.i], source, content, False, None, "noun", scopes=scopes)


HOLDER_PREPS = frozenset({"by", "of", "from"})  # "a demand by the union that ...", "the decision of the board to ..."


def _noun_holder(noun: Token, scopes: list[int], verb_source: Callable) -> Token | None:
    """Who holds a reporting noun that has no possessive: the name, person or group after "by", "of" or "from" ("a
    demand, by the union, that ...", "the determination of the crews to ...") or, for a noun after "in" ("in hopes
    that ...", "in the hope of ..."), the subject of the verb its phrase hangs on."""
    from .speakers import nouns  # speakers imports attribution, which imports this module

    kinds = nouns()
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in HOLDER_PREPS:
            holder = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if holder is not None and scopes[holder.i] == scopes[noun.i] and (
                    holder.pos_ == "PROPN" or holder.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                    or kinds.is_person(holder.lemma_.lower()) or holder.lemma_.lower() in kinds.group):
                return holder
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX") \
            and noun.lemma_.lower() in ("hope", "effort", "bid"):
        return verb_source(noun.head.head, scopes)
    return None


def adjective_cue(tok: Token, scopes: list[int], lex: Lexicon) -> Cue | None:
    """A state of mind with what it holds: "Democrats are worried [that ...]", "she is determined [to ...]"."""
    if tok.lower_ not in lex.adjectives or not enabled("state_adjectives"):
        return None
    holder = tok.head if tok.dep_ in ("acomp", "oprd") else tok
    source = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it"), None)
    if source is None or scopes[source.i] != scopes[tok.i]:
        return None
    content = _state_content(tok)
    if content is None:
        return None
    return Cue(tok, (tok.i, tok.i + 1), scopes[tok.i], source, content, False, None, "adjective", scopes=scopes)


def _state_content(tok: Token) -> tuple[int, int] | None:
    """What a state of mind holds: its clause, its "to ...", or the object of "about"/"of"/"over"."""
    for c in tok.rights:
        if c.dep_ in ("ccomp", "xcomp"):
            return trim(tok.doc, c.left_edge.i, c.right_edge.i + 1)
        if c.dep_ == "prep" and c.lower_ in ("about", "of", "over"):
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return trim(tok.doc, obj.left_edge.i, obj.right_edge.i + 1)
    return None


def _noun_topic(noun: Token) -> Token | None:
    """What a reporting noun is about: "her questions [about the ferry fares]"."""
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "about"), None)
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


def clause_tokens(verb: Token, content: tuple[int, int] | None, scopes: list[int]) -> frozenset[int]:
    """The cue's own words: its subtree minus the reported content and anything inside quotes."""
    own = {t.i for t in verb.subtree}
    for c in verb.children:
        if c.dep_ in CLAUSE_DEPS:
            own -= {t.i for t in c.subtree}
    if content:
        own -= set(range(*content))
    own.add(verb.i)
    return frozenset(i for i in own if scopes[i] == scopes[verb.i])
