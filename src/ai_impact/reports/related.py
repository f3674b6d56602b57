"""Section 11: neighbouring occupations — O*NET's related list, nearest by profile, same industry.

An occupation's profile is one vector: O*NET skill and knowledge importances (29.3) and the
share of its tasks in each generalized work activity (task → DWA → IWA → GWA), each block
centred on the all-occupation mean and scaled to unit length so no block dominates. Similarity
is the cosine of two profiles (negative values count as 0). "Safer moves" are the most similar
occupations whose risk is at least :data:`SAFER_MARGIN` lower.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ai_impact.reports.model import RelatedEntry
from ai_impact.risk.table import RiskTable

__all__ = ["SAFER_MARGIN", "NeighbourIndex", "profile_matrix", "related_entries"]

SAFER_MARGIN = 1.0
N_NEIGHBOURS = 25
MIN_SAFER_SIMILARITY = 0.5


def _block(rows: list[dict[str, float]], columns: list[str]) -> NDArray[np.float64]:
    """A (occupations × columns) block, centred and row-normalised; zero rows stay zero."""
    col = {c: j for j, c in enumerate(columns)}
    m = np.zeros((len(rows), len(columns)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            m[i, col[k]] = v
    present = np.abs(m).sum(axis=1) > 0
    if present.any():
        m[present] -= m[present].mean(axis=0)
    norm = np.linalg.norm(m, axis=1, keepdims=True)
    return np.where(norm > 0, m / np.maximum(norm, 1e-12), 0.0)


def profile_matrix(kb: Any, codes: Sequence[str]) -> NDArray[np.float64]:
    """One profile row per occupation: skills, knowledge and work-activity blocks."""
    skills = [{e.element_id: e.importance or 0.0 for e in kb.skills(c)} for c in codes]
    knowledge = [{e.element_id: e.importance or 0.0 for e in kb.knowledge(c)} for c in codes]
    gwa_counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for a in kb.all_activities():
        gwa_counts[a.code][a.gwa_id] += 1.0
    acts = [dict(gwa_counts.get(c, {})) for c in codes]
    blocks = []
    for rows in (skills, knowledge, acts):
        cols = sorted({k for r in rows for k in r})
        blocks.append(_block(rows, cols))
    return np.hstack(blocks)


class NeighbourIndex:
    """The nearest occupations of each occupation, by profile similarity (0–1)."""

    def __init__(self, codes: list[str], neighbours: NDArray[np.int64], sims: NDArray[np.float64]):
        self.codes = codes
        self.index = {c: i for i, c in enumerate(codes)}
        self.neighbours = neighbours
        self.sims = sims

    @classmethod
    def from_profiles(cls, codes: list[str], profiles: NDArray[np.float64]) -> NeighbourIndex:
        """Top neighbours of every occupation from a profile matrix (one matrix product)."""
        norm = np.linalg.norm(profiles, axis=1, keepdims=True)
        unit = profiles / np.maximum(norm, 1e-12)
        sim = np.clip(unit @ unit.T, 0.0, 1.0)  # cosine; opposite profiles count as unrelated
        np.fill_diagonal(sim, -1.0)
        k = min(N_NEIGHBOURS, len(codes) - 1)
        top = np.argsort(-sim, axis=1)[:, :k]
        return cls(codes, top.astype(np.int64), np.take_along_axis(sim, top, axis=1))

    def nearest(self, code: str) -> list[tuple[str, float]]:
        """Neighbours of one occupation with their similarity, most similar first."""
        i = self.index.get(code)
        if i is None:
            return []
        return [
            (self.codes[int(j)], float(s))
            for j, s in zip(self.neighbours[i], self.sims[i], strict=True)
        ]


def _entry(table: RiskTable, code: str, relation: str, similarity: float | None) -> RelatedEntry:
    r = table.row(code)
    return RelatedEntry(
        code=r.code,
        title=r.title,
        relation=relation,
        similarity=similarity,
        risk=r.score,
        risk_category=r.category,
        median_annual=r.median_annual,
        employment_change_pct=r.change_pct,
    )


def related_entries(
    code: str,
    table: RiskTable,
    onet_related: Sequence[str],
    index: NeighbourIndex,
    same_industry: Sequence[str],
) -> tuple[RelatedEntry, ...]:
    """Safer moves, O*NET related, nearest by profile, same industry (no duplicates)."""
    own = table.row(code)
    near = index.nearest(code)
    sim_of = dict(near)
    seen = {code}
    out: list[RelatedEntry] = []

    def add(c: str, relation: str, limit: int, bucket: list[RelatedEntry]) -> None:
        if c in seen or c not in table or len(bucket) >= limit:
            return
        seen.add(c)
        bucket.append(_entry(table, c, relation, sim_of.get(c)))

    safer: list[RelatedEntry] = []
    for c, s in near:
        if s >= MIN_SAFER_SIMILARITY and table.row(c).score <= own.score - SAFER_MARGIN:
            add(c, "safer move", 3, safer)
    related: list[RelatedEntry] = []
    for c in onet_related:
        add(c, "O*NET related", 4, related)
    similar: list[RelatedEntry] = []
    for c, _ in near:
        add(c, "similar skills and activities", 3, similar)
    industry: list[RelatedEntry] = []
    ranked = sorted(same_industry, key=lambda c: -sim_of.get(c, 0.0))
    for c in ranked:
        add(c, "same industry", 3, industry)
    out = safer + related + similar + industry
    return tuple(out)
