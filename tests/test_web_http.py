"""HTTP behaviour of the web face: HEAD, 405 with ``Allow``, 415, hints in web words, the
compare form and its choices, and what the OpenAPI document declares about them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import web_fakes as fake
from ai_impact.errors import NotFoundError
from ai_impact.titles.resolver import Candidate, Resolution
from ai_impact.web.messages import web_text

DS = "15-2051.00"
RN = "29-1141.00"


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    yield from fake.client(monkeypatch)


# -- HEAD and 405 ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/", f"/occupation/{DS}", "/api/v1/occupations", "/healthz", "/docs", "/openapi.json",
     "/static/style.css", "/compare", "/industry/technology", "/api/v1/resolve?q=nurse"],
)  # fmt: skip
def test_head_answers_as_get_without_a_body(client: TestClient, url: str) -> None:
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code == 200, url
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == got.headers["content-length"]  # gzipped or not


def test_head_of_a_missing_page_is_its_404(client: TestClient) -> None:
    head = client.head("/occupation/99-0000.00")
    assert head.status_code == 404 and head.content == b""


@pytest.mark.parametrize(
    ("method", "url", "allow"),
    [
        ("POST", "/api/v1/occupations", "GET, HEAD"),
        ("DELETE", f"/api/v1/occupations/{DS}", "GET, HEAD"),
        ("GET", "/api/v1/workforce", "POST"),
        ("HEAD", "/api/v1/analyze-description", "POST"),
        ("PUT", "/describe", "GET, HEAD, POST"),  # two routes on one path: both counted
        ("POST", "/", "GET, HEAD"),
        ("PATCH", "/openapi.json", "GET, HEAD"),
        ("POST", "/static/style.css", "GET, HEAD"),
    ],
)
def test_every_405_says_which_methods_the_path_takes(
    client: TestClient, method: str, url: str, allow: str
) -> None:
    r = client.request(method, url)
    assert r.status_code == 405 and r.headers["allow"] == allow
    if url.startswith("/api/") and method != "HEAD":
        path = url.split("?")[0]
        assert r.json() == {
            "ok": False,
            "error": f"{path} does not take {method}; it takes {allow}.",
            "status": 405,
        }


# -- 415 -------------------------------------------------------------------------------------


def test_a_description_that_is_not_json_is_a_415(client: TestClient) -> None:
    for headers in ({"content-type": "text/plain"}, {}):
        r = client.post("/api/v1/analyze-description", content=b"Write code", headers=headers)
        assert r.status_code == 415
        body = r.json()
        assert body["status"] == 415 and "b'" not in body["error"]
        assert body["error"].startswith(
            "POST /api/v1/analyze-description takes a body of type application/json; this one "
        )
        assert r.headers["accept"] == "application/json"
    plain = client.post(
        "/api/v1/analyze-description", content=b"x", headers={"content-type": "text/plain"}
    )
    assert "this one was sent as text/plain." in plain.json()["error"]


def test_a_roster_in_xml_is_a_415_naming_the_accepted_types(client: TestClient) -> None:
    r = client.post(
        "/api/v1/workforce",
        content=b"<roster><row title='Nurse'/></roster>",
        headers={"content-type": "application/xml; charset=utf-8"},
    )
    assert r.status_code == 415
    assert r.json()["error"].startswith(
        "POST /api/v1/workforce takes a body of type text/csv, application/json, "
        "multipart/form-data or application/x-www-form-urlencoded; this one was sent as "
        "application/xml."
    )
    assert "text/csv" in r.headers["accept"]


def test_documented_body_types_still_reach_the_routes(client: TestClient) -> None:
    """A JSON description with a charset, and a roster's CSV, are read (not a 415)."""
    r = client.post(
        "/api/v1/analyze-description",
        content=b'{"text": "x", "surprise": 1}',
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert r.status_code == 422 and "unknown key 'surprise'" in r.json()["error"]
    for ctype in ("text/csv", "application/json", None):
        headers = {"content-type": ctype} if ctype else {}
        roster = client.post("/api/v1/workforce", content=b"", headers=headers)
        assert roster.status_code != 415, ctype


# -- hints in web words ----------------------------------------------------------------------


def test_web_text_swaps_cli_hints_for_routes_or_pages() -> None:
    cli = "No occupation has code 'x'. Codes look like 15-2051.00 or 15-2051; list them with "
    text = cli + "`ai-impact occupations --format csv`."
    assert web_text(text, api=True) == cli + "/api/v1/occupations."
    assert web_text(text, {"occupations": "/p/occupations"}, api=False) == (
        cli + "the list of every occupation (/p/occupations)."
    )
    industries = "No industry has the slug 'x'. List them with `api.industries()`."
    assert web_text(industries, api=True).endswith("List them with /api/v1/industries.")
    assert web_text("Pick it. Run again with one of the codes.", api=False) == (
        "Pick it. Pick one of the occupations below."
    )
    assert web_text("Nothing to swap.", api=True) == "Nothing to swap."


def test_api_and_pages_give_web_hints(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from ai_impact import api

    def missing(code: str, **_: object) -> None:
        raise NotFoundError(
            f"No occupation has code {code!r}.",
            hint="Codes look like 15-2051.00 or 15-2051; list them with "
            "`ai-impact occupations --format csv`.",
        )

    monkeypatch.setattr(api, "report_for", missing)
    body = client.get("/api/v1/occupations/99-0000.00").json()
    assert body["error"].endswith("list them with /api/v1/occupations.")
    page = client.get("/occupation/99-0000.00").text
    assert "list them with the list of every occupation (/occupations)." in page
    assert "ai-impact occupations" not in page and "ai-impact occupations" not in body["error"]


def test_resolve_rounds_confidence_and_words_its_message_for_the_web(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ai_impact import api

    def resolve(text: str, top: int = 5, **_: object) -> Resolution:
        cands = (
            Candidate(DS, "15-2051", "Data Scientists", 1.0, "code"),
            Candidate("15-2051.01", "15-2051", "Business Intelligence Analysts", 1 / 3, "code"),
        )
        note = "Check it; `ai-impact occupations` lists every code."
        return Resolution(text, text, cands[:top], False, None, note)

    monkeypatch.setattr(api, "resolve_title", resolve)
    body = client.get("/api/v1/resolve", params={"q": "15-2051", "top": 2}).json()
    assert [c["confidence"] for c in body["candidates"]] == [1.0, 0.3333]
    assert body["message"] == "Check it; /api/v1/occupations lists every code."


# -- compare: choices keep the comparison, and a form to pick occupations ---------------------


def _cand_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)" class="cand">', html)


def test_an_ambiguous_entry_links_to_comparisons_that_keep_the_others(
    client: TestClient,
) -> None:
    r = client.get("/compare", params={"codes": f"{DS},clerk or nurse"})
    assert r.status_code == 300
    assert _cand_links(r.text) == [
        f"/compare?codes={DS},43-3031.00",
        f"/compare?codes={DS},{RN}",
    ]
    assert "“clerk or nurse” could mean several occupations." in r.text
    assert "the other occupations stay in the comparison" in r.text
    assert "Run again" not in r.text
    # The form keeps both entries, the ambiguous one in its own box.
    assert f'id="cmp-1" name="codes" type="text" value="{DS}"' in r.text
    assert 'id="cmp-2" name="codes" type="text" value="clerk or nurse"' in r.text
    chosen = client.get(_cand_links(r.text)[1])
    assert chosen.status_code == 200 and 'id="fig-compare"' in chosen.text


def test_compare_without_codes_is_the_form(client: TestClient) -> None:
    r = client.get("/compare")
    assert r.status_code == 200
    form = re.search(r'<form class="area compare-form" action="/compare" method="get">.*?</form>',
                     r.text, re.S)  # fmt: skip
    assert form is not None
    assert form.group(0).count('name="codes"') == 4 and "<script" not in form.group(0)
    assert 'type="submit">Compare</button>' in form.group(0)


def test_the_compare_form_submits_boxes_or_commas(client: TestClient) -> None:
    """The browser sends one ``codes`` per box, empty ones too; a box may hold a list."""
    boxes = client.get("/compare", params=[("codes", DS), ("codes", " nurse "), ("codes", "")])
    assert boxes.status_code == 200
    assert "Data Scientists" in boxes.text and "Registered Nurses" in boxes.text
    assert 'value="nurse"' in boxes.text and "Compare other occupations" in boxes.text
    commas = client.get("/compare", params=[("codes", f"{DS}, {RN}"), ("codes", "")])
    assert commas.status_code == 200 and 'id="fig-compare"' in commas.text


def test_compare_errors_keep_what_was_typed_escaped(client: TestClient) -> None:
    hostile = "<i>xyzzy</i>"
    unknown = client.get("/compare", params={"codes": f"{DS},{hostile}"})
    assert unknown.status_code == 404
    assert hostile not in unknown.text
    assert 'value="&lt;i&gt;xyzzy&lt;/i&gt;"' in unknown.text
    assert "No occupation matches" in unknown.text and 'role="alert"' in unknown.text
    many = client.get("/compare", params={"codes": "a,b,c,d,e"})
    assert many.status_code == 422
    assert "got 5. Leave out some of them." in many.text
    assert 'id="cmp-4" name="codes" type="text" value="d, e"' in many.text  # none is lost


def test_the_static_compare_page_has_no_form(client: TestClient) -> None:
    from ai_impact.render.html import StaticLinks, compare_page

    page = compare_page([fake.REPORTS[DS], fake.REPORTS[RN]], StaticLinks("../"))
    assert "compare-form" not in page and 'id="fig-compare"' in page


# -- the home page's examples ----------------------------------------------------------------


def test_served_home_offers_the_curated_examples(client: TestClient) -> None:
    html = client.get("/").text
    for example in ("Registered%20nurse", "Accountant", "Software%20developer", "Teacher"):
        assert f'href="/search?q={example}"' in html


# -- what the OpenAPI document declares ------------------------------------------------------


def test_openapi_declares_what_the_routes_do(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    # resolve: nothing matching is 200 with no candidates, never 404
    assert set(paths["/api/v1/resolve"]["get"]["responses"]) == {"200", "422"}
    assert "404" in paths["/api/v1/occupations/{code}"]["get"]["responses"]
    # /healthz is an operation with its schema
    health = paths["/healthz"]["get"]["responses"]["200"]["content"]["application/json"]
    assert health["schema"] == {"$ref": "#/components/schemas/Health"}
    assert client.get("/healthz").json()["ok"] is True
    # 415 on the routes that take a body, not on the others
    for path in ("/api/v1/analyze-description", "/api/v1/workforce"):
        assert "415" in paths[path]["post"]["responses"], path
    assert "415" not in paths["/api/v1/occupations/{code}"]["get"]["responses"]
    # 405, which any path may answer, is declared once with its Allow header
    not_allowed = spec["components"]["responses"]["MethodNotAllowed"]
    assert "Allow" in not_allowed["headers"] and "405" in spec["info"]["description"]
    assert "HEAD works wherever GET does" in spec["info"]["description"]
    # the roster rows' text limits, as the roster rules enforce them
    row = spec["components"]["schemas"]["RowIn"]["properties"]
    assert row["title"]["maxLength"] == 200
    for key in ("team", "location"):
        assert {"type": "string", "maxLength": 200} in row[key]["anyOf"]


def test_openapi_says_the_units_of_openings_and_employment(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    row = schemas["OccupationRow"]["properties"]["openings_annual"]["description"]
    outlook = schemas["Outlook"]["properties"]
    assert "in people" in row and "in thousands" in outlook["openings_annual"]["description"]
    for key in ("employment_2024", "employment_2034", "employment_change_num"):
        assert "thousands" in outlook[key]["description"], key


def test_options_is_a_405_naming_the_methods_and_no_cors(client: TestClient) -> None:
    """The API sends no CORS headers: an OPTIONS (a browser's preflight too) is the 405 of any
    method a path does not take, with ``Allow``."""
    r = client.options(
        "/api/v1/resolve?q=nurse",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert (r.status_code, r.headers["allow"]) == (405, "GET, HEAD")
    assert r.json() == {
        "ok": False,
        "error": "/api/v1/resolve does not take OPTIONS; it takes GET, HEAD.",
        "status": 405,
    }
    assert not any(h.startswith("access-control-") for h in r.headers)


# -- compression -----------------------------------------------------------------------------


def test_answers_of_a_kilobyte_or_more_are_gzipped_for_clients_that_take_it(
    client: TestClient,
) -> None:
    page = f"/occupation/{DS}"
    plain = client.get(page, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    packed = client.get(page, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.headers["vary"] == "Accept-Encoding"
    assert packed.text == plain.text  # the client unpacks it
    assert int(packed.headers["content-length"]) < len(plain.content) / 3
    small = client.get("/healthz", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers  # under 1 KB: sent as it is
