"""Parse and validate the entries of the certification catalogue (``certifications.toml``).

Every problem of the file is collected and reported at once in one :class:`DataError`. The
loader (:mod:`ai_impact.sources.catalog_certs`) then checks the O*NET references and resolves
them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ai_impact.sources.catalog_files import (
    HEADER,
    key_problems,
    raise_problems,
    str_list,
    tables,
    unique_ids,
)
from ai_impact.sources.cert_model import CertCatalog, Certification, keyword_pattern

__all__ = ["KINDS", "LEVELS", "NEEDS", "parse_catalog"]

LEVELS: tuple[str, ...] = ("entry", "intermediate", "advanced", "professional-licence")
KINDS: tuple[str, ...] = ("certification", "licence", "certificate", "credential")

_REQUIRED: tuple[str, ...] = ("id", "name", "issuer", "level", "kind", "skills", "knowledge")
_REQUIRED += ("ai_relevance", "source", "reviewed")
_OPTIONAL: tuple[str, ...] = ("effort", "cost_usd", "renewal", "technologies", "iwas", "keywords")
_OPTIONAL += ("profession", "certifies", "specialty", "not_for", "lay", "needs", "optional_for")
# The kinds of evidence a `needs` list names (see ``Certification.needs``).
NEEDS: tuple[str, ...] = ("activity", "technology", "wording")
# A pattern part that runs on over any characters: the matcher reads an occupation's title,
# description and tasks as one text, so ".*" would join words of different sentences.
_UNBOUNDED = re.compile(r"(?<!\\)\.[*+]")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SKILL_RE = re.compile(r"^2\.[AB]\.\d\.[a-z]$")
_KNOWLEDGE_RE = re.compile(r"^2\.C\.\d+(?:\.[a-z])?$")
_IWA_RE = re.compile(r"^4\.A\.\d\.[a-z]\.\d+\.I\d\d$")
_SOC_RE = re.compile(r"^\d\d-\d{4}\.\d\d$")
_DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d$")


def _text(entry: Mapping[str, Any], key: str, where: str, errors: list[str]) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        errors.append(f"{where}: '{key}' must be a non-empty string")
        return ""
    return value.strip()


def _lay(
    entry: Mapping[str, Any], knowledge: tuple[str, ...], where: str, errors: list[str]
) -> tuple[str, ...]:
    """The fields a lay course yields to: ``true`` names its core knowledge, a list names them."""
    lay = entry.get("lay", False)
    if isinstance(lay, bool):
        return knowledge[:1] if lay else ()
    if isinstance(lay, list) and lay and all(isinstance(e, str) for e in lay):
        if bad := [e for e in lay if not _KNOWLEDGE_RE.match(e.strip())]:
            errors.append(f"{where}: lay names {bad}, which are not knowledge element IDs")
        return tuple(e.strip() for e in lay)
    errors.append(f"{where}: lay must be true, false or a list of knowledge element IDs")
    return ()


def _parse_entry(entry: Mapping[str, Any], where: str, errors: list[str]) -> Certification | None:
    before = len(errors)
    key_problems(entry, _REQUIRED, _OPTIONAL, where, errors)
    cid = _text(entry, "id", where, errors)
    if cid and not _ID_RE.match(cid):
        errors.append(f"{where}: id {cid!r} must be a lower-case slug")
    texts = {k: _text(entry, k, where, errors) for k in ("name", "issuer", "ai_relevance")}
    texts |= {k: _text(entry, k, where, errors) for k in ("source", "level", "kind", "reviewed")}
    if texts["level"] and texts["level"] not in LEVELS:
        errors.append(f"{where}: level {texts['level']!r} is not one of {', '.join(LEVELS)}")
    if texts["kind"] and texts["kind"] not in KINDS:
        errors.append(f"{where}: kind {texts['kind']!r} is not one of {', '.join(KINDS)}")
    if texts["reviewed"] and not _DATE_RE.match(texts["reviewed"]):
        errors.append(f"{where}: reviewed {texts['reviewed']!r} is not YYYY-MM-DD")
    optional = {
        k: _text(entry, k, where, errors) if k in entry else None
        for k in ("effort", "renewal", "specialty")
    }
    cost = entry.get("cost_usd")
    if cost is not None and (isinstance(cost, bool) or not isinstance(cost, int | float)):
        errors.append(f"{where}: cost_usd must be a number")
        cost = None
    elif cost is not None and cost <= 0:
        errors.append(f"{where}: cost_usd must be positive (omit it when unknown)")
    skills = str_list(entry, "skills", where, errors, _SKILL_RE, strip=True)
    knowledge = str_list(entry, "knowledge", where, errors, _KNOWLEDGE_RE, strip=True)
    if not skills or not knowledge:
        errors.append(f"{where}: needs at least one skill and one knowledge element")
    iwas = str_list(entry, "iwas", where, errors, _IWA_RE, strip=True)
    technologies = str_list(entry, "technologies", where, errors, None, strip=True)
    keywords = str_list(entry, "keywords", where, errors, None, strip=True)
    profession = str_list(entry, "profession", where, errors, None, strip=True)
    certifies = str_list(entry, "certifies", where, errors, _SOC_RE, strip=True)
    not_for = str_list(entry, "not_for", where, errors, None, strip=True)
    optional_for = str_list(entry, "optional_for", where, errors, _SOC_RE, strip=True)
    if stray := [c for c in optional_for if c not in certifies]:
        errors.append(f"{where}: optional_for {stray} not among its 'certifies' occupations")
    lay = _lay(entry, knowledge, where, errors)
    needs = str_list(entry, "needs", where, errors, None, strip=True)
    if unknown := [n for n in needs if n not in NEEDS]:
        errors.append(f"{where}: needs {unknown} not among {', '.join(NEEDS)}")
    named = (("keyword", keywords), ("profession pattern", profession), ("not_for", not_for))
    for key, patterns in named:
        try:
            if patterns:
                keyword_pattern(patterns)
        except re.error as exc:
            errors.append(f"{where}: a {key} is not a valid regular expression ({exc})")
        if any(_UNBOUNDED.search(p) for p in patterns):
            errors.append(
                f"{where}: a {key} runs on with '.*' or '.+' across sentences; "
                "use '[^.]*' (within one sentence)"
            )
    if optional["specialty"] and not certifies:
        errors.append(f"{where}: a specialty needs 'certifies' (the occupations it is one of)")
    if texts["level"] == "professional-licence" and not profession:
        errors.append(f"{where}: a professional license needs 'profession' patterns")
    if not (iwas or technologies or keywords):
        errors.append(f"{where}: needs iwas, technologies or keywords to tie it to real work")
    if len(errors) > before:
        return None
    return Certification(
        id=cid,
        name=texts["name"],
        issuer=texts["issuer"],
        level=texts["level"],
        kind=texts["kind"],
        skills=skills,
        knowledge=knowledge,
        ai_relevance=texts["ai_relevance"],
        source=texts["source"],
        reviewed=texts["reviewed"],
        effort=optional["effort"],
        cost_usd=float(cost) if cost is not None else None,
        renewal=optional["renewal"],
        technologies=technologies,
        iwas=iwas,
        keywords=keywords,
        profession=profession,
        certifies=certifies,
        specialty=optional["specialty"],
        not_for=not_for,
        lay=lay,
        needs=needs,
        optional_for=optional_for,
        technology_terms=tuple(frozenset({t.casefold()}) for t in technologies),
    )


def parse_catalog(raw: Mapping[str, Any], origin: str = "certifications.toml") -> CertCatalog:
    """Validate a parsed TOML document; raise DataError listing every bad entry at once."""
    errors: list[str] = []
    head = {k: raw.get(k) for k in HEADER}
    parsed = [
        (n, where, cert)
        for n, where, entry in tables(raw, "certification", errors)
        if (cert := _parse_entry(entry, where, errors)) is not None
    ]
    certs = unique_ids(parsed, lambda c: c.id, "certification", errors)
    raise_problems(
        origin, errors, "Fix the entries named above; docs/catalogs.md describes the schema."
    )
    return CertCatalog(
        version=str(head["version"]),
        updated=str(head["updated"]),
        description=str(head["description"]),
        certifications=certs,
    )
