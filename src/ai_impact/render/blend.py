"""Blends: a typed title analysed as several O*NET occupations under the closest one's code.

Beside that occupation's own analysis a blend would look alike, so every format names it by what
was typed and how many occupations it blends (:func:`label`).
"""

from __future__ import annotations

from ai_impact.reports.model import OccupationReport

__all__ = ["codes_of", "is_blend", "label"]


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


def label(report: OccupationReport) -> str:
    """The name of a compared column: the occupation, or the typed title of a blend."""
    h = report.header
    if not is_blend(report):
        return h.title
    return f"{h.resolved_from or h.title} (blend of {len(h.rests_on)} occupations)"
