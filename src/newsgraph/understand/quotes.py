"""The quotes stage: direct, indirect and mixed quotes with speaker, cue and nesting.

The body paragraphs, the deck and the headline are read (the parse stage's `scratch["parsed"]`); a
headline in title case is parsed again in sentence case for its cues.
  1. Find each paragraph's quoted stretches by their marks (`quote_marks`),
     carrying a quotation left open into the next paragraph (`quote_paragraphs`).
  2. Find each paragraph's reporting cues, their sources and what they
     report (`attribution`).
  3. Give each quotation the cue that frames it (`quote_drafts`): one that follows it
     ("“...,” she said") beats one that introduces it ("he said: “...”"),
     which beats one governing a clause the quotation is part of (mixed).
     A quotation without a cue continues its paragraph's last attributed
     quotation ("“...,” he said. “...”"), or floats on from the previous
     paragraph's speaker.
  4. Cues left over that govern a clause become indirect quotes.
  5. Name each source: the coref stage's entity when it has one (the
     mention over the source phrase or its head, `source_mentions`), else
     the phrase as written, pronouns and "the statement" resolved
     (`speakers`); "I" in a nested quote is the teller of the outer one.
     Give each quote its mode, speech, thought or thing (`quote_modes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..model import Quote, Span
from ..pipeline import Document
from .attribution import QUOTE_CHARS, find_cues, introduces_next, mark_tokens, token_scopes
from .cue_kinds import whole_quotations, within_cells
from .context import ParsedParagraph, body_words, mention_at, parsed, title_case
from .cue_words import lexicon
from .interviews import answer_label, answer_paragraphs
from .quote_drafts import Draft, attribute_forward, draft_paragraph, past_dateline
from .quote_modes import quote_mode
from .quote_paragraphs import Paragraph, mark_paragraphs, top_level
from .quote_rules import enabled
from .source_mentions import (
    apposed_person,
    entity_at,
    head_name,
    head_offsets,
    is_name,
    person_before,
    source_tokens,
    token_span,
)
from .speakers import (
    FEMALE,
    FIRST_PERSON,
    MALE,
    NEUTER,
    PLURAL,
    ReferentIndex,
    addresses_reader,
    narrator,
    noun_phrase_start,
    refers_to_no_one,
    resolve,
    surname,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

PRONOUNS = MALE | FEMALE | NEUTER | PLURAL
RELATIVES = frozenset({"who", "which", "that"})
DOUBLE_MARKS = "\"“”«»„"  # a source glued to the quotation before it ('”Babin said'); "'s" keeps its apostrophe


@dataclass
class Source:
    """Who said a quote, as the record gives it."""

    speaker: str | None = None
    name: str | None = None
    mention: Span | None = None
    cue: Span | None = None


def extract_quotes(doc: Document) -> Document:
    """Stage entry: set `doc.article.quotes` from the parsed body paragraphs."""
    language = (doc.article.language or "en").lower()
    if not language.startswith("en"):
        doc.article.quotes = []  # the cues and the parse are English; elsewhere they would only mislead
        return doc
    read = parsed(doc)
    if enabled("cased_headline"):
        read = [sentence_cased(para, read) if para.role == "headline" else para for para in read]
    paragraphs = mark_paragraphs(read)
    lex = lexicon()
    for p in paragraphs:
        p.scopes = token_scopes(p.parsed.doc, p.marks)
        p.layers = [top_level(p.marks, k) for k in p.scopes]
        p.spans = mark_tokens(p.parsed.doc, p.marks)
        p.cues = find_cues(p.parsed.doc, p.scopes, lex, p.parsed.text)
        within_cells(p.parsed.doc, p.cues)
        whole_quotations(p.cues, p.spans, p.marks)
        p.intro = next((c for c in reversed(p.cues) if introduces_next(p.parsed.doc, c)), None)
    drafts: list[Draft] = []
    for k, p in enumerate(paragraphs):
        drafts.extend(draft_paragraph(p, drafts, paragraphs[k - 1] if k else None))
    drafts = attribute_forward(paragraphs, drafts)
    if enabled("dateline_content"):
        past_dateline(drafts)
    doc.article.quotes = _records(doc, drafts, paragraphs)
    return doc


MENTION_KINDS = {"person": "person", "organization": "group", "place": "group"}


def _kind_of(doc: Document):
    """Person or group, as the entities stage typed the name at a span (None when it has no mention there)."""
    def kind_of(start: int, end: int) -> str | None:
        """The entities stage's type of the name at [start, end), as a referent kind."""
        m = mention_at(doc, start, end)
        return MENTION_KINDS.get(m.type or "") if m is not None else None
    return kind_of


