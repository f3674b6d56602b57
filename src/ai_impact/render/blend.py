"""Blends: a typed title analysed as several O*NET occupations under the closest one's code.

Beside that occupation's own analysis a blend would look alike, so every format names it by what
was typed and how many occupations it blends (:func:`label`).
"""

from __future__ import annotations

from ai_impact.reports.model import OccupationReport

__all__ = ["codes_of", "is_blend", "is_described", "label"]


def is_blend(report: OccupationReport) -> bool:
    """Whether the analysis blends several occupations (a title that maps to more than one).

    An occupation without task statements also rests on several others (its donors), but never
    on itself; a blend always includes the occupation whose code it carries.
    """
    h = report.header
    return len(h.rests_on) > 1 and h.code in h.rests_on


def codes_of(report: OccupationReport) -> tuple[str, ...]:
    """The codes a compared column stands for: the blended ones, or the occupation's own."""
    return report.header.rests_on if is_blend(report) else (report.header.code,)


def is_described(report: OccupationReport) -> bool:
    """Whether the analysis is of a pasted job description (its tasks are the user's, the rest
    the closest occupation's)."""
    from ai_impact.reports.description import DescribedReport

    return isinstance(report, DescribedReport)


def label(report: OccupationReport) -> str:
    """The name of a compared column: the occupation, the typed title of a blend, or for a
    pasted job description the description with its closest occupation (its figures are not
    the occupation's own page's: "AI impact on your job description (closest occupation: Data
    Scientists)")."""
    h = report.header
    if is_described(report):
        return f"your job description (closest occupation: {h.title})"
    if not is_blend(report):
        return h.title
    return f"{h.resolved_from or h.title} (blend of {len(h.rests_on)} occupations)"
