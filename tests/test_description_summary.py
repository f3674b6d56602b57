"""QA review cases of pasted job descriptions (ICU nurse, HVAC technician, ML engineer): the
summary of the role is set aside, clinical and trade wording is read in O*NET's words, and the
description page names itself as the analysis of the user's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ai_impact.reports.description_lines import role_summary
from ai_impact.reports.description_text import set_aside_notes
from ai_impact.reports.jd_kinds import SUMMARY
from ai_impact.reports.jd_split import split_description
from ai_impact.scoring import score_texts
from ai_impact.scoring.phrasing import task_statement

ADS = Path(__file__).resolve().parent / "fixtures" / "descriptions"


def _split(name: str) -> tuple[tuple[str, ...], list[str]]:
    split = split_description((ADS / name).read_text(encoding="utf-8"))
    return split.tasks, [a.text for a in split.set_aside if a.kind == SUMMARY]


def test_icu_job_summary_is_the_summary_not_a_task() -> None:
    tasks, summary = _split("qa_icu_nurse.txt")
    assert summary == [
        "The ICU Registered Nurse provides direct patient care to critically ill adults in a "
        "24-bed medical-surgical intensive care unit."
    ]
    assert len(tasks) == 9
    assert "Respond to rapid response and code blue events." in tasks


def test_collaboration_prose_of_an_intro_is_the_summary() -> None:
    tasks, summary = _split("qa_ml_engineer.txt")
    assert summary == [
        "You'll work closely with product managers, data scientists and infrastructure engineers."
    ]
    assert not any(t.lower().startswith("work closely") for t in tasks)
    assert (
        "Partner with product managers to define success metrics and design A/B experiments."
        in tasks
    )


def test_the_header_names_the_summary_among_lines_not_scored() -> None:
    split = split_description((ADS / "qa_icu_nurse.txt").read_text(encoding="utf-8"))
    header, notes = set_aside_notes(split.set_aside)
    assert header is not None and "the summary of the role" in header
    assert any(n.startswith("Not scored, the summary of the role: “The ICU") for n in notes)


@pytest.mark.parametrize(
    "sentence",
    [
        "Work closely with product managers and designers to scope and prioritize work.",
        "Collaborate with physicians, respiratory therapists and pharmacists during daily rounds.",
        "Work with or remove hazardous material.",
        "Partner with Product Marketing on launch messaging.",
        "The Harbourview is a 210-room boutique hotel on the Seattle waterfront.",
    ],
)
def test_duties_with_a_purpose_and_other_lines_are_no_summary(sentence: str) -> None:
    assert not role_summary(sentence)


def test_a_bulleted_named_subject_stays_a_duty() -> None:
    text = "Duties:\n- The RN will administer medications per orders\n- Chart vital signs"
    assert len(split_description(text).tasks) == 2


@pytest.mark.parametrize(
    ("typed", "statement"),
    [
        (
            "Respond to rapid response and code blue events.",
            "Respond to medical emergency and cardiac arrest events.",
        ),
        (
            "Respond to RRT and Code Blue; initiate ACLS as appropriate",
            "Respond to RRT and cardiac arrest; initiate ACLS as appropriate.",
        ),
        (
            "Provide rapid response to customer inquiries",
            "Provide rapid response to customer inquiries.",
        ),
        ("Keep the service van stocked and organized.", "Stock and organize the service van."),
        ("You'll keep supervisors updated on progress", "Update supervisors on progress."),
        ("Keep records of completed work.", "Keep records of completed work."),
        ("Keep the work area clean and organized.", "Keep the work area clean and organized."),
        (
            "Complete work orders and invoices on a tablet using ServiceTitan.",
            "Complete work orders and invoices on a tablet using ServiceTitan software.",
        ),
        ("Reconcile accounts in QuickBooks", "Reconcile accounts in QuickBooks software."),
        ("Document assessments in Epic", "Document assessments in Epic."),
    ],
)
def test_clinical_and_trade_wording_in_onet_words(typed: str, statement: str) -> None:
    assert task_statement(typed) == statement


def test_code_blue_is_hands_on_and_paperwork_is_exposed() -> None:
    """The QA's reading: a code blue is no language task; completing work orders and invoices
    in field-service software is; stocking a van is physical."""
    code_blue, orders, van = score_texts(
        [
            "Respond to rapid response and code blue events.",
            "Complete work orders and invoices on a tablet using ServiceTitan.",
            "Keep the service van stocked and organized.",
        ]
    )
    assert code_blue.exposure["E0"] > 0.5 and code_blue.mode == "none"
    assert orders.exposure["E0"] < 0.5 and orders.beta > van.beta
    assert van.exposure["E0"] > 0.5
