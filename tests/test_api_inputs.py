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
