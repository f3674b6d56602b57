"""Assemble one :class:`OccupationReport` from the engine: every section, or a stated gap.

The risk figures come from the precomputed risk table; only the occupation's own tasks are
scored again (with its industry's adoption, which moves their timelines), which keeps a report
to a few milliseconds. Titles that rest on several occupations (an alias such as "Machine
Learning Engineer") blend the candidates' components with their confidences as weights.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ai_impact.reports import narrative as nv
from ai_impact.reports.adaptation import adaptation_items, pairs_with_ai
from ai_impact.reports.beyond_language import mark_safe_tasks, overview_sentence, task_iwas
from ai_impact.reports.disputed import disputed_entries, disputed_note
from ai_impact.reports.engine import Engine
from ai_impact.reports.extras import certification_entries, entries_of, tool_matches
from ai_impact.reports.model import (
    AdaptationItem,
    ChangingProfession,
    Header,
    OccupationReport,
    Outlook,
    RelatedEntry,
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
from ai_impact.reports.report_basis import RatedProfile, page_basis, rated_profile, tasks_of
from ai_impact.reports.risk_sections import (
    exposure_breakdown,
    period_label,
    range_sentence,
    risk_summary,
)
from ai_impact.reports.shared_figures import projection_group
from ai_impact.reports.sources import method_note, source_refs
from ai_impact.reports.tasks import MAX_SAFE, shown_notes, split_tasks
from ai_impact.reports.tool_timeline import tool_timelines
from ai_impact.risk.blend import blend_rows
from ai_impact.risk.build import RISK_VERSION
from ai_impact.risk.table import OccupationRisk

__all__ = [
    "adaptation_section",
    "build_report",
    "none_at_risk",
    "none_safe",
    "occupation_header",
    "section_gaps",
]


def build_report(
    engine: Engine,
    code: str,
    *,
    area: str | None = None,
    resolved_from: str | None = None,
    blend: Sequence[tuple[str, float]] = (),
) -> OccupationReport:
    """Every section of the analysis of one occupation (or of a blend led by ``code``)."""
    kb, table = engine.kb, engine.table
    occ = kb.occupation(code)
    parts = list(blend) if len(blend) > 1 else [(occ.code, 1.0)]
    row = blend_rows([table.row(c) for c, _ in parts], [w for _, w in parts])
    rests_on, note, task_codes = page_basis(engine, occ, row, parts)
    origin = None if task_codes == [occ.code] else {c: table.row(c).title for c in task_codes}
    described = occ if row.basis == "description" and len(parts) == 1 else None
    tasks, scores, acts = tasks_of(engine, task_codes, row.adoption_pct, described)
    if described is not None and any(t.code != occ.code for t in tasks):
        # a definition-only "All Other" reads its group's descriptions: name whose each is
        origin = {t.code: table.row(t.code).title for t in tasks}
    matches = tool_matches(
        engine.tools, tasks, [s.beta for s in scores], acts, kb.technologies(occ.code)
    )
    # a listed product made for a task brings its timeline to 1–2 years at the latest
    scores = tool_timelines(tasks, scores, matches)
    at_risk, safe, n_exposed, n_safe = split_tasks(
        tasks, scores, origin, acts, described=described is not None
    )
    # Every "N of its M tasks" on the page counts the tasks it lists. A blend or a set of donors
    # lists a statement they share once, where the table summed each occupation's count.
    row = replace(
        row,
        n_tasks=len(tasks),
        n_exposed=n_exposed,
        n_observed=sum(1 for s in scores if (getattr(s, "aei_share", None) or 0.0) > 0.0),
    )
    gaps: list[Section] = shown_notes(len(at_risk), n_exposed, len(safe), n_safe)
    blended = len(parts) > 1
    risk = risk_summary(row, blended=blended)
    tools = entries_of(matches)
    safe = mark_safe_tasks(engine.tools, tools, safe, task_iwas(tasks, acts))
    disputed, n_disputed = disputed_entries(
        list(zip(tasks, scores, strict=True)),
        tools,
        engine.tools,
        acts,
        origin=origin,
        limit=MAX_SAFE,
    )
    if note_d := disputed_note(len(disputed), n_disputed, len(tasks) - n_exposed):
        gaps.append(note_d)
    exposure = replace(exposure_breakdown(row), n_disputed=n_disputed)
    proj = kb.projection(occ.code)
    outlook = outlook_section(occ.title, proj, named=blended, average=engine.all_occupations_change)
    caps = Counter(s.capability for s in scores if s.capability)
    capability = caps.most_common(1)[0][0] if caps else None
    changing = ChangingProfession(
        exposure=exposure,
        adoption_pct=row.adoption_pct,
        adoption_sector=row.adoption_sector,
        adoption_period=period_label(row.adoption_period),
        demand_change_pct=row.change_pct,
        sentences=(
            nv.exposure_sentence(exposure),
            nv.substitution_sentence(exposure),
            nv.usage_sentence(exposure),
            nv.adoption_sentence(
                row.adoption_sector,
                row.adoption_pct,
                row.adoption_all_pct,
                period_label(row.adoption_period),
            ),
            # a blend's openings would add fractions of other occupations' openings: leave out
            nv.demand_sentence(
                row.change_pct,
                None if blended else row.openings_annual,
                blended=blended,
                group=None if blended else projection_group(occ.title, proj),
            ),
        ),
        adoption_all_sectors_pct=row.adoption_all_pct,
    )
    salary = salary_section(engine, occ, row, area, gaps)
    if not blended:  # a blend's figures mix several groups; its members are named already
        gaps += shared_figure_notes(engine, occ, salary, proj)
    rated = rated_profile(engine, occ, row)
    skills, knowledge, rated_from, ratings_note, _ = rated
    if ratings_note:
        note = ratings_note if note is None else f"{note} {ratings_note}"
    related = related_entries(
        occ.code,
        table,
        [r.code for r in kb.related(occ.code)],
        engine.neighbours,
        engine.by_industry.get(occ.industry_slug, []),
    )
    adaptation = adaptation_section(
        engine,
        rated,
        kb.technologies(occ.code),
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
        [*kb.technologies(occ.code), *kb.tools_used(occ.code)],
        acts,
        [a.element_id for a in adaptation if a.element_id and a.kind != "transition"],
        " ".join([occ.description, *(t.text for t in tasks)]),
        occ.title,
        description=occ.description,
        rated_from=rated_from,
    )
    overview = [nv.risk_sentence(occ.title if len(parts) == 1 else f"“{resolved_from}”", risk)]
    if spread := range_sentence(risk):
        overview.append(spread)
    overview.append(nv.drivers_sentence(risk.components))
    if ts := nv.tasks_sentence(at_risk[0] if at_risk else None, safe[0] if safe else None):
        overview.append(ts)
    if arriving := overview_sentence(engine.tools, safe):
        overview.append(arriving)
    if outlook is not None:
        overview.append(outlook_brief(outlook))  # in full in the Outlook
    gaps += section_gaps(
        row, at_risk, safe, tools, outlook, adaptation, certs, related, engine, n_disputed
    )
    if why := no_safer_move(occ.code, related, table, engine.neighbours, row.score):
        gaps.append(Section("related", why))
    sources = source_refs(kb.sources(), engine.model_version, RISK_VERSION, engine.catalog_refs)
    return OccupationReport(
        header=occupation_header(occ, resolved_from=resolved_from, rests_on=rests_on, note=note),
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
        method=method_note(engine.model_version, f"knowledge base {engine.key.split('-')[0]}"),
        sources=sources,
        gaps=tuple(gaps),
        disputed_tasks=disputed,
    )


def occupation_header(
    occ: Any, *, resolved_from: str | None, rests_on: tuple[str, ...], note: str | None
) -> Header:
    """Section 1 for an occupation, with what the analysis was asked for and rests on."""
    return Header(
        code=occ.code,
        soc=occ.soc,
        title=occ.title,
        description=occ.description,
        industry=occ.industry,
        industry_slug=occ.industry_slug,
        job_zone=occ.job_zone,
        resolved_from=resolved_from,
        rests_on=rests_on,
        rests_on_note=note,
    )


def adaptation_section(
    engine: Engine,
    rated: RatedProfile,
    techs: Sequence[Any],
    related: Sequence[RelatedEntry],
    score: float,
    capability: str | None,
    *,
    any_exposed: bool,
    code: str,
) -> tuple[AdaptationItem, ...]:
    """Section 9 from the ratings the page uses, the technologies of occupation ``code``
    and its related entries: the safer moves among them become transitions. Skills and
    knowledge that go with less exposure among occupations of the same kind fill in where the
    across-occupation correlation finds too few (:mod:`ai_impact.reports.local_skills`)."""
    index = engine.neighbours
    row = index.index.get(rated.code or "")
    local = engine.local_skills.evidence(
        rated.code, similarity=None if row is None else index.similarity[row]
    )
    titles = {c: engine.table.row(c).title for e in local.values() for c in e.examples}
    safer = [r for r in related if r.relation == "safer move"]
    # a move's own full ratings only: ten basic skills alone would make reading the gap
    moves = {r.code: engine.kb.skills(r.code) for r in safer[:2] if engine.kb.knowledge(r.code)}
    return adaptation_items(
        rated.skills,
        rated.knowledge,
        techs,
        engine.correlations,
        safer,
        score,
        capability,
        rated.rated_from,
        any_exposed=any_exposed,
        generic=engine.generic_technologies,
        local=local,
        titles=titles,
        move_ratings=moves,
        peers=engine.peer_share(code),
        near=engine.local_skills.correlations(rated.code),
        activities=engine.activity_text(code),
    )


def none_at_risk(n_tasks: int) -> str:
    """Why the tasks-at-risk list is empty, for one task or several."""
    if n_tasks == 1:
        return (
            "Its only task does not reach the exposure threshold: AI does not take over this "
            "work today."
        )
    return (
        f"None of its {n_tasks} tasks reaches the exposure threshold: AI does not take over any "
        "of this work today."
    )


def none_safe(n_tasks: int, n_disputed: int = 0) -> str:
    """Why the safe-tasks list is empty, for one task or several (``n_disputed``: tasks the
    human raters label unexposed but GPT-4 exposed, listed apart as disputed)."""
    if n_disputed:
        them = "it is" if n_disputed == 1 else "they are"
        return (
            "No task is listed as remaining human: GPT-4's labels say AI reaches every task the "
            f"human raters label unexposed, so {them} listed as disputed."
        )
    if n_tasks == 1:
        return "Its only task is exposed to AI; it is not rated as staying fully human."
    return (
        f"Every one of its {n_tasks} tasks is exposed to AI; none is rated as staying fully human."
    )


def section_gaps(
    row: OccupationRisk,
    at_risk: Sequence[Any],
    safe: Sequence[Any],
    tools: Sequence[Any],
    outlook: Outlook | None,
    adaptation: Sequence[Any],
    certs: Sequence[Any],
    related: Sequence[Any],
    engine: Engine,
    n_disputed: int = 0,
) -> list[Section]:
    """A stated reason for every section that has nothing to show (``n_disputed``: see
    :func:`none_safe`)."""
    out: list[Section] = []
    if not at_risk:
        out.append(Section("tasks_at_risk", none_at_risk(row.n_tasks)))
    if not safe:
        out.append(Section("safe_tasks", none_safe(row.n_tasks, n_disputed)))
    if not tools:
        why = (
            "the AI tool catalog could not be loaded"
            if engine.tools is None
            else "no cataloged AI tool matches its tasks, work activities or software"
        )
        out.append(Section("ai_tools", f"No AI tools listed: {why}."))
    if outlook is None:
        out.append(
            Section(
                "outlook",
                "BLS Employment Projections 2024–34 publish no line for this occupation's SOC "
                "code; demand counts as neutral in the risk score.",
            )
        )
    if not adaptation:
        out.append(
            Section(
                "adaptation",
                "None of the skills and knowledge areas O*NET rates as important for this "
                "occupation goes with less AI exposure, across all occupations or among similar "
                "ones; O*NET lists no in-demand or hot technology that fits its work, and no "
                "related occupation is a safer move.",
            )
        )
    if not certs:
        why = (
            "the certification catalog is not available"
            if engine.certifications is None
            else "no cataloged certification fits its skills and tools"
        )
        out.append(Section("certifications", f"No certifications listed: {why}."))
    if not related:
        out.append(Section("related", "O*NET lists no related occupation and no profile is close."))
    return out
