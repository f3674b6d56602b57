"""The web face against the in-memory fake facade: routes, error shape, HTML/JSON parity."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import web_fakes as fake
from ai_impact.render.html import ONET_ATTRIBUTION
from ai_impact.reports import figures as fx
from ai_impact.reports.serialize import report_to_dict

DS = "15-2051.00"


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    yield from fake.client(monkeypatch)


def test_home_has_search_industries_and_attribution(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert 'action="/search"' in r.text and 'name="q"' in r.text
    for label in ("Technology", "Healthcare", "Finance"):
        assert f'<span class="name">{label}</span>' in r.text
    assert ONET_ATTRIBUTION in r.text
    assert "for 4 occupations" in r.text


def test_confident_search_redirects_to_the_analysis(client: TestClient) -> None:
    """An alias goes to the typed title's analysis, the page the CLI's `analyze` writes."""
    r = client.get("/search", params={"q": "machine learning engineer"}, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/analysis?q=machine+learning+engineer"
    page = client.get(r.headers["location"])
    assert page.status_code == 200 and DS in page.text
    assert client.get("/analysis", params={"q": ""}).status_code == 422


def test_a_code_goes_straight_to_its_page(client: TestClient) -> None:
    r = client.get("/search", params={"q": "29-1141.00"}, follow_redirects=False)
    assert r.headers["location"] == "/occupation/29-1141.00"


def test_ambiguous_search_lists_candidates_with_confidence(client: TestClient) -> None:
    r = client.get("/search", params={"q": "clerk or nurse"})
    assert r.status_code == 200
    assert r.text.index("Bookkeeping, Accounting, and Auditing Clerks") < r.text.index(
        "Registered Nurses"
    )
    assert 'href="/occupation/43-3031.00"' in r.text
    assert "50% match" in r.text and "48% match" in r.text


def test_search_without_match_says_so(client: TestClient) -> None:
    r = client.get("/search", params={"q": "xyzzy"})
    assert r.status_code == 404  # as /analysis?q=xyzzy answers
    assert r.text.count("No occupation matches") == 1
    assert "No occupation matches “xyzzy”" in r.text


def test_occupation_page_shows_every_section_and_charts(client: TestClient) -> None:
    r = client.get(f"/occupation/{DS}")
    assert r.status_code == 200
    html = r.text
    assert '<h1 id="occupation-title">Data Scientists</h1>' in html
    assert 'class="badge risk-high big"' in html and '<span class="score">6.8</span>' in html
    for heading in (
        "Overview",
        "How AI is changing the profession",
        "Tasks at risk of automation",
        "Tasks that remain safe",
        "AI tools entering the role",
        "Salary",
        "Employment outlook",
        "Adaptation strategy",
        "Certifications",
        "Related analyses",
        "Method and sources",
    ):
        assert f">{heading}</h2>" in html, heading
    assert html.count('<svg role="img"') == 4
    for key in ("risk", "tasks", "pay", "outlook"):
        assert f'<figure class="chart" id="fig-{key}">' in html
    assert "The numbers behind this chart" in html


def test_hostile_title_is_escaped_everywhere(client: TestClient) -> None:
    for url in (
        f"/occupation/{fake.HOSTILE_CODE}",
        "/industry/technology",
        f"/compare?codes={DS},{fake.HOSTILE_CODE}",
        "/occupations",
    ):
        html = client.get(url).text
        assert "<script>alert(1)</script>" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


def test_search_query_is_escaped(client: TestClient) -> None:
    html = client.get("/search", params={"q": "<img src=x onerror=alert(1)>"}).text
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_unknown_occupation_is_a_friendly_404_page(client: TestClient) -> None:
    r = client.get("/occupation/99-0000.00")
    assert r.status_code == 404
    assert "text/html" in r.headers["content-type"]
    assert "No occupation has the code &#39;99-0000.00&#39;." in r.text


def test_area_pay_and_unknown_area(client: TestClient) -> None:
    assert client.get(f"/occupation/{DS}", params={"area": "CA"}).status_code == 200
    r = client.get(f"/occupation/{DS}", params={"area": "Mars"})
    assert r.status_code == 404
    assert "No pay data for the area &#39;Mars&#39;." in r.text


def _row_titles(html: str) -> list[str]:
    return re.findall(r'<th scope="row" data-v="([^"]*)"', html)


def test_industry_page_sorts_on_the_server(client: TestClient) -> None:
    by_risk = client.get("/industry/technology").text
    assert _row_titles(by_risk) == [
        "Data Scientists",
        fake.HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;"),
    ]
    by_pay = client.get("/industry/technology", params={"sort": "pay", "order": "asc"}).text
    assert _row_titles(by_pay)[0].startswith("Prompt Tester")
    assert 'data-key="pay" data-default="desc" aria-sort="ascending"' in by_pay
    # the active column's link flips the order; the others start at their natural order
    assert 'href="/industry/technology?sort=pay&amp;order=desc"' in by_pay
    assert 'href="/industry/technology?sort=title&amp;order=asc"' in by_pay


def test_occupation_tables_mark_group_figures_and_hourly_pay_with_one_escaped_note(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/occupations and an industry's table mark a SOC group's pay † and its projection ‡ as
    the analysis does (the group, escaped, on the mark), show hourly-only pay "an hour", and
    say what the marks mean in one note under the table, not one per row."""
    fake.mark_table_figures(monkeypatch)
    pay_mark = (
        '<span title="OEWS pay for SOC 15-1299 (&lt;b&gt;Computer&lt;/b&gt; &amp; Co) as a '
        'whole">†</span>'
    )
    outlook_mark = (
        '<span title="BLS projects SOC 15-1299 (&lt;i&gt;Computer&lt;/i&gt; &amp; Co) as a '
        'whole">‡</span>'
    )
    note = (
        "† Pay OEWS publishes for a whole SOC group. ‡ Outlook BLS projects for a whole SOC "
        "group. Such a group covers other O*NET occupations too: the figure is the "
        "occupation&#39;s best estimate, not its own (the occupation&#39;s page names the "
        "group). Pay “an hour” is for occupations BLS pays only by the hour; no annual figure "
        "is made from it, so sorted by pay they come last."
    )
    for url in ("/occupations", "/industry/technology"):
        page = client.get(url, params={"sort": "pay", "order": "desc"}).text
        assert f'<td class="num" data-v="70000">$70,000 {pay_mark}</td>' in page, url
        assert f'<td class="num" data-v="1.0">+1.0% {outlook_mark}</td>' in page, url
        assert '<td class="num" data-v="">$47.80 an hour</td>' in page, url
        assert re.findall(r'<p class="small" id="table-note">(.*?)</p>', page) == [note], url
        assert page.count("†") == 2 and page.count("‡") == 2  # the marked row and the note
        assert "<b>" not in page and "<i>" not in page
        # no annual figure for the hourly row: sorted by pay, it comes last
        assert _row_titles(page)[-1] == "Data Scientists"
    rows = {r["code"]: r for r in client.get("/api/v1/occupations").json()["occupations"]}
    hostile, ds = rows[fake.HOSTILE_CODE], rows[DS]
    assert (hostile["pay_group"], hostile["projection_group"]) == (
        fake.PAY_GROUP,
        fake.PROJECTION_GROUP,
    )
    assert (ds["median_annual"], ds["hourly_median"], ds["pay_group"]) == (None, 47.8, None)


