"""The certifications catalogue (``data/catalog/certifications.toml``): load, validate, resolve.

Each entry is a real certification, licence or credential mapped to O*NET 29.3 skill and
knowledge element IDs, 29.3 intermediate work activities (IWAs), technology names or UNSPSC
commodity codes, and wording patterns, so that matching a credential to an occupation is a
computation over the occupation's data (see :mod:`ai_impact.reports.match_certs`), never a
hand-picked list. Every problem in the file is reported at once in one :class:`DataError`.
"""

from __future__ import annotations

import csv
import gzip
import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ai_impact.errors import DataError

__all__ = [
    "CATALOG_FILE",
    "KINDS",
    "LEVELS",
    "CertCatalog",
    "Certification",
    "load_certifications",
    "parse_catalog",
    "reference_problems",
]

CATALOG_FILE = Path("catalog") / "certifications.toml"
LEVELS: tuple[str, ...] = ("entry", "intermediate", "advanced", "professional-licence")
KINDS: tuple[str, ...] = ("certification", "licence", "certificate", "credential")

_REQUIRED: tuple[str, ...] = ("id", "name", "issuer", "level", "kind", "skills", "knowledge")
_REQUIRED += ("ai_relevance", "source", "reviewed")
_OPTIONAL = ("effort", "cost_usd", "renewal", "technologies", "iwas", "keywords")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SKILL_RE = re.compile(r"^2\.[AB]\.\d\.[a-z]$")
_KNOWLEDGE_RE = re.compile(r"^2\.C\.\d+(?:\.[a-z])?$")
_IWA_RE = re.compile(r"^4\.A\.\d\.[a-z]\.\d+\.I\d\d$")
_DATE_RE = re.compile(r"^\d{4}-\d\d-\d\d$")
_UNSPSC_RE = re.compile(r"^\d{8}$")

_ONET = Path("onet")
_SKILLS = _ONET / "29.3" / "skills.csv.gz"
_KNOWLEDGE = _ONET / "29.3" / "knowledge.csv.gz"
_IWAS = _ONET / "29.3" / "iwa_reference.csv.gz"
_TECH = _ONET / "29.3" / "technology_skills.csv.gz"
_TOOLS = _ONET / "29.3" / "tools_used.csv.gz"
_UNSPSC = _ONET / "29.3" / "unspsc_reference.csv.gz"
_SOFTWARE = _ONET / "30.3" / "software_skills.csv.gz"
_TASK_DWAS = _ONET / "29.3" / "tasks_to_dwas.csv.gz"
_DWAS = _ONET / "29.3" / "dwa_reference.csv.gz"
_CODE = "O*NET-SOC Code"
# Specificity = log(N / df) / log(N / _COMMON_DF), clipped to [0, 1]: an item used by
# _COMMON_DF occupations or fewer is fully specific.
_COMMON_DF = 50


@dataclass(frozen=True, slots=True)
class Certification:
    """One credential and the O*NET data it is mapped to."""

    id: str
    name: str
    issuer: str
    level: str
    kind: str
    skills: tuple[str, ...]
    knowledge: tuple[str, ...]
    ai_relevance: str
    source: str
    reviewed: str
    effort: str | None = None
    cost_usd: float | None = None
    renewal: str | None = None
    technologies: tuple[str, ...] = ()
    iwas: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    # Lower-cased names each technology entry answers to (a code also answers to its title);
    # filled by the loader from the UNSPSC reference, one frozenset per entry of `technologies`.
    technology_terms: tuple[frozenset[str], ...] = field(default=(), compare=False)
    # All keywords as one pattern over lower-cased text (see ``_lower_literals``), and the
    # literal text each keyword must contain ("" when unknown): a cheap substring test first.
    pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    literals: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def elements(self) -> tuple[str, ...]:
        """Skill and knowledge element IDs together."""
        return self.skills + self.knowledge


