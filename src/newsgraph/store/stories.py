"""Stories: near-duplicate and syndicated copies of one article, found with MinHash and LSH.

Each document's text becomes the set of its 5-word shingles (lower case, letters and digits
only), summarised by a MinHash signature of 128 values; two documents whose signatures agree
on all 4 values of any of the 32 bands are candidates, and a candidate whose estimated
Jaccard similarity is at least ``THRESHOLD`` joins the story of the most similar document.
Everything is seeded and deterministic: the same texts always give the same stories.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
THRESHOLD = 0.5
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20231129)
_A = _rng.integers(1, 1 << 30, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 30, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"[^\W_]+")
_MASK30 = np.uint64((1 << 30) - 1)


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text`` (``PERMUTATIONS`` unsigned 64-bit values)."""
    sh = shingles(text)
    if not sh:
        return np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    x = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") for s in sh),
        dtype=np.uint64,
        count=len(sh),
    )
    x = x & _MASK30  # 30-bit values keep a*x+b inside 64 bits
    hashed = (_A[:, None] * x[None, :] + _B[:, None]) % np.uint64(_PRIME)
    return np.asarray(hashed.min(axis=1), dtype=np.uint64)


def bands(sig: np.ndarray) -> list[int]:
    """One 63-bit hash per band of the signature."""
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little") >> 1)
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    return float(np.mean(a == b))
