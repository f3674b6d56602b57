"""A roster's exposure to AI, role by role and in total: :func:`analyze_roster`.

Every roster row is a number of people doing one job. Its title is resolved to an O*NET
occupation (all titles in one batch), and the occupation's figures are scaled by headcount:

* exposure β            = P(E1) + ½·P(E2), averaged over the occupation's tasks (the headline
  index: work an LLM cuts to half the time or less, E2 work at half weight);
* exposed hours / year  = headcount × 2,080 h × exposed share (P(E1) + P(E2), averaged over
  the tasks: working time in tasks AI reaches, alone or with software built on an LLM);
* at-risk hours / year  = headcount × 2,080 h × substitution share ((P(E1) + P(E2)) × automation
  level ÷ 4: the part of the exposed hours that could run without a person), so never more
  than the exposed hours;
* payroll exposed       = roster annual pay × headcount × exposed share (only where the
  roster gives pay; pay given by the hour counts as a full-time year, rate × 2,080 h).

2,080 h is a full-time year (52 weeks × 40 h); a headcount in full-time equivalents (an FTE
column, 2.5) scales the same way, so hours and payroll then count FTE. Exposure is not job loss:
exposed hours are hours whose tasks change; at-risk hours are the upper bound of work AI could
take over, before adoption and demand, which the risk score adds. Titles nothing fits are kept,
marked "needs review" with suggestions, and left out of the figures (their headcount is reported).
"""

from __future__ import annotations

from ai_impact.errors import InputError, NotFoundError
from ai_impact.render.pay import median_pay
from ai_impact.reports.model import OccupationReport
from ai_impact.titles.resolver import Resolution
from ai_impact.workforce.automation import Arriving, arriving
from ai_impact.workforce.cells import MAX_HEADCOUNT
from ai_impact.workforce.results import (
    CHECK,
    HOURS_PER_YEAR,
    MATCHED,
    MIN_CONFIDENCE,
    PINNED,
    REVIEW,
    Library,
    MarketPay,
    OccupationFigures,
    RoleResult,
    SaferMove,
    Suggestion,
    WorkforceReport,
)
from ai_impact.workforce.roster import RosterParse, RosterRow
from ai_impact.workforce.roster_notes import count_words, lines_text, merged_note
from ai_impact.workforce.summary import fold_label, summarize

# The types live in workforce.results; they stay importable from here, where they began.
__all__ = [
    "CHECK",
    "HOURS_PER_YEAR",
    "MATCHED",
    "MIN_CONFIDENCE",
    "PINNED",
    "REVIEW",
    "Library",
    "MarketPay",
    "OccupationFigures",
    "RoleResult",
    "SaferMove",
    "Suggestion",
    "WorkforceReport",
    "analyze_roster",
]

N_SUGGESTIONS = 3
N_SAFER = 3
N_SKILLS = 4
N_TOOLS = 2
_SKILL_KINDS = ("skill", "knowledge", "skill to pair with AI", "technology")


def _fold(text: str | None) -> str | None:
    return None if text is None else fold_label(text)


def _key(row: RosterRow) -> tuple[str, str | None, str | None, str | None]:
    return (fold_label(row.title), row.code, _fold(row.team), _fold(row.location))


Groups = dict[tuple[str, str | None, str | None, str | None], list[RosterRow]]


def _merged(groups: Groups, roster: RosterParse) -> str | None:
    """The note naming the rows added together as one role; raise when a role so added is
    over the headcount cap that each row keeps (every such role listed at once)."""
    merged = [
        ([r.line for r in rows], rows[0].title, sum(r.headcount for r in rows))
        for rows in groups.values()
        if len(rows) > 1
    ]
    over = [
        f"{lines_text(roster.unit, lines)} are the same role ('{title}') and add up to "
        f"{count_words(count, fte=roster.fte)}, more than the {MAX_HEADCOUNT:,} a role may "
        "have; give the role's real headcount once"
        for lines, title, count in merged
        if count > MAX_HEADCOUNT
    ]
    if over:
        raise InputError(
            f"{len(over)} roster role(s) cannot be used; fix them and run again (no row was "
            "analyzed):\n  " + "\n  ".join(over)
        )
    return merged_note(merged, unit=roster.unit, fte=roster.fte)


def _status(res: Resolution, pinned: bool, min_confidence: float) -> str:
    if not res.candidates or res.candidates[0].confidence < min_confidence:
        return REVIEW
    if pinned and res.candidates[0].via == "code" and not res.needs_choice:
        return PINNED
    return CHECK if res.needs_choice else MATCHED


