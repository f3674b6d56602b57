"""How alike two occupations are: five measured signals, calibrated and averaged (0–1).

Signals, each a cosine between two occupations:

- ``tasks``: the mean embedding of the occupation's O*NET task statements;
- ``description``: the embedding of its title and description (every occupation has one);
- ``titles``: the mean embedding of its alternate and reported job titles;
- ``activities``: TF-IDF-weighted overlap of the intermediate work activities (IWA) its tasks
  link to — finer than the 41 generalized activities, and rare activities count more;
- ``ratings``: O*NET skill and knowledge importances, compared only over the elements both
  occupations are rated on, and weighted by how many that is. O*NET 29.3 rates 35 skills and
  33 knowledge areas for most occupations but only ten basic skills for some (Software
  Developers among them): comparing those ten against a full profile made a physician look
  like a developer, so a short profile now counts for little.

Embeddings come from the shipped static title model (:mod:`ai_impact.titles.embed`). Each
signal's cosines have their own spread (task embeddings of unrelated occupations are already
0.67 alike; activity overlap is mostly 0), so each is calibrated first: the median pair of
occupations maps to 0 and the 99.9th percentile pair to 1. The similarity is the weighted mean
of the calibrated signals a pair has (an occupation without tasks is compared on the others),
clipped to 0–1. Weights were chosen on half the occupations for recall of O*NET's related list
and checked on the other half (``benchmarks/related.py``).

Two knowledge measures decide whether a move between occupations is realistic
(:func:`knowledge_fit`), over the 33 O*NET knowledge importances:

- ``field``: the cosine of the two profiles centred on the all-occupation mean — whether they
  rest on the same field of knowledge (software developers and computer programmers 0.81,
  software developers and mechanical engineers 0.04);
- ``need``: the largest shortfall, in importance points, on a *core* knowledge area of the
  target — one it rates at least :data:`CORE_IMPORTANCE` and that most occupations do not
  (median importance below :data:`GENERAL_MEDIAN`; English, customer service, mathematics,
  computers, management and training are general). Computer hardware engineers need
  engineering and technology at 4.7 where software developers have 3.2: need 1.5.

An occupation O*NET rates without knowledge areas takes the similarity-weighted mean profile of
its :data:`N_DONORS` most similar rated occupations, those of its own SOC major group first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "SIMILARITY_VERSION",
    "TIER_CODES",
    "WEIGHTS",
    "combine",
    "knowledge_fit",
    "related_tiers",
    "similarity_matrix",
    "similarity_signals",
]

# Bump with any change to the signals, their weights or calibration: it names the disk cache.
SIMILARITY_VERSION = "sim-3"
WEIGHTS: dict[str, float] = {
    "tasks": 3.0,
    "description": 2.0,
    "titles": 2.0,
    "activities": 1.0,
    "ratings": 2.0,
}
# O*NET related tiers as small integers (0 = not listed), stored in an int8 matrix.
TIER_CODES: dict[str, int] = {"Supplemental": 1, "Primary-Long": 2, "Primary-Short": 3}
# Knowledge importance (1–5) from which an area is core to an occupation (4 = very important).
CORE_IMPORTANCE = 3.5
# Areas whose median importance over all occupations reaches this are general, never core.
GENERAL_MEDIAN = 2.9
N_DONORS = 3

Matrix = NDArray[np.float64]
Signal = tuple[Matrix, Matrix]  # (cosines, availability weight of each pair in 0–1)


def _unit(m: NDArray[Any]) -> Matrix:
    """Rows scaled to unit length; zero rows stay zero."""
    m = np.asarray(m, dtype=np.float64)
    norm = np.linalg.norm(m, axis=1, keepdims=True)
    out: Matrix = m / np.maximum(norm, 1e-12)
    return out


def _cosine(m: NDArray[Any]) -> tuple[Matrix, NDArray[np.bool_]]:
    """All-pairs cosine of the rows, and which rows are non-zero."""
    u = _unit(m)
    return u @ u.T, np.linalg.norm(u, axis=1) > 0


def _mean_rows(vectors: NDArray[np.float32], owner: NDArray[np.int64], n: int) -> Matrix:
    """Sum of the vectors owned by each of ``n`` rows (cosine ignores the count)."""
    out = np.zeros((n, vectors.shape[1]), dtype=np.float64)
    if len(owner):
        np.add.at(out, owner, vectors.astype(np.float64))
    return out


def _text_signals(kb: Any, codes: Sequence[str], pos: dict[str, int]) -> dict[str, Signal]:
    """Task, description and job-title embeddings (one batch per kind of text)."""
    from ai_impact.titles.embed import load_embedder

    embed = load_embedder()
    n = len(codes)
    tasks = [t for t in kb.all_tasks() if t.code in pos]
    task_owner = np.fromiter((pos[t.code] for t in tasks), dtype=np.int64, count=len(tasks))
    task_vec = _mean_rows(embed.encode([t.text for t in tasks]), task_owner, n)
    occ = [kb.occupation(c) for c in codes]
    desc_vec = embed.encode([f"{o.title}. {o.description}" for o in occ]).astype(np.float64)
    titles = [t for t in kb.titles() if t.code in pos]
    title_owner = np.fromiter((pos[t.code] for t in titles), dtype=np.int64, count=len(titles))
    # many titles repeat across occupations: encode each distinct string once
    distinct = sorted({t.title for t in titles})
    row_of = {x: k for k, x in enumerate(distinct)}
    title_rows = np.fromiter((row_of[t.title] for t in titles), dtype=np.int64, count=len(titles))
    title_vec = _mean_rows(embed.encode(distinct)[title_rows], title_owner, n)
    out: dict[str, Signal] = {}
    for name, vec in (("tasks", task_vec), ("description", desc_vec), ("titles", title_vec)):
        sim, has = _cosine(vec)
        out[name] = (sim, np.outer(has, has).astype(np.float64))
    return out


def _activity_signal(kb: Any, pos: dict[str, int], n: int) -> Signal:
    """TF-IDF cosine over IWA ids, counting each task link (square-rooted, so breadth counts)."""
    links = [(pos[a.code], a.iwa_id) for a in kb.all_activities() if a.code in pos]
    ids = sorted({i for _, i in links})
    col = {x: j for j, x in enumerate(ids)}
    counts = np.zeros((n, len(ids)))
    for i, iwa in links:
        counts[i, col[iwa]] += 1.0
    df = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    sim, has = _cosine(np.sqrt(counts) * idf)
    return sim, np.outer(has, has).astype(np.float64)


def _ratings(kb: Any, codes: Sequence[str], *, skills: bool = True) -> NDArray[np.float64]:
    """Knowledge (and skill) importances as one matrix (occupations × elements); NaN where
    O*NET does not rate."""
    rows = [
        {e.element_id: e.importance for e in [*(kb.skills(c) if skills else ()), *kb.knowledge(c)]}
        for c in codes
    ]
    ids = sorted({k for r in rows for k, v in r.items() if v is not None})
    col = {x: j for j, x in enumerate(ids)}
    m = np.full((len(codes), len(ids)), np.nan)
    for i, r in enumerate(rows):
        for k, v in r.items():
            if v is not None:
                m[i, col[k]] = v
    return m


def _rating_signal(kb: Any, codes: Sequence[str]) -> Signal:
    """Centred cosine over the elements both occupations are rated on, weighted by coverage."""
    m = _ratings(kb, codes)
    n, width = m.shape
    if width == 0:
        return np.zeros((n, n)), np.zeros((n, n))
    rated = ~np.isnan(m)
    mean = np.nanmean(m, axis=0)  # every column has a rating: ids come from rated elements
    x = np.where(rated, m - mean, 0.0)
    w = rated.astype(np.float64)
    dot = x @ x.T
    # own squared length restricted to the other's rated elements: the pair's shared space
    sq = (x * x) @ w.T
    den = np.sqrt(sq * sq.T)
    sim = np.where(den > 0, dot / np.maximum(den, 1e-12), 0.0)
    coverage = (w @ w.T) / width
    return sim, coverage


def similarity_signals(kb: Any, codes: Sequence[str]) -> dict[str, Signal]:
    """Every signal's raw cosines and pair availability, rows and columns in ``codes`` order."""
    pos = {c: i for i, c in enumerate(codes)}
    out = _text_signals(kb, codes, pos)
    out["activities"] = _activity_signal(kb, pos, len(codes))
    out["ratings"] = _rating_signal(kb, codes)
    return out


