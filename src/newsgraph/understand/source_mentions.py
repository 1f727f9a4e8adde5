"""Which entity a quote's source phrase names, read off the entities stage's mentions.

  - The source phrase is the whole name for a name, the noun phrase for a description (`source_tokens`); its words
    and its head word are offsets into the article text (`token_span`, `head_offsets`).
  - A source is the entity whose mention holds its head word, not one that names only a word before it ("the US
    Attorney's Office said" is not the US), or the person named just before a title that heads it ("Ada Quill MP
    said"; `entity_at`).
  - A capitalised head is the name it stands in ("The Dutch singer Vos" is Vos, not the Netherlands); a title head,
    the person named in apposition to it or at the end of its phrase after a body or a place ("Ambassador to the UN
    Nora Pell"), never the one it serves ("Adviser to Ada Quill"; `head_name`).
  - A common-noun source is the person named in apposition to it ("Hale's wife, Ada, said"; `apposed_person`); a
    "who" hung on a date, the nearest person named before it in its sentence (`person_before`).
`quotes` reads a draft's source with these; what a pronoun or a description refers to is `speakers`'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Span
from .attribution import NOT_NAMES
from .context import mention_at
from .quote_rules import enabled
from .speakers import noun_phrase_start
from .vocab import entity_vocabulary

if TYPE_CHECKING:
    from ..pipeline import Document
    from .context import Mention, ParsedParagraph


def token_span(doc: Document, para: ParsedParagraph, start: int, end: int, strip: str = "") -> Span:
    """The article span of the paragraph's tokens [start, end), without leading `strip` characters."""
    tokens = para.doc
    a, b = para.span(tokens[start].idx, tokens[end - 1].idx + len(tokens[end - 1]))
    text = doc.article.text
    while strip and b - a > 1 and text[a] in strip:
        a += 1
    return Span(start=a, end=b, text=text[a:b])


def entity_at(doc: Document, start: int, end: int, head: tuple[int, int] | None = None) -> str | None:
    """The entity of the mention that best covers [start, end); given the offsets of the phrase's `head` token,
    one whose mention holds some of the word it stands in ("the US Attorney's Office" is no mention of the US;
    "Cheuk Hau-" is one of "Cheuk Hau-yip"), or a person's just before a title that heads it ("Ada Quill MP")."""
    m = mention_at(doc, start, end)
    if m is None or head is None or not enabled("head_mention"):
        return m.entity if m is not None else None
    text, (a, b) = doc.article.text, head
    while a > start and not text[a - 1].isspace():
        a -= 1
    while b < end and not text[b].isspace():
        b += 1
    if not (m.start < b and a < m.end) and not (
            m.type == "person" and m.end <= a and text[a:b].lower() in entity_vocabulary().title_last_words):
        m = mention_at(doc, a, b)  # not 'Ada Quill MP said', a person before her title
    return m.entity if m is not None else None


def head_offsets(doc: Document, para: ParsedParagraph, tok) -> tuple[int, int]:
    """The article offsets of a source phrase's head word."""
    head = token_span(doc, para, tok.i, tok.i + 1)
    return head.start, head.end


def head_name(doc: Document, para: ParsedParagraph, tok) -> str | None:
    """The entity a capitalised source head names ("Vos" in "The Dutch singer Vos", not the Netherlands), or,
    for a title, the person named in apposition to it or at the end of its phrase after a body or place
    ("Ambassador to the UN Nora Pell", however the parser hangs the name)."""
    head = token_span(doc, para, tok.i, tok.i + 1)
    m = mention_at(doc, head.start, head.end)
    if m is not None:
        return m.entity
    if tok.lower_ not in entity_vocabulary().title_last_words:
        return None
    apposed = (_person_at(doc, para, c) for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    objects = (_served_by_title(doc, para, o) for prep in tok.children if prep.dep_ == "prep"
               for o in prep.children if o.dep_ == "pobj")
    return next(filter(None, (*apposed, *objects)), None)


def _served_by_title(doc: Document, para: ParsedParagraph, obj) -> str | None:
    """The person ending a title's object after the name of a body or place ("Ambassador to the UN Nora Pell"),
    not one the title only serves ("Adviser to Ada Quill", "Aide to Senator Ada Quill" are not Ada Quill)."""
    m = _person_mention(doc, para, obj)
    if m is None or not enabled("served_person"):
        return m.entity if m is not None else None
    vocab = entity_vocabulary()
    before = [t for t in obj.subtree if t.i < obj.i and para.span(t.idx, t.idx + len(t))[1] <= m.start]
    return m.entity if any(t.pos_ == "PROPN" and t.lower_ not in vocab.title_words | vocab.title_last_words
                           for t in before) else None


def apposed_person(doc: Document, para: ParsedParagraph, tok) -> str | None:
    """The person named in apposition to a common-noun source ('Hale's wife, Ada, said': Ada), not to a plural
    ('scientists, NAME and NAME, said')."""
    if tok.tag_ == "NNS":
        return None
    apposed = (c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    return next(filter(None, (_person_at(doc, para, c) for c in apposed)), None)


def _person_at(doc: Document, para: ParsedParagraph, tok) -> str | None:
    """The person entity whose mention covers the token, if a person's does."""
    m = _person_mention(doc, para, tok)
    return m.entity if m is not None else None


def person_before(doc: Document, para: ParsedParagraph, tok) -> Mention | None:
    """The nearest person named before `tok` in its sentence."""
    for t in reversed(para.doc[tok.sent.start:tok.i]):
        m = _person_mention(doc, para, t)
        if m is not None and m.entity:
            return m
    return None


def _person_mention(doc: Document, para: ParsedParagraph, tok) -> Mention | None:
    """The mention covering the token, if it is a person's."""
    name = token_span(doc, para, tok.i, tok.i + 1)
    m = mention_at(doc, name.start, name.end)
    return m if m is not None and m.type == "person" else None


def is_name(tok) -> bool:
    """The token stands in a name (the source phrase is the name itself), not a description."""
    return bool(tok.ent_type_) and tok.ent_type_ not in NOT_NAMES


def source_tokens(tok) -> tuple[int, int]:
    """Token range of the source phrase: the whole name for a name, the noun phrase for a description."""
    if is_name(tok):
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.start, ent.end
    if tok.pos_ == "PRON":
        return tok.i, tok.i + 1
    return noun_phrase_start(tok), tok.i + 1
