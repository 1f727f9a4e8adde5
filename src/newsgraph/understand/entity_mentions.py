"""Finding name mentions, paragraph by paragraph: spaCy's entities read by our rules, then the names it missed.

1. A person named with a nickname between given name and surname is one mention ('Vincent "The Chin" Gigante',
   'Luis Gerardo (Jerry) Ortiz'; `quoted_nicknames`); the model's entities inside it are not read again.
2. Each of spaCy's entities typed by `entity_types.spacy_type` (an adjective of place, 'Canadian', names the
   place) gives the town of a dateline it opens ('TOKYO (Reuters) -'; `datelines`), then the name cut to its
   edges (`name_edges.trim_to_name`). A currency's code next to an amount is no name ('$99 (USD)';
   `currency_codes`), a hashtag is a thing ('#MeToo'; `hashtags`), a name's form and context may drop or retype it
   (a make of car after 'the'; `entity_types.retype`), and a listed company typed a person or a place is an
   organisation ('Atlassian', 'Glencore'; `known_firms`); `names.typed_mention` types the rest and splits the
   titles off.
3. The names spaCy missed are added (`names.missed_mentions`), and each mention is marked when it sits inside
   quotation marks.
"""

from __future__ import annotations

from functools import cache

from ..readers.furniture import load_data
from . import rules
from .context import ParsedParagraph, QuoteRegions, running_line
from .entity_types import DROP, THING, designated, place_of, retype, spacy_type
from .name_edges import trim_to_name
from .name_evidence import NICKNAMED, nickname_match, opens_with_given_name
from .names import NameMention, missed_mentions, span_mention, typed_mention
from .vocab import EntityVocabulary, entity_vocabulary
from .wire_names import before_region, datelines, known_firm, town_name


def find_mentions(paragraphs: list[ParsedParagraph]) -> list[NameMention]:
    """Every name mention of the parsed paragraphs, in text order."""
    vocab = entity_vocabulary()
    found: list[NameMention] = []
    for para in paragraphs:
        found.extend(_paragraph_mentions(para, vocab))
    found.sort(key=lambda m: m.start)
    return found


def _paragraph_mentions(para: ParsedParagraph, vocab: EntityVocabulary) -> list[NameMention]:
    """The name mentions of one paragraph: people named with a nickname, spaCy's entities read by our rules, then
    the names spaCy missed."""
    out: list[NameMention] = []
    taken: set[int] = set()
    lines = datelines(para) if rules.enabled("datelines") else {}
    nicknamed = _nicknamed_people(para, vocab) if rules.enabled("quoted_nicknames") else []
    for mention, first, last in nicknamed:
        out.append(mention)
        taken.update(range(first, last))
    for ent in para.doc.ents:
        kind = spacy_type(ent.label_, ent.text)
        if kind is None or nicknamed and taken.intersection(range(ent.start, ent.end)):
            continue
        out.extend(_entity_mentions(para, ent, kind, lines, taken, vocab))
    out = missed_mentions(para, out, taken, vocab)
    quotes = QuoteRegions(para.text)
    for mention in out:
        mention.in_quote = quotes.inside(mention.start - para.offset)
    return out


def _entity_mentions(para: ParsedParagraph, ent, kind: str, lines: dict, taken: set[int],
                     vocab: EntityVocabulary) -> list[NameMention]:
    """The mentions one of spaCy's entities gives, their tokens added to `taken`: the town of a dateline it opens,
    and the name it holds, typed by our rules (none where they drop it)."""
    doc = para.doc
    out: list[NameMention] = []
    first, last = ent.start, ent.end
    if first in lines:  # 'TOKYO (Reuters) -', 'BRASILIA - Central bank of ...': the dateline's town
        place_end, rest = lines[first]
        town = span_mention(para, first, min(place_end, last), "place")
        if town.text.isupper():
            town.name = town_name(town.text)  # 'JERUSALEM' goes by 'Jerusalem', as the body writes it
        out.append(town)
        taken.update(range(first, min(place_end, last)))
        if rest >= last:
            return out
        first = rest
    owner = _owner_end(doc, first, last, kind, vocab) if rules.enabled("owners_people") else None
    if owner is not None:  # 'Green Party’s Jill Stein': the body, then the person
        out.extend(_owner_body(para, ent, first, owner, kind, taken, vocab))
        first, kind = owner + 1, "person"
    first, last = trim_to_name(doc, ent, first, last, kind, vocab)
    if first >= last or (last - first == 1 and _currency_code(doc, first)):
        return out
    if first > 0 and doc[first - 1].text == "#" and not doc[first - 1].whitespace_ and rules.enabled("hashtags") \
            and not designated([t.text for t in doc[first:last]]):
        kind = THING  # '#MeToo', '#BlackLivesMatter': a hashtag names a movement or a topic (not '#Acme, Inc.')
    if kind == THING:  # a product, work or event: no entity, but a vote on the name's type (type_agreement)
        out.append(span_mention(para, first, last, THING))
        taken.update(range(first, last))
        return out
    kind = retype(doc, first, last, kind)
    if kind == DROP:
        return out
    firm = kind in ("person", "place") and rules.enabled("known_firms") \
        and _known_firm(doc, first, last, kind, vocab)
    if firm:
        kind = "organization"  # 'Atlassian' typed a person, 'Glencore' a place: listed companies
    mention = typed_mention(para, first, last, kind, vocab)
    if mention is not None and firm:
        mention.firm, mention.firm_from = True, spacy_type(ent.label_, ent.text)
    if mention is not None and ent.label_ == "NORP":
        mention.name = place_of(mention.text)
    if mention is not None:
        out.append(mention)
        taken.update(range(first, last))
    return out


