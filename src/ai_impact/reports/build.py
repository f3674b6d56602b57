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

from ai_impact.reports import figures as fx
from ai_impact.reports import narrative as nv
from ai_impact.reports.adaptation import adaptation_items
from ai_impact.reports.engine import Engine
from ai_impact.reports.extras import certification_entries, tool_entries
from ai_impact.reports.model import (
    AdaptationItem,
    ChangingProfession,
    ExposureBreakdown,
    Header,
    OccupationReport,
    Outlook,
    RelatedEntry,
    RiskComponent,
    RiskSummary,
    Section,
)
from ai_impact.reports.related import related_entries
from ai_impact.reports.salary import annual_gap, build_salary
from ai_impact.reports.sources import method_note, source_refs
from ai_impact.reports.tasks import DescribedTask, shown_notes, split_tasks
from ai_impact.risk.blend import blend_rows
from ai_impact.risk.build import RISK_VERSION, description_sentences
from ai_impact.risk.formula import COMPONENTS, category_bounds
from ai_impact.risk.table import OccupationRisk

__all__ = [
    "build_report",
    "exposure_breakdown",
    "occupation_header",
    "outlook_section",
    "period_label",
    "rated_profile",
    "risk_summary",
    "salary_section",
    "section_gaps",
]


def _display(key: str, r: OccupationRisk, blended: bool) -> str:
    """The value of a component as the page shows it (a blend's demand is a weighted mean)."""
    if key == "exposure":
        return f"β {r.beta:.2f}"
    if key == "substitution":
        return f"{fx.pct(r.substitution)} of the work"
    if key == "ai_usage":
        return f"{fx.pct(r.ai_usage or 0.0)} of task weight in use"
    if key == "adoption":
        if r.adoption_pct is None:
            all_pct = r.adoption_all_pct or 0.0
            return f"no sector figure; all sectors {fx.number(all_pct)}%"
        return f"{fx.number(r.adoption_pct)}% of firms"
    if r.change_pct is None:
        return "no projection, counted as neutral"
    text = f"{fx.signed_pct(r.change_pct)} employment by 2034"
    return f"{text}, weighted mean of the blend" if blended else text


def risk_summary(r: OccupationRisk, *, blended: bool = False) -> RiskSummary:
    """Score, range, category and decomposition of one (possibly blended) risk record."""
    comps = tuple(
        RiskComponent(
            key=c.key,
            label=c.label,
            value=float(v),
            weight=c.weight,
            contribution=c.weight * float(v),
            display=_display(c.key, r, blended),
            source=c.source,
            short=c.short,
        )
        for c, v in zip(COMPONENTS, r.values, strict=True)
    )
    return RiskSummary(
        score=r.score,
        category=r.category,
        category_range=category_bounds(r.category),
        low=r.low,
        high=r.high,
        components=comps,
    )


def exposure_breakdown(r: OccupationRisk) -> ExposureBreakdown:
    """The exposure figures of one occupation row, as the report shows them."""
    return ExposureBreakdown(
        beta=r.beta,
        beta_low=r.beta_low,
        beta_high=r.beta_high,
        share_none=r.share_none,
        share_llm_alone=r.share_alone,
        share_with_tools=r.share_tools,
        automation=r.automation,
        substitution_share=r.substitution,
        labelled_share=r.labelled_share,
        ai_usage_share=r.ai_usage,
        n_tasks=r.n_tasks,
        n_exposed=r.n_exposed,
        n_observed_use=r.n_observed,
    )


def period_label(period: str | None) -> str | None:
    """A BTOS period start date (2025-09-08) as 'BTOS, Sep 2025'."""
    if not period or len(period) < 7 or period[4] != "-":
        return period
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"BTOS, {months[int(period[5:7]) - 1]} {period[:4]}"


