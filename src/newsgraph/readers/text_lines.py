"""A trained line model for page dumps: is this line of a page rendered to text part of the story?

The prose-density region (`text_region`) finds where the story sits; inside
and around it, teaser blurbs, related headlines, widget text and captions
still look like prose to a few rules. The line model judges every free line
of a page dump from numbers: its length, how it ends, its case and
punctuation, list and link marks, its place in the page and in the rule
region, the same for its neighbours, and one number for its words,
`text_lexical`'s score (a regression over hashed words and word pairs that
recur across sites, such as "read more" or "sign up"; ids and weights are
kept, no text).

The model is a small gradient-boosted tree ensemble trained by
`scripts/train_text_lines.py` on the aed-dev and Zyte pages and on teacher
pages, rendered by inscriptis, html2text and w3m (licences: see the script),
exported to `data/text_lines.json` and evaluated here in pure Python. A
second stage reads the first stage's verdicts on the lines around each line
(stacking). `body_lines` returns one probability per unit. `Sequence`, a
bidirectional GRU over all of a page's units read with numpy, is the
trainer's `--sequence` option, tried and not shipped (docs/evaluation.md,
scraped-text section); the lexical score is its `--lexical` option, shipped.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .furniture import QUOTE_OPENERS, ends_sentence, load_data, sentences
from .text_lexical import Lexical
from .text_region import LIST_MARKER, Region, is_prose, lower_share, unit_score
from .text_units import Unit

if TYPE_CHECKING:
    import numpy as np  # the sequence model's arrays; numpy is imported when one is loaded

MODEL_FILE = "text_lines.json"
_WORD = re.compile(r"\w+")
_LINKISH = re.compile(r"[|»«›‹>]|https?:|www\.|@\w|#\w|\[|\]|\.com\b", re.I)
_PUNCT = re.compile(r"[^\w\s]")
_TITLE_WORD = re.compile(r"\b[A-Z][\w'’-]*")
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
WINDOWS = (3, 8)

OWN_FEATURES = ("log_words", "log_chars", "ends_sentence", "prose", "lower_share", "title_share", "digit_share",
                "punct_share", "sentences", "list_item", "heading", "linkish", "quote_open", "mean_word_len",
                "rule_score", "removed", "free", "caps_share", "ends_colon")
PLACE_FEATURES = ("position", "char_position", "in_region", "before_region", "after_region", "region_distance",
                  "block_size", "block_position", "repeats", "prose_share_page", "words_vs_longest")
FEATURES = (OWN_FEATURES + PLACE_FEATURES
            + tuple(f"n{o:+d}_{name}" for o in NEIGHBOUR_OFFSETS for name in ("log_words", "prose", "removed",
                                                                              "ends_sentence", "linkish"))
            + tuple(f"w{w}_{name}" for w in WINDOWS for name in ("prose_words", "removed", "lines")))
"""Every feature, in the order the model reads them."""


O_BULLET = re.compile(r"^o\s+[A-Z0-9]")  # inscriptis' bullet of a nested list


def _own(unit: Unit) -> list[float]:
    """A line's features by itself."""
    text = unit.text
    words = _WORD.findall(text)
    n = max(len(words), 1)
    share = lower_share(text)
    chars = max(len(text), 1)
    return [math.log1p(unit.words), math.log1p(len(text)), float(ends_sentence(text)), float(is_prose(unit)),
            -1.0 if share is None else share, len(_TITLE_WORD.findall(text)) / n,
            sum(c.isdigit() for c in text) / chars, len(_PUNCT.findall(text)) / chars, float(len(sentences(text))),
            float(bool(LIST_MARKER.match(text) or O_BULLET.match(text))), float(text.startswith("#")), float(len(_LINKISH.findall(text))),
            float(text[0] in QUOTE_OPENERS), sum(map(len, words)) / n, 0.0, float(unit.reason is not None),
            float(unit.free), sum(len(w) > 1 and w.isupper() for w in words) / n, float(text.rstrip().endswith(":"))]


def features(units: list[Unit], region: Region | None) -> list[list[float]]:
    """One feature row per unit, in FEATURES order."""
    own = [_own(u) for u in units]
    for i, row in enumerate(own):
        row[OWN_FEATURES.index("rule_score")] = max(-5.0, min(unit_score(units, i), 60.0)) if units[i].free else -5.0
    n = len(units)
    total_chars = max(units[-1].end, 1) if units else 1
    prose_words = [u.words if r[3] else 0 for u, r in zip(units, own)]
    longest = max(prose_words + [1])
    blocks: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        blocks.setdefault(u.block, []).append(i)
    keys = [re.sub(r"\W+", " ", u.text).strip().lower() for u in units]
    counts: dict[str, int] = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    prose_share = sum(r[3] for r in own) / max(n, 1)
    start, end = (region.start, region.end) if region else (n, n)
    rows = []
    for i, u in enumerate(units):
        block = blocks[u.block]
        distance = 0 if start <= i < end else (start - i if i < start else i - end + 1)
        row = own[i] + [i / max(n - 1, 1), u.start / total_chars, float(start <= i < end), float(i < start),
                        float(i >= end), math.log1p(distance), math.log1p(len(block)),
                        block.index(i) / max(len(block) - 1, 1), float(counts[keys[i]] - 1),
                        prose_share, prose_words[i] / longest]
        for o in NEIGHBOUR_OFFSETS:
            j = i + o
            if 0 <= j < n:
                r = own[j]
                row += [r[0], r[3], r[15], r[2], r[11]]
            else:
                row += [0.0, 0.0, 1.0, 0.0, 0.0]
        for w in WINDOWS:
            near = range(max(0, i - w), min(n, i + w + 1))
            row += [math.log1p(sum(prose_words[j] for j in near if j != i)),
                    sum(own[j][15] for j in near if j != i) / max(len(near) - 1, 1), float(len(near) - 1)]
        rows.append(row)
    return rows


