"""Work-activity priors: a member that may transfer across occupation families (issue 4).

O*NET's detailed work activities (DWAs, 2,082), their intermediate parents (IWAs, 332) and the
generalised ones (GWAs, 41) are shared across occupation families. On a training fold each
activity gets the smoothed distribution of the human labels of the tasks linked to it
(``tasks_to_dwas``, matched by task text). A text is then embedded (mean of the distilled
static table, not fine-tuned, so no label has shaped it) and compared by cosine with the
activity titles; the softmax over its top-k activities mixes their label priors.

Variants written to the OOF file (log-probabilities of the human exposure classes):

- ``dwa_k{k}_t{t}`` / ``iwa_k{k}_t{t}``: title route, usable for any text;
- ``gwa_title``: the GWA priors through the IWA title route;
- ``dwa_linked`` / ``iwa_linked`` / ``gwa_linked``: the held-out task's own O*NET links
  (diagnostic ceiling of the signal: needs the task to be an O*NET statement, which the
  runtime scores from its labels anyway).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from task_model_data import ROOT, LabelSet, folds
from task_model_members import mean_embeddings
from task_model_static import token_ids

ONET = ROOT / "data" / "onet" / "29.3"
ALPHA = 5.0  # pseudo-count of the fold's class prior in every activity's distribution
KS = (5, 20)
TEMPS = (20.0, 50.0)


def activity_links(labels: LabelSet) -> tuple[list[list[str]], list[str], list[str]]:
    """Per label row its DWA ids (empty if its text has no O*NET link); DWA and IWA ids."""
    links = pd.read_csv(ONET / "tasks_to_dwas.csv.gz")
    by_text = links.groupby("Task")["DWA ID"].apply(lambda s: sorted(set(s))).to_dict()
    rows = [list(by_text.get(t, [])) for t in labels.texts]
    ref = pd.read_csv(ONET / "dwa_reference.csv.gz")
    return rows, ref["DWA ID"].tolist(), sorted(set(ref["IWA ID"]))


def priors(
    rows: list[list[str]],
    y: NDArray[np.int64],
    train: NDArray[np.int64],
    ids: list[str],
    parent: Any,
) -> NDArray[np.float64]:
    """Smoothed human-label distribution of every activity in ``ids`` (training rows only)."""
    index = {a: i for i, a in enumerate(ids)}
    counts = np.zeros((len(ids), 3))
    for r in train:
        acts = {parent(d) for d in rows[r]}
        for a in acts:
            counts[index[a], y[r]] += 1.0 / len(acts)  # a task spreads one vote over its links
    prior = np.bincount(y[train], minlength=3) / len(train)
    return (counts + ALPHA * prior) / (counts.sum(1, keepdims=True) + ALPHA)


def title_mixture(
    q: NDArray[np.float32], keys: NDArray[np.float32], p: NDArray[np.float64], k: int, t: float
) -> NDArray[np.float64]:
    """Prior mixture over each query's top-k activities by cosine, softmax weights (temp t)."""
    sims = q @ keys.T
    top = np.argpartition(-sims, k, axis=1)[:, :k]
    s = np.take_along_axis(sims, top, axis=1)
    w = np.exp(t * (s - s.max(1, keepdims=True)))
    w /= w.sum(1, keepdims=True)
    return np.einsum("nk,nkc->nc", w, p[top])


