"""Known people inside the organisation and place mentions of an article: the person wins.

The model tags many a person's name, or a longer span holding one, as an organisation or a place. Once the
article's people are grouped (`entities`), each organisation or place mention is read against them; each family
sits behind its own switch (`rules.py`):

1. `person_wins`: a mention that is a known person's full name, first name or surname ('Dahan serves ...'), or of
   two or three capitalised words ending with a one-word person's name ('Mo Cheeks' where 'Cheeks' is a person,
   cut at a name break with `name_breaks`), is that person; with `place_heads`, not a place by its form ('West
   Varnholm'). Known people inside a longer name, coordinated ('Lopez and Carrasquillo') or after an adjective of
   place ('American Hasim Rahman'), are taken out of it; the other conjuncts keep the mention's type.
2. `person_at_end`: a known person's full name ending a longer name is the person, the words before it keep their
   type ('UN Nora Pell' after 'Ambassador to the');
3. `headline_names`: a known person opening a headline's name the model read as one ('Lohan Checks Into Rehab')
   is taken out of it; not from a name with a designator ('Ford Motor Company').

A word that opens one of the article's organisation names stays that organisation (`organization_openers`: 'Ford'
beside 'Ford Motor Company' and 'William Clay Ford Jr.'). How lone first names and surnames join full names is
read in `entities`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import rules
from .entity_types import demonym_words, designated
from .name_case import cut_name_breaks
from .name_evidence import disease_name, gazetteer_place, opens_with_given_name, place_by_form
from .names import NameMention
from .wire_names import known_firm

if TYPE_CHECKING:
    from .entities import Cluster


def organization_openers(mentions: list[NameMention]) -> set[str]:
    """First words of the article's organisations' names ('Ford' of 'Ford Motor Company'), headlines read only
    when the name has a designator ('Lohan Checks' is no organisation's name)."""
    return {m.text.split()[0] for m in mentions if m.type == "organization" and " " in m.text
            and (m.para.role != "headline" or designated(m.text.split()))}


def people_taken_out(mention: NameMention, people: list[Cluster], openers: set[str]) -> list[NameMention]:
    """An organisation or place mention with the known people in it taken out: what is left of it.

    A word that opens an organisation's name stays that organisation ('Ford', with 'Ford Motor Company' and
    'William Clay Ford Jr.' in one article)."""
    if not rules.enabled("person_wins") or (mention.type == "organization" and mention.text in openers):
        return [mention]
    if _is_person_name(mention, people):
        return []
    return _split_off_people(mention, people)


def _is_person_name(mention: NameMention, people: list[Cluster]) -> bool:
    """An organisation or place tag on a known person's name ('Dahan serves ...'): the person wins."""
    text, words = mention.text.lower(), mention.text.split()
    known = rules.enabled("known_lone_words") and len(words) == 1 and known_otherwise(mention.text, mention.type)
    for cluster in people:
        tokens = cluster.tokens
        if known and not opens_with_given_name(tokens):
            continue  # 'Plymouth' beside 'Plymouth Live reports', 'Qualcomm' beside 'Eassa (Qualcomm)'
        if len(tokens) >= 2 and (text == cluster.name.lower() or text == tokens[0].lower()
                                 or text == tokens[-1].lower() or cluster.nicknamed(text)):
            mention.type = "person"
            cluster.add(mention)
            return True
    if not 2 <= len(words) <= 3:
        return False
    if mention.type == "place" and place_by_form(words) and rules.enabled("place_heads"):
        return False  # 'West Varnholm', 'Harlow Road': a place by its form, whatever 'Varnholm' alone was taken for
    for cluster in people:  # 'Mo Cheeks' typed an organisation, where 'Cheeks' alone is a person
        if cluster.tokens == [words[-1]] and not designated(words) \
                and all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words):  # not 'OS X Lion'
            mention.type = "person"
            if rules.enabled("name_breaks"):
                cut_name_breaks(mention, set())  # '[the Ukraine] Ada Quill' typed an organisation
            cluster.name = mention.text
            cluster.add(mention)
            return True
    return False