def _market_gap(
    title: str, pay: MarketPay | None, national: MarketPay | None, area: str | None
) -> str | None:
    """Whose median pay OEWS does not publish, when the role shows none: "Actors in California
    (national median: $29.05 an hour)", with ``area`` the place asked for (None: the nation)."""
    if pay is not None and pay.published:
        return None
    if area is None:
        return title
    where = pay.area if pay is not None else area
    if national is None or not national.published:
        return f"{title} in {where}, nor nationally"
    group = f" for {national.pay_group}" if national.pay_group else ""
    return f"{title} in {where} (national median{group}: {median_pay(national)})"


def _unknown_areas_note(unknown: dict[str, list[int]], unit: str, shown: int = 5) -> str:
    """The note naming the locations OEWS does not know, and their lines: their market pay is
    the national median, which the tables do not show (a role's own note says it)."""
    names = [f"'{name}'" for name in unknown][:shown]
    if len(unknown) > shown:
        names.append(f"{len(unknown) - shown:,} more")
    which = (
        f"location {names[0]} is not an OEWS area"
        if len(unknown) == 1
        else f"locations {', '.join(names[:-1])} and {names[-1]} are not OEWS areas"
    )
    return (
        f"{lines_text(unit, sorted(n for lines in unknown.values() for n in lines))}: {which}; "
        "market pay there is the national median. Give a state ('OH', 'Ohio') or a metro "
        "area ('Austin TX')."
    )


def _reskilling(
    report: OccupationReport,
) -> tuple[tuple[SaferMove, ...], tuple[str, ...], tuple[str, ...]]:
    """The safer moves, the things to build (skills and knowledge, then software) and which of
    those are software."""
    safer = tuple(
        SaferMove(
            r.code,
            r.title,
            r.risk,
            r.risk_category,
            r.median_annual,
            r.similarity,
            r.hourly_median,
            r.pay_group,
        )
        for r in report.related
        if r.relation == "safer move"
    )[:N_SAFER]
    # Capabilities first: a roster planner trains people in skills; software comes second.
    named = [a for a in report.adaptation if a.kind in _SKILL_KINDS]
    tools = [a.name for a in named if a.kind == "technology"][:N_TOOLS]
    skills = [a.name for a in named if a.kind != "technology"]
    build = tuple(dict.fromkeys(skills[: N_SKILLS - len(tools)] + tools))
    return safer, build, tuple(t for t in build if t in tools)


