"""The splitter's reading of job-ad lines: requirements, skills, benefits and company lines are
set aside (and kept, with their kind); duties, including those of plain task lists, stay."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.errors import InputError
from ai_impact.reports.description_lines import line_kind
from ai_impact.reports.jd_kinds import (
    BENEFIT,
    COMPANY,
    CONTACT,
    DUTY,
    HEADING,
    HISTORY,
    LOGISTICS,
    REPORTING,
    REQUIREMENT,
    SetAside,
)
from ai_impact.reports.jd_person import contact_details, personal_name
from ai_impact.reports.jd_post_lines import reporting_clause
from ai_impact.reports.jd_prose import verb_phrases as _verb_phrases
from ai_impact.reports.jd_prose import without_frame
from ai_impact.reports.jd_roles import names_a_role
from ai_impact.reports.jd_sections import section_of
from ai_impact.reports.jd_split import size_problem, split_description
from ai_impact.reports.jd_title import job_sought, title_notes
from ai_impact.reports.jd_words import unmarked

ROOT = Path(__file__).resolve().parents[1]

# The QA's accounts-payable ad, shipped with the description benchmark.
AP_AD = (ROOT / "benchmarks/data/job_descriptions/ap_specialist.txt").read_text(encoding="utf-8")


def test_the_qa_ad_scores_duties_and_sets_the_rest_aside_with_its_kind() -> None:
    split = split_description(AP_AD)
    assert split.title == "Senior Accounts Payable Specialist"  # QA5 #10: the place goes
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
    assert kinds["Chicago, IL"] == kinds["Hybrid"] == LOGISTICS
    assert split.dropped == len(split.set_aside) == 9


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


# -- QA4: employer and benefit lines, a title with a bonus, abbreviations ------------------------

CITY_AD = """Accounts Payable Specialist
City of Riverside — Finance Department
Full-time, Hybrid

Duties include:
- Process vendor invoices through three-way match against purchase orders in Oracle
- Enter and verify invoice data, GL codes and cost centers
- Answer vendor inquiries by phone and email

The City offers CalPERS retirement.
"""

NURSE_AD = """Registered Nurse - Med/Surg - Night Shift (Sign-on Bonus $10K!)
St. Mary's Regional Medical Center, Springfield, IL

Responsibilities:
1. Administer medications, IV therapy and blood products per physician orders.
2. Educate patients and families on discharge instructions, medications and self-care.
"""


def test_employer_and_benefit_lines_of_a_city_ad_are_not_scored() -> None:
    """An employer/department line and an employer offering a benefit are set aside with their
    kind, wherever they stand (here before any heading and under the duties heading)."""
    split = split_description(CITY_AD)
    assert split.title == "Accounts Payable Specialist"
    assert split.tasks == (
        "Process vendor invoices through three-way match against purchase orders in Oracle",
        "Enter and verify invoice data, GL codes and cost centers",
        "Answer vendor inquiries by phone and email",
    )
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds["City of Riverside — Finance Department"] == COMPANY
    assert kinds["The City offers CalPERS retirement."] == BENEFIT


def test_a_title_with_a_bracketed_bonus_is_the_title_and_st_does_not_end_a_sentence() -> None:
    split = split_description(NURSE_AD)
    assert split.title == "Registered Nurse - Med/Surg - Night Shift"
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds["Sign-on Bonus $10K!"] == BENEFIT
    assert kinds["St. Mary's Regional Medical Center, Springfield, IL"] == COMPANY
    assert "St." not in kinds
    assert len(split.tasks) == 2


def test_a_bracketed_qualifier_stays_in_the_title_and_a_schedule_goes() -> None:
    split = split_description("Backend Engineer (Python/Go)\n\n- Write and review code daily\n")
    assert split.title == "Backend Engineer (Python/Go)"
    split = split_description("RN - ICU (Nights, 36 hrs/week)\n\n- Monitor patients' vital signs\n")
    assert split.title == "RN - ICU"
    assert [(a.text, a.kind) for a in split.set_aside] == [("Nights, 36 hrs/week", LOGISTICS)]


@pytest.mark.parametrize(
    ("line", "title", "aside"),
    [
        (
            "Senior Staff Accountant [Hybrid] (Sign-on Bonus $5,000) - St. Louis, MO",
            "Senior Staff Accountant",
            [
                ("Hybrid", LOGISTICS),
                ("Sign-on Bonus $5,000", BENEFIT),
                ("St. Louis, MO", LOGISTICS),
            ],
        ),
        ("Data-Entry Clerk – Remote", "Data-Entry Clerk", [("Remote", LOGISTICS)]),
        ("Staff Nurse — On-site", "Staff Nurse", [("On-site", LOGISTICS)]),
        ("Payroll Clerk | Full-time", "Payroll Clerk", [("Full-time", LOGISTICS)]),
        (
            "Analyst - Hybrid - Winston-Salem, NC 27101",
            "Analyst",
            [("Hybrid", LOGISTICS), ("Winston-Salem, NC 27101", LOGISTICS)],
        ),
        ("Staff Accountant (Toronto, ON)", "Staff Accountant", [("Toronto, ON", LOGISTICS)]),
        # a part that is neither a place nor a way of working stays
        (
            "Registered Nurse - Med/Surg - Night Shift",
            "Registered Nurse - Med/Surg - Night Shift",
            [],
        ),
        ("Manager - Operations, HR", "Manager - Operations, HR", []),
        # an employer after the title is the employer (QA3)
        ("Front Desk Agent, Grand Hotel", "Front Desk Agent", [("Grand Hotel", COMPANY)]),
        (
            "Registered Nurse, Mercy Hospital - Chicago, IL",
            "Registered Nurse",
            [("Mercy Hospital", COMPANY), ("Chicago, IL", LOGISTICS)],
        ),
        ("Senior Financial Analyst, FP&A", "Senior Financial Analyst, FP&A", []),
        ("Buyer - Paris, XX", "Buyer - Paris, XX", []),
    ],
)
def test_a_trailing_place_or_way_of_working_is_not_part_of_the_title(
    line: str, title: str, aside: list[tuple[str, str]]
) -> None:
    """QA5 #10: " - St. Louis, MO" or " - Remote" after the title is location and schedule."""
    split = split_description(f"{line}\n\n- Prepare monthly journal entries\n")
    assert split.title == title
    assert [(a.text, a.kind) for a in split.set_aside] == aside
    assert split.tasks == ("Prepare monthly journal entries",)


