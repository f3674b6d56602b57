"""The risk formula, the task aggregation, donors and blends: exact values on small inputs."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from ai_impact.risk.aggregate import TaskArrays, aggregate
from ai_impact.risk.blend import blend_rows
from ai_impact.risk.build import choose_donors, description_sentences, work_sentences
from ai_impact.risk.formula import (
    CATEGORIES,
    COMPONENTS,
    category_bounds,
    category_of,
    demand_pressure,
    risk_from_components,
)
from ai_impact.risk.table import OccupationRisk


def _values(x: float) -> dict[str, np.ndarray]:
    return {c.key: np.array([x]) for c in COMPONENTS}


def test_weights_sum_to_one_and_scale_spans_1_to_10() -> None:
    assert sum(c.weight for c in COMPONENTS) == pytest.approx(1.0)
    assert risk_from_components(_values(0.0))[0] == pytest.approx(1.0)
    assert risk_from_components(_values(1.0))[0] == pytest.approx(10.0)
    assert risk_from_components(_values(0.5))[0] == pytest.approx(5.5)


@pytest.mark.parametrize(
    ("score", "category"),
    [(1.0, "very low"), (2.44, "very low"), (2.46, "low"), (3.94, "low"), (4.0, "moderate"),
     (5.74, "moderate"), (5.8, "high"), (6.94, "high"), (6.96, "very high"), (10.0, "very high")],
)  # fmt: skip
def test_category_cut_offs(score: float, category: str) -> None:
    """Categories apply to the score as the page shows it (one decimal)."""
    assert category_of(score) == category


def test_category_bounds_tile_the_scale() -> None:
    bounds = [category_bounds(c) for c in CATEGORIES]
    assert bounds[0][0] == 1.0 and bounds[-1][1] == 10.0
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))


def test_demand_pressure_direction() -> None:
    got = demand_pressure(np.array([-30.0, -20.0, 0.0, 20.0, 40.0]))
    assert got.tolist() == [1.0, 1.0, 0.5, 0.0, 0.0]


def _tasks(occ: list[int], types: list[float], beta: list[float], auto: list[float]) -> TaskArrays:
    b = np.array(beta)
    p_alone = np.where(b == 1.0, 1.0, 0.0)
    p_tools = np.where(b == 0.5, 1.0, 0.0)
    return TaskArrays(
        occ=np.array(occ, dtype=np.int64),
        weight=np.array(types),
        p_none=1.0 - p_alone - p_tools,
        p_alone=p_alone,
        p_tools=p_tools,
        beta=b,
        beta_low=b * 0.5,
        beta_high=np.minimum(b * 1.5, 1.0),
        automation=np.array(auto),
        observed_use=np.array([True, False, False, True]),
        labelled=np.array([True, True, False, True]),
    )


def test_aggregate_weights_core_tasks_twice() -> None:
    t = _tasks([0, 0, 0, 1], [2.0, 1.0, 1.0, 2.0], [1.0, 0.0, 0.5, 0.0], [4.0, 0.0, 2.0, 0.0])
    agg = aggregate(t, 3)
    # occupation 0: β = (2·1 + 1·0 + 1·0.5) / 4; substitution = (2·1·1 + 1·1·0.5) / 4
    assert agg.beta[0] == pytest.approx(0.625)
    assert agg.substitution[0] == pytest.approx(0.625)
    assert agg.ai_usage[0] == pytest.approx(0.5)
    assert agg.labelled_share[0] == pytest.approx(0.75)
    assert agg.beta[1] == 0.0 and agg.n_tasks.tolist() == [3, 1, 0]
    assert np.isnan(agg.beta[2])
    assert agg.beta_low[0] < agg.beta[0] < agg.beta_high[0]


def test_donors_prefer_related_in_the_same_minor_group() -> None:
    # No detailed O*NET occupation under 15-1299 itself: the related-occupation rule applies.
    with_tasks = {"15-1252.00": "15-1252", "15-1221.00": "15-1221", "13-2011.00": "13-2011"}
    minor = {"15-1299.00": "15-1200", "15-1252.00": "15-1200", "15-1221.00": "15-1200",
             "13-2011.00": "13-2000"}  # fmt: skip
    got = choose_donors("15-1299.00", ["13-2011.00", "15-1252.00"], with_tasks, minor)
    assert got[0] == "15-1252.00"
    assert "13-2011.00" not in got  # another major group never donates
    assert set(got) == {"15-1252.00", "15-1221.00"}


def test_donors_fill_from_the_minor_group_before_the_major_group() -> None:
    # Religious Workers, All Other (minor group 21-2000) has no related occupation with tasks:
    # clergy and religious directors come before counsellors of another minor group.
    with_tasks = {c: c[:7] for c in ("21-1011.00", "21-1012.00", "21-1013.00", "21-2011.00",
                                     "21-2021.00")}  # fmt: skip
    minor = {"21-2099.00": "21-2000", "21-2011.00": "21-2000", "21-2021.00": "21-2000",
             "21-1011.00": "21-1000", "21-1012.00": "21-1000", "21-1013.00": "21-1000"}  # fmt: skip
    got = choose_donors("21-2099.00", [], with_tasks, minor)
    assert got == ("21-2011.00", "21-2021.00", "21-1011.00")


def test_description_sentences_split_on_full_stops() -> None:
    text = "Lead troops in combat. Plan missions; brief crews. Operate radios."
    assert description_sentences(text) == [
        "Lead troops in combat.",
        "Plan missions.",
        "Brief crews.",
        "Operate radios.",
    ]


def test_sentences_about_who_is_counted_stand_in_for_no_task() -> None:
    text = (
        "Supervise and coordinate the activities of air crew members. Supervisors may also "
        "perform the same activities as the workers they supervise. Includes flight engineers."
    )
    assert work_sentences(text) == ["Supervise and coordinate the activities of air crew members."]
    assert len(description_sentences(text)) == 3  # the matcher's index keeps every sentence
    text = "In addition to their combat training, members often learn to dive."
    assert work_sentences(text) == [text]  # nothing else: kept rather than nothing


def test_a_list_of_duties_becomes_one_statement_each() -> None:
    text = (
        "Operate weapons in combat. Duties include operating and maintaining weapons; "
        "evaluating terrain; and participating in reconnaissance."
    )
    assert description_sentences(text) == [
        "Operate weapons in combat.",
        "Operating and maintaining weapons.",
        "Evaluating terrain.",
        "Participating in reconnaissance.",
    ]


def _row(code: str, score: float, values: tuple[float, ...], n: int) -> OccupationRisk:
    return OccupationRisk(
        code=code, soc=code[:7], title=code, industry="Technology", industry_slug="technology",
        donors=(), basis="tasks", n_tasks=n, n_exposed=n, n_observed=0, beta=values[0] * 0.85,
        beta_low=0.1, beta_high=0.9, share_none=0.2, share_alone=0.5, share_tools=0.3,
        automation=0.5, substitution=values[1] * 0.75, substitution_low=0.1,
        substitution_high=0.6, labelled_share=1.0, ai_usage=values[2], adoption_pct=20.0,
        adoption_all_pct=8.1, adoption_sector="Information", adoption_period="2025-09-08",
        change_pct=10.0, openings_annual=5.0, median_annual=100000.0, employment=1000.0,
        values=values, score=score, low=score - 0.5, high=score + 0.5, category=category_of(score),
    )  # fmt: skip


def test_blend_recomputes_the_score_from_blended_components() -> None:
    a = _row("15-2051.00", 1.0 + 9 * 0.35, (1.0, 0.0, 0.0, 0.0, 0.0), 10)
    b = _row("15-1252.00", 1.0, (0.0, 0.0, 0.0, 0.0, 0.0), 20)
    got = blend_rows([a, b], [3.0, 1.0])
    assert got.code == "15-2051.00"
    assert got.values[0] == pytest.approx(0.75)
    assert got.score == pytest.approx(1.0 + 9 * 0.35 * 0.75)
    assert got.n_tasks == 30
    assert got.median_annual == pytest.approx(100000.0)
    assert blend_rows([a], [1.0]) is a
