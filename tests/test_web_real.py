"""The web face over the real knowledge base: pages answer, and the API is the report JSON."""

from __future__ import annotations

import json
import re
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


def test_sources_give_rows_only_for_the_files_loaded(client: TestClient, kb: KnowledgeBase) -> None:
    """QA: pinned files the build does not load were listed with "Rows 0"."""
    html = client.get("/sources").text

    def row(file: str) -> str:
        return html.split(f'<td class="code">{file}</td>', 1)[1].split("</tr>", 1)[0]

    loaded = {s.file: s.rows for s in kb.sources() if s.not_loaded is None}
    assert loaded and all(rows > 0 for rows in loaded.values())
    tasks = "onet/30.3/task_statements.csv.gz"
    assert f'<td class="num">{loaded[tasks]:,}</td>' in row(tasks)
    for file, why in (
        ("adoption/btos_national_response_estimates.csv.gz", "kept with the data for reference"),
        ("bls/ep_2024_34_table_1_10.csv.gz", "kept with the data for reference"),
        ("labels/gpts-are-gpts/occ_level.csv.gz", "read by the scripts that train"),
        ("onet/29.3/iwa_reference.csv.gz", "read by the checks of the tool and certification"),
    ):
        assert f"— not loaded as rows: {why}" in row(file), file
    assert '<td class="num">0</td>' not in html


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


def test_industry_descriptions_come_from_the_catalogue(client: TestClient) -> None:
    """API, page and (through the same ``api.industries``) the export carry the catalogue's text."""
    from ai_impact.db.files import INDUSTRY_CATALOG
    from ai_impact.sources.industries import load_industries

    settings = client.app.state.settings  # type: ignore[attr-defined]
    catalog = load_industries(settings.data_dir / INDUSTRY_CATALOG)
    expected = {i.slug: i.description for i in catalog.industries}
    got = {
        i["slug"]: i["description"] for i in client.get("/api/v1/industries").json()["industries"]
    }
    assert got == {slug: expected[slug] for slug in got} and all(got.values())
    tech = expected["technology"]
    assert client.get("/api/v1/industries/technology").json()["industry"]["description"] == tech
    assert f'<p class="lead">{tech}</p>' in client.get("/industry/technology").text
    assert {i.slug: i.description for i in api.industries(settings=settings)} == got


def test_openings_are_people_in_the_table_and_thousands_in_the_report(
    client: TestClient,
) -> None:
    """The documented units: the same BLS figure, ×1000 in the table."""
    row = next(
        r for r in client.get("/api/v1/occupations").json()["occupations"] if r["code"] == DS
    )
    outlook = client.get(f"/api/v1/occupations/{DS}").json()["outlook"]
    assert row["openings_annual"] == round(outlook["openings_annual"] * 1000)
    assert outlook["employment_2034"] - outlook["employment_2024"] == pytest.approx(
        outlook["employment_change_num"], abs=0.11
    )


def test_errors_give_web_hints_not_cli_ones(client: TestClient) -> None:
    body = client.get("/api/v1/occupations/99-9999.00").json()
    assert body["error"] == (
        "No occupation has code '99-9999.00'. Codes look like 15-2051.00 or 15-2051; list them "
        "with /api/v1/occupations."
    )
    industry = client.get("/api/v1/industries/nope").json()["error"]
    assert industry == "No industry has the slug 'nope'. List them with /api/v1/industries."
    page = client.get("/industry/nope").text
    assert "List them with the industries page (/industries)." in page
    assert "api.industries()" not in page
    area = client.get(f"/api/v1/occupations/{DS}", params={"area": "Brooklyn"}).json()["error"]
    assert "  " not in area and area.startswith("No OEWS area matches 'Brooklyn'. Use a state")


@pytest.mark.parametrize(
    ("area", "name"),
    [("Boise", "Boise City, ID"), ("Boise, ID", "Boise City, ID"),
     ("Honolulu", "Urban Honolulu, HI"), ("NYC", "New York-Newark-Jersey City, NY-NJ"),
     ("New York City", "New York-Newark-Jersey City, NY-NJ")],
)  # fmt: skip
def test_common_cities_name_their_pay_area(client: TestClient, area: str, name: str) -> None:
    r = client.get(f"/api/v1/occupations/{DS}", params={"area": area})
    assert r.status_code == 200, r.text
    assert r.json()["salary"]["area"] == name


