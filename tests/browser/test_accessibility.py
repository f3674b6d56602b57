"""Accessibility audit in Chromium: axe-core's WCAG 2.0 and 2.1 level A and AA rules, and its
best practices, on every kind of page, served (at 1280 px, on a 375-px phone, and at 1280 px in
the dark colour scheme) and exported, over the real knowledge base.

Every page must show no violation of any impact; each run's findings are also written to
``test-artifacts/accessibility/`` (one JSON file a page and view) to read when one fails. The
closed "numbers behind this chart" disclosures are opened first, so their tables are checked too.
Keyboard focus (WCAG 2.4.7), which axe does not check, has a test of its own at the end.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_support import FolderServer, LiveServer, phone_page

from ai_impact import api
from ai_impact.db import KnowledgeBase
from ai_impact.export import build_site
from ai_impact.settings import Settings
from ai_impact.web.app import create_app

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
OUT = Path(__file__).resolve().parents[2] / "test-artifacts" / "accessibility"
AXE = Axe()
WAIT_MS = 60_000  # a generous wait for a page (a workforce analysis on a busy machine), no limit

# Bookkeeping clerks sit at a desk, electricians work with their hands: the two kinds of
# occupation page (different sections, charts and task mixes).
DESK, HANDS_ON = "43-3031.00", "47-2111.00"
PAGES = {
    "home": "/",
    "search": "/search?q=clerk",
    "search-none": "/search?q=zzqxv",
    "occupation-desk": f"/occupation/{DESK}",
    "occupation-hands-on": f"/occupation/{HANDS_ON}",
    "analysis": "/analysis?q=nurse",
    "industries": "/industries",
    "industry": "/industry/technology",
    "occupations": "/occupations",
    "compare-form": "/compare",
    "compare": f"/compare?codes={DESK},{HANDS_ON}",
    "describe": "/describe",
    "workforce": "/workforce",
    "methodology": "/methodology",
    "sources": "/sources",
    "api-docs": "/docs",
    "not-found": "/no-such-page",
    "area-error": f"/occupation/{DESK}?area=Atlantis",
}
# Each page is checked in three views: 1280 px, a 375-px phone, and 1280 px in the dark colour
# scheme (the style sheet follows the system's; its own colours must reach the same contrast).
VIEWS = {"desktop": (1280, 900, "light"), "phone": (375, 740, "light"), "dark": (1280, 900, "dark")}
JOB = "- Process vendor invoices\n- Reconcile vendor statements monthly\n- Answer supplier calls"
ROSTER = "title,headcount,annual_pay,team\nRegistered Nurse,12,86000,Ward\nAP Clerk II,3,48500,AP\n"


@pytest.fixture(scope="module")
def server(settings: Settings, kb: KnowledgeBase) -> Iterator[LiveServer]:
    # warm the caches a first report and a first title search build
    api.report_for(DESK, settings=settings)
    api.resolve_title("registered nurse", settings=settings)
    with LiveServer(create_app(settings)) as s:
        yield s


@pytest.fixture(scope="module")
def site(settings: Settings, kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small export: its home page and the occupation pages of the first three occupations."""
    out = tmp_path_factory.mktemp("a11y-export") / "site"
    build_site(out, limit=3, settings=settings)
    return out


@pytest.fixture(params=list(VIEWS), scope="module")
def view(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def sized(browser: Any, view: str) -> Iterator[Any]:
    """A page in ``view``: desktop, a phone (touch, 2× pixels), or desktop in dark colours."""
    w, h, scheme = VIEWS[view]
    if view == "phone":
        yield from phone_page(browser, w, h, WAIT_MS)
        return
    context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    yield pg
    context.close()


def violations(pg: Any, name: str) -> list[str]:
    """axe's violations on the page as it is now, one line each (rule, impact, where)."""
    pg.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    # let the page handle the boxes' toggle events and lay out again (a task, then two frames)
    pg.evaluate(
        "() => new Promise(r => setTimeout(() => requestAnimationFrame(() =>"
        " requestAnimationFrame(r))))"
    )
    answer = AXE.run(pg, options=OPTIONS).response
    found = answer["violations"]
    # what axe could not decide (text over a gradient, say) is kept to read, not asserted
    kept = {k: answer[k] for k in ("testEngine", "violations", "incomplete")}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(kept, indent=1), encoding="utf-8")
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in found
    ]


@pytest.mark.parametrize("name", list(PAGES))
def test_served_page_has_no_violation(sized: Any, view: str, server: LiveServer, name: str) -> None:
    sized.goto(server.url + PAGES[name])
    assert violations(sized, f"{name}-{view}") == []


def test_describe_result_has_no_violation(sized: Any, view: str, server: LiveServer) -> None:
    sized.goto(server.url + "/describe")
    sized.fill("#jd-text", JOB)
    sized.get_by_role("button", name="Analyze my tasks").click()
    sized.locator("#describe-note").wait_for()
    assert violations(sized, f"describe-result-{view}") == []


def test_workforce_result_has_no_violation(
    sized: Any, view: str, server: LiveServer, tmp_path: Path
) -> None:
    roster = tmp_path / "team.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    sized.goto(server.url + "/workforce")
    sized.set_input_files("#roster", str(roster))
    sized.get_by_role("button", name="Analyze").click()
    sized.locator("#summary").wait_for()
    assert sized.inner_text("h1").startswith("AI exposure of a workforce")
    assert violations(sized, f"workforce-result-{view}") == []


