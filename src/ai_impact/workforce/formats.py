"""A :class:`WorkforceReport` as JSON (a stable shape), CSV (one row per role) or Markdown.

The JSON shape is documented in docs/workforce.md and versioned by its ``schema`` key; fields
are only ever added, and CSV columns only at the end. The CSV guards against spreadsheet
formula injection: a text cell that starts with ``= + - @`` gets a leading apostrophe, since
rosters are opened in Excel.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from ai_impact.render.markdown import md_cell, md_text
from ai_impact.reports import figures as fx
from ai_impact.workforce.analysis import (
    CHECK,
    REVIEW,
    RoleResult,
    WorkforceReport,
)
from ai_impact.workforce.pay_text import (
    hourly_basis,
    hourly_market_note,
    market_group,
    market_notes,
    market_text,
    roster_pay_text,
    safer_pay_note,
    safer_pay_text,
)

__all__ = [
    "CSV_COLUMNS",
    "METHOD",
    "SCHEMA",
    "count_text",
    "count_value",
    "fte_text",
    "headline",
    "hourly_market_note",
    "market_text",
    "people",
    "to_csv",
    "to_dict",
    "to_json",
    "to_markdown",
]

SCHEMA = "ai-impact/workforce@1"
METHOD = (
    "A roster row is a number of people doing one job; its title is resolved to an O*NET "
    "occupation and the occupation's figures are scaled by headcount.",
    "Exposure β = P(E1) + ½·P(E2), averaged over the occupation's tasks (core tasks weigh "
    "more): the share of the work an LLM alone (E1), or at half weight an LLM with software "
    "built on it (E2), does in half the time or less. "
    "Exposure is not job loss: exposed work changes, it does not disappear.",
    "Exposed hours / year = headcount × 2,080 h (52 weeks × 40 h) × exposed share "
    "(P(E1) + P(E2), averaged over tasks: working time in tasks AI reaches, alone or with "
    "software built on an LLM). β is lower than the exposed share because it counts E2 work "
    "at half weight.",
    "At-risk hours / year = headcount × 2,080 h × substitution share ((P(E1) + P(E2)) × "
    "automation level ÷ 4, averaged over tasks): the part of the exposed hours that could run "
    "without a person, never more than the exposed hours. It is an upper bound before adoption "
    "and demand; FTE at risk = at-risk hours ÷ 2,080.",
    "Payroll exposed = roster annual pay × headcount × exposed share, only for rows that give "
    "pay. "
    "Market pay is the OEWS median for the row's state (national without a location).",
    "Disruption risk (1–10) combines substitution, AI use today, industry adoption and demand; "
    "roster averages are weighted by headcount over the roles whose occupation is known.",
    "Titles that no occupation fits are listed under 'Needs review' and left out of every "
    "figure; 'check match' roles are counted with their best match and listed for checking.",
)
CSV_COLUMNS = (
    "role_id", "title", "team", "location", "lines", "headcount", "status", "code",
    "occupation", "industry", "confidence", "exposure", "exposed_share", "substitution",
    "risk_score",
    "risk_category", "hours_exposed", "hours_at_risk", "headcount_with_pay", "mean_annual_pay",
    "payroll_exposed", "market_median_annual", "market_area", "safer_moves", "skills_to_build",
    "suggestions", "note",
    # Added since: only ever at the end, so a reader by position keeps its columns.
    "market_hourly_median", "market_pay_group", "mean_hourly_pay",
)  # fmt: skip


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def count_value(value: float) -> float:
    """A headcount for JSON and CSV: an int when whole (14, not 14.0), else FTE to 4 places."""
    rounded = round(value, 4)
    return int(rounded) if float(rounded).is_integer() else rounded


def count_text(value: float) -> str:
    """A headcount as a page prints it: '1,200', or FTE to 2 places without trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def fte_text(value: float) -> str:
    """Full-time people at risk as written: '86.4', '11,562,000' (never '11,562,000.0')."""
    return f"{value:,.1f}".removesuffix(".0")


