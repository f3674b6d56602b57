"""The analysis of a person's own job description or task list.

The user's statements (:mod:`ai_impact.reports.jd_split`) are the tasks: each is scored by the
task model (source "model"), or, when it is word for word a labelled O*NET statement, by that
task's published label (source "labels", :mod:`ai_impact.scoring.known`; the found occupation's
own label when the statement is one of its tasks), with the industry adoption of the occupation
the text rests on,
and they are aggregated with the same weights and formula as every O*NET occupation
(:mod:`ai_impact.risk.aggregate`, :mod:`ai_impact.risk.formula`), each statement weighing one
(supplemental) since a pasted list does not say which duties are core. Exposure and
substitution come from those statements; AI use observed today, the industry's adoption,
demand, pay, outlook, skills, certifications and related occupations come from the occupation
found for the text (:mod:`ai_impact.reports.description_match`), which the header names; the
count of tasks seen in use is the user's own statements that are in the AEI sample. A statement
that stays human gets its capability from the pooled evidence of
:mod:`ai_impact.reports.description_capability`. Lines the splitter set aside (requirements,
benefits, company lines, ...) are named in the header, quoted in the method notes and listed
in the JSON (``description.not_scored``); the page's own sentences are in
:mod:`ai_impact.reports.description_text`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from ai_impact.reports import narrative as nv
from ai_impact.reports.adaptation import pairs_with_ai
from ai_impact.reports.beyond_language import mark_safe_tasks, overview_sentence
from ai_impact.reports.build import adaptation_section, occupation_header, section_gaps
from ai_impact.reports.description_capability import with_text_capabilities
from ai_impact.reports.description_match import (
    DescriptionIndex,
    OccupationMatch,
    combine_with_title,
    description_index,
)
from ai_impact.reports.description_text import (
    header_note,
    safe_reason,
    set_aside_notes,
    usage_sentence,
)
from ai_impact.reports.engine import Engine
from ai_impact.reports.extras import certification_entries, tool_entries
from ai_impact.reports.jd_kinds import SetAside
from ai_impact.reports.jd_split import split_description
from ai_impact.reports.model import (
    ChangingProfession,
    MethodNote,
    OccupationReport,
    Section,
)
from ai_impact.reports.pay_outlook import (
    outlook_brief,
    outlook_section,
    salary_section,
    shared_figure_notes,
)
from ai_impact.reports.related import related_entries
from ai_impact.reports.related_note import no_safer_move
from ai_impact.reports.report_basis import rated_profile
from ai_impact.reports.risk_sections import exposure_breakdown, period_label, risk_summary
from ai_impact.reports.serialize import report_to_dict
from ai_impact.reports.shared_figures import projection_group
from ai_impact.reports.sources import CORE_TASKS_NOTE, method_note, source_refs
from ai_impact.reports.tasks import DescribedTask, split_tasks
from ai_impact.risk.aggregate import Aggregates, aggregate
from ai_impact.risk.build import RISK_VERSION, component_values, task_arrays
from ai_impact.risk.formula import category_of, risk_from_components
from ai_impact.risk.table import OccupationRisk
from ai_impact.scoring.exposed import exposed_mask

__all__ = ["DescribedReport", "describe_report", "description_row", "description_to_dict"]

# Other candidates the header names as close: below this confidence they are noise ("Team
# Assemblers" for a software engineer's ad); the JSON and the describe page list them all.
_OTHER_MIN = 0.05


@dataclass(frozen=True, slots=True)
class DescribedReport(OccupationReport):
    """An :class:`OccupationReport` on a pasted text, with its statements and candidates."""

    statements: tuple[str, ...] = ()
    dropped_lines: int = 0
    title_given: str | None = None
    candidates: tuple[OccupationMatch, ...] = ()
    set_aside: tuple[SetAside, ...] = ()


def description_row(base: OccupationRisk, scores: list[Any]) -> OccupationRisk:
    """The occupation's risk record with exposure and substitution from the user's tasks.

    Observed AI use (the risk component) stays the occupation's; ``n_observed`` counts the
    user's statements that carry AEI evidence themselves (word-for-word O*NET tasks seen in
    the Anthropic Economic Index), not the occupation's tasks."""
    n = len(scores)
    aei = [getattr(s, "aei_share", None) for s in scores]
    arrays = task_arrays([0] * n, [None] * n, aei, scores)
    agg = aggregate(arrays, 1)
    cols = {
        name: np.asarray(getattr(agg, name), dtype=np.float64)
        for name in Aggregates.__dataclass_fields__
    }
    cols["ai_usage"] = np.asarray([np.nan if base.ai_usage is None else base.ai_usage])
    cols["usage_fill"] = np.asarray([base.values[2]])  # the occupation's value when unknown
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
        n_observed=int(arrays.observed_use.sum()),
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


def _matches(
    engine: Engine, index: DescriptionIndex, tasks: tuple[str, ...], title: str | None
) -> list[OccupationMatch]:
    """Candidate occupations for the statements, with the title's resolution when given."""
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


def _known_title_words(engine: Engine) -> Callable[[str], bool]:
    """Whether a text holds a word of some O*NET or alias title (the title index, opened on
    first use): the splitter tells a CV's name line ("Jane Doe") from a title by it."""

    def known(text: str) -> bool:
        from ai_impact.titles.resolver import Resolver

        return bool(Resolver.from_kb(engine.kb, settings=engine.settings).known_words(text))

    return known


