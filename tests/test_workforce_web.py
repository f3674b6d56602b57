"""The workforce API and upload page, over the hand-built library of test_workforce_analysis."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Sequence

import pytest
from fastapi.testclient import TestClient

from ai_impact.settings import Settings
from ai_impact.titles.resolver import Resolution
from ai_impact.web.app import create_app
from ai_impact.web.workforce import MAX_PAGE_ROLES
from ai_impact.workforce import library
from test_workforce_analysis import (
    GROUP,
    MOVES_GROUP,
    ROSTER,
    FakeLibrary,
    GroupPayLibrary,
    HourlyMarketLibrary,
    HourlyMovesLibrary,
    SoftwareLibrary,
    _res,
)


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
            "2 roster row(s) cannot be used; fix them and run again (no row was analyzed):\n"
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
    assert "<h1>Analyze a team roster</h1>" in form.text
    res = client.post("/workforce", files={"roster": ("t.csv", ROSTER.encode(), "text/csv")})
    assert res.status_code == 200
    assert "AI exposure of a workforce: 40 people in 4 roles" in res.text
    assert "9,568 hours a year" in res.text
    assert "Blorf" in res.text and "Roles to check" in res.text


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
            "1 roster row(s) cannot be used; fix them and run again (no row was analyzed):\n"
            "  row 1: headcount '99999999999' is more than 10,000,000",
        ),
        (
            '{"rows": [{"title": "a", "headcount": 1e308, "annual_pay": 1e308}]}',
            "1 roster row(s) cannot be used; fix them and run again (no row was analyzed):\n"
            "  row 1: headcount '1e+308' is more than 10,000,000; give the number of people in "
            "the role; annual pay '1e+308' is more than $100,000,000 a year; give the pay of one "
            "person",
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


# -- QA6: downloads of the result, a capped role table, JSON rows, FTE ---------------------------


def _download_form(page: str) -> tuple[str, dict[str, str]]:
    """The roster the page's download form carries, and its button URLs by label."""
    form = page[page.index('<form class="downloads"') :]
    form = form[: form.index("</form>")]
    value = re.search(r'<input type="hidden" name="csv" value="([^"]*)">', form)
    assert value is not None
    buttons = re.findall(r'formaction="([^"]*)">([^<]*)</button>', form)
    return html.unescape(value.group(1)), {label: html.unescape(url) for url, label in buttons}


def test_result_page_downloads_the_same_result_as_csv_json_and_markdown(
    client: TestClient,
) -> None:
    """The page keeps no state: its form posts the roster it carries to the API again."""
    roster = ROSTER + '"<b>Café</b> ""R&D"",\nlead",1,,Ops,\n'
    page = client.post(
        "/workforce", files={"roster": ("t.csv", roster.encode("utf-16"), "text/csv")}
    )
    assert page.status_code == 200
    assert "<b>Café" not in page.text  # escaped in the hidden field too
    carried, buttons = _download_form(page.text)
    assert carried == roster  # decoded from UTF-16, every character kept
    assert buttons == {
        "CSV": "/api/v1/workforce?format=csv&download=true",
        "JSON": "/api/v1/workforce?format=json&download=true",
        "Markdown": "/api/v1/workforce?format=md&download=true",
    }
    for ext, url in zip(("csv", "json", "md"), buttons.values(), strict=True):
        got = client.post(url, data={"csv": carried})  # what the browser sends
        assert got.status_code == 200
        assert got.headers["content-disposition"] == f'attachment; filename="workforce.{ext}"'
        direct = client.post(
            f"/api/v1/workforce?format={ext}",
            content=roster.encode("utf-16"),
            headers={"content-type": "text/csv"},
        )
        assert "content-disposition" not in direct.headers  # only when asked to
        assert got.text == direct.text
    assert "Blorf" in client.post(buttons["CSV"], data={"csv": carried}).text


def test_a_json_roster_page_carries_its_rows_as_csv(client: TestClient) -> None:
    rows = [{"title": "Accountant", "headcount": 4, "annual_pay": 50000.5, "team": "Fin"}]
    page = client.post("/workforce", json={"rows": rows})
    carried, buttons = _download_form(page.text)
    assert carried == "title,headcount,annual_pay,team\nAccountant,4,50000.5,Fin\n"
    got = client.post(buttons["JSON"], data={"csv": carried}).json()["roles"]
    want = client.post("/api/v1/workforce", json={"rows": rows}).json()["roles"]
    # the same figures; the lines are those of the CSV carried (its header is line 1)
    assert [r.pop("lines") for r in got] == [[2]] and [r.pop("lines") for r in want] == [[1]]
    assert got == want