def test_occupation_table_without_marks_has_no_note(client: TestClient) -> None:
    page = client.get("/occupations").text
    assert 'id="table-note"' not in page and "†" not in page and "‡" not in page


def test_industry_errors(client: TestClient) -> None:
    assert client.get("/industry/nope").status_code == 404
    r = client.get("/industry/technology", params={"sort": "height"})
    assert r.status_code == 422
    assert "sort" in r.text


def test_compare_side_by_side(client: TestClient) -> None:
    r = client.get("/compare", params={"codes": f"{DS},29-1141.00"})
    assert r.status_code == 200
    assert "Data Scientists" in r.text and "Registered Nurses" in r.text
    assert '<figure class="chart" id="fig-compare">' in r.text
    both = client.get(f"/compare?codes={DS}&codes=29-1141.00")
    assert both.status_code == 200
    one = client.get("/compare", params={"codes": DS})
    assert one.status_code == 422
    assert "Compare takes 2 to 4 occupations; got 1. Add another title or code." in one.text
    assert f'name="codes" type="text" value="{DS}"' in one.text  # kept in the form


def test_methodology_and_sources(client: TestClient) -> None:
    m = client.get("/methodology").text
    assert "<h1>Method</h1>" in m and "<li>Risk is not exposure.</li>" in m
    s = client.get("/sources").text
    assert "onet/30.3/task_statements.csv.gz" in s and "CC BY 4.0" in s and ONET_ATTRIBUTION in s
    assert '<td class="num">18,796</td>' in s
    # A pinned file the build does not load says so, never "0" rows (QA: "Rows 0").
    row = s.split("bls/ep_2024_34_table_1_10.csv.gz</td>", 1)[1].split("</tr>", 1)[0]
    assert "— not loaded as rows: kept with the data for reference" in row
    assert '<td class="num">0</td>' not in s


def test_api_report_is_the_analyze_json(client: TestClient) -> None:
    r = client.get(f"/api/v1/occupations/{DS}")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert r.json() == json.loads(json.dumps(report_to_dict(fake.REPORTS[DS])))


def test_api_lists(client: TestClient) -> None:
    occ = client.get("/api/v1/occupations").json()
    assert occ["count"] == 4
    first = occ["occupations"][0]
    assert {"code", "risk_score", "exposure", "substitution", "adoption", "demand"} <= set(first)
    inds = client.get("/api/v1/industries").json()["industries"]
    assert [i["slug"] for i in inds] == ["technology", "healthcare", "finance"]
    one = client.get("/api/v1/industries/finance").json()
    assert one["industry"]["label"] == "Finance" and one["count"] == 1