def known_otherwise(word: str, kind: str) -> bool:
    """A lone word, tagged `kind` (a place or an organisation, or 'organization' for an untagged one), that our
    lists know as no person: a town, city, country or US state and no person's name, an adjective of place
    ('Japanese'), a listed company, a disease (`known_lone_words`)."""
    return gazetteer_place(word) or word in demonym_words() or known_firm(word, kind) or disease_name(word)


def _person_forms(people: list[Cluster]) -> dict[str, Cluster]:
    """The article's people by the forms of their names: in full, without a suffix, and by surname."""
    forms: dict[str, Cluster] = {}
    for cluster in people:
        forms.setdefault(cluster.name, cluster)
        forms.setdefault(" ".join(cluster.tokens), cluster)
    for cluster in people:
        forms.setdefault(cluster.tokens[-1], cluster)
    return forms


def _split_off_people(mention: NameMention, people: list[Cluster]) -> list[NameMention]:
    """Known people inside a longer organisation or place name: coordinated ('Lopez and Carrasquillo'), after an
    adjective of place ('American Hasim Rahman'), or opening a headline the model read as one name ('Lohan Checks
    Into Rehab'). Their spans join the people; the other conjuncts keep the mention's type."""
    if len(mention.text.split()) < 2:
        return [mention]
    forms = _person_forms(people)
    if not forms:
        return [mention]
    conjuncts = _conjuncts(mention.text)
    if len(conjuncts) > 1:
        found = [(s, t, forms.get(t)) for s, t in conjuncts]
    else:
        found = _person_at_start(mention, forms)
    if not any(c for _, _, c in found):
        return [mention]
    rest = []
    for start, text, cluster in found:
        part = _sub_mention(mention, start, text)
        if cluster is not None:
            part.type = "person"
            cluster.add(part)
        elif text not in demonym_words():
            rest.append(part)
    return rest


def _conjuncts(text: str) -> list[tuple[int, str]]:
    """The parts of a name joined by 'and', '&' or commas, with their offsets."""
    out, pos = [], 0
    for sep in re.finditer(r"\s*(?:,|&|\band\b)\s*", text):
        out.append((pos, text[pos:sep.start()]))
        pos = sep.end()
    out.append((pos, text[pos:]))
    return [(start, part) for start, part in out if part]


def _person_at_start(mention: NameMention, forms: dict[str, Cluster]) -> list[tuple[int, str, Cluster | None]]:
    """'American Hasim Rahman' (an adjective of place, then a person); in a headline, 'Lohan Checks Into Rehab'."""
    words = mention.text.split()
    if words[0] in demonym_words() and " ".join(words[1:]) in forms:
        return [(len(words[0]) + 1, " ".join(words[1:]), forms[" ".join(words[1:])])]
    if rules.enabled("person_at_end"):  # 'UN Nora Pell' after 'Ambassador to the': a known full name ends it
        for n in range(2, len(words)):
            tail = " ".join(words[-n:])
            cluster = forms.get(tail)
            if cluster is not None and len(cluster.tokens) >= 2 and tail == " ".join(cluster.tokens):
                head = " ".join(words[:-n])
                return [(0, re.sub(r"['’]s$", "", head), None), (len(head) + 1, tail, cluster)]  # 'Acme's
    if mention.para.role != "headline" or not rules.enabled("headline_names") or designated(words):
        return []  # 'Ford Motor Company' is the company
    for n in (3, 2, 1):
        form = " ".join(words[:n])
        if n < len(words) and form in forms:
            return [(0, form, forms[form])]
    return []


def _sub_mention(mention: NameMention, start: int, text: str) -> NameMention:
    para = mention.para
    begin = mention.start + start
    span = para.doc.char_span(begin - para.offset, begin - para.offset + len(text), alignment_mode="expand")
    first = span.start if span is not None else mention.first_token
    return NameMention(begin, begin + len(text), text, mention.type, para, first)
