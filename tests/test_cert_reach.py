"""Catalogue 2026.12.18: occupations left without a credential get one that fits their work,
and credentials that spread through generic work activities keep to their own.

General and operations managers had none (PMP's core, Administration and Management, names no
domain, and their tasks name no project); couriers had none (DOT hazmat training's core is
Public Safety and Security, which they rate 2.4). CWI reached quality control systems managers
and transportation inspectors on reviewing documents and writing reports, CPI's crisis course
police, wardens, customs officers and flight attendants on arrests and emergencies, and SCPro
locomotive engineers on the freight they haul.
"""

from __future__ import annotations

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.reports.match_certs import match_certifications
from ai_impact.settings import default_data_dir
from ai_impact.sources.catalog_certs import CertCatalog, load_certifications
from test_catalog_certs import _inputs

DATA = default_data_dir()


@pytest.fixture(scope="module")
def catalog() -> CertCatalog:
    return load_certifications(DATA)


def _ids(kb: KnowledgeBase, catalog: CertCatalog, code: str) -> list[str]:
    return [m.cert.id for m in match_certifications(catalog, **_inputs(kb, code, []))]


def test_general_and_operations_managers_get_the_quality_managers_credential(
    kb: KnowledgeBase, catalog: CertCatalog
) -> None:
    """Their tasks review performance data 'to measure productivity … or program
    improvement' and direct operations: ASQ's CMQ/OE, held by managers of that work."""
    matches = match_certifications(catalog, **_inputs(kb, "11-1021.00", []))
    by_id = {m.cert.id: m for m in matches}
    assert "asq-cmqoe" in by_id
    reason = by_id["asq-cmqoe"].reason
    assert "Direct organizational operations" in reason, reason


def test_couriers_get_a_driving_credential(kb: KnowledgeBase, catalog: CertCatalog) -> None:
    """Couriers drive vehicles on delivery routes: the NSC defensive driving course."""
    assert "nsc-ddc" in _ids(kb, catalog, "43-5021.00")


@pytest.mark.parametrize(
    "code",
    [
        "53-3033.00",  # light truck drivers
        "53-3054.00",  # taxi drivers
        "43-5052.00",  # postal service mail carriers
    ],
)
def test_the_driving_course_reaches_other_drivers(
    kb: KnowledgeBase, catalog: CertCatalog, code: str
) -> None:
    assert "nsc-ddc" in _ids(kb, catalog, code)


@pytest.mark.parametrize(
    "code",
    [
        "33-3051.00",  # police patrol officers drive vehicles, but are not drivers by trade
        "41-4012.00",  # sales representatives drive to customers
        "47-2072.00",  # pile driver operators
    ],
)
def test_the_driving_course_keeps_to_drivers(
    kb: KnowledgeBase, catalog: CertCatalog, code: str
) -> None:
    assert "nsc-ddc" not in _ids(kb, catalog, code)


@pytest.mark.parametrize(
    ("code", "cert_id"),
    [
        # CWI needs welding named: reviewing documents and writing reports is not welding
        ("53-6051.07", "aws-cwi"),  # transportation vehicle and systems inspectors
        ("11-3051.01", "aws-cwi"),  # quality control systems managers
        # CPI's course needs the wording of crises, restraint or behaviour management
        ("53-2031.00", "cpi-nci"),  # flight attendants (evacuations)
        ("11-9081.00", "cpi-nci"),  # lodging managers (monitoring staff performance)
        ("33-3021.00", "cpi-nci"),  # detectives (arrests)
        ("33-3031.00", "cpi-nci"),  # fish and game wardens (search and rescue, arrests)
        ("25-2031.00", "cpi-nci"),  # secondary school teachers (monitoring grades)
        # freight hauled is not the freight trade
        ("53-4011.00", "cscmp-scpro"),  # locomotive engineers
        # investigating traffic accidents is not cyber security
        ("33-3051.00", "comptia-cysa"),  # police patrol officers
    ],
)
def test_no_credential_through_generic_activities(
    kb: KnowledgeBase, catalog: CertCatalog, code: str, cert_id: str
) -> None:
    assert cert_id not in _ids(kb, catalog, code)


@pytest.mark.parametrize(
    ("code", "cert_id"),
    [
        ("51-4121.00", "aws-cwi"),  # welders
        ("51-4122.00", "aws-cwi"),  # welding machine setters and operators
        ("17-2131.00", "aws-cwi"),  # materials engineers (welding named in their tasks)
        ("21-1014.00", "cpi-nci"),  # mental health counselors: crisis interventions
        ("29-2053.00", "cpi-nci"),  # psychiatric technicians: restrain violent patients
        ("31-1133.00", "cpi-nci"),  # psychiatric aides
        ("25-2057.00", "cpi-nci"),  # special education teachers: behaviour modification
        ("33-1011.00", "cpi-nci"),  # correctional supervisors: restrain offenders
        ("13-1081.00", "cscmp-scpro"),  # logisticians
        ("13-1081.02", "cscmp-scpro"),  # logistics analysts
        ("15-1212.00", "comptia-cysa"),  # information security analysts
    ],
)
def test_the_credential_keeps_its_own_work(
    kb: KnowledgeBase, catalog: CertCatalog, code: str, cert_id: str
) -> None:
    assert cert_id in _ids(kb, catalog, code)


def test_new_entries_record_their_issuers_and_needs(catalog: CertCatalog) -> None:
    cmqoe, ddc = catalog.get("asq-cmqoe"), catalog.get("nsc-ddc")
    assert cmqoe is not None and ddc is not None
    assert cmqoe.issuer == "ASQ" and cmqoe.level == "advanced"
    assert ddc.issuer == "National Safety Council (NSC)" and ddc.kind == "certificate"
    assert tuple(cmqoe.needs) == ("wording",) and tuple(ddc.needs) == ("wording",)
    assert catalog.version == "2026.12.19"
