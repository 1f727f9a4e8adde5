"""Titles and ranks in one comparable form; the form as written stays with the caller.

    >>> canonical_title("Lt.-Col.")
    'lieutenant colonel'
    >>> canonical_title("Mr.") is None           # an honorific is a form of address, not a title
    True
    >>> titles_agree("Sen.", "Senator"), titles_agree("US Secretary of State", "Secretary of State")
    (True, True)
    >>> titles_agree("Deputy Secretary of State", "Secretary of State")
    False

1. Split the title into words at spaces, hyphens and slashes ("Lt.-Col."),
   lower-cased, with spelling and gendered variants mapped to one form
   ("Defence", "Chairwoman") and places to one form ("U.S.", "United States").
2. Expand abbreviations ("Sen." -> senator): the `abbreviations` table of
   `data/title_forms.json` first, else a title word of `data/titles.json` that
   the abbreviation begins (a prefix) or spells in order ("Sgt" -> sergeant).
3. Set aside qualifiers ("former", "acting") and honorifics ("Mr.", "Dr.").
4. Compare as word sets: equal sets agree, and so does a set holding the
   other, when every extra word is a scope ("US", "Police", "Foreign"), not
   a modifier ("Deputy", "Vice", "Major") or a title word of its own.

Several titles held at once are no contradiction (`compare_titles`): only
two ranks that share no agreeing pair make two title sets incompatible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Iterable

from ..readers.furniture import load_data

__all__ = ["Title", "TitleComparison", "parse_title", "canonical_title", "is_honorific", "titles_agree",
           "compare_titles", "is_rank", "name_titles", "title_forms", "written_before_titles"]

_SPLIT = re.compile(r"[\s/]+|(?<=\.)-|-(?=[A-Z])|(?<=[a-z])-(?=[a-z])")
_EDGE = ".,;:()[]\"'“”‘’"
MIN_ABBREVIATION = 2  # letters
_INITIALS = re.compile(r"^[a-z](?:\.[a-z])+$")  # 'l.a', 'u.s' (the last dot is stripped with the word's edges)


@dataclass(frozen=True)
class Title:
    """A title as written, its canonical form, its comparable words and its qualifiers ("former")."""

    written: str
    canonical: str
    words: frozenset[str]
    qualifiers: tuple[str, ...] = ()
    kind: str = "title"  # "rank" for military and police ranks, else "title"


@dataclass
class TitleComparison:
    """Which titles of two sets agree, and whether the sets can describe one person."""

    shared: list[tuple[str, str]] = field(default_factory=list)
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)
    compatible: bool = True


@dataclass(frozen=True)
class _Forms:
    honorifics: frozenset[str]
    qualifiers: frozenset[str]
    modifiers: frozenset[str]
    variants: dict
    scopes: dict
    abbreviations: dict
    function_words: frozenset[str]
    title_words: frozenset[str]  # every single word that is a title of its own
    all_words: tuple[str, ...]  # every word of every title, for abbreviation matching
    ranks: frozenset[frozenset[str]]


CURATED_SKIP = ("heads", "honorifics")
RANK_CATEGORIES = {"titles.json": ("military_police",), "titles_public.json": ("military_ranks", "police_ranks")}


def _lists(name: str, skip: tuple[str, ...] = ()) -> list[str]:
    data = load_data(name)
    return [t for k, v in data.items() if not k.startswith("_") and k not in skip for t in v]


@cache
def name_titles() -> tuple[str, ...]:
    """Titles that may stand before a name, as written: titles.json's, and the generated ones of
    titles_public.json (WordNet) that have several words or head such a title ('Sergeant' for 'Staff Sergeant');
    a lone generated word that heads nothing ('Usher', 'Bart') is too often a name."""
    curated = _lists("titles.json", ("heads",))
    generated = [t for t in _lists("titles_public.json", ("address",)) if "." not in t]
    heads = {t.split()[-1].lower() for t in generated if len(t.split()) > 1}
    kept = [t for t in generated if len(t.split()) > 1 or t.lower() in heads]
    return tuple(dict.fromkeys(curated + kept))


@cache
def _forms() -> _Forms:
    data = load_data("title_forms.json")
    titles = load_data("titles.json")
    public = load_data("titles_public.json")
    ranks_raw = [t for name, cats in RANK_CATEGORIES.items() for cat in cats
                 for t in (titles if name == "titles.json" else public).get(cat, [])]
    all_titles = _lists("titles.json", CURATED_SKIP) + _lists("titles_public.json", ("address",))
    honorifics = frozenset(data["honorifics"]) | {_bare(h) for h in titles.get("honorifics", [])
                                                  if _bare(h) not in ("prof", "professor", "lord", "lady", "baron",
                                                                      "baroness", "count", "countess", "duke",
                                                                      "duchess")}
    words = tuple(dict.fromkeys(w for t in all_titles for w in _raw_words(t) if len(w) > 2 and w.isalpha()))
    single = frozenset(_raw_words(t)[0] for t in all_titles if len(_raw_words(t)) == 1)
    forms = _Forms(honorifics, frozenset(data["qualifiers"]), frozenset(data["modifiers"]), data["variants"],
                   data["scopes"], data["abbreviations"], frozenset(data["function_words"]),
                   single, words, frozenset())
    single = single | frozenset(w for t in all_titles if len(ws := _words(t, forms)) == 1 for w in ws)
    ranks = frozenset(frozenset(_words(t, forms)) for t in ranks_raw) - {frozenset()}
    return _Forms(forms.honorifics, forms.qualifiers, forms.modifiers, forms.variants, forms.scopes,
                  forms.abbreviations, forms.function_words, single, forms.all_words, ranks)


def _bare(word: str) -> str:
    return word.lower().strip(_EDGE)


def _raw_words(text: str) -> list[str]:
    return [w for w in (_bare(p) for p in _SPLIT.split(text.replace("’", "'"))) if w]


def _expand(word: str, forms: _Forms, dotted: bool) -> str:
    """An abbreviated title word in full: the table, else (written with a dot) a title word it begins or spells."""
    if word in forms.abbreviations:
        return forms.abbreviations[word]
    if not dotted or len(word) < MIN_ABBREVIATION or not word.isalpha() or word in forms.all_words or word in forms.honorifics \
            or word in forms.function_words or word in forms.qualifiers or word in forms.modifiers:
        return word
    prefixed = [w for w in forms.all_words if w.startswith(word)]
    spelled = [w for w in forms.all_words if w[0] == word[0] and _in_order(word, w)] if len(word) <= 4 else []
    found = prefixed or spelled
    # a title of its own before a word that only occurs inside titles, then the vocabulary's order
    return min(found, key=lambda w: (w not in forms.title_words, forms.all_words.index(w))) if found else word


def _in_order(letters: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in letters)


def _normal_words(text: str, forms: _Forms) -> list[str]:
    """The title's words, lower-cased, abbreviations expanded, variants and scopes mapped."""
    lowered = " " + " ".join(text.replace("’", "'").lower().split()) + " "
    for table in (forms.scopes, forms.variants):
        for key in sorted(table, key=len, reverse=True):
            if " " in key or "-" in key or "." in key:
                lowered = lowered.replace(f" {key} ", f" {table[key]} ")
    out: list[str] = []
    for raw in _raw_words(lowered):
        word = forms.scopes.get(raw, raw)
        word = forms.variants.get(word, word)
        if word == raw and _INITIALS.match(raw):
            word = raw.replace(".", "")  # 'L.A.', 'U.S.': a place's or a body's initials, no abbreviated title word
        elif word == raw:
            word = _expand(raw.replace(".", ""), forms, "." in raw)
        out.extend(forms.variants.get(word, word).split())
    return out


