"""Steps 3 and 4 of the quotes stage: quotations paired with their cues, paragraph by paragraph.

A `Draft` is a quote before its source is named: its place in the paragraph,
its kind, and the cue it was read from (or the earlier quote whose source it
takes over). `quotes.extract_quotes` names the sources afterwards. The
paragraphs and their quotations (step 1) are `quote_paragraphs`'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .attribution import (
    GOVERNS,
    LEADS_IN,
    MIXED_RELATIONS,
    RELATION_RANK,
    Cue,
    relate,
)
from .content_edges import QUOTE_TOKENS, SUBJECT_DEPS
from .cue_kinds import CELL_SEPARATOR
from .cue_sources import speaking_noun
from .cue_words import lexicon
from .name_evidence import english_word, known_place
from .quote_marks import Marked
from .quote_paragraphs import Paragraph, is_title
from .quote_rules import enabled
from .speakers import nouns
from .wire_names import town_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .cue_words import Lexicon

MIN_FLOATING_WORDS = 3  # a shorter quotation with no cue is a scare quote, not speech
QUOTED_LABEL_SHARE = 0.5  # of an object's characters inside quotation marks, for it to be a quoted label
MAX_SEPARATE_LABELS = 2  # more quoted labels in one object ('a “crook,” a “coward” and a “clown”') are one view
MAX_HEADLINE_LABEL = 3  # tokens before a headline's colon that name who speaks ("Poll:", "Sen. Jane Doe:")
CLAUSE_OPENERS = frozenset(".!?:;—–-―(…\"'”’»")  # before a quotation that starts its own sentence or clause


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
    forward: bool = False  # takes its source from the paragraph its quotation runs on into

    @property
    def cue_paragraph(self) -> Paragraph:
        """The paragraph the cue's token indices refer to."""
        return self.cue_para or self.para


_DATELINE = re.compile(  # a hyphen after a space only, and a capital after it: not 'COVID-19', 'US-China', 'IMF - the'
    r"\s*(?:[A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?(?: \d{1,2})?"
    r"(?:\s*\([A-Z][A-Za-z. ]{1,24}\))?(?:\s+(?:--|[-–—])|\s*[—–])|\([A-Z][A-Za-z. ]{1,24}\))\s*(?=[A-Z\"“‘'])")


def past_dateline(drafts: list[Draft]) -> None:
    """A quote opening its paragraph starts after the dateline ('OSLO, May 3 (Reuters) - ', 'BERGEN (AP) — ',
    '(CNN)'): the place and the agency are where the story was filed, not what the source reported."""
    for d in drafts:
        m = _DATELINE.match(d.para.parsed.text)
        if m and d.start <= m.end() < d.end and not d.marks:
            d.start = m.end()


def attribute_forward(paragraphs: list[Paragraph], drafts: list[Draft]) -> list[Draft]:
    """A quotation running over several paragraphs is its closing paragraph's speaker's: the first paragraphs
    ("“We lost everything. / “Everything,” she said.") take the source of the next when they have no cue.
    Quotations left open with no speaker at all are dropped."""
    at = {(d.para.index, k): d for d in drafts for k in d.marks}
    for p in reversed(paragraphs[1:]):
        if not p.continues:
            continue
        prev = paragraphs[p.index - 1]
        last = max((k for k, m in enumerate(prev.marks) if m.depth == 0), default=None)
        first = min((k for k, m in enumerate(p.marks) if m.depth == 0), default=None)
        before, after = at.get((prev.index, last)), at.get((p.index, first))
        if before is None or after is None or before.cue is not None:
            continue
        if after.cue is not None and after.source is None or after.forward:
            before.source, before.forward = after, True
    return [d for d in drafts if d.cue is not None or d.source is not None]


