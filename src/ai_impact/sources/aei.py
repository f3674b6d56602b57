"""Anthropic Economic Index: share of sampled Claude.ai conversations per O*NET task.

The sample names tasks by the wording of the O*NET release it classified conversations into
(an older one, on the 2010 O*NET-SOC codes). A current task statement is joined to it by its
own text first, then by the normalized text of any of its wordings (O*NET 30.3, 29.3 and the
GPTs-are-GPTs label set's 27.2, all under the same Task ID), then with the connectives "and" /
"or" ignored: O*NET's edits between releases often only turn an "and" into an "or".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from ai_impact.sources.labels import normalize_task_text
from ai_impact.sources.tables import RowProblems, read_table, to_float

__all__ = [
    "AeiShare",
    "aei_key",
    "join_shares",
    "loose_key",
    "read_automation_split",
    "read_task_shares",
]

# Words O*NET's rewordings swap without changing the task ("analyze and report" → "analyze or
# report"); "and/or" reads "andor" once punctuation is stripped.
_CONNECTIVES = frozenset({"and", "or", "andor"})


class AeiShare(NamedTuple):
    """A task's share of sampled conversations and how it was found: 'text' (its own words),
    'wording' (normalized text of one of its wordings) or 'loose' (connectives ignored)."""

    share: float
    match: str


def aei_key(text: str) -> str:
    """The AEI join key of a task statement: lowercased, trimmed text."""
    return " ".join(text.lower().split())


def loose_key(text: str) -> str:
    """Normalized text without the connectives "and" / "or": the most lenient join key."""
    return " ".join(w for w in normalize_task_text(text).split() if w not in _CONNECTIVES)


def _summed(shares: dict[str, float], key: Callable[[str], str]) -> dict[str, float]:
    """Shares re-keyed by ``key``, summed where several sampled names share a key."""
    out: dict[str, float] = {}
    for name, pct in shares.items():
        k = key(name)
        out[k] = out.get(k, 0.0) + pct
    return out


def join_shares(
    tasks: Iterable[tuple[int, Sequence[str]]], shares: dict[str, float]
) -> dict[int, AeiShare]:
    """The AEI share of each (task_id, wordings) whose wording the sample names.

    ``wordings`` starts with the task's current statement; the others are its earlier
    wordings under the same Task ID. ``shares`` is :func:`read_task_shares`. Tasks the sample
    does not name are left out."""
    by_norm = _summed(shares, normalize_task_text)
    by_loose = _summed(shares, loose_key)
    out: dict[int, AeiShare] = {}
    for task_id, wordings in tasks:
        if not wordings:
            continue
        if (exact := shares.get(aei_key(wordings[0]))) is not None:
            out[task_id] = AeiShare(exact, "text")
        elif hit := [by_norm[k] for w in wordings if (k := normalize_task_text(w)) in by_norm]:
            out[task_id] = AeiShare(hit[0], "wording")
        elif hit := [by_loose[k] for w in wordings if (k := loose_key(w)) in by_loose]:
            out[task_id] = AeiShare(hit[0], "loose")
    return out


def read_task_shares(path: Path) -> dict[str, float]:
    """Lowercased task text → percent of sampled conversations (summed over duplicates)."""
    problems = RowProblems(path)
    out: dict[str, float] = {}
    for i, row in enumerate(read_table(path, ("task_name", "pct")), start=1):
        try:
            pct = to_float(row["pct"])
        except ValueError:
            pct = None
        if pct is None or pct < 0:
            problems.add(i, f"pct {row['pct']!r} is not a non-negative number")
            continue
        key = aei_key(row["task_name"])
        out[key] = out.get(key, 0.0) + pct
    problems.raise_if_any()
    return out


def read_automation_split(path: Path) -> dict[str, float]:
    """Interaction type → percent of conversations (directive, feedback loop, learning, ...)."""
    out: dict[str, float] = {}
    for row in read_table(path, ("interaction_type", "pct")):
        pct = to_float(row["pct"])
        if pct is not None:
            out[row["interaction_type"].strip()] = pct
    return out
