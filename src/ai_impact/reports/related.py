"""Section 11: neighbouring occupations — safer moves, O*NET related, nearest, same industry.

Similarity between occupations comes from :mod:`ai_impact.reports.similarity` (task texts,
titles, work activities and shared skill ratings). Nearest occupations are ranked by that
similarity plus a prior for O*NET's own related list, so an occupation O*NET's analysts link
comes first among equally similar ones.

A **safer move** is one a person in the occupation could make with their training and modest
upskilling, and that is clearly safer (see :meth:`NeighbourIndex.safer_moves`): risk at least
:data:`SAFER_MARGIN` lower and not itself rated high or very high (:data:`SAFER_BELOW`); job
zone (preparation needed) within one of the occupation's own; the same field of knowledge
(knowledge ``field`` at least :data:`MIN_FIELD`); no core knowledge area of the target far
beyond the occupation's (``need`` at most :data:`MAX_NEED`, or :data:`MAX_NEED_OTHER_GROUP`
outside the occupation's SOC major group, where a move usually means another degree: software
developers → computer hardware engineers needs engineering and technology at 4.7 against 3.2);
and either O*NET's primary related list links the two (either way) and they are somewhat
similar (:data:`MIN_RELATED_SIMILARITY`), or they are clearly similar on their own
(:data:`MIN_UNLINKED_SIMILARITY` and a field of :data:`MIN_UNLINKED_FIELD`). Among those, the
most similar rank first, with bonuses for O*NET's related list and the same SOC
major group, and penalties per job-zone step and per halving of median pay. No move goes to an
occupation BLS projects to shrink by more than 5% (:data:`MAX_DECLINE_PCT`) or paying under
three quarters of the occupation's median (:data:`MIN_PAY_SHARE`). When none is left, the
page says why (:mod:`ai_impact.reports.related_note`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ai_impact.reports.model import RelatedEntry
from ai_impact.reports.similarity import knowledge_fit, related_tiers, similarity_matrix
from ai_impact.risk.formula import CATEGORY_CUTOFFS
from ai_impact.risk.table import RiskTable

__all__ = [
    "MAX_DECLINE_PCT",
    "MAX_NEED",
    "MAX_NEED_OTHER_GROUP",
    "MAX_ZONE_STEP",
    "MIN_FIELD",
    "MIN_RELATED_SIMILARITY",
    "MIN_UNLINKED_FIELD",
    "MIN_UNLINKED_SIMILARITY",
    "SAFER_BELOW",
    "SAFER_MARGIN",
    "NeighbourIndex",
    "clearly_safer",
    "column",
    "related_entries",
]

SAFER_MARGIN = 1.0
# A safer move is not itself rated high or very high (shown score below 5.8), whatever the
# occupation's own risk: 56 of 967 moves were (customer service representatives, 7.7, were sent
# to receptionists, 6.4); without them 456 occupations keep a move (460 before).
SAFER_BELOW = CATEGORY_CUTOFFS[2]
MAX_ZONE_STEP = 1
# 0.3 since QA10: O*NET's links alone sent floral designers to tailors (0.23), meter readers
# to septic tank servicers (0.25), self-enrichment teachers to umpires (0.26).
MIN_RELATED_SIMILARITY = 0.3
# A pair O*NET does not list as primary related needs more evidence of its own.
MIN_UNLINKED_SIMILARITY = 0.5
MIN_UNLINKED_FIELD = 0.55
# Knowledge: the same field (centred cosine; a quarter of O*NET primary pairs fall below 0.52,
# one in ten below 0.34), and at most this shortfall on one of the target's core areas.
MIN_FIELD = 0.35
MAX_NEED = 2.0
MAX_NEED_OTHER_GROUP = 1.25
N_NEIGHBOURS = 25
# Ranking bonus by O*NET related tier (none, Supplemental, Primary-Long, Primary-Short).
TIER_PRIOR = np.array([0.0, 0.05, 0.15, 0.2])
_SAME_MAJOR = 0.1
_PER_ZONE_STEP = 0.1
_PER_HALVING = 0.1
MIN_PAY_SHARE = 0.75  # a safer move pays at least this share of the occupation's median
# A safer move is no occupation BLS projects to shrink by more than this (percent, 2024–34):
# a lower risk score beside a shrinking job market is no way out (data entry keyers → office
# machine operators, −15%; translators → adult literacy instructors, −14%).
MAX_DECLINE_PCT = -5.0
_PRIMARY = 2  # tier codes >= this are O*NET's primary related occupations


class NeighbourIndex:
    """Pairwise similarity and knowledge fit of every occupation, O*NET tiers and job zones.

    ``field`` and ``need`` (see :func:`~ai_impact.reports.similarity.knowledge_fit`) may be
    left out: every pair then counts as the same field with nothing to learn.
    """

    def __init__(
        self,
        codes: list[str],
        similarity: NDArray[Any],
        tiers: NDArray[np.int8],
        job_zones: NDArray[np.int8],
        field: NDArray[Any] | None = None,
        need: NDArray[Any] | None = None,
    ) -> None:
        self.codes = codes
        self.index = {c: i for i, c in enumerate(codes)}
        self.similarity = similarity
        self.tiers = tiers
        self.job_zones = job_zones  # 0 where O*NET assigns none
        self.majors = np.asarray([c[:2] for c in codes])
        n = len(codes)
        self.field = np.ones((n, n), dtype=np.float16) if field is None else field
        self.need = np.zeros((n, n), dtype=np.float16) if need is None else need

    @classmethod
    def build(cls, kb: Any, codes: list[str]) -> NeighbourIndex:
        """Compute the index from the knowledge base (a few seconds; cache :meth:`arrays`)."""
        zones = np.asarray([kb.occupation(c).job_zone or 0 for c in codes], dtype=np.int8)
        sim = similarity_matrix(kb, codes)
        field, need = knowledge_fit(kb, codes, sim)
        return cls(
            codes,
            sim.astype(np.float16),
            related_tiers(kb, codes),
            zones,
            field.astype(np.float16),
            need.astype(np.float16),
        )

    def arrays(self) -> dict[str, NDArray[Any]]:
        """The arrays to save in an .npz (no pickle)."""
        return {
            "similarity": self.similarity,
            "tiers": self.tiers,
            "job_zones": self.job_zones,
            "field": self.field,
            "need": self.need,
        }

    @classmethod
    def from_arrays(cls, codes: list[str], arrays: dict[str, NDArray[Any]]) -> NeighbourIndex:
        """The index from arrays saved by :meth:`arrays`."""
        return cls(
            codes,
            arrays["similarity"],
            arrays["tiers"],
            arrays["job_zones"],
            arrays.get("field"),
            arrays.get("need"),
        )

    def _ranking(self, i: int) -> NDArray[np.float64]:
        """Similarity to row ``i`` plus the O*NET related prior; the row itself last."""
        score: NDArray[np.float64] = self.similarity[i].astype(np.float64)
        score += TIER_PRIOR[self.tiers[i]]
        score[i] = -np.inf
        return score

    def nearest(self, code: str, k: int = N_NEIGHBOURS) -> list[tuple[str, float]]:
        """The ``k`` nearest occupations with their similarity, nearest first."""
        i = self.index.get(code)
        if i is None:
            return []
        score = self._ranking(i)
        k = min(k, len(self.codes) - 1)
        top = np.argpartition(-score, k)[:k] if k < len(score) else np.arange(len(score))
        top = top[np.argsort(-score[top], kind="stable")]
        return [(self.codes[j], float(self.similarity[i, j])) for j in top if j != i]

    def similarity_of(self, code: str) -> dict[str, float]:
        """Similarity of ``code`` to every occupation (empty when the code is unknown)."""
        i = self.index.get(code)
        if i is None:
            return {}
        return dict(zip(self.codes, self.similarity[i].astype(float).tolist(), strict=True))

    def within_reach(
        self,
        code: str,
        pay: NDArray[np.float64] | None = None,
        change: NDArray[np.float64] | None = None,
    ) -> NDArray[np.bool_]:
        """The occupations a person in ``code`` could move to with their training and modest
        upskilling, whatever their risk (all False when the code is unknown); ``pay`` and
        ``change`` as in :meth:`safer_moves`."""
        n = len(self.codes)
        i = self.index.get(code)
        if i is None:
            return np.zeros(n, dtype=np.bool_)
        sim = self.similarity[i].astype(np.float64)
        zones = self.job_zones.astype(np.int64)
        same_major = self.majors == self.majors[i]
        # an occupation without a job zone is reachable only within its own major group
        step = np.abs(zones - int(zones[i]))
        reachable = (zones > 0) & ((step <= MAX_ZONE_STEP) if zones[i] > 0 else same_major)
        field = self.field[i].astype(np.float64)
        need = self.need[i].astype(np.float64)
        # O*NET's primary related list (either way) vouches for a pair, but not for one with
        # nothing in common; a pair it does not list must be clearly alike on its own
        linked = np.maximum(self.tiers[i], self.tiers[:, i]) >= _PRIMARY
        close = np.where(
            linked,
            sim >= MIN_RELATED_SIMILARITY,
            (sim >= MIN_UNLINKED_SIMILARITY) & (field >= MIN_UNLINKED_FIELD),
        )
        # the same field of knowledge, and no core area far beyond the occupation's own; leaving
        # the SOC major group (computing → engineering) allows less
        learnable = (field >= MIN_FIELD) & (
            need <= np.where(same_major, MAX_NEED, MAX_NEED_OTHER_GROUP)
        )
        ok: NDArray[np.bool_] = reachable & close & learnable
        if pay is not None and pay[i] > 0:
            # a move that pays well under the occupation's median is a step down, not a way
            # out (health services managers → medical assistants at 37% of the pay)
            with np.errstate(invalid="ignore"):
                ok &= ~(pay < MIN_PAY_SHARE * pay[i])  # unknown pay (NaN) stays allowed
        if change is not None:
            with np.errstate(invalid="ignore"):
                ok &= ~(change < MAX_DECLINE_PCT)  # unknown outlook (NaN) stays allowed
        ok[i] = False
        return ok

    def move_order(
        self, code: str, cand: NDArray[np.intp], pay: NDArray[np.float64] | None = None
    ) -> NDArray[np.intp]:
        """Candidate rows ``cand`` (reachable from ``code``), best move first."""
        i = self.index[code]
        zones = self.job_zones.astype(np.int64)
        step = np.abs(zones - int(zones[i]))
        same_major = self.majors == self.majors[i]
        score = (
            self.similarity[i, cand].astype(np.float64)
            + TIER_PRIOR[self.tiers[i, cand]]
            + _SAME_MAJOR * same_major[cand]
            - _PER_ZONE_STEP * (step[cand] if zones[i] > 0 else 0)
        )
        if pay is not None and pay[i] > 0:
            # a pay cut makes a move harder to take: each halving costs like a zone step
            with np.errstate(invalid="ignore", divide="ignore"):
                cut = np.nan_to_num(np.maximum(0.0, -np.log2(pay[cand] / pay[i])))
            score -= _PER_HALVING * np.minimum(cut, 2.0)
        return cand[np.argsort(-score, kind="stable")]

    def safer_moves(
        self,
        code: str,
        risk: NDArray[np.float64],
        pay: NDArray[np.float64] | None = None,
        limit: int = 3,
        change: NDArray[np.float64] | None = None,
    ) -> list[str]:
        """Realistic moves to clearly safer occupations, best first: risk at least
        SAFER_MARGIN lower and below the high category (:data:`SAFER_BELOW`).

        ``risk``, ``pay`` (median annual, NaN when unknown) and ``change`` (projected
        employment change in percent, NaN when unknown) are in the index's code order.
        """
        i = self.index.get(code)
        if i is None:
            return []
        ok = self.within_reach(code, pay, change) & clearly_safer(risk, float(risk[i]))
        best = self.move_order(code, np.flatnonzero(ok), pay)[:limit]
        return [self.codes[j] for j in best]


def clearly_safer(risk: NDArray[np.float64], own: float) -> NDArray[np.bool_]:
    """Scores clearly below ``own``: at least :data:`SAFER_MARGIN` lower and, as shown (one
    decimal), below the high category, whatever the occupation's own category."""
    shown = np.round(risk, 1)
    return (risk <= own - SAFER_MARGIN) & (shown < SAFER_BELOW)


