"""A typed title whose occupation is a best guess says so, and names the others: the library
(titles/best_guess.py, the report's ``header.match``), Markdown, HTML, JSON, the CLI's note
and the web search (the picker instead of a redirect). Also the alias table's AI-era titles
and the near-miss spelling fix ("kindergarden")."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ai_impact import api
from ai_impact.cli.app import _register, app
from ai_impact.db import KnowledgeBase
from ai_impact.render import RENDERERS
from ai_impact.reports import figures as fx
from ai_impact.reports.model import OccupationReport
from ai_impact.reports.serialize import report_to_dict
from ai_impact.settings import Settings
from ai_impact.titles import Candidate, Resolution, Resolver
from ai_impact.titles.best_guess import (
    BEST_GUESS_CONFIDENCE,
    alternatives,
    is_best_guess,
    match_confidence,
    page_basis,
)
from ai_impact.web.app import create_app

_register()
runner = CliRunner()
WRITERS = "27-3043.00"  # Writers and Authors
EDITORS, DATA_ENTRY = "27-3041.00", "43-9021.00"
SOFTWARE, TECH_WRITERS = "15-1252.00", "27-3042.00"
KINDERGARTEN = "25-2012.00"


def _res(*cands: tuple[str, float, str]) -> Resolution:
    built = tuple(Candidate(code, code[:7], f"Occupation {code}", c, via) for code, c, via in cands)
    return Resolution("typed", "typed", built, built[0].confidence < 0.5, None, None)


# -- the rule, on its own --------------------------------------------------------------------


def test_a_lone_candidate_under_the_threshold_is_a_best_guess_with_the_next_ones() -> None:
    res = _res(
        ("11-1011.00", 0.65, "semantic"),
        ("11-1021.00", 0.19, "semantic"),
        ("11-2011.00", 0.1, "exact"),
        ("11-2021.00", 0.05, "semantic"),
        ("11-3011.00", 0.03, "semantic"),
    )
    assert is_best_guess(res) and match_confidence(res) == 0.65
    assert [c.code for c in alternatives(res)] == ["11-1021.00", "11-2011.00", "11-2021.00"]


def test_noise_is_no_alternative_and_a_sure_match_is_no_guess() -> None:
    res = _res(("11-1011.00", 0.97, "exact"), ("11-1021.00", 0.01, "semantic"))
    assert not is_best_guess(res) and alternatives(res) == ()
    assert is_best_guess(_res(("11-1011.00", 0.79, "exact")))  # an exact title too
    assert is_best_guess(_res(("11-1011.00", BEST_GUESS_CONFIDENCE - 0.0001, "exact")))
    assert not is_best_guess(_res(("11-1011.00", BEST_GUESS_CONFIDENCE, "exact")))


def test_a_blend_counts_its_occupations_together() -> None:
    """An alias title resting on two occupations (0.58 + 0.37) is sure of its blend; a third
    under a quarter of the lead is left out of it and offered as an alternative."""
    res = _res(
        ("15-1252.00", 0.58, "alias"), ("27-3042.00", 0.37, "alias"), ("15-2051.00", 0.03, "alias")
    )
    assert [c.code for c in page_basis(res)] == ["15-1252.00", "27-3042.00"]
    assert match_confidence(res) == 0.95 and not is_best_guess(res)
    assert [c.code for c in alternatives(res)] == ["15-2051.00"]


def test_a_code_is_never_a_guess() -> None:
    assert not is_best_guess(_res(("15-2051.00", 0.5, "code")))


# -- the resolver: alias table and spelling ----------------------------------------------------


def test_kindergarden_reads_as_kindergarten(resolver: Resolver) -> None:
    """The near-miss word is one letter from "kindergarten": it was split into "kinder garden"
    (Kindergarten Teachers at 0.14, an ambiguity error listing agricultural teachers)."""
    res = resolver.resolve("kindergarden teacher")
    assert res.respelled == (("kindergarden", "kindergarten"),)
    assert res.candidates[0].code == KINDERGARTEN and res.candidates[0].confidence >= 0.9
    assert not res.needs_choice and not is_best_guess(res)
    assert resolver._speller._near_miss("kindergarden") == "kindergarten"
    assert resolver._speller._near_miss("tellerr") is None  # under 8 letters: not guessed


def test_ai_trainers_write_and_judge_text(resolver: Resolver) -> None:
    """RLHF raters write and judge model answers: Editors with Writers and Authors; labelling
    data stays Data Entry Keyers."""
    for title in ("AI trainer", "AI data trainer", "RLHF rater"):
        res = resolver.resolve(title)
        assert res.candidates[0].code == EDITORS, title
        assert res.alias_note and res.alias_note.startswith("AI Trainer:")
        assert DATA_ENTRY not in {c.code for c in page_basis(res)}
    assert {c.code for c in page_basis(resolver.resolve("RLHF rater"))} == {EDITORS, WRITERS}
    # "AI trainer" alone leans to Editors, under the threshold: a best guess naming Writers
    trainer = resolver.resolve("AI trainer")
    assert is_best_guess(trainer) and WRITERS in [c.code for c in alternatives(trainer)]
    assert resolver.resolve("data annotator").candidates[0].code == DATA_ENTRY


def test_a_prompt_engineer_rests_on_software_and_technical_writing(resolver: Resolver) -> None:
    res = resolver.resolve("prompt engineer")
    assert [c.code for c in page_basis(res)] == [SOFTWARE, TECH_WRITERS]
    assert not is_best_guess(res)


# -- the report, every format ------------------------------------------------------------------


@pytest.fixture(scope="module")
def writer(kb: KnowledgeBase, settings: Settings) -> OccupationReport:
    """'Writer': Poets, Lyricists and Creative Writers at about 0.65, Writers and Authors next."""
    return api.analyze("Writer", settings=settings)


def test_the_report_carries_the_match(writer: OccupationReport, settings: Settings) -> None:
    m = writer.header.match
    assert m is not None and m.best_guess
    assert 0.5 <= m.confidence < BEST_GUESS_CONFIDENCE
    assert WRITERS in [a.code for a in m.alternatives] and writer.header.code != WRITERS
    assert 1 <= len(m.alternatives) <= 3
    assert api.analyze("27-3043.00", settings=settings).header.match is None
    sure = api.analyze("Accountant", settings=settings).header.match
    assert sure is not None and not sure.best_guess and sure.confidence >= 0.8


def test_markdown_says_best_guess_and_names_the_others(writer: OccupationReport) -> None:
    md = RENDERERS["md"](writer)
    m = writer.header.match
    assert m is not None
    line = next(x for x in md.splitlines() if "Best guess" in x)
    assert line.startswith(f"> **Best guess ({fx.pct(m.confidence)} match) for “Writer”.**")
    assert f"Writers and Authors ({WRITERS}, {fx.pct(m.alternatives[0].confidence)})" in line
    assert "You asked for" not in md


def test_html_banner_links_the_others(writer: OccupationReport) -> None:
    page = RENDERERS["html"](writer)
    assert 'id="best-guess"' in page and "Matched from" not in page
    m = writer.header.match
    assert m is not None
    assert f"Best guess ({fx.pct(m.confidence)} match) for “Writer”." in page


def test_json_adds_match_and_keeps_the_contract(writer: OccupationReport) -> None:
    d = report_to_dict(writer)
    occ = d["occupation"]
    assert {"code", "soc", "title", "resolved_from", "rests_on", "rests_on_note"} <= set(occ)
    assert occ["match"]["best_guess"] is True
    alt = occ["match"]["alternatives"][0]
    assert set(alt) == {"code", "soc", "title", "confidence"} and alt["code"] == WRITERS


# -- the CLI -----------------------------------------------------------------------------------


def _env(settings: Settings) -> dict[str, str]:
    return {"AI_IMPACT_CACHE_DIR": str(settings.cache_dir)}


def test_cli_notes_a_best_guess_on_stderr(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["analyze", "Writer"], env=_env(settings))
    assert res.exit_code == 0, res.output
    assert res.stderr.startswith("note: best guess (") and res.stderr.count("\n") == 1
    assert f"{WRITERS} Writers and Authors" in res.stderr
    assert "Best guess (" in res.stdout and "note:" not in res.stdout
    as_json = runner.invoke(app, ["analyze", "Writer", "-f", "json"], env=_env(settings))
    assert json.loads(as_json.stdout)["occupation"]["match"]["best_guess"] is True


def test_cli_is_quiet_for_a_sure_match(kb: KnowledgeBase, settings: Settings) -> None:
    for query in ("Accountant", "kindergarden teacher", "RLHF rater"):
        res = runner.invoke(app, ["analyze", query], env=_env(settings))
        assert res.exit_code == 0, (query, res.output)
        assert res.stderr == "", query
        assert "> You asked for" in res.stdout


# -- the web -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(settings: Settings, kb: KnowledgeBase) -> Iterator[TestClient]:
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def test_search_shows_the_picker_for_a_best_guess(client: TestClient) -> None:
    r = client.get("/search", params={"q": "Writer"}, follow_redirects=False)
    assert r.status_code == 200
    assert "Poets, Lyricists and Creative Writers" in r.text
    assert f'href="/occupation/{WRITERS}"' in r.text
    # an alias-table title under the threshold too (it redirected to Data Entry Keyers)
    r = client.get("/search", params={"q": "AI trainer"}, follow_redirects=False)
    assert r.status_code == 200 and f'href="/occupation/{EDITORS}"' in r.text
    assert f'href="/occupation/{WRITERS}"' in r.text


def test_search_goes_straight_to_a_sure_match(client: TestClient) -> None:
    r = client.get("/search", params={"q": "RLHF rater"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/analysis?q=RLHF+rater"
    r = client.get("/search", params={"q": "kindergarden teacher"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/occupation/{KINDERGARTEN}"


def test_analysis_page_of_a_best_guess_links_the_others(client: TestClient) -> None:
    page = client.get("/analysis", params={"q": "Writer"}).text
    banner = page.split('id="best-guess"', 1)[1].split("</p>", 1)[0]
    assert f'href="/occupation/{WRITERS}"' in banner and "Writers and Authors" in banner
