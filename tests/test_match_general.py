"""General chat assistants for work no specialised product is made for (``match_general``)."""

from __future__ import annotations

import pytest

from ai_impact import api
from ai_impact.reports.match_general import (
    CHAT_CATEGORY,
    MIN_DIRECT,
    chat_assistant_fallback,
)
from ai_impact.settings import Settings, default_data_dir
from ai_impact.sources.catalog_tools import ToolCatalog, load_tools


@pytest.fixture(scope="module")
def catalog() -> ToolCatalog:
    return load_tools(default_data_dir())


def _tasks(direct: int, other: int, other_beta: float = 0.0) -> list[tuple[str, float]]:
    return [(f"Direct task {i}.", 1.0) for i in range(direct)] + [
        (f"Other task {i}.", other_beta) for i in range(other)
    ]


def test_lists_the_chat_assistants_for_direct_exposure_tasks(catalog: ToolCatalog) -> None:
    matches = chat_assistant_fallback(catalog, _tasks(4, 10))
    assert [m.tool.name for m in matches] == ["ChatGPT", "Claude", "Gemini"]
    assert {m.tool.category for m in matches} == {CHAT_CATEGORY}
    assert matches[0].matched_tasks == tuple(f"Direct task {i}." for i in range(4))
    assert "4 of its 14 tasks are rated direct exposure (E1)" in matches[0].reason
    assert matches[1].reason == "Another general assistant for the same 4 direct-exposure tasks."
    assert all(m.score == matches[0].score > 0 for m in matches)


def test_e2_and_model_scores_below_three_quarters_are_not_direct(catalog: ToolCatalog) -> None:
    """An E2 label (β 0.5) needs software built on a model, not a chat assistant alone."""
    assert chat_assistant_fallback(catalog, _tasks(0, 10, other_beta=0.5)) == []
    assert chat_assistant_fallback(catalog, [("A.", 0.74), ("B.", 0.74), ("C.", 0.0)]) == []
    assert len(chat_assistant_fallback(catalog, [("A.", 0.75), ("B.", 0.8), ("C.", 0.0)])) == 3


def test_needs_two_tasks_and_a_tenth_of_the_tasks(catalog: ToolCatalog) -> None:
    assert chat_assistant_fallback(catalog, _tasks(MIN_DIRECT - 1, 3)) == []
    assert chat_assistant_fallback(catalog, _tasks(2, 28)) == []  # 2 of 30: under a tenth
    assert chat_assistant_fallback(catalog, _tasks(3, 27)) != []  # 3 of 30
    assert chat_assistant_fallback(catalog, []) == []


def test_a_statement_listed_twice_counts_once_with_its_higher_beta(
    catalog: ToolCatalog,
) -> None:
    tasks = [("Same.", 0.0), ("Same.", 1.0), ("Also.", 1.0), ("Else.", 0.0)]
    matches = chat_assistant_fallback(catalog, tasks)
    assert matches[0].matched_tasks == ("Also.", "Same.")
    assert "2 of its 3 tasks" in matches[0].reason


@pytest.mark.parametrize(
    "code",
    [
        "13-1041.07",  # regulatory affairs specialists: analysis and advice, no writing DWA
        "15-1221.00",  # computer and information research scientists
        "11-9199.02",  # compliance managers
    ],
)
def test_exposed_occupations_without_a_product_list_chat_assistants(
    settings: Settings, code: str
) -> None:
    tools = api.report_for(code, settings=settings).ai_tools
    assert [t.name for t in tools] == ["ChatGPT", "Claude", "Gemini"]
    assert tools[0].reason.startswith("No product in the catalog is made for this work")
    assert tools[0].matched_tasks


@pytest.mark.parametrize(
    "code",
    [
        "23-1011.00",  # lawyers: legal products are made for the work
        "33-2011.00",  # firefighters: 2 direct tasks of 30 are no chat-assistant role
    ],
)
def test_the_fallback_does_not_replace_or_invent(settings: Settings, code: str) -> None:
    tools = api.report_for(code, settings=settings).ai_tools
    assert not any(t.reason.startswith("No product in the catalogue") for t in tools)
