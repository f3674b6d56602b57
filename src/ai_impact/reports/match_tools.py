"""Match catalogued AI tools to one occupation's tasks, work activities and software.

The score of a tool is the share of the occupation's work it touches, weighted by exposure:

    relevance(task) = 1.0  if a task DWA is one of the tool's DWAs
                      0.5  if a task IWA is one of the tool's open IWAs (an IWA with none of
                           the tool's DWAs under it); 0.8 if the task text matches one of the
                           tool's patterns; 1.0 when an open IWA and a pattern both hit
    weight(task)    = 0.25 + 0.75 * beta          (beta = the task's exposure, 0..1)
                      1.0 for physical tools (robots, vehicles, drones)
    coverage        = sum(weight * relevance) / sum(weight)
    score           = coverage + 0.04 per software title the occupation already uses (max 0.12)

Language-model exposure says nothing about what a robot or a self-driving truck can take over,
so physical tools weigh every task equally; for the others unexposed tasks keep a floor weight.
A tool needs at least one matched task and a score of ``MIN_SCORE``; software overlap alone
never qualifies it. Ties break on the tool id, so the result is deterministic. Pure functions
over plain data: the knowledge base is not touched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from ai_impact.sources.catalog_tools import AiTool, ToolCatalog

__all__ = [
    "MIN_SCORE",
    "ActivityLike",
    "ActivityLink",
    "ToolMatch",
    "link_activities",
    "match_tools",
    "technology_terms",
]

DWA_HIT = 1.0
IWA_HIT = 0.5
PATTERN_HIT = 0.8
EXPOSURE_FLOOR = 0.25
SOFTWARE_BONUS = 0.04
SOFTWARE_BONUS_MAX = 0.12
MIN_SCORE = 0.05
MAX_MATCHED_TASKS = 5


class ActivityLike(Protocol):
    """A task's link to one detailed work activity (the task is given by its text)."""

    @property
    def task(self) -> str: ...
    @property
    def iwa_id(self) -> str: ...
    @property
    def iwa_title(self) -> str: ...
    @property
    def dwa_id(self) -> str: ...


class _TaskRow(Protocol):
    @property
    def task_id(self) -> int: ...
    @property
    def text(self) -> str: ...


class _ActivityRow(Protocol):
    @property
    def task_id(self) -> int: ...
    @property
    def iwa_id(self) -> str: ...
    @property
    def iwa_title(self) -> str: ...
    @property
    def dwa_id(self) -> str: ...


