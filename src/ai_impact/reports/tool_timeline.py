"""Timelines that take the page's AI tools into account: a released product made for a task.

The timeline rule (:mod:`ai_impact.scoring.timeline`) reads exposure, automation, observed use
and adoption. A task the page's tool list shows a product for, on the market today, could still
read "3–5 years" or "5+ years" beside that product's line. Once the tools are matched, each
exposed task that one of the listed tools is made for (``ToolMatch.made_for``: the statement is
linked to one of the tool's detailed work activities, DWAs, and holds the tool's wording) moves
to 1–2 years at the latest, and its evidence names the tool. Only products made for the work
count: a general-purpose assistant, a tool reached through a broad activity alone, or through
its wording alone, moves nothing; nor does a task that stays human. Every product in the
catalogue is released (withdrawn ones are removed from it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ai_impact.reports.match_tools import ToolMatch
    from ai_impact.scoring.score import TaskScore

__all__ = ["made_for_tasks", "tool_timelines"]


def made_for_tasks(matches: Sequence[ToolMatch]) -> dict[str, str]:
    """Task text → the name of the first listed tool made for it (the page's order: the
    best-fitting tool first)."""
    out: dict[str, str] = {}
    for m in matches:
        for text in m.made_for:
            out.setdefault(text, m.tool.name)
    return out


def tool_timelines(
    tasks: Sequence[Any], scores: Sequence[TaskScore], matches: Sequence[ToolMatch]
) -> list[TaskScore]:
    """``scores`` (one per task of ``tasks``, which carry ``text``) with the timelines the
    listed tools ``matches`` give them (:func:`~ai_impact.scoring.score.with_tool_timeline`)."""
    from ai_impact.scoring.score import with_tool_timeline

    tools = made_for_tasks(matches)
    return [
        with_tool_timeline(s, tools[t.text]) if t.text in tools else s
        for t, s in zip(tasks, scores, strict=True)
    ]
