"""Who a quote's source is: the source phrase as written, and what a pronoun or description refers to.

Propose, then decide: every earlier name or description that could be
meant is a scored `Candidate`, and `pick_speaker` (pure, weights as named
constants) chooses. This is the fallback for when the coref stage has not
linked a mention to an entity. Two layers are kept apart: a pronoun in the
narration ("he demonstrated") refers to someone named in the narration; a
pronoun inside a quotation ("He answered, ...") may refer to anyone named
before it, except the quotation's own speaker, who calls himself "I".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from ..readers.html_names import is_account, without_degrees
from ..readers.sites import site_label
from .attribution import NOT_NAMES, NP_LEFT_DEPS, QUOTE_CHARS
from .cue_words import load_data
from .name_evidence import given_name_sex, opens_with_given_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .context import ParsedParagraph

WEIGHT_MAIN_SUBJECT = 2.0  # subject of the sentence's main verb
WEIGHT_SUBJECT = 1.0  # subject of some other verb
WEIGHT_PREVIOUS_SPEAKER = 1.5  # already quoted in this article
WEIGHT_NAMED = 0.5  # a name beats a description
WEIGHT_GENDER_KNOWN = 0.5  # "his wife" for "she", "Mr. Smith" for "he"
WEIGHT_GROUP_FOR_DOCUMENT = 1.0  # "the statement" is more often an organisation's
COST_PER_SENTENCE = 0.5
COST_PER_PARAGRAPH = 1.0
MAX_PARAGRAPHS_BACK = 2
MAX_CANDIDATES = 40

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
PERSON_LABELS = frozenset({"PERSON"})
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE"})


@dataclass(frozen=True)
class Nouns:
    """The speaker nouns of `data/speakers.json`."""

    female: frozenset[str]
    male: frozenset[str]
    person: frozenset[str]
    group: frozenset[str]
    honorifics: dict[str, str]
    organization_words: frozenset[str]
    not_referring: frozenset[str]  # "that", "some", "others": a source that names no one by itself
    reader: frozenset[str]  # "you": the reader, whose words are no quote

    def gender(self, lemma: str) -> str | None:
        """female, male or None for a person noun."""
        return "female" if lemma in self.female else "male" if lemma in self.male else None

    def is_person(self, lemma: str) -> bool:
        """Whether the noun names a person ("wife", "spokesperson")."""
        return lemma in self.female or lemma in self.male or lemma in self.person


@cache
def nouns() -> Nouns:
    """The speaker nouns, loaded once per process."""
    data = load_data("speakers.json")
    return Nouns(frozenset(data["female"]), frozenset(data["male"]), frozenset(data["person"]),
                 frozenset(data["group"]), dict(data["honorifics"]), frozenset(data["organization_words"]),
                 frozenset(data["not_referring"]), frozenset(data["reader"]))


@dataclass(frozen=True)
class Referent:
    """A name or description that a pronoun could refer to; offsets into `Article.text`."""

    start: int
    end: int
    text: str
    kind: str  # person, group, name (a name of unknown type)
    named: bool  # a name rather than a description
    gender: str | None
    plural: bool
    subject: bool
    main_subject: bool
    paragraph: int
    sentence: int  # numbered within its paragraph
    layer: tuple[int, int] | None  # (paragraph, quotation) it stands in; None in the narration
    head: tuple[int, int] | None = None  # offsets of its head word ("military" of "the US military")


@dataclass(frozen=True)
class Candidate:
    """A referent proposed as a speaker, with the features `score` weighs."""

    referent: Referent
    sentences_back: int
    paragraphs_back: int
    previous_speaker: bool
    for_document: bool = False


def score(c: Candidate) -> float:
    """How likely a candidate is the one meant."""
    r = c.referent
    value = WEIGHT_MAIN_SUBJECT if r.main_subject else WEIGHT_SUBJECT if r.subject else 0.0
    value += WEIGHT_PREVIOUS_SPEAKER * c.previous_speaker
    value += WEIGHT_NAMED * r.named
    value += WEIGHT_GENDER_KNOWN * (r.gender is not None)
    value += WEIGHT_GROUP_FOR_DOCUMENT * (c.for_document and r.kind == "group")
    return value - COST_PER_SENTENCE * c.sentences_back - COST_PER_PARAGRAPH * c.paragraphs_back


def pick_speaker(candidates: Sequence[Candidate]) -> Candidate | None:
    """The best-scoring candidate; the nearest one wins a tie."""
    best = None
    for c in candidates:
        if best is None or score(c) > score(best):
            best = c
    return best


LET_US = frozenset({"’s", "'s", "us"})


def addresses_reader(source: Token) -> bool:
    """A source that is the reader: generic "you" ("if you want to ..."), or "let's" ("let's say ...")."""
    if source.lower_.strip(QUOTE_CHARS) in nouns().reader:
        return True
    return source.lower_ in LET_US and source.head.head.lemma_.lower() == "let"


def refers_to_no_one(source: Token) -> bool:
    """A demonstrative, quantifier or indefinite pronoun ("that", "some", "others", "someone") as the whole source:
    it names no one by itself, and what it stands for is not a speaker the text gives."""
    word = source.text.strip(QUOTE_CHARS)
    if word.lower() not in nouns().not_referring or word.isupper() and len(word) > 1:  # "WHO" is an agency
        return False
    return source.pos_ in ("PRON", "DET", "NOUN", "ADJ", "NUM") and source.ent_type_ in ("", *NOT_NAMES)


def narrator(authors: Sequence[str], site_name: str | None = None, url: str | None = None) -> str | None:
    """Who the narration's "I" and "we" are: the first author, unless the byline is the site itself.

    A byline that is the site's name, alone or with common nouns after it ("Harbourside", "Harbour News" on
    harbournews.example, "Harbourside Articles", "Harbour News Staff"), names no one whose first person the page
    tells: there "I" and "we" are an interview's answers or a reprinted letter's writer. The site is its name and
    the registrable label of its address (not a subdomain: "Ada Quill" on ada.blogs.example is Ada Quill); a name
    of several words is the site's alone only with an organisation's word in it. A byline opening with a given name
    is a person's, and so are one whose words after the site's name are no common nouns ("Oloa Tavita" on
    oloa.example) and a person's own site ("Quill Benita" on quillbenita.example). One word in camel case is an
    account's ("HarbourVideo"): the pages it signs are transcripts and reposts whose "I" it does not name."""
    if not authors or is_account(authors[0]):
        return None  # 'HarbourVideo': an account's name, whose pages are transcripts and reposts with no named "I"
    author = without_degrees(authors[0])  # 'Ana Ruiz PhD' speaks as Ana Ruiz
    words = _WORD.findall(author.lower())
    if not words or opens_with_given_name(words):
        return author
    site = _site_forms(site_name, url)
    for k in range(1, len(words)):
        if "".join(words[:k]) in site and all(_common_noun(w) for w in words[k:]):
            return None  # the site's name and a desk ('Harbourside Articles', 'Harbour News Staff')
    if "".join(words) in site and (len(words) == 1 or any(w in nouns().organization_words for w in words)):
        return None  # the site's name itself ('Harbourside', 'Harbour News'; not 'Ada Quill' on adaquill.example)
    return author


