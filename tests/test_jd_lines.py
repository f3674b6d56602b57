"""The splitter's reading of job-ad lines: requirements, skills, benefits and company lines are
set aside (and kept, with their kind); duties, including those of plain task lists, stay."""

from __future__ import annotations

from pathlib import Path

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.reports.description_lines import (
    BENEFIT,
    COMPANY,
    DUTY,
    HEADING,
    LOGISTICS,
    REQUIREMENT,
    line_kind,
    section_of,
)
from ai_impact.reports.jd_split import split_description

ROOT = Path(__file__).resolve().parents[1]

# The QA's accounts-payable ad, shipped with the description benchmark.
AP_AD = (ROOT / "benchmarks/data/job_descriptions/ap_specialist.txt").read_text(encoding="utf-8")


def test_the_qa_ad_scores_duties_and_sets_the_rest_aside_with_its_kind() -> None:
    split = split_description(AP_AD)
    assert split.title == "Senior Accounts Payable Specialist — Hybrid (Chicago, IL)"
    assert split.tasks == (
        "Process a high volume of vendor invoices (3-way match against POs and receiving) in "
        "NetSuite",
        "Review and approve employee expense reports in Concur for policy compliance",
        "Reconcile vendor statements and resolve discrepancies with vendors and purchasing",
        "Prepare weekly check runs, ACH and wire payments",
        "Maintain vendor master data, W-9s and 1099 reporting",
        "Support month-end close: accruals, AP aging, and balance sheet reconciliations",
        "Respond to vendor inquiries by phone and email",
        "Assist auditors with requests during the annual audit",
        "Identify process improvements and help automate manual workflows",
    )
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds["3+ years of full-cycle AP experience"] == REQUIREMENT
    assert kinds["Advanced Excel (VLOOKUPs, pivot tables)"] == REQUIREMENT
    assert kinds["Associate's or Bachelor's degree in Accounting preferred"] == REQUIREMENT
    assert kinds["What you bring:"] == HEADING
    assert kinds[next(k for k in kinds if k.startswith("About us"))] == COMPANY
    assert kinds[next(k for k in kinds if k.startswith("Benefits:"))] == BENEFIT
    assert split.dropped == len(split.set_aside) == 7


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("What you bring", REQUIREMENT),
        ("What you'll need:", REQUIREMENT),
        ("Preferred Qualifications", REQUIREMENT),
        ("Skills & Experience", REQUIREMENT),
        ("Nice to have", REQUIREMENT),
        ("Our stack", REQUIREMENT),
        ("Physical Requirements", REQUIREMENT),
        ("Perks & benefits", BENEFIT),
        ("We Offer", BENEFIT),
        ("Why join us?", BENEFIT),
        ("Who we are", COMPANY),
        ("About Ledgerly", COMPANY),
        ("Essential Functions:", DUTY),
        ("What you'll do", DUTY),
        ("About the role", DUTY),
        ("Schedule", LOGISTICS),
        ("Prepare monthly reports", None),
        ("Schedule patient appointments", None),
    ],
)
def test_section_headings(heading: str, kind: str | None) -> None:
    assert section_of(heading) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("5+ years of professional software engineering experience", REQUIREMENT),
        ("Minimum 1 year of acute care experience, ICU experience strongly preferred", REQUIREMENT),
        ("BS/MS in Computer Science or equivalent practical experience", REQUIREMENT),
        ("Current RN license in the State of Ohio or compact license", REQUIREMENT),
        ("Proficiency in Microsoft Office and QuickBooks", REQUIREMENT),
        ("Knowledge of GAAP and accounts payable best practices", REQUIREMENT),
        ("Familiarity with Docker, Kubernetes and Terraform", REQUIREMENT),
        ("Excellent written and verbal communication", REQUIREMENT),
        ("Working knowledge of SAP", REQUIREMENT),
        ("Python, Go, PostgreSQL, Kafka, Redis, Kubernetes", REQUIREMENT),
        ("Sign-on bonus up to $15,000", BENEFIT),
        ("Comprehensive medical, dental and vision insurance", BENEFIT),
        ("Shift differentials for nights and weekends", BENEFIT),
        ("Mercy Regional is an Equal Opportunity Employer.", COMPANY),
        ("Full-time, Monday to Friday", LOGISTICS),
        # duties that share words with those lines
        ("Advanced the rollout of the new ERP system across three sites", DUTY),
        ("Working with vendors to resolve billing disputes", DUTY),
        ("Apply knowledge of accounting principles to reconcile accounts", DUTY),
        ("Maintain current certifications as required by the state", DUTY),
        ("Complete documentation as required", DUTY),
        ("Maintain vendor master data", DUTY),
        ("Invoice processing and vendor reconciliations", DUTY),
        ("Excel reporting for the finance team", DUTY),
        ("Shift pallets between the dock and storage racks", DUTY),
    ],
)
def test_line_shapes(line: str, kind: str) -> None:
    assert line_kind(line) == kind


def test_a_plain_task_list_keeps_every_duty() -> None:
    """No headings: noun-phrase duties, CV lines and two-word verb lines all stay tasks."""
    text = (
        "Invoice processing and vendor reconciliations\n"
        "Payroll for 50 staff\n"
        "Answering phones and greeting visitors\n"
        "Built dashboards in Power BI for the sales team\n"
        "Bathe patients\n"
        "Change dressings\n"
    )
    assert len(split_description(text).tasks) == 6


def test_a_tool_list_is_a_duty_only_under_a_duties_heading() -> None:
    tools = "Python, Go, PostgreSQL, Kafka, Redis"
    assert line_kind(tools) == REQUIREMENT
    assert line_kind(tools, in_duties=True) == DUTY


def test_no_onet_task_statement_reads_as_anything_but_a_duty(kb: KnowledgeBase) -> None:
    statements = sorted({t.text for t in kb.all_tasks()})
    assert len(statements) > 17_000
    assert [s for s in statements if line_kind(s) != DUTY] == []
    short = [s for s in statements if len(s.split()) < 3]
    assert short  # "Bathe patients."
    for s in short:
        assert split_description(f"- {s}\n- Prepare monthly reports").tasks[0] == s