def _tasks_of(
    engine: Engine, codes: Sequence[str], adoption: float | None, described: Any = None
) -> tuple[list[Any], list[Any], list[Any]]:
    """Tasks, their scores and activities for one or more occupations (donors or candidates)."""
    from ai_impact.scoring import score_known_tasks, score_texts

    if described is not None:
        texts = description_sentences(described.description)
        pseudo = [DescribedTask(-(i + 1), described.code, t) for i, t in enumerate(texts)]
        return pseudo, score_texts(texts, adoption_pct=adoption), []

    tasks: list[Any] = []
    acts: list[Any] = []
    seen: set[str] = set()
    for c in codes:
        # Sibling occupations (donors of an "All Other", a blend's candidates) often share a
        # statement word for word: the page lists it once, from the first occupation.
        for t in engine.kb.tasks_of(c):
            key = " ".join(t.text.casefold().split())
            if key not in seen:
                seen.add(key)
                tasks.append(t)
        acts += engine.kb.activities_of(c)
    kept = {t.task_id for t in tasks}
    acts = [a for a in acts if a.task_id in kept]
    scores = score_known_tasks(tasks, acts, adoption_pct=adoption) if tasks else []
    return tasks, scores, acts


def _rests_on(
    engine: Engine, occ: Any, row: OccupationRisk, blend: Sequence[tuple[str, float]]
) -> tuple[tuple[str, ...], str | None, list[str]]:
    """Which occupations the page rests on, the note that says so, and whose tasks it lists."""
    t = engine.table
    if len(blend) > 1:
        listed = [f"{t.row(c).title} ({c})" for c, _ in blend]
        names = ", ".join(listed[:-1]) + " and " + listed[-1]
        note = (
            f"This title maps to several O*NET occupations: the analysis blends {names}, "
            "weighted by how well each fits the title; pay and outlook are those of "
            f"{occ.title}."
        )
        return tuple(c for c, _ in blend), note, [c for c, _ in blend]
    if row.basis == "description":
        note = (
            f"O*NET publishes no task statements for {occ.title}, nor for any related occupation "
            "in its SOC group; its exposure rests on the task model's reading of the occupation's "
            "description, sentence by sentence, listed below as its tasks."
        )
        return (occ.code,), note, [occ.code]
    if row.donors:
        names = ", ".join(f"{t.row(c).title} ({c})" for c in row.donors)
        note = (
            f"O*NET publishes no task statements for {occ.title}; its tasks and exposure rest on "
            f"the nearest related occupations in the same SOC group: {names}."
        )
        return row.donors, note, list(row.donors)
    return (occ.code,), None, [occ.code]


def rated_profile(
    engine: Engine, occ: Any, row: OccupationRisk
) -> tuple[list[Any], list[Any], str | None, str | None]:
    """Skill and knowledge ratings, where they come from, and the note when they are borrowed.

    An occupation O*NET rates only on the ten basic skills (no knowledge) borrows the full
    ratings of its most similar fully rated occupation: ten skills alone would make its
    adaptation strategy and certifications rest on reading and speaking. One with no ratings
    at all takes those of the closest rated occupation (task donors, O*NET related, nearest).
    """
    kb, code = engine.kb, occ.code
    skills, knowledge = kb.skills(code), kb.knowledge(code)
    if knowledge:
        return skills, knowledge, None, None
    if skills:
        sim = engine.neighbours.similarity_of(code)
        for c in sorted(sim, key=lambda c: -sim[c]):
            if c != code and (donor_knowledge := kb.knowledge(c)):
                title = engine.table.row(c).title
                note = (
                    f"O*NET rates only the ten basic skills of {occ.title}, with no knowledge "
                    f"areas; the skills and knowledge to build and the certifications below use "
                    f"the ratings of {title} ({c}), the most similar occupation rated in full."
                )
                where = f"{title} (the most similar occupation rated in full)"
                return kb.skills(c), donor_knowledge, where, note
        return skills, knowledge, None, None
    candidates = [*row.donors, *(r.code for r in kb.related(code))]
    candidates += [c for c, _ in engine.neighbours.nearest(code)]
    for c in candidates:
        s, k = kb.skills(c), kb.knowledge(c)
        if s or k:
            return s, k, f"{engine.table.row(c).title} (the closest rated)", None
    return [], [], None, None


