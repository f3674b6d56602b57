"""The risk summary and exposure figures of a report, as the page shows them.

Section 2 (the score, its range, category and decomposition into components) and the exposure
figures of "how the profession is changing", from one (possibly blended) risk-table row; and the
label of the adoption survey's period.
"""

from __future__ import annotations

from ai_impact.reports import figures as fx
from ai_impact.reports.model import ExposureBreakdown, RiskComponent, RiskSummary
from ai_impact.risk.formula import COMPONENTS, category_bounds, category_index, category_of
from ai_impact.risk.table import OccupationRisk

__all__ = [
    "component_phrase",
    "exposure_breakdown",
    "period_label",
    "range_sentence",
    "risk_summary",
]


def _display(key: str, r: OccupationRisk, blended: bool) -> str:
    """The value of a component as the page shows it (a blend's demand is a weighted mean)."""
    if key == "exposure":
        return f"β {r.beta:.2f}"
    if key == "substitution":
        return f"{fx.pct(r.substitution)} of the work"
    if key == "ai_usage":
        if r.ai_usage is None:  # the AEI sample names none of the tasks: counted as its median
            median = fx.pct(r.values[2])
            return (
                f"no AEI coverage of these tasks, counted as the median at its exposure ({median})"
            )
        return f"{fx.pct(r.ai_usage)} of task weight in use"
    if key == "adoption":
        if r.adoption_pct is None:
            all_pct = r.adoption_all_pct or 0.0
            return f"no sector figure; all sectors {fx.number(all_pct)}%"
        return f"{fx.number(r.adoption_pct)}% of firms"
    if r.change_pct is None:
        return "no projection, counted as neutral"
    text = f"{fx.signed_pct(r.change_pct)} employment by 2034"
    return f"{text}, weighted mean of the blend" if blended else text


def component_phrase(c: RiskComponent, name: str, *, raises: bool) -> str:
    """A component named with its figure in the overview's sentence on what moves the score:
    "its exposure index (β 0.45)".

    Demand is the BLS employment projection, driven by much besides AI (trade, demography,
    budgets, prices), while the page's headline is AI disruption risk; so it reads as what it
    is (QA #24): "projected demand (-3.3% employment by 2034, BLS; not only from AI)" where it
    raises the score, "projected demand (+14.9% employment by 2034, BLS)" where it holds it
    down.
    """
    if c.key != "demand":
        return f"{name} ({c.display})"
    return f"projected demand ({c.display}, {'BLS; not only from AI' if raises else 'BLS'})"


def risk_summary(r: OccupationRisk, *, blended: bool = False) -> RiskSummary:
    """Score, range, category and decomposition of one (possibly blended) risk record."""
    comps = tuple(
        RiskComponent(
            key=c.key,
            label=c.label,
            value=float(v),
            weight=c.weight,
            contribution=c.weight * float(v),
            display=_display(c.key, r, blended),
            source=c.source,
            short=c.short,
        )
        for c, v in zip(COMPONENTS, r.values, strict=True)
    )
    return RiskSummary(
        score=r.score,
        category=r.category,
        category_range=category_bounds(r.category),
        low=r.low,
        high=r.high,
        components=comps,
    )


def range_sentence(risk: RiskSummary) -> str | None:
    """A warning when the headline category is one end of a range that spans three or more.

    The range (from label uncertainty) can run across two category boundaries while the score
    sits in the category of its low or high end: a "moderate" medical transcriptionist whose
    range reaches 8.1. The sentence names the far end and its category, figures the page shows.
    """
    low, high = category_of(risk.low), category_of(risk.high)
    if category_index(risk.high) - category_index(risk.low) < 2:
        return None
    if risk.category == low:
        end, word, far = "lowest", "up", risk.high
    elif risk.category == high:
        end, word, far = "highest", "down", risk.low
    else:
        return None
    return (
        f"The score sits in the {end} category its range reaches: the task labels disagree "
        f"enough that the range runs {word} to {fx.score(far)}, which would be "
        f"{category_of(far)}."
    )


def exposure_breakdown(r: OccupationRisk) -> ExposureBreakdown:
    """The exposure figures of one occupation row, as the report shows them."""
    return ExposureBreakdown(
        beta=r.beta,
        beta_low=r.beta_low,
        beta_high=r.beta_high,
        share_none=r.share_none,
        share_llm_alone=r.share_alone,
        share_with_tools=r.share_tools,
        automation=r.automation,
        substitution_share=r.substitution,
        labelled_share=r.labelled_share,
        ai_usage_share=r.ai_usage,
        n_tasks=r.n_tasks,
        n_exposed=r.n_exposed,
        n_observed_use=r.n_observed,
    )


def period_label(period: str | None) -> str | None:
    """A BTOS period start date (2025-09-08) as 'BTOS, Sep 2025'."""
    if not period or len(period) < 7 or period[4] != "-":
        return period
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"BTOS, {months[int(period[5:7]) - 1]} {period[:4]}"
