"""Evidence from the words around a name that a 'person' is something else, or that words ran onto the name.

What a name is called, what it modifies and what sticks to it tell a work, a shop or a phrase from a person.
Each family sits behind its own switch (`rules.py`):

1. `run_on_words`: a person's name never takes in a pronoun or a modal written in lower case, or inside a name of a
   title-case line ("Painters You Should"; never a regnal "I" after a given name, nor "Can", a name too), a
   following verb of a headline ("Dorian Valecki Hits"), an opening gerund ("Painting Fowler") or a common word
   before a given name ("Backup Rollo Tanner"): the name ends or starts without them; a name ending with a plural
   common noun is no person ("Ozark Democrats" is a group, an organisation), nor one ending with "State" ("Penn
   State");
2. `described_as_thing`: a name the article calls a thing ("X is a game", or in two appositives: "X, a
   deck-building game") and never a person is no person; called a group ("X is a band") or written after an
   office of a company ("the chief executive of X") it is an organisation; written after a locative preposition
   of a verb of place ("fighting in X", "based in X"; not "believed in X": data/name_use.json) in two mentions and
   half of them, a place;
3. `modifier_names`: a name written as a modifier inside a longer noun phrase ("a Hail Mary interception", its
   first word a common word: not "a Lena Okafor rally"; "the X Winter Clearance Sale"), or as a work's title after
   a capitalised "The" inside a sentence ("a novel called The Glass Orchard"), in at least half of its mentions is
   no person;
4. `business_use`: a name of one word used the way a shop's, a brand's or a company's is ("the X sale", "on sale
   at X", "X.com", "retailer X", "X raised its prices"; with `company_kinds` also "oil giant X", "X's
   shareholders") twice and in a quarter of the places the article writes it is an organisation;
5. `its_owners`: a name of one word that is the subject of a clause saying "its" of it ("X said its profits rose")
   and never "his" or "her" is an organisation;
6. `plural_agreement`: so is a name of one word that is alone the subject of "are", "were" or "have" ("Everton were
   beaten"): a team, a band or a firm.

All six keep a name that opens with a given name ("Lena Okafor, a global brand" stays a person; not a common
word that is a rare given name: "Marvel Quarry", "Star Harbor"), and a lone word that is part of a person's full
name in the article. The word classes are WordNet 3.0's less the 1990 US Census names (`data/name_words.json`,
`scripts/build_name_words.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..readers.furniture import load_data
from . import rules
from .context import column
from .name_evidence import (english_word, full_name_words, given_names, kind_noun, made_thing, mention_span,
                            opens_with_given_name, recut, word_classes)

CLOSED_WORDS = frozenset({"i", "you", "we", "they", "he", "she", "it", "me", "us", "them", "should", "would", "could",
                          "must", "might", "shall", "cannot", "can't", "won't", "don't", "doesn't", "didn't",
                          "isn't", "aren't", "wasn't", "your", "our", "their", "my", "its", "this", "these", "those"})
# no 'can': a given name and a surname too ('Ali Can Demir', 'Emre Can')
ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})  # after a given name: a regnal number
SCHOOL_HEADS = frozenset({"State"})  # 'Penn State', 'Ohio State': a university named by its place
ORG_ROLES = frozenset({"ceo", "executive", "president", "chairman", "chairwoman", "founder", "co-founder", "cofounder",
                       "owner", "director", "employee", "employees", "shareholders", "headquarters", "subsidiary"})
LOCATIVE = frozenset({"in", "near", "inside", "outside", "across", "throughout", "around"})  # after a verb: a place
LOCATIVE_MIN = 2  # mentions after a locative preposition before a name is taken for a place
DESCRIBED_MIN = 2  # appositives or company offices before a name is taken for a thing; one predicate noun will do
WHO = frozenset({"who", "whom", "whose"})
STRONG = "strong "  # a vote that counts alone: a predicate noun ('X is a game'), a company's office ('CEO of X')
COPULAS = frozenset({"be", "become", "remain"})
TITLE_CASE_SHARE = 0.6
BUSINESS_MIN, BUSINESS_SHARE = 2, 1 / 4  # uses of a business's name ('on sale at X') before a name is taken for one
DOMAINS = frozenset({"com", "net", "co.uk", "ca", "com.au"})  # 'X.com': a business's web address
MODIFIER_SHARE = 1 / 2  # of a name's mentions written as a modifier before it is taken for no person's name
THING, ORGANIZATION, PERSON, PLACE = "thing", "organization", "person", "place"
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})  # 'the Okafor City Hall': two names side by side


@cache
def business_words() -> dict[str, frozenset[str]]:
    """'goods', 'trade', 'kinds': the words of a business's name's use (data/name_use.json `business`)."""
    return {k: frozenset(v.split()) for k, v in load_data("name_use.json")["business"].items() if k != "_doc"}


@cache
def locative_verbs() -> frozenset[str]:
    """Verbs whose 'in X' names a place ('fight', 'live', 'base'; not 'believe'): data/name_use.json."""
    return frozenset(load_data("name_use.json")["locative_verbs"].split())


def opens_with_a_name(words: list[str]) -> bool:
    """A given name first, not one that is a common word and rare as a name ('Marvel Quarry', 'Star Harbor')."""
    return opens_with_given_name(words) and words[0].lower() not in word_classes()["word_given_names"]


LETTER = re.compile(r"^[A-Z]\.?$")


def lettered(words: list[str]) -> bool:
    """'Vitamin C', 'Path A.', 'Plan B': a common noun and a letter, no one's name ('Malcolm X', 'Cardi B' open
    with a given name or a word that is no common noun)."""
    return len(words) == 2 and bool(LETTER.match(words[1])) and words[0].lower() in word_classes()["nouns"] \
        and not opens_with_given_name(words)


GENERATIONS = frozenset({"X", "Y", "Z", "Alpha", "Beta", "Zer", "Zers", "Zed"})  # after 'Gen': 'Gen Z', 'Gen Zers'


def generation(words: list[str]) -> bool:
    """'Gen Z', 'Gen. X', 'Gen Alpha': a generation, not a general (`generations`)."""
    return len(words) == 2 and words[0].rstrip(".").lower() == "gen" and words[1] in GENERATIONS


def _word(word: str) -> bool:
    """A common English word, a noun or a verb ('Hail', 'Lantern'; not 'Lena', 'Okafor')."""
    w, c = word.lower(), word_classes()
    return any(w in c[k] for k in ("person_nouns", "group_nouns", "nouns", "verbs"))


def _census_name(word: str) -> bool:
    """A given name or surname of the Census lists (in any case): 'Grant', 'Hunter', 'Can'."""
    w = word.lower()
    return w in given_names() or w in word_classes()["names"]


def role_word(word: str) -> bool:
    """A noun of people that no Census name is, nor a given name that is a common word ('Founder', 'Consultant',
    'Chairman'; not 'Judge', 'Bishop', 'Major', 'King')."""
    w, c = word.lower(), word_classes()
    return w in c["person_nouns"] and not _census_name(w) and w not in c["word_given_names"]


def role_phrase(words: list[str]) -> bool:
    """A role in common words ending with a noun of people, no word a Census name: 'Founder', 'Bronze Sponsor',
    'Technology Consultant' (not 'Ice Cube', which ends with no noun of people, nor 'Major Tom')."""
    c = word_classes()
    return role_word(words[-1]) and all(
        not _census_name(w) and any(w.lower() in c[k] for k in ("person_nouns", "group_nouns", "nouns", "describing"))
        for w in words[:-1])


def common_word_name(words: list[str]) -> bool:
    """'Stable Diffusion', 'Deep Fusion', 'Action Button': two or three capitalised words, each a common English word
    in use (WordNet's corpus tags it: not 'Dell', 'Rutherford'), the first no given name, the last a noun of no
    person: a product's, a feature's or a work's name, not a person's ('Baker Mayfield', 'Baba Miller', 'Kid Rock',
    'Tank Dell' stay)."""
    c = word_classes()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) \
            or opens_with_given_name(words):
        return False
    last = words[-1].lower()
    return (last in c["nouns"] or last in c["census_nouns"]) and last not in c["person_nouns"] \
        and all(w.lower() in c["in_use"] for w in words)


def _role_or_verb(word: str) -> bool:
    """A noun of people or a verb no Census name is ('Backup', 'Lawyer', 'Hire'; not 'Grant')."""
    w, c = word.lower(), word_classes()
    return not _census_name(w) and (w in c["person_nouns"] or w in c["verbs"])


def singulars(word: str) -> set[str]:
    """The singular (or bare verb) forms a word ending in -s may have: 'lives' -> 'live', 'life'; 'hits' -> 'hit'."""
    w = word.lower()
    if not w.endswith("s") or w.endswith("ss") or len(w) < 4:
        return set()
    out = {w[:-1]}
    if w.endswith("ies"):
        out.add(w[:-3] + "y")
    if w.endswith("es"):
        out.add(w[:-2])
    if w.endswith("ves"):
        out |= {w[:-3] + "fe", w[:-3] + "f"}
    return out


def plural_class(word: str) -> str | None:
    """'Democrats' -> 'person_nouns', 'Pajamas' -> 'nouns': the class of a plural common noun no Census name is."""
    if not word[:1].isupper() or _census_name(word):
        return None
    c = word_classes()
    for k in ("person_nouns", "group_nouns", "nouns"):
        if singulars(word) & c[k]:
            return k
    return None


def _gerund(word: str) -> bool:
    """'Hosting' (host), 'Hitting' (hit): an -ing form of a verb, no Census name."""
    w = word.lower()
    if not w.endswith("ing") or len(w) < 6 or _census_name(w):
        return False
    stem, verbs = w[:-3], word_classes()["verbs"]
    return stem in verbs or stem + "e" in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)


def _verb_form(word: str) -> bool:
    """'Hits', 'Slams': a verb's -s form, as a headline runs it on after a name."""
    return bool(singulars(word) & word_classes()["verbs"]) and not _census_name(word)


def opening_verb(word: str) -> bool:
    """'Replied', 'Greets': a capitalised verb's past or -s form, no given name or Census name ('Walks' is one)."""
    w = word.lower()
    if not word[:1].isupper() or len(w) < 4 or w in given_names() or _census_name(w):
        return False
    verbs = word_classes()["verbs"]
    if w.endswith("ied"):
        return w[:-3] + "y" in verbs
    if w.endswith("ed"):
        return w[:-2] in verbs or w[:-1] in verbs or (w[-3] == w[-4] and w[:-3] in verbs)
    return _verb_form(w)


def _closed_word(token, span) -> bool:
    """A pronoun or modal that ran onto a name: in lower case, or inside (not closing) a name of a title-case line
    (a headline, a heading); never a regnal number after a given name ('King Edmund II', 'Carl I')."""
    if token.lower_ not in CLOSED_WORDS:
        return False
    if token.text in ROMAN and token.i > 0 and token.doc[token.i - 1].lower_ in given_names():
        return False
    if token.text.islower():
        return True
    return token.i < span.end - 1 and _title_case(token.sent)


def cut_run_on_words(mentions: list) -> None:
    """Words that ran onto people's names are cut off; a name left ending with a plural common noun is retyped."""
    if not rules.enabled("run_on_words"):
        return
    full_names = [(m, m.text.split()[1:]) for m in mentions if m.type == PERSON and " " in m.text]
    for m in mentions:
        if m.type != PERSON or " " not in m.text:
            continue
        span = mention_span(m)
        if span is None:
            continue
        first, last = span.start, span.end
        if rules.enabled("kind_nouns") and last - first >= 2 and _people_of_a_place(span[0].text, span[1].text):
            recut(m, first + 1, last)  # 'Welshman Jimmy Watkins', 'Spaniard Costa'; not 'Brit', 'Finn', 'Dane': names too
            first = span.start + 1
            if last - first < 2:
                continue
            span = span.doc[first:last]
        closed = next((t.i for t in span[1:] if _closed_word(t, span)), None)
        if closed is not None:
            last = closed  # 'Painters You Should'
        if last - first >= 3 and _verb_form(span.doc[last - 1].text) and m.para.role == "headline" \
                and opens_with_a_name([span.doc[first].text]):
            last -= 1  # 'Dorian Valecki Hits'
        opener, after = span.doc[first].text, span.doc[first + 1].lower_
        if last - first >= 2 and not (first and span.doc[first - 1].dep_ == "det") and (_gerund(opener) or (
                last - first >= 3 and _role_or_verb(opener) and after in given_names())):
            first += 1  # 'Painting Fowler', 'Backup Rollo Tanner'
        if (first, last) != (span.start, span.end):
            recut(m, first, last)
            if " " not in m.text and not any(m.text in words for other, words in full_names if other is not m):
                m.type = THING  # 'Painting Fowler': no one of the article is 'Fowler'
                continue
        words = m.text.split()
        kind = plural_class(words[-1]) if len(words) > 1 or (first, last) != (span.start, span.end) else None
        if opens_with_a_name(words) and not (kind == "person_nouns" and len(words) == 2):
            continue  # but 'Virginia Democrats', 'Jordan Loyalists': a place's people, no one's surname
        if kind in ("person_nouns", "group_nouns") or (len(words) > 1 and words[-1] in SCHOOL_HEADS):
            m.type = ORGANIZATION  # 'Ozark Democrats': a group; 'Penn State': a university
        elif kind:
            m.type = THING


def _people_of_a_place(word: str, after: str) -> bool:
    """'Welshman' before 'Jimmy', 'Spaniard' before 'Costa': a noun of a place's people (`kind_nouns`) of five letters
    or more and no given name ('Brit', 'Finn' and 'Dane' are), before a given name or a capitalised word of no
    English."""
    return kind_noun(word) == "inhabitants" and len(word) > 4 and word.lower() not in given_names() \
        and after[:1].isupper() and (after.lower() in given_names() or not english_word(after.lower()))


def _noun_class(token) -> str | None:
    """What a predicate or appositive noun calls a name: a person, a group (organisation) or a thing."""
    if token.pos_ != "NOUN" or not token.text.isalpha() or not token.text.islower():
        return None
    lemma, c = token.lemma_.lower(), word_classes()
    if lemma in c["person_nouns"] or token.lower_ in c["person_nouns"]:
        return PERSON
    return ORGANIZATION if lemma in c["group_nouns"] or token.lower_ in c["group_nouns"] else THING


def _descriptions(span) -> list[str]:
    """What the text calls the name: appositive nouns after a comma, predicate nouns after 'is'/'becomes', 'who', a
    company's office it holds, a verb's locative preposition."""
    root, out = span.root, []
    doc = span.doc
    for child in root.children:
        if child.i >= span.end and child.dep_ == "appos" and doc[child.left_edge.i - 1].text == ",":
            out.append(_noun_class(child))  # not 'Kestrel (knee)'
        elif child.i >= span.end and child.dep_ == "relcl" and {c.lower_ for c in child.children} & WHO \
                and not any(c.dep_ == "conj" and c.i < child.i for c in root.children):
            out.append(PERSON)  # not 'X and its former owner Ada Quill, who ...': the name nearest 'who' is meant
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in COPULAS:
        out.extend(STRONG + k for c in root.head.children if c.dep_ == "attr" and c.i > root.i
                   for k in [_noun_class(c)] if k)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in ORG_ROLES:
        out.append(STRONG + ORGANIZATION)  # 'the chief executive of X'
    elif root.dep_ == "pobj" and root.head.lower_ in LOCATIVE and root.head.head.lemma_.lower() in locative_verbs():
        out.append(PLACE)  # 'fighting in X', 'based in X'; not 'believed in X'
    return [k for k in out if k]


def _modifier(span) -> bool:
    """'a Hail Mary interception' (a name of several words after 'a'), 'the X Winter Clearance Sale' (a name opening a
    longer proper name after 'the')."""
    doc = span.doc
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ in ("a", "an") and len(span) > 1 and _word(span[0].text):
        return True  # not 'a Lena Okafor rally'
    if before.text == "The" and before.i > 0 and doc[before.i - 1].is_alpha and doc[before.i - 1].is_lower \
            and not _title_case(before.sent):
        return True  # 'a book called The Glass Orchard': a work's title
    after = doc[span.end] if span.end < len(doc) else None
    return before.lower_ == "the" and before.head.i >= span.end and after is not None and after.pos_ == "PROPN" \
        and after.text[:1].isupper() and after.ent_type_ not in NAMED and span[-1].head.i >= span.end


OWNER_PRONOUNS = {"its": "its", "his": "his", "her": "his", "he": "his", "she": "his"}


def _owner_pronoun(span) -> str:
    """'its' where the name is the subject of a verb whose clause then says 'its' before any 'he', 'his', 'she' or
    'her', and before any other name or possessive but a date's ('X said its profits rose', 'X said on Monday
    that its ...'; not 'X termed reports on the company's plans to sell its ...'); 'his' for those; '' otherwise."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    verb = root.head
    for token in span.doc[span.end:verb.right_edge.i + 1]:
        kind = OWNER_PRONOUNS.get(token.lower_)
        if kind and (kind == "his" or token.dep_ == "poss"):
            return kind
        if token.ent_type_ not in ("DATE", "TIME") and (token.pos_ == "PROPN" or token.tag_ == "POS"):
            return ""  # another name, or another owner ('the company's'), may own the 'its'
    return ""


PLURAL_VERBS = frozenset({"are", "were", "have", "'re", "’re", "'ve", "’ve"})


def plural_subject(span) -> bool:
    """The name alone is the subject of a verb in the plural ('X are top', 'X were beaten', 'X have signed'): a team
    or a group, as British English writes them; not one of several subjects ('X and Y are', 'A, 16, and X, 14
    were')."""
    root, doc = span.root, span.doc
    if root.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ in ("conj", "cc") for c in root.children) \
            or (span.start and doc[span.start - 1].lower_ in ("and", "or", "&")
                and doc[span.start - 1].head.pos_ in ("NOUN", "PROPN", "NUM")) \
            or (span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].like_num):
        return False  # 'Emily, 16, and Pelham, 14 were pleased': one of several, and an age
    verb = root.head
    words = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i)]
    first = min(words, key=lambda t: t.i)  # the verb that agrees with the subject: 'have' of 'have won'
    return first.i > span.end - 1 and first.lower_ in PLURAL_VERBS


