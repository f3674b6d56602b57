"""Roster totals from role results: headcount-weighted exposure and risk, hours, payroll, teams.

Pure arithmetic over :class:`~ai_impact.workforce.results.RoleResult` objects, so it is tested
exactly on hand-built roles. Averages are weighted by headcount and taken over the roles whose
occupation is known; roles that need review add to ``headcount_review`` and nothing else. Roles
counted with a match to check ("check match") count in every figure and in ``headcount_check``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ai_impact.reports.model import RISK_CATEGORIES
from ai_impact.risk.formula import category_of
from ai_impact.workforce.cells import HOURS_PER_YEAR

if TYPE_CHECKING:
    from ai_impact.workforce.results import RoleResult

__all__ = ["CategoryShare", "TeamSummary", "Totals", "summarize"]

NO_TEAM = "(no team)"


def fold_label(text: str) -> str:
    """A label compared as people read it: case and spacing do not make another role or team."""
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class CategoryShare:
    """Headcount in one risk category and its share of the analysed headcount."""

    category: str
    headcount: float
    share: float


@dataclass(frozen=True, slots=True)
class TeamSummary:
    """One team's headcount and its weighted exposure, risk, hours and payroll exposed."""

    team: str
    roles: int
    headcount: float
    headcount_review: float
    exposure: float | None
    risk_score: float | None
    hours_exposed: float
    hours_at_risk: float
    payroll_exposed: float | None


@dataclass(frozen=True, slots=True)
class Totals:
    """The roster in a few figures; ``None`` where nothing could be computed.

    Headcounts are ``int`` people, or full-time equivalents (fractions) from an FTE column.
    ``roles_automation`` and ``headcount_automation`` count the counted roles whose occupation
    page notes physical automation (or machine perception) arriving for tasks it lists as
    remaining human; None when the pages were not read (``--no-reskilling``).
    """

    roles: int
    roles_review: int
    headcount: float
    headcount_analysed: float
    headcount_review: float
    exposure: float | None
    exposed_share: float | None
    risk_score: float | None
    risk_category: str | None
    hours_exposed: float
    hours_at_risk: float
    fte_at_risk: float
    headcount_with_pay: float
    payroll: float | None
    payroll_exposed: float | None
    by_category: tuple[CategoryShare, ...]
    top_roles: tuple[int, ...]
    by_team: tuple[TeamSummary, ...]
    roles_check: int = 0
    headcount_check: float = 0.0
    roles_automation: int | None = None
    headcount_automation: float | None = None


def _weighted(roles: Sequence[RoleResult], attr: str) -> float | None:
    num = sum(r.headcount * (getattr(r, attr) or 0.0) for r in roles if r.counted)
    den = sum(r.headcount for r in roles if r.counted)
    return num / den if den else None


def _payroll(roles: Sequence[RoleResult], attr: str) -> float | None:
    values = [getattr(r, attr) for r in roles if r.counted and getattr(r, attr) is not None]
    return float(sum(values)) if values else None


def _team(name: str, roles: Sequence[RoleResult]) -> TeamSummary:
    counted = [r for r in roles if r.counted]
    return TeamSummary(
        team=name,
        roles=len(roles),
        headcount=sum(r.headcount for r in roles),
        headcount_review=sum(r.headcount for r in roles if not r.counted),
        exposure=_weighted(roles, "exposure"),
        risk_score=_weighted(roles, "risk_score"),
        hours_exposed=sum(r.hours_exposed or 0.0 for r in counted),
        hours_at_risk=sum(r.hours_at_risk or 0.0 for r in counted),
        payroll_exposed=_payroll(roles, "payroll_exposed"),
    )


def summarize(roles: Sequence[RoleResult], *, top: int = 10) -> Totals:
    """Aggregate role results; ``top`` is how many roles to list by at-risk hours."""
    counted = [r for r in roles if r.counted]
    analysed = sum(r.headcount for r in counted)
    by_cat = []
    for category in RISK_CATEGORIES:
        n = sum(r.headcount for r in counted if r.risk_category == category)
        by_cat.append(CategoryShare(category, n, n / analysed if analysed else 0.0))
    ranked = sorted(counted, key=lambda r: (-(r.hours_at_risk or 0.0), r.id))
    # "Nursing" and "nursing " are one team, named as its first role spells it
    teams: dict[str, list[RoleResult]] = {}
    for r in roles:
        teams.setdefault(fold_label(r.team or NO_TEAM), []).append(r)
    by_team = (
        sorted(
            (_team(v[0].team or NO_TEAM, v) for v in teams.values()),
            key=lambda t: (-t.hours_at_risk, t.team),
        )
        if any(r.team for r in roles)
        else []
    )
    at_risk = sum(r.hours_at_risk or 0.0 for r in counted)
    exposed = sum(r.hours_exposed or 0.0 for r in counted)
    risk = _weighted(roles, "risk_score")
    looked = all(r.automation is not None for r in counted)
    arriving = [r for r in counted if r.automation]
    return Totals(
        roles=len(roles),
        roles_review=len(roles) - len(counted),
        headcount=sum(r.headcount for r in roles),
        headcount_analysed=analysed,
        headcount_review=sum(r.headcount for r in roles if not r.counted),
        exposure=_weighted(roles, "exposure"),
        exposed_share=exposed / (analysed * HOURS_PER_YEAR) if analysed else None,
        risk_score=risk,
        risk_category=category_of(risk) if risk is not None else None,
        hours_exposed=exposed,
        hours_at_risk=at_risk,
        fte_at_risk=at_risk / HOURS_PER_YEAR,
        headcount_with_pay=sum(r.headcount_with_pay for r in counted),
        payroll=_payroll(roles, "payroll"),
        payroll_exposed=_payroll(roles, "payroll_exposed"),
        by_category=tuple(by_cat),
        top_roles=tuple(r.id for r in ranked[: max(0, top)]),
        by_team=tuple(by_team),
        roles_check=sum(r.to_check for r in roles),
        headcount_check=sum(r.headcount for r in roles if r.to_check),
        roles_automation=len(arriving) if looked and counted else None,
        headcount_automation=sum(r.headcount for r in arriving) if looked and counted else None,
    )