def people(report: WorkforceReport, value: float) -> str:
    """'40 people', '1 person', or '42.5 FTE' when the roster counts full-time equivalents."""
    if report.fte:
        return f"{count_text(value)} FTE"
    return f"{count_text(value)} " + ("person" if value == 1 else "people")


def _role_dict(r: RoleResult) -> dict[str, Any]:
    occupation = {"code": r.code, "title": r.occupation, "industry": r.industry} if r.code else None
    return {
        "id": r.id,
        "title": r.title,
        "team": r.team,
        "location": r.location,
        "lines": list(r.lines),
        "headcount": count_value(r.headcount),
        "status": r.status,
        "occupation": occupation,
        "confidence": _r(r.confidence),
        "via": r.via,
        "exposure": _r(r.exposure),
        "exposed_share": _r(r.exposed_share),
        "substitution": _r(r.substitution),
        "risk": (
            {"score": _r(r.risk_score, 2), "category": r.risk_category}
            if r.risk_score is not None
            else None
        ),
        "hours_exposed": _r(r.hours_exposed, 1),
        "hours_at_risk": _r(r.hours_at_risk, 1),
        "pay": {
            "headcount_with_pay": count_value(r.headcount_with_pay),
            "payroll": _r(r.payroll, 2),
            "mean_annual": _r(r.mean_pay, 2),
            "payroll_exposed": _r(r.payroll_exposed, 2),
            "market_median_annual": r.market_pay.median_annual if r.market_pay else None,
            "market_area": r.market_pay.area if r.market_pay else None,
            "market_hourly_median": r.market_pay.hourly_median if r.market_pay else None,
            "market_pay_group": market_group(r.market_pay),
            "mean_hourly": _r(r.mean_hourly, 2),
        },
        "reskilling": {
            "safer_moves": [
                {
                    "code": m.code,
                    "title": m.title,
                    "risk": _r(m.risk_score, 2),
                    "risk_category": m.risk_category,
                    "median_annual": m.median_annual,
                    "similarity": _r(m.similarity),
                    "hourly_median": m.hourly_median,
                    "pay_group": m.pay_group if m.median_annual or m.hourly_median else None,
                }
                for m in r.safer_moves
            ],
            "skills": list(r.skills_to_build),
        },
        "suggestions": [
            {"code": s.code, "title": s.title, "confidence": _r(s.confidence)}
            for s in r.suggestions
        ],
        "note": r.note,
    }


