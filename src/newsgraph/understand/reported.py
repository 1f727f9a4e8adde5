"""What a reporting cue reports: the token range of its content, read off the dependency parse.

  - a clause: "said [that the pier will reopen]", also two clauses ("said [A, and B]");
  - an infinitive: "vowed [to resign]", "urged voters [to stay home]";
  - an object with its complement: "called [it a disgrace]", "called for [a recount]";
  - the host clause a cue interrupts or trails: "[the refund], it says, [would be $40]",
    "[...], sources said", and what "according to" qualifies.
Where a range ends (a clause's end, a trailing aside, edge punctuation) and the host clause of a cue are read in
`content_edges`, the object of a view in `view_objects`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content_edges import SUBJECT_DEPS, clause_end, comma_inverted, host_content, medial_tail, trim, without_aside
from .cue_words import lexicon
from .quote_rules import enabled
from .view_objects import object_content, prepositional_content

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .cue_words import Lexicon

WH_WORDS = frozenset({"who", "what", "where", "when", "why", "how", "whether", "if", "which"})
TOPIC_PREPS = ("about", "on")  # "spoke [about ...]"; "of", "over" and "against" did not pay on PolNeAR
SPEECH_OF = frozenset({"speak", "talk", "write", "warn", "boast", "complain", "tell"})  # "spoke [of his father]"


def content_of(verb: Token, lemma: str, lex: Lexicon) -> tuple[tuple[int, int] | None, str]:
    """The token range the verb reports, from the parse, and what it is: clause, infinitive, object or host."""
    if lemma in lex.clause:
        found = _clause_content(verb, lemma, lex)
        if found is not None:
            return found
    if lemma in lex.infinitive:
        found = _infinitive_content(verb, lex)
        if found is not None:
            return found
    if lemma in lex.clause and comma_inverted(verb) is not None:
        return host_content(verb.doc, {t.i for t in verb.subtree}, verb.head), "host"  # "[...], reported the Gazette."
    view = _view_content(verb, lemma, lex)
    if view is not None:
        return view
    return _host_clause(verb, lemma, lex)


def _clause_content(verb: Token, lemma: str, lex: Lexicon) -> tuple[tuple[int, int] | None, str] | None:
    """The clause a verb of speech or thought governs ("said [that ...]"), or None when it governs none."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] or _misparsed_that_clause(verb)
    right = [c for c in clauses if c.i > verb.i]
    if right and enabled("conj_that"):
        right += _conjoined_that(verb, right[-1])  # "predicted [that A, but that B]"
    clauses = right or clauses  # "said A ... B": both; "[...]; the team says [...]": the one it introduces
    if clauses and not (lemma in lex.thinking and clauses[0].left_edge.lower_ in WH_WORDS):
        found = without_aside(verb.doc, clauses[0].left_edge.i, clause_end(clauses[-1], lex, verb))
        tail = medial_tail(verb, lex) if found is not None and not right and enabled("medial_cue") else None
        return (found[0], tail) if tail is not None else found, "clause"
    return None


def _infinitive_content(verb: Token, lex: Lexicon) -> tuple[tuple[int, int] | None, str] | None:
    """The "to ..." a commitment or a request governs ("vowed [to resign]"), or None when it governs none."""
    goal = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                 and any(a.lower_ == "to" for a in c.lefts)), None)
    if goal is not None:
        # "urged [voters to stay home]": whom the request is addressed to belongs to what it asks
        addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < goal.i), None)
        unnamed = goal.lemma_.lower() in UNNAMED and any(c.dep_ == "auxpass" for c in goal.children)
        if enabled("idioms") and (unnamed or addressee is not None and addressee.lemma_.lower() == "anonymity"):
            return None, "clause"  # "did not want to be named", "requested anonymity to speak freely"
        start = addressee.left_edge.i if addressee is not None and enabled("addressee") else goal.left_edge.i
        return without_aside(verb.doc, start, clause_end(goal, lex, verb)), "infinitive"
    return None


