"""Task model on rewritten tasks with a job-ad tail added: filler vs words that carry content.

Each of the 363 hand-written rewrites of ``benchmarks/data/task_paraphrases.tsv`` gets each
tail of ``benchmarks/data/task_tails.tsv`` ("… in a fast-paced environment", "… using
Microsoft Excel") and is scored out of fold, as ``task_model_styles`` scores the rewrites (the
occupation-grouped members cached in ``--work``). Two runtime rewrites are compared: the
shipped ``task_statement`` and the same without step 7 (job-ad filler kept). For each tail:
Spearman ρ of β against the human labels and the mean shift of β from the bare rewrite. A tail
of kind ``filler`` says how or where the work is done and is dropped by step 7; one of kind
``kept`` says something O*NET statements say too and reaches the model.

    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/task_model_tails.py --work DIR
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from unittest import mock

import numpy as np
from scipy.stats import spearmanr

from task_model_data import BETA_WEIGHT, ROOT, load_labels
from task_model_static import load_distilled, token_ids
from task_model_styles import fitted_members, read_paraphrases, score_variants

TAILS = ROOT / "benchmarks" / "data" / "task_tails.tsv"


def read_tails(path: Path = TAILS) -> list[tuple[str, str]]:
    """(tail, kind) rows; a tail keeps its leading space or comma."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["tail"], r["kind"]) for r in csv.DictReader(fh, delimiter="\t")]


def tails_table(work: Path) -> dict[str, dict[str, float]]:
    """ρ against the human labels and mean Δβ per tail, with and without step 7."""
    from train_task_model import distilled

    labels = load_labels()
    tok, table = load_distilled(distilled(work))
    members = fitted_members(labels, token_ids(tok, labels.texts), table, work)
    rows = read_paraphrases()
    y = BETA_WEIGHT[labels.human[np.array([int(r["row"]) for r in rows])]]
    bare = [r["paraphrase"].strip().rstrip(".") for r in rows]

    def betas(tail: str, keep_filler: bool) -> np.ndarray:
        texts = [dict(r, paraphrase=b + tail + ".") for r, b in zip(rows, bare, strict=True)]
        if keep_filler:
            with mock.patch("ai_impact.scoring.phrasing.strip_filler", lambda s: s):
                p = score_variants(labels, texts, members, tok)["normalised"]
        else:
            p = score_variants(labels, texts, members, tok)["normalised"]
        return p @ BETA_WEIGHT

    base = betas("", False)
    out = {"(no tail)": {"rho": float(spearmanr(base, y).statistic), "shift": 0.0}}
    for tail, kind in read_tails():
        for keep, name in ((True, "filler kept"), (False, "shipped")):
            b = betas(tail, keep)
            out[f"{tail.strip()} [{kind}] {name}"] = {
                "rho": float(spearmanr(b, y).statistic),
                "shift": float((b - base).mean()),
                "abs_shift": float(np.abs(b - base).mean()),
            }
    return out


def main() -> None:
    """Command-line entry point: prints the table as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/ai-impact-styles"))
    args = ap.parse_args()
    print(json.dumps(tails_table(args.work), indent=1))


if __name__ == "__main__":
    main()