@pytest.mark.parametrize(
    "prose",
    [
        "Visit patients at St. Mary's Hospital and record their vital signs.",
        "Coordinate shipments for Acme Inc. and its suppliers across the region.",
        "Report to Dr. Lee on the progress of each clinical trial.",
        "File U.S. customs forms for every import shipment.",
        "Use spreadsheet tools, e.g. Excel, to track the budget each month.",
        "Schedule meetings for J. Smith and the board of directors.",
        "Prepare reports for Jones Bros. Co. and Acme Corp. every quarter.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(prose: str) -> None:
    assert split_description(prose).tasks == (prose,)


def test_a_full_stop_still_ends_a_sentence() -> None:
    text = "Process invoices for the finance team. Reconcile vendor statements every month."
    assert split_description(text).tasks == (
        "Process invoices for the finance team.",
        "Reconcile vendor statements every month.",
    )


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("City of Riverside — Finance Department", COMPANY),
        ("St. Mary's Regional Medical Center, Springfield, IL", COMPANY),
        ("Ledgerly, Inc.", COMPANY),
        ("County of Orange Health Care Agency", COMPANY),
        ("The City offers CalPERS retirement.", BENEFIT),
        ("We offer a pension plan and 25 days of paid vacation", BENEFIT),
        ("Acme Health provides full medical coverage from day one", BENEFIT),
        # duties that share words or shape with those lines
        ("Review offers from vendors and negotiate terms", DUTY),
        ("We provide IT support to 2,000 users", DUTY),
        ("Manage the Finance Department budget", DUTY),
        ("Provide benefits counseling to new employees", DUTY),
        ("Explain retirement plans to clients", DUTY),
        ("Call Center Operations", DUTY),
    ],
)
def test_employer_and_benefit_shapes(line: str, kind: str) -> None:
    assert line_kind(line) == kind
    assert line_kind(line, in_duties=True) == kind


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("x", "too short"),
        ("!!", "too short"),
        ("Data entry", "too short"),
        ("Bathe patients", None),
        ("Prepare monthly sales reports", None),
        (" ".join(["word"] * 61), "too long"),
        # a hyphenated verb is a verb; a hyphenated noun or adjective is none
        ("Cold-call prospects", None),
        ("Co-ordinate events", None),
        ("Re-stock shelves", None),
        ("Double-check invoices", None),
        ("Spot-check orders", None),
        ("Cross-train staff", None),
        ("Fact-check articles", None),
        ("Proof-read copy", None),
        ("Hand-deliver documents", None),
        ("Pre-screen candidates", None),
        ("Up-sell products", None),
        ("De-escalate conflicts", None),
        ("Cold-called prospects", None),
        ("Re-stocking shelves", None),
        ("Follow-up with leads", None),
        ("Follow-up calls", "too short"),
        ("Real-time dashboards", "too short"),
        ("Hand-held scanners", "too short"),
    ],
)
def test_size_problem_is_the_rule_for_a_task_statement(text: str, problem: str | None) -> None:
    assert size_problem(text) == problem
    if problem is not None:
        assert [a.kind for a in split_description(f"- {text}\n- Prepare reports").set_aside] == [
            "size"
        ]


# -- QA6: title labels and framing lines, requirements, employer and reporting lines -----------


def test_a_framing_first_line_gives_the_job_in_its_brackets_or_none() -> None:
    """QA6 #1: "My weekly work (freelance graphic designer)" is not the title "my work"."""
    tasks = "* design logos for small business clients\n* retouch product photos\n"
    split = split_description(f"My weekly work (freelance graphic designer)\n{tasks}")
    assert split.title == "freelance graphic designer"
    assert split.tasks == ("design logos for small business clients", "retouch product photos")
    assert [(a.text, a.kind) for a in split.set_aside] == [
        ("My weekly work (freelance graphic designer)", HEADING)
    ]
    assert split_description(f"My job: wedding photographer\n{tasks}").title == (
        "wedding photographer"
    )
    split = split_description(f"My weekly work\n{tasks}")
    assert split.title is None
    assert len(split.tasks) == 2
    # a first line that opens with a verb stays a task
    split = split_description("Do the weekly work\nDesign logos for clients\n")
    assert split.title is None
    assert split.tasks == ("Do the weekly work", "Design logos for clients")


def test_a_job_title_label_names_the_job_wherever_it_stands() -> None:
    """QA6 #2: "Job Title: Warehouse Team Leader" is the title, not a task."""
    text = (
        "Job description\n\nJob Title: Warehouse Team Leader\nLocation: Daventry\n\n"
        "Main duties:\nLead a team of 15 warehouse operatives.\n"
    )
    split = split_description(text)
    assert split.title == "Warehouse Team Leader"
    assert split.tasks == ("Lead a team of 15 warehouse operatives.",)
    split = split_description("Position: Payroll Clerk (Remote)\n\n- Process payroll\n")
    assert split.title == "Payroll Clerk"
    assert [(a.text, a.kind) for a in split.set_aside] == [("Remote", LOGISTICS)]
    # a labelled duty is no title
    split = split_description("Role: Lead the design team\n- Review mock-ups\n")
    assert split.title is None
    assert split.tasks == ("Lead the design team", "Review mock-ups")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Full UK driving licence desirable.", REQUIREMENT),
        (
            "Counterbalance and reach truck licences (RTITB or equivalent) are essential.",
            REQUIREMENT,
        ),
        ("Bonus: AWS Certified Solutions Architect", REQUIREMENT),
        ("Pass drug screen and background check", REQUIREMENT),
        ("Bonus: 10% of base salary paid quarterly", BENEFIT),
        ("Maple Grove Unified School District is seeking an enthusiastic teacher.", COMPANY),
        (
            "Harper Whitfield LLP, a mid-sized law firm in Boston, is seeking an experienced "
            "litigation paralegal to join its commercial litigation group.",
            COMPANY,
        ),
        ("We are looking for a motivated bookkeeper to join our team.", COMPANY),
        ("To apply please send your CV to recruitment@example.co.uk.", COMPANY),
        (
            "Reporting to the Head of People, the HR Business Partner will partner with leaders.",
            REPORTING,
        ),
        ("Reporting to the Finance Director.", REPORTING),
        ("Reports to: Head of Finance", REPORTING),
        # duties that share words or shape with those lines
        ("Reporting to the board on budget variance and forecasts", DUTY),
        ("Determine which repairs are essential", DUTY),
        ("Pass instruments to the surgeon during procedures", DUTY),
    ],
)
def test_requirement_employer_and_reporting_lines(line: str, kind: str) -> None:
    assert line_kind(line) == kind