class _ManyAccountants(FakeLibrary):
    """Every 'Accountant NNNN' is an accountant, so a roster can hold thousands of roles."""

    def resolve_batch(self, texts: Sequence[str]) -> list[Resolution]:
        return [_res(t, "13-2011.00", 0.9, False) for t in texts]


def test_the_page_lists_the_roles_with_most_at_risk_hours_and_says_how_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA6 #7: a 40,000-role roster made a 24 MB page; the table now stops at 500 roles."""
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: _ManyAccountants())
    client = TestClient(create_app(Settings()))
    n = MAX_PAGE_ROLES + 700
    roster = "title,headcount\n" + "".join(f"Accountant {i:04d},{i}\n" for i in range(1, n + 1))
    page = client.post("/workforce", data={"csv": roster}).text
    table = page[page.index('<h2 id="roles">') : page.index("</table>", page.index('id="roles"'))]
    listed = re.findall(r'<th scope="row">Accountant (\d{4})</th>', table)
    # the 500 with the most at-risk hours (the largest headcounts), in roster order
    assert listed == [f"{i:04d}" for i in range(n - MAX_PAGE_ROLES + 1, n + 1)]
    assert (
        "Showing the 500 roles with the most at-risk hours, of 1,200 analyzed, in roster order. "
        "The CSV and JSON downloads list every role."
    ) in table
    assert "Accountant 0001" not in page.replace("Accountant 0001,1", "")  # only in the roster
    doc = client.post(_download_form(page)[1]["JSON"], data={"csv": roster}).json()
    assert len(doc["roles"]) == n
    small = client.post("/workforce", data={"csv": "title\nAccountant 1\n"}).text
    assert 'id="roles-shown"' not in small


def test_review_list_is_capped_too(client: TestClient) -> None:
    n = MAX_PAGE_ROLES + 5
    roster = "title\n" + "".join(f"Blorf {i}\n" for i in range(n))
    page = client.post("/workforce", data={"csv": roster}).text
    assert page.count("<td>needs review</td>") == MAX_PAGE_ROLES
    assert f"Showing the first 500 of {n:,} roles to check." in page


def test_json_row_with_an_empty_title_names_the_row(client: TestClient) -> None:
    """QA6 #5: a JSON roster has no header; its empty row is 'row 1', not 'no rows'."""
    res = client.post("/api/v1/workforce", json={"rows": [{"title": ""}]})
    assert res.status_code == 422
    assert res.json()["error"].endswith("(no row was analyzed):\n  row 1: the title is empty")


def test_fte_roster_on_the_page_and_in_the_api(client: TestClient) -> None:
    roster = "title,FTE\nAccountant,2.5\nNurse,0.5\n"
    page = client.post("/workforce", data={"csv": roster}).text
    assert "AI exposure of a workforce: 3 FTE in 2 roles" in page
    assert '<th scope="row">FTE</th><td>3 (0.5 to check, 0 left out)</td>' in page
    assert '<td class="num">2.5</td>' in page
    assert "Headcount is read from the &#39;FTE&#39; column as full-time equivalents" in page
    doc = client.post("/api/v1/workforce", json={"rows": [{"title": "Nurse", "fte": 0.5}]}).json()
    assert (doc["summary"]["headcount"], doc["summary"]["headcount_unit"]) == (0.5, "FTE")


