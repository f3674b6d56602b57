"""The site in a real browser: search → pick → read, sort an industry, compare, hostile titles.

Runs against the in-memory fake facade (``tests/web_fakes.py``) so that hostile content can be
planted; ``test_site_real.py`` drives the same flows on the real knowledge base.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import FolderServer, LiveServer, fake_site, shot

import web_fakes as fake
from ai_impact.export import build_site
from ai_impact.export.site import INDEX_GLOBAL

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    yield from fake_site()


def _values(page: Any, column: int) -> list[str]:
    cells = page.locator(f"table.occupations tbody tr > :nth-child({column})")
    return [str(v) for v in cells.evaluate_all("els => els.map(e => e.dataset.v)")]


def test_type_pick_and_read(page: Any, server: LiveServer) -> None:
    answer = page.goto(server.url + "/")
    # the security headers (web.headers) leave the script, the charts and the styles working
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] == "same-origin"
    page.locator("#q").press_sequentially("machine learning engineer", delay=20)
    option = page.get_by_role("option").first
    option.wait_for()
    assert "Data Scientists" in option.inner_text()
    # the server's resolver gives a calibrated confidence, and the list shows it
    assert option.locator(".conf").inner_text() == "15-2051.00 · 93%"
    shot(page, "fake-autocomplete", full=False)
    option.click()
    page.wait_for_url(re.compile(r"/occupation/15-2051\.00$"))
    assert page.locator(".risk-box .badge .score").inner_text() == "6.8"
    assert page.locator("ol.tasks > li").count() == 3
    chart = page.locator("#fig-tasks .wide svg")
    assert chart.is_visible() and chart.bounding_box()["width"] > 300
    shot(page, "fake-occupation")


def test_hostile_title_is_text(page: Any, server: LiveServer) -> None:
    page.goto(f"{server.url}/occupation/{fake.HOSTILE_CODE}")
    assert page.locator("h1").inner_text() == fake.HOSTILE_TITLE
    page.goto(f"{server.url}/industry/technology")
    assert fake.HOSTILE_TITLE in page.locator("table.occupations").inner_text()
    page.goto(server.url + "/search?q=" + "%3Cscript%3Ealert(2)%3C%2Fscript%3E")
    assert "<script>alert(2)</script>" in page.locator("main").inner_text()
    assert page.dialogs == []
    shot(page, "fake-hostile-search")


def test_sort_in_place_and_on_the_server(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/occupations")
    assert [float(v) for v in _values(page, 2)] == [8.4, 6.8, 5.1, 2.9]
    page.get_by_role("link", name="Median pay").click()
    assert [float(v) for v in _values(page, 4)] == [112590, 93600, 70000, 49210]
    page.get_by_role("link", name=re.compile("Median pay")).click()
    assert [float(v) for v in _values(page, 4)] == [49210, 70000, 93600, 112590]
    assert page.locator("th[data-key=pay]").get_attribute("aria-sort") == "ascending"
    page.goto(server.url + "/occupations?sort=title&order=desc")  # works without JS too
    assert _values(page, 1)[:2] == ["Registered Nurses", fake.HOSTILE_TITLE]


def test_compare(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/compare?codes=15-2051.00,29-1141.00,43-3031.00")
    heads = page.locator("table.compare thead th").all_inner_texts()
    assert [h.split("\n")[0] for h in heads[1:]] == [
        "Data Scientists",
        "Registered Nurses",
        "Bookkeeping, Accounting, and Auditing Clerks",
    ]
    assert page.locator("#fig-compare .wide svg").is_visible()
    shot(page, "fake-compare")


def test_pick_occupations_to_compare_with_the_form(page: Any, server: LiveServer) -> None:
    """Type titles in the form, choose for the ambiguous one, and the others stay."""
    page.goto(server.url + "/compare")
    page.get_by_label("Occupation 1").fill("15-2051.00")
    page.get_by_label("Occupation 2").fill("clerk or nurse")
    page.get_by_role("button", name="Compare").click()
    page.get_by_role("link", name=re.compile("Registered Nurses")).click()
    page.wait_for_url(re.compile(r"/compare\?codes=15-2051\.00,29-1141\.00$"))
    heads = page.locator("table.compare thead th").all_inner_texts()
    assert [h.split("\n")[0] for h in heads[1:]] == ["Data Scientists", "Registered Nurses"]
    assert page.get_by_label("Occupation 2").input_value() == "29-1141.00"
    page.get_by_label("Occupation 3").fill("Bookkeeping")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"codes=Bookkeeping&"))  # the empty fourth box is sent too
    assert page.locator("table.compare thead th").count() == 4
    shot(page, "fake-compare-form")


def test_compare_form_fits_a_phone(phone: Any, server: LiveServer) -> None:
    phone.goto(server.url + "/compare?codes=15-2051.00,clerk%20or%20nurse")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    shot(phone, "fake-compare-choice-phone")


def test_phone_layout_does_not_overflow(phone: Any, server: LiveServer) -> None:
    phone.goto(server.url + "/occupation/15-2051.00")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    shot(phone, "fake-occupation-phone")


def test_static_export_searches_and_links_from_a_sub_path(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.install(monkeypatch)
    build_site(tmp_path / "deep" / "site")
    with FolderServer(tmp_path) as files:
        page.goto(files.url + "/deep/site/index.html")
        page.locator("#q").fill("nurse")
        page.locator("#home-search button").click()
        link = page.locator("#static-results a").first
        link.wait_for()
        assert link.inner_text() == "Registered Nurses"
        link.click()
        page.wait_for_url(re.compile(r"/deep/site/occupations/29-1141\.00\.html$"))
        assert page.locator("h1").inner_text() == "Registered Nurses"
        # Other names find the occupation too, and the list says which name matched.
        page.goto(files.url + "/deep/site/index.html?q=travel%20nurse")
        hit = page.locator("#static-results li").first
        hit.wait_for()
        assert "Registered Nurses" in hit.inner_text()
        assert "\u201cTravel Nurse\u201d" in hit.inner_text()
        hit.locator("a").click()
        page.wait_for_url(re.compile(r"/deep/site/occupations/29-1141\.00\.html$"))
        page.goto(files.url + "/deep/site/occupations/15-2051.00.html")
        page.get_by_role("link", name="Compare with the first three").click()
        page.wait_for_url(re.compile(r"/deep/site/compare/15-2051\.00\.html$"))
        assert page.locator("h1").inner_text() == "Compare occupations"
        assert page.locator("table.compare th a", has_text="Registered Nurses").count() == 1
        page.locator("table.compare th a", has_text="Registered Nurses").click()
        page.wait_for_url(re.compile(r"/deep/site/occupations/29-1141\.00\.html$"))
        page.get_by_role("link", name="Healthcare").first.click()
        page.wait_for_url(re.compile(r"/deep/site/industries/healthcare\.html$"))
        shot(page, "fake-static-industry")


def test_static_autocomplete_shows_no_match_score_as_a_confidence(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The static index ranks by a match score, not the resolver's calibrated confidence: the
    suggestions show the code alone, never "· 69%" (QA)."""
    fake.install(monkeypatch)
    build_site(tmp_path / "site")
    page.goto((tmp_path / "site" / "index.html").as_uri())
    page.locator("#q").press_sequentially("travel nurse", delay=20)
    option = page.get_by_role("option").first
    option.wait_for()
    assert "Registered Nurses" in option.inner_text()
    assert option.locator(".conf").inner_text() == "29-1141.00"
    assert not any("%" in text for text in page.get_by_role("option").all_inner_texts())
    shot(page, "fake-static-autocomplete", full=False)


