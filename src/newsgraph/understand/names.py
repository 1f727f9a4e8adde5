"""Finding name mentions: spaCy's entities corrected by our vocabularies.

1. Take spaCy's PERSON, ORG, GPE, LOC and FAC entities; drop the usual
   mis-tags (holidays as people, car makes as organisations, a rank
   such as "Command Sergeant" as an organisation, a currency's code next
   to an amount: "$99 (USD)").
2. Split titles and ranks from names, inside the entity and before it
   ("Israel Police Commissioner Danny Levy" -> title + "Danny Levy").
3. Add people spaCy missed after a title ("Rabbi Shachar"), outlets from
   the gazetteer ("ynet"), organisations made of a place and a head word
   ("Israel" + "Police"), and places inside organisation names
   ("Netivot Police Station" -> "Netivot").
4. Join a name split by a parenthesis ("Shachar (Butzhak, head of ...)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..readers.furniture import load_data
from . import rules
from .attribution import QUOTE_CHARS
from .context import ParsedParagraph, QuoteRegions, lower_positions, title_case
from .entity_types import (DROP, THING, designated, place_of, places_named_by_noun, places_named_by_street, retype,
                           spacy_type)
from .name_evidence import (NICKNAMED, YEAR, gazetteer_place, given_names, known_place, mention_span,
                            nickname_match, opens_with_given_name, place_by_form, region_name)
from .name_use import generation, word_classes
from .titles import canonical_title
from .vocab import EntityVocabulary, entity_vocabulary
from .wire_names import (before_region, datelines, firm_apposition, firm_spans, firm_words, known_firm, listings,
                         market_acronyms, ticker_exchanges, town_name)

MAX_NAME_TOKENS_AFTER_TITLE = 3
MAX_OF_WORDS = 3  # capitalised words after the "of" of a title: "Chief of General Staff"
_I_BRAND = re.compile(r"^i[A-Z]")  # iPhone, iOS, iTunes: the lower-case i that names products
_PAREN_NAME = re.compile(r"\s*\(\s*(?P<name>[A-Z][\w'’-]+)\s*(?:,\s*(?P<role>[^()]{3,120}?))?\s*\)")


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


def find_mentions(paragraphs: list[ParsedParagraph]) -> list[NameMention]:
    """Every name mention of the parsed paragraphs, in text order."""
    vocab = entity_vocabulary()
    found: list[NameMention] = []
    for para in paragraphs:
        found.extend(_paragraph_mentions(para, vocab))
    found.sort(key=lambda m: m.start)
    return found


def _paragraph_mentions(para: ParsedParagraph, vocab: EntityVocabulary) -> list[NameMention]:
    doc = para.doc
    out: list[NameMention] = []
    taken: set[int] = set()
    lines = datelines(para) if rules.enabled("datelines") else {}
    nicknamed = _nicknamed_people(para, vocab) if rules.enabled("quoted_nicknames") else []
    for mention, first, last in nicknamed:
        out.append(mention)
        taken.update(range(first, last))
    for ent in doc.ents:
        kind = spacy_type(ent.label_, ent.text)
        if kind is None or nicknamed and taken.intersection(range(ent.start, ent.end)):
            continue
        first, last = ent.start, ent.end
        if first in lines:  # 'TOKYO (Reuters) -', 'BRASILIA - Central bank of ...': the dateline's town
            place_end, rest = lines[first]
            town = _mention(para, first, min(place_end, last), "place")
            if town.text.isupper():
                town.name = town_name(town.text)  # 'JERUSALEM' goes by 'Jerusalem', as the body writes it
            out.append(town)
            taken.update(range(first, min(place_end, last)))
            if rest >= last:
                continue
            first = rest
        while first < last and doc[first].lower_ in ("the", "a", "an"):
            first += 1
        if rules.enabled("name_edges"):
            first, last = _inside_marks(doc, first, last)
        if kind == "person" and first == ent.start and rules.enabled("given_name_before") \
                and _given_name_before(doc, first, vocab):
            first -= 1  # 'the Martin [Luther King Jr.] holiday', 'singer-songwriter Carly [Simon]'
        possessive = False
        while last > first and doc[last - 1].text in ("’s", "'s", "’", "'"):
            last -= 1
            possessive = True
        if kind == "person":  # "Mira’s Falcon", "Lena Ortmann - See": the name ends at a possessive or a lone dash
            last = next((t.i for t in doc[first + 1:last] if t.text in ("’s", "'s")
                         or (t.text == "-" and doc[t.i - 1].whitespace_)), last)  # "Ben-David" is one name
        if first >= last or (last - first == 1 and _currency_code(doc, first)):
            continue
        if first > 0 and doc[first - 1].text == "#" and not doc[first - 1].whitespace_ and rules.enabled("hashtags") \
                and not designated([t.text for t in doc[first:last]]):
            kind = THING  # '#MeToo', '#BlackLivesMatter': a hashtag names a movement or a topic (not '#Acme, Inc.')
        if kind == THING:  # a product, work or event: no entity, but a vote on the name's type (type_agreement)
            out.append(_mention(para, first, last, THING))
            taken.update(range(first, last))
            continue
        if possessive and kind == "place" and last - first == 1 and ent.label_ == "FAC" \
                and rules.enabled("possessive_place"):
            kind = "person"  # "Rachel's house": a person's place, named by the person
        kind = retype(doc, first, last, kind)
        if kind == DROP:
            continue
        firm = kind in ("person", "place") and rules.enabled("known_firms") \
            and _known_firm(doc, first, last, kind, vocab)
        if firm:
            kind = "organization"  # 'Atlassian' typed a person, 'Glencore' a place: listed companies
        mention = _typed_mention(para, first, last, kind, vocab)
        if mention is not None and firm:
            mention.firm, mention.firm_from = True, spacy_type(ent.label_, ent.text)
        if mention is not None and ent.label_ == "NORP":
            mention.name = place_of(mention.text)
        if mention is not None:
            out.append(mention)
            taken.update(range(first, last))
    for first, last in places_named_by_noun(doc, taken) + places_named_by_street(doc, taken):
        out.append(_mention(para, first, last, "place"))
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
    quotes = QuoteRegions(para.text)
    for mention in out:
        mention.in_quote = quotes.inside(mention.start - para.offset)
    return out


_QUOTE_TOKENS = frozenset(QUOTE_CHARS)  # a token that is one quotation mark


def _nicknamed_people(para: ParsedParagraph, vocab: EntityVocabulary) -> list[tuple[NameMention, int, int]]:
    """A person named with a nickname in quotation marks or brackets between given name and surname: one mention
    of the whole (the model splits it, or keeps only the surname), its tokens taken from the model's tags. Not a
    news agency in brackets after a dateline's town ('Sydney (Reuters) Police said'); in a headline or a line in
    title case, a surname of one word ('Vincent "The Chin" Gigante Dies')."""
    second = para.role != "headline" and not title_case(para.text)
    found = []
    for m in NICKNAMED.finditer(para.text):
        whole = nickname_match(m, second)
        if whole is None or (m["n5"] and m["n5"] in vocab.outlets):
            continue
        span = para.doc.char_span(m.start(), whole.end(), alignment_mode="expand")
        if span is None:
            continue
        mention = _typed_mention(para, span.start, span.end, "person", vocab)
        if mention is not None and mention.type == "person":
            found.append((mention, span.start, span.end))
    return found


def _given_name_before(doc, first: int, vocab: EntityVocabulary) -> bool:
    """The word before a person's name is a given name the model left out: a proper noun in title case (or in
    capitals before a name in capitals: not the 'UN' of 'to the UN Linda Thomas-Greenfield'), in no entity, no
    title ('Governor'), no word in common use ('the Diamond Jubilee'), and not opening its sentence."""
    if first == 0:
        return False
    t = doc[first - 1]
    return t.ent_iob_ == "O" and t.pos_ == "PROPN" and not t.is_sent_start \
        and (t.text.istitle() or t.text.isupper() and len(t) > 3 and doc[first].text.isupper()) \
        and t.lower_ in given_names() and t.lower_ not in vocab.title_words \
        and t.lower_ not in word_classes()["in_use"]


def _inside_marks(doc, first: int, last: int) -> tuple[int, int]:
    """The name without the quotation marks at its edges ("'Oxygen Bar'") and without a bracket it opens but does not
    close ('England (Group A' of 'England (Group A winners)')."""
    while first < last and doc[first].text in _QUOTE_TOKENS:
        first += 1
    while last > first and doc[last - 1].text in _QUOTE_TOKENS:
        last -= 1
    opened = next((t.i for t in doc[first:last] if t.text == "("), None)
    if opened is not None and opened > first and not any(t.text == ")" for t in doc[opened:last]) \
            and not (opened + 1 < last and YEAR.match(doc[opened + 1].text)):  # 'Jules et Jim (1962': a film's
        last = opened  # title with its year is no one's name, and stays whole
    return first, last


def _exchanges(para: ParsedParagraph, out: list[NameMention], taken: set[int]) -> list[NameMention]:
    """'(LSE: BOO)': the exchange before a ticker is an organisation, whatever the model said of it."""
    for first, last in ticker_exchanges(para):
        exchange = _mention(para, first, last, "organization")
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
        ticker = _mention(para, symbol.start, symbol.end, "organization")
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
        firm = _mention(para, first, last, "organization")
        firm.firm, firm.firm_from = True, THING  # gone again where the article refuses the reading (`harmonize`)
        out = [m for m in out if not (firm.start <= m.start and m.end <= firm.end)] + [firm]
        taken.update(range(first, last))
    return out


def _last_token(mention: NameMention) -> int:
    """The token after a mention's last one."""
    span = mention_span(mention, alignment_mode="expand")
    return span.end if span is not None else mention.first_token + 1


