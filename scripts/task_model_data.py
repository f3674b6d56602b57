"""Training data, folds and metrics of the task-exposure model (training venv only).

Shared by ``scripts/train_task_model.py`` and ``benchmarks/task_model.py`` so that the
benchmark measures exactly what the trainer optimises.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy.stats import spearmanr
from sklearn.metrics import cohen_kappa_score, f1_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "data" / "labels" / "gpts-are-gpts"
EXPOSURES = ("E0", "E1", "E2")
# β order of the exposure classes: E0 (none) < E2 (needs tools) < E1 (LLM alone).
BETA_RANK = np.array([0, 2, 1])
BETA_WEIGHT = np.array([0.0, 1.0, 0.5])


@dataclass(frozen=True)
class LabelSet:
    """The GPTs-are-GPTs task labels as arrays, one row per (occupation, task)."""

    texts: list[str]
    codes: NDArray[np.str_]
    major: NDArray[np.str_]
    human: NDArray[np.int64]  # 0/1/2 = E0/E1/E2
    gpt4: NDArray[np.int64]
    auto: NDArray[np.int64]  # 0..4 = T0..T4
    human_beta: dict[str, float]  # occupation → human_rating_beta
    gpt4_beta: dict[str, float]  # occupation → dv_rating_beta


def load_labels() -> LabelSet:
    """Read the vendored label set and occupation-level β."""
    d = pd.read_csv(LABELS / "full_labelset.tsv.gz", sep="\t", index_col=0)
    occ = pd.read_csv(LABELS / "occ_level.csv.gz")
    ex = {e: i for i, e in enumerate(EXPOSURES)}
    codes = d["O*NET-SOC Code"].to_numpy(str)
    return LabelSet(
        texts=d["Task"].astype(str).tolist(),
        codes=codes,
        major=np.array([c[:2] for c in codes]),
        human=d["human_exposure_agg"].map(ex).to_numpy(np.int64),
        gpt4=d["gpt4_exposure"].map(ex).to_numpy(np.int64),
        auto=d["gpt4_automation"].str[1].astype(int).to_numpy(np.int64),
        human_beta=dict(zip(occ["O*NET-SOC Code"], occ["human_rating_beta"], strict=True)),
        gpt4_beta=dict(zip(occ["O*NET-SOC Code"], occ["dv_rating_beta"], strict=True)),
    )


def folds(
    groups: NDArray[np.str_], k: int = 5
) -> list[tuple[NDArray[np.int64], NDArray[np.int64]]]:
    """Deterministic grouped folds: no group is in both train and test."""
    splitter = GroupKFold(n_splits=k)
    return [(tr, te) for tr, te in splitter.split(np.zeros(len(groups)), groups=groups)]


def beta_of(p: NDArray[np.float64]) -> NDArray[np.float64]:
    """β = P(E1) + ½·P(E2) for rows of exposure probabilities."""
    return p[:, 1] + 0.5 * p[:, 2]


def occupation_rho(
    p: NDArray[np.float64], codes: NDArray[np.str_], target: dict[str, float]
) -> float:
    """Spearman of the mean task β per occupation against a published occupation β."""
    frame = pd.DataFrame({"code": codes, "beta": beta_of(p)}).groupby("code")["beta"].mean()
    ref = np.array([target[c] for c in frame.index])
    return float(spearmanr(frame.to_numpy(), ref).statistic)


def exposure_metrics(
    p: NDArray[np.float64],
    y: NDArray[np.int64],
    codes: NDArray[np.str_],
    target: dict[str, float],
    pred: NDArray[np.int64] | None = None,
) -> dict[str, float]:
    """Exact accuracy, macro-F1, quadratic κ (β order) and occupation ρ of predictions."""
    pred = p.argmax(1) if pred is None else pred
    return {
        "acc": float((pred == y).mean()),
        "macro_f1": float(f1_score(y, pred, average="macro")),
        "qwk": float(cohen_kappa_score(BETA_RANK[y], BETA_RANK[pred], weights="quadratic")),
        "occ_rho": occupation_rho(p, codes, target),
    }


def automation_metrics(p: NDArray[np.float64], y: NDArray[np.int64]) -> dict[str, float]:
    """Accuracy (argmax) and quadratic κ of the rounded expected automation level."""
    expected = p @ np.arange(p.shape[1])
    rounded = np.clip(np.rint(expected), 0, 4).astype(int)
    return {
        "acc": float((p.argmax(1) == y).mean()),
        "qwk": float(cohen_kappa_score(y, rounded, weights="quadratic")),
        "qwk_argmax": float(cohen_kappa_score(y, p.argmax(1), weights="quadratic")),
    }
