"""Task model on rewritten tasks with a job-ad tail added: filler vs words that carry content.

Each of the 363 hand-written rewrites of ``benchmarks/data/task_paraphrases.tsv`` gets each
tail of ``benchmarks/data/task_tails.tsv`` ("… in a fast-paced environment", "… using
Microsoft Excel") and is scored out of fold, as ``task_model_styles`` scores the rewrites (the
occupation-grouped members cached in ``--work``). Two runtime rewrites are compared: the
shipped ``task_statement`` and the same without step 7 (job-ad filler kept). For each tail:
Spearman ρ of β against the human labels and the mean shift of β from the bare rewrite. A tail
of kind ``filler`` says how or where the work is done and is dropped by step 7; one of kind
``kept`` says something O*NET statements say too and reaches the model.

A second table puts typing slips in the rewrites (one or two words of five letters or more each
get a neighbouring-letter swap, a dropped letter or a doubled one; seed 0) and scores them with
and without the runtime's respelling (``ai_impact.scoring.typos``).

    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/task_model_tails.py --work DIR
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path
from typing import Any
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


def _setup(work: Path) -> tuple[Any, Any, Any, list[dict[str, str]], np.ndarray]:
    """Labels, tokenizer, the cached out-of-fold members, the rewrites and their label β."""
    from train_task_model import distilled

    labels = load_labels()
    tok, table = load_distilled(distilled(work))
    members = fitted_members(labels, token_ids(tok, labels.texts), table, work)
    rows = read_paraphrases()
    return labels, tok, members, rows, BETA_WEIGHT[labels.human[[int(r["row"]) for r in rows]]]


def tails_table(work: Path) -> dict[str, dict[str, float]]:
    """ρ against the human labels and mean Δβ per tail, with and without step 7."""
    labels, tok, members, rows, y = _setup(work)
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


def typo(text: str, n: int, rng: random.Random) -> str:
    """``text`` with ``n`` words of five letters or more mistyped (swap, drop or double)."""
    words = text.split()
    idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    for i in rng.sample(idx, min(n, len(idx))):
        w = list(words[i])
        j = rng.randrange(1, len(w) - 1)
        kind = rng.choice(["swap", "drop", "double"])
        if kind == "swap":
            w[j], w[j + 1] = w[j + 1], w[j]
        elif kind == "drop":
            del w[j]
        else:
            w.insert(j, w[j])
        words[i] = "".join(w)
    return " ".join(words)


def typos_table(work: Path) -> dict[str, dict[str, float]]:
    """ρ against the human labels with one or two typing slips, respelled or not."""
    labels, tok, members, rows, y = _setup(work)

    def rho(texts: list[str], respell: bool) -> float:
        variant = [dict(r, paraphrase=t) for r, t in zip(rows, texts, strict=True)]
        if respell:
            p = score_variants(labels, variant, members, tok)["normalised"]
        else:
            with mock.patch("ai_impact.scoring.phrasing.statement_fixer") as fixer:
                fixer.return_value.respelled = lambda s: s
                p = score_variants(labels, variant, members, tok)["normalised"]
        return float(spearmanr(p @ BETA_WEIGHT, y).statistic)

    out = {}
    for n in (0, 1, 2):
        rng = random.Random(0)
        texts = [typo(r["paraphrase"], n, rng) for r in rows]
        out[f"{n} slips"] = {"not respelled": rho(texts, False), "respelled": rho(texts, True)}
    return out


def main() -> None:
    """Command-line entry point: prints the table as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/ai-impact-styles"))
    ap.add_argument("--typos", action="store_true", help="the typing-slips table instead")
    args = ap.parse_args()
    table = typos_table(args.work) if args.typos else tails_table(args.work)
    print(json.dumps(table, indent=1))


if __name__ == "__main__":
    main()
