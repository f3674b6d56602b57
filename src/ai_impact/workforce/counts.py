"""How a roster's headcounts read: in JSON and CSV (14, 2.5), on a page ('1,200', '42.5 FTE').

A headcount is people, a whole number, unless the roster's column is FTE: then full-time
equivalents, fractions kept (``WorkforceReport.fte``).
"""

from __future__ import annotations

from ai_impact.workforce.results import WorkforceReport

__all__ = [
    "check_note",
    "count_text",
    "count_value",
    "fte_text",
    "headline",
    "people",
    "review_counts",
]

CHECK_NAMED = 5  # roles to check named in the summary's note; the section lists them all


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


def review_counts(to_check: str, left_out: str) -> str:
    """The summary's count of roles (or people) to check and left out: "2 to check, 0 left
    out": roles counted with a match to check, and roles no occupation fits."""
    return f"{to_check} to check, {left_out} left out"


def check_note(report: WorkforceReport) -> str | None:
    """The sentence under the summary's first lines when roles count with a match to check
    (None when none does): how many, and each as the occupation it is counted as, so that a
    "Chief Happiness Officer" priced as Chief Executives is never silent."""
    shown = [r for r in report.roles if r.to_check]
    if not shown:
        return None
    t = report.totals
    named = "; ".join(
        f"{r.title} as {r.occupation} ({r.confidence or 0.0:.0%})" for r in shown[:CHECK_NAMED]
    )
    more = len(shown) - CHECK_NAMED
    if more > 0:
        named += f"; and {more:,} more"
    roles = f"{len(shown):,} " + ("role" if len(shown) == 1 else "roles")
    verb = "is" if len(shown) == 1 else "are"
    return (
        f"{roles} ({people(report, t.headcount_check)}) {verb} counted as the occupation the "
        f"title most likely is, a match under 50% confidence that may be wrong: {named}. "
        "Check them under Roles to check, and pin the right code in a code column."
    )