@dataclass(frozen=True, slots=True)
class CertCatalog:
    """The whole catalogue, with the O*NET names its IDs refer to."""

    version: str
    updated: str
    description: str
    certifications: tuple[Certification, ...]
    element_names: Mapping[str, str] = field(default_factory=dict, compare=False)
    iwa_titles: Mapping[str, str] = field(default_factory=dict, compare=False)
    # How specific each IWA ID and technology entry is (1 = used by few occupations, near 0 =
    # used by almost all); evidence from common software or activities counts for less.
    specificity: Mapping[str, float] = field(default_factory=dict, compare=False)
    # Positions in `certifications` of the entries naming each IWA / technology term, so a
    # matcher evaluates only the entries an occupation shares some evidence with.
    by_iwa: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    by_term: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        by_iwa: dict[str, list[int]] = {}
        by_term: dict[str, list[int]] = {}
        for pos, cert in enumerate(self.certifications):
            for iwa in cert.iwas:
                by_iwa.setdefault(iwa, []).append(pos)
            for term in {t for terms in cert.technology_terms for t in terms}:
                by_term.setdefault(term, []).append(pos)
        object.__setattr__(self, "by_iwa", {k: tuple(v) for k, v in by_iwa.items()})
        object.__setattr__(self, "by_term", {k: tuple(v) for k, v in by_term.items()})

    def get(self, cert_id: str) -> Certification | None:
        """The entry with this id, or None."""
        return next((c for c in self.certifications if c.id == cert_id), None)


def _text(entry: Mapping[str, Any], key: str, where: str, errors: list[str]) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        errors.append(f"{where}: '{key}' must be a non-empty string")
        return ""
    return value.strip()


def _ids(
    entry: Mapping[str, Any], key: str, where: str, errors: list[str], shape: re.Pattern[str] | None
) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.append(f"{where}: '{key}' must be a list of non-empty strings")
        return ()
    out = tuple(v.strip() for v in value)
    if shape is not None:
        errors += [f"{where}: {key} ID {v!r} is malformed" for v in out if not shape.match(v)]
    if len(set(out)) != len(out):
        errors.append(f"{where}: '{key}' lists an item twice")
    return out


def _lower_literals(regex: str) -> str:
    """The pattern with its literal letters lower-cased (escapes kept), to run on lower-cased
    text: several times faster than ``re.IGNORECASE`` over hundreds of patterns."""
    out, i = [], 0
    while i < len(regex):
        if regex[i] == "\\":
            out.append(regex[i : i + 2])
            i += 2
        else:
            out.append(regex[i].lower())
            i += 1
    return "".join(out)


_LITERAL_RE = re.compile(r"^(?:\\b)?([a-z0-9][a-z0-9 ]{2,})(?=$|[^?*{])", re.I)


def _literal(regex: str) -> str:
    """The lower-cased literal text a keyword match always starts with, or "" if unsure."""
    m = _LITERAL_RE.match(regex)
    depth = 0
    for ch in regex:  # a top-level "|" means the keyword has several starts
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            return ""
    if not m:
        return ""
    lit = m.group(1)
    # A quantifier or group right after the literal may apply to its last character only.
    nxt = regex[m.end(1) : m.end(1) + 1]
    return (lit[:-1] if nxt in "(?*{" and nxt else lit).lower()


def _parse_entry(entry: Mapping[str, Any], where: str, errors: list[str]) -> Certification | None:
    before = len(errors)
    missing = [k for k in _REQUIRED if k not in entry]
    unknown = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL))
    if missing:
        errors.append(f"{where}: missing {', '.join(missing)}")
    if unknown:
        errors.append(f"{where}: unknown keys {', '.join(unknown)}")
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
        k: _text(entry, k, where, errors) if k in entry else None for k in ("effort", "renewal")
    }
    cost = entry.get("cost_usd")
    if cost is not None and (isinstance(cost, bool) or not isinstance(cost, int | float)):
        errors.append(f"{where}: cost_usd must be a number")
        cost = None
    elif cost is not None and cost <= 0:
        errors.append(f"{where}: cost_usd must be positive (omit it when unknown)")
    skills = _ids(entry, "skills", where, errors, _SKILL_RE)
    knowledge = _ids(entry, "knowledge", where, errors, _KNOWLEDGE_RE)
    if not skills or not knowledge:
        errors.append(f"{where}: needs at least one skill and one knowledge element")
    iwas = _ids(entry, "iwas", where, errors, _IWA_RE)
    technologies = _ids(entry, "technologies", where, errors, None)
    keywords = _ids(entry, "keywords", where, errors, None)
    pattern = None
    try:
        source = "|".join(f"(?:{_lower_literals(k)})" for k in keywords)
        pattern = re.compile(source) if keywords else None
    except re.error as exc:
        errors.append(f"{where}: a keyword is not a valid regular expression ({exc})")
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
        technology_terms=tuple(frozenset({t.casefold()}) for t in technologies),
        pattern=pattern,
        literals=tuple(_literal(k) for k in keywords),
    )


