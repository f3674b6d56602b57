"""How pay reads in every format: a year when BLS publishes annual wages, an hour when it does not.

For some occupations (actors, dancers, musicians) BLS publishes only hourly wages; their annual
fields are None and the hourly median and percentiles are the pay to show, never a bare dash.
The same rule serves the pay section (:class:`Salary`) and every row that shows a median (a
related occupation, a comparison): anything with ``median_annual`` and ``hourly_median``.
"""

from __future__ import annotations

import re
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
    "pay_note",
    "per_hour",
    "projected",
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


def projected(value: float) -> str:
    """A projected pay, to the nearest $100 (a scenario years out has no exact dollars):
    ``$64,600``."""
    return fx.money(round(value, -2))


def hourly_pay_note(rows: Iterable[MedianPay]) -> str | None:
    """The sentence under a sortable occupation table where some pay reads "an hour": why, and
    where such rows sort (no annual figure is made from an hourly one); None when none does."""
    if not any(per_hour(r) for r in rows):
        return None
    return (
        "Pay “an hour” is for occupations BLS pays only by the hour; no annual figure is made "
        "from it, so sorted by pay they come last."
    )


# OEWS's footnotes as the knowledge base keeps them (sources/oews.py): "top-coded: annual p75,
# annual p90 ≥ $239,200/yr", "not released: hourly mean, annual p10", "employment not released",
# "hourly wages not released, annual only". The JSON keeps them so; a page says them in words.
_FOOTNOTE = re.compile(
    r"^(top-coded|not released): ((?:(?:annual|hourly) \w+(?:, |(?= |$)))+)"
    r"(?: ?≥ \$([\d,.]+)/(yr|hr))?$"
)
_STATS = {"mean": "mean", "p10": "10th", "p25": "25th", "median": "median", "p75": "75th"}
_STATS["p90"] = "90th"
_PLAIN = {
    "hourly wages not released, annual only": (
        "BLS publishes only annual pay for this occupation, no hourly wages."
    ),
    "annual wages not released, hourly only": (
        "BLS publishes only hourly wages for this occupation, no annual pay."
    ),
    "employment not released": "BLS does not release the number of jobs here.",
}


def _figures(fields: str, none: bool = False) -> str:
    """``annual mean, annual p10, hourly p90`` in words: "the annual mean and the 10th
    percentile or the hourly 90th percentile"; all six of a kind: "every annual figure" (with
    ``none``, for a sentence in the negative: "any annual figure")."""
    by_unit: dict[str, list[str]] = {}
    for field in fields.split(", "):
        unit, _, stat = field.partition(" ")
        by_unit.setdefault(unit, []).append(stat)
    parts = []
    for unit, stats in by_unit.items():
        if set(stats) >= set(_STATS):
            parts.append(f"{'any' if none else 'every'} {unit} figure")
            continue
        words = [_STATS.get(s, s) for s in stats]
        named = [w for w in words if not w.endswith("th")]
        if ranked := [w for w in words if w.endswith("th")]:
            tail = fx.and_list(ranked) + (" percentiles" if len(ranked) > 1 else " percentile")
            named.append(f"the {tail}" if named else tail)
        parts.append(f"the {unit} {fx.and_list(named)}")
    return " or ".join(parts)


def pay_note(note: str) -> str:
    """One OEWS footnote of a pay section as a sentence a reader follows: "top-coded: annual
    p90 ≥ $239,200/yr" reads "BLS shows the annual 90th percentile only as $239,200 a year or
    more." A note it does not know stays as it is."""
    if note in _PLAIN:
        return _PLAIN[note]
    m = _FOOTNOTE.match(note)
    if m is None:
        return note
    kind, fields, cap, per = m.groups()
    if kind == "not released":
        if len(fields.split(", ")) == 2 * len(_STATS):
            return "BLS releases no wage estimate here."
        return f"BLS does not release {_figures(fields, none=True)} here."
    if cap is None:
        return note
    unit = "a year" if per == "yr" else "an hour"
    return f"BLS shows {_figures(fields)} only as ${cap} {unit} or more."
