"""Reporting cues in one parsed paragraph: the cue words, their source and what they report.

A *cue* is a reporting verb ("said", "told", "recounted"), a phrase
("according to"), or the dash of a signed quotation ("“...” ― Jane Doe"),
outside quotation marks, or inside a quotation for the quotes nested in
it; nouns, states of mind, passives and polls are read by `cue_kinds`.
For each cue the dependency parse gives
  1. its source: the verb's subject (`verb_sources`), climbing through "and added",
     ", adding ..." and "went on to say"; the object of "according to";
     the noun a relative "who said" hangs on;
  2. its reported content (`reported`): the clause it governs ("said
     [that ...]"), the "to ..." of a commitment, the object of a view, the
     sentence it interrupts or trails ("[...], sources said").
`relate` then says how a quotation stands to a cue: the cue follows it
("“...,” she said"), introduces it ("he told her, ‘...’", "said:"),
describes with it ("hailed her as a ‘beacon of calm’"), or governs a
clause the quotation is only part of (a mixed quote).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from .content_edges import QUOTE_TOKENS, host_content
from .context import column, title_case
from .cue_kinds import (
    Cue,
    adjective_cue,
    clause_tokens,
    noun_cue,
    passive_cue,
    question_cue,
    raising_cue,
    reported_passive,
)
from .cue_sources import adjacent_source, contracted_perfect, name_before_apposition
from .cue_words import Lexicon
from .quote_marks import Marked
from .quote_rules import enabled
from .reported import DASHES, content_of, phrasal_content
from .verb_sources import MAX_SIGNATURE_TOKENS, extraposed, verb_source

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FOLLOWS, LEADS_IN, INTRODUCES, DESCRIBES, GOVERNS = "follows", "leads-in", "introduces", "describes", "governs"
RELATION_RANK = {FOLLOWS: 5, INTRODUCES: 4, GOVERNS: 3, LEADS_IN: 2, DESCRIBES: 1}
MIXED_RELATIONS = frozenset({LEADS_IN, GOVERNS})
MAX_FRAME_TOKENS = 40  # tokens between a quotation and its cue ("said Rep. Jane Doe, the top Democrat on ...")
NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
NP_LEFT_DEPS = frozenset({"det", "poss", "compound", "amod", "nummod", "nmod", "quantmod", "case", "predet"})
INTRO_PUNCT = frozenset({",", ":", "—", "–", "-", "―", "…", "..."})
DASH_CHARS = "―—–-"
QUOTE_CHARS = "\"'“”‘’«»„"
_GLUED_DASH = re.compile("[\"'“”‘’«»„][―—–-]")
_SENTENCE_END = frozenset(".!?")
_CLOSING_PUNCT = _SENTENCE_END | {"…", "..."}  # a quotation that closes its sentence


def token_scopes(doc: Doc, marks: list[Marked]) -> list[int]:
    """For each token, the innermost quotation whose content it starts in (-1 for none)."""
    scopes = [-1] * len(doc)
    if not marks:
        return scopes
    starts = _starts(doc)
    for k, m in enumerate(marks):  # outer quotes come first, so inner ones overwrite them
        for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end)):
            scopes[i] = k
    return scopes


def mark_tokens(doc: Doc, marks: list[Marked]) -> list[tuple[int, int]]:
    """For each quotation, the token range [first, last) covering it, marks included."""
    if not marks:
        return []
    starts = _starts(doc)
    ends = [a + n for a, n in zip(starts, _lengths(doc))]
    out = []
    for m in marks:
        first = min(bisect_right(ends, m.outer_start), len(doc) - 1)
        out.append((first, max(first + 1, bisect_left(starts, m.outer_end))))
    return out


def _starts(doc: Doc) -> list[int]:
    """Each token's character offset (`Token.idx`)."""
    from spacy.attrs import IDX

    return column(doc, IDX)


def _lengths(doc: Doc) -> list[int]:
    """Each token's length in characters (`len(Token)`)."""
    from spacy.attrs import LENGTH

    return column(doc, LENGTH)


def find_cues(doc: Doc, scopes: list[int], lex: Lexicon, text: str | None = None) -> list[Cue]:
    """Every cue in the paragraph, in text order."""
    from spacy.attrs import LEMMA, LOWER

    words = _word_ids(doc.vocab.strings, lex)
    dashes = _GLUED_DASH.search(doc.text if text is None else text) is not None
    cues = []
    for i, (lemma, lower) in enumerate(zip(column(doc, LEMMA), column(doc, LOWER))):
        if lemma not in words and lower not in words and not (dashes and _glued_dash(doc, lower)):
            continue  # most tokens: skip without building a Token
        tok = doc[i]
        cue = _phrase_cue(doc, tok, scopes, lex) or _verb_cue(tok, scopes, lex) or noun_cue(tok, scopes, lex, verb_source) \
            or _signature_cue(doc, tok, scopes) or adjective_cue(tok, scopes, lex)
        if cue is not None:
            cues.append(cue)
    return cues


