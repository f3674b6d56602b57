"""Hashed TF-IDF features of task texts, in numpy only (the same code trains and serves).

Every text is lower-cased, its whitespace collapsed and padded with one space. Two blocks of
features come out of the UTF-8 bytes of a whole batch at once (no Python loop per text):

- ``word``: word unigrams and bigrams (a word is a run of ASCII letters/digits or non-ASCII
  bytes);
- ``char``: byte n-grams of length 2 to 5, spaces included.

Each occurrence is hashed (splitmix64) into one shared space of ``2**bits`` buckets, salted per
kind so words and n-grams do not share buckets by design. A block's value for a text is
``sum(idf[b] * w[b]) / sqrt(sum(idf[b]**2))`` over its occurrences: a TF-IDF vector with raw
counts whose norm is taken over occurrences. That norm is not the textbook one, but training
(scipy CSR built from the same occurrences) and serving use exactly this definition, so the
model sees identical numbers — and it needs no per-text de-duplication, which keeps it fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "CHAR_ORDERS",
    "Occurrences",
    "hashed_occurrences",
    "linear_scores",
    "normalize_text",
    "occurrence_weights",
    "weighted_scores",
]

CHAR_ORDERS = (2, 3, 4, 5)
_P = np.uint64(0x100000001B3)
_Q = np.uint64(0x9E3779B97F4A7C15)
_SALT_WORD = np.uint64(0x5EED0001)
_SALT_BIGRAM = np.uint64(0x5EED0002)
_SALT_CHAR = np.uint64(0x5EED0100)
_MAX_WORD = 48  # bytes of a word that enter its hash; longer tokens are noise anyway

_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyz0123456789":
    _WORD_BYTE[_c] = True
_WORD_BYTE[128:] = True


def normalize_text(text: str) -> str:
    """Lower-case and collapse whitespace: the canonical form of a task text. A NUL byte
    (which separates texts in a batch) counts as a space."""
    return " ".join(text.replace("\x00", " ").lower().split())


def _mix(x: NDArray[np.uint64]) -> NDArray[np.uint64]:
    # splitmix64 finaliser: spreads polynomial hashes evenly over the buckets.
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


@dataclass(frozen=True)
class Occurrences:
    """Hashed feature occurrences of a batch: parallel arrays, in no particular order."""

    rows: NDArray[np.int64]  # text index of each occurrence
    buckets: NDArray[np.int64]  # hash bucket of each occurrence
    block: NDArray[np.int8]  # 0 = word block, 1 = char block
    n_texts: int


def _batch_bytes(texts: Sequence[str]) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
    # A 0 byte separates texts; each text is padded with spaces so edge n-grams exist.
    joined = "\x00".join(" " + normalize_text(t) + " " for t in texts)
    buf = np.frombuffer(("\x00" + joined + "\x00").encode("utf-8"), dtype=np.uint8)
    row = np.cumsum(buf == 0) - 1
    return buf, row.astype(np.int64)


def _char_hashes(
    buf: NDArray[np.uint8], row: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.uint64]]:
    vals = buf.astype(np.uint64) + np.uint64(1)
    sep = np.concatenate([[0], np.cumsum(buf == 0)])
    rows_out: list[NDArray[np.int64]] = []
    hashes_out: list[NDArray[np.uint64]] = []
    h = vals.copy()
    for n in range(2, max(CHAR_ORDERS) + 1):
        m = len(buf) - n + 1
        h = h[:m] * _P + vals[n - 1 : n - 1 + m]
        if n in CHAR_ORDERS:
            ok = (sep[n : n + m] - sep[:m]) == 0  # window holds no separator
            rows_out.append(row[:m][ok])
            hashes_out.append(_mix(h[ok] ^ (_SALT_CHAR + np.uint64(n))))
    return np.concatenate(rows_out), np.concatenate(hashes_out)


def _word_hashes(
    buf: NDArray[np.uint8], row: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.uint64]]:
    isw = _WORD_BYTE[buf]
    prev = np.concatenate([[False], isw[:-1]])
    starts = np.flatnonzero(isw & ~prev)
    if len(starts) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.uint64)
    idx = np.flatnonzero(isw)
    word_of = np.cumsum(isw & ~prev)[idx] - 1  # word number of each word byte
    pos = idx - starts[word_of]
    keep = pos < _MAX_WORD
    powers = _P ** np.arange(_MAX_WORD, dtype=np.uint64)
    contrib = (buf[idx[keep]].astype(np.uint64) + np.uint64(1)) * powers[pos[keep]]
    # Bytes of a word are contiguous, so a segmented sum gives each word's polynomial hash.
    whash = np.add.reduceat(contrib, np.flatnonzero(pos[keep] == 0))
    wrow = row[starts]
    same = wrow[1:] == wrow[:-1]
    bigram = _mix(_mix(whash[:-1] ^ _SALT_BIGRAM) * _Q + whash[1:])[same]
    rows = np.concatenate([wrow, wrow[:-1][same]])
    hashes = np.concatenate([_mix(whash ^ _SALT_WORD), bigram])
    return rows, hashes


def hashed_occurrences(texts: Sequence[str], bits: int) -> Occurrences:
    """Hash every word, word bigram and byte n-gram of ``texts`` into ``2**bits`` buckets."""
    buf, row = _batch_bytes(texts)
    wrows, whashes = _word_hashes(buf, row)
    crows, chashes = _char_hashes(buf, row)
    rows = np.concatenate([wrows, crows])
    mask = np.uint64((1 << bits) - 1)
    buckets = (np.concatenate([whashes, chashes]) & mask).astype(np.int64)
    block = np.concatenate([np.zeros(len(wrows), np.int8), np.ones(len(crows), np.int8)])
    return Occurrences(rows, buckets, block, len(texts))


def occurrence_weights(occ: Occurrences, idf: NDArray[np.floating]) -> NDArray[np.float64]:
    """Value of each occurrence: its idf divided by its text block's occurrence norm."""
    w = idf[occ.buckets].astype(np.float64)
    group = occ.rows * 2 + occ.block
    norm2 = np.bincount(group, weights=w * w, minlength=2 * occ.n_texts)
    out: NDArray[np.float64] = w / np.sqrt(norm2[group])
    return out


def linear_scores(
    occ: Occurrences,
    idf: NDArray[np.floating],
    coef: NDArray[np.floating],
    bias: NDArray[np.floating],
) -> NDArray[np.float64]:
    """``X @ coef + bias`` for the hashed TF-IDF matrix ``X`` of ``occ`` (coef: buckets × k)."""
    return weighted_scores(occ, occurrence_weights(occ, idf), coef) + bias


def weighted_scores(
    occ: Occurrences, vals: NDArray[np.float64], coef: NDArray[np.floating], fold: int = 0
) -> NDArray[np.float64]:
    """``X @ coef`` for occurrence values ``vals``; with ``fold`` > 0 the buckets are folded
    into ``2**fold`` (bucket & (2**fold − 1)), so ``coef`` has that many rows."""
    buckets = occ.buckets & ((1 << fold) - 1) if fold else occ.buckets
    out = np.empty((occ.n_texts, coef.shape[1]), dtype=np.float64)
    for k in range(coef.shape[1]):
        out[:, k] = np.bincount(occ.rows, weights=vals * coef[buckets, k], minlength=occ.n_texts)
    return out
