"""Build the risk table from the knowledge base: score every task once, aggregate in one pass.

Steps: (1) score all ~18,000 tasks in one batch through the scoring layer; (2) aggregate them per
occupation (:mod:`ai_impact.risk.aggregate`); (3) occupations without O*NET task statements
borrow the aggregates of their donors (:mod:`ai_impact.risk.donors`), and AI use the Anthropic
Economic Index does not cover is counted as the median of the occupations it covers; (4) join the
industry's AI adoption (employment-weighted over the occupation's sectors), the BLS projection
and the OEWS median; (5) apply the formula. The result is cached on disk, keyed by the
knowledge base key, the task model version and :data:`RISK_VERSION`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from ai_impact.risk.aggregate import Aggregates, TaskArrays, aggregate, task_weight
from ai_impact.risk.donors import (
    choose_donors,
    defines_only,
    description_sentences,
    detailed_members,
    stand_in_tasks,
    work_sentences,
)
from ai_impact.risk.formula import (
    BETA_SCALE,
    COMPONENTS,
    SUBSTITUTION_SCALE,
    demand_pressure,
    risk_from_components,
)
from ai_impact.risk.table import DESCRIPTION_BASIS, FLOAT_COLUMNS, RiskTable
from ai_impact.scoring.exposed import exposed_mask

__all__ = [
    "RISK_VERSION",
    "build_table",
    "choose_donors",
    "component_values",
    "defines_only",
    "description_sentences",
    "detailed_members",
    "neutral_usage",
    "stand_in_tasks",
    "task_arrays",
    "work_sentences",
]

# Bump with any change to the formula, the aggregation or the donor rule: it names the cache.
RISK_VERSION = "risk-10"  # risk-3: exposed tasks counted by scoring.exposed (P(E0) < 0.5);
# risk-4: donors of task-less occupations from the same SOC minor group before the major group;
# risk-5: the all-sector adoption figure for occupations mostly employed outside BTOS's sectors;
# risk-6: an "All Other" described only by its definition reads its SOC group's descriptions;
# risk-7: description sentences about who is counted ("Includes …") stand in for no task;
# risk-8: AEI shares joined through earlier wordings, usage unknown (the median of covered
# occupations as exposed) where the sample names none of the tasks, and an "All Other" with detailed
# O*NET occupations under its own SOC code rests on all of them
# risk-9: description duties read as imperative tasks, the opening summary left out when the duties
# restate it (military occupations, QA #34)
# risk-10: "These activities include raids, …" reads as a task, "Conduct raids, …"
# (55-1017, 55-3018)
# Share of an occupation's employment that must lie in sectors BTOS surveys for their adoption
# figure to stand for it; below it the all-sector figure is used (public administration, private
# households and the self-employed are outside the survey).
MIN_SURVEYED_SHARE = 0.5
# Bands of exposure β (equal numbers of covered occupations) within which an occupation the
# Anthropic Economic Index does not cover takes the median AI use of those it covers.
USAGE_BANDS = 10
FloatArray = NDArray[np.float64]


class ScoreLike(Protocol):
    """What the risk layer reads from a task score (``ai_impact.scoring.TaskScore``)."""

    @property
    def exposure(self) -> dict[str, float]: ...
    @property
    def beta(self) -> float: ...
    @property
    def beta_low(self) -> float: ...
    @property
    def beta_high(self) -> float: ...
    @property
    def automation(self) -> float: ...
    @property
    def source(self) -> str: ...


def task_arrays(
    positions: Sequence[int],
    task_types: Sequence[str | None],
    aei: Sequence[float | None],
    scores: Sequence[ScoreLike],
) -> TaskArrays:
    """Column arrays of all tasks for :func:`~ai_impact.risk.aggregate.aggregate`."""
    n = len(scores)

    def col(values: Any) -> FloatArray:
        return np.fromiter(values, dtype=np.float64, count=n)

    return TaskArrays(
        occ=np.asarray(positions, dtype=np.int64),
        weight=col(task_weight(t) for t in task_types),
        p_none=col(s.exposure.get("E0", 0.0) for s in scores),
        p_alone=col(s.exposure.get("E1", 0.0) for s in scores),
        p_tools=col(s.exposure.get("E2", 0.0) for s in scores),
        beta=col(s.beta for s in scores),
        beta_low=col(s.beta_low for s in scores),
        beta_high=col(s.beta_high for s in scores),
        automation=col(s.automation for s in scores),
        observed_use=np.fromiter(((a or 0.0) > 0.0 for a in aei), dtype=np.bool_, count=n),
        labelled=np.fromiter((s.source != "model" for s in scores), dtype=np.bool_, count=n),
    )


def _borrow(agg: Aggregates, donors: dict[int, list[int]]) -> dict[str, FloatArray]:
    """Aggregate columns with each task-less occupation set to the (equal-weight) mean of its
    donors; a donor whose figure is unknown (NaN: AI use the sample does not cover) is left out
    of that figure's mean, and the figure stays unknown when every donor's is."""
    cols = {
        name: np.array(getattr(agg, name), dtype=np.float64)
        for name in Aggregates.__dataclass_fields__
    }
    for target, ds in donors.items():
        if not ds:
            continue
        for name, arr in cols.items():
            vals = arr[ds]
            known = vals[~np.isnan(vals)]
            if name == "n_tasks":
                arr[target] = float(vals.sum())
            else:
                arr[target] = float(known.mean()) if known.size else np.nan
    return cols


def neutral_usage(
    ai_usage: FloatArray, beta: FloatArray, own_tasks: NDArray[np.bool_]
) -> FloatArray:
    """The AI-use value of each occupation the Anthropic Economic Index does not cover: the
    median use of the covered occupations (with task statements of their own) in the same tenth
    of exposure β. Use rises with exposure (the covered occupations' median is 0.07 in the least
    exposed tenth and 0.42 in the most exposed), so one median for all would lift manual work
    and hold back office work; 0 where no occupation is covered."""
    known = own_tasks & ~np.isnan(ai_usage) & ~np.isnan(beta)
    if not known.any():
        return np.zeros_like(ai_usage)
    edges = np.quantile(beta[known], np.linspace(0.0, 1.0, USAGE_BANDS + 1)[1:-1])
    band = np.searchsorted(edges, np.nan_to_num(beta, nan=0.0), side="right")
    medians = np.asarray(
        [
            float(np.median(ai_usage[known & (band == k)]))
            if (known & (band == k)).any()
            else float(np.median(ai_usage[known]))
            for k in range(USAGE_BANDS)
        ]
    )
    return medians[band]


def component_values(cols: dict[str, FloatArray], key: str) -> dict[str, FloatArray]:
    """The five 0–1 component values; ``key`` picks the central, low or high exposure inputs."""
    suffix = "" if key == "mid" else f"_{key}"
    return {
        "exposure": np.clip(cols[f"beta{suffix}"] / BETA_SCALE, 0.0, 1.0),
        "substitution": np.clip(cols[f"substitution{suffix}"] / SUBSTITUTION_SCALE, 0.0, 1.0),
        # Unknown use (NaN: the sample names none of the tasks) counts as ``usage_fill``.
        "ai_usage": np.where(
            np.isnan(cols["ai_usage"]), cols.get("usage_fill", 0.0), cols["ai_usage"]
        ),
        "adoption": cols["adoption_value"],
        "demand": cols["demand_value"],
    }


def build_table(
    kb: Any,
    scores: Sequence[ScoreLike],
    tasks: Sequence[Any],
    key: str,
    describe: Callable[[list[str]], Sequence[ScoreLike]] | None = None,
) -> RiskTable:
    """The full risk table from the knowledge base and one score per task (same order).

    Occupations without tasks borrow from donors; those with no donor either (the military
    group has no task statements at all) are scored on their description's sentences with
    ``describe`` (the task model), and their donors column says ``(description)``.
    """
    occs = list(kb.occupations())
    pos = {o.code: i for i, o in enumerate(occs)}
    n = len(occs)
    with_tasks = {t.code: t.code[:7] for t in tasks}
    minor_of = {o.code: o.minor_code for o in occs}
    donors: dict[int, list[int]] = {}
    donor_codes: list[str] = [""] * n
    pseudo_occ: list[int] = []
    pseudo_text: list[str] = []
    for o in occs:
        if o.code in with_tasks:
            continue
        picked = choose_donors(o.code, [r.code for r in kb.related(o.code)], with_tasks, minor_of)
        if picked or describe is None:
            donors[pos[o.code]] = [pos[c] for c in picked]
            donor_codes[pos[o.code]] = "|".join(picked)
            continue
        texts = [text for _, text in stand_in_tasks(o, occs)]
        pseudo_occ += [pos[o.code]] * len(texts)
        pseudo_text += texts
        donor_codes[pos[o.code]] = DESCRIPTION_BASIS
    pseudo_scores = list(describe(pseudo_text)) if pseudo_text and describe else []
    arrays = task_arrays(
        [pos[t.code] for t in tasks] + pseudo_occ,
        [t.task_type for t in tasks] + [None] * len(pseudo_occ),
        [t.aei_share for t in tasks] + [None] * len(pseudo_occ),
        [*scores, *pseudo_scores],
    )
    agg = aggregate(arrays, n)
    exposed = np.bincount(arrays.occ, weights=exposed_mask(arrays.p_none), minlength=n)
    observed = np.bincount(arrays.occ, weights=arrays.observed_use, minlength=n)
    # Not covered: none of the occupation's statements, in any wording, is named by the AEI
    # sample (its O*NET list predates them, or too few conversations reached them to be
    # reported), so its AI use is unknown rather than 0. Borrowed from donors that are covered.
    agg = replace(agg, ai_usage=np.where(observed > 0, agg.ai_usage, np.nan))
    cols = _borrow(agg, donors)
    cols["n_exposed"] = exposed.astype(np.float64)
    cols["n_observed"] = observed.astype(np.float64)
    for target, ds in donors.items():
        cols["n_exposed"][target] = cols["n_exposed"][ds].sum()
        cols["n_observed"][target] = cols["n_observed"][ds].sum()
    own = np.asarray([o.code in with_tasks for o in occs], dtype=np.bool_)
    cols["usage_fill"] = neutral_usage(cols["ai_usage"], cols["beta"], own)
    sector_label, period, all_pct = _adoption(kb, occs, cols)
    _demand_and_pay(kb, occs, cols)
    mid = risk_from_components(component_values(cols, "mid"))
    low = risk_from_components(component_values(cols, "low"))
    high = risk_from_components(component_values(cols, "high"))
    cols["score"], cols["low"] = mid, np.minimum(low, mid)
    cols["high"] = np.maximum(high, mid)
    cols["adoption_all_pct"] = np.full(n, all_pct)
    values = component_values(cols, "mid")
    for c in COMPONENTS:
        cols[f"v_{c.key}"] = values[c.key]
    floats = {k: np.asarray(cols[k], dtype=np.float64) for k in FLOAT_COLUMNS}
    ints = {
        "n_tasks": np.asarray(cols["n_tasks"], dtype=np.int64),
        "n_exposed": np.asarray(cols["n_exposed"], dtype=np.int64),
        "n_observed": np.asarray(cols["n_observed"], dtype=np.int64),
    }
    strings = {
        "code": [o.code for o in occs],
        "soc": [o.soc for o in occs],
        "title": [o.title for o in occs],
        "industry": [o.industry for o in occs],
        "industry_slug": [o.industry_slug for o in occs],
        "donors": donor_codes,
        "adoption_sector": sector_label,
        "adoption_period": period,
    }
    return RiskTable(floats, ints, strings, key)


def _adoption(
    kb: Any, occs: list[Any], cols: dict[str, FloatArray]
) -> tuple[list[str], list[str], float]:
    """Employment-weighted share of firms using AI across each occupation's sectors.

    Uses each sector's latest comparable BTOS period; the component is that share divided by
    the highest sector share, so the fastest-adopting sector scores 1. Returns the main
    sector's name and period per occupation, and the all-sector share.
    """
    by_sector = {r.sector_code: r for r in kb.adoption_all()}
    national = by_sector.pop("XX", None)
    top = max(r.share_pct for r in by_sector.values())
    all_pct = (
        national.share_pct
        if national is not None
        else float(np.mean([r.share_pct for r in by_sector.values()]))
    )
    n = len(occs)
    pct = np.full(n, np.nan)
    labels: list[str] = [""] * n
    periods: list[str] = [""] * n
    for i, o in enumerate(occs):
        shares = [s for s in kb.sector_shares(o.code) if s.sector_code in by_sector and s.share > 0]
        total = sum(s.share for s in shares)
        if total < MIN_SURVEYED_SHARE:
            # Mostly employed where BTOS does not survey (government: 96% of police officers):
            # a minor private employer must not stand for the occupation; all sectors do.
            continue
        pct[i] = sum(s.share * by_sector[s.sector_code].share_pct for s in shares) / total
        main = by_sector[max(shares, key=lambda s: s.share).sector_code]
        labels[i] = main.sector_name
        periods[i] = main.period_start or main.period
    cols["adoption_pct"] = pct
    cols["adoption_value"] = np.clip(np.nan_to_num(pct, nan=all_pct) / top, 0.0, 1.0)
    return labels, periods, all_pct


def _demand_and_pay(kb: Any, occs: list[Any], cols: dict[str, FloatArray]) -> None:
    """BLS 2024–34 change and openings, OEWS national median and employment, per occupation."""
    n = len(occs)
    change = np.full(n, np.nan)
    openings = np.full(n, np.nan)
    median = np.full(n, np.nan)
    employment = np.full(n, np.nan)
    for i, o in enumerate(occs):
        p = kb.projection(o.code)
        if p is not None:
            change[i] = np.nan if p.change_pct is None else p.change_pct
            openings[i] = np.nan if p.openings_annual is None else p.openings_annual
        w = kb.wage(o.code)
        if w is not None:
            median[i] = np.nan if w.annual_median is None else w.annual_median
            employment[i] = np.nan if w.employment is None else w.employment
    cols["change_pct"], cols["openings_annual"] = change, openings
    cols["median_annual"], cols["employment"] = median, employment
    cols["demand_value"] = demand_pressure(np.nan_to_num(change, nan=0.0))


def cache_path(cache_dir: Path, key: str) -> Path:
    """Where the risk table of one knowledge base + model + formula version is cached."""
    return cache_dir / f"risk-table-{key}.npz"