_WORD_IDS: dict[int, frozenset[int]] = {}


def _word_ids(strings, lex: Lexicon) -> frozenset[int]:
    """Hashes of every cue lemma, phrase opener and dash, per string store (the vocabulary of one model)."""
    key = id(strings)
    if key not in _WORD_IDS:
        _WORD_IDS[key] = frozenset(strings.add(w) for w in (*lex.any_verb, *lex.phrases, *lex.adjectives, *DASHES))
    return _WORD_IDS[key]


def _word_of_a_title(tok: Token) -> bool:
    """'Why Didn't They Ask Evans?', 'tap to Reveal': a verb written with a capital inside a sentence that is not
    in title case is a word of a title or a label, not a cue."""
    if not tok.text[:1].isupper() or tok.is_sent_start or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    if before.is_punct and before.text not in (",", "(", ")"):
        return False  # after a quotation mark, a colon or a dash a sentence may start
    return not title_case(tok.sent.text)


def _glued_dash(doc: Doc, lower: int) -> bool:
    """A dash glued to a closing quote mark ("”―") is one token."""
    text = doc.vocab.strings[lower]
    return len(text) == 2 and text[0] in QUOTE_CHARS and text[1] in DASH_CHARS


def _verb_cue(tok: Token, scopes: list[int], lex: Lexicon) -> Cue | None:
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return None
    lemma = tok.lemma_.lower()
    if lemma not in lex.any_verb:
        return None
    if enabled("title_words") and _word_of_a_title(tok):
        return None
    if lemma == "describe" and enabled("self_described"):
        described = _self_described(tok, scopes)
        if described is not None:
            return described
    if lemma in lex.raising:
        return raising_cue(tok, scopes, lex) if enabled("raising") else None
    particle = _particle(tok, lex.phrasal.get(lemma))
    if lemma in lex.questions and enabled("questions"):
        found = question_cue(tok, scopes, lex.questions[lemma])
        if found is not None:
            return found
    kinds = (lex.frames, lex.clause, lex.infinitive, lex.objects, lex.passive, lex.as_views, lex.prepositional)
    if particle is None and not any(lemma in kind for kind in kinds):
        return None
    if enabled("connective") and _connective(tok):
        return None
    perfect = contracted_perfect(tok) if enabled("contracted_has") else None
    if perfect is None and any(c.dep_ == "auxpass" for c in tok.children):
        found = passive_cue(tok, scopes, lex.passive[lemma]) if lemma in lex.passive and enabled("passive_view") \
            else None
        return found or (reported_passive(tok, scopes) if enabled("passive_report") else None)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return None  # "a film called ...": the noun is not the source
    content, reports = _verb_content(tok, lemma, particle, lex)
    frames = lemma in lex.frames or particle is not None
    if content is None and not frames:
        return None
    last = max(tok.i, particle.i) if particle is not None else tok.i
    source = perfect if perfect is not None and scopes[perfect.i] == scopes[tok.i] else verb_source(tok, scopes)
    if source is None and enabled("adjacent_source"):
        source = adjacent_source(tok, scopes)
    own = _apposed_source_words(tok, source, content, scopes)
    if source is None and content is not None and enabled("expletive_it") and extraposed(tok):
        return Cue(tok, (tok.i, last + 1), scopes[tok.i], None, content, False, own, "passive", reports=reports,
                   scopes=scopes)  # "It is easy to mock [...]": no one named, as a passive's
    return Cue(tok, (tok.i, last + 1), scopes[tok.i], source, content, frames, own, reports=reports, scopes=scopes)


def _particle(tok: Token, particles: frozenset[str] | None) -> Token | None:
    """The particle that makes the verb a phrasal cue, when its lemma has any."""
    if not particles:
        return None
    return next((c for c in tok.children if (c.dep_ in ("prt", "dobj") or c.dep_ == "advmod" and c.i == tok.i + 1
                                             and enabled("adverb_particle")) and c.lower_ in particles),
                None)  # "point out", "put it"; "shot back" with "back" parsed as an adverb


def _verb_content(tok: Token, lemma: str, particle: Token | None, lex: Lexicon) -> tuple[tuple[int, int] | None, str]:
    """What a verb cue reports (`reported`), and what that is."""
    if particle is not None and particle.dep_ == "dobj":
        return None, "clause"  # "put it": frames a quotation, reports no topic ("put it on the shelf")
    content, reports = content_of(tok, lemma, lex)
    if content is None and particle is not None and enabled("phrasal_content"):
        content, reports = phrasal_content(tok, particle, lex)  # "pointed out [that ...]"
    return content, reports


