"""Anthropic Economic Index: share of sampled Claude.ai conversations per O*NET task."""

from __future__ import annotations

from pathlib import Path

from ai_impact.sources.tables import RowProblems, read_table, to_float

__all__ = ["aei_key", "read_automation_split", "read_task_shares"]


def aei_key(text: str) -> str:
    """The AEI join key of a task statement: lowercased, trimmed text."""
    return " ".join(text.lower().split())


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
