"""Which O*NET occupation a pasted task list describes: task-by-task similarity, plus the title.

Every O*NET task statement and every sentence of every occupation's description is embedded
once with the shipped static title model (:mod:`ai_impact.titles.embed`) and indexed word by
word (:mod:`.description_lexical`), and both are cached next to the risk table. Pasted
statements are first rewritten into O*NET form (:func:`ai_impact.scoring.phrasing.task_statement`)
and into American spelling, as O*NET writes ("labour", "organisation", "anaesthesia" →
"labor", "organization", "anesthesia"; :func:`matcher_text`), their typing slips put right
from the statements' own words ("recieve", "palet" → "receive", "pallet";
:meth:`DescriptionIndex.respelled`).
An occupation's **centroid** score is the cosine between the mean of the pasted statements'
vectors and the mean of its own; its **lexical** score the TF-IDF cosine between the pasted
words and its own (rare, telling words count); the text score mixes the two
(:data:`LEXICAL_WEIGHT`), plus :data:`TECH_WEIGHT` × the share of the products the text names
that the occupation uses (:mod:`.description_tech`; 0 for a text naming none). **Coverage**
(the mean, over the pasted statements, of the best cosine among the occupation's own
statements) is kept as a measured alternative
(:data:`COVERAGE_WEIGHT` 0). Confidences are a softmax of the text scores at temperature
:data:`TEMPERATURE` over all occupations. Weights and temperature were chosen on the
even-numbered occupations of ``benchmarks/description.py`` and are reported on the odd-numbered
ones: top-1 0.62 / top-3 0.83 with the lexical half against 0.54 / 0.75 for the centroid alone
and 0.35 / 0.60 for coverage alone; expected calibration error of the top confidence 0.16.

A job title (given, or read from the first line) goes through the title resolver. A certain
title answer (a code, an exact or alias title, or confidence ≥ :data:`TITLE_CERTAIN`) decides
the occupation; otherwise title and text confidences are averaged per occupation.

The same vectors give the evidence for a pasted statement's protecting capability
(:meth:`DescriptionIndex.capability_evidence`): each O*NET task row keeps the capability its
work activities vote for and whether any of them is hands-on
(:mod:`ai_impact.scoring.capability_text`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ai_impact.reports.description_evidence import CapabilityEvidence, capability_evidence
from ai_impact.reports.description_lexical import LexicalIndex
from ai_impact.reports.description_spelling import matcher_text, us_spelling
from ai_impact.reports.description_tech import TechIndex
from ai_impact.risk.build import description_sentences
from ai_impact.scoring.capability import CAPABILITIES, capability_from_gwas, hands_on
from ai_impact.scoring.typos import LETTERS, TypoFixer

__all__ = [
    "COVERAGE_WEIGHT",
    "TEMPERATURE",
    "TITLE_CERTAIN",
    "CapabilityEvidence",
    "DescriptionIndex",
    "OccupationMatch",
    "combine_with_title",
    "description_index",
    "matcher_text",
    "us_spelling",
]

COVERAGE_WEIGHT = 0.0
LEXICAL_WEIGHT = 0.5
TECH_WEIGHT = 0.05
TEMPERATURE = 0.015
TITLE_CERTAIN = 0.8
INDEX_VERSION = "jd-8"  # jd-8: capability mapping 1.6
TOP_K = 5

F32 = NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class OccupationMatch:
    """A candidate occupation for a pasted text, with confidence 0–1 and what found it."""

    code: str
    title: str
    confidence: float
    via: str  # 'tasks' | 'title' | 'title and tasks'


class DescriptionIndex:
    """Unit vectors of every occupation's statements, grouped by occupation (row order).

    Task rows also keep their task id, the capability their work activities vote for (-1 when
    none, and for description sentences) and whether one of those activities is hands-on."""

    def __init__(
        self,
        codes: list[str],
        titles: list[str],
        vectors: F32,
        owner: NDArray[Any],
        lexical: LexicalIndex,
        task_info: NDArray[Any] | None = None,
        vocab: dict[str, int] | None = None,
        tech: TechIndex | None = None,
    ):
        self.lexical = lexical
        self.tech = tech  # the products each occupation uses (O*NET Technology Skills)
        self.vocab = vocab or {}  # every word of the statements, with its count
        self._typos = TypoFixer(self.vocab, _is_english_word)
        order = np.argsort(owner, kind="stable")
        self.codes = codes
        self.titles = titles
        self.vectors = np.ascontiguousarray(vectors[order], dtype=np.float32)
        self.owner = np.asarray(owner)[order].astype(np.int64)
        # task id, capability index, hands-on flag per row (-1, -1, 0 for description sentences)
        if task_info is None:
            task_info = np.tile(np.asarray([-1, -1, 0]), (len(order), 1))
        self.task_info = np.asarray(task_info, dtype=np.int64)[order]
        present = np.unique(self.owner)
        self.present = present  # occupations with at least one statement
        self.starts = np.searchsorted(self.owner, present)
        sums = np.add.reduceat(self.vectors, self.starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        self.centroids = (sums / np.maximum(norms, 1e-12)).astype(np.float32)

    @classmethod
    def build(cls, kb: Any, exclude_tasks: set[int] | None = None) -> DescriptionIndex:
        """Embed every task statement and description sentence (about two seconds)."""
        from ai_impact.titles.embed import load_embedder

        occs = list(kb.occupations())
        pos = {o.code: i for i, o in enumerate(occs)}
        gwas: dict[int, list[str]] = {}  # one vote per linked activity, as score_known_tasks
        for a in kb.all_activities():
            gwas.setdefault(a.task_id, []).append(a.dwa_id or a.iwa_id)
        texts: list[str] = []
        owner: list[int] = []
        info: list[tuple[int, int, int]] = []
        for t in kb.all_tasks():
            if t.code in pos and (exclude_tasks is None or t.task_id not in exclude_tasks):
                texts.append(t.text)
                owner.append(pos[t.code])
                acts = gwas.get(t.task_id, [])
                cap = capability_from_gwas(acts)
                hands = int(hands_on(acts))
                info.append((t.task_id, -1 if cap is None else CAPABILITIES.index(cap), hands))
        for o in occs:
            for s in description_sentences(o.description):
                texts.append(s)
                owner.append(pos[o.code])
                info.append((-1, -1, 0))
        vectors = load_embedder().encode(texts)
        lexical = LexicalIndex.build(texts, owner, len(occs))
        codes, titles = [o.code for o in occs], [o.title for o in occs]
        examples = {i: [t.example for t in kb.technologies(o.code)] for i, o in enumerate(occs)}
        tech = TechIndex.build(examples, len(occs))
        vocab: dict[str, int] = {}
        for text in texts:
            for word in LETTERS.findall(text.lower()):
                vocab[word] = vocab.get(word, 0) + 1
        return cls(
            codes, titles, vectors, np.asarray(owner), lexical, np.asarray(info), vocab, tech
        )

    def save(self, path: Path, key: str) -> None:
        """Write the index as an .npz (atomic rename; a read-only folder is not an error)."""
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.npz")
            payload: dict[str, Any] = {
                "key": np.asarray([key]),
                "codes": np.asarray(self.codes, dtype=np.str_),
                "titles": np.asarray(self.titles, dtype=np.str_),
                "vectors": self.vectors.astype(np.float16),
                "owner": self.owner,
                "task_info": self.task_info.astype(np.int32),
                "vocab": np.asarray(list(self.vocab), dtype=np.str_),
                "vocab_counts": np.asarray(list(self.vocab.values()), dtype=np.int64),
                **self.lexical.arrays(),
                **(self.tech.arrays() if self.tech else {}),
            }
            np.savez_compressed(tmp, **payload)
            tmp.replace(path)

    @classmethod
    def load(cls, path: Path, key: str) -> DescriptionIndex | None:
        """The saved index, or None when missing, unreadable or made for another key."""
        try:
            with np.load(path, allow_pickle=False) as z:
                if str(z["key"][0]) != key:
                    return None
                codes = [str(c) for c in z["codes"]]
                return cls(
                    codes,
                    [str(t) for t in z["titles"]],
                    z["vectors"].astype(np.float32),
                    z["owner"],
                    LexicalIndex.from_arrays(z, len(codes)),
                    z["task_info"],
                    dict(zip(map(str, z["vocab"]), map(int, z["vocab_counts"]), strict=True)),
                    TechIndex.from_arrays(z, len(codes)),
                )
        except (OSError, KeyError, ValueError):
            return None

    def scores(self, statements: F32, texts: Sequence[str] = ()) -> NDArray[np.float64]:
        """Text score of every occupation (−1 where it has no statement) for the unit vectors
        of the pasted statements and, for the lexical part, their texts."""
        out = np.full(len(self.codes), -1.0)
        if len(statements) == 0:
            return out
        coverage = 0.0
        if COVERAGE_WEIGHT > 0:
            sims = statements @ self.vectors.T
            best = np.maximum.reduceat(sims, self.starts, axis=1)  # statements × occupations
            coverage = best.mean(axis=0)
        mean = statements.sum(axis=0)
        mean = mean / max(float(np.linalg.norm(mean)), 1e-12)
        centroid = self.centroids @ mean
        dense = COVERAGE_WEIGHT * coverage + (1.0 - COVERAGE_WEIGHT) * centroid
        lexical = self.lexical.scores(texts)[self.present] if LEXICAL_WEIGHT > 0 else 0.0
        out[self.present] = (1.0 - LEXICAL_WEIGHT) * dense + LEXICAL_WEIGHT * lexical
        if TECH_WEIGHT > 0 and self.tech is not None:
            out[self.present] += TECH_WEIGHT * self.tech.scores(texts, self.vocab)[self.present]
        return out

    def capability_evidence(
        self, texts: Sequence[str], occupation: str | None = None
    ) -> CapabilityEvidence:
        """What the O*NET statements nearest to each pasted statement say about its
        capability (:func:`.description_evidence.capability_evidence`)."""
        return capability_evidence(self, texts, occupation)

    def respelled(self, text: str) -> str:
        """``text`` with its typing slips put right from the words of the O*NET statements
        (:meth:`ai_impact.scoring.typos.TypoFixer.respelled`: "palet" → "pallet"); English
        is a word the title model's tokenizer holds whole."""
        return self._typos.respelled(text)

    def rank(self, texts: Sequence[str], top: int = TOP_K) -> list[OccupationMatch]:
        """The ``top`` occupations for pasted statements, with softmax confidences."""
        from ai_impact.titles.embed import load_embedder

        # Job-ad habits ("Responsible for ...", "You'll ...") rewritten as O*NET statements.
        statements = [self.respelled(matcher_text(t)) for t in texts]
        vecs = load_embedder().encode(statements)
        vecs = vecs[np.linalg.norm(vecs, axis=1) > 0]
        s = self.scores(vecs, statements)
        if not (s > -1.0).any():
            return []
        z = np.exp((s - s.max()) / TEMPERATURE)
        p = z / z.sum()
        best = np.argsort(-s, kind="stable")[:top]
        return [
            OccupationMatch(self.codes[i], self.titles[i], round(float(p[i]), 4), "tasks")
            for i in best
        ]


