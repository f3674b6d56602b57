"""SOC-major QWK, seventh check: a family's class prior estimated from the model's own output.

EM prior adjustment (Saerens, Latinne & Decaestecker 2002) on the shipped pipeline's saved
out-of-fold predictions (``oof_occ.npz`` / ``oof_major.npz`` of ``train_task_model.py --cv``):
within each group (SOC major group or occupation) the predicted distribution is re-weighted by
the group's estimated prior over the training prior, iterated, then damped (the estimate raised
to a power). Prints exact agreement and quadratic κ (β order) per scheme, grouping and damping
(docs/model-card.md, "label shift within a family"). Training venv::

    .venv-train/bin/python scripts/task_model_label_shift.py --work DIR
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from task_model_data import load_labels
from task_model_tradeoffs import fast_qwk

DAMPING = (0.25, 0.5, 1.0)


def adjusted(
    p: NDArray[np.float64], prior: NDArray[np.float64], damp: float, iters: int = 20
) -> NDArray[np.float64]:
    """``p`` re-weighted by the EM estimate of its rows' prior, damped by ``damp``."""
    q = prior.copy()
    for _ in range(iters):
        w = p * (q / prior)
        w /= w.sum(1, keepdims=True)
        q = w.mean(0)
    w = p * ((q / prior) ** damp)
    out: NDArray[np.float64] = w / w.sum(1, keepdims=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True)
    args = ap.parse_args()
    labels = load_labels()
    y = labels.human
    prior = np.bincount(y, minlength=3) / len(y)
    for scheme in ("occ", "major"):
        with np.load(args.work / f"oof_{scheme}.npz") as z:
            mix = z["mix"]
        p = np.exp(mix) if mix.max() <= 0 else mix  # saved as log-probabilities
        p = p / p.sum(1, keepdims=True)
        base = p.argmax(1)
        print(f"{scheme}: none  exact {(base == y).mean():.4f}  qwk {fast_qwk(y, base):.4f}")
        for name, groups in (("major group", labels.major), ("occupation", labels.codes)):
            for damp in DAMPING:
                q = p.copy()
                for g in np.unique(groups):
                    rows = groups == g
                    q[rows] = adjusted(p[rows], prior, damp)
                pred = q.argmax(1)
                print(
                    f"{scheme}: per {name}, damping {damp}  exact {(pred == y).mean():.4f}  "
                    f"qwk {fast_qwk(y, pred):.4f}"
                )


if __name__ == "__main__":
    main()
