"""A :class:`WorkforceReport` as a finished Markdown page: ``--format md``.

Roster text is escaped by the one Markdown policy of ``analyze``
(:func:`ai_impact.render.markdown.md_cell`): it shows as typed, with no formatting, link or raw
HTML for a viewer to run, and no broken table row.
"""

from __future__ import annotations

from collections.abc import Callable

from ai_impact.render.markdown import md_cell, md_text
from ai_impact.reports import figures as fx
from ai_impact.workforce.automation import arriving_label, arriving_note, arriving_summary
from ai_impact.workforce.counts import (
    check_note,
    count_text,
    fte_text,
    headline,
    people,
    review_counts,
)
from ai_impact.workforce.json_document import METHOD
from ai_impact.workforce.learning_text import learn_text
from ai_impact.workforce.pay_text import (
    NO_FIGURE,
    hourly_basis,
    market_notes,
    market_text,
    roster_pay_text,
    safer_pay_note,
    safer_pay_text,
)
from ai_impact.workforce.results import CHECK, REVIEW, WorkforceReport

__all__ = ["to_markdown"]


def _cell(text: object) -> str:
    """Roster text safe in a Markdown table or within a line: the one Markdown policy (shown
    as typed: no formatting, link or raw HTML for a viewer to run, "R&D" left as typed) and no
    broken row."""
    return md_cell(str(text)).strip()