def draft_paragraph(p: Paragraph, earlier: list[Draft], previous: Paragraph | None) -> list[Draft]:
    """Steps 3 and 4 for one paragraph."""
    label = _label_draft(p)
    if label is not None:
        return [label]
    by_mark: dict[int, Draft] = {}
    mixed: dict[int, Draft] = {}  # cue head -> its mixed quote
    used: set[int] = set()
    for k, m in enumerate(p.marks):
        best = _frame(p, k, m)
        if best is None:
            continue
        cue, relation = best
        used.add(cue.head.i)
        if relation in MIXED_RELATIONS:
            draft = mixed.get(cue.head.i)
            if draft is None:
                a, b = _mixed_span(p, k, m, cue, relation)
                draft = mixed[cue.head.i] = Draft(p, a, b, "mixed", cue)
            draft.start, draft.end = min(draft.start, m.outer_start), max(draft.end, m.outer_end)
        else:
            draft = Draft(p, m.start, m.end, "direct", cue)
        draft.marks.append(k)
        by_mark[k] = draft
    _quoted_labels(p, by_mark)
    if enabled("colon_intro"):
        _colon_intros(p, by_mark)
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


def _frame(p: Paragraph, k: int, m: Marked) -> tuple[Cue, str] | None:
    """The cue that frames quotation `k`, and how: the best relation, then the nearest cue."""
    doc, text = p.parsed.doc, p.parsed.text
    scope = -1 if m.parent is None else m.parent
    ends, opens = _ends_sentence(text, m), _opens_clause(text, m)
    best, best_key = None, None
    for cue in p.cues:
        if cue.scope != scope or cue.kind == "passive":  # a passive frames no quotation: its source is unnamed
            continue
        relation = relate(doc, p.spans[k], cue, ends, opens)
        if relation is None:
            continue
        # the nearest frame wins; of clauses holding the quotation, the outermost ("said he was told “...”")
        near = cue.content[1] - cue.content[0] if relation == GOVERNS else -_distance(cue, p.spans[k])
        key = (RELATION_RANK[relation], near)
        if best_key is None or key > best_key:
            best, best_key = (cue, relation), key
    return best


def _mixed_span(p: Paragraph, k: int, m: Marked, cue: Cue, relation: str) -> tuple[int, int]:
    """Characters of a mixed quote: the governed clause, or the sentence up to the quotation it leads into."""
    doc = p.parsed.doc
    a, b = _chars(doc, *cue.content) if relation != LEADS_IN else (_sentence_start(doc, p.spans[k][0]), m.outer_end)
    return min(a, m.outer_start), max(b, m.outer_end)


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


NO_ONE = frozenset({"it", "this", "that", "there", "which", "what", "who", "these", "those"})  # "It was simple: “...”"


def _colon_intros(p: Paragraph, by_mark: dict[int, Draft]) -> None:
    """"The letter makes its case: “...”", "he went back to his old refrain: “...”": a quotation right after a colon
    that closes a clause with no cue of its own is that clause's subject's, or the name's right before the colon."""
    doc = p.parsed.doc
    for k, m in enumerate(p.marks):
        if k in by_mark or m.depth > 0:
            continue
        colon = p.spans[k][0] - 1
        while colon > 0 and doc[colon].is_space:
            colon -= 1
        if colon < 1 or doc[colon].text != ":" or p.scopes[colon] != -1:
            continue
        start = doc[colon].sent.start
        if any(t.text in QUOTE_TOKENS for t in doc[start:colon]):
            continue  # '“...,” by Jane Doe: “...”': a digest's headings, no clause of its own
        verb = doc[colon - 1]
        if verb.ent_type_ == "PERSON" and (verb.dep_ != "pobj" or verb.head.lower_ in ("by", "from")):
            # "- Jane Doe and Ole Hansen: “...”", "no news to pollster Jane Doe: “...”", "More from Doe: “...”"
            subject = verb
        else:
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if verb.pos_ not in ("VERB", "AUX") or verb.i > colon or subject is None or subject.lower_ in NO_ONE \
                    or p.scopes[subject.i] != -1 or verb.i < start:
                continue
        cue = Cue(verb, (colon, colon + 1), -1, subject, None, True, frozenset({verb.i, colon}), "label")
        by_mark[k] = Draft(p, m.start, m.end, "direct", cue, marks=[k])


