"""Name mentions: the class, the type our rules give a span of tokens, and the names spaCy missed.

`entity_mentions.find_mentions` reads each paragraph's entities and asks for the two steps here:
1. A span of tokens becomes a typed mention (`typed_mention`): the usual mis-tags dropped (holidays as people, a
   rank such as "Command Sergeant" as an organisation, a ship's or a product's name no entity), titles and ranks
   split from the name, inside the entity and before it ("Israel Police Commissioner Danny Levy" -> title + "Danny
   Levy"; `name_edges`), an organisation made of a place and a head word ("Israel" + "Police"), and a name split
   by a parenthesis joined ("Shachar (Butzhak, head of ...)"; `name_edges.join_parenthesis`).
2. The names spaCy missed are added (`missed_mentions`): places named by a noun or a street, listed companies with
   their exchanges and tickers, people after a title ("Rabbi Shachar"), outlets from the gazetteer ("ynet"), and
   places inside organisation names ("Netivot Police Station" -> "Netivot").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from . import rules
from .context import ParsedParagraph, lower_positions
from .entity_types import THING, designated, places_named_by_noun, places_named_by_street
from .name_edges import (attach_titles, bridges_and, described_as_person, ends_with_a_role, join_parenthesis,
                         leading_title_length, modifiers_before, name_after_portfolio, swallowed, titled_name)
from .name_evidence import known_place, mention_span, opens_with_given_name, place_by_form
from .name_use import word_classes
from .titles import canonical_title
from .vocab import EntityVocabulary, entity_vocabulary
from .wire_names import firm_spans, firm_words, known_firm, listings, market_acronyms, ticker_exchanges

MAX_NAME_TOKENS_AFTER_TITLE = 3
_I_BRAND = re.compile(r"^i[A-Z]")  # iPhone, iOS, iTunes: the lower-case i that names products


@dataclass
class NameMention:
    """A name in the text with the titles written before it; offsets into `Article.text`."""

    start: int
    end: int
    text: str
    type: str
    para: ParsedParagraph
    first_token: int
    titles: list[str] = field(default_factory=list)
    title_start: int | None = None
    extra_name: str | None = None  # surname given in a parenthesis after the name
    nickname: str | None = None  # a nickname in brackets or quotation marks inside the name ('Kimani (Kiki) Gray')
    role: str | None = None
    in_quote: bool = False
    name: str | None = None  # the entity's name when the text differs: the place an adjective names ("Canadian")
    described: bool = False  # typed a person by what the text says of them ("Pruitt, 49,"), against the model's label
    firm: bool = False  # a company by the ticker after it ("Blinkx (LSE: BLNX)") or the list of listed companies
    firm_from: str | None = None  # the type the model gave a listed company's name ('Glencore' a place)

    @property
    def full_text(self) -> str:
        return f"{self.text} {self.extra_name}" if self.extra_name else self.text

    @property
    def sentence(self):
        return self.para.doc[self.first_token].sent


def missed_mentions(para: ParsedParagraph, out: list[NameMention], taken: set[int],
                    vocab: EntityVocabulary) -> list[NameMention]:
    """The mentions with the names spaCy missed added: places named by a noun ('the city of Ofakim') or a street's
    head word ('Wall Street'), listed companies with their exchanges and tickers, people after a title, outlets,
    and the places inside organisations' names."""
    doc = para.doc
    for first, last in places_named_by_noun(doc, taken) + places_named_by_street(doc, taken):
        out.append(span_mention(para, first, last, "place"))
        taken.update(range(first, last))
    if rules.enabled("known_firms"):
        out = _known_firms(para, out, taken)
    if rules.enabled("ticker_exchanges"):
        out = _exchanges(para, out, taken)
    if rules.enabled("listed_firms"):
        out = _listed_firms(para, out, taken)
    if rules.enabled("titled_people"):
        out.extend(_titled_people(para, taken, vocab))
    if rules.enabled("outlets"):
        out.extend(_outlets(para, taken))
    for mention in list(out):
        if mention.type == "organization" and rules.enabled("place_in_name"):
            place = _place_in_name(para, mention, vocab)
            if place:
                out.append(place)
    return out


