"""A person's own job description: splitting rules, the report on it, the CLI and the web face."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ai_impact import api
from ai_impact.cli.app import _register, app
from ai_impact.db import KnowledgeBase
from ai_impact.errors import InputError
from ai_impact.reports.consistency import check_report
from ai_impact.reports.description import DescribedReport
from ai_impact.reports.jd_split import MAX_CHARS, MAX_TASKS, split_description
from ai_impact.settings import Settings
from ai_impact.web.app import create_app

_register()
runner = CliRunner()

AP_JD = """Accounts Payable Clerk
About us: We are a fast-growing distributor founded in 1987.
Responsibilities:
- Process vendor invoices and match them to purchase orders and receiving reports
- Enter invoices into the accounting system and code them to general ledger accounts
• Reconcile vendor statements monthly and resolve discrepancies
1. Prepare weekly check runs and electronic payments
2) Answer vendor questions about payment status by phone and email
Requirements:
- 2+ years of accounts payable experience
- Proficient in Excel
Benefits
Medical, dental and vision. 401(k) match.
We are an equal opportunity employer.
Salary: $45,000 - $52,000 per year
"""
AP_TASKS = (
    "Process vendor invoices and match them to purchase orders and receiving reports",
    "Enter invoices into the accounting system and code them to general ledger accounts",
    "Reconcile vendor statements monthly and resolve discrepancies",
    "Prepare weekly check runs and electronic payments",
    "Answer vendor questions about payment status by phone and email",
)

NURSE_TASKS = """- Assess patients' conditions and record vital signs in the chart
- Administer medications and intravenous fluids as ordered by physicians
- Monitor patients for changes in condition and report them to the physician
- Teach patients and families how to manage their illness after discharge
- Coordinate care plans with physicians, therapists and social workers
"""


# -- splitting rules ---------------------------------------------------------------------------


def test_split_keeps_duties_and_drops_boilerplate() -> None:
    split = split_description(AP_JD)
    assert split.title == "Accounts Payable Clerk"
    assert split.tasks == AP_TASKS
    # about-us line, 3 headings, 2 requirements, 2 benefit sentences' line, EEO, salary
    assert split.dropped == 9


def test_split_cuts_prose_into_sentences_and_keeps_duty_words() -> None:
    text = (
        "Calculate bonus payments for the sales team. Assist with dental procedures and "
        "sterilize instruments; complete required documentation.\n"
        "Provide remote support to users.\nOk.\n"
    )
    split = split_description(text)
    assert split.title is None
    assert split.tasks == (
        "Calculate bonus payments for the sales team.",
        "Assist with dental procedures and sterilize instruments; complete required documentation.",
        "Provide remote support to users.",
    )
    assert split.dropped == 1  # "Ok." is too short to be a task


def test_split_drops_duplicates_and_skipped_sections() -> None:
    text = (
        "Duties:\n- Stock shelves with merchandise\n- stock shelves with merchandise!\n"
        "Qualifications\n- Able to stand for long periods of time\n"
        "What you'll do:\n- Help customers find products in the store\n"
    )
    assert split_description(text).tasks == (
        "Stock shelves with merchandise",
        "Help customers find products in the store",
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("\n \n\t\n", "empty"),
        ("Benefits:\n- 401(k) match\n- Paid time off\n", "No task statement"),
        ("x" * (MAX_CHARS + 1), "more than 20,000 characters"),
        (
            "\n".join(f"- Prepare report number {i} for the regional office" for i in range(61)),
            f"limit is {MAX_TASKS}",
        ),
    ],
)
def test_split_refuses_unusable_text(text: str, words: str) -> None:
    with pytest.raises(InputError, match=words):
        split_description(text)


# -- the report --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ap_report(settings: Settings, kb: KnowledgeBase) -> DescribedReport:
    report = api.analyze_description(AP_JD, settings=settings)
    assert isinstance(report, DescribedReport)
    return report


def test_report_rests_on_the_titled_occupation_and_the_users_tasks(
    ap_report: DescribedReport,
) -> None:
    h = ap_report.header
    assert h.code == "43-3031.00"  # Bookkeeping, Accounting, and Auditing Clerks
    assert h.resolved_from == "Accounts Payable Clerk"
    assert h.rests_on == ("43-3031.00",)
    assert h.rests_on_note is not None
    assert h.rests_on_note.startswith("The 5 tasks below are the statements of your job")
    assert "pay, outlook" in h.rests_on_note and "(43-3031.00)" in h.rests_on_note
    assert ap_report.statements == AP_TASKS
    assert ap_report.candidates[0].code == "43-3031.00"
    assert len(ap_report.candidates) == 5
    assert ap_report.changing.exposure.n_tasks == 5
    assert ap_report.changing.exposure.labelled_share == 0.0


def test_report_lists_only_the_users_statements_scored_by_the_model(
    ap_report: DescribedReport,
) -> None:
    shown = [t.task for t in ap_report.tasks_at_risk] + [t.task for t in ap_report.safe_tasks]
    assert sorted(shown) == sorted(AP_TASKS)
    assert {t.source for t in ap_report.tasks_at_risk} | {
        t.source for t in ap_report.safe_tasks
    } == {"model"}
    assert len(ap_report.tasks_at_risk) == ap_report.changing.exposure.n_exposed


def test_report_uses_the_same_formula_and_the_occupations_other_figures(
    ap_report: DescribedReport, settings: Settings
) -> None:
    base = api.report_for("43-3031.00", settings=settings)
    r = ap_report.risk
    assert r.score == pytest.approx(1 + 9 * sum(c.weight * c.value for c in r.components))
    own = {c.key: c.value for c in r.components}
    theirs = {c.key: c.value for c in base.risk.components}
    for key in ("ai_usage", "adoption", "demand"):
        assert own[key] == pytest.approx(theirs[key])
    assert ap_report.salary is not None and base.salary is not None
    assert ap_report.salary.median_annual == base.salary.median_annual
    assert ap_report.outlook == base.outlook
    # related occupations are the occupation's; safer moves are those below the page's own score
    onet = {e.code for e in ap_report.related if e.relation == "O*NET related"}
    assert onet and onet <= {e.code for e in base.related}
    for move in (e for e in ap_report.related if e.relation == "safer move"):
        assert move.risk <= r.score - 1.0 + 1e-9


def test_report_passes_the_consistency_check(
    ap_report: DescribedReport, settings: Settings
) -> None:
    assert check_report(ap_report) == []
    nurse = api.analyze_description(NURSE_TASKS, settings=settings)
    assert isinstance(nurse, DescribedReport)
    assert "29-1141.00" in [c.code for c in nurse.candidates]  # Registered Nurses among them
    assert check_report(nurse) == []


def test_explicit_title_decides_the_occupation(settings: Settings, kb: KnowledgeBase) -> None:
    report = api.analyze_description(NURSE_TASKS, title="Registered Nurse", settings=settings)
    assert report.header.code == "29-1141.00"
    assert report.header.resolved_from == "Registered Nurse"


QA_CITY_AD = """Accounts Payable Specialist
City of Riverside — Finance Department
Full-time, Hybrid

