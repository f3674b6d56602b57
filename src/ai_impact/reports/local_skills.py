"""Skills and knowledge that go with less exposure among occupations of the same kind.

Across all occupations the importance of every desk skill rises with exposure (reading
comprehension +0.73, judgment and decision making +0.35, persuasion +0.42): desk work is the
work AI reaches, so the across-occupation correlation of :mod:`ai_impact.reports.adaptation`
finds no skill to build for most desk occupations. Within occupations of the same kind the
picture differs: among the occupations whose skill and knowledge ratings are most like an
accountant's, those that rate social perceptiveness or coordination higher are less exposed.

:func:`local_arrays` measures that once for every occupation: its :data:`LOCAL_K` nearest
occupations by rating profile (cosine of the standardised importance of all skills and knowledge
areas; only occupations rated in full, with knowledge areas), and within that neighbourhood, the
occupation itself included, the Pearson correlation of each element's importance with β.
:class:`LocalSkills` reads the arrays back for a report: an element with a correlation at or
below :data:`LOCAL_CORR` is one the less exposed occupations of this kind rely on more, and the
page names two of them that rate it higher (the most similar first).

Measured on the 1,016 occupations (``benchmarks/adaptation.py``): with K = 150 and −0.20, every
first pick keeps a negative correlation in at least 95% of 200 bootstrap resamples of its
neighbourhood.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ai_impact.reports.model import AdaptationItem

__all__ = [
    "LOCAL_CORR",
    "LOCAL_K",
    "MOVE_GAP",
    "LocalEvidence",
    "LocalSkills",
    "column_correlations",
    "importance_matrix",
    "local_arrays",
    "move_skill",
]

LOCAL_K = 150  # neighbours of an occupation by rating profile (itself not counted)
LOCAL_CORR = -0.20  # at or below: the less exposed occupations of this kind rate it higher
EXAMPLE_QUANTILE = 0.95  # an example occupation is among the 5% most similar by the index
MOVE_GAP = 0.5  # a safer move's skill to build: rated this much higher there (1–5 scale)
MOVE_IMPORTANCE = 3.0  # ... and important there


@dataclass(frozen=True, slots=True)
class LocalEvidence:
    """Why an element goes with less exposure among occupations of this kind."""

    corr: float  # correlation of its importance with β in the neighbourhood
    examples: tuple[str, ...]  # codes of similar, less exposed occupations that rate it higher


def importance_matrix(ratings: Sequence[Sequence[Any]]) -> tuple[list[str], NDArray[np.float64]]:
    """Element ids (sorted) and the occupations × elements matrix of importance (0: unrated)."""
    ids = sorted({e.element_id for rows in ratings for e in rows})
    col = {e: j for j, e in enumerate(ids)}
    m = np.zeros((len(ratings), len(ids)))
    for i, rows in enumerate(ratings):
        for e in rows:
            m[i, col[e.element_id]] = e.importance or 0.0
    return ids, m


def column_correlations(x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.float64]:
    """Pearson correlation of each column of ``x`` with ``y`` (0 where a column is constant)."""
    xc, yc = x - x.mean(axis=0), y - y.mean()
    denom = np.sqrt((xc**2).sum(axis=0) * (yc**2).sum())
    out = np.where(denom > 0, (xc * yc[:, None]).sum(axis=0) / np.maximum(denom, 1e-12), 0.0)
    return np.asarray(out, dtype=np.float64)


def local_arrays(
    ratings: Sequence[Sequence[Any]],
    full: Sequence[bool],
    beta: NDArray[np.float64],
    k: int = LOCAL_K,
) -> dict[str, NDArray[Any]]:
    """Neighbourhood correlations of every occupation (rows in the order of ``ratings``).

    ``ratings``: each occupation's skill and knowledge ratings; ``full``: whether it is rated in
    full (with knowledge areas); only those take part. Arrays: ``local_ids`` (element ids),
    ``local_corr`` (occupations × elements, NaN where not rated in full), ``local_nb`` (each
    occupation's neighbours, most similar first, −1 where not rated in full) and ``local_imp``
    (the importance matrix, for the examples)."""
    ids, m = importance_matrix(ratings)
    ok = np.asarray(full, dtype=bool) & ~np.isnan(beta)
    n = len(ratings)
    corr = np.full((n, len(ids)), np.nan, dtype=np.float32)
    k = max(0, min(k, int(ok.sum()) - 1))
    nb = np.full((n, k), -1, dtype=np.int32)
    rows = np.flatnonzero(ok)
    if len(rows) > 2 and k > 1:
        sd = m[rows].std(axis=0)
        z = (m - m[rows].mean(axis=0)) / np.where(sd > 0, sd, 1.0)
        z /= np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-12)
        sim = z[rows] @ z[rows].T
        np.fill_diagonal(sim, -np.inf)
        for r, i in enumerate(rows):
            near = rows[np.argsort(-sim[r], kind="stable")[:k]]
            nb[i] = near
            group = np.concatenate(([i], near))
            corr[i] = column_correlations(m[group], beta[group])
    return {
        "local_ids": np.asarray(ids, dtype=np.str_),
        "local_corr": corr,
        "local_nb": nb,
        "local_imp": m.astype(np.float32),
    }


def move_skill(
    own: Sequence[Any],
    moves: Sequence[tuple[str, Sequence[Any]]],
    rated_from: str | None,
) -> AdaptationItem | None:
    """The skill a move to lower risk asks for most: for the first of ``moves`` (title, skill
    ratings; the page's safer moves, best first) that has one, the important skill (≥
    :data:`MOVE_IMPORTANCE`) it rates furthest above ``own`` (at least :data:`MOVE_GAP`). For a
    page with no skill to build by either correlation: a desk occupation whose less exposed
    neighbours rate its skills no higher can still learn what the move it is offered needs."""
    mine = {e.element_id: e.importance or 0.0 for e in own}
    where = "this occupation" if rated_from is None else rated_from
    for title, ratings in moves:
        gaps = [
            ((e.importance or 0.0) - mine.get(e.element_id, 0.0), e)
            for e in ratings
            if (e.importance or 0.0) >= MOVE_IMPORTANCE
        ]
        gaps = [(g, e) for g, e in gaps if g >= MOVE_GAP]
        if gaps:
            _, best = max(gaps, key=lambda p: (p[0], p[1].element_id))
            why = (
                f"Rated higher in {title}, a move to lower risk listed below, than in {where}: "
                "the skill that move asks for most beyond what this work already uses."
            )
            return AdaptationItem("skill", best.name, why, best.element_id)
    return None


class LocalSkills:
    """The neighbourhood correlations of :func:`local_arrays`, per occupation code."""

    def __init__(
        self, codes: Sequence[str], beta: NDArray[np.float64], arrays: dict[str, NDArray[Any]]
    ) -> None:
        self.codes = list(codes)
        self.index = {c: i for i, c in enumerate(self.codes)}
        self.beta = beta
        self.ids = [str(e) for e in arrays["local_ids"]]
        self.corr = arrays["local_corr"]
        self.nb = arrays["local_nb"]
        self.imp = arrays["local_imp"]

    def correlations(self, code: str | None) -> dict[str, float]:
        """Every element's correlation with β in ``code``'s neighbourhood (empty for an
        unknown code or one not rated in full)."""
        i = self.index.get(code or "")
        if i is None or np.isnan(self.corr[i]).all():
            return {}
        return {e: float(self.corr[i, j]) for j, e in enumerate(self.ids)}

    def evidence(
        self,
        code: str | None,
        n_examples: int = 2,
        similarity: NDArray[Any] | None = None,
    ) -> dict[str, LocalEvidence]:
        """Elements at or below :data:`LOCAL_CORR` in ``code``'s neighbourhood, with up to
        ``n_examples`` similar occupations that are less exposed and rate the element higher.
        ``similarity`` (one value per code, in this index's order) ranks the examples: the
        report passes the neighbour index's (tasks, titles, work activities, skills), since a
        rating profile alone found spa managers like financial managers. Empty for an unknown
        code or one not rated in full."""
        i = self.index.get(code or "")
        if i is None or np.isnan(self.corr[i]).all():
            return {}
        out: dict[str, LocalEvidence] = {}
        near = self.nb[i][self.nb[i] >= 0]
        safer = near[self.beta[near] < self.beta[i]]
        if similarity is not None:
            sim = np.asarray(similarity, dtype=float)
            # examples only from the occupations most like it overall (the top 5%): the
            # rating-profile neighbourhood of police officers reaches therapy assistants
            safer = safer[sim[safer] >= np.quantile(sim, EXAMPLE_QUANTILE)]
            safer = safer[np.argsort(-sim[safer], kind="stable")]
        for j in np.flatnonzero(self.corr[i] <= LOCAL_CORR).tolist():
            higher = safer[self.imp[safer, j] > self.imp[i, j]][:n_examples]
            examples = tuple(self.codes[o] for o in higher.tolist())
            out[self.ids[j]] = LocalEvidence(float(self.corr[i, j]), examples)
        return out
