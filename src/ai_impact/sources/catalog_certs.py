"""The certifications catalogue (``data/catalog/certifications.toml``): load, validate, resolve.

Each entry is a real certification, licence or credential mapped to O*NET 29.3 skill and
knowledge element IDs, 29.3 intermediate work activities (IWAs), technology names or UNSPSC
commodity codes, and wording patterns, and the O*NET occupations whose members hold it (its
level: their job zones), so that matching a credential to an occupation is a
computation over the occupation's data (see :mod:`ai_impact.reports.match_certs`), never a
hand-picked list. Every problem in the file is reported at once in one :class:`DataError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ai_impact.errors import DataError
from ai_impact.sources.catalog_files import HEADER, parse_toml, read_text
from ai_impact.sources.cert_model import CertCatalog, Certification, keyword_pattern
from ai_impact.sources.cert_parse import KINDS, LEVELS, NEEDS, parse_catalog
from ai_impact.sources.cert_reference import (
    UNSPSC_RE,
    cache_key,
    catalog_facts,
    occupation_zones,
    onet_reference,
    read_cache,
    write_cache,
)

__all__ = [
    "CATALOG_FILE",
    "KINDS",
    "LEVELS",
    "NEEDS",
    "CertCatalog",
    "Certification",
    "keyword_pattern",
    "load_certifications",
    "parse_catalog",
    "reference_problems",
]

CATALOG_FILE = Path("catalog") / "certifications.toml"


def reference_problems(catalog: CertCatalog, data_dir: Path) -> list[str]:
    """Every skill, knowledge, IWA or technology reference that the O*NET files do not define."""
    ref = onet_reference(Path(data_dir).resolve())
    occupations, _ = occupation_zones(Path(data_dir).resolve())
    known_tech = ref["examples"] | set(ref["titles"]) | set(ref["titles"].values())
    out: list[str] = []
    for c in catalog.certifications:
        out += [f"{c.id}: unknown element {e}" for e in c.elements if e not in ref["names"]]
        out += [f"{c.id}: unknown lay field {e}" for e in c.lay if e not in ref["names"]]
        out += [f"{c.id}: unknown IWA {i}" for i in c.iwas if i not in ref["iwas"]]
        out += [f"{c.id}: unknown technology {t!r}" for t in c.technologies if t not in known_tech]
        out += [f"{c.id}: unknown occupation {o}" for o in c.certifies if o not in occupations]
    return out


def _resolved(
    cert: Certification, titles: Mapping[str, str], zones: Mapping[str, int]
) -> Certification:
    """The entry with each UNSPSC code also answering to its commodity title, and the job
    zones of the occupations it certifies."""
    terms = []
    for tech in cert.technologies:
        extra = titles.get(tech) if UNSPSC_RE.match(tech) else None
        terms.append(frozenset(t.casefold() for t in (tech, extra) if t))
    return Certification(
        **{f: getattr(cert, f) for f in Certification.__dataclass_fields__}
        | {"technology_terms": tuple(terms)}
        | {"zones": tuple(sorted({zones[o] for o in cert.certifies if o in zones}))}
    )


_LISTS: tuple[str, ...] = ("skills", "knowledge", "technologies", "iwas", "keywords")
_LISTS += ("profession", "certifies", "not_for", "lay", "needs", "optional_for", "zones")


def _to_json(catalog: CertCatalog) -> dict[str, Any]:
    """The resolved catalogue as plain JSON data (tuples as lists, sets sorted)."""
    certs = []
    for c in catalog.certifications:
        entry: dict[str, Any] = {f: getattr(c, f) for f in Certification.__dataclass_fields__}
        entry["technology_terms"] = [sorted(t) for t in c.technology_terms]
        entry["literals"] = [[sorted(clause) for clause in cnf] for cnf in c.literals]
        certs.append(entry | {k: list(entry[k]) for k in _LISTS})
    head = {k: getattr(catalog, k) for k in HEADER}
    maps = {
        k: dict(getattr(catalog, k))
        for k in ("element_names", "iwa_titles", "specificity", "title_zones", "title_codes")
    }
    return head | maps | {"certifications": certs}


def _from_json(data: dict[str, Any]) -> CertCatalog | None:
    """The catalogue :func:`_to_json` wrote, or None if the document is not one (or was
    written before the catalogue carried ``title_codes``)."""
    if "title_codes" not in data:
        return None
    try:
        certs = tuple(
            Certification(
                **(e | {k: tuple(e[k]) for k in _LISTS})
                | {"technology_terms": tuple(frozenset(t) for t in e["technology_terms"])}
                | {"literals": tuple(tuple(map(frozenset, cnf)) for cnf in e["literals"])}
            )
            for e in data["certifications"]
        )
        return CertCatalog(
            certifications=certs, **{k: v for k, v in data.items() if k != "certifications"}
        )
    except (KeyError, TypeError, ValueError):
        return None


def load_certifications(
    data_dir: Path, *, check_references: bool = True, cache_dir: Path | None = None
) -> CertCatalog:
    """Read, validate and resolve ``data_dir/catalog/certifications.toml``.

    With ``cache_dir`` and ``check_references=False``, the validated and resolved catalogue is
    kept there as JSON (see :mod:`ai_impact.sources.cert_reference` for the key): a fresh
    process then skips the TOML parser, the O*NET files (about 1 s) and the regex checks,
    and compiles keyword patterns only when a match needs them.
    """
    path = Path(data_dir) / CATALOG_FILE
    text = read_text(path, "certification catalog")
    resolved_dir = Path(data_dir).resolve()
    use_cache = cache_dir is not None and not check_references
    key = cache_key(resolved_dir, text) if use_cache else None
    cached = read_cache(cache_dir, key) if cache_dir is not None and key is not None else None
    if cached is not None and (loaded := _from_json(cached)) is not None:
        return loaded
    raw = parse_toml(text, path)
    catalog = parse_catalog(raw, origin=str(path))
    if check_references and (problems := reference_problems(catalog, data_dir)):
        raise DataError(
            f"{path} refers to {len(problems)} ID(s) absent from the O*NET files: "
            + "; ".join(problems),
            hint="Use IDs from data/onet/29.3 (skills, knowledge, iwa_reference, technology).",
        )
    facts = catalog_facts(resolved_dir, [(c.iwas, c.technologies) for c in catalog.certifications])
    resolved = CertCatalog(
        version=catalog.version,
        updated=catalog.updated,
        description=catalog.description,
        certifications=tuple(
            _resolved(c, facts.titles, facts.zones) for c in catalog.certifications
        ),
        element_names=facts.names,
        iwa_titles=facts.iwa_titles,
        specificity=facts.specificity,
        title_zones={
            t.casefold(): facts.zones[c]
            for c, t in facts.titles_by_code.items()
            if c in facts.zones
        },
        title_codes={t.casefold(): c for c, t in facts.titles_by_code.items()},
    )
    if key is not None and cache_dir is not None:
        write_cache(cache_dir, key, _to_json(resolved))
    return resolved