def test_resolve_rounds_confidence_to_four_decimals(client: TestClient) -> None:
    body = client.get("/api/v1/resolve", params={"q": "15-2051", "top": 2}).json()
    assert [c["confidence"] for c in body["candidates"]] == [1.0, 0.3333]
    nothing = client.get("/api/v1/resolve", params={"q": "asdfghjkl qwrtzp"})
    assert nothing.status_code == 200 and nothing.json()["candidates"] == []


def test_an_ambiguous_compare_entry_keeps_the_comparison(client: TestClient) -> None:
    r = client.get("/compare", params={"codes": "manager,nurse"})
    assert r.status_code == 300
    links = re.findall(r'<a href="([^"]*)" class="cand">', r.text)
    best = api.resolve_title("manager").candidates[0].code  # the resolver's first reading
    assert links[0] == f"/compare?codes={best},nurse"
    assert all(x.startswith("/compare?codes=") and x.endswith(",nurse") for x in links)
    main = r.text.split('<main id="main"')[1].split("</main>")[0]
    assert "Run again" not in main and "ai-impact " not in main
    assert client.get(links[0]).status_code == 200


def test_occupation_tables_show_hourly_pay_and_mark_group_figures(
    client: TestClient, kb: KnowledgeBase
) -> None:
    """Actors are paid only by the hour: the table shows their national hourly median, as
    their page does; Media Technical Directors show Producers and Directors' pay † and
    projection ‡ (27-2012), with the group on each mark and one note under the table."""
    actors, directors = "27-2011.00", "27-2012.05"
    wage = kb.wage(actors)
    assert wage is not None and wage.annual_median is None and wage.hourly_median
    rows = {r["code"]: r for r in client.get("/api/v1/occupations").json()["occupations"]}
    assert (rows[actors]["median_annual"], rows[actors]["hourly_median"]) == (
        None,
        wage.hourly_median,
    )
    assert rows[actors]["pay_group"] is None
    assert rows[directors]["pay_group"] == "SOC 27-2012 (Producers and Directors)"
    # The same group, named the same way for its pay and its projection.
    assert rows[directors]["projection_group"] == rows[directors]["pay_group"]
    own = client.get(f"/api/v1/occupations/{directors}").json()
    assert own["salary"]["pay_group"] == rows[directors]["pay_group"]
    assert own["outlook"]["projection_group"] == rows[directors]["projection_group"]
    for url in ("/occupations", "/industry/creative-media"):
        page = client.get(url).text

        def cells(code: str, page: str = page) -> str:
            return page.split(f'<span class="code">{code}</span>', 1)[1].split("</tr>", 1)[0]

        assert f'<td class="num" data-v="">${wage.hourly_median:,.2f} an hour</td>' in cells(actors)
        marked = cells(directors)
        assert (
            '<span title="OEWS pay for SOC 27-2012 (Producers and Directors) as a whole">†</span>'
        ) in marked
        assert (
            '<span title="BLS projects SOC 27-2012 (Producers and Directors) as a whole">‡</span>'
            in (marked)
        )
        assert len(re.findall(r'<p class="small" id="table-note">', page)) == 1
    marked_rows = sum(1 for r in rows.values() if r["pay_group"] or r["projection_group"])
    all_page = client.get("/occupations").text
    assert all_page.count("†</span>") + all_page.count("‡</span>") >= marked_rows


def test_digits_search_and_resolve_as_the_cli_reads_them(client: TestClient) -> None:
    """Eight digits are the O*NET-SOC code; seven are no code, and the answer says so."""
    r = client.get("/search?q=15205100", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, f"/occupation/{DS}")
    r = client.get("/search?q=1520511")
    assert r.status_code == 404
    assert (
        "&#39;1520511&#39; looks like a code but is none: an O*NET-SOC code has the form "
        "15-2051.00, a SOC code 15-2051. Check it, or type a job title; the list of every "
        "occupation (/occupations) lists every code."
    ) in r.text
    body = client.get("/api/v1/resolve?q=1520511").json()
    assert (body["candidates"], body["message"]) == (
        [],
        "'1520511' looks like a code but is none: an O*NET-SOC code has the form 15-2051.00, "
        "a SOC code 15-2051. Check it, or type a job title; /api/v1/occupations lists every code.",
    )
    assert client.get("/api/v1/resolve?q=15205100").json()["candidates"][0]["code"] == DS