_lock = threading.Lock()
_indexes: dict[str, DescriptionIndex] = {}


def description_index(kb: Any, cache_dir: Path, key: str) -> DescriptionIndex:
    """The index of one knowledge base, from memory, the disk cache, or built and saved."""
    full = f"{key}-{INDEX_VERSION}"
    path = cache_dir / f"description-index-{full}.npz"
    with _lock:
        hit = _indexes.get(str(path))
    if hit is not None:
        return hit
    index = DescriptionIndex.load(path, full)
    if index is None:
        index = DescriptionIndex.build(kb)
        index.save(path, full)
    with _lock:
        _indexes[str(path)] = index
    return index


def combine_with_title(
    text_matches: Sequence[OccupationMatch], resolution: Any, top: int = TOP_K
) -> list[OccupationMatch]:
    """Text candidates merged with a title resolution's candidates (see the module docstring)."""
    cands = list(getattr(resolution, "candidates", []) or [])
    if not cands:
        return list(text_matches[:top])
    first = cands[0]
    certain = not getattr(resolution, "needs_choice", False) and (
        first.via in {"code", "exact", "alias"} or first.confidence >= TITLE_CERTAIN
    )
    text_conf = {m.code: m.confidence for m in text_matches}
    title_conf = {c.code: float(c.confidence) for c in cands}
    titles = {m.code: m.title for m in text_matches} | {c.code: c.title for c in cands}
    merged: dict[str, float] = {}
    for code in titles:
        t, x = title_conf.get(code), text_conf.get(code)
        merged[code] = (t or 0.0) * 0.5 + (x or 0.0) * 0.5
    if certain:
        merged[first.code] = max(merged.values()) + 1.0  # the title decides; keep the rest

    def via(code: str) -> str:
        if code in title_conf and code in text_conf:
            return "title and tasks"
        return "title" if code in title_conf else "tasks"

    ranked = sorted(merged, key=lambda c: -merged[c])[:top]
    out = []
    for code in ranked:
        conf = title_conf[code] if certain and code == first.code else merged[code]
        out.append(OccupationMatch(code, titles[code], round(min(conf, 1.0), 4), via(code)))
    return out


def _is_english_word(word: str) -> bool:
    """Whether the title model's tokenizer holds ``word`` whole (loaded on first use)."""
    from ai_impact.titles.embed import load_embedder

    return load_embedder().is_english_word(word)
