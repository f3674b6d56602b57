"""Sections 4 and 5: the tasks AI reaches (ranked, with timeline and evidence) and those it doesn't.

A task is "at risk" when the scoring layer's rule calls it exposed (``is_exposed``: P(E0) < 0.5,
the same rule the timeline uses), otherwise it stays human and shows the capability that
protects it (derived by the scoring layer from the task's work activities). A task the human
raters label unexposed while GPT-4 labels it exposed is listed apart as disputed
(:mod:`ai_impact.reports.disputed`), not as safe, unless every unexposed task is disputed: the
safe list then holds them all, each marked with GPT-4's label, so the page still names the work
the risk score counts as human. An at-risk task GPT-4 labels unexposed (the reverse dispute) says
so in its evidence.

At-risk tasks are ranked by how much of the task AI could take over (:func:`takeover_order`),
not by β alone: β is 1.0 for every "an LLM alone" (E1) label and 0.5 for every "with tools"
(E2) one, so on its own it put meetings and advice an LLM merely helps with above work AI can
complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ai_impact.reports.disputed import gpt4_disagrees, is_disputed, reverse_dispute
from ai_impact.reports.model import SafeTask, Section, TaskAtRisk
from ai_impact.scoring.exposed import is_exposed

__all__ = [
    "MAX_AT_RISK",
    "MAX_SAFE",
    "DescribedTask",
    "score_source",
    "shown_notes",
    "split_tasks",
    "takeover_order",
]

MAX_AT_RISK = 10
MAX_SAFE = 8


@dataclass(frozen=True, slots=True)
class DescribedTask:
    """A sentence of an occupation's description standing in for task statements O*NET lacks."""

    task_id: int
    code: str
    text: str
    task_type: str | None = None
    aei_share: float | None = None


def score_source(score_origin: str) -> str:
    """The report's source key for a task score: published labels or the task model."""
    return "model" if score_origin == "model" else "labels"


def _core_first(task_type: str | None) -> int:
    return 0 if task_type == "Core" else 1


def takeover_order(task: Any, score: Any) -> tuple[float, int, float, float]:
    """Sort key of an exposed task, most taken over first.

    First the task's substitution share, P(exposed) × automation / 4 (the per-task form of the
    risk score's substitution component: how much of the task AI could complete rather than
    only speed up, rounded to 0.01 so near-ties fall through); then core before supplemental
    tasks, since core tasks are the job; then β (an LLM alone before software still to be
    built); then the automation level.
    """
    exposed = 1.0 - float(score.exposure.get("E0", 0.0))
    takeover = round(exposed * float(score.automation) / 4.0, 2)
    return (-takeover, _core_first(task.task_type), -float(score.beta), -float(score.automation))


def _doubts(task: Any) -> str:
    """What speaks against "safe" for a labelled task: use seen today, and GPT-4's label where
    it disagrees (only when every unexposed task is disputed: see :func:`split_tasks`)."""
    doubts = ""
    if (getattr(task, "aei_share", None) or 0.0) > 0:
        doubts += (
            " People already ask AI assistants about this work (seen in the Anthropic Economic "
            "Index), though the human raters judged the task itself not exposed."
        )
    return doubts + gpt4_disagrees(task)


def _safe_reason(score: Any, dwas: Sequence[str], task: Any = None) -> str:
    """Why a task stays human: the work activities that call for its protecting capability,
    and what speaks against it (use observed today)."""
    cap = score.capability or "judgment under ambiguity"
    doubts = _doubts(task) if task is not None else ""
    if score.capability_source == "work activities" and dwas:
        listed = "; ".join(d.rstrip(".") for d in dwas[:2])
        return f"Its O*NET work activities ({listed}) call for {cap}.{doubts}"
    return (
        f"O*NET links no work activity to this task; the task model rates it as resting on {cap}."
        + doubts
    )


