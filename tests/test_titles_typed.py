"""Titles as workers type them: slashes between two jobs, unit abbreviations, admin shorthand."""

from __future__ import annotations

import pytest

from ai_impact.titles import Resolver
from ai_impact.titles.abbreviations import Abbreviations
from ai_impact.titles.normalize import normalize_title


# -- a slash between two titles separates them; between qualifiers it stays a compound ------
@pytest.mark.parametrize(
    ("raw", "variants"),
    [
        (
            "Firefighter/EMT",
            (
                "firefighter",
                "emergency medical technician",
                "firefighter emergency medical technician",
            ),
        ),
        ("Firefighter/Paramedic", ("firefighter", "paramedic", "firefighter paramedic")),
        ("Cashier/Stocker", ("cashier", "stocker", "cashier stocker")),
        ("Bartender/Server", ("bartender", "server", "bartender server")),
    ],
)
def test_slash_between_two_titles_reads_like_a_spaced_slash(
    abbr: Abbreviations, raw: str, variants: tuple[str, ...]
) -> None:
    norm = normalize_title(raw, abbr)
    assert (norm.primary, norm.variants) == (variants[0], variants)
    assert norm == normalize_title(raw.replace("/", " / "), abbr)


@pytest.mark.parametrize(
    ("raw", "primary"),
    [
        ("UI/UX Designer", "user interface experience designer"),
        ("Med/Surg RN", "medical surgical registered nurse"),
        ("AP/AR Specialist", "account payable receivable specialist"),
        # "owner" is a status, not a title of its own: one trucking title
        ("Owner/Operator", "owner operator"),
    ],
)
def test_slash_between_qualifiers_stays_one_title(
    abbr: Abbreviations, raw: str, primary: str
) -> None:
    norm = normalize_title(raw, abbr)
    assert (norm.primary, norm.variants) == (primary, (primary,))


@pytest.mark.parametrize(
    ("raw", "primary"),
    [
        ("L&D Nurse", "labor and delivery nurse"),
        ("L&D RN", "labor and delivery registered nurse"),
        ("L & D Nurse", "labor and delivery nurse"),
        ("L&D Manager", "learning and development manager"),
        ("Sys Admin", "system administrative"),
    ],
)
def test_unit_and_admin_shorthand(abbr: Abbreviations, raw: str, primary: str) -> None:
    assert normalize_title(raw, abbr).primary == primary


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "code", "least"),
    [
        # were Emergency Medical Technicians 0.36 (Firefighters not in the top 3) and
        # Paramedics 0.95 (Firefighters 0.00): O*NET files "Firefighter Paramedic" there
        ("Firefighter/EMT", "33-2011.00", 0.9),
        ("Firefighter / Paramedic", "33-2011.00", 0.9),
        ("EMT/Firefighter", "29-2042.00", 0.9),
        # was Training and Development Managers 0.25
        ("L&D Nurse", "29-1141.00", 0.9),
        # was Secretaries and Administrative Assistants 0.38
        ("Sys Admin", "15-1244.00", 0.8),
        ("Linux Sys Admin", "15-1244.00", 0.5),
    ],
)
def test_typed_titles_resolve_to_the_job(
    resolver: Resolver, title: str, code: str, least: float
) -> None:
    best = resolver.resolve(title, top=3).candidates[0]
    assert best.code == code
    assert best.confidence >= least


@pytest.mark.slow
def test_owner_operator_is_a_truck_driver(resolver: Resolver) -> None:
    # was Chemical Equipment Operators and Tenders at 0.03: "owner" read as a status
    res = resolver.resolve("Owner/Operator", top=3)
    assert (res.normalized, res.candidates[0].code, res.candidates[0].via) == (
        "owner operator",
        "53-3032.00",
        "alias",
    )


@pytest.mark.slow
@pytest.mark.parametrize("title", ["Class Teacher", "KS2 Teacher", "Key Stage 1 Teacher"])
def test_english_primary_school_titles_are_elementary_teachers(
    resolver: Resolver, title: str
) -> None:
    # "Class Teacher" was Special Education Teachers, Middle School (0.28)
    best = resolver.resolve(title, top=3).candidates[0]
    assert (best.code, best.via) == ("25-2021.00", "alias")
    assert best.confidence >= 0.9
