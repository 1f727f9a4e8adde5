"""The event vocabulary (`data/event_triggers.json`) compiled, and how it is matched on spaCy tokens.

A trigger is a word (by lemma and part of speech) that names an event;
roles and attributes are read along small dependency paths from it, written
in the data file as steps joined by `>` (see the file's `_doc`):

    "prep:to>pobj:rank>prep:of>pobj"   promoted -> to -> rank -> of -> "sergeant major"
    "^verb>nsubj"                      interview -> (up to) recounted -> Alus

It also holds the small token helpers the events stage reads participants
and attributes with: `candidate_tokens` (trigger words found by array, so
most tokens are never looked at), `antecedent` (who a relative pronoun is),
`phrase` (an attribute's text).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .context import column, title_case, word_positions  # noqa: F401  (events read word_positions from here)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

VERBAL = frozenset({"VERB", "AUX"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which", "whose"})


@dataclass(frozen=True)
class Step:
    kind: str  # child, head, verb
    deps: frozenset[str] | None = None  # None: any relation
    lemmas: frozenset[str] | None = None  # None: any word


Path = tuple[Step, ...]


@dataclass(frozen=True)
class Attribute:
    name: str
    paths: tuple[Path, ...]
    flag: bool = False


@dataclass(frozen=True)
class Trigger:
    type: str
    pos: frozenset[str]
    deps: frozenset[str] | None
    requires: tuple[Path, ...]
    roles: tuple[tuple[Path, str], ...]
    attributes: tuple[Attribute, ...]
    becomes: tuple[str, frozenset[str]] | None
    unless: tuple[Path, ...] = ()  # not this trigger when one of these paths exists ("declared war")
    not_with: frozenset[str] = frozenset()  # nor when its sentence holds one of these lemmas (a war of words)
    only_with: frozenset[str] = frozenset()  # and only when its sentence holds one of these (guns, troops, ...)
    generated: bool = False  # drawn from WordNet by scripts/make_event_triggers.py, not written by hand


@dataclass(frozen=True)
class EventType:
    name: str
    doc: str
    core: frozenset[str]
    refers_to: frozenset[str]
    inherit_date: bool
    needs_core: bool = False  # kept only when a core role is filled ("he'll promote it" is no promotion)
    role_types: dict[str, frozenset[str]] | None = None  # entity types a role may hold: a victim is a person
    generic: bool = False  # a WordNet-supersense fallback type ("change", "motion"), not a named event type
    ace: str = ""  # the ACE 2005 type it maps to, or "(ours)" / "(economy)"


@dataclass(frozen=True)
class Vocabulary:
    """Every event type and trigger, indexed by lemma."""

    types: dict[str, EventType]
    by_lemma: dict[str, tuple[Trigger, ...]]
    relative_preps: frozenset[str]
    frame_preps: frozenset[str]
    place_preps: frozenset[str]
    irrealis_aux: frozenset[str]
    irrealis_heads: frozenset[str]
    irrealis_marks: frozenset[str] = frozenset()
    identity_verbs: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()  # nouns naming a place, never taken for event nouns ('court', 'falls')


def parse_path(text: str) -> Path:
    """`"prep:to>pobj"` -> steps."""
    steps = []
    for part in text.split(">"):
        name, _, lemmas = part.partition(":")
        words = frozenset(lemmas.split("|")) if lemmas else None
        if name == "^":
            steps.append(Step("head", lemmas=words))
        elif name == "^verb":
            steps.append(Step("verb", lemmas=words))
        else:
            steps.append(Step("child", None if name == "*" else frozenset(name.split("|")), words))
    return tuple(steps)


def _trigger(type_name: str, spec: dict) -> Trigger:
    attributes = []
    for name, paths in (spec.get("attributes") or {}).items():
        flag = isinstance(paths, dict)
        attributes.append(Attribute(name, tuple(parse_path(p) for p in (paths["flag"] if flag else paths)), flag))
    becomes = spec.get("becomes")
    return Trigger(type=type_name, pos=frozenset(spec.get("pos", "VERB").split("|")),
                   deps=frozenset(spec["dep"].split("|")) if spec.get("dep") else None,
                   requires=tuple(parse_path(p) for p in spec.get("requires", ())),
                   roles=tuple((parse_path(p), role) for p, role in spec.get("roles", ())),
                   attributes=tuple(attributes),
                   becomes=(becomes["type"], frozenset(becomes["when_lemmas"])) if becomes else None,
                   unless=tuple(parse_path(p) for p in spec.get("unless", ())),
                   not_with=frozenset(spec.get("not_with", ())),
                   only_with=frozenset(spec.get("only_with", ())),
                   generated=bool(spec.get("generated")))


def build_vocabulary(data: dict) -> Vocabulary:
    """A `Vocabulary` from the JSON structure of `event_triggers.json`."""
    types, by_lemma = {}, {}
    for name, spec in data["types"].items():
        types[name] = EventType(name, spec.get("doc", ""), frozenset(spec.get("core", ())),
                                frozenset(spec.get("refers_to", ())), bool(spec.get("inherit_date", True)),
                                bool(spec.get("needs_core", False)),
                                {role: frozenset(kinds) for role, kinds in (spec.get("role_types") or {}).items()},
                                bool(spec.get("generic", False)), spec.get("ace", ""))
        for tspec in spec["triggers"]:
            trigger = _trigger(name, tspec)
            for lemma in tspec["lemma"]:
                by_lemma.setdefault(lemma.lower(), []).append(trigger)
    words = {key: frozenset(data.get(key, ())) for key in
             ("relative_preps", "frame_preps", "place_preps", "irrealis_aux", "irrealis_heads", "irrealis_marks",
                           "identity_verbs", "place_words")}
    return Vocabulary(types, {k: tuple(v) for k, v in by_lemma.items()}, **words)


@cache
def vocabulary() -> Vocabulary:
    """`data/event_triggers.json`, compiled once."""
    text = resources.files("newsgraph.data").joinpath("event_triggers.json").read_text(encoding="utf-8")
    return build_vocabulary(json.loads(text))


# --- matching ------------------------------------------------------------

def children_of(tok: Token, children: dict | None = None) -> list[tuple[Token, str]]:
    """`tok`'s children with their dependency labels; `children` (token index -> list) keeps them across calls."""
    kids = children.get(tok.i) if children is not None else None
    if kids is None:
        kids = [(c, c.dep_) for c in tok.children]
        if children is not None:
            children[tok.i] = kids
    return kids