def _known_firm(doc, first: int, last: int, kind: str, vocab: EntityVocabulary) -> bool:
    """A listed company's name the model typed a person or a place, not after a title ('Mr Vinci'), one word after
    'the' ('the Amazon') or a place before a comma and a region ('Bristow, VA')."""
    if not known_firm(doc[first:last].text, kind):
        return False
    before = doc[first - 1].lower_ if first else ""
    return before.rstrip(".") not in vocab.title_first_words and not (last - first == 1 and before == "the") \
        and not (kind == "place" and before_region(doc, last))


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
    return _mention(para, first, last, "organization") if first < last else None


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


def _i_brand(word: str) -> bool:
    """'iPhones', 'iTunes', 'iOS': a lower-case 'i' before a common noun (WordNet's); not 'iHeartMedia', 'iFixit'."""
    if not _I_BRAND.match(word):
        return False
    classes = word_classes()
    rest = re.sub(r"[^a-z]", "", word[1:].lower())  # 'iCloud+
    return any(w in classes[c] for w in (rest, rest[:-1] if rest.endswith("s") else rest)
               for c in ("nouns", "census_nouns", "person_nouns"))  # 'Cloud' and 'Mac' are Census surnames too


def _typed_mention(para: ParsedParagraph, first: int, last: int, kind: str,
                   vocab: EntityVocabulary) -> NameMention | None:
    doc = para.doc
    if rules.enabled("vessel_names") and _after_vessel_noun(doc, first, vocab):
        return _mention(para, first, last, THING)  # 'the ferry Island Star': a ship's name, no entity
    named = _name_after_portfolio(doc, first, last, vocab) if rules.enabled("titles") else None
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
        return _mention(para, first, last, THING)  # 'iPhones', 'iTunes Music Store': a product, no entity
    described = (kind != "person" or place_by_form(text.split())) and rules.enabled("described_as_person") \
        and not designated(text.split()) and _described_as_person(doc, first, last, vocab)  # 'Ngozi Street, a nurse
    if described:
        kind = "person"  # "Itamar Alus, the police officer who ..." tagged as a place, or "Sergeant Lena Torvik" as an org
    elif kind != "person" and rules.enabled("titled_names") and _titled_name(doc, first, last, vocab):
        kind = "person"  # 'Very Rev Ada Marsh' tagged an organisation: a title, then a given name and more
    if kind == "person":
        if rules.enabled("role_tail") and _ends_with_a_role(doc[last - 1], vocab):
            return None  # "Virginia Governor(s)", "the Apple CEO": a role, no person's name
        n = _leading_title_length(doc, first, last, vocab) if rules.enabled("titles") else 0
        skip = _swallowed(doc, first + n, last) if n < last - first else 0
        if n + skip >= last - first:
            return None
        mention = _mention(para, first + n + skip, last, "person")
        if skip:
            first, n = first + n + skip, 0  # a title before the team ("Browns DL") is not this person's
        if rules.enabled("titles"):
            _attach_titles(mention, doc, first, n, vocab)
        if rules.enabled("parenthesis_name"):
            _join_parenthesis(mention, para)
        mention.described = described
        return mention
    if kind == "organization":
        if rules.enabled("titles") and (all(t.lower_ in vocab.title_words for t in doc[first:last]) or (
                last < len(doc) and doc[last].ent_type_ == "PERSON" and _leading_title_length(doc, first, last, vocab))):
            return None
        if rules.enabled("title_and") and _bridges_and(doc, first) and _leading_title_length(doc, last, len(doc), vocab):
            first = _modifiers_before(doc, first - 2)  # 'Fire and [Rescue] Commissioner': the service's whole name
        return _mention(para, first, last, "organization")
    extended = _organization_head(doc, last, vocab) if rules.enabled("organization_heads") else None
    if extended:
        return _mention(para, first, extended, "organization")
    return _mention(para, first, last, kind)


