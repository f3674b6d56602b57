"""What a page is called and how it is outlined: titles, headings, landmarks, match words.

Against the in-memory fake facade (``tests/web_fakes.py``). A browser tab, a bookmark and a
screen reader's list of pages read the ``<title>``; its list of headings reads the outline.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import web_fakes as fake
from ai_impact.render.html import sorted_by

PAGES = [
    "/",
    "/search?q=xyzzy",
    "/search?q=clerk%20or%20nurse",
    "/occupation/15-2051.00",
    "/analysis?q=nurse",
    "/compare",
    "/compare?codes=15-2051.00,29-1141.00",
    "/compare?codes=15-2051.00",
    "/compare?codes=15-2051.00,clerk%20or%20nurse",
    "/industries",
    "/industry/technology",
    "/occupations",
    "/methodology",
    "/sources",
    "/describe",
    "/workforce",
    "/docs",
    "/nope",
]


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    yield from fake.client(monkeypatch)


def _title(html: str) -> str:
    found = re.search(r"<title>([^<]*) · ai-impact</title>", html)
    assert found, "no <title>"
    return found.group(1).replace("&#34;", '"')


@pytest.mark.parametrize("path", PAGES)
def test_one_h1_first_and_no_heading_level_skipped(client: TestClient, path: str) -> None:
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", client.get(path).text)]
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels


def test_no_match_page_names_the_title_searched(client: TestClient) -> None:
    """QA: three different failed searches were all called "No match"."""
    r = client.get("/search", params={"q": "xyzzy"})
    assert r.status_code == 404
    assert _title(r.text) == "No match for “xyzzy”"
    assert "<h1>No match for “xyzzy”</h1>" in r.text
    hostile = client.get("/search", params={"q": "<b>x</b>"}).text
    assert "<title>No match for “&lt;b&gt;x&lt;/b&gt;” · ai-impact</title>" in hostile


def test_a_form_sent_back_with_an_error_says_so_in_its_title(client: TestClient) -> None:
    """The title of a form returned with an error is not the blank form's title."""
    assert _title(client.get("/compare").text) == "Compare occupations"
    wrong = client.get("/compare", params={"codes": "15-2051.00"})
    assert wrong.status_code == 422 and _title(wrong.text) == "Error: Compare occupations"
    choose = client.get("/compare", params={"codes": "15-2051.00,clerk or nurse"})
    assert choose.status_code == 300
    assert _title(choose.text) == "Which “clerk or nurse”? Compare occupations"
    assert _title(client.get("/workforce").text) == "Analyze a team roster"
    bad = client.post("/workforce", data={"csv": "name,age\nbob,3\n"})
    assert bad.status_code == 422 and _title(bad.text) == "Error: Analyze a team roster"


def test_each_order_of_a_table_has_a_title_of_its_own(client: TestClient) -> None:
    titles = {
        _title(client.get("/occupations", params={"sort": s, "order": o}).text)
        for s in ("risk", "pay", "outlook", "title")
        for o in ("asc", "desc")
    }
    assert len(titles) == 8
    assert _title(client.get("/occupations").text) == "All occupations"
    pay = client.get("/occupations", params={"sort": "pay", "order": "asc"}).text
    assert _title(pay) == "All occupations, by median pay, lowest first"
    title_sorted = client.get("/industry/technology", params={"sort": "title"}).text
    assert _title(title_sorted) == "AI impact on Technology occupations, by title, A to Z"
    assert sorted_by("risk", "desc") == ""
    assert sorted_by("outlook", "desc") == ", by outlook, highest first"


def test_candidates_say_in_words_how_they_matched(client: TestClient) -> None:
    """ "via fuzzy", "via semantic" were the resolver's internal names."""
    page = client.get("/search", params={"q": "clerk or nurse"}).text
    assert "50% match · after a spelling fix" in page
    assert "via fuzzy" not in page
    choose = client.get("/compare", params={"codes": "15-2051.00,clerk or nurse"}).text
    assert "48% match · after a spelling fix" in choose


@pytest.mark.parametrize("path", ["/", "/search?q=xyzzy", "/nope"])
def test_two_search_forms_are_told_apart(client: TestClient, path: str) -> None:
    """A page with its own search box beside the header's has two search landmarks; the
    header's is named, so a screen reader's landmark list can tell them apart."""
    forms = re.findall(r"<form\b[^>]*role=\"search\"[^>]*>", client.get(path).text)
    assert len(forms) == 2
    names = [re.search(r'aria-label="([^"]*)"', f) for f in forms]
    assert [n.group(1) if n else None for n in names] == ["Site search", None]
