"""QA10 #1–#3: every face names the source and vintage of its figures, the risk category's range,
pay a whole SOC group shares, and openings BLS publishes as 0.0 thousand ("fewer than 50")."""

from __future__ import annotations

import json
from dataclasses import replace

from markupsafe import escape

import web_fakes as fake
from ai_impact.render import RENDERERS
from ai_impact.render.compare import COMPARE_RENDERERS, INDUSTRY_NOTE
from ai_impact.render.markdown import md_text, render_markdown
from ai_impact.render.pay import median_pay
from ai_impact.reports import figures as fx
from ai_impact.reports import narrative as nv
from ai_impact.reports.consistency import check_report
from ai_impact.reports.model import OccupationReport
from ai_impact.reports.serialize import report_to_dict
from ai_impact.reports.shared_figures import SHARED_OUTLOOK_MARK, SHARED_PAY_MARK
from ai_impact.reports.sources import NOT_JOB_LOSS, RISK_IS_NOT_EXPOSURE

DS = fake.REPORTS["15-2051.00"]
GROUP = "SOC 35-3023 (Fast Food and Counter Workers)"


def _shared_pay(report: OccupationReport) -> OccupationReport:
    assert report.salary is not None
    return replace(report, salary=replace(report.salary, pay_group=GROUP))


PROJECTED = "SOC 35-3023 (Fast Food and Counter Workers)"  # as pay groups are named
# The analysis's note on a projection of the whole group (reports/pay_outlook.py), verbatim,
# with the occupation's code, as the pay note gives it.
PROJECTED_NOTE = (
    f"BLS projects {PROJECTED} as a whole, which covers other O*NET occupations too; "
    "Data Scientists (15-2051.00) has no projection of its own."
)


def _group_outlook(report: OccupationReport) -> OccupationReport:
    assert report.outlook is not None
    return replace(report, outlook=replace(report.outlook, projection_group=PROJECTED))


def _few_openings(report: OccupationReport) -> OccupationReport:
    """Pediatric Surgeons: BLS publishes 0.0 thousand openings a year (fewer than 50)."""
    assert report.outlook is not None
    sentence = nv.outlook_sentence("Pediatric Surgeons", 1.5, 0.0)
    return replace(report, outlook=replace(report.outlook, openings_annual=0.0, sentence=sentence))


def test_openings_under_fifty_are_written_as_such() -> None:
    assert fx.openings(0.0) == fx.about_openings(0.0) == "fewer than 50"
    assert fx.openings(0.049) == "fewer than 50"
    assert (fx.openings(0.1), fx.about_openings(0.1)) == ("100", "about 100")
    assert fx.openings(23.4) == "23,400"
    assert nv.outlook_sentence("Pediatric Surgeons", 1.5, 0.0) == (
        "Employment is projected to grow 1.5% over 2024–34; fewer than 50 openings a year come "
        "mostly from people retiring or changing occupation."
    )
    assert nv.demand_sentence(1.5, 0.0).endswith(", with fewer than 50 openings a year.")
    assert nv.demand_sentence(1.5, 17.5).endswith(", with about 17,500 openings a year.")


def test_few_openings_in_markdown_html_and_json() -> None:
    report = _few_openings(DS)
    md = render_markdown(report)
    assert "- Openings a year: fewer than 50" in md and "Openings a year: 0" not in md
    page = RENDERERS["html"](report)
    assert "<dt>Openings a year</dt><dd>fewer than 50</dd>" in page
    assert "0.0 thousand openings" not in page
    assert "<td>under 0.05 (fewer than 50)</td>" in page  # the chart's numbers, in thousands
    assert "fewer than 50 openings a year." in page  # the outlook chart's description
    compared = COMPARE_RENDERERS["html"]([report, DS])
    assert '<th scope="row">Openings a year</th><td>fewer than 50</td><td>17.5k</td>' in compared
    # JSON keeps BLS's number, in thousands.
    assert report_to_dict(report)["outlook"]["openings_annual"] == 0.0
    assert json.loads(COMPARE_RENDERERS["json"]([report, DS]))[0]["outlook"]["openings_annual"] == 0


def test_fewer_than_fifty_is_a_sourced_figure() -> None:
    report = _few_openings(DS)
    assert not [p for p in check_report(report) if "50" in p.message]


def test_markdown_outlook_names_its_source_and_the_header_the_category_range() -> None:
    md = render_markdown(DS)
    outlook = md.split("## Employment outlook", 1)[1].split("## ", 1)[0]
    assert "Source: BLS Employment Projections 2024–34." in outlook
    lo, hi = DS.risk.category_range
    assert f"“{DS.risk.category}” spans {lo:.1f}–{hi:.1f}" in md.split("## Overview", 1)[0]
    page = RENDERERS["html"](DS)
    section = page.split('id="outlook"', 1)[1].split("</section>", 1)[0]
    assert '<p class="small">Source: BLS Employment Projections 2024–34.</p>' in section