def test_a_person_specification_is_a_requirements_section() -> None:
    text = (
        "Duties:\nConduct stock counts.\n\nPerson specification:\n"
        "Previous experience in a supervisory role.\n"
    )
    split = split_description(text)
    assert split.tasks == ("Conduct stock counts.",)
    assert SetAside("Previous experience in a supervisory role.", REQUIREMENT) in split.set_aside


def test_markup_is_not_words() -> None:
    assert size_problem("<script>alert(1)</script>") == "too short"
    assert size_problem("<b>Reconcile</b> the monthly bank statements") is None


def test_text_mostly_outside_the_latin_alphabet_is_refused() -> None:
    with pytest.raises(InputError, match="written in English"):
        split_description("設計レビューを行う。\nПишите код на Python каждый день.")
    assert split_description("Prepare crème brûlée and café menus for the week").tasks


def test_a_framing_line_with_a_place_and_an_aside_names_the_job() -> None:
    split = split_description(
        "My job (strata manager, Sydney) - what I actually do each week:\n"
        "* prepare agendas and minutes for strata committee meetings\n"
        "* lodge insurance claims for water leaks\n"
    )
    assert split.title is not None and split.title.lower().startswith("strata manager")
    assert all("My job" not in t for t in split.tasks)


def test_essential_and_desirable_lines_are_requirements() -> None:
    split = split_description(
        "Main duties\n- Assist patients with washing and dressing\n- Record observations\n"
        "Essential: NVQ Level 3 in Health and Social Care or Care Certificate.\n"
        "Desirable: phlebotomy experience\n"
    )
    assert len(split.tasks) == 2


# -- QA round 3: CVs, Indian job-ad boilerplate, reporting lines, prose ------------------------

FIXTURES = ROOT / "tests" / "fixtures" / "descriptions"
CV = (FIXTURES / "cv_maintenance_planner.txt").read_text(encoding="utf-8")
CV_BULLETS = CV.split("\n", 2)[2]  # the six past-tense bullets, without heading and role line
CV_DUTIES = tuple(line.removeprefix("- ") for line in CV_BULLETS.splitlines())


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Experience", HISTORY),
        ("Professional Experience", HISTORY),
        ("Work Experience", HISTORY),
        ("Employment History", HISTORY),
        ("Career History", HISTORY),
        ("WORK HISTORY:", HISTORY),
        ("Key Achievements", DUTY),
        ("Roles & Responsibilities:", DUTY),
        ("Education", REQUIREMENT),
        ("Skills", REQUIREMENT),
        ("Certifications", REQUIREMENT),
        ("References", REQUIREMENT),
        ("Desired Candidate Profile:", REQUIREMENT),
        ("Experience & Skills", REQUIREMENT),  # joined to another: a job ad's requirements
        ("Company", COMPANY),
        ("CTC", BENEFIT),
        ("Notice period", LOGISTICS),
        ("Reports to", REPORTING),
    ],
)
def test_cv_and_job_ad_section_headings(heading: str, kind: str) -> None:
    assert section_of(heading) == kind


@pytest.mark.parametrize(
    "heading",
    [
        "Experience",
        "Professional Experience",
        "Work Experience",
        "Employment History",
        "Career History",
        "Key Achievements",
        "Responsibilities",
    ],
)
def test_a_cv_heading_keeps_its_past_tense_bullets_as_duties(heading: str) -> None:
    """QA3 #1: "Experience" no longer sets the bullets aside as requirements, and "Employment
    History" is no job title."""
    split = split_description(f"{heading}\n{CV_BULLETS}")
    assert split.tasks == CV_DUTIES
    assert split.title is None
    assert split.set_aside == (SetAside(heading, HEADING),)


def test_a_cv_role_line_names_the_job_and_is_no_task() -> None:
    split = split_description(CV)
    assert split.title == "Maintenance Planner"
    assert split.tasks == CV_DUTIES
    role = "Maintenance Planner, Northside Pulp & Paper Mill (2019–2024)"
    assert split.set_aside == (SetAside("Experience", HEADING), SetAside(role, HEADING))
    for line in (
        role,
        "Northside Pulp & Paper Mill — Maintenance Planner (2019–2024)",
        "Maintenance Planner at Northside Pulp & Paper Mill, Jan 2019 - Present",
        "Maintenance Planner | Northside Mill | 2019 – 2024",
    ):
        split = split_description(f"{line}\n{CV_BULLETS}")
        assert (split.title, split.tasks) == ("Maintenance Planner", CV_DUTIES)


def test_a_cv_with_two_roles_and_its_other_sections() -> None:
    """The first role names the job; education, skills, certifications and references are not
    duties; a job ad's "Experience" lines that open with no verb stay requirements."""
    text = (
        "Work Experience\n"
        "Maintenance Planner, Northside Mill (2019–2024)\n"
        "- Planned preventive maintenance for the paper machines\n"
        "- Wrote work orders and ordered spare parts\n"
        "Maintenance Technician, Acme Paper Ltd (2015–2019)\n"
        "- Repaired pumps and gearboxes on the paper machine\n"
        "- Three years on a rotating shift pattern\n"
        "Education\n"
        "BEng Mechanical Engineering, University of Leeds (2011–2015)\n"
        "Skills\n"
        "SAP PM, Maximo, vibration analysis\n"
        "Certifications\n"
        "Certified Maintenance and Reliability Professional\n"
        "References\n"
        "Available on request\n"
    )
    split = split_description(text)
    assert split.title == "Maintenance Planner"
    assert split.tasks == (
        "Planned preventive maintenance for the paper machines",
        "Wrote work orders and ordered spare parts",
        "Repaired pumps and gearboxes on the paper machine",
    )
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds["Maintenance Technician, Acme Paper Ltd (2015–2019)"] == HEADING
    assert kinds["Three years on a rotating shift pattern"] == REQUIREMENT
    for line in (
        "BEng Mechanical Engineering, University of Leeds (2011–2015)",
        "SAP PM, Maximo, vibration analysis",
        "Certified Maintenance and Reliability Professional",
        "Available on request",
    ):
        assert kinds[line] == REQUIREMENT
    # a job ad's "Experience" asks for it: only past-tense lines read as past work there
    split = split_description(
        "Duties\n- Prepare monthly reports\nExperience\n- Managing a team of 10+ staff\n"
        "- Manage budgets over £1m\n"
    )
    assert split.tasks == ("Prepare monthly reports",)
    assert SetAside("Managing a team of 10+ staff", REQUIREMENT) in split.set_aside
    # ... but in a CV, once a role line has shown it, any verb does
    split = split_description(
        "Experience\nMaintenance Planner, Northside Mill (2021–Present)\n"
        "- Managing a team of 10 technicians\n- Plan shutdowns with operations\n"
    )
    assert len(split.tasks) == 2
    split = split_description("Experience: 2-5 years in Java\n- Write REST APIs in Java\n")
    assert split.tasks == ("Write REST APIs in Java",)
    assert split.set_aside == (SetAside("Experience: 2-5 years in Java", REQUIREMENT),)


