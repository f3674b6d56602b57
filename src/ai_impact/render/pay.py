"""How pay reads in every format: a year when BLS publishes annual wages, an hour when it does not.

For some occupations (actors, dancers, musicians) BLS publishes only hourly wages; their annual
fields are None and the hourly median and percentiles are the pay to show, never a bare dash.
The same rule serves the pay section (:class:`Salary`) and every row that shows a median (a
related occupation, a comparison): anything with ``median_annual`` and ``hourly_median``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ai_impact.reports import figures as fx
from ai_impact.reports.model import Salary

__all__ = [
    "HOURLY_PERCENTILES",
    "MedianPay",
    "hourly",
    "hourly_pay_note",
    "hourly_range",
    "median_pay",
    "per_hour",
]

# (label, Salary field) of the hourly distribution, as the annual one is shown.
HOURLY_PERCENTILES = (
    ("10th", "hourly_p10"),
    ("25th", "hourly_p25"),
    ("Median", "hourly_median"),
    ("75th", "hourly_p75"),
    ("90th", "hourly_p90"),
)


class MedianPay(Protocol):
    """A median pay as OEWS publishes it: a year, an hour, or both (Salary, RelatedEntry)."""

    @property
    def median_annual(self) -> float | None: ...

    @property
    def hourly_median(self) -> float | None: ...


def hourly(value: float | None) -> str:
    """US dollars an hour, with cents: ``$29.05`` (a dash when not published)."""
    return "—" if value is None else f"${value:,.2f}"


def per_hour(pay: MedianPay | None) -> bool:
    """Whether the pay to show is hourly: no annual median, but an hourly one."""
    return pay is not None and pay.median_annual is None and pay.hourly_median is not None


def hourly_range(salary: Salary | None) -> str | None:
    """The hourly 10th–90th percentiles: ``$16.50–$143.68 an hour``; None if neither is published.

    One end top-coded or withheld shows as a dash (the notes say why), as the annual range does.
    """
    if salary is None or (salary.hourly_p10 is None and salary.hourly_p90 is None):
        return None
    return f"{hourly(salary.hourly_p10)}–{hourly(salary.hourly_p90)} an hour"


def median_pay(pay: MedianPay | None) -> str:
    """The median as a table cell: ``$120,230``, ``$29.05 an hour`` or a dash."""
    if pay is None:
        return "—"
    if per_hour(pay):
        return f"{hourly(pay.hourly_median)} an hour"
    return "—" if pay.median_annual is None else fx.money(pay.median_annual)


def hourly_pay_note(rows: Iterable[MedianPay]) -> str | None:
    """The sentence under a sortable occupation table where some pay reads "an hour": why, and
    where such rows sort (no annual figure is made from an hourly one); None when none does."""
    if not any(per_hour(r) for r in rows):
        return None
    return (
        "Pay “an hour” is for occupations BLS pays only by the hour; no annual figure is made "
        "from it, so sorted by pay they come last."
    )