def test_a_roster_too_large_to_send_again_gets_no_download_buttons(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sent again as UTF-8 with CRLF line breaks, a Latin-1 roster just under the limit could
    pass it: the page says what to run instead of offering a download that would fail."""
    from ai_impact.web import workforce

    roster = ("title,headcount\n" + "Accountant é,1\n" * 12).encode("latin-1")
    monkeypatch.setattr(workforce, "ROSTER_LIMIT", len(roster) + 1_000)
    page = client.post("/workforce", files={"roster": ("t.csv", roster, "text/csv")}).text
    assert '<form class="downloads"' not in page
    assert "This roster is too large to send again for a download" in page
    monkeypatch.setattr(workforce, "ROSTER_LIMIT", len(roster) + 2_000)
    page = client.post("/workforce", files={"roster": ("t.csv", roster, "text/csv")}).text
    assert '<form class="downloads"' in page


def test_page_names_merged_rows_and_writes_whole_full_time_people(client: TestClient) -> None:
    """QA: rows added together are said on the page; "6,000,000.0 full-time people" is not."""
    roster = "title,headcount\nData Entry Keyer,6000000\ndata entry keyer,4000000\n"
    r = client.post("/workforce", data={"csv": roster})
    assert r.status_code == 200
    text = html.unescape(r.text)
    assert (
        "<li>lines 2 and 3 are the same role ('Data Entry Keyer') and were added together: "
        "10,000,000 people.</li>"
    ) in text
    assert "— the work of 6,000,000 full-time people —" in text
    assert "(6,000,000 FTE)" in text and ".0 FTE" not in text
    over = client.post("/api/v1/workforce", content=roster.replace("4000000", "4000001"))
    assert over.status_code == 422
    assert "add up to 10,000,001 people, more than the 10,000,000" in over.json()["error"]


def test_page_safer_moves_show_the_hourly_pay_of_hourly_only_occupations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Dancers are paid only by the hour: the reskilling card says "$24.80 an hour"."""
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: HourlyMovesLibrary())
    page = TestClient(create_app(Settings())).post("/workforce", data={"csv": "title\nNurse\n"})
    assert page.status_code == 200
    cards = page.text.split('<h2 id="reskilling">', 1)[1].split("</ul>\n  </li>", 1)[0]
    moves = re.findall(r"<li>(.*?)</li>", cards)
    assert [re.sub(r"<[^>]+>", "", m) for m in moves] == [
        "Dancers — risk 2.2, $24.80 an hour",
        "Management Analysts — risk 3.1, $99,000",
    ]


def test_page_roles_show_market_pay_an_hour_with_one_escaped_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The roles table gives roster and market pay as the Markdown does: an occupation BLS pays
    only by the hour shows "$24.80 an hour" (the area on hover), never a year made from it, and
    one note under the table names it, escaped; the API's JSON carries the new key."""
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: HourlyMarketLibrary())
    client = TestClient(create_app(Settings()))
    roster = "title,headcount,annual_pay,location\nNurse,2,52000,<i>CA</i>\nAccountant,3,80000,\n"
    page = client.post("/workforce", data={"csv": roster})
    assert page.status_code == 200
    table = page.text.split('<h2 id="roles">', 1)[1].split("<h2", 1)[0]
    assert '<th scope="col" class="num">Pay: roster · market</th>' in table
    cells = re.findall(r'<td class="num">(\$[^<]*· (?:<span[^>]*>)?[^<]*)', table)
    assert cells == [
        '$52,000 · <span title="OEWS median, &lt;i&gt;CA&lt;/i&gt;">$24.80 an hour',
        '$80,000 · <span title="OEWS median, National">$50',
    ]
    assert "$51,584" not in page.text
    note = re.findall(r'<p class="small" id="market-note">(.*?)</p>', table)
    assert note == [
        "Market pay “an hour”: BLS publishes only hourly wages for &lt;b&gt;Dancers&lt;/b&gt;. "
        "It is not turned into a year&#39;s pay (2,080 hours would assume full-time work all "
        "year, which these jobs seldom are), so it is not compared with the roster&#39;s annual "
        "pay."
    ]
    assert "<b>" not in page.text and "<i>" not in page.text
    doc = client.post("/api/v1/workforce", content=roster).json()
    assert [r["pay"]["market_hourly_median"] for r in doc["roles"]] == [24.8, 40.0]


def test_page_has_no_market_note_when_every_market_pay_is_annual(client: TestClient) -> None:
    page = client.post("/workforce", data={"csv": ROSTER}).text
    assert 'id="market-note"' not in page
    assert "$80,000 · <span" in page


# -- QA11 ------------------------------------------------------------------------------------


def test_a_file_sent_in_the_csv_field_is_read_and_an_empty_form_names_the_fields(
    client: TestClient,
) -> None:
    """QA11: a file posted under ``csv`` (the API's text field) got "No roster received" on
    the page; both faces now read it, and a form with neither names the two fields."""
    sent = {"csv": ("t.csv", ROSTER.encode(), "text/csv")}
    page = client.post("/workforce", files=sent)
    assert page.status_code == 200
    assert "AI exposure of a workforce: 40 people in 4 roles" in page.text
    api = client.post("/api/v1/workforce", files=sent)
    assert api.status_code == 200 and api.json()["summary"]["headcount"] == 40
    empty = client.post("/workforce", files={"other": ("t.csv", b"x", "text/csv")})
    assert empty.status_code == 422
    assert (
        "No roster received: the form has no file (field &#39;roster&#39;) and no CSV text "
        "(field &#39;csv&#39;)."
    ) in empty.text
    body = client.post("/api/v1/workforce", data={"csv": "  "}).json()
    assert body["error"].startswith("No roster received: the form has no file (field 'roster')")


