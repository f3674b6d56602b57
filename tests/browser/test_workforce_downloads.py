"""The workforce result page's download buttons in a real browser: the roster the page carries
goes back to the API as the browser encodes it, and the files hold the same result."""

from __future__ import annotations

import csv
import io
import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from browser_support import LiveServer

from ai_impact.settings import Settings
from ai_impact.titles.resolver import Resolution
from ai_impact.web.app import create_app
from ai_impact.workforce import library
from test_workforce_analysis import ROSTER, FakeLibrary

pytestmark = pytest.mark.browser

# A quoted line break, non-ASCII text and markup: what a hidden form field must carry intact.
PASTED = ROSTER + '"Data Entry Keyer",4,"€52.000","Ops\n<b>&amp;</b> Café",\n'


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())
        with LiveServer(create_app(Settings())) as s:
            yield s


def _download(page: Any, label: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label, exact=True).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


def test_download_buttons_send_the_roster_again_and_save_the_result(
    page: Any, server: LiveServer
) -> None:
    page.goto(server.url + "/workforce")
    page.fill("#csv", PASTED)
    page.get_by_role("button", name="Analyze").click()
    page.locator("#downloads").wait_for()
    assert page.inner_text("h1") == "AI exposure of a workforce: 44 people in 5 roles"
    name, text = _download(page, "JSON")
    doc = json.loads(text)
    assert name == "workforce.json"
    assert (doc["summary"]["headcount"], doc["summary"]["hours_at_risk"]) == (44, 14560.0)
    keyer = doc["roles"][-1]
    assert (keyer["title"], keyer["lines"], keyer["pay"]["mean_annual"]) == (
        "Data Entry Keyer",
        [7],
        52000.0,
    )
    # as typed, not as the page escaped it (the browser sends the line break as CRLF)
    assert keyer["team"].split() == ["Ops", "<b>&amp;</b>", "Café"]
    assert any("€ or £" in n for n in doc["notes"])
    name, text = _download(page, "CSV")
    assert name == "workforce.csv"
    assert len(list(csv.DictReader(io.StringIO(text)))) == 5  # one row per role
    name, text = _download(page, "Markdown")
    assert name == "workforce.md"
    assert text.startswith("# AI exposure of a workforce: 44 people in 5 roles\n")
    assert page.dialogs == []


class GatedLibrary(FakeLibrary):
    """Resolves titles only once the test opens the gate: the page waits as on a big roster."""

    def __init__(self, gate: threading.Event, calls: list[int]) -> None:
        super().__init__()
        self.gate, self.calls = gate, calls

    def resolve_batch(self, texts: Sequence[str]) -> list[Resolution]:
        self.calls.append(len(texts))
        self.gate.wait(timeout=15)
        return super().resolve_batch(texts)


# Records what the page shows as each submit event ends (Playwright cannot look into a page
# while it waits for its next one): the form's own handler has run by then. The first submit
# asks for a second, as a second press of the button would.
RECORD_SUBMITS = """
window.addEventListener("submit", function (ev) {
  var form = ev.target, button = form.querySelector("button[type=submit]");
  var log = JSON.parse(sessionStorage.getItem("submits") || "[]");
  log.push({
    sent: !ev.defaultPrevented,
    busy: form.getAttribute("aria-busy"),
    button: button.textContent,
    disabled: button.getAttribute("aria-disabled"),
    status: form.querySelector("[data-busy-status]").textContent,
  });
  sessionStorage.setItem("submits", JSON.stringify(log));
  if (log.length === 1) setTimeout(function () { form.requestSubmit(button); }, 0);
});
"""


def test_the_analyse_button_says_it_is_working_and_sends_once(page: Any) -> None:
    """QA #4: a 5,000-row roster kept the browser waiting ~20 s with no sign of progress."""
    gate, calls = threading.Event(), []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(library, "FacadeLibrary", lambda settings=None: GatedLibrary(gate, calls))
        with LiveServer(create_app(Settings())) as server:
            page.goto(server.url + "/workforce")
            assert page.inner_text("#roster-time") == (
                "Large rosters take a while: the analysis runs about 5 seconds per 1,000 rows "
                "(about 25 seconds for 5,000), and the page shows the result when it is done. "
                "Keep this page open after pressing Analyze."
            )
            page.add_init_script(RECORD_SUBMITS)
            page.reload()
            page.fill("#csv", ROSTER)
            page.get_by_role("button", name="Analyze").click(no_wait_after=True)
            threading.Timer(1.0, gate.set).start()  # the server answers a second later
            page.locator("#downloads").wait_for()
            assert page.inner_text("h1") == "AI exposure of a workforce: 40 people in 4 roles"
            shown = {
                "busy": "true",
                "button": "Analyzing…",
                "disabled": "true",
                "status": "Analyzing the roster; the result replaces this page. A large roster "
                "takes a while: about 5 seconds per 1,000 rows.",
            }
            submits = page.evaluate("JSON.parse(sessionStorage.getItem('submits'))")
            assert submits == [{"sent": True, **shown}, {"sent": False, **shown}]
            assert calls == [4]  # one analysis: the second press sent nothing
