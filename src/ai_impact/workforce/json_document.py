"""A :class:`WorkforceReport` as the JSON document of ``--format json`` (schema ``SCHEMA``).

The shape is documented in docs/workforce.md and versioned by its ``schema`` key; fields are
only ever added. ``METHOD`` is the method text every format carries.
"""

from __future__ import annotations

import json
from typing import Any

from ai_impact.workforce.counts import count_value
from ai_impact.workforce.pay_text import market_group
from ai_impact.workforce.results import REVIEW, RoleResult, WorkforceReport

__all__ = ["METHOD", "SCHEMA", "to_dict", "to_json"]

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
    "Roles to check: 'check match' roles are counted with their most likely occupation, a "
    "match under 50% confidence that may be wrong; 'needs review' roles (no occupation fits, "
    "or the best match is below the minimum confidence) are left out of every figure.",
)


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


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
        "physical_automation": (
            None
            if r.automation is None
            else {
                "kinds": list(r.automation.kinds),
                "tools": list(r.automation.tools),
                "tasks": list(r.automation.tasks),
            }
        ),
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
            "roles_check": t.roles_check,
            "headcount_check": count_value(t.headcount_check),
            "roles_automation": t.roles_automation,
            "headcount_automation": (
                None if t.headcount_automation is None else count_value(t.headcount_automation)
            ),
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


def to_json(report: WorkforceReport) -> str:
    """The JSON document as text (UTF-8, indented)."""
    return json.dumps(to_dict(report), indent=1, ensure_ascii=False) + "\n"
