"""Build the risk table from the knowledge base: score every task once, aggregate in one pass.

Steps: (1) score all ~18,000 tasks in one batch through the scoring layer; (2) aggregate them per
occupation (:mod:`ai_impact.risk.aggregate`); (3) occupations without O*NET task statements
borrow the aggregates of their nearest related occupations in the same SOC group; (4) join the
industry's AI adoption (employment-weighted over the occupation's sectors), the BLS projection
and the OEWS median; (5) apply the formula. The result is cached on disk, keyed by the
knowledge base key, the task model version and :data:`RISK_VERSION`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from ai_impact.risk.aggregate import Aggregates, TaskArrays, aggregate, task_weight
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
    "stand_in_tasks",
    "task_arrays",
    "work_sentences",
]

# Bump with any change to the formula, the aggregation or the donor rule: it names the cache.
RISK_VERSION = "risk-7"  # risk-3: exposed tasks counted by scoring.exposed (P(E0) < 0.5);
# risk-4: donors of task-less occupations from the same SOC minor group before the major group;
# risk-5: the all-sector adoption figure for occupations mostly employed outside BTOS's sectors;
# risk-6: an "All Other" described only by its definition reads its SOC group's descriptions;
# risk-7: description sentences about who is counted ("Includes …") stand in for no task
MAX_DONORS = 3
# Share of an occupation's employment that must lie in sectors BTOS surveys for their adoption
# figure to stand for it; below it the all-sector figure is used (public administration, private
# households and the self-employed are outside the survey).
MIN_SURVEYED_SHARE = 0.5
# O*NET's description of a residual occupation that says only what it is, no work: "All
# military officer special and tactical operations leaders not listed separately."
_DEFINITION = re.compile(r"^all\b[^.;]*\bnot (?:listed|classified) separately\b\W*$", re.I)
_SENTENCE = re.compile(r"(?<=[.;])\s+")
_LEAD_IN = re.compile(r"^(?:(?:duties|tasks) (?:may )?includes?:?\s+|(?:and|or)\s+)", re.IGNORECASE)
# Sentences of a description that say who is counted or trained, not what is done: O*NET's
# "Includes …" / "Excludes …" scope notes, its supervisors' boilerplate "Supervisors may also
# perform the same activities as the workers they supervise." and "In addition to their combat
# training, …". They stand in for no task.
_NOT_WORK = re.compile(
    r"^(?:includes|excludes)\b|^supervisors may also perform the same activities\b|"
    r"^in addition to (?:their|its|his|her) \w+ training\b",
    re.IGNORECASE,
)

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


def choose_donors(
    code: str,
    related: Sequence[str],
    with_tasks: dict[str, str],
    minor_of: dict[str, str],
) -> tuple[str, ...]:
    """Up to three occupations whose tasks stand in for one that has none.

    Preference: O*NET's related occupations in the same SOC minor group, then in the same major
    group, then any occupation with tasks in the same broad, minor or major group (code order).
    ``with_tasks`` maps each code that has tasks to its SOC code.
    """
    minor = minor_of[code]
    major = code[:2]
    picks: list[str] = [r for r in related if r in with_tasks and minor_of.get(r) == minor]
    picks += [r for r in related if r in with_tasks and r[:2] == major and r not in picks]
    broad = code[:6]  # "21-209" of 21-2099.00: the broad group 21-2090
    levels = (
        lambda other: other.startswith(broad),
        lambda other: minor_of.get(other) == minor,  # minor codes read "21-2000"
        lambda other: other[:2] == major,
    )
    for same_group in levels:
        for other in sorted(with_tasks):
            if len(picks) >= MAX_DONORS:
                break
            if other not in picks and other != code and same_group(other):
                picks.append(other)
    return tuple(picks[:MAX_DONORS])


def _borrow(agg: Aggregates, donors: dict[int, list[int]]) -> dict[str, FloatArray]:
    """Aggregate columns with each task-less occupation set to the mean of its donors."""
    cols = {
        name: np.array(getattr(agg, name), dtype=np.float64)
        for name in Aggregates.__dataclass_fields__
    }
    for target, ds in donors.items():
        if not ds:
            continue
        for name, arr in cols.items():
            vals = arr[ds]
            arr[target] = float(vals.sum()) if name == "n_tasks" else float(np.nanmean(vals))
    return cols


def component_values(cols: dict[str, FloatArray], key: str) -> dict[str, FloatArray]:
    """The five 0–1 component values; ``key`` picks the central, low or high exposure inputs."""
    suffix = "" if key == "mid" else f"_{key}"
    return {
        "exposure": np.clip(cols[f"beta{suffix}"] / BETA_SCALE, 0.0, 1.0),
        "substitution": np.clip(cols[f"substitution{suffix}"] / SUBSTITUTION_SCALE, 0.0, 1.0),
        "ai_usage": np.nan_to_num(cols["ai_usage"], nan=0.0),
        "adoption": cols["adoption_value"],
        "demand": cols["demand_value"],
    }


def description_sentences(description: str) -> list[str]:
    """An occupation description cut into sentences: stand-in tasks when nothing else exists.

    A list of duties ("Duties include managing …; formulating …; and directing …") becomes
    one statement per duty ("Managing …", "Formulating …", "Directing …")."""
    parts = [_as_task(p) for p in _SENTENCE.split(description) if len(p.strip()) > 3]
    parts = [p for p in parts if len(p) > 3]
    return parts or [description.strip() or "Perform the duties of the occupation."]


def work_sentences(description: str) -> list[str]:
    """The sentences of a description that stand in for tasks: :func:`description_sentences`
    without those about who is counted or trained ("Includes …", "Supervisors may also
    perform the same activities as the workers they supervise."), unless nothing else is
    left."""
    parts = description_sentences(description)
    return [p for p in parts if not _NOT_WORK.match(p)] or parts


def defines_only(description: str) -> bool:
    """Whether an occupation's description only defines it ("All … not listed separately."),
    with no sentence about its work to stand in for a task."""
    return bool(_DEFINITION.match(description.strip()))


def stand_in_tasks(occ: Any, occupations: Sequence[Any]) -> list[tuple[str, str]]:
    """(code, sentence) standing in for the tasks of ``occ``, which has neither task statements
    nor donors: its description's sentences, or, when the description only defines it (the
    military "All Other" groups), the descriptions of the other occupations of its SOC minor
    group, each sentence under the code of the occupation it describes. A definition is no
    task: scored as one, "All military officer … not listed separately." was listed as the
    work that stays with people (QA15)."""
    if not defines_only(occ.description):
        return [(occ.code, s) for s in work_sentences(occ.description)]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for o in occupations:
        if (
            o.code != occ.code
            and o.minor_code == occ.minor_code
            and not defines_only(o.description)
        ):
            for text in work_sentences(o.description):
                if (key := " ".join(text.casefold().split())) not in seen:
                    seen.add(key)
                    out.append((o.code, text))
    return out or [(occ.code, s) for s in description_sentences(occ.description)]


def _as_task(part: str) -> str:
    """One piece of a description as a statement: list lead-ins and joining words off, a
    capital and one full stop ("and directing operation of …;" → "Directing operation of …")."""
    text = _LEAD_IN.sub("", part.strip()).strip().rstrip(";,. ")
    return text[:1].upper() + text[1:] + "." if text else ""


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
    cols = _borrow(agg, donors)
    cols["n_exposed"] = exposed.astype(np.float64)
    cols["n_observed"] = observed.astype(np.float64)
    for target, ds in donors.items():
        cols["n_exposed"][target] = cols["n_exposed"][ds].sum()
        cols["n_observed"][target] = cols["n_observed"][ds].sum()
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
