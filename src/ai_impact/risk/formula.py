"""The risk formula: five components on 0–1, their weights, the 1–10 scale and the categories.

One table here is the single source of truth: the scorer, the narrative's category words and
docs/methodology.md all read :data:`COMPONENTS` and :data:`CATEGORY_CUTOFFS`. The formula is
vectorised (numpy arrays in, arrays out) so all occupations are scored in one pass.

    risk = 1 + 9 * sum(weight_k * value_k)        value_k in [0, 1], weights sum to 1

Why these weights: exposure of the work and its substitution potential are the direct evidence
that AI can do the tasks (60% together); observed AI use and the industry's adoption say how far
that potential is being realised now (20%); projected demand says whether the labour market is
already shrinking or growing around it (20%). See docs/methodology.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "BETA_SCALE",
    "CATEGORIES",
    "CATEGORY_CUTOFFS",
    "COMPONENTS",
    "DEMAND_NEUTRAL_PCT",
    "DEMAND_SPAN_PCT",
    "SCORE_SPAN",
    "SUBSTITUTION_SCALE",
    "Component",
    "category_bounds",
    "category_index",
    "category_of",
    "demand_pressure",
    "risk_from_components",
]

FloatArray = NDArray[np.float64]

# β of the most exposed occupations sits near 0.85 (human labels, core tasks weighted 2): dividing
# by it spreads the component over the whole 0–1 range instead of topping out at 0.85.
BETA_SCALE = 0.85
# Same idea for the substitution share (exposed share × automation level), whose maximum is ~0.75.
SUBSTITUTION_SCALE = 0.75
# Demand pressure is 0.5 for a flat projection, 1 at a 20% decline and 0 at 20% growth: a decline
# adds pressure above the midpoint, growth takes it away (BLS all-occupation projection: +3.1%).
DEMAND_NEUTRAL_PCT = 0.0
DEMAND_SPAN_PCT = 40.0
# The 1–10 scale: risk = 1 + SCORE_SPAN × Σ weight × value, so a component adds
# SCORE_SPAN × weight × value points to the score.
SCORE_SPAN = 9.0


@dataclass(frozen=True, slots=True)
class Component:
    """One term of the risk formula: key, label, weight, source key and why it is there.

    ``pushes_from`` is the value (0–1) from which the component reads as pushing the score up
    in a sentence: demand pressure only from 0.5, where employment stops growing.
    """

    key: str
    label: str
    weight: float
    source: str
    why: str
    short: str
    pushes_from: float = 0.25


COMPONENTS: tuple[Component, ...] = (
    Component(
        "exposure",
        "Exposure index β (exposed work, the part needing new software at half weight)",
        0.35,
        "labels",
        "How much of the occupation's task time an LLM, alone or with tools, can halve.",
        "its exposure index",
    ),
    Component(
        "substitution",
        "Substitution potential (exposed share × automation level)",
        0.25,
        "labels",
        "Exposure that can run without a person, as opposed to exposure that assists one.",
        "its substitution potential",
    ),
    Component(
        "ai_usage",
        "AI use observed on the tasks today",
        0.10,
        "aei",
        "Tasks people already bring to an AI assistant: the technology is used for them now.",
        "AI use on its tasks today",
    ),
    Component(
        "adoption",
        "Pace of AI adoption in the industry",
        0.10,
        "btos",
        "Share of firms in the occupation's sectors using AI, relative to the fastest sector.",
        "the pace of AI adoption in its industry",
    ),
    Component(
        "demand",
        "Demand pressure (projected employment change)",
        0.20,
        "ep",
        "Shrinking occupations absorb productivity gains as job losses; growing ones as output.",
        "demand pressure",
        pushes_from=0.5,
    ),
)

# Upper bounds of very low, low, moderate, high; very high is everything at or above the last.
# Chosen on the distribution of all 1,016 occupations (see benchmarks/analysis.py --distribution):
# each category is populated and the reference occupations of docs/methodology.md land sensibly.
CATEGORY_CUTOFFS: tuple[float, float, float, float] = (2.5, 4.0, 5.8, 7.0)
CATEGORIES: tuple[str, ...] = ("very low", "low", "moderate", "high", "very high")


def demand_pressure(change_pct: FloatArray) -> FloatArray:
    """Map BLS projected employment change (%) to pressure on 0–1 (decline → 1, growth → 0)."""
    return np.clip(0.5 - (change_pct - DEMAND_NEUTRAL_PCT) / DEMAND_SPAN_PCT, 0.0, 1.0)


def risk_from_components(values: dict[str, FloatArray]) -> FloatArray:
    """The 1–10 risk from each component's 0–1 values (arrays of equal length)."""
    total = np.zeros_like(next(iter(values.values())), dtype=np.float64)
    for comp in COMPONENTS:
        total = total + comp.weight * np.clip(values[comp.key], 0.0, 1.0)
    return 1.0 + SCORE_SPAN * total


def category_index(score: float) -> int:
    """Index into the category list (0 very low … 4 very high) for a 1–10 score."""
    return int(np.searchsorted(np.asarray(CATEGORY_CUTOFFS), round(score, 1), side="right"))


def category_of(score: float) -> str:
    """The category word for a 1–10 score (on the score rounded to one decimal, as shown)."""
    return CATEGORIES[category_index(score)]


def category_bounds(category: str) -> tuple[float, float]:
    """The [low, high) score interval of a category on the 1–10 scale."""
    i = CATEGORIES.index(category)
    edges = (1.0, *CATEGORY_CUTOFFS, 10.0)
    return (edges[i], edges[i + 1])
