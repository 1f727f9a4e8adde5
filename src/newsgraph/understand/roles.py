"""Roles, affiliations and ranks that the text states about people.

- roles: an appositive or an "as a ..." phrase whose head noun is in the
  role vocabulary ("stationed as a desk officer", "X, head of ..."),
  and the role given in a parenthesis after a name;
- affiliations: organisations in the person's appositive, organisations
  their verbs attach them to ("served in the Negev Division", "stationed
  at the Netivot Police Station"), and the organisation a title names
  ("Israel Police Commissioner" -> Israel Police);
- ranks: "promoted to the rank of sergeant major" adds the rank as a title.
"""

from __future__ import annotations

import bisect

from .context import column, string_ids
from .names import NameMention
from .vocab import entity_vocabulary

AFFILIATION_PREPOSITIONS = {"in", "at", "with", "for", "of", "from", "to", "into", "within"}
PRONOUNS = {"he", "she", "him", "her", "they", "i", "we"}


class _Owners:
    """Which person or organisation a character offset belongs to."""

    def __init__(self, clusters):
        self.items = sorted(((s, e, c) for c in clusters for s, e, _ in c.spans if s >= 0), key=lambda x: x[0])
        self.starts = [s for s, _, _ in self.items]

    def at(self, offset: int):
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.items[i][0] <= offset < self.items[i][1]:
            return self.items[i][2]
        return None

    def before(self, offset: int, kind: str = "person"):
        i = bisect.bisect_left(self.starts, offset) - 1
        while i >= 0:
            if self.items[i][2].type == kind:
                return self.items[i][2]
            i -= 1
        return None


def attach_profiles(people, others, mentions: list[NameMention]) -> None:
    """Add roles, affiliations and ranks to the person clusters."""
    vocab = entity_vocabulary()
    orgs = [c for c in others if c.type == "organization"]
    owners = _Owners(people + orgs)
    for person in people:
        for title in person.titles:
            for org in orgs:
                if title.startswith(org.name + " ") and org.name not in person.affiliations:
                    person.affiliations.append(org.name)
    seen_paragraphs = {id(m.para): m.para for m in mentions}
    for para in seen_paragraphs.values():
        for token in _worth_reading(para.doc):
            dep = token.dep_
            if dep == "appos" and token.head.ent_type_ == "PERSON":
                person = owners.at(para.offset + token.head.idx)
                if person is not None and person.type == "person":
                    _appositive(person, token, para, owners, vocab)
            elif dep == "prep" and token.lower_ == "as":
                _as_role(token, para, owners, vocab)
            elif token.lemma_ == "promote":
                _promotion(token, para, owners)
            if dep in ("nsubj", "nsubjpass"):
                _verb_affiliations(token, para, owners)


def _worth_reading(pdoc) -> list:
    """The tokens `attach_profiles` acts on, by label and lemma hash: appositives, 'as', subjects, 'promote'."""
    from spacy.attrs import DEP, LEMMA

    deps, promote = string_ids(_PROFILE_DEPS), string_ids(_PROMOTE)
    return [pdoc[i] for i, (dep, lemma) in enumerate(zip(column(pdoc, DEP), column(pdoc, LEMMA)))
            if dep in deps or lemma in promote]


_PROFILE_DEPS = frozenset({"appos", "prep", "nsubj", "nsubjpass"})
_PROMOTE = frozenset({"promote"})


def _subject_owner(verb, para, owners):
    """The person a verb is about: its subject, through conjoined verbs, pronouns to the last person."""
    head = verb
    for _ in range(4):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in PRONOUNS:
                return owners.before(para.offset + subject.idx)
            owner = owners.at(para.offset + subject.idx)
            return owner if owner is not None and owner.type == "person" else None
        if head.dep_ != "conj" or head.head.i == head.i:
            return None
        head = head.head
    return None


def _noun_phrase(noun, para, owners) -> str:
    """A role's noun with its compounds and adjectives, leaving organisation names out."""
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod") or t.i == noun.i]
    words = [t for t in words if owners.at(para.offset + t.idx) is None]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _appositive(person, noun, para, owners, vocab) -> None:
    if noun.lemma_.lower() in vocab.role_heads or noun.lower_ in vocab.role_heads:
        role = _noun_phrase(noun, para, owners)
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        if of:
            role = " ".join(t.text for t in noun.subtree if t.i >= noun.i and not (t.dep_ in ("relcl", "acl") or
                                                                                  t.head.dep_ in ("relcl", "acl")))
        if role and role not in person.roles:
            person.roles.append(role)
    for token in noun.subtree:
        if token.i < noun.i:  # "an Israel Police officer": the organisation before the role noun
            _affiliate(person, owners.at(para.offset + token.idx))
    _noun_affiliations(person, noun, para, owners)


def _affiliate(person, org) -> None:
    if org is not None and org.type == "organization" and org.name not in person.affiliations:
        person.affiliations.append(org.name)


def _noun_affiliations(person, noun, para, owners) -> None:
    """'officer at the Netivot Police Station': organisations the role noun is attached to."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in AFFILIATION_PREPOSITIONS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    _affiliate(person, owners.at(para.offset + obj.idx))


def _as_role(prep, para, owners, vocab) -> None:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or objects[0].lemma_.lower() not in vocab.role_heads:
        return
    person = _subject_owner(prep.head, para, owners)
    if person is not None:
        role = _noun_phrase(objects[0], para, owners)
        if role not in person.roles:
            person.roles.append(role)
        _noun_affiliations(person, objects[0], para, owners)


def _promotion(verb, para, owners) -> None:
    person = _subject_owner(verb, para, owners)
    if person is None:
        return
    for token in verb.subtree:
        if token.lower_ == "rank" and token.dep_ == "pobj":
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            objects = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
            if objects:
                head = objects[0]
                rank = " ".join(t.text for t in head.subtree if t.i == head.i or (t.i < head.i and t.dep_ in
                                                                                  ("compound", "amod")))
                if rank.lower() not in (t.lower() for t in person.titles):
                    person.titles.append(rank)
            return


def _verb_affiliations(subject, para, owners) -> None:
    verb = subject.head
    person = _subject_owner(verb, para, owners)
    if person is None:
        return
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in AFFILIATION_PREPOSITIONS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    _affiliate(person, owners.at(para.offset + obj.idx))