def _step(tokens: list[Token], step: Step, children: dict | None = None) -> list[Token]:
    out = []
    for tok in tokens:
        if step.kind == "head":
            if tok.head.i != tok.i and (step.lemmas is None or tok.head.lemma_.lower() in step.lemmas
                                        or tok.head.lower_ in step.lemmas):
                out.append(tok.head)
        elif step.kind == "verb":
            up = tok.head
            while up.pos_ not in VERBAL and up.head.i != up.i:
                up = up.head
            if up.i != tok.i and up.pos_ in VERBAL and (step.lemmas is None or up.lemma_.lower() in step.lemmas):
                out.append(up)
        else:
            deps, lemmas = step.deps, step.lemmas
            out.extend(c for c, dep in children_of(tok, children) if (deps is None or dep in deps)
                       and (lemmas is None or c.lemma_.lower() in lemmas or c.lower_ in lemmas))
    return out


def walk(token: Token, path: Path, children: dict | None = None) -> list[Token]:
    """The tokens reached from `token` along `path`; `children` caches each token's children across walks."""
    tokens = [token]
    for step in path:
        tokens = _step(tokens, step, children)
        if not tokens:
            break
    return tokens


FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
DENYING_HEADS = frozenset({"deny", "refute", "reject", "dismiss"})
NEGATING_HEADS = frozenset({"refuse", "avoid", "prevent", "fail", "decline", "stop"})