def _apposed_source_words(tok: Token, source: Token | None, content: tuple[int, int] | None,
                          scopes: list[int]) -> frozenset[int] | None:
    """The cue's own words when its source is a name with a title in apposition before it, else None."""
    if source is not None and source.i < tok.i - 1 and enabled("apposition_source"):
        appositive = name_before_apposition(tok, scopes)
        if appositive is not None and appositive.i == source.i:  # the name and its title are the cue's own words
            return clause_tokens(tok, content, scopes) | frozenset(
                i for i in range(source.left_edge.i, tok.i) if scopes[i] == scopes[tok.i])
    return None


def _self_described(tok: Token, scopes: list[int]) -> Cue | None:
    """"a self-described [ferry romantic]": how the noun's holder describes themself; "self" is the source and what
    follows the participle, up to the noun it describes, the content."""
    doc = tok.doc
    if tok.dep_ != "amod" or tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 2].lower_ != "self" \
            or tok.head.i <= tok.i or scopes[tok.head.i] != scopes[tok.i]:
        return None
    return Cue(tok, (tok.i, tok.i + 1), scopes[tok.i], doc[tok.i - 2], (tok.i + 1, tok.head.i + 1), False,
               frozenset({tok.i - 2, tok.i - 1, tok.i}), scopes=scopes)


DEMONSTRATIVES = frozenset({"that", "this"})
CONNECTIVE_SUBJECTS = frozenset({"that", "this", "which", "it"})
BE = frozenset({"be", "’s", "'s"})  # the tagger leaves "That’s" its own lemma


def _connective(verb: Token) -> bool:
    """A reporting verb used as a sentence connective: "That said, ...", "Having said that, ...", "That is not to
    say ...", "that is to say". It reports nothing and no one speaks through it."""
    doc = verb.doc
    for c in verb.children:
        if c.lower_ not in DEMONSTRATIVES or c.dep_ not in ("nsubj", "dobj") or abs(c.i - verb.i) != 1:
            continue
        after = max(c.i, verb.i) + 1
        if c.dep_ == "dobj":  # "having said that, ...": a perfect gerund, never a report of its own
            opens = any(g.dep_ == "aux" and g.lower_ == "having" for g in verb.children)
        else:  # "That said, ..." opening its sentence or clause
            opens = c.i == verb.sent.start or doc[c.i - 1].is_punct or doc[c.i - 1].pos_ == "CCONJ"
        if after < len(doc) and doc[after].text == "," and opens:
            return True
    if enabled("idioms") and verb.lower_ == "told" and verb.i > 0 and doc[verb.i - 1].lower_ == "all" \
            and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",":
        return True  # "All told, up to 5 million ...": a sum, no report
    to_say = verb.lemma_.lower() == "say" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not to_say or verb.dep_ not in ("xcomp", "ccomp", "attr") or verb.head.lemma_.lower() not in BE:
        return False  # "is to say" of a demonstrative only: "Marsh is to say on Monday that ..." is a report
    return any(c.dep_ == "nsubj" and c.lower_ in CONNECTIVE_SUBJECTS for c in verb.head.children)


def _phrase_cue(doc: Doc, tok: Token, scopes: list[int], lex: Lexicon) -> Cue | None:
    for phrase in lex.phrases.get(tok.lower_, ()):
        end = tok.i + len(phrase)
        if end > len(doc) or any(doc[tok.i + k].lower_ != word for k, word in enumerate(phrase[1:], 1)):
            continue
        last = doc[end - 1]
        source = next((c for c in last.children if c.dep_ in ("pobj", "dobj", "pcomp")), None)
        if source is None and end < len(doc) and doc[end].pos_ in ("PROPN", "NOUN", "PRON"):
            source = doc[end]
        if source is None:
            return None
        phrase_tokens = set(range(tok.i, end)) | {t.i for t in source.subtree}
        return Cue(tok, (tok.i, end), scopes[tok.i], source, host_content(doc, phrase_tokens), True,
                   frozenset(phrase_tokens), "phrase")
    return None