def _exchanges(para: ParsedParagraph, out: list[NameMention], taken: set[int]) -> list[NameMention]:
    """'(LSE: BOO)': the exchange before a ticker is an organisation, whatever the model said of it."""
    for first, last in ticker_exchanges(para):
        exchange = span_mention(para, first, last, "organization")
        clash = [m for m in out if m.start < exchange.end and exchange.start < m.end]
        if any(m.type in ("place", "person") for m in clash):
            continue  # a town the model knows ('(Toronto: ...)'), a person in a poll ('(McCain: 45%, ...)')
        out = [m for m in out if m not in clash] + [exchange]
        taken.update(range(first, last))
    return out


def _listed_firms(para: ParsedParagraph, out: list[NameMention], taken: set[int]) -> list[NameMention]:
    """'Blinkx (LSE: BLNX)': the name right before a ticker in brackets is a listed company, an organisation in
    every mention (`firm`), and the ticker's symbol is another mention of it. Not a place the gazetteer knows
    ('Ireland (Other OTC: IRLD)', a page's automatic link) nor a word that is no name ('Shares (Berlin: ...)')."""
    doc = para.doc
    for bracket, start, end in listings(para):
        before = POSSESSIVE_END.sub("", para.text[:bracket].rstrip())
        firm = next((m for m in out if m.end - para.offset == len(before)), None)
        if firm is None:
            firm = _unlabelled_firm(para, len(before), taken)
            if firm is None or known_place(firm.text):
                continue
            out.append(firm)
        elif firm.type == "place" and known_place(firm.text):
            continue
        firm.type, firm.firm = "organization", True
        symbol = doc.char_span(start, end)
        if symbol is None:
            continue
        out = [m for m in out if not (m.start < para.offset + end and para.offset + start < m.end)]
        ticker = span_mention(para, symbol.start, symbol.end, "organization")
        ticker.name, ticker.firm = firm.name or firm.text, True
        out.append(ticker)
        taken.update(range(symbol.start, symbol.end))
    return out


def _known_firms(para: ParsedParagraph, out: list[NameMention], taken: set[int]) -> list[NameMention]:
    """Listed companies' names the model missed or cut ('Glencore'; 'Lockheed Martin' read as 'Lockheed' and a person
    'Martin'): one organisation each, in place of the names inside it; not a name a rule dropped ('a borrowed
    Subaru')."""
    if not firm_words(para.text):
        return out
    found = [(m.first_token, _last_token(m)) for m in out]
    kept = {i for a, b in found for i in range(a, b)}
    dropped = {i for ent in para.doc.ents for i in range(ent.start, ent.end)} - kept  # 'a borrowed Subaru': a thing
    for first, last in firm_spans(para, found, dropped):
        firm = span_mention(para, first, last, "organization")
        firm.firm, firm.firm_from = True, THING  # gone again where the article refuses the reading (`harmonize`)
        out = [m for m in out if not (firm.start <= m.start and m.end <= firm.end)] + [firm]
        taken.update(range(first, last))
    return out


def _last_token(mention: NameMention) -> int:
    """The token after a mention's last one."""
    span = mention_span(mention, alignment_mode="expand")
    return span.end if span is not None else mention.first_token + 1


MAX_FIRM_WORDS = 4
POSSESSIVE_END = re.compile(r"['’]s$")


def _unlabelled_firm(para: ParsedParagraph, end: int, taken: set[int]) -> NameMention | None:
    """The capitalised proper nouns ending at character `end` of the paragraph that the model left unlabelled, or
    None: up to four, none a stop word."""
    span = para.doc.char_span(0, end, alignment_mode="contract")
    if span is None or not len(span):
        return None
    first = last = span.end
    while first > 0 and last - first < MAX_FIRM_WORDS and first - 1 not in taken and (
            t := para.doc[first - 1]).pos_ == "PROPN" and t.text[:1].isupper() and not t.is_stop:
        first -= 1
    return span_mention(para, first, last, "organization") if first < last else None


def _i_brand(word: str) -> bool:
    """'iPhones', 'iTunes', 'iOS': a lower-case 'i' before a common noun (WordNet's); not 'iHeartMedia', 'iFixit'."""
    if not _I_BRAND.match(word):
        return False
    classes = word_classes()
    rest = re.sub(r"[^a-z]", "", word[1:].lower())  # 'iCloud+
    return any(w in classes[c] for w in (rest, rest[:-1] if rest.endswith("s") else rest)
               for c in ("nouns", "census_nouns", "person_nouns"))  # 'Cloud' and 'Mac' are Census surnames too