def _name_after_portfolio(doc, first: int, last: int, vocab: EntityVocabulary) -> int | None:
    """Where the person's name starts in an entity the model ran over a title's portfolio ('[Secretary of] State
    for Housing Ans Meulen', '[Minister for] Transport Lena Okafor'): after "for", the first given name, or else
    the last two words, when a title ends right before it and no word of the name is a common noun."""
    if last - first < 2:
        return None
    at = first - 1 if first > 0 and doc[first - 1].lower_ == "for" else next(
        (t.i for t in doc[first:last - 2] if t.lower_ == "for"), None)
    if at is None or last - at < 4:
        return None
    start = next((t.i for t in doc[at + 2:last - 1] if t.lower_ in given_names()), last - 2)
    if not all(t.is_title and t.pos_ == "PROPN" for t in doc[at + 1:last]) or start - at > MAX_OF_WORDS + 1 \
            or any(t.lower_ in word_classes()["nouns"] and t.lower_ not in given_names() for t in doc[start:last]):
        return None  # '[Minister for] Energy Transition Agency': no one's name
    return start if _title_before(doc, start, vocab) <= first else None


PLURAL_MARK = re.compile(r"\((?:e?s)\)?$")  # "Governor(s)": the tokenizer keeps "(s" on the word


def _ends_with_a_role(last, vocab: EntityVocabulary) -> bool:
    """A person's entity ending in a common noun that names a role ('Governor(s', 'CEO') holds no name: the
    tagger took a place or company and its office for a person. A capitalised name that is also a role word
    ('Martin Luther King', 'John Major') is tagged a proper noun and stays."""
    word = PLURAL_MARK.sub("", last.lower_)
    return last.pos_ == "NOUN" and (word in vocab.role_heads or word in vocab.title_heads)


PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "person", "mother", "father", "wife", "husband", "son",
                          "daughter", "resident", "victim", "survivor"})


DETERMINED = frozenset({"the", "a", "an", "this", "that"})  # a person's name takes none ('the Rams, who')
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside"})
PLACES = frozenset({"GPE", "LOC", "FAC"})


def _described_as_person(doc, first: int, last: int, vocab: EntityVocabulary) -> bool:
    """A name the model typed as a place or organisation that the text describes as a person.

    Not a name written after a determiner ('the Harriers, who', 'a Ministry who'), a place after a preposition
    of place (the 'who' of 'a farmer in western Ardale, who' is the farmer's), or a title opening a
    place's or an organisation's name ('Judge Harbour', 'Bishop Square') (`described_guards`).
    """
    span = doc[first:last]
    guarded = rules.enabled("described_guards")
    if guarded and first > 0 and doc[first - 1].lower_ in DETERMINED and doc[first - 1].pos_ == "DET":
        return False  # not 'that' opening a clause ('told that Hollis, 30, ...')
    lead = _leading_title_length(doc, first, last, vocab)
    if lead and lead < last - first and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                            for t in doc[first + lead:last]) and last - first - lead <= 3:
        return not (guarded and span[-1].text in vocab.name_heads)
    if _age_follows(doc, last):
        return True  # "Pruitt, 49, took the keys"
    root = span.root
    if guarded and root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS and root.ent_type_ in PLACES:
        return False
    if root.dep_ == "appos" and root.head.i < first and root.head.lemma_.lower() in vocab.role_heads | PERSON_NOUNS:
        return True  # "the team's coach, Mo Cheeks,"
    for child in root.children:
        if child.i >= last and child.dep_ == "appos" and (child.lemma_.lower() in vocab.role_heads
                                                          or child.lemma_.lower() in PERSON_NOUNS):
            if rules.enabled("firm_appositions") and firm_apposition(doc, last, child):
                return False
            return not any(t.lower_ in ("police", "army", "city", "town") and t.i == child.i for t in span)
        if child.i >= last and child.dep_ == "relcl" and any(t.lower_ == "who" for t in child.children):
            return True
    return False


