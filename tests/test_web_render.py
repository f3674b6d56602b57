"""Charts, links, sorting and renderers of the HTML layer (no server)."""

from __future__ import annotations

import re

import pytest

import web_fakes as fake
from ai_impact.errors import InputError
from ai_impact.render import RENDERERS, charts
from ai_impact.render.html import Links, StaticLinks, markdown_to_html, report_html, sort_rows

DS = fake.REPORTS["15-2051.00"]


def test_every_chart_is_an_accessible_image_with_a_table() -> None:
    figures = charts.report_charts(DS)
    assert list(figures) == ["risk", "tasks", "pay", "outlook"]
    for key, c in figures.items():
        assert c.svg.startswith(f'<svg role="img" aria-labelledby="{key}-t {key}-d" ')
        assert f'<title id="{key}-t">{c.title}</title>' in c.svg
        assert c.desc and c.rows and all(len(r) == len(c.columns) for r in c.rows)
        assert "<script" not in c.svg and "kozea.github.io" not in c.svg


def test_charts_are_deterministic() -> None:
    assert charts.report_charts(DS)["tasks"].svg == charts.report_charts(DS)["tasks"].svg


def test_tasks_chart_ranks_by_exposure_and_colours_by_timeline() -> None:
    c = charts.tasks_chart(DS)
    assert [r[:3] for r in c.rows] == [
        ("1. Write code to clean data.", "0.82", "already happening"),
        ("2. Build predictive models.", "0.66", "1–2 years"),
        ("3. Present findings to managers.", "0.35", "3–5 years"),
    ]
    assert c.legend == (
        ("already happening", "#b42318"),
        ("1–2 years", "#bd4b12"),
        ("3–5 years", "#8f6f00"),
    )


def test_wage_chart_puts_area_beside_nation() -> None:
    assert DS.salary is not None
    from dataclasses import replace

    area = replace(DS.salary, area="California", median_annual=150000.0)
    c = charts.wage_chart(area, DS.salary)
    assert c.columns == ("Percentile", "National", "California")
    assert ("Median", "$112,590", "$150,000") in c.rows


def test_chart_labels_are_escaped() -> None:
    hostile = fake.REPORTS[fake.HOSTILE_CODE]
    svg = charts.compare_chart([DS, hostile]).svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_industry_chart_counts_categories() -> None:
    c = charts.industry_chart(["high", "high", "low"])
    assert c.rows == (
        ("very low", "0"),
        ("low", "1"),
        ("moderate", "0"),
        ("high", "2"),
        ("very high", "0"),
    )


def test_sort_rows_puts_missing_values_last_both_ways() -> None:
    rows = fake.occupation_table()
    rows[0] = type(rows[0])(
        **{**{f: getattr(rows[0], f) for f in rows[0].__slots__}, "median_annual": None}
    )
    for order in ("asc", "desc"):
        assert sort_rows(rows, "pay", order)[-1].median_annual is None
    assert [r.risk_score for r in sort_rows(rows, "risk")] == [8.4, 6.8, 5.1, 2.9]
    assert sort_rows(rows, "title")[0].title == "Bookkeeping, Accounting, and Auditing Clerks"
    with pytest.raises(InputError, match="Cannot sort by 'height'"):
        sort_rows(rows, "height")


def test_links_served_and_static() -> None:
    served, static = Links(), StaticLinks("../")
    assert served.occupation("15-2051.00", "New York") == "/occupation/15-2051.00?area=New+York"
    assert served.industry("technology", "pay", "asc") == "/industry/technology?sort=pay&order=asc"
    assert static.occupation("15-2051.00") == "../occupations/15-2051.00.html"
    assert static.industry("technology", "pay") == "../industries/technology--pay-desc.html"
    assert static.compare(["a", "b"]) == "../compare/a.html" and static.compare(["a"]) is None
    assert static.asset("app.js") == "../static/app.js"


def test_renderers_cover_the_three_formats() -> None:
    assert set(RENDERERS) == {"md", "json", "html"}
    assert RENDERERS["json"](DS).startswith('{\n  "schema_version"')


def test_standalone_html_needs_no_other_file() -> None:
    html = report_html(DS)
    assert "<style>" in html and 'rel="stylesheet"' not in html
    assert "<script" not in html
    assert not re.search(r'href="/', html)
    assert "Registered Nurses" in html and 'href="../occupations' not in html
    assert 'rel="canonical"' not in html  # a file anywhere: it has no public address


def test_charts_are_titled_and_label_tooltips_carry_the_full_text() -> None:
    figures = {**charts.report_charts(DS), "compare": charts.compare_chart([DS, DS])}
    figures["spread"] = charts.industry_chart(["high", "low"])
    for key, c in figures.items():
        titles = re.findall(r"<title[^>]*>([^<]*)</title>", c.svg)
        assert titles[0] == c.title, key  # the SVG's own name, never pygal's default
        assert "Pygal" not in titles, key
        # no tooltip is a bare axis value ("0%", "1%", "$40k") standing in for a label
        assert not [t for t in titles[1:] if re.fullmatch(r"[$\d.,k%]+", t)], (key, titles)
    tasks = re.findall(r">(Task \d+)</text><title>([^<]*)</title>", figures["tasks"].svg)
    assert ("Task 1", "1. Write code to clean data.") in tasks
    assert len(tasks) == len(DS.tasks_at_risk)


def test_shortened_risk_labels_have_the_full_label_as_tooltip() -> None:
    from dataclasses import replace

    long = "Share of the work exposed to AI through software built on a language model"
    comps = (replace(DS.risk.components[0], label=long), *DS.risk.components[1:])
    report = replace(DS, risk=replace(DS.risk, components=comps))
    svg = charts.risk_chart(report).svg
    # the axis shows a fixed short label, never a cut one (QA: "Pace of AI adoption in the…")
    shown = re.search(r">(Substitution potential \(50%\))</text><title>([^<]*)</title>", svg)
    assert shown is not None and "…" not in svg.split("<desc", 1)[0]
    assert shown.group(2) == f"{long} (50%)"


def test_markdown_tables_scroll_inside_a_wrapper() -> None:
    """A wide method table scrolls by itself on a phone instead of widening the page."""
    html = str(markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n"))
    assert html.startswith('<div class="scroll"><table>') and "</table></div>" in html


def test_static_links_leave_out_occupations_not_exported() -> None:
    links = StaticLinks("../", exported=["15-2051.00"])
    assert links.occupation("15-2051.00") == "../occupations/15-2051.00.html"
    assert links.occupation("29-1141.00") is None
    assert links.occupation_pattern() == "../occupations/CODE.html"
    assert StaticLinks("../").occupation("29-1141.00") == "../occupations/29-1141.00.html"
    assert Links("/ai").occupation_pattern() == "/ai/occupation/CODE"