def test_compare_markdown_is_a_page_with_data_and_sources() -> None:
    md = COMPARE_RENDERERS["md"]([DS, fake.REPORTS["29-1141.00"]])
    assert md.startswith("# AI impact compared: Data Scientists, Registered Nurses\n\n| Occupation")
    data = md.split("## Data", 1)[1].split("## Sources", 1)[0]
    assert "- Median pay: OEWS May 2024, National (a year)." in data
    assert "- Outlook 2024–34: projected change in employment, BLS Employment Projections" in data
    assert f"“{DS.risk.category}” spans" in data
    assert md_text(RISK_IS_NOT_EXPOSURE) in data and md_text(NOT_JOB_LOSS) in data
    sources = md.split("## Sources", 1)[1]
    assert "- **O\\*NET 30.3 Database** — 30\\.3; CC BY 4.0. USDOL/ETA" in sources
    assert "- **BLS OEWS May 2024** — 2024; Public domain." in sources
    assert sources.count("\n- ") == len(fake.SOURCES)  # one line each, once
    assert SHARED_PAY_MARK not in md


def test_compare_marks_pay_a_whole_soc_group_shares() -> None:
    shared = _shared_pay(DS)
    md = COMPARE_RENDERERS["md"]([shared, fake.REPORTS["29-1141.00"]])
    row = next(line for line in md.splitlines() if line.startswith("| Data Scientists"))
    assert f"| {median_pay(shared.salary)} {SHARED_PAY_MARK} |" in row
    nurse = next(line for line in md.splitlines() if line.startswith("| Registered Nurses"))
    assert SHARED_PAY_MARK not in nurse
    assert (
        f"{SHARED_PAY_MARK} Pay OEWS publishes for a whole SOC group, which covers other "
        f"O\\*NET occupations too: {GROUP} for Data Scientists (15-2051.00)."
    ) in md
    page = COMPARE_RENDERERS["html"]([shared, fake.REPORTS["29-1141.00"]])
    assert f'<span title="OEWS pay for {GROUP} as a whole">{SHARED_PAY_MARK}</span>' in page
    assert f"{GROUP} for Data Scientists (15-2051.00).</p>" in page


def test_compare_json_keeps_its_keys_and_adds_the_pay_group() -> None:
    plain = json.loads(COMPARE_RENDERERS["json"]([DS, DS]))
    shared = json.loads(COMPARE_RENDERERS["json"]([_shared_pay(DS), DS]))
    assert [set(d) for d in plain] == [set(d) for d in shared]
    assert (shared[0]["salary"]["pay_group"], shared[1]["salary"]["pay_group"]) == (GROUP, None)


def test_compare_marks_an_outlook_bls_projects_for_a_whole_group() -> None:
    """QA: the comparison marks a group's projection ‡ with the analysis's note, in every format."""
    projected, nurse = _group_outlook(DS), fake.REPORTS["29-1141.00"]
    md = COMPARE_RENDERERS["md"]([projected, nurse])
    row = next(line for line in md.splitlines() if line.startswith("| Data Scientists"))
    assert row.endswith(f"| +33.5% {SHARED_OUTLOOK_MARK} |")
    other = next(line for line in md.splitlines() if line.startswith("| Registered Nurses"))
    assert SHARED_OUTLOOK_MARK not in other
    assert f"\n{md_text(f'{SHARED_OUTLOOK_MARK} {PROJECTED_NOTE}')}\n" in md
    page = COMPARE_RENDERERS["html"]([projected, nurse])
    mark = f' <span title="BLS projects {PROJECTED} as a whole">{SHARED_OUTLOOK_MARK}</span>'
    assert f'<th scope="row">Jobs 2024–34</th><td>+33.5%{mark}</td><td>' in page
    assert f'<th scope="row">Openings a year</th><td>17.5k{mark}</td><td>17.5k</td>' in page
    assert f'<p class="small">{SHARED_OUTLOOK_MARK} {PROJECTED_NOTE}</p>' in page
    data = json.loads(COMPARE_RENDERERS["json"]([projected, nurse]))
    assert [d["outlook"]["projection_group"] for d in data] == [PROJECTED, None]
    # The occupation's own projection: no mark and no note anywhere.
    for text in (COMPARE_RENDERERS["md"]([DS, nurse]), COMPARE_RENDERERS["html"]([DS, nurse])):
        assert SHARED_OUTLOOK_MARK not in text and "has no projection of its own" not in text