def _signature_cue(doc: Doc, tok: Token, scopes: list[int]) -> Cue | None:
    """The dash of a signed quotation: “...” ― Jane Doe."""
    text = tok.text
    glued = len(text) == 2 and text[0] in QUOTE_CHARS and text[1] in DASH_CHARS  # "”―" is one token
    before = tok.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if not glued and (text not in DASHES or before < 0 or doc[before].text not in QUOTE_TOKENS):
        return None
    names = []
    for t in doc[tok.i + 1:tok.i + 1 + MAX_SIGNATURE_TOKENS]:
        if t.is_space and not names:
            continue
        if enabled("signature_apposition") and t.text == "," and names:
            break  # "— Jane Doe, 41, ferry pilot": the name ends at the comma, her age and role follow
        if t.pos_ == "PROPN" or t.is_title or t.text in (".", ",") or _inner_hyphen(t):
            names.append(t)
        else:
            break
    while names and names[-1].pos_ != "PROPN" and not names[-1].is_title:
        names.pop()
    end = names[-1].i + 1 if names else tok.i + 1  # a no-break space after the dash is a token of its own
    after = doc[end].text if end < len(doc) else ""
    signed = not glued and before > 0 and doc[before - 1].text in _CLOSING_PUNCT  # “... over.” — Name, 41, ...
    if not names or after and after not in _SENTENCE_END and after not in QUOTE_TOKENS and not (
            after == "," and signed and enabled("signature_apposition")):
        return None  # not 'called the fares “a disgrace” — Hale, however, ...
    return Cue(tok, (tok.i, tok.i + 1), scopes[tok.i], names[-1], None, True,
               frozenset(range(tok.i, end)), "signature")


def _inner_hyphen(t: Token) -> bool:
    """The hyphen of a double-barrelled name written without spaces ('Weston-Robinson')."""
    doc = t.doc
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not doc[t.i - 1].whitespace_ \
        and t.i + 1 < len(doc) and doc[t.i + 1].is_title


def introduces_next(doc: Doc, cue: Cue) -> bool:
    """The cue ends its paragraph with a colon ("The Times reports:"), introducing the next paragraph."""
    if cue.scope != -1 or not cue.frames or cue.kind == "label":
        return False
    end = len(doc)
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    if end == 0 or doc[end - 1].text != ":":
        return False
    return all(doc[i].is_punct or doc[i].is_space or i in cue.clause_tokens for i in range(cue.words[1], end))


def relate(doc: Doc, span: tuple[int, int], cue: Cue, ends_sentence: bool, opens_clause: bool) -> str | None:
    """How a quotation (token range `span`) stands to a cue in its scope, or None.

    `ends_sentence`: the quotation ends with a full stop, so no cue after it frames it.
    `opens_clause`: the quotation starts a sentence or clause; a quotation after other words
    of its sentence ("Halloran is “sharp as a tack,” she wrote") is part of what the cue reports.
    """
    first, last = span
    if cue.kind == "signature":
        return FOLLOWS if cue.words[0] >= last - 1 and _between(doc, last, cue.words[0], cue) else None  # "”―" glued
    governs = cue.content is not None and _governs(doc, cue.content, first, last)
    after = cue.speaker is None or cue.speaker.i >= last  # "“...,” she said", not "he said ..., adding"
    if cue.frames and after and not ends_sentence and cue.words[0] >= last and _between(doc, last, cue.words[0], cue):
        return FOLLOWS if opens_clause else GOVERNS if governs else LEADS_IN
    if cue.frames and cue.words[1] <= first and _between(doc, cue.words[1], first, cue):
        before = first - 1
        while enabled("spaced_intro") and before > cue.words[1] and doc[before].is_space:
            before -= 1  # 'said,\u00a0“...”': a no-break space the tokenizer keeps as a token of its own
        if first == cue.words[1] or doc[before].text in INTRO_PUNCT:
            return GOVERNS if governs else INTRODUCES  # 'said “budget reforms” would pay for it' is mixed
        if any(doc[i].lower_ == "as" for i in range(cue.words[1], first)):
            return DESCRIBES
    return GOVERNS if governs else None


def _governs(doc: Doc, content: tuple[int, int], first: int, last: int) -> bool:
    """The quotation's words lie in the clause, and the clause has words of its own: a mixed quote.

    A quotation right after the clause and a colon ends it: 'said she had one quality: “steadiness.”'
    """
    if content[1] <= first and all(doc[i].text in (":", "—") for i in range(content[1], first)) \
            and first > content[1]:
        return True
    words = [i for i in range(first, last) if not doc[i].is_punct]
    if not words or words[0] < content[0] or words[-1] >= content[1]:
        return False
    return any(not doc[i].is_punct for i in (*range(content[0], first), *range(last, content[1])))


def _between(doc: Doc, start: int, end: int, cue: Cue) -> bool:
    """Only punctuation and the cue's own words stand between a quotation and the cue."""
    if end - start > MAX_FRAME_TOKENS:
        return False
    for i in range(start, end):
        t = doc[i]
        if t.is_punct or t.is_space:
            if t.text in _SENTENCE_END:
                return False
        elif i not in cue.clause_tokens:
            return False
    return True
