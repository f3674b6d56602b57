"""The phone layout of each chart (``render/chart_narrow.py``) and its place on the page."""

from __future__ import annotations

import re
from dataclasses import replace

import web_fakes as fake
from ai_impact.render import charts
from ai_impact.render.chart_narrow import FONT, WIDTH, Bar, Row, narrow_svg, wrap
from ai_impact.render.html import Links, keep_greek, markdown_to_html, occupation_page

DS = fake.REPORTS["15-2051.00"]


def _all_charts() -> dict[str, charts.Chart]:
    figures = {**charts.report_charts(DS), "compare": charts.compare_chart([DS, DS])}
    figures["spread"] = charts.industry_chart(["high", "high", "low"])
    return figures


def test_every_chart_has_an_accessible_narrow_layout_at_phone_scale() -> None:
    for key, c in _all_charts().items():
        svg = c.narrow
        assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="narrow-chart"'), key
        assert f'role="img" aria-labelledby="{key}-nt {key}-nd"' in svg, key
        assert f'<title id="{key}-nt">{c.title}</title>' in svg, key
        assert re.search(rf'viewBox="0 0 {WIDTH} \d+"', svg) and f'font-size="{FONT}"' in svg
        # the wide chart's ids are not repeated: one page holds both drawings
        assert f'id="{key}-t"' not in svg and "<script" not in svg, key


def test_narrow_bars_print_every_value_and_scale_to_the_top() -> None:
    svg = narrow_svg(
        "k",
        "T",
        "D",
        [Row("a", (Bar(50, "50%", "#111111"),)), Row("b", (Bar(100, "100%", "#222222"),))],
        top=100,
    )
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', svg)]
    assert len(widths) == 2 and widths[1] == 2 * widths[0]
    assert ">50%</text>" in svg and ">100%</text>" in svg
    # a value of 0 or one not published draws no bar but still says its value
    row = Row("a", (Bar(None, "—", "#111"), Bar(0, "0", "#111")))
    none = narrow_svg("k", "T", "D", [row], top=1)
    assert "<rect" not in none and ">—</text>" in none and ">0</text>" in none


def test_long_labels_wrap_above_the_bar_and_short_ones_sit_beside_it() -> None:
    long = "Bookkeeping, Accounting, and Auditing Clerks in a very long occupation title"
    beside = narrow_svg("k", "T", "D", [Row("low", (Bar(1, "1", "#111"),))], top=1)
    above = narrow_svg("k", "T", "D", [Row(long, (Bar(1, "1", "#111"),))], top=1)
    assert re.search(r'<text x="2" y="[\d.]+" fill="#1f2328">low</text>', beside)
    lines = re.findall(r'fill="#1f2328">([^<]*)</text>', above)
    assert len(lines) >= 2 and " ".join(lines) == long  # wrapped, never cut
    bar_x = float(re.search(r'<rect x="([\d.]+)"', above).group(1))  # type: ignore[union-attr]
    assert bar_x == 2  # the bar takes the whole width under its label
    assert wrap("a bb ccc", 1) == ["a", "bb", "ccc"] and wrap("", 100) == [""]


def test_narrow_charts_match_the_table_numbers() -> None:
    labels = " ".join(re.findall(r'fill="#1f2328">([^<]*)<', charts.risk_chart(DS).narrow))
    for comp in DS.risk.components:
        assert f"{comp.label} ({comp.weight:.0%})" in labels
    tasks = charts.tasks_chart(DS)
    assert re.findall(r'fill="#3b4250">([^<]*)<', tasks.narrow) == ["0.82", "0.66", "0.35"]  # β
    assert "<title>1. Write code to clean data.</title>" in tasks.narrow  # the label's full text
    assert DS.salary is not None
    pay = charts.wage_chart(replace(DS.salary, area="California"), DS.salary)
    assert ">National</text>" in pay.narrow and ">California</text>" in pay.narrow  # a key
    assert ">$113k</text>" in pay.narrow  # the national median, $112,590


def test_chart_text_is_escaped_in_the_narrow_layout() -> None:
    hostile = fake.REPORTS[fake.HOSTILE_CODE]
    svg = charts.compare_chart([DS, hostile]).narrow
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_the_page_holds_the_narrow_chart_hidden_until_the_style_shows_it() -> None:
    """Read without the style sheet a page shows one chart each, the wide one."""
    html = occupation_page(DS, Links())
    assert html.count('<div class="svg wide">') == 4
    assert html.count('<div class="svg narrow" hidden><svg') == 4


def test_capitalised_table_headings_keep_greek_letters() -> None:
    assert str(keep_greek("Exposure index β <b>")) == (
        'Exposure index <span class="nocase">β</span> &lt;b&gt;'
    )
    html = str(markdown_to_html("| ρ with β | x |\n|---|---|\n| β 1 | 2 |\n"))
    assert '<th><span class="nocase">ρ</span> with <span class="nocase">β</span></th>' in html
    assert "<td>β 1</td>" in html  # body cells are not capitalised: left as they are