def parse_catalog(raw: Mapping[str, Any], origin: str = "certifications.toml") -> CertCatalog:
    """Validate a parsed TOML document; raise DataError listing every bad entry at once."""
    errors: list[str] = []
    head = {k: raw.get(k) for k in ("version", "updated", "description")}
    for key, value in head.items():
        if not isinstance(value, str) or not value.strip():
            errors.append(f"top level: '{key}' must be a non-empty string")
    entries = raw.get("certification")
    if not isinstance(entries, list) or not entries:
        errors.append("top level: no [[certification]] entries")
        entries = []
    certs: list[Certification] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries, 1):
        name = entry.get("id", "?") if isinstance(entry, dict) else "?"
        where = f"certification #{i} ({name})"
        if not isinstance(entry, dict):
            errors.append(f"{where}: not a table")
            continue
        cert = _parse_entry(entry, where, errors)
        if cert is not None and cert.id in seen:
            errors.append(f"{where}: duplicate id {cert.id!r}")
        elif cert is not None:
            seen.add(cert.id)
            certs.append(cert)
    if errors:
        raise DataError(
            f"{origin} has {len(errors)} problem(s): " + "; ".join(errors),
            hint="Fix the entries named above; docs/catalogs.md describes the schema.",
        )
    return CertCatalog(
        version=str(head["version"]),
        updated=str(head["updated"]),
        description=str(head["description"]),
        certifications=tuple(certs),
    )