def _view_content(verb: Token, lemma: str, lex: Lexicon) -> tuple[tuple[int, int], str] | None:
    """What a view or a report holds other than a clause, tried in this order: an object, a view through "as", a
    preposition's object, a topic, a judgement, a question, a word standing for what was said."""
    if lemma in lex.objects:
        found = object_content(verb)
        if found is not None:
            return found, "object"
    if lemma in lex.as_views and enabled("as_view"):
        found = _as_content(verb)
        if found is not None:
            return found, "object"
    if lemma in lex.prepositional and enabled("prepositional"):
        stance = prepositional_content(verb, lex.prepositional[lemma])
        if stance is not None:
            return stance, "object"
    if enabled("topic"):
        topic = _topic_content(verb)
        if topic is not None:
            return topic, "topic"
    if lemma in JUDGING and enabled("small_clause"):
        judged = _small_clause(verb)
        if judged is not None:
            return judged, "clause"
    if lemma in lex.questions and enabled("asked_if"):
        question = _question_clause(verb, lex)
        if question is not None:
            return question, "clause"
    if lemma in lex.clause and enabled("proform"):
        proform = _proform_content(verb)
        if proform is not None:
            return proform, "clause"
    return None


def _host_clause(verb: Token, lemma: str, lex: Lexicon) -> tuple[tuple[int, int] | None, str]:
    """The host clause a cue leads into or trails ("As X reported, [...]", "[...], sources said"), else none."""
    doc = verb.doc
    subordinate = any(c.dep_ == "mark" for c in verb.children)  # "though she noted ...": not parenthetical
    if lemma in lex.clause and enabled("as_reported") and _as_clause(verb):
        return host_content(doc, {t.i for t in verb.subtree}, verb.head), "host"  # "As X reported, [...]"
    if lemma in lex.clause and not subordinate and any(c.dep_ in SUBJECT_DEPS for c in verb.children) and (
            verb.dep_ == "parataxis" or verb.dep_ in ("ccomp", "advcl", "conj") and verb.head.i < verb.i
            and _comma_before(verb)):
        return host_content(doc, {t.i for t in verb.subtree}, verb.head), "host"  # "[...], sources said"
    return None, "clause"


DASHES = frozenset({"―", "—", "–", "-", "--"})


def _conjoined_that(verb: Token, clause: Token) -> list[Token]:
    """"predicted [that fares would fall, but that the ferry would offset it]": a second "that" clause the parser
    conjoins to the reporting verb rather than to the first clause is reported too."""
    return [c for c in verb.rights if c.dep_ == "conj" and c.i > clause.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            and any(g.dep_ in SUBJECT_DEPS for g in c.children)][:1]


JUDGING = frozenset({"consider", "deem"})  # "considers [him a fraud]"


def _small_clause(verb: Token) -> tuple[int, int] | None:
    """"[Hale] considers [the plan unworkable]", "consider [him a fraud]": a judgement of an object put as a clause
    without a verb (the parser's complement is the adjective or noun, with the object as its subject)."""
    clause = next((c for c in verb.rights if c.dep_ in ("ccomp", "oprd") and c.pos_ in ("ADJ", "NOUN")
                   and any(g.dep_ in ("nsubj", "dobj") for g in c.lefts)), None)
    if clause is None:
        return None
    return trim(verb.doc, clause.left_edge.i, clause.right_edge.i + 1)


QUESTION_MARKS = frozenset({"if", "whether"})


def _question_clause(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """"asked [the crews if they would strike]": the parser reads a question put with "if" or "whether" as a
    condition or hangs it on a word of its own; the question, with whom it was put to right before it, is what was
    asked. Only when the verb has no clause of its own and the question follows it."""
    if any(c.dep_ in ("ccomp", "xcomp", "auxpass") for c in verb.children):
        return None
    doc = verb.doc
    marks = [t for t in verb.subtree if t.i > verb.i and t.dep_ == "mark" and t.lower_ in QUESTION_MARKS]
    if not marks:
        return None
    mark = marks[0]
    clause = mark.head
    between = doc[verb.i + 1:mark.i]
    if clause.i == verb.i or any(t.dep_ in ("ccomp", "advcl", "xcomp") for t in between):
        return None  # the mark belongs to a clause further down
    if any(t.is_punct for t in between) or len(between) > 8:
        return None
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < mark.i), None)
    start = addressee.left_edge.i if addressee is not None and enabled("addressee") else mark.i
    return without_aside(doc, start, clause_end(clause, lex, verb))


