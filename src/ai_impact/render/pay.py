"""How pay reads in every format: a year when BLS publishes annual wages, an hour when it does not.

For some occupations (actors, dancers, musicians) BLS publishes only hourly wages; their annual
fields are None and the hourly median is the pay to show, never a bare dash.
"""

from __future__ import annotations

from ai_impact.reports import figures as fx
from ai_impact.reports.model import Salary

__all__ = ["hourly", "median_pay", "per_hour"]


def hourly(value: float | None) -> str:
    """US dollars an hour, with cents: ``$29.05`` (a dash when not published)."""
    return "—" if value is None else f"${value:,.2f}"


def per_hour(salary: Salary | None) -> bool:
    """Whether the pay to show is hourly: no annual median, but an hourly one."""
    return salary is not None and salary.median_annual is None and salary.hourly_median is not None


def median_pay(salary: Salary | None) -> str:
    """The median as a table cell: ``$120,230``, ``$29.05 an hour`` or a dash."""
    if salary is None:
        return "—"
    if per_hour(salary):
        return f"{hourly(salary.hourly_median)} an hour"
    return "—" if salary.median_annual is None else fx.money(salary.median_annual)