def test_indian_job_ad_boilerplate_is_not_scored() -> None:
    """QA3 #2: CTC and notice period, the company label, "Freshers need not apply" and the
    call to share a CV are set aside with their kind, sentence by sentence."""
    split = split_description((FIXTURES / "india_it.txt").read_text(encoding="utf-8"))
    assert split.title == "Software Engineer - Java Full Stack"
    assert len(split.tasks) == 7
    assert all("CV" not in t and "LPA" not in t and "Company" not in t for t in split.tasks)
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds["CTC: 8-14 LPA, Notice period: Immediate to 30 days only"] == BENEFIT
    assert kinds["Company: Leading MNC (CMMI Level 5)"] == COMPANY
    assert kinds["B.E/B.Tech/MCA with good communication skills."] == REQUIREMENT
    assert kinds["Freshers need not apply."] == REQUIREMENT
    assert kinds["Interested candidates share updated CV at careers@example.com"] == COMPANY
    assert kinds["Desired Candidate Profile:"] == HEADING


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("CTC: 8-14 LPA", BENEFIT),
        ("Salary up to 12 lakhs per annum", BENEFIT),
        ("Notice period: 30 days", LOGISTICS),
        ("Only immediate joiners", LOGISTICS),
        ("Freshers can also apply", REQUIREMENT),
        ("Email your resume to jobs@acme.com", COMPANY),
        ("Interested applicants may call HR on 98450 00000", COMPANY),
        # duties that share words with those lines
        ("Share updated project plans with the client", DUTY),
        ("Send purchase orders to vendors", DUTY),
        ("Review resumes and schedule interviews", DUTY),
        ("Forward applications to hiring managers", DUTY),
        ("Train freshly hired staff on safety procedures", DUTY),
    ],
)
def test_indian_job_ad_line_shapes(line: str, kind: str) -> None:
    assert line_kind(line) == kind


def test_a_reporting_line_gives_way_to_the_duty_that_follows() -> None:
    """QA3 #2: "Reporting to the FP&A Manager, you will partner with ..." is a reporting line
    and a duty, not location and schedule; the employer line with its place is the employer."""
    split = split_description((FIXTURES / "us_corporate.txt").read_text(encoding="utf-8"))
    duty = "partner with Sales, Marketing and Supply Chain leaders to drive financial performance."
    assert duty in split.tasks
    assert SetAside("Reporting to the FP&A Manager", REPORTING) in split.set_aside
    employer = "Acme Consumer Brands, Inc. — Chicago, IL (Hybrid, 3 days in office)"
    assert SetAside(employer, COMPANY) in split.set_aside
    assert reporting_clause("Reporting to the CFO.") == ("Reporting to the CFO.", "")
    assert reporting_clause(
        "Reporting to the Head of People, the HR Business Partner will partner with leaders."
    ) == ("Reporting to the Head of People", "partner with leaders.")
    assert reporting_clause("Reporting to the board on budget variance and forecasts") is None


PROSE = (FIXTURES / "prose_vet_nurse.txt").read_text(encoding="utf-8")


def test_prose_that_names_the_job_and_lists_duties() -> None:
    """QA3 #3: the sentence naming the job gives the title and is no task; each sentence's
    list of verb phrases becomes one statement per duty."""
    split = split_description(PROSE)
    assert split.title == "veterinary nurse"
    assert split.set_aside == (
        SetAside(
            "I work as a veterinary nurse in a busy small-animal clinic in Auckland.", HEADING
        ),
    )
    assert split.tasks == (
        "prepare animals for surgery",
        "place IV catheters",
        "induce and monitor anaesthesia",
        "look after patients in recovery",
        "take blood samples and run them on our in-house analyser",
        "take radiographs",
        "give medications and fluids",
        "clean wounds and change dressings",
        "talk owners through home care when their pets go home",
        "answer the phone",
        "book appointments",
        "keep the clinical records up to date",
    )
    # a title line comes first
    split = split_description(f"Registered Veterinary Nurse\n\n{PROSE}")
    assert split.title == "Registered Veterinary Nurse"
    assert len(split.tasks) == 12


@pytest.mark.parametrize(
    ("sentence", "statements"),
    [
        (
            "Most days I take blood samples, take radiographs, prepare medications, do wound "
            "care and advise owners.",
            (
                "take blood samples",
                "take radiographs",
                "prepare medications",
                "do wound care",
                "advise owners",
            ),
        ),
        (
            "In this role, you will prepare reports, reconcile accounts and answer vendor queries.",
            ("prepare reports", "reconcile accounts", "answer vendor queries"),
        ),
        (
            "I planned maintenance, wrote work orders and ordered spare parts.",
            ("planned maintenance", "wrote work orders", "ordered spare parts"),
        ),
        (
            "I prepare, cook and serve meals for 200 guests, and clean the kitchen.",
            ("prepare, cook and serve meals for 200 guests", "clean the kitchen"),
        ),
        # lists of objects, and verbs that share one, stay whole
        ("I review contracts, invoices and budgets.", None),
        ("We review the budget, schedule and scope of each project.", None),
        ("I attach tape, trim, appliqués or elastic to garments.", None),
        ("I take blood samples and run them on the analyser.", None),
        ("I clean wounds and change dressings for outpatients.", None),
        # no subject: the form of O*NET statements, which list verbs too
        ("Answer telephones, direct calls, and take messages.", None),
    ],
)
def test_only_a_subjects_list_of_verb_phrases_is_cut(
    sentence: str, statements: tuple[str, ...] | None
) -> None:
    assert split_description(sentence).tasks == (statements or (sentence,))


def test_no_onet_statement_pasted_as_prose_is_cut(kb: KnowledgeBase) -> None:
    statements = sorted({t.text for t in kb.all_tasks()})
    assert [s for s in statements if _verb_phrases(s) != [s]] == []