class _TechnologyRow(Protocol):
    @property
    def example(self) -> str: ...
    @property
    def commodity_title(self) -> str: ...
    @property
    def commodity_code(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ActivityLink:
    """A task text joined to one of its work activities."""

    task: str
    iwa_id: str
    iwa_title: str
    dwa_id: str


@dataclass(frozen=True, slots=True)
class ToolMatch:
    """A tool that fits the occupation, its score, the tasks it touches and why."""

    tool: AiTool
    score: float
    coverage: float
    matched_tasks: tuple[str, ...]
    software: tuple[str, ...]
    reason: str


def link_activities(
    tasks: Iterable[_TaskRow], activities: Iterable[_ActivityRow]
) -> tuple[ActivityLink, ...]:
    """Join knowledge-base tasks and task activities on ``task_id`` into text-keyed links."""
    text_of = {t.task_id: t.text for t in tasks}
    return tuple(
        ActivityLink(text_of[a.task_id], a.iwa_id, a.iwa_title, a.dwa_id)
        for a in activities
        if a.task_id in text_of
    )


def technology_terms(technologies: Iterable[_TechnologyRow]) -> tuple[str, ...]:
    """The names, commodity titles and codes of an occupation's technologies, for matching."""
    terms: dict[str, None] = {}
    for t in technologies:
        for term in (t.example, t.commodity_title, t.commodity_code):
            if term:
                terms[term] = None
    return tuple(terms)


@dataclass(frozen=True, slots=True)
class _TaskFacts:
    text: str
    lowered: str
    weight: float
    iwas: frozenset[str]
    dwas: frozenset[str]


def _task_facts(
    tasks: Sequence[tuple[str, float]], activities: Sequence[ActivityLike]
) -> list[_TaskFacts]:
    beta: dict[str, float] = {}
    for text, b in tasks:
        # The same statement can appear twice (core and supplemental lists); keep the higher beta.
        beta[text] = max(beta.get(text, 0.0), min(max(float(b), 0.0), 1.0))
    iwas: dict[str, set[str]] = {t: set() for t in beta}
    dwas: dict[str, set[str]] = {t: set() for t in beta}
    for a in activities:
        if a.task in beta:
            iwas[a.task].add(a.iwa_id)
            dwas[a.task].add(a.dwa_id)
    return [
        _TaskFacts(
            text,
            text.lower(),
            EXPOSURE_FLOOR + (1 - EXPOSURE_FLOOR) * b,
            frozenset(iwas[text]),
            frozenset(dwas[text]),
        )
        for text, b in beta.items()
    ]


@dataclass(frozen=True, slots=True)
class _Prepared:
    pattern: re.Pattern[str] | None
    dwas: frozenset[str]
    open_iwas: frozenset[str]


@cache
def _prepared(tool: AiTool) -> _Prepared:
    """The tool's matching keys, computed once per tool (tools are immutable)."""
    return _Prepared(tool.pattern, frozenset(tool.dwas), tool.open_iwas)


def _relevance(tool: AiTool, task: _TaskFacts) -> tuple[float, bool, bool]:
    """Relevance of a tool to one task, and whether an activity / the wording matched."""
    keys = _prepared(tool)
    by_words = bool(keys.pattern and keys.pattern.search(task.lowered))
    by_dwa = not keys.dwas.isdisjoint(task.dwas)
    by_iwa = not keys.open_iwas.isdisjoint(task.iwas)
    if by_dwa:
        return DWA_HIT, True, by_words
    if by_iwa and by_words:
        return 1.0, True, True
    if by_iwa:
        return IWA_HIT, True, False
    if by_words:
        return PATTERN_HIT, False, True
    return 0.0, False, False


def _reason(
    tool: AiTool,
    n_matched: int,
    n_tasks: int,
    coverage: float,
    activity_titles: Counter[str],
    by_words: bool,
    software: tuple[str, ...],
) -> str:
    via: list[str] = []
    if activity_titles:
        top = sorted(activity_titles.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
        via.append("work activities " + " and ".join(f"'{t.rstrip('.')}'" for t, _ in top))
    if by_words:
        via.append("task wording")
    text = (
        f"Fits {n_matched} of {n_tasks} tasks ({coverage:.0%} of the exposure-weighted work) "
        f"through {' and '.join(via)}"
    )
    if software:
        text += f"; works with {', '.join(software[:3])}, already used in this occupation"
    return text + "."


def _score_tool(
    tool: AiTool,
    facts: Sequence[_TaskFacts],
    titles: dict[str, str],
    tech: frozenset[str],
) -> ToolMatch | None:
    total_weight = float(len(facts)) if tool.physical else sum(f.weight for f in facts)
    gained = 0.0
    hits: list[tuple[float, str]] = []
    activity_titles: Counter[str] = Counter()
    any_words = False
    for task in facts:
        rel, by_activity, by_words = _relevance(tool, task)
        if rel <= 0:
            continue
        weight = 1.0 if tool.physical else task.weight
        gained += weight * rel
        hits.append((weight * rel, task.text))
        any_words = any_words or by_words
        if by_activity:
            dwa_parents = {d.rsplit(".", 1)[0] for d in task.dwas.intersection(tool.dwas)}
            for iwa in sorted(task.iwas.intersection(_prepared(tool).open_iwas) | dwa_parents):
                activity_titles[titles.get(iwa, iwa)] += 1
    if not hits:
        return None
    coverage = gained / total_weight
    software = tuple(s for s in tool.software if s in tech)
    score = round(coverage + min(SOFTWARE_BONUS * len(software), SOFTWARE_BONUS_MAX), 4)
    if score < MIN_SCORE:
        return None
    hits.sort(key=lambda h: (-h[0], h[1]))
    reason = _reason(tool, len(hits), len(facts), coverage, activity_titles, any_words, software)
    return ToolMatch(
        tool=tool,
        score=score,
        coverage=round(coverage, 4),
        matched_tasks=tuple(text for _, text in hits[:MAX_MATCHED_TASKS]),
        software=software,
        reason=reason,
    )


def match_tools(
    catalog: ToolCatalog,
    tasks: Sequence[tuple[str, float]],
    activities: Sequence[ActivityLike] = (),
    technologies: Sequence[str] = (),
    top: int = 8,
    *,
    max_per_category: int | None = 3,
) -> list[ToolMatch]:
    """The best ``top`` tools for an occupation's (task text, beta) pairs, best first."""
    facts = _task_facts(tasks, activities)
    if not facts or top <= 0:
        return []
    titles = {a.iwa_id: a.iwa_title for a in activities}
    tech = frozenset(technologies)
    scored = [
        m for tool in catalog.tools if (m := _score_tool(tool, facts, titles, tech)) is not None
    ]
    scored.sort(key=lambda m: (-m.score, m.tool.id))
    chosen: list[ToolMatch] = []
    per_category: Counter[str] = Counter()
    for m in scored:
        if max_per_category is not None and per_category[m.tool.category] >= max_per_category:
            continue
        per_category[m.tool.category] += 1
        chosen.append(m)
        if len(chosen) == top:
            break
    return chosen