Duties include:
- Process vendor invoices through three-way match against purchase orders in Oracle
- Enter and verify invoice data, GL codes and cost centers
- Reconcile vendor statements and resolve discrepancies with departments and vendors
- Answer vendor inquiries by phone and email

Salary range: $52,000–$64,000.
The City offers CalPERS retirement.
"""


def test_employer_and_benefit_lines_do_not_move_the_risk(
    settings: Settings, kb: KnowledgeBase
) -> None:
    """The QA's city ad: the employer line and the benefit sentence are listed as not scored,
    and the risk is that of the duties alone."""
    report = api.analyze_description(QA_CITY_AD, settings=settings)
    assert isinstance(report, DescribedReport)
    assert len(report.statements) == 4
    kinds = {line.text: line.kind for line in report.set_aside}
    assert kinds["City of Riverside — Finance Department"] == "company"
    assert kinds["The City offers CalPERS retirement."] == "benefit"
    duties = "\n".join(ln for ln in QA_CITY_AD.splitlines() if ln.startswith(("- ", "Acc")))
    alone = api.analyze_description(duties, settings=settings)
    assert report.statements == alone.statements
    assert report.risk.score == pytest.approx(alone.risk.score)


def test_a_title_line_with_a_bonus_names_the_job(settings: Settings, kb: KnowledgeBase) -> None:
    """QA4 #5: the first line with a bracketed sign-on bonus is the title, not a benefit."""
    text = (
        "Registered Nurse - Med/Surg - Night Shift (Sign-on Bonus $10K!)\n"
        "St. Mary's Regional Medical Center, Springfield, IL\n\n"
        "Responsibilities:\n" + NURSE_TASKS
    )
    report = api.analyze_description(text, settings=settings)
    assert report.header.resolved_from == "Registered Nurse - Med/Surg - Night Shift"
    assert report.header.code == "29-1141.00"
    kinds = {line.text: line.kind for line in report.set_aside}
    assert kinds["Sign-on Bonus $10K!"] == "benefit"
    assert kinds["St. Mary's Regional Medical Center, Springfield, IL"] == "company"


