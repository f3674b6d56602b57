"""Score every occupation for a batch of normalised titles and calibrate the best ones.

The score is linear in five signals (weights fitted by ``benchmarks/titles.py --fit`` as a
conditional logit over all occupations, stored in ``artifacts/ranker.json``):

- ``exact``  weight of a normalised key (O*NET, alternate, short, reported or alias title) equal
  to a reading of the input (1.0 for an O*NET title, 0.8 × for a secondary reading);
- ``sem``    best cosine between the input's embedding and the occupation's title prototypes;
- ``nb``     naive-Bayes log-likelihood of the input's words under the occupation's title words,
  per word, relative to the best occupation (0 for the best, negative for the rest);
- ``prior``  how many titles the occupation has (log, scaled to 0..1): common jobs have many;
- ``default`` 1 for an O*NET-SOC ``.00`` code (the SOC occupation itself, not a specialty).

Confidence: the softmax probability of the score (temperature fitted) mapped through an
isotonic curve fitted on held-out titles, so "0.8" means right about 8 times in 10.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ai_impact.titles.index import TitleIndex

__all__ = [
    "FEATURES",
    "RankerParams",
    "combine",
    "feature_stack",
    "load_params",
    "score",
    "signals",
]

FEATURES = ("exact", "unique", "sem", "nb", "prior", "default")
F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class RankerParams:
    """Weights of the signals, the softmax temperature and the calibration curve."""

    weights: tuple[float, ...] = (4.0, 2.0, 6.0, 2.0, -3.0, 0.2)
    temperature: float = 1.0
    iso_x: tuple[float, ...] = (0.0, 1.0)
    iso_y: tuple[float, ...] = (0.0, 1.0)
    threshold: float = 0.5
    fitted_on: str = "unfitted defaults"

    def calibrate(self, prob: F32) -> F32:
        """Map softmax probabilities to calibrated confidences."""
        return np.interp(prob, self.iso_x, self.iso_y).astype(np.float32)

    def save(self, path: Path) -> None:
        """Write the parameters as JSON."""
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")


def load_params(path: Path) -> RankerParams:
    """Read parameters written by :meth:`RankerParams.save`; defaults when the file is absent."""
    if not path.exists():
        return RankerParams()
    raw = json.loads(path.read_text(encoding="utf-8"))
    return RankerParams(
        weights=tuple(float(w) for w in raw["weights"]),
        temperature=float(raw["temperature"]),
        iso_x=tuple(float(x) for x in raw["iso_x"]),
        iso_y=tuple(float(y) for y in raw["iso_y"]),
        threshold=float(raw["threshold"]),
        fitted_on=str(raw.get("fitted_on", "")),
    )


def _gather(ptr: I64, rows: I64, ids: I64) -> tuple[I64, I64]:
    """Flatten the postings ``ptr[id]:ptr[id + 1]`` of many (row, id) pairs at once: returns
    the row of every posting and its position in the posting arrays."""
    lo, hi = ptr[ids], ptr[ids + 1]
    lengths = hi - lo
    starts = np.cumsum(lengths) - lengths
    total = int(lengths.sum())
    positions = np.arange(total, dtype=np.int64) - np.repeat(starts - lo, lengths)
    return np.repeat(rows, lengths), positions


def _pairs(lists: list[list[int]]) -> tuple[I64, I64]:
    rows = np.fromiter((r for r, ids in enumerate(lists) for _ in ids), dtype=np.int64)
    ids = np.fromiter((i for ids in lists for i in ids), dtype=np.int64)
    return rows, ids


def _exact(
    index: TitleIndex, key_sets: list[list[tuple[int, float]]], n_occ: int
) -> tuple[F32, F32]:
    n = len(key_sets)
    out = np.zeros(n * n_occ, dtype=np.float32)
    unique = np.zeros(n * n_occ, dtype=np.float32)
    rows, keys = _pairs([[k for k, _ in ks] for ks in key_sets])
    if keys.size:
        factors = np.fromiter((f for ks in key_sets for _, f in ks), dtype=np.float32)
        per_key = np.diff(index.key_ptr)[keys]
        post_rows, pos = _gather(index.key_ptr, rows, keys)
        cells = post_rows * n_occ + index.key_occ[pos]
        weight = index.key_weight[pos] * np.repeat(factors, per_key)
        np.maximum.at(out, cells, weight)
        # "Specialist" names dozens of occupations: an exact hit on it says little.
        np.maximum.at(unique, cells, weight / np.repeat(per_key, per_key).astype(np.float32))
    return out.reshape(n, n_occ), unique.reshape(n, n_occ)


def _naive_bayes(index: TitleIndex, word_ids: list[list[int]], n_occ: int) -> F32:
    n = len(word_ids)
    counts = np.array([len(w) for w in word_ids], dtype=np.float32)
    scores = counts[:, None] * index.nb_base[None, :]
    rows, words = _pairs(word_ids)
    if words.size:
        post_rows, pos = _gather(index.word_ptr, rows, words)
        cells = post_rows * n_occ + index.word_occ[pos]
        summed = np.bincount(cells, weights=index.word_delta[pos], minlength=n * n_occ)
        scores += summed.reshape(n, n_occ).astype(np.float32)
    scores -= scores.max(axis=1, keepdims=True)
    return (scores / np.maximum(counts, 1.0)[:, None]).astype(np.float32)


def signals(
    index: TitleIndex,
    vectors: F32,
    key_sets: list[list[tuple[int, float]]],
    word_ids: list[list[int]],
) -> tuple[F32, F32, F32, F32, F32, F32]:
    """exact, unique, sem, nb (n inputs × n occupations), then prior and default."""
    n_occ = len(index.occupations)
    # Prototypes are stored block by block (prototype j of every occupation together), so the
    # per-occupation maximum is an elementwise maximum of contiguous blocks.
    per = index.proto.shape[0] // n_occ
    sims = vectors @ index.proto.T
    sem = sims[:, :n_occ].copy()
    for j in range(1, per):
        np.maximum(sem, sims[:, j * n_occ : (j + 1) * n_occ], out=sem)
    sem[np.linalg.norm(vectors, axis=1) == 0] = 0.0
    exact, unique = _exact(index, key_sets, n_occ)
    nb = _naive_bayes(index, word_ids, n_occ)
    default = np.array([o.code.endswith(".00") for o in index.occupations], dtype=np.float32)
    return exact, unique, sem, nb, index.prior, default


def feature_stack(
    index: TitleIndex,
    vectors: F32,
    key_sets: list[list[tuple[int, float]]],
    word_ids: list[list[int]],
) -> F32:
    """The signals as an array (len(FEATURES), n inputs, n occupations), for fitting."""
    exact, unique, sem, nb, prior, default = signals(index, vectors, key_sets, word_ids)
    shape = exact.shape
    return np.stack(
        [exact, unique, sem, nb, np.broadcast_to(prior, shape), np.broadcast_to(default, shape)]
    ).astype(np.float32)


def combine(parts: tuple[F32, F32, F32, F32, F32, F32], params: RankerParams) -> F32:
    """The linear score of every occupation for every input."""
    w = params.weights
    exact, unique, sem, nb, prior, default = parts
    total: F32 = (w[0] * exact + w[1] * unique + w[2] * sem + w[3] * nb).astype(np.float32)
    total += (w[4] * prior + w[5] * default)[None, :].astype(np.float32)
    return total


def score(total: F32, params: RankerParams, top: int) -> tuple[I64, F32, F32]:
    """Best ``top`` occupations per input: (occupation ids, raw scores, calibrated confidence)."""
    k = min(top, total.shape[1])
    part = np.argpartition(-total, k - 1, axis=1)[:, :k]
    order = np.take_along_axis(total, part, axis=1).argsort(axis=1)[:, ::-1]
    best = np.take_along_axis(part, order, axis=1)
    raw = np.take_along_axis(total, best, axis=1)
    logits = total / params.temperature
    logits -= logits.max(axis=1, keepdims=True)
    norm = np.log(np.exp(logits).sum(axis=1, keepdims=True))
    prob = np.exp(np.take_along_axis(logits, best, axis=1) - norm)
    return best, raw, params.calibrate(prob.astype(np.float32))
