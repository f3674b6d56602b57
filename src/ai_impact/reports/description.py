"""The analysis of a person's own job description or task list.

The user's statements (:mod:`ai_impact.reports.jd_split`) are the tasks: each is scored by the
task model (source "model"), or, when it is word for word a labelled O*NET statement, by that
task's published label (source "human label", :mod:`ai_impact.scoring.known`), with the
industry adoption of the occupation the text rests on,
and they are aggregated with the same weights and formula as every O*NET occupation
(:mod:`ai_impact.risk.aggregate`, :mod:`ai_impact.risk.formula`), each statement weighing one
(supplemental) since a pasted list does not say which duties are core. Exposure and
substitution come from those statements; AI use observed today, the industry's adoption,
demand, pay, outlook, skills, certifications and related occupations come from the occupation
found for the text (:mod:`ai_impact.reports.description_match`), which the header names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from ai_impact.reports import narrative as nv
from ai_impact.reports.adaptation import adaptation_items
from ai_impact.reports.build import (
    exposure_breakdown,
    occupation_header,
    outlook_section,
    period_label,
    rated_profile,
    risk_summary,
    salary_section,
    section_gaps,
)
from ai_impact.reports.description_match import (
    OccupationMatch,
    combine_with_title,
    description_index,
)
from ai_impact.reports.engine import Engine
from ai_impact.reports.extras import certification_entries, tool_entries
from ai_impact.reports.figures import pct
from ai_impact.reports.jd_split import split_description
from ai_impact.reports.model import (
    ChangingProfession,
    MethodNote,
    OccupationReport,
    Section,
)
from ai_impact.reports.related import related_entries
from ai_impact.reports.serialize import report_to_dict
from ai_impact.reports.sources import method_note, source_refs
from ai_impact.reports.tasks import DescribedTask, split_tasks
from ai_impact.risk.aggregate import Aggregates, aggregate
from ai_impact.risk.build import RISK_VERSION, component_values, task_arrays
from ai_impact.risk.formula import category_of, risk_from_components
from ai_impact.risk.table import OccupationRisk
from ai_impact.scoring.exposed import exposed_mask

__all__ = ["DescribedReport", "describe_report", "description_row", "description_to_dict"]

_CONFIDENCE_WORDS = ((0.6, "a close match"), (0.3, "a likely match"), (0.0, "a tentative match"))


@dataclass(frozen=True, slots=True)
class DescribedReport(OccupationReport):
    """An :class:`OccupationReport` on a pasted text, with its statements and candidates."""

    statements: tuple[str, ...] = ()
    dropped_lines: int = 0
    title_given: str | None = None
    candidates: tuple[OccupationMatch, ...] = ()


def description_row(base: OccupationRisk, scores: list[Any]) -> OccupationRisk:
    """The occupation's risk record with exposure and substitution from the user's tasks."""
    n = len(scores)
    arrays = task_arrays([0] * n, [None] * n, [None] * n, scores)
    agg = aggregate(arrays, 1)
    cols = {
        name: np.asarray(getattr(agg, name), dtype=np.float64)
        for name in Aggregates.__dataclass_fields__
    }
    cols["ai_usage"] = np.asarray([np.nan if base.ai_usage is None else base.ai_usage])
    cols["adoption_value"] = np.asarray([base.values[3]])
    cols["demand_value"] = np.asarray([base.values[4]])
    mid, low, high = (
        float(risk_from_components(component_values(cols, k))[0]) for k in ("mid", "low", "high")
    )
    values = component_values(cols, "mid")
    keys = ("exposure", "substitution", "ai_usage", "adoption", "demand")

    def one(name: str) -> float:
        return float(cols[name][0])

    return replace(
        base,
        donors=(),
        basis="tasks",
        n_tasks=n,
        n_exposed=int(exposed_mask(arrays.p_none).sum()),
        beta=one("beta"),
        beta_low=one("beta_low"),
        beta_high=one("beta_high"),
        share_none=one("share_none"),
        share_alone=one("share_alone"),
        share_tools=one("share_tools"),
        automation=one("automation"),
        substitution=one("substitution"),
        substitution_low=one("substitution_low"),
        substitution_high=one("substitution_high"),
        labelled_share=one("labelled_share"),
        values=tuple(float(values[k][0]) for k in keys),
        score=mid,
        low=min(low, mid),
        high=max(high, mid),
        category=category_of(mid),
    )


def _confidence_words(conf: float) -> str:
    return next(words for cut, words in _CONFIDENCE_WORDS if conf >= cut)


def _note(
    occ: Any, n: int, labelled: int, best: OccupationMatch, others: list[OccupationMatch]
) -> str:
    """The header note: the tasks are the user's; the rest is the named occupation's."""
    found = "your title" if best.via == "title" else f"your {best.via}"
    alt = ""
    if others:
        alt = " Other close occupations: " + "; ".join(f"{m.title} ({m.code})" for m in others)
        alt += "."
    scored = "each scored by the task model"
    if labelled == 1:
        scored += " (1 of them is word for word an O*NET task statement and keeps its label)"
    elif labelled:
        scored += (
            f" ({labelled} of them are word for word O*NET task statements and keep their "
            "published labels)"
        )
    return (
        f"The {n} tasks below are the statements of your job description, {scored}. "
        f"Observed AI use, the industry's AI adoption, demand, pay, outlook, skills, "
        f"certifications and related occupations are those of {occ.title} ({occ.code}), "
        f"{_confidence_words(best.confidence)} for {found}.{alt}"
    )


def _usage_sentence(title: str, share: float | None) -> str:
    """Observed AI use is the occupation's: the user's own statements are not in that sample."""
    if share is None:
        return f"No observed-usage evidence is available for the tasks of {title}."
    return (
        f"Observed AI use is that of {title}: {pct(share)} of its O*NET task weight already "
        "appears in conversations with an AI assistant (Anthropic Economic Index); your own "
        "statements are not part of that sample."
    )


def _matches(engine: Engine, tasks: tuple[str, ...], title: str | None) -> list[OccupationMatch]:
    """Candidate occupations for the statements, with the title's resolution when given."""
    index = description_index(engine.kb, engine.settings.cache_dir, engine.key)
    by_text = index.rank(tasks, top=10)
    if not title:
        return by_text[:5]
    from ai_impact.errors import InputError
    from ai_impact.titles.resolver import Resolver

    try:
        res = Resolver.from_kb(engine.kb, settings=engine.settings).resolve(title, top=5)
    except InputError:
        return by_text[:5]
    return combine_with_title(by_text, res)


