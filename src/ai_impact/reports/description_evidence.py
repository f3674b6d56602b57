"""What the O*NET statements nearest to pasted statements say about their protecting
capability (:func:`capability_evidence`, :class:`CapabilityEvidence`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from ai_impact.reports.description_spelling import matcher_text
from ai_impact.scoring.capability import CAPABILITIES
from ai_impact.scoring.capability_text import NEIGHBOURS, SHARPNESS

if TYPE_CHECKING:
    from ai_impact.reports.description_match import DescriptionIndex

__all__ = ["CapabilityEvidence", "capability_evidence"]


@dataclass(frozen=True, slots=True)
class CapabilityEvidence:
    """What the O*NET statements nearest to each pasted statement say about its capability.

    ``nearest`` / ``nearest_cos``: per statement and capability, the closest of the neighbours
    voting for it (task id, -1 when none, and its cosine); ``own`` / ``own_cos``: the same among
    all statements of one occupation (the one the text was matched to)."""

    votes: NDArray[np.float64]  # statements × capabilities, weighted share of the neighbours
    hands_on: NDArray[np.float64]  # weighted share of neighbours with hands-on work activities
    nearest: NDArray[np.int64]
    nearest_cos: NDArray[np.float64]
    own: NDArray[np.int64]
    own_cos: NDArray[np.float64]


def _closest_voters(
    sims: NDArray[np.float64], info: NDArray[np.int64], k: int
) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Per statement (rows of ``sims``) and capability, the task id and cosine of the most
    similar candidate (columns, with ``info`` rows: task id, capability) voting for it."""
    ids = np.full((sims.shape[0], k), -1, dtype=np.int64)
    cos = np.full((sims.shape[0], k), -1.0)
    for cap in range(k):
        cols = np.flatnonzero(info[:, 1] == cap)
        if len(cols) == 0:
            continue
        best = np.argmax(sims[:, cols], axis=1)
        ids[:, cap] = info[cols[best], 0]
        cos[:, cap] = sims[np.arange(sims.shape[0]), cols[best]]
    return ids, cos


def capability_evidence(
    index: DescriptionIndex, texts: Sequence[str], occupation: str | None = None
) -> CapabilityEvidence:
    """The :data:`NEIGHBOURS` O*NET statements (with work activities) of ``index`` nearest to
    each pasted statement, weighted by ``exp(SHARPNESS·(cos − 1))``: their capability votes,
    their hands-on share, and the closest voters for each capability among them and among the
    statements of ``occupation``."""
    from ai_impact.titles.embed import load_embedder

    n, k = len(texts), len(CAPABILITIES)
    votes, hands = np.zeros((n, k)), np.zeros(n)
    rows = np.flatnonzero(index.task_info[:, 1] >= 0)
    if n == 0 or len(rows) == 0:
        none_ids, none_cos = np.full((n, k), -1, dtype=np.int64), np.full((n, k), -1.0)
        return CapabilityEvidence(votes, hands, none_ids, none_cos, none_ids, none_cos)
    vecs = load_embedder().encode([index.respelled(matcher_text(t)) for t in texts])
    sims = (vecs @ index.vectors.T)[:, rows].astype(np.float64)  # no copy of the table
    top = min(NEIGHBOURS, len(rows))
    best = np.argpartition(-sims, top - 1, axis=1)[:, :top]
    near_sims = np.take_along_axis(sims, best, axis=1)
    weight = np.exp(SHARPNESS * (near_sims - 1.0))
    info = index.task_info[rows[best]]  # statements × neighbours × (id, capability, hands)
    total = np.maximum(weight.sum(axis=1), 1e-12)
    for cap in range(k):
        votes[:, cap] = (weight * (info[:, :, 1] == cap)).sum(axis=1) / total
    hands = (weight * info[:, :, 2]).sum(axis=1) / total
    nearest = np.full((n, k), -1, dtype=np.int64)
    nearest_cos = np.full((n, k), -1.0)
    for i in range(n):
        ids, cos = _closest_voters(near_sims[i : i + 1], info[i], k)
        nearest[i], nearest_cos[i] = ids[0], cos[0]
    own_rows = np.zeros(0, dtype=np.int64)
    if occupation in index.codes:
        own_rows = np.flatnonzero(index.owner[rows] == index.codes.index(str(occupation)))
    own, own_cos = _closest_voters(sims[:, own_rows], index.task_info[rows[own_rows]], k)
    return CapabilityEvidence(votes, hands, nearest, nearest_cos, own, own_cos)