def test_open_suggestion_list_has_no_violation(sized: Any, view: str, server: LiveServer) -> None:
    sized.goto(server.url + "/")
    sized.locator("#q").press_sequentially("data sci", delay=20)
    sized.wait_for_function(
        "() => (document.querySelector('[role=option]') || {}).textContent?.includes('Data Sci')"
    )
    assert sized.get_attribute("#q", "aria-expanded") == "true"
    assert violations(sized, f"suggestions-{view}") == []


@pytest.mark.parametrize("name", ["index.html", "occupation"])
def test_exported_page_has_no_violation(sized: Any, view: str, site: Path, name: str) -> None:
    if name == "occupation":
        name = "occupations/" + sorted(p.name for p in (site / "occupations").glob("*-*.html"))[0]
    with FolderServer(site) as folder:
        sized.goto(f"{folder.url}/{name}")
        assert violations(sized, "export-" + re.sub(r"\W+", "-", name) + f"-{view}") == []


# After each Tab: the focused element ("body" between the last stop and the first, None once the
# focus has been round the page), whether it draws a ring of 2 px or more, or a 2-px border in
# another colour, that it lacks unfocused, and whether it is on screen.
FOCUS = """() => {
  const e = document.activeElement;
  if (e === document.body) return {name: 'body', shown: true, seen: true};
  if (e.hasAttribute('data-tabbed')) return null;
  e.setAttribute('data-tabbed', '');
  const look = () => { const c = getComputedStyle(e);
    return {ring: c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) >= 2,
            border: c.borderTopColor, borderWidth: parseFloat(c.borderTopWidth)}; };
  const r = e.getBoundingClientRect();
  const on = look(); e.blur(); const off = look(); e.focus();
  return {
    name: e.id || e.tagName + ':' + (e.getAttribute('aria-label') || e.innerText || '').trim()
      .slice(0, 40),
    shown: (on.ring && !off.ring) || (on.border !== off.border && on.borderWidth >= 2),
    seen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
      && r.left < innerWidth && r.top < innerHeight,
  };
}"""


@pytest.mark.parametrize(
    "name", ["home", "occupation-desk", "industry", "compare", "describe", "workforce", "sources"]
)
def test_every_tab_stop_shows_the_focus(
    sized: Any, view: str, server: LiveServer, name: str
) -> None:
    """WCAG 2.4.7, which axe does not test: each element Tab reaches, once round the page, is
    on screen and draws a focus ring (a text field: a border in the accent colour) it lacks
    unfocused."""
    sized.goto(server.url + PAGES[name])
    stops: list[dict[str, Any]] = []
    for _ in range(600):
        sized.keyboard.press("Tab")
        stop = sized.evaluate(FOCUS)
        if stop is None:
            break
        stops.append(stop)
    else:
        pytest.fail(f"the focus did not come round {name} in 600 Tabs")
    names = [s["name"] for s in stops if s["name"] != "body"]
    assert names.count("A:Skip to the content") == 1 and "q-head" in names, names[:5]
    assert len(names) > 5, names
    assert [s["name"] for s in stops if not (s["shown"] and s["seen"])] == []


def test_a_wide_table_on_a_phone_is_a_named_region_the_keyboard_scrolls(
    browser: Any, server: LiveServer
) -> None:
    """axe's scrollable-region-focusable: a box that scrolls sideways takes the focus (then the
    arrow keys scroll it), named after what it holds; one that fits takes none."""
    for pg in phone_page(browser, 375, 740, WAIT_MS):
        pg.goto(server.url + PAGES["occupation-desk"])
        box = pg.locator("#certs .scroll")
        assert box.get_attribute("tabindex") == "0"
        assert box.get_attribute("role") == "region"
        assert box.get_attribute("aria-label") == "Certifications (scrolls sideways)"
        box.focus()
        pg.keyboard.press("ArrowRight")
        pg.wait_for_function("() => document.querySelector('#certs .scroll').scrollLeft > 0")
        pg.set_viewport_size({"width": 1280, "height": 900})  # now the table fits
        pg.wait_for_function("() => !document.querySelector('#certs .scroll').hasAttribute('role')")
        assert box.get_attribute("tabindex") is None
        assert box.get_attribute("aria-label") is None


def test_arrow_keys_show_and_name_the_chosen_suggestion(page: Any, server: LiveServer) -> None:
    """The focus stays in the search box: the box names the chosen option (which the list
    scrolls into view, the last one being below its fold) and names none once the list closes."""
    page.goto(server.url + "/")
    page.locator("#q").press_sequentially("data sci", delay=20)
    page.wait_for_function(
        "() => (document.querySelector('[role=option]') || {}).textContent?.includes('Data Sci')"
    )
    options = page.get_by_role("option")
    for _ in range(options.count()):
        page.keyboard.press("ArrowDown")
    last = options.last
    assert page.get_attribute("#q", "aria-activedescendant") == last.get_attribute("id")
    assert last.get_attribute("aria-selected") == "true"
    inside = """o => { const a = o.getBoundingClientRect(), b = o.parentNode
      .getBoundingClientRect();
      return a.top >= b.top - 1 && a.bottom <= b.bottom + 1; }"""
    assert last.evaluate(inside)
    assert violations(page, "suggestions-chosen-desktop") == []
    page.keyboard.press("Escape")
    assert page.get_attribute("#q", "aria-expanded") == "false"
    assert page.get_attribute("#q", "aria-activedescendant") is None
