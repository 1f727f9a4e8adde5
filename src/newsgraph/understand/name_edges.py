"""Where a name starts and ends in spaCy's entity, and what the words at its edges say of it; read from the parse.

1. The name's edges (`trim_to_name`): no article, quotation mark or unclosed bracket at them; a given name the
   model left out before a person's name taken in ("the Martin [Luther King Jr.] holiday"); a possessive or a lone
   dash ends it ("Mira's Falcon", "Lena Ortmann - See").
2. Titles and ranks before a person's name or inside the entity ("Israel Police Commissioner Danny Levy"), with
   the capitalised words that stay with them and two joined by "and" ("Health and Human Services Secretary"),
   are split from the name (`leading_title_length`, `attach_titles`); a title's portfolio the model ran into the
   name is cut off it ("[Secretary of] State for Housing Ans Meulen"), and so are a team and a position before it
   ("Browns DL"). An entity ending in a role ("Virginia Governor") holds no name.
3. A name the model typed a place or an organisation is a person's when a title and a given name open it, or
   when the text describes a person there: an age ("Pruitt, 49,"), an apposition ("the team's coach, Mo Cheeks")
   or a 'who' clause (`described_as_person`).
4. A surname and a role in brackets after a name ("Shachar (Butzhak, head of ...)") join it (`join_parenthesis`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import rules
from .attribution import QUOTE_CHARS
from .context import running_line
from .entity_types import designated
from .name_evidence import (YEAR, english_word, gazetteer_place, given_names, opens_with_given_name, region_name,
                            surname_place)
from .name_use import generation, word_classes
from .titles import canonical_title, written_before_titles
from .vocab import EntityVocabulary
from .wire_names import firm_apposition

if TYPE_CHECKING:
    from .context import ParsedParagraph
    from .names import NameMention

MAX_OF_WORDS = 3  # capitalised words after the "of" of a title: "Chief of General Staff"
_PAREN_NAME = re.compile(r"\s*\(\s*(?P<name>[A-Z][\w'’-]+)\s*(?:,\s*(?P<role>[^()]{3,120}?))?\s*\)")
_NAME_GOES_ON = re.compile(r" (?P<name>[A-Z][a-z][\w'’-]*)")
_QUOTE_TOKENS = frozenset(QUOTE_CHARS)  # a token that is one quotation mark
_NAME_END_MARKS = _QUOTE_TOKENS | {",", ";", ":"}  # no name ends with these: spaCy takes the comma after a list's name


def trim_to_name(doc, ent, first: int, last: int, kind: str, vocab: EntityVocabulary) -> tuple[int, int]:
    """Where the name in doc[first:last], of spaCy's entity `ent`, starts and ends: after an article and quotation
    marks, with a given name the model left out before a person's, and before a possessive (inside a person's name
    too) or a lone dash; never on a space ('HARWICK -  The council': the model may label a run of spaces)."""
    while first < last and doc[first].lower_ in ("the", "a", "an"):
        first += 1
    if rules.enabled("name_edges"):
        first, last = _inside_marks(doc, first, last)
    if kind == "person" and first == ent.start and rules.enabled("given_name_before") \
            and _given_name_before(doc, first, vocab):
        first -= 1  # 'the Martin [Luther King Jr.] holiday', 'singer-songwriter Carly [Simon]'
    while last > first and doc[last - 1].text in ("’s", "'s", "’", "'"):
        last -= 1
    if kind == "person":  # "Mira’s Falcon", "Lena Ortmann - See": the name ends at a possessive or a lone dash
        last = next((t.i for t in doc[first + 1:last] if t.text in ("’s", "'s")
                     or (t.text == "-" and doc[t.i - 1].whitespace_)), last)  # "Ben-David" is one name
    while first < last and doc[first].is_space:
        first += 1
    while last > first and doc[last - 1].is_space:
        last -= 1
    return first, last


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
    """The name without the quotation marks at its edges ("'Oxygen Bar'"), a comma, semicolon or colon at its end
    ('Blue Origin,' of a list; `trailing_marks`) and a bracket it opens but does not close ('England (Group A' of
    'England (Group A winners)')."""
    while first < last and doc[first].text in _QUOTE_TOKENS:
        first += 1
    marks = _NAME_END_MARKS if rules.enabled("trailing_marks") else _QUOTE_TOKENS
    while last > first and doc[last - 1].text in marks:
        last -= 1
    opened = next((t.i for t in doc[first:last] if t.text == "("), None)
    if opened is not None and opened > first and not any(t.text == ")" for t in doc[opened:last]) \
            and not (opened + 1 < last and YEAR.match(doc[opened + 1].text)):  # 'Jules et Jim (1962': a film's
        last = opened  # title with its year is no one's name, and stays whole
    return first, last


def leading_title_length(doc, first: int, last: int, vocab: EntityVocabulary) -> int:
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
    k, joined = first, rules.enabled("title_and")
    while k > 0 and first - k < MAX_OF_WORDS + joined * 2 and (
            (doc[k - 1].is_title and doc[k - 1].pos_ == "PROPN"
             and (doc[k - 1].ent_type_ != "PERSON" or doc[k].ent_iob_ == "I"))  # not into another person's name
            or (joined and k >= 2 and k < first and doc[k - 1].lower_ in ("and", "&") and doc[k - 2].is_title
                and doc[k - 2].pos_ == "PROPN")):  # 'Secretary of Health and Human Services' Xavier Okafor
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


def attach_titles(mention: NameMention, doc, first: int, inside: int, vocab: EntityVocabulary) -> None:
    """Titles inside the entity and right before it; capitalised words before a title stay with it."""
    start = _title_before(doc, first, vocab) if inside == 0 else first
    if start == first and inside == 0:
        return
    head, start = start, _words_before_title(doc, start)
    if start < head and rules.enabled("title_and") and bridges_and(doc, start):  # 'Health and Human Services Secretary'
        start = modifiers_before(doc, start - 2)
    if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_sent_start and doc[start - 1].text[:1].isupper():
        start -= 1
    title = doc[start:first + inside].text
    if title.islower() and title.split()[-1] in vocab.kinship:
        return  # 'my brother Jon': a relative, not the religious title of 'Brother Jon'
    if canonical_title(title) is not None:  # "Mr.", "Dr.": a form of address, split from the name but no title
        mention.titles.append(title)
        mention.title_start = mention.para.offset + doc[start].idx


def _words_before_title(doc, start: int) -> int:
    """Where the words that stay with a title starting at doc[start] start: capitalised words (`modifiers_before`)
    and, under `title_modifiers`, a modifier before a word in lower case ('Acme chief executive', 'shadow
    chancellor'; not 'under Mr', 'general Sir') and a qualifier before any word but a form of address ('former
    Culture Secretary'; not 'the late Mr'), unless it opens the sentence as an adverb ('Then Acme CEO ...')."""
    moved = modifiers_before(doc, start)
    if not rules.enabled("title_modifiers"):
        return moved
    modifiers, qualifiers, address = written_before_titles()
    while moved > 0 and (word := doc[moved - 1]).is_alpha and (
            word.lower_ in modifiers and doc[moved].is_lower
            or word.lower_ in qualifiers and doc[moved].lower_.rstrip(".") not in address
            and not (word.is_sent_start and word.pos_ == "ADV")):  # 'Then Acme CEO Ada Quill said': no then-CEO
        moved = modifiers_before(doc, moved - 1)
    return moved


def modifiers_before(doc, start: int) -> int:
    """Where the capitalised words that stay with a title starting at doc[start] ('Transport' Secretary) start; a
    word hyphened to the first of them stays too ('T-Mobile' CEO, not 'Mobile CEO'; 'In-N-Out' owner)."""
    while start > 0 and _title_modifier(doc[start - 1]):
        start -= 1
        while start >= 2 and _hyphened(doc, start - 1):
            start -= 2
    return start


def _hyphened(doc, k: int) -> bool:
    """doc[k] is a hyphen written between two words without spaces, the first capitalised ('T-Mobile')."""
    return doc[k].text in ("-", "‐") and not doc[k].whitespace_ and not doc[k - 1].whitespace_ \
        and doc[k - 1].text[:1].isupper()


def _title_modifier(token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in _NOT_MODIFIERS \
        and not token.is_sent_start


_NOT_MODIFIERS = ("PERSON", "DATE", "TIME")  # 'On Tuesday' Fire Commissioner Dan Orvell


def bridges_and(doc, start: int) -> bool:
    """Whether the title's capitalised words at doc[start] are the second of two joined by "and" or "&" ('Fire
    and' Rescue Commissioner), not a title after another person ('Salazar and' Commerce Secretary), nor after a
    name the model tags ('Rubio and' Ohio Gov.) unless it tags one body and the word before is English ('Health
    and' Human Services)."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "&") or doc[start].pos_ != "PROPN":
        return False
    before = doc[start - 2]
    if before.pos_ != "PROPN" or not before.text[:1].isupper() or before.ent_type_ in _NOT_MODIFIERS + ("GPE", "NORP"):
        return False
    return not before.ent_type_ or doc[start - 1].ent_iob_ == "I" and english_word(before.lower_)


def name_after_portfolio(doc, first: int, last: int, vocab: EntityVocabulary) -> int | None:
    """Where the person's name starts in an entity the model ran over a title's portfolio ('[Secretary of] State
    for Housing Ans Meulen', '[Minister for] Transport Lena Okafor'): after "for", the first given name, or else
    the last two words, when a title ends right before it and no word of the name is a common noun."""
    if rules.enabled("title_and"):
        joined = _name_after_joined_portfolio(doc, first, last, vocab)
        if joined is not None:
            return joined
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


def _name_after_joined_portfolio(doc, first: int, last: int, vocab: EntityVocabulary) -> int | None:
    """Where the person's name starts in an entity the model ran over the second half of a portfolio joined by
    'and' ('[Minister of Mines and] Energy Sutomo', '[Secretary of] Housing and Urban Development Mara Fudd'): the
    first word after the 'and' that is a given name or no English word, when a title head and its 'of' or 'for'
    come before, every word between is capitalised and no designator ends the entity ('... Trust Ltd')."""
    joins = [t.i for t in doc[max(first - 1, 0):last - 1] if t.lower_ in ("and", "&")]
    if not joins or joins[0] + 1 >= last or designated([t.text for t in doc[first:last]]):
        return None  # 'President of [Orlan Investment and Trust Ltd]': a firm
    k = joins[0]
    while k > 0 and joins[0] - k < MAX_OF_WORDS and doc[k - 1].is_title and doc[k - 1].pos_ == "PROPN":
        k -= 1
    if k == joins[0] or k < 2 or doc[k - 1].lower_ not in ("of", "for") or doc[k - 2].lower_ not in vocab.title_heads:
        return None
    start = next((t.i for t in doc[joins[0] + 1:last]
                  if t.lower_ in given_names() or not english_word(t.lower_)), None)
    if start is None or start == joins[0] + 1 or start < first or start - joins[0] > MAX_OF_WORDS + 1 \
            or not all(t.is_title and t.pos_ == "PROPN" for t in doc[joins[0] + 1:last]):
        return None
    return start


PLURAL_MARK = re.compile(r"\((?:e?s)\)?$")  # "Governor(s)": the tokenizer keeps "(s" on the word


def ends_with_a_role(last, vocab: EntityVocabulary) -> bool:
    """A person's entity ending in a common noun that names a role ('Governor(s', 'CEO') holds no name: the
    tagger took a place or company and its office for a person. A capitalised name that is also a role word
    ('Martin Luther King', 'John Major') is tagged a proper noun and stays."""
    word = PLURAL_MARK.sub("", last.lower_)
    return last.pos_ == "NOUN" and (word in vocab.role_heads or word in vocab.title_heads)


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "appos", "conj", "ROOT"})


def swallowed(doc, first: int, last: int) -> int:
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


def titled_name(doc, first: int, last: int, vocab: EntityVocabulary) -> bool:
    """A title, then two or more capitalised words opening with a given name: a person's name, whatever the tag;
    not after a title that is a given name too ('Dean Smith Center', 'King James Bible': named after someone)."""
    n = leading_title_length(doc, first, last, vocab)
    words = [t.text for t in doc[first + n:last]]
    return bool(n) and not (n == 1 and doc[first].lower_ in given_names()) and len(words) >= 2 \
        and opens_with_given_name(words) and not designated(words) and all(w[:1].isupper() for w in words)


PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "person", "mother", "father", "wife", "husband", "son",
                          "daughter", "resident", "victim", "survivor"})


DETERMINED = frozenset({"the", "a", "an", "this", "that"})  # a person's name takes none ('the Rams, who')
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside"})
PLACES = frozenset({"GPE", "LOC", "FAC"})


def described_as_person(doc, first: int, last: int, vocab: EntityVocabulary) -> bool:
    """A name the model typed as a place or organisation that the text describes as a person.

    Not a name written after a determiner ('the Harriers, who', 'a Ministry who'), a place after a preposition
    of place (the 'who' of 'a farmer in western Ardale, who' is the farmer's), or a title opening a
    place's or an organisation's name ('Judge Harbour', 'Bishop Square') (`described_guards`).
    """
    span = doc[first:last]
    guarded = rules.enabled("described_guards")
    if guarded and first > 0 and doc[first - 1].lower_ in DETERMINED and doc[first - 1].pos_ == "DET":
        return False  # not 'that' opening a clause ('told that Hollis, 30, ...')
    lead = leading_title_length(doc, first, last, vocab)
    if lead and lead < last - first and all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                            for t in doc[first + lead:last]) and last - first - lead <= 3:
        return not (guarded and span[-1].text in vocab.name_heads)
    if _age_follows(doc, last):
        return True  # "Pruitt, 49, took the keys"
    if rules.enabled("gazetteer_descriptions") and (gazetteer_place(span.text) or (
            rules.enabled("surname_places") and surname_place(span.text, country=True))):
        return False  # 'Venezuela, a member of OPEC,': a country, which no person is named; 'China, who
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


def join_parenthesis(mention: NameMention, para: ParsedParagraph) -> None:
    """'Shachar (Butzhak, head of ...)': the surname and the role given in the parenthesis."""
    rest = para.text[mention.end - para.offset:]
    m = _PAREN_NAME.match(rest)
    if m and rules.enabled("parenthesis_guards") and (m.group("name").isupper() or gazetteer_place(m.group("name"))
                                                       or region_name(m.group("name"))):
        return  # 'Magadi (Kenya)', 'Indian (NRI)': a place or an acronym, no other name of the person
    if m and len(mention.text.split()) == 1:
        after = None if m.group("role") else _NAME_GOES_ON.match(rest, m.end())
        mention.extra_name = (after or m).group("name")  # 'Kimani (Kiki) Gray': the nickname, then the surname
        if after and running_line(para):  # the same lines as `entity_mentions` reads a nickname in
            mention.nickname = m.group("name")
        mention.role = m.group("role")
