"""The claims stage: checkable statements about a subject, each kept with the sentence it was read from.

Sentence by sentence over the parse the parse stage made, then over the
entities and events of the article:

1. **Counts**: a number modifying a noun that is the subject or object of
   a verb ("Fifteen terrorists entered Ofakim", "killed 20 people").
   The subject is a phrase that stays the same when the fact is worded a
   little differently: the noun's class or plural and the verb's class or
   lemma, in that order for the doer ("attackers enter") and the other way
   round for what is done to ("kill people"), plus the place the verb
   or the counted noun names ("attackers enter Ofakim", "kill people in
   Varnholm"; not a name that only modifies an event noun: "in the
   Varnholm attacks"). Classes come from `data/claims.json`
   (gunmen, terrorists and attackers are all `attackers`; storm, break
   into and enter all `enter`). When a person does it to the counted
   thing ("Alus rescued six neighbours") the subject is the person and
   the phrase is the property ("rescue neighbours").
2. **Ages**: "Alus, 52,", "aged 52", "the 52-year-old officer", "at the
   age of 52", "turned 52", "He was 52." -> the person, property `age`.
   An age read off a description the coreference stage resolved ("the
   29-year-old gang member") is dropped when the article gives that
   person another age by name, or another description another age.
3. **Durations**: "held hostage for 19 hours", "spent 20 hours as a
   hostage" -> the person doing or undergoing it, property from the
   verb and the words it governs (`hostage_duration`), value ISO 8601.
4. **Ranks and titles**: each person's titles -> property `rank` or
   `title` as the title normaliser (`titles.parse_title`) reads them, in
   canonical form; honorifics ("Mr.") are no titles.
5. **Event dates and places**: each event with a date of its own (not one
   inherited from the story) -> its main participant, property
   `<type>_date` (with `(posthumous)`-style flags the event carries), and
   `<type>_place` for the place, unless that place is the subject or a
   party of the event ("the Paris agreement", "the UK signed the X Treaty"):
   then it is who, not where ("X visited France" keeps France).

A person claim's subject is the entity's full name with `subject_entity`
its id (the store maps it to the entity across articles); other subjects
are matched across articles by their text. Duplicates within the article
(same subject, property and value) are kept once, at their first place.

What the words say before any entity is asked (a number with its qualifier,
whether it counts things, a verb's class, a duration's property) is read by
`claim_phrases`; values are normalised by `claim_values`.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ..model import Claim, Entity
from ..pipeline import Document
from .claim_phrases import Sentence, duration_property, ends_clause, is_count, is_counted, number_phrase, verb_class
from .claim_values import ClaimVocabulary, claim_vocabulary, duration_iso, format_number, parse_number, plural
from .context import Mention, dep_ids, mentions, parsed
from .event_rules import place_only_modifies, vocabulary
from .events import event_at, is_named, role_members
from .titles import parse_title

if TYPE_CHECKING:
    from spacy.tokens import Token

STAGE = "claims"
MAX_AGE = 120
PERSON_WALK = 4  # how many heads up an age or duration looks for its person
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which", "whose"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
COUNTED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
AGE_DEPS = ("dobj", "attr", "npadvmod", "acomp")  # how a bare age hangs on its verb ('turned 40', 'He was 52.')

_YEAR_OLD = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old\b", re.I)
_AGED = re.compile(r"\b(?:aged|at (?:the )?age (?:of )?|age of )(?P<n>\d{1,3})\b", re.I)
_APPOSED_AGE = re.compile(r"\s*,\s*(?:aged\s+)?(?P<n>\d{1,3})\s*(?=[,.;)]|\s+and\b|$)")


class ClaimExtractor:
    """Claims of one article; `__call__` runs the numbered steps of the module docstring."""

    def __init__(self, doc: Document, vocab: ClaimVocabulary):
        self.doc, self.vocab = doc, vocab
        self.events_vocab = vocabulary()  # its event nouns: a place only modifying one is not where a count was
        self.text = doc.article.text
        self.entities: dict[str, Entity] = {e.id: e for e in doc.article.entities}
        self.mentions = sorted((m for m in mentions(doc) if m.entity), key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.sentences = [Sentence(s, p.offset, p.text[s.start_char:s.end_char], deps)
                          for p in parsed(doc) for deps in (dep_ids(p.doc),) for s in p.doc.sents]
        self.claims: list[Claim] = []
        self.described_ages: set[int] = set()  # ids of the age claims read off a description ('the 29-year-old man')

    def __call__(self) -> list[Claim]:
        for s in self.sentences:
            self.counts(s)
            self.ages(s)
            self.durations(s)
        self.ranks()
        self.event_facts()
        return self.finish()

    # helpers ------------------------------------------------------------
    def add(self, subject: str, entity: str | None, prop: str, value: str, normalized: str,
            start: int, end: int, event: str | None = None) -> None:
        self.claims.append(Claim(id="", subject=subject, subject_entity=entity, property=prop, value=value,
                                 normalized=normalized, text=self.text[start:end], start=start, end=end,
                                 event=event, stage=STAGE))

    def event_of(self, s: Sentence, *tokens: Token) -> str | None:
        """The id of the event triggered by the first of `tokens` that is a trigger (the verb, then the noun)."""
        for token in tokens:
            event = event_at(self.doc.article.events, *s.chars(token))
            if event is not None:
                return event.id
        return None

    def mention_over(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end) the most (among the last few starting before `end`)."""
        best, overlap = None, 0
        upto = bisect.bisect_right(self.starts, end)
        for m in reversed(self.mentions[max(0, upto - 16):upto]):
            size = min(end, m.end) - max(start, m.start)
            if size > overlap:
                best, overlap = m, size
        return best

    def person_of(self, s: Sentence, token: Token) -> Entity | None:
        """The person a token names or stands for: itself, the noun a relative pronoun hangs on, an apposition."""
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl"):
            token = token.head.head
        for t in (token, *(c for c in token.children if c.dep_ == "appos"),
                  *([token.head] if token.dep_ == "appos" else [])):
            m = self.mention_over(*s.chars(t))
            entity = self.entities.get(m.entity) if m else None
            if entity is not None and entity.type == "person":
                return entity
        return None

    def person_near(self, s: Sentence, token: Token) -> Entity | None:
        """The person a number is about: the nearest one up the tree, or the subject of the verb above it.

        Never through the verb's object: in 'Cohen carried a 10-year-old boy' the age is the boy's.
        """
        below = None
        for _ in range(PERSON_WALK):
            entity = self.person_of(s, token)
            if entity is not None:
                return entity
            if token.pos_ in ("VERB", "AUX"):
                subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
                if not subjects or (below is not None and below.dep_ in OBJECT_DEPS):
                    return None
                return self.person_of(s, subjects[0])
            if token.head.i == token.i:
                return None
            below, token = token, token.head
        return None

    def place_of(self, s: Sentence, verb: Token) -> str | None:
        """The place a verb names as its object or through a locative preposition."""
        for c in verb.children:
            targets = [c] if c.dep_ == "dobj" else \
                [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in self.vocab.place_preps \
                else []
            for t in targets:  # a place found must not only modify an event ("14 killed in the Paris attacks")
                m = self.mention_over(*s.chars(t))
                entity = self.entities.get(m.entity) if m else None
                if entity is not None and entity.type == "place" and not place_only_modifies(t, self.events_vocab):
                    return entity.name
                if m is None and t.ent_type_ in PLACE_LABELS and not place_only_modifies(t, self.events_vocab):
                    return next(e.text for e in t.doc.ents if e.start <= t.i < e.end)  # one the entities stage lost
        return None

    # 1. counts -----------------------------------------------------------
    def counts(self, s: Sentence) -> None:
        for num in s.with_dep(("nummod",)):
            noun = num.head
            if noun.dep_ not in COUNTED_DEPS or noun.lemma_.lower() in self.vocab.not_counted:
                continue
            if not is_count(num, self.vocab):
                continue
            verb = noun.head
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in self.vocab.ignore_verbs:
                continue
            found = number_phrase(s, num, self.vocab)
            if found is None:
                continue
            value, normalized, _, _ = found
            lemma = noun.lemma_.lower()
            amount = parse_number(normalized.lstrip("<>=~"), self.vocab)
            if not is_counted(noun, amount, self.vocab):
                continue
            many = noun.tag_ in ("NNS", "NNPS") or amount not in (0, 1)  # "four aircraft"
            things = self.vocab.group_nouns.get(lemma) or (noun.lower_ if many else plural(lemma))
            action = verb_class(verb, self.vocab)
            place = self.place_of(s, verb) or self.place_of(s, noun)  # "killed 14 people in Varnholm"
            agent = None
            if noun.dep_ == "dobj":
                subjects = [c for c in verb.children if c.dep_ == "nsubj"]
                agent = self.person_of(s, subjects[0]) if subjects else None
            event = self.event_of(s, verb, noun)
            if agent is not None:
                phrase = " ".join(p for p in (action, things, f"in {place}" if place else "") if p)
                self.add(agent.name, agent.id, phrase, value, normalized, s.start, s.end, event)
                continue
            words = (things, action) if noun.dep_ == "nsubj" else (action, things)
            prop = "count" if place else "count_without_place"  # without its place a count names no one event
            self.add(" ".join(w for w in (*words, place) if w), None, prop, value, normalized, s.start, s.end, event)

    # 2. ages ---------------------------------------------------------------
    def ages(self, s: Sentence) -> None:
        for m in self.mentions[bisect.bisect_left(self.starts, s.start):bisect.bisect_left(self.starts, s.end)]:
            if s.start <= m.start < s.end and m.kind == "name":
                entity = self.entities.get(m.entity)
                apposed = _APPOSED_AGE.match(self.text, m.end) if entity and entity.type == "person" else None
                if apposed and apposed.end() <= s.end:
                    self.add_age(entity, apposed.group("n"), s)
        lower = s.text.lower()
        for pattern, word in ((_YEAR_OLD, "year"), (_AGED, "age")):
            if word not in lower:
                continue  # the pattern cannot match: skip its word-by-word search
            for hit in pattern.finditer(s.text):
                start = s.start + hit.start()
                m = self.mention_over(start, s.start + hit.end())
                entity = self.entities.get(m.entity) if m else None
                if entity is None or entity.type != "person":
                    token = s.span.doc.char_span(s.span.start_char + hit.start("n"), s.span.start_char + hit.end("n"),
                                                 alignment_mode="expand")
                    entity = self.person_near(s, token.root) if token is not None else None
                if entity is not None:
                    claim = self.add_age(entity, hit.group("n"), s)
                    if claim is not None and m is not None and m.kind == "nominal" and m.entity == entity.id:
                        self.described_ages.add(id(claim))
        for tok in s.heads_of(AGE_DEPS):
            nums = [c for c in tok.children if c.like_num and c.dep_ in AGE_DEPS
                    and not any(g.dep_ not in ("punct",) for g in c.children)]
            if not nums:
                continue
            if tok.lemma_.lower() in self.vocab.age_verbs or (tok.lemma_ == "be" and ends_clause(nums[0])):
                subjects = [c for c in tok.children if c.dep_ == "nsubj"]
                entity = self.person_of(s, subjects[0]) if subjects else None
                if entity is not None:
                    self.add_age(entity, nums[0].text, s)

    def add_age(self, entity: Entity, number: str, s: Sentence) -> Claim | None:
        """The age claim added, or None for a number that is no age."""
        value = parse_number(number, self.vocab)
        if value is None or not 0 < value < MAX_AGE:
            return None
        self.add(entity.name, entity.id, "age", number, format_number(value), s.start, s.end)
        return self.claims[-1]

    # 3. durations ------------------------------------------------------------
    def durations(self, s: Sentence) -> None:
        for unit in s.heads_of(("nummod",)):
            nums = [c for c in unit.children if c.dep_ == "nummod"]
            iso = duration_iso(1, unit.lemma_, self.vocab) if nums else None
            if iso is None:
                continue
            verb = unit.head.head if unit.dep_ == "pobj" and unit.head.lower_ in ("for", "after") else \
                unit.head if unit.dep_ == "dobj" and unit.head.lemma_ == "spend" else None
            if verb is None or verb.pos_ not in ("VERB", "AUX"):
                continue
            found = number_phrase(s, nums[0], self.vocab)
            if found is None:
                continue
            _, normalized, start, _ = found
            op, amount = re.match(r"([~<>=]*)(.*)", normalized).groups()
            iso = duration_iso(float(amount), unit.lemma_, self.vocab)
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            entity = self.person_of(s, subjects[0]) if subjects else None
            if entity is not None and iso:
                value = self.text[start:s.chars(unit)[1]]
                self.add(entity.name, entity.id, duration_property(verb, self.vocab), value, op + iso, s.start, s.end,
                         self.event_of(s, verb))

    # 4. ranks and titles -------------------------------------------------------
    def ranks(self) -> None:
        for entity in self.entities.values():
            if entity.type != "person":
                continue
            for title in entity.titles:
                classified = self.classify_title(title)
                if classified is None:
                    continue
                prop, normalized = classified
                start, end = self.evidence_of(title, entity)
                self.add(entity.name, entity.id, prop, title, normalized, start, end)

    @staticmethod
    def classify_title(title: str) -> tuple[str, str] | None:
        """('rank' or 'title', the canonical form) by the title normaliser; None for an honorific ('Mr.')."""
        parsed = parse_title(title)
        if parsed is None:
            return None
        return ("rank" if parsed.kind == "rank" else "title"), parsed.canonical

    def evidence_of(self, title: str, entity: Entity) -> tuple[int, int]:
        """The sentence (or, outside the body, the line) where the title stands with the person."""
        lower = self.text.lower()
        spots = [lower.rfind(title.lower(), max(0, m.start - len(title) - 80), m.end + 80) for m in entity.mentions]
        spots = [p for p in spots if p >= 0] or [lower.find(title.lower())]
        return self.sentence_at(spots[0] if spots[0] >= 0 else (entity.mentions[0].start if entity.mentions else 0))

    def sentence_at(self, offset: int) -> tuple[int, int]:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s.start, s.end
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end

    # 5. event dates and places -------------------------------------------------
    def event_facts(self) -> None:
        for event in self.doc.article.events:
            if event.type in self.vocab.event_types_skipped or not event.participants or not is_named(event):
                continue
            who = event.participants[0]
            entity = self.entities.get(who)
            subject, entity_id = (entity.name, entity.id) if entity else (who, None)
            flags = sorted(k for k, v in event.attributes.items() if v is True and k != "date_inherited")
            suffix = f" ({', '.join(flags)})" if flags else ""
            start, end = self.sentence_at(event.evidence.start) if event.evidence else (0, 0)
            date = event.date
            if date and date.value and not event.attributes.get("date_inherited"):
                self.add(subject, entity_id, f"{event.type}_date{suffix}", date.text, date.value, start, end, event.id)
            place = self.entities.get(event.place or "")
            # the subject or a party is not where the event was: 'the Paris agreement', 'the UK signed the X Treaty'
            parties = {who, *role_members(event, "party")}
            if event.place not in parties and (place is not None or (event.place and not self.entities)):
                name = place.name if place else event.place
                self.add(subject, entity_id, f"{event.type}_place{suffix}", name, name.lower(), start, end, event.id)

    # 6. finishing ---------------------------------------------------------------
    def _unsure_ages(self) -> set[int]:
        """The ages read off a description ('the 29-year-old gang member') that the article contradicts: another age
        of the same person given with the name ('Ortiz, 35'), or, with none given so, another description's
        ('the 35-year-old deputy'). An article does not give one man two ages; the reading of a description did."""
        named: dict[str, set[str]] = {}
        described: dict[str, set[str]] = {}
        for c in self.claims:
            if c.property == "age":
                (described if id(c) in self.described_ages else named).setdefault(c.subject_entity, set()).add(
                    c.normalized)
        return {id(c) for c in self.claims if id(c) in self.described_ages and (
            c.normalized not in named[c.subject_entity] if c.subject_entity in named
            else len(described[c.subject_entity]) > 1)}

    def finish(self) -> list[Claim]:
        unsure = self._unsure_ages()
        seen: dict[tuple, Claim] = {}
        for claim in sorted(self.claims, key=lambda c: (c.start, c.property)):
            if id(claim) in unsure:
                continue
            key = (claim.subject_entity or claim.subject.lower(), claim.property, claim.normalized)
            seen.setdefault(key, claim)
        out = sorted(seen.values(), key=lambda c: (c.start, c.property, c.subject))
        for number, claim in enumerate(out, 1):
            claim.id = f"c{number}"
        return out


def extract_claims(doc: Document) -> Document:
    """Stage entry: counts, ages, durations, ranks, event dates and places as claims."""
    doc.article.claims = ClaimExtractor(doc, claim_vocabulary())()
    return doc
