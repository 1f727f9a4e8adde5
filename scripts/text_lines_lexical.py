"""The lexical score of the scraped-text line model: a logistic regression over a line's hashed grams.

Used by `scripts/train_text_lines.py --lexical`, which adds the score (`newsgraph.readers.text_lexical`) to every
unit's FEATURES row as one more first-stage feature, "lexical" (the second stage reads it too, in the row). The
regression is scikit-learn's (liblinear, L2, inverse strength `--lexical-c`), fitted on the free lines of the
training pages with the trainer's line weights (scaled to a mean of one), on binary features: which of the
line's hashed grams (text_lexical.gram_ids) it holds. With `--lexical-min-pages K` only grams held by at least K
training pages (a page's renders counted once) carry a weight: grams that recur across pages and sites, such as
"read more", "sign up" or "all rights reserved", and not a story's topic words, which do not transfer; 0 keeps
every gram.

The trees must not learn to trust scores the regression gives lines it was trained on, so the training rows
carry cross-fitted scores: the training pages fall in the five folds the trainer's first stage is cross-fitted
on (sorted page ids, every fifth; a page's renders in one fold), and each fold's lines are scored by a
regression fitted on the other four. The regression fitted on all the training pages is the one the model
keeps, to score the pages it reads.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

FOLDS = 5  # as train_text_lines.cross_fitted's folds


@dataclass(frozen=True)
class LexicalOptions:
    min_pages: int = 20  # a gram carries a weight only when at least this many training pages hold it (0: any)
    c: float = 0.02  # the regression's inverse L2 strength, lines weighted to a mean of one

    @property
    def tag(self) -> str:
        """The options in a file name (the trainer's --first-cache)."""
        return f"lex-k{self.min_pages}-c{self.c:g}"


_IDS: dict[str, list[list[int]]] = {}


def unit_ids(page) -> list[list[int]]:
    """The gram ids of every unit of a page (PageRows; its texts), computed once per run."""
    from newsgraph.readers.text_lexical import gram_ids

    if page.key not in _IDS:
        _IDS[page.key] = [gram_ids(text) for text in page.texts]
    return _IDS[page.key]


def unit_matrix(pages):
    """A sparse binary matrix of every unit of the pages (one row a unit, one column a hashed gram), and the
    index of each page's first row."""
    import numpy as np
    import scipy.sparse

    from newsgraph.readers.text_lexical import BUCKETS

    indptr, indices, starts = [0], [], []
    for page in pages:
        starts.append(len(indptr) - 1)
        for ids in unit_ids(page):
            indices.extend(ids)
            indptr.append(len(indices))
    indices = np.asarray(indices, dtype=np.int32)
    return scipy.sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, np.asarray(indptr)),
                                   shape=(len(indptr) - 1, BUCKETS)), starts


def kept_columns(pages, options: LexicalOptions):
    """A 0/1 mask of the grams that carry a weight: held by at least `min_pages` of the pages (every gram at 0)."""
    import numpy as np

    from newsgraph.readers.text_lexical import BUCKETS

    if options.min_pages <= 0:
        return np.ones(BUCKETS, dtype=np.float32)
    held: dict[str, set[int]] = {}
    for page in pages:
        held.setdefault(page.page, set()).update(i for ids in unit_ids(page) for i in ids)
    counts = np.zeros(BUCKETS, dtype=np.int32)
    for ids in held.values():
        counts[np.fromiter(ids, dtype=np.int64, count=len(ids))] += 1
    return (counts >= options.min_pages).astype(np.float32)


def fit_lexical(pages, options: LexicalOptions):
    """The regression fitted on the free lines of the pages, as a run-time text_lexical.Lexical."""
    import numpy as np
    import scipy.sparse
    from sklearn.linear_model import LogisticRegression

    from newsgraph.readers.text_lexical import Lexical

    X, starts = unit_matrix(pages)
    free = np.array([start + i for page, start in zip(pages, starts) for i in page.free])
    y = np.array([label for page in pages for label in page.labels])
    w = np.array([x for page in pages for x in page.weights])
    keep = kept_columns(pages, options)
    X = X[free] @ scipy.sparse.diags(keep, format="csr")  # the grams not kept weigh nothing
    clf = LogisticRegression(C=options.c, solver="liblinear", max_iter=200).fit(X, y, sample_weight=w / w.mean())
    coef = clf.coef_[0] * keep
    return Lexical(bias=float(clf.intercept_[0]),
                   weights={int(i): float(coef[i]) for i in np.flatnonzero(np.abs(coef) >= 5e-6)})


def scores(lexical, pages) -> dict[str, list[float]]:
    """Every unit's lexical log-odds under `lexical`, by page key (the same sums as Lexical.score)."""
    import numpy as np

    from newsgraph.readers.text_lexical import BUCKETS

    coef = np.zeros(BUCKETS)
    coef[list(lexical.weights)] = list(lexical.weights.values())
    X, starts = unit_matrix(pages)
    out = X @ coef + lexical.bias
    return {page.key: out[start:start + len(page.rows)].tolist() for page, start in zip(pages, starts)}


def cross_fitted_lexical(pages, options: LexicalOptions) -> dict[str, list[float]]:
    """Every unit's lexical score from a regression that did not see its page (five folds of pages, the first
    stage's)."""
    by_id = sorted({p.page for p in pages})
    out: dict[str, list[float]] = {}
    for k in range(FOLDS):
        test_ids = set(by_id[k::FOLDS])
        fold = fit_lexical([p for p in pages if p.page not in test_ids], options)
        out.update(scores(fold, [p for p in pages if p.page in test_ids]))
    return out


def with_lexical(pages, options: LexicalOptions, log=print) -> tuple[list, object]:
    """The pages with their cross-fitted lexical scores added to every row, and the regression fitted on all of
    them (the one a model keeps)."""
    import time

    began = time.process_time()
    oof = cross_fitted_lexical(pages, options)
    lexical = fit_lexical(pages, options)
    log(f"lexical regression ({options.tag}): {len(lexical.weights)} grams weighted, "
        f"{time.process_time() - began:.0f} s of CPU for it and its {FOLDS} cross-fits")
    return [dataclasses.replace(p, rows=[r + [s] for r, s in zip(p.rows, oof[p.key])]) for p in pages], lexical
