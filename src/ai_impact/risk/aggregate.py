"""Task scores → occupation aggregates, for every occupation in one vectorised pass.

Each task carries a weight (core 2, supplemental 1, as the published exposure studies do), its
exposure probabilities, β and its range, an automation level (0–4) and whether people already
use AI for it (Anthropic Economic Index). Occupation figures are weighted means over its tasks,
computed with ``np.bincount`` so 18,000 tasks aggregate in about a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = ["Aggregates", "TaskArrays", "aggregate", "task_weight"]

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

# If β is 0 the task's share of exposed time γ = P(E1) + P(E2) cannot be scaled from it: use the
# midpoint of its possible ratio to β (γ/β lies in [1, 2] because β = P(E1) + ½·P(E2)).
_GAMMA_PER_BETA_DEFAULT = 1.5


def task_weight(task_type: str | None) -> float:
    """Weight of a task in its occupation: core 2, supplemental (or untyped) 1."""
    return 2.0 if task_type == "Core" else 1.0


@dataclass(frozen=True, slots=True)
class TaskArrays:
    """Column arrays of task scores; ``occ`` is the index of each task's occupation."""

    occ: IntArray
    weight: FloatArray
    p_none: FloatArray
    p_alone: FloatArray
    p_tools: FloatArray
    beta: FloatArray
    beta_low: FloatArray
    beta_high: FloatArray
    automation: FloatArray
    observed_use: NDArray[np.bool_]
    labelled: NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Aggregates:
    """Per-occupation weighted means (arrays of length n_occupations; NaN where no tasks)."""

    n_tasks: IntArray
    beta: FloatArray
    beta_low: FloatArray
    beta_high: FloatArray
    share_none: FloatArray
    share_alone: FloatArray
    share_tools: FloatArray
    automation: FloatArray
    substitution: FloatArray
    substitution_low: FloatArray
    substitution_high: FloatArray
    labelled_share: FloatArray
    ai_usage: FloatArray


def _gamma_range(t: TaskArrays) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Exposed share of each task (γ) and its low/high from the β range, ratio kept."""
    gamma = t.p_alone + t.p_tools
    ratio = np.where(t.beta > 1e-9, gamma / np.maximum(t.beta, 1e-9), _GAMMA_PER_BETA_DEFAULT)
    low = np.clip(np.minimum(gamma, t.beta_low * ratio), 0.0, 1.0)
    high = np.clip(np.maximum(gamma, t.beta_high * ratio), 0.0, 1.0)
    return gamma, low, high


def aggregate(t: TaskArrays, n_occupations: int) -> Aggregates:
    """Weighted means of every task measure per occupation, in one pass."""
    w = t.weight
    total = np.bincount(t.occ, weights=w, minlength=n_occupations)
    n = np.bincount(t.occ, minlength=n_occupations).astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):

        def mean(x: FloatArray) -> FloatArray:
            s = np.bincount(t.occ, weights=w * x, minlength=n_occupations)
            return np.where(total > 0, s / total, np.nan)

        auto = np.clip(t.automation / 4.0, 0.0, 1.0)
        gamma, g_low, g_high = _gamma_range(t)
        return Aggregates(
            n_tasks=n,
            beta=mean(t.beta),
            beta_low=mean(t.beta_low),
            beta_high=mean(t.beta_high),
            share_none=mean(t.p_none),
            share_alone=mean(t.p_alone),
            share_tools=mean(t.p_tools),
            automation=mean(auto),
            substitution=mean(gamma * auto),
            substitution_low=mean(g_low * auto),
            substitution_high=mean(g_high * auto),
            labelled_share=mean(t.labelled.astype(np.float64)),
            ai_usage=mean(t.observed_use.astype(np.float64)),
        )
