"""The protecting capability of each pasted statement that stays human, and why.

A statement scored by the task model has no O*NET work activities. Its capability pools the
capability head with the capabilities of the most similar O*NET statements, found with the
description matcher's vectors, under the physical-evidence rule
(:mod:`ai_impact.scoring.capability_text`). The page cites an O*NET statement that points the
same way: one of the matched occupation's own when one is close enough, else one of the
nearest neighbours. Statements that are word for word O*NET tasks keep the capability of
their own work activities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ai_impact.reports.description_match import DescriptionIndex
from ai_impact.scoring import CAPABILITIES, TaskScore, load_model
from ai_impact.scoring.capability_text import pooled_capabilities
from ai_impact.scoring.phrasing import task_statement

__all__ = ["ANY_MIN_COS", "OWN_MIN_COS", "Citation", "with_text_capabilities"]

# How similar a cited O*NET statement must be (cosine of the matcher's vectors): one of the
# matched occupation's own statements, or any O*NET statement among the nearest neighbours.
OWN_MIN_COS = 0.5
ANY_MIN_COS = 0.7


@dataclass(frozen=True, slots=True)
class Citation:
    """An O*NET statement the page cites for a capability, and whether it is the matched
    occupation's own."""

    text: str
    own: bool


def _task_texts(kb: Any, index: DescriptionIndex, ids: set[int]) -> dict[int, str]:
    """Texts of a few O*NET task ids (one query per occupation that owns one)."""
    if not ids:
        return {}
    rows = np.flatnonzero(np.isin(index.task_info[:, 0], sorted(ids)))
    out: dict[int, str] = {}
    for code in sorted({index.codes[int(index.owner[r])] for r in rows}):
        out |= {t.task_id: t.text for t in kb.tasks_of(code) if t.task_id in ids}
    return out


def with_text_capabilities(
    kb: Any, index: DescriptionIndex, scores: Sequence[TaskScore], occupation: str
) -> tuple[list[TaskScore], dict[int, Citation]]:
    """The scores with each model-rated capability re-read from the pooled evidence, and for
    such statements (by position) an O*NET statement that shares the capability: the closest
    of ``occupation``'s own (cosine ≥ :data:`OWN_MIN_COS`), else the closest neighbour
    voting for it (cosine ≥ :data:`ANY_MIN_COS`), else none."""
    picked = [
        i
        for i, s in enumerate(scores)
        if s.capability is not None and s.capability_source == "model"
    ]
    if not picked:
        return list(scores), {}
    texts = [scores[i].task for i in picked]
    head = load_model().capability([task_statement(t) for t in texts])
    ev = index.capability_evidence(texts, occupation)
    caps = pooled_capabilities(texts, head, ev.votes, ev.hands_on)
    chosen: dict[int, tuple[int, bool]] = {}
    for j, (i, cap) in enumerate(zip(picked, caps, strict=True)):
        c = CAPABILITIES.index(cap)
        if ev.own[j, c] >= 0 and ev.own_cos[j, c] >= OWN_MIN_COS:
            chosen[i] = (int(ev.own[j, c]), True)
        elif ev.nearest[j, c] >= 0 and ev.nearest_cos[j, c] >= ANY_MIN_COS:
            chosen[i] = (int(ev.nearest[j, c]), False)
    found = _task_texts(kb, index, {t for t, _ in chosen.values()})
    out = list(scores)
    for i, cap in zip(picked, caps, strict=True):
        out[i] = replace(out[i], capability=cap)
    cited = {i: Citation(found[t], own) for i, (t, own) in chosen.items() if t in found}
    return out, cited
