"""Member 1 of the task model: hashed word+char TF-IDF with a multinomial logistic regression.

Trained with scikit-learn on the exact features the runtime computes
(:mod:`ai_impact.scoring.features`), then exported as plain arrays (idf, coef, bias).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from ai_impact.scoring.features import (
    hashed_occurrences,
    linear_scores,
    occurrence_weights,
)

BITS = 19


@dataclass
class Tfidf:
    """Exported parameters of one fitted TF-IDF head."""

    idf: NDArray[np.float32]
    coef: NDArray[np.float32]  # buckets × classes
    bias: NDArray[np.float32]

    def logits(self, texts: list[str]) -> NDArray[np.float64]:
        """Raw class scores through the runtime code path."""
        return linear_scores(hashed_occurrences(texts, BITS), self.idf, self.coef, self.bias)


def fit_idf(texts: list[str]) -> NDArray[np.float32]:
    """Smoothed idf per bucket, from document frequencies over ``texts``."""
    occ = hashed_occurrences(texts, BITS)
    pairs = np.unique(occ.rows * (1 << BITS) + occ.buckets)
    df = np.bincount(pairs % (1 << BITS), minlength=1 << BITS)
    n = len(texts)
    return (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)


def design(texts: list[str], idf: NDArray[np.float32]) -> sp.csr_matrix:
    """The sparse TF-IDF matrix the runtime multiplies implicitly."""
    occ = hashed_occurrences(texts, BITS)
    vals = occurrence_weights(occ, idf)
    return sp.csr_matrix((vals, (occ.rows, occ.buckets)), shape=(len(texts), 1 << BITS))


def fit_tfidf(texts: list[str], y: NDArray[np.int64], c: float = 1.0) -> Tfidf:
    """Fit idf and a logistic regression on ``texts``; classes are ``0..max(y)``."""
    idf = fit_idf(texts)
    x = design(texts, idf)
    lr = LogisticRegression(C=c, max_iter=2000, tol=1e-4)
    lr.fit(x, y)
    k = int(y.max()) + 1
    coef = np.zeros((1 << BITS, k), np.float32)
    bias = np.zeros(k, np.float32)
    coef[:, lr.classes_] = lr.coef_.T
    bias[lr.classes_] = lr.intercept_
    return Tfidf(idf, coef, bias)