QA5_AD = (
    "Senior Staff Accountant [Hybrid] (Sign-on Bonus $5,000) - St. Louis, MO\n"
    "Responsibilities:\n"
    "- Prepare monthly journal entries and account reconciliations, incl. bank recs.\n"
    "- Analyze variances vs. budget and report to the CFO.\n"
    "<b>Apply now</b> at jobs@acme.com\n"
)


def test_the_title_leaves_its_place_and_markdown_escapes_not_scored_lines_once(
    settings: Settings, kb: KnowledgeBase
) -> None:
    """QA5 #10: the location after " - " is not part of the title, and the Markdown face
    quotes a line not scored through md_text, once, as every other user text."""
    from ai_impact.render.markdown import md_text, render_markdown

    report = api.analyze_description(QA5_AD, settings=settings)
    assert report.header.resolved_from == "Senior Staff Accountant"
    kinds = {line.text: line.kind for line in report.set_aside}
    assert kinds["St. Louis, MO"] == kinds["Hybrid"] == "logistics"
    page = render_markdown(report)
    assert "> You asked for “Senior Staff Accountant”." in page
    lines = [ln for ln in page.splitlines() if ln.startswith("- Not scored, ")]
    quoted = next(ln for ln in lines if "Apply now" in ln)
    assert "“&lt;b&gt;Apply now&lt;/b&gt; at jobs@acme.com”" in quoted
    assert "<b>" not in page and "&amp;lt;" not in page
    assert md_text("<b>Apply now</b>") == "&lt;b&gt;Apply now&lt;/b&gt;"
    assert "- Not scored, location and schedule: “Hybrid”; “St. Louis, MO”." in lines


# -- QA round 3: CVs, prose, the matcher on CV bullets ------------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "descriptions"
CV = (FIXTURES / "cv_maintenance_planner.txt").read_text(encoding="utf-8")
CV_BULLETS = CV.split("\n", 2)[2]


@pytest.mark.parametrize(
    "text",
    [CV, f"Professional Experience\n{CV_BULLETS}", f"Employment History\n{CV}"],
)
def test_a_cv_is_analysed_from_its_duties_and_role(
    tmp_path: Path, settings: Settings, kb: KnowledgeBase, text: str
) -> None:
    """QA3 #1: a CV's headings no longer leave "No task statement", nor name the job
    ("Employment History" gave History Teachers, Postsecondary)."""
    path = tmp_path / "cv.txt"
    path.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["analyze", "-d", str(path), "-f", "json"], env=_env(settings))
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert len(d["description"]["statements"]) == 6
    assert d["occupation"]["code"] == "49-1011.00"  # Maintenance and repair supervisors
    assert d["description"]["title"] == ("Maintenance Planner" if "Planner," in text else None)


def test_untitled_past_tense_cv_bullets_match_maintenance_work(
    settings: Settings, kb: KnowledgeBase
) -> None:
    """QA3 #4: the bullets are read in O*NET form ("Analysed" → "Analyze") and American
    spelling ("labour" → "labor"): supervisors of maintenance and repair come first."""
    from ai_impact.reports.description_match import matcher_text

    assert matcher_text("- Analysed breakdown history and estimated labour hours") == (
        "Analyze breakdown history and estimate labor hours."
    )
    report = api.analyze_description(CV_BULLETS, settings=settings)
    assert isinstance(report, DescribedReport)
    assert report.header.code == "49-1011.00"
    # untitled: the page does not quote "your job description" as if the user had typed it
    assert report.header.resolved_from is None
    from ai_impact.render.markdown import render_markdown

    page = render_markdown(report)
    assert "You asked for" not in page and "statements of your job description" in page


