"""Agreement of the occupation exposure and risk with published exposure indices we ship.

    .venv/bin/python benchmarks/indices.py

Published occupation-level indices in `data/`: Eloundou et al. (2024) human-rated and GPT-4-rated
α, β, γ (`labels/gpts-are-gpts/occ_level.csv.gz`). Our exposure is built from the same human task
labels, so agreement with their human β is expected to be near 1 (it checks the aggregation, not
independence); their GPT-4 β is a second rater. Spearman ρ over the occupations both cover.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import numpy as np

from ai_impact import api
from ai_impact.settings import Settings


def _ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (ties share their mean rank)."""
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(len(x), dtype=float)
    _, inv, counts = np.unique(x, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=ranks)
    return (sums / counts)[inv]


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation."""
    return float(np.corrcoef(_ranks(a), _ranks(b))[0, 1])


def main() -> None:
    """Print ρ of our exposure and risk against each published column."""
    settings = Settings()
    rows = {r.code: r for r in api.occupation_table(settings=settings)}
    path = settings.data_dir / "labels" / "gpts-are-gpts" / "occ_level.csv.gz"
    with gzip.open(Path(path), "rt", encoding="utf-8") as fh:
        published = [r for r in csv.DictReader(fh) if r["O*NET-SOC Code"] in rows]
    ours_exp = np.array([rows[r["O*NET-SOC Code"]].exposure for r in published])
    ours_risk = np.array([rows[r["O*NET-SOC Code"]].risk_score for r in published])
    print(f"occupations in both: {len(published)}")
    print("| published index | ρ with our exposure β | ρ with our risk |")
    print("|---|---|---|")
    for col in ("human_rating_beta", "dv_rating_beta", "human_rating_alpha", "dv_rating_gamma"):
        theirs = np.array([float(r[col]) for r in published])
        print(f"| {col} | {spearman(ours_exp, theirs):.3f} | {spearman(ours_risk, theirs):.3f} |")


if __name__ == "__main__":
    main()
