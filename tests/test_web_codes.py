"""An occupation code in an address in any form the CLI reads redirects to its canonical
address; a code of no occupation is a 404 (real knowledge base: the CLI's code reading)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings
from ai_impact.web.app import create_app
from ai_impact.web.codes import canonical_code


@pytest.fixture(scope="module")
def client(settings: Settings, kb: KnowledgeBase) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize(
    ("typed", "status", "target"),
    [
        ("15205100", 308, "/occupation/15-2051.00"),  # the code, spelt without punctuation
        ("SOC%2015-2051.01", 308, "/occupation/15-2051.01"),
        ("15-2051", 307, "/occupation/15-2051.00"),  # a SOC code: its .00 occupation
        ("152051", 307, "/occupation/15-2051.00"),
        ("15-2051.0", 307, "/occupation/15-2051.00"),
        ("15205100?area=California", 308, "/occupation/15-2051.00?area=California"),
    ],
)
def test_page_redirects_a_code_form(
    client: TestClient, typed: str, status: int, target: str
) -> None:
    res = client.get(f"/occupation/{typed}", follow_redirects=False)
    assert (res.status_code, res.headers["location"]) == (status, target)


def test_page_of_the_canonical_code_and_an_unknown_code(client: TestClient) -> None:
    res = client.get("/occupation/15205100")  # followed
    assert res.status_code == 200 and str(res.url).endswith("/occupation/15-2051.00")
    assert '<h1 id="occupation-title">Data Scientists</h1>' in res.text
    for unknown in ("15205199", "99-9999", "99999999", "1520511", "nurse"):
        res = client.get(f"/occupation/{unknown}", follow_redirects=False)
        assert res.status_code == 404, unknown
        assert "No occupation has code" in res.text and "Traceback" not in res.text


def test_api_redirects_a_code_form_and_keeps_its_query(client: TestClient) -> None:
    res = client.get("/api/v1/occupations/15205100?area=CA", follow_redirects=False)
    assert res.status_code == 308
    assert res.headers["location"] == "/api/v1/occupations/15-2051.00?area=CA"
    res = client.get("/api/v1/occupations/152051", follow_redirects=False)
    assert (res.status_code, res.headers["location"]) == (307, "/api/v1/occupations/15-2051.00")
    assert client.get("/api/v1/occupations/152051").json()["occupation"]["code"] == "15-2051.00"


def test_api_keeps_answering_the_forms_it_took(client: TestClient) -> None:
    """docs/json-api.md: an O*NET-SOC or a SOC code is answered as it is."""
    for code in ("15-2051.00", "15-2051"):
        res = client.get(f"/api/v1/occupations/{code}", follow_redirects=False)
        assert res.status_code == 200 and res.json()["occupation"]["code"] == "15-2051.00"
    res = client.get("/api/v1/occupations/15205199", follow_redirects=False)
    assert res.status_code == 404 and res.json()["ok"] is False


def test_search_for_a_soc_code_goes_to_the_canonical_page_at_once(client: TestClient) -> None:
    res = client.get("/search?q=15-2051", follow_redirects=False)
    assert (res.status_code, res.headers["location"]) == (303, "/occupation/15-2051.00")


def test_canonical_code_reads_what_the_cli_reads(settings: Settings, kb: KnowledgeBase) -> None:
    assert canonical_code("15-2051.00", settings) is None  # already canonical
    assert canonical_code("data scientist", settings) is None  # a title is no code
    got = canonical_code("O*NET 15-2051.00", settings)
    assert got is not None and (got.code, got.status) == ("15-2051.00", 308)
