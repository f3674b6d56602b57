"""The workforce API and upload page, over the hand-built library of test_workforce_analysis."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from ai_impact.settings import Settings
from ai_impact.web.app import create_app
from ai_impact.workforce import library
from test_workforce_analysis import ROSTER, FakeLibrary


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())
    return TestClient(create_app(Settings()))


def test_csv_body_answers_the_cli_json(client: TestClient) -> None:
    res = client.post("/api/v1/workforce", content=ROSTER, headers={"content-type": "text/csv"})
    assert res.status_code == 200
    doc = res.json()
    assert doc["schema"] == "ai-impact/workforce@1"
    assert doc["summary"]["headcount"] == 40
    assert doc["summary"]["hours_at_risk"] == 9568.0
    assert doc["needs_review"] == [3]


def test_multipart_upload_and_csv_answer(client: TestClient) -> None:
    res = client.post(
        "/api/v1/workforce?format=csv",
        files={"roster": ("team.csv", ROSTER.encode("utf-8"), "text/csv")},
    )
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(res.text)))) == 4


def test_json_rows(client: TestClient) -> None:
    body = {"rows": [{"title": "Accountant", "headcount": 4, "annual_pay": 50000}]}
    res = client.post("/api/v1/workforce", json=body)
    assert res.status_code == 200
    role = res.json()["roles"][0]
    assert (role["headcount"], role["pay"]["payroll_exposed"]) == (4, 140000.0)  # share 0.7
    # JSON true is not a headcount of 1 (lax parsing read it so)
    bad = client.post("/api/v1/workforce", json={"rows": [{"title": "Nurse", "headcount": True}]})
    assert bad.status_code == 422 and "headcount" in bad.json()["error"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"content": "title,headcount\nAccountant,0\nNurse,x\n"},
            "2 roster row(s) cannot be used; fix them and run again (no row was analysed):\n"
            "  line 2: headcount '0' is not a whole number of at least 1\n"
            "  line 3: headcount 'x' is not a whole number of at least 1",
        ),
        ({"json": {"rows": [{"title": "Nurse", "salary": 3}]}}, "The JSON roster is not valid"),
        ({"json": {"rows": []}}, "The roster is empty. Send at least one row with a title."),
        ({"content": ""}, "The roster is empty."),
    ],
)
def test_bad_rosters_are_422_in_the_error_shape(
    client: TestClient, kwargs: dict[str, object], message: str
) -> None:
    res = client.post("/api/v1/workforce", **kwargs)  # type: ignore[arg-type]
    assert res.status_code == 422
    body = res.json()
    assert (body["ok"], body["status"]) == (False, 422)
    assert body["error"].startswith(message)


def test_page_form_and_result(client: TestClient) -> None:
    form = client.get("/workforce")
    assert form.status_code == 200
    assert 'enctype="multipart/form-data"' in form.text
    assert "<h1>Analyse a team roster</h1>" in form.text
    res = client.post("/workforce", files={"roster": ("t.csv", ROSTER.encode(), "text/csv")})
    assert res.status_code == 200
    assert "AI exposure of a workforce: 40 people in 4 roles" in res.text
    assert "9,568 hours a year" in res.text
    assert "Blorf" in res.text and "Needs review" in res.text


def test_page_pasted_text_error_is_shown_with_the_form(client: TestClient) -> None:
    res = client.post("/workforce", data={"csv": "name\nAnn\n"})
    assert res.status_code == 422
    assert "The roster has no title column (columns found: &#39;name&#39;)." in res.text
    assert 'name="roster"' in res.text


def test_hostile_titles_are_escaped(client: TestClient) -> None:
    roster = 'title,headcount\nAccountant,1\n"<script>alert(1)</script>",2\n'
    res = client.post("/workforce", data={"csv": roster})
    assert "<script>alert(1)</script>" not in res.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in res.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("not json", "The JSON roster is not valid: the body is not valid JSON (expected ident"),
        (
            '{"rows": [{"title": "a", "headcount": true}]}',
            "The JSON roster is not valid: row 1: headcount must be a number or a string (got "
            "true).",
        ),
        ('{"rows": [{"headcount": 3}]}', "The JSON roster is not valid: row 1: title is required."),
        (
            '{"rows": [{"title": "a"}, {"title": "b", "salary": 3}]}',
            "The JSON roster is not valid: row 2: unknown key 'salary'.",
        ),
        (
            '{"rows": [{"title": "a", "headcount": 99999999999}]}',
            "1 roster row(s) cannot be used; fix them and run again (no row was analysed):\n"
            "  row 1: headcount '99999999999' is more than 10,000,000",
        ),
    ],
)
def test_json_roster_errors_are_user_messages(client: TestClient, body: str, message: str) -> None:
    """QA4 #15: rows are named as the CSV errors name them, without pydantic's wording."""
    res = client.post(
        "/api/v1/workforce", content=body, headers={"content-type": "application/json"}
    )
    assert res.status_code == 422
    error = res.json()["error"]
    assert error.startswith(message)
    assert "Input should" not in error and "rows.0" not in error