def _records(doc: Document, drafts: list[Draft], paragraphs: list[Paragraph]) -> list[Quote]:
    """Step 5: name every source and number the quotes in text order."""
    article = doc.article
    names = {e.id: e.name for e in article.entities}
    firms = {e.id for e in article.entities if e.type == "organization"}
    drafts.sort(key=lambda d: (d.para.index, d.start, -d.end))
    sources: dict[int, Source] = {}
    speakers: list[str] = []
    namer = _Namer(doc, paragraphs, names, sources, speakers)
    ids = {id(d): f"q{n}" for n, d in enumerate(drafts, 1)}
    same_paragraph: dict[int, list[Draft]] = {}
    for d in drafts:
        same_paragraph.setdefault(id(d.para), []).append(d)
    out, lex = [], lexicon()
    for d in drafts:
        src = namer.source(d)
        parent = _parent(d, same_paragraph[id(d.para)], ids)
        off = d.para.parsed.offset
        out.append(Quote(id=ids[id(d)], kind=d.kind, text=article.text[off + d.start:off + d.end],
                         start=off + d.start, end=off + d.end, speaker=src.speaker, speaker_name=src.name,
                         speaker_mention=src.mention, cue=src.cue, parent=ids[id(parent)] if parent else None,
                         mode=quote_mode(d.kind, None if d.source is not None else d.cue, lex,
                                         named=src.speaker is not None, firm=src.speaker in firms)))
    return _pull_quotes(out) if enabled("pull_quotes") else out


PULL_QUOTE_WORDS = 8  # a copy this long is the same quotation, not a phrase two speakers share
_NOT_WORD = re.compile(r"\W+")


def _pull_quotes(quotes: list[Quote]) -> list[Quote]:
    """A quotation with no cue of its own whose first eight words are words of one a cue attributes is a copy of
    it, a pull-quote set apart on the page (often from the middle of the quote): it takes the cued quote's speaker,
    when all such quotes agree on one, not that of whoever was named last near it."""
    def key(q: Quote) -> str:
        return _NOT_WORD.sub(" ", q.text).strip().lower()

    cued = [(key(q), q) for q in quotes if q.cue is not None and q.speaker_name]
    out = []
    for q in quotes:
        words = key(q).split()
        if q.cue is None and q.kind == "direct" and len(words) >= PULL_QUOTE_WORDS:
            opening = " ".join(words[:PULL_QUOTE_WORDS])
            sources = {(c.speaker, c.speaker_name): c for k, c in cued if f" {opening} " in f" {k} "}
            if len(sources) == 1:
                source = next(iter(sources.values()))
                q = q.model_copy(update={"speaker": source.speaker, "speaker_name": source.speaker_name,
                                         "speaker_mention": source.speaker_mention})
        out.append(q)
    return out


def _a_date_or_number(tok) -> bool:
    """A relative never stands for a date, a sum or a bare number as a source ("in 2019, who told ...": the parse's
    head); a share of people may ("the 89% who describe themselves as ...")."""
    return tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY") or tok.ent_type_ != "PERCENT" and (
        tok.like_num or tok.pos_ == "NUM")


def _parent(d: Draft, paragraph: list[Draft], kept: dict[int, str]) -> Draft | None:
    """The enclosing quote: the one the draft was found inside if it was kept (its id in `kept`), else the
    tightest one around it among the drafts of its `paragraph`."""
    if d.outer is not None and id(d.outer) in kept:
        return d.outer
    best = None
    for o in paragraph:
        if o is not d and o.para is d.para and o.start <= d.start and d.end <= o.end and (o.end - o.start) > (
                d.end - d.start) and (best is None or o.end - o.start < best.end - best.start):
            best = o
    return best


