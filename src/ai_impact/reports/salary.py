"""Section 7: pay now (OEWS May 2025) and a projection to 2030 as a range, with its method.

Projection (a scenario, not a forecast): the OEWS median grows each year by

    g = base + demand_term - exposure_term
    base          all-occupation median change May 2024 → May 2025 (OEWS), the economy-wide drift
    demand_term   0.25 percentage points a year per 10% of BLS projected 2024–34 change
    exposure_term 1 percentage point a year × the occupation's substitution share

and is compounded to :data:`HORIZON_YEAR`. The range takes the substitution share's label range
and a ±0.5 point band on the base drift: low = high substitution and slow drift, high = low
substitution and fast drift. See docs/methodology.md ("Salary projection").
"""

from __future__ import annotations

from typing import Any

from ai_impact.reports import figures as fx
from ai_impact.reports.model import Salary, SalaryProjection, Section
from ai_impact.sources.oews import HOURLY_ONLY

__all__ = [
    "BASE_BAND_PP",
    "DEMAND_PP_PER_10PCT",
    "EXPOSURE_PP",
    "HORIZON_YEAR",
    "annual_gap",
    "build_salary",
    "pressure_sentence",
    "project",
]

HORIZON_YEAR = 2030
DEMAND_PP_PER_10PCT = 0.25
EXPOSURE_PP = 1.0
BASE_BAND_PP = 0.5


def project(
    median: float,
    year: int,
    base_pct: float,
    change_pct: float | None,
    substitution: tuple[float, float, float],
) -> SalaryProjection:
    """Pay range at the horizon from today's median, demand and substitution (low, mid, high)."""
    years = HORIZON_YEAR - year
    demand = DEMAND_PP_PER_10PCT * (change_pct or 0.0) / 10.0
    sub_low, sub_mid, sub_high = substitution

    def at(drift: float, sub: float) -> float:
        g = (drift + demand - EXPOSURE_PP * sub) / 100.0
        return median * (1.0 + g) ** years

    low = at(base_pct - BASE_BAND_PP, sub_high)
    mid = at(base_pct, sub_mid)
    high = at(base_pct + BASE_BAND_PP, sub_low)
    # The two adjustments are percentage points added to the yearly growth, written out
    # ("+0.4 percentage points"), not as "+0.4%", which reads as a relative change. No "grows"
    # or "growth" here: the page's consistency check reads such a word beside "employment" as a
    # claim about the employment projection.
    if round(demand, 1) == 0:
        demand_part = "no change for the BLS employment projection (too small to count)"
    else:
        demand_part = f"{_points(demand, 1)} a year for the BLS employment projection"
    sub_part = (
        f"{_points(-EXPOSURE_PP * sub_mid, 2)} a year because AI could do {fx.pct(sub_mid)} of "
        "the work with little human input (1 point if it could do all of it)"
    )
    method = (
        f"A scenario, not a forecast: the median rises as pay for all occupations did, "
        f"{fx.signed_pct(base_pct)} a year (May 2024 to May {year}), with {demand_part} and "
        f"{sub_part}; the range allows for uncertainty in that share and for all-occupation pay "
        "rising half a percentage point a year faster or slower."
    )
    return SalaryProjection(HORIZON_YEAR, low=low, mid=mid, high=high, method=method)


def _points(value: float, decimals: int) -> str:
    """Percentage points with their sign: "+0.4 percentage points", "-0.49 percentage points",
    "0 percentage points" when the value rounds to nothing (no "-0.00")."""
    if round(value, decimals) == 0:
        return "0 percentage points"
    return f"{value:+.{decimals}f} percentage points"


def pressure_sentence(change_pct: float | None, substitution: float) -> str:
    """The link between demand, exposure and pay, stated plainly for this occupation."""
    heavy = substitution >= 0.35
    light = substitution < 0.15
    if change_pct is None:
        demand = "With no BLS projection, demand is treated as neutral for pay"
    elif round(DEMAND_PP_PER_10PCT * change_pct / 10.0, 1) == 0:
        # the projection moves the scenario's yearly pay growth by less than 0.05 points
        demand = (
            f"Projected employment change ({fx.signed_pct(change_pct)}) is too small to move pay"
        )
    else:
        word = fx.growth_word(change_pct)
        demand = {
            "grow": "Projected employment growth supports pay",
            "decline": "Projected employment decline weighs on pay",
            "flat": "Flat projected employment leaves pay to follow the wider market",
        }[word]
    # In plain words: the substitution share is the work AI could do with little human input.
    # No "growth" here (the consistency check reads it beside "employment" as a projection).
    share = fx.pct(substitution)
    if heavy:
        tail = (
            f"and AI could do {share} of this work with little human input, which tends to hold "
            "pay rises back"
        )
    elif light:
        tail = (
            f"while AI could do only {share} of this work with little human input, too little "
            "to hold pay back"
        )
    else:
        tail = (
            f"while AI could do {share} of this work with little human input, which may hold "
            "pay rises back somewhat"
        )
    return f"{demand}, {tail}."


def build_salary(
    area_wage: Any,
    national_wage: Any,
    prior_national: Any,
    base_pct: float,
    change_pct: float | None,
    substitution: tuple[float, float, float],
    area_label: str,
    source: str,
) -> Salary:
    """The salary section from OEWS rows (area, national, prior-year national)."""
    w = area_wage
    change = None
    if (
        prior_national is not None
        and prior_national.annual_median
        and national_wage is not None
        and national_wage.annual_median
    ):
        change = (national_wage.annual_median / prior_national.annual_median - 1.0) * 100.0
    median = w.annual_median
    projection = (
        project(median, w.year, base_pct, change_pct, substitution) if median is not None else None
    )
    hourly_only = HOURLY_ONLY in w.notes
    # Hourly-only, or no annual median: the salary gap (:func:`annual_gap`) says it once, in a
    # sentence; BLS's footnote (or a note of ours) would say it again.
    notes = tuple(n for n in w.notes if n != HOURLY_ONLY)
    return Salary(
        year=w.year,
        area=area_label,
        median_annual=median,
        p10_annual=w.annual_p10,
        p25_annual=w.annual_p25,
        p75_annual=w.annual_p75,
        p90_annual=w.annual_p90,
        mean_annual=w.annual_mean,
        hourly_median=w.hourly_median,
        employment=w.employment,
        national_median_annual=None if national_wage is None else national_wage.annual_median,
        change_since_prior_pct=change,
        projection=projection,
        pressure=pressure_sentence(change_pct, substitution[1]),
        notes=notes,
        source=source,
        hourly_mean=w.hourly_mean,
        hourly_only=hourly_only,
        hourly_p10=w.hourly_p10,
        hourly_p25=w.hourly_p25,
        hourly_p75=w.hourly_p75,
        hourly_p90=w.hourly_p90,
    )


def annual_gap(salary: Salary) -> Section | None:
    """The gap to list when BLS publishes no annual median (hourly-only occupations included)."""
    if salary.median_annual is not None:
        return None
    if salary.hourly_only:
        return Section(
            "salary",
            f"BLS publishes only hourly wages for this occupation (OEWS May {salary.year}): the "
            "annual median and percentiles are not published, so no pay projection is made.",
        )
    return Section(
        "salary",
        f"OEWS May {salary.year} publishes no annual median for this occupation here (see the "
        "notes), so no annual pay or projection is shown.",
    )
