"""Where what a reporting cue reports starts and ends, and the host clause a cue interrupts or trails.

  - a clause ends before a coordinated report of its own ("said [he would review it] and warned ...",
    `clause_end`), and a medial cue's clause goes on after it ("[...], officials insist, [because ...]",
    `medial_tail`);
  - a range ends before a trailing aside (", which ...", ", according to exit polls"; `without_aside`);
  - the host clause (by default the sentence) of a cue that interrupts or trails it (`host_content`), and the name
    after a cue the parser conjoined to the clause it reports (`comma_inverted`).
Ranges are trimmed of edge punctuation (quotation marks stay: they belong to mixed quotes; `trim`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .quote_rules import enabled

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .cue_words import Lexicon

SUBJECT_DEPS = ("nsubj", "csubj")
QUOTE_TOKENS = frozenset({"\"", "'", "“", "”", "‘", "’", "«", "»", "„", "''", "``"})
ASIDE_DEPS = frozenset({"appos", "relcl", "advcl"})
NONRESTRICTIVE = frozenset({"which", "who", "whom", "whose"})
CONCESSIVE = frozenset({"although", "though", "while", "whereas"})
_EDGE_PUNCT = frozenset(",.;:—–-…!?()[]")


def clause_end(head: Token, lex: Lexicon, verb: Token) -> int:
    """One past the clause, stopping before a coordinated report of its own.

    With `conj_form`, a conjoined verb without a subject is the reporter's next verb only in the reporting verb's
    own form ("said he would review it and warned ..."); a bare infinitive or a passive with its own subject goes
    on with what was reported ("declined to blame X or criticize Y", "why A was delayed or why it was praised").
    """
    own = next((c.lower_ for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    form = enabled("conj_form")
    for c in head.rights:
        if c.dep_ != "conj" or c.lemma_.lower() not in lex.any_verb:
            continue
        deps = (*SUBJECT_DEPS, "nsubjpass") if form else SUBJECT_DEPS
        subject = next((g for g in c.children if g.dep_ in deps), None)
        if subject is None and c.pos_ == "VERB" and c.tag_ != "VBG" and (not form or c.tag_ == verb.tag_):
            return c.left_edge.i  # "said he would review it and warned against hackers": the reporter's verb
        if subject is None and enabled("conj_report") and c.lemma_.lower() in lex.clause \
                and any(g.dep_ == "ccomp" for g in c.children):
            return c.left_edge.i  # "said they worry about X and fear [that Y]": a report of its own
        if subject is not None and subject.pos_ != "PRON" and subject.lower_ != own \
                and any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in c.children):
            return c.left_edge.i  # "... that A, and rights groups warned that B": B is theirs
    return head.right_edge.i + 1


def without_aside(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The range without a trailing aside after a comma: ", which ...", an apposition, ", although ...",
    ", arguing that ..." (what was reported ends before the reporter's comment)."""
    if enabled("according_tail"):
        end = _before_according(doc, start, end)
    for i in range(start + 1, end):
        t = doc[i]
        if t.dep_ not in ASIDE_DEPS:
            continue
        first = t.left_edge.i
        if first <= start or doc[first - 1].text != "," or t.right_edge.i + 1 < end - 1 or t.head.i < start:
            continue
        if t.dep_ == "appos" or t.dep_ == "relcl" and t.left_edge.lower_ in NONRESTRICTIVE \
                or t.dep_ == "advcl" and (t.tag_ == "VBG" or any(c.lower_ in CONCESSIVE for c in t.children)):
            return trim(doc, start, first - 1)
    return trim(doc, start, end)


def _before_according(doc: Doc, start: int, end: int) -> int:
    """'Most voters said [the plan costs too much], according to exit polls': a trailing "according to" is a cue of its
    own, naming who tells of the report (and reporting the whole clause), not part of what was reported. Where the range
    ends without it."""
    for i in range(start + 2, end - 1):
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to" and doc[i - 1].text == "," \
                and all(t.i < end for t in doc[i].subtree) and doc[i].right_edge.i >= end - 2:
            return i - 1
    return end


TAIL_DEPS = frozenset({"advcl", "prep", "advmod", "npadvmod"})


def medial_tail(verb: Token, lex: Lexicon) -> int | None:
    """"[The fares will rise], officials insist, [because the fuel costs more]": a reporting verb that follows the
    clause it reports and is set off by commas in the middle of its sentence; what hangs on it after the second comma
    goes on with what was reported. Not a report of its own (", adding that ..."), nor a conjoined verb (", and
    left"). Where the words after the cue end, or None."""
    if verb.dep_ != "ROOT":
        return None
    doc = verb.doc
    comma = next((c for c in verb.rights if c.dep_ == "punct" and c.text == ","), None)
    if comma is None:
        return None
    tail = [c for c in verb.rights if c.i > comma.i and not c.is_punct]
    if not tail or tail[0].left_edge.i != comma.i + 1 or tail[0].dep_ not in TAIL_DEPS \
            or tail[0].lemma_.lower() in lex.any_verb and tail[0].tag_ == "VBG":
        return None
    end = None
    for c in tail:
        if c.dep_ not in TAIL_DEPS:
            break
        end = c.right_edge.i + 1
    if end is None or any(t.text in QUOTE_TOKENS for t in doc[verb.left_edge.i:end]) \
            or any(t.lower_ == "according" or t.pos_ == "VERB" and t.lemma_.lower() in lex.any_verb
                   for t in doc[comma.i + 1:end]):
        return None  # a quotation stays whole; a tail with a cue of its own reports for itself
    while end > comma.i + 1 and doc[end - 1].is_punct:
        end -= 1
    return end if end - comma.i > 2 else None


INVERTED_DEPS = ("dobj", "attr", "npadvmod", "appos", "dative", "oprd")  # how a source after its cue hangs on it


def comma_inverted(verb: Token) -> Token | None:
    """'[...], reported the Orlan Gazette.': the name after a cue the parser conjoined to the clause it reports
    (after a comma, with no 'and' before it), when the name closes the sentence; None otherwise."""
    if not enabled("comma_inversion") or verb.dep_ != "conj" or verb.head.i > verb.i or verb.i == 0 \
            or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children) \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    name = next((c for c in verb.rights if c.dep_ in INVERTED_DEPS and c.left_edge.i - verb.i <= 2
                 and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG"))), None)
    if name is None:
        return None
    after = name.right_edge.i + 1
    doc = verb.doc
    return name if after >= len(doc) or doc[after].text in (".", "!", "?") or doc[after].is_sent_start else None


def host_content(doc: Doc, cue_tokens: set[int], host: Token | None = None) -> tuple[int, int] | None:
    """The clause (by default the sentence) a cue interrupts or trails, without the cue when it stands at an edge."""
    if host is not None and host.dep_ != "ROOT":
        start, end = host.left_edge.i, host.right_edge.i + 1  # "the stadium, [which, she said, is full]"
    else:
        sent = doc[min(cue_tokens)].sent
        start, end = sent.start, sent.end
    while start < end and (start in cue_tokens or _plain_punct(doc[start])):
        start += 1
    while end > start and (end - 1 in cue_tokens or _plain_punct(doc[end - 1])):
        end -= 1
    return trim(doc, start, end)


def _plain_punct(tok: Token) -> bool:
    return tok.is_punct and tok.text not in QUOTE_TOKENS


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The range without edge punctuation and dangling conjunctions; None when under two tokens remain."""
    while start < end and doc[start].text in _EDGE_PUNCT or start < end and doc[start].is_space:
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].lower_ in ("and", "but", "or")):
        end -= 1
    return (start, end) if end - start >= 2 else None
