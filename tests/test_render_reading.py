"""QA as a reader: what the pages say where the data is thin (a lone task, a footnote, a borrowed
task), in the words a worker reads, on every face that shows it."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

import web_fakes as fake
from ai_impact.db import KnowledgeBase
from ai_impact.render import RENDERERS, charts
from ai_impact.render.chart_svg import CATEGORY_COLOURS, TIMELINE_COLOURS
from ai_impact.render.html import Links, render_page
from ai_impact.render.markdown import render_markdown
from ai_impact.render.pay import pay_note
from ai_impact.reports import figures as fx
from ai_impact.reports.build import none_at_risk, none_safe
from ai_impact.reports.model import CertificationEntry, OccupationReport
from ai_impact.reports.service import Analyses
from ai_impact.reports.tool_reason import Fit, reason_line
from ai_impact.settings import Settings, default_data_dir
from ai_impact.sources.catalog_tools import load_tools

DS = fake.REPORTS["15-2051.00"]


@pytest.fixture(scope="module")
def analyses(kb: KnowledgeBase, settings: Settings) -> Analyses:
    return Analyses(kb, settings)


def _section(md: str, heading: str) -> str:
    return md.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


def test_bls_footnotes_read_as_sentences() -> None:
    """OEWS's footnote shorthand ("top-coded: annual p90 ≥ $239,200/yr") reads as a sentence."""
    annual = "annual mean, annual p10, annual p25, annual median, annual p75, annual p90"
    hourly = "hourly mean, hourly median, hourly p10, hourly p25, hourly p75, hourly p90"
    assert pay_note(f"top-coded: {annual} ≥ $239,200/yr") == (
        "BLS shows every annual figure only as $239,200 a year or more."
    )
    assert pay_note("top-coded: hourly median, hourly p75, hourly p90 ≥ $115.00/hr") == (
        "BLS shows the hourly median and the 75th and 90th percentiles only as $115.00 an hour "
        "or more."
    )
    assert pay_note(f"not released: {hourly}, {annual}") == "BLS releases no wage estimate here."
    assert pay_note("not released: hourly p10, hourly p90") == (
        "BLS does not release the hourly 10th and 90th percentiles here."
    )
    assert pay_note("employment not released") == "BLS does not release the number of jobs here."
    assert pay_note("hourly wages not released, annual only") == (
        "BLS publishes only annual pay for this occupation, no hourly wages."
    )
    # a note it does not know (the projections' own footnote) stays as it is
    assert pay_note("top-coded: median wage ≥ 239,200/yr") == "top-coded: median wage ≥ 239,200/yr"


def _top_coded(report: OccupationReport) -> OccupationReport:
    """An area where every annual figure is above BLS's top code (no median, no percentile)."""
    assert report.salary is not None
    none = dict.fromkeys(("median_annual", "p10_annual", "p25_annual", "p75_annual"))
    salary = replace(
        report.salary,
        area="Alabama",
        **none,
        p90_annual=None,
        projection=None,
        notes=("top-coded: annual median, annual p90 ≥ $239,200/yr",),
    )
    return replace(report, salary=salary)


def test_a_top_coded_area_says_what_bls_shows_and_no_dash_range() -> None:
    capped = _top_coded(DS)
    said = "BLS shows the annual median and the 90th percentile only as $239,200 a year or more."
    md = _section(render_markdown(capped), "Salary")
    assert f"- {said}\n" in md and "top-coded" not in md
    page = RENDERERS["html"](capped)
    pay = page.split('id="pay"', 1)[1].split("</section>", 1)[0]
    assert f'<p class="small">{said}</p>' in pay and "top-coded" not in pay
    # neither end of the range is published: no "—–—" row
    assert "10th–90th percentile" not in pay and "—–—" not in pay
    # the JSON keeps BLS's footnote as data
    notes = json.loads(RENDERERS["json"](capped))["salary"]["notes"]
    assert notes == ["top-coded: annual median, annual p90 ≥ $239,200/yr"]