def test_american_spelling_leaves_every_onet_text_as_it_is(kb: KnowledgeBase) -> None:
    """The matcher spells the pasted words as O*NET does; O*NET's own texts never change."""
    from ai_impact.reports.description_match import us_spelling
    from ai_impact.risk.build import description_sentences

    texts = [t.text for t in kb.all_tasks()]
    texts += [s for o in kb.occupations() for s in description_sentences(o.description)]
    assert len(texts) > 17_000
    assert [t for t in texts if us_spelling(t) != t] == []
    assert us_spelling("Organised labour; programmes, centres; paediatric anaesthesia") == (
        "Organized labor; programs, centers; pediatric anesthesia"
    )


def test_prose_names_the_job_and_each_duty_is_scored(settings: Settings, kb: KnowledgeBase) -> None:
    """QA3 #3: "I work as a veterinary nurse ..." is the title, not a task; the duties listed in
    one sentence are scored one by one."""
    text = (FIXTURES / "prose_vet_nurse.txt").read_text(encoding="utf-8")
    report = api.analyze_description(text, settings=settings)
    assert isinstance(report, DescribedReport)
    assert report.header.resolved_from == "veterinary nurse"
    assert report.header.code == "29-2056.00"  # Veterinary Technologists and Technicians
    assert len(report.statements) == 12
    assert "take radiographs" in report.statements
    assert not any(s.startswith("I work as") for s in report.statements)


# -- QA round 9: a CV's name, a hype title line, inline markup ----------------------------------