_WORD = re.compile(r"[^\W_]+")


def _site_forms(site_name: str | None, url: str | None) -> frozenset[str]:
    """The site's name and its address's registrable label (`sites.site_label`), lower case with the spaces and
    hyphens taken out."""
    forms = ["".join(_WORD.findall(site_name.lower()))] if site_name else []
    label = site_label(url)
    if label:
        forms.append("".join(_WORD.findall(label)))
    return frozenset(f for f in forms if f)


@cache
def _desk_words() -> frozenset[str]:
    """The words of a byline's desks and jobs ('staff', 'news desk', 'reporter'; data/bylines.json)."""
    data = load_data("bylines.json")
    return frozenset(w for phrase in data["job_titles"] + data["not_names"] for w in phrase.split())


def _common_noun(word: str) -> bool:
    """A common noun, an organisation's or a desk's word, as a byline puts after a site's name ('articles',
    'staff')."""
    from .name_use import singulars, word_classes

    classes = word_classes()
    return word in nouns().organization_words or word in _desk_words() or any(
        w in classes["nouns"] or w in classes["person_nouns"] for w in {word} | singulars(word))


def surname(name: str) -> str:
    """The last word of a name, lower case, for matching "Alus" with "Itamar Alus"."""
    words = [w for w in name.replace("’s", "").replace("'s", "").split() if w[:1].isalnum()]
    return words[-1].lower() if words else ""


