"""Keyboard and history in Chromium: what a person typed survives Back, Tab reaches every form
and shows where the focus is. Against the fake facade (``tests/web_fakes.py``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import LiveServer, fake_site

pytestmark = pytest.mark.browser

# The styles that can show focus; an element whose set does not change when it takes the focus
# gives a keyboard user no sign of where they are.
_FOCUS_STYLES = """e => { const c = getComputedStyle(e);
  return [c.outlineStyle, c.outlineWidth, c.borderTopColor, c.boxShadow, c.backgroundColor,
          c.textDecorationLine].join('|'); }"""


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    yield from fake_site()


def test_back_after_a_search_keeps_the_typed_title(page: Any, server: LiveServer) -> None:
    """QA: the search boxes are autocomplete="off" (they show their own suggestions), which
    also stops a browser refilling them on Back: the typed title was gone."""
    page.goto(server.url + "/")
    page.fill("#q", "nurse")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r"/analysis\?q=nurse$"))
    page.fill("#q-head", "clerk or nurse")  # the header's box, on the next page
    page.press("#q-head", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=clerk"))
    page.go_back()
    page.wait_for_url(re.compile(r"/analysis\?q=nurse$"))
    assert page.input_value("#q-head") == "clerk or nurse"
    page.go_back()
    page.wait_for_url(server.url + "/")
    assert page.input_value("#q") == "nurse"


def test_back_after_choosing_a_suggestion_keeps_the_typed_title(
    page: Any, server: LiveServer
) -> None:
    page.goto(server.url + "/")
    page.locator("#q").press_sequentially("machine learning engineer", delay=10)
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/occupation/15-2051\.00$"))
    page.go_back()
    page.wait_for_url(server.url + "/")
    assert page.input_value("#q") == "machine learning engineer"


def test_back_after_comparing_keeps_the_boxes(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/compare")
    page.get_by_label("Occupation 1").fill("15-2051.00")
    page.get_by_label("Occupation 2").fill("Registered Nurses")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"codes=Registered"))
    assert page.locator("table.compare thead th").count() == 3
    page.go_back()
    page.wait_for_url(server.url + "/compare")
    assert page.get_by_label("Occupation 1").input_value() == "15-2051.00"
    assert page.get_by_label("Occupation 2").input_value() == "Registered Nurses"
    # a new visit is not filled from another visit's history entry
    page.goto(server.url + "/")
    page.goto(server.url + "/compare")
    assert page.get_by_label("Occupation 1").input_value() == ""


@pytest.mark.parametrize(
    ("path", "fields"),
    [
        ("/occupation/15-2051.00", ["q-head", "area"]),
        ("/compare", ["q-head", "cmp-1", "cmp-2", "cmp-3", "cmp-4"]),
        ("/describe", ["q-head", "jd-title", "jd-text", "jd-area"]),
        ("/workforce", ["q-head", "roster", "csv"]),
    ],
)
def test_tab_reaches_the_skip_link_then_every_field_with_visible_focus(
    page: Any, server: LiveServer, path: str, fields: list[str]
) -> None:
    page.goto(server.url + path)
    order: list[str] = []
    unseen: list[str] = []
    for _ in range(80):
        page.keyboard.press("Tab")
        here = page.evaluate_handle("document.activeElement")
        if page.evaluate("e => e === document.body || e.hasAttribute('data-tabbed')", here):
            break  # round the page once
        page.evaluate("e => e.setAttribute('data-tabbed', '')", here)
        ident = page.evaluate("e => e.id || e.tagName + ':' + (e.innerText || '').trim()", here)
        order.append(ident)
        focused = page.evaluate(_FOCUS_STYLES, here)
        page.evaluate("e => e.blur()", here)
        if page.evaluate(_FOCUS_STYLES, here) == focused:
            unseen.append(ident)
        page.evaluate("e => e.focus()", here)
    assert order[0] == "A:Skip to the content", order[:3]
    reached = [f for f in order if f in fields]
    assert reached == fields, order
    assert unseen == [], f"no visible focus on {unseen}"