EMPLOYMENT_GAP = 1.25  # projection base vs OEWS employment: a larger ratio is explained


def shared_figure_notes(engine: Engine, occ: Any, salary: Any, proj: Any) -> list[Section]:
    """Notes for pay and projections published for a SOC group that holds other O*NET
    occupations too (Baristas are paid and projected as all Fast Food and Counter Workers)."""
    notes = []
    n_pay = engine.sharing.get(f"oews:{occ.oews_code}", 0)
    title = {occ.soc: occ.soc_title, occ.broad_code: occ.broad_title}.get(occ.oews_code)
    if salary is not None and n_pay > 1 and title != occ.title:  # not the group's own line
        group = f"SOC {occ.oews_code}" + (f" ({title})" if title else "")
        notes.append(
            Section(
                "salary",
                f"OEWS publishes pay for {group} as a whole, which covers other O*NET "
                f"occupations too; {occ.title} has no estimate of its own.",
            )
        )
    n_proj = engine.sharing.get(f"nem:{occ.nem_code}", 0)
    if proj is not None and n_proj > 1 and proj.title.lower() != occ.title.lower():
        notes.append(
            Section(
                "outlook",
                f"BLS projects {proj.title} ({proj.nem_code}) as a whole, which covers other "
                f"O*NET occupations too; {occ.title} has no projection of its own.",
            )
        )
    oews = salary.employment if salary is not None and salary.area == "United States" else None
    base = proj.employment_2024 * 1000 if proj and proj.employment_2024 else None  # thousands
    if oews and base and max(oews, base) > EMPLOYMENT_GAP * min(oews, base):
        notes.append(
            Section(
                "outlook",
                f"BLS projections start from {fx.number(base, 0)} jobs in 2024, every job "
                f"including the self-employed; the {fx.number(oews, 0)} under pay are OEWS's "
                "wage and salary jobs in the establishments it surveys, which leave out the "
                "self-employed, private households and most farm work.",
            )
        )
    return notes


def outlook_section(title: str, p: Any, *, named: bool = False) -> Outlook | None:
    """The BLS 2024–34 outlook section, or None when BLS projects nothing for it."""
    if p is None:
        return None
    return Outlook(
        employment_2024=p.employment_2024,
        employment_2034=p.employment_2034,
        employment_change_num=p.change_num,
        employment_change_pct=p.change_pct,
        openings_annual=p.openings_annual,
        education=p.education,
        experience=p.experience,
        training=p.training,
        sentence=nv.outlook_sentence(title, p.change_pct, p.openings_annual, named=named),
        source="ep",
    )


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
    rests_on, note, task_codes = _rests_on(engine, occ, row, parts)
    origin = None if task_codes == [occ.code] else {c: table.row(c).title for c in task_codes}
    described = occ if row.basis == "description" and len(parts) == 1 else None
    tasks, scores, acts = _tasks_of(engine, task_codes, row.adoption_pct, described)
    at_risk, safe, n_exposed, n_safe = split_tasks(tasks, scores, origin, acts)
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
    exposure = exposure_breakdown(row)
    proj = kb.projection(occ.code)
    outlook = outlook_section(occ.title, proj, named=blended)
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
                row.change_pct, None if blended else row.openings_annual, blended=blended
            ),
        ),
        adoption_all_sectors_pct=row.adoption_all_pct,
    )
    salary = salary_section(engine, occ, row, area, gaps)
    if not blended:  # a blend's figures mix several groups; its members are named already
        gaps += shared_figure_notes(engine, occ, salary, proj)
    tools = tool_entries(
        engine.tools, tasks, [s.beta for s in scores], acts, kb.technologies(occ.code)
    )
    skills, knowledge, rated_from, ratings_note = rated_profile(engine, occ, row)
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
        (skills, knowledge, kb.technologies(occ.code)),
        related,
        row.score,
        capability,
        rated_from,
        any_exposed=exposure.n_exposed > 0,
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
    )
    overview = [
        nv.risk_sentence(occ.title if len(parts) == 1 else f"“{resolved_from}”", risk),
        nv.drivers_sentence(risk.components),
    ]
    if ts := nv.tasks_sentence(at_risk[0] if at_risk else None, safe[0] if safe else None):
        overview.append(ts)
    if outlook is not None:
        overview.append(outlook.sentence)
    gaps += section_gaps(row, at_risk, safe, tools, outlook, adaptation, certs, related, engine)
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
    profile: tuple[Sequence[Any], Sequence[Any], Sequence[Any]],
    related: Sequence[RelatedEntry],
    score: float,
    capability: str | None,
    rated_from: str | None,
    *,
    any_exposed: bool,
) -> tuple[AdaptationItem, ...]:
    """Section 9 from the occupation's (skills, knowledge, technologies) and its related
    entries: the safer moves among them become transitions."""
    skills, knowledge, techs = profile
    return adaptation_items(
        skills,
        knowledge,
        techs,
        engine.correlations,
        [r for r in related if r.relation == "safer move"],
        score,
        capability,
        rated_from,
        any_exposed=any_exposed,
        generic=engine.generic_technologies,
    )