def _quoted_labels(p: Paragraph, by_mark: dict[int, Draft]) -> None:
    """A view of an object that is mostly quoted words ("hailed her as a ‘beacon of calm’") quotes a label:
    each quotation becomes a direct quote of its own rather than part of a mixed one. A string of three or
    more labels stays one mixed quote: one characterisation, not several sayings."""
    for draft in {id(d): d for d in by_mark.values()}.values():
        if draft.kind != "mixed" or draft.cue.reports != "object":
            continue
        quoted = sum(p.marks[k].end - p.marks[k].start for k in draft.marks)
        if quoted >= QUOTED_LABEL_SHARE * (draft.end - draft.start) and (
                len(draft.marks) <= MAX_SEPARATE_LABELS or not enabled("label_string")):
            for k in draft.marks:
                by_mark[k] = Draft(p, p.marks[k].start, p.marks[k].end, "direct", draft.cue, marks=[k])


def _label_draft(p: Paragraph) -> Draft | None:
    """A transcript paragraph ("PENCE: Well, look, ..."): the rest of the paragraph is the label's words."""
    doc = p.parsed.doc
    headline = p.parsed.role == "headline" or enabled("title_label") and p.index == 0 and p.parsed.role == "body"
    label = speaker_label(doc, lexicon(), headline=headline)  # a first line read as body is the title
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


def speaker_label(doc: Doc, lex: Lexicon, headline: bool = False) -> tuple[int, int] | None:
    """Token range of a transcript label opening the paragraph ("PENCE: Well, look ..."), if any.

    In a headline a name or a short capitalised noun before the colon speaks too ("Poll: Voters ...").
    """
    i = 0
    while i < len(doc) and (doc[i].text in QUOTE_TOKENS or doc[i].is_space):
        i += 1
    j = i
    while j < len(doc) and j - i < 4 and doc[j].text != ":":
        j += 1
    if j == i or j >= len(doc) - 2 or doc[j].text != ":":
        return None
    label = doc[i:j]
    words = [t for t in label if t.is_alpha]
    if not words or label.text.lower() in lex.not_labels:
        return None
    shouted = all(t.is_upper and len(t) > 1 for t in words)
    named = all(t.ent_type_ == "PERSON" for t in words)
    titled = headline and enabled("headline_label") and len(label) <= MAX_HEADLINE_LABEL \
        and all(t.text[:1].isupper() for t in words) and all(t.pos_ in ("PROPN", "NOUN") for t in label)
    if not (shouted or named or titled) or enabled("field_label") and not _opens_turn(doc, i, j, lex, headline):
        return None
    if shouted and not headline and enabled("colon_dateline") and known_place(town_name(label.text)):
        return None  # 'NEW DELHI: Their savings gone, ...': the town the story was filed from, no one's turn
    if headline and enabled("headline_label") and not _may_speak(words):
        return None  # 'Roundup: ...', 'Fact Check: ...', 'Business Focus: ...': a kicker, no source
    return i, j


def _may_speak(words: list) -> bool:
    """Whether a headline's label may be who speaks: a name (tagged one, or a last word that is no English word in
    use: 'Sanders', 'Politifact'), or a noun of people, of a group, of a body or of a document ('Experts',
    'Police', 'Herald', 'Report'); not a kicker of common words ('Roundup', 'Fact Check', 'Daily Telescope')."""
    if any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in words):
        return True
    head = words[-1].lower_
    if not english_word(head):
        return True
    forms = {head, head[:-1]} if head.endswith("s") else {head}
    return any(speaking_noun(f) or f in nouns().organization_words for f in forms)


OPEN_BRACKETS = frozenset("([{")
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "—", "–"})


