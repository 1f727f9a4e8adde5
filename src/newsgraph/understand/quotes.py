"""The quotes stage: direct, indirect and mixed quotes with speaker, cue and nesting.

Only body paragraphs are read (the parse stage's `scratch["parsed"]`).
  1. Find each paragraph's quoted stretches by their marks (`quote_marks`),
     carrying a quotation left open into the next paragraph.
  2. Find each paragraph's reporting cues, their sources and what they
     report (`attribution`).
  3. Give each quotation the cue that frames it: one that follows it
     ("“...,” she said") beats one that introduces it ("he said: “...”"),
     which beats one governing a clause the quotation is part of (mixed).
     A quotation without a cue continues its paragraph's last attributed
     quotation ("“...,” he said. “...”"), or floats on from the previous
     paragraph's speaker.
  4. Cues left over that govern a clause become indirect quotes.
  5. Name each source (`speakers`): the coref stage's entity when it has
     one, else the phrase as written, pronouns and "the statement"
     resolved; "I" in a nested quote is the teller of the outer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..model import Quote, Span
from ..pipeline import Document
from .attribution import GOVERNS, LEADS_IN, MIXED_RELATIONS, NOT_NAMES, RELATION_RANK, Cue, find_cues, \
    introduces_next, lexicon, mark_tokens, relate, speaker_label, token_scopes
from .context import ParsedParagraph, mention_at, parsed
from .quote_marks import Marked, find_marked
from .speakers import FEMALE, FIRST_PERSON, MALE, NEUTER, PLURAL, ReferentIndex, noun_phrase_start, resolve, surname

MIN_FLOATING_WORDS = 3  # a shorter quotation with no cue is a scare quote, not speech
QUOTED_LABEL_SHARE = 0.5  # of an object's characters inside quotation marks, for it to be a quoted label
CLAUSE_OPENERS = frozenset(".!?:;—–-―(…\"'”’»")  # before a quotation that starts its own sentence or clause
PRONOUNS = MALE | FEMALE | NEUTER | PLURAL
RELATIVES = frozenset({"who", "which", "that"})
QUOTE_CHARS = "\"'“”‘’«»„"


@dataclass
class Paragraph:
    """One body paragraph with what steps 1 and 2 found in it."""

    index: int
    parsed: ParsedParagraph
    marks: list[Marked]
    continues: bool  # its first quotation continues one left open by the previous paragraph
    scopes: list[int] = field(default_factory=list)  # innermost quotation of each token
    layers: list[int] = field(default_factory=list)  # top-level quotation of each token
    spans: list[tuple[int, int]] = field(default_factory=list)  # token range of each quotation
    cues: list[Cue] = field(default_factory=list)
    intro: Cue | None = None  # a cue ending the paragraph with a colon: "The Times reports:"


@dataclass(eq=False)
class Draft:
    """A quote before its source is named; offsets into the paragraph."""

    para: Paragraph
    start: int
    end: int
    kind: str
    cue: Cue | None
    source: Draft | None = None  # the quote whose source this one takes over
    floating: bool = False
    marks: list[int] = field(default_factory=list)
    outer: Draft | None = None
    cue_para: Paragraph | None = None  # where the cue stands, when not in `para` ("He wrote:" before)

    @property
    def cue_paragraph(self) -> Paragraph:
        return self.cue_para or self.para


@dataclass
class Source:
    """Who said a quote, as the record gives it."""

    speaker: str | None = None
    name: str | None = None
    mention: Span | None = None
    cue: Span | None = None


def extract_quotes(doc: Document) -> Document:
    """Stage entry: set `doc.article.quotes` from the parsed body paragraphs."""
    paragraphs = _mark_paragraphs(parsed(doc))
    lex = lexicon()
    for p in paragraphs:
        p.scopes = token_scopes(p.parsed.doc, p.marks)
        p.layers = [_top(p.marks, k) for k in p.scopes]
        p.spans = mark_tokens(p.parsed.doc, p.marks)
        p.cues = find_cues(p.parsed.doc, p.scopes, lex, p.parsed.text)
        p.intro = next((c for c in reversed(p.cues) if introduces_next(p.parsed.doc, c)), None)
    drafts: list[Draft] = []
    for k, p in enumerate(paragraphs):
        drafts.extend(_paragraph_drafts(p, drafts, paragraphs[k - 1] if k else None))
    doc.article.quotes = _records(doc, drafts, paragraphs)
    return doc


MENTION_KINDS = {"person": "person", "organization": "group", "place": "group"}


def _kind_of(doc: Document):
    """Person or group, as the entities stage typed the name at a span (None when it has no mention there)."""
    def kind_of(start: int, end: int) -> str | None:
        m = mention_at(doc, start, end)
        return MENTION_KINDS.get(m.type or "") if m is not None else None
    return kind_of


def _mark_paragraphs(paras: list[ParsedParagraph]) -> list[Paragraph]:
    """Step 1: quotation marks, with quotations carried across paragraphs."""
    out, carry = [], None
    for i, para in enumerate(paras):
        text = para.text
        marks, continues = None, False
        stripped = text.lstrip()
        if carry and stripped and stripped[0] not in carry[:1]:
            trial = find_marked(text, carry)
            if trial and trial[0].open_at == -1 and trial[0].closed:
                marks, continues = trial, True
        if marks is None:
            marks = find_marked(text)
            continues = bool(carry and marks and marks[0].depth == 0 and marks[0].open_at == len(text) - len(stripped))
        top = [m for m in marks if m.depth == 0]
        carry = text[top[-1].open_at:top[-1].start] if top and not top[-1].closed and top[-1].open_at >= 0 else None
        out.append(Paragraph(i, para, marks, continues))
    return out


def _top(marks: list[Marked], k: int) -> int:
    while k >= 0 and marks[k].parent is not None:
        k = marks[k].parent
    return k


def _paragraph_drafts(p: Paragraph, earlier: list[Draft], previous: Paragraph | None) -> list[Draft]:
    """Steps 3 and 4 for one paragraph."""
    doc, text = p.parsed.doc, p.parsed.text
    label = _label_draft(p)
    if label is not None:
        return [label]
    by_mark: dict[int, Draft] = {}
    mixed: dict[int, Draft] = {}  # cue head -> its mixed quote
    used: set[int] = set()
    for k, m in enumerate(p.marks):
        scope = -1 if m.parent is None else m.parent
        best, best_key = None, None
        for cue in p.cues:
            if cue.scope != scope:
                continue
            relation = relate(doc, p.spans[k], cue, _ends_sentence(text, m), _opens_clause(text, m))
            if relation is None:
                continue
            # the nearest frame wins; of clauses holding the quotation, the outermost ("said he was told “...”")
            near = cue.content[1] - cue.content[0] if relation == GOVERNS else -_distance(cue, p.spans[k])
            key = (RELATION_RANK[relation], near)
            if best_key is None or key > best_key:
                best, best_key = (cue, relation), key
        if best is None:
            continue
        cue, relation = best
        used.add(cue.head.i)
        if relation in MIXED_RELATIONS:
            draft = mixed.get(cue.head.i)
            if draft is None:
                a, b = _chars(doc, *cue.content) if relation != LEADS_IN else (_sentence_start(doc, p.spans[k][0]),
                                                                               m.outer_end)
                draft = mixed[cue.head.i] = Draft(p, min(a, m.outer_start), max(b, m.outer_end), "mixed", cue)
            draft.start, draft.end = min(draft.start, m.outer_start), max(draft.end, m.outer_end)
        else:
            draft = Draft(p, m.start, m.end, "direct", cue)
        draft.marks.append(k)
        by_mark[k] = draft
    _quoted_labels(p, by_mark)
    introduced = _introduced(p, previous, by_mark)
    if introduced is not None:
        return [introduced]
    _continue_unattributed(p, by_mark, earlier)
    drafts = list(dict.fromkeys(by_mark.values()))
    for k, draft in by_mark.items():
        parent = p.marks[k].parent
        if parent is not None and parent in by_mark and by_mark[parent] is not draft:
            draft.outer = by_mark[parent]
    drafts.extend(_indirect(p, used, drafts))
    return drafts


def _introduced(p: Paragraph, previous: Paragraph | None, by_mark: dict[int, Draft]) -> Draft | None:
    """A paragraph introduced by the previous one's "He wrote:": its opening quotation is his.

    Returns the draft for a paragraph without quotation marks (a block quote); marks a quotation in `by_mark`.
    """
    if previous is None or previous.intro is None or previous.parsed.role != "body":
        return None
    text = p.parsed.text
    lead = len(text) - len(text.lstrip())
    for k, m in enumerate(p.marks):
        if m.depth == 0 and k not in by_mark and m.outer_start <= lead:
            by_mark[k] = Draft(p, m.start, m.end, "direct", previous.intro, marks=[k], cue_para=previous)
            return None
    if p.marks or not text.strip():
        return None
    return Draft(p, lead, len(text.rstrip()), "direct", previous.intro, cue_para=previous)


def _quoted_labels(p: Paragraph, by_mark: dict[int, Draft]) -> None:
    """A view of an object that is mostly quoted words ("hailed him as a ‘symbol of bravery’") quotes a label:
    each quotation becomes a direct quote of its own rather than part of a mixed one."""
    for draft in {id(d): d for d in by_mark.values()}.values():
        if draft.kind != "mixed" or draft.cue.reports != "object":
            continue
        quoted = sum(p.marks[k].end - p.marks[k].start for k in draft.marks)
        if quoted >= QUOTED_LABEL_SHARE * (draft.end - draft.start):
            for k in draft.marks:
                by_mark[k] = Draft(p, p.marks[k].start, p.marks[k].end, "direct", draft.cue, marks=[k])


def _label_draft(p: Paragraph) -> Draft | None:
    """A transcript paragraph ("PENCE: Well, look, ..."): the rest of the paragraph is the label's words."""
    doc = p.parsed.doc
    label = speaker_label(doc, lexicon())
    if label is None:
        return None
    start, colon = label
    end = len(doc)
    while end > colon + 1 and (doc[end - 1].is_space or doc[end - 1].text in ('"', "“", "”")):
        end -= 1
    if end - colon < 3:
        return None
    cue = Cue(doc[colon], (colon, colon + 1), -1, doc[colon - 1], None, True, frozenset(range(start, colon + 1)),
              "label")
    a, b = _chars(doc, colon + 1, end)
    return Draft(p, a, b, "direct", cue)


