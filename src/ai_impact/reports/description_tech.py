"""The products a pasted job description names, matched to the occupations that use them.

O*NET task statements rarely name a product, but job ads do: "Build and run our Kubernetes
platform on AWS with Terraform" shares no telling word with any statement, and the static
embedding read "Terraform" near refractory materials. O*NET's Technology Skills list the
software each occupation uses (Kubernetes: 15 occupations; NetSuite: 52; Python: 132). This
index keeps the words of those product names per occupation. A word of a pasted statement that
is written with a capital letter, is not the statement's first word and is no word of the O*NET
statements ("Kubernetes", "AWS", "NetSuite", "Salesforce") is read as a product name. An
occupation's score is the share of the pasted names' evidence it lists, each name weighted by
its inverse document frequency over occupations (a name nearly every occupation lists,
"Microsoft", counts for almost nothing). A text that names no listed product scores 0
everywhere, so task lists in O*NET's own words are matched as before.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["TechIndex", "product_names"]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#]*")


def _name_words(example: str) -> set[str]:
    """The words of one O*NET technology example ("Amazon Web Services AWS software")."""
    return {w.lower() for w in _WORD.findall(example) if len(w) >= 2}


def product_names(texts: Iterable[str]) -> set[str]:
    """The words of pasted statements written as names: with a capital letter, and not the
    statement's first word ("Run weekly ACH batches in NetSuite" → {"ach", "netsuite"})."""
    names: set[str] = set()
    for text in texts:
        for i, match in enumerate(_WORD.finditer(text)):
            word = match.group(0)
            if i > 0 and len(word) >= 2 and any(c.isupper() for c in word):
                names.add(word.lower())
    return names


class TechIndex:
    """Product-name words → the occupations (row indices) whose technology lists use them."""

    def __init__(self, words: Sequence[str], ptr: NDArray[Any], occ: NDArray[Any], n_docs: int):
        self.words = list(words)
        self.ptr = np.asarray(ptr, dtype=np.int64)
        self.occ = np.asarray(occ, dtype=np.int64)
        self.n_docs = n_docs
        self._word_id = {w: i for i, w in enumerate(self.words)}
        users = max(len(np.unique(self.occ)), 1)
        df = np.diff(self.ptr)
        self.idf = np.log(users / np.maximum(df, 1)).astype(np.float64)

    @classmethod
    def build(cls, examples: Mapping[int, Iterable[str]], n_docs: int) -> TechIndex:
        """Index the technology examples of each occupation row."""
        users: dict[str, set[int]] = {}
        for row, names in examples.items():
            for name in names:
                for word in _name_words(name):
                    users.setdefault(word, set()).add(row)
        words = sorted(users)
        ptr = np.zeros(len(words) + 1, dtype=np.int64)
        ptr[1:] = np.cumsum([len(users[w]) for w in words])
        occ = np.fromiter((o for w in words for o in sorted(users[w])), dtype=np.int64)
        return cls(words, ptr, occ, n_docs)

    def scores(self, texts: Sequence[str], prose: Container[str] = ()) -> NDArray[np.float64]:
        """Per occupation, the idf-weighted share of the pasted product names it lists; names
        that are words of ``prose`` (the O*NET statements, which the lexical half already
        reads) are left out."""
        out = np.zeros(self.n_docs)
        names = [w for w in product_names(texts) if w not in prose]
        ids = [self._word_id[w] for w in names if w in self._word_id]
        total = float(sum(self.idf[i] for i in ids))
        if total <= 0:
            return out
        for i in ids:
            out[self.occ[self.ptr[i] : self.ptr[i + 1]]] += self.idf[i]
        return out / total

    def arrays(self) -> dict[str, NDArray[np.generic]]:
        """The arrays to store (see :meth:`from_arrays`)."""
        return {
            "tech_words": np.asarray(self.words, dtype=np.str_),
            "tech_ptr": self.ptr,
            "tech_occ": self.occ.astype(np.int32),
        }

    @classmethod
    def from_arrays(cls, z: Mapping[str, NDArray[Any]], n_docs: int) -> TechIndex:
        """Rebuild from :meth:`arrays` (``z`` maps names to arrays, like an open .npz)."""
        return cls([str(w) for w in z["tech_words"]], z["tech_ptr"], z["tech_occ"], n_docs)
