"""Where a cue's source is when the parse reads the sentence unusually.

  - "He's said [...]": the tagger takes the contracted "has" for a passive's "is"; the subject speaks
    (`contracted_perfect`); with a curly apostrophe it takes the "’s" for the subject (`before_contraction`).
  - A source the parse lost: the name right before the verb, or a gerund's main-verb subject
    (`adjacent_source`).
  - Only a verb that frames quotations takes a name after it for an inverted source (`may_invert`).
  - A gerund after a comma that closes a reported clause is the reporter's ("X said [he plans ...], insisting
    ..."; `reporter_above`).

`attribution` and `verb_sources` ask these when their own reading of the parse finds no source, or before they invert
one.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .content_edges import SUBJECT_DEPS
from .cue_words import lexicon
from .name_use import word_classes
from .quote_rules import enabled

if TYPE_CHECKING:
    from spacy.tokens import Token


CONTRACTED = frozenset({"'s", "’s"})


def contracted_perfect(verb: Token) -> Token | None:
    """"He's said [that ...]": the tagger reads the contracted "has" as a passive's "is" ("he is said to ..."); with
    a clause or an object after the verb and no infinitive, it is the perfect, and its subject the source."""
    aux = [c for c in verb.children if c.dep_ in ("auxpass", "aux")]
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or subject.lower_ == "it" or len(aux) != 1 or aux[0].lower_ not in CONTRACTED \
            or aux[0].i != verb.i - 1:  # "It's reported that ...": a passive
        return None
    after = [c for c in verb.rights if c.dep_ in ("ccomp", "dobj", "dative")]
    infinitive = any(c.dep_ == "xcomp" for c in verb.rights)
    return subject if after and not infinitive else None


def before_contraction(subject: Token) -> Token:
    """"He’s said ...": with a curly apostrophe the tagger makes the "’s" a noun and the subject; the pronoun or name
    before it is ("Let's say", whose "'s" is "us", stays)."""
    doc = subject.doc
    if subject.lower_ in CONTRACTED and subject.pos_ != "PRON" and subject.i > 0 \
            and doc[subject.i - 1].pos_ in ("PRON", "PROPN", "NOUN"):
        return doc[subject.i - 1]
    return subject


def adjacent_source(verb: Token, scopes: list[int]) -> Token | None:
    """A source the parse lost: the name right before the verb ("…,” Hale barked", "…, her deputy, Ruth Abara,
    said:"), or, for a gerund after a comma, the subject of the sentence's main verb ("Hale shared the news,
    writing “…”")."""
    doc = verb.doc
    k = verb.i - 1
    if enabled("stray_source") and verb.tag_ in FINITE:
        k = _before_interruption(verb)
        if k >= 0 and scopes[k] == scopes[verb.i] and _name_misread(doc[k], verb):
            return doc[k]
    if k >= 0 and doc[k].text == "," and verb.tag_ != "VBG":
        k -= 1
    if k >= 0 and scopes[k] == scopes[verb.i] and (doc[k].pos_ == "PROPN" or doc[k].ent_type_ == "PERSON"):
        return doc[k]
    if enabled("apposition_source") and verb.tag_ in FINITE:
        name = name_before_apposition(verb, scopes)
        if name is not None:
            return name
    if verb.tag_ == "VBG" and verb.i > 0 and doc[verb.i - 1].text == ",":
        root = verb.sent.root
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
        if root.i < verb.i and subject is not None and scopes[subject.i] == scopes[verb.i]:
            return subject
    return None


FINITE = frozenset({"VBD", "VBZ"})


def _before_interruption(verb: Token) -> int:
    """Where a subject the parse lost would end: before the adverbs that open the verb ("bluntly suggested",
    "earlier in the day praised"), a party in brackets ("Hale (D-Ore.) called") or an age set off by commas ("Hale,
    44, said")."""
    doc = verb.doc
    k = verb.i - 1
    adverbs = [c for c in verb.lefts if c.dep_ == "advmod"]
    while adverbs and k >= 0 and doc[k] in adverbs[-1].subtree:
        k = adverbs.pop().left_edge.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k >= 1 and doc[k].text == ")":
        opening = next((j for j in range(k - 1, max(k - 8, -1), -1) if doc[j].text == "("), None)
        k = opening - 1 if opening is not None else k
    elif k >= 2 and doc[k].like_num and doc[k - 1].text == ",":
        k -= 2
    return k


MAX_APPOSITION = 15  # tokens of a title set off by commas ("Jane Doe, the board's former treasurer, said")


def name_before_apposition(verb: Token, scopes: list[int]) -> Token | None:
    """'“...,” Jane Doe, the board's former treasurer, said': a name the parser hung elsewhere, before a phrase set off
    by commas right before the verb (a title, or 'pointing to the pier')."""
    doc = verb.doc
    k = verb.i - 1
    if k < 2 or doc[k].text != ",":
        return None
    first = next((j for j in range(k - 1, max(k - MAX_APPOSITION, 0), -1) if doc[j].text == ","), None)
    if first is None or first == k - 1 or any(doc[j].text in (".", "!", "?", ";") for j in range(first, k)):
        return None
    j = first - 1
    if j >= 1 and doc[j].text == ")":
        opening = next((i for i in range(j - 1, max(j - 8, -1), -1) if doc[i].text == "("), None)
        j = opening - 1 if opening is not None else j
    if j < 0 or scopes[j] != scopes[verb.i] or not (doc[j].pos_ == "PROPN" or doc[j].ent_type_ == "PERSON"):
        return None
    return doc[j]


def _name_misread(word: Token, verb: Token) -> bool:
    """A name before a finite verb without a subject, also when the tagger reads a capitalised name as a modal or an
    adverb: a modal never comes before a past or third-person form ("Will insisted"), nor an adverb at the start of
    its sentence ("Jolly said")."""
    if word.pos_ == "PROPN" or word.ent_type_ == "PERSON":
        return True
    if not word.is_title or word.i + 1 != verb.i:
        return False
    return word.tag_ == "MD" or word.pos_ == "ADV" and word.i == verb.sent.start and not word.is_stop


def may_invert(verb: Token) -> bool:
    """'“…,” said Smith' inverts its source; a view does not: 'attacked the mayor for …' is about the mayor, and
    'telling the radio station' addresses the station."""
    if not enabled("view_object"):
        return True
    return verb.lemma_.lower() in lexicon().frames


def reporter_above(gerund: Token) -> Token | None:
    """'Hale said [he plans to reopen the pier], insisting that ...': a gerund after a comma, hung by the parser on
    the reported clause, is the reporter's next word; the reporting verb above that clause, if any."""
    doc = gerund.doc
    if gerund.i == 0 or doc[gerund.i - 1].text != ",":
        return None
    node = gerund.head
    while node.dep_ in ("ccomp", "xcomp", "conj") and node.head.i != node.i:
        if node.dep_ == "ccomp" and _reports_clause(node.head):
            return node.head
        node = node.head
    return None


def _reports_clause(verb: Token) -> bool:
    """A verb that reports a clause, alone ('said') or with its particle ('pointed out that ...')."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if lemma in lex.clause:
        return True
    particles = lex.phrasal.get(lemma)
    return bool(particles) and any(c.dep_ == "prt" and c.lower_ in particles for c in verb.children)


def can_speak(noun: Token) -> bool:
    """A name, a person or group noun, or a document ("a statement calling ...") can speak; "the move" cannot."""
    return noun.pos_ == "PROPN" or bool(noun.ent_type_) or speaking_noun(noun.lemma_.lower())


def speaking_noun(lemma: str) -> bool:
    """A noun of a person, a group or a document ("spokesman", "police", "statement"): one that can speak."""
    from .speakers import nouns  # speakers imports attribution, which imports this module
    kinds = nouns()
    return kinds.is_person(lemma) or lemma in kinds.group or lemma in lexicon().document_nouns


RELATIVES = frozenset({"that", "which"})
AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "men")
"""Endings of nouns for people the speaker lists lack ('the skipper', 'fishermen', 'a radiologist'): such a source
is taken to be someone."""


@cache
def mute_nouns() -> frozenset[str]:
    """Nouns that never name someone who could speak: WordNet gives them no sense in noun.person and none in
    noun.group, in lower case or capitalised ('graph', 'footage', 'move'; not 'case', which may be a patient, 'side',
    a party to a dispute, nor 'black', as in 'Blacks')."""
    words = word_classes()
    return (words["nouns"] | words["census_nouns"]) - words["may_name_someone"]


def is_mute(source: Token | None) -> bool:
    """A thing for a source (`is_thing`) whose noun never names someone who could speak (`mute_nouns`) and is no
    word that names no one by itself ('one'), with no compound, owner, "of" or "by" that may be someone: "a graph
    [shows ...]", "the move [aims to ...]", "the results of the tests [reveal ...]"; not "the jury", "scouts", "both
    sides", "eyewitness accounts", "Apple research", "the council's research", "research by the council", "a share
    of voters"."""
    from .speakers import nouns  # speakers imports attribution, which imports this module

    if not is_thing(source):
        return False
    holder = _holder(source)
    mute = mute_nouns()
    if holder.lemma_.lower() not in mute or holder.lower_ in nouns().not_referring:
        return False  # 'no one [thinks ...]'
    documents = lexicon().document_nouns
    for child in holder.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "compound" and (_named(child) or lemma not in mute and lemma not in documents):
            return False  # 'eyewitness accounts', 'Harbour Ferries marketing', 'Apple research'; not 'video footage'
        if child.dep_ == "poss" and child.pos_ != "PRON" and (_named(child) or can_speak(child)):
            return False  # "the council's research", "Harlow's research"; not "its research"
        if child.dep_ == "prep" and child.lower_ in ("of", "by") and any(
                g.dep_ == "pobj" and (_named(g) or g.lemma_.lower() not in mute) for g in child.children):
            return False  # 'a large proportion of respondents', 'research by the council'
    return True


def _holder(source: Token) -> Token:
    """The noun a source stands for: a relative "that" or "which" stands for the noun its clause hangs on."""
    return source.head.head if source.lower_ in RELATIVES and source.head.dep_ == "relcl" else source


def _named(token: Token) -> bool:
    return token.pos_ == "PROPN" or bool(token.ent_type_)


def is_thing(source: Token | None) -> bool:
    """A source that is a thing, not a name, person, group or document: "the car [offers ...]", "casinos
    [promote ...]", "an app that [supports ...]" (a relative stands for the noun it hangs on), but not "a number of
    cities that [support ...]" (the cities) nor "data [...]" (whose lemma is "datum")."""
    if source is None:
        return False
    holder = _holder(source)
    if holder.pos_ != "NOUN" or can_speak(holder) or holder.lower_ in lexicon().document_nouns \
            or holder.lemma_.lower().endswith(AGENT_ENDINGS):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and can_speak(g) for g in c.children)
                   for c in holder.children)
