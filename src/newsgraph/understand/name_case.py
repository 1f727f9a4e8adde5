"""What the case of a name's words says: words the article also writes in lower case are no part of a name, and
a line written all in capitals holds no names of its own.

- `lower_variants`: a name of several words that the article also writes with some of them in lower case
  ('Downtown Ardale' ... 'downtown Ardale', 'Privacy Policy' ... 'a privacy policy') is dropped or, for a person,
  cut to the words written as a name;
- `edge_words`: no name ends with 'and', 'of', 'x', 'et al.' in lower case, nor opens with a lower-case word other
  than a particle ('iPad Pro and', 'federal Bureau of Prisons');
- `shouted_lines`: in a line written all in capitals a name is kept only when the rest of the article writes
  its words capitalised;
- `name_breaks`: a person's name holds no word in lower case other than a particle or a link ('Meghan cry',
  'Vincent to Emily'), no symbol between its words ('Abigail • Emily', 'Ada | Ben'), and does not open with a
  verb's past or -s form ('Replied Stephen', 'Greets Ada') before a given name or a name the article writes
  alone, nor with a country before a given name and a surname ('to Ukraine Ada Quill'): it ends before them, or
  starts after the verb or the country;
- `describing_words`: a person's name of three words or more does not open with an adjective or adverb that is
  no name before a given name, nor end with one when it opens with a given name ('Legendary Ada Quill', 'Ada Quill
  Together'; not 'Young', 'Still', 'Late', which are names too), and such a word alone is no person unless it is a
  word of a person's full name in the article ('Broken', 'Together').
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Container
from functools import cache

from .name_evidence import given_names, mention_span, nicknamed, recut, region_name
from .name_use import opening_verb, opens_with_a_name, word_classes
from .vocab import entity_vocabulary

PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "al", "el", "bin", "ibn", "ben",
                       "del", "dos", "das", "ter", "ten", "abu", "bint"})  # a name may start with one in lower case
NAME_LINKS = frozenset({"of", "for", "and", "on", "at", "in", "de", "du", "la", "le"})  # 'Bank of ...', 'Hôtel de ...'


@cache
def _name_heads() -> frozenset[str]:
    return entity_vocabulary().name_heads


LINK_WORDS = NAME_LINKS | PARTICLES | {"the", "a", "an", "to", "&"}  # lower case inside names as well


def family_name(name: str) -> str:
    """A person's name without the given name, particles kept: 'Van Der Beek' of 'James Van Der Beek', 'de la Cruz'
    of 'Maria de la Cruz', 'Alus' of 'Itamar Alus'."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    if start == 1 and words[0].lower() in PARTICLES and (len(words) > 2 or words[0].lower() not in given_names()):
        start = 0  # 'Van Der Beek', 'De Niro' named alone are family names whole; 'Al Green' opens with a given name
    return " ".join(words[start:])


def cut_lower_variants(mentions: list, paragraphs: list) -> list:
    """A name of several words that the article also writes with some of them in lower case holds common words
    ('Downtown Ardale' ... 'downtown Ardale', 'Moon Varuna' ... 'the frozen moon Varuna', 'Privacy Policy'
    ... 'its privacy policy'). A name left with none of its capitalised words is dropped, unless it ends with a word
    that ends names of bodies and places ('Foreign Ministry' ... 'the foreign ministry'); a person's name loses
    the words at its edges written so ('Ardale', 'Varuna'; a common noun left alone is no name), but not its given
    name alone ('Sue Gray' ... 'to sue Gray'). Names of bodies and places keep theirs ('Space Shuttle Program' ...
    'the Space Shuttle program'), and words that names hold in lower case ('of', 'de') do not count."""
    text = "\n".join(p.text for p in paragraphs)
    lower_words = {w for w in _WORD.findall(text) if w[:1].islower()}
    lowered: dict[str, frozenset[int]] = {}
    kept = []
    for m in mentions:
        words = m.text.split()
        if len(words) > 1 and m.text not in lowered:
            lowered[m.text] = _words_written_lower(words, text, lower_words)
        low = lowered.get(m.text)
        if low == {0} and m.type == "person" and opens_with_a_name(words):
            low = None  # 'Sue Gray' ... 'to sue Gray': a given name that is also a verb, not a common word of the name
        first, last = _name_part(words, low) if low else (0, len(words))
        if first == last:
            if words[-1] in _name_heads():
                kept.append(m)
        elif m.type != "person" or (first, last) == (0, len(words)) or _recut_person(m, words, first, last):
            kept.append(m)
    return kept