def typed_mention(para: ParsedParagraph, first: int, last: int, kind: str,
                  vocab: EntityVocabulary) -> NameMention | None:
    """The mention tokens `first` to `last` give, typed `kind` by the model, as our rules type it, or None."""
    doc = para.doc
    if rules.enabled("vessel_names") and _after_vessel_noun(doc, first, vocab):
        return span_mention(para, first, last, THING)  # 'the ferry Island Star': a ship's name, no entity
    named = name_after_portfolio(doc, first, last, vocab) if rules.enabled("titles") else None
    if named is not None:
        first, kind = named, "person"  # '[Secretary of] State for Housing Ans Meulen': the title ran in
    text = doc[first:last].text
    if text.lower() in vocab.not_names and rules.enabled("not_names"):  # holidays: never people or places
        return None
    if rules.enabled("common_words") and (text in vocab.common_acronyms or text.islower()
                                          or kind != "person" and text in vocab.model_words):
        return None  # 'AI' tagged a place, 'the senate' or 'Pro' (of 'Pro Max') an organisation: no names
    if rules.enabled("market_terms") and text in market_acronyms():
        return None  # '0800 GMT', 'EPS', 'EBITDA' tagged an organisation or a place
    if rules.enabled("product_models") and kind != "person" and last - first > 1 \
            and doc[last - 1].text in vocab.model_words:
        return None  # 'MacBook Pro', 'Galaxy S23 Ultra' tagged an organisation: a product, no entity
    if rules.enabled("i_brands") and kind != "person" and _i_brand(text.split()[0]) and not designated(text.split()) \
            and not known_firm(text, kind):
        return span_mention(para, first, last, THING)  # 'iPhones', 'iTunes Music Store': a product, no entity
    described = (kind != "person" or place_by_form(text.split())) and rules.enabled("described_as_person") \
        and not designated(text.split()) and described_as_person(doc, first, last, vocab)  # 'Ngozi Street, a nurse
    if described:
        kind = "person"  # "Itamar Alus, the police officer who ..." tagged as a place, or "Sergeant Lena Torvik" as an org
    elif kind != "person" and rules.enabled("titled_names") and titled_name(doc, first, last, vocab):
        kind = "person"  # 'Very Rev Ada Marsh' tagged an organisation: a title, then a given name and more
    if kind == "person":
        return _person_mention(para, first, last, described, vocab)
    if kind == "organization":
        return _organization_mention(para, first, last, vocab)
    extended = _organization_head(doc, last, vocab) if rules.enabled("organization_heads") else None
    if extended:
        return span_mention(para, first, extended, "organization")
    return span_mention(para, first, last, kind)


def _person_mention(para: ParsedParagraph, first: int, last: int, described: bool,
                    vocab: EntityVocabulary) -> NameMention | None:
    """A person's mention of tokens `first` to `last`, its titles split off, or None for a role or a title alone."""
    doc = para.doc
    if rules.enabled("role_tail") and ends_with_a_role(doc[last - 1], vocab):
        return None  # "Virginia Governor(s)", "the Apple CEO": a role, no person's name
    n = leading_title_length(doc, first, last, vocab) if rules.enabled("titles") else 0
    if rules.enabled("titles") and leading_title_length(doc, first, len(doc), vocab) > last - first:
        return None  # '[Det Ch] Supt Ada Marsh': the model's person is the opening of a longer title
    skip = swallowed(doc, first + n, last) if n < last - first else 0
    if n + skip >= last - first:
        return None
    mention = span_mention(para, first + n + skip, last, "person")
    if skip:
        first, n = first + n + skip, 0  # a title before the team ("Browns DL") is not this person's
    if rules.enabled("titles"):
        attach_titles(mention, doc, first, n, vocab)
    if rules.enabled("parenthesis_name"):
        join_parenthesis(mention, para)
    mention.described = described
    return mention


def _organization_mention(para: ParsedParagraph, first: int, last: int,
                          vocab: EntityVocabulary) -> NameMention | None:
    """An organisation's mention of tokens `first` to `last`, or None for title words alone."""
    doc = para.doc
    if rules.enabled("titles") and (all(t.lower_ in vocab.title_words for t in doc[first:last]) or (
            last < len(doc) and doc[last].ent_type_ == "PERSON" and leading_title_length(doc, first, last, vocab))):
        return None
    if rules.enabled("title_and") and bridges_and(doc, first) and leading_title_length(doc, last, len(doc), vocab) \
            and doc[first - 2].lower_ not in vocab.title_last_words:  # not "Gov. and [the DNC]"
        first = modifiers_before(doc, first - 2)  # 'Fire and [Rescue] Commissioner': the service's whole name
    return span_mention(para, first, last, "organization")