def describe_report(
    engine: Engine, text: str, *, title: str | None = None, area: str | None = None
) -> DescribedReport:
    """Every section of the analysis of a pasted job description or task list."""
    from ai_impact.scoring import score_tasks

    split = split_description(text, known_title_words=_known_title_words(engine))
    title = (title or "").strip() or split.title
    index = description_index(engine.kb, engine.settings.cache_dir, engine.key)
    matches = _matches(engine, index, split.tasks, title)
    best, others = matches[0], [m for m in matches[1:4] if m.confidence >= _OTHER_MIN]
    kb, table = engine.kb, engine.table
    occ = kb.occupation(best.code)
    base = table.row(occ.code)
    scores = score_tasks(kb, list(split.tasks), adoption_pct=base.adoption_pct, occupation=occ.code)
    scores, cited = with_text_capabilities(kb, index, scores, occ.code)
    labelled = {s.task for s in scores if s.source == "labels"}
    cited_by_task = {scores[i].task: text for i, text in cited.items()}
    row = description_row(base, scores)
    tasks = [DescribedTask(-(i + 1), occ.code, t) for i, t in enumerate(split.tasks)]
    at_risk, safe, _, _ = split_tasks(tasks, scores, every=True)
    safe = tuple(
        replace(s, reason=safe_reason(s, labelled, cited_by_task, occ.title)) for s in safe
    )
    risk = risk_summary(row)
    exposure = exposure_breakdown(row)
    outlook = outlook_section(
        occ.title, kb.projection(occ.code), average=engine.all_occupations_change
    )
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
            usage_sentence(occ.title, row.ai_usage, row.n_observed, row.n_tasks),
            nv.adoption_sentence(
                row.adoption_sector, row.adoption_pct, row.adoption_all_pct, period
            ),
            nv.demand_sentence(
                row.change_pct,
                row.openings_annual,
                group=projection_group(occ.title, kb.projection(occ.code)),
            ),
        ),
        adoption_all_sectors_pct=row.adoption_all_pct,
    )
    gaps: list[Section] = []
    salary = salary_section(engine, occ, row, area, gaps)
    gaps += shared_figure_notes(engine, occ, salary, kb.projection(occ.code))
    techs = kb.technologies(occ.code)
    tools = tool_entries(engine.tools, tasks, [s.beta for s in scores], [], techs)
    safe = mark_safe_tasks(engine.tools, tools, safe)
    rated = rated_profile(engine, occ, row)
    skills, knowledge, rated_from, ratings_note, _ = rated
    related = related_entries(
        occ.code,
        table,
        [r.code for r in kb.related(occ.code)],
        engine.neighbours,
        engine.by_industry.get(occ.industry_slug, []),
        score=row.score,
    )
    adaptation = adaptation_section(
        engine,
        rated,
        techs,
        related,
        row.score,
        capability,
        any_exposed=pairs_with_ai(exposure.n_exposed, exposure.beta),
        code=occ.code,
    )
    certs = certification_entries(
        engine.certifications,
        skills,
        knowledge,
        [*techs, *kb.tools_used(occ.code)],
        [],
        [a.element_id for a in adaptation if a.element_id and a.kind != "transition"],
        " ".join(split.tasks),
        occ.title,
        rated_from=rated_from,
    )
    overview = [
        nv.risk_sentence("the tasks you described", risk),
        nv.drivers_sentence(risk.components),
    ]
    if ts := nv.tasks_sentence(at_risk[0] if at_risk else None, safe[0] if safe else None):
        overview.append(ts)
    if arriving := overview_sentence(engine.tools, safe):
        overview.append(arriving)
    if outlook is not None:
        overview.append(outlook_brief(outlook))  # in full in the Outlook
    gaps += section_gaps(row, at_risk, safe, tools, outlook, adaptation, certs, related, engine)
    if why := no_safer_move(occ.code, related, table, engine.neighbours, row.score):
        gaps.append(Section("related", why))
    note = header_note(occ, len(split.tasks), len(labelled), best, others)
    aside_header, aside_notes = set_aside_notes(split.set_aside)
    if aside_header:
        note = f"{note} {aside_header}"
    if ratings_note:
        note = f"{note} {ratings_note}"
    method = method_note(engine.model_version, f"knowledge base {engine.key.split('-')[0]}")
    method = MethodNote(
        method.model_version,
        method.data_version,
        (
            "Tasks come from your own text: each is scored by the task model, except a "
            "statement that is word for word a labelled O*NET task, which keeps its published "
            f"label (where occupations label a statement differently, the label it has in "
            f"{occ.title}, else the most common); each counts once (a pasted list does not say "
            "which duties are core).",
            *aside_notes,
            *(n for n in method.notes if n != CORE_TASKS_NOTE),  # each statement counts once
        ),
    )
    return DescribedReport(
        header=occupation_header(
            # untitled: no "You asked for “your job description”", a phrase the user never typed
            occ,
            resolved_from=title or None,
            rests_on=(occ.code,),
            note=note,
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
        set_aside=split.set_aside,
    )


def description_to_dict(report: OccupationReport) -> dict[str, Any]:
    """The JSON of ``analyze --format json`` plus, for a pasted text, a ``description`` key."""
    out = report_to_dict(report)
    if isinstance(report, DescribedReport):
        out["description"] = {
            "statements": list(report.statements),
            "dropped_lines": report.dropped_lines,
            "not_scored": [{"text": a.text, "kind": a.kind} for a in report.set_aside],
            "title": report.title_given,
            "candidates": [asdict(m) for m in report.candidates],
        }
    return out
