"""What the words of a sentence say for a claim, read off the parse alone: no entity of the article is asked.

- `Sentence`: one parsed sentence, where it lies in `Article.text`, and its tokens by dependency label.
- `number_phrase`: the number a token heads, as written and in normalised form, with its qualifier ("about 20",
  "more than 20") whether written inside the phrase or just before it (the readers of `claim_values`).
- `is_count`: a number that counts things, not a year, an emergency number, a model number, a word of a name or a
  label, measure, score or multiplier ("Season 21", "4K", "7-6", "five times").
- `is_counted`: whether the noun after such a number is what it counts ("four aircraft"), not what it names ("the
  final 717 jet").
- `verb_class`: the class `data/claims.json` gives a verb, the verb with its particle or preposition ("break
  into") before the verb alone, so that a count's subject is the same however the fact is worded.
- `duration_property`: the property a duration gets from its verb or a word the verb governs ("held hostage for
  19 hours" -> `hostage_duration`), else `<verb>_duration`.
- `ends_clause`: a bare number closing its sentence ("He was 52.").

`claims` reads sentences with these, and asks the article's entities who and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .claim_values import ClaimVocabulary, format_number, parse_number, qualifier_before, split_qualifier
from .context import string_ids

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


@dataclass
class Sentence:
    """One parsed sentence and where it lies in `Article.text`."""

    span: SpacySpan
    offset: int  # of the paragraph
    text: str  # the sentence's text (from the paragraph's text)
    deps: list[int]  # the paragraph's dependency label hashes by token (`context.dep_ids`)

    @property
    def start(self) -> int:
        return self.offset + self.span.start_char

    @property
    def end(self) -> int:
        return self.offset + self.span.end_char

    def chars(self, token: Token) -> tuple[int, int]:
        return self.offset + token.idx, self.offset + token.idx + len(token)

    def with_dep(self, deps: tuple[str, ...]) -> list[Token]:
        """The sentence's tokens attached to their heads by one of `deps`, in text order (by label hash: no
        Token made for the others)."""
        doc, ids, labels = self.span.doc, string_ids(frozenset(deps)), self.deps
        return [doc[k] for k in range(self.span.start, self.span.end) if labels[k] in ids]

    def heads_of(self, deps: tuple[str, ...]) -> list[Token]:
        """The tokens with a child attached by one of `deps`, in text order."""
        doc = self.span.doc
        return [doc[i] for i in sorted({t.head.i for t in self.with_dep(deps)})]


def number_phrase(s: Sentence, num: Token, vocab: ClaimVocabulary) -> tuple[str, str, int, int] | None:
    """(value as written, normalized, start, end) of the number a token heads, its qualifier included."""
    words = [t for t in num.subtree if t.i <= num.i or t.like_num]
    lo = min(t.idx for t in words) - s.span.start_char  # into the sentence's text
    hi = max(t.idx + len(t) for t in words) - s.span.start_char
    qualifier, op, rest = split_qualifier(s.text[lo:hi], vocab)
    if not qualifier:
        qualifier, op, at = qualifier_before(s.text[:lo], vocab)
        lo = at if qualifier else lo
    value = parse_number(rest, vocab)
    if value is None:
        return None
    return s.text[lo:hi], op + format_number(value), s.start + lo, s.start + hi


def is_count(num: Token, vocab: ClaimVocabulary) -> bool:
    """A number that counts things: not a year ('a 1999 study'), an emergency or phone number ('911 calls'),
    a number after an article ('a 737 jet'), one inside a name ('Apollo 11 crew') or a label (`_labels`)."""
    text = num.text.replace(",", "")
    if text in vocab.not_counts or (text.isdigit() and len(text) == 4 and "," not in num.text
                                    and 1000 <= int(text) <= 2100):
        return False
    before = num.doc[num.i - 1] if num.i > 0 else None
    if before is not None and (before.lower_ in ("a", "an", "the") or before.pos_ == "PROPN"):
        return False
    return num.ent_type_ in ("", "CARDINAL", "QUANTITY") and not _labels(num)


LABEL_BEFORE = re.compile(r"(?:\bNo\.|#) ?$", re.I)  # 'a No. 17 jersey', '#3 seed'
MULTIPLIERS = frozenset({"times", "fold"})
HYPHENS = frozenset({"-", "–"})


def _labels(num: Token) -> bool:
    """A number that names or measures rather than counts: one after the noun it goes with ('Season 21', 'iPhone
    14', 'Rs 299'), after 'No.' or '#', written on to a unit, a model letter or a hyphen ('4K video', '5G speeds',
    '1.8-liter engine', 'one-third'), the second of a score or range in digits ('7-6', '6-of-15'; not
    'Twenty-seven'), or a multiplier ('five times as many')."""
    doc = num.doc
    if num.head.i < num.i or LABEL_BEFORE.search(doc.text[max(0, num.idx - 4):num.idx]):
        return True
    before = doc[num.i - 1] if num.i > 0 else None
    after = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if before is not None and not before.whitespace_ and num.text[:1].isdigit() \
            and (before.like_num or before.text in HYPHENS):
        return True
    return after is not None and (after.lower_ in MULTIPLIERS
                                  or not num.whitespace_ and (after.is_alpha or after.text in HYPHENS))


def is_counted(noun: Token, amount: float | None, vocab: ClaimVocabulary) -> bool:
    """Whether a noun after a number (`amount`, None when unread) is what it counts: more than one of a noun left
    singular names it instead ('the final 717 jet', 'a magnitude 6 quake', 'a 1.5 million fleet'), unless the noun
    is written the same for one and many ('four aircraft', `same_plural`) or already ends as a plural does ('5,145
    lbs')."""
    if noun.tag_ not in ("NN", "NNP") or noun.lower_.endswith("s") or noun.lemma_.lower() in vocab.same_plural:
        return True
    return amount is None or amount <= 1


def verb_class(verb: Token, vocab: ClaimVocabulary) -> str:
    """The class of a verb (`verb_classes`), with its particle, preposition or object first ('break into')."""
    for c in verb.children:
        if c.dep_ in ("prt", "prep", "oprd", "dobj"):
            key = f"{verb.lemma_.lower()} {c.lower_}"
            if key in vocab.verb_classes:
                return vocab.verb_classes[key]
    return vocab.verb_classes.get(verb.lemma_.lower(), verb.lemma_.lower())


def duration_property(verb: Token, vocab: ClaimVocabulary) -> str:
    """The property of a duration: the last of the verb and the words it governs that `duration_properties`
    lists ('held hostage' -> 'hostage_duration'), else '<verb>_duration'."""
    words = [verb.lemma_.lower()] + [t.lemma_.lower() for c in verb.children
                                     for t in ([c] if c.dep_ in ("oprd", "acomp", "attr", "xcomp", "dobj")
                                               else [g for g in c.children if g.dep_ == "pobj"]
                                               if c.dep_ == "prep" else [])]
    for word in reversed(words):
        if word in vocab.duration_properties:
            return vocab.duration_properties[word]
    return f"{verb.lemma_.lower()}_duration"


def ends_clause(token: Token) -> bool:
    """A bare number closing its sentence ('He was 52.')."""
    after = [t for t in token.doc[token.i + 1:token.sent.end] if not t.is_punct]
    return not after
