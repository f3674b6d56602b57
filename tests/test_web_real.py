"""The web face over the real knowledge base: pages answer, and the API is the report JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from ai_impact import api
from ai_impact.db import KnowledgeBase
from ai_impact.reports import figures as fx
from ai_impact.reports.serialize import report_to_dict
from ai_impact.settings import Settings
from ai_impact.web.app import create_app

DS = "15-2051.00"  # Data Scientists


@pytest.fixture(scope="module")
def client(settings: Settings, kb: KnowledgeBase) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def test_pages_answer(client: TestClient) -> None:
    rows = api.occupation_table(settings=client.app.state.settings)  # type: ignore[attr-defined]
    assert len(rows) > 900
    for url in (
        "/",
        "/industries",
        f"/industry/{rows[0].industry_slug}",
        "/methodology",
        "/sources",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "This product includes information from the O*NET 30.3 Database" in r.text


def test_occupation_page_matches_the_api(client: TestClient) -> None:
    data = client.get(f"/api/v1/occupations/{DS}").json()
    report = api.report_for(DS, settings=client.app.state.settings)  # type: ignore[attr-defined]
    assert data == json.loads(json.dumps(report_to_dict(report)))
    html = client.get(f"/occupation/{DS}").text
    assert f'<span class="score">{fx.score(data["risk"]["score"])}</span>' in html
    assert f'<span class="cat">{data["risk"]["category"]}</span>' in html
    assert html.count('<svg role="img"') >= 3
    for t in data["tasks_at_risk"][:5]:
        assert t["timeline"] in html
    if data["salary"]:
        assert fx.money(data["salary"]["median_annual"]) in html


def test_search_and_errors(client: TestClient) -> None:
    r = client.get("/search", params={"q": "machine learning engineer"}, follow_redirects=False)
    assert r.status_code in {200, 303}
    if r.status_code == 303:
        assert r.headers["location"].startswith(("/occupation/", "/analysis?q="))
    else:
        assert 'class="cand"' in r.text
    body = client.get("/api/v1/occupations/99-9999.99").json()
    assert set(body) == {"ok", "error", "status"} and body["status"] == 404
    res = client.get("/api/v1/resolve", params={"q": "registered nurse", "top": 3}).json()
    assert res["candidates"][0]["code"] == "29-1141.00"


def test_a_blended_title_reads_the_same_on_the_web_and_in_the_cli(
    client: TestClient, settings: Settings
) -> None:
    """'Sr. ML Engineer' blends occupations: the search lands on that blend, not on one of them."""
    r = client.get("/search", params={"q": "Sr. ML Engineer"})
    report = api.analyze("Sr. ML Engineer", settings=settings)
    assert len(report.header.rests_on) > 1
    assert r.status_code == 200 and "blends" in r.text
    assert f'<span class="score">{fx.score(report.risk.score)}</span>' in r.text
    texas = client.get("/analysis", params={"q": "Sr. ML Engineer", "area": "TX"})
    assert texas.status_code == 200 and 'name="q" value="Sr. ML Engineer"' in texas.text


def test_search_titles_give_every_occupation_its_other_names(settings: Settings) -> None:
    """The static search index's names: aliases first, then O*NET's own, capped, distinct."""
    names = api.search_titles(settings=settings)
    assert len(names) == 1016
    assert all(len(v) <= 40 for v in names.values())
    rn = dict(names["29-1141.00"])
    assert "Registered Nurses" not in rn and "Registered Nurse" in rn
    assert len({n.casefold() for n in rn}) == len(names["29-1141.00"])
    # "RN" is an alias spelling; it weighs more for Registered Nurses than for a specialty.
    assert rn["RN"] > dict(names["29-1141.03"]).get("RN", 0.0)
    assert all(0.8 <= w <= 1.0 for v in names.values() for _, w in v)
    assert "Machine Learning Engineer" in dict(names["15-2051.00"])
    # A reported title is kept before aliases the occupation only shares a part of.
    assert "Software Engineer" in dict(names["15-1252.00"])
    assert sum(len(v) > 0 for v in names.values()) > 1000


def test_hourly_only_pay_chart_sets_the_area_beside_the_nation(client: TestClient) -> None:
    """Actors (hourly only): the API carries the hourly percentiles, the chart draws them."""
    salary = client.get("/api/v1/occupations/27-2011.00").json()["salary"]
    assert (salary["hourly_p10"], salary["hourly_p90"], salary["p10_annual"]) == (
        16.5,
        143.68,
        None,
    )
    html = client.get("/occupation/27-2011.00", params={"area": "NY"}).text
    assert "<figcaption>Hourly pay, 2025</figcaption>" in html
    assert (
        "United States: 10th percentile $16.50 an hour, median $29.05 an hour, 90th percentile "
        "$143.68 an hour; New York: 10th percentile $20.80 an hour, median $28.44 an hour, "
        "90th percentile $97.95 an hour."
    ) in html
    assert "<dd>$20.80–$97.95 an hour</dd>" in html