def test_page_marks_group_pay_and_says_when_no_median_is_published(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA11 M5: the roles table and the reskilling cards mark a SOC group's pay † (the group
    on hover) with the analysis's note under each; a withheld median says so under the table."""
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: GroupPayLibrary())
    roster = "title,headcount,annual_pay,location\nAccountant,3,30000,\nNurse,2,,CA\n"
    page = TestClient(create_app(Settings())).post("/workforce", data={"csv": roster}).text
    table = page.split('<h2 id="roles">', 1)[1].split("<h2", 1)[0]
    assert (
        '$30,000 · <span title="OEWS median, National">$31,200</span> '
        f'<span title="OEWS pay for {GROUP} as a whole">†</span>'
    ) in table
    assert '— · <span title="OEWS median, California">—</span></td>' in table
    notes = dict(re.findall(r'<p class="small" id="([a-z-]+)">(.*?)</p>', page))
    assert notes["shared-pay-note"] == (
        "† Pay OEWS publishes for a whole SOC group, which covers other O*NET occupations too: "
        f"{GROUP} for Accountants and Auditors (13-2011.00)."
    )
    assert notes["market-gap-note"] == (
        "Market pay “—”: OEWS publishes no median pay for Registered Nurses in California "
        "(national median: $29.05 an hour)."
    )
    assert notes["safer-pay-note"] == (
        "† Pay OEWS publishes for a whole SOC group, which covers other O*NET occupations too: "
        f"{MOVES_GROUP} for Management Analysts (13-1111.00)."
    )
    cards = page.split('<h2 id="reskilling">', 1)[1].split("</ul>", 1)[0]
    assert "Management Analysts</a> — risk 3.1, $99,000 <span" in cards


def test_page_shows_hourly_roster_pay_an_hour_beside_hourly_market_pay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA11 M6: the page gives both sides an hour, as the Markdown does, and the summary says
    payroll counts the rate as 2,080 hours a year."""
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: HourlyMarketLibrary())
    roster = "title,headcount,hourly_pay\nNurse,2,22\n"
    page = TestClient(create_app(Settings())).post("/workforce", data={"csv": roster}).text
    assert '$22.00 an hour · <span title="OEWS median, National">$24.80 an hour</span>' in page
    assert "$45,760" not in page
    assert (
        "<td>$91,520 (2 people; pay given by the hour counted as 2,080 hours a year)</td>"
    ) in page


def test_page_names_software_to_learn_as_software(monkeypatch: pytest.MonkeyPatch) -> None:
    """QA #3: the reskilling card said "Build: …, Apache Kafka, C"; names stay escaped."""
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: SoftwareLibrary())
    page = TestClient(create_app(Settings())).post("/workforce", data={"csv": "title\nNurse\n"})
    assert page.status_code == 200
    assert (
        "<p>Build “Operations Monitoring” and “Computers and &lt;Electronics&gt;”, and learn "
        "the software “Apache Kafka” and “C”.</p>"
    ) in page.text


def test_the_form_says_large_rosters_take_a_while_before_it_is_sent(client: TestClient) -> None:
    """QA #4: the note is in the page itself (no script needed); the script's texts are
    attributes, escaped as the page's other text."""
    form = client.get("/workforce").text
    assert (
        '<p class="small muted" id="roster-time">Large rosters take a while: the analysis runs '
        "about 5 seconds per 1,000 rows (about 25 seconds for 5,000), and the page shows the "
        "result when it is done. Keep this page open after pressing Analyze.</p>"
    ) in form
    assert '<button type="submit" aria-describedby="roster-time">Analyze</button>' in form
    assert 'data-busy="Analyzing…"' in form
    assert (
        'data-busy-note="Analyzing the roster; the result replaces this page. A large roster '
        'takes a while: about 5 seconds per 1,000 rows."'
    ) in form
    assert client.get("/static/app.js").text.count('querySelectorAll("form[data-busy]")') == 1