@pytest.mark.parametrize(
    ("sentence", "job"),
    [
        (
            "I work as a veterinary nurse in a busy small-animal clinic in Auckland.",
            "veterinary nurse",
        ),
        ("I'm a pharmacist at a community pharmacy.", "pharmacist"),
        ("I have been working as an electrician for 10 years.", "electrician"),
        ("My job title is Senior Buyer.", "Senior Buyer"),
        ("I work as the office manager of a dental practice.", "office manager"),
        # no job named
        ("I work as part of a team of ten nurses.", None),
        ("I am a fast learner.", None),
        ("I'm a team player with strong people skills.", None),
        ("I am the person in charge of payroll.", None),
    ],
)
def test_a_sentence_naming_the_writers_job_gives_the_title(sentence: str, job: str | None) -> None:
    split = split_description(f"{sentence} I check prescriptions and counsel patients.")
    assert split.title == job
    assert ("I check prescriptions and counsel patients." in split.tasks) is True
    assert (SetAside(sentence, HEADING) in split.set_aside) == (job is not None)


# -- QA9: a CV's name and contact lines, a hype title line, inline markup ----------------------

NAMED_CV = (FIXTURES / "cv_named_ap_specialist.txt").read_text(encoding="utf-8")
HYPE_AD = (FIXTURES / "hype_warehouse_ad.txt").read_text(encoding="utf-8")
# A stand-in for the title index's words (the report passes the index itself).
_TITLE_WORDS = frozenset(
    {"data", "scientist", "registered", "nurse", "john", "smith", "senior", "accountant"}
    | {"warehouse", "associate"}
)


def _known(text: str) -> bool:
    return any(w.lower() in _TITLE_WORDS for w in text.split())


def test_a_cvs_name_and_contact_lines_are_no_title_and_no_task() -> None:
    """QA9 #1: "JANE DOE" over a contact line is the person, not the job: the first role line
    names it; the contact line is set aside, and so is the degree under "Education" (it was
    read as the employer because it names a college)."""
    split = split_description(NAMED_CV)
    assert split.title == "Senior Accounts Payable Specialist"
    assert split.set_aside[:2] == (
        SetAside("JANE DOE", CONTACT),
        SetAside("jane.doe@example.com | +1 555 0100 | Columbus, OH", CONTACT),
    )
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds["A.A.S. Accounting, Columbus State Community College, 2017"] == REQUIREMENT
    assert len(split.tasks) == 6
    assert not any("@" in t for t in split.tasks)


@pytest.mark.parametrize(
    ("first", "second", "name"),
    [
        # a contact line follows and no role noun of the title tables is in the line
        ("JANE DOE", "jane.doe@example.com", True),
        ("John Smith", "(555) 123-4567 · linkedin.com/in/jsmith", True),
        ("Maria Garcia, CPA", "Phone: +44 20 7946 0958", True),
        ("Registered Nurse", "jobs@mercy.org | (555) 123-4567", False),
        ("Warehouse Associate", "Apply at jobs@fastcart.com", False),
        # no contact line: a name only when no word is known from job titles
        ("Jane Q. Doe", "", True),
        ("Mary-Jane O'Neil", "", True),
        ("John Smith", "", False),
        ("Data Scientist", "", False),
        ("Registered Nurse", "", False),
        ("Senior Accountant", "jane@x.com", False),
        ("Prepare monthly reports", "", False),
        ("Jane Doe 2024", "jane@x.com", False),
    ],
)
def test_a_name_line_is_told_from_a_title(first: str, second: str, name: bool) -> None:
    lines = [first, second or "Responsibilities:", "- Prepare monthly reports"]
    assert personal_name(lines, _known) is name
    split = split_description("\n".join(lines) + "\n", known_title_words=_known)
    assert (SetAside(first, CONTACT) in split.set_aside) is name
    if name:
        assert split.title != first


def test_without_the_title_index_only_a_contact_line_shows_a_name() -> None:
    assert split_description("Jane Doe\n\nResponsibilities:\n- Prepare reports\n").title == (
        "Jane Doe"
    )
    assert (
        split_description(
            "Jane Doe\n\nResponsibilities:\n- Prepare reports\n", known_title_words=_known
        ).title
        is None
    )


@pytest.mark.parametrize(
    ("line", "contact"),
    [
        ("jane.doe@example.com | +1 555 0100 | Columbus, OH", True),
        ("LinkedIn: linkedin.com/in/janedoe", True),
        ("Tel: 0161 496 0000", True),
        ("https://janedoe.dev", True),
        ("555-123-4567", True),
        # a verb, or a call to apply: not a person's details
        ("Email your resume to jobs@acme.com", False),
        ("<b>Apply now</b> at jobs@acme.com", False),
        ("Respond to vendor inquiries by phone and email", False),
        ("Answer calls at 555-123-4567 and route them", False),
        # years, amounts and counts are no phone numbers
        ("Accounts Payable Clerk, Buckeye Logistics, 2017-2020", False),
        ("Salary: $45,000 - $52,000 per year", False),
        ("Process 1,200+ vendor invoices per month", False),
    ],
)
def test_contact_details(line: str, contact: bool) -> None:
    assert contact_details(line) is contact
    assert (line_kind(line) == CONTACT) is contact


def test_a_hype_title_line_names_the_job_and_keeps_its_pay_and_shift_aside() -> None:
    """QA9 #2: emoji, "WE'RE HIRING!!!" and "Rockstar" go, the parts after the dashes are the
    schedule and the pay: the title is "Warehouse Associate", not a benefit line."""
    split = split_description(HYPE_AD)
    assert split.title == "Warehouse Associate"
    assert split.set_aside[:3] == (
        SetAside("WE'RE HIRING!!!", COMPANY),
        SetAside("2nd shift", LOGISTICS),
        SetAside("$19.50/hr + $2 shift diff!!", BENEFIT),
    )
    assert len(split.tasks) == 5


@pytest.mark.parametrize(
    ("line", "title", "notes"),
    [
        ("Now Hiring Cashiers!", "Cashiers", [SetAside("Now Hiring", COMPANY)]),
        ("Hiring: Line Cook (Nights)", "Line Cook", [("Hiring", COMPANY), ("Nights", LOGISTICS)]),
        ("✨ Superstar Barista ✨", "Barista", []),
        (
            "Remote – Senior Backend Engineer – $150k–$180k",
            "Senior Backend Engineer",
            [("Remote", LOGISTICS), ("$150k–$180k", BENEFIT)],
        ),
        # a title that merely looks like those stays whole
        ("Hiring Manager - Remote", "Hiring Manager", [("Remote", LOGISTICS)]),
        ("RN - ICU", "RN - ICU", []),
        (
            "Payroll Specialist - Bonus Administration",
            "Payroll Specialist",
            [("Bonus Administration", BENEFIT)],
        ),
    ],
)
def test_title_notes_of_hype_lines(
    line: str, title: str, notes: list[tuple[str, str] | SetAside]
) -> None:
    assert title_notes(line) == (
        title,
        [SetAside(*n) if isinstance(n, tuple) else n for n in notes],
    )


