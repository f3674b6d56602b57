"""How a roster role's pay reads beside market pay, and the notes under a table that shows it.

Both sides read on one basis: the roster's rate an hour beside a median BLS publishes only by
the hour, a year beside a year; a median OEWS publishes for a whole SOC group is marked
:data:`~ai_impact.reports.shared_figures.SHARED_PAY_MARK` with the note the analysis and the
comparison write (:func:`~ai_impact.reports.shared_figures.shared_pay_note`); a median OEWS
does not publish in the area is said, with the national one. Payroll counts pay given by the
hour as a full-time year (2,080 hours), and :func:`hourly_basis` says so where it is shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from ai_impact.render.pay import hourly, median_pay, per_hour
from ai_impact.reports import figures as fx
from ai_impact.reports.shared_figures import SHARED_PAY_MARK, shared_pay_note
from ai_impact.workforce.results import (
    HOURS_PER_YEAR,
    MarketPay,
    RoleResult,
    SaferMove,
    WorkforceReport,
)

__all__ = [
    "NO_FIGURE",
    "hourly_basis",
    "hourly_market_note",
    "market_gap_note",
    "market_group",
    "market_notes",
    "market_text",
    "roster_pay_text",
    "safer_pay_note",
    "safer_pay_text",
    "shared_market_note",
]

# A figure that is not there, as every face of the analysis writes it (an em dash).
NO_FIGURE = "—"


def market_group(pay: MarketPay | None) -> str | None:
    """The SOC group whose pay a shown market median is ("SOC 35-3023 (Fast Food and Counter
    Workers)"), marked :data:`SHARED_PAY_MARK`; None for the occupation's own or no figure."""
    return pay.pay_group if pay is not None and pay.published else None


def market_text(pay: MarketPay | None) -> str:
    """A role's market pay as the Markdown prints it: "$174,410", "$31,200 †" when it is a SOC
    group's, "$29.05 an hour" where BLS publishes only hourly wages (never turned into a year),
    or "—"."""
    if pay is None or not pay.published:
        return NO_FIGURE
    return median_pay(pay) + (f" {SHARED_PAY_MARK}" if market_group(pay) else "")


def _hourly_side(r: RoleResult) -> bool:
    """Whether the roster's pay of ``r`` shows an hour: the roster gave it all by the hour, and
    the market pay beside it is no year (BLS publishes only hourly wages, or nothing)."""
    market = r.market_pay
    return r.mean_hourly is not None and (market is None or market.median_annual is None)


def roster_pay_text(r: RoleResult) -> str:
    """The roster's pay of a role beside its market pay, on the same basis: "$45,760" a year,
    or "$22.00 an hour" as the roster gave it where the market pay is hourly (or none), never
    an hourly rate made a year beside an hourly median; "—" without pay."""
    if _hourly_side(r):
        return f"{hourly(r.mean_hourly)} an hour"
    return NO_FIGURE if r.mean_pay is None else fx.money(r.mean_pay)


def _names(titles: Sequence[str]) -> str:
    return ", ".join(titles[:-1]) + (" and " if len(titles) > 1 else "") + titles[-1]


def hourly_market_note(roles: Sequence[RoleResult]) -> str | None:
    """The note under a table of ``roles`` whose market pay reads "an hour": which
    occupations, that it is never made a year, and how the roster's pay stands beside it (an
    hour where the roster gave it so; annual pay not compared) (None when none)."""
    shown = [r for r in roles if per_hour(r.market_pay)]
    titles = list(dict.fromkeys(r.occupation or "" for r in shown))
    if not titles:
        return None
    text = (
        f"Market pay “an hour”: BLS publishes only hourly wages for {_names(titles)}. It is not "
        f"turned into a year's pay ({HOURS_PER_YEAR:,} hours would assume full-time work all "
        "year, which these jobs seldom are)"
    )
    if not any(_hourly_side(r) for r in shown):
        return text + ", so it is not compared with the roster's annual pay."
    text += "; the roster's pay given by the hour is shown an hour beside it"
    if any(r.mean_pay is not None and not _hourly_side(r) for r in shown):
        text += ", and the roster's annual pay is not compared with it"
    return (
        text + ". Payroll still counts pay given by the hour as a full-time year of "
        f"{HOURS_PER_YEAR:,} hours, as the notes on the roster say."
    )


def shared_market_note(roles: Sequence[RoleResult]) -> str | None:
    """The note under a table of ``roles`` whose market pay is marked :data:`SHARED_PAY_MARK`:
    each SOC group and the occupations whose pay is that group's, in the words of the
    analysis and the comparison (None when no pay is marked)."""
    shared = dict.fromkeys(
        (group, f"{r.occupation} ({r.code})")
        for r in roles
        if (group := market_group(r.market_pay)) is not None
    )
    return shared_pay_note(shared)


def safer_pay_note(roles: Sequence[RoleResult]) -> str | None:
    """The note under the reskilling paths of ``roles`` on a safer move's pay marked
    :data:`SHARED_PAY_MARK` (None when none is)."""
    shared = dict.fromkeys(
        (m.pay_group, f"{m.title} ({m.code})")
        for r in roles
        for m in r.safer_moves
        if m.pay_group and (m.median_annual or m.hourly_median)
    )
    return shared_pay_note(shared)


def market_gap_note(roles: Sequence[RoleResult], *, dash: str = NO_FIGURE) -> str | None:
    """The note under a table of ``roles`` whose market pay reads ``dash`` ("—"): whose
    median OEWS does not publish there, and the national one where it exists (None when every
    role has one)."""
    gaps = list(dict.fromkeys(r.market_gap for r in roles if r.market_gap))
    if not gaps:
        return None
    return f"Market pay “{dash}”: OEWS publishes no median pay for {_names(gaps)}."


def safer_pay_text(m: SaferMove) -> str:
    """A safer move's pay after its risk: ", $120,230 †", ", $24.80 an hour", or nothing."""
    if not (m.median_annual or m.hourly_median):
        return ""
    return f", {median_pay(m)}" + (f" {SHARED_PAY_MARK}" if m.pay_group else "")


def market_notes(roles: Sequence[RoleResult]) -> list[str]:
    """The notes under a table of ``roles`` with their pay: market pay an hour, a SOC group's
    pay (†), and pay OEWS does not publish — each only when a role needs it."""
    notes = (hourly_market_note(roles), shared_market_note(roles), market_gap_note(roles))
    return [n for n in notes if n]


def hourly_basis(report: WorkforceReport) -> str:
    """ "; pay given by the hour counted as 2,080 hours a year" after the roster's payroll when
    some of it was given by the hour ("" when none was): the assumption, where it is used."""
    if not any(r.paid_hourly for r in report.roles):
        return ""
    return f"; pay given by the hour counted as {HOURS_PER_YEAR:,} hours a year"
