"""Member 2 of the task model: a static (model2vec-style) embedding table, fine-tuned.

The table starts as a model2vec distillation of all-MiniLM-L6-v2 (one 256-d vector per
WordPiece token); a text is the mean of its tokens' vectors. On top sits one hidden layer and
three heads trained jointly: the human exposure label, GPT-4's exposure label and GPT-4's
automation level. The embedding rows are trained too. Needs torch (training venv only); the
runtime re-implements the forward pass in numpy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from numpy.typing import NDArray
from safetensors.numpy import load_file
from tokenizers import Tokenizer
from torch import nn

HEADS = {"human": 3, "gpt4": 3, "auto": 5}


def load_distilled(folder: Path) -> tuple[Tokenizer, NDArray[np.float32]]:
    """The tokenizer and embedding table of a saved model2vec model."""
    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    table = load_file(str(folder / "model.safetensors"))["embeddings"].astype(np.float32)
    return tok, table


def token_ids(tok: Tokenizer, texts: list[str]) -> list[list[int]]:
    """WordPiece ids of each text without special tokens (as model2vec encodes)."""
    tok.no_padding()
    tok.no_truncation()
    return [e.ids[:256] for e in tok.encode_batch(texts, add_special_tokens=False)]


class StaticNet(nn.Module):
    """Mean of token vectors → hidden layer → one linear head per label kind."""

    def __init__(self, table: NDArray[np.float32], hidden: int, aux: int = 0) -> None:
        super().__init__()
        self.emb = nn.EmbeddingBag.from_pretrained(
            torch.from_numpy(table.copy()), freeze=False, mode="mean", sparse=True
        )
        self.hidden = nn.Linear(table.shape[1], hidden)
        self.out = nn.Linear(hidden, sum(HEADS.values()) + aux)

    def encode(self, flat: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        """The L2-normalised mean token vector of each text."""
        return nn.functional.normalize(self.emb(flat, offsets))

    def heads(self, mean: torch.Tensor) -> torch.Tensor:
        """Logits of all heads, concatenated, from the mean vectors."""
        return self.out(torch.relu(self.hidden(mean)))

    def forward(self, flat: torch.Tensor, offsets: torch.Tensor) -> torch.Tensor:
        """Logits of all heads, concatenated (the mean vector is L2-normalised first)."""
        return self.heads(self.encode(flat, offsets))


_N_HEADS = sum(HEADS.values())


def _batch(ids: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    lens = [max(len(x), 1) for x in ids]
    flat = [t for x in ids for t in (x or [0])]
    offsets = np.concatenate([[0], np.cumsum(lens)[:-1]])
    return torch.tensor(flat, dtype=torch.long), torch.tensor(offsets, dtype=torch.long)


@dataclass
class StaticParams:
    """Numpy export of a trained StaticNet."""

    table: NDArray[np.float32]
    w1: NDArray[np.float32]
    b1: NDArray[np.float32]
    w2: NDArray[np.float32]
    b2: NDArray[np.float32]

    def logits(self, ids: list[list[int]]) -> NDArray[np.float64]:
        """All head logits, through the same maths as the numpy runtime."""
        flat = np.array([t for x in ids for t in (x or [0])], dtype=np.int64)
        lens = np.array([max(len(x), 1) for x in ids])
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
        mean = np.add.reduceat(self.table[flat], starts, axis=0)
        mean /= np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
        h = np.maximum(mean @ self.w1 + self.b1, 0)
        return (h @ self.w2 + self.b2).astype(np.float64)


def split_heads(z: NDArray[np.float64]) -> dict[str, NDArray[np.float64]]:
    """Cut concatenated head logits into a dict by head name."""
    out, i = {}, 0
    for name, k in HEADS.items():
        out[name] = z[:, i : i + k]
        i += k
    return out


# Squared distance between exposure classes in β order E0 < E2 < E1, scaled to 0..1.
_RANK = torch.tensor([0.0, 2.0, 1.0])
_SQ_DIST = (_RANK[:, None] - _RANK[None, :]) ** 2 / 4.0


def _ordinal_loss(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Expected quadratic cost of the human head (the per-row part of quadratic κ)."""
    return (torch.softmax(logits, dim=1) * _SQ_DIST[y]).sum(dim=1).mean()


