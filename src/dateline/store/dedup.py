"""Near-duplicate detection: MinHash (datasketch) over word shingles, LSH bands kept in the store.

Wire copies republished with small edits share most 4-word shingles. 16 bands of 8 rows make
articles with an estimated Jaccard similarity near 0.7 or more collide in at least one band;
a collision is confirmed on the full signatures before two articles are called the same story.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 4
THRESHOLD = 0.7
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """MinHash of the text's lower-cased word 4-shingles."""
    words = _WORD.findall(text.lower())
    m = MinHash(num_perm=NUM_PERM, seed=1)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def bands(m: MinHash) -> list[tuple[int, str]]:
    """The LSH band keys of a signature."""
    hv = m.hashvalues
    return [(b, hashlib.blake2b(hv[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest())
            for b in range(BANDS)]


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(np.uint64).tobytes()


def similarity(m: MinHash, stored: bytes) -> float:
    """Estimated Jaccard similarity between a signature and a stored one."""
    other = np.frombuffer(stored, dtype=np.uint64)
    return float(np.mean(m.hashvalues == other))
