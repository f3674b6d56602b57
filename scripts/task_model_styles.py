"""Task model on tasks written the way job ads, CVs and workers write them (issue 4).

``benchmarks/data/task_paraphrases.tsv`` holds 363 O*NET tasks of the label set (a sample
stratified by SOC major group, one per distinct text), each rewritten once by hand in one of
six styles: third-person job-ad bullet, "Responsible for ...", "You will ...", past-tense CV
line, informal first person, short gerund bullet. The rewrites keep the duty and change the
words; their reference label is the original task's human label.

Every score is out of fold: the members are refitted on the occupation-grouped folds of the
shipped CV (``train_task_model.py --cv occ``), so no occupation of a scored task is in the
training rows, and mixed with the shipped weights (``model.json``). Fitted members are cached
in ``--work`` (``members_fold{k}.pkl``): the first run fits them (~10 minutes), later runs only
predict. Variants scored: the original statements (reference), the rewrites as typed (list
markers stripped, as before this change) and the rewrites through
``ai_impact.scoring.phrasing.task_statement`` (what the runtime does now).

    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/task_model_styles.py --work DIR
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import re
import sys
import time
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.special import log_softmax
from scipy.stats import spearmanr

from task_model_augment import Augmented, augment
from task_model_data import BETA_RANK, BETA_WEIGHT, ROOT, LabelSet, folds, load_labels
from task_model_members import MEMBERS, Members, fit_members, predict_members
from task_model_static import load_distilled, token_ids

sys.path.insert(0, str(ROOT / "src"))
from ai_impact.scoring.exposed import MAX_P_NONE
from ai_impact.scoring.phrasing import task_statement

PARAPHRASES = ROOT / "benchmarks" / "data" / "task_paraphrases.tsv"
ARTIFACT = ROOT / "src" / "ai_impact" / "scoring" / "artifacts" / "task_model" / "model.json"
_MARKER = re.compile(r"^\s*(?:[-*•·▪◦‣>]+|\(?\d{1,2}[.)])\s*")  # the runtime's old rule


def read_paraphrases(path: Path = PARAPHRASES) -> list[dict[str, str]]:
    """Rows of the paraphrase set (row, style, original, paraphrase)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def fitted_members(
    labels: LabelSet,
    ids: list[list[int]],
    table: NDArray[np.float32],
    work: Path,
    aug: tuple[Augmented, list[list[int]]] | None = None,
) -> list[Members]:
    """Members fitted on the training rows of each occupation-grouped fold (cached), with
    the verb-swapped copies of those rows when ``aug`` is given (as the trainer does)."""
    out = []
    for k, (tr, _) in enumerate(folds(labels.codes)):
        path = work / f"members_fold{k}.pkl"
        if not path.exists():
            t0 = time.perf_counter()
            path.write_bytes(pickle.dumps(fit_members(labels, ids, table, tr, aug)))
            print(f"fold {k} fitted: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        out.append(pickle.loads(path.read_bytes()))
    return out


def score_variants(
    labels: LabelSet, rows: list[dict[str, str]], members: list[Members], tok: object
) -> dict[str, NDArray[np.float64]]:
    """Out-of-fold mixed probabilities of each variant, one row per paraphrase row."""
    weights = json.loads(ARTIFACT.read_text(encoding="utf-8"))["weights"]
    index = np.array([int(r["row"]) for r in rows])
    variants = {
        "original": [r["original"] for r in rows],
        "as typed": [_MARKER.sub("", r["paraphrase"]).strip() for r in rows],
        "normalised": [task_statement(r["paraphrase"]) for r in rows],
    }
    out = {v: np.zeros((len(rows), 3)) for v in variants}
    for k, (_, te) in enumerate(folds(labels.codes)):
        sel = np.flatnonzero(np.isin(index, te))
        for name, texts in variants.items():
            sub = [texts[i] for i in sel]
            pred = predict_members(members[k], sub, token_ids(tok, sub))  # type: ignore[arg-type]
            z = sum(w * pred[m] for w, m in zip(weights, MEMBERS, strict=True))
            out[name][sel] = np.exp(log_softmax(z, axis=1))
    return out


def _metrics(p: NDArray[np.float64], y: NDArray[np.int64], ref: NDArray[np.float64]) -> dict:
    from sklearn.metrics import cohen_kappa_score

    beta = p @ BETA_WEIGHT
    pred = p.argmax(1)
    exposed = p[:, 0] < MAX_P_NONE
    return {
        "n": len(y),
        "exact": float((pred == y).mean()),
        "qwk": float(cohen_kappa_score(BETA_RANK[y], BETA_RANK[pred], weights="quadratic")),
        "rho_human": float(spearmanr(beta, BETA_WEIGHT[y]).statistic),
        "exposed_agree": float((exposed == (y > 0)).mean()),
        "rho_original": float(spearmanr(beta, ref @ BETA_WEIGHT).statistic),
        "mean_abs_dbeta": float(np.abs(beta - ref @ BETA_WEIGHT).mean()),
    }


def style_table(
    labels: LabelSet, work: Path, fit_only: bool = False, augmented: bool = False
) -> dict[str, dict[str, dict[str, float]]]:
    """Metrics per variant, overall and per style (plus GPT-4's labels as a rater)."""
    from train_task_model import distilled

    work.mkdir(parents=True, exist_ok=True)
    tok, table = load_distilled(distilled(work))
    ids = token_ids(tok, labels.texts)
    aug = None
    if augmented:
        extra = augment(labels.texts)
        aug = (extra, token_ids(tok, extra.texts))
    members = fitted_members(labels, ids, table, work, aug)
    if fit_only:
        return {}
    rows = read_paraphrases()
    probs = score_variants(labels, rows, members, tok)
    index = np.array([int(r["row"]) for r in rows])
    y = labels.human[index]
    styles = np.array([r["style"] for r in rows])
    gpt4 = np.eye(3)[labels.gpt4[index]]
    table_out: dict[str, dict[str, dict[str, float]]] = {}
    for group in ["all", *sorted(set(styles))]:
        m = np.ones(len(rows), bool) if group == "all" else styles == group
        ref = probs["original"][m]
        table_out[group] = {v: _metrics(p[m], y[m], ref) for v, p in probs.items()}
        table_out[group]["GPT-4 label"] = _metrics(gpt4[m], y[m], ref)
    return table_out


def main() -> None:
    """Command-line entry point: prints the table as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/ai-impact-styles"))
    ap.add_argument("--fit-only", action="store_true", help="fit and cache the fold members")
    ap.add_argument("--augment", action="store_true", help="members with verb-swapped copies")
    args = ap.parse_args()
    table = style_table(load_labels(), args.work, args.fit_only, args.augment)
    print(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
