"""General chat assistants for work that no specialised product in the catalogue is made for.

The exposure labels define their top class by a chat assistant: a task is E1 ("direct
exposure") when a language model used through a chat interface such as ChatGPT, alone, cuts the
time it takes by half or more (Eloundou et al., rubric). So an occupation whose tasks are rated
E1 has, by the labels' own definition, work a general chat assistant does, whatever its
activities and wording. :func:`ai_impact.reports.match_tools.match_tools` lists products by
their activities, wording and software, and a general assistant is mapped to writing, drafting
and summarising only; an occupation whose direct-exposure work is analysis, planning or
advice (regulatory affairs, compliance, research) got no tool at all. When that matcher finds
nothing, :func:`chat_assistant_fallback` lists the catalogue's general assistants for the
occupation's direct-exposure tasks:

- a task counts when β ≥ ``DIRECT_BETA`` (0.75): a published E1 label has β 1 (E2 0.5), and a
  model score that high needs P(E1) ≥ 0.5;
- at least ``MIN_DIRECT`` such tasks and ``MIN_DIRECT_SHARE`` of the occupation's distinct
  tasks, which together carry ``MIN_COVERAGE`` of the weighted work (the weights of
  :mod:`ai_impact.reports.match_tools`): two report-writing tasks among a firefighter's 30
  do not make a chat assistant a tool of the role.

Only on pages where no specialised product fits, so that general assistants never crowd out a
product made for the work.
"""

from __future__ import annotations

from collections.abc import Sequence

from ai_impact.reports.match_tools import (
    MAX_MATCHED_TASKS,
    MIN_COVERAGE,
    ToolMatch,
    exposure_weight,
    task_betas,
)
from ai_impact.sources.catalog_tools import ToolCatalog

__all__ = [
    "CHAT_CATEGORY",
    "DIRECT_BETA",
    "MIN_DIRECT",
    "MIN_DIRECT_SHARE",
    "chat_assistant_fallback",
]

CHAT_CATEGORY = "general-assistant"
DIRECT_BETA = 0.75
MIN_DIRECT = 2
MIN_DIRECT_SHARE = 0.1
MAX_ASSISTANTS = 3


def chat_assistant_fallback(
    catalog: ToolCatalog, tasks: Sequence[tuple[str, float]]
) -> list[ToolMatch]:
    """The catalogue's general chat assistants, for the direct-exposure tasks of ``tasks``
    ((text, β) pairs), or nothing when too little of the work is rated so."""
    beta = task_betas(tasks)
    if not beta:
        return []
    direct = sorted(
        (text for text, b in beta.items() if b >= DIRECT_BETA), key=lambda t: (-beta[t], t)
    )
    total = sum(exposure_weight(b) for b in beta.values())
    coverage = sum(exposure_weight(beta[t]) for t in direct) / total
    if len(direct) < max(MIN_DIRECT, MIN_DIRECT_SHARE * len(beta)) or coverage < MIN_COVERAGE:
        return []
    first = (
        "No product in the catalog is made for this work, but "
        f"{len(direct)} of its {len(beta)} tasks are rated direct exposure (E1): a language "
        "model used alone, as in a chat assistant, cuts the time they take by half or more."
    )
    again = f"Another general assistant for the same {len(direct)} direct-exposure tasks."
    assistants = [t for t in catalog.tools if t.category == CHAT_CATEGORY]  # curated order
    return [
        ToolMatch(
            tool=tool,
            score=round(coverage, 4),
            coverage=round(coverage, 4),
            matched_tasks=tuple(direct[:MAX_MATCHED_TASKS]),
            software=(),
            reason=again if i else first,
        )
        for i, tool in enumerate(assistants[:MAX_ASSISTANTS])
    ]