def _name_part(words: list[str], low: frozenset[int]) -> tuple[int, int]:
    """The words [first, last) of a name left when the runs of common words at its edges that hold a word
    written in lower case are taken off ('The Hague' keeps its 'The')."""
    common = [i in low or w.lower() in LINK_WORDS for i, w in enumerate(words)]

    def run(places: list[int]) -> int:
        n = next((n for n, i in enumerate(places) if not common[i]), len(places))
        return n if any(i in low for i in places[:n]) else 0
    first = run(list(range(len(words))))
    return first, len(words) - run(list(range(len(words) - 1, first - 1, -1)))


def _recut_person(m, words: list[str], first: int, last: int) -> bool:
    """The person's mention shrunk to its words [first, last); False when what is left is one common noun ('Quick
    Start Guide' ... 'quick Start guide': no one called 'Start') or does not fall on the parse's tokens."""
    if last - first == 1 and words[first].lower() in word_classes()["nouns"]:
        return False
    spans = [w.span() for w in re.finditer(r"\S+", m.text)]
    start, end = m.start + spans[first][0], m.start + spans[last - 1][1]
    span = m.para.doc.char_span(start - m.para.offset, end - m.para.offset)
    if span is None:
        return False
    recut(m, span.start, span.end)
    return True


EDGE_WORDS = frozenset({"and", "or", "of", "for", "to", "in", "on", "at", "by", "from", "with", "that", "x", "vs",
                        "vs.", "v", "v.", "et", "al", "al."})  # no name ends with one written in lower case


def cut_edge_words(m) -> None:
    """A name does not end with a word of `EDGE_WORDS` in lower case ('iPad Pro and', 'Smith et al.', 'Korn x'),
    nor open with a word in lower case other than a particle ('federal Bureau of Prisons', 'east Jerusalem'; not
    'de Herengracht')."""
    span = mention_span(m)
    if span is None or len(span) < 2:
        return
    doc, first, last = span.doc, span.start, span.end

    def closing(i: int) -> bool:
        return doc[i].is_lower and doc[i].lower_ in EDGE_WORDS or doc[i].text == "." and doc[i - 1].lower_ in EDGE_WORDS
    while last - first > 1 and closing(last - 1):
        last -= 1
    while last - first > 1 and (doc[first].text in ",;:" or doc[first].is_lower and doc[first].is_alpha
                                and doc[first].lower_ not in PARTICLES and doc[first + 1].text not in "-–"):
        first += 1  # not the 'non' of 'non-Hodgkin', nor the '6th' of '6th Avenue'
    if (first, last) != (span.start, span.end):
        recut(m, first, last)


def cut_at_colon(m) -> bool:
    """A name never spans a colon: it ends before one ('Indiana Pacers:', 'Apple Arcade: So'), or, after a label
    written with a slash, starts after it ('School/Team: Marquette'). False when nothing of a name is left
    ('School/Team:')."""
    span = mention_span(m, "expand")
    if span is None:
        return True
    doc, first, last = span.doc, span.start, span.end
    colon = next((t.i for t in span if t.text == ":"), None)
    if colon is None:
        return True
    labelled = any("/" in t.text for t in doc[first:colon])
    first, last = (colon + 1, last) if labelled else (first, colon)
    if not any(t.is_alpha and not t.is_lower and not t.is_stop for t in doc[first:last]):
        return False  # 'School/Team:', 'Construction/Creation: In'
    recut(m, first, last)
    return True


PERSON_LINKS = PARTICLES | {"of", "y", "e", "do", "af", "zu"}  # 'Joan of Arc', 'Ortega y Gasset'
NAME_MARKS = frozenset("-–'’.,&")  # inside a name: 'Ross-Nazzal', "O'Neil", 'J.', 'Jr.', 'Procter & Gamble'
WORD_JOINS = frozenset("-–'’")  # a proper noun's piece after one is the rest of its name: 'Ka-chiu', "O'neil"


def cut_name_breaks(m, alone: Container[str]) -> None:
    """A person's name ends before a lower-case word other than a particle or a symbol other than a name's own
    marks, and starts after an opening verb's past or -s form when what follows opens with a given name or is a
    name the article writes alone (`alone`, the texts of its one-word person mentions)."""
    span = mention_span(m)
    if span is None or len(span) < 2 or m.type == "person" and nicknamed(m.text):
        return  # 'Vincent "The Chin" Gigante': the nickname's marks are the name's own
    doc, first, last = span.doc, span.start, span.end
    for token in span[1:]:
        if not doc[token.i - 1].whitespace_ and doc[token.i - 1].text in WORD_JOINS and token.pos_ == "PROPN":
            continue  # the rest of a hyphenated name ('Lee Ka-chiu'), not a word after one ('Quill-backed')
        if token.is_lower and token.is_alpha and token.lower_ not in PERSON_LINKS or \
                not any(ch.isalnum() for ch in token.text) and not set(token.text) <= NAME_MARKS:
            last = token.i
            break
    while last > first + 1 and doc[last - 1].lower_ in PERSON_LINKS | WORD_JOINS | {",", "&"}:
        last -= 1
    if last - first == 2 and doc[first].text == doc[first + 1].text:
        last -= 1  # 'Etlaq Etlaq': one name written twice (a line's label and its text run together)
    if last - first >= 2 and opening_verb(doc[first].text) and (
            doc[first + 1].lower_ in given_names() or doc[first + 1:last].text in alone):
        first += 1
    if last - first >= 3 and region_name(doc[first].text) and doc[first].lower_ not in given_names() \
            and doc[first + 1].lower_ in given_names():
        first += 1  # 'ambassador to Ukraine Ada Quill': the country ends the title, the name opens after it
    if (first, last) != (span.start, span.end):
        recut(m, first, last)


