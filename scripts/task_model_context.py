"""Experiment: the occupation's O*NET profile as context for the task-exposure model.

Asks whether what O*NET says about a task's *occupation* — knowledge and skill ratings
(importance, level), work styles and the occupation's mix of generalised work activities
(shares of its tasks' DWA links per GWA) — carries across occupation families where the words
of the task do not. An occupation-level prior (ridge regression from the profile to the
centred log-shares of E0/E1/E2 among the occupation's labelled tasks) is pooled log-linearly
with the three shipped members; member weights and the prior's weight are tuned for log-loss
on the rows outside each test fold, and the prior fed to that tuning is itself out-of-fold
(inner grouped folds over the training occupations). Training venv; reads the out-of-fold
files written by ``scripts/train_task_model.py --cv occ|major --work DIR``::

    .venv-train/bin/python scripts/task_model_context.py --work DIR --scheme major

Numbers for the record in docs/model-card.md ("the occupation's profile as context").
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy.special import log_softmax
from sklearn.linear_model import Ridge
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from task_model_data import ROOT, LabelSet, exposure_metrics, folds, load_labels
from task_model_members import MEMBERS

ONET = ROOT / "data" / "onet" / "29.3"
PRIOR_WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7)


def _rated(name: str, scales: tuple[str, ...]) -> pd.DataFrame:
    d = pd.read_csv(ONET / f"{name}.csv.gz")
    d = d[d["Scale ID"].isin(scales)].copy()
    d["key"] = name + ":" + d["Element ID"] + ":" + d["Scale ID"]
    return d.pivot_table(index="O*NET-SOC Code", columns="key", values="Data Value")


def _gwa_mix() -> pd.DataFrame:
    links = pd.read_csv(ONET / "tasks_to_dwas.csv.gz")
    links["gwa"] = links["DWA ID"].str[:9]
    counts = links.groupby(["O*NET-SOC Code", "gwa"]).size().unstack(fill_value=0)
    return counts.div(counts.sum(axis=1), axis=0).add_prefix("gwa:")


def profile(labels: LabelSet, parts: str) -> NDArray[np.float64]:
    """One row per label row: the occupation's profile (NaN where O*NET 29.3 lacks it),
    plus a last column flagging occupations with no profile at all."""
    pieces = {
        "k": lambda: _rated("knowledge", ("IM", "LV")),
        "s": lambda: _rated("skills", ("IM", "LV")),
        "w": lambda: _rated("work_styles", ("WI", "DR", "IM")),
        "g": _gwa_mix,
    }
    table = pd.concat([pieces[p]() for p in parts], axis=1)
    rows = table.reindex(labels.codes).to_numpy(float)
    missing = np.isnan(rows).all(axis=1)
    parent = table.reindex([c[:7] + ".00" for c in labels.codes]).to_numpy(float)
    rows[missing] = parent[missing]  # a 27.2 detail code absent in 29.3: its parent
    missing = np.isnan(rows).all(axis=1)
    return np.hstack([rows, missing[:, None].astype(float)])


def _prior(
    x_train: NDArray[np.float64], shares: NDArray[np.float64], x_test: NDArray[np.float64]
) -> NDArray[np.float64]:
    mean = np.nanmean(x_train, axis=0)
    x_train = np.where(np.isnan(x_train), mean, x_train)
    x_test = np.where(np.isnan(x_test), mean, x_test)
    scale = StandardScaler().fit(x_train)
    target = np.log(np.clip(shares, 0.02, 1.0))
    target -= target.mean(axis=1, keepdims=True)
    model = Ridge(alpha=30.0).fit(scale.transform(x_train), target)
    return np.asarray(log_softmax(model.predict(scale.transform(x_test)), axis=1))


def _occupations(
    labels: LabelSet, rows: NDArray[np.int64], x: NDArray[np.float64], groups: NDArray[np.str_]
) -> tuple[NDArray[np.str_], NDArray[np.float64], NDArray[np.float64], NDArray[np.str_]]:
    frame = pd.DataFrame({"code": labels.codes[rows], "y": labels.human[rows], "row": rows})
    shares = pd.crosstab(frame["code"], frame["y"]).reindex(columns=[0, 1, 2], fill_value=0)
    shares = shares.div(shares.sum(axis=1), axis=0)
    first = frame.groupby("code")["row"].first().reindex(shares.index).to_numpy()
    return shares.index.to_numpy(str), x[first], shares.to_numpy(float), groups[first]


def prior_oof(
    labels: LabelSet, x: NDArray[np.float64], groups: NDArray[np.str_]
) -> tuple[NDArray[np.float64], list[NDArray[np.float64]]]:
    """The prior on each test fold, and for each fold an inner out-of-fold prior on its
    training rows (what the mixing weights are tuned on)."""
    test = np.zeros((len(labels.human), 3))
    inner_all: list[NDArray[np.float64]] = []
    for tr, te in folds(groups):
        codes, xo, so, go = _occupations(labels, tr, x, groups)
        test[te] = _prior(xo, so, x[te])
        inner = np.zeros_like(test)
        in_train = np.zeros(len(test), bool)
        in_train[tr] = True
        for itr, ite in GroupKFold(n_splits=5).split(xo, groups=go):
            rows = in_train & np.isin(labels.codes, codes[ite])
            inner[rows] = _prior(xo[itr], so[itr], x[rows])
        inner_all.append(inner)
    return test, inner_all


def pooled(
    labels: LabelSet,
    oof: dict[str, NDArray[np.float64]],
    groups: NDArray[np.str_],
    test_prior: NDArray[np.float64],
    inner: list[NDArray[np.float64]],
) -> tuple[NDArray[np.float64], list[float]]:
    """Members plus the prior, weights tuned for log-loss outside each test fold."""
    grid = np.round(np.arange(0.0, 1.01, 0.1), 2)
    y = labels.human
    out = np.zeros((len(y), 3))
    chosen: list[float] = []
    for k, (tr, te) in enumerate(folds(groups)):
        best: tuple[float, tuple[float, ...], float] = (np.inf, (1.0, 0.0, 0.0), 0.0)
        for w in itertools.product(grid, repeat=len(MEMBERS)):
            if abs(sum(w) - 1.0) > 1e-6:
                continue
            base = sum(wi * oof[n][tr] for wi, n in zip(w, MEMBERS, strict=True))
            for wp in PRIOR_WEIGHTS:
                logp = log_softmax(base + wp * inner[k][tr], axis=1)
                loss = float(-logp[np.arange(len(tr)), y[tr]].mean())
                if loss < best[0]:
                    best = (loss, tuple(float(v) for v in w), wp)
        _, w, wp = best
        chosen.append(wp)
        z = sum(wi * oof[n][te] for wi, n in zip(w, MEMBERS, strict=True)) + wp * test_prior[te]
        out[te] = np.exp(log_softmax(z, axis=1))
    return out, chosen


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True, help="folder with oof_occ/major.npz")
    ap.add_argument("--scheme", choices=["occ", "major"], default="major")
    ap.add_argument("--profile", default="kswg", help="k knowledge, s skills, w styles, g GWAs")
    args = ap.parse_args()
    labels = load_labels()
    groups = labels.codes if args.scheme == "occ" else labels.major
    with np.load(args.work / f"oof_{args.scheme}.npz") as z:
        oof = {k: z[k] for k in z.files}
    x = profile(labels, args.profile)

    def show(name: str, p: NDArray[np.float64]) -> None:
        m = exposure_metrics(p, labels.human, labels.codes, labels.human_beta)
        print(f"{name:<28} " + "  ".join(f"{k} {v:.4f}" for k, v in m.items()))

    show("shipped mix", oof["mix"])
    test_prior, inner = prior_oof(labels, x, groups)
    show("occupation prior alone", np.exp(test_prior))
    p, chosen = pooled(labels, oof, groups, test_prior, inner)
    show("members + prior", p)
    print(f"prior weight per fold: {chosen}")


if __name__ == "__main__":
    main()
