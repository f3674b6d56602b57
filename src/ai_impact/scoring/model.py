"""The shipped task model: load the artefact and turn task texts into class probabilities.

This is the only module that imports the model runtime (``tokenizers``). The artefact in
``artifacts/task_model/`` holds three members trained by ``scripts/train_task_model.py``:

- a hashed word+char TF-IDF logistic regression (:mod:`ai_impact.scoring.features`);
- a fine-tuned static embedding table (mean of WordPiece token vectors) with one hidden
  layer and heads for exposure, GPT-4 exposure and automation, plus a capability head;
- a vote of the nearest labelled tasks in that embedding (:mod:`.neighbours`).

Exposure is the log-linear pool of the three members' distributions, with weights and a
per-class offset tuned by grouped cross-validation for exact agreement with human labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from tokenizers import Tokenizer

from ai_impact.errors import ModelError
from ai_impact.scoring.features import (
    Occurrences,
    hashed_occurrences,
    occurrence_weights,
    weighted_scores,
)
from ai_impact.scoring.neighbours import neighbour_vote, project
from ai_impact.scoring.wordpiece import WordPieces

__all__ = ["ARTIFACT_DIR", "Predictions", "TaskModel", "load_model"]

ARTIFACT_DIR = Path(__file__).resolve().parent / "artifacts" / "task_model"
_MAX_TOKENS = 256
_FLOAT = NDArray[np.float32]


def _log_softmax(z: NDArray[np.float32]) -> NDArray[np.float32]:
    z = z - z.max(axis=1, keepdims=True)
    out: NDArray[np.float32] = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return out


def _segment_sums(table: _FLOAT, flat: NDArray[np.int64], starts: NDArray[np.int64]) -> _FLOAT:
    """Sum of the ``table`` rows of each text's tokens (``flat[starts[i]:starts[i + 1]]``).

    Position by position: every text's first token vector, then each text still that long
    adds its next one. A text is at most a few dozen tokens, so this is a few dozen vectorised
    steps, about five times faster than ``np.add.reduceat`` over the gathered rows (which
    walks each text apart); sums agree with it to float32 rounding (≤ 4e-6).
    """
    lens = np.diff(np.append(starts, len(flat)))
    out: _FLOAT = table[flat[starts]]
    for pos in range(1, int(lens.max(initial=1))):
        rows = np.flatnonzero(lens > pos)
        out[rows] += table[flat[starts[rows] + pos]]
    return out


def _beta(p: NDArray[np.float32]) -> NDArray[np.float32]:
    return p[:, 1] + 0.5 * p[:, 2]


@dataclass(frozen=True)
class Predictions:
    """Per-text probabilities: exposure E0/E1/E2, automation T0–T4, capability (5)."""

    exposure: _FLOAT
    automation: _FLOAT
    capability: _FLOAT
    member_beta: _FLOAT  # β of each member alone (texts × members): their spread is a band


_PREDICTION_FIELDS = ("exposure", "automation", "capability", "member_beta")
BATCH = 1024  # texts per slice of a large batch (memory reuse; see TaskModel.predict)


class TaskModel:
    """The loaded artefact; :meth:`predict` is vectorised over a batch of texts."""

    def __init__(self, arrays: dict[str, NDArray[Any]], meta: dict[str, Any], tok: Any) -> None:
        self.meta = meta
        self._tok = tok
        self._pieces = WordPieces(tok)
        self._a = arrays
        # int8 tables times their per-row scales, converted once (the matmuls run in float32),
        # side by side in one array: one gather and one segmented sum serve every net.
        n_static = int(meta["n_static"])
        quant = [arrays[f"s{i}_table_q"] for i in range(n_static)]
        dim = quant[0].shape[1]
        self._joint = np.empty((quant[0].shape[0], dim * n_static), dtype=np.float32)
        self._tables = [self._joint[:, i * dim : (i + 1) * dim] for i in range(n_static)]
        for i, (q, table) in enumerate(zip(quant, self._tables, strict=True)):
            np.multiply(q, arrays[f"s{i}_table_scale"][:, None], out=table)
        self._keys = arrays["knn_keys"].astype(np.float32)
        self._key_labels = np.eye(3, dtype=np.float32)[arrays["knn_labels"].astype(np.int64)]

    @property
    def version(self) -> str:
        """Model version string from the artefact's metadata."""
        return str(self.meta["version"])

    def _ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids of each text (at most ``_MAX_TOKENS``; an empty text is token 0)."""
        return [ids[:_MAX_TOKENS] or [0] for ids in self._pieces.encode(texts)]

    def _tokens(
        self, texts: list[str], ids: list[list[int]] | None = None
    ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Token ids of the batch, flat, and where each text starts (``ids``: already read)."""
        ids = self._ids(texts) if ids is None else ids
        lens = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((t for x in ids for t in x), dtype=np.int64, count=int(lens.sum()))
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(np.int64)
        return flat, starts

    def _static(
        self, texts: list[str], ids: list[list[int]] | None = None
    ) -> tuple[_FLOAT, list[_FLOAT]]:
        """Normalised mean token vectors of the first net and every net's logits."""
        flat, starts = self._tokens(texts, ids)
        a = self._a
        sums = _segment_sums(self._joint, flat, starts)
        dim = self._tables[0].shape[1]
        means, logits = [], []
        for i in range(len(self._tables)):
            mean = sums[:, i * dim : (i + 1) * dim]
            mean /= np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
            hidden = np.maximum(mean @ a[f"s{i}_w1"] + a[f"s{i}_b1"], 0)
            means.append(mean)
            logits.append(hidden @ a[f"s{i}_w2"] + a[f"s{i}_b2"])
        return means[0], logits

    def _capability(self, occ: Occurrences, vals: NDArray[np.float64], mean: _FLOAT) -> _FLOAT:
        """The capability head: the first net's mean vector and the words (folded buckets)."""
        a = self._a
        cap = mean @ a["cap_w"] + a["cap_b"]
        if "cap_hash" in a:  # the capability head also reads the words (folded word buckets)
            words = occ.block == 0
            word_occ = Occurrences(
                occ.rows[words], occ.buckets[words], occ.block[words], occ.n_texts
            )
            bits = int(self.meta["cap_bits"])
            cap = cap + weighted_scores(word_occ, vals[words], a["cap_hash"], bits)
        out: _FLOAT = np.exp(_log_softmax(cap.astype(np.float32)))
        return out

    def capability(self, texts: list[str]) -> _FLOAT:
        """The capability probabilities alone (texts × 5), as :meth:`predict` gives them."""
        occ = hashed_occurrences(texts, int(self.meta["bits"]))
        vals = occurrence_weights(occ, self._a["idf"])
        flat, starts = self._tokens(texts)
        mean = _segment_sums(self._tables[0], flat, starts)
        mean /= np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
        return self._capability(occ, vals, mean)

    def predict(self, texts: list[str]) -> Predictions:
        """Probabilities for every text of the batch (texts must be non-empty strings).

        Large batches run in slices of :data:`BATCH` texts: the token-vector gathers and the
        neighbour similarities of a slice stay small enough to reuse memory, which halves the
        time of 19,000 texts (benchmarks/task_model.py --runtime-only); results are identical.
        A text that occurs more than once is predicted once and its rows copied.
        """
        index: dict[str, int] = {}
        rows = np.fromiter(
            (index.setdefault(t, len(index)) for t in texts), dtype=np.int64, count=len(texts)
        )
        if len(index) < len(texts):  # a text repeated is predicted once (O*NET repeats 7%)
            once = self.predict(list(index))
            return Predictions(*(getattr(once, f)[rows] for f in _PREDICTION_FIELDS))
        if len(texts) <= BATCH:
            return self._predict(texts)
        ids = self._ids(texts)  # one tokenizer call: each call starts its thread pool anew
        parts = [
            self._predict(texts[i : i + BATCH], ids[i : i + BATCH])
            for i in range(0, len(texts), BATCH)
        ]
        return Predictions(
            *(np.concatenate([getattr(p, f) for p in parts]) for f in _PREDICTION_FIELDS)
        )

    def _predict(self, texts: list[str], ids: list[list[int]] | None = None) -> Predictions:
        a, m = self._a, self.meta
        occ = hashed_occurrences(texts, int(m["bits"]))
        vals = occurrence_weights(occ, a["idf"])
        lin = (weighted_scores(occ, vals, a["coef"]) + a["bias"]).astype(np.float32)
        mean, stat = self._static(texts, ids)
        heads = m["heads"]

        def head(name: str) -> _FLOAT:
            # The nets of the static member are averaged in log-probability space.
            parts = [_log_softmax(z[:, slice(*heads[name])]) for z in stat]
            out: _FLOAT = np.mean(parts, axis=0, dtype=np.float32)
            return out

        vote = neighbour_vote(
            project(mean, a["knn_mean"], a["knn_basis"]),
            self._keys,
            self._key_labels,
            float(m["knn_gamma"]),
        )
        logp = [_log_softmax(lin), head("human"), np.log(vote)]
        z = sum(w * lp for w, lp in zip(m["weights"], logp, strict=True)) + a["offset_human"]
        exposure = np.exp(_log_softmax(z))
        automation = np.exp(_log_softmax(head("auto")))
        capability = self._capability(occ, vals, mean)
        member_beta = np.stack([_beta(np.exp(lp)) for lp in logp], axis=1)
        return Predictions(exposure, automation, capability, member_beta)


def _read(folder: Path) -> TaskModel:
    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        with np.load(folder / "arrays.npz") as z:
            arrays = {k: z[k] for k in z.files}
        tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"The task model artifact in {folder} is missing or unreadable ({exc}).",
            hint="Reinstall ai-impact, or rebuild it with scripts/train_task_model.py.",
        ) from exc
    tok.no_padding()
    tok.no_truncation()
    return TaskModel(arrays, meta, tok)


@lru_cache(maxsize=4)
def load_model(folder: Path | None = None) -> TaskModel:
    """Load (once per process) the task model shipped with the package, or one in ``folder``."""
    return _read(folder or ARTIFACT_DIR)
