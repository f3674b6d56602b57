"""The served site on a 375-px phone, over the real knowledge base: charts whose text reads, no
page wider than the screen, tap targets of about 40 px, form fields that do not make iOS zoom."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import LiveServer, phone_page, shot

from ai_impact import api
from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings
from ai_impact.web.app import create_app

pytestmark = pytest.mark.browser

# Data Scientists, Registered Nurses, the longest O*NET title (105 characters) and an occupation
# paid by the hour (actors): every chart an occupation page draws.
OCCUPATIONS = ("15-2051.00", "29-1141.00", "51-4033.00", "27-2011.00")
CHART_PAGES = (
    *(f"/occupation/{c}" for c in OCCUPATIONS),
    "/occupation/15-2051.00?area=California",  # pay beside the nation: two series
    "/compare?codes=15-2051.00,51-4033.00,43-3031.00,25-9042.00",
    "/industry/technology",
)

# Each shown chart: the rendered size of its smallest text (computed font size times the SVG's
# scale, and the glyph box), the text that leaves the SVG's box (clipped), and its layout.
CHART_TEXT = """() => [...document.querySelectorAll('figure.chart svg')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => {
    const box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim());
    const out = texts.filter(t => {
      const r = t.getBoundingClientRect();
      return r.left < box.left - .5 || r.right > box.right + .5
        || r.top < box.top - .5 || r.bottom > box.bottom + .5;
    });
    return {
      figure: svg.closest('figure').id, layout: svg.getAttribute('class'),
      px: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)),
      glyph: Math.min(...texts.map(t => t.getBoundingClientRect().height)),
      clipped: out.map(t => t.textContent),
    };
  })"""
WIDTH = "document.documentElement.scrollWidth"


@pytest.fixture(scope="module")
def server(settings: Settings, kb: KnowledgeBase) -> Iterator[LiveServer]:
    api.report_for("15-2051.00", settings=settings)  # warm the caches a first report builds
    with LiveServer(create_app(settings)) as s:
        yield s


@pytest.fixture()
def phone375(browser: Any) -> Iterator[Any]:
    """A 375×740 phone (touch, 2× pixels)."""
    yield from phone_page(browser, 375, 740, 30_000)


def test_chart_text_reads_on_a_phone(phone375: Any, server: LiveServer) -> None:
    """At 375 px every chart shows its narrow layout, whose text is 13 px (the wide one's was
    7 px), none of it cut off at the SVG's edge, and the page is no wider than the screen."""
    seen = 0
    for path in CHART_PAGES:
        phone375.goto(server.url + path)
        charts = phone375.evaluate(CHART_TEXT)
        assert charts, path
        for c in charts:
            assert c["layout"] == "narrow-chart", (path, c)
            assert c["px"] >= 12 and c["glyph"] >= 12, (path, c)
            assert c["clipped"] == [], (path, c)
        seen += len(charts)
        assert phone375.evaluate(WIDTH) <= 375, path
    assert seen >= 4 * len(OCCUPATIONS) + 3
    phone375.goto(server.url + "/occupation/15-2051.00?area=California")
    shot(phone375, "occupation-charts-375")


def test_desktop_keeps_the_wide_charts(page: Any, server: LiveServer) -> None:
    """At 1280 px the charts are the wide pygal drawings at their full 15 px, as before."""
    for path in CHART_PAGES[:2]:
        page.goto(server.url + path)
        charts = page.evaluate(CHART_TEXT)
        assert {c["layout"] for c in charts} == {"pygal-chart"}, path
        assert all(c["px"] == 15 for c in charts), (path, charts)
        assert page.locator("figure.chart .svg.narrow").first.is_hidden()


@pytest.mark.parametrize(
    "path",
    [
        "/occupation/51-4033.00",
        "/occupations",
        "/industries",
        "/industry/technology",
        "/compare?codes=15-2051.00,51-4033.00,43-3031.00,25-9042.00",
        "/search?q=clerk",
        "/docs",
    ],
)
def test_key_pages_fit_a_375px_phone(phone375: Any, server: LiveServer, path: str) -> None:
    phone375.goto(server.url + path)
    assert phone375.evaluate(WIDTH) <= 375, path


def test_describe_result_fits_a_phone_and_its_fields_do_not_zoom(
    phone375: Any, server: LiveServer
) -> None:
    """The job-description form's fields are 16 px text (iOS zooms into smaller ones), a label
    above each; its result, an occupation page, fits the screen."""
    phone375.goto(server.url + "/describe")
    sizes = phone375.evaluate(
        "[...document.querySelectorAll('.describe-form input, .describe-form textarea')]"
        ".map(e => [e.id, parseFloat(getComputedStyle(e).fontSize),"
        " e.getBoundingClientRect().height])"
    )
    assert len(sizes) == 3 and all(px >= 16 and h >= 40 for _, px, h in sizes), sizes
    phone375.fill("#jd-text", "- Process vendor invoices\n- Reconcile vendor statements monthly")
    phone375.get_by_role("button", name="Analyze my tasks").click()
    phone375.locator("#h-overview").wait_for()
    assert phone375.evaluate(WIDTH) <= 375


TAPS = """(sel) => [...document.querySelectorAll(sel)].filter(e => e.getBoundingClientRect().width)
  .map(e => [e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().height)])"""


def test_tap_targets_are_about_40px(phone375: Any, server: LiveServer) -> None:
    """The header's links, the section pills, the charts' "numbers" toggles, the table's sort
    headings and row links: each at least 40 px tall on a phone (24–30 px before)."""
    phone375.goto(server.url + "/occupation/15-2051.00")
    for sel in ("header.site nav a", "nav.toc a", "details.numbers summary", "#related tbody a"):
        small = [t for t in phone375.evaluate(TAPS, sel) if t[1] < 40]
        assert small == [] and phone375.evaluate(TAPS, sel), sel
    phone375.goto(server.url + "/industry/technology")
    for sel in (".crumbs a", "table.occupations thead a", "table.occupations tbody th a"):
        small = [t for t in phone375.evaluate(TAPS, sel) if t[1] < 40]
        assert small == [] and phone375.evaluate(TAPS, sel), sel


def test_wide_table_keeps_its_first_column_and_greek_letters(
    phone375: Any, server: LiveServer
) -> None:
    """The occupation table scrolls inside its box with the occupation column pinned, and its
    capitalised heading keeps β a beta (not the Latin-looking capital Β)."""
    phone375.goto(server.url + "/occupations")
    box = phone375.locator("table.occupations").locator("xpath=..")
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")
    first = phone375.locator("table.occupations tbody tr").first.locator("th")
    left = first.bounding_box()["x"]
    box.evaluate("e => e.scrollLeft = 150")
    assert first.bounding_box()["x"] == pytest.approx(left, abs=1)
    heads = phone375.locator("table.occupations thead th").all_inner_texts()
    assert "EXPOSURE INDEX β" in [" ".join(h.split()) for h in heads]
    assert phone375.evaluate(WIDTH) <= 375
