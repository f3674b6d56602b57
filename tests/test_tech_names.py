"""Display names of O*NET technologies and tools (QA #25): the names people use."""

from __future__ import annotations

import pytest

from ai_impact.reports.tech_names import display_name, one_example


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Structured query language SQL", "SQL"),
        ("Cascading style sheets CSS", "CSS"),
        ("Hypertext markup language HTML", "HTML"),
        ("Customer relationship management CRM software", "CRM software"),
        ("Computer aided design CAD software", "CAD software"),
        ("Amazon Web Services AWS software", "AWS"),
        ("Wildland Fire Assessment System WFAS", "Wildland Fire Assessment System (WFAS)"),
        ("Orion Law Management Systems Orion", "Orion"),
        # names without the pattern stay as O*NET writes them
        ("Epic Systems", "Epic Systems"),
        ("Microsoft Excel", "Microsoft Excel"),
        ("Python", "Python"),
        ("R", "R"),
    ],
)
def test_display_name(raw: str, shown: str) -> None:
    assert display_name(raw) == shown


def test_an_acronym_must_abbreviate_the_words_before_it() -> None:
    """ "Adobe Acrobat PDF" is not "PDF": the letters of PDF do not open Adobe Acrobat."""
    assert display_name("Adobe Acrobat PDF") == "Adobe Acrobat PDF"


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        (["handheld hair dryers", "hooded hair dryers"], "hair dryers"),
        (["electric deep-fat fryers", "gas-powered deep-fat fryers"], "deep-fat fryers"),
        (["color application combs", "detangling combs"], "combs"),
        (["police bicycles", "police motorcycles"], "police bicycles"),
    ],
)
def test_one_example_of_a_class(names: list[str], shown: str) -> None:
    assert one_example(names) == shown
