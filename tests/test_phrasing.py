"""Tasks written as job ads, CVs and workers write them, rewritten as O*NET statements."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ai_impact.scoring import score_texts
from ai_impact.scoring.phrasing import base_verb, is_task_verb, task_statement

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("typed", "statement"),
    [
        (
            "Responsible for preparing monthly reports and presenting findings to management",
            "Prepare monthly reports and present findings to management.",
        ),
        ("You'll coordinate schedules with vendors", "Coordinate schedules with vendors."),
        ("You will oversee maintenance of machinery", "Oversee maintenance of machinery."),
        (
            "In this role, you will be responsible for managing the budget",
            "Manage the budget.",
        ),
        ("Prepares reports on operations.", "Prepare reports on operations."),
        (
            "- Prepared quarterly tax filings for 40 clients",
            "Prepare quarterly tax filings for 40 clients.",
        ),
        ("• Led a team of five engineers", "Lead a team of five engineers."),
        ("Wrote technical documentation", "Write technical documentation."),
        ("Supervised and trained new staff", "Supervise and train new staff."),
        ("Most days I handle customer complaints", "Handle customer complaints."),
        ("I put together the weekly newsletter", "Prepare the weekly newsletter."),
        ("Duties include cleaning rooms", "Clean rooms."),
        ("3) analyzes data", "Analyze data."),
        ("Studies effects of processing", "Study effects of processing."),
        ("Cleaning and sanitizing kitchen equipment", "Clean and sanitize kitchen equipment."),
        # -ing words O*NET uses as they are stay after "and".
        (
            "Attending workshops and training sessions",
            "Attend workshops and training sessions.",
        ),
        (
            "Responsible for inspecting and packing the finished product.",
            "Inspect and pack the finished product.",
        ),
        # A noun after "and" is not a verb: third-person forms are not carried along.
        ("Maintains files and records", "Maintain files and records."),
        # Verbs that end like inflections are base forms already.
        ("Assess patients", "Assess patients."),
        ("Process invoices", "Process invoices."),
        # Nothing to undo: the text keeps its words.
        ("IT support ticket triage", "IT support ticket triage."),
        (
            "The successful candidate will be responsible for the planning of events",
            "The planning of events.",
        ),
        # Finance shorthand is spelt out as O*NET spells it; look-alikes stay.
        (
            "Process A/P and A/R as needed",
            "Process accounts payable and accounts receivable as needed.",
        ),
        ("- Reconciling G/L accounts monthly", "Reconcile general ledger accounts monthly."),
        ("Own the P&L for the region", "Manage the profit and loss for the region."),
        ("Manage AP/AR", "Manage accounts payable and receivable."),
        ("Tune Map/Reduce jobs", "Tune Map/Reduce jobs."),
        # Office and technology acronyms O*NET never uses are spelt out; others stay.
        ("Write SOPs for the lab", "Write standard operating procedures for the lab."),
        ("Respond to RFQs", "Respond to requests for quotation."),
        ("Set up CI/CD pipelines", "Configure continuous integration and deployment pipelines."),
        (
            "Assist with month-end close: accruals, AP aging, GL reconciliations",
            "Assist with month-end closing: accruals, accounts payable aging, general ledger "
            "reconciliations.",
        ),
        ("Process AR collections", "Process accounts receivable collections."),
        ("Teach AP Biology", "Teach AP Biology."),
        ("Lead quarter-end close activities", "Lead quarter-end closing activities."),
        (
            "Setting up test environments for QA",
            "Configure test environments for quality assurance.",
        ),
        ("Set up and maintain databases", "Configure and maintain databases."),
        ("Set up meetings with prospective clients", "Schedule meetings with prospective clients."),
        ("Set up gas pipelines", "Set up gas pipelines."),
        ("Set up lighting and sound equipment", "Set up lighting and sound equipment."),
        ("Set up tables and chairs for events", "Set up tables and chairs for events."),
        ("Answer HR inquiries", "Answer human resources inquiries."),
        ("Maintain EHR records", "Maintain electronic health records."),
        ("Prepare IT reports for AWS", "Prepare IT reports for AWS."),
        ("Respond to RFPs", "Respond to RFPs."),
        # British spellings of -ize and -yze verbs, as CVs and ads outside the US write them
        (
            "- Analysed breakdown history and vibration data",
            "Analyze breakdown history and vibration data.",
        ),
        ("Organising events and prioritising tasks", "Organize events and prioritize tasks."),
        ("Analyse sales data weekly", "Analyze sales data weekly."),
        ("Supervised and advised junior staff", "Supervise and advise junior staff."),
        # Training a machine-learning model is developing it; training people stays training.
        (
            "Train and deploy machine learning models",
            "Develop and deploy machine learning models.",
        ),
        ("- Fine-tuned LLMs for support", "Develop LLMs for support."),
        ("Training ML models on customer data", "Develop ML models on customer data."),
        ("train a classifier to detect fraud", "Develop a classifier to detect fraud."),
        ("Train staff on the new models", "Train staff on the new models."),
        ("Train new hires on ML tools", "Train new hires on ML tools."),
        ("Train dogs for obedience", "Train dogs for obedience."),
        # "Drive" a measure is increasing it, a plan or a team leading it; vehicles and piles
        # are still driven.
        ("Drive adoption of the new tools", "Increase adoption of the new tools."),
        ("Driving sales growth in the region", "Increase sales growth in the region."),
        ("Drive customer satisfaction", "Increase customer satisfaction."),
        ("Drive the team to hit targets", "Lead the team to hit targets."),
        ("Drove the product roadmap", "Lead the product roadmap."),
        ("Drive forklifts in the warehouse", "Drive forklifts in the warehouse."),
        ("Drive delivery vans on sales routes", "Drive delivery vans on sales routes."),
        ("Drive piles for foundations", "Drive piles for foundations."),
        # "Craft" (no O*NET statement opens with it): words are written, plans developed,
        # wood and jewellery still crafted.
        ("Craft compelling email copy for campaigns", "Write compelling email copy for campaigns."),
        ("Crafted social media posts and newsletters", "Write social media posts and newsletters."),
        ("Crafting go-to-market strategies", "Develop go-to-market strategies."),
        ("Craft wooden furniture to order", "Craft wooden furniture to order."),
        # "Build" software, data and documents: developed; relationships, walls, decks,
        # gas pipelines and scale models are still built.
        ("Build ETL pipelines in Airflow", "Develop ETL pipelines in Airflow."),
        ("Built machine learning models for churn", "Develop machine learning models for churn."),
        ("Building websites for small businesses", "Develop websites for small businesses."),
        ("Build relationships with key accounts", "Build relationships with key accounts."),
        ("Build brick walls", "Build brick walls."),
        ("Build decks for homes", "Build decks for homes."),
        ("Build pipelines for natural gas", "Build pipelines for natural gas."),
        ("Build scale models of buildings", "Build scale models of buildings."),
        # phrasal and job-ad verbs
        ("Put together monthly decks for the board", "Prepare monthly decks for the board."),
        ("Spin up cloud environments for testing", "Configure cloud environments for testing."),
        ("Refactored legacy code", "Modify legacy code."),
        ("Screen resumes for open roles", "Review resumes for open roles."),
        ("Screen passengers at checkpoints", "Screen passengers at checkpoints."),
        # job-ad and CV verbs that open no O*NET statement: O*NET's verb, any form
        (
            "Partnered with payroll to process changes",
            "Collaborate with payroll to process changes.",
        ),
        ("Spearheaded and delivered the migration", "Lead and deliver the migration."),
        ("Liaise with the SENCo", "Coordinate with the special educational needs coordinator."),
        ("Onboarded 50 new hires", "Orient 50 new hires."),
        ("Deployed and monitored services", "Deploy and monitor services."),
        ("Triage patients in the ED", "Triage patients in the ED."),
        (
            "Own and improve our CI/CD pipelines",
            "Manage and improve our continuous integration and deployment pipelines.",
        ),
        ("Own a reliable vehicle", "Own a reliable vehicle."),
        ("Operate and scale Kubernetes clusters", "Manage and scale Kubernetes clusters."),
        ("Operate forklifts in the warehouse", "Operate forklifts in the warehouse."),
        ("Build observability into our services", "Develop observability into our services."),
        ("Drive blameless postmortems", "Lead blameless postmortems."),
        # the post named as the subject, how it is supervised, a clause before "I"
        (
            "The Staff Accountant will support the month-end close process",
            "Support the month-end closing process.",
        ),
        ("The RN provides direct patient care", "Provide direct patient care."),
        (
            "Under general supervision, the Eligibility Specialist II determines eligibility",
            "Determine eligibility.",
        ),
        (
            "When a case settles I prepare the settlement statement",
            "Prepare the settlement statement.",
        ),
        # shorthand of terse lists and clinical ads
        ("ring up pts at register", "Ring up patients at register."),
        ("call drs offices for refills", "Call doctors offices for refills."),
        ("help pharmacist w/ flu shots", "Help pharmacist with flu shots."),
        ("compound creams + suspensions", "Compound creams and suspensions."),
        ("Administer meds PRN", "Administer medications as needed."),
        ("Delegate ADLs to CNAs", "Delegate activities of daily living to nursing assistants."),
        ("Write C++ code", "Write C++ code."),
    ],
)
def test_rewrites_common_habits(typed: str, statement: str) -> None:
    assert task_statement(typed) == statement


def test_onet_statements_pass_through_unchanged() -> None:
    """Every O*NET 30.3 task statement is already in the target form."""
    path = ROOT / "data" / "onet" / "30.3" / "task_statements.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        texts = [" ".join(r["Task"].split()) for r in csv.DictReader(fh)]
    assert len(texts) > 18_000
    changed = [t for t in texts if task_statement(t) not in (t, t + ".")]
    assert changed == []


def test_onet_wording_of_a_job_ad_sense_is_kept() -> None:
    """O*NET itself writes "Set up database clusters": its statements keep their verb, while
    the same words typed in another statement are read in the job-ad sense."""
    kept = "Set up database clusters, backup, or recovery processes."
    assert task_statement(kept) == kept
    assert task_statement("Set up database clusters in AWS") == (
        "Configure database clusters in AWS."
    )


def test_base_verb_knows_inflections_and_leaves_base_forms() -> None:
    assert base_verb("Preparing") == ("prepare", "ing")
    assert base_verb("analyzes") == ("analyze", "s")
    assert base_verb("supervised") == ("supervise", "ed")
    assert base_verb("planning") == ("plan", "ing")
    assert base_verb("taught") == ("teach", "ed")
    assert base_verb("process") is None  # a base verb itself
    assert base_verb("table") is None  # not a task verb
    assert base_verb("analysed") == ("analyze", "ed")
    assert base_verb("organise") == ("organize", "base")
    assert base_verb("advise") is None  # a base verb whose "s" is no British "z"


# Hyphenated verbs of job ads and task lists: a prefix or a verb's modifier before a task verb.
HYPHENATED_VERBS = [
    "Cold-call",
    "Co-ordinate",
    "Re-stock",
    "Double-check",
    "Spot-check",
    "Cross-train",
    "Fact-check",
    "Proof-read",
    "Hand-deliver",
    "Pre-screen",
    "Up-sell",
    "De-escalate",
    "Deep-clean",
    "Fine-tune",
]
# Hyphenated nouns and adjectives (their last part may be a task verb: "time", "operate").
HYPHENATED_NON_VERBS = [
    "Follow-up",
    "Full-time",
    "Part-time",
    "Real-time",
    "Up-to-date",
    "Self-motivated",
    "Well-organised",
    "Award-winning",
    "Cost-saving",
    "Hand-held",
    "Hands-on",
    "E-learning",
    "To-do",
]


@pytest.mark.parametrize("word", HYPHENATED_VERBS)
def test_a_hyphenated_verb_is_a_task_verb_in_any_case(word: str) -> None:
    assert is_task_verb(word)
    assert is_task_verb(word.lower())
    assert base_verb(word) is None  # a base form already


@pytest.mark.parametrize("word", HYPHENATED_NON_VERBS)
def test_a_hyphenated_noun_or_adjective_is_no_verb(word: str) -> None:
    assert not is_task_verb(word)
    assert base_verb(word) is None


def test_every_hyphenated_opening_of_onet_is_a_task_verb() -> None:
    """O*NET's own hyphenated openings ("De-grease", "Tack-weld", "Steam-clean") ground the
    rule: each one reads as a task verb."""
    path = ROOT / "data" / "onet" / "30.3" / "task_statements.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        firsts = {r["Task"].split()[0].rstrip(",") for r in csv.DictReader(fh)}
    hyphenated = sorted(w for w in firsts if "-" in w)
    assert len(hyphenated) == 11  # in 13 statements
    assert [w for w in hyphenated if not is_task_verb(w)] == []


def test_base_verb_of_inflected_hyphenated_verbs() -> None:
    assert base_verb("Cold-called") == ("cold-call", "ed")
    assert base_verb("re-stocking") == ("re-stock", "ing")
    assert base_verb("Co-ordinated") == ("co-ordinate", "ed")  # "coordinated", hyphenated
    assert base_verb("Re-organise") == ("re-organize", "base")
    assert base_verb("De-escalating") == ("de-escalate", "ing")
    assert base_verb("Co-led") == ("co-lead", "ed")  # irregular after a prefix
    assert base_verb("Spot-checks") == ("spot-check", "s")
    assert base_verb("Hand-made") is None  # a modifier's compound: regular forms only


@pytest.mark.parametrize(
    ("typed", "statement"),
    [
        ("Cold-called prospects", "Cold-call prospects."),
        ("Re-stocking shelves", "Re-stock shelves."),
        ("I co-ordinated events and cold-called leads", "Co-ordinate events and cold-call leads."),
        ("Responsible for de-escalating conflicts", "De-escalate conflicts."),
        ("Re-organised the stockroom", "Re-organize the stockroom."),
        ("Co-led a team of five", "Co-lead a team of five."),
        ("Fine-tuned large language models", "Develop large language models."),
        # no verbs: left as written
        ("Follow-up calls scheduled", "Follow-up calls scheduled."),
        ("Full-time role", "Full-time role."),
        ("Hand-held scanners used daily", "Hand-held scanners used daily."),
    ],
)
def test_hyphenated_verbs_take_their_base_form(typed: str, statement: str) -> None:
    assert task_statement(typed) == statement
    assert task_statement(statement) == statement


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=120))
def test_any_text_gives_a_nonempty_stable_statement(text: str) -> None:
    if not text.strip():
        return
    once = task_statement(text)
    assert once.strip()
    assert task_statement(once) == once


def test_score_texts_reads_the_rewrite_but_reports_the_users_words() -> None:
    typed = "Responsible for preparing monthly financial reports for management"
    [as_typed] = score_texts([typed])
    [statement] = score_texts(["Prepare monthly financial reports for management."])
    assert as_typed.task == typed
    assert as_typed.exposure == statement.exposure


@pytest.mark.parametrize(
    ("typed", "statement"),
    [
        ("Handle customer calls in a fast-paced environment", "Handle customer calls."),
        ("You will process invoices with minimal supervision.", "Process invoices."),
        ("Stock shelves, and other duties as assigned", "Stock shelves."),
        ("Assist guests while maintaining a positive attitude", "Assist guests."),
        ("Reconcile accounts with great attention to detail", "Reconcile accounts."),
        ("Answer phones in a professional and courteous manner.", "Answer phones."),
        (
            "In a fast-paced environment, you will triage support tickets",
            "Triage support tickets.",
        ),
        (
            "Prepare payroll with minimal supervision in a busy office environment",
            "Prepare payroll.",
        ),
        ("Negotiated vendor contracts, saving $50K annually.", "Negotiate vendor contracts."),
        ("Reconciled accounts, reducing errors by 15%", "Reconcile accounts."),
        # what O*NET statements say too stays, and a result without a figure
        ("Update records as needed", "Update records as needed."),
        ("Trained staff, improving morale", "Train staff, improving morale."),
        ("Update records using Microsoft Excel", "Update records using Microsoft Excel."),
        # nothing would be left: as written
        ("In a fast-paced environment", "In a fast-paced environment."),
    ],
)
def test_job_ad_filler_is_dropped(typed: str, statement: str) -> None:
    assert task_statement(typed) == statement
    assert task_statement(statement) == statement


def test_a_prefix_is_no_verb_and_ing_words_are_not_its_forms() -> None:
    """ "Re-cover" and "Co-ordinate" open O*NET statements, but "re" is no verb: "ring" is no
    "re" + "-ing", "red" no "re" + "-ed"."""
    assert base_verb("ring") is None
    assert base_verb("red") is None
    assert not is_task_verb("re")
    assert task_statement("Re-cover chairs") == "Re-cover chairs."


def test_a_number_is_no_list_marker() -> None:
    assert task_statement("1.5 hours of charting per shift") == "1.5 hours of charting per shift."
    assert task_statement("0.0.0") == task_statement(task_statement("0.0.0"))
    assert task_statement("2. Prepare reports") == "Prepare reports."