def modality(token: Token, vocab: Vocabulary, cache: dict | None = None) -> str:
    """asserted, negated ('not killed', 'no one was killed'), hypothetical ('could have died', 'if elected'),
    planned ('will meet', 'plans to buy', 'threatened to kill') or denied ('denied killing'); `cache` as for
    `children_of`."""
    if token.pos_ not in VERBAL:
        return "asserted"
    children = children_of(token, cache)
    for child, dep in children:
        if dep == "neg" or (dep in ("nsubj", "nsubjpass") and (
                child.lower_ in ("nobody", "none", "no-one")
                or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children))):
            return "negated"
    for child, dep in children:
        if (dep == "aux" and child.lower_ in vocab.irrealis_aux) or \
                (dep == "mark" and child.lower_ in vocab.irrealis_marks):
            return "hypothetical"
    head = token.head.lemma_.lower()
    if token.dep_ in ("xcomp", "ccomp", "pcomp") and head in DENYING_HEADS:
        return "denied"
    if token.dep_ == "xcomp" and head in NEGATING_HEADS:
        return "negated"
    if any(dep == "aux" and c.lower_ in FUTURE_AUX for c, dep in children) or \
            (token.dep_ == "xcomp" and head in vocab.irrealis_heads):
        return "planned"
    return "asserted"


def match_trigger(token: Token, vocab: Vocabulary, sentence_lemmas: Callable[[], frozenset[str]] | None = None,
                  children: dict | None = None) -> tuple[Trigger, str] | None:
    """The trigger `token` is, and the event type it names here, or None; `sentence_lemmas` gives the lower-case
    lemmas of its sentence (read once per sentence by the caller; else here, when a trigger asks); `children` as
    for `walk`."""
    candidates = vocab.by_lemma.get(token.lemma_.lower()) or vocab.by_lemma.get(token.lower_)
    if not candidates:
        return None
    if sentence_lemmas is None:
        sentence_lemmas = lambda: frozenset(t.lemma_.lower() for t in token.sent)  # noqa: E731
    for trigger in candidates:
        if token.pos_ not in trigger.pos or (trigger.deps is not None and token.dep_ not in trigger.deps):
            continue
        if trigger.requires and not any(walk(token, p, children) for p in trigger.requires):
            continue
        if any(walk(token, p, children) for p in trigger.unless):
            continue
        if trigger.not_with and not trigger.not_with.isdisjoint(sentence_lemmas()):
            continue
        if trigger.only_with and trigger.only_with.isdisjoint(sentence_lemmas()):
            continue
        if token.dep_ == "amod" and trigger.generated:  # "a Paris-based firm", "a related case": no event
            return None
        kind = trigger.type
        if trigger.becomes and any(t.lemma_.lower() in trigger.becomes[1] for t in token.subtree if t.i != token.i):
            kind = trigger.becomes[0]
        return trigger, kind
    return None


# --- tokens to text and to the words they stand for ----------------------

def candidate_tokens(pdoc: Doc, vocab: Vocabulary) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form is a trigger word, by hash lookup (cheap)."""
    from spacy.attrs import LEMMA, LOWER

    keys = _trigger_keys(vocab)
    return [i for i, (lemma, lower) in enumerate(zip(column(pdoc, LEMMA), column(pdoc, LOWER)))
            if lemma in keys or lower in keys]


_KEYS: dict[int, tuple[Vocabulary, frozenset[int]]] = {}


def _trigger_keys(vocab: Vocabulary) -> frozenset[int]:
    """The spaCy string hashes of every trigger word (as written, lower case and capitalised), once per vocabulary."""
    cached = _KEYS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        from spacy.strings import get_string_id

        forms = {f(w) for w in vocab.by_lemma for f in (str, str.lower, str.capitalize)}
        cached = _KEYS[id(vocab)] = (vocab, frozenset(get_string_id(w) for w in forms))
    return cached[1]


_AGENT = parse_path("agent>pobj")


def antecedent(token: Token, identity_verbs: frozenset[str] = frozenset()) -> Token:
    """The noun a relative pronoun stands for, the name a description is in apposition to, and the name a
    description is identified as ("the crew member who died was identified as deckhand Arturo Velez")."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ in ("relcl", "acl") and token.head.head.i != token.head.i:
        token = token.head.head
    if token.dep_ == "appos" and token.pos_ != "PROPN" and token.head.pos_ == "PROPN":
        token = token.head
    if token.pos_ == "NOUN" and identity_verbs:
        verbs = [token.head] if token.dep_ == "nsubjpass" else []
        verbs += [c for c in token.children if c.dep_ == "acl"]
        for verb in verbs:
            if verb.lemma_.lower() in identity_verbs:
                # "as" under the verb, or (a common misparse) under the agent: "identified by police as X"
                heads = [verb, *walk(verb, _AGENT)]
                named = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
                         for g in c.children if g.dep_ == "pobj"]
                if named:
                    return named[0]
    return token


