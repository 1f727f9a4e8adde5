"""The attribute ruler and lemmatizer run from tables (understand/fast_tags.py) give spaCy's own annotations: every
token's part of speech, fine tag, morphology, lemma, dependency and entity, on the shared real articles and on
sentences written here for the ruler's longer patterns."""

from __future__ import annotations

import pytest
from conftest import shared_path

from newsgraph.understand import fast_tags
from newsgraph.understand.parse import MODEL, load_model, model_location

ATTRS = ("POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "ORTH", "SENT_START")

# Sentences of our own for the ruler's two-token patterns and word exceptions ("gon na", "let 's", "there is",
# "ai n't", "y' all") and for odd tokens (spaces, an empty text, one word).
WRITTEN = [
    "The ferry crew said they were gonna sail at dawn, and let's be honest, nobody believed them.",
    "There is a storm coming, ain't there? Y'all should stay home, the harbour master said.",
    "It was raining. There were three boats, and something odd happened to everyone aboard.",
    "c'mon,   gotta   go\u00a0now", "", "Harwick", "   ",
]


@pytest.fixture(scope="module")
def models():
    import spacy

    return spacy.load(model_location(MODEL)), load_model()


def annotations(doc) -> list[tuple]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.text,
             t.is_sent_start) for t in doc]


def paragraphs(folder, limit: int) -> list[str]:
    out = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        out += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def test_the_tables_are_installed_and_stock_switches_them_back(models):
    stock, ours = models
    names = [type(p).__name__ for _, p in ours.pipeline]
    assert "Ruler" in names and "EnglishTableLemmatizer" in names
    with fast_tags.stock(ours):
        assert [type(p).__name__ for _, p in ours.pipeline] == [type(p).__name__ for _, p in stock.pipeline]
    assert [type(p).__name__ for _, p in ours.pipeline] == names


def test_written_sentences_get_spacys_annotations(models):
    stock, ours = models
    for text, a, b in zip(WRITTEN, stock.pipe(WRITTEN), ours.pipe(WRITTEN)):
        assert annotations(a) == annotations(b), text
    lemmas = {t.text: t.lemma_ for t in ours("We are gon na win, let 's go.")}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["'s"] == "us"


@pytest.mark.parametrize("folder, limit", [("polnear-dev/text", 84), ("meantime/text", 90)])
def test_real_articles_get_spacys_annotations(models, folder, limit):
    stock, ours = models
    texts = paragraphs(shared_path("eval", *folder.split("/")), limit)
    assert len(texts) > 500
    for a, b in zip(stock.pipe(texts), ours.pipe(texts)):
        assert annotations(a) == annotations(b), a.text
        assert a.to_array(list(ATTRS)).tolist() == b.to_array(list(ATTRS)).tolist()


def test_a_ruler_with_patterns_the_tables_do_not_fold_keeps_spacys_code():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "harbour", "OP": "+"}]], {"LEMMA": "port"})
    fast_tags.install(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert [t.lemma_ for t in nlp("the harbour harbour")][1:] == ["port", "port"]


def test_the_switch_keeps_spacys_code(monkeypatch):
    import spacy

    monkeypatch.setattr(fast_tags, "STOCK", True)
    nlp = fast_tags.install(spacy.load(model_location(MODEL)))
    assert "Ruler" not in [type(p).__name__ for _, p in nlp.pipeline]


def test_a_pipeline_with_the_tables_pickles(models):
    import pickle

    _, ours = models
    again = pickle.loads(pickle.dumps(ours))
    assert [type(p).__name__ for _, p in again.pipeline] == [type(p).__name__ for _, p in ours.pipeline]
    sentence = "The harbour boats were sailing, and there is talk of more."
    assert annotations(again(sentence)) == annotations(ours(sentence))


def test_patterns_added_after_the_tables_were_made_are_read():
    import spacy

    nlp = fast_tags.install(spacy.load(model_location(MODEL)))
    assert [t.lemma_ for t in nlp("The pier was closed.")][1] == "pier"
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "pier"}]], {"LEMMA": "jetty"})
    assert [t.lemma_ for t in nlp("The pier was closed.")][1] == "jetty"
    ruler.add([[{"LOWER": "quay", "OP": "+"}]], {"LEMMA": "wharf"})  # an operator: spaCy's own code from here on
    assert [t.lemma_ for t in nlp("The quay and the pier were closed.")][1:5:3] == ["wharf", "jetty"]


def test_the_set_indexed_rule_lemmas_are_spacys(models):
    """Every form spaCy's rule lemmatizer gives, in its order, for words in and out of its index, capitalised,
    hyphenated, with digits; a lemmatizer in another mode keeps its own method."""
    stock, _ = models
    lemmatizer = stock.get_pipe("lemmatizer")
    ours = fast_tags._rule_lemmas(lemmatizer)
    texts = WRITTEN + ["The Quillsbys' ferries were re-routed; 3D-printed hulls cost $4.5m, analysts reckoned.",
                       "Gleebing the snarfles, she outbriskened the xyloquints, who flommoxed and were flommoxed.",
                       "Mice, geese, oxen and criteria; better, worst, further; the children's and the women's."]
    tokens = [t for doc in stock.pipe(texts) for t in doc]
    assert len(tokens) > 60
    for t in tokens:
        assert ours(t) == lemmatizer.rule_lemmatize(t), (t.text, t.pos_, str(t.morph))
    import spacy

    lookup = spacy.blank("en").add_pipe("lemmatizer", config={"mode": "lookup"})
    assert fast_tags._rule_lemmas(lookup) is None


@pytest.mark.parametrize("folder, limit", [("polnear-dev/text", 84), ("meantime/text", 90)])
def test_cases_read_off_the_patterns_are_what_spacys_matcher_finds(models, folder, limit):
    """What each case of a token matches, read off the ruler's patterns (`learn`), against spaCy's Matcher run on
    the paragraph, for every token of the real articles and of the written sentences."""
    stock, _ = models
    ruler = stock.get_pipe("attribute_ruler")
    tables = fast_tags._RulerTables(ruler)
    texts = WRITTEN + paragraphs(shared_path("eval", *folder.split("/")), limit)
    seen = 0
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(stock.pipe(texts))
    from spacy.matcher import Matcher

    openers = Matcher(stock.vocab, validate=False)  # each longer pattern's first token, alone
    for number in range(len(ruler.attrs)):
        if firsts := [p[:1] for p in ruler.matcher.get(str(number))[1] if len(p) > 1]:
            openers.add(str(number), firsts)
    for doc in docs:
        cases = tables.cases_of(doc)
        singles: dict[int, list[int]] = {}
        for number, _, start, end in ruler.match(doc):
            if end - start == 1:
                singles.setdefault(start, []).append(number)
        opening = {start for _, start, _ in openers(doc, allow_missing=True)}
        expected = {case: (tuple(sorted(singles.get(i, ()))), i in opening) for i, case in enumerate(cases)}
        tables.learn(doc, cases)
        for case in cases:
            assert tables.cases[case] == expected[case], (doc.text, case)
        seen += len(cases)
    assert seen > 10_000 and len(tables.cases) > 400