def to_dict(report: WorkforceReport) -> dict[str, Any]:
    """The JSON document of ``ai-impact workforce --format json`` (schema ``SCHEMA``)."""
    t = report.totals
    return {
        "schema": SCHEMA,
        "hours_per_year": report.hours_per_year,
        "summary": {
            "roles": t.roles,
            "roles_review": t.roles_review,
            "headcount": count_value(t.headcount),
            "headcount_unit": "FTE" if report.fte else "people",
            "headcount_analysed": count_value(t.headcount_analysed),
            "headcount_review": count_value(t.headcount_review),
            "exposure": _r(t.exposure),
            "exposed_share": _r(t.exposed_share),
            "risk_score": _r(t.risk_score, 2),
            "risk_category": t.risk_category,
            "hours_exposed": _r(t.hours_exposed, 1),
            "hours_at_risk": _r(t.hours_at_risk, 1),
            "fte_at_risk": _r(t.fte_at_risk, 2),
            "headcount_with_pay": count_value(t.headcount_with_pay),
            "payroll": _r(t.payroll, 2),
            "payroll_exposed": _r(t.payroll_exposed, 2),
        },
        "by_category": [
            {"category": c.category, "headcount": count_value(c.headcount), "share": _r(c.share)}
            for c in t.by_category
        ],
        "top_roles": list(t.top_roles),
        "by_team": [
            {
                "team": s.team,
                "roles": s.roles,
                "headcount": count_value(s.headcount),
                "headcount_review": count_value(s.headcount_review),
                "exposure": _r(s.exposure),
                "risk_score": _r(s.risk_score, 2),
                "hours_exposed": _r(s.hours_exposed, 1),
                "hours_at_risk": _r(s.hours_at_risk, 1),
                "payroll_exposed": _r(s.payroll_exposed, 2),
            }
            for s in t.by_team
        ],
        "roles": [_role_dict(r) for r in report.roles],
        "needs_review": [r.id for r in report.roles if r.status == REVIEW],
        "notes": list(report.notes),
        "columns": report.columns,
        "method": list(METHOD),
        "sources": [
            {"key": s.key, "name": s.name, "release": s.release, "licence": s.licence}
            for s in report.sources
        ],
    }


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _num(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def to_csv(report: WorkforceReport) -> str:
    """One row per roster role with every computed column (``CSV_COLUMNS``)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.roles:
        moves = "; ".join(f"{m.title} ({m.code}, risk {m.risk_score:.1f})" for m in r.safer_moves)
        suggest = "; ".join(f"{s.title} ({s.code}, {s.confidence:.2f})" for s in r.suggestions)
        row: list[Any] = [
            r.id, _safe(r.title), _safe(r.team or ""), _safe(r.location or ""),
            " ".join(map(str, r.lines)), count_value(r.headcount), r.status, r.code or "",
            r.occupation or "", r.industry or "", _num(r.confidence, 4), _num(r.exposure, 4),
            _num(r.exposed_share, 4), _num(r.substitution, 4), _num(r.risk_score, 2),
            r.risk_category or "",
            _num(r.hours_exposed, 1), _num(r.hours_at_risk, 1), count_value(r.headcount_with_pay),
            _num(r.mean_pay, 2), _num(r.payroll_exposed, 2),
            _num(r.market_pay.median_annual if r.market_pay else None, 0),
            r.market_pay.area if r.market_pay else "", moves, "; ".join(r.skills_to_build),
            suggest, _safe(r.note or ""),
            _num(r.market_pay.hourly_median if r.market_pay else None, 2),
            market_group(r.market_pay) or "", _num(r.mean_hourly, 2),
        ]  # fmt: skip
        writer.writerow(row)
    return buf.getvalue()


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
    return "–" if value is None else fmt(value)


def _beta(value: float) -> str:
    """The exposure index β as the occupation pages print it (0.48, not 48%)."""
    return f"{value:.2f}"


def _hours(value: float | None) -> str:
    return _opt(value, lambda v: fx.number(v, 0))


def headline(report: WorkforceReport) -> str:
    """'40 people in 4 roles' (singular when one), '42.5 FTE in 4 roles' from an FTE column."""
    t = report.totals
    return people(report, t.headcount) + f" in {t.roles:,} " + ("role" if t.roles == 1 else "roles")


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
    pay = "–"
    if t.payroll is not None:
        with_pay = people(report, t.headcount_with_pay)
        pay = f"{fx.money(t.payroll)} ({with_pay} with pay in the roster{hourly_basis(report)})"
    exposed_pay = "–"
    if t.payroll_exposed is not None and t.payroll:
        exposed_pay = f"{fx.money(t.payroll_exposed)} ({fx.pct(t.payroll_exposed / t.payroll)})"
    out += ["## Summary", ""]
    out += _table(
        ("Figure", "Value"),
        [
            (unit, f"{count_text(t.headcount)} ({count_text(t.headcount_review)} to review)"),
            ("Roles", f"{t.roles:,} ({t.roles_review:,} to review)"),
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
            line = f"- **{_cell(r.title)}** ({_cell(r.occupation or '')})"
            if r.skills_to_build:
                line += ": build " + ", ".join(_cell(k) for k in r.skills_to_build)
            if moves:
                line += f"; safer moves: {moves}"
            out.append(line + ".")
        out.append("")
        if moves_note := safer_pay_note(reskill):
            out += [md_text(moves_note), ""]
    review = [r for r in report.roles if r.status in (REVIEW, CHECK)]
    if review:
        out += ["## Needs review", ""]
        out += [
            "Add an O*NET-SOC `code` column to pin these roles, then run again. "
            "'needs review' roles are left out of the figures; 'check match' roles count "
            "with their best match.",
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


def to_json(report: WorkforceReport) -> str:
    """The JSON document as text (UTF-8, indented)."""
    return json.dumps(to_dict(report), indent=1, ensure_ascii=False) + "\n"