def _calibrated(sim: Matrix, avail: Matrix) -> Matrix:
    """Cosines mapped so the median pair is 0 and the 99.9th-percentile pair is 1."""
    off = ~np.eye(len(sim), dtype=bool) & (avail > 0)
    if not off.any():
        return np.zeros_like(sim)
    lo, hi = np.percentile(sim[off], [50.0, 99.9])
    out: Matrix = (sim - lo) / max(float(hi - lo), 1e-9)
    return out


def combine(signals: dict[str, Signal], weights: dict[str, float] = WEIGHTS) -> Matrix:
    """Weighted mean of the calibrated signals each pair has, clipped to 0–1."""
    n = len(next(iter(signals.values()))[0])
    num = np.zeros((n, n))
    den = np.zeros((n, n))
    for name, weight in weights.items():
        if weight <= 0 or name not in signals:
            continue
        sim, avail = signals[name]
        num += weight * avail * _calibrated(sim, avail)
        den += weight * avail
    out: Matrix = np.clip(num / np.maximum(den, 1e-12), 0.0, 1.0)
    np.fill_diagonal(out, 1.0)
    return out


def similarity_matrix(kb: Any, codes: Sequence[str]) -> Matrix:
    """The combined similarity of every pair of occupations (1 on the diagonal)."""
    return combine(similarity_signals(kb, codes))


