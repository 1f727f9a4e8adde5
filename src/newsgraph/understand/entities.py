"""The entities stage: one entity per real-world person, organisation and place.

1. Find name mentions (`newsgraph.understand.entity_mentions`; the
   mention class and its typing are `newsgraph.understand.names`').
2. Group them: full names first, each a person unless it matches one
   already seen; then lone first names and surnames, resolved to the one
   full name they fit (the most recently mentioned when several do).
   Organisation and place mentions that are known people, or hold them,
   join the people (`newsgraph.understand.people_in_names`).
3. Find untagged repeats of known names, credits' photographers, and
   forms in another script in image alt text (by transliteration).
4. Attach roles, affiliations and ranks (`newsgraph.understand.roles`).
5. Write `Article.entities` and the mentions the later stages read.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Entity, Span
from ..pipeline import Document
from ..readers.furniture import load_data, looks_like_name
from . import rules
from .context import MENTIONS, Mention, form_positions, name_pattern, parsed
from .entity_mentions import find_mentions
from .entity_types import designated, institution_name, name_words, plausible_person_name, type_vocabulary
from .name_case import family_name, shouted_line
from .language import is_english
from .name_evidence import masthead_name, opens_with_given_name
from .names import NameMention
from .people_in_names import known_otherwise, organization_openers, people_taken_out
from .titles import title_forms
from .translit import same_name
from .type_agreement import harmonize

STAGE = "entities"
PATRONYMIC = frozenset({"ibn", "bin", "bint", "ben", "ould", "ap"})  # lower case: 'son of' inside a name
SPELLING_VARIANT_SCORE = 88  # rapidfuzz ratio at which two surnames in one article are one spelling
MIN_VARIANT_LENGTH = 5


@dataclass
class Cluster:
    """The mentions of one entity while it is being built."""

    type: str
    name: str
    mentions: list[NameMention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    nicknames: list[str] = field(default_factory=list)  # 'Kiki' of 'Kimani (Kiki) Gray': a form of the name alone
    id: str = ""

    @property
    def tokens(self) -> list[str]:
        """The name's words, a suffix at the end left off ('Dorsey Pruitt Jr.' -> surname 'Pruitt')."""
        return name_words(self.name)

    @property
    def first(self) -> int:
        return min((s for s, _, _ in self.spans), default=10**9)

    def nicknamed(self, word: str) -> bool:
        """Whether `word` is one of the person's nicknames, in any case ('kiki' of 'Kimani (Kiki) Gray')."""
        return word.lower() in (n.lower() for n in self.nicknames)

    def add(self, mention: NameMention) -> None:
        self.mentions.append(mention)
        self.spans.append((mention.start, mention.end, mention.text))
        _add(self.titles, *mention.titles)
        if mention.role:
            _add(self.roles, mention.role)
        forms = [mention.text, mention.full_text]
        forms += [f"{t} {mention.text}" for t in mention.titles if mention.text != self.name
                  and t[:1].isupper() and len(t.split()) <= 2]
        _add(self.aliases, *forms)
        if mention.nickname and self.type == "person" and mention.nickname.lower() not in STOP_WORDS \
                and rules.enabled("nickname_aliases"):  # not 'This' of 'See You "This" Week'
            _add(self.nicknames, mention.nickname)
            _add(self.aliases, mention.nickname)

    def absorb(self, other: Cluster) -> None:
        """Take in the mentions, spans (with the repeats found after the model's mentions) and names of `other`."""
        self.mentions.extend(other.mentions)
        self.spans.extend(other.spans)
        _add(self.aliases, other.name, *other.aliases)


def _add(items: list[str], *values: str) -> None:
    for value in values:
        if value and value not in items:
            items.append(value)


