"""The pay and outlook sections of a report, and the notes on figures it shares.

OEWS pay for the requested area (national by default, with a stated gap when there is none),
the BLS 2024–34 outlook, and the notes that say when either is published for a SOC group that
holds other O*NET occupations too, or when the two count employment differently.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ai_impact.reports import figures as fx
from ai_impact.reports import narrative as nv
from ai_impact.reports.engine import Engine
from ai_impact.reports.model import Outlook, Section
from ai_impact.reports.salary import annual_gap, build_salary
from ai_impact.reports.shared_figures import (
    pay_group,
    projection_group,
    projection_label,
    projection_note,
)
from ai_impact.risk.table import OccupationRisk

__all__ = [
    "EMPLOYMENT_GAP",
    "outlook_brief",
    "outlook_section",
    "salary_section",
    "shared_figure_notes",
]


EMPLOYMENT_GAP = 1.25  # projection base vs OEWS employment: a larger ratio is explained


def shared_figure_notes(engine: Engine, occ: Any, salary: Any, proj: Any) -> list[Section]:
    """Notes for pay and projections published for a SOC group that holds other O*NET
    occupations too (Baristas are paid and projected as all Fast Food and Counter Workers)."""
    notes = []
    group = pay_group(occ, engine.sharing)
    if salary is not None and group is not None:
        notes.append(
            Section(
                "salary",
                f"OEWS publishes pay for {group} as a whole, which covers other O*NET "
                f"occupations too; {occ.title} has no estimate of its own.",
            )
        )
    if (projected := projection_label(occ.title, proj)) is not None:
        notes.append(Section("outlook", projection_note(projected, occ.title)))
    oews = salary.employment if salary is not None and salary.area == "United States" else None
    base = proj.employment_2024 * 1000 if proj and proj.employment_2024 else None  # thousands
    if oews and base and max(oews, base) > EMPLOYMENT_GAP * min(oews, base):
        notes.append(
            Section(
                "outlook",
                f"BLS projections start from {fx.number(base, 0)} jobs in 2024, every job "
                f"including the self-employed; the {fx.number(oews, 0)} under pay are OEWS's "
                "wage and salary jobs in the establishments it surveys, which leave out the "
                "self-employed, private households and most farm work.",
            )
        )
    return notes


def outlook_section(
    title: str, p: Any, *, named: bool = False, average: float | None = None
) -> Outlook | None:
    """The BLS 2024–34 outlook section, or None when BLS projects nothing for it; a projection
    of a SOC group shared with other O*NET occupations is named as the group's in its
    sentence and in ``projection_group``. ``average`` is BLS's change of all occupations
    (:attr:`Engine.all_occupations_change`), which the sentence compares with."""
    if p is None:
        return None
    group = projection_group(title, p)
    return Outlook(
        employment_2024=p.employment_2024,
        employment_2034=p.employment_2034,
        employment_change_num=p.change_num,
        employment_change_pct=p.change_pct,
        openings_annual=p.openings_annual,
        education=p.education,
        experience=p.experience,
        training=p.training,
        sentence=nv.outlook_sentence(
            title, p.change_pct, p.openings_annual, named=named, group=group, average=average
        ),
        source="ep",
        projection_group=projection_label(title, p),
        all_occupations_change_pct=average if p.change_pct is not None else None,
    )


def outlook_brief(outlook: Outlook) -> str:
    """The Overview's short form of the outlook sentence: the direction and size to 2034, without
    the all-occupation average and the openings the Outlook section gives (the same sentence
    twice on one page read as filler). Whose employment it is stays as the full sentence says
    it (a SOC group's, a named lead occupation's)."""
    change = outlook.employment_change_pct
    who, sep, _ = outlook.sentence.partition(" is projected to ")
    if change is None or not sep:
        return outlook.sentence
    word = fx.growth_word(change)
    if word == "grow":
        return f"{who} is projected to grow {fx.abs_pct(change)} by 2034."
    if word == "decline":
        return f"{who} is projected to decline {fx.abs_pct(change)} by 2034."
    return f"{who} is projected to stay roughly flat to 2034 ({fx.signed_pct(change)})."


def salary_section(
    engine: Engine, occ: Any, row: OccupationRisk, area: str | None, gaps: list[Section]
) -> Any:
    """The salary section for the area (national by default); a gap when BLS has no estimate."""
    kb = engine.kb
    national = kb.wage(occ.code)
    where = kb.area(area) if area else None
    wage = kb.wage(occ.code, area) if area else national
    if area and wage is None and national is not None:
        gaps.append(
            Section(
                "salary",
                f"OEWS publishes no estimate for this occupation in "
                f"{where.name if where else area}; national pay is shown instead.",
            )
        )
        wage, where = national, None
    if wage is None:
        gaps.append(
            Section(
                "salary",
                "OEWS May 2025 publishes no wage estimate for this occupation's SOC code "
                f"({occ.soc}), so pay and its projection cannot be shown.",
            )
        )
        return None
    prior = kb.wage(occ.code, year=2024)
    label = where.name if where is not None else "United States"
    salary = build_salary(
        wage,
        national,
        prior,
        engine.base_wage_growth,
        row.change_pct,
        (row.substitution_low, row.substitution, row.substitution_high),
        label,
        "oews",
    )
    if (missing := annual_gap(salary)) is not None:
        gaps.append(missing)
    if (group := pay_group(occ, engine.sharing)) is not None:
        salary = replace(salary, pay_group=group)
    return salary