def describe_report(
    engine: Engine, text: str, *, title: str | None = None, area: str | None = None
) -> DescribedReport:
    """Every section of the analysis of a pasted job description or task list."""
    from ai_impact.scoring import score_tasks

    split = split_description(text)
    title = (title or "").strip() or split.title
    matches = _matches(engine, split.tasks, title)
    best, others = matches[0], matches[1:4]
    kb, table = engine.kb, engine.table
    occ = kb.occupation(best.code)
    base = table.row(occ.code)
    scores = score_tasks(kb, list(split.tasks), adoption_pct=base.adoption_pct)
    labelled = {s.task for s in scores if s.source == "human label"}
    row = description_row(base, scores)
    tasks = [DescribedTask(-(i + 1), occ.code, t) for i, t in enumerate(split.tasks)]
    at_risk, safe, _, _ = split_tasks(tasks, scores)
    safe = tuple(
        replace(
            s,
            reason=(
                "From your description; it is an O*NET task statement whose published label "
                f"keeps it human; it rests on {s.capability}."
                if s.task in labelled
                else f"From your description; the task model rates it as resting on {s.capability}."
            ),
        )
        for s in safe
    )
    risk = risk_summary(row)
    exposure = exposure_breakdown(row)
    outlook = outlook_section(occ.title, kb.projection(occ.code))
    caps = Counter(s.capability for s in scores if s.capability)
    capability = caps.most_common(1)[0][0] if caps else None
    period = period_label(row.adoption_period)
    changing = ChangingProfession(
        exposure=exposure,
        adoption_pct=row.adoption_pct,
        adoption_sector=row.adoption_sector,
        adoption_period=period,
        demand_change_pct=row.change_pct,
        sentences=(
            nv.exposure_sentence(exposure),
            nv.substitution_sentence(exposure),
            _usage_sentence(occ.title, row.ai_usage),
            nv.adoption_sentence(
                row.adoption_sector, row.adoption_pct, row.adoption_all_pct, period
            ),
            nv.demand_sentence(row.change_pct, row.openings_annual),
        ),
        adoption_all_sectors_pct=row.adoption_all_pct,
    )
    gaps: list[Section] = []
    salary = salary_section(engine, occ, row, area, gaps)
    techs = kb.technologies(occ.code)
    tools = tool_entries(engine.tools, tasks, [s.beta for s in scores], [], techs)
    skills, knowledge, rated_from, ratings_note = rated_profile(engine, occ, row)
    related = related_entries(
        occ.code,
        table,
        [r.code for r in kb.related(occ.code)],
        engine.neighbours,
        engine.by_industry.get(occ.industry_slug, []),
    )
    safer = [r for r in related if r.relation == "safer move"]
    adaptation = adaptation_items(
        skills, knowledge, techs, engine.correlations, safer, row.score, capability, rated_from
    )
    certs = certification_entries(
        engine.certifications,
        skills,
        knowledge,
        [*techs, *kb.tools_used(occ.code)],
        [],
        [a.element_id for a in adaptation if a.element_id and a.kind != "transition"],
        " ".join([occ.title, *split.tasks]),
    )
    overview = [
        nv.risk_sentence("the tasks you described", risk),
        nv.drivers_sentence(risk.components),
    ]
    if ts := nv.tasks_sentence(at_risk[0] if at_risk else None, safe[0] if safe else None):
        overview.append(ts)
    if outlook is not None:
        overview.append(outlook.sentence)
    gaps += section_gaps(row, at_risk, safe, tools, outlook, adaptation, certs, related, engine)
    note = _note(occ, len(split.tasks), len(labelled), best, others)
    if ratings_note:
        note = f"{note} {ratings_note}"
    method = method_note(engine.model_version, f"knowledge base {engine.key.split('-')[0]}")
    method = MethodNote(
        method.model_version,
        method.data_version,
        (
            "Tasks come from your own text: each is scored by the task model, except a "
            "statement that is word for word a labelled O*NET task, which keeps its published "
            "label; each counts once (a pasted list does not say which duties are core).",
            *method.notes,
        ),
    )
    return DescribedReport(
        header=occupation_header(
            occ, resolved_from=title or "your job description", rests_on=(occ.code,), note=note
        ),
        risk=risk,
        overview=tuple(overview),
        changing=changing,
        tasks_at_risk=at_risk,
        safe_tasks=safe,
        ai_tools=tools,
        salary=salary,
        outlook=outlook,
        adaptation=adaptation,
        certifications=certs,
        related=related,
        method=method,
        sources=source_refs(kb.sources(), engine.model_version, RISK_VERSION, engine.catalog_refs),
        gaps=tuple(gaps),
        statements=split.tasks,
        dropped_lines=split.dropped,
        title_given=title,
        candidates=tuple(matches),
    )


def description_to_dict(report: OccupationReport) -> dict[str, Any]:
    """The JSON of ``analyze --format json`` plus, for a pasted text, a ``description`` key."""
    out = report_to_dict(report)
    if isinstance(report, DescribedReport):
        out["description"] = {
            "statements": list(report.statements),
            "dropped_lines": report.dropped_lines,
            "title": report.title_given,
            "candidates": [asdict(m) for m in report.candidates],
        }
    return out