def test_a_lone_task_is_not_counted_as_tasks() -> None:
    assert none_at_risk(1) == (
        "Its only task does not reach the exposure threshold: AI does not take over this work "
        "today."
    )
    assert none_at_risk(5) == (
        "None of its 5 tasks reaches the exposure threshold: AI does not take over any of this "
        "work today."
    )
    assert none_safe(1) == "Its only task is exposed to AI; it is not rated as staying fully human."
    assert none_safe(4) == (
        "Every one of its 4 tasks is exposed to AI; none is rated as staying fully human."
    )


DEFINITION = "All military officer special and tactical operations leaders not listed separately"


def test_a_definition_is_no_task(analyses: Analyses) -> None:
    """QA15: O*NET describes 55-1019.00 only by its definition and lists no task; the page says
    so and reads its group's descriptions instead of scoring the definition as its only task."""
    r = analyses.report_for("55-1019.00")
    assert r.header.rests_on_note is not None
    assert r.header.rests_on_note.startswith(
        "O*NET publishes no task statements for Military Officer Special and Tactical "
        "Operations Leaders, All Other, nor for any related occupation in its SOC group, and "
        f"describes it only as “{DEFINITION}”; its exposure rests on the task model's reading "
        "of the descriptions of the other occupations in its group, Air Crew Officers "
        "(55-1011.00), "
    )
    listed = [t.task for t in r.tasks_at_risk] + [t.task for t in r.safe_tasks]
    assert listed and not any(DEFINITION in t for t in listed)
    assert r.changing.exposure.n_tasks > 1
    md = render_markdown(r)
    assert f"“{DEFINITION}”, which rests on" not in md
    assert "Its only task" not in md and "of its 1 tasks" not in md
    assert any(
        t.evidence.endswith("; from the description of Infantry Officers") for t in r.tasks_at_risk
    )


def test_tool_mode_reads_as_words_on_every_face() -> None:
    """The catalogue's "assists" is what the tool does for the worker; the JSON keeps the key."""
    md = _section(render_markdown(DS), "AI tools entering the role")
    assert "_Assists a person, who stays in charge. Matches an exposed task._" in md
    assert "_assists;" not in md
    page = RENDERERS["html"](DS)
    assert "GitHub · 2021 · coding assistant · assists a person, who stays in charge</p>" in page
    automates = replace(DS, ai_tools=(replace(DS.ai_tools[0], mode="automates"),))
    assert "_Does the work itself. Matches an exposed task._" in render_markdown(automates)
    assert json.loads(RENDERERS["json"](automates))["ai_tools"][0]["mode"] == "automates"


def test_exposure_detail_on_the_page_uses_the_figures_of_the_sentences() -> None:
    """β reads 0.48 as in the headline, and the automation level is the exposed work's, the
    one the substitution share is made of (exposed share × automation level)."""
    e = DS.changing.exposure
    share = e.share_llm_alone + e.share_with_tools  # 0.48
    page = RENDERERS["html"](DS)
    assert (
        "exposure index β 0.48 (range 0.41–0.55 from label uncertainty), automation level of "
        "the exposed work "
        f"{fx.pct(e.substitution_share / share)}, substitutable share 20%"
    ) in page
    assert "exposure index β 48%" not in page


def test_borrowed_tasks_name_their_occupation_without_a_stray_parenthesis(
    analyses: Analyses,
) -> None:
    """A residual occupation rests on related occupations' tasks: the evidence list names the
    source as one more clause, the reason as one more sentence (never "…. (task of X)")."""
    r = analyses.report_for("15-1299.00")
    # its tasks that are not exposed are all disputed (human E0, GPT-4 exposed): listed apart
    kept = [*r.safe_tasks, *r.disputed_tasks]
    assert r.tasks_at_risk and kept
    for t in r.tasks_at_risk:
        head, _, title = t.evidence.rpartition("; a task of ")
        assert head and title and not title.endswith(")"), t.evidence
    for s in kept:
        assert ". It is a task of " in s.reason and s.reason.endswith(".")
        assert "(task of" not in s.reason


def test_software_kinds_keep_their_acronyms(analyses: Analyses) -> None:
    """O*NET's "Computer aided design CAD software" reads "CAD software" in a sentence (QA #25:
    the acronym is the name people use), never "… cad software"."""
    why = [a.why for a in analyses.report_for("17-1011.00").adaptation if a.kind == "technology"]
    assert why and all("(CAD software" in w and "cad software" not in w for w in why)


