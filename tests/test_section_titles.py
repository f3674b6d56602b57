"""One set of section titles: Markdown, the HTML headings and the HTML table of contents say the
same (PRODUCT.md's names), and the tasks table says what its exposure figure is and how it is
ordered; the risk chart plots score points, not percentages."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import web_fakes as fake
from ai_impact.render.charts import risk_chart, score_points
from ai_impact.render.markdown import render_markdown
from ai_impact.render.titles import EXPOSURE_HEADER, NAV_TITLES, SECTION_TITLES, TASKS_LEAD

DS = "15-2051.00"


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    yield from fake.client(monkeypatch)


def test_product_section_names() -> None:
    """QA: HTML said "Related occupations", Markdown "Tasks that remain human"."""
    for name in ("Tasks that remain safe", "Related analyses", "Adaptation strategy"):
        assert name in SECTION_TITLES.values()


def test_markdown_html_and_nav_use_the_same_titles(client: TestClient) -> None:
    html = client.get(f"/occupation/{DS}").text
    md = render_markdown(fake.report_for(DS))
    h2 = re.findall(r'<h2 id="h-([a-z]+)">([^<]*)</h2>', html)
    assert h2 and all(SECTION_TITLES[k] == t for k, t in h2)
    md_titles = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert [t for _, t in h2 if t in md_titles] == md_titles
    nav = html.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="#([a-z]+)">([^<]*)</a>', nav)
    assert links and all(NAV_TITLES[k] == t for k, t in links)
    assert "What to learn" not in nav and ">Adaptation strategy</a>" in nav
    assert [k for k, _ in links] == [k for k, _ in h2]  # every heading, in order


def test_tasks_table_names_beta_and_its_order() -> None:
    md = render_markdown(fake.report_for(DS))
    section = md.split(f"## {SECTION_TITLES['tasks']}", 1)[1].split("\n## ", 1)[0]
    assert TASKS_LEAD in section and "Exposure β |" not in section
    assert f"| Task | {EXPOSURE_HEADER} | AI role |" in section
    assert "how much of each task AI could take over" in TASKS_LEAD  # the sort key, not β


def test_risk_chart_plots_points_rounded_as_the_table() -> None:
    """QA: a 0.0347 component read "4%" on the chart, "0.03" in the table beside it."""
    assert score_points(0.0347) == 3 and score_points(0.159) == 16
    chart = risk_chart(fake.report_for(DS))
    assert "…" not in chart.svg.split("<desc", 1)[0]  # no axis label cut
    values = re.findall(r'class="value[^"]*"[^>]*>([^<]*)<', chart.svg)
    assert values and not any(v.endswith("%") for v in values)