def _table(head: tuple[str, ...], rows: list[tuple[object, ...]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _opt(value: float | None, fmt: Callable[[float], str]) -> str:
    return NO_FIGURE if value is None else fmt(value)


def _beta(value: float) -> str:
    """The exposure index β as the occupation pages print it (0.48, not 48%)."""
    return f"{value:.2f}"


def _hours(value: float | None) -> str:
    return _opt(value, lambda v: fx.number(v, 0))


def to_markdown(report: WorkforceReport, *, max_roles: int = 200) -> str:
    """A finished page: summary, categories, top roles, teams, every role, review list, method."""
    t = report.totals
    by_id = {r.id: r for r in report.roles}
    unit = "FTE" if report.fte else "People"
    out = [f"# AI exposure of a workforce: {headline(report)}", ""]
    if t.exposure is not None and t.risk_score is not None:
        out += [
            f"Across the {people(report, t.headcount_analysed)} whose occupation is known, "
            f"{fx.pct(t.exposed_share or 0.0)} of working time is in tasks AI reaches (alone or "
            f"with software built on an LLM; exposure index β {_beta(t.exposure)}). Up to "
            f"{_hours(t.hours_at_risk)} hours a year — the work of {fte_text(t.fte_at_risk)} "
            "full-time people — is exposed work AI could in principle do without a person "
            "(an upper bound, before adoption and demand). The headcount-weighted "
            f"disruption risk is {fx.score(t.risk_score)} out of 10 ({t.risk_category}). "
            "Exposure is not job loss: most exposed hours are tasks that change, not jobs that go.",
            "",
        ]
    if note := check_note(report):
        out += [md_text(note), ""]
    pay = NO_FIGURE
    if t.payroll is not None:
        with_pay = people(report, t.headcount_with_pay)
        pay = f"{fx.money(t.payroll)} ({with_pay} with pay in the roster{hourly_basis(report)})"
    exposed_pay = NO_FIGURE
    if t.payroll_exposed is not None and t.payroll:
        exposed_pay = f"{fx.money(t.payroll_exposed)} ({fx.pct(t.payroll_exposed / t.payroll)})"
    out += ["## Summary", ""]
    out += _table(
        ("Figure", "Value"),
        [
            (
                unit,
                f"{count_text(t.headcount)} "
                f"({review_counts(count_text(t.headcount_check), count_text(t.headcount_review))})",
            ),
            (
                "Roles",
                f"{t.roles:,} ({review_counts(f'{t.roles_check:,}', f'{t.roles_review:,}')})",
            ),
            ("Exposure index β (headcount-weighted)", _opt(t.exposure, _beta)),
            (
                "Disruption risk (headcount-weighted)",
                _opt(t.risk_score, lambda v: f"{fx.score(v)} / 10 ({t.risk_category})"),
            ),
            (
                "Exposed hours / year",
                f"{_hours(t.hours_exposed)} ({_opt(t.exposed_share, fx.pct)} of working time)",
            ),
            ("At-risk hours / year", f"{_hours(t.hours_at_risk)} ({fte_text(t.fte_at_risk)} FTE)"),
            ("Annual payroll", pay),
            ("Payroll exposed", exposed_pay),
            (
                arriving_label(report.roles),
                arriving_summary(t.roles_automation, people(report, t.headcount_automation or 0.0)),
            ),
        ],
    )
    out += ["## Headcount by risk category", ""]
    out += _table(
        ("Category", unit, "Share"),
        [(c.category, count_text(c.headcount), fx.pct(c.share)) for c in t.by_category],
    )
    if t.top_roles:
        out += ["## Roles with the most at-risk hours", ""]
        out += _table(
            ("Role", "Team", "Occupation", unit, "At-risk h / yr", "Risk"),
            [
                (
                    by_id[i].title,
                    by_id[i].team or "",
                    by_id[i].occupation or "",
                    count_text(by_id[i].headcount),
                    _hours(by_id[i].hours_at_risk),
                    _opt(by_id[i].risk_score, fx.score) + f" ({by_id[i].risk_category})",
                )
                for i in t.top_roles
            ],
        )
    if t.by_team:
        out += ["## By team", ""]
        out += _table(
            ("Team", unit, "Exposure index β", "Risk", "At-risk h / yr", "Payroll exposed"),
            [
                (
                    s.team,
                    count_text(s.headcount),
                    _opt(s.exposure, _beta),
                    _opt(s.risk_score, fx.score),
                    _hours(s.hours_at_risk),
                    _opt(s.payroll_exposed, fx.money),
                )
                for s in t.by_team
            ],
        )
    counted = [r for r in report.roles if r.counted]
    out += ["## Every role", ""]
    out += _table(
        (
            "Role",
            "Team",
            "Occupation",
            "Match",
            unit,
            "Exposure index β",
            "Risk",
            "At-risk h / yr",
            "Pay: roster · market",
        ),
        [
            (
                r.title,
                r.team or "",
                f"{r.occupation} ({r.code})",
                f"{r.status} {fx.pct(r.confidence or 0.0)}",
                count_text(r.headcount),
                _opt(r.exposure, _beta),
                _opt(r.risk_score, fx.score) + f" ({r.risk_category})",
                _hours(r.hours_at_risk),
                roster_pay_text(r) + " · " + market_text(r.market_pay),
            )
            for r in counted[:max_roles]
        ],
    )
    for note in market_notes(counted[:max_roles]):
        out += [md_text(note), ""]
    if note := arriving_note(counted[:max_roles]):
        out += [md_text(note), ""]
    if len(counted) > max_roles:
        out += [f"{len(counted) - max_roles:,} more roles are in the CSV and JSON output.", ""]
    reskill = [by_id[i] for i in t.top_roles if by_id[i].safer_moves or by_id[i].skills_to_build]
    if reskill:
        out += ["## Reskilling paths", ""]
        for r in reskill:
            moves = ", ".join(
                f"{_cell(m.title)} (risk {fx.score(m.risk_score)}{safer_pay_text(m)})"
                for m in r.safer_moves
            )
            check = ", a match to check" if r.to_check else ""
            line = f"- **{_cell(r.title)}** ({_cell(r.occupation or '')}{check})"
            if r.skills_to_build:
                line += ": " + _cell(learn_text(r))
            if moves:
                line += f"; safer moves: {moves}"
            out.append(line + ".")
        out.append("")
        if moves_note := safer_pay_note(reskill):
            out += [md_text(moves_note), ""]
    review = [r for r in report.roles if r.status in (REVIEW, CHECK)]
    if review:
        out += ["## Roles to check", ""]
        out += [
            "Add an O*NET-SOC `code` column to pin these roles, then run again. "
            "'check match' roles count in every figure as their most likely occupation, which "
            "may be wrong; 'needs review' roles fit no occupation and are left out of the "
            "figures.",
            "",
        ]
        out += _table(
            ("Line", "Title", unit, "Status", "Suggestions"),
            [
                (
                    ", ".join(map(str, r.lines[:5])) + (" …" if len(r.lines) > 5 else ""),
                    r.title,
                    count_text(r.headcount),
                    r.status,
                    "; ".join(f"{s.title} ({s.code})" for s in r.suggestions) or (r.note or ""),
                )
                for r in review
            ],
        )
    if report.notes:
        out += ["## Notes on the roster", "", *(f"- {md_text(n)}" for n in report.notes), ""]
    out += ["## Method", "", *(f"- {md_text(m)}" for m in METHOD), ""]
    if report.sources:
        out += ["## Sources", ""]
        out += [f"- {md_text(f'{s.name}, {s.release}. {s.licence}.')}" for s in report.sources]
        out.append("")
    return "\n".join(out)