def dwa_oof(
    labels: LabelSet, tok: Any, table: NDArray[np.float32], groups: NDArray[np.str_]
) -> dict[str, NDArray[np.float64]]:
    """Out-of-fold log-probabilities of every variant (see the module docstring)."""
    rows, dwa_ids, iwa_ids = activity_links(labels)
    ref = pd.read_csv(ONET / "dwa_reference.csv.gz")
    dwa_title = dict(zip(ref["DWA ID"], ref["DWA Title"], strict=True))
    iwa_title = dict(zip(ref["IWA ID"], ref["IWA Title"], strict=True))
    gwa_ids = sorted({d[:9] for d in dwa_ids})
    emb = mean_embeddings(table, token_ids(tok, labels.texts))
    dkeys = mean_embeddings(table, token_ids(tok, [dwa_title[d] for d in dwa_ids]))
    ikeys = mean_embeddings(table, token_ids(tok, [iwa_title[i] for i in iwa_ids]))
    iwa_gwa = np.array([gwa_ids.index(i[:9]) for i in iwa_ids])
    y = labels.human
    out: dict[str, NDArray[np.float64]] = {}

    def put(name: str, te: NDArray[np.int64], p: NDArray[np.float64]) -> None:
        out.setdefault(name, np.zeros((len(y), 3)))[te] = np.log(np.clip(p, 1e-6, None))

    for tr, te in folds(groups):
        pd_ = priors(rows, y, tr, dwa_ids, lambda d: d)
        pi = priors(rows, y, tr, iwa_ids, lambda d: d[: d.rfind(".")])
        pg = priors(rows, y, tr, gwa_ids, lambda d: d[:9])
        for k in KS:
            for t in TEMPS:
                put(f"dwa_k{k}_t{t:g}", te, title_mixture(emb[te], dkeys, pd_, k, t))
                put(f"iwa_k{k}_t{t:g}", te, title_mixture(emb[te], ikeys, pi, k, t))
        put("gwa_title", te, title_mixture(emb[te], ikeys, pg[iwa_gwa], 20, 20.0))
        prior = np.bincount(y[tr], minlength=3) / len(tr)
        for name, p, ids_, cut in (
            ("dwa_linked", pd_, dwa_ids, lambda d: d),
            ("iwa_linked", pi, iwa_ids, lambda d: d[: d.rfind(".")]),
            ("gwa_linked", pg, gwa_ids, lambda d: d[:9]),
        ):
            index = {a: i for i, a in enumerate(ids_)}
            linked = [
                p[sorted({index[cut(d)] for d in rows[r]})].mean(0) if rows[r] else prior
                for r in te
            ]
            put(name, te, np.array(linked))
    return out


def predicted_activities(
    emb: NDArray[np.float32],
    targets: NDArray[np.float32],
    tr: NDArray[np.int64],
    hidden: int = 512,
    epochs: int = 30,
    seed: int = 0,
) -> Any:
    """Fit text → IWA distribution (one hidden layer, soft cross-entropy) on rows ``tr``.

    Targets are each row's linked IWAs, uniform; rows without links are left out. Returns a
    function from embeddings to IWA probabilities.
    """
    import torch
    from torch import nn

    torch.manual_seed(seed)
    keep = tr[targets[tr].sum(1) > 0]
    x = torch.from_numpy(emb[keep])
    t = torch.from_numpy(targets[keep] / targets[keep].sum(1, keepdims=True))
    net = nn.Sequential(nn.Linear(emb.shape[1], hidden), nn.ReLU(), nn.Linear(hidden, t.shape[1]))
    opt = torch.optim.Adam(net.parameters(), lr=2e-3, weight_decay=1e-5)
    gen = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        for idx in torch.randperm(len(keep), generator=gen).split(256):
            loss = -(t[idx] * torch.log_softmax(net(x[idx]), 1)).sum(1).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()

    def predict(e: NDArray[np.float32]) -> NDArray[np.float64]:
        with torch.no_grad():
            return torch.softmax(net(torch.from_numpy(e)), 1).numpy().astype(np.float64)

    return predict


def predicted_oof(
    labels: LabelSet, tok: Any, table: NDArray[np.float32], groups: NDArray[np.str_]
) -> dict[str, NDArray[np.float64]]:
    """Out-of-fold IWA-prior mixtures through a text → IWA classifier fitted per fold."""
    rows, _, iwa_ids = activity_links(labels)
    index = {a: i for i, a in enumerate(iwa_ids)}
    multi = np.zeros((len(rows), len(iwa_ids)), np.float32)
    for r, ds in enumerate(rows):
        multi[r, [index[d[: d.rfind(".")]] for d in ds]] = 1.0
    emb = mean_embeddings(table, token_ids(tok, labels.texts))
    y = labels.human
    out: dict[str, NDArray[np.float64]] = {}
    for tr, te in folds(groups):
        pi = priors(rows, y, tr, iwa_ids, lambda d: d[: d.rfind(".")])
        q = predicted_activities(emb, multi, tr)(emb[te])
        for power in (1.0, 2.0):
            w = q**power
            w /= w.sum(1, keepdims=True)
            out.setdefault(f"iwa_pred_p{power:g}", np.zeros((len(y), 3)))[te] = np.log(w @ pi)
        # Top-1 accuracy of the predicted IWA against the linked set (how well text finds it).
        hit = multi[te, q.argmax(1)] > 0
        out.setdefault("iwa_pred_hit", np.zeros((len(y), 1)))[te, 0] = hit
    return out
