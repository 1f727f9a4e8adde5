"""Near-duplicate articles: MinHash signatures of the body's word shingles, found with LSH.

The same story reposted by another site with other furniture has nearly
the same body paragraphs; its MinHash estimate of Jaccard similarity with
the original is high even when a sentence or two differ.

Signatures are datasketch's (`MinHash(num_perm=128, scheme="affine32")`,
SHA-1 of each shingle, seed 1) and the index bands them as datasketch's
`MinHashLSH(threshold=0.7, num_perm=128)` does (14 bands of 9 rows), but
both are computed here with numpy: the same values at a fraction of the
cost, and without importing datasketch (and SciPy) on every ingest.
tests/test_ingest.py checks both against datasketch.
"""

from __future__ import annotations

import re
from functools import cache
from hashlib import sha1

import numpy as np

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # datasketch's hashing scheme: fixed, so stored signatures stay comparable
SEED = 1  # datasketch's default
THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets at which an article is a repost
BANDS, ROWS = 14, 9  # datasketch's optimal LSH parameters for THRESHOLD and NUM_PERM
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # the MurmurHash3 finalizer datasketch mixes hashes with


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h -> a*h + b (mod 2^32) of datasketch's affine32 scheme for seed 1."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX32)
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s3)


def signature(paragraphs: list[str]) -> bytes | None:
    """The MinHash signature of a body as bytes, or None for a body too short to compare."""
    words = re.findall(r"\w+", " ".join(paragraphs).lower())
    if len(words) < SHINGLE * 4:
        return None
    shingles = set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)))))  # a minimum: repeats change nothing
    hashes = np.fromiter((int.from_bytes(sha1(s.encode()).digest()[:4], "little") for s in shingles),
                         dtype=np.uint32, count=len(shingles))
    a, b = _permutations()
    return (_fmix32(hashes)[:, None] * a + b).min(axis=0).tobytes()


class DuplicateIndex:
    """The signatures of stored originals, asked for the best match of a new one."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.bands, rows = (BANDS, ROWS) if threshold == THRESHOLD else _lsh_params(threshold)
        self.width = rows * 4  # bytes of one band of a signature
        self.buckets: list[dict[bytes, list[str]]] = [{} for _ in range(self.bands)]
        self.values: dict[str, np.ndarray] = {}

    def add(self, article_id: str, sig: bytes) -> None:
        if article_id in self.values:
            return
        self.values[article_id] = np.frombuffer(sig, dtype=np.uint32)
        for i, bucket in enumerate(self.buckets):
            bucket.setdefault(sig[i * self.width:(i + 1) * self.width], []).append(article_id)

    def best(self, sig: bytes) -> tuple[str, float] | None:
        """The most similar stored article at or over the threshold, with its estimated similarity."""
        values = np.frombuffer(sig, dtype=np.uint32)
        candidates = {article_id for i, bucket in enumerate(self.buckets)
                      for article_id in bucket.get(sig[i * self.width:(i + 1) * self.width], ())}
        found = [(i, float(np.mean(self.values[i] == values))) for i in candidates]
        found = [f for f in found if f[1] >= self.threshold]
        return max(found, key=lambda f: (f[1], f[0])) if found else None


def _lsh_params(threshold: float) -> tuple[int, int]:
    """datasketch's (bands, rows) for another threshold."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, NUM_PERM, 0.5, 0.5)