def extract_entities(doc: Document) -> Document:
    """Stage entry: fill `Article.entities` and the name mentions."""
    article = doc.article
    mentions = harmonize(find_mentions(parsed(doc)), parsed(doc))
    people = _group_people([m for m in mentions if m.type == "person"])
    openers = organization_openers(mentions)
    others = _group_by_name([rest for m in mentions if m.type != "person"
                             for rest in people_taken_out(m, people, openers)])
    if rules.enabled("repeats"):
        _find_repeats(doc, people, others)
    if rules.enabled("photographers") and is_english(doc):
        _add_photographers(doc, people, {c.name.lower() for c in others})
    _add_other_scripts(doc, people)
    if rules.enabled("institution_names"):
        people = _institutions_out(people, others)
    if rules.enabled("short_forms"):
        others = _join_short_forms(others)
    from .roles import attach_profiles

    attach_profiles(people, others, mentions)
    clusters = sorted(people + others, key=lambda c: c.first)
    for i, cluster in enumerate(clusters, 1):
        cluster.id = f"e{i}"
    article.entities = [_entity(c) for c in clusters]
    doc.scratch[MENTIONS] = sorted(
        (Mention(s, e, t, c.id, "name", c.type) for c in clusters for s, e, t in c.spans if s >= 0),
        key=lambda m: m.start)
    return doc


def _institutions_out(people: list[Cluster], others: list[Cluster]) -> list[Cluster]:
    """The people left when those named like a body are moved to `others`: 'Sandy Hook Elementary School' or 'Betty
    Ford Center', taken for a person for a person's name inside or for the people listed beside it, is an
    organisation, or a place when its last word names a structure ('Kennedy Airport'); not one with a title, nor
    one the article names by that word alone ('Jim Press' ... 'Press said', `institution_names`)."""
    kept = []
    for cluster in people:
        words = cluster.name.split()
        if cluster.titles or not institution_name(words) or words[-1] in cluster.aliases:
            kept.append(cluster)
            continue
        cluster.type = "place" if words[-1] in type_vocabulary().structure_heads else "organization"
        same = next((c for c in others if c.name == cluster.name and c.type == cluster.type), None)
        if same is None:
            others.append(cluster)
        else:
            same.absorb(cluster)
    return kept