ANSWERS = frozenset({"yes", "no", "so"})  # "said [yes]", "would not say [so]"
DEMONSTRATIVE_OBJECTS = frozenset({"that", "this"})  # "by the time he said [that]."
SAME = frozenset({"same", "opposite"})  # "said [the same]", "was saying [the opposite]"


def _proform_content(verb: Token) -> tuple[int, int] | None:
    """A word standing for what was said, right after the verb and closing its clause: an answer ("said [yes]",
    "would say [so]"), a demonstrative ("said [that]."), a question word ("did not say [when]") or "the same" and
    "the opposite" ("26 percent said [the same]"); not "said so far", "said that he ...", "said when asked"."""
    doc = verb.doc
    k = verb.i + 1
    if k >= len(doc):
        return None
    word = doc[k]
    lower = word.lower_
    if lower == "the" and k + 1 < len(doc) and doc[k + 1].lower_ in SAME:
        word = doc[k + 1]
        end = max(t.i for t in word.subtree) + 1
        if word.head.i != verb.i or word.dep_ not in ("dobj", "nsubj", "attr"):
            return None
        return (k, end) if end >= len(doc) or doc[end].is_punct or doc[end].pos_ == "CCONJ" else None
    if word.head.i != verb.i:
        return None
    if lower in ANSWERS or lower in DEMONSTRATIVE_OBJECTS and word.dep_ == "dobj" \
            or lower in WH_WORDS and word.tag_ == "WRB":
        after = k + 1
        return (k, after) if after >= len(doc) or doc[after].is_punct and doc[after].text not in ("-", "'s") \
            else None
    return None


OBJECT_PARTICLES = frozenset({"out", "up"})  # "spelled out [its concerns]", "summed up [the divide]"
LITERAL_PHRASAL = frozenset({"open", "call"})  # "opened up a lead"; "call for", "call on" are read elsewhere


def phrasal_content(verb: Token, particle: Token, lex: Lexicon) -> tuple[tuple[int, int] | None, str]:
    """What a phrasal cue reports: its clause ("pointed out [that ...]"), the direct object after "out" or "up"
    ("spelled out [its concerns]"), or its topic ("weighed in on [the vote]"); not the "to ..." of "went on to
    say", whose own verb reports."""
    clauses = [c for c in verb.rights if c.dep_ == "ccomp"]
    if clauses and enabled("conj_that"):
        clauses += _conjoined_that(verb, clauses[-1])  # "pointed out [that A, and that B]"
    if clauses:
        return without_aside(verb.doc, clauses[0].left_edge.i, clause_end(clauses[-1], lex, verb)), "clause"
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is not None and particle.lower_ in OBJECT_PARTICLES and verb.lemma_.lower() not in LITERAL_PHRASAL:
        found = object_content(verb)
        if found is not None:
            return found, "object"
    topic = _topic_content(verb) if enabled("topic") else None
    if topic is None and enabled("as_phrasal") and _as_clause(verb):
        return host_content(verb.doc, {t.i for t in verb.subtree}, verb.head), "host"  # "As X pointed out, [...]"
    return topic, "topic" if topic is not None else "clause"


def _as_clause(verb: Token) -> bool:
    """"As the Post reported, [...]": a clause opening with "as" and a comma reports the clause it leads into."""
    doc = verb.doc
    after = verb.right_edge.i + (verb.right_edge.text != ",")  # the comma may hang on the verb itself
    return verb.dep_ == "advcl" and verb.head.i > verb.i and after < len(doc) and doc[after].text == "," \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
        and not any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and verb.lemma_.lower() not in lexicon().infinitive
                    for c in verb.children)  # "as she answered the questions": a time, not a report


