"""The coref stage: pronouns and descriptions resolved to the entities they mean.

Rule-based and within one article, in the "propose, then decide" style:
every earlier person mention within a few sentences is a candidate for a
third-person pronoun, scored by sentence distance, subjecthood, gender
agreement and whether both sit inside (or outside) quotation marks; the
best one wins. Descriptions resolve by vocabulary: "the officer" to the
latest person with that title or role, "the department" or "police" to
the police organisation, "the statement" to the organisation that spoke.
A possessive kinship phrase ("my wife", "his wife") becomes a person of
its own ("Alus's wife") once a pronoun or a later stage refers to it.
An organisation named as a person may be that pronouns keep meaning in a
dry run is retyped a person first (`pronoun_people`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..model import Entity, Span
from ..pipeline import Document
from . import rules
from .context import (MENTIONS, Mention, ParsedParagraph, QuoteRegions, column, mentions, parsed, string_ids,
                      word_positions)
from .entity_types import designated, institution_name
from .name_case import family_name
from .name_evidence import given_name_sex, known_place, opens_with_given_name
from .name_use import plural_subject
from .speakers import nouns
from .vocab import EntityVocabulary, entity_vocabulary

if TYPE_CHECKING:
    from spacy.tokens import Token

STAGE = "coref"
SENTENCE_WINDOW = 3
W_SENTENCE = 1.0  # per sentence of distance, subtracted
W_ROOT_SUBJECT = 2.0
W_SUBJECT = 1.0
W_SAME_QUOTING = 4.0  # inside quotes, "he" is someone in the story, not the one telling it
W_GENDER_CLASH = 100.0
W_SALIENCE = 0.5  # per earlier name mention of the candidate's entity in the article
SALIENCE_CAP = 4  # name mentions counted at most: past a few, the topic is plain
W_NOT_PERSON = 2.0  # an organisation named as a person may be, against a person, in the dry run of `pronoun_people`
PRONOUNS_TO_TYPE = 2  # "he" or "she" meaning it this often makes it a person
RETYPED = frozenset({"organization"})  # places too lost GUM and FiNER entities: towns named 'Tyler' or 'Madison'

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}
GENDER_NOUNS = {"woman": "female", "girl": "female", "lady": "female", "man": "male", "boy": "male",
                "gentleman": "male", "mrs.": "female", "ms.": "female", "mr.": "male", "rabbi": "male"}
_GENDER_WORDS = frozenset(GENDER_NOUNS)


@dataclass
class _Candidate:
    mention: Mention
    sentence: int
    subject: bool
    root_subject: bool
    quoted: bool
    verb: int = -1  # absolute offset of the verb the mention is the subject of


def _candidate(mention: Mention, token, para, sentence_no: int, quoted: bool, sexed: bool = True) -> _Candidate:
    if token.dep_ == "appos" and token.head.dep_.startswith("nsubj") and token.head.pos_ == "NOUN" \
            and (sexed or not _owned_by_pronoun(token.head)) and rules.enabled("appositive_subject"):
        token = token.head  # 'the mayor's wife, Ada, said': Ada is who the sentence is about
    subject = token.dep_.startswith("nsubj")
    return _Candidate(mention, sentence_no, subject, subject and token.head.dep_ == "ROOT", quoted,
                      para.offset + token.head.idx if subject else -1)


def _owned_by_pronoun(noun) -> bool:
    """'Her old teacher': someone else the pronouns may mean is in view, so a name of no known sex in apposition
    ('Her old teacher, NAME, praised her') does not stand as the subject for the pronouns after it."""
    return any(child.dep_ == "poss" and child.lower_ in PRONOUN_GENDER for child in noun.children)


def resolve_coreference(doc: Document) -> Document:
    """Stage entry: add pronoun and description mentions with their entities."""
    entities = {e.id: e for e in doc.article.entities}
    names = sorted(mentions(doc), key=lambda m: m.start)
    maybe = _person_shaped(entities) if rules.enabled("pronoun_people") else set()
    if maybe and rules.enabled("plural_agreement"):
        maybe -= _subjects_of_plural_verbs(doc, names, maybe)
    if maybe:  # a dry run: which of them do "he" and "she" keep meaning?
        _, meant = _resolve(doc, entities, names, maybe)
        _retype_as_people({e for e in maybe if meant[e] >= PRONOUNS_TO_TYPE}, entities, names)
    found, _ = _resolve(doc, entities, names, set())
    doc.scratch[MENTIONS] = sorted([*names, *found], key=lambda m: m.start)
    return doc


def _resolve(doc: Document, entities: dict[str, Entity], names: list[Mention],
             maybe: set[str]) -> tuple[list[Mention], Counter]:
    """The pronoun and description mentions, and how many pronouns each of the `maybe` entities (no people by
    their type) was found to mean."""
    vocab = entity_vocabulary()
    heads = _nominal_heads()
    run = _Resolution(doc, entities, names, maybe, _known_genders(doc, entities))
    starts = [m.start for m in names]
    in_body = False
    for para in parsed(doc):
        if para.role != "deck" and run.sentence_no and not in_body:
            run.sentence_no += SENTENCE_WINDOW  # the deck is its own discourse: the body's pronouns start afresh
        in_body = in_body or para.role != "deck"
        para_end = para.offset + len(para.text)
        ends = {m.end: m for m in names[bisect_left(starts, para.offset):bisect_left(starts, para_end)]}
        run.read_paragraph(para, ends, heads, vocab)
    return run.found, run.meant


@dataclass
class _Resolution:
    """One pass over an article: the mentions found so far and the earlier ones still in view."""

    doc: Document
    entities: dict[str, Entity]
    names: list[Mention]
    maybe: set[str]
    gender: dict[str, str]
    found: list[Mention] = field(default_factory=list)
    meant: Counter = field(default_factory=Counter)
    history: list[_Candidate] = field(default_factory=list)
    # entity -> name mentions so far: the article's topic outweighs a passing name
    named: dict[str, int] = field(default_factory=dict)
    sentence_no: int = 0

    def read_paragraph(self, para: ParsedParagraph, ends: dict[int, Mention], heads: frozenset[str],
                       vocab: EntityVocabulary) -> None:
        """Walk a paragraph's sentences: names become candidates, pronouns and descriptions mentions."""
        covered = {i for m in ends.values() for i in range(m.start, m.end)}
        quotes = QuoteRegions(para.text)
        pdoc = para.doc
        offsets, lowers = _offsets_and_forms(pdoc)
        looked_at = _looked_at()
        for sent in pdoc.sents:
            self.sentence_no += 1
            self.history = [c for c in self.history if self.sentence_no - c.sentence <= SENTENCE_WINDOW]
            for k in range(sent.start, sent.end):
                start = para.offset + offsets[k]
                if start not in covered and lowers[k] not in looked_at:
                    continue  # neither a name's word nor a pronoun or description: no Token made
                token = pdoc[k]
                if start in covered:
                    m = ends.get(start + len(token))
                    if m is not None:  # the name's last word carries its role in the sentence
                        self.add_name(m, token, para, quotes.inside(token.idx))
                elif token.lower_ in PRONOUN_GENDER:
                    if token.pos_ == "PRON":
                        self.add_pronoun(token, para, start, quotes.inside(token.idx))
                elif token.lower_ in heads:
                    self.add_nominal(token, para, quotes, vocab)

    def add_name(self, m: Mention, token: Token, para: ParsedParagraph, quoted: bool) -> None:
        """A name: a candidate for what follows, and one more mention of its entity."""
        self.history.append(_candidate(m, token, para, self.sentence_no, quoted, sexed=m.entity in self.gender))
        if m.entity:
            self.named[m.entity] = self.named.get(m.entity, 0) + 1

    def add_pronoun(self, token: Token, para: ParsedParagraph, start: int, quoted: bool) -> None:
        """A pronoun meaning the best candidate in view, not the subject of its own clause."""
        lower = token.lower_
        clause = para.offset + token.head.idx if not token.dep_.startswith("nsubj") else -2
        best = _best([c for c in self.history if c.verb != clause], self.sentence_no, PRONOUN_GENDER[lower],
                     quoted, self.gender, self.named, self.maybe)
        if best is not None and (best.mention.entity or not self.maybe):  # the dry run makes no kin
            entity = best.mention.entity or _kin_entity(self.doc, best.mention, self.entities)
            if entity in self.maybe:
                self.meant[entity] += 1
            self.found.append(Mention(start, start + len(token), token.text, entity, "pronoun", "person"))
            self.gender.setdefault(entity, PRONOUN_GENDER[lower])
            self.history.append(_candidate(self.found[-1], token, para, self.sentence_no, quoted))

    def add_nominal(self, token: Token, para: ParsedParagraph, quotes: QuoteRegions, vocab: EntityVocabulary) -> None:
        """A description ('the officer', 'my wife') of an entity, when one fits."""
        named = self.named if rules.enabled("named_before") else None
        nominal = _nominal(token, para, self.entities, self.history, vocab, self.doc.article.site_name, named)
        if nominal is None:
            return
        quoted = quotes.inside(token.idx)
        if "kin" in nominal.attrs:
            nominal.attrs["owner"] = _kin_owner(nominal, quoted, para, self.names, self.history, self.sentence_no,
                                                self.gender)
        self.found.append(nominal)
        self.history.append(_candidate(nominal, token, para, self.sentence_no, quoted))