def context(words: list[int], first: list[float]) -> list[list[float]]:
    """The second stage's extra features from the units' word counts and the first stage's probabilities."""
    n = len(words)
    gains = [w * (p - 0.5) for w, p in zip(words, first)]
    best, best_at, total, begin = 0.0, (n, n), 0.0, 0
    for i, gain in enumerate(gains):  # the maximum-sum stretch of likely body lines
        if total <= 0:
            total, begin = 0.0, i
        total += gain
        if total > best:
            best, best_at = total, (begin, i + 1)
    likely = [i for i, p in enumerate(first) if p >= 0.5]
    body_words = sum(words[i] for i in likely) or 1
    before, rows, seen = 0.0, [], 0
    for i in range(n):
        row = [first[i]] + [first[i + o] if 0 <= i + o < n else 0.0 for o in NEIGHBOUR_OFFSETS]
        for w in WINDOWS:
            near = [first[j] for j in range(max(0, i - w), min(n, i + w + 1)) if j != i]
            row.append(sum(near) / max(len(near), 1))
        lo, hi = best_at
        row += [float(lo <= i < hi), math.log1p(lo - i if i < lo else max(0, i - hi + 1)),
                float(bool(likely) and likely[0] < i < likely[-1]), before / body_words]
        if first[i] >= 0.5:
            before += words[i]
        rows.append(row)
    return rows


CONTEXT = ("p",) + tuple(f"p{o:+d}" for o in NEIGHBOUR_OFFSETS) + tuple(f"p_mean{w}" for w in WINDOWS) + (
    "in_likely_stretch", "likely_stretch_distance", "between_likely", "likely_words_before")
"""The second stage's extra features, after FEATURES."""

TOPIC_CONTEXT = ("t_body", "t_rest", "t_lede", "t_title", "t_prev", "t_next", "t_window", "t_known")
"""The second stage's topic features (text_topics), after CONTEXT, in a model trained with them (not shipped)."""

LEXICAL_FEATURES = ("lexical",)
"""The feature after FEATURES in a model with a lexical score (text_lexical; the shipped model has it)."""


@dataclass(frozen=True)
class Trees:
    """A gradient-boosted ensemble of binary trees: log-odds = base + rate * sum of leaf values."""

    base: float
    rate: float
    trees: tuple[tuple[tuple[int, ...], tuple[float, ...], tuple[int, ...], tuple[int, ...], tuple[float, ...]], ...]

    def probability(self, row: list[float]) -> float:
        """The probability that a line with these features is body text."""
        score = self.base
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while left[node] >= 0:
                node = left[node] if row[feature[node]] <= threshold[node] else right[node]
            score += self.rate * value[node]
        return 1.0 / (1.0 + math.exp(-score))

    @classmethod
    def from_json(cls, data: dict) -> Trees:
        return cls(base=data["base"], rate=data["rate"], trees=tuple(
            (tuple(t["feature"]), tuple(t["threshold"]), tuple(t["left"]), tuple(t["right"]), tuple(t["value"]))
            for t in data["trees"]))


SEQUENCE_CLIP = 8.0  # the bound of a standardised input and of the first stage's log-odds


def _sigmoid(x: np.ndarray) -> np.ndarray:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-x))


def _gru(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray) -> np.ndarray:
    """The hidden states of a GRU run over the rows of x (PyTorch's equations and gate order: reset, update, new)."""
    import numpy as np

    size = w_hh.shape[1]
    inputs = x @ w_ih.T + b_ih  # every step's input part at once; only the recurrence is a loop
    h = np.zeros(size)
    out = np.empty((len(x), size))
    for t in range(len(x)):
        hidden = w_hh @ h + b_hh
        gates = _sigmoid(inputs[t, :2 * size] + hidden[:2 * size])
        new = np.tanh(inputs[t, 2 * size:] + gates[:size] * hidden[2 * size:])
        h = new + gates[size:] * (h - new)  # (1 - z) * n + z * h
        out[t] = h
    return out