MAX_AGE = 115


def _age_follows(doc, last: int) -> bool:
    """A name followed by an age between commas: 'Raj Chohan, 59, of Queens'."""
    if last + 2 >= len(doc) or doc[last].text != "," or not doc[last + 1].is_digit:
        return False
    return 0 < int(doc[last + 1].text) <= MAX_AGE and doc[last + 2].text in (",", ")")


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "conj", "ROOT"})


def _swallowed(doc, first: int, last: int) -> int:
    """Leading words of a person's entity that are not the name: a team and position ('Browns DL' Jane Roe),
    or the verb of an opening participle ('Questioning' Roe, the panel ...)."""
    for k in range(last - 3, first - 1, -1):
        t = doc[k]
        if t.is_alpha and t.is_upper and 2 <= len(t) <= 3 and all(x.is_title for x in doc[k + 1:last]):
            return k + 1 - first  # "DL", "QB": a position, and the team before it
    head = doc[first]
    root = doc[first:last].root
    if head.is_sent_start and head.lower_.endswith("ing") and head.text[1:].islower() and last - first >= 2 \
            and root.dep_ not in SUBJECT_DEPS and last < len(doc) and doc[last].text == ",":
        return 1
    return 0


def _mention(para: ParsedParagraph, first: int, last: int, kind: str) -> NameMention:
    doc = para.doc
    start, end = para.span(doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))
    return NameMention(start, end, para.text[start - para.offset:end - para.offset], kind, para, first)


