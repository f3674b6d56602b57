"""Property tests of the JSON API against its own OpenAPI document (schemathesis is not a
dependency; hypothesis drives the same idea): for every ``GET`` operation, any values of its
parameters (absent, empty, long, numbers, control characters, bytes that are not UTF-8) give an
answer the document declares for that operation, in JSON, matching its schema: the 200 its
answer schema, an error the one shape ``{ok, error, status}`` with the status repeated. Never
a 500, never a 400."""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings
from ai_impact.web.app import create_app
from test_openapi import _check

pytestmark = pytest.mark.slow

VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["nurse", "15-2051", "15-2051.00", "152051", "CA", "technology", "0", "51", "-1", "1.5",
         " ", "%", "..", "\x00", "\x1b[2J", "\ud800", "a" * 501, "Ω" * 120]
    ),
    st.integers(-(10**12), 10**12).map(str),
)  # fmt: skip


@pytest.fixture(scope="module")
def client(settings: Settings, kb: KnowledgeBase) -> Iterator[TestClient]:
    with TestClient(
        create_app(settings), raise_server_exceptions=False, follow_redirects=False
    ) as c:
        yield c


def _url(path: str, params: list[dict[str, Any]], values: dict[str, str]) -> str | None:
    """The request URL, or None when a path parameter is left out (no such route)."""
    query = {}
    for p in params:
        if p["name"] not in values:
            continue
        raw = values[p["name"]].encode("utf-8", "surrogatepass")  # a lone surrogate: bad UTF-8
        if p["in"] == "path":
            # An empty segment is the parent route (a 307 to it); "." and ".." are dot
            # segments that every HTTP client removes before sending (RFC 3986 5.2.4).
            if not raw or raw in (b".", b".."):
                return None
            path = path.replace("{" + p["name"] + "}", urllib.parse.quote(raw, safe=""))
        else:
            query[p["name"]] = raw
    if "{" in path:
        return None
    return path + ("?" + urllib.parse.urlencode(query) if query else "")


def _get_operations(client: TestClient) -> list[tuple[str, dict[str, Any]]]:
    spec = client.get("/openapi.json").json()
    return [(path, ops["get"]) for path, ops in spec["paths"].items() if "get" in ops]


def test_every_get_operation_is_covered(client: TestClient) -> None:
    paths = {path for path, _ in _get_operations(client)}
    assert paths == {
        "/api/v1/resolve",
        "/api/v1/suggest",
        "/api/v1/occupations",
        "/api/v1/occupations/{code}",
        "/api/v1/industries",
        "/api/v1/industries/{slug}",
        "/healthz",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/resolve",
        "/api/v1/suggest",
        "/api/v1/occupations/{code}",
        "/api/v1/industries/{slug}",
    ],
)
def test_any_parameter_values_give_a_declared_answer(client: TestClient, path: str) -> None:
    spec = client.get("/openapi.json").json()
    op = spec["paths"][path]["get"]
    params = op["parameters"]

    @settings(
        max_examples=int(os.environ.get("AI_IMPACT_PROPERTY_EXAMPLES", "60")),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.fixed_dictionaries({}, optional={p["name"]: VALUES for p in params}))
    def check(values: dict[str, str]) -> None:
        url = _url(path, params, values)
        if url is None:
            return
        r = client.get(url)
        if r.status_code in (307, 308) and r.headers["location"].startswith("/"):
            # a code in another form ("152051"): to its O*NET-SOC code's address (declared)
            assert str(r.status_code) in op["responses"], url
            assert re.match(r"/api/v1/occupations/\d\d-\d{4}\.\d\d(\?|$)", r.headers["location"])
            return
        if r.status_code == 307:  # a value ending in "/" (sent as %2F, decoded by the server)
            assert url.endswith("%2F") or "%2F?" in url, url
            assert r.headers["location"].startswith("http"), url  # to the path without it
            return
        assert r.headers["content-type"] == "application/json", url
        assert str(r.status_code) in op["responses"], (url, r.status_code, r.text[:200])
        body = r.json()
        media = op["responses"][str(r.status_code)]["content"]["application/json"]
        _check(spec, media["schema"], body, url)
        if r.status_code != 200:
            assert body == {"ok": False, "error": body["error"], "status": r.status_code}
            assert body["error"] and "Traceback" not in body["error"]

    check()
