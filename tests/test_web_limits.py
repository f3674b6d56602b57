"""Request body limits: 413 in the one error shape, before the body is read; rosters still fit."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

import web_fakes as fake
from ai_impact.settings import Settings
from ai_impact.web.app import create_app
from ai_impact.web.limits import BODY_LIMIT, ROSTER_LIMIT, BodyLimit, BodyTooLarge
from ai_impact.workforce import library
from test_workforce_analysis import FakeLibrary

CHUNK = 64 * 1024


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    fake.install(monkeypatch)
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())
    with TestClient(create_app(Settings()), raise_server_exceptions=False) as c:
        yield c


class Body:
    """A request body sent in chunks, counting how much of it the server asked for."""

    def __init__(self, size: int) -> None:
        self.size, self.sent = size, 0

    def __iter__(self) -> Iterator[bytes]:
        while self.sent < self.size:
            self.sent += CHUNK
            yield b" " * CHUNK


def _roster(rows: int) -> list[dict[str, object]]:
    """A realistic roster: varied titles, teams and locations, every optional column filled."""
    titles = ("Senior Software Engineer", "Registered Nurse - ICU", "Accounts Payable Specialist")
    teams = ("Platform Engineering", "Emergency Department", "Finance & Accounting")
    places = ("San Francisco, CA", "Austin, TX", "Remote - US")
    return [
        {
            "title": f"{titles[i % 3]} {i % 97}",
            "headcount": 1 + i % 40,
            "annual_pay": 35000 + (i * 7919) % 205000,
            "code": "15-1252.00",
            "team": teams[i % 3],
            "location": places[i % 3],
        }
        for i in range(rows)
    ]


def test_a_declared_oversize_body_is_refused_unread(client: TestClient) -> None:
    body = Body(60_000_000)
    r = client.post(
        "/api/v1/analyze-description",
        content=body,
        headers={"content-type": "application/json", "content-length": str(body.size)},
    )
    assert r.status_code == 413
    assert r.json() == {
        "ok": False,
        "error": "The request body is 60.0 MB; /api/v1/analyze-description takes at most 2 MB. "
        "Send a smaller body; see /docs for what each endpoint takes.",
        "status": 413,
    }
    assert body.sent == 0  # not a byte of it was read


def test_a_chunked_oversize_body_is_refused_at_the_limit(client: TestClient) -> None:
    r = client.post(
        "/api/v1/workforce", content=Body(6_000_000), headers={"content-type": "text/csv"}
    )
    assert r.status_code == 413
    assert r.json()["status"] == 413 and "at most 5 MB" in r.json()["error"]


def test_a_body_without_length_is_read_no_further_than_the_limit() -> None:
    """The ASGI level (the test client reads a whole body at once): the app stops reading a
    streamed body at the first chunk past the limit."""
    sent = 0

    async def receive() -> Message:
        nonlocal sent
        sent += CHUNK
        return {"type": "http.request", "body": b" " * CHUNK, "more_body": True}

    async def reader(scope: Scope, receive: Receive, send: Send) -> None:
        while (await receive()).get("more_body"):
            pass

    async def send(message: Message) -> None:
        raise AssertionError("nothing is sent before the body is refused")

    scope: Scope = {"type": "http", "method": "POST", "path": "/api/v1/analyze-description"}

    def run() -> None:  # in a thread of its own: browser tests may leave a loop running here
        asyncio.run(BodyLimit(reader)(scope, receive, send))

    with ThreadPoolExecutor(1) as pool, pytest.raises(BodyTooLarge) as err:
        pool.submit(run).result()
    assert err.value.status_code == 413
    assert BODY_LIMIT < sent <= BODY_LIMIT + CHUNK


def test_pages_answer_413_with_the_error_page(client: TestClient) -> None:
    r = client.post("/describe", data={"text": "x" * (BODY_LIMIT + 10)})
    assert r.status_code == 413
    assert "text/html" in r.headers["content-type"] and "at most 2 MB" in r.text
    big = b"title\n" + b"Accountant\n" * (ROSTER_LIMIT // 11 + 10)
    up = client.post("/workforce", files={"roster": ("team.csv", big, "text/csv")})
    assert up.status_code == 413 and "Split the roster" in up.text


def test_a_10000_row_roster_fits_in_every_layout(client: TestClient) -> None:
    rows = _roster(10_000)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    sizes = {
        "csv": len(buf.getvalue().encode()),
        "json": len(json.dumps({"rows": rows}).encode()),
        "json, indented": len(json.dumps({"rows": rows}, indent=2).encode()),
    }
    assert max(sizes.values()) < ROSTER_LIMIT * 0.5, sizes  # measured: 0.8, 1.6 and 2.1 MB
    r = client.post(
        "/api/v1/workforce",
        content=json.dumps({"rows": rows}, indent=2),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 200, r.text[:300]
    assert r.json()["summary"]["headcount"] == sum(int(str(x["headcount"])) for x in rows)


def test_a_description_at_its_character_limit_fits(client: TestClient) -> None:
    from ai_impact.reports.jd_split import MAX_CHARS

    # the worst case: every character sent as a surrogate pair of JSON escapes
    worst = json.dumps({"text": "😀" * (MAX_CHARS // 2)}, ensure_ascii=True)
    assert len(worst) < BODY_LIMIT


@pytest.mark.parametrize(
    ("size", "says"),
    [
        (None, "The request body is over the limit; /x takes at most 2 MB."),
        (60_000_000, "The request body is 60.0 MB; /x takes at most 2 MB."),
        (2_000_010, "The request body is 2,000,010 bytes; /x takes at most 2 MB."),
        (150_000_000, "The request body is 150 MB; /x takes at most 2 MB."),
        (10**12, "The request body is 1,000,000 MB; /x takes at most 2 MB."),  # not 1000000.0
    ],
)
def test_the_413_message_says_how_big_the_body_is_against_the_limit(
    size: int | None, says: str
) -> None:
    """Never "is larger" (than what?), nor a size that rounds to the limit itself."""
    err = BodyTooLarge("/x", BODY_LIMIT, "Send less.", size)
    assert err.detail == f"{says} Send less."


@pytest.mark.parametrize(
    ("url", "name"),
    [("/api/v1/occupations/" + "1" * 5_000, "code"), ("/api/v1/industries/" + "x" * 501, "slug")],
)
def test_a_path_value_over_500_characters_is_a_422(client: TestClient, url: str, name: str) -> None:
    """A code or slug has the limit of a query (500 characters, as ``analyze`` has): a 422
    that names it, not a 404 echoing 5,000 characters."""
    r = client.get(url)
    size = len(url.rsplit("/", 1)[1])
    assert r.status_code == 422
    assert r.json() == {
        "ok": False,
        "error": f"Invalid request: {name} is longer than 500 characters (it has {size:,}). "
        "See /docs for the parameters.",
        "status": 422,
    }
