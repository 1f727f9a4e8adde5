"""Names in headlines, most of them lines in title case ('Written Like This'), read against the article's body.

Every word of a title-case headline is capitalised, so the model runs names on into the words after them and takes
pieces of the headline for names; what the body writes tells them apart. Each family sits behind its own switch
(`rules.py`):

1. `headline_names`: a person's name in a headline ends before the words the body writes in lower case ('Lindsay
   Lohan Checks Into ...'), and, with `headline_verbs`, before a verb in the headline's -s form ('Obama Reverses
   Bush on ...');
2. `headline_phrases`: in a title-case headline, an organisation or place of several words holding a word of a
   clause ('Sweden Drops Its Investigation Into ...') is no name;
3. `headline_case`: in a title-case headline, a person the body never names is none ('Comet Chaser'); with
   `headline_bylines`, one right after 'By' is a byline run into the headline and stays.

`type_agreement.harmonize` calls them in its pass across the article; the people of the body found in a headline
written in capitals are `entities`', and lines in capitals are read in `name_case`.
"""

from __future__ import annotations

import re
from functools import cache

from . import rules
from .context import body_words, title_case
from .entity_types import designated
from .name_case import NAME_LINKS
from .name_evidence import given_names, mention_span, recut
from .name_use import word_classes


def body_backed_in_title_case(mentions: list, paragraphs: list) -> list:
    """A person in a headline Written Like This is kept only when the body names them too ('Comet Chaser' is not)."""
    body = " ".join(p.text for p in paragraphs if p.role != "headline")
    cased = {id(p) for p in paragraphs if p.role == "headline" and title_case(p.text)}
    if not cased or not body:
        return mentions
    return [m for m in mentions if id(m.para) not in cased or m.type != "person"
            or any(re.search(rf"\b{re.escape(w)}\b", body) for w in m.text.split() if len(w) > 2)
            or rules.enabled("headline_bylines") and BYLINE_BEFORE.search(m.para.text[:m.start - m.para.offset])]


BYLINE_BEFORE = re.compile(r"\b[Bb]y\s+$")  # 'Why Stocks Fell By Ada Marsh |': a byline run into the headline


def end_headline_names(mentions: list, paragraphs: list) -> None:
    """'Lindsay Lohan Checks Into ...': a person's name in a headline ends before words the body writes in lower
    case ('checked'); it may shrink to one word only when the body writes that word as a name."""
    candidates = [m for m in mentions if m.type == "person" and m.para.role == "headline" and " " in m.text]
    if not candidates:
        return
    lower, named = body_words(paragraphs)
    verbs, past = rules.enabled("headline_verbs"), rules.enabled("headline_past_verbs")

    def verb_form(word: str) -> bool:
        return verbs and _s_form(word) or past and _past_or_modal(word)

    for m in candidates:
        span = mention_span(m)
        if span is None:
            continue
        doc, last = span.doc, span.end
        while last - span.start > 1 and _written_lower(doc[last - 1], lower) and (
                last - span.start > 2 or doc[span.start].text in named):
            last -= 1
        if verbs or past:
            last = min(last, _before_headline_verb(span, named, verb_form))
        if last < span.end:
            recut(m, span.start, last)


def _before_headline_verb(span, named: set[str], verb_form) -> int:
    """'Obama Reverses Bush on ...', 'Trump Should Win': where a headline's run-on name meets a word `verb_form`
    takes for a verb (an -s form, a modal or a past form) and which is no name ('Reverses', not 'Walks'), after
    words the body writes as names; else its end."""
    names = word_classes()["names"]
    for i in range(span.start + 1, span.end):
        word = span.doc[i].lower_
        if not all(t.text in named for t in span.doc[span.start:i]):
            break
        if word not in names and span.doc[i].text not in named and verb_form(word):
            return i
    return span.end