NAMED_CV = (FIXTURES / "cv_named_ap_specialist.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("contact", [True, False])
def test_a_cvs_name_is_no_title_and_its_contact_details_are_not_quoted(
    settings: Settings, kb: KnowledgeBase, contact: bool
) -> None:
    """QA9 #1: "JANE DOE" was the title and the contact line a task "resting on judgment";
    the first role line names the job, with or without the contact line (the title index
    knows no word of "Jane Doe"), and the page counts the person's details, never quotes them."""
    from ai_impact.render.markdown import render_markdown

    text = NAMED_CV if contact else NAMED_CV.replace(NAMED_CV.splitlines()[1], "")
    report = api.analyze_description(text, settings=settings)
    assert isinstance(report, DescribedReport)
    assert report.header.resolved_from == "Senior Accounts Payable Specialist"
    assert report.header.code.startswith("43-3")  # an accounting or billing clerk
    assert len(report.statements) == 6
    kinds = {line.text: line.kind for line in report.set_aside}
    assert kinds["JANE DOE"] == "contact"
    page = render_markdown(report)
    assert "JANE DOE" not in page and "jane.doe@example.com" not in page
    n = "2 lines" if contact else "1 line"
    assert f"- Not scored, contact details: {n}, not quoted." in page.splitlines()


def test_a_hype_title_line_matches_as_its_title_does(settings: Settings, kb: KnowledgeBase) -> None:
    """QA9 #2: the first line was "pay and benefits"; its job part now names the occupation, as
    ``--title "Warehouse Associate"`` does."""
    text = (FIXTURES / "hype_warehouse_ad.txt").read_text(encoding="utf-8")
    report = api.analyze_description(text, settings=settings)
    titled = api.analyze_description(text, title="Warehouse Associate", settings=settings)
    assert isinstance(report, DescribedReport) and isinstance(titled, DescribedReport)
    assert report.header.resolved_from == "Warehouse Associate"
    assert report.header.code == titled.header.code
    assert report.header.code.startswith("53-7")  # material moving workers


ML_ENGINEER_AD = (
    "Machine Learning Engineer\n- Train and deploy ML models\n- Set up CI/CD pipelines\n"
    "- Write SOPs\n- Maintain CRM records\n- Drive adoption of MLOps best practices\n"
)


def test_a_title_opening_with_a_task_verb_matches_as_its_title_does(
    settings: Settings, kb: KnowledgeBase
) -> None:
    """QA11: "Machine Learning Engineer" ("Machine" is an O*NET task verb) was read as a task
    that stays human, and the ad matched industrial engineering technologists."""
    report = api.analyze_description(ML_ENGINEER_AD, settings=settings)
    titled = api.analyze_description(
        ML_ENGINEER_AD, title="Machine Learning Engineer", settings=settings
    )
    assert isinstance(report, DescribedReport) and isinstance(titled, DescribedReport)
    assert report.header.resolved_from == "Machine Learning Engineer"
    assert len(report.statements) == 5
    assert "Machine Learning Engineer" not in report.statements
    assert report.header.code == titled.header.code == "15-2051.00"  # Data Scientists


@pytest.mark.parametrize("title", ["Test Engineer", "Process Engineer", "Support Engineer"])
def test_cli_json_reads_a_verb_opening_title_as_the_title(
    settings: Settings, kb: KnowledgeBase, title: str
) -> None:
    duties = "- Write code\n- Review pull requests\n- Maintain CRM records\n"
    res = runner.invoke(
        app, ["analyze", "-d", "-", "-f", "json"], input=f"{title}\n{duties}", env=_env(settings)
    )
    titled = runner.invoke(
        app,
        ["analyze", "-d", "-", "-f", "json", "--title", title],
        input=duties,
        env=_env(settings),
    )
    assert res.exit_code == 0 and titled.exit_code == 0, res.output + titled.output
    d, t = json.loads(res.output), json.loads(titled.output)
    assert d["description"]["title"] == title
    assert d["description"]["statements"] == [
        "Write code",
        "Review pull requests",
        "Maintain CRM records",
    ]
    assert d["occupation"]["code"] == t["occupation"]["code"]


def test_a_duty_with_inline_markup_is_scored(settings: Settings, kb: KnowledgeBase) -> None:
    """QA9 #3: "[five](http://x.y)" no longer makes a duty the employer's line."""
    line = "Manage the _team_ of [five](http://x.y) analysts"
    text = f"Review contracts & *negotiate* terms with vendors | suppliers\n{line}\n"
    report = api.analyze_description(text, settings=settings)
    assert isinstance(report, DescribedReport)
    assert line in report.statements
    assert not report.set_aside


# -- CLI ---------------------------------------------------------------------------------------


def _env(settings: Settings) -> dict[str, str]:
    return {"AI_IMPACT_CACHE_DIR": str(settings.cache_dir)}


def test_cli_json_from_a_file(tmp_path: Path, settings: Settings, kb: KnowledgeBase) -> None:
    path = tmp_path / "jd.txt"
    path.write_text(AP_JD, encoding="utf-8")
    res = runner.invoke(app, ["analyze", "-d", str(path), "-f", "json"], env=_env(settings))
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["occupation"]["code"] == "43-3031.00"
    assert d["description"]["statements"] == list(AP_TASKS)
    assert d["description"]["candidates"][0]["code"] == "43-3031.00"


def test_cli_reads_stdin_and_takes_a_title(settings: Settings, kb: KnowledgeBase) -> None:
    res = runner.invoke(
        app,
        ["analyze", "--description-file", "-", "--title", "Registered Nurse"],
        input=NURSE_TASKS,
        env=_env(settings),
    )
    assert res.exit_code == 0, res.output
    assert res.output.startswith(
        "# AI impact on your job description (closest occupation: Registered Nurses)"
    )
    assert "statements of your job description" in res.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("\n\n", "The job description is empty"),
        ("Duties include many things. " * 1000, "more than 20,000 characters"),
    ],
)
def test_cli_unusable_file_exits_2(
    tmp_path: Path, settings: Settings, content: str | None, message: str
) -> None:
    path = tmp_path / "jd.txt"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    res = runner.invoke(app, ["analyze", "-d", str(path)], env=_env(settings))
    assert res.exit_code == 2
    assert message in res.output


def test_cli_without_query_or_file_exits_2(settings: Settings) -> None:
    res = runner.invoke(app, ["analyze"], env=_env(settings))
    assert res.exit_code == 2
    assert "Give a job title or code, or --description-file" in res.output


# -- web ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(settings: Settings, kb: KnowledgeBase) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def test_describe_form_and_home_link(client: TestClient) -> None:
    r = client.get("/describe")
    assert r.status_code == 200
    assert '<textarea id="jd-text" name="text"' in r.text
    assert 'href="/describe"' in client.get("/").text


def test_describe_post_escapes_the_pasted_text(client: TestClient) -> None:
    text = AP_JD + "- Review <script>alert(1)</script> vendor files for missing tax forms\n"
    r = client.post("/describe", data={"text": text, "title": "", "area": ""})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert (
        '<h1 id="occupation-title">your job description (closest occupation: Bookkeeping, '
        "Accounting, and Auditing Clerks)</h1>"
    ) in r.text


