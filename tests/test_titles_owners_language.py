"""Title resolution QA round 14: an owner runs the business (managers and first-line
supervisors), each part of a slash title carries its own confidence, titles in another language
get a message instead of a guess, and messy titles read their seniority and slashes right."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ai_impact.titles import Resolver
from ai_impact.titles.abbreviations import Abbreviations
from ai_impact.titles.index import OccupationRef
from ai_impact.titles.language import reads_foreign
from ai_impact.titles.normalize import Normalized, normalize_title
from ai_impact.titles.owner import MANAGER_EDGE, OWNER_STEP, as_runner, runs_work
from ai_impact.titles.resolution import Candidate, Resolution, with_parts
from ai_impact.titles.respell import RESPELL_CAP

MESSY = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "titles_messy.csv"


# -- an owner runs the business -------------------------------------------------------------
def _ref(code: str) -> OccupationRef:
    return OccupationRef(code=code, soc=code[:7], title=code)


def test_the_people_who_run_work_are_managers_and_first_line_supervisors() -> None:
    refs = [_ref(c) for c in ("11-9051.00", "37-1011.00", "35-1011.00", "37-2011.00",
                              "55-1011.00", "29-1141.00", "53-1043.00")]  # fmt: skip
    step = runs_work(refs).tolist()
    manager, supervisor = OWNER_STEP + MANAGER_EDGE, OWNER_STEP
    # the military officers of 55-1 supervise no business; janitors and nurses run none
    assert step == [manager, supervisor, supervisor, 0.0, 0.0, 0.0, supervisor]


@pytest.mark.parametrize(
    ("title", "readings"),
    [
        ("Cleaning Business Owner", ("cleaning manager", "cleaning supervisor")),
        ("Trucking Company Owner", ("trucking manager", "trucking supervisor")),
        ("Owner - Cleaning Business", ("cleaning manager", "cleaning supervisor")),
        ("Owner of a cleaning business", ("cleaning manager", "cleaning supervisor")),
        ("Owner (Cleaning Business)", ("cleaning manager", "cleaning supervisor")),
        ("Restaurant Proprietor", ("restaurant manager", "restaurant supervisor")),
    ],
)
def test_an_owner_title_reads_as_its_manager_then_its_supervisor(
    abbr: Abbreviations, title: str, readings: tuple[str, str]
) -> None:
    norm, owner = as_runner(normalize_title(title, abbr), abbr, {})
    assert owner
    assert (norm.primary, norm.variants[: len(readings)]) == (readings[0], readings)


def test_an_owner_of_any_business_is_a_business_owner(abbr: Abbreviations) -> None:
    norm, owner = as_runner(normalize_title("Company Owner", abbr), abbr, {})
    assert (norm.primary, owner) == ("business owner", False)  # the alias table's title


def test_an_owner_title_the_index_spells_is_left_alone(abbr: Abbreviations) -> None:
    norm = normalize_title("Funeral Home Owner", abbr)
    assert as_runner(norm, abbr, {"funeral home owner": 0}) == (norm, False)
    alone = normalize_title("Owner - Remote", abbr)
    assert as_runner(alone, abbr, {"owner": 0}) == (alone, False)  # a status: no kind


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "accepted", "least"),
    [
        # was Farmers, Ranchers, and Other Agricultural Managers 0.28; 37-1011 third at 0.03
        ("Cleaning Business Owner", {"37-1011.00", "11-1021.00"}, 0.3),
        ("Owner - Cleaning Business", {"37-1011.00", "11-1021.00"}, 0.3),
        # was Managers, All Other 0.07
        ("Trucking Company Owner", {"11-1021.00", "11-3071.00"}, 0.3),
        # was Managers, All Other 0.05
        ("Plumbing Business Owner", {"11-1021.00", "47-1011.00"}, 0.3),
        ("Restaurant Owner", {"11-9051.00"}, 0.5),
        ("Salon Owner", {"11-9179.02"}, 0.5),
        ("Bakery Owner", {"41-1011.00", "11-9051.00", "11-1021.00", "51-1011.00"}, 0.5),
        ("Construction Company Owner", {"11-9021.00"}, 0.7),
        ("Landscaping Business Owner", {"37-1012.00"}, 0.8),
        ("Daycare Owner", {"11-9031.00"}, 0.7),
        ("Small Business Owner", {"11-1021.00"}, 0.7),
        ("Company Owner", {"11-1021.00"}, 0.7),
        ("Store Owner", {"41-1011.00", "11-1021.00"}, 0.7),
        ("Dental Practice Owner", {"11-9111.00"}, 0.3),
        ("Gym Owner", {"11-1021.00"}, 0.5),
    ],
)
def test_an_owner_runs_the_work_of_the_business(
    resolver: Resolver, title: str, accepted: set[str], least: float
) -> None:
    res = resolver.resolve(title, top=3)
    assert res.candidates[0].code in accepted
    assert res.candidates[0].confidence >= least


@pytest.mark.slow
def test_cleaning_owner_is_the_janitors_supervisor_or_the_general_manager(
    resolver: Resolver,
) -> None:
    cands = resolver.resolve("Cleaning Business Owner", top=3).candidates
    assert {c.code for c in cands[:2]} == {"37-1011.00", "11-1021.00"}
    assert all(c.confidence >= 0.25 for c in cands[:2])


# -- each part of a slash title carries its own confidence ----------------------------------
def _res(*cands: tuple[str, float], note: str | None = None) -> Resolution:
    return Resolution(
        "t", "t", tuple(Candidate(c, c[:7], c, p, "exact") for c, p in cands), False, note, None
    )


def test_a_part_enters_at_its_own_confidence_times_the_factor() -> None:
    merged = with_parts(_res(("A", 1.0), ("B", 0.0)), [_res(("E", 0.97))], 0.8, 0.5, 5)
    assert [(c.code, c.confidence) for c in merged.candidates] == [
        ("A", 1.0), ("E", 0.776), ("B", 0.0)
    ]  # fmt: skip


def test_a_confident_first_reading_keeps_the_lead_as_written() -> None:
    merged = with_parts(_res(("A", 0.66)), [_res(("S", 0.98), note="S note")], 0.8, 0.5, 5)
    assert [(c.code, c.confidence) for c in merged.candidates] == [("A", 0.66), ("S", 0.66)]
    assert merged.alias_note is None  # the lead's reading's note


def test_a_vague_first_reading_gives_way_to_a_clear_part() -> None:
    merged = with_parts(_res(("A", 0.27), note="A note"), [_res(("W", 0.9), note="W")], 0.8, 0.5, 5)
    assert [c.code for c in merged.candidates] == ["W", "A"]
    assert merged.alias_note == "W"


def test_the_other_parts_of_a_title_are_those_that_name_a_role(abbr: Abbreviations) -> None:
    assert normalize_title("Firefighter/EMT", abbr).parts == ("emergency medical technician",)
    assert normalize_title("Cashier | Walmart", abbr).parts == ()
    assert normalize_title("Software Engineer (Python)", abbr).parts == ()
    assert normalize_title("Bookkeeper/Office Manager", abbr).parts == ("office manager",)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "first", "second", "least"),
    [
        # EMTs were third at 0.00
        ("Firefighter/EMT", "33-2011.00", "29-2042.00", 0.7),
        ("Firefighter / EMT", "33-2011.00", "29-2042.00", 0.7),
        ("EMT/Firefighter", "29-2042.00", "33-2011.00", 0.7),
        ("Firefighter/Paramedic", "33-2011.00", "29-2043.00", 0.7),
        ("Welder/Fabricator", "51-4121.00", "51-2041.00", 0.5),
    ],
)
def test_each_part_of_a_slash_title_carries_a_confidence(
    resolver: Resolver, title: str, first: str, second: str, least: float
) -> None:
    res = resolver.resolve(title, top=3)
    assert [c.code for c in res.candidates[:2]] == [first, second]
    assert res.candidates[1].confidence >= least
    assert not res.needs_choice


# -- titles in another language -------------------------------------------------------------
_KNOWN = frozenset({"software", "web", "chef", "cashier", "manager", "sales", "angeles", "cafe",
                    "developer", "senior", "cuisine", "remote", "paris"})  # fmt: skip
_FUNCTION = frozenset({"de", "del", "la", "los", "im", "der"})
_ROLES = frozenset({"cashier", "manager", "developer", "chef"})


@pytest.mark.parametrize(
    ("title", "foreign"),
    [
        ("Ingeniero de software", True),  # a function word, as many unknown words as known
        ("Kaufmann im Einzelhandel", True),
        ("Développeur web", True),  # an accented unknown word
        ("Técnico de mantenimiento (Remote)", True),  # "remote" names no role
        ("Cashier - Del Taco", False),  # a part names a role in known words only
        ("Sales Manager - Los Angeles", False),  # every word known
        ("Café Manager", False),  # "cafe" is known
        ("Krankenschwester", False),  # no evidence of a language: the no-match message says it
        ("Software Developer", False),
        ("医生", False),  # another script is not read at all
    ],
)
def test_a_title_reads_foreign_on_function_words_and_accents(title: str, foreign: bool) -> None:
    assert reads_foreign(title, _KNOWN.__contains__, _FUNCTION, _ROLES) is foreign


_FOREIGN_TITLES = [
    "Ingeniero de software", "Développeur web", "Profesor de matemáticas", "Médico",
    "Gerente de ventas", "Desarrollador de software", "Asistente de enfermería", "Verkäufer",
    "Kaufmann im Einzelhandel", "Infirmière", "Ingénieur logiciel", "Chef de projet",
    "Engenheiro de software", "Ingegnere del software", "Analista de datos",
    "Técnico de mantenimiento", "Jefe de cocina",
]  # fmt: skip
_UNKNOWN_TITLES = [
    "Enfermera", "Krankenschwester", "Contador", "Abogado", "Camarero", "Lehrer",
    "Elektriker", "Comptable", "Enseignant", "Programador", "Verpleegkundige",
]  # fmt: skip


@pytest.mark.slow
def test_a_title_in_another_language_asks_for_english(resolver: Resolver) -> None:
    # were Cooks, Restaurant 0.40 ("Técnico de mantenimiento"), 0.35 ("Asistente de
    # enfermería"), Chefs and Head Cooks 0.36 ("Chef de projet")...
    for res in resolver.resolve_batch(_FOREIGN_TITLES):
        assert not res.candidates, res.input
        assert res.message and "does not read as English" in res.message
        assert "type the title in English" in res.message
    for res in resolver.resolve_batch(_UNKNOWN_TITLES):
        assert not res.candidates, res.input
        assert res.message and "Titles are read in English" in res.message


@pytest.mark.slow
@pytest.mark.parametrize("title", ["Maestra", "Avocat"])
def test_a_foreign_word_near_an_english_one_is_no_confident_match(
    resolver: Resolver, title: str
) -> None:
    # were Music Directors and Composers 0.91, Social and Human Service Assistants 0.92
    res = resolver.resolve(title, top=3)
    assert res.candidates[0].confidence <= RESPELL_CAP
    assert res.needs_choice


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "code", "least"),
    [
        ("Acountant", "13-2011.00", 0.8),  # a slip of one letter keeps its confidence
        ("Recepcionist", "43-4171.00", 0.8),
        ("Electritian", "47-2111.00", 0.7),
    ],
)
def test_a_typing_slip_is_still_read_with_confidence(
    resolver: Resolver, title: str, code: str, least: float
) -> None:
    res = resolver.resolve(title, top=3)
    assert (res.candidates[0].code, res.candidates[0].confidence >= least) == (code, True)


_ENGLISH_LOANS = [
    ("Sous Chef", "35-1011.00"), ("Maître d'", "35-9031.00"), ("Barista", "35-3023.01"),
    ("Concierge", "39-6012.00"), ("Café Manager", "11-9051.00"), ("Au Pair", "39-9011.00"),
    ("Chef de Cuisine", "35-1011.00"), ("Chef de Partie", "35-1011.00"),
    ("Sommelier", "35-3031.00"), ("Chauffeur", "53-3053.00"),
    ("Cashier - Del Taco", "41-2011.00"), ("Sales Manager - Los Angeles", "11-2022.00"),
    ("Señor Software Engineer", "15-1252.00"), ("Die Maker", "51-4111.00"),
]  # fmt: skip


@pytest.mark.slow
def test_english_titles_with_accents_and_loanwords_are_read(resolver: Resolver) -> None:
    results = resolver.resolve_batch([t for t, _ in _ENGLISH_LOANS])
    assert [(r.input, r.candidates[0].code if r.candidates else None) for r in results] == (
        _ENGLISH_LOANS
    )


@pytest.mark.slow
def test_no_title_of_the_messy_set_is_refused_as_foreign(resolver: Resolver) -> None:
    with MESSY.open(encoding="utf-8") as fh:
        titles = [r["title"] for r in csv.DictReader(fh)]
    refused = [r.input for r in resolver.resolve_batch(titles) if not r.candidates]
    assert refused == []


# -- messy titles ---------------------------------------------------------------------------
def test_a_seniority_word_is_no_dash_qualifier(abbr: Abbreviations) -> None:
    # read "software engineer payment principal": Software Developers 0.57
    norm = normalize_title("Principal Software Engineer - Payments", abbr)
    assert norm.primary == "software engineer payment"
    assert "payment software engineer" in norm.variants


def test_a_slash_before_a_title_of_several_words_separates_them(abbr: Abbreviations) -> None:
    norm = normalize_title("Bookkeeper/Office Manager", abbr)
    assert (norm.primary, norm.parts) == ("bookkeeper", ("office manager",))
    # qualifiers and O*NET's own slash titles stay one title
    assert normalize_title("Driver/Sales Worker", abbr).primary == "driver sales worker"
    assert normalize_title("UI/UX Designer", abbr).parts == ()


def test_normalized_keeps_its_old_shape() -> None:
    assert Normalized("a", ("a",)).parts == ()
