"""Which tasks count as exposed to AI ("at risk") and which stay human: one rule for every layer.

A task is exposed when some exposure is more likely than none: **P(E0) < 0.5**. For a task
with a published human label P(E0) is 0 or 1, so the rule is the label itself; for a task the
model scores it is the calibrated majority vote between "none" and "E1 or E2".

No separate β threshold is needed: β = P(E1) + ½·P(E2) ≥ ½·(1 − P(E0)), so P(E0) < 0.5 implies
β > 0.25. The older rule "β ≥ 0.25" also let through tasks whose likeliest label is E0 (e.g.
P(E0) 0.54, P(E1) 0.20, P(E2) 0.26 gives β 0.33); on out-of-fold predictions it agreed less
with the human labels and called more tasks exposed than the labels do (docs/model-card.md,
"The exposed-task rule").

The timeline rule (:mod:`.timeline`), the AI mode, the reports' at-risk/safe split and the risk
table's count of exposed tasks all call this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

__all__ = ["MAX_P_NONE", "HasExposure", "exposed_mask", "is_exposed", "is_exposed_p"]

MAX_P_NONE = 0.5  # exposed when P(E0) is below this: "exposed" is the likelier outcome


class HasExposure(Protocol):
    """Anything carrying exposure probabilities keyed E0, E1, E2 (e.g. a ``TaskScore``)."""

    @property
    def exposure(self) -> Mapping[str, float]:
        """P(E0), P(E1), P(E2)."""
        ...


def is_exposed_p(p_none: float) -> bool:
    """The rule on P(E0) alone: exposed when P(E0) < 0.5."""
    return p_none < MAX_P_NONE


def is_exposed(score: HasExposure) -> bool:
    """Whether a scored task counts as exposed (at risk) rather than staying human."""
    return is_exposed_p(float(score.exposure.get("E0", 0.0)))


def exposed_mask(p_none: NDArray[np.float64]) -> NDArray[np.bool_]:
    """The rule vectorised over an array of P(E0)."""
    out: NDArray[np.bool_] = np.asarray(p_none) < MAX_P_NONE
    return out
