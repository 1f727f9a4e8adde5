"""Who speaks through a reporting verb: its subject, also when it is shared, inverted or relative.

  - Of several subjects the nearest outside quotation marks wins, never the one told after "tells" or "informs"; a
    dateline the parser made the subject gives way to its apposition ("BOSTON -- Mayor Ann Hale, ..., said";
    `_past_dateline`).
  - A verb without a subject of its own takes the one it shares: "and added", ", adding ...", "went on to say",
    "began by saying", "X said it was ... and warned Y to ..." (`_reporter_of_conjunct`); the object of a verb of
    causing does what its "to ..." says ("drove [the villagers] to demand ..."; `_object_controller`), and so does
    the object before a "for ..." ("thanked the crew for agreeing ..."; `_object_for`).
  - A name after the verb is an inverted source ("[...], reported the Orlan Gazette", "“...,” said Smith"), also
    when the parse lost it (`_name_after_quotation`).
  - A gerund on a noun speaks for the noun, or for whoever issued it ("the council issued a statement calling ...";
    `_noun_source`, `_issuer`).
  - "It is easy to mock [...]" names no one: "it" stands for the clause (`extraposed`).
`attribution` asks `verb_source` for a verb cue's source, and `cue_kinds.noun_cue` for a noun's through its verb;
the readings of an unusual parse it relies on (a contracted "’s", a verb that may invert, the reporter above a
gerund, a noun that can speak) are `cue_sources`'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content_edges import INVERTED_DEPS, QUOTE_TOKENS, SUBJECT_DEPS, comma_inverted
from .cue_sources import before_contraction, can_speak, may_invert, reporter_above
from .quote_rules import enabled
from .reported import DASHES

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_SIGNATURE_TOKENS = 6  # "“...” ― Jane Q. Doe"

LISTENER_VERBS = frozenset({"tell", "inform", "assure", "remind", "notify"})
"""Verbs whose noun after them is the one told, never an inverted source: '“...,” NAME tells The Hollywood Reporter'
(the parser may make the outlet a second subject)."""


def verb_source(verb: Token, scopes: list[int]) -> Token | None:
    """The subject of a reporting verb, also when it is shared, inverted or relative.

    Of several subjects the nearest outside quotation marks wins: in '“... One of the best,” Cummings said'
    the parser may take "One" for a subject too.
    """
    inverted = comma_inverted(verb)
    if inverted is not None:
        return inverted  # "[...], reported the Orlan Gazette.": not the subject of the clause reported
    node = verb
    for _ in range(4):
        deps = SUBJECT_DEPS if node.i == verb.i else (*SUBJECT_DEPS, "nsubjpass")  # "After saying ..., she was taken"
        subjects = [c for c in node.children if c.dep_ in deps and scopes[c.i] == scopes[verb.i]
                    and not (c.i > node.i and node.lemma_.lower() in LISTENER_VERBS and enabled("listener_after"))]
        subject = min(subjects, key=lambda c: abs(c.i - node.i)) if subjects else None
        if subject is not None:
            if enabled("contracted_has"):
                subject = before_contraction(subject)
            return _past_dateline(subject)  # a relative "who" is named after the noun it hangs on, by the quotes stage
        reporter = _reporter_of_conjunct(node) if node.i == verb.i and enabled("reporter_conj") else None
        if reporter is not None:
            node = reporter  # "X said it was ... and warned Y to ...": X warned, not Y
            continue
        inverted = next((c for c in node.rights if c.dep_ in INVERTED_DEPS and c.i - node.i <= 3
                         and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON")), None) \
            if not (node.tag_ == "VBG" and enabled("gerund_object")) and may_invert(node) else None
        if inverted is not None and node.i == verb.i and not (verb.dep_ == "conj" and enabled("reporter_conj")):
            # a conjoined verb shares a subject: "..., and criticized Obama for ...": not inverted
            return inverted
        gerund = node.tag_ == "VBG"
        if node.dep_ == "acl" and gerund and node.head.pos_ in ("NOUN", "PROPN"):
            return _noun_source(node.head, scopes)
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.i != node.head.i:
            doer = _object_for(node.head, scopes) if enabled("for_object") else None
            if doer is not None:
                return doer  # "fined the clerk for refusing to testify": the clerk refused
            node = node.head.head  # "began by saying", "before asking her": the subject of the verb it hangs on
            continue
        controller = _object_controller(node, scopes) if enabled("object_control") else None
        if controller is not None:
            return controller  # "the war drove [the villagers] to demand ...": they demanded
        # "... and added", ", adding ...", "went on to say": the subject is shared
        shares = node.dep_ in ("conj", "xcomp") or node.dep_ == "advcl" and gerund or enabled("purpose_subject") \
            and node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) \
            or enabled("adjective_subject") and node.dep_ == "acomp" and not _expletive(node.head)
        if not shares or node.head.i == node.i or enabled("expletive_it") and extraposed(node):
            break
        reporter = reporter_above(node) if node.i == verb.i and gerund and enabled("reporter_gerund") else None
        node = reporter if reporter is not None else node.head
    return _name_after_quotation(verb)


CAUSERS = frozenset({"lead", "prompt", "drive", "force", "compel", "cause", "spur", "inspire", "provoke", "move", "send"})
"""Verbs whose object does what their "to ..." says ("led [Hale] to declare ..."); not those of urging or ruling, whose
subject holds the view too ("persuaded the crews to back ...", "the rules require the crews to vote for ...")."""


def _object_controller(node: Token, scopes: list[int]) -> Token | None:
    """"sent [a reporter] to ask ...", "drove [the villagers] to demand ...": the object of the verb a "to ..." clause
    completes does what the clause says."""
    if node.dep_ not in ("xcomp", "advcl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) \
            or node.head.lemma_.lower() not in CAUSERS:
        return None
    return next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i and c.lower_ != "it"
                 and scopes[c.i] == scopes[node.i]), None)


def _expletive(verb: Token) -> bool:
    """"It's worth noting [...]": the subject of the adjective is "it", no one."""
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in verb.children)


def extraposed(node: Token) -> bool:
    """"It's easy to criticize [...]", "it is hard not to wonder [...]", "It means admitting [...]": a cue completing
    "it is" with an adjective, or "it means", shares no subject: "it" stands for the clause, no one holds the view."""
    head = node.head
    if node.dep_ != "xcomp" or not _expletive(head):
        return False
    lemma = head.lemma_.lower()
    return lemma == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() not in SUBJECT_ADJECTIVES
                                 for c in head.children) or lemma == "mean" and node.tag_ == "VBG"


SUBJECT_ADJECTIVES = frozenset({"likely", "unlikely", "certain", "sure", "bound", "set", "due", "able", "unable",
                                "ready", "willing", "unwilling", "eager", "quick", "slow", "reluctant", "prepared",
                                "poised", "keen", "happy", "glad", "free", "careful", "determined", "expected"})
"""Adjectives whose "to ..." speaks of their subject ("it is likely to [...]" of a report): "it" is someone's there."""