def test_describe_post_shows_the_error_in_the_form(client: TestClient) -> None:
    r = client.post("/describe", data={"text": "Benefits:\n- 401(k)\n", "title": "<b>x</b>"})
    assert r.status_code == 422
    assert "No task statement was found" in r.text
    assert "&lt;b&gt;x&lt;/b&gt;" in r.text


def test_api_answers_the_occupation_json_plus_description(client: TestClient) -> None:
    r = client.post("/api/v1/analyze-description", json={"text": AP_JD})
    assert r.status_code == 200
    d = r.json()
    same = client.get("/api/v1/occupations/43-3031.00").json()
    assert set(d) == set(same) | {"description"}
    assert d["occupation"]["code"] == "43-3031.00"
    assert [t["source"] for t in d["tasks_at_risk"] + d["safe_tasks"]] == ["model"] * 5


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"text": AP_JD, "extra": 1}, 422, "Invalid request: unknown key 'extra'."),
        ({"title": "Clerk"}, 422, "Invalid request: text is required."),
        ({"text": "  "}, 422, "The job description is empty"),
    ],
)
def test_api_errors_have_the_error_shape(
    client: TestClient, body: dict[str, object], status: int, words: str
) -> None:
    r = client.post("/api/v1/analyze-description", json=body)
    assert r.status_code == status
    d = r.json()
    assert d["ok"] is False and d["status"] == status
    assert words in d["error"]


def test_a_pasted_onet_statement_keeps_its_published_label() -> None:
    """Word for word O*NET statements are labelled tasks; the page says so."""
    from ai_impact.scoring import score_tasks

    text = (
        "Responsibilities:\n"
        "- Prepare reports on operations and system productivity or efficiency.\n"
        "- Enter invoices into the accounting system and reconcile vendor statements\n"
    )
    report = api.analyze_description(text)
    sources = [s.source for s in score_tasks(api.get_kb(), list(split_description(text).tasks))]
    assert sources == ["labels", "model"]
    assert "1 of them is word for word an O*NET task statement" in report.header.rests_on_note
    assert "keeps its published label" in report.method.notes[0]


def test_a_statement_labelled_differently_takes_the_found_occupations_label(
    settings: Settings, kb: KnowledgeBase
) -> None:
    """QA #1: "Assign and grade class work and homework." is E0 on the Elementary School
    Teachers page and E2 for four other teaching occupations; pasted under that title it is
    their task and keeps their label: safe, not at risk. Without an occupation that carries it
    the most common label stands, with the split in the evidence."""
    text = "Assign and grade class work and homework.\n"
    report = api.analyze_description(text, title="Elementary School Teacher")
    assert report.header.code == "25-2021.00"
    assert report.tasks_at_risk == ()
    [safe] = report.safe_tasks
    assert (safe.source, safe.beta) == ("labels", 0.0)
    assert "published label keeps it human" in safe.reason
    assert "the label it has in Elementary School Teachers" in report.method.notes[0]
    assert check_report(report) == []
    # the JSON names the label set as the analysis of an occupation does
    res = runner.invoke(
        app,
        ["analyze", "-d", "-", "--title", "Elementary School Teacher", "-f", "json"],
        input=text,
        env=_env(settings),
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [t["source"] for t in data["safe_tasks"]] == ["labels"]
    assert data["tasks_at_risk"] == []
    report = api.analyze_description(text, title="Accountant")
    assert report.header.code == "13-2011.00"
    [risk] = report.tasks_at_risk
    assert risk.source == "labels" and risk.exposure["E2"] == 1.0
    assert "the most common of 6 occupations' labels: E2 in 4, E0 in 2" in risk.evidence
    assert check_report(report) == []


def test_lines_left_out_are_listed_as_a_readable_list() -> None:
    """QA: "Lines on requirements and skills and location and schedule are not scored" read as
    four topics run together; topics holding their own "and" are set apart by commas."""
    from ai_impact.reports.description_text import set_aside_notes
    from ai_impact.reports.jd_kinds import LOGISTICS, REQUIREMENT, SetAside

    both = (SetAside("5+ years of SQL", REQUIREMENT), SetAside("Nights, 3x12", LOGISTICS))
    header, _ = set_aside_notes(both)
    assert header == (
        "Lines on requirements and skills and on location and schedule are not scored as "
        "tasks; Method and sources lists them."
    )
    one, _ = set_aside_notes(both[:1])
    assert one is not None and one.startswith("Lines on requirements and skills are not scored")
