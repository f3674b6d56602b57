"""Independent evidence for the task model: observed AI usage (Anthropic Economic Index).

The human and GPT-4 labels say what an LLM *could* do (2023); the Anthropic Economic Index
(AEI) says on which O*NET tasks people *do* use Claude, measured from conversations. Neither
the labels nor the model ever saw it. A score that ranks tasks like the labels should also
rank them like this evidence: the table gives the ROC AUC of each score for "the task
appears in the AEI" and, among tasks that appear, Spearman with the usage share.

Scores: the human labels' β and GPT-4's (three values each, ties count half), the model's
out-of-fold β of both grouping schemes (continuous), the same β cut to the model's own argmax
label (three values, a like-for-like check with the labels), and the automation head.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.special import softmax
from scipy.stats import spearmanr
from sklearn.metrics import roc_auc_score

from task_model_data import BETA_WEIGHT, ROOT, LabelSet, beta_of

sys.path.insert(0, str(ROOT / "src"))

from ai_impact.sources.aei import aei_key, read_task_shares

AEI_TASKS = ROOT / "data" / "anthropic-aei" / "onet_task_mappings.csv.gz"


def usage_shares(labels: LabelSet) -> NDArray[np.float64]:
    """AEI usage share (percent of sampled conversations) of every label row, 0 if absent."""
    shares = read_task_shares(AEI_TASKS)
    return np.array([shares.get(aei_key(t), 0.0) for t in labels.texts])


def _row(score: NDArray[np.float64], share: NDArray[np.float64]) -> dict[str, float]:
    seen = share > 0
    return {
        "auc": float(roc_auc_score(seen, score)),
        "rho_share": float(spearmanr(score[seen], share[seen]).statistic),
    }


def evidence_table(labels: LabelSet, work: Path) -> dict[str, dict[str, float]]:
    """Rows: score name → AUC for AEI presence and Spearman with the share where present."""
    share = usage_shares(labels)
    rows = {
        "human labels (β of the label)": _row(BETA_WEIGHT[labels.human], share),
        "GPT-4 labels (β of the label)": _row(BETA_WEIGHT[labels.gpt4], share),
    }
    for scheme in ("occ", "major"):
        with np.load(work / f"oof_{scheme}.npz") as z:
            mix, auto = z["mix"], softmax(z["auto"], axis=1)
        rows[f"model β, out of fold ({scheme})"] = _row(beta_of(mix), share)
        rows[f"model argmax label, out of fold ({scheme})"] = _row(
            BETA_WEIGHT[mix.argmax(axis=1)], share
        )
        rows[f"model automation level, out of fold ({scheme})"] = _row(auto @ np.arange(5), share)
    rows["_counts"] = {"rows": float(len(share)), "in_aei": float((share > 0).sum())}
    return rows