def _as_content(verb: Token) -> tuple[int, int] | None:
    """A view through "as": "critics see [the bill as a giveaway]", "has portrayed [herself as an outsider]"."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    as_ = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_ is None and obj is not None and enabled("as_clause"):
        # "see [X as captured by ...]", "view [X as more prepared]": "as" parsed as opening a clause of its own
        as_ = next((c for c in verb.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "as"
                    and c.left_edge.i == obj.right_edge.i + 1
                    and not any(g.dep_ in SUBJECT_DEPS for g in c.children)), None)  # not "as she left"
        if as_ is not None:
            dash = next((t.i for t in as_.subtree if t.text in DASHES and t.doc[t.i - 1].whitespace_), None)
            return without_aside(verb.doc, obj.left_edge.i, dash if dash is not None else as_.right_edge.i + 1)
    if obj is None or as_ is None or as_.i < obj.i:
        return None
    return without_aside(verb.doc, obj.left_edge.i, as_.right_edge.i + 1)


def _topic_content(verb: Token) -> tuple[int, int] | None:
    """What a report is about: "spoke [about the shooting]", "pressed him [on his taxes]"."""
    for c in verb.rights:
        if c.dep_ == "prep" and (c.lower_ in TOPIC_PREPS or c.lower_ == "of" and verb.lemma_.lower() in SPEECH_OF):
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and not (c.lower_ == "on" and obj.ent_type_ in ("DATE", "TIME")) \
                    and not (enabled("idioms") and _no_topic(verb, c, obj)):  # "on Sunday": when
                return without_aside(verb.doc, obj.left_edge.i, obj.right_edge.i + 1)
    return None


ANONYMITY = frozenset({"anonymity", "condition"})  # "spoke on (the) condition of anonymity": why unnamed, not what
UNNAMED = frozenset({"name", "identify", "quote"})  # "did not want to be named": why unnamed, no view


def _no_topic(verb: Token, prep: Token, obj: Token) -> bool:
    """A phrase after 'on' that says how, not what: 'spoke on the condition of anonymity', 'calling friends on
    their phones' (a call's topic follows the verb itself: 'called on the board')."""
    if obj.lemma_.lower() in ANONYMITY:
        return True
    return verb.lemma_.lower() == "call" and prep.i != verb.i + 1


SETTING_PREPS = frozenset({"in", "during", "at", "on", "following", "after", "before", "for", "through", "via"})
"""Prepositions of where or when something was said ("said in a statement", "told her during a debate")."""


def _misparsed_that_clause(verb: Token) -> list[Token]:
    """A clause the verb reports that the parser hung elsewhere: 'told a meeting of growers [that few buyers
    understood ...]' (a relative clause of the object), 'said in a statement [that ...]' (a clause of the noun naming
    where it was said, `medium_clause`), 'said [seeing the crowds was a relief]' (a gerund subject read as the verb's
    complement, `gerund_clause`)."""
    for obj in verb.rights:
        if obj.dep_ == "dobj":
            found = _that_clause_in(obj, ("relcl",))
            if found is not None:
                return [found]
    if enabled("medium_clause"):
        for prep in verb.rights:
            if prep.dep_ == "prep" and prep.lower_ in SETTING_PREPS:
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    found = _that_clause_in(obj, ("relcl", "acl"))
                    if found is not None:
                        return [found]
    if enabled("gerund_clause"):
        for gerund in verb.rights:
            if gerund.dep_ == "xcomp" and gerund.tag_ == "VBG" and not any(a.lower_ == "to" for a in gerund.lefts) \
                    and any(c.dep_ == "ccomp" and not any(g.dep_ == "mark" for g in c.children) for c in gerund.rights):
                return [gerund]  # the gerund opens the clause: its verb is the ccomp the parser hung on it
    return []


def _that_clause_in(noun: Token, deps: tuple[str, ...]) -> Token | None:
    """A clause with its own subject, opening with "that", that the parser hung inside the noun's phrase."""
    for rel in noun.subtree:
        if rel.dep_ in deps and rel.left_edge.lower_ == "that" and rel.left_edge.dep_ == "mark" \
                and any(c.dep_ in SUBJECT_DEPS for c in rel.children):
            return rel
    return None


def _comma_before(verb: Token) -> bool:
    first = verb.left_edge.i
    return first > 0 and verb.doc[first - 1].text in (",", "—", "–")
