"""Nested-CV table of the out-of-family experiments (``task_model_transfer``, issue 4).

Reads the shipped pipeline's out-of-fold predictions (``oof_{occ,major}.npz`` in ``base``)
and the experiment files in ``work``; every row pools three or four members by log-linear
weights chosen, for test fold *k* of a scheme, on the rows outside fold *k* with the
out-of-fold predictions of both schemes (joint objective, as ``task_model_tradeoffs``):
joint log-loss unless the row says "joint QWK" (sum of both QWKs, exact accuracy kept
≥ 75.5% / 70.5% on those rows). Rows marked "cost rule" add the cost-sensitive decision rule.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.special import log_softmax

from task_model_data import LabelSet, automation_metrics, exposure_metrics, folds
from task_model_tradeoffs import _cost, _nested, fast_qwk

SCHEMES = ("occ", "major")
Member = tuple[str, str]  # (file stem without the scheme, array name); stem "" = shipped OOF
_STEP = np.round(np.arange(0.0, 1.01, 0.1), 2)
_EXTRA = (0.0, 0.1, 0.2, 0.3, 0.5)
_LAMS = [float(x) for x in np.round(np.arange(0.3, 1.001, 0.05), 2)]

SHIPPED: tuple[Member, ...] = (("", "tfidf"), ("", "static"), ("", "knn"))
SOFT: tuple[Member, ...] = (("", "tfidf"), ("soft0.2", "human"), ("", "knn"))
# name → (three simplex-weighted members, extra members with free weight 0–0.5, objective)
ROWS: dict[str, tuple[tuple[Member, ...], tuple[Member, ...], str]] = {
    "shipped members (baseline)": (SHIPPED, (), "ll"),
    "+ DWA title prior (k 5, t 20)": (SHIPPED, (("dwa", "dwa_k5_t20"),), "ll"),
    "+ IWA title prior (k 20, t 50)": (SHIPPED, (("dwa", "iwa_k20_t50"),), "ll"),
    "+ GWA prior via IWA titles": (SHIPPED, (("dwa", "gwa_title"),), "ll"),
    "+ IWA prior via a text → IWA classifier": (SHIPPED, (("iwa", "iwa_pred_p1"),), "ll"),
    "+ IWA prior of the task's own O*NET links (oracle)": (SHIPPED, (("dwa", "iwa_linked"),), "ll"),
    "static: hard labels, seeds 2,3 (seed noise)": (
        (("", "tfidf"), ("soft0_seeds2-3", "human"), ("", "knn")),
        (),
        "ll",
    ),
    "static: soft 0.1": ((("", "tfidf"), ("soft0.1", "human"), ("", "knn")), (), "ll"),
    "static: soft 0.2": (SOFT, (), "ll"),
    "static: soft 0.2, seeds 2,3": (
        (("", "tfidf"), ("soft0.2_seeds2-3", "human"), ("", "knn")),
        (),
        "ll",
    ),
    "static: soft 0.35": ((("", "tfidf"), ("soft0.35", "human"), ("", "knn")), (), "ll"),
    "soft 0.2 + soft TF-IDF": (
        (("tfidf0.2", "tfidf"), ("soft0.2", "human"), ("", "knn")),
        (),
        "ll",
    ),
    "soft 0.2 + soft vote (soft net's embedding)": (
        (("", "tfidf"), ("soft0.2", "human"), ("soft0.2", "knn_soft")),
        (),
        "ll",
    ),
    "soft 0.2 + GPT-4-label vote as 4th member": (SOFT, (("soft0.2", "knn_gpt4"),), "ll"),
    "soft 0.2 + IWA aux head (BCE ×0.05)": (
        (("", "tfidf"), ("soft0.2_iwa0.05", "human"), ("", "knn")),
        (),
        "ll",
    ),
    "soft 0.2 + GWA aux head (BCE ×0.1)": (
        (("", "tfidf"), ("soft0.2_gwa0.1", "human"), ("", "knn")),
        (),
        "ll",
    ),
    "soft 0.2 + IWA title prior": (SOFT, (("dwa", "iwa_k20_t50"),), "ll"),
    "soft 0.2 + IWA title prior, joint QWK": (SOFT, (("dwa", "iwa_k20_t50"),), "qwk"),
}
COST_ROWS = ("shipped members (baseline)", "static: soft 0.2")
ALONE: tuple[Member, ...] = (
    ("dwa", "dwa_k5_t20"),
    ("dwa", "iwa_k20_t50"),
    ("dwa", "gwa_title"),
    ("dwa", "dwa_linked"),
    ("dwa", "iwa_linked"),
    ("dwa", "gwa_linked"),
    ("iwa", "iwa_pred_p1"),
)


def _load(base: Path, work: Path) -> dict[str, dict[str, dict[str, NDArray[np.float64]]]]:
    files: dict[str, dict[str, dict[str, NDArray[np.float64]]]] = {}
    stems = {m[0] for r in ROWS.values() for m in r[0] + r[1]} | {m[0] for m in ALONE}
    for stem in stems:
        files[stem] = {}
        for s in SCHEMES:
            path = base / f"oof_{s}.npz" if not stem else work / f"oof_{stem}_{s}.npz"
            with np.load(path) as z:
                files[stem][s] = {k: z[k] for k in z.files}
    return files


def _pool(lps: list[NDArray[np.float64]], w: tuple[float, ...]) -> NDArray[np.float64]:
    out: NDArray[np.float64] = log_softmax(
        sum(wi * x for wi, x in zip(w, lps, strict=True)), axis=1
    )
    return out


def nested_pool(
    labels: LabelSet, members: dict[str, list[NDArray[np.float64]]], n_extra: int, obj: str
) -> dict[str, NDArray[np.float64]]:
    """Per scheme: pooled log-probabilities with weights chosen on the other folds (joint)."""
    y = labels.human
    simplex = [w for w in itertools.product(_STEP, repeat=3) if abs(sum(w) - 1) < 1e-6]
    grid = [w + e for w in simplex for e in itertools.product(_EXTRA, repeat=n_extra)]
    out = {}
    for scheme, groups in (("occ", labels.codes), ("major", labels.major)):
        lp = np.zeros((len(y), 3))
        for tr, te in folds(groups):
            sub = {s: [m[tr] for m in members[s]] for s in SCHEMES}

            def score(
                w: tuple[float, ...],
                tr: NDArray[np.int64] = tr,
                sub: dict[str, list[NDArray[np.float64]]] = sub,
            ) -> float:
                pooled = [_pool(sub[s], w) for s in SCHEMES]
                if obj == "ll":
                    return sum(float(p[np.arange(len(tr)), y[tr]].mean()) for p in pooled)
                preds = [p.argmax(1) for p in pooled]
                accs = [float((p == y[tr]).mean()) for p in preds]
                if accs[0] < 0.755 or accs[1] < 0.705:
                    return -np.inf
                return sum(fast_qwk(y[tr], p) for p in preds)

            w = max(grid, key=score)
            lp[te] = _pool([m[te] for m in members[scheme]], w)
        out[scheme] = lp
    return out


def transfer_rows(labels: LabelSet, base: Path, work: Path) -> dict[str, dict[str, float]]:
    """Every row of the table: exact, QWK and occupation ρ per scheme (nested CV)."""
    files = _load(base, work)
    rows: dict[str, dict[str, float]] = {}

    def record(name: str, lps: dict[str, NDArray[np.float64]], pred: object = None) -> None:
        row = {}
        for s in SCHEMES:
            p = np.exp(lps[s])
            got = pred[s] if isinstance(pred, dict) else None
            m = exposure_metrics(p, labels.human, labels.codes, labels.human_beta, got)
            row.update({f"{s}_{k}": v for k, v in m.items() if k != "macro_f1"})
        rows[name] = row

    for stem, key in ALONE:
        record(f"alone: {key}", {s: files[stem][s][key] for s in SCHEMES})
    for name, (three, extra, obj) in ROWS.items():
        members = {s: [files[f][s][k] for f, k in three + extra] for s in SCHEMES}
        lps = nested_pool(labels, members, len(extra), obj)
        record(name, lps)
        if name in COST_ROWS:
            m = _nested(labels, lps, _cost, _LAMS, (0.755, 0.705))
            rows[name + ", cost rule"] = {
                f"{s}_{k}": v for s in SCHEMES for k, v in m[s].items() if k != "macro_f1"
            }
    for stem in ("soft0.2", "soft0.2_iwa0.05", "soft0.2_gwa0.1"):
        for s in SCHEMES:
            auto = automation_metrics(np.exp(files[stem][s]["auto"]), labels.auto)["qwk"]
            rows.setdefault(f"automation QWK, {stem}", {})[f"{s}_qwk"] = auto
    return rows
