"""The consistency check over every occupation, and proof that it catches contradictions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.reports.build import build_report
from ai_impact.reports.consistency import check_report
from ai_impact.reports.engine import Engine
from ai_impact.reports.model import OccupationReport
from ai_impact.settings import Settings


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase, settings: Settings) -> Engine:
    # The catalogue matchers are tested with the catalogues; here they would only cost time.
    return Engine(kb, settings, catalogues=False)


@pytest.mark.slow
def test_every_report_is_consistent(engine: Engine, kb: KnowledgeBase) -> None:
    problems = []
    for occ in kb.occupations():
        problems += check_report(build_report(engine, occ.code))
    assert problems == [], problems[:5]


def test_reports_with_catalogues_are_consistent(kb: KnowledgeBase, settings: Settings) -> None:
    full = Engine(kb, settings)
    for code in ("15-1252.00", "29-1141.00", "41-9041.00", "47-2181.00", "13-2011.00"):
        assert check_report(build_report(full, code)) == []


@pytest.fixture(scope="module")
def report(engine: Engine) -> OccupationReport:
    return build_report(engine, "41-9041.00")


def test_wrong_category_word_is_caught(report: OccupationReport) -> None:
    wrong = replace(report, overview=("Telemarketing is a low risk occupation.",))
    assert any("risk category" in p.message for p in check_report(wrong))


def test_growth_word_against_a_decline_is_caught(report: OccupationReport) -> None:
    wrong = replace(report, overview=("Employment is projected to grow quickly.",))
    assert any("says growth" in p.message for p in check_report(wrong))


def test_number_without_a_figure_is_caught(report: OccupationReport) -> None:
    wrong = replace(report, overview=("About 37% of the work changes.",))
    assert any("37%" in p.message for p in check_report(wrong))


def test_number_whose_source_is_missing_is_caught(report: OccupationReport) -> None:
    wrong = replace(report, sources=tuple(s for s in report.sources if s.key != "ep"))
    assert any("'ep'" in p.message for p in check_report(wrong))