def _object_for(prep: Token, scopes: list[int]) -> Token | None:
    """'thanked the crew for agreeing to ...': after 'for', a gerund's doer is the object of the verb it hangs on."""
    if prep.lower_ != "for":
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i and c.pos_ in ("PROPN", "NOUN")
                 and scopes[c.i] == scopes[prep.i]), None)


def _reporter_of_conjunct(verb: Token) -> Token | None:
    """'X said it was closed and warned Y to ...': a verb without a subject, parsed as conjoined to a reported
    clause but in the form of the verb that reports it, is that verb's conjunct (as `content_edges.clause_end` reads
    it)."""
    if verb.dep_ != "conj" or verb.head.dep_ != "ccomp" or verb.head.i > verb.i:
        return None
    reporter = verb.head.head
    return reporter if reporter.tag_ == verb.tag_ and reporter.i < verb.head.i else None


def _noun_source(noun: Token, scopes: list[int]) -> Token | None:
    """Who speaks through a gerund on a noun: "a statement calling the test a violation": the statement, or whoever
    issued it; "a sudden calm signaling ...": only whoever the noun's clause names, as a calm cannot speak."""
    if enabled("mute_noun") and not can_speak(noun):
        return _issuer(noun, scopes)
    return (_issuer(noun, scopes) if enabled("issuer") else None) or noun


def _issuer(noun: Token, scopes: list[int]) -> Token | None:
    """'the council issued a statement calling ...', 'at a news conference announcing ...': who issued or held it."""
    if noun.pos_ != "NOUN":
        return None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and scopes[c.i] == scopes[noun.i]), None)


def _past_dateline(subject: Token) -> Token:
    """'BOSTON -- Mayor Ann Hale, ..., said': the parser's subject is the dateline; the speaker is its apposition."""
    doc = subject.doc
    nxt = subject.i + 1
    if enabled("dateline_apposition") and subject.is_upper and len(subject) > 1 and nxt < len(doc) \
            and doc[nxt].text in DASHES \
            and all(t.is_upper or t.is_punct or t.is_space for t in doc[subject.left_edge.i:subject.i]):
        return next((c for c in subject.children if c.dep_ == "appos"), subject)
    return subject


def _name_after_quotation(verb: Token) -> Token | None:
    """'“...,” said coxswain Bram Visser': after a quotation the subject follows the verb, whatever the parse says."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in QUOTE_TOKENS and doc[verb.i - 1].text != ",":
        return None
    name = None
    for t in doc[verb.i + 1:verb.i + 1 + MAX_SIGNATURE_TOKENS]:
        if t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and t.is_title:
            name = t
        elif name is not None or t.pos_ not in ("NOUN", "ADJ", "DET") and not (t.i == verb.i + 1 and t.pos_ == "VERB"):
            break  # "said [the] [coxswain] Bram Visser" (a title the tagger may call anything)
    return name