def _entry(table: RiskTable, code: str, relation: str, similarity: float | None) -> RelatedEntry:
    r = table.row(code)
    hourly = table.hourly_medians.get(code)
    paid = r.median_annual is not None or hourly is not None
    shared = table.pay_groups.get(code) if paid else None
    return RelatedEntry(
        code=r.code,
        title=r.title,
        relation=relation,
        similarity=None if similarity is None else round(similarity, 3),
        risk=r.score,
        risk_category=r.category,
        median_annual=r.median_annual,
        employment_change_pct=r.change_pct,
        pay_group=shared,
        hourly_median=hourly,
        # Only a figure shown is marked: no projection, no group named.
        projection_group=None if r.change_pct is None else table.projection_groups.get(code),
    )


def column(table: RiskTable, index: NeighbourIndex, name: str) -> NDArray[np.float64]:
    """A float column of the risk table in the index's code order (NaN where missing)."""
    values = table.floats[name]
    if index.codes == table.codes:
        return values
    pos = [table.index.get(c) for c in index.codes]
    return np.asarray([np.nan if p is None else values[p] for p in pos])


MILITARY = "55-"


def related_entries(
    code: str,
    table: RiskTable,
    onet_related: Sequence[str],
    index: NeighbourIndex,
    same_industry: Sequence[str],
    *,
    score: float | None = None,
) -> tuple[RelatedEntry, ...]:
    """Safer moves, O*NET related, nearest occupations, same industry (no duplicates); a row
    whose pay is its SOC group's names the group (``RiskTable.pay_groups``), and each carries
    its hourly median (``RiskTable.hourly_medians``), the pay of an hourly-only occupation; a
    row whose outlook is a SOC group's projection names that group too
    (``RiskTable.projection_groups``).

    ``score`` replaces the occupation's own risk when the page shows another (a pasted
    description is scored on its own tasks). A civilian occupation is offered no military one
    (SOC major group 55): BLS publishes no pay or outlook for them and they are not a move
    within a civilian career.
    """
    sim_of = index.similarity_of(code)
    seen = {code}
    civilian = not code.startswith(MILITARY)

    def take(codes: Sequence[str], relation: str, limit: int) -> list[RelatedEntry]:
        out: list[RelatedEntry] = []
        for c in codes:
            if len(out) >= limit:
                break
            if c in seen or c not in table or (civilian and c.startswith(MILITARY)):
                continue
            seen.add(c)
            out.append(_entry(table, c, relation, sim_of.get(c)))
        return out

    risk = column(table, index, "score")
    if score is not None and code in index.index:
        # a page with its own score (a pasted description) looks for moves below that score
        risk = risk.copy()
        risk[index.index[code]] = score
    moves = index.safer_moves(
        code,
        risk,
        column(table, index, "median_annual"),
        change=column(table, index, "change_pct"),
    )
    safer = take(moves, "safer move", 3)
    related = take(onet_related, "O*NET related", 4)
    similar = take([c for c, _ in index.nearest(code)], "similar tasks and skills", 3)
    ranked = sorted(same_industry, key=lambda c: -sim_of.get(c, 0.0))
    industry = take(ranked, "same industry", 3)
    return tuple(safer + related + similar + industry)
