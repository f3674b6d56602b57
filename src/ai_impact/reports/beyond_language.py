"""Tasks listed as remaining human that a robot, a vehicle autonomy or a vision system does.

The exposure figures, and the risk score on them, rate what language models reach: both
raters label driving a truck or flipping burgers unexposed, which is right for that measure.
But a page that calls "Drive trucks…" human work while it lists a driverless truck among its
AI tools contradicts itself unless it says why. So a task that stays human keeps its place
(the risk method is unchanged) and says, in plain words, which physical automation or machine
perception on the same page does it; the overview says so once when such a tool does one of
the occupation's core human tasks.

A tool on the page does a task when all of these hold:

- it is outside the exposure figures (``physical``: robots, vehicles, drones; ``perception``:
  vision and listening), so language-model labels say nothing about it;
- it does the work itself (``mode = "automates"``): a surgeon's robot or a supervised driver
  aid leaves the task with the person who operates it;
- its own task wording matches the statement (a pattern of the tool, not just a broad work
  activity both share: 'Operate vehicles' links cranking a trailer's landing gear to a
  self-driving truck);
- and, where the task has O*NET activity links, one of them is in the tool's line of work
  (one of its IWAs, or the IWA of one of its DWAs), so a word in another sense ("piles" of
  lumber for a pile-driving excavator) does not count.

Functions over plain data: the catalogue's lookup tables are built once
(:mod:`~ai_impact.reports.tool_index`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from ai_impact.reports import figures as fx
from ai_impact.reports.model import SafeTask, ToolEntry

__all__ = [
    "DOES_THE_WORK",
    "KINDS",
    "automation_note",
    "mark_safe_tasks",
    "overview_sentence",
    "task_iwas",
]

DOES_THE_WORK = "automates"
_PHYSICAL = "physical automation"
_PERCEPTION = "machine perception"
KINDS = (_PHYSICAL, _PERCEPTION)  # the kinds a note names, in its order


def task_iwas(tasks: Sequence[Any], activities: Sequence[Any]) -> dict[str, frozenset[str]]:
    """Each statement's IWAs, from its O*NET activity links (a statement several occupations
    share gets all of theirs)."""
    text = {t.task_id: t.text for t in tasks}
    out: dict[str, set[str]] = {}
    for a in activities:
        if a.task_id in text:
            out.setdefault(text[a.task_id], set()).add(a.iwa_id)
    return {k: frozenset(v) for k, v in out.items()}


def _kinds(catalog: Any, names: Sequence[str]) -> list[str]:
    """The kinds of the named tools, physical automation first."""
    physical = {t.name for t in catalog.tools if t.physical}
    kinds = {_PHYSICAL if n in physical else _PERCEPTION for n in names}
    return [k for k in KINDS if k in kinds]


def automation_note(kinds: Sequence[str], names: Sequence[str]) -> str:
    """The row's words: "human for language AI; physical automation is arriving for this work:
    Aurora Driver"."""
    is_ = "is" if len(kinds) == 1 else "are"
    return (
        f"human for language AI; {fx.and_list(list(kinds))} {is_} arriving for this work: "
        f"{fx.and_list(list(names))}"
    )


def _doers(
    catalog: Any, tools: Sequence[ToolEntry], text: str, iwas: frozenset[str] | None
) -> tuple[str, ...]:
    """The page's tools that do one task themselves (see the module docstring), in page order."""
    from ai_impact.reports.tool_index import tool_index

    index = tool_index(catalog)
    by_name = {t.name: pos for pos, t in enumerate(index.tools)}
    worded = index.worded(text.lower())
    out = []
    for entry in tools:
        pos = by_name.get(entry.name)
        if pos is None or pos not in worded or pos not in index.outside_exposure:
            continue
        if index.tools[pos].mode != DOES_THE_WORK:
            continue
        if iwas is not None and index.domains[pos].isdisjoint(iwas):
            continue
        out.append(entry.name)
    return tuple(out)


def mark_safe_tasks(
    catalog: Any,
    tools: Sequence[ToolEntry],
    safe: Sequence[SafeTask],
    iwas: Mapping[str, frozenset[str]] | None = None,
) -> tuple[SafeTask, ...]:
    """The safe tasks, each with the page's tools that do it and the row's note where any does.

    ``iwas`` maps a statement to the IWAs its O*NET activities belong to; ``None`` for text
    without activity links (a pasted job description), where the tool's wording decides alone.
    A statement missing from the map has no links either.
    """
    if catalog is None or not tools:
        return tuple(safe)
    out = []
    for s in safe:
        linked = None if iwas is None else iwas.get(s.task, frozenset())
        doers = _doers(catalog, tools, s.task, linked if linked else None)
        if doers:
            s = replace(
                s,
                automation_tools=doers,
                automation_note=automation_note(_kinds(catalog, doers), doers),
            )
        out.append(s)
    return tuple(out)


def _clip(text: str, limit: int = 110) -> str:
    text = text.rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def overview_sentence(catalog: Any, safe: Sequence[SafeTask]) -> str | None:
    """One overview sentence when a tool does one of the core tasks listed as remaining human
    (every listed task counts where none is typed, as in a pasted description)."""
    typed = any(s.task_type for s in safe)
    top = [s for s in safe if s.automation_tools and (s.task_type == "Core" or not typed)]
    if not top or catalog is None:
        return None
    names = list(dict.fromkeys(n for s in top for n in s.automation_tools))
    kinds = _kinds(catalog, names)
    more = len(top) - 1
    others = ""
    if more:
        others = " and another of its core tasks" if more == 1 else " and other core tasks"
        if not typed:
            others = " and another task" if more == 1 else " and other tasks"
    is_ = "is" if len(kinds) == 1 else "are"
    it = "them" if more else "it"
    return (
        f"Language AI leaves “{_clip(top[0].task)}”{others} to people, but {fx.and_list(kinds)} "
        f"{is_} arriving for {it}: {fx.and_list(names)}; the risk score counts language AI only."
    )
