"""The library refuses wrong types with an InputError (one exception tree), never a raw error."""

from __future__ import annotations

from typing import Any

import pytest

from ai_impact import api
from ai_impact.errors import InputError
from ai_impact.settings import Settings

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: api.analyze(None, settings=s), "must be text"),
        (lambda s: api.analyze(123, settings=s), "must be text"),
        (lambda s: api.analyze("nurse", area=6, settings=s), "The area must be text"),
        (lambda s: api.report_for(None, settings=s), "must be text"),
        (lambda s: api.resolve_title(None, settings=s), "must be text"),
        (lambda s: api.resolve_title("nurse", top=0, settings=s), "from 1 to 50"),
        (lambda s: api.resolve_title("nurse", top=-1, settings=s), "from 1 to 50"),
        (lambda s: api.analyze_description(None, settings=s), "must be text"),
        (lambda s: api.analyze_description(b"Prepare invoices.", settings=s), "must be text"),
        (lambda s: api.analyze_description(["Prepare invoices."], settings=s), "must be text"),
        (lambda s: api.score_tasks("Answer phones", settings=s), "list of texts"),
        (lambda s: api.score_tasks([None], settings=s), "item 1 must be text"),
        (lambda s: api.score_tasks(["ok", 5], settings=s), "item 2 must be text"),
        (lambda s: api.score_tasks(["x"], adoption_pct="5", settings=s), "0 to 100"),
        (lambda s: api.score_tasks(["x"], adoption_pct=True, settings=s), "0 to 100"),
        (lambda s: api.compare("nurse", settings=s), "list of texts"),
        (lambda s: api.industry(None, settings=s), "must be text"),
    ],
)
def test_wrong_types_are_input_errors(call: Any, message: str, settings: Settings) -> None:
    with pytest.raises(InputError, match=message):
        call(settings)


def test_any_iterable_of_texts_is_fine(settings: Settings) -> None:
    scores = api.score_tasks(
        (t for t in ["Answer phones.", "Prepare invoices."]), settings=settings
    )
    assert [s.task for s in scores] == ["Answer phones.", "Prepare invoices."]


# QA10 #7: values of the right type but unusable, and settings of the wrong type, are
# InputErrors with the web's limits; #4: text is cleaned of control characters at the facade.


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: api.search_titles(per_occupation="a", settings=s), "per_occupation must be"),
        (lambda s: api.search_titles(per_occupation=-1, settings=s), "of 0 or more, not -1"),
        (lambda s: api.search_titles(per_occupation=True, settings=s), "whole number"),
        (lambda s: api.wages("15-1252", year="2025", settings=s), r"\(2024 and 2025\), not '2025'"),
        (lambda s: api.wages("15-1252", year=1999, settings=s), "not 1999"),
        (lambda s: api.wages("15-1252", year=2025.0, settings=s), "not 2025.0"),
        (
            lambda s: api.analyze_description("Prepare invoices.", title="x" * 201, settings=s),
            r"The title is longer than 200 characters \(it has 201\)",
        ),
        (
            lambda s: api.analyze_description("Prepare invoices.", area="x" * 101, settings=s),
            "The area is longer than 100 characters",
        ),
        (lambda s: api.analyze("x" * 501, settings=s), "longer than 500 characters"),
        (lambda s: api.analyze("nurse", area="x" * 101, settings=s), "longer than 100"),
        (lambda s: api.report_for("29-1141.00", area="x" * 101, settings=s), "longer than 100"),
        (lambda s: api.resolve_title("x" * 501, settings=s), "longer than 500 characters"),
        (lambda s: api.compare(["nurse", "x" * 501], settings=s), "item 2 is longer than 500"),
    ],
)
def test_unusable_values_are_input_errors(call: Any, message: str, settings: Settings) -> None:
    with pytest.raises(InputError, match=message):
        call(settings)


@pytest.mark.parametrize("bad", ["x", 5, {"db": "x.sqlite"}])
def test_settings_of_the_wrong_type_are_input_errors(bad: Any) -> None:
    """QA10: `api.analyze('nurse', settings='x')` raised AttributeError."""
    for call in (
        lambda: api.analyze("nurse", settings=bad),
        lambda: api.get_kb(bad),
        lambda: api.list_occupations(settings=bad),
        lambda: api.score_tasks(["Prepare invoices."], settings=bad),
    ):
        with pytest.raises(InputError, match=r"settings must be an ai_impact\.settings\.Settings"):
            call()


def test_limits_are_the_webs() -> None:
    from ai_impact.usertext import AREA_CHARS, QUERY_CHARS, TITLE_CHARS
    from ai_impact.web import limits

    assert (
        (limits.TITLE_CHARS, limits.AREA_CHARS, limits.QUERY_CHARS)
        == (
            TITLE_CHARS,
            AREA_CHARS,
            QUERY_CHARS,
        )
        == (200, 100, 500)
    )


def test_a_title_at_the_limit_and_a_held_year_are_fine(settings: Settings) -> None:
    wage = api.wages("15-1252", year=2024, settings=settings)
    assert wage is not None and wage.year == 2024
    assert api.wages("15-1252", settings=settings) is not None
    assert len(api.search_titles(per_occupation=0, settings=settings)["15-1252.00"]) == 0
    report = api.analyze_description(
        "Prepare invoices for clients.\nReconcile vendor statements every month.",
        title="  " + "x" * 200 + "  ",
        settings=settings,
    )
    assert report.header is not None


def test_control_characters_are_cleaned_at_the_facade(settings: Settings) -> None:
    """QA10: `ai-impact analyze $'nurse\\x1b]0;pwned\\x07'` echoed ESC and BEL."""
    report = api.analyze("nurse\x1b]0;pwned\x07", settings=settings)
    assert report.header.resolved_from == "nurse]0;pwned"
    res = api.resolve_title("Barista\x9b\x00", settings=settings)
    assert res.input == "Barista"
    scores = api.score_tasks(["Prepare\x1b[2J invoices\tfor \udcffclients."], settings=settings)
    assert scores[0].task == "Prepare[2J invoices for \ufffdclients."


def test_clean_line_and_clean_text() -> None:
    from ai_impact.usertext import clean_line, clean_text

    assert clean_line("a\x1b]0;t\x07b\tc\nd\r\ne\x85f\x0cg") == "a]0;tb c d  e f g"
    assert clean_text("a\x1b[2J\tb\nc\r\nd\x0ce\x85f\x00\x9b") == "a[2J\tb\nc\r\nd\x0ce\x85f"
    assert clean_line("x\udcffy") == clean_text("x\udcffy") == "x\ufffdy"
    assert clean_line("Crème brûlée — “chef” β") == "Crème brûlée — “chef” β"