def _person_shaped(entities: dict[str, Entity]) -> set[str]:
    """Organisations named as a person may be: opening with a given name ('Rachel Rook'), a given name alone
    ('Tyler'), or the last word of such a name in the article ('Holt' beside 'Brock Holt'); not with a
    designator ('Dick Clark Productions') or a body's head word ('Mercy Hospital', `institution_names`), a
    place's name first ('Florida State', 'America') or a word in capitals ('BART'); and named twice at least (a
    headline's 'Royal Self-Indicting Arrogance' is not)."""
    if not any(e.type in RETYPED for e in entities.values()):
        return set()
    institutions = rules.enabled("institution_names")  # 'Al Aqsa Martyrs Hospital': 'Al' is a given name too
    surnames = {e.name.split()[-1] for e in entities.values()
                if len(e.name.split()) > 1 and opens_with_given_name(e.name.split())}
    out = set()
    for e in entities.values():
        words = e.name.split()
        if e.type not in RETYPED or len(e.mentions) < 2 or not all(w[:1].isupper() for w in words) \
                or designated(words) or institutions and institution_name(words) or known_place(words[0]) \
                or any(w.isupper() for w in words):  # 'BART', 'DEA': an acronym, no given name
            continue
        if opens_with_given_name(words) or e.name in surnames:
            out.add(e.id)
    return out