def cut_describing_words(m) -> None:
    """A person's name of three words or more starts after an opening adjective or adverb that is no name when a
    given name follows ('Legendary Ada Quill'), and ends before a closing one after a capitalised word when it
    opens with a given name ('Ada Quill Together'; not 'Catherine the Great'), keeping two words at least ('Dark
    Matters', 'Ground Zero' are no such cases)."""
    span = mention_span(m)
    if span is None or len(span) < 2:
        return
    doc, first, last = span.doc, span.start, span.end
    while last - first > 2 and describing_word(doc[first].text) and doc[first + 1].lower_ in given_names():
        first += 1
    while last - first > 2 and describing_word(doc[last - 1].text) and doc[first].lower_ in given_names() \
            and doc[last - 2].text[:1].isupper():
        last -= 1  # not 'Catherine the Great', nor the 'Hazy' of 'Udvar-Hazy'
    if (first, last) != (span.start, span.end):
        recut(m, first, last)


def describing_word(word: str) -> bool:
    """A capitalised adjective or adverb in use that is no given name nor Census name (data/name_words.json
    `describing`: 'Legendary', 'Together', 'Broken'; not 'Young', 'Late', 'Sunny')."""
    w = word.lower()
    return word[:1].isupper() and w in word_classes()["describing"] and w not in given_names()


_WORD = re.compile(r"\w+")


def _words_written_lower(words: list[str], text: str, lower_words: set[str]) -> frozenset[int]:
    """The places of the capitalised words of a name that the text writes, somewhere, in lower case in the same
    run of words ('downtown Ardale' for 'Downtown Ardale': {0}); none when the text writes the name as a name more
    often than so ('the Red Cross' twice, 'a red cross' once). `lower_words`, the text's words in lower case,
    spares the search for a name none of whose words is among them (most names of a long article)."""
    if not any((w := _WORD.match(word.lower())) and w.group() in lower_words for word in words
               if word[:1].isupper() and word.lower() not in LINK_WORDS):
        return frozenset()
    pattern = r"(?<![\w'’])" + r"\s+".join(map(re.escape, words)) + r"(?![\w])"
    found: set[int] = set()
    written = Counter()
    for match in re.finditer(pattern, text, re.IGNORECASE):
        low = {i for i, (word, seen) in enumerate(zip(words, match.group().split()))
               if word[:1].isupper() and seen[:1].islower() and word.lower() not in LINK_WORDS}
        found |= low
        written[bool(low)] += 1
    return frozenset(found) if written[True] >= written[False] else frozenset()


def shouted_line(text: str) -> bool:
    """A line written all in capitals, of two words or more ('HOW WILL THE VOTE GO?')."""
    return text.isupper() and len(text.split()) > 1


def drop_shouted_phrases(mentions: list, paragraphs: list) -> list:
    """In a line written all in capitals the model's names are guesses ('KAZAKHSTAN WINS AGAIN' a person): a
    mention there is kept only when every word of it is a word the rest of the article writes capitalised
    ('OBAMA', 'WHITE HOUSE'). Known names are found in such lines by the repeats (`entities._shouted`)."""
    loud = {id(p) for p in paragraphs if shouted_line(p.text)}
    if not loud or 2 * len(loud) > len(paragraphs):  # an article written in capitals has no other spelling
        return mentions
    written = {_unstopped(t.text) for p in paragraphs if id(p) not in loud for t in p.doc if t.text[:1].isupper()}
    return [m for m in mentions if id(m.para) not in loud or _acronym(m.text)
            or all(_unstopped(w) in written for w in m.text.split())]


def _acronym(name: str) -> bool:
    """One word of two to four capitals ('NATO', 'U.S.'): an acronym reads the same in a line in capitals."""
    return " " not in name and 2 <= len(_unstopped(name)) <= 4 and _unstopped(name).isalpha()


def _unstopped(word: str) -> str:
    """A word in capitals without its full stops: 'U.S.' and 'US' are one."""
    return word.upper().replace(".", "")
