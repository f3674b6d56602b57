"""Score tasks: exposure, β with its band, automation, mode, timeline and protecting capability.

Two entry points. :func:`score_texts` runs any text through the shipped model.
:func:`score_known_tasks` takes O*NET tasks from the knowledge base and uses the published
human label where there is one (GPT-4's label as a second opinion that widens the band when
it disagrees), GPT-4's automation level, the task's AEI usage share and its work activities;
only unlabelled tasks go through the model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from ai_impact.errors import InputError
from ai_impact.scoring.capability import CAPABILITIES, capability_from_gwas
from ai_impact.scoring.exposed import is_exposed, is_exposed_p
from ai_impact.scoring.model import Predictions, TaskModel, load_model
from ai_impact.scoring.phrasing import task_statement
from ai_impact.scoring.timeline import Timeline, timeline_for, with_released_tool

if TYPE_CHECKING:
    from ai_impact.db.models import Task, TaskActivity

__all__ = [
    "LABEL_BETA",
    "SUBSTITUTE_LEVEL",
    "TaskScore",
    "predict_free_text",
    "score_known_tasks",
    "score_texts",
    "with_tool_timeline",
]

SUBSTITUTE_LEVEL = 2.5  # expected automation closer to T3 (AI does it, a person checks)
LABEL_BETA = {"E0": 0.0, "E1": 1.0, "E2": 0.5}  # β of a task carrying each label
_BAND_MARGIN = 0.05  # a model's β is uncertain beyond its members' spread


@dataclass(frozen=True)
class TaskScore:
    """Everything the analysis says about one task, with the evidence behind it."""

    task: str
    exposure: dict[str, float]  # P(E0), P(E1), P(E2)
    beta: float  # P(E1) + ½·P(E2)
    beta_low: float
    beta_high: float
    automation: float  # expected level on the 0–4 scale of T0–T4
    mode: str  # 'substitute' | 'assist' | 'none'
    timeline: str  # one of ai_impact.scoring.timeline.BUCKETS
    timeline_reason: str
    capability: str | None  # one of CAPABILITIES when the task stays human, else None
    capability_source: str | None  # 'work activities' | 'model' | None
    source: str  # 'labels' (published human label) | 'model': the key of a report's source
    aei_share: float | None = None  # % of Anthropic Economic Index conversations
    adoption_pct: float | None = None  # % of firms in the industry using AI (BTOS)
    gpt4_exposure: str | None = None  # the second opinion, for labelled tasks


def _mode(p_none: float, automation: float) -> str:
    if not is_exposed_p(p_none):
        return "none"
    return "substitute" if automation >= SUBSTITUTE_LEVEL else "assist"


def _build(
    text: str,
    p: Sequence[float],
    band: tuple[float, float],
    automation: float,
    *,
    source: str,
    capability: tuple[str | None, str | None],
    aei_share: float | None,
    adoption_pct: float | None,
    gpt4: str | None = None,
) -> TaskScore:
    beta = float(p[1] + 0.5 * p[2])
    mode = _mode(float(p[0]), automation)
    label = None
    if source == "labels":
        label = ("E0", "E1", "E2")[int(np.argmax(p))]
    tl = timeline_for(
        float(p[1]),
        float(p[2]),
        automation,
        aei_share=aei_share,
        adoption_pct=adoption_pct,
        label=label,
    )
    cap, cap_source = capability if mode == "none" else (None, None)
    return TaskScore(
        task=text,
        exposure={"E0": float(p[0]), "E1": float(p[1]), "E2": float(p[2])},
        beta=round(beta, 4),
        beta_low=round(max(0.0, min(band[0], beta)), 4),
        beta_high=round(min(1.0, max(band[1], beta)), 4),
        automation=round(automation, 3),
        mode=mode,
        timeline=tl.bucket,
        timeline_reason=tl.reason,
        capability=cap,
        capability_source=cap_source,
        source=source,
        aei_share=aei_share,
        adoption_pct=adoption_pct,
        gpt4_exposure=gpt4,
    )


def with_tool_timeline(score: TaskScore, tool: str) -> TaskScore:
    """``score`` with the timeline a released product made for the task gives it
    (:func:`~ai_impact.scoring.timeline.with_released_tool`): unchanged when the task stays
    human or is already at 1–2 years or earlier."""
    before = Timeline(score.timeline, score.timeline_reason)
    after = with_released_tool(before, tool, exposed=is_exposed(score))
    if after is before:
        return score
    return replace(score, timeline=after.bucket, timeline_reason=after.reason)


def _from_model(
    texts: Sequence[str],
    preds: Predictions,
    *,
    aei: Sequence[float | None],
    adoption_pct: float | None,
    capabilities: Sequence[str | None] | None = None,
) -> list[TaskScore]:
    expected = preds.automation @ np.arange(preds.automation.shape[1], dtype=np.float32)
    members = preds.member_beta
    out = []
    for i, text in enumerate(texts):
        known_cap = capabilities[i] if capabilities is not None else None
        cap = (
            (known_cap, "work activities")
            if known_cap is not None
            else (CAPABILITIES[int(preds.capability[i].argmax())], "model")
        )
        band = (
            float(members[i].min()) - _BAND_MARGIN,
            float(members[i].max()) + _BAND_MARGIN,
        )
        out.append(
            _build(
                text,
                preds.exposure[i].tolist(),
                band,
                float(expected[i]),
                source="model",
                capability=cap,
                aei_share=aei[i],
                adoption_pct=adoption_pct,
            )
        )
    return out


def predict_free_text(texts: Sequence[str], model: TaskModel | None = None) -> Predictions:
    """The model's probabilities for free text, each text first rewritten as an O*NET
    statement (:func:`~ai_impact.scoring.phrasing.task_statement`): the free-text path of
    :func:`score_texts`. ``model``: another artefact than the shipped one (benchmarks)."""
    return (model or load_model()).predict([task_statement(t) for t in texts])


def score_texts(
    texts: Sequence[str],
    *,
    adoption_pct: float | None = None,
    aei_shares: Sequence[float | None] | None = None,
) -> list[TaskScore]:
    """Score free task texts with the shipped model (one batch, vectorised)."""
    texts = list(texts)
    blank = [i for i, t in enumerate(texts) if not t.strip()]
    if blank:
        raise InputError(
            f"Task text number {blank[0] + 1} is empty.",
            hint="Give every task as a non-empty sentence.",
        )
    if aei_shares is not None and len(aei_shares) != len(texts):
        raise InputError(
            f"Got {len(aei_shares)} AEI shares for {len(texts)} texts.",
            hint="Pass one share (or None) per text.",
        )
    if not texts:
        return []
    preds = predict_free_text(texts)
    aei = list(aei_shares) if aei_shares is not None else [None] * len(texts)
    return _from_model(texts, preds, aei=aei, adoption_pct=adoption_pct)


def score_known_tasks(
    tasks: Sequence[Task],
    activities: Sequence[TaskActivity],
    *,
    adoption_pct: float | None = None,
) -> list[TaskScore]:
    """Score knowledge-base tasks: human labels where published, the model otherwise."""
    gwas: dict[int, list[str]] = defaultdict(list)
    for act in activities:
        gwas[act.task_id].append(act.dwa_id or act.iwa_id)  # DWA, IWA and GWA votes
    caps = [capability_from_gwas(gwas.get(t.task_id, ())) for t in tasks]
    # The model runs for unlabelled tasks, and for labelled ones missing an automation level
    # or work activities (the model then supplies only that missing piece).
    idx = [
        i
        for i, t in enumerate(tasks)
        if t.human_exposure is None or t.gpt4_automation is None or caps[i] is None
    ]
    row = {i: r for r, i in enumerate(idx)}
    scored: list[TaskScore] = []
    preds: Predictions | None = None
    if idx:
        preds = load_model().predict([tasks[i].text for i in idx])
        scored = _from_model(
            [tasks[i].text for i in idx],
            preds,
            aei=[tasks[i].aei_share for i in idx],
            adoption_pct=adoption_pct,
            capabilities=[caps[i] for i in idx],
        )
    out = []
    for i, t in enumerate(tasks):
        if t.human_exposure is None:
            out.append(scored[row[i]])
            continue
        p = [1.0 if t.human_exposure == e else 0.0 for e in ("E0", "E1", "E2")]
        values = [LABEL_BETA[t.human_exposure]]
        if t.gpt4_exposure is not None:
            values.append(LABEL_BETA[t.gpt4_exposure])
        if t.gpt4_automation is not None:
            automation = float(t.gpt4_automation)
        else:
            automation = scored[row[i]].automation
        if caps[i] is not None:
            cap: tuple[str | None, str | None] = (caps[i], "work activities")
        else:
            assert preds is not None  # idx holds i, so the model ran
            cap = (CAPABILITIES[int(preds.capability[row[i]].argmax())], "model")
        out.append(
            _build(
                t.text,
                p,
                (min(values), max(values)),
                automation,
                source="labels",
                capability=cap,
                aei_share=t.aei_share,
                adoption_pct=adoption_pct,
                gpt4=t.gpt4_exposure,
            )
        )
    return out
