"""What a view reports as its object, read off the dependency parse for `reported`: the verb's object with its
complement ("called [it a disgrace]", "polls show [Marsh with 41 percent]"), the object of its preposition ("voted
[for the bill]") and the clause the parser opens with "for" ("called for [the board to resign]").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content_edges import QUOTE_TOKENS, without_aside
from .cue_words import lexicon
from .quote_rules import enabled

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_DEPS = ("dobj", "oprd", "xcomp", "ccomp")
OBJECT_PREPS = ("as", "for", "of", "over")  # "described [X as Y]", "blamed [X for Y]", "called for [X]"


def prepositional_content(verb: Token, preps: frozenset[str]) -> tuple[int, int] | None:
    """A view of what a preposition names: "voted [for the bill]", "referred to [the deal as a disaster]"."""
    if "for" in preps and enabled("for_clause"):
        clause = _for_clause(verb)
        if clause is not None:
            return clause  # "pushed for [the board to resign]"
    for c in verb.rights:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                as_ = [g.right_edge.i for g in verb.rights if g.i > c.i and g.dep_ == "prep" and g.lower_ == "as"]
                return without_aside(verb.doc, obj.left_edge.i, max([obj.right_edge.i, *as_]) + 1)
    return None


def _for_clause(verb: Token) -> tuple[int, int] | None:
    """"called for [the board to resign]": the parser makes "for" the mark of a clause of its own."""
    clause = next((c for c in verb.rights if c.dep_ == "advcl" and c.left_edge.lower_ == "for"
                   and c.left_edge.dep_ == "mark" and c.left_edge.i == verb.i + 1), None)
    return without_aside(verb.doc, clause.left_edge.i + 1, clause.right_edge.i + 1) if clause is not None else None


def object_content(verb: Token) -> tuple[int, int] | None:
    """What a view is about: the object with its complement ("called [it a disaster]", "called for [a recount]")."""
    if verb.lemma_.lower() == "call" and enabled("for_clause"):
        clause = _for_clause(verb)
        if clause is not None:
            return clause  # "called for [the board to resign]"
    parts = [c for c in verb.rights if c.dep_ in OBJECT_DEPS]
    if parts or verb.lemma_.lower() == "call":
        parts += [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
                  and (parts or c.lower_ == "for")]
    if not parts or enabled("idioms") and any(c.dep_ == "dobj" and c.lemma_.lower() == "anonymity" for c in parts):
        return None  # "requested anonymity to speak freely": why unnamed
    if verb.lemma_.lower() == "call" and not any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.lower_ == "for"
                                                 for c in parts):
        named = _quoted_name(verb) if enabled("quoted_name") else None
        return named  # "called him" on the phone; "called [his plan “a farce”]" is a view
    start = min(c.left_edge.i for c in parts)
    end = max(c.right_edge.i for c in parts) + 1
    standing = _standing(verb, end) if enabled("standing") else None
    if standing is not None:
        return without_aside(verb.doc, start, standing)  # "polls show [Marsh with 41 percent]"
    if len(parts) == 1 and parts[0].dep_ == "dobj" and parts[0].pos_ == "PROPN" and enabled("named_object") \
            and parts[0].left_edge.i == parts[0].right_edge.i:
        return parts[0].i, parts[0].i + 1  # "endorses [Marsh]": one name is the whole view
    if enabled("object_modifiers") and end - start >= 2:  # not "thanked [them] on Monday"
        end = _trailing_modifiers(verb, end)
    if verb.lemma_.lower() == "call" and any(c.lower_ == "for" and c.dep_ == "prep" for c in parts) and start == \
            min(c.i for c in parts if c.lower_ == "for"):
        start += 1  # "called for [a recount]": the preposition belongs to the cue
    found = without_aside(verb.doc, start, end)
    if found is None and len(parts) == 1 and parts[0].pos_ == "PROPN" and parts[0].left_edge.i == parts[0].i \
            and enabled("named_object"):
        return parts[0].i, parts[0].i + 1  # "endorses [Marsh], who thanked ...": the name without its aside
    return found


DOUBLE_QUOTES = QUOTE_TOKENS - {"'", "‘", "’"}  # a lone single mark may be an apostrophe
MAX_NAME_GAP = 6  # tokens from the object to the quotation that names it


def _quoted_name(verb: Token) -> tuple[int, int] | None:
    """'called [his plan “a farce”]': a quotation right after the object names it, however the parser hangs it."""
    doc = verb.doc
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    opening = next((k for k in range(obj.i + 1, min(len(doc), obj.i + MAX_NAME_GAP))
                    if doc[k].text in DOUBLE_QUOTES), None)
    own = {t.i for t in obj.subtree}
    if opening is None or any(k not in own for k in range(obj.i + 1, opening)):
        return None  # only the object's own words ('the plan of the council') stand before the quotation
    for k in range(opening + 1, min(len(doc), opening + 60)):
        if doc[k].text in DOUBLE_QUOTES:
            return (obj.left_edge.i, k + 1) if k > opening + 1 else None
        if doc[k].is_sent_start:
            return None
    return None


def _standing(verb: Token, end: int) -> int | None:
    """'a poll shows [Marsh with 41 percent]', 'found [Hale with a small lead]': a "with" phrase right after the
    object that gives a figure or a lead is part of the view; where it ends."""
    prep = next((c for c in verb.rights if c.i == end and c.dep_ == "prep" and c.lower_ == "with"), None)
    if prep is None or not any(t.like_num or t.lemma_.lower() == "lead" for t in prep.subtree):
        return None
    return prep.right_edge.i + 1


def _trailing_modifiers(verb: Token, end: int) -> int:
    """'cited [her record on the harbour board in the nineties]': the verb's prepositional phrases right after its
    object belong to the view, up to a comma or the agent's "by"."""
    for c in verb.rights:
        if c.i < end:
            continue
        if c.i != end or c.dep_ != "prep" or c.lower_ == "by" or _names_a_medium(c):
            break
        if enabled("setting_tail") and c.lower_ in SETTING_PREPS_ONLY:
            break
        end = c.right_edge.i + 1
    return end


SETTING_PREPS_ONLY = frozenset({"at", "through", "via", "amid", "during"})
"""Prepositions that say where, when or through whom a view was put, never what it is of: 'attacked [the plan] at a
rally', 'denied [the charges] through his lawyer' (`setting_tail`)."""


def _names_a_medium(prep: Token) -> bool:
    """'in a tweet', 'during an interview', 'in his 1969 book': where it was said, not part of what was said."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return obj is not None and obj.lemma_.lower() in lexicon().document_nouns