def _business_use(span) -> bool:
    """A use of a name no person's has and a shop's, a brand's or a company's has: it runs on into '.com', follows
    a noun of business ('retailer X'), or its grammar says trade (`_trade_grammar`)."""
    doc, root = span.doc, span.root
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start else None
    if after is not None and after.lower_.startswith(".com"):
        return True
    if before is not None and before.is_lower and before.lemma_.lower() in business_words()["kinds"] and (
            span.start <= before.head.i < span.end or (root.head.i == before.i and root.dep_ == "appos")):
        return True  # 'retailer X', not 'the store X opened'
    if rules.enabled("company_kinds") and _trade_company(span, before):
        return True  # 'oil giant X', 'X's shareholders'
    return root.head.i >= span.end and _trade_grammar(root) if root.dep_ in ("poss", "compound") \
        else _trade_grammar(root)


def _trade_company(span, before) -> bool:
    """A company's name by its kind after a noun of its trade ('oil giant X', 'energy firm X'; not 'the company X
    founded', nor 'the Belgian giant X') or by what it owns or heads ('X's shareholders', 'X shares', 'X's
    takeover'; data/name_use.json `firms`, `holdings`)."""
    words, root = business_words(), span.root
    if before is not None and before.is_lower and before.lemma_.lower() in words["firms"] and before.i > 0 \
            and span.start <= before.head.i < span.end:
        trade = span.doc[before.i - 1]
        if trade.is_lower and trade.pos_ == "NOUN" and trade.head.i == before.i:
            return True
    return root.dep_ in ("poss", "compound") and root.head.i >= span.end and root.head.is_lower \
        and root.head.lemma_.lower() in words["holdings"]