class ReferentIndex:
    """The names and person or group descriptions of the body, read paragraph by paragraph when first asked for.

    Sentences are numbered within their paragraph; `sentences_back` counts across paragraphs.
    """

    def __init__(self, paragraphs: Sequence[ParsedParagraph], layers: Sequence[list[int]],
                 kind_of: Callable[[int, int], str | None] = lambda start, end: None):
        """`kind_of` may correct spaCy's type of a name (the entities stage knows "Marta Ilves" is a person)."""
        self.paragraphs, self.layers, self.kind_of = paragraphs, layers, kind_of
        self.known_gender = _known_genders(paragraphs)
        self._read: dict[int, tuple[list[int], int, list[Referent]]] = {}

    def _paragraph(self, p: int) -> tuple[list[int], int, list[Referent]]:
        """Sentence number of each token, the number of sentences, and the referents of paragraph `p`."""
        if p not in self._read:
            para = self.paragraphs[p]
            sent_ids, count = [0] * len(para.doc), 0
            for count, sent in enumerate(para.doc.sents, 1):
                sent_ids[sent.start:sent.end] = [count - 1] * (sent.end - sent.start)
            found = sorted((_with_gender(_with_kind(r, self.kind_of), self.known_gender)
                            for r in _referents(para, p, sent_ids, self.layers[p])), key=lambda r: r.start)
            self._read[p] = (sent_ids, count, found)
        return self._read[p]

    def sentence_of(self, p: int, i: int) -> int:
        """The sentence number (within paragraph `p`) of token `i`."""
        return self._paragraph(p)[0][i]

    def sentences_back(self, r: Referent, p: int, sentence: int) -> int:
        """How many sentence boundaries lie between a referent and sentence `sentence` of paragraph `p`."""
        if r.paragraph == p:
            return sentence - r.sentence
        between = sum(self._paragraph(q)[1] for q in range(r.paragraph + 1, p))
        return sentence + between + self._paragraph(r.paragraph)[1] - r.sentence

    def before(self, at: int, paragraph: int):
        """Referents ending before `at`, nearest first, within reach."""
        seen = 0
        for p in range(paragraph, max(-1, paragraph - MAX_PARAGRAPHS_BACK - 1), -1):
            for r in reversed(self._paragraph(p)[2]):
                if r.end > at:
                    continue
                if seen >= MAX_CANDIDATES:
                    return
                seen += 1
                yield r


def _known_genders(paragraphs: Sequence[ParsedParagraph]) -> dict[str, str]:
    """Surname -> sex, from honorifics and gendered appositions on person names anywhere in the body, else from
    given names ('Kevin Allton': 'Allton' is a man), unless given names of both sexes share the surname."""
    lex, known, by_given = nouns(), {}, {}
    for para in paragraphs:
        for ent in para.doc.ents:
            if ent.label_ in PERSON_LABELS:
                gender = _name_gender(para.doc, ent.start, ent.root, lex)
                if gender:
                    known[surname(ent.text)] = gender
                elif gender := given_name_sex(ent.text):
                    by_given.setdefault(surname(ent.text), set()).add(gender)
    for name, sexes in by_given.items():
        if len(sexes) == 1 and name not in known:
            known[name] = next(iter(sexes))
    return known


def _referents(para: ParsedParagraph, p: int, sent_ids: list[int], layer: list[int]):
    doc, lex = para.doc, nouns()
    in_ent = set()
    for ent in doc.ents:
        in_ent.update(range(ent.start, ent.end))
        if ent.label_ in PERSON_LABELS or ent.label_ in GROUP_LABELS:
            kind = "person" if ent.label_ in PERSON_LABELS else _group_or_name(ent, lex)
            gender = _name_gender(doc, ent.start, ent.root, lex) if kind == "person" else None
            yield _referent(para, p, sent_ids, layer, ent.start, ent.end, ent.root, kind, True, gender,
                            ent.label_ == "NORP")
    for tok in doc:
        if tok.i in in_ent or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "flat"):
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "PROPN":
            if tok.ent_type_ not in NOT_NAMES and tok.is_title:
                start = noun_phrase_start(tok)
                gender = _name_gender(doc, start, tok, lex)
                yield _referent(para, p, sent_ids, layer, start, tok.i + 1, tok, "name", True, gender, False)
        elif lex.is_person(lemma) or lemma in lex.group:
            kind = "group" if lemma in lex.group and not lex.is_person(lemma) else "person"
            yield _referent(para, p, sent_ids, layer, noun_phrase_start(tok), tok.i + 1, tok, kind, False,
                            lex.gender(lemma), tok.tag_ in ("NNS", "NNPS") or lemma == "police")


