"""AI use the Anthropic Economic Index does not cover, and "All Other" occupations resting on the
detailed O*NET occupations of their own SOC code (QA issues 5 and 8)."""

from __future__ import annotations

import numpy as np
import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.reports.build import build_report
from ai_impact.reports.engine import Engine
from ai_impact.reports.narrative import usage_sentence
from ai_impact.reports.risk_sections import exposure_breakdown
from ai_impact.risk.aggregate import Aggregates
from ai_impact.risk.build import _borrow, component_values, neutral_usage
from ai_impact.risk.donors import choose_donors, detailed_members
from ai_impact.settings import Settings
from ai_impact.sources.aei import join_shares, loose_key

# -- the join -------------------------------------------------------------------------------------


def test_a_task_is_joined_by_its_own_text_first() -> None:
    shares = {"clean raw data.": 0.5, "clean raw data": 0.2}
    got = join_shares([(1, ["Clean raw data."])], shares)
    assert got[1].share == 0.5 and got[1].match == "text"


def test_an_earlier_wording_of_the_same_task_id_joins_with_punctuation_ignored() -> None:
    shares = {"prepare shipping documents, such as bills of lading.": 0.3}
    tasks = [
        (
            7,
            [
                "Prepare shipping documentation.",
                "Prepare shipping documents such as bills of lading",
            ],
        )
    ]
    got = join_shares(tasks, shares)
    assert got[7].share == pytest.approx(0.3) and got[7].match == "wording"


def test_and_or_rewordings_join_loosely_and_other_words_do_not() -> None:
    shares = {"modify, update, and process existing policies.": 0.1}
    assert loose_key("Modify, update, or process existing policies.") == loose_key(
        "modify update and process existing policies"
    )
    got = join_shares(
        [
            (1, ["Modify, update, or process existing policies."]),
            (2, ["Modify existing policies."]),
        ],
        shares,
    )
    assert got[1].match == "loose" and got[1].share == pytest.approx(0.1)
    assert 2 not in got  # a dropped word is another statement, not a rewording


# -- unknown use ----------------------------------------------------------------------------------


def _aggregates(usage: list[float]) -> Aggregates:
    n = len(usage)
    ones = np.ones(n)
    return Aggregates(
        np.ones(n, dtype=np.int64), *(ones * 0.5 for _ in range(11)), np.asarray(usage)
    )


def test_unknown_use_is_left_out_of_a_donor_mean_and_stays_unknown_when_all_are() -> None:
    cols = _borrow(_aggregates([0.4, np.nan, np.nan, np.nan]), {2: [0, 1], 3: [1]})
    assert cols["ai_usage"][2] == pytest.approx(0.4)  # not (0.4 + 0) / 2
    assert np.isnan(cols["ai_usage"][3])


def test_unknown_use_counts_as_the_median_of_covered_occupations_as_exposed() -> None:
    usage = np.asarray([0.1, 0.3, 0.5, np.nan, 0.9] + [0.6] * 9)
    beta = np.asarray([0.1, 0.1, 0.1, 0.1, 0.1] + [0.8] * 9)
    own = np.asarray([True] * 4 + [False] + [True] * 9)  # the fifth rests on donors
    fill = neutral_usage(usage, beta, own)
    assert fill[3] == pytest.approx(0.3)  # the low-exposure band: 0.1, 0.3, 0.5
    assert fill[5] == pytest.approx(0.6)
    usage, fill = usage[:5], fill[:5]
    cols = {"ai_usage": usage, "usage_fill": fill, "beta": np.zeros(5),
            "substitution": np.zeros(5), "adoption_value": np.zeros(5),
            "demand_value": np.zeros(5)}  # fmt: skip
    values = component_values(cols, "mid")["ai_usage"]
    assert values[3] == pytest.approx(0.3) and values[0] == pytest.approx(0.1)


# -- donors ---------------------------------------------------------------------------------------


def test_an_all_other_rests_on_every_detailed_occupation_of_its_soc_code() -> None:
    with_tasks = {c: c[:7] for c in ("31-9091.00", "31-9092.00", "31-9099.01", "31-9099.02")}
    minor = {c: "31-9000" for c in (*with_tasks, "31-9099.00")}
    assert detailed_members("31-9099.00", with_tasks) == ("31-9099.01", "31-9099.02")
    got = choose_donors("31-9099.00", ["31-9091.00", "31-9092.00"], with_tasks, minor)
    assert got == ("31-9099.01", "31-9099.02")  # never the sibling SOC codes it excludes


# -- real data ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase, settings: Settings) -> Engine:
    return Engine(kb, settings)


def test_data_scientists_use_is_unknown_not_zero(engine: Engine) -> None:
    row = engine.table.row("15-2051.00")
    assert row.ai_usage is None and row.n_observed == 0
    # counted as the median of the most exposed covered occupations, not as 0
    assert row.values[2] > 0.3
    roofers = engine.table.row("47-2181.00")  # not covered either, little exposed
    assert roofers.ai_usage is None and 0 < roofers.values[2] < 0.15
    text = usage_sentence(exposure_breakdown(row))
    assert "no coverage for these task statements" in text and "0%" not in text
    page = build_report(engine, "15-2051.00")
    usage = next(c for c in page.risk.components if c.key == "ai_usage")
    assert usage.display.startswith("no AEI coverage") and "0% of task weight" not in usage.display


def test_earlier_wordings_give_more_tasks_a_share(kb: KnowledgeBase) -> None:
    stats = kb.stats()
    assert stats["tasks_with_aei"] > stats["tasks_with_aei_by_wording"] > 0
    # Gambling Managers' only sampled task is named in an earlier wording
    assert any(t.aei_share for t in kb.tasks_of("11-9071.00"))


def test_covered_occupations_keep_a_measured_share(engine: Engine) -> None:
    row = engine.table.row("15-1252.00")  # software developers: seen in use
    assert row.ai_usage is not None and row.ai_usage > 0 and row.n_observed > 0


def test_healthcare_support_all_other_rests_on_its_own_detailed_occupations(
    engine: Engine,
) -> None:
    row = engine.table.row("31-9099.00")
    assert row.donors == ("31-9099.01", "31-9099.02")
    page = build_report(engine, "31-9099.00")
    note = page.header.rests_on_note
    assert note is not None and "detailed O*NET occupations in its SOC code 31-9099" in note
    assert "Dental Assistants" not in note and page.header.rests_on == row.donors
    computer = engine.table.row("15-1299.00").donors
    assert computer == tuple(f"15-1299.0{i}" for i in range(1, 10))
