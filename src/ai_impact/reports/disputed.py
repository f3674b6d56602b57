"""Disputed tasks: the human raters label a task unexposed (E0), GPT-4's label says AI reaches it.

The risk score follows the human label, so such a task counts as not exposed. But a page that
listed it under "tasks that remain human" would present as plainly human work that the second
rater, and often an AI tool on the same page, says AI does (a medical transcriptionist's
"Transcribe dictation…", an accountant's "reconcile differences"). Such tasks are listed apart,
each with GPT-4's label, whether AI use of it is observed today (AEI) and the tools on the page
that fit it, and one note under the list says what the disagreement means.

A tool "fits" a disputed task when the matcher already listed the task with it (robots and
perception tools can reach tasks the exposure figures leave human), or when one of the tool's
own detailed work activities is linked to the task, or its task wording matches the task's
statement. Only tools the page shows are named.

When every task the score counts as unexposed is disputed, the safe list holds them too, each
reason ending with GPT-4's label (:func:`gpt4_disagrees`), and the note says so: the page then
still names the work the score counts as human. The reverse disagreement, human raters exposed
and GPT-4 unexposed, is one clause of the at-risk row's evidence (:func:`reverse_dispute`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ai_impact.reports import figures as fx
from ai_impact.reports.model import DisputedTask, Section, ToolEntry
from ai_impact.scoring.exposed import is_exposed

__all__ = [
    "GPT4_SAYS",
    "HEADING",
    "disputed_entries",
    "disputed_note",
    "gpt4_disagrees",
    "is_disputed",
    "reverse_dispute",
    "tools_fitting",
]

HEADING = "Disputed tasks: human raters say unexposed, GPT-4 says exposed"
GPT4_SAYS = {"E1": "an LLM alone does it", "E2": "software built on LLMs does it"}


def is_disputed(task: Any, score: Any) -> bool:
    """Labelled unexposed by the human raters (and so by the score), exposed by GPT-4."""
    return (
        getattr(task, "human_exposure", None) == "E0"
        and (getattr(task, "gpt4_exposure", None) or "") in GPT4_SAYS
        and not is_exposed(score)
    )


def gpt4_disagrees(task: Any) -> str:
    """The sentence ending a safe row whose task GPT-4 labels exposed ("" for any other task)."""
    gpt4 = getattr(task, "gpt4_exposure", None) or ""
    if getattr(task, "human_exposure", None) != "E0" or gpt4 not in GPT4_SAYS:
        return ""
    return f" GPT-4's label disagrees: it says {GPT4_SAYS[gpt4]} ({gpt4}); see Disputed tasks."


def reverse_dispute(task: Any) -> str:
    """The evidence clause of an at-risk task the human raters label exposed (E1 or E2) and
    GPT-4 not exposed (E0); "" for any other task."""
    human = getattr(task, "human_exposure", None)
    if human in GPT4_SAYS and getattr(task, "gpt4_exposure", None) == "E0":
        return "GPT-4's label: not exposed (E0)"
    return ""


def tools_fitting(
    catalog: Any, tools: Sequence[ToolEntry], text: str, dwa_ids: Sequence[str]
) -> tuple[str, ...]:
    """The page's tools that fit one task, in the page's order (see the module docstring)."""
    if not tools:
        return ()
    index = None
    if catalog is not None:
        from ai_impact.reports.tool_index import tool_index

        index = tool_index(catalog)
    by_name = {} if index is None else {t.name: pos for pos, t in enumerate(index.tools)}
    worded = frozenset[int]() if index is None else index.worded(text.lower())
    dwas = frozenset(dwa_ids)
    out = []
    for tool in tools:
        pos = by_name.get(tool.name)
        listed = text in tool.matched_tasks
        by_activity = pos is not None and index is not None and not index.dwas[pos].isdisjoint(dwas)
        if listed or by_activity or (pos is not None and pos in worded):
            out.append(tool.name)
    return tuple(out)


def _of(task: Any, origin: Mapping[str, str] | None) -> str:
    title = origin.get(task.code) if origin else None
    return f" It is a task of {title}." if title else ""


def _reason(gpt4: str, observed: bool, tools: Sequence[str]) -> str:
    text = f"Human raters: not exposed (E0). GPT-4: {GPT4_SAYS[gpt4]} ({gpt4})."
    if observed:
        text += " It already appears in conversations with an AI assistant (AEI)."
    if tools:
        fit = "fits" if len(tools) == 1 else "fit"
        text += f" {fx.and_list(list(tools))}, listed on this page, {fit} it."
    return text


def disputed_entries(
    pairs: Sequence[tuple[Any, Any]],
    tools: Sequence[ToolEntry],
    catalog: Any,
    activities: Sequence[Any] = (),
    *,
    origin: Mapping[str, str] | None = None,
    limit: int | None = None,
) -> tuple[tuple[DisputedTask, ...], int]:
    """The disputed tasks among (task, score) pairs, shown ones first, and how many there are.

    Tasks a tool on the page fits come first, then those with AI use observed today, then
    core tasks; ``limit`` cuts the list. ``origin`` maps an occupation code to its title when
    the tasks are borrowed from related occupations: the reason then names whose task it is,
    as the safe list does.
    """
    dwas: dict[int, list[str]] = {}
    for a in activities:
        dwas.setdefault(a.task_id, []).append(a.dwa_id)
    entries = []
    for task, score in pairs:
        if not is_disputed(task, score):
            continue
        fit = tools_fitting(catalog, tools, task.text, dwas.get(task.task_id, []))
        observed = (getattr(task, "aei_share", None) or 0.0) > 0
        gpt4 = task.gpt4_exposure
        entry = DisputedTask(
            task=task.text,
            task_type=task.task_type,
            human_label="E0",
            gpt4_label=gpt4,
            tools=fit,
            observed_use=observed,
            reason=_reason(gpt4, observed, fit) + _of(task, origin),
            source="labels",
        )
        order = (not fit, not observed, task.task_type != "Core", task.task_id)
        entries.append((order, entry))
    entries.sort(key=lambda e: e[0])
    shown = [e for _, e in entries]
    return tuple(shown if limit is None else shown[:limit]), len(entries)


def disputed_note(n_shown: int, n_disputed: int, n_unexposed: int | None = None) -> Section | None:
    """One note under the disputed list: what the disagreement means, and how many it covers.

    ``n_unexposed`` counts the tasks the score leaves unexposed; when it equals ``n_disputed``
    the safe list holds the disputed tasks too (:func:`~ai_impact.reports.tasks.split_tasks`),
    and the note says so instead of "rather than as remaining human".
    """
    if n_shown == 0:
        return None
    both = n_unexposed == n_disputed
    if n_disputed == 1:
        where = (
            "it is also listed as remaining human, as the score counts it, and here with "
            "GPT-4's label"
            if both
            else "it is listed here rather than as remaining human"
        )
        text = (
            "The human raters label one of its tasks not exposed and the risk score follows "
            f"them, but GPT-4's label says AI reaches it, so {where}."
        )
    else:
        where = (
            "they are also listed as remaining human, as the score counts them, and here with "
            "GPT-4's labels"
            if both
            else "they are listed here rather than as remaining human"
        )
        text = (
            f"The human raters label {n_disputed} of its tasks not exposed and the risk score "
            f"follows them, but GPT-4's labels say AI reaches them, so {where}."
        )
        if n_shown < n_disputed:
            text += f" The first {n_shown} are listed, those a tool on this page fits first."
    return Section("disputed_tasks", text)
