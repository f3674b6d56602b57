"""The job-ad verbs check (``benchmarks/data/task_verbs_check.tsv``): its rows and its figures.

Numpy only, so that both the runtime venv (``benchmarks/task_model.py --verbs-only``) and the
training venv (``task_model_augment.py``) can score it the same way.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

VERBS_CHECK = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "task_verbs_check.tsv"
MAX_P_NONE = 0.5  # the exposed rule of ai_impact.scoring.exposed: P(E0) below this


def read_check(path: Path = VERBS_CHECK) -> tuple[list[str], NDArray[np.bool_]]:
    """The check's texts and whether a curator reads each as exposed (E1 or E2)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r["text"] for r in rows], np.array([r["exposed"] == "1" for r in rows])


def check_figures(p: NDArray[np.floating], exposed: NDArray[np.bool_]) -> dict[str, float]:
    """AUC of β for exposed vs not, and how the exposed rule agrees, overall and on each side,
    from probabilities ``p`` (texts × E0/E1/E2)."""
    beta = p[:, 1] + 0.5 * p[:, 2]
    called = p[:, 0] < MAX_P_NONE
    pos, neg = beta[exposed], beta[~exposed]
    auc = ((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])).mean()
    return {
        "n": float(len(exposed)),
        "auc": float(auc),
        "exposed_rule_agree": float((called == exposed).mean()),
        "exposed_found": float(called[exposed].mean()),
        "unexposed_kept": float((~called[~exposed]).mean()),
    }
