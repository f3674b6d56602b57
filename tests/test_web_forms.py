"""Forms keep what the user typed: an error is shown by its field, on the same page, with 4xx."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from ai_impact.db import KnowledgeBase
from ai_impact.render.html import FAVICON_SVG
from ai_impact.reports.jd_split import MAX_CHARS
from ai_impact.settings import Settings
from ai_impact.usertext import AREA_CHARS
from ai_impact.web.app import create_app
from ai_impact.workforce import library
from test_workforce_analysis import FakeLibrary

AD = (
    "Accounts Payable Clerk\n"
    "- Process vendor invoices and match them to purchase orders\n"
    "- Reconcile vendor statements and resolve discrepancies\n"
    "- Enter invoices into the ERP system\n"
)


@pytest.fixture(scope="module")
def client(settings: Settings, kb: KnowledgeBase) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def _field_error(html: str, ident: str) -> str:
    pattern = rf'<(p|div) class="field-error" id="{ident}" role="alert">(.*?)</\1>'
    found = re.search(pattern, html, re.S)
    assert found, f"no error by the field ({ident})"
    return re.sub(r"<[^>]+>", "", found.group(2)).replace("&#39;", "'")


@pytest.mark.parametrize(
    ("area", "message"),
    [
        ("Portland", "'Portland' names more than one metro area"),
        ("Springfield", "Add the state, e.g. 'Springfield, IL'"),
        ("Atlantis", "No OEWS area matches 'Atlantis'"),
    ],
)
def test_occupation_page_with_a_bad_area_is_an_error_page_with_the_form(
    client: TestClient, area: str, message: str
) -> None:
    """QA15: the status the JSON API gives, on an error page (not the whole national analysis
    under a 404): the message by the form that keeps the area, a link to the national page."""
    r = client.get("/occupation/29-1141.00", params={"area": area})
    api = client.get("/api/v1/occupations/29-1141.00", params={"area": area})
    assert r.status_code == api.status_code == 404
    assert "<h1>Pay for that area cannot be shown</h1>" in r.text
    assert 'id="occupation-title"' not in r.text
    assert f'<input id="area" name="area" maxlength="100" value="{area}"' in r.text
    assert 'aria-invalid="true" aria-describedby="area-error"' in r.text
    assert message in _field_error(r.text, "area-error")
    assert (
        '<a id="national-analysis" href="/occupation/29-1141.00">The analysis of Registered '
        "Nurses with national pay</a>"
    ) in r.text
    assert "<dt>Median (United States, 2025)</dt>" not in r.text
    assert client.get("/occupation/29-1141.00", params={"area": "Portland, OR"}).status_code == 200
    # an unknown code is still the not-found page: there is no analysis to show
    gone = client.get("/occupation/99-9999.00", params={"area": area})
    assert gone.status_code == 404 and 'id="area-error"' not in gone.text


def test_area_box_takes_no_more_than_the_route_accepts(client: TestClient) -> None:
    """An area over 100 characters is a 422 page without the area form; the box on the
    occupation page (and on its area error page) stops at 100, so a typed area never gets
    there."""
    page = client.get("/occupation/29-1141.00").text
    assert f'<input id="area" name="area" maxlength="{AREA_CHARS}" value=""' in page
    at_limit = client.get("/occupation/29-1141.00", params={"area": "x" * AREA_CHARS})
    assert at_limit.status_code == 404  # read, and not found
    over = client.get("/occupation/29-1141.00", params={"area": "x" * (AREA_CHARS + 1)})
    assert over.status_code == 422 and 'id="area"' not in over.text


def test_analysis_with_an_ambiguous_area_keeps_the_typed_title(client: TestClient) -> None:
    r = client.get("/analysis", params={"q": "software engineer", "area": "Springfield"})
    assert r.status_code == 404
    assert "<h1>Pay for that area cannot be shown</h1>" in r.text
    assert "'Springfield' names more than one metro area" in _field_error(r.text, "area-error")
    assert 'value="Springfield"' in r.text and 'id="national-analysis"' in r.text


def test_describe_with_an_unknown_area_keeps_the_text(client: TestClient) -> None:
    r = client.post("/describe", data={"text": AD, "title": "AP clerk", "area": "Atlantis"})
    assert r.status_code == 404
    assert "Process vendor invoices and match them to purchase orders" in r.text
    assert 'value="AP clerk"' in r.text and 'id="jd-area" name="area"' in r.text
    assert 'value="Atlantis"' in r.text
    error = _field_error(r.text, "jd-area-error")
    assert "No OEWS area matches 'Atlantis'" in error
    assert error.endswith("The analysis above uses national pay.")
    assert 'id="occupation-title"' in r.text  # the analysis, with national pay
    assert 'id="jd-text-error"' not in r.text
    # the note over the analysis says it too, and leads to the field
    note = re.search(r'<p class="note describe-note" id="describe-note">(.*?)</p>', r.text, re.S)
    assert note and "The analysis below uses national pay." in note.group(1)
    assert '<a href="#jd-area">Change the area</a>' in note.group(1)


def test_describe_result_comes_before_the_form(client: TestClient) -> None:
    """QA: the form filled the first screen and the analysis began below it, an h2 before
    the page's h1. Now the analysis (its title the h1) comes first, the form after it with
    the pasted text kept, and the headings go down one level at a time."""
    r = client.post("/describe", data={"text": AD, "title": "AP clerk"})
    assert r.status_code == 200
    html = r.text
    assert html.index('id="describe-note"') < html.index('id="occupation-title"')
    assert html.index('id="occupation-title"') < html.index('id="h-describe"')
    assert '<h2 id="h-describe">Your job description</h2>' in html
    assert '<a href="#h-describe">Change the description</a>' in html
    box = re.search(r'<textarea id="jd-text"[^>]*>(.*?)</textarea>', html, re.S)
    assert box and "Process vendor invoices and match them to purchase orders" in box.group(1)
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", html)]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    assert "via semantic" not in html and "via exact" not in html


def test_describe_text_error_is_by_the_text(client: TestClient) -> None:
    r = client.post("/describe", data={"text": "Benefits:\n- 401(k)\n", "area": "Atlantis"})
    assert r.status_code == 422
    assert "No task statement was found" in _field_error(r.text, "jd-text-error")
    assert "Benefits:\n- 401(k)" in r.text and 'value="Atlantis"' in r.text


@pytest.mark.parametrize(
    ("field", "limit", "ident", "message"),
    [
        ("title", 200, "jd-title-error",
         "The title is longer than 200 characters (it has 201). Give the job title alone."),
        ("area", 100, "jd-area-error",
         "The area is longer than 100 characters (it has 101). Give a state or metro area."),
    ],
)  # fmt: skip
def test_describe_applies_the_api_limits_to_title_and_area(
    client: TestClient, field: str, limit: int, ident: str, message: str
) -> None:
    """The API refuses a title over 200 characters (an area over 100); so does the page, by
    the field, keeping what was typed and showing no analysis."""
    value = "T" * (limit + 1)
    r = client.post("/describe", data={"text": AD, field: value})
    assert r.status_code == 422
    assert _field_error(r.text, ident) == message
    assert f'value="{value}"' in r.text and "Process vendor invoices" in r.text
    assert 'id="occupation-title"' not in r.text
    api = client.post("/api/v1/analyze-description", json={"text": AD, field: value})
    assert api.status_code == 422
    assert f"{field} is longer than {limit} characters (it has {limit + 1})" in api.json()["error"]
    assert f'name="{field}" type="text" maxlength="{limit}"' in r.text


def test_describe_takes_a_title_at_the_limit(client: TestClient) -> None:
    title = ("Accounts payable clerk " * 9)[:200]
    assert len(title.strip()) == 200
    r = client.post("/describe", data={"text": AD, "title": title})
    assert r.status_code == 200 and 'id="jd-title-error"' not in r.text


def test_describe_counts_a_line_break_as_the_browser_does(client: TestClient) -> None:
    """A form sends line breaks as CRLF; a text of 20,000 characters in the box (as the browser
    counts) is not refused as longer than 20,000 because of them."""
    filler = "Benefits: dental, vision and a 401(k) match.\n"
    text = AD + filler * ((MAX_CHARS - len(AD)) // len(filler))
    text += "x" * (MAX_CHARS - len(text))
    assert len(text) == MAX_CHARS and text.count("\n") > 400
    r = client.post("/describe", data={"text": text.replace("\n", "\r\n")})
    assert r.status_code == 200, r.text[-600:]
    assert 'id="jd-text-error"' not in r.text and 'id="occupation-title"' in r.text
    over = client.post("/describe", data={"text": (text + "x").replace("\n", "\r\n")})
    assert over.status_code == 422
    assert "more than 20,000 characters" in _field_error(over.text, "jd-text-error")
    assert "Process vendor invoices" in over.text  # the text stays in the box


def test_describe_box_does_not_cut_a_long_paste(client: TestClient) -> None:
    """No maxlength on the text box (a browser would cut a longer paste without a word); the
    limit is said beside it instead."""
    page = client.get("/describe").text
    box = re.search(r"<textarea [^>]*>", page)
    assert box and "maxlength" not in box.group(0)
    assert 'aria-describedby="jd-text-help"' in box.group(0)
    assert '<p class="small" id="jd-text-help">Up to 20,000 characters.</p>' in page


def test_workforce_keeps_the_pasted_roster(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())
    client = TestClient(create_app(Settings()))
    pasted = "title,headcount\nAccountant,2\nNurse,abc\n"
    r = client.post("/workforce", data={"csv": pasted})
    assert r.status_code == 422
    assert f">{pasted}</textarea>" in r.text
    assert 'name="csv" rows="8" cols="60"' in r.text
    assert "line 3: headcount 'abc' is not a whole number" in _field_error(r.text, "roster-error")
    upload = client.post("/workforce", files={"roster": ("team.csv", pasted.encode(), "text/csv")})
    assert upload.status_code == 422
    assert "(team.csv; choose the file again once it is fixed)" in upload.text
    assert "line 3: headcount" in _field_error(upload.text, "roster-error")


def test_favicon_is_inline_and_served(client: TestClient) -> None:
    page = client.get("/").text
    assert '<link rel="icon" href="data:image/svg+xml,%3Csvg' in page
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"
    assert icon.text == FAVICON_SVG


def test_error_page_search_box_keeps_the_typed_title(client: TestClient) -> None:
    """QA: /analysis?q=xyzzy answered "not found" over an empty search box."""
    r = client.get("/analysis", params={"q": "xyzzy <b>"})
    assert r.status_code == 404
    assert 'name="q" type="search" value="xyzzy &lt;b&gt;"' in r.text
    gone = client.get("/occupation/99-9999.00")
    assert gone.status_code == 404 and 'name="q" type="search" value=""' in gone.text
