"""Search-box suggestions: the prefix search (app.js ``searchIndex`` on the server) and
``/api/v1/suggest``, which lets it lead for a half-typed last word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import web_fakes as fake
from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings
from ai_impact.web.app import create_app
from ai_impact.web.prefix_search import PrefixIndex, fold, words_of

ENTRIES = [
    {"c": "15-2051.00", "t": "Data Scientists", "a": ["Machine Learning Engineer"], "p": [0.95]},
    {"c": "15-1243.00", "t": "Database Architects", "a": [], "p": []},
    {"c": "15-1252.00", "t": "Software Developers", "a": ["SWE", "Software Engineer"],
     "p": [0.99, 0.9]},
    {"c": "37-2011.00", "t": "Janitors and Cleaners", "a": ["Sweeper"], "p": [0.8]},
    {"c": "47-2152.00", "t": "Plumbers, Pipefitters, and Steamfitters", "a": ["Plumber"],
     "p": [0.85]},
    {"c": "15-2051.01", "t": "Business Intelligence Analysts", "a": [], "p": []},
    {"c": "29-1141.00", "t": "Registered Nurses", "a": ["Infirmière"], "p": [0.8]},
]  # fmt: skip


@pytest.fixture(scope="module")
def index() -> PrefixIndex:
    return PrefixIndex(ENTRIES)


def _titles(index: PrefixIndex, q: str) -> list[str]:
    return [m.title for m in index.search(q)]


def test_words_fold_case_and_accents() -> None:
    assert fold("Infirmière") == "infirmiere"
    assert words_of("Plumbers, Pipefitters-and  Steamfitters") == [
        "plumbers", "pipefitters", "and", "steamfitters"
    ]  # fmt: skip


def test_a_half_typed_word_matches_as_a_prefix(index: PrefixIndex) -> None:
    assert _titles(index, "data sci") == ["Data Scientists"]
    # "data" is a whole word of one title and the start of another's
    assert _titles(index, "data")[:2] == ["Data Scientists", "Database Architects"]
    assert _titles(index, "softw dev") == ["Software Developers"]


def test_other_names_match_and_are_named(index: PrefixIndex) -> None:
    first = index.search("machine lea")[0]
    assert (first.title, first.also_called) == ("Data Scientists", "Machine Learning Engineer")
    assert index.search("infirmiere")[0].title == "Registered Nurses"


def test_a_short_word_of_its_own_keeps_its_own_matches(index: PrefixIndex) -> None:
    """ "swe" is a name's word: Sweeper (a weak short prefix) is left out."""
    assert _titles(index, "swe") == ["Software Developers"]


def test_a_typo_is_a_weak_match_shown_when_nothing_matches_well(index: PrefixIndex) -> None:
    found = index.search("plumbr")
    assert [m.title for m in found] == ["Plumbers, Pipefitters, and Steamfitters"]
    assert found[0].weak and found[0].also_called == "Plumber"
    assert index.search("xyzzy") == [] and index.search("  ") == []


def test_a_typed_code_ranks_first(index: PrefixIndex) -> None:
    assert [m.code for m in index.search("15-2051")] == ["15-2051.00", "15-2051.01"]
    assert index.search("15-2051.01")[0].code == "15-2051.01"


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    fake.install(monkeypatch)
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def test_suggest_leads_with_prefix_matches_for_a_half_typed_word(client: TestClient) -> None:
    body = client.get("/api/v1/suggest", params={"q": "data sci"}).json()
    assert body["query"] == "data sci"
    first = body["candidates"][0]
    assert first == {
        "code": "15-2051.00",
        "title": "Data Scientists",
        "also_called": None,
        "confidence": None,  # a prefix match's score is no confidence
        "via": "prefix",
    }


def test_suggest_leads_with_a_near_certain_resolver_answer(client: TestClient) -> None:
    """The fake resolver knows "machine learning engineer" as an alias at 0.93."""
    cands = client.get("/api/v1/suggest", params={"q": "machine learning engineer"}).json()
    first = cands["candidates"][0]
    assert (first["code"], first["confidence"], first["via"]) == ("15-2051.00", 0.93, "alias")


def test_suggest_checks_its_parameters(client: TestClient) -> None:
    assert client.get("/api/v1/suggest", params={"q": "nur", "top": 1}).json()["candidates"]
    for params in ({"q": ""}, {"q": "nurse", "top": 0}, {"q": "nurse", "top": 21}):
        res = client.get("/api/v1/suggest", params=params)
        assert res.status_code == 422 and res.json()["ok"] is False, params


def test_pages_ask_suggest_for_their_suggestions(client: TestClient) -> None:
    assert 'data-suggest="/api/v1/suggest"' in client.get("/").text


# The served site over the real knowledge base: what a user means by a half-typed title, and
# whole titles, typos and codes kept as the resolver answered them.
EXPECTED = [
    ("data sci", "15-2051.00"),
    ("mech eng", "17-2141.00"),
    ("reg nur", "29-1141.00"),
    ("acc", "13-2011.00"),
    ("softw dev", "15-1252.00"),
    ("elec", "47-2111.00"),
    ("registered nurse", "29-1141.00"),
    ("acountant", "13-2011.00"),
    ("15-2051", "15-2051.00"),
    ("15205100", "15-2051.00"),
]


@pytest.fixture(scope="module")
def real(settings: Settings, kb: KnowledgeBase) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize(("q", "code"), EXPECTED)
def test_real_suggestions(real: TestClient, q: str, code: str) -> None:
    cands = real.get("/api/v1/suggest", params={"q": q}).json()["candidates"]
    assert cands[0]["code"] == code, [c["title"] for c in cands]
    assert 1 <= len(cands) <= 6 and len({c["code"] for c in cands}) == len(cands)


def test_real_prefix_search_agrees_with_the_exports_browser_test(real: TestClient) -> None:
    """The cases tests/browser/test_site_real.py checks in app.js, on the server's port."""
    index = real.app.state.suggester.index()  # type: ignore[attr-defined]
    assert [m.title for m in index.search("swe")] == ["Software Developers", "Computer Programmers"]
    assert index.search("plumbr")[0].title == "Plumbers, Pipefitters, and Steamfitters"
    assert index.search("dta entry")[0].title == "Data Entry Keyers"
    assert [m.title for m in index.search("15-2051")][:3] == [
        "Data Scientists", "Business Intelligence Analysts", "Clinical Data Managers"
    ]  # fmt: skip
