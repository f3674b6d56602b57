"""The workforce result page's download buttons in a real browser: the roster the page carries
goes back to the API as the browser encodes it, and the files hold the same result."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import LiveServer

from ai_impact.settings import Settings
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
    page.get_by_role("button", name="Analyse").click()
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
