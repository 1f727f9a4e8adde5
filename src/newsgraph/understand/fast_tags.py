"""spaCy's attribute ruler and rule lemmatizer, run from tables instead of per-token Python: the same
annotations, computed once per distinct case.

Under the parse stage, a fifth of bare spaCy's time on news (1.05 s of 5.2 s on the bench corpus) goes to two
components that learn nothing:
the attribute ruler (the tag map: each fine tag gives a coarse part of speech and morphology, plus a few word
exceptions) runs a Matcher of some 180 patterns over every token, and the rule lemmatizer builds a Token and its
morphology per token. Both are pure functions of a few token attributes:

- A one-token pattern of the ruler reads its token's TAG, DEP, IS_SPACE and LOWER. Every LOWER value the
  patterns do not name behaves like every other one (equality and IN fail, NOT_IN holds), so a token's *case* is
  those attributes with an unnamed LOWER folded to one value and each REGEX's verdict added. Which one-token
  patterns a case matches is read off the patterns once, when the case is first seen (each pattern a test of
  equality, IN, NOT_IN or REGEX, as spaCy's Matcher reads them; `tests/test_fast_tags.py` checks every case of
  the shared articles against the Matcher run on the paragraph), and read from the table after.
- The longer patterns (eight in en_core_web_sm: "gon na", "let 's", "there is", ...) run through a Matcher of
  their own, on a paragraph only when one of its tokens' cases can open one (learned with the cases); the
  ruler's order (later patterns win) is kept by sorting what applies to a token by the pattern's number, as
  spaCy does. Patterns added to the ruler later make the tables again.
- The lemma of a token the ruler gave none is a function of its ORTH, POS and MORPH (the lemmatizer's own cache
  key): each distinct triple is lemmatised once by spaCy's rule lemmatizer's own steps and remembered, with its
  word index read as sets (`_rule_lemmas`: spaCy scans a list of up to 57,000 words for each candidate form).

`install(nlp)` switches a loaded pipeline's two components to these (their class is swapped, the objects and
their data stay); a component whose patterns use anything else (an operator, another predicate or attribute)
keeps spaCy's own code. `stock(nlp)` switches them back for a block, which `benchmarks/bench_pipeline.py` uses to
time bare spaCy on the same model. `NEWSGRAPH_STOCK_SPACY=1` keeps spaCy's code everywhere.
`tests/test_fast_tags.py` compares every annotation with spaCy's on the shared articles.
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

STOCK = os.environ.get("NEWSGRAPH_STOCK_SPACY", "") == "1"
CASE_ATTRS = ("TAG", "DEP", "IS_SPACE", "LOWER")  # what the one-token patterns may read
MAX_CASES = 200_000  # distinct cases (and lemma triples) remembered before starting again (a long batch's memory)


def install(nlp: Language) -> Language:
    """Switch `nlp`'s attribute ruler and lemmatizer to the table-driven ones, where their patterns allow it."""
    if STOCK:
        return nlp
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler, Lemmatizer

    ruler, lemmatizer, english = _classes()
    for _, proc in nlp.pipeline:
        if type(proc) is AttributeRuler and _plan(proc) is not None:
            proc.__class__ = ruler
        elif type(proc) is EnglishLemmatizer:
            proc.__class__ = english
        elif type(proc) is Lemmatizer:
            proc.__class__ = lemmatizer
    return nlp


@contextmanager
def stock(nlp: Language) -> Iterator[Language]:
    """Run the block with spaCy's own attribute ruler and lemmatizer code (what was installed comes back after)."""
    ours = _classes() if not STOCK else ()
    swapped = [(proc, proc.__class__) for _, proc in nlp.pipeline if proc.__class__ in ours]
    for proc, cls in swapped:
        proc.__class__ = _stock_class(cls)
    try:
        yield nlp
    finally:
        for proc, cls in swapped:
            proc.__class__ = cls


def _stock_class(cls: type) -> type:
    """The spaCy class a swapped component's class stands in for."""
    return next(c for c in cls.__mro__ if c.__module__.startswith("spacy."))