def analyze_roster(
    roster: RosterParse,
    lib: Library,
    *,
    reskilling: bool = True,
    top: int = 10,
    min_confidence: float = MIN_CONFIDENCE,
) -> WorkforceReport:
    """Resolve every title in one batch, join occupation figures and aggregate by role.

    A title whose best match has a confidence below ``min_confidence`` needs review: it is
    listed with suggestions and left out of the figures rather than counted as a guess.
    """
    groups: Groups = {}
    for row in roster.rows:
        groups.setdefault(_key(row), []).append(row)
    merged = _merged(groups, roster)
    # A pinned code is tried first; its title too, in case the code is not an occupation.
    queries = [q for rows in groups.values() for q in (rows[0].code, rows[0].title) if q]
    resolutions = lib.resolve_batch(list(dict.fromkeys(queries)))
    by_query = dict(zip(dict.fromkeys(queries), resolutions, strict=True))
    table = lib.occupation_rows()
    reports: dict[str, OccupationReport] = {}
    pay_cache: dict[tuple[str, str | None], tuple[MarketPay | None, str | None, str | None]] = {}
    notes = list(roster.notes) + ([merged] if merged else [])

    def market(
        code: str, title: str, location: str | None
    ) -> tuple[MarketPay | None, str | None, str | None]:
        """The market pay in ``location``, the note on a location OEWS does not know, and
        whose pay is not published (with the national median, where the area has none)."""
        if (code, location) not in pay_cache:
            asked, note = location, None
            try:
                pay = lib.market_pay(code, location)
            except NotFoundError:
                asked, note = None, f"location '{location}' is not an OEWS area; national pay shown"
                pay = lib.market_pay(code, None)
            unpublished = pay is None or not pay.published
            national = lib.market_pay(code, None) if asked and unpublished else None
            pay_cache[code, location] = (pay, note, _market_gap(title, pay, national, asked))
        return pay_cache[code, location]

    roles: list[RoleResult] = []
    unknown: dict[str, list[int]] = {}  # locations OEWS does not know, and their lines
    for (_, code_pin, _team, _location), rows in groups.items():
        first = rows[0]
        team, location = first.team, first.location  # as the first of its rows spells them
        res = by_query[code_pin or first.title]
        pinned = code_pin is not None
        fallback = None
        if code_pin and not res.candidates:
            res, pinned = by_query[first.title], False
            fallback = f"code '{code_pin}' is not an O*NET-SOC occupation; matched by the title"
        status = _status(res, pinned, min_confidence)
        best = res.candidates[0] if res.candidates else None
        fig = table.get(best.code) if best else None
        if best is not None and fig is None:
            status = REVIEW  # resolver knows a code the risk table lacks: do not guess figures
        headcount = sum(r.headcount for r in rows)
        paid = [r for r in rows if r.annual_pay is not None]
        payroll = sum((r.annual_pay or 0.0) * r.headcount for r in paid) if paid else None
        with_pay = sum(r.headcount for r in paid)
        hourly = [r for r in paid if r.hourly_pay is not None]
        # A mean rate an hour only when all of the role's pay was given so: no mixed bases.
        mean_hourly = (
            sum((r.hourly_pay or 0.0) * r.headcount for r in hourly) / with_pay
            if paid and len(hourly) == len(paid)
            else None
        )
        suggestions = tuple(
            Suggestion(c.code, c.title, c.confidence) for c in res.candidates[:N_SUGGESTIONS]
        )
        # The alias note explains a choice between occupations: useful when a person must choose.
        note = res.message or (res.alias_note if status != MATCHED else None)
        note = "; ".join(n for n in (fallback, note) if n) or None
        if fig is None or best is None or status == REVIEW:
            roles.append(
                RoleResult(
                    id=len(roles) + 1,
                    title=first.title,
                    team=team,
                    location=location,
                    lines=tuple(r.line for r in rows),
                    headcount=headcount,
                    status=REVIEW,
                    headcount_with_pay=with_pay,
                    payroll=payroll,
                    suggestions=suggestions,
                    note=note or f"No occupation fits '{first.title}' with confidence.",
                    mean_hourly=mean_hourly,
                    paid_hourly=bool(hourly),
                )
            )
            continue
        safer: tuple[SaferMove, ...] = ()
        skills: tuple[str, ...] = ()
        software: tuple[str, ...] = ()
        automation: Arriving | None = None
        if reskilling:
            if best.code not in reports:
                reports[best.code] = lib.report(best.code)
            safer, skills, software = _reskilling(reports[best.code])
            automation = arriving(reports[best.code])
        pay, pay_note, gap = market(best.code, fig.title, location)
        if pay_note and location:
            unknown.setdefault(location, []).extend(r.line for r in rows)
        gap_note = f"OEWS publishes no median pay for {gap}" if gap else None
        hours = headcount * HOURS_PER_YEAR
        roles.append(
            RoleResult(
                id=len(roles) + 1,
                title=first.title,
                team=team,
                location=location,
                lines=tuple(r.line for r in rows),
                headcount=headcount,
                status=status,
                code=fig.code,
                occupation=fig.title,
                industry=fig.industry,
                confidence=best.confidence,
                via=best.via,
                exposure=fig.exposure,
                exposed_share=fig.exposed_share,
                substitution=fig.substitution,
                risk_score=fig.risk_score,
                risk_category=fig.risk_category,
                hours_exposed=hours * fig.exposed_share,
                hours_at_risk=hours * fig.substitution,
                headcount_with_pay=with_pay,
                payroll=payroll,
                payroll_exposed=(
                    sum((r.annual_pay or 0.0) * r.headcount * fig.exposed_share for r in paid)
                    if paid
                    else None
                ),
                market_pay=pay,
                safer_moves=safer,
                skills_to_build=skills,
                software_to_learn=software,
                suggestions=suggestions if status == CHECK else (),
                note="; ".join(n for n in (note, pay_note, gap_note) if n) or None,
                mean_hourly=mean_hourly,
                paid_hourly=bool(hourly),
                market_gap=gap,
                automation=automation,
            )
        )
    if unknown:
        notes.append(_unknown_areas_note(unknown, roster.unit))
    counted = [r.code for r in roles if r.code]
    if not reports and counted:
        # Without reskilling no report was built; one still names the sources of the figures.
        reports[counted[0]] = lib.report(counted[0])
    sources = {s.key: s for rep in reports.values() for s in rep.sources}
    return WorkforceReport(
        roles=tuple(roles),
        totals=summarize(roles, top=top),
        notes=tuple(notes),
        columns=dict(roster.columns),
        sources=tuple(sources.values()),
        fte=roster.fte,
    )
