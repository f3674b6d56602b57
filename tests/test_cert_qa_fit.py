"""QA 9, 11 and 24 on the certification section: credentials of other professions, licences
called required where they are not, occupations left without their credentials, and reasons
that showed the matcher's logic ("its tasks mention 'cooks'")."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.errors import DataError
from ai_impact.reports import cert_profile as cp
from ai_impact.reports.match_certs import match_certifications
from ai_impact.settings import default_data_dir
from ai_impact.sources.catalog_certs import CertCatalog, load_certifications, parse_catalog
from test_catalog_certs import _inputs as catalog_inputs

DATA = default_data_dir()
TOML = DATA / "catalog" / "certifications.toml"


@pytest.fixture(scope="module")
def catalog() -> CertCatalog:
    return load_certifications(DATA)


def _inputs(kb: KnowledgeBase, code: str, donors: tuple[str, ...] = ()) -> dict[str, Any]:
    return catalog_inputs(kb, code, list(donors))


def _reasons(kb: KnowledgeBase, catalog: CertCatalog, code: str, *donors: str) -> dict[str, str]:
    matches = match_certifications(catalog, **_inputs(kb, code, donors))
    return {m.cert.id: m.reason for m in matches}


@pytest.mark.parametrize(
    ("code", "donors", "cert_id"),
    [
        # QA9: animal control is a role of its own, not any investigation of legal matters
        ("11-9199.00", ("11-9199.01",), "naca-aco"),  # managers, all other (regulatory affairs)
        ("13-1041.06", (), "naca-aco"),  # coroners
        # a forklift certificate is for lift-truck work, not carrying or loading by hand
        ("37-2011.00", (), "forklift-osha"),  # janitors
        ("53-3032.00", (), "forklift-osha"),  # heavy truck drivers
    ],
)
def test_qa9_no_credential_of_another_profession(
    kb: KnowledgeBase, catalog: CertCatalog, code: str, donors: tuple[str, ...], cert_id: str
) -> None:
    assert cert_id not in _reasons(kb, catalog, code, *donors)


@pytest.mark.parametrize(
    ("code", "cert_id"),
    [
        ("33-9011.00", "naca-aco"),  # animal control workers keep theirs
        ("53-7051.00", "forklift-osha"),  # industrial truck and tractor operators
        ("53-7065.00", "forklift-osha"),  # stockers and order fillers
    ],
)
def test_qa9_the_credential_stays_with_its_own_work(
    kb: KnowledgeBase, catalog: CertCatalog, code: str, cert_id: str
) -> None:
    assert cert_id in _reasons(kb, catalog, code)


def test_qa9_life_support_names_only_tools_it_covers(
    kb: KnowledgeBase, catalog: CertCatalog
) -> None:
    """BLS trains CPR with defibrillators and masks: a nurse's patient lifters and gait belts
    are not its tools."""
    bls = catalog.get("aha-bls")
    assert bls is not None
    titles = " ".join(t for terms in bls.technology_terms for t in terms)
    assert "lift" not in titles and "gait" not in titles
    reason = _reasons(kb, catalog, "29-1141.00")["aha-bls"]
    assert "lifter" not in reason and "lift" not in reason, reason


@pytest.mark.parametrize(
    ("code", "cert_id", "opening"),
    [
        # QA9: the CPA is held by financial managers and controllers, required of neither
        ("11-3031.00", "cpa", "A license held in this occupation, though not every job"),
        ("11-3031.01", "cpa", "A license held in this occupation, though not every job"),
        ("17-2051.00", "pe-licence", "A license held in this occupation, though not every job"),
        ("29-1141.00", "rn-nclex", "The license of this occupation;"),  # required to practise
        ("23-1011.00", "bar-admission", "The license of this occupation;"),
    ],
)
def test_qa9_the_licence_only_where_the_law_requires_it(
    kb: KnowledgeBase, catalog: CertCatalog, code: str, cert_id: str, opening: str
) -> None:
    reason = _reasons(kb, catalog, code)[cert_id]
    assert reason.startswith(opening), reason


def test_qa9_a_licence_not_required_is_listed_after_one_that_is(
    kb: KnowledgeBase, catalog: CertCatalog
) -> None:
    """Heavy truck drivers need the CDL; the hazmat endorsement only for hazardous loads."""
    ids = list(_reasons(kb, catalog, "53-3032.00"))
    assert ids.index("cdl-a") < ids.index("cdl-hazmat")


def test_optional_for_must_name_certified_occupations() -> None:
    raw = tomllib.loads(TOML.read_text(encoding="utf-8"))
    bad = copy.deepcopy(raw)
    entry = next(e for e in bad["certification"] if e["id"] == "cpa")
    entry["optional_for"] = ["29-1141.00"]
    with pytest.raises(DataError, match="optional_for"):
        parse_catalog(bad)


@pytest.mark.parametrize(
    ("code", "cert_ids"),
    [
        # QA11: occupations that had no credential listed
        ("15-1299.09", ("pmp", "capm")),  # information technology project managers
        ("29-2011.02", ("ascp-ct",)),  # cytotechnologists
        ("29-2011.04", ("ascp-htl",)),  # histotechnologists
        ("29-2012.01", ("ascp-ht",)),  # histology technicians
        ("29-2011.01", ("ascp-cg",)),  # cytogenetic technologists
        ("53-3054.00", ("for-hire-driver",)),  # taxi drivers
        ("13-1082.00", ("pmp", "capm")),  # project management specialists
    ],
)
def test_qa11_occupations_get_their_own_credentials(
    kb: KnowledgeBase, catalog: CertCatalog, code: str, cert_ids: tuple[str, ...]
) -> None:
    reasons = _reasons(kb, catalog, code)
    listed = list(reasons)
    assert listed[: len(cert_ids)] == list(cert_ids), listed
    assert all(reasons[c].startswith("A ") for c in cert_ids)  # never "the licence" here


def test_qa11_a_histotechnician_is_not_offered_the_cytotechnologists_credential(
    kb: KnowledgeBase, catalog: CertCatalog
) -> None:
    assert "ascp-ct" not in _reasons(kb, catalog, "29-2012.01")
    assert "ascp-htl" not in _reasons(kb, catalog, "29-2012.01")  # zone 3, HTL holders zone 4


def test_qa24_reasons_show_no_matching_logic(kb: KnowledgeBase, catalog: CertCatalog) -> None:
    """Reasons say what the credential covers in plain words: no "its tasks mention 'cooks'",
    no "uses tools it already uses"."""
    for code in ("35-1011.00", "15-1252.00", "47-2061.00", "55-3016.00", "11-9051.00"):
        for reason in _reasons(kb, catalog, code).values():
            assert "mention" not in reason and "title names '" not in reason, reason
            assert "tools it already uses" not in reason, reason
    reasons = _reasons(kb, catalog, "47-2061.00")  # construction laborers
    assert (
        "involves tools this occupation already works with: fall arrest systems"
        in (reasons["osha-10-construction"])
    )


def _profile(source: str, title: str) -> cp.OccupationProfile:
    return cp.occupation_profile(
        [], [], [], [], source.lower(), title.lower(), source=source, tasks_at=len(title) + 1
    )


def test_an_excerpt_is_the_sentence_that_holds_the_match() -> None:
    title = "Food Service Managers"
    source = f"{title} Plan menus. Plan and direct food preparation and culinary activities."
    p = _profile(source, title)
    at = source.lower().index("food prep")
    assert cp.excerpt(p, at) == "Plan and direct food preparation and culinary activities"
    assert cp.excerpt(p, source.index("menus")) == "Plan menus"
    assert cp.excerpt(p, 0) == title


def test_a_long_sentence_is_cut_around_the_match() -> None:
    title = "Cooks"
    words = " ".join(f"w{i}" for i in range(30))
    source = f"{title} {words} grill {words}."
    p = _profile(source, title)
    got = cp.excerpt(p, source.index("grill"))
    assert got.startswith("… w26 w27 w28 w29 grill") and got.endswith(" …")
    assert len(got.strip(" …").split()) == 14