@cache
def _classes() -> tuple[type, type, type]:
    """The three stand-ins (attribute ruler, lemmatizer, English lemmatizer), made when first asked for: spaCy is
    imported only then."""
    from spacy.errors import Errors
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler, Lemmatizer

    class Ruler(AttributeRuler):
        """spaCy's AttributeRuler, its one-token patterns read from a table of cases (module docstring)."""

        def __call__(self, doc: Doc) -> Doc:
            if not len(doc):
                return doc
            tables = _TABLES.get(self)
            if tables is None or tables.size != len(self.attrs):  # new, or patterns were added since
                tables = _TABLES[self] = _RulerTables(self)
            if tables.plan is None:  # an added pattern reads what the tables do not fold
                return super().__call__(doc)
            return tables.apply(self, doc)

    class TableLemmatizer(Lemmatizer):
        """spaCy's Lemmatizer, each (ORTH, POS, MORPH) lemmatised once per process (module docstring)."""

        def __call__(self, doc: Doc) -> Doc:
            if not self._validated:
                self._validate_tables(Errors.E1004)
            return _lemmatize(self, doc)

    class EnglishTableLemmatizer(TableLemmatizer, EnglishLemmatizer):
        """The English lemmatizer (its `is_base_form`) run as `TableLemmatizer`."""

    for cls in (Ruler, TableLemmatizer, EnglishTableLemmatizer):
        cls.__module__, cls.__qualname__ = __name__, cls.__name__  # pickled by name: see __getattr__
    return Ruler, TableLemmatizer, EnglishTableLemmatizer


def __getattr__(name: str) -> type:
    """The stand-in classes by name (what pickle looks up for a pipeline that holds them)."""
    classes = {"Ruler": 0, "TableLemmatizer": 1, "EnglishTableLemmatizer": 2}
    if name in classes:
        return _classes()[classes[name]]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Each component's tables, outside the component (a pickled pipeline carries none of them)
_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_LEMMAS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class _Plan:
    """What a ruler's one-token patterns read: the attribute ids of a case, and how its LOWER folds (the values
    the patterns name, and their regular expressions)."""

    def __init__(self, attr_ids: tuple[int, ...], lower_col: int, named: frozenset[str],
                 regexes: tuple[re.Pattern, ...]):
        self.attr_ids, self.lower_col, self.named, self.regexes = attr_ids, lower_col, named, regexes


def _plan(ruler) -> _Plan | None:
    """The plan for `ruler`'s patterns, or None when a pattern reads something this module does not fold."""
    from spacy.attrs import IDS

    named: set[str] = set()
    regexes: list[str] = []
    for entry in ruler.patterns:
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or not pattern:
                return None
            for spec in pattern:
                for key, value in spec.items():
                    if key not in CASE_ATTRS:
                        return None  # OP, ORTH, a custom attribute ...
                    if isinstance(value, dict):
                        if not set(value) <= {"IN", "NOT_IN", "REGEX"}:
                            return None
                        if key == "LOWER":
                            for kind, arg in value.items():
                                if kind == "REGEX":
                                    regexes.append(arg)
                                else:
                                    named.update(arg)
                    elif key == "LOWER":
                        named.add(value)
    if not ruler.patterns:
        return None
    attr_ids = tuple(IDS[a] for a in CASE_ATTRS)
    return _Plan(attr_ids, CASE_ATTRS.index("LOWER"), frozenset(named),
                 tuple(re.compile(r) for r in dict.fromkeys(regexes)))


