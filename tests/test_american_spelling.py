"""The pages are American English (QA: "licence" beside "license", "summarises" beside
"Recognizes"): no common British spelling appears outside the O*NET text a page quotes."""

from __future__ import annotations

import re

import pytest

from ai_impact import api
from ai_impact.db.kb import KnowledgeBase
from ai_impact.render.markdown import cert_level, render_markdown
from ai_impact.settings import Settings

# Electricians (the "Journeyman Electrician licence" of the QA finding), teachers ("State
# teaching licence"), bookkeepers, paralegals (document review), registered nurses, chefs.
PAGES = ("47-2111.00", "25-2021.00", "43-3031.00", "23-2011.00", "29-1141.00", "35-1012.00")

BRITISH = re.compile(
    r"\b(licence[sd]?|\w*organis(e|es|ed|ing|ation)"
    r"|analys(e|ed|ing)|\w*summaris\w*|\w*personalis\w*|\w*individualis\w*|\w*colour\w*"
    r"|\w*behaviour\w*|centres?|programmes?|catalogu(e|ed|es)|recognis\w*)\b",
    re.IGNORECASE,
)


def _british(text: str) -> list[str]:
    return [m.group(0) for m in BRITISH.finditer(text)]


def test_the_pattern_finds_british_forms() -> None:
    text = "A licence; she summarises, organises, analyses(?) and analysed; the colour, centre."
    assert _british(text) == ["licence", "summarises", "organises", "analysed", "colour", "centre"]
    assert _british("A license, licensed work, licenses; he analyzes the catalog.") == []


@pytest.mark.parametrize("code", PAGES)
def test_pages_use_american_spelling(code: str, kb: KnowledgeBase, settings: Settings) -> None:
    page = render_markdown(api.report_for(code, settings=settings))
    # O*NET's own statements are quoted as published: take them out before looking
    quoted = [kb.occupation(code).title, kb.occupation(code).description]
    quoted += [t.text for t in kb.tasks_of(code)]
    for text in sorted(quoted, key=len, reverse=True):
        page = page.replace(text, "")
    assert _british(page) == []


def test_certification_level_and_kind_read_american(settings: Settings) -> None:
    page = render_markdown(api.report_for("47-2111.00", settings=settings))
    assert "Journeyman Electrician license" in page
    assert "A license of this occupation" in page
    assert cert_level("professional-licence") == "professional license"
