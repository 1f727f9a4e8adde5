"""Which words a line holds, as one number: a lexical score, one feature of the line model (`text_lines`).

The line model's features read a line's shape and place, never its words. This
score reads them: each line becomes a bag of hashed grams (its lower-cased
words, a run of digits folded to one symbol; its word pairs, with its start and
end marked, so "^ read" and "more $" are grams of their own; and a line of up
to SHORT words whole), and a logistic regression trained by
`scripts/train_text_lines.py --lexical` (scripts/text_lines_lexical.py) gives
each kept gram a weight. A line's score is the bias plus the weights of its
grams: the regression's log-odds that the line is body text. A gram is known
only by its CRC-32 modulo BUCKETS (zlib's, the same in every process, unlike
Python's `hash`), so the model keeps ids and weights and no text.
"""

from __future__ import annotations

import itertools
import re
import zlib
from dataclasses import dataclass

BUCKETS = 2 ** 18
SHORT = 4  # a line of at most this many words is also one gram whole ("^ read more $")
_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


def line_grams(text: str) -> set[str]:
    """The grams of a line: its words, its word pairs with start and end marks, and a short line whole."""
    words = [_DIGITS.sub("0", w) for w in _WORD.findall(text.lower())]
    if not words:
        return set()
    marked = ["^", *words, "$"]
    grams = set(words) | {f"{a} {b}" for a, b in zip(marked, marked[1:])}
    if len(words) <= SHORT:
        grams.add(" ".join(marked))
    return grams


def gram_ids(text: str) -> list[int]:
    """The hashed ids of a line's grams, sorted (each once)."""
    return sorted({zlib.crc32(g.encode("utf-8")) % BUCKETS for g in line_grams(text)})


@dataclass(frozen=True)
class Lexical:
    """A logistic regression over hashed grams: a line's log-odds of being body text from its words."""

    bias: float
    weights: dict[int, float]

    def score(self, text: str) -> float:
        """The line's lexical log-odds (the bias alone for a line with no known gram)."""
        weights = self.weights
        return self.bias + sum(weights.get(i, 0.0) for i in gram_ids(text))

    def to_json(self) -> dict:
        """The model as JSON: its ids sorted and written as gaps from the one before (fewer digits), its weights to
        four decimals."""
        ids = sorted(self.weights)
        return {"kind": "lexical", "buckets": BUCKETS, "bias": round(self.bias, 4),
                "gaps": [b - a for a, b in zip([0, *ids], ids)], "weights": [round(self.weights[i], 4) for i in ids]}

    @classmethod
    def from_json(cls, data: dict) -> Lexical:
        if data["buckets"] != BUCKETS:
            raise ValueError(f"a lexical model hashed into {data['buckets']} buckets, not {BUCKETS}")
        return cls(bias=data["bias"], weights=dict(zip(itertools.accumulate(data["gaps"]), data["weights"])))
