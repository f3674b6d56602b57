"""Out-of-family experiments for the SOC-major QWK target (issue 4), on top of the saved OOF.

Two sources of signal that may carry across occupation families, each cross-validated with
the same grouped folds as ``train_task_model.py --cv`` (occupation and SOC major group):

- ``soft``: the static net with a soft human target, (1 − s)·human + s·GPT-4 one-hot
  (``STATIC_WEIGHTS`` with ``soft_gpt4``), two seeds averaged like the shipped member;
- ``dwa``: work-activity priors (``task_model_dwa``), no net training.

Writes ``oof_<member>_<scheme>.npz`` into ``--work``; ``task_model_dwa.evaluate`` and
``benchmarks/task_model.py --transfer`` read them.

    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/task_model_transfer.py --member soft \\
        --scheme major --work /tmp/ai-impact-task-model/ml3
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.special import log_softmax

from task_model_data import LabelSet, folds, load_labels
from task_model_members import (
    KNN_DIMS,
    KNN_GAMMA,
    STATIC,
    STATIC_SEEDS,
    STATIC_WEIGHTS,
    TFIDF_C,
    mean_embeddings,
)
from task_model_static import fit_static, load_distilled, split_heads, token_ids

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from ai_impact.scoring.neighbours import neighbour_vote, project

SOFT_GPT4 = 0.2


def activity_targets(labels: LabelSet, level: str) -> NDArray[np.float32]:
    """Multi-hot O*NET work activities (IWA or GWA) of every label row (zeros if unlinked)."""
    from task_model_dwa import activity_links

    rows, dwa_ids, _ = activity_links(labels)
    cut = (lambda d: d[: d.rfind(".")]) if level == "iwa" else (lambda d: d[:9])
    names = sorted({cut(d) for d in dwa_ids})
    index = {a: i for i, a in enumerate(names)}
    out = np.zeros((len(rows), len(names)), np.float32)
    for r, ds in enumerate(rows):
        out[r, [index[cut(d)] for d in ds]] = 1.0
    return out


def soft_oof(
    ids: list[list[int]],
    table: NDArray[np.float32],
    groups: NDArray[np.str_],
    s: float,
    activity: tuple[str, float] | None = None,
    seeds: tuple[int, ...] = STATIC_SEEDS,
    static: dict[str, float] | None = None,
    gpt4_weight: float | None = None,
) -> dict[str, NDArray[np.float64]]:
    """Out-of-fold human/GPT-4/automation heads of the soft-target static nets (``static``:
    net settings in place of the shipped ones; ``gpt4_weight``: the GPT-4 head's weight)."""
    labels = load_labels()
    weights = {**STATIC_WEIGHTS, "human": 1.0 - s, "soft_gpt4": s}
    if gpt4_weight is not None:
        weights["gpt4"] = gpt4_weight
    settings = {**STATIC, **(static or {})}
    acts = None
    if activity:
        acts = activity_targets(labels, activity[0])
        weights["activity"] = activity[1]
    out: dict[str, NDArray[np.float64]] = {}
    for k, (tr, te) in enumerate(folds(groups)):
        t0 = time.perf_counter()
        targets = {"human": labels.human[tr], "gpt4": labels.gpt4[tr], "auto": labels.auto[tr]}
        if acts is not None:
            targets["activity"] = acts[tr]  # type: ignore[assignment]
        sub = [ids[i] for i in tr]
        nets = [
            fit_static(table, sub, targets, weights=weights, seed=seed, **settings)  # type: ignore[arg-type]
            for seed in seeds
        ]
        runs = [split_heads(n.logits([ids[i] for i in te])) for n in nets]
        for head in ("human", "gpt4", "auto"):
            lp = np.mean([log_softmax(r[head], axis=1) for r in runs], axis=0)
            out.setdefault(head, np.zeros((len(ids), lp.shape[1])))[te] = lp
        for name, lp in soft_votes(labels, nets[0].table, ids, tr, te, s).items():
            out.setdefault(name, np.zeros((len(ids), 3)))[te] = lp
        print(f"soft fold {k}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return out


def soft_votes(
    labels: LabelSet,
    table: NDArray[np.float32],
    ids: list[list[int]],
    tr: NDArray[np.int64],
    te: NDArray[np.int64],
    s: float,
) -> dict[str, NDArray[np.float64]]:
    """Neighbour votes in the soft net's embedding: human, soft (human + s·GPT-4), GPT-4."""
    emb = mean_embeddings(table, [ids[i] for i in tr])
    mean = emb.mean(axis=0)
    _, _, vt = np.linalg.svd(emb - mean, full_matrices=False)
    basis = vt[:KNN_DIMS].T.astype(np.float32)
    keys = project(emb, mean, basis)
    queries = project(mean_embeddings(table, [ids[i] for i in te]), mean, basis)
    eye = np.eye(3, dtype=np.float32)
    targets = {
        "knn": eye[labels.human[tr]],
        "knn_soft": (1 - s) * eye[labels.human[tr]] + s * eye[labels.gpt4[tr]],
        "knn_gpt4": eye[labels.gpt4[tr]],
    }
    return {
        n: np.log(neighbour_vote(queries, keys, t, KNN_GAMMA).astype(np.float64))
        for n, t in targets.items()
    }


def tfidf_oof(
    labels: LabelSet, groups: NDArray[np.str_], s: float
) -> dict[str, NDArray[np.float64]]:
    """Out-of-fold TF-IDF LR trained on soft targets (rows duplicated with weights 1−s, s)."""
    from sklearn.linear_model import LogisticRegression

    from task_model_tfidf import design, fit_idf

    out = np.zeros((len(labels.texts), 3))
    for k, (tr, te) in enumerate(folds(groups)):
        t0 = time.perf_counter()
        texts = [labels.texts[i] for i in tr]
        idf = fit_idf(texts)
        x = design(texts, idf)
        agree = labels.human[tr] == labels.gpt4[tr]
        dis = np.flatnonzero(~agree)  # rows where the raters agree need no duplicate
        import scipy.sparse as sp

        xx = sp.vstack([x, x[dis]]).tocsr()
        yy = np.concatenate([labels.human[tr], labels.gpt4[tr][dis]])
        ww = np.concatenate([np.where(agree, 1.0, 1 - s), np.full(len(dis), s)])
        lr = LogisticRegression(C=TFIDF_C, max_iter=2000, tol=1e-4).fit(xx, yy, sample_weight=ww)
        out[te] = log_softmax(lr.decision_function(design([labels.texts[i] for i in te], idf)), 1)
        print(f"tfidf fold {k}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return {"tfidf": out}


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/ai-impact-task-model/ml3"))
    ap.add_argument("--base", type=Path, default=Path("/tmp/ai-impact-task-model/m2v256"))
    ap.add_argument("--member", choices=["soft", "dwa", "tfidf", "iwa"], required=True)
    ap.add_argument("--scheme", choices=["occ", "major"], required=True)
    ap.add_argument("--soft", type=float, default=SOFT_GPT4)
    ap.add_argument("--activity", choices=["iwa", "gwa"], help="auxiliary work-activity head")
    ap.add_argument("--activity-weight", type=float, default=0.1)
    ap.add_argument("--seeds", type=int, nargs="+", default=list(STATIC_SEEDS))
    ap.add_argument("--epochs", type=int, help="static net epochs (shipped: STATIC)")
    ap.add_argument("--hidden", type=int, help="static net hidden units (shipped: STATIC)")
    ap.add_argument("--lr", type=float, help="static net peak learning rate (shipped: STATIC)")
    ap.add_argument("--gpt4-weight", type=float, help="GPT-4 head weight (shipped 0.5)")
    args = ap.parse_args()
    static = {k: getattr(args, k) for k in ("epochs", "hidden", "lr") if getattr(args, k)}
    args.work.mkdir(parents=True, exist_ok=True)
    labels = load_labels()
    groups = labels.codes if args.scheme == "occ" else labels.major
    tok, table = load_distilled(args.base)
    if args.member == "soft":
        import torch

        torch.set_num_threads(1)
        act = (args.activity, args.activity_weight) if args.activity else None
        ids = token_ids(tok, labels.texts)
        oof = soft_oof(
            ids, table, groups, args.soft, act, tuple(args.seeds), static, args.gpt4_weight
        )
        tag = f"_{args.activity}{args.activity_weight:g}" if act else ""
        tag += "".join(f"_{k}{v:g}" for k, v in static.items())
        if args.gpt4_weight is not None:
            tag += f"_g{args.gpt4_weight:g}"
        if tuple(args.seeds) != STATIC_SEEDS:
            tag += "_seeds" + "-".join(map(str, args.seeds))
        name = f"oof_soft{args.soft:g}{tag}_{args.scheme}.npz"
    elif args.member == "tfidf":
        oof = tfidf_oof(labels, groups, args.soft)
        name = f"oof_tfidf{args.soft:g}_{args.scheme}.npz"
    elif args.member == "iwa":
        import torch

        from task_model_dwa import predicted_oof

        torch.set_num_threads(1)
        oof = predicted_oof(labels, tok, table, groups)
        name = f"oof_iwa_{args.scheme}.npz"
    else:
        from task_model_dwa import dwa_oof

        oof = dwa_oof(labels, tok, table, groups)
        name = f"oof_dwa_{args.scheme}.npz"
    np.savez(args.work / name, **oof)
    print(f"saved {args.work / name}")


if __name__ == "__main__":
    main()