class _RulerTables:
    """A ruler's tables: what each case matches, what each set of patterns sets, how LOWER folds; and a Matcher of
    the longer patterns alone, run on a paragraph only when one of its tokens can open one of them."""

    def __init__(self, ruler):
        from spacy.matcher import Matcher

        self.plan = _plan(ruler)
        self.size = len(ruler.attrs)  # the ruler's patterns when the tables were made
        self.cases: dict[tuple, tuple[tuple[int, ...], bool]] = {}  # case -> (one-token patterns it matches,
        #   whether it can open a longer pattern)
        self.merged: dict[tuple[int, ...], dict] = {}  # pattern numbers -> the attributes they set, later winning
        self.folded: dict[int, object] = {}  # LOWER hash -> its folded value
        self.longer = Matcher(ruler.vocab, validate=False)
        self.singles = _TokenTests(self.plan)  # the one-token patterns, read as tests of a case
        self.opening = _TokenTests(self.plan)  # the longer patterns' first tokens, the same way
        for number in range(len(ruler.attrs)):  # the ruler's Matcher keys are its pattern numbers, as strings
            patterns = ruler.matcher.get(str(number))[1]
            longer = [p for p in patterns if len(p) > 1]
            if longer:
                self.longer.add(str(number), longer)
            if self.plan is not None:
                for p in patterns:
                    (self.singles if len(p) == 1 else self.opening).add(number, p[0])

    def fold(self, doc: Doc, lower: int) -> object:
        """LOWER as a case reads it: the word when a pattern names it, else what each REGEX says of it."""
        found = self.folded.get(lower)
        if found is None:
            text = doc.vocab.strings[lower]
            plan = self.plan
            found = text if text in plan.named else (None, *(bool(r.search(text)) for r in plan.regexes))
            if len(self.folded) > MAX_CASES:
                self.folded.clear()
            self.folded[lower] = found
        return found

    def apply(self, ruler, doc: Doc) -> Doc:
        from spacy.tokens._retokenize import set_token_attrs

        cases = self.cases_of(doc)
        known = [self.cases.get(c) for c in cases]
        if None in known:
            self.learn(doc, cases)
            known = [self.cases[c] for c in cases]
        found = [numbers for numbers, _ in known]
        if any(opens for _, opens in known):
            strings = ruler.vocab.strings
            for m_id, start, end in self.longer(doc, allow_missing=True):
                number = int(strings[m_id])
                index = ruler.indices[number]
                i = start + index if index >= 0 else end + index
                found[i] = tuple(sorted((*found[i], number)))
        merged = self.merged
        for i, numbers in enumerate(found):
            if not numbers:
                continue
            attrs = merged.get(numbers)
            if attrs is None:
                attrs = merged[numbers] = {}
                for number in numbers:
                    attrs.update(ruler.attrs[number])
            set_token_attrs(doc[i], attrs)
        return doc

    def learn(self, doc: Doc, cases: list[tuple]) -> None:
        """Each new case of the paragraph: the one-token patterns it matches and whether it opens a longer one, read
        off the patterns (`_TokenTests`, what spaCy's Matcher would find on a token of that case)."""
        if len(self.cases) > MAX_CASES:
            self.cases.clear()
        strings = doc.vocab.strings
        for case in cases:
            if case not in self.cases:
                values = _CaseValues(strings, case, self.plan)
                self.cases[case] = tuple(sorted(self.singles.matched(values))), bool(self.opening.matched(values))

    def cases_of(self, doc: Doc) -> list[tuple]:
        """The case of each token of `doc`."""
        plan = self.plan
        rows = doc.to_array(list(plan.attr_ids)).tolist()
        lower = plan.lower_col
        return [(*row[:lower], self.fold(doc, row[lower]), *row[lower + 1:]) for row in rows]


class _CaseValues:
    """A case's attributes as the patterns read them: TAG and DEP as strings, IS_SPACE as a bool, LOWER as the
    word when a pattern names it, else None (with the verdict of each of the plan's regular expressions)."""

    __slots__ = ("tag", "dep", "space", "word", "verdicts")

    def __init__(self, strings, case: tuple, plan: _Plan):
        tag, dep, space, folded = case
        self.tag, self.dep, self.space = strings[tag], strings[dep], bool(space)
        if isinstance(folded, str):
            self.word, self.verdicts = folded, tuple(bool(r.search(folded)) for r in plan.regexes)
        else:
            self.word, self.verdicts = None, folded[1:]