def test_inline_markup_does_not_change_what_a_line_is() -> None:
    """QA9 #3: "[five](http://x.y)" made a duty the employer's (a web address); the line is
    judged without its markup and kept as written."""
    text = "Manage the _team_ of [five](http://x.y) analysts"
    assert unmarked(text) == "Manage the team of five analysts"
    assert unmarked("**Led** a `SQL` migration; 5 * 3 and snake_case stay") == (
        "Led a SQL migration; 5 * 3 and snake_case stay"
    )
    assert line_kind(text) == DUTY
    split = split_description(f"Write reports for the board\n{text}\n")
    assert split.tasks == ("Write reports for the board", text)
    # a heading in bold is a heading: here a CV's, whose past-tense lines are duties
    split = split_description(
        "**Experience:**\n- Led a _team_ of five analysts\n- Managing a team of 10+ staff\n"
    )
    assert split.tasks == ("Led a _team_ of five analysts",)
    assert split.set_aside == (
        SetAside("Experience:", HEADING),
        SetAside("Managing a team of 10+ staff", REQUIREMENT),
    )


def test_a_school_under_education_is_a_requirement_and_an_eeo_line_stays_the_employers() -> None:
    split = split_description(
        "Duties\n- Prepare monthly reports\nEducation\n"
        "BS Accounting, Ohio State University, 2015\n"
        "Requirements\nAcme Corp is an equal opportunity employer.\n"
    )
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds["BS Accounting, Ohio State University, 2015"] == REQUIREMENT
    assert kinds["Acme Corp is an equal opportunity employer."] == COMPANY
    # outside such a section, a line naming an organisation is still the employer
    assert line_kind("Columbus State Community College, Columbus, OH") == COMPANY


# ---------------------------------------------------------------- QA9: the language of the text


@pytest.mark.parametrize(
    "text",
    [
        "Analyser les données clients et préparer des rapports\n顧客データを分析する",
        "Preparar informes mensuales de ventas para la dirección\n"
        "Atender a los clientes por teléfono y correo\nGestionar las cuentas por cobrar",
        "Prüfen der Rechnungen und Abgleich mit den Bestellungen\n"
        "Erstellen von Berichten für die Geschäftsleitung",
        "Magazynier\n- Przyjmowanie i wydawanie towaru z magazynu\n- Obsługa wózka widłowego\n"
        "- Kompletowanie zamówień klientów i prowadzenie dokumentacji magazynowej",
    ],
)
def test_a_description_in_another_language_is_refused(text: str) -> None:
    """QA9: a French duty list was matched to dermatologists from its English-looking words."""
    with pytest.raises(InputError, match="does not read as English"):
        split_description(text)


@pytest.mark.parametrize(
    "text",
    [
        "Reconcile vendor statements\nPrepare ACH payment runs\nPost journal entries",
        "Coordinate deliveries across Los Angeles and Las Vegas\nMeet with clients in Des Moines",
        "Review published studies (Smith et al.) and summarise them for the team",
        "Supervise the para educators and PAs\nPour concrete footings\nDeploy to the OS image",
        "Staff the Med/Surg unit and AV rooms\nI've led café and crêpe service in Zürich",
        "MARÍA GONZÁLEZ-PÉREZ\nCoordinated the scheduling of patients for the clinic of Dr. José"
        " Álvarez and managed the front desk",
    ],
)
def test_english_descriptions_pass_the_language_check(text: str) -> None:
    assert split_description(text).tasks


def test_no_onet_task_list_reads_as_another_language(kb: KnowledgeBase) -> None:
    from ai_impact.reports.jd_language import MIN_FOREIGN, RATIO, function_words

    by_code: dict[str, list[str]] = {}
    for t in kb.all_tasks():
        by_code.setdefault(t.code, []).append(t.text)
    for code, texts in by_code.items():
        english, foreign = function_words("\n".join(texts))
        assert not (foreign >= MIN_FOREIGN and foreign > RATIO * english), code


def test_a_cv_name_with_accents_is_no_title() -> None:
    """QA10: "MARÍA GONZÁLEZ-PÉREZ" heading a CV was taken as the title (ASCII names were not)."""
    text = (
        "MARÍA GONZÁLEZ-PÉREZ\nmaria.gp@example.com | +1 555 0100\n\nEXPERIENCE\n"
        "Dental Office Manager, Smile Dental, 2019 - present\n"
        "- Managed patient scheduling and insurance billing for three dentists"
    )
    split = split_description(text)
    assert split.title == "Dental Office Manager"
    assert all("GONZÁLEZ" not in t for t in split.tasks)


# -- QA10: hype title variants, a job sought in prose, the second-person frame -----------------


@pytest.mark.parametrize(
    ("line", "title", "notes"),
    [
        (
            "🚀🚀 NOW HIRING!!! Superstar Dental Receptionist — $22/hr + BONUS 💰 APPLY TODAY!!",
            "Dental Receptionist",
            [("NOW HIRING!!!", COMPANY), ("APPLY TODAY!!", COMPANY), ("$22/hr + BONUS", BENEFIT)],
        ),
        (
            "NOW HIRING!!! Superstar Dental Receptionist - $22/hr + BONUS APPLY TODAY!!",
            "Dental Receptionist",
            [("NOW HIRING!!!", COMPANY), ("APPLY TODAY!!", COMPANY), ("$22/hr + BONUS", BENEFIT)],
        ),
        (
            "🚀 WE'RE HIRING!!! Rockstar Warehouse Associate – $19.50/hr",
            "Warehouse Associate",
            [("WE'RE HIRING!!!", COMPANY), ("$19.50/hr", BENEFIT)],
        ),
        # several hype words, a call to action alone or between other parts
        ("Awesome Rockstar Barista – Apply now", "Barista", [("Apply now", COMPANY)]),
        (
            "Nurse Aide – Apply Today – Nights",
            "Nurse Aide",
            [("Apply Today", COMPANY), ("Nights", LOGISTICS)],
        ),
        ("Dental Assistant – Join our team!", "Dental Assistant", [("Join our team!", COMPANY)]),
        ("Delivery Driver – Now Hiring!", "Delivery Driver", [("Now Hiring!", COMPANY)]),
        # a call to action with nothing before it is no title note
        ("Apply Today", "Apply Today", []),
    ],
)
def test_title_notes_of_more_hype_lines(
    line: str, title: str, notes: list[tuple[str, str]]
) -> None:
    """QA10 #1: an em dash before the pay, "+ BONUS" and a trailing "APPLY TODAY!!" made the
    whole line the employer's, so the report had no title."""
    assert title_notes(line) == (title, [SetAside(*n) for n in notes])