def _subjects_of_plural_verbs(doc: Document, names: list[Mention], ids: set[str]) -> set[str]:
    """The entities among `ids` a name mention of which is alone the subject of a verb in the plural ('Chelsea
    have won'): a team or a band, whatever "he" or "she" seems to mean (`name_use`'s `plural_agreement`)."""
    out: set[str] = set()
    starts = [m.start for m in names]  # `names` are in text order: each paragraph's are a slice, as in `_resolve`
    for para in parsed(doc):
        if para.role == "headline":
            continue  # headlines drop their verbs' forms
        for m in names[bisect_left(starts, para.offset):bisect_left(starts, para.offset + len(para.text))]:
            if m.entity in ids and m.entity not in out:
                span = para.doc.char_span(m.start - para.offset, m.end - para.offset)
                if span is not None and len(span) and plural_subject(span):
                    out.add(m.entity)
    return out


def _retype_as_people(ids: set[str], entities: dict[str, Entity], names: list[Mention]) -> None:
    for eid in ids:
        entities[eid].type = "person"
    for m in names:
        if m.entity in ids:
            m.type = "person"


def _offsets_and_forms(pdoc) -> tuple[list[int], list[int]]:
    """Each token's character offset and the hash of its lower-case form, read as arrays."""
    from spacy.attrs import IDX, LOWER

    return column(pdoc, IDX), column(pdoc, LOWER)


@cache
def _looked_at() -> frozenset[int]:
    """Hashes of the lower-case words the stage looks at outside names: pronouns and description heads."""
    return string_ids(frozenset(PRONOUN_GENDER) | _nominal_heads())


@cache
def _nominal_heads() -> frozenset[str]:
    """Every word a description can end with: the cheap first test before looking closer."""
    vocab = entity_vocabulary()
    words = set(vocab.kinship) | vocab.role_heads | vocab.title_words
    for phrases in vocab.organization_nominals.values():
        words |= {p.split()[-1] for p in phrases}
    words |= {p.split()[-1] for p in vocab.statement_nouns}
    return frozenset(words)