def test_static_search_ranks_a_typed_code_first(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A code typed whole comes first, and a SOC code's ".00" occupation before its detailed
    ones, though their titles sort first (QA: "15-2051" listed .01 and .02 above .00)."""
    fake.install(monkeypatch)
    build_site(tmp_path / "site")
    soc = [
        ("15-2051.00", "Data Scientists"),
        ("15-2051.01", "Business Intelligence Analysts"),
        ("15-2051.02", "Clinical Data Managers"),
        ("15-2050.00", "Actuaries of 15-2051"),  # the code in a title matches its words only
    ]
    index = [{"c": c, "t": t, "a": [], "p": [], "r": 5.0, "k": "moderate"} for c, t in soc]
    (tmp_path / "site" / "search-index.js").write_text(
        f"window.{INDEX_GLOBAL} = {json.dumps(index)};\n", encoding="utf-8"
    )
    page.goto((tmp_path / "site" / "index.html").as_uri())
    found = page.evaluate(
        """async (queries) => {
          const form = document.getElementById("home-search");
          const box = document.getElementById("static-results");
          const out = {};
          for (const q of queries) {
            form.querySelector("input").value = q;
            box.textContent = "";
            form.requestSubmit();
            while (!box.querySelector("p")) await new Promise(r => setTimeout(r, 5));
            out[q] = Array.from(box.querySelectorAll("li a")).map(a => a.href.split("/").pop());
          }
          return out;
        }""",
        ["15-2051", "15-2051.02", "15-205", "15-2051.0"],
    )
    assert found["15-2051"][:3] == ["15-2051.00.html", "15-2051.01.html", "15-2051.02.html"]
    assert found["15-2051.02"][0] == "15-2051.02.html"
    # a shorter prefix names no SOC code: its occupations in title order, as before
    assert found["15-205"] == [
        "15-2050.00.html", "15-2051.01.html", "15-2051.02.html", "15-2051.00.html"
    ]  # fmt: skip
    assert found["15-2051.0"][:3] == ["15-2051.01.html", "15-2051.02.html", "15-2051.00.html"]
    page.locator("#q").fill("")
    page.locator("#q").press_sequentially("15-2051", delay=20)
    page.wait_for_function(
        "() => (document.querySelector('[role=option] .conf') || {}).textContent === '15-2051.00'"
    )
    codes = page.locator("[role=option] .conf").all_inner_texts()
    assert codes[:3] == ["15-2051.00", "15-2051.01", "15-2051.02"]


def test_static_search_says_when_its_index_cannot_load(
    page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.install(monkeypatch)
    build_site(tmp_path / "site")
    page.goto((tmp_path / "site" / "index.html").as_uri() + "?q=nurse")  # works from disk
    page.locator("#static-results li").first.wait_for()
    assert page.locator("#static-results p").inner_text() == (
        "1 occupation matches \u201cnurse\u201d:"
    )
    (tmp_path / "site" / "search-index.js").unlink()
    page.goto((tmp_path / "site" / "index.html").as_uri())
    page.locator("#q").fill("nurse")
    page.locator("#home-search button").click()
    alert = page.locator("#static-results [role=alert]")
    alert.wait_for()
    assert "search index (search-index.js) could not be loaded" in alert.inner_text()


def test_print_has_dark_ink_and_the_numbers_under_each_chart(page: Any, server: LiveServer) -> None:
    """Printed from a browser in dark mode, the page is still dark ink on white paper; the
    numbers behind each chart print though their <details> is closed; the risk badge's colour
    prints even where the browser leaves backgrounds out; the navigation does not print."""
    page.emulate_media(media="print", color_scheme="dark")
    page.goto(server.url + "/occupation/15-2051.00")
    seen = page.evaluate(
        """() => ({
          ink: getComputedStyle(document.body).color,
          paper: getComputedStyle(document.body).backgroundColor,
          chartText: getComputedStyle(document.querySelector('.pygal-chart text')).fill,
          tables: [...document.querySelectorAll('details.numbers table')].map(
            t => t.checkVisibility() && t.getBoundingClientRect().height > 0),
          badge: getComputedStyle(document.querySelector('.badge')).printColorAdjust,
          nav: getComputedStyle(document.querySelector('header.site nav')).display,
        })"""
    )
    assert seen["ink"] == "rgb(31, 35, 40)" and seen["paper"] == "rgb(255, 255, 255)"
    assert seen["chartText"] != "rgb(201, 209, 217)"  # not the pale grey of dark screens
    assert seen["tables"] and all(seen["tables"])
    assert seen["badge"] == "exact" and seen["nav"] == "none"
    page.emulate_media(media="screen", color_scheme="dark")  # the screen keeps its dark mode
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(15, 20, 25)"
    assert not page.locator("details.numbers table").first.is_visible()


def test_phone_keeps_codes_and_figures_on_one_line(phone: Any, server: LiveServer) -> None:
    """On a phone an O*NET-SOC code never breaks at its hyphen, nor a figure inside its
    digits ("22,423,32" / "0")."""
    lines = """() => [...document.querySelectorAll('.code, .facts dd')].filter(e => {
        if (!e.matches('.code') && !/^[$+\u2212-]?[0-9][0-9,.]*[%k]?$/.test(e.textContent.trim()))
          return false;  // words and ranges may wrap between their parts
        const r = document.createRange(); r.selectNodeContents(e);
        return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1;
      }).map(e => e.textContent.trim())"""
    for path in ("/industry/technology", "/occupations", "/occupation/15-2051.00"):
        phone.goto(server.url + path)
        assert phone.evaluate(lines) == [], path