@pytest.mark.parametrize(
    "first",
    [
        "🚀🚀 NOW HIRING!!! Superstar Dental Receptionist — $22/hr + BONUS 💰 APPLY TODAY!!",
        "NOW HIRING!!! Superstar Dental Receptionist - $22/hr + BONUS APPLY TODAY!!",
    ],
)
def test_a_hype_title_line_with_a_call_to_action_names_the_job(first: str) -> None:
    split = split_description(
        f"{first}\n- Greet patients and check them in\n"
        "- Answer phones and schedule appointments in Dentrix\n"
        "- Collect co-pays and verify insurance\n"
    )
    assert split.title == "Dental Receptionist"
    assert len(split.tasks) == 3
    assert SetAside("$22/hr + BONUS", BENEFIT) in split.set_aside


@pytest.mark.parametrize(
    ("sentence", "job"),
    [
        (
            "We are looking for a compassionate hospice aide to join our home care team.",
            "hospice aide",
        ),
        ("We're hiring an experienced Line Cook.", "Line Cook"),
        ("Acme Health is seeking a Staff Accountant who loves numbers.", "Staff Accountant"),
        ("Our clinic is currently recruiting a Veterinary Nurse, full-time.", "Veterinary Nurse"),
        (
            "We are looking for a motivated, detail-oriented Payroll Specialist to join us.",
            "Payroll Specialist",
        ),
        ("We are hiring a part-time barista for our downtown store.", "barista"),
        # no job named
        ("We are looking for a person who can lead.", None),
        ("We are seeking a team player with strong skills.", None),
        ("We are looking for someone to manage our books.", None),
        ("I am looking for a new job.", None),
    ],
)
def test_the_job_a_hiring_sentence_seeks(sentence: str, job: str | None) -> None:
    assert job_sought(sentence) == job


HOSPICE_PROSE = (
    "We are looking for a compassionate hospice aide to join our home care team. You will "
    "visit patients in their homes several times a week, helping them bathe, dress, eat and "
    "move safely between bed and chair. You will watch for changes in pain, breathing or skin "
    "condition and report them to the nurse on the care team, keep simple notes of each visit "
    "on a tablet, and offer companionship and emotional support to patients and their "
    "families during the last months of life. A valid driver's licence and reliable car are "
    "required."
)


def test_a_prose_ad_names_its_job_in_the_hiring_sentence_and_loses_the_you_frame() -> None:
    """QA10 #2: the title "hospice aide" was discarded with the employer's sentence, and the
    first duty kept its "You will"."""
    split = split_description(HOSPICE_PROSE)
    assert split.title == "hospice aide"
    assert split.tasks[0].startswith("Visit patients in their homes several times a week")
    assert not any(t.lower().startswith("you") for t in split.tasks)
    kinds = {a.text: a.kind for a in split.set_aside}
    assert kinds[HOSPICE_PROSE.split(". ")[0] + "."] == COMPANY
    # a title line comes first: it stays the title
    assert split_description("Home Health Aide\n\n" + HOSPICE_PROSE).title == "Home Health Aide"


@pytest.mark.parametrize(
    ("statement", "duty"),
    [
        ("You will visit patients in their homes", "Visit patients in their homes"),
        ("You'll prepare monthly reports", "Prepare monthly reports"),
        ("You are responsible for maintaining records", "Maintaining records"),
        ("Your duties include greeting guests", "Greeting guests"),
        ("Your responsibilities will include: processing payroll", "Processing payroll"),
        ("In this role, you will lead the team", "Lead the team"),
        ("you will also help patients bathe", "help patients bathe"),
        ("You work closely with nurses", "Work closely with nurses"),
        # no verb after the frame: left as written
        ("You are a team player", "You are a team player"),
        ("You will be responsible for the budget", "You will be responsible for the budget"),
        ("Prepare monthly reports", "Prepare monthly reports"),
    ],
)
def test_the_second_person_frame_of_a_duty_goes(statement: str, duty: str) -> None:
    assert without_frame(statement) == duty


def test_a_bulleted_duty_loses_its_you_frame_too() -> None:
    split = split_description(
        "Responsibilities:\n- You will reconcile vendor statements monthly\n"
        "- You'll prepare weekly check runs\n"
    )
    assert split.tasks == ("Reconcile vendor statements monthly", "Prepare weekly check runs")


# -- QA11: a title opening with a word that is also a task verb ------------------------------

ROLE_DUTIES = "- Write code\n- Review pull requests\n- Maintain CRM records\n"
ROLE_TASKS = ("Write code", "Review pull requests", "Maintain CRM records")


@pytest.mark.parametrize(
    "title",
    [
        "Machine Learning Engineer",
        "Test Engineer",
        "Process Engineer",
        "Support Engineer",
        "Design Lead",
        "Lead Data Scientist",
        "Head of Sales",
        "Program Manager",
        "Research Scientist",
        "Plan Reviewer",
        "Sales Development Representative",
        "Customer Success Manager",
        "Test Engineer II",
        "Lead Software Engineer (Python/Go)",
        "TEST ENGINEER",
        "machine learning engineer",  # set apart by the bullets below
    ],
)
def test_a_title_opening_with_a_task_verb_is_the_title(title: str) -> None:
    """QA11: "Machine Learning Engineer", "Test Engineer", ... were read as a task (the first
    word is an O*NET task verb), listed as work that stays human and matched the wrong job."""
    split = split_description(f"{title}\n{ROLE_DUTIES}")
    assert split.title == title
    assert split.tasks == ROLE_TASKS


@pytest.mark.parametrize(
    "duty",
    [
        "Test software releases",
        "Process payroll",
        "Support customers",
        "Machine parts",
        "Design the new onboarding flow",
        "Lead the design team",
        "Plan weekly production schedules",
        "Assist the office manager",
        "Support the Finance Director",
        "Coordinate with the project manager",
        "Supervise Sales Representatives",  # plural: people the duty is about
        "Train new engineers",
    ],
)
def test_a_short_duty_in_the_title_position_stays_a_duty(duty: str) -> None:
    split = split_description(f"{duty}\n{ROLE_DUTIES}")
    assert split.title is None
    assert split.tasks == (duty, *ROLE_TASKS)


