"""The outlook sentence compares with BLS's all-occupation change and states it (QA #21)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.reports import narrative as nv
from ai_impact.reports.consistency import check_report
from ai_impact.reports.service import Analyses
from ai_impact.settings import Settings


@pytest.fixture(scope="module")
def analyses(kb: KnowledgeBase, settings: Settings) -> Analyses:
    return Analyses(kb, settings)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (15.8, ", about five times the 3.1% BLS projects for all occupations"),
        (9.5, ", about three times the 3.1% BLS projects for all occupations"),
        (6.1, ", about twice the 3.1% BLS projects for all occupations"),
        (33.5, ", more than ten times the 3.1% BLS projects for all occupations"),
        (4.6, ", above the 3.1% BLS projects for all occupations"),
        (3.0, ", close to the 3.1% BLS projects for all occupations"),
        (1.5, ", below the 3.1% BLS projects for all occupations"),
        (-36.1, ", against +3.1% for all occupations (BLS)"),
        (0.4, ", against +3.1% for all occupations (BLS)"),
    ],
)
def test_the_comparison_is_in_plain_words_with_the_average(change: float, words: str) -> None:
    assert nv.versus_average(change, 3.1) == words
    sentence = nv.outlook_sentence("Electricians", change, 81.0, average=3.1)
    assert words + ";" in sentence
    assert "much faster" not in sentence


def test_no_average_no_comparison() -> None:
    assert nv.versus_average(15.8, None) == ""
    sentence = nv.outlook_sentence("Software Developers", 15.8, 115.2)
    assert sentence.startswith("Employment is projected to grow 15.8% over 2024–34;")


@pytest.mark.slow
def test_the_average_is_a_sourced_figure_of_the_report(analyses: Analyses) -> None:
    report = analyses.report_for("47-2111.00")  # Electricians: 9.5%, said nothing before
    o = report.outlook
    assert o is not None and o.all_occupations_change_pct == pytest.approx(3.1)
    assert "the 3.1% BLS projects for all occupations" in o.sentence
    assert o.sentence not in report.overview  # the overview's brief form has no average
    assert "Employment is projected to grow 9.5% by 2034." in report.overview
    assert check_report(report) == []
    # the figure is checked: without it in the report, the sentence's 3.1% is unsourced
    bare = replace(report, outlook=replace(o, all_occupations_change_pct=None))
    assert any("3.1%" in p.message for p in check_report(bare))


@pytest.mark.parametrize(
    ("change", "brief"),
    [
        (0.2, "Employment is projected to stay roughly flat to 2034 (+0.2%)."),
        (9.5, "Employment is projected to grow 9.5% by 2034."),
        (-6.0, "Employment is projected to decline 6.0% by 2034."),
    ],
)
def test_the_overview_says_the_outlook_briefly(change: float, brief: str) -> None:
    """QA: the Overview and the Outlook repeated the same long sentence word for word."""
    from ai_impact.reports.model import Outlook
    from ai_impact.reports.pay_outlook import outlook_brief

    full = nv.outlook_sentence("Cashiers", change, 39.3, average=3.1)
    o = Outlook(None, None, None, change, 39.3, None, None, None, full, "ep")
    assert outlook_brief(o) == brief and "openings" not in brief
    none = replace(o, employment_change_pct=None, sentence="BLS publishes no projection.")
    assert outlook_brief(none) == "BLS publishes no projection."