def _known_genders(doc: Document, entities: dict[str, Entity]) -> dict[str, str]:
    """Gender the text states: 'the woman' in an appositive, a gendered title; else the given name's."""
    gender: dict[str, str] = {}
    sexed = rules.enabled("name_sex")
    for entity in entities.values():
        for title in entity.titles:
            g = GENDER_NOUNS.get(title.lower()) or (nouns().gender(title.lower().split()[-1]) if sexed else None)
            if g:
                gender[entity.id] = g
    found = mentions(doc)
    by_start = {m.start: m for m in found}
    for para in parsed(doc):
        for token in (para.doc[i] for i in word_positions(para.doc, _GENDER_WORDS)):
            if token.dep_ == "appos":
                head = _mention_over(found, by_start, para.offset + token.head.idx)
                if head is not None and head.entity:
                    gender.setdefault(head.entity, GENDER_NOUNS[token.lower_])
    if rules.enabled("kin_appositions"):
        _kin_apposition_genders(doc, found, by_start, gender)
    for entity in entities.values():
        if entity.type == "person" and entity.id not in gender and (g := given_name_sex(entity.name)):
            gender[entity.id] = g
    return gender


def _mention_over(found: list[Mention], by_start: dict[int, Mention], at: int) -> Mention | None:
    """The mention starting at `at`, else the first one covering it."""
    return by_start.get(at) or next((m for m in found if m.start <= at < m.end), None)


def _kin_apposition_genders(doc: Document, found: list[Mention], by_start: dict[int, Mention],
                            gender: dict[str, str]) -> None:
    """A name in apposition to a relative's noun has the relative's sex: 'his wife, Kimberly,' is a woman, whom
    no later 'his' may mean ('Kimberly' alone has no sex by its form: one word may be a surname)."""
    kinship = entity_vocabulary().kinship
    words = frozenset(kinship)  # one set for every paragraph: its hashes are looked up once
    for para in parsed(doc):
        for token in (para.doc[i] for i in word_positions(para.doc, words)):
            sex = kinship.get(token.lower_)
            for child in token.children if sex in ("female", "male") else ():
                if child.dep_ != "appos":
                    continue
                named = _mention_over(found, by_start, para.offset + child.idx)
                if named is not None and named.entity and named.kind == "name":
                    gender.setdefault(named.entity, sex)


def _best(history: list[_Candidate], sentence_no: int, want: str, quoted: bool,
          gender: dict[str, str], named: dict[str, int] | None = None,
          maybe: set[str] | frozenset[str] = frozenset()) -> _Candidate | None:
    best, best_score = None, float("-inf")
    for rank, cand in enumerate(history):
        distance = sentence_no - cand.sentence
        unlike = cand.mention.type != "person"
        if distance > SENTENCE_WINDOW or (unlike and cand.mention.entity not in maybe):
            continue
        score = -W_SENTENCE * distance + W_ROOT_SUBJECT * cand.root_subject + W_SUBJECT * cand.subject
        score -= W_NOT_PERSON * unlike
        score += W_SAME_QUOTING * (cand.quoted == quoted) + rank * 1e-3
        if named and cand.quoted == quoted and rules.enabled("salience"):  # not the teller, for a "he" in his quote
            score += W_SALIENCE * min(named.get(cand.mention.entity, 0), SALIENCE_CAP)
        known = gender.get(cand.mention.entity) or cand.mention.attrs.get("gender")
        if known and known != want:
            score -= W_GENDER_CLASH
        if score > best_score:
            best, best_score = cand, score
    return best if best_score > -W_GENDER_CLASH / 2 else None