def _opens_clause(text: str, m: Marked) -> bool:
    before = text[:m.outer_start].rstrip()
    return not before or before[-1] in CLAUSE_OPENERS


def _sentence_start(doc, i: int) -> int:
    """Character offset where the sentence holding token `i` starts."""
    return doc[i].sent[0].idx


def _ends_sentence(text: str, m: Marked) -> bool:
    """A quotation closed by a full stop is not framed by a cue after it ("“...” He said ...")."""
    return m.closed and text[m.start:m.end].rstrip().endswith(".")


def _distance(cue: Cue, span: tuple[int, int]) -> int:
    return min(abs(cue.head.i - span[0]), abs(cue.head.i - span[1]))


def _chars(doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _continue_unattributed(p: Paragraph, by_mark: dict[int, Draft], earlier: list[Draft]) -> None:
    """Step 3, second half: continuations within the paragraph, then floating quotations."""
    text, doc = p.parsed.text, p.parsed.doc
    for k, m in enumerate(p.marks):
        if k in by_mark:
            continue
        siblings = [j for j in by_mark if p.marks[j].parent == m.parent and by_mark[j].kind == "direct"]
        if not _opens_clause(text, m):  # a fragment ("a ‘bully’") goes on only from its own sentence
            sentence = doc[p.spans[k][0]].sent.start
            siblings = [j for j in siblings if doc[p.spans[j][0]].sent.start == sentence]
        before = [j for j in siblings if j < k]
        after = [j for j in siblings if j > k]
        if before or after:
            source = by_mark[before[-1] if before else after[0]]
            by_mark[k] = Draft(p, m.start, m.end, "direct", source.cue, source=source, marks=[k])
            continue
        if m.depth > 0 or len(text[m.start:m.end].split()) < MIN_FLOATING_WORDS:
            continue
        opens_paragraph = m.open_at <= len(text) - len(text.lstrip())
        source = _previous_speaker(p, earlier) if opens_paragraph else None
        if source is not None:
            by_mark[k] = Draft(p, m.start, m.end, "direct", None, source=source, floating=True, marks=[k])


def _previous_speaker(p: Paragraph, earlier: list[Draft]) -> Draft | None:
    """The last quote of the previous paragraph, if it had one."""
    for draft in reversed(earlier):
        if draft.para.index < p.index - 1:
            return None
        if draft.para.parsed.role != "body":
            return None
        if draft.outer is None and (draft.cue is not None and draft.cue.speaker is not None or draft.source):
            return draft
    return None


def _indirect(p: Paragraph, used: set[int], drafts: list[Draft]) -> list[Draft]:
    """Step 4: cues outside quotations that govern a clause no quotation is framed in.

    A cue inside what another cue reports ("she said leaders had agreed to ...") is part
    of that report, not a quote of its own.
    """
    doc, found = p.parsed.doc, []
    for cue in p.cues:
        if cue.scope != -1 or cue.content is None or cue.speaker is None or cue.head.i in used:
            continue
        first, last = cue.content
        if any(a < last and first < b for a, b in p.spans):
            continue
        found.append((cue, *_chars(doc, first, last)))
    spans = [(d.start, d.end) for d in drafts] + [(a, b) for _, a, b in found]
    out = []
    for cue, a, b in found:
        at = cue.head.idx
        if not any(s <= at < e and e - s > b - a for s, e in spans):
            out.append(Draft(p, a, b, "indirect", cue))
    return out


def _records(doc: Document, drafts: list[Draft], paragraphs: list[Paragraph]) -> list[Quote]:
    """Step 5: name every source and number the quotes in text order."""
    article = doc.article
    names = {e.id: e.name for e in article.entities}
    drafts.sort(key=lambda d: (d.para.index, d.start, -d.end))
    sources: dict[int, Source] = {}
    speakers: list[str] = []
    namer = _Namer(doc, paragraphs, names, sources, speakers)
    ids = {id(d): f"q{n}" for n, d in enumerate(drafts, 1)}
    out = []
    for d in drafts:
        src = namer.source(d)
        parent = _parent(d, drafts)
        off = d.para.parsed.offset
        out.append(Quote(id=ids[id(d)], kind=d.kind, text=article.text[off + d.start:off + d.end],
                         start=off + d.start, end=off + d.end, speaker=src.speaker, speaker_name=src.name,
                         speaker_mention=src.mention, cue=src.cue, parent=ids[id(parent)] if parent else None))
    return out


def _parent(d: Draft, drafts: list[Draft]) -> Draft | None:
    if d.outer is not None:
        return d.outer
    best = None
    for o in drafts:
        if o is not d and o.para is d.para and o.start <= d.start and d.end <= o.end and (o.end - o.start) > (
                d.end - d.start) and (best is None or o.end - o.start < best.end - best.start):
            best = o
    return best


class _Namer:
    """Names the source of each draft once, in text order, remembering who has spoken."""

    def __init__(self, doc: Document, paragraphs: list[Paragraph], names: dict[str, str], memo: dict[int, Source],
                 speakers: list[str]):
        self.doc, self.paragraphs, self.names, self.memo, self.speakers = doc, paragraphs, names, memo, speakers
        self.authors = doc.article.authors

    @cached_property
    def index(self) -> ReferentIndex:
        """Built on the first pronoun or description to resolve (many articles have none)."""
        paragraphs = self.paragraphs
        return ReferentIndex([p.parsed for p in paragraphs], [p.layers for p in paragraphs], _kind_of(self.doc))

    def source(self, d: Draft) -> Source:
        if id(d) in self.memo:
            return self.memo[id(d)]
        self.memo[id(d)] = Source()  # guards against a cycle of continuations
        if d.source is not None:
            inherited = self.source(d.source)
            src = Source(inherited.speaker, inherited.name, inherited.mention, None if d.floating else inherited.cue)
        else:
            src = self._from_cue(d)
        if src.name:
            self.speakers.append(surname(src.name))
        self.memo[id(d)] = src
        return src

    def _span(self, para: ParsedParagraph, start: int, end: int, strip: str = "") -> Span:
        doc = para.doc
        a, b = para.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        text = self.doc.article.text
        while strip and b - a > 1 and text[a] in strip:
            a += 1
        return Span(start=a, end=b, text=text[a:b])

    def _entity(self, start: int, end: int) -> str | None:
        m = mention_at(self.doc, start, end)
        return m.entity if m is not None else None

    def _from_cue(self, d: Draft) -> Source:
        cue, para = d.cue, d.cue_paragraph.parsed
        if cue is None:
            return Source()
        cue_span = self._span(para, *cue.words, strip=QUOTE_CHARS)
        tok = cue.speaker
        if tok is None:
            return Source(cue=cue_span)
        mention = self._span(para, *_source_tokens(tok))
        if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl":  # "the mayor, who said ...": "who" is the mention
            tok = tok.head.head
            named = self._span(para, *_source_tokens(tok))
        else:
            named = mention
        entity = self._entity(mention.start, mention.end) or self._entity(named.start, named.end)
        if entity is not None:
            return Source(entity, self.names.get(entity, named.text), mention, cue_span)
        lower = tok.lower_
        if lower in FIRST_PERSON:
            if d.outer is not None:
                outer = self.source(d.outer)
                return Source(outer.speaker, outer.name, mention, cue_span)
            return Source(None, self.authors[0] if self.authors else None, mention, cue_span)
        if lower in PRONOUNS:
            return self._resolved(d, tok, mention, cue_span, for_document=False)
        if tok.lemma_.lower() in lexicon().document_nouns:
            owner = next((c for c in tok.children if c.dep_ in ("poss", "compound") and c.pos_ != "PRON"), None)
            if owner is not None:
                return Source(None, para.doc[noun_phrase_start(owner):owner.i + 1].text, mention, cue_span)
            found = self._resolved(d, tok, mention, cue_span, for_document=True)
            return found if found.name else Source(None, named.text, mention, cue_span)
        return Source(None, named.text, mention, cue_span)

    def _resolved(self, d: Draft, tok, mention: Span, cue_span: Span, for_document: bool) -> Source:
        p = d.cue_paragraph
        pronoun = tok.lower_
        layer = (p.index, p.layers[tok.i]) if p.layers[tok.i] >= 0 else None
        exclude = frozenset()
        if d.outer is not None:
            outer = self.source(d.outer)
            exclude = frozenset({surname(outer.name)}) if outer.name else frozenset()
        sentence = self.index.sentence_of[p.index][tok.i]
        ref = resolve(self.index, pronoun, mention.start, p.index, sentence, layer, exclude,
                      frozenset(self.speakers), for_document)
        if ref is None:
            return Source(None, None, mention, cue_span)
        return Source(self._entity(ref.start, ref.end), ref.text, mention, cue_span)


def _source_tokens(tok) -> tuple[int, int]:
    """Token range of the source phrase: the whole name for a name, the noun phrase for a description."""
    if tok.ent_type_ and tok.ent_type_ not in NOT_NAMES:
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.start, ent.end
    if tok.pos_ == "PRON":
        return tok.i, tok.i + 1
    return noun_phrase_start(tok), tok.i + 1