@dataclass(frozen=True)
class Sequence:
    """A bidirectional GRU over all the units of a page, in order (not shipped: see docs/evaluation.md).

    Each unit's input is its FEATURES row, standardised, and the first stage's log-odds; a small head reads both
    directions' states and the input and gives every unit's body log-odds, so a line is judged with the whole
    page before and after it in view rather than a fixed window."""

    mean: np.ndarray
    scale: np.ndarray
    forward: tuple[np.ndarray, ...]  # w_ih, w_hh, b_ih, b_hh
    backward: tuple[np.ndarray, ...]
    head: tuple[np.ndarray, ...]  # w1, b1, w2, b2: relu(z @ w1.T + b1) @ w2.T + b2

    def probabilities(self, rows: list[list[float]], *earlier: list[float]) -> list[float]:
        """The body probability of every unit of a page, given the earlier stages' probabilities."""
        import numpy as np

        if not rows:
            return []
        p = np.clip(np.column_stack(earlier), 1e-6, 1 - 1e-6)
        x = np.column_stack([np.asarray(rows, dtype=float), np.log(p / (1 - p))])
        x = np.clip((x - self.mean) / self.scale, -SEQUENCE_CLIP, SEQUENCE_CLIP)
        z = np.concatenate([_gru(x, *self.forward), _gru(x[::-1], *self.backward)[::-1], x], axis=1)
        w1, b1, w2, b2 = self.head
        return _sigmoid(np.maximum(z @ w1.T + b1, 0.0) @ w2.T + b2).ravel().tolist()

    @classmethod
    def from_json(cls, data: dict) -> Sequence:
        import numpy as np

        def arrays(names: tuple[str, ...]) -> tuple[np.ndarray, ...]:
            return tuple(np.asarray(data[name], dtype=float) for name in names)

        return cls(np.asarray(data["mean"], dtype=float), np.asarray(data["scale"], dtype=float),
                   arrays(("w_ih", "w_hh", "b_ih", "b_hh")), arrays(("w_ih_reverse", "w_hh_reverse", "b_ih_reverse",
                                                                    "b_hh_reverse")),
                   arrays(("head_w1", "head_b1", "head_w2", "head_b2")))


@dataclass(frozen=True)
class LineModel:
    """Two stages: the first reads a line's own features, the second adds the first's verdicts around it (trees
    over a window of neighbours, or a bidirectional GRU over the whole page); a third, a GRU, may read both."""

    first: Trees
    second: Trees | Sequence | None
    threshold: float
    topics: bool = False  # the second stage also reads text_topics' features
    third: Sequence | None = None
    lexical: Lexical | None = None  # every row ends with text_lexical's score of the unit's words

    @classmethod
    def from_stages(cls, stages: list[dict], threshold: float, topics: bool = False) -> LineModel:
        """The model of its stages as written in JSON (`data/text_lines.json`'s "stages", or the trainer's); a
        stage of kind "lexical" is the lexical score the stages' rows end with."""
        lexical = [Lexical.from_json(stage) for stage in stages if stage.get("kind") == "lexical"]
        parts = [Sequence.from_json(stage) if stage.get("kind") == "bigru" else Trees.from_json(stage)
                 for stage in stages if stage.get("kind") != "lexical"]
        return cls(first=parts[0], second=parts[1] if len(parts) > 1 else None, threshold=threshold, topics=topics,
                   third=parts[2] if len(parts) > 2 else None, lexical=lexical[0] if lexical else None)


@cache
def model() -> LineModel | None:
    """The shipped line model (data/text_lines.json), or None when it is absent or was made for other features."""
    try:
        data = load_data(MODEL_FILE)
    except FileNotFoundError:
        return None
    context_names = tuple(data.get("context", CONTEXT))
    lexical = any(stage.get("kind") == "lexical" for stage in data["stages"])
    if (tuple(data["features"]) != FEATURES + (LEXICAL_FEATURES if lexical else ())
            or context_names not in (CONTEXT, CONTEXT + TOPIC_CONTEXT)):
        return None
    return LineModel.from_stages(data["stages"], data["threshold"], topics=context_names != CONTEXT)


def body_lines(units: list[Unit], region: Region | None) -> list[float] | None:
    """The model's body probability for every unit, or None without a model."""
    line_model = model()
    if line_model is None:
        return None
    rows = features(units, region)
    if line_model.lexical is not None:
        rows = [row + [line_model.lexical.score(u.text)] for row, u in zip(rows, units)]
    return unit_probabilities(line_model, rows, [u.words for u in units],
                              [u.text for u in units] if line_model.topics else None)


def unit_probabilities(line_model: LineModel, rows: list[list[float]], words: list[int],
                       texts: list[str] | None = None) -> list[float]:
    """Every unit's body probability from its FEATURES row (and lexical score, in a model with one; `texts` only
    for a model with topic features)."""
    first = [line_model.first.probability(row) for row in rows]
    if line_model.second is None:
        return first
    if isinstance(line_model.second, Sequence):
        return line_model.second.probabilities(rows, first)
    extras = context(words, first)
    if line_model.topics:
        from .text_topics import line_vectors, topic_context

        extras = [a + b for a, b in zip(extras, topic_context(*line_vectors(texts), words, first))]
    second = [line_model.second.probability(row + extra) for row, extra in zip(rows, extras)]
    return second if line_model.third is None else line_model.third.probabilities(rows, first, second)