class _Namer:
    """Names the source of each draft once, in text order, remembering who has spoken."""

    def __init__(self, doc: Document, paragraphs: list[Paragraph], names: dict[str, str], memo: dict[int, Source],
                 speakers: list[str]):
        self.doc, self.paragraphs, self.names, self.memo, self.speakers = doc, paragraphs, names, memo, speakers
        self.last_resolved: dict[str, tuple[int, Source]] = {}  # pronoun -> the paragraph and source it last named

    @cached_property
    def teller(self) -> str | None:
        """Who the narration's "I" and "we" are (asked on the first of them: most articles have none)."""
        article = self.doc.article
        if enabled("byline_teller"):
            return narrator(article.authors, article.site_name, article.url)
        return article.authors[0] if article.authors else None

    @cached_property
    def answers(self) -> frozenset[int]:
        """The indices of the answers when the body is an interview in questions and answers."""
        if not enabled("interview_teller"):
            return frozenset()
        body = [p for p in self.paragraphs if p.parsed.role == "body"]
        return frozenset(body[i].index for i in answer_paragraphs([p.parsed.text for p in body]))

    def teller_in(self, paragraph: Paragraph) -> str | None:
        """Who "I" and "we" are in a paragraph of narration: the teller, but in an interview's answers the
        person interviewed, named when the answer, or an answer before it since the last question, opens with
        their name and a colon ('McKelvey: We met ...')."""
        answers = self.answers
        if paragraph.index not in answers:
            return self.teller
        k = paragraph.index
        while k in answers:
            para = self.paragraphs[k].parsed
            label = answer_label(para.text)
            if label is not None:
                m = mention_at(self.doc, para.offset + label[0], para.offset + label[1])
                return self.names.get(m.entity) if m is not None and m.type == "person" and m.entity else None
            k -= 1
        return None

    @cached_property
    def index(self) -> ReferentIndex:
        """Built on the first pronoun or description to resolve (many articles have none)."""
        paragraphs = self.paragraphs
        return ReferentIndex([p.parsed for p in paragraphs], [p.layers for p in paragraphs], _kind_of(self.doc))

    def source(self, d: Draft) -> Source:
        """The named source of a draft (memoised: continuations and nested quotes ask for others' sources)."""
        if id(d) in self.memo:
            return self.memo[id(d)]
        self.memo[id(d)] = Source()  # guards against a cycle of continuations
        if d.source is not None:
            inherited = self.source(d.source)
            src = Source(inherited.speaker, inherited.name, inherited.mention, None if d.floating else inherited.cue)
        else:
            src = self._from_cue(d)
            off = d.para.parsed.offset
            if src.mention is not None and (src.mention.start, src.mention.end) == (off + d.start, off + d.end) \
                    and enabled("source_in_content"):
                src = Source(cue=src.cue)  # the name is part of what was said, not who said it
        if src.name:
            self.speakers.append(surname(src.name))
        self.memo[id(d)] = src
        return src

    def _from_cue(self, d: Draft) -> Source:
        """The source the draft's cue names: its speaker's entity, else the phrase as written, pronouns resolved."""
        cue, para = d.cue, d.cue_paragraph.parsed
        if cue is None:
            return Source()
        cue_span = token_span(self.doc, para, *cue.words, strip=QUOTE_CHARS)
        tok = cue.speaker
        if tok is None:
            return Source(cue=cue_span)
        mention = token_span(self.doc, para, *source_tokens(tok), strip=DOUBLE_MARKS)
        mention_head = head_offsets(self.doc, para, tok)
        if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl":  # "the mayor, who said ...": "who" is the mention
            relative, tok = tok.lower_, tok.head.head
            if enabled("relative_not_date") and _a_date_or_number(tok):
                person = person_before(self.doc, para, tok) if relative == "who" else None
                if person is None:  # "a survey from 2019, which found ...": no one named
                    return Source(None, None, mention, cue_span)  # "a friend, Rachel, in 2019, who told": Rachel
                return Source(person.entity, self.names.get(person.entity, person.text), mention, cue_span)
            named = token_span(self.doc, para, *source_tokens(tok), strip=DOUBLE_MARKS)
        else:
            named = mention
        entity = self._speaker_entity(para, tok, mention, named, mention_head)
        lower = tok.lower_
        if entity is not None:
            found = Source(entity, self.names.get(entity, named.text), mention, cue_span)
            if lower in PRONOUNS and d.cue_paragraph.layers[tok.i] < 0:
                self.last_resolved[lower] = (d.cue_paragraph.index, found)
            return found
        if lower in FIRST_PERSON:
            return self._first_person(d, tok, mention, cue_span)
        if lower in PRONOUNS:
            return self._resolved(d, tok, mention, cue_span, for_document=False)
        if enabled("reader_source") and addresses_reader(tok) or enabled("pronoun_source") and refers_to_no_one(tok):
            return Source(None, None, mention, cue_span)  # "if you want to ...", "some argue ...": no one named
        if tok.lemma_.lower() in lexicon().document_nouns:
            owner = next((c for c in tok.children if c.dep_ in ("poss", "compound") and c.pos_ != "PRON"), None)
            if owner is not None:
                return Source(None, para.doc[noun_phrase_start(owner):owner.i + 1].text, mention, cue_span)
            if _definite(tok):  # "the statement read": whose statement; "studies show": the studies
                found = self._resolved(d, tok, mention, cue_span, for_document=True)
                if found.name:
                    return found
        return Source(None, named.text, mention, cue_span)

    def _speaker_entity(self, para: ParsedParagraph, tok: Token, mention: Span, named: Span,
                        mention_head: tuple[int, int]) -> str | None:
        """The entity the speaker phrase names: by its head word for a common noun, else by the name's mention."""
        if enabled("head_entity") and tok.pos_ != "PROPN" and not is_name(tok):  # "US officials": not the country
            head = token_span(self.doc, para, tok.i, tok.i + 1, strip=DOUBLE_MARKS)
            return entity_at(self.doc, head.start, head.end) or (
                entity_at(self.doc, mention.start, mention.end) if named is not mention else None) or (
                apposed_person(self.doc, para, tok) if enabled("appositive_source") else None)
        return (enabled("head_name") and head_name(self.doc, para, tok)
                or entity_at(self.doc, mention.start, mention.end, mention_head)
                or entity_at(self.doc, named.start, named.end, head_offsets(self.doc, para, tok)))

    def _first_person(self, d: Draft, tok: Token, mention: Span, cue_span: Span) -> Source:
        """Who "I" or "we" is: the teller of the quote around it, no one inside quotation marks, else the teller."""
        if d.outer is not None:
            outer = self.source(d.outer)
            return Source(outer.speaker, outer.name, mention, cue_span)
        if d.cue_paragraph.layers[tok.i] >= 0:  # "I told him" inside quotation marks: someone quoted, not the
            return Source(None, None, mention, cue_span)  # reporter, though no quote around it was drafted
        return Source(None, self.teller_in(d.cue_paragraph), mention, cue_span)

    def _resolved(self, d: Draft, tok, mention: Span, cue_span: Span, for_document: bool) -> Source:
        p = d.cue_paragraph
        pronoun = tok.lower_
        layer = (p.index, p.layers[tok.i]) if p.layers[tok.i] >= 0 else None
        exclude = frozenset()
        if d.outer is not None:
            outer = self.source(d.outer)
            exclude = frozenset({surname(outer.name)}) if outer.name else frozenset()
        sentence = self.index.sentence_of(p.index, tok.i)
        ref = resolve(self.index, pronoun, mention.start, p.index, sentence, layer, exclude,
                      frozenset(self.speakers), for_document)
        if ref is None:
            last = self.last_resolved.get(pronoun) if enabled("pronoun_chain") and layer is None else None
            if last is not None and 0 <= p.index - last[0] <= PRONOUN_CHAIN_PARAGRAPHS:
                return Source(last[1].speaker, last[1].name, mention, cue_span)  # "She said: ..." ... "She added: ..."
            return Source(None, None, mention, cue_span)
        found = Source(entity_at(self.doc, ref.start, ref.end, ref.head), ref.text, mention, cue_span)
        if not for_document and layer is None:
            self.last_resolved[pronoun] = (p.index, found)
        return found