def _owner_body(para: ParsedParagraph, ent, first: int, owner: int, kind: str, taken: set[int],
                vocab: EntityVocabulary) -> list[NameMention]:
    """The body or place before the possessive a person's name follows ('Green Party' of 'Green Party’s Jill
    Stein'), its tokens added to `taken`."""
    start, end = trim_to_name(para.doc, ent, first, owner, kind, vocab)
    body = typed_mention(para, start, end, kind, vocab) if start < end else None
    if body is None:
        return []
    taken.update(range(start, end))
    return [body]


def _owner_end(doc, first: int, last: int, kind: str, vocab: EntityVocabulary) -> int | None:
    """Where a body's or place's possessive ends it inside one entity of the model's that runs on into a person's
    name: two capitalised words or more opening with a given name ('NFL Network’s Rich Eisen'), no acronym ('Apple's
    Mac OS'), designator or head word of a body or place among them ('Dick’s Sporting Goods', 'Sam's Club')."""
    if kind not in ("organization", "place"):
        return None
    at = next((t.i for t in doc[first + 1:last - 2] if t.text in ("’s", "'s")), None)
    words = [t.text for t in doc[at + 1:last]] if at is not None else []
    if words and opens_with_given_name(words) and all(w[:1].isupper() and not _acronym(w) for w in words) \
            and not designated(words) and words[-1] not in vocab.name_heads:
        return at
    return None


def _acronym(word: str) -> bool:
    """'OS', 'NFL': capitals no name is written in; an initial ('W.') is not one."""
    return len(word.strip(".")) > 1 and word.isupper()


def _nicknamed_people(para: ParsedParagraph, vocab: EntityVocabulary) -> list[tuple[NameMention, int, int]]:
    """A person named with a nickname in quotation marks or brackets between given name and surname: one mention
    of the whole (the model splits it, or keeps only the surname), its tokens taken from the model's tags. Not a
    news agency in brackets after a dateline's town ('Sydney (Reuters) Police said'); in a headline or a line in
    title case, a surname of one word ('Vincent "The Chin" Gigante Dies')."""
    second = running_line(para)
    found = []
    for m in NICKNAMED.finditer(para.text):
        whole = nickname_match(m, second)
        if whole is None or (m["n5"] and m["n5"] in vocab.outlets):
            continue
        span = para.doc.char_span(m.start(), whole.end(), alignment_mode="expand")
        if span is None:
            continue
        mention = typed_mention(para, span.start, span.end, "person", vocab)
        if mention is not None and mention.type == "person":
            if second:  # not in a headline or a line in title case ("Gary Ross 'Catching Fire' Talks")
                mention.nickname = next(g for g in m.group("n1", "n2", "n3", "n4", "n5") if g)
            found.append((mention, span.start, span.end))
    return found


def _known_firm(doc, first: int, last: int, kind: str, vocab: EntityVocabulary) -> bool:
    """A listed company's name the model typed a person or a place, not after a title ('Mr Vinci'), one word after
    'the' ('the Amazon') or a place before a comma and a region ('Bristow, VA')."""
    if not known_firm(doc[first:last].text, kind):
        return False
    before = doc[first - 1].lower_ if first else ""
    return before.rstrip(".") not in vocab.title_first_words and not (last - first == 1 and before == "the") \
        and not (kind == "place" and before_region(doc, last))


def _currency_code(doc, i: int) -> bool:
    """'$99 (USD)', '40 EUR', 'USD 15 million': a currency's code next to an amount is no name."""
    if doc[i].text not in _currency_codes() or not rules.enabled("currency_codes"):
        return False
    before = doc[i - 2] if i >= 2 and doc[i - 1].text == "(" else doc[i - 1] if i >= 1 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return bool(before is not None and (before.like_num or before.ent_type_ == "MONEY")
                or after is not None and after.like_num)


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(load_data("entities.json")["currency_codes"])
