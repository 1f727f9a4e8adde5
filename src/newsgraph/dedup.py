"""Near-duplicate articles: MinHash signatures of the body's word shingles, found with LSH.

The same story reposted by another site with other furniture has nearly
the same body paragraphs; its MinHash estimate of Jaccard similarity with
the original is high even when a sentence or two differ.

Signatures are datasketch's `MinHash(num_perm=128, scheme="affine32")`
(seed 1) with our own shingle hash (`shingle_hash`): each word is hashed
once (CRC-32, mixed with MurmurHash3's finalizer, remembered across
articles) and a shingle's hash is a sum of its five words' hashes times
five odd constants (mod 2^32), so that every shingle of an article is
hashed at once with numpy instead of one SHA-1 call per shingle (datasketch's
default, what stores made before the `signatures_by_words` migration held:
the migration recomputes them from the stored bodies). The index bands
them as datasketch's `MinHashLSH(threshold=0.7, num_perm=128)` does (14
bands of 9 rows). tests/test_ingest.py checks both against datasketch
given the same shingle hash.
"""

from __future__ import annotations

import re
import zlib
from functools import cache
from itertools import chain

import numpy as np

NUM_PERM = 128
SHINGLE = 5
SCHEME = "affine32"  # datasketch's hashing scheme: fixed, so stored signatures stay comparable
SEED = 1  # datasketch's default
THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets at which an article is a repost
BANDS, ROWS = 14, 9  # datasketch's optimal LSH parameters for THRESHOLD and NUM_PERM
_WORD = re.compile(r"\w+")
# what `_WORD` finds, faster: characters that are no word character (ASCII ones and the punctuation English news
# uses most) become spaces; a text with other characters left (accented letters, other scripts) goes to `_WORD`
_NOT_WORD = str.maketrans({ch: " " for ch in [*(chr(i) for i in range(128) if not (chr(i).isalnum() or chr(i) == "_")),
                                              *"’‘“”„«»–—‐‑…•·′″€£¥©®™°§¶\u00a0\u2009\u200a\u202f"]})
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)  # the MurmurHash3 finalizer datasketch mixes hashes with
_POSITIONS = (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1)  # odd: a shingle's word at each place
_FMIX32_NP = tuple(np.uint32(c) for c in _FMIX32)
_POSITIONS_NP = tuple(np.uint32(m) for m in _POSITIONS)
BLOCK_WORDS = 4096  # words of the bodies signed at once (128 x as many 4-byte values in memory)
_MAX_WORDS = 1 << 20  # words whose hashes are remembered, at most
_word_hashes: dict[str, int] = {}


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h -> a*h + b (mod 2^32) of datasketch's affine32 scheme for seed 1."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finalizer of each value, in place (the caller's array is changed and returned)."""
    s1, m1, s2, m2, s3 = _FMIX32_NP
    h ^= h >> s1
    h *= m1
    h ^= h >> s2
    h *= m2
    h ^= h >> s3
    return h


def _word_hash(word: str) -> int:
    """A word's hash: CRC-32 of its UTF-8 bytes, mixed (MurmurHash3's finalizer)."""
    h = zlib.crc32(word.encode())
    for shift, multiplier in ((16, 0x85EBCA6B), (13, 0xC2B2AE35)):
        h = ((h ^ (h >> shift)) * multiplier) & 0xFFFFFFFF
    return h ^ (h >> 16)


def _hashes_of(words: list[str]) -> np.ndarray:
    """Each word's hash, remembered across articles (most words of a story are common ones)."""
    known = _word_hashes
    try:
        return np.fromiter(map(known.__getitem__, words), dtype=np.uint32, count=len(words))
    except KeyError:
        if len(known) > _MAX_WORDS:
            known.clear()
        for word in words:
            if word not in known:
                known[word] = _word_hash(word)
        return np.fromiter(map(known.__getitem__, words), dtype=np.uint32, count=len(words))


def shingle_hash(shingle: bytes) -> int:
    """The hash of one shingle (its words joined by spaces), as `signature` computes it for all at once."""
    words = shingle.decode().split(" ")
    return sum(_word_hash(w) * m for w, m in zip(words, _POSITIONS)) & 0xFFFFFFFF


def signature(paragraphs: list[str]) -> bytes | None:
    """The MinHash signature of a body as bytes, or None for a body too short to compare."""
    return signatures([paragraphs])[0]


def signatures(bodies: list[list[str]]) -> list[bytes | None]:
    """The signatures of several bodies (each `signature`'s), computed a block of bodies at a time, so that
    numpy's cost per call is paid once per block, not once per body."""
    words = [_words(" ".join(paragraphs).lower()) for paragraphs in bodies]
    out: list[bytes | None] = [None] * len(bodies)
    todo = [i for i, w in enumerate(words) if len(w) >= SHINGLE * 4]
    start = 0
    while start < len(todo):
        end, total = start + 1, len(words[todo[start]])
        while end < len(todo) and total + len(words[todo[end]]) <= BLOCK_WORDS:
            total += len(words[todo[end]])
            end += 1
        block = todo[start:end]
        for i, sig in zip(block, _block_signatures([words[i] for i in block])):
            out[i] = sig
        start = end
    return out


def _words(text: str) -> list[str]:
    """The words of a text as `_WORD.findall` gives them."""
    spaced = text.translate(_NOT_WORD)
    return spaced.split() if spaced.isascii() else _WORD.findall(text)


def _block_signatures(bodies: list[list[str]]) -> list[bytes]:
    """Signatures of bodies of at least SHINGLE * 4 words: their words' hashes end to end, the shingles of that
    sequence less those across two bodies, then each permutation's minimum over each body's shingles."""
    hashes = _hashes_of(list(chain.from_iterable(bodies)))
    count = len(hashes) - SHINGLE + 1
    shingles = hashes[:count] * _POSITIONS_NP[0]  # a shingle seen twice changes no minimum: no set needed
    for place in range(1, SHINGLE):
        shingles += hashes[place:place + count] * _POSITIONS_NP[place]
    lengths = [len(words) - SHINGLE + 1 for words in bodies]  # each body's own shingles
    if len(bodies) > 1:
        inside = np.ones(count, dtype=bool)
        for end in np.cumsum([len(words) for words in bodies[:-1]]):
            inside[end - SHINGLE + 1:end] = False  # shingles that start in one body and end in the next
        shingles = shingles[inside]
    a, b = _permutations()
    values = np.multiply.outer(a, _fmix32(shingles))  # one row per permutation: a * h + b, then its minimum
    values += b[:, None]
    starts = np.cumsum([0, *lengths[:-1]])
    minima = np.minimum.reduceat(values, starts, axis=1).T.copy()  # one row per body
    return [row.tobytes() for row in minima]


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