def _nominal(token, para, entities: dict[str, Entity], history: list[_Candidate], vocab,
             publisher: str | None = None, named: dict[str, int] | None = None) -> Mention | None:
    """'the officer', 'the department', 'police', 'the statement', 'my wife'; `named`, when given, holds the
    entities named so far, the only organisations a description may mean."""
    start = para.offset + token.idx
    det = [c for c in token.children if c.dep_ in ("det", "poss")]
    phrase = f"{det[0].lower_} {token.lower_}" if det else token.lower_
    first = para.offset + (det[0].idx if det else token.idx)
    end = start + len(token)
    text = para.text[first - para.offset:end - para.offset]
    if token.pos_ not in ("NOUN", "PROPN") or (token.text[:1].isupper() and token.pos_ == "PROPN" and not det):
        return None
    if det and det[0].lower_ in ("my", "his", "her", "their") and token.lower_ in vocab.kinship:
        return Mention(first, end, text, None, "nominal", "person",
                       {"kin": token.lower_, "gender": vocab.kinship[token.lower_], "possessor": det[0].lower_})
    for key, phrases in vocab.organization_nominals.items():
        if phrase in phrases or token.lower_ in phrases:
            org = _organization_named(key, entities, publisher, None if key in BRIDGING else named)
            if org is not None:
                return Mention(first, end, text, org, "nominal", "organization")
    if det and det[0].lower_ == "the" and (token.lower_ in vocab.role_heads or token.lower_ in vocab.title_words):
        for cand in reversed(history):  # 'the spokesman' after 'party spokesman Ada Quill': she, not the party
            ent = entities.get(cand.mention.entity or "")
            if ent and ent.type == "person" and any(token.lower_ in t.lower().split() for t in ent.titles + ent.roles):
                return Mention(first, end, text, ent.id, "nominal", "person")
    if phrase in vocab.statement_nouns:
        recent = next((c.mention for c in reversed(history) if c.mention.type == "organization"), None)
        if recent is not None:
            return Mention(first, end, text, recent.entity, "nominal", "organization")
    return None


BRIDGING = frozenset({"police"})
"""Descriptions that name a body by its beat, not by an earlier mention: in a local story 'police said' is the
town's force, named before or after ('... police said. The Surrey Police statement ...')."""


def _organization_named(word: str, entities: dict[str, Entity], publisher: str | None = None,
                        named: dict[str, int] | None = None) -> str | None:
    """The organisation whose name ends with the word ('Israel Police'), else one that contains it, among those
    named so far when `named` is given; not the publisher of the page ('the company' on a page of the magazine
    Fast Company; so, on a company's own newsroom page, 'the company' is not the company either: a trade made for
    news sites)."""
    publisher = (publisher or "").lower()
    orgs = [e for e in entities.values() if e.type == "organization" and word in e.name.lower().split()
            and e.name.lower() != publisher and (named is None or e.id in named)]
    if not orgs:
        return None
    orgs.sort(key=lambda e: (not e.name.lower().endswith(word), -len(e.mentions), len(e.name)))
    return orgs[0].id


def _kin_entity(doc: Document, kin: Mention, entities: dict[str, Entity]) -> str:
    """The person a kinship phrase names, created when something first refers back to it."""
    if kin.entity is None:
        owner = entities.get(kin.attrs.get("owner") or "")
        name = f"{family_name(owner.name)}'s {kin.attrs['kin']}" if owner else f"{kin.attrs['possessor']} {kin.attrs['kin']}"
        eid = f"e{len(doc.article.entities) + 1}"
        entity = Entity(id=eid, type="person", name=name, aliases=[],  # "my wife" names nobody outside this article
                        mentions=[Span(start=kin.start, end=kin.end, text=kin.text)], stage=STAGE)
        doc.article.entities.append(entity)
        entities[eid] = entity
        kin.entity = eid
    return kin.entity


def _kin_owner(kin: Mention, quoted: bool, para, names: list[Mention], history: list[_Candidate],
               sentence_no: int, gender: dict[str, str]) -> str | None:
    """Whose relative: 'my' in a quote is the teller (a person named outside the quotes nearby), 'his' a pronoun."""
    if kin.attrs["possessor"] == "my" and quoted:
        regions = QuoteRegions(para.text)
        outside = [m for m in names if m.type == "person" and para.offset <= m.start < para.offset + len(para.text)
                   and not regions.inside(m.start - para.offset)]
        if outside:
            return min(outside, key=lambda m: abs(m.start - kin.start)).entity
        teller = next((c.mention for c in reversed(history) if c.mention.type == "person" and not c.quoted), None)
        return teller.entity if teller else None
    want = PRONOUN_GENDER.get(kin.attrs["possessor"])
    best = _best(history, sentence_no, want, quoted, gender) if want else None
    return best.mention.entity if best else None