NAME_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})  # 'the [Paris] attacks', 'in [Manhattan and X] bombings'


def noun_forms(token: Token) -> frozenset[str]:
    """A noun's lower-case word, lemma and singular guesses (`name_use.singulars`): a title-case 'Bombings' is a
    PROPN, which spaCy does not lemmatize."""
    from .name_use import singulars

    return frozenset({token.lower_, token.lemma_.lower()} | singulars(token.lower_))


def event_noun(token: Token, vocab: Vocabulary) -> bool:
    """`token` is a noun of a named event type ('bombings', 'Attacks' in a title-case line, 'case') and no noun
    that names a place (`place_words`: 'court', 'falls', 'gate')."""
    forms = noun_forms(token)
    if token.pos_ not in ("NOUN", "PROPN") or not forms.isdisjoint(vocab.place_words):
        return False
    return any("NOUN" in t.pos and not vocab.types[t.type].generic for f in forms for t in vocab.by_lemma.get(f, ()))


def phrase_head(token: Token) -> Token:
    """The word a noun phrase reached as an object is about. In a title-case line the parser may take the first name
    before a noun for the phrase's head and the noun for its conjunct ('in Manhattan and New Jersey Bombings':
    Manhattan, with the conjunct Bombings, which New Jersey modifies): then that last conjunct is the head. A
    conjunct with a determiner of its own is a phrase of its own ('blamed Pakistan and its secret service')."""
    if token.pos_ == "PROPN":
        later = [c for c in token.conjuncts if c.i > token.i]
        if later and any(c.dep_ in NAME_MODIFIER_DEPS for c in later[-1].children) and not any(
                c.dep_ in ("det", "poss") for c in later[-1].children):
            return later[-1]
    return token


def place_only_modifies(token: Token, vocab: Vocabulary) -> bool:
    """The phrase at `token` (an object the place walk reached) is about an event that the place names in it only
    modify: 'arrested in the Paris attacks', 'in Manhattan and New Jersey Bombings', 'charged in a Texas case'.
    The event was not where the other one was: a place counts only at the head of its phrase. A noun that names a
    place is no event noun ('in a Paris hospital' is not refused; the walk reads no names before a common noun
    anyway). A town that is itself such a word ('Sale') has no modifiers and stays.
    A capitalised noun is one only in a line Written Like This: in running text the capital makes it a word of a
    name ('New South Wales', not a 'wale'; 'County Down'; 'the Winter Meetings')."""
    head = phrase_head(token)
    if not event_noun(head, vocab) or (not head.is_lower and not title_case(head.sent.text)):
        return False
    return head is not token or head.is_lower or any(c.dep_ in NAME_MODIFIER_DEPS for c in head.children)


def phrase(token: Token) -> str:
    """A short text for an attribute: the entity around the token, or the word with its modifiers."""
    if token.ent_type_ and token.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return clean_name(ent.text)
    keep = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for c in t.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "nummod", "npadvmod"):
                keep.append(c)
                stack.append(c)
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"):  # "suspicion of arson"
        keep.extend(prep.subtree)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    return token.doc[lo:hi + 1].text


def clean_name(text: str) -> str:
    """A spaCy entity's text as a name: without a leading 'the' or a trailing possessive."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text
