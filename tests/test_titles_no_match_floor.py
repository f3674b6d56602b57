"""A title no occupation is near is no match, not a choice (QA #17); one message for an empty
title (QA #36)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app
from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings
from ai_impact.titles import Resolver
from ai_impact.titles.resolution import NO_MATCH_CONFIDENCE, NO_MATCH_NEARNESS, far_fetched
from ai_impact.web.app import create_app

_register()
runner = CliRunner()
MESSY = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "titles_messy.csv"


def _env(settings: Settings) -> dict[str, str]:
    return {"AI_IMPACT_CACHE_DIR": str(settings.cache_dir)}


def test_far_fetched_needs_both_a_weak_answer_and_no_near_title() -> None:
    assert far_fetched(0.14, 0.45)  # "purple elephant": Animal Trainers
    assert not far_fetched(0.11, 0.83)  # "Assistant Restaurant Manager": right, near its title
    assert not far_fetched(0.37, 0.34)  # confident enough to be offered as a choice
    assert not far_fetched(NO_MATCH_CONFIDENCE, 0.1)
    assert not far_fetched(0.01, NO_MATCH_NEARNESS)


@pytest.mark.slow
@pytest.mark.parametrize("title", ["purple elephant", "green table", "hello world"])
def test_nonsense_words_get_the_no_match_message(resolver: Resolver, title: str) -> None:
    res = resolver.resolve(title)
    assert res.candidates == () and not res.needs_choice
    assert res.message is not None and res.message.startswith(f"No occupation matches '{title}'")


@pytest.mark.slow
def test_no_benchmark_title_loses_its_answer(resolver: Resolver) -> None:
    """The floor was chosen so that no title of the messy benchmark set is left with nothing:
    every one keeps candidates, and those answered right first still are."""
    with MESSY.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    results = resolver.resolve_batch([r["title"] for r in rows])
    assert [r.input for r in results if not r.candidates] == []
    right = sum(
        res.candidates[0].code in row["codes"].split(";")
        for res, row in zip(results, rows, strict=True)
    )
    assert right >= 0.95 * len(rows)


@pytest.mark.slow
def test_cli_says_no_occupation_matches_instead_of_offering_a_choice(
    kb: KnowledgeBase, settings: Settings
) -> None:
    res = runner.invoke(app, ["analyze", "purple elephant"], env=_env(settings))
    assert res.exit_code == 4
    assert "No occupation matches 'purple elephant'" in res.output
    assert "could mean several" not in res.output and "Animal Trainers" not in res.output


@pytest.mark.slow
def test_web_search_and_api_say_no_match(kb: KnowledgeBase, settings: Settings) -> None:
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        page = client.get("/search", params={"q": "purple elephant"})
        assert page.status_code == 404
        assert "No match for “purple elephant”" in page.text
        assert "Animal Trainers" not in page.text
        body = client.get("/api/v1/resolve", params={"q": "purple elephant"}).json()
        assert body["candidates"] == [] and "No occupation matches" in body["message"]
        analysis = client.get("/analysis", params={"q": "purple elephant"})
        assert analysis.status_code == 404
        assert "could mean several" not in analysis.text
        assert "No occupation matches" in analysis.text


@pytest.mark.slow
def test_an_empty_and_a_blank_title_get_one_message(kb: KnowledgeBase, settings: Settings) -> None:
    empty = runner.invoke(app, ["analyze", ""], env=_env(settings))
    blank = runner.invoke(app, ["analyze", "   "], env=_env(settings))
    assert (empty.exit_code, blank.exit_code) == (2, 2)
    assert empty.output == blank.output
    assert "The title or code is empty." in empty.output
