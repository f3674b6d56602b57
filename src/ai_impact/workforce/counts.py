"""How a roster's headcounts read: in JSON and CSV (14, 2.5), on a page ('1,200', '42.5 FTE').

A headcount is people, a whole number, unless the roster's column is FTE: then full-time
equivalents, fractions kept (``WorkforceReport.fte``).
"""

from __future__ import annotations

from ai_impact.workforce.results import WorkforceReport

__all__ = ["count_text", "count_value", "fte_text", "headline", "people"]


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


def headline(report: WorkforceReport) -> str:
    """'40 people in 4 roles' (singular when one), '42.5 FTE in 4 roles' from an FTE column."""
    t = report.totals
    return people(report, t.headcount) + f" in {t.roles:,} " + ("role" if t.roles == 1 else "roles")