def test_certification_facts_never_nest_parentheses() -> None:
    cert = CertificationEntry(
        "Certified Pediatric Nurse (CPN)",
        "Pediatric Nursing Certification Board (PNCB)",
        "advanced",
        "RN license plus 1,800 hours (or 5 years and 3,000 hours)",
        300.0,
        "A specialty certification of this occupation.",
    )
    md = _section(render_markdown(replace(DS, certifications=(cert,))), "Certifications")
    assert (
        "- **Certified Pediatric Nurse (CPN)** — Pediatric Nursing Certification Board (PNCB) · "
        "advanced · effort: RN license plus 1,800 hours (or 5 years and 3,000 hours) · about "
        "$300. A specialty certification of this occupation.\n"
    ) in md


def test_counts_of_a_thousand_and_more_have_a_separator() -> None:
    home = render_page("home.html", Links(), total=1016, industries=[], examples=[], q=None)
    assert "pay and outlook — for 1,016 occupations, from public data" in home


def _contrast(colour: str, other: str = "#ffffff") -> float:
    def lum(hex_colour: str) -> float:
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    high, low = sorted((lum(colour), lum(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colour", [*TIMELINE_COLOURS.values(), *CATEGORY_COLOURS.values()])
def test_white_text_on_timeline_and_category_colours_is_readable(colour: str) -> None:
    """Timeline pills and risk badges print white text on these colours (WCAG AA: 4.5:1)."""
    assert _contrast(colour) >= 4.5


def test_outlook_chart_alt_text_says_people_as_the_page_does() -> None:
    """The description a screen reader reads gives the figures of the outlook sentence and list
    (persons), not the bars' thousands ("115.2 thousand")."""
    o = DS.outlook
    assert o is not None and o.employment_change_pct is not None
    desc = charts.outlook_chart(DS)
    assert desc is not None
    assert desc.desc == (
        f"Employment 200,000 in 2024, projected {fx.thousands(o.employment_2034 or 0)} in 2034 "
        f"({o.employment_change_pct:+.1f}%); about 17,500 openings a year."
    )
    assert "thousand" not in desc.desc


def test_a_pay_projection_is_shown_to_the_nearest_hundred_dollars() -> None:
    """A scenario five years out has no exact dollars: the pages round it, the JSON keeps it."""
    assert DS.salary is not None and DS.salary.projection is not None
    projection = replace(DS.salary.projection, low=152363.59, mid=156293.14, high=160268.73)
    report = replace(DS, salary=replace(DS.salary, projection=projection))
    md = _section(render_markdown(report), "Salary")
    assert "Projection to 2029: $152,400–$160,300 (central $156,300, to the nearest $100). " in md
    page = RENDERERS["html"](report)
    assert (
        '<dd>$156,300 <span class="small">($152,400–$160,300, to the nearest $100)</span></dd>'
    ) in page
    assert json.loads(RENDERERS["json"](report))["salary"]["projection"]["mid"] == 156293.14


def test_occupation_tables_and_industry_pages_name_their_sources() -> None:
    """Every number names its source: the tables' pay, outlook and risk, an industry's jobs."""
    summary, rows = fake.industry("technology")
    page = render_page(
        "industry.html",
        Links(),
        ind=summary,
        rows=rows,
        chart=charts.industry_chart([r.risk_category for r in rows]),
        sort="risk",
        order="desc",
        sort_url=lambda s, o: f"?sort={s}&order={o}",
    )
    assert (
        '<p class="small">Risk: the ai-impact risk score (1–10). Exposure index β: the share of '
        "task time AI can speed up, from the GPTs are GPTs labels and the ai-impact task model. "
        "Median pay: BLS OEWS May 2025, United States. Outlook: BLS Employment Projections "
        '2024–34. <a href="/sources">Sources</a></p>'
    ) in page
    assert "<dt>Employment (BLS OEWS May 2025)</dt>" in page
    listing = render_page("industries.html", Links(), industries=fake.industries())
    assert "employment is the jobs BLS OEWS May 2025 counts in its occupations" in listing


# ---------------------------------------------------------------- QA15


@pytest.mark.parametrize(
    ("n", "total", "activities", "software", "line"),
    [
        (1, 28, (), (),
         "Fits one task (exposed to AI): “Answer customer questions about billing”."),
        (4, 29, ("Respond to customer problems or inquiries.", "Explain details."), (),
         "Fits 4 of its 29 tasks (all exposed to AI), through the work activities "
         "'Respond to customer problems or inquiries' and 'Explain details'."),
        (3, 17, ("Design computer or information systems or applications.",),
         ("Git", "GitHub", "Linux", "Python"),
         "Fits 3 of its 17 tasks (all exposed to AI), through the work activity 'Design "
         "computer or information systems or applications'. This occupation already uses "
         "software it works with: Git, GitHub and Linux."),
        (2, 13, (), ("Salesforce software", "Customer relationship management CRM software"),
         "Fits 2 of its 13 tasks (all exposed to AI). This occupation already uses software "
         "it works with: Salesforce software and CRM software."),
        (1, 1, (), (),
         "Fits its only task (exposed to AI): “Answer customer questions about billing”."),
    ],
)  # fmt: skip
def test_a_tool_line_reads_as_plain_english(
    n: int,
    total: int,
    activities: tuple[str, ...],
    software: tuple[str, ...],
    line: str,
) -> None:
    """QA15: "Fits 1 of 28 tasks, exposed to AI, through task wording" and "works with Git,
    GitHub, Linux, already used in this occupation" were hard to parse. QA #26: one task is
    named, not counted; the matcher's "through the wording of that task" is not said."""
    tool = next(t for t in load_tools(default_data_dir()).tools if not t.outside_exposure)
    fit = Fit("Answer customer questions about billing.", n, total, activities, software)
    assert reason_line(tool, fit) == line
    quiet = reason_line(tool, fit, say_exposed=False)
    assert "exposed" not in quiet and quiet.startswith(line.split(" (")[0])


def test_a_certification_reason_quotes_names_that_hold_and(analyses: Analyses) -> None:
    """QA15: "builds Psychology, Customer and Personal Service and Medicine and Dentistry" read
    as five items; O*NET's names are quoted, and a commodity title keeps its acronym."""
    rn = analyses.report_for("29-1141.00")
    reasons = [c.reason for c in rn.certifications]
    assert any(
        "builds 'Psychology', 'Customer and Personal Service' and 'Medicine and Dentistry', "
        "which this occupation rates as important" in r
        for r in reasons
    ), reasons
    assert not any("Customer and Personal Service and " in r for r in reasons)
    sales = analyses.report_for("41-4011.00")
    said = " ".join(c.reason for c in sales.certifications)
    # QA #25: by the name people use, not O*NET's "Full name ACRONYM"
    assert "already works with: CRM software" in said, said
    assert "crm software" not in said and "relationship management CRM" not in said


def test_the_drivers_sentence_and_the_job_zone_say_it_plainly(analyses: Analyses) -> None:
    """QA15: "Against the middle of each component's range" and "Job zone 4" in plain words."""
    overview = _section(render_markdown(analyses.report_for("15-1252.00")), "Overview")
    assert (
        "Compared with the middle of each component's scale, its substitution potential (49% of "
        "the work) and its exposure index (β 0.48) raise the score most; "
    ) in overview
    assert "Against the middle" not in overview
    md = render_markdown(DS)
    assert fx.preparation(4) == "Considerable preparation needed (O*NET job zone 4)"
    assert fx.preparation(2) == "Little to some preparation needed (O*NET job zone 2)"
    zone = DS.header.job_zone
    assert zone is not None
    assert f" · {fx.preparation(zone)}\n" in md and "**Job zone**" not in md
    page = RENDERERS["html"](DS)
    assert f"</span> · {fx.preparation(zone)}  </p>" in page and "Job zone" not in page


def test_the_projections_release_has_the_en_dash_of_its_name(analyses: Analyses) -> None:
    """QA15: "BLS Employment Projections 2024–34 — BLS Employment Projections 2024-34"."""
    ep = next(s for s in analyses.report_for("15-1252.00").sources if s.key == "ep")
    assert (ep.name, ep.release) == (
        "BLS Employment Projections 2024–34",
        "BLS Employment Projections 2024–34",
    )