def _opens_turn(doc: Doc, i: int, j: int, lex: Lexicon, headline: bool) -> bool:
    """Whether the label doc[i:j] before a colon introduces someone's words. Not so: a note in brackets ("[CLIP:
    ...]"), a salutation ("DEAR ABBY:": the one addressed), or a field: a value over table cells ("RANKINGS: Team
    | Position | State"), or one with neither a verb nor a sentence's end (a fact sheet's "Size: 6-foot-6, 215 lbs",
    a table's "Team: Player"; a spoken "TRUMP: Wrong." is a turn, and so is a headline's "Poll: A Dead Heat")."""
    words = [t for t in doc[i:j] if t.is_alpha]
    if doc[i].text in OPEN_BRACKETS or words[0].lower_ in lex.salutations:
        return False
    value = [t for t in doc[j + 1:] if not t.is_space]
    if any(t.text == CELL_SEPARATOR for t in value):
        return False
    if headline:
        return True  # a headline's label may head a phrase: "Poll: A Dead Heat in Ohio"
    if enabled("idioms") and all(t.like_num or t.is_punct for t in value):
        return False  # "Clinton: 547.": a count in a table, no words of hers
    return any(t.pos_ in ("VERB", "AUX") for t in value) or value[-1].text in SENTENCE_ENDS  # "TRUMP: Wrong."


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
        if enabled("mixed_continuation") and _opens_clause(text, m):
            before = _nearest_before(p, by_mark, k, before)
        if before or after:
            source = by_mark[before[-1] if before else after[0]]
            by_mark[k] = Draft(p, m.start, m.end, "direct", source.cue, source=source, marks=[k])
            continue
        if m.depth > 0 or len(text[m.start:m.end].split()) < MIN_FLOATING_WORDS:
            continue
        if enabled("quoted_heading") and _quoted_heading(text, m) or enabled("quoted_line") and _quoted_line(text, m):
            continue
        opens_paragraph = m.open_at <= len(text) - len(text.lstrip())
        source = _previous_speaker(p, earlier) if opens_paragraph else None
        if source is not None or m.depth == 0 and not m.closed:  # left open: the next paragraph may name it
            by_mark[k] = Draft(p, m.start, m.end, "direct", None, source=source, floating=True, marks=[k])


def _nearest_before(p: Paragraph, by_mark: dict[int, Draft], k: int, before: list[int]) -> list[int]:
    """'The plan is “too timid,” he said. “...”': a quotation opening a clause goes on from the nearest attributed
    quotation before it, also one only part of a mixed quote."""
    mixed = [j for j in by_mark if j < k and p.marks[j].parent == p.marks[k].parent and by_mark[j].kind == "mixed"]
    return [mixed[-1]] if mixed and (not before or mixed[-1] > before[-1]) else before


def _quoted_heading(text: str, m: Marked) -> bool:
    """A paragraph that is only a quoted phrase in title case ("'Storm Over the Pier.'") is a subheading."""
    return m.closed and not text[:m.open_at].strip() and not text[m.outer_end:].strip() \
        and is_title(text[m.start:m.end])


SINGLE_MARKS = frozenset("'‘")
MAX_LINE_WORDS = 6


def _quoted_line(text: str, m: Marked) -> bool:
    """A paragraph that is only a few words in single quotation marks ("'A hard winter ahead.'") is a subheading
    quoting the section below it, not a quotation floating on from the paragraph before."""
    return m.closed and m.open_at >= 0 and not text[:m.open_at].strip() and not text[m.outer_end:].strip() \
        and text[m.open_at] in SINGLE_MARKS and text[m.open_at:m.open_at + 2] != "''" \
        and len(text[m.start:m.end].split()) <= MAX_LINE_WORDS


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

    A cue inside what another cue reports ("she said the wardens had agreed to ...") is part
    of that report, not a quote of its own.
    """
    doc, found = p.parsed.doc, []
    drafted = {k for d in drafts for k in d.marks}
    for cue in p.cues:
        if cue.scope != -1 or cue.content is None or cue.speaker is None and cue.kind != "passive" \
                or cue.head.i in used:
            continue
        first, last = cue.content
        inside = [k for k, (a, b) in enumerate(p.spans) if a < last and first < b]
        if inside and (not enabled("quoted_report") or any(k in drafted for k in inside)):
            continue  # a quotation some cue frames is that cue's quote ("“...,” she said")
        whole = next((k for k in inside if p.spans[k] == (first, last)), None)
        if whole is not None:  # 'called for [“more boats”]': the quotation itself
            found.append((cue, p.marks[whole].start, p.marks[whole].end, "direct"))
            continue
        within = any(p.spans[k][0] <= first and last <= p.spans[k][1] for k in inside)  # 'offered “[my thanks]”'
        found.append((cue, *_chars(doc, first, last), "direct" if within else "mixed" if inside else "indirect"))
    spans = [(d.start, d.end) for d in drafts] + [(a, b) for _, a, b, _ in found]
    out = []
    for cue, a, b, kind in found:
        at = cue.head.idx
        if not any(s <= at < e and e - s > b - a for s, e in spans):
            out.append(Draft(p, a, b, kind, cue))
    return out
