"""Decision rules and mixes tried for the SOC-major QWK target, all on saved out-of-fold rows.

Every rule here has parameters; each is evaluated by nested CV: the parameters used on test
fold *k* of a scheme are chosen on the rows outside fold *k*, using the out-of-fold
predictions of BOTH schemes (occupation- and SOC-major-grouped) — the "joint objective". Rows
(all with argmax unless said otherwise):

- ``shipped``: the shipped log-linear mix (weights tuned for log-loss, occupation split);
- ``+gpt4 member``: the static net's GPT-4 head as a fourth pooled member, weights for joint
  log-loss;
- ``class offsets``: per-class log-offsets (class-prior correction) maximising the sum of both
  schemes' QWK with exact accuracy kept ≥ 75.5% / 70.5%;
- ``cost-sensitive``: predict argmin of expected cost λ·[0-1] + (1−λ)·[quadratic, β order],
  λ chosen like the offsets;
- ``β thresholds``: cut the expected β into E0 / E2 / E1 at two thresholds maximising QWK
  (accuracy ignored) — the κ-first operating point;
- ``exposed rule``: agreement of "exposed" (E1 or E2) rules with the human labels.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.special import log_softmax

from task_model_data import BETA_RANK, LabelSet, exposure_metrics, folds

_COST_Q = (BETA_RANK[:, None] - BETA_RANK[None, :]) ** 2 / 4.0
_QW = _COST_Q  # quadratic κ weights in class-index space (β order inside)
_RANK_TO_CLASS = np.array([0, 2, 1])
Oof = dict[str, dict[str, NDArray[np.float64]]]
Rule = Callable[[NDArray[np.float64], Any], NDArray[np.int64]]


def fast_qwk(y: NDArray[np.int64], pred: NDArray[np.int64]) -> float:
    """Quadratic κ in β order (same value as scikit-learn's on BETA_RANK-mapped labels)."""
    cm = np.bincount(y * 3 + pred, minlength=9).reshape(3, 3).astype(float)
    expected = np.outer(cm.sum(1), cm.sum(0)) / cm.sum()
    return float(1 - (_QW * cm).sum() / (_QW * expected).sum())


def pooled(
    o: dict[str, NDArray[np.float64]], names: tuple[str, ...], w: tuple[float, ...]
) -> NDArray[np.float64]:
    """Log-probabilities of the log-linear pool of ``names`` with weights ``w``."""
    return log_softmax(sum(wi * o[n] for wi, n in zip(w, names, strict=True)), axis=1)


def _offsets(lp: NDArray[np.float64], b: Any) -> NDArray[np.int64]:
    out: NDArray[np.int64] = (lp + np.array([0.0, *b])).argmax(1)
    return out


def _cost(lp: NDArray[np.float64], lam: Any) -> NDArray[np.int64]:
    cost = lam * (1 - np.eye(3)) + (1 - lam) * _COST_Q
    out: NDArray[np.int64] = (np.exp(lp) @ cost.T).argmin(1)
    return out


def _thresholds(lp: NDArray[np.float64], t: Any) -> NDArray[np.int64]:
    p = np.exp(lp)
    beta = p[:, 1] + 0.5 * p[:, 2]
    t1, t2 = t
    return _RANK_TO_CLASS[np.where(beta < t1, 0, np.where(beta < t2, 1, 2))]


def _nested(
    labels: LabelSet,
    lps: dict[str, NDArray[np.float64]],
    rule: Rule,
    grid: list[Any],
    min_acc: tuple[float, float] | None,
) -> dict[str, dict[str, float]]:
    """Per scheme: nested-CV metrics of ``rule`` with its parameter chosen on other folds."""
    y = labels.human
    out = {}
    for scheme, groups in (("occ", labels.codes), ("major", labels.major)):
        pred = np.zeros(len(y), dtype=np.int64)
        for tr, te in folds(groups):
            best: tuple[float, Any] = (-np.inf, grid[0])
            for param in grid:
                preds = [rule(lps[s][tr], param) for s in ("occ", "major")]
                accs = [float((p == y[tr]).mean()) for p in preds]
                if min_acc and (accs[0] < min_acc[0] or accs[1] < min_acc[1]):
                    continue
                score = sum(fast_qwk(y[tr], p) for p in preds)
                if score > best[0]:
                    best = (score, param)
            pred[te] = rule(lps[scheme][te], best[1])
        p = np.exp(lps[scheme])
        out[scheme] = exposure_metrics(p, y, labels.codes, labels.human_beta, pred)
    return out


def _plain(labels: LabelSet, lps: dict[str, NDArray[np.float64]]) -> dict[str, dict[str, float]]:
    return {
        s: exposure_metrics(np.exp(lps[s]), labels.human, labels.codes, labels.human_beta)
        for s in ("occ", "major")
    }


def _joint_weights(labels: LabelSet, oof: Oof) -> dict[str, dict[str, float]]:
    names = ("tfidf", "static", "knn", "gpt4")
    step = np.round(np.arange(0.0, 1.01, 0.1), 2)
    grid = [w for w in itertools.product(step, repeat=4) if abs(sum(w) - 1) < 1e-6 and w[3] <= 0.4]
    y = labels.human
    out = {}
    for scheme, groups in (("occ", labels.codes), ("major", labels.major)):
        lp = np.zeros((len(y), 3))
        for tr, te in folds(groups):

            def loss(w: tuple[float, ...], tr: NDArray[np.int64] = tr) -> float:
                sub = {s: {n: oof[s][n][tr] for n in names} for s in ("occ", "major")}
                return sum(
                    -float(pooled(sub[s], names, w)[np.arange(len(tr)), y[tr]].mean())
                    for s in ("occ", "major")
                )

            w = min(grid, key=loss)
            lp[te] = pooled({n: oof[scheme][n][te] for n in names}, names, w)
        out[scheme] = exposure_metrics(np.exp(lp), y, labels.codes, labels.human_beta)
    return out


def exposed_rules(labels: LabelSet, oof: Oof) -> dict[str, dict[str, float]]:
    """Agreement (share of tasks) of exposed-task rules with the human label E1-or-E2."""
    truth = labels.human != 0
    out: dict[str, dict[str, float]] = {}
    for scheme in ("occ", "major"):
        p = oof[scheme]["mix"]
        beta = p[:, 1] + 0.5 * p[:, 2]
        rules = {
            "beta >= 0.25": beta >= 0.25,
            "P(E0) < 0.5": p[:, 0] < 0.5,
            "argmax != E0": p.argmax(1) != 0,
        }
        for name, r in rules.items():
            out.setdefault(name, {})[f"{scheme}_agree"] = float((r == truth).mean())
            out[name][f"{scheme}_share"] = float(r.mean())
    out["human labels"] = {"occ_share": float(truth.mean()), "major_share": float(truth.mean())}
    return out


def tradeoffs(labels: LabelSet, oof: Oof) -> dict[str, dict[str, dict[str, float]]]:
    """All rows of the trade-off table (nested CV, see the module docstring)."""
    lps = {s: np.log(oof[s]["mix"]) for s in ("occ", "major")}
    offsets = [(b1, b2) for b1 in np.arange(-0.4, 1.21, 0.1) for b2 in np.arange(-0.4, 1.01, 0.1)]
    lams = [float(x) for x in np.round(np.arange(0.3, 1.001, 0.05), 2)]
    cuts = [(a, b) for a in np.arange(0.2, 0.5, 0.01) for b in np.arange(0.45, 0.85, 0.01)]
    return {
        "shipped (argmax)": _plain(labels, lps),
        "+gpt4 member, joint log-loss weights": _joint_weights(labels, oof),
        "class offsets, joint QWK": _nested(labels, lps, _offsets, offsets, (0.755, 0.705)),
        "cost-sensitive lambda, joint QWK": _nested(labels, lps, _cost, lams, (0.755, 0.705)),
        "beta thresholds, QWK first": _nested(labels, lps, _thresholds, cuts, None),
    }