def test_api_resolve(client: TestClient) -> None:
    body = client.get("/api/v1/resolve", params={"q": "nurse", "top": 3}).json()
    assert body["candidates"][0] == {
        "code": "29-1141.00",
        "soc": "29-1141",
        "title": "Registered Nurses",
        "confidence": 0.93,
        "via": "alias",
    }
    assert body["needs_choice"] is False


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/occupations/00-0000.00", 404),
        ("/api/v1/industries/nope", 404),
        ("/api/v1/resolve?q=", 422),
        ("/api/v1/resolve?q=nurse&top=0", 422),
        ("/api/v1/no-such-route", 404),
    ],
)
def test_every_api_error_has_one_shape(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_unexpected_failure_is_a_500_in_the_same_shape(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ai_impact import api

    def boom(**_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(api, "industries", boom)
    r = client.get("/api/v1/industries")
    assert r.status_code == 500
    assert r.json() == {
        "ok": False,
        "error": "An unexpected error happened; it has been logged.",
        "status": 500,
    }
    assert "disk on fire" not in client.get("/").text


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/v1/resolve",
        "/api/v1/occupations",
        "/api/v1/occupations/{code}",
        "/api/v1/industries",
    ):
        assert path in spec["paths"]
    docs = client.get("/docs").text
    assert "/api/v1/occupations/{code}" in docs
    assert not re.search(r'(src|href)="(https?:)?//', docs)


def test_pages_load_nothing_remote(client: TestClient) -> None:
    for url in (
        "/",
        f"/occupation/{DS}",
        "/industry/technology",
        f"/compare?codes={DS},29-1141.00",
    ):
        html = client.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', html), url
        assert "@import" not in html and "url(http" not in html
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]


def test_html_and_json_agree(client: TestClient) -> None:
    """Every headline figure of the JSON appears, formatted, on the page."""
    data = client.get(f"/api/v1/occupations/{DS}").json()
    html = client.get(f"/occupation/{DS}").text
    assert f'<span class="score">{fx.score(data["risk"]["score"])}</span>' in html
    assert f'<span class="cat">{data["risk"]["category"]}</span>' in html
    low, high = data["risk"]["range"]
    assert f"Likely range {fx.score(low)}–{fx.score(high)}" in html
    assert f"<dd>{fx.pct(data['exposure'])}</dd>" in html
    assert fx.money(data["salary"]["median_annual"]) in html
    assert fx.signed_pct(data["outlook"]["employment_change_pct"]) in html
    for t in data["tasks_at_risk"]:
        assert f'<p class="task">{t["task"]}</p>' in html
        assert f">{t['timeline']}</span>" in html
    for t in data["safe_tasks"]:
        assert t["task"] in html and t["reason"] in html
    for t in data["ai_tools"]:
        assert f"<h3>{t['name']}</h3>" in html
    for c in data["certifications"]:
        assert c["name"] in html and c["issuer"] in html
    for x in data["related"]:
        assert f'href="/occupation/{x["code"]}">{x["title"]}</a>' in html


@pytest.mark.parametrize(
    ("method", "url", "body", "message"),
    [
        (
            "post",
            "/api/v1/analyze-description",
            "not json",
            "Invalid request: the body is not valid JSON (Expecting value, at character 0). "
            "See /docs for the parameters.",
        ),
        (
            "post",
            "/api/v1/analyze-description",
            '{"text": "abc',
            "Invalid request: the body is not valid JSON (Unterminated string starting at, "
            "at character 9).",
        ),
        ("post", "/api/v1/analyze-description", "{}", "Invalid request: text is required."),
        (
            "post",
            "/api/v1/analyze-description",
            '{"text": "x", "foo": 1}',
            "Invalid request: unknown key 'foo'.",
        ),
        (
            "post",
            "/api/v1/analyze-description",
            '{"text": "' + "x" * 20001 + '"}',
            "Invalid request: text is longer than 20,000 characters (it has 20,001).",
        ),
        ("get", "/api/v1/resolve?q=x&top=0", None, "Invalid request: top must be at least 1"),
        (
            "get",
            "/api/v1/resolve?q=x&top=abc",
            None,
            "Invalid request: top must be a whole number (got 'abc').",
        ),
        ("get", "/api/v1/resolve?q=", None, "Invalid request: q is empty."),
    ],
)
def test_validation_errors_are_user_messages(
    client: TestClient, method: str, url: str, body: str | None, message: str
) -> None:
    """QA4 #15: no 'body.0: JSON decode error' nor 'Input should be …' wording."""
    headers = {"content-type": "application/json"}
    res = client.request(method.upper(), url, content=body, headers=headers if body else None)
    assert res.status_code == 422
    error = res.json()["error"]
    assert error.startswith(message)
    assert "Input should" not in error and "body." not in error and "decode error" not in error


@pytest.mark.parametrize(
    "path", ["/", f"/occupation/{DS}", "/occupations?sort=pay", "/industry/technology", "/nope"]
)
def test_served_pages_carry_no_canonical_link(client: TestClient, path: str) -> None:
    """Only the static export, given its public address, writes canonical links: a canonical
    must be absolute, and the server does not know the address it is reached by."""
    assert 'rel="canonical"' not in client.get(path).text