def _trade_grammar(root) -> bool:
    """The name modifies or owns a noun of trade ('the X sale', 'X's shoppers'), modifies a made thing ('an X
    Linen Shirt'; not 'X's car', as anyone's), ends an 'at'/'from' phrase of trade or of a price ('on sale at X',
    '$40 at X'), is the object of a verb of trade ('shop X'), or the subject of a verb whose object is its own
    ('X raised its prices')."""
    head, words, dep = root.head, business_words(), root.dep_
    while dep == "compound" and head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # the head of the whole name: 'X Cozy Knit Pajamas'
    if dep in ("poss", "compound") and head.lemma_.lower() in words["goods"]:
        return True
    if dep == "compound":
        return made_thing(head.text)
    if dep == "pobj" and head.lower_ in ("at", "from"):
        return head.head.ent_type_ == "MONEY" or bool({head.head.lemma_.lower(), head.head.head.lemma_.lower()}
                                                      & words["trade"])
    if dep == "dobj":
        return head.pos_ == "VERB" and head.lemma_.lower() in words["trade"]
    return dep == "nsubj" and any(c.dep_ == "dobj" and any(t.lower_ == "its" and t.dep_ == "poss" for t in c.children)
                                  for c in head.children)


def _business_votes(paragraphs: list, votes: dict[str, Counter]) -> None:
    """Count the business uses ('uses', 'business') of each person name of one word wherever the article writes it,
    tagged or not: the model tags a shop now a person, now an organisation, often nothing."""
    from spacy.attrs import ORTH

    verdicts: dict[int, tuple[str, bool] | None] = {}  # a token's text by hash -> (name, has a domain) or None
    for para in paragraphs:
        if not any(name in para.text for name in votes):
            continue  # a paragraph that writes none of the names has no token to look at
        strings = para.doc.vocab.strings
        for i, h in enumerate(column(para.doc, ORTH)):
            if h not in verdicts:
                name, dot, rest = strings[h].partition(".")
                verdicts[h] = (name, bool(dot)) if name in votes and (not dot or rest.lower() in DOMAINS) else None
            if verdicts[h] is not None:
                name, dotted = verdicts[h]
                votes[name]["uses"] += 1
                votes[name]["business"] += dotted or _business_use(para.doc[i:i + 1])  # 'X.com'