def _s_form(word: str) -> bool:
    """'reverses', 'beats': a verb's -s form."""
    verbs = word_classes()["verbs"]
    return word.endswith("s") and (word[:-1] in verbs or word.endswith("es") and word[:-2] in verbs)


MODALS = frozenset({"should", "would", "could", "must", "might", "may", "will", "shall", "can", "cannot"})


def _past_or_modal(word: str) -> bool:
    """'Trump Should ...', 'Gaga Took ...', 'Warhol Found ...', 'Hale Urged ...': a modal, an irregular past form of
    a verb (spaCy's own lemma exceptions: 'took' -> 'take'), or a verb's regular past ('urged', 'slammed', 'tried');
    a given name is none of them ('Drew', 'Jared') (`headline_past_verbs`)."""
    if word in MODALS:
        return True
    if word in given_names():  # 'Drew', 'Rose', 'Jared'
        return False
    verbs = word_classes()["verbs"]
    if any(stem in verbs for stem in _irregular_past().get(word, ())):
        return True
    if not word.endswith("ed") or len(word) < 5:
        return False
    stem = word[:-2]
    return stem in verbs or stem + "e" in verbs or stem[-1:] == stem[-2:-1] and stem[:-1] in verbs \
        or stem.endswith("i") and stem[:-1] + "y" in verbs


@cache
def _irregular_past() -> dict[str, tuple[str, ...]]:
    """The model's table of irregular verb forms and their lemmas ('took' -> 'take'), past forms only: a form that
    is its own lemma ('put') or ends in -s or -ing is left out."""
    from .parse import load_model

    try:
        table = load_model().get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    except (KeyError, ValueError):  # a pipeline without a rule lemmatizer's tables
        return {}
    return {form: tuple(lemmas) for form, lemmas in table.items()
            if form not in lemmas and not form.endswith(("s", "ing"))}


CLAUSE_WORDS = frozenset({"is", "are", "was", "were", "could", "would", "should", "must", "might", "its", "my", "your",
                          "our", "their", "into", "onto"})  # no name of a body or place holds one
CLAUSE_TAGS = frozenset({"VERB", "AUX", "PRON", "ADP"})


def drop_headline_phrases(mentions: list, paragraphs: list) -> list:
    """In a headline Written Like This, an organisation or place of several words that holds a word of a clause
    ('Sweden Drops Its Investigation Into ...', 'Battery Development Could') is a piece of the headline, no name:
    a pronoun, auxiliary or preposition of `CLAUSE_WORDS`, or a word the body writes in lower case as a verb,
    pronoun or preposition and never capitalised inside a sentence. A name the body writes whole ('Move Forward
    Party' ... 'Move Forward Party won') or one ending with a designator stays."""
    cased = {id(p) for p in paragraphs if p.role == "headline" and title_case(p.text)}
    candidates = [m for m in mentions if id(m.para) in cased and m.type in ("organization", "place")
                  and " " in m.text]
    if not candidates:
        return mentions
    named = body_words(paragraphs)[1]
    clause = {form for p in paragraphs if p.role != "headline" for t in p.doc
              if t.is_lower and t.pos_ in CLAUSE_TAGS and t.lower_ not in NAME_LINKS
              for form in (t.lower_, t.lemma_.lower())}
    body = " ".join(p.text for p in paragraphs if p.role != "headline")

    def of_clause(word: str) -> bool:
        low = word.lower()
        return low in CLAUSE_WORDS or word not in named and (low in clause or low.endswith("s") and low[:-1] in clause)
    dropped = {id(m) for m in candidates if m.text not in body and not designated(m.text.split())
               and any(map(of_clause, m.text.split()))}  # the body's own name, 'Move Forward Party': a name
    return [m for m in mentions if id(m) not in dropped]


def _written_lower(token, lower: set[str]) -> bool:
    """Whether the body writes this word in lower case, in any form ('Checks': 'checked', 'check')."""
    word = token.lower_
    return word in lower or token.lemma_.lower() in lower or (word.endswith("s") and word[:-1] in lower)
