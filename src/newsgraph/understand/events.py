"""The events stage: typed events with participants, date and place.

Sentence by sentence, over the parse the parse stage made:

1. **Triggers**: words of the vocabulary (`data/event_triggers.json`, see
   `event_rules`), skipping negated or hypothetical ones; a noun that is
   the object of a trigger of its own type ("received the award") is part
   of that trigger.
2. **Participants**: each role's dependency path gives tokens; a relative
   pronoun stands for the noun it hangs on ("Abuharon, who was killed"),
   a description for the name it is in apposition to; the token's mention
   gives the entity id. Without any mentions (the entities stage did not
   run) the spaCy entity's text stands in for the id.
3. **Date** (`event_timing.StoryClock`): the date expression the trigger
   governs within its own clause ("died Saturday"); else the date of the
   event it is framed by ("during the ceremony in September 2025, he was
   promoted"); else, for types that allow it, the date the story was last
   told at, with the limits `event_timing` lists ("following his death",
   "expects more arrests" and a report after a paragraph on 1950 take none).
4. **Place**: a place mention reached through a locative preposition, as
   the phrase's head: not a name that only modifies an event noun ("arrested
   in the Paris attacks", a title-case "in Manhattan and New Jersey
   Bombings"; `event_rules.place_only_modifies`).
5. **Merge**: a mention of an event already told ("his death", "the
   award, presented by ...") adds to that event instead of making a new
   one (`event_drafts`: the event being assembled, when two tellings are
   one event and what the earlier takes from the later). A noun with
   nobody from the article in it and no date of its own is kept only when
   it heads its phrase (`BARE_NOUNS`): "the bankruptcy", not the "design"
   of "a design team" nor a word of a name.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from ..model import Event, EventDate, Span, TimeExpression
from ..pipeline import Document
from .context import Mention, mentions, parsed
from .dates import publication_date
from .event_drafts import EventDraft, absorb, same_event
from .event_key import event_key
from .event_rules import (
    VERBAL,
    Trigger,
    Vocabulary,
    antecedent,
    candidate_tokens,
    children_of,
    clean_name,
    match_trigger,
    modality,
    phrase,
    place_only_modifies,
    vocabulary,
    walk,
    word_positions,
)
from .event_timing import StoryClock, calendar_day, relative_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

STAGE = "events"
DATES = "dates"  # scratch key the dates stage fills

BARE_NOUNS = True  # a noun event with no entity of the article in it and no date of its own is kept when it heads
# its phrase ("the bankruptcy"), not when it modifies another noun ("a design team") or is a word of a name
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})  # a noun in these relations only says what kind of thing
REFER_BACK_SENTENCES = 2  # how far back 'the award' looks for the event it names
ROLE_JOIN = "; "  # an event's attribute for a role lists its members' entity ids so: 'party': 'e1; e2'
PLACE_DEPTH = 6  # dependency steps from a trigger to its place: "killed outside his bakery in Harwick" takes 4

FALLBACK_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MEMBER_TYPES = frozenset({"person", "organization"})  # "fighters of the Front": the Front takes part
MEMBER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_SUBJECT = frozenset({"nsubj"})
TYPE_LABELS = {"person": ("PERSON",), "organization": ("ORG", "NORP"), "place": ("GPE", "LOC", "FAC")}

class _Mentions:
    """Mentions by position, for finding the one over a token quickly."""

    def __init__(self, items: list[Mention]):
        self.items = sorted(items, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self.reach = list(accumulate((m.end for m in self.items), max))  # the furthest end of the first i + 1

    def __bool__(self) -> bool:
        return bool(self.items)

    def at(self, start: int, end: int) -> Mention | None:
        best, best_overlap = None, 0
        hi = bisect_right(self.starts, end)
        if not hi or self.reach[hi - 1] <= start:  # no mention starting before `end` reaches `start`
            return None
        for m in reversed(self.items[hi - 12 if hi > 12 else 0:hi]):  # mentions are short: the last few starts suffice
            if m.entity:
                overlap = (end if end < m.end else m.end) - (start if start > m.start else m.start)
                if overlap > best_overlap:
                    best, best_overlap = m, overlap
        return best


class _Sentence:
    """One sentence with its offset into `Article.text` and what the stage needs from it."""

    def __init__(self, sent, offset: int, index: int, paragraph: int):
        self.sent, self.offset, self.index, self.paragraph = sent, offset, index, paragraph
        self.candidates: list[int] = []  # indices of tokens whose lemma or form is a trigger word
        self.relative: list[int] = []  # indices of "after", "following", ... (relative_preps)
        self.date_tokens: set[int] = set()  # indices of tokens inside a temporal expression

    def chars(self, token: Token) -> tuple[int, int]:
        return self.offset + token.idx, self.offset + token.idx + len(token)


class EventExtractor:
    """Events of one article; `__call__` runs the numbered steps of the module docstring."""

    def __init__(self, doc: Document, vocab: Vocabulary):
        self.doc, self.vocab = doc, vocab
        self.mentions = _Mentions(mentions(doc))
        self.dates: list[TimeExpression] = sorted(doc.scratch.get(DATES) or doc.article.dates, key=lambda d: d.start)
        self.date_starts = [d.start for d in self.dates]
        self.events: list[EventDraft] = []
        self.positions: dict[int, int] = {}  # id(event) -> its place in self.events
        self.sharing: dict[tuple[str, str], set[int]] = {}  # (type, participant) -> places of the events with both
        self.clock = StoryClock(vocab, publication_date(doc))  # step 3: dates, and the story's
        self.kids: dict[int, list] = {}  # the current paragraph's children lists by token index (children_of)

    def __call__(self) -> list[Event]:
        index = 0
        for p, para in enumerate(parsed(self.doc)):
            candidates = candidate_tokens(para.doc, self.vocab)
            self.kids = {}
            relative = word_positions(para.doc, self.vocab.relative_preps) if candidates else []
            for sent in para.doc.sents:
                s = _Sentence(sent, para.offset, index, p)
                s.candidates = [i for i in candidates if sent.start <= i < sent.end]
                s.relative = [i for i in relative if sent.start <= i < sent.end]
                self.sentence(s)
                index += 1
        kept = [e for e in self.events if self.keep(e)]
        names = {ent.id: ent.name for ent in self.doc.article.entities}
        return [self.record(e, i, names) for i, e in enumerate(kept, 1)]

    def keep(self, e: EventDraft) -> bool:
        """A verb names an event on its own; so does a noun with an entity of the article in it or a date of its
        own, and (`BARE_NOUNS`) one that heads its phrase."""
        kind = self.vocab.types[e.type]
        if kind.needs_core and not e.participants(kind.core):
            fallback = self.fallback_type(e.trigger)  # "announced" with no speaker among the entities: still said
            if fallback is None:
                return False
            e.type, e.roles = fallback, [("agent" if r in kind.core else r, w) for r, w in e.roles]
        if e.trigger.pos_ in VERBAL or e.roles or (e.date is not None and e.date_kind != "inherited"):
            return True
        return BARE_NOUNS and _heads_its_phrase(e.trigger)

    def fallback_type(self, tok: Token) -> str | None:
        """The supersense type a trigger word also has, for an event its named type cannot keep."""
        for trigger in self.vocab.by_lemma.get(tok.lemma_.lower(), ()):
            if self.vocab.types[trigger.type].generic and tok.pos_ in trigger.pos:
                return trigger.type
        return None

    # 1. triggers ----------------------------------------------------------
    def triggers(self, s: _Sentence) -> dict[Token, tuple[Trigger, str]]:
        doc = s.sent.doc
        lemmas: list[frozenset[str]] = []  # the sentence's, read when a trigger first asks

        def sentence_lemmas() -> frozenset[str]:
            if not lemmas:
                lemmas.append(frozenset(t.lemma_.lower() for t in s.sent))
            return lemmas[0]

        found = {tok: m for i in s.candidates
                 if (m := match_trigger(tok := doc[i], self.vocab, sentence_lemmas, self.kids))}
        return {tok: m for tok, m in found.items()
                if not (tok.pos_ not in VERBAL and tok.head in found and found[tok.head][1] == m[1]
                        and tok.head.i != tok.i)}

    def sentence(self, s: _Sentence) -> None:
        found = self.triggers(s)
        start, end = s.offset + s.sent.start_char, s.offset + s.sent.end_char
        times = self.dates[bisect_left(self.date_starts, start):bisect_left(self.date_starts, end)]
        if not found:
            self.clock.advance(s.paragraph, times, {id(d): None for d in times}, found)
            return
        spans = {id(d): s.sent.doc.char_span(d.start - s.offset, d.end - s.offset, alignment_mode="expand")
                 for d in times}
        owners = {id(d): self.clock.owner(spans[id(d)], found) for d in times}
        for span in spans.values():
            s.date_tokens.update(range(span.start, span.end) if span is not None else ())
        blocked = relative_objects(s.sent.doc, s.relative, found)
        made = []
        for tok, (trigger, kind) in found.items():
            event = self.build(s, tok, trigger, kind)
            self.clock.attach(event, s.paragraph, times, owners, found, blocked)
            made.append(event)
        self.clock.advance(s.paragraph, times, owners, found)
        for event in made:
            self.integrate(event)

    # 2. participants and attributes -------------------------------------
    def build(self, s: _Sentence, tok: Token, trigger: Trigger, kind: str) -> EventDraft:
        a, b = s.chars(tok)
        kids = self.kids
        event = EventDraft(kind, tok, s.index, s.paragraph, Span(start=a, end=b, text=self.doc.article.text[a:b]),
                           definite=tok.pos_ not in VERBAL and any(dep in ("det", "poss")
                                                                   and c.lower_ not in ("a", "an")
                                                                   for c, dep in children_of(tok, kids)),
                           modality=modality(tok, self.vocab, kids))
        role_types = self.vocab.types[kind].role_types or {}
        # "Reyes refused to resign", "denied selling the yard": the verb above gives the subject
        controller = tok.head if tok.dep_ in ("xcomp", "pcomp") and not any(
            dep in ("nsubj", "nsubjpass") for _, dep in children_of(tok, kids)) else None
        for path, role in trigger.roles:
            targets = walk(tok, path, kids)
            if not targets and controller is not None and path[0].deps == _SUBJECT:
                targets = walk(controller, path, kids)
            for target in targets:
                for who in self.referents(s, target, role_types.get(role)):
                    if (role, who) not in event.roles and who not in event.participants():
                        event.roles.append((role, who))
        for attr in trigger.attributes:
            hits = [t for p in attr.paths for t in walk(tok, p, kids) if t.i not in s.date_tokens]
            event.attributes[attr.name] = bool(hits) if attr.flag else (phrase(hits[0]) if hits else None)
        event.attributes = {k: v for k, v in event.attributes.items() if v is not None}
        event.place = self.place(s, tok)
        return event

    def referents(self, s: _Sentence, token: Token, types: frozenset[str] | None = None) -> list[str]:
        """The entities `token` (and the words coordinated with it) stand for, of `types` when given."""
        labels = frozenset(lab for t in types for lab in TYPE_LABELS.get(t, ())) if types else FALLBACK_LABELS
        out = []
        for t in [token, *(c for c in token.conjuncts if c.i > token.i)]:
            t = antecedent(t, self.vocab.identity_verbs)
            who = self.entity_of(s, t, labels, types)
            if who is None and t.pos_ == "NOUN":  # "fighters of the Red Dawn Front": the group
                of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
                who = next((w for g in of if (w := self.entity_of(s, g, MEMBER_LABELS, MEMBER_TYPES))), None)
            if who and who not in out:
                out.append(who)
        return out

    def entity_of(self, s: _Sentence, token: Token, labels: frozenset[str] = FALLBACK_LABELS,
                  types: frozenset[str] | None = None) -> str | None:
        """The entity id of the mention over `token` (or the spaCy entity's text when there are no mentions)."""
        if self.mentions:
            for t in (token, *(c for c, dep in children_of(token, self.kids) if dep == "appos")):
                m = self.mentions.at(*s.chars(t))
                if m is not None:
                    return m.entity if types is None or m.type in types else None
            return None
        for ent in s.sent.ents:  # no entities stage: the name as spaCy found it
            if ent.start <= token.i < ent.end and ent.label_ in labels:
                return clean_name(ent.text)
        return None

    def place(self, s: _Sentence, tok: Token) -> str | None:
        """A place reached from the trigger through locative prepositions ('killed outside his home in Harwick')."""
        preps, kids = self.vocab.place_preps, self.kids
        frontier = [(c, dep) for c, dep in children_of(tok, kids)
                    if dep in ("compound", "dobj") or (dep == "prep" and c.lower_ in preps)]
        for _ in range(PLACE_DEPTH):
            if not frontier:
                break
            nxt = []
            for t, dep in frontier:
                if dep in ("pobj", "compound", "dobj"):  # a place found is asked whether it only modifies an event
                    if self.mentions:
                        m = self.mentions.at(*s.chars(t))
                        if m is not None and m.type == "place" and not place_only_modifies(t, self.vocab):
                            return m.entity
                    elif t.ent_type_ in PLACE_LABELS and not place_only_modifies(t, self.vocab):
                        return self.entity_of(s, t, PLACE_LABELS)
                nxt.extend((c, d) for c, d in children_of(t, kids)
                           if d == "pobj" or (d == "prep" and c.lower_ in preps))
            frontier = nxt
        return None

    # 5. merging -----------------------------------------------------------
    def integrate(self, event: EventDraft) -> None:
        kind = self.vocab.types[event.type]
        if kind.generic:  # a supersense event is not merged: "rose" twice is two rises
            self.positions[id(event)] = len(self.events)
            self.events.append(event)
            return
        if event.definite and not event.participants(kind.core):
            for earlier in reversed(self.events):
                if event.sentence - earlier.sentence > REFER_BACK_SENTENCES:
                    break
                if earlier.type in kind.refers_to:
                    absorb(earlier, event)
                    self.index(earlier)
                    return
        # only an earlier event of the type with a participant in common can be the same (see same_event):
        # looked up, latest first, instead of read through (quadratic in a long article)
        places = set().union(*(self.sharing.get((event.type, who), ()) for who in event.participants()))
        for place in sorted(places, reverse=True):
            earlier = self.events[place]
            if earlier.type == event.type and same_event(earlier, event, kind.core):
                absorb(earlier, event)
                self.index(earlier)
                return
        self.positions[id(event)] = len(self.events)
        self.events.append(event)
        self.index(event)

    def index(self, event: EventDraft) -> None:
        """Record an event of `self.events` under its type and each of its participants (after they grew)."""
        place = self.positions[id(event)]
        for who in event.participants():
            self.sharing.setdefault((event.type, who), set()).add(place)

    def record(self, e: EventDraft, number: int, names: dict[str, str]) -> Event:
        core = self.vocab.types[e.type].core
        people = [w for r, w in e.roles if r in core] + [w for r, w in e.roles if r not in core]
        attributes = dict(e.attributes)
        for role, _ in e.roles:
            attributes[role] = ROLE_JOIN.join(w for r, w in e.roles if r == role)
        inherited = e.date_kind == "inherited"
        if inherited:
            attributes["date_inherited"] = True
        # validated construction: with pydantic 2 it is faster than model_construct (Python-level), and records are many
        date = EventDate(text=e.date.text, value=calendar_day(e.date.value), start=e.date.start, end=e.date.end,
                         inherited=inherited) if e.date else None
        participants = list(dict.fromkeys(people))
        main = [w for r, w in e.roles if r in core] or participants[:1]
        key = event_key(e.type, [names.get(w, w) for w in main],
                        None if inherited or date is None else date.value, names.get(e.place, e.place))
        modality = self.clock.modality(e.modality, e.date, inherited)
        return Event(id=f"ev{number}", type=e.type, participants=participants, date=date, place=e.place,
                     evidence=e.evidence, attributes=attributes, modality=modality, key=key, stage=STAGE)


def _heads_its_phrase(token: Token) -> bool:
    """A common noun that is no modifier of another noun ('a design team', 'long-haul') and no word of a name."""
    return token.pos_ == "NOUN" and token.dep_ not in _MODIFIER_DEPS and not token.ent_type_


def is_named(event: Event) -> bool:
    """An asserted event of a named type (not a WordNet-supersense fallback) that says more than its word: who took
    part, where, or a date of its own. What pages list, and what claims and the KB compare."""
    return event.modality == "asserted" and named_type(event.type) and not bare(event)


def bare(event: Event) -> bool:
    """An event with no participant, no place and no date of its own: the record shows only that its word occurs
    ("the bankruptcy", "paid")."""
    return not event.participants and not event.place and (event.date is None or event.date.inherited)


def role_members(event: Event, role: str) -> list[str]:
    """The entity ids an event's attribute for a role lists ('party' -> ['e1', 'e2']); none without it."""
    value = event.attributes.get(role)
    return value.split(ROLE_JOIN) if isinstance(value, str) and value else []


def event_at(events: list[Event], start: int, end: int) -> Event | None:
    """The event whose trigger lies in [start, end) (the shortest trigger if several): a claim's event."""
    inside = [e for e in events if e.evidence and start <= e.evidence.start and e.evidence.end <= end]
    return min(inside, key=lambda e: e.evidence.end - e.evidence.start, default=None)


def named_type(type_name: str) -> bool:
    """A named event type of the vocabulary ("death", "acquisition"), not a supersense fallback ("cognition")."""
    kind = vocabulary().types.get(type_name)
    return kind is not None and not kind.generic


def extract_events(doc: Document) -> Document:
    """Stage entry: typed events with participants, date and place."""
    doc.article.events = EventExtractor(doc, vocabulary())()
    return doc
