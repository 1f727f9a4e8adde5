"""Near-duplicate articles: MinHash signatures of the body's word shingles, found with LSH.

The same story reposted by another site with other furniture has nearly
the same body paragraphs; its MinHash estimate of Jaccard similarity with
the original is high even when a sentence or two differ.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # datasketch's hashing scheme: fixed, so stored signatures stay comparable
THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets at which an article is a repost


@cache
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(paragraphs: list[str]) -> bytes | None:
    """The MinHash signature of a body as bytes, or None for a body too short to compare."""
    from datasketch import MinHash

    words = re.findall(r"\w+", " ".join(paragraphs).lower())
    if len(words) < SHINGLE * 4:
        return None
    minhash = MinHash(num_perm=NUM_PERM, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch([" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)])
    return minhash.hashvalues.astype(np.uint32).tobytes()


class DuplicateIndex:
    """The signatures of stored originals, asked for the best match of a new one."""

    def __init__(self, threshold: float = THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.values: dict[str, np.ndarray] = {}

    def add(self, article_id: str, sig: bytes) -> None:
        if article_id in self.values:
            return
        values = np.frombuffer(sig, dtype=np.uint32)
        self.values[article_id] = values
        self.lsh.insert(article_id, self._minhash(values))

    def best(self, sig: bytes) -> tuple[str, float] | None:
        """The most similar stored article at or over the threshold, with its estimated similarity."""
        values = np.frombuffer(sig, dtype=np.uint32)
        found = [(i, float(np.mean(self.values[i] == values))) for i in self.lsh.query(self._minhash(values))]
        found = [f for f in found if f[1] >= self.threshold]
        return max(found, key=lambda f: (f[1], f[0])) if found else None

    @staticmethod
    def _minhash(values: np.ndarray):
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, hashvalues=values.astype(np.uint64), permutations=_permutations(),
                       scheme=SCHEME)