def _leading_title_length(doc, first: int, last: int, vocab: EntityVocabulary) -> int:
    """How many tokens at the start of doc[first:last] form a title."""
    if first >= last or doc[first].lower_.rstrip(".") not in vocab.title_first_words:
        return 0
    pieces = _pieces(doc, first, first + min(vocab.max_title_words + 2, last - first))
    for n in range(len(pieces), 0, -1):
        if _squeezed(pieces[:n]) in vocab.titles:
            if n == 1 and first + 1 < len(doc) and rules.enabled("generations") \
                    and generation([doc[first].text, doc[first + 1].text]):
                return 0  # 'Gen Z': a generation, no general
            return n
    return 0


def _pieces(doc, first: int, last: int) -> list[str]:
    """The tokens of doc[first:last] as written, each with its trailing space."""
    return [doc[k].text_with_ws for k in range(first, last)]


def _squeezed(pieces: list[str]) -> str:
    """The tokens whose `_pieces` these are as one lower-case text, spaces squeezed: 'Lt.-Col' '.' -> 'lt.-col.'
    (what a Span's text gives, without building the Span)."""
    return " ".join("".join(pieces).split()).lower()


def _title_before(doc, first: int, vocab: EntityVocabulary) -> int:
    """Where a title written right before doc[first] starts ('Secretary of State' Anna Vogel), or `first`.

    A title's "of" or "for" phrase may name a body or a portfolio the vocabulary does not list ('Chief of General
    Staff', 'Minister for Foreign Affairs', 'Secretary of State for Health'): a title head and "of" or "for", or a
    title before "for" (listed, or a head's own "of" phrase: 'Minister of State for Trade'), then up to three
    capitalised words.
    """
    listed = _listed_title_before(doc, first, vocab)
    if listed is not None:
        return listed
    k = first
    while k > 0 and first - k < MAX_OF_WORDS and doc[k - 1].is_title and doc[k - 1].pos_ == "PROPN" \
            and (doc[k - 1].ent_type_ != "PERSON" or doc[k].ent_iob_ == "I"):  # not into another person's name
        k -= 1
    if k == first or k < 2 or doc[k - 1].lower_ not in ("of", "for") or not doc[k - 2].is_title:
        return first
    if doc[k - 2].lower_ in vocab.title_heads:
        return k - 2
    before = _title_before(doc, k - 1, vocab) if doc[k - 1].lower_ == "for" else k - 1
    return before if before < k - 1 else first  # 'Minister of State' 'for Trade'


def _listed_title_before(doc, first: int, vocab: EntityVocabulary) -> int | None:
    """Where a title of the vocabulary ending right before doc[first] starts, if one does."""
    if first == 0 or (doc[first - 1].lower_ not in vocab.title_last_words and doc[first - 1].text != "."):
        return None
    longest = min(vocab.max_title_words + 2, first)
    pieces = _pieces(doc, first - longest, first)
    return next((first - n for n in range(longest, 0, -1) if _squeezed(pieces[longest - n:]) in vocab.titles), None)


def _attach_titles(mention: NameMention, doc, first: int, inside: int, vocab: EntityVocabulary) -> None:
    """Titles inside the entity and right before it; capitalised words before a title stay with it."""
    start = _title_before(doc, first, vocab) if inside == 0 else first
    if start == first and inside == 0:
        return
    head, start = start, _modifiers_before(doc, start)
    if start < head and rules.enabled("title_and") and _bridges_and(doc, start):  # 'Health and Human Services Secretary'
        start = _modifiers_before(doc, start - 2)
    if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_sent_start and doc[start - 1].text[:1].isupper():
        start -= 1
    title = doc[start:first + inside].text
    if title.islower() and title.split()[-1] in vocab.kinship:
        return  # 'my brother Jon': a relative, not the religious title of 'Brother Jon'
    if canonical_title(title) is not None:  # "Mr.", "Dr.": a form of address, split from the name but no title
        mention.titles.append(title)
        mention.title_start = mention.para.offset + doc[start].idx