def _read(path: Path, columns: Iterable[str]) -> list[dict[str, str]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            cols = tuple(columns)
            absent = [c for c in cols if c not in (reader.fieldnames or ())]
            if absent:
                raise DataError(f"{path} lacks the column(s) {', '.join(absent)}.")
            return [{c: (row[c] or "").strip() for c in cols} for row in reader]
    except OSError as exc:
        raise DataError(
            f"Cannot read {path}: {exc}.", hint="Restore data/ from the repository."
        ) from exc


@lru_cache(maxsize=4)
def _reference(data_dir: Path) -> dict[str, Any]:
    """Names and known IDs from the vendored O*NET files (read once per data folder)."""
    names: dict[str, str] = {}
    for path in (_SKILLS, _KNOWLEDGE):
        for row in _read(data_dir / path, ("Element ID", "Element Name")):
            names[row["Element ID"]] = row["Element Name"]
    iwas = {r["IWA ID"]: r["IWA Title"] for r in _read(data_dir / _IWAS, ("IWA ID", "IWA Title"))}
    titles = {
        r["Commodity Code"]: r["Commodity Title"]
        for r in _read(data_dir / _UNSPSC, ("Commodity Code", "Commodity Title"))
    }
    users: dict[str, set[str]] = {}  # lower-cased technology term -> occupations using it
    for path in (_TECH, _TOOLS):
        for row in _read(data_dir / path, (_CODE, "Example", "Commodity Code", "Commodity Title")):
            titles.setdefault(row["Commodity Code"], row["Commodity Title"])
            for key in ("Example", "Commodity Code", "Commodity Title"):
                users.setdefault(row[key].casefold(), set()).add(row[_CODE])
    for row in _read(data_dir / _SOFTWARE, (_CODE, "Workplace Example")):
        users.setdefault(row["Workplace Example"].casefold(), set()).add(row[_CODE])
    examples = {r["Example"] for p in (_TECH, _TOOLS) for r in _read(data_dir / p, ("Example",))}
    examples |= {
        r["Workplace Example"] for r in _read(data_dir / _SOFTWARE, ("Workplace Example",))
    }
    dwa_iwa = {r["DWA ID"]: r["IWA ID"] for r in _read(data_dir / _DWAS, ("DWA ID", "IWA ID"))}
    iwa_users: dict[str, set[str]] = {}
    for row in _read(data_dir / _TASK_DWAS, (_CODE, "DWA ID")):
        iwa_users.setdefault(dwa_iwa.get(row["DWA ID"], ""), set()).add(row[_CODE])
    n = len({c for v in iwa_users.values() for c in v} | {c for v in users.values() for c in v})
    return {
        "names": names,
        "iwas": iwas,
        "titles": titles,
        "examples": examples,
        "tech_users": users,
        "iwa_users": iwa_users,
        "n_occupations": max(n, 1),
    }


def _specificity(df: int, n: int) -> float:
    if df <= 0:
        return 1.0
    return min(1.0, max(0.0, math.log(n / df) / math.log(max(n / _COMMON_DF, 2.0))))


def _specificities(catalog: CertCatalog, ref: Mapping[str, Any]) -> dict[str, float]:
    """Specificity of every IWA ID and technology entry the catalogue uses."""
    n = ref["n_occupations"]
    out: dict[str, float] = {}
    for c in catalog.certifications:
        for iwa in c.iwas:
            out[iwa] = _specificity(len(ref["iwa_users"].get(iwa, ())), n)
        for tech in c.technologies:
            terms = {tech.casefold()}
            if _UNSPSC_RE.match(tech) and tech in ref["titles"]:
                terms.add(ref["titles"][tech].casefold())
            df = len(set().union(*(ref["tech_users"].get(t, set()) for t in terms)))
            out[tech] = _specificity(df, n)
    return out


def reference_problems(catalog: CertCatalog, data_dir: Path) -> list[str]:
    """Every skill, knowledge, IWA or technology reference that the O*NET files do not define."""
    ref = _reference(Path(data_dir).resolve())
    known_tech = ref["examples"] | set(ref["titles"]) | set(ref["titles"].values())
    out: list[str] = []
    for c in catalog.certifications:
        out += [f"{c.id}: unknown element {e}" for e in c.elements if e not in ref["names"]]
        out += [f"{c.id}: unknown IWA {i}" for i in c.iwas if i not in ref["iwas"]]
        out += [f"{c.id}: unknown technology {t!r}" for t in c.technologies if t not in known_tech]
    return out


def _resolved(cert: Certification, titles: Mapping[str, str]) -> Certification:
    """The entry with each UNSPSC code also answering to its commodity title."""
    terms = []
    for tech in cert.technologies:
        extra = titles.get(tech) if _UNSPSC_RE.match(tech) else None
        terms.append(frozenset(t.casefold() for t in (tech, extra) if t))
    return Certification(
        **{f: getattr(cert, f) for f in Certification.__dataclass_fields__}
        | {"technology_terms": tuple(terms)}
    )


def load_certifications(data_dir: Path, *, check_references: bool = True) -> CertCatalog:
    """Read, validate and resolve ``data_dir/catalog/certifications.toml``."""
    path = Path(data_dir) / CATALOG_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(
            f"Cannot read the certification catalogue {path}: {exc}.",
            hint="Restore data/catalog/certifications.toml from the repository.",
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path} is not valid TOML: {exc}.") from exc
    catalog = parse_catalog(raw, origin=str(path))
    ref = _reference(Path(data_dir).resolve())
    if check_references and (problems := reference_problems(catalog, data_dir)):
        raise DataError(
            f"{path} refers to {len(problems)} ID(s) absent from the O*NET files: "
            + "; ".join(problems),
            hint="Use IDs from data/onet/29.3 (skills, knowledge, iwa_reference, technology).",
        )
    return CertCatalog(
        version=catalog.version,
        updated=catalog.updated,
        description=catalog.description,
        certifications=tuple(_resolved(c, ref["titles"]) for c in catalog.certifications),
        element_names=ref["names"],
        iwa_titles=ref["iwas"],
        specificity=_specificities(catalog, ref),
    )