def salary_section(
    engine: Engine, occ: Any, row: OccupationRisk, area: str | None, gaps: list[Section]
) -> Any:
    """The salary section for the area (national by default); a gap when BLS has no estimate."""
    kb = engine.kb
    national = kb.wage(occ.code)
    where = kb.area(area) if area else None
    wage = kb.wage(occ.code, area) if area else national
    if area and wage is None and national is not None:
        gaps.append(
            Section(
                "salary",
                f"OEWS publishes no estimate for this occupation in "
                f"{where.name if where else area}; national pay is shown instead.",
            )
        )
        wage, where = national, None
    if wage is None:
        gaps.append(
            Section(
                "salary",
                "OEWS May 2025 publishes no wage estimate for this occupation's SOC code "
                f"({occ.soc}), so pay and its projection cannot be shown.",
            )
        )
        return None
    prior = kb.wage(occ.code, year=2024)
    label = where.name if where is not None else "United States"
    salary = build_salary(
        wage,
        national,
        prior,
        engine.base_wage_growth,
        row.change_pct,
        (row.substitution_low, row.substitution, row.substitution_high),
        label,
        "oews",
    )
    if (missing := annual_gap(salary)) is not None:
        gaps.append(missing)
    return salary


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
) -> list[Section]:
    """A stated reason for every section that has nothing to show."""
    out: list[Section] = []
    if not at_risk:
        out.append(
            Section(
                "tasks_at_risk",
                f"None of its {row.n_tasks} tasks reaches the exposure threshold: AI does not "
                "take over any of this work today.",
            )
        )
    if not safe:
        out.append(
            Section(
                "safe_tasks",
                f"Every one of its {row.n_tasks} tasks is exposed to AI; none is rated as staying "
                "fully human.",
            )
        )
    if not tools:
        why = (
            "the AI tool catalogue could not be loaded"
            if engine.tools is None
            else "no catalogued AI tool matches its tasks, work activities or software"
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
                "O*NET rates no skill or knowledge area of this occupation as important and "
                "protective, and lists no hot technology for it.",
            )
        )
    if not certs:
        why = (
            "the certification catalogue is not available"
            if engine.certifications is None
            else "no catalogued certification fits its skills and tools"
        )
        out.append(Section("certifications", f"No certifications listed: {why}."))
    if not related:
        out.append(Section("related", "O*NET lists no related occupation and no profile is close."))
    return out