def _group_or_name(ent, lex: Nouns) -> str:
    """An ORG tag on a bare name ("Marta Ilves") is often wrong: without an organisation word it may be anyone."""
    if ent.label_ != "ORG" or ent[0].lower_ == "the" or any(t.lower_ in lex.organization_words for t in ent):
        return "group"
    return "name" if all(t.pos_ == "PROPN" and t.is_title for t in ent) and len(ent) <= 3 else "group"


def _referent(para, p, sent_ids, layer, start, end, root: Token, kind, named, gender, plural) -> Referent:
    doc = root.doc
    subject = root.dep_ in ("nsubj", "nsubjpass")
    main = subject and (root.head.dep_ == "ROOT" or root.head.dep_ == "conj" and root.head.head.dep_ == "ROOT")
    a, b = para.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    mark = layer[root.i]
    return Referent(a, b, doc[start:end].text, kind, named, gender, plural, subject, main, p, sent_ids[root.i],
                    (p, mark) if mark >= 0 else None, para.span(root.idx, root.idx + len(root)))


def _name_gender(doc: Doc, start: int, root: Token, lex: Nouns) -> str | None:
    for i in (start - 1, start):
        if 0 <= i < len(doc) and doc[i].lower_ in lex.honorifics:
            return lex.honorifics[doc[i].lower_]
    for c in root.children:
        if c.dep_ == "appos":
            gender = lex.gender(c.lemma_.lower())
            if gender:
                return gender
    return None


def _with_kind(r: Referent, kind_of: Callable[[int, int], str | None]) -> Referent:
    """A name the entities stage knows as a person is one, whatever the tagger said."""
    kind = kind_of(r.start, r.end) if r.named and r.kind != "person" else None
    return replace(r, kind=kind) if kind == "person" else r


def _with_gender(r: Referent, known: dict[str, str]) -> Referent:
    if r.gender or r.kind == "group":
        return r
    gender = known.get(surname(r.text))
    return replace(r, gender=gender) if gender else r


def noun_phrase_start(tok: Token) -> int:
    """The first token of the noun phrase `tok` heads, without relative clauses or appositions."""
    start = tok.i
    for c in tok.lefts:
        if c.dep_ in NP_LEFT_DEPS or c.dep_ == "flat":
            start = min(start, c.left_edge.i)
    return start


def fits(pronoun: str, r: Referent) -> bool:
    """Whether a pronoun can refer to the referent."""
    if pronoun in MALE:
        return r.kind in ("person", "name") and r.gender != "female" and not r.plural
    if pronoun in FEMALE:
        return r.kind in ("person", "name") and r.gender != "male" and not r.plural
    if pronoun in NEUTER:
        return r.kind == "group" and not r.plural
    if pronoun in PLURAL:
        return r.kind == "group" or r.plural
    return False


def resolve(index: ReferentIndex, pronoun: str, at: int, paragraph: int, sentence: int,
            layer: tuple[int, int] | None, exclude: frozenset[str], speakers: frozenset[str],
            for_document: bool = False) -> Referent | None:
    """What a pronoun (or, with `for_document`, a statement's author) at `at` refers to.

    `sentence` is the pronoun's sentence number within `paragraph`.
    """
    candidates = []
    for r in index.before(at, paragraph):
        if layer is None and r.layer is not None:
            continue  # the narration does not point into quotations
        if for_document:
            if r.kind not in ("group", "person", "name") or not r.subject:
                continue
        elif not fits(pronoun, r):
            continue
        if exclude and surname(r.text) in exclude:
            continue
        candidates.append(Candidate(r, index.sentences_back(r, paragraph, sentence), paragraph - r.paragraph,
                                    surname(r.text) in speakers, for_document))
    best = pick_speaker(candidates)
    return best.referent if best else None