class _TokenTests:
    """Token patterns (one dict each) as tests of a case, indexed by the word or the tag each one requires, so
    that a case is tested against a few of them: equality, IN and NOT_IN as spaCy's Matcher reads them, REGEX
    only on LOWER (what `_plan` allows)."""

    def __init__(self, plan: _Plan | None):
        self.regex_index = {r.pattern: i for i, r in enumerate(plan.regexes)} if plan is not None else {}
        self.by_word: dict[str, list[tuple[int, dict]]] = {}
        self.by_tag: dict[str, list[tuple[int, dict]]] = {}
        self.others: list[tuple[int, dict]] = []

    def add(self, number: int, spec: dict) -> None:
        lower, tag = spec.get("LOWER"), spec.get("TAG")
        if isinstance(lower, str) or (isinstance(lower, dict) and set(lower) == {"IN"}):
            for word in [lower] if isinstance(lower, str) else lower["IN"]:
                self.by_word.setdefault(word, []).append((number, spec))
        elif isinstance(tag, str):
            self.by_tag.setdefault(tag, []).append((number, spec))
        else:
            self.others.append((number, spec))

    def matched(self, values: _CaseValues) -> set[int]:
        """The numbers of the patterns a token of this case matches."""
        found = set()
        for group in (self.by_word.get(values.word, ()) if values.word is not None else (),
                      self.by_tag.get(values.tag, ()), self.others):
            for number, spec in group:
                if all(self._holds(key, test, values) for key, test in spec.items()):
                    found.add(number)
        return found

    def _holds(self, key: str, test, values: _CaseValues) -> bool:
        if key == "LOWER":
            word = values.word
            if isinstance(test, dict):
                return all(word is not None and word in arg if kind == "IN"
                           else word is None or word not in arg if kind == "NOT_IN"
                           else values.verdicts[self.regex_index[arg]]
                           for kind, arg in test.items())
            return word == test
        value = values.space if key == "IS_SPACE" else values.tag if key == "TAG" else values.dep
        if isinstance(test, dict):
            return all(value in arg if kind == "IN" else value not in arg if kind == "NOT_IN"
                       else re.search(arg, value) is not None for kind, arg in test.items())
        return value == test


def _lemmatize(lemmatizer, doc: Doc) -> Doc:
    """Set the lemma of each token that has none, from a table of (ORTH, POS, MORPH) -> lemma."""
    if not len(doc):
        return doc
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    known = _LEMMAS.get(lemmatizer)
    if known is None or len(known) > MAX_CASES:
        known = _LEMMAS[lemmatizer] = {}
    rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmatize = None  # found on the first new triple: most paragraphs have none
    changed = False
    for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
        if lemma and not lemmatizer.overwrite:
            continue
        key = (orth, pos, morph)
        value = known.get(key)
        if value is None:
            lemmatize = lemmatize or _rule_lemmas(lemmatizer) or lemmatizer.lemmatize
            value = known[key] = lemmatizer.vocab.strings.add(lemmatize(doc[i])[0])
        rows[i, 3] = value
        changed = True
    if changed:
        doc.from_array([LEMMA], rows[:, 3])
    return doc


def _rule_lemmas(lemmatizer):
    """spaCy's `Lemmatizer.rule_lemmatize` with its word index held as sets, or None where the lemmatizer is not
    in rule mode or changes that method. The lookup table `lemma_index` holds a list of words per part of speech
    (57,000 nouns in en_core_web_sm), which spaCy's method scans for each form a suffix rule makes: some 90 µs a
    new triple, two thirds of this module's time on a batch's first articles. The forms and their order are
    spaCy's."""
    from spacy.pipeline import Lemmatizer

    if lemmatizer.mode != "rule" or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize:
        return None
    tables = _INDEXES.get(lemmatizer)
    if tables is None or tables[0] is not lemmatizer.lookups:
        index = lemmatizer.lookups.get_table("lemma_index", {})
        tables = _INDEXES[lemmatizer] = (lemmatizer.lookups, {pos: frozenset(index.get(pos, ())) for pos in _RULE_POS},
                                         lemmatizer.lookups.get_table("lemma_exc", {}),
                                         lemmatizer.lookups.get_table("lemma_rules", {}))
    _, indexes, exc_table, rules_table = tables

    def rule_lemmatize(token) -> list[str]:
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space") or lemmatizer.is_base_form(token):
            return lemmatizer.rule_lemmatize(token)  # spaCy's own early answers (and its warning)
        index = indexes.get(univ_pos)
        if index is None:
            return lemmatizer.rule_lemmatize(token)
        if not (index or exc_table.get(univ_pos) or rules_table.get(univ_pos)):
            return [string] if univ_pos == "propn" else [string.lower()]
        exceptions = exc_table.get(univ_pos, {})
        orig, string = string, string.lower()
        forms, oov_forms = [], []
        for old, new in rules_table.get(univ_pos, {}):
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return forms or oov_forms or [orig]

    return rule_lemmatize


_RULE_POS = ("adj", "adp", "adv", "aux", "cconj", "det", "intj", "noun", "num", "part", "pron", "propn", "punct",
             "sconj", "sym", "verb", "x")  # the universal parts of speech spaCy's lemmatizer may look up
_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