def fit_static(
    table: NDArray[np.float32],
    ids: list[list[int]],
    targets: dict[str, NDArray[np.int64]],
    *,
    weights: dict[str, float],
    hidden: int = 512,
    epochs: int = 6,
    lr: float = 2e-3,
    batch: int = 64,
    seed: int = 0,
) -> StaticParams:
    """Train the net for a fixed number of epochs (chosen by inner grouped CV)."""
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    # Optional "activity" target (rows × n multi-hot work activities): an auxiliary head whose
    # outputs are trained with BCE and dropped at export (the runtime never computes them).
    activity = targets.get("activity")
    net = StaticNet(table, hidden, 0 if activity is None else activity.shape[1])
    dense = list(net.hidden.parameters()) + list(net.out.parameters())
    # Optional "teacher" target (rows × d unit sentence embeddings of a larger encoder): a linear
    # map of the mean vector is pulled towards it by 1 − cosine (knowledge distillation,
    # scripts/task_model_encoders.py); the map is dropped at export.
    teacher = targets.get("teacher")
    proj = None
    if teacher is not None and weights.get("teacher", 0.0) > 0:
        proj = nn.Linear(table.shape[1], teacher.shape[1])
        dense += list(proj.parameters())
    # Sparse updates of the embedding table: a batch touches a few hundred of its 30k rows.
    opts = [
        torch.optim.SparseAdam(list(net.emb.parameters()), lr=lr),
        torch.optim.Adam(dense, lr=lr),
    ]
    ys = {k: torch.tensor(v) for k, v in targets.items()}
    bce = nn.BCEWithLogitsLoss(reduction="sum")
    loss_fn = nn.CrossEntropyLoss()
    n = len(ids)
    steps = epochs * ((n + batch - 1) // batch)
    scheds = [torch.optim.lr_scheduler.OneCycleLR(o, max_lr=lr, total_steps=steps) for o in opts]
    for _ in range(epochs):
        order = rng.permutation(n)
        for s in range(0, n, batch):
            sel = order[s : s + batch]
            flat, offs = _batch([ids[i] for i in sel])
            mean = net.encode(flat, offs)
            z = net.heads(mean)
            loss = torch.zeros(())
            i = 0
            for name, k in HEADS.items():
                if weights.get(name, 0.0) > 0:
                    loss = loss + weights[name] * loss_fn(z[:, i : i + k], ys[name][sel])
                i += k
            if weights.get("soft_gpt4", 0.0) > 0:
                # Soft human target: (1-s)·one-hot(human) + s·one-hot(GPT-4); CE is linear in it.
                loss = loss + weights["soft_gpt4"] * loss_fn(z[:, :3], ys["gpt4"][sel])
            if activity is not None and weights.get("activity", 0.0) > 0:
                act = bce(z[:, _N_HEADS:], ys["activity"][sel]) / len(sel)
                loss = loss + weights["activity"] * act
            if proj is not None:
                cos = (nn.functional.normalize(proj(mean)) * ys["teacher"][sel]).sum(dim=1)
                loss = loss + weights["teacher"] * (1 - cos).mean()
            if weights.get("ordinal", 0.0) > 0:
                loss = loss + weights["ordinal"] * _ordinal_loss(z[:, :3], ys["human"][sel])
            for o in opts:
                o.zero_grad()
            loss.backward()
            for o, sc in zip(opts, scheds, strict=True):
                o.step()
                sc.step()
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    return StaticParams(
        table=sd["emb.weight"],
        w1=sd["hidden.weight"].T.copy(),
        b1=sd["hidden.bias"],
        w2=sd["out.weight"][:_N_HEADS].T.copy(),
        b2=sd["out.bias"][:_N_HEADS].copy(),
    )


def describe(params: StaticParams) -> str:
    """Shapes of the exported arrays, for logs."""
    return json.dumps({k: list(getattr(params, k).shape) for k in ("table", "w1", "w2")})
