"""Word-level TF-IDF retrieval of occupations, the lexical half of the description matcher.

The static embedding of :mod:`.description_match` averages every word of a statement, so a
rare, telling word ("catheter", "subpoena", "forklift") weighs no more than "prepare". This
index keeps those words: each occupation is one document (its O*NET task statements and
description sentences), words and word bigrams hashed as in the task model's features
(:func:`ai_impact.scoring.features.hashed_occurrences`, word block only), weighted by
``(1 + log tf) · idf`` and L2-normalised. A pasted text is weighted the same way; its score for an
occupation is the cosine of the two vectors. Stored as postings sorted by hash bucket, so a
query touches only the buckets it contains.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ai_impact.scoring.features import hashed_occurrences

__all__ = ["BITS", "LexicalIndex"]

BITS = 20

I64 = NDArray[np.int64]
F32 = NDArray[np.float32]


def _word_counts(texts: Sequence[str], owner: NDArray[np.int64]) -> tuple[I64, I64, I64]:
    """(owner, bucket, count) of every word and word bigram, grouped by owner and bucket."""
    occ = hashed_occurrences(texts, BITS)
    words = occ.block == 0
    keys = owner[occ.rows[words]] * (1 << BITS) + occ.buckets[words]
    uniq, counts = np.unique(keys, return_counts=True)
    return uniq >> BITS, uniq & ((1 << BITS) - 1), counts.astype(np.int64)


@dataclass(frozen=True)
class LexicalIndex:
    """Postings of the occupation documents, sorted by bucket."""

    buckets: I64  # distinct buckets, sorted
    idf: F32  # idf of each distinct bucket
    starts: I64  # postings of buckets[i] are rows starts[i]:starts[i + 1]
    docs: I64  # occupation (row index) of each posting
    weights: F32  # its normalised weight
    n_docs: int

    @classmethod
    def build(cls, texts: Sequence[str], owner: Sequence[int], n_docs: int) -> LexicalIndex:
        """Index the texts, each belonging to occupation ``owner[i]`` (0 … n_docs − 1)."""
        doc, bucket, tf = _word_counts(texts, np.asarray(owner, dtype=np.int64))
        order = np.lexsort((doc, bucket))
        doc, bucket, tf = doc[order], bucket[order], tf[order]
        uniq, first, df = np.unique(bucket, return_index=True, return_counts=True)
        idf = (np.log((n_docs + 1) / (df + 1)) + 1.0).astype(np.float32)
        w = (1.0 + np.log(tf)) * np.repeat(idf, df)
        norms = np.sqrt(np.bincount(doc, weights=w * w, minlength=n_docs))
        w = w / np.maximum(norms[doc], 1e-12)
        starts = np.append(first, len(bucket)).astype(np.int64)
        return cls(uniq, idf, starts, doc, w.astype(np.float32), n_docs)

    def scores(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """Cosine of the pasted texts (one document) with every occupation document."""
        out = np.zeros(self.n_docs)
        if not texts:
            return out
        _, bucket, tf = _word_counts(texts, np.zeros(len(texts), dtype=np.int64))
        pos = np.searchsorted(self.buckets, bucket)
        known = pos < len(self.buckets)
        known[known] = self.buckets[pos[known]] == bucket[known]
        pos, tf = pos[known], tf[known]
        if len(pos) == 0:
            return out
        q = (1.0 + np.log(tf)) * self.idf[pos]
        q = q / max(float(np.linalg.norm(q)), 1e-12)
        lo, hi = self.starts[pos], self.starts[pos + 1]
        lens = hi - lo
        # Every posting of every query bucket, with the query weight of its bucket.
        rows = np.repeat(lo - np.cumsum(lens) + lens, lens) + np.arange(int(lens.sum()))
        qw = np.repeat(q, lens)
        np.add.at(out, self.docs[rows], qw * self.weights[rows])
        return out

    def arrays(self) -> dict[str, NDArray[np.generic]]:
        """The arrays to store (see :meth:`from_arrays`)."""
        return {
            "lex_buckets": self.buckets,
            "lex_idf": self.idf,
            "lex_starts": self.starts,
            "lex_docs": self.docs.astype(np.int32),
            "lex_weights": self.weights.astype(np.float16),
        }

    @classmethod
    def from_arrays(cls, z: Mapping[str, NDArray[Any]], n_docs: int) -> LexicalIndex:
        """Rebuild from :meth:`arrays` (``z`` maps names to arrays, like an open .npz)."""
        return cls(
            np.asarray(z["lex_buckets"], dtype=np.int64),
            np.asarray(z["lex_idf"], dtype=np.float32),
            np.asarray(z["lex_starts"], dtype=np.int64),
            np.asarray(z["lex_docs"], dtype=np.int64),
            np.asarray(z["lex_weights"], dtype=np.float32),
            n_docs,
        )