def test_compare_html_lists_the_data_and_sources_the_markdown_lists() -> None:
    """QA: the HTML comparison says what the Markdown one says under its table."""
    pair = [_shared_pay(_group_outlook(DS)), fake.REPORTS["29-1141.00"]]
    md = COMPARE_RENDERERS["md"](pair)
    page = COMPARE_RENDERERS["html"](pair)
    data = md.split("## Data", 1)[1].split("## Sources", 1)[0]
    items = [line[2:] for line in data.splitlines() if line.startswith("- ")]
    html_data = page.split('<h2 id="h-compare-data">Data</h2>', 1)[1].split("</section>", 1)[0]
    # ... and what its own Industry and AI tools rows rest on (QA: Markdown has no such rows).
    assert len(items) == 6 and html_data.count("<li>") == 8
    assert f"<li>{escape(INDUSTRY_NOTE)}</li>" in html_data
    assert "<li>AI tools: the first four products the ai-impact AI tool catalog matches to " in (
        html_data
    )
    assert "Industry:" not in data and "AI tools:" not in data
    assert "<li>Median pay: OEWS May 2024, National (a year).</li>" in html_data
    assert f"<li>{escape(RISK_IS_NOT_EXPOSURE)}</li>" in html_data
    assert f"<li>{escape(NOT_JOB_LOSS)}</li>" in html_data
    sources = page.split('<h2 id="h-compare-sources">Sources</h2>', 1)[1].split("</section>")[0]
    assert sources.count("<li>") == md.split("## Sources", 1)[1].count("\n- ") == 3
    # The O*NET licence and attribution, as the analysis page's sources give them.
    assert (
        "<li><strong>O*NET 30.3 Database</strong> — 30.3; CC BY 4.0. "
        "USDOL/ETA, used under CC BY 4.0</li>"
    ) in sources
    assert "<li><strong>BLS OEWS May 2024</strong> — 2024; Public domain.</li>" in sources
    # Both notes on shared figures, once each, in both formats.
    for mark in (SHARED_PAY_MARK, SHARED_OUTLOOK_MARK):
        assert page.count(f'<p class="small">{mark} ') == 1
        assert md.count(f"\n{mark} ") == 1


def test_an_empty_compare_form_lists_no_data_or_sources() -> None:
    from ai_impact.render.html import Links, compare_page

    page = compare_page([], Links())
    assert "h-compare-data" not in page and "h-compare-sources" not in page


def test_compare_html_marks_a_group_s_pay_range_and_names_the_tool_catalogue() -> None:
    """QA: the HTML comparison marks the 10th–90th pay of a group †, as its median; its Sources
    name the tool catalogue its AI tools row rests on; the O*NET attribution is said once, by
    the site's footer, not again under Sources (the analysis page does the same)."""
    from ai_impact.render.html import ONET_ATTRIBUTION
    from ai_impact.reports.model import SourceRef

    tools = SourceRef("tools", "ai-impact AI tool catalog", "version 9", "MIT (catalog)", None)
    onet = SourceRef("onet", "O*NET 30.3", "30.3", "CC BY 4.0 (USDOL/ETA)", ONET_ATTRIBUTION)
    shared = replace(_shared_pay(DS), sources=(onet, *fake.SOURCES[1:], tools))
    nurse = fake.REPORTS["29-1141.00"]
    page = COMPARE_RENDERERS["html"]([shared, nurse])
    mark = f' <span title="OEWS pay for {GROUP} as a whole">{SHARED_PAY_MARK}</span>'
    row = page.split('<th scope="row">Pay 10th–90th</th>', 1)[1].split("</tr>", 1)[0]
    assert row.count(mark) == 1 and row.startswith("<td>$") and f"{mark}</td><td>$" in row
    sources = page.split('<h2 id="h-compare-sources">Sources</h2>', 1)[1].split("</section>")[0]
    assert (
        "<li><strong>ai-impact AI tool catalog</strong> — version 9; MIT (catalog).</li>"
    ) in sources
    assert "<li><strong>O*NET 30.3</strong> — 30.3; CC BY 4.0 (USDOL/ETA).</li>" in sources
    assert page.count(str(escape(ONET_ATTRIBUTION))) == 1  # the footer's
    data = page.split('<h2 id="h-compare-data">Data</h2>', 1)[1].split("</section>", 1)[0]
    assert "the ai-impact AI tool catalog (version 9) matches to each" in data
    md = COMPARE_RENDERERS["md"]([shared, nurse])  # no footer, no AI tools column
    assert md.count(md_text(ONET_ATTRIBUTION)) == 1 and "tool catalog" not in md
    analysis = RENDERERS["html"](shared)
    assert analysis.count(str(escape(ONET_ATTRIBUTION))) == 1
    assert "<li><strong>O*NET 30.3</strong> (30.3) — CC BY 4.0 (USDOL/ETA)</li>" in analysis
