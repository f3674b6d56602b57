"""Job ads as people paste them (benchmarks/data/job_descriptions): what the splitter scores,
what it sets aside and with which kind, and the title it finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ai_impact.reports.description_lines import line_kind
from ai_impact.reports.description_text import set_aside_notes
from ai_impact.reports.jd_kinds import (
    BENEFIT,
    CATCH_ALL,
    COMPANY,
    DUTY,
    HEADING,
    LOGISTICS,
    REQUIREMENT,
    SetAside,
)
from ai_impact.reports.jd_prose import verb_phrases
from ai_impact.reports.jd_sections import section_heading
from ai_impact.reports.jd_split import split_description

ADS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "job_descriptions"
EXPECTED = json.loads((ADS / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_benchmark_ad_gives_the_statements_recorded_for_it(name: str) -> None:
    split = split_description((ADS / name).read_text(encoding="utf-8"))
    assert len(split.tasks) == EXPECTED[name]["statements"]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a posting's particulars, a place, an on-call rota
        ("Closing Date: 11/14/2025", LOGISTICS),
        ("Job Number: 25-0412", LOGISTICS),
        ("Tampa, FL 33611", LOGISTICS),
        ("Work Location: In person", LOGISTICS),
        ("Take part in after-hours on-call rotation", LOGISTICS),
        ("Participate in the on-call rotation and drive blameless postmortems", DUTY),
        # lines that name no work
        ("Performs other related duties as assigned.", CATCH_ALL),
        ("Ad hoc projects as assigned", CATCH_ALL),
        ("Other duties as required", CATCH_ALL),
        ("Perform other clerical duties as assigned by the office manager", DUTY),
        # a duty may name money or policy words; pay to the worker is still pay
        ("Manage a content budget of $250K and agency relationships", DUTY),
        ("Answered employee questions about policies, PTO and benefits", DUTY),
        ("Led new hire onboarding, including I-9 verification and E-Verify", DUTY),
        ("Process reasonable accommodation requests under the ADA", DUTY),
        ("We participate in E-Verify.", COMPANY),
        ("Earn $22/hr plus tips", BENEFIT),
        ("Shift differentials for nights and weekends", BENEFIT),
        ("Paid training and NATE certification reimbursement", BENEFIT),
        ("Paid vendors and reconciled statements", DUTY),
        ("Company van, gas card and tablet", BENEFIT),
        ("Tool allowance", BENEFIT),
        # the employer's lines
        ("Comfort Pro has been keeping Denver comfortable since 1986.", COMPANY),
        ("Apply in person or online.", COMPANY),
        ("Apply pesticides in person at customer sites", DUTY),
        ("We celebrate diversity and are committed to creating an inclusive workplace.", COMPANY),
        ("This post is subject to an enhanced DBS check.", REQUIREMENT),
        # CV and job-ad verbs O*NET does not open statements with
        ("Partnered with payroll to process payroll changes and resolve discrepancies", DUTY),
        ("Liaise with the SENCo and parents about pupils' progress", DUTY),
    ],
)
def test_line_kinds_of_pasted_ads(line: str, kind: str) -> None:
    assert line_kind(line) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Duties include, but are not limited to, the following:", DUTY),
        ("Responsibilities will include:", DUTY),
        ("EXAMPLES OF DUTIES", DUTY),
        ("Full job description", DUTY),
        ("Why Comfort Pro:", BENEFIT),
        ("Safeguarding:", COMPANY),
        ("Work Location", LOGISTICS),
    ],
)
def test_headings_of_job_boards_and_public_postings(line: str, kind: str) -> None:
    assert section_heading(line) == (True, kind)


def test_a_job_boards_employer_and_place_lines_under_the_title_are_no_tasks() -> None:
    split = split_description(
        "HVAC Service Technician\n\nComfort Pro Heating & Air - Denver, CO\n"
        "Smile Studio Family Dentistry\nTampa, FL 33611\n\n"
        "- Diagnose and repair furnaces\n- Install replacement parts\n"
    )
    assert split.title == "HVAC Service Technician"
    assert split.tasks == ("Diagnose and repair furnaces", "Install replacement parts")
    assert split.set_aside == (
        SetAside("Comfort Pro Heating & Air - Denver, CO", COMPANY),
        SetAside("Smile Studio Family Dentistry", COMPANY),
        SetAside("Tampa, FL 33611", LOGISTICS),
    )


def test_a_catch_all_line_is_set_aside_and_named_on_the_page() -> None:
    split = split_description(
        "Duties include, but are not limited to, the following:\n"
        "Interviews applicants to obtain information on income.\n"
        "Performs other related duties as assigned.\n"
    )
    assert split.tasks == ("Interviews applicants to obtain information on income.",)
    assert split.set_aside == (
        SetAside("Duties include, but are not limited to, the following:", HEADING),
        SetAside("Performs other related duties as assigned.", CATCH_ALL),
    )
    header, notes = set_aside_notes(split.set_aside)
    assert header == (
        "Open-ended (“other duties as assigned”) lines are not scored as tasks; "
        "Method and sources lists them."
    )
    assert notes == (
        "Not scored, open-ended (“other duties as assigned”): "
        "“Performs other related duties as assigned”.",
    )


def test_the_job_a_first_person_paragraph_names() -> None:
    split = split_description(
        "My job is being a litigation paralegal at a personal injury firm. I draft discovery "
        "requests, summarize deposition transcripts, and organize medical records."
    )
    assert split.title == "litigation paralegal"
    assert split.tasks == (
        "draft discovery requests",
        "summarize deposition transcripts",
        "organize medical records",
    )


def test_a_lower_case_role_over_a_terse_list_of_duties_is_the_title() -> None:
    split = split_description(
        "pharmacy tech - retail\ncount and fill scripts\nenter rx in system\nanswer phones\n"
    )
    assert split.title == "pharmacy tech - retail"
    assert split.tasks == ("count and fill scripts", "enter rx in system", "answer phones")
    # a first item without a role noun stays a task
    split = split_description("inventory counts weekly\ncount and fill scripts\nanswer phones\n")
    assert split.title is None
    assert split.tasks[0] == "inventory counts weekly"


def test_the_subject_said_again_after_a_comma_still_cuts_verb_phrases() -> None:
    assert verb_phrases("Most days I prepare the exhibit binders, and I file motions.") == [
        "prepare the exhibit binders",
        "file motions",
    ]


def test_requirement_lines_of_the_uk_ad_stay_requirements() -> None:
    split = split_description((ADS / "teaching_assistant_uk.txt").read_text(encoding="utf-8"))
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds["GCSE English and Maths at grade C/4 or above"] == REQUIREMENT
    assert kinds["Salary: £21,000 - £23,500 per annum (actual, term-time only)"] == BENEFIT