def split_tasks(
    tasks: Sequence[Any],
    scores: Sequence[Any],
    origin: dict[str, str] | None = None,
    activities: Sequence[Any] = (),
    *,
    every: bool = False,
    described: bool = False,
) -> tuple[tuple[TaskAtRisk, ...], tuple[SafeTask, ...], int, int]:
    """At-risk and safe tasks (shown ones) plus the counts of each over all tasks.

    Disputed tasks (:func:`~ai_impact.reports.disputed.is_disputed`) are in neither list nor
    count (the builder lists them apart), except when no unexposed task is undisputed: the safe
    list and its count are then the disputed tasks, each reason ending with GPT-4's label, since
    the risk score counts them as human work.

    ``origin`` maps an occupation code to its title when the tasks were borrowed from related
    occupations; each entry then names the occupation it comes from ("a task of X", or, when
    ``described``, the tasks being sentences of descriptions, "from the description of X").
    Only the first :data:`MAX_AT_RISK` / :data:`MAX_SAFE` are shown unless ``every`` (a user's
    own task list: none of their statements is left out).
    """
    dwas: dict[int, list[str]] = {}
    for a in activities:
        dwas.setdefault(a.task_id, []).append(a.dwa_title)
    pairs = list(zip(tasks, scores, strict=True))
    exposed = [(t, s) for t, s in pairs if is_exposed(s)]
    unexposed = [(t, s) for t, s in pairs if not is_exposed(s)]
    safe = [(t, s) for t, s in unexposed if not is_disputed(t, s)] or unexposed
    exposed.sort(key=lambda p: takeover_order(*p))
    safe.sort(key=lambda p: (_core_first(p[0].task_type), p[1].beta, p[0].task_id))

    def borrowed(t: Any) -> str | None:
        return origin.get(t.code) if origin else None

    # The occupation a borrowed task comes from: one more clause of the evidence list, one more
    # sentence after the reason (never a parenthesis after its full stop).
    of = "from the description of" if described else "a task of"

    def evidence(t: Any, s: Any) -> str:
        title = borrowed(t)
        said: str = s.timeline_reason
        if gpt4 := reverse_dispute(t):  # said next to the human raters' label when it leads
            head, sep, rest = said.partition("; ")
            lead = head.startswith("human raters")
            said = f"{head}; {gpt4}{sep}{rest}" if lead else f"{said}; {gpt4}"
        return said + (f"; {of} {title}" if title else "")

    def reason(t: Any, s: Any) -> str:
        title = borrowed(t)
        text = _safe_reason(s, dwas.get(t.task_id, []), t)
        return text + (f" It is {of} {title}." if title else "")

    at_risk = tuple(
        TaskAtRisk(
            task=t.text,
            task_type=t.task_type,
            exposure={k: float(v) for k, v in s.exposure.items()},
            beta=float(s.beta),
            automation=float(s.automation),
            mode=s.mode,
            timeline=s.timeline,
            evidence=evidence(t, s),
            source=score_source(s.source),
        )
        for t, s in (exposed if every else exposed[:MAX_AT_RISK])
    )
    kept = tuple(
        SafeTask(
            task=t.text,
            task_type=t.task_type,
            beta=float(s.beta),
            capability=s.capability or "judgment under ambiguity",
            reason=reason(t, s),
            source=score_source(s.source),
        )
        for t, s in (safe if every else safe[:MAX_SAFE])
    )
    return at_risk, kept, len(exposed), len(safe)


def shown_notes(n_at_risk: int, n_exposed: int, n_kept: int, n_safe: int) -> list[Section]:
    """Notes for task lists cut to their first entries: how many are shown of how many."""
    notes = []
    if 0 < n_at_risk < n_exposed:
        notes.append(
            Section(
                "tasks_at_risk",
                f"{n_at_risk} of its {n_exposed} exposed tasks are listed, those AI could take "
                "over most first.",
            )
        )
    if 0 < n_kept < n_safe:
        notes.append(
            Section(
                "safe_tasks",
                f"{n_kept} of its {n_safe} tasks that stay human are listed, core tasks first.",
            )
        )
    return notes
