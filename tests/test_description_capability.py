"""A pasted description's report: what protects its human tasks, what observed AI use covers,
and where the lines it did not score are listed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ai_impact import api
from ai_impact.db import KnowledgeBase
from ai_impact.reports.consistency import check_report
from ai_impact.reports.description import DescribedReport, description_to_dict
from ai_impact.reports.engine import Engine
from ai_impact.scoring.capability import CAPABILITIES, JUDGMENT, PHYSICAL
from ai_impact.scoring.capability_text import physical_wording, pooled_capabilities
from ai_impact.settings import Settings

# The QA's accounts-payable ad, shipped with the description benchmark.
QA_AD = (
    Path(__file__).resolve().parents[1] / "benchmarks/data/job_descriptions/ap_specialist.txt"
).read_text(encoding="utf-8")
WAREHOUSE = """Warehouse Associate

Duties
- Pick customer orders using an RF scanner and pack them for shipment
- Load and unload trailers by hand and with a pallet jack
- Label, wrap and stage pallets for outbound carriers
"""


@pytest.fixture(scope="module")
def qa(settings: Settings, kb: KnowledgeBase) -> DescribedReport:
    report = api.analyze_description(QA_AD, settings=settings)
    assert isinstance(report, DescribedReport)
    return report


# -- the protecting capability -------------------------------------------------------------------


def test_physical_wording_is_hands_on_words_not_desk_homonyms() -> None:
    assert physical_wording("Lift heavy boxes onto pallets")
    assert physical_wording("Check vital signs at the bedside")
    assert not physical_wording("Prepare weekly check runs, ACH and wire payments")
    assert not physical_wording("Clean and validate data sets")
    assert not physical_wording("Load test the payments API")


def test_physical_needs_wording_or_hands_on_neighbours() -> None:
    """The head's 'physical' for a desk task gives way; real hands-on evidence keeps it."""
    head = np.asarray([[0.21, 0.02, 0.00, 0.74, 0.03]] * 3)
    votes = np.asarray([[0.7, 0.0, 0.0, 0.3, 0.0]] * 3)
    texts = ["Prepare weekly check runs", "Prepare weekly check runs", "Stack pallets"]
    hands = np.asarray([0.1, 0.6, 0.0])
    assert pooled_capabilities(texts, head, votes, hands) == [JUDGMENT, PHYSICAL, PHYSICAL]
    assert pooled_capabilities(texts[:1], head[:1]) == [JUDGMENT]  # no neighbours: wording only


def test_desk_duties_are_not_protected_by_physical_presence(qa: DescribedReport) -> None:
    safe = {t.task: t for t in qa.safe_tasks}
    assert safe  # the QA case: check runs, invoices, month-end close stay human
    assert all(t.capability != PHYSICAL for t in safe.values())
    check = safe["Prepare weekly check runs, ACH and wire payments"]
    assert check.capability == JUDGMENT
    # The reason cites a task of the occupation that points the same way, in quotes.
    assert "as do similar tasks of Bookkeeping, Accounting, and Auditing Clerks, such as “" in (
        check.reason
    )


def test_hands_on_duties_keep_physical_presence(settings: Settings, kb: KnowledgeBase) -> None:
    report = api.analyze_description(WAREHOUSE, settings=settings)
    assert report.safe_tasks
    assert {t.capability for t in report.safe_tasks} == {PHYSICAL}


def test_capability_evidence_comes_from_onet_statements_with_activities(
    settings: Settings, kb: KnowledgeBase
) -> None:
    from ai_impact.reports.description_match import description_index

    engine = Engine(kb, settings, catalogues=False)
    index = description_index(engine.kb, engine.settings.cache_dir, engine.key)
    ev = index.capability_evidence(
        ["Lift heavy boxes onto pallets", "Reconcile bank statements"], "43-3031.00"
    )
    assert ev.votes.shape == (2, len(CAPABILITIES))
    assert np.allclose(ev.votes.sum(axis=1), 1.0)
    assert ev.hands_on[0] > 0.5 > ev.hands_on[1]
    own = {t.task_id for t in kb.tasks_of("43-3031.00")}
    assert {int(i) for i in ev.own[1] if i >= 0} <= own


# -- observed use -------------------------------------------------------------------------------


def test_observed_use_count_and_sentence_agree(qa: DescribedReport) -> None:
    e = qa.changing.exposure
    assert e.n_tasks == 9
    assert e.n_observed_use == 0  # none of the pasted statements is in the AEI sample
    assert e.ai_usage_share is not None  # the occupation's share, used by the risk score
    usage = next(s for s in qa.changing.sentences if s.startswith("Observed AI use"))
    assert "none of your own statements is an O*NET task of that sample" in usage
    assert description_to_dict(qa)["exposure_detail"]["n_observed_use"] == 0


def test_a_pasted_onet_task_seen_in_use_is_counted(settings: Settings, kb: KnowledgeBase) -> None:
    text = (
        "Responsibilities:\n"
        "- Reconcile records of bank transactions.\n"
        "- Prepare weekly check runs, ACH and wire payments\n"
    )
    report = api.analyze_description(text, title="Bookkeeping clerk", settings=settings)
    assert report.changing.exposure.n_observed_use == 1
    usage = next(s for s in report.changing.sentences if s.startswith("Observed AI use"))
    assert "1 of your 2 statements is an O*NET task seen in that sample" in usage
    assert check_report(report) == []


# -- lines not scored ---------------------------------------------------------------------------


def test_lines_not_scored_are_named_on_the_page_and_listed_in_json(qa: DescribedReport) -> None:
    assert len(qa.statements) == 9
    note = qa.header.rests_on_note or ""
    # the title's "— Hybrid (Chicago, IL)" is set aside as location and schedule
    # each topic after the first has its own "on": the topics hold "and" themselves
    lines = (
        "requirements and skills, on pay and benefits, on the employer and on location and schedule"
    )
    assert f"Lines on {lines} are not scored" in note
    requirement = next(n for n in qa.method.notes if n.startswith("Not scored, requirements"))
    assert "“3+ years of full-cycle AP experience”" in requirement
    assert "“Advanced Excel (VLOOKUPs, pivot tables)”" in requirement
    shown = [t.task for t in qa.tasks_at_risk] + [t.task for t in qa.safe_tasks]
    assert not any("years" in t or "Excel" in t for t in shown)
    listed = description_to_dict(qa)["description"]["not_scored"]
    assert {"text": "3+ years of full-cycle AP experience", "kind": "requirement"} in listed
    assert check_report(qa) == []


def test_header_names_only_plausible_other_occupations(qa: DescribedReport) -> None:
    note = qa.header.rests_on_note or ""
    assert "Billing and Posting Clerks (43-3021.00)" in note
    low = [c for c in qa.candidates[1:] if c.confidence < 0.05]
    assert low and all(f"({c.code})" not in note for c in low)


def test_score_tasks_and_a_pasted_description_agree_on_capabilities(settings: Settings) -> None:
    """One rule for both faces: the pooled capability, not the head alone in score-tasks."""
    lines = ["Process vendor invoices and match them to purchase orders", "Calm agitated patients"]
    direct = {s.task: s.capability for s in api.score_tasks(lines, settings=settings)}
    report = api.analyze_description("\n".join(f"- {t}" for t in lines) + "\n", settings=settings)
    pasted = {t.task: t.capability for t in report.safe_tasks}
    assert pasted and all(direct[t] == c for t, c in pasted.items())
    assert direct[lines[0]] != PHYSICAL