def _words(text: str, forms: _Forms) -> list[str]:
    return [w for w in _normal_words(text, forms) if w not in forms.function_words and w not in forms.qualifiers
            and w not in forms.honorifics]


@lru_cache(maxsize=4096)  # the same few titles are read for every mention, entity and claim; a Title is frozen
def parse_title(text: str) -> Title | None:
    """The title in `text` in comparable form, or None when it holds no title (only an honorific)."""
    forms = _forms()
    words = _normal_words(text, forms)
    qualifiers = tuple(w for w in words if w in forms.qualifiers)
    kept = [w for w in words if w not in forms.qualifiers and w not in forms.honorifics]
    while kept and kept[0] in forms.function_words:
        kept.pop(0)
    content = frozenset(w for w in kept if w not in forms.function_words)
    if not content:
        return None
    kind = "rank" if any(content >= r and _extras_are_scope(content - r, forms) for r in forms.ranks) else "title"
    return Title(text, " ".join(kept), content, qualifiers, kind)


ADDRESS_TITLES = frozenset({"lord", "lady", "baron", "baroness", "prof"})  # forms of address the titles keep


@cache  # read for every title found before a name
def written_before_titles() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words written before a title that may be part of it, lower case (data/title_forms.json): its modifiers
    ('deputy', 'chief') and qualifiers ('former', 'acting'); and the forms of address no qualifier is part of
    ('Mr', 'Sir', 'Lord': 'the late Mr Quill')."""
    forms = _forms()
    return forms.modifiers, forms.qualifiers, forms.honorifics | ADDRESS_TITLES


def canonical_title(text: str) -> str | None:
    """'Lt.-Col.' -> 'lieutenant colonel'; None for an honorific ('Mr.', 'Dr.') or an empty string."""
    title = parse_title(text)
    return title.canonical if title else None


def is_honorific(word: str) -> bool:
    """Whether a word is a form of address rather than a title ('Mr.', 'Mrs', 'Dr.', 'Sir')."""
    return _bare(word.replace("’", "'")).replace(".", "") in _forms().honorifics


def is_rank(text: str) -> bool:
    """Whether a title is a military or police rank ('Maj.-Gen.', 'Sergeant')."""
    title = parse_title(text)
    return title is not None and title.kind == "rank"


def _extras_are_scope(extras: frozenset[str], forms: _Forms) -> bool:
    return not any(w in forms.modifiers or w in forms.title_words for w in extras)


def titles_agree(a: str | Title, b: str | Title) -> bool:
    """Whether two titles can name the same office or rank: equal, abbreviated, or one a scoped form of the other."""
    ta = a if isinstance(a, Title) else parse_title(a)
    tb = b if isinstance(b, Title) else parse_title(b)
    if ta is None or tb is None:
        return False
    small, big = sorted((ta.words, tb.words), key=len)
    if small <= big:
        return _extras_are_scope(big - small, _forms())
    return _initials_of_other(ta, tb) or _initials_of_other(tb, ta)


def _initials_of_other(a: Title, b: Title) -> bool:
    """'CHP Officer' and 'California Highway Patrol Officer': the one word only `a` has is the initials of the
    words, in order, that only `b` has, and those name a scope, not an office."""
    only_a, only_b = a.words - b.words, b.words - a.words
    if len(only_a) != 1 or len(only_b) < 2 or not _extras_are_scope(only_b, _forms()):
        return False
    spelled = [w for w in _words(b.written, _forms()) if w in only_b]
    return "".join(w[0] for w in spelled) == next(iter(only_a))


def compare_titles(a: Iterable[str], b: Iterable[str]) -> TitleComparison:
    """Pair the agreeing titles of two sets; sets are incompatible only when both hold ranks and none agree."""
    pa = [(t, parse_title(t)) for t in a]
    pb = [(t, parse_title(t)) for t in b]
    pa = [(t, p) for t, p in pa if p]
    pb = [(t, p) for t, p in pb if p]
    out = TitleComparison()
    for ta, xa in pa:
        for tb, xb in pb:
            if titles_agree(xa, xb):
                out.shared.append((ta, tb))
    out.only_a = [t for t, _ in pa if all(t != s for s, _ in out.shared)]
    out.only_b = [t for t, _ in pb if all(t != s for _, s in out.shared)]
    ranks_a = [x for _, x in pa if x.kind == "rank"]
    ranks_b = [x for _, x in pb if x.kind == "rank"]
    if ranks_a and ranks_b:
        out.compatible = any(titles_agree(x, y) for x in ranks_a for y in ranks_b)
    return out


def title_forms(titles: Iterable[str]) -> list:
    """The record's `title_forms`: each title with its canonical form (honorifics, which have none, left out)."""
    from ..model import TitleForm

    out = []
    for text in titles:
        title = parse_title(text)
        if title is not None:
            out.append(TitleForm(text=text, canonical=title.canonical, kind=title.kind,
                                 qualifiers=list(title.qualifiers)))
    return out
