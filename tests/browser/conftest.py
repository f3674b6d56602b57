"""Fixtures of the browser tests: one Chromium per session, a fresh page per test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import ARGS, CHROMIUM, phone_page


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop-sized page that records dialogs (an alert would mean injected script)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


@pytest.fixture()
def phone(browser: Any) -> Iterator[Any]:
    """A phone-sized page (390×844, touch, 2× pixels)."""
    yield from phone_page(browser, 390, 844, 15_000)