def related_tiers(kb: Any, codes: Sequence[str]) -> NDArray[np.int8]:
    """O*NET's related list as a matrix: :data:`TIER_CODES` of row → column, 0 when unlisted."""
    pos = {c: i for i, c in enumerate(codes)}
    out = np.zeros((len(codes), len(codes)), dtype=np.int8)
    for i, c in enumerate(codes):
        for r in kb.related(c):
            j = pos.get(r.code)
            if j is not None:
                out[i, j] = TIER_CODES.get(r.tier, 1)
    return out


def _impute(m: NDArray[np.float64], sim: Matrix, codes: Sequence[str]) -> NDArray[np.float64]:
    """Unrated rows take the weighted mean of their most similar rated rows (own major first)."""
    rated = ~np.isnan(m).any(axis=1)
    out = m.copy()
    if not rated.any():
        return np.zeros_like(m)
    majors = np.asarray([c[:2] for c in codes])
    for i in np.flatnonzero(~rated):
        s = np.where(rated, sim[i].astype(np.float64), -np.inf)
        s[i] = -np.inf
        # similarity is at most 1, so +2 puts every rated occupation of the same group first
        order = np.argsort(-(s + 2.0 * (majors == majors[i])), kind="stable")[:N_DONORS]
        w = np.maximum(np.nan_to_num(s[order], neginf=0.0), 1e-3)
        out[i] = (w[:, None] * m[order]).sum(axis=0) / w.sum()
    return out


def knowledge_fit(kb: Any, codes: Sequence[str], sim: Matrix) -> tuple[Matrix, Matrix]:
    """``field`` (centred knowledge cosine) and ``need`` (row → column core shortfall)."""
    m = _ratings(kb, codes, skills=False)
    n = len(codes)
    if m.shape[1] == 0:
        return np.zeros((n, n)), np.zeros((n, n))
    k = _impute(m, sim, codes)
    field, _ = _cosine(k - k.mean(axis=0))
    general = np.median(k, axis=0) >= GENERAL_MEDIAN
    core = (k >= CORE_IMPORTANCE) & ~general
    need = np.zeros((n, n))
    for i in range(n):
        need[i] = np.where(core, np.maximum(0.0, k - k[i]), 0.0).max(axis=1)
    return field, need
