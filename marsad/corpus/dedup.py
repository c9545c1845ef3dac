"""Near-duplicate articles: MinHash signatures and an LSH index over them (datasketch).

Wire copies, republished stories and lightly edited versions share most of their word
sequences. Each article's set of word 3-shingles (over its search terms, so clitics and
spelling variants do not hide a copy) is summarised by a MinHash signature; an LSH index
finds the stored articles likely to be over `THRESHOLD` Jaccard similarity, and the
signatures' estimate confirms it. The signatures are stored with the articles, so the
index is rebuilt from the store at the start of every ingest and survives any crash.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import numpy as np

NUM_PERM = 64
SHINGLE = 3
# Estimated Jaccard similarity of shingle sets above which two articles are one story.
THRESHOLD = 0.6
# The LSH index is tuned for a lower similarity (21 bands of 3 rows for 64 permutations),
# so that a pair at THRESHOLD is a candidate with probability 0.994 (at 0.6 it would be
# 0.68); candidates are then checked against THRESHOLD on their full signatures.
LSH_THRESHOLD = 0.3
_SEED = 1
# datasketch's 32-bit hashing scheme, named so that stored signatures stay comparable.
_SCHEME = "affine32"


def signature(terms: str) -> bytes:
    """The MinHash signature of a text's search terms, as bytes for the store."""
    from datasketch import MinHash

    words = terms.split()
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, permutations=_permutations())
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles if shingle])
    return minhash.hashvalues.astype(np.uint32).tobytes()


@functools.cache
def _permutations() -> Any:
    """The hash permutations, drawn once per process from the fixed seed."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def _minhash(data: bytes):  # -> datasketch.LeanMinHash
    from datasketch import LeanMinHash

    return LeanMinHash(seed=_SEED, hashvalues=np.frombuffer(data, dtype=np.uint32), scheme=_SCHEME)


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal MinHash values."""
    a, b = np.frombuffer(first, dtype=np.uint32), np.frombuffer(second, dtype=np.uint32)
    return float(np.count_nonzero(a == b)) / len(a)


class DuplicateIndex:
    """An in-memory LSH index of stored articles' signatures."""

    def __init__(self, threshold: float = THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[int, bytes] = {}

    @classmethod
    def from_signatures(
        cls, rows: Iterable[tuple[int, bytes]], threshold: float = THRESHOLD
    ) -> DuplicateIndex:
        index = cls(threshold)
        with index._lsh.insertion_session() as session:
            for article_id, data in rows:
                index._signatures[article_id] = data
                session.insert(article_id, _minhash(data), check_duplication=False)
        return index

    def __len__(self) -> int:
        return len(self._signatures)

    def best_match(self, data: bytes) -> tuple[int, float] | None:
        """The most similar stored article at or over the threshold, with its similarity."""
        best: tuple[int, float] | None = None
        for article_id in self._lsh.query(_minhash(data)):
            score = similarity(data, self._signatures[article_id])
            if score >= self.threshold and (best is None or (score, -article_id) > (best[1], -best[0])):
                best = (article_id, score)
        return best

    def add(self, article_id: int, data: bytes) -> None:
        if article_id not in self._signatures:
            self._signatures[article_id] = data
            self._lsh.insert(article_id, _minhash(data), check_duplication=False)
