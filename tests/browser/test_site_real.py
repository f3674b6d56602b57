"""The served site over the real knowledge base, in Chromium: the flows a person follows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import LiveServer, shot

from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings
from ai_impact.web.app import create_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(settings: Settings, kb: KnowledgeBase) -> Iterator[LiveServer]:
    with LiveServer(create_app(settings)) as s:
        yield s


def test_type_ml_engineer_pick_and_read(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/")
    shot(page, "home")
    page.locator("#q").press_sequentially("machine learning engineer", delay=20)
    option = page.get_by_role("option").first
    option.wait_for()
    shot(page, "autocomplete", full=False)
    option.click()
    page.wait_for_url(re.compile(r"/occupation/\d\d-\d{4}\.\d\d$"))
    score = page.locator(".risk-box .badge .score").inner_text()
    assert re.fullmatch(r"\d+\.\d", score) and 1 <= float(score) <= 10
    assert page.locator("ol.tasks > li").count() >= 1
    chart = page.locator("#fig-tasks svg")
    assert chart.is_visible() and chart.bounding_box()["width"] > 300
    shot(page, "occupation")


def test_industry_sorts(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/industries")
    page.locator("table.industry-list tbody a").first.click()
    page.wait_for_url(re.compile(r"/industry/[a-z-]+$"))
    page.get_by_role("link", name="Median pay").click()
    pay = page.locator("table.occupations tbody tr > :nth-child(4)").evaluate_all(
        "els => els.map(e => e.dataset.v).filter(v => v !== '').map(Number)"
    )
    assert len(pay) > 3 and pay == sorted(pay, reverse=True)
    shot(page, "industry-sorted-by-pay")


def test_compare_page(page: Any, server: LiveServer) -> None:
    page.goto(server.url + "/compare?codes=15-2051.00,29-1141.00,43-3031.00")
    assert page.locator("table.compare thead th").count() == 4
    assert page.locator("#fig-compare svg").is_visible()
    shot(page, "compare")


def test_typed_script_is_text_and_phone_fits(page: Any, phone: Any, server: LiveServer) -> None:
    page.goto(server.url + "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert "<script>alert(1)</script>" in page.locator("main").inner_text()
    assert page.dialogs == []
    phone.goto(server.url + "/occupation/29-1141.00")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, "occupation-phone")