def span_mention(para: ParsedParagraph, first: int, last: int, kind: str) -> NameMention:
    """A mention of type `kind` of tokens `first` to `last`, as written."""
    doc = para.doc
    start, end = para.span(doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))
    return NameMention(start, end, para.text[start - para.offset:end - para.offset], kind, para, first)


def _organization_head(doc, last: int, vocab: EntityVocabulary) -> int | None:
    """A place followed by an organisation head word ('Israel' 'Police'): where the organisation ends."""
    words = tuple(t.text for t in doc[last:last + 4])
    for parts in vocab.heads_by_first_word.get(words[0], ()) if words else ():
        if words[:len(parts)] == parts:
            return last + len(parts)
    return None


def _after_vessel_noun(doc, first: int, vocab: EntityVocabulary) -> bool:
    """The name follows a ship's common noun ('the tanker Ardent Sun', 'the bulk carrier Hestia Moon')."""
    if first == 0:
        return False
    before = doc[first - 1].lower_
    return before in vocab.vessel_nouns or before == "carrier" and first > 1 and doc[first - 2].lower_ in (
        "bulk", "aircraft")


def _titled_people(para: ParsedParagraph, taken: set[int], vocab: EntityVocabulary) -> list[NameMention]:
    """People spaCy missed: capitalised names right after a title ('Rabbi Shachar')."""
    doc, out = para.doc, []
    i = 0
    for first in [k for k in lower_positions(doc, vocab.title_first_words, ".") if not doc[k].text[:1].islower()]:
        if first < i:
            continue  # inside a title or a name already read
        i = first
        n = leading_title_length(doc, i, len(doc), vocab)
        if not n:
            continue
        j = i + n
        k = j
        while k < len(doc) and k - j < MAX_NAME_TOKENS_AFTER_TITLE and doc[k].pos_ == "PROPN" \
                and doc[k].text[:1].isupper() and k not in taken and doc[k].lower_ not in vocab.title_words:
            k += 1
        if k > j and not any(t in taken for t in range(j, k)) and rules.enabled("title_firms") \
                and designated([t.text for t in doc[i:k]]):
            out.append(span_mention(para, i, k, "organization"))  # 'General Motors': a firm's name, no general
            taken.update(range(i, k))
            i = k
        elif k > j and not any(t in taken for t in range(j, k)) and not (
                rules.enabled("titled_heads") and doc[k - 1].text in vocab.name_heads
                and not opens_with_given_name([t.text for t in doc[j:k]])):  # 'Premier League', not 'Sam Lake'
            mention = span_mention(para, j, k, "person")
            attach_titles(mention, doc, i, n, vocab)
            written = doc[i:j].text
            mention.titles = [written] if canonical_title(written) is not None else []
            mention.title_start = para.offset + doc[i].idx if mention.titles else None
            join_parenthesis(mention, para)
            out.append(mention)
            taken.update(range(i, k))
            i = k
        else:
            i += n
    return out


@cache
def _outlet_pattern(outlets: frozenset[str]) -> re.Pattern:
    names = sorted(outlets, key=len, reverse=True)
    return re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


def _outlets(para: ParsedParagraph, taken: set[int]) -> list[NameMention]:
    """News outlets from the gazetteer, where spaCy saw no entity ('an interview with ynet')."""
    doc, out = para.doc, []
    for m in _outlet_pattern(entity_vocabulary().outlets).finditer(para.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or any(t.i in taken for t in span) or (len(m.group(0)) <= 2 and m.group(0) != "AP"):
            continue
        out.append(span_mention(para, span.start, span.end, "organization"))
        taken.update(range(span.start, span.end))
    return out


def _place_in_name(para: ParsedParagraph, org: NameMention, vocab: EntityVocabulary) -> NameMention | None:
    """'Netivot Police Station' names the place Netivot."""
    m = vocab.place_in_name.match(org.text)
    if not m:
        return None
    start = org.start + m.start("place")
    place = NameMention(start, start + len(m.group("place")), m.group("place"), "place", para, org.first_token)
    return place
