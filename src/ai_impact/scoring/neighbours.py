"""Label vote of the nearest labelled tasks (numpy only; training and runtime share it).

The same task statement, or a near copy, recurs across sibling occupations; the human label
of those neighbours is strong evidence. Every labelled task votes with weight
``exp(gamma·(cos − 1))``, so only close neighbours count; the vote is smoothed towards a
uniform prior so a text with no close neighbour gets a flat, uninformative distribution.
Embeddings are the task model's mean token vectors projected to a few PCA dimensions, which
keeps the all-pairs product cheap (queries × labelled tasks × dims).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["neighbour_vote", "project"]

_CHUNK = 2048
_PRIOR = 1e-3


def project(
    emb: NDArray[np.float32], mean: NDArray[np.float32], basis: NDArray[np.float32]
) -> NDArray[np.float32]:
    """Centre, project onto ``basis`` (dims × k) and L2-normalise rows."""
    z = (emb - mean) @ basis
    z /= np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-12)
    return z.astype(np.float32)


def neighbour_vote(
    queries: NDArray[np.float32],
    keys: NDArray[np.float32],
    labels: NDArray[np.float32],
    gamma: float,
) -> NDArray[np.float32]:
    """Class distribution voted by ``keys`` (rows: label distributions in ``labels``).

    ``exp(gamma·(cos − 1))`` is computed as ``exp(−gamma) · exp(gamma·cos)`` with ``gamma``
    folded into the queries: one pass over the similarity block (the exponential) instead of
    three, which is most of the vote's time. ``exp(gamma·cos)`` stays within float32 for any
    ``gamma`` below 80 (cos ≤ 1).
    """
    out = np.empty((len(queries), labels.shape[1]), dtype=np.float32)
    scaled = (queries * np.float32(gamma)).astype(np.float32, copy=False)
    floor = np.float32(np.exp(-gamma))
    for s in range(0, len(queries), _CHUNK):
        weights = scaled[s : s + _CHUNK] @ keys.T
        np.exp(weights, out=weights)
        votes = (weights @ labels) * floor + _PRIOR
        out[s : s + _CHUNK] = votes / votes.sum(axis=1, keepdims=True)
    return out
