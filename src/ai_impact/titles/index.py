"""The title index: every O*NET title (occupation, alternate, short, reported) and alias-table
title, normalised, with three views the ranker reads:

- ``exact``: normalised key → the occupations it names, weighted by the kind of title;
- ``semantic``: per occupation a few prototype vectors (k-means over its titles' embeddings);
- ``words``: a multinomial naive-Bayes model of each occupation's title words (sparse).

Building normalises ~60,000 titles (a few seconds); :mod:`ai_impact.titles.store` caches it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ai_impact.titles.abbreviations import Abbreviations
from ai_impact.titles.aliases import AliasTable
from ai_impact.titles.embed import StaticEmbedder
from ai_impact.titles.normalize import normalize_title

__all__ = [
    "INDEX_FORMAT",
    "KIND_WEIGHT",
    "OccupationRef",
    "TitleIndex",
    "build_index",
    "index_fingerprint",
    "terms",
]

INDEX_FORMAT = 18
KIND_WEIGHT = {"onet": 1.0, "reported": 0.95, "alternate": 0.9, "short": 0.85}
VARIANT_FACTOR = 0.8  # a secondary reading (tail segment, inverted form) is less certain
NB_ALPHA = 0.1
ALIAS_OVERRIDE = 0.2
# A one-word title is only as specific as the word: O*NET reports "Associate" bare under one
# occupation (Stockers and Order Fillers), but 345 of its titles are headed by "associate"
# ("Sales Associate", "Research Associate", ...) across 163 occupations, and the one that
# reports it bare holds 4.5 % of them. Where the occupations that report the bare word hold
# less than GENERIC_SHARE of the titles it heads, its exact match is weighted by their share
# over GENERIC_SHARE (see :func:`_specificity`).
GENERIC_SHARE = 0.2
# With fewer titles headed by the word than this, the data cannot tell: the curated list of
# generic words (``[generic]`` in the abbreviation table) decides.
MIN_HEADED = 10
F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class OccupationRef:
    """The three facts the resolver reports about an occupation, and how many people hold it
    (:func:`ai_impact.titles.employment.occupation_refs`; 0 when unknown)."""

    code: str
    soc: str
    title: str
    employment: float = 0.0


@dataclass(frozen=True)
class TitleIndex:
    """Arrays over occupations (``occ``), normalised keys and words; see the module doc."""

    occupations: tuple[OccupationRef, ...]
    keys: tuple[str, ...]
    key_ptr: I64
    key_occ: I64
    key_weight: F32
    key_alias: I64
    key_spec: F32  # 1 for a specific key; below 1 a generic one-word title (see GENERIC_SHARE)
    proto: F32
    proto_start: I64
    words: tuple[str, ...]
    word_ptr: I64
    word_occ: I64
    word_delta: F32
    nb_base: F32
    prior: F32
    fingerprint: str

    def key_id(self) -> dict[str, int]:
        """Normalised key → row (built on demand; the resolver keeps it)."""
        return {k: i for i, k in enumerate(self.keys)}

    def word_id(self) -> dict[str, int]:
        """Word → row of the naive-Bayes postings."""
        return {w: i for i, w in enumerate(self.words)}


def index_fingerprint(
    occupations: Sequence[OccupationRef],
    entries: Iterable[tuple[str, str, str]],
    aliases: AliasTable,
    abbr: Abbreviations,
    embedder: StaticEmbedder,
    prototypes: int,
) -> str:
    """A short stable hash of everything an index is built from (its cache key)."""
    digest = hashlib.sha256()
    head = [INDEX_FORMAT, prototypes, embedder.version, abbr.digest, aliases.digest]
    digest.update(repr(head).encode())
    for ref in occupations:
        digest.update(f"{ref.code}\t{ref.soc}\t{ref.title}\t{ref.employment:g}\n".encode())
    for title, code, kind in sorted(set(entries)):
        digest.update(f"{title}\t{code}\t{kind}\n".encode())
    return digest.hexdigest()[:20]


def terms(key: str) -> list[str]:
    """The naive-Bayes terms of a normalised title: its words. (Adding adjacent word pairs was
    measured: no better on held-out titles, a larger model.)"""
    return key.split()


def _and_split(words: str) -> list[str]:
    # "chef and head cook" (an O*NET title) also names "chef" and "head cook".
    parts = words.split(" and ")
    return parts if len(parts) == 2 and all(" " in p or len(p) > 3 for p in parts) else []


def _specificity(
    key: str,
    occs: Iterable[int],
    headed: dict[str, dict[int, set[str]]],
    generic: frozenset[str],
) -> float:
    """How far an exact match on the one-word key ``key`` can be trusted, 0..1.

    0 for a curated generic word; else the share of the O*NET titles headed by the word
    ("sales associate" is headed by "associate") that the occupations listing the bare word
    (``occs``) hold, over GENERIC_SHARE, at most 1. 1 when fewer than MIN_HEADED titles are
    headed by the word (the data cannot tell) or for a title of several words.
    """
    if " " in key:
        return 1.0
    if key in generic:
        return 0.0
    by_occ = headed.get(key, {})
    total = sum(len(t) for t in by_occ.values())
    if total < MIN_HEADED:
        return 1.0
    held = sum(len(by_occ.get(o, ())) for o in set(occs))
    return min(1.0, held / total / GENERIC_SHARE)


def _kmeans(vectors: F32, k: int, rounds: int = 6) -> F32:
    # Farthest-point start, a few Lloyd rounds; unit-normalised centroids (cosine space).
    chosen = [0]
    dist = 1.0 - vectors @ vectors[0]
    for _ in range(1, k):
        nxt = int(np.argmax(dist))
        chosen.append(nxt)
        dist = np.minimum(dist, 1.0 - vectors @ vectors[nxt])
    centres = vectors[chosen].copy()
    for _ in range(rounds):
        assign = np.argmax(vectors @ centres.T, axis=1)
        for j in range(k):
            members = vectors[assign == j]
            if len(members):
                centres[j] = members.sum(axis=0)
        centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
    return centres.astype(np.float32)


def build_index(
    occupations: Sequence[OccupationRef],
    entries: Iterable[tuple[str, str, str]],
    aliases: AliasTable,
    abbr: Abbreviations,
    embedder: StaticEmbedder,
    prototypes: int = 8,
) -> TitleIndex:
    """Build the index from ``(title, code, kind)`` entries plus the alias table."""
    occ_of = {o.code: i for i, o in enumerate(occupations)}
    weights: dict[str, dict[int, float]] = defaultdict(dict)
    alias_of: dict[str, int] = {}
    primary_keys: dict[int, set[str]] = defaultdict(set)
    # head word → occupation → the distinct O*NET readings it heads ("associate" → ...)
    headed: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add(key: str, occ: int, weight: float) -> None:
        if key and weight > weights[key].get(occ, 0.0):
            weights[key][occ] = weight

    rows = sorted({*entries, *((o.title, o.code, "onet") for o in occupations)})
    for title, code, kind in rows:
        occ_id = occ_of.get(code)
        if occ_id is None:
            continue
        norm = normalize_title(title, abbr)
        base = KIND_WEIGHT.get(kind, 0.85)
        add(norm.primary, occ_id, base)
        primary_keys[occ_id].add(norm.primary)
        if norm.primary:
            headed[norm.primary.rsplit(" ", 1)[-1]][occ_id].add(norm.primary)
        for variant in norm.variants[1:]:
            add(variant, occ_id, base * VARIANT_FACTOR)
        if kind == "onet":
            for piece in _and_split(norm.primary):
                add(piece, occ_id, base * VARIANT_FACTOR)
                primary_keys[occ_id].add(piece)
    alias_weights: dict[str, dict[int, float]] = defaultdict(dict)
    for alias_id, entry in enumerate(aliases.entries):
        for text in (entry.title, *entry.aliases):
            key = normalize_title(text, abbr).primary
            if not key:
                continue
            alias_of.setdefault(key, alias_id)
            for code, weight in entry.candidates:
                if code in occ_of:
                    occ = occ_of[code]
                    named = alias_weights[key]
                    named[occ] = max(weight, named.get(occ, 0.0))
                    primary_keys[occ].add(key)
    # The alias table is curated: where it names the occupations a title rests on, its
    # weights are the word on them (O*NET reports "Back End Engineer" only under Web
    # Developers; the table ranks Software Developers first), and occupations that merely
    # share the spelling (an O*NET alternate title) count for less.
    for key, named in alias_weights.items():
        current = weights[key]
        for occ in current:
            if occ not in named:
                current[occ] *= ALIAS_OVERRIDE
        current.update(named)
    # A generic one-word title: its exact match counts for as little as the word tells. The
    # alias table's own one-word titles ("Nurse", "Cook", "Consultant") are curated and keep
    # their weights (the resolver lowers the confidence of those the generic list names).
    spec: dict[str, float] = {}
    for key, current in weights.items():
        if " " not in key and key not in alias_weights:
            spec[key] = _specificity(key, current, headed, abbr.generic)
            if spec[key] < 1.0:
                for occ in current:
                    current[occ] *= spec[key]
                    if spec[key] < 0.5:
                        # nor does it say what the occupation's titles mean (prototypes,
                        # words): "owner" typed would be Urologists' own title to the embedding
                        primary_keys[occ].discard(key)

    keys = tuple(sorted(weights))
    ptr = np.zeros(len(keys) + 1, dtype=np.int64)
    occ_list: list[int] = []
    w_list: list[float] = []
    for i, key in enumerate(keys):
        items = sorted(weights[key].items(), key=lambda kv: -kv[1])
        occ_list.extend(o for o, _ in items)
        w_list.extend(w for _, w in items)
        ptr[i + 1] = len(occ_list)

    n_occ = len(occupations)
    proto_rows: list[F32] = []
    starts = np.zeros(n_occ + 1, dtype=np.int64)
    word_counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    totals = np.zeros(n_occ, dtype=np.float64)
    for occ in range(n_occ):
        own = sorted(primary_keys.get(occ, set())) or [
            normalize_title(occupations[occ].title, abbr).primary
        ]
        vectors = embedder.encode(own)
        vectors = vectors[np.linalg.norm(vectors, axis=1) > 0]
        if len(vectors) == 0:
            vectors = np.zeros((1, embedder.dim), dtype=np.float32)
        if len(vectors) > prototypes:
            vectors = _kmeans(vectors, prototypes)
        # Pad by repeating rows: every occupation has exactly `prototypes` rows.
        vectors = vectors[np.arange(prototypes) % len(vectors)]
        proto_rows.append(vectors)
        starts[occ + 1] = starts[occ] + len(vectors)
        for key in own:
            for word in set(terms(key)):
                word_counts[word][occ] += 1
                totals[occ] += 1
    words = tuple(sorted(word_counts))
    vocab = len(words)
    wptr = np.zeros(vocab + 1, dtype=np.int64)
    w_occ: list[int] = []
    w_delta: list[float] = []
    for i, word in enumerate(words):
        for occ, count in sorted(word_counts[word].items()):
            w_occ.append(occ)
            w_delta.append(float(np.log((count + NB_ALPHA) / NB_ALPHA)))
        wptr[i + 1] = len(w_occ)
    nb_base = np.log(NB_ALPHA / (totals + NB_ALPHA * vocab)).astype(np.float32)
    prior = np.log1p(np.array([len(primary_keys.get(o, ())) for o in range(n_occ)], np.float32))
    return TitleIndex(
        occupations=tuple(occupations),
        keys=keys,
        key_ptr=ptr,
        key_occ=np.asarray(occ_list, dtype=np.int64),
        key_weight=np.asarray(w_list, dtype=np.float32),
        key_alias=np.asarray([alias_of.get(k, -1) for k in keys], dtype=np.int64),
        key_spec=np.asarray([spec.get(k, 1.0) for k in keys], dtype=np.float32),
        # Row j * n_occ + occ holds prototype j of occupation occ: the per-occupation maximum
        # is then an elementwise maximum of contiguous blocks.
        proto=np.stack(proto_rows).transpose(1, 0, 2).reshape(-1, embedder.dim).astype(np.float32),
        proto_start=starts,
        words=words,
        word_ptr=wptr,
        word_occ=np.asarray(w_occ, dtype=np.int64),
        word_delta=np.asarray(w_delta, dtype=np.float32),
        nb_base=nb_base,
        prior=(prior / max(float(prior.max()), 1.0)).astype(np.float32),
        fingerprint=index_fingerprint(occupations, rows, aliases, abbr, embedder, prototypes),
    )