PRONOUN_CHAIN_PARAGRAPHS = 3  # how far back "she added" may reach for the speaker "she said" was last read as

MAX_LABEL_TOKENS = 4  # a headline's label before a colon keeps its capitals: it may be who speaks ("Fact Check:")


def sentence_cased(headline: ParsedParagraph, read: list[ParsedParagraph]) -> ParsedParagraph:
    """A headline in title case ("Senator Praises Ferry Plan") parsed again in sentence case for its cues: the
    tagger reads a capitalised verb as a name. A word keeps its capital when the body writes it capitalised
    mid-sentence (a name), and so do "McDonald", "GOP" and a label before a colon; the case change keeps every
    offset, and the words of the record come from the text."""
    if not title_case(headline.text):
        return headline
    _, named = body_words(read)
    label = next((t.i + 1 for t in headline.doc[:MAX_LABEL_TOKENS + 1] if t.text == ":"), 1)  # "Fact Check: ..."
    chars = list(headline.text)
    for t in headline.doc[label:]:
        if t.text[:1].isupper() and t.text[1:].islower() and t.text not in named:
            chars[t.idx] = chars[t.idx].lower()
    cased = "".join(chars)
    if cased == headline.text:
        return headline
    from .parse import parser  # the model loads once, shared with the parse stage
    doc = next(iter(parser().nlp.pipe([cased])))  # through `pipe`, which the benchmarks' parse caches wrap
    doc.ents = [e[:-1] if len(e) > 1 and e[-1].is_punct else e for e in doc.ents]  # "Harbour Watch:": no colon
    return ParsedParagraph(headline.offset, doc, headline.role, headline.text)


def _definite(tok) -> bool:
    """A singular noun with "the", "this" or "that": a particular document, written by someone named before."""
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