def test_a_role_in_capitals_over_a_plain_list_is_the_title_and_a_duty_is_not() -> None:
    """A title line needs no blank line or bullets below it when it names a role as titles are
    written; a plain list's duties, a lower-case first line with a verb, stay tasks."""
    plain = "Write code\nReview pull requests\nMaintain CRM records\n"
    for title in ("Test Engineer", "Registered Nurse", "Senior Warehouse Associate"):
        split = split_description(f"{title}\n{plain}")
        assert (split.title, split.tasks) == (title, ROLE_TASKS)
    split = split_description(f"Process payroll\nSupport customers\n{plain}")
    assert split.title is None
    assert split.tasks == ("Process payroll", "Support customers", *ROLE_TASKS)
    split = split_description(f"support engineer\n{plain}")
    assert split.title is None
    assert split.tasks[0] == "support engineer"


def test_a_role_title_keeps_its_notes_apart() -> None:
    split = split_description(f"Process Engineer - Austin, TX\n{ROLE_DUTIES}")
    assert split.title == "Process Engineer"
    assert [(a.text, a.kind) for a in split.set_aside] == [("Austin, TX", LOGISTICS)]
    split = split_description(f"Remote – Support Engineer\n{ROLE_DUTIES}")
    assert split.title == "Support Engineer"
    assert [(a.text, a.kind) for a in split.set_aside] == [("Remote", LOGISTICS)]


def test_a_role_opening_with_a_task_verb_is_named_by_labels_prose_and_cv_lines() -> None:
    assert split_description(f"Job Title: Test Engineer\n{ROLE_DUTIES}").title == "Test Engineer"
    split = split_description(f"My job: support engineer\n{ROLE_DUTIES}")
    assert (split.title, split.tasks) == ("support engineer", ROLE_TASKS)
    split = split_description(
        "I work as a test engineer at Acme. I write code and review pull requests every day."
    )
    assert split.title == "test engineer"
    cv = (
        "Experience\nProcess Engineer, Acme Chemicals (2019–2024)\n"
        "- Reduced scrap on line 2 by 30%\n- Wrote standard work for the packing cell\n"
    )
    split = split_description(cv)
    assert split.title == "Process Engineer"
    assert split.tasks == (
        "Reduced scrap on line 2 by 30%",
        "Wrote standard work for the packing cell",
    )
    # a labelled duty is still a duty
    assert split_description(f"Role: Lead the design team\n{ROLE_DUTIES}").title is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Test Engineer", True),
        ("Support Engineer 2", True),
        ("Design Lead III", True),
        ("Research and Development Engineer", True),
        ("Director of Nursing", True),
        ("Plan Reviewer", True),  # the agent noun of "review"
        ("Test Engineers", False),  # plural
        ("Test Engineer, Acme", False),
        ("Test Engineer.", False),
        ("Report to the Engineering Manager", False),
        ("Announce entrance of judge", False),
        ("Machine parts", False),
        ("test engineer", False),
    ],
)
def test_names_a_role(text: str, role: bool) -> None:
    assert names_a_role(text) is role


def test_prose_names_a_role_in_any_case() -> None:
    assert names_a_role("test engineer", any_case=True)
    assert not names_a_role("support customers", any_case=True)


def test_no_onet_statement_or_rewrite_names_a_role(kb: KnowledgeBase) -> None:
    """Every O*NET statement and hand-written rewrite, its full stop left off, opens like a
    duty: none would be taken for a title line."""
    statements = sorted({t.text for t in kb.all_tasks()})
    with (ROOT / "benchmarks/data/task_paraphrases.tsv").open(encoding="utf-8") as fh:
        rewrites = [row["paraphrase"] for row in csv.DictReader(fh, delimiter="\t")]
    assert len(rewrites) == 363
    texts = [s.rstrip(".") for s in [*statements, *rewrites]]
    assert [t for t in texts if names_a_role(t, any_case=True)] == []


@pytest.mark.parametrize(
    "first",
    [
        "De-grease aircraft exteriors",  # O*NET 30.3 statements
        "Tack-weld fitted parts together",
        "Steam-clean or shampoo carpets",
        "Heat-treat parts, using acetylene torches",
        "Cold-call prospects",
        "Pre-screen candidates by phone",
    ],
)
def test_a_first_line_opening_with_a_hyphenated_verb_is_a_duty(first: str) -> None:
    """Not the title, though bullets follow it: its verb is hyphenated."""
    split = split_description(f"{first}\n- Inspect landing gear\n- Refuel aircraft\n")
    assert split.title is None
    assert split.tasks == (first, "Inspect landing gear", "Refuel aircraft")


def test_a_hyphenated_schedule_before_the_title_is_no_verb_and_set_aside() -> None:
    split = split_description("Part-time Cashier\n- Operate the till\n- Re-stock shelves\n")
    assert split.title == "Cashier"
    assert split.tasks == ("Operate the till", "Re-stock shelves")
    assert split.set_aside == (SetAside("Part-time", LOGISTICS),)
    split = split_description("Full-Time Registered Nurse\n\nMonitor patients' vital signs\n")
    assert split.title == "Registered Nurse"
    split = split_description("Full-time role\n- Operate the till\n- Cold-call prospects\n")
    assert split.title is None  # no title after the schedule: a line about the post
    assert split.set_aside == (SetAside("Full-time role", LOGISTICS),)


def test_a_hyphenated_role_is_the_title_not_an_employer() -> None:
    """ "Co-" is no "Co." (company), and "Co-ordinator" the agent noun of "co-ordinate"."""
    split = split_description("Events Co-ordinator\n- Co-ordinate events\n- Re-stock the bar\n")
    assert split.title == "Events Co-ordinator"
    assert split.tasks == ("Co-ordinate events", "Re-stock the bar")
    assert names_a_role("Events Co-ordinator")
    split = split_description("School-Age Program Teacher\n- Plan activities\n- Serve snacks\n")
    assert split.title == "School-Age Program Teacher"
    assert line_kind("Acme Co - Springfield, IL") == COMPANY


def test_cv_lines_opening_with_hyphenated_past_verbs_are_duties() -> None:
    text = (
        "Experience\nSales Representative, Acme Corp (2019–2024)\n"
        "- Cold-called 40 prospects a day\n- Co-ordinated trade shows\n"
        "- Follow-up calls scheduled weekly\n"
    )
    split = split_description(text)
    assert split.tasks == ("Cold-called 40 prospects a day", "Co-ordinated trade shows")
    assert [a.kind for a in split.set_aside] == [HEADING, HEADING, REQUIREMENT]