def _modifiers_before(doc, start: int) -> int:
    """Where the capitalised words that stay with a title starting at doc[start] ('Transport' Secretary) start."""
    while start > 0 and _title_modifier(doc[start - 1]):
        start -= 1
    return start


def _title_modifier(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in _NOT_MODIFIERS \
        and not token.is_sent_start


_NOT_MODIFIERS = ("PERSON", "DATE", "TIME")  # 'On Tuesday' Fire Commissioner Dan Orvell


def _bridges_and(doc, start: int) -> bool:
    """Whether the title's capitalised words at doc[start] are the second of two joined by "and" or "&" ('Fire
    and' Rescue Commissioner), not a title after another person ('Salazar and' Commerce Secretary)."""
    return start > 1 and doc[start - 1].lower_ in ("and", "&") and doc[start].pos_ == "PROPN" \
        and doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper() \
        and doc[start - 2].ent_type_ not in _NOT_MODIFIERS + ("GPE", "NORP")


def _join_parenthesis(mention: NameMention, para: ParsedParagraph) -> None:
    """'Shachar (Butzhak, head of ...)': the surname and the role given in the parenthesis."""
    rest = para.text[mention.end - para.offset:]
    m = _PAREN_NAME.match(rest)
    if m and rules.enabled("parenthesis_guards") and (m.group("name").isupper() or gazetteer_place(m.group("name"))
                                                       or region_name(m.group("name"))):
        return  # 'Magadi (Kenya)', 'Indian (NRI)': a place or an acronym, no other name of the person
    if m and len(mention.text.split()) == 1:
        mention.extra_name = m.group("name")
        mention.role = m.group("role")


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


def _titled_name(doc, first: int, last: int, vocab: EntityVocabulary) -> bool:
    """A title, then two or more capitalised words opening with a given name: a person's name, whatever the tag."""
    n = _leading_title_length(doc, first, last, vocab)
    words = [t.text for t in doc[first + n:last]]
    return bool(n) and len(words) >= 2 and opens_with_given_name(words) and not designated(words) \
        and all(w[:1].isupper() for w in words)


def _titled_people(para: ParsedParagraph, taken: set[int], vocab: EntityVocabulary) -> list[NameMention]:
    """People spaCy missed: capitalised names right after a title ('Rabbi Shachar')."""
    doc, out = para.doc, []
    i = 0
    for first in [k for k in lower_positions(doc, vocab.title_first_words, ".") if not doc[k].text[:1].islower()]:
        if first < i:
            continue  # inside a title or a name already read
        i = first
        n = _leading_title_length(doc, i, len(doc), vocab)
        if not n:
            continue
        j = i + n
        k = j
        while k < len(doc) and k - j < MAX_NAME_TOKENS_AFTER_TITLE and doc[k].pos_ == "PROPN" \
                and doc[k].text[:1].isupper() and k not in taken and doc[k].lower_ not in vocab.title_words:
            k += 1
        if k > j and not any(t in taken for t in range(j, k)) and rules.enabled("title_firms") \
                and designated([t.text for t in doc[i:k]]):
            out.append(_mention(para, i, k, "organization"))  # 'General Motors': a firm's name, no general
            taken.update(range(i, k))
            i = k
        elif k > j and not any(t in taken for t in range(j, k)) and not (
                rules.enabled("titled_heads") and doc[k - 1].text in vocab.name_heads
                and not opens_with_given_name([t.text for t in doc[j:k]])):  # 'Premier League', not 'Sam Lake'
            mention = _mention(para, j, k, "person")
            _attach_titles(mention, doc, i, n, vocab)
            written = doc[i:j].text
            mention.titles = [written] if canonical_title(written) is not None else []
            mention.title_start = para.offset + doc[i].idx if mention.titles else None
            _join_parenthesis(mention, para)
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
        out.append(_mention(para, span.start, span.end, "organization"))
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