def _group_people(mentions: list[NameMention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    family = [m for m in mentions if _family_form(m.full_text)] if rules.enabled("particle_surnames") else []
    in_family = {id(m) for m in family}
    full = [m for m in mentions if len(m.full_text.split()) >= 2 and id(m) not in in_family]
    for mention in full:
        match = next((c for c in clusters if _same_full_name(c.name, mention.full_text)), None)
        if match is None:
            match = Cluster("person", mention.full_text)
            clusters.append(match)
        elif len(mention.full_text) > len(match.name):
            match.name = mention.full_text
        match.add(mention)
    for mention in (m for m in mentions if len(m.full_text.split()) < 2):
        match = _resolve_single(mention, clusters)
        if match is None:
            match = Cluster("person", mention.text)
            clusters.append(match)
        match.add(mention)
    for mention in family:  # 'De Niro' after 'Robert De Niro'
        match = _resolve_family(mention, clusters)
        if match is None:
            match = Cluster("person", mention.full_text)
            clusters.append(match)
        match.add(mention)
    return clusters


def _family_form(name: str) -> bool:
    """'De Niro', 'Van Der Beek', 'de la Cruz': a family name with its particles, written without a given name
    (`family_name` keeps it whole; not 'Van Osgood', 'Ben Smith', which open with a given name)."""
    words = name.split()
    return len(words) >= 2 and family_name(name).split() == words


def _resolve_family(mention: NameMention, clusters: list[Cluster]) -> Cluster | None:
    """The full name a family name with its particles ends, the first such person named before it, else after."""
    words = [w.lower() for w in mention.full_text.split()]
    fits = [c for c in clusters if len(c.tokens) > len(words) and [t.lower() for t in c.tokens[-len(words):]] == words]
    before = [c for c in fits if any(s < mention.start for s, _, _ in c.spans)]
    return min(before or fits, key=lambda c: min(s for s, _, _ in c.spans), default=None)


def _same_full_name(a: str, b: str) -> bool:
    if a.lower() == b.lower():
        return True
    ta, tb = a.lower().split(), b.lower().split()
    return ta[0] == tb[0] and len(ta[-1]) >= MIN_VARIANT_LENGTH and \
        fuzz.ratio(ta[-1], tb[-1]) >= SPELLING_VARIANT_SCORE


def _resolve_single(mention: NameMention, clusters: list[Cluster]) -> Cluster | None:
    """A lone name: the full name whose surname (or first name) it is, nearest first; a surname several people
    share is the first of them named (news style names relatives by their given names after the first mention)."""
    word = mention.text.lower()

    def fits(c: Cluster) -> bool:
        tokens = c.tokens
        last = tokens[-1].lower()
        if len(tokens) > 2 and tokens[-2] in PATRONYMIC and word == last and rules.enabled("patronymics"):
            return False  # 'Salman' beside 'Mohammed bin Salman' is his father, not him
        return word == last or word == tokens[0].lower() or c.nicknamed(word) or (
            len(word) >= MIN_VARIANT_LENGTH and len(tokens) > 1
            and fuzz.ratio(word, last, score_cutoff=SPELLING_VARIANT_SCORE) >= SPELLING_VARIANT_SCORE)

    candidates = [c for c in clusters if fits(c)]
    if not candidates:
        return None
    surname = [c for c in candidates if c.tokens[-1].lower() == word]
    candidates = surname or candidates
    before = [c for c in candidates if any(s < mention.start for s, _, _ in c.spans)]
    pool = before or candidates
    if surname and len(pool) > 1 and rules.enabled("first_bearer"):
        return min(pool, key=lambda c: min(s for s, _, _ in c.spans))  # 'Trump' after 'Donald Trump Jr.'
    return max(pool, key=lambda c: max((s for s, _, _ in c.spans if s < mention.start), default=-1))


def _group_by_name(mentions: list[NameMention]) -> list[Cluster]:
    clusters: dict[tuple[str, str], Cluster] = {}
    for mention in mentions:
        name = mention.name or mention.text
        key = (mention.type, name.lower())
        if key not in clusters:
            clusters[key] = Cluster(mention.type, name)
        clusters[key].add(mention)
    return list(clusters.values())


_NAME_WORDS = re.compile(r"[\w.&'’]+(?: [\w.&'’]+)*")  # no dash, bar or colon: 'MOSCOW - Central bank' is no name


def _join_short_forms(clusters: list[Cluster]) -> list[Cluster]:
    """An organisation's name of two words or more that ends one longer organisation name of the article, and only
    one, is that organisation ('the Harbour Authority' after 'the Orlan Harbour Authority'); not when two longer names
    end with it ('Supreme Court' beside 'Colorado Supreme Court' and 'US Supreme Court'), nor for a name with a word in
    lower case ('Central bank'), a given name and a word that is no designator ('Bettie Page'), or for a longer name
    that is not all words ('MOSCOW - Central bank')."""
    orgs = [c for c in clusters if c.type == "organization" and _NAME_WORDS.fullmatch(c.name)]
    joined: set[int] = set()
    for short in orgs:
        words = short.name.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue  # 'Central bank' is any country's
        if len(words) == 2 and opens_with_given_name(words) and not designated(words):
            continue  # 'Bettie Page' of a film's 'The Notorious Bettie Page' (not 'Clinton Foundation'): a person
        longer = {c.name.lower(): c for c in orgs if c is not short and id(c) not in joined
                  and c.name.lower().endswith(" " + short.name.lower())}
        if len(longer) != 1:
            continue
        (target,) = longer.values()
        target.absorb(short)
        joined.add(id(short))
    return [c for c in clusters if id(c) not in joined]


def _find_repeats(doc: Document, people: list[Cluster], others: list[Cluster]) -> None:
    """Known names the statistical model did not tag again ('Alus heard gunfire')."""
    by_word: dict[str, Cluster] = {}
    for cluster in others:
        if len(cluster.name) >= 3 and cluster.name[0].isupper():
            by_word.setdefault(cluster.name, cluster)
    numbers = _number_words() if rules.enabled("repeat_numbers") else frozenset()
    known = rules.enabled("known_lone_words")
    for cluster in people:
        vouched = not known or opens_with_given_name(cluster.tokens)
        for word in {cluster.tokens[-1], cluster.tokens[0], *cluster.nicknames}:
            if len(word) >= 3 and word[0].isupper() and word.lower() not in numbers \
                    and (vouched or not known_otherwise(word, "organization")):  # not 'Norwich' of 'Norwich Live'
                by_word.setdefault(word, cluster)
    covered = sorted((s, e) for c in people + others for s, e, _ in c.spans)
    starts = [s for s, _ in covered]
    multi = [w for w in by_word if " " in w]
    whole = rules.enabled("repeat_full_names")
    full = {c.name: c for c in people if " " in c.name} if whole else {}
    shouted = _shouted_names(people, by_word) if rules.enabled("headline_names") else {}
    names = frozenset(by_word)
    for para in parsed(doc):
        pdoc = para.doc
        found = [(para.offset + t.idx, t.text, by_word[t.text])
                 for t in (pdoc[i] for i in form_positions(pdoc, names)) if not _tail_of_a_name(t, by_word[t.text])]
        for name in multi:  # organisation and place names of several words
            if name in para.text:
                found.extend((para.offset + i.start(), name, by_word[name])
                             for i in re.finditer(re.escape(name), para.text))
        for name, cluster in full.items():  # 'Ada Quill' untagged: one mention, not 'Ada' and 'Quill'
            if name in para.text:
                found.extend((para.offset + i.start(), name, cluster)
                             for i in name_pattern(name).finditer(para.text))
        if para.role == "headline" and para.text.isupper() or rules.enabled("shouted_lines") and shouted_line(para.text):
            found.extend(_shouted(para, shouted))  # 'CHARGERS' WILLIAMS ARRESTED', 'HOW WILL OBAMA VOTE?'
        taken: list[tuple[int, int]] = []
        for start, word, cluster in sorted(found, key=lambda f: (f[0], -len(f[1]))) if whole else found:
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and covered[i][0] <= start < covered[i][1] or any(s <= start < e for s, e in taken):
                continue
            if whole:
                taken.append((start, start + len(word)))
            cluster.spans.append((start, start + len(word), word))
            if cluster.type == "person" and word in by_word:
                _add(cluster.aliases, word)


@cache
def _number_words() -> frozenset[str]:
    """'one' to 'twenty', the tens, 'hundred', 'thousand', 'million', 'billion' (`repeat_numbers`)."""
    return frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                     "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
                     "thousand million billion".split())


def _tail_of_a_name(token, cluster: Cluster) -> bool:
    """'Internet [Explorer]': an organisation's or a place's one-word name ending a longer proper name is no repeat
    of it (`repeat_tails`)."""
    if cluster.type == "person" or token.i == 0 or not rules.enabled("repeat_tails"):
        return False
    before = token.doc[token.i - 1]
    return before.dep_ == "compound" and before.head.i == token.i and before.pos_ == "PROPN" and before.is_title \
        and not before.is_sent_start


def _shouted_names(people: list[Cluster], by_word: dict[str, Cluster]) -> dict[str, Cluster]:
    """Known names in capitals: people's full names first, then the single words and other names."""
    shouted = {c.name.upper(): c for c in people if " " in c.name}
    for word, cluster in by_word.items():
        shouted.setdefault(word.upper(), cluster)
    return shouted


def _shouted(para, shouted: dict[str, Cluster]) -> list[tuple[int, str, Cluster]]:
    """Known names in a headline written in capitals, longest first ('WLADIMIR KLITSCHKO', then 'WILLIAMS')."""
    found, seen = [], set()
    for name in sorted(shouted, key=len, reverse=True):
        for i in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", para.text):
            if not seen.intersection(range(i.start(), i.end())):
                found.append((para.offset + i.start(), name, shouted[name]))
                seen.update(range(i.start(), i.end()))
    return found


def _add_photographers(doc: Document, people: list[Cluster], organizations: set[str] = frozenset()) -> None:
    """People named in picture credits are photographers; a credit naming one of the article's organisations or
    places ('Corvale Federal') is no person."""
    text = doc.article.text
    for media in doc.article.media:
        if not media.credit:
            continue
        name = credit_name(media.credit)
        if not (2 <= len(name.split()) <= 4 and looks_like_name(name) and not name.isupper()) or _is_agency(name) \
                or not plausible_person_name(name) or name.lower() in organizations or _company_credit(name):
            continue
        cluster = next((c for c in people if c.name.lower() == name.lower()), None)
        if cluster is None:
            cluster = Cluster("person", name)
            people.append(cluster)
        _add(cluster.roles, "photographer")
        where = text.find(name, media.start or 0) if media.start is not None else -1
        cluster.spans.append((where, where + len(name), name) if where >= 0 else (-1, -1, name))


RIGHTS_RESERVED = re.compile(r"[.,]?\s*All rights reserved\b.*$", re.I)  # '© 2023 Acme Media. All Rights Reserved'
SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")  # 'Peele. Eugene': a caption's sentence ends there
SENTENCE_STOP = re.compile(r"(?<![JS]r)(?<=[a-z]{2})\.$")


def credit_name(credit: str) -> str:
    """The name a picture credit opens with, after the last sentence of a caption run into it ('The director at the
    premiere. Ada Marsh/Agency' -> 'Ada Marsh'; an initial's dot ends no sentence: 'Ada J. Marsh'); a closing "All
    rights reserved" is no sentence of a name."""
    credit = SENTENCE_END.split(RIGHTS_RESERVED.sub("", credit))[-1]
    name = re.split(r"\s*/\s*|\s+via\s+|\s*,\s*", credit)[0].strip()
    return name[:-1] if SENTENCE_STOP.search(name) else name  # 'Ada Marsh.', not 'Ada J.' nor 'Ada Marsh Jr.'


NAME_PART = re.compile(r"[A-Z][A-Za-z.'’-]*")  # 'Okafor', 'WATTS', 'H.C.', "O'Neil": a name's word


def _company_credit(name: str) -> bool:
    """'Brindle Studios', 'AP Photo', 'The Orlan Gazette': a credit with a designator or a newspaper's head word at
    its end, opening with 'The', or with an acronym (2-4 capitals) in it names no person; one opening with a given
    name and then name-shaped words ('Jon TARLOW', agency style) is a person."""
    words = name.split()
    if designated(words):
        return True
    if rules.enabled("mastheads") and (words[0] == "The" or masthead_name(words)):
        return True  # 'The Orlan Gazette', 'Varnholm Tribune': a newspaper's credit
    if opens_with_given_name(words) and all(NAME_PART.fullmatch(w) for w in words[1:]):
        return False
    return any(2 <= len(w) <= 4 and w.isalpha() and w.isupper() for w in words)


def _is_agency(name: str) -> bool:
    return name.lower() in _agencies()


@cache
def _agencies() -> frozenset[str]:
    return frozenset(a.lower() for a in load_data("credits.json")["agencies"])


def _add_other_scripts(doc: Document, people: list[Cluster]) -> None:
    """Alt text in another script that spells a person's name becomes one of their aliases."""
    alts = [m.alt for m in doc.article.media if m.alt]
    for alt in dict.fromkeys(alts):
        if _all_latin(alt) or len(alt.split()) > 5:
            continue  # no other script (a curly quote is none), or a sentence rather than a name
        for cluster in people:
            if len(cluster.tokens) >= 2 and same_name(alt, cluster.name):
                _add(cluster.aliases, alt)


def _all_latin(text: str) -> bool:
    """Every letter of the text is a Latin one ('Jade Black’s work', 'Zoë'): no form in another script."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def _entity(cluster: Cluster) -> Entity:
    aliases = [a for a in cluster.aliases if a != cluster.name]
    spans = [Span(start=s, end=e, text=t) for s, e, t in sorted(set(cluster.spans)) if s >= 0]
    return Entity(id=cluster.id, type=cluster.type, name=cluster.name, aliases=aliases, titles=cluster.titles,
                  title_forms=title_forms(cluster.titles), roles=cluster.roles, affiliations=cluster.affiliations,
                  mentions=spans, stage=STAGE)
