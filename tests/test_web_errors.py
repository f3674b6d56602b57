"""Errors in each face's terms: a body that cannot be read is a 422 (never a bare 400), hints
point the API to /docs and the pages to their forms, everything under /api and /healthz
answers in JSON, and every answer carries the security headers."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import web_fakes as fake
from ai_impact.web.headers import SECURITY_HEADERS
from ai_impact.web.limits import BODY_LIMIT
from ai_impact.workforce import library
from test_workforce_analysis import FakeLibrary

JSON = {"content-type": "application/json"}
NOT_UTF8 = b'{"text": "\xff\xfe abc"}'
DEEP = b"[" * 100_000


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())
    yield from fake.client(monkeypatch)


def _page_message(html: str) -> str:
    """The message of the error page, as text."""
    found = re.search(r'<p class="status">Error \d+</p>\s*<h1>.*?</h1>\s*<p>(.*?)</p>', html, re.S)
    assert found, "not the error page"
    return found.group(1).replace("&#39;", "'")


# -- bodies that cannot be read ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (NOT_UTF8, "Invalid request: the body is not valid UTF-8 (byte 0xff at position 10). "),
        (DEEP, "Invalid request: the body nests arrays or objects too deeply to be read. "),
    ],
)
def test_a_json_body_that_cannot_be_decoded_is_a_422(
    client: TestClient, body: bytes, says: str
) -> None:
    """FastAPI answered both with 400 "There was an error parsing the body"."""
    r = client.post("/api/v1/analyze-description", content=body, headers=JSON)
    assert r.status_code == 422
    assert r.json() == {"ok": False, "error": says + "See /docs for the parameters.", "status": 422}
    roster = client.post("/api/v1/workforce", content=body, headers=JSON)
    assert roster.status_code == 422
    assert roster.json()["error"].startswith("The JSON roster is not valid: the body is not valid")


def test_a_multipart_body_without_its_boundary_is_a_422(client: TestClient) -> None:
    """Starlette answered "Missing boundary in multipart." with 400 on all three."""
    headers = {"content-type": "multipart/form-data"}
    api = client.post("/api/v1/workforce", content=b"garbage", headers=headers)
    assert api.status_code == 422
    assert api.json() == {
        "ok": False,
        "error": "Invalid request: the multipart/form-data body cannot be read (missing "
        "boundary in multipart). See /docs for the parameters.",
        "status": 422,
    }
    for path in ("/workforce", "/describe"):
        page = client.post(path, content=b"garbage", headers=headers)
        assert page.status_code == 422 and "text/html" in page.headers["content-type"], path
        assert _page_message(page.text) == (
            "The multipart/form-data body cannot be read (missing boundary in multipart). "
            "Send it again from the form on its page."
        )
    bounded = {"content-type": "multipart/form-data; boundary=xyz"}
    broken = client.post("/api/v1/workforce", content=b"garbage", headers=bounded)
    assert broken.status_code == 422 and "(invalid multipart data)" in broken.json()["error"]


# -- hints in each face's terms ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/search?q=" + "x" * 5000, "The title is longer than 500 characters (it has 5,000). "),
        ("/analysis?q=" + "x" * 501, "The title is longer than 500 characters (it has 501). "),
        (f"/occupation/{fake.REPORTS['15-2051.00'].header.code}?area=" + "x" * 101,
         "The area is longer than 100 characters (it has 101). "),
    ],
)  # fmt: skip
def test_pages_hint_in_page_terms(client: TestClient, url: str, says: str) -> None:
    r = client.get(url)
    assert r.status_code == 422
    assert (
        _page_message(r.text) == says + "Shorten it and try again, or search with the form below."
    )
    assert "/docs" not in _page_message(r.text)


def test_a_page_parameter_out_of_its_choices_points_to_the_links(client: TestClient) -> None:
    r = client.get("/occupations", params={"sort": "height"})
    assert r.status_code == 422
    message = _page_message(r.text)
    assert message.startswith("The sort must be one of 'risk', 'pay', 'outlook' or 'title'")
    assert message.endswith("follow the site's links rather than editing the address.")


def test_the_413_page_hints_at_the_form_and_the_api_at_docs(client: TestClient) -> None:
    page = client.post("/describe", data={"text": "x" * (BODY_LIMIT + 10)})
    assert page.status_code == 413
    assert _page_message(page.text).endswith(
        "Shorten the description: the form takes up to 20,000 characters."
    )
    api = client.post(
        "/api/v1/analyze-description",
        content=b"x",
        headers={**JSON, "content-length": str(BODY_LIMIT + 10)},
    )
    assert api.status_code == 413 and api.json()["error"].endswith(
        "Send a smaller body; see /docs for what each endpoint takes."
    )


def test_an_unknown_api_route_points_to_the_docs(client: TestClient) -> None:
    r = client.get("/api/v1/nope")
    assert r.json() == {
        "ok": False,
        "error": "Nothing lives at /api/v1/nope. The API's routes are listed at /docs "
        "(and /openapi.json).",
        "status": 404,
    }
    page = client.get("/nope")
    assert _page_message(page.text) == "Nothing lives at /nope. Start from the home page or search."


# -- JSON under /api and /healthz ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/api", 404),
        ("GET", "/api/", 404),
        ("GET", "/api/v1", 404),
        ("GET", "/healthz/more", 404),
        ("POST", "/healthz", 405),
        ("DELETE", "/api/v1/resolve", 405),
    ],
)
def test_errors_under_api_and_healthz_are_json(
    client: TestClient, method: str, url: str, status: int
) -> None:
    r = client.request(method, url)
    assert r.status_code == status and r.headers["content-type"] == "application/json"
    assert r.json()["ok"] is False and r.json()["status"] == status
    # a page path of the same shape is still an HTML page
    assert "text/html" in client.request(method, "/apis").headers["content-type"]


# -- security headers ----------------------------------------------------------------------------


def test_every_answer_has_the_security_headers(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ai_impact import api

    def crash(**_: object) -> None:
        raise RuntimeError("boom")

    answers = {
        "page": client.get("/"),
        "json": client.get("/api/v1/occupations"),
        "static": client.get("/static/app.js"),
        "head": client.head("/healthz"),
        "404": client.get("/nope"),
        "405": client.post("/healthz"),
        "413": client.post("/describe", content=b"x", headers={"content-length": "9" * 10}),
        "415": client.post("/api/v1/analyze-description", content=b"x"),
        "422": client.get("/api/v1/resolve?q="),
        "docs": client.get("/docs"),
    }
    monkeypatch.setattr(api, "occupation_table", crash)
    answers["500"] = client.get("/api/v1/occupations")
    assert answers["500"].status_code == 500
    for name, r in answers.items():
        for header, value in SECURITY_HEADERS.items():
            assert r.headers.get(header) == value, (name, header)
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"
    assert answers["static"].headers["content-type"].startswith("text/javascript")
    assert "script-src" not in SECURITY_HEADERS["Content-Security-Policy"]  # inline SVG, styles
