"""Blend several occupations' risk records into one, for titles that rest on more than one.

A modern title such as "Machine Learning Engineer" maps (through the alias table) to several
O*NET occupations. Its figures are the confidence-weighted means of theirs; task counts add up
(the page lists the tasks of every candidate) and the score is recomputed from the blended
component values with the same formula, so the decomposition still adds up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace

import numpy as np

from ai_impact.risk.formula import COMPONENTS, category_of, risk_from_components
from ai_impact.risk.table import OccupationRisk

__all__ = ["blend_rows"]

_SUMMED = {"n_tasks", "n_exposed", "n_observed"}
_KEPT = {"code", "soc", "title", "industry", "industry_slug", "donors", "basis",
         "adoption_sector", "adoption_period", "category", "values"}  # fmt: skip


def _mean(values: Sequence[float | None], weights: Sequence[float]) -> float | None:
    pairs = [(v, w) for v, w in zip(values, weights, strict=True) if v is not None]
    if not pairs:
        return None
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total


def blend_rows(rows: Sequence[OccupationRisk], weights: Sequence[float]) -> OccupationRisk:
    """One record from several: weighted means, summed task counts, score recomputed."""
    if len(rows) == 1:
        return rows[0]
    changes: dict[str, object] = {}
    for f in fields(OccupationRisk):
        if f.name in _KEPT:
            continue
        vals = [getattr(r, f.name) for r in rows]
        if f.name in _SUMMED:
            changes[f.name] = int(sum(vals))
        else:
            changes[f.name] = _mean(vals, weights)
    values = tuple(
        float(_mean([r.values[k] for r in rows], weights) or 0.0) for k in range(len(COMPONENTS))
    )
    score = float(
        risk_from_components(
            {c.key: np.asarray([v]) for c, v in zip(COMPONENTS, values, strict=True)}
        )[0]
    )
    changes.update(values=values, score=score, category=category_of(score))
    changes["low"] = min(float(changes["low"] or score), score)  # type: ignore[arg-type]
    changes["high"] = max(float(changes["high"] or score), score)  # type: ignore[arg-type]
    return replace(rows[0], **changes)  # type: ignore[arg-type]