def _title_case(sent) -> bool:
    """A line Written Like This, where capitals say nothing."""
    words = [t for t in sent if t.is_alpha]
    return sum(t.text[:1].isupper() for t in words) >= TITLE_CASE_SHARE * len(words)


def type_by_use(mentions: list, paragraphs: list = ()) -> None:
    """People the article describes as things or groups, writes as modifiers, uses as a business's name, says 'its'
    of or makes the subject of a plural verb, retyped (`described_as_thing`, `modifier_names`, `business_use`,
    `its_owners`, `plural_agreement`)."""
    described, modifier = rules.enabled("described_as_thing"), rules.enabled("modifier_names")
    business = rules.enabled("business_use")
    owned, plural = rules.enabled("its_owners"), rules.enabled("plural_agreement")
    if not (described or modifier or business or owned or plural):
        return
    votes: dict[str, Counter] = {}
    for m in mentions:
        if m.type != PERSON:
            continue
        count = votes.setdefault(m.text, Counter())
        count["mentions"] += 1
        if m.titles or m.described:
            count[PERSON] += 1
        span = mention_span(m)
        if span is None:
            continue
        if described:
            count.update(_descriptions(span))
        if modifier and _modifier(span):
            count["modifier"] += 1
        if owned:
            count[_owner_pronoun(span)] += 1
        if plural and m.para.role != "headline" and plural_subject(span):  # headlines drop their verbs' forms
            count["plural"] += 1
    in_full_names = full_name_words(mentions)
    open_names = {name: count for name, count in votes.items() if not (
        opens_with_a_name(name.split()) or count[PERSON] or count[STRONG + PERSON]
        or (" " not in name and name in in_full_names))}  # a person by their evidence: nothing to decide
    if business:
        _business_votes(paragraphs, {n: c for n, c in open_names.items() if " " not in n})
    surnames = {m.text.split()[-1] for m in mentions if m.type == PERSON and " " in m.text}  # 'R Mukundan'
    decided = {}
    for name, count in open_names.items():
        things, groups = count[THING] + count[STRONG + THING], count[ORGANIZATION] + count[STRONG + ORGANIZATION]
        if things + groups >= DESCRIBED_MIN or count[STRONG + THING] + count[STRONG + ORGANIZATION]:
            decided[name] = ORGANIZATION if groups > things else THING
        elif count[PLACE] >= LOCATIVE_MIN and count[PLACE] >= MODIFIER_SHARE * count["mentions"]:
            decided[name] = PLACE
        elif count["modifier"] and count["modifier"] >= MODIFIER_SHARE * count["mentions"]:
            decided[name] = THING
        elif count["business"] >= BUSINESS_MIN and count["business"] >= BUSINESS_SHARE * count["uses"]:
            decided[name] = ORGANIZATION
        elif (count["its"] or count["plural"]) and not count["his"] and " " not in name and name not in surnames:
            decided[name] = ORGANIZATION  # 'X said its profits rose', 'X are top of the league': never 'his'
    for m in mentions:
        if m.type == PERSON and m.text in decided:
            m.type = decided[m.text]


def elided_verb(doc, last: int) -> bool:
    """'Rovin’ the Harbour': a 'person' doc[...:last] whose last word is a verb's -ing form with its g dropped and
    an apostrophe after it ('rovin’' of 'rove'), and no given name ('Robin’' stays)."""
    if not rules.enabled("elided_words") or last >= len(doc) or doc[last].text not in ("’", "'") \
            or doc[last - 1].whitespace_:
        return False
    word = doc[last - 1].text.lower()
    if not word.endswith("in") or word in given_names():
        return False
    stem, verbs = word[:-2], word_classes()["verbs"]
    return bool({stem, stem + "e"} & verbs) or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)
