"""The certifications catalogue (``data/catalog/certifications.toml``): load, validate, resolve.

Each entry is a real certification, licence or credential mapped to O*NET 29.3 skill and
knowledge element IDs, 29.3 intermediate work activities (IWAs), technology names or UNSPSC
commodity codes, and wording patterns, and the O*NET occupations whose members hold it (its
level: their job zones), so that matching a credential to an occupation is a
computation over the occupation's data (see :mod:`ai_impact.reports.match_certs`), never a
hand-picked list. Every problem in the file is reported at once in one :class:`DataError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ai_impact.errors import DataError
from ai_impact.sources.catalog_files import (
    HEADER,
    key_problems,
    parse_toml,
    raise_problems,
    read_text,
    str_list,
    tables,
    unique_ids,
)
from ai_impact.sources.cert_reference import (
    UNSPSC_RE,
    cache_key,
    catalog_facts,
    occupation_zones,
    onet_reference,
    read_cache,
    write_cache,
)
from ai_impact.sources.regex_literals import LiteralIndex, required_clauses

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
LEVELS: tuple[str, ...] = ("entry", "intermediate", "advanced", "professional-licence")
KINDS: tuple[str, ...] = ("certification", "licence", "certificate", "credential")

_REQUIRED: tuple[str, ...] = ("id", "name", "issuer", "level", "kind", "skills", "knowledge")
_REQUIRED += ("ai_relevance", "source", "reviewed")
_OPTIONAL: tuple[str, ...] = ("effort", "cost_usd", "renewal", "technologies", "iwas", "keywords")
_OPTIONAL += ("profession", "certifies", "specialty", "not_for", "lay", "needs")
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
    # Patterns naming the profession a licence or role credential is for ("\bnurses?\b"), or the
    # occupations a role credential suits: the matcher lists the entry only where the
    # occupation's title or the opening sentence of its description names one.
    profession: tuple[str, ...] = ()
    # O*NET-SOC codes of the occupations whose members hold the credential (the profession it
    # certifies, at its level: a paralegal certificate certifies 23-2011.00, the bar 23-1011.00);
    # the matcher lists it for those occupations whatever its evidence, first.
    certifies: tuple[str, ...] = ()
    # The specialty it certifies within the `certifies` occupations ("critical care nursing"):
    # some of their members hold it, on top of the occupation's licence, so the reason calls it
    # "a specialty certification of this occupation", not "the certification".
    specialty: str | None = None
    # Patterns naming occupations outside the credential's scope, matched like `profession`
    # (title and opening sentence): the matcher never lists it there. Human first aid is not for
    # veterinarians, whose patients are animals; OSHA's general-industry card not for flight or
    # vessel crews, whose workplace safety the FAA and the Coast Guard regulate.
    not_for: tuple[str, ...] = ()
    # A course for lay people (first aid, Mental Health First Aid): the knowledge elements of
    # the fields whose practitioners' training covers it at a higher level (``lay = true``: the
    # course's core knowledge), empty for any other credential. Not listed for an occupation
    # holding a credential of its own whose core knowledge is one of them (a physician's
    # licence and Medicine and Dentistry), or rating one of them highly.
    lay: tuple[str, ...] = ()
    # The kinds of evidence (``NEEDS``) of which the credential needs at least one, when its
    # other evidence says nothing of its subject: life support needs hands-on care (a shared
    # work activity or tool), not the word "patients"; a cloud certificate cloud software or
    # the word "cloud", not the computer work every IT occupation shares.
    needs: tuple[str, ...] = ()
    # The job zones (1..5) of the `certifies` occupations, filled by the loader from O*NET: the
    # matcher lists the entry only for occupations whose own zone lies between their extremes.
    zones: tuple[int, ...] = field(default=(), compare=False)
    # Lower-cased names each technology entry answers to (a code also answers to its title);
    # filled by the loader from the UNSPSC reference, one frozenset per entry of `technologies`.
    technology_terms: tuple[frozenset[str], ...] = field(default=(), compare=False)
    # For each keyword, sets of texts such that any of its matches contains one text of each
    # set (none: unknown, run the pattern): a cheap substring test before the regex (see
    # :func:`ai_impact.sources.regex_literals.required_clauses`).
    literals: tuple[tuple[frozenset[str], ...], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.literals) != len(self.keywords):  # not given (or stale): derive them
            needs = tuple(required_clauses(_lower_literals(k)) for k in self.keywords)
            object.__setattr__(self, "literals", needs)

    @property
    def elements(self) -> tuple[str, ...]:
        """Skill and knowledge element IDs together."""
        return self.skills + self.knowledge

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """All keywords as one pattern over lower-cased text (None without keywords)."""
        return keyword_pattern(self.keywords) if self.keywords else None

    def fits_zone(self, zone: int | None) -> bool:
        """Whether an occupation of job ``zone`` is at the level of the holders (True when
        either is unknown)."""
        if zone is None or not self.zones:
            return True
        return min(self.zones) <= zone <= max(self.zones)

    @property
    def profession_pattern(self) -> re.Pattern[str] | None:
        """The profession patterns as one pattern over lower-cased text (None when absent)."""
        return keyword_pattern(self.profession) if self.profession else None

    @property
    def not_for_pattern(self) -> re.Pattern[str] | None:
        """The `not_for` patterns as one pattern over lower-cased text (None when absent)."""
        return keyword_pattern(self.not_for) if self.not_for else None


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
    # O*NET occupation title (case-folded) -> job zone: the level of an occupation a caller
    # names by its title only (see ``match_certifications``).
    title_zones: Mapping[str, int] = field(default_factory=dict, compare=False)
    # O*NET occupation title (case-folded) -> O*NET-SOC code: the occupation a caller names by
    # its title only, whose `certifies` entries are its own (see ``match_certifications``).
    title_codes: Mapping[str, str] = field(default_factory=dict, compare=False)
    # Positions in `certifications` of the entries naming each IWA / technology term, so a
    # matcher evaluates only the entries an occupation shares some evidence with.
    by_iwa: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    by_term: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    # The same for the keyword literals (``Certification.literals``), with an index that lists
    # the literals in a text; `unfiltered` holds entries with a keyword that requires none.
    by_literal: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    unfiltered: tuple[int, ...] = field(default=(), compare=False)
    literal_index: LiteralIndex = field(default_factory=lambda: LiteralIndex(()), compare=False)
    # Positions of the entries certifying each O*NET-SOC code (`Certification.certifies`).
    by_certified: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        by_iwa: dict[str, list[int]] = {}
        by_term: dict[str, list[int]] = {}
        by_literal: dict[str, list[int]] = {}
        unfiltered: list[int] = []
        by_certified: dict[str, list[int]] = {}
        for pos, cert in enumerate(self.certifications):
            for code in cert.certifies:
                by_certified.setdefault(code, []).append(pos)
            for iwa in cert.iwas:
                by_iwa.setdefault(iwa, []).append(pos)
            for term in {t for terms in cert.technology_terms for t in terms}:
                by_term.setdefault(term, []).append(pos)
            if () in cert.literals:
                unfiltered.append(pos)
            for lit in {lit for cnf in cert.literals for clause in cnf for lit in clause}:
                by_literal.setdefault(lit, []).append(pos)
        object.__setattr__(self, "by_iwa", {k: tuple(v) for k, v in by_iwa.items()})
        object.__setattr__(self, "by_term", {k: tuple(v) for k, v in by_term.items()})
        object.__setattr__(self, "by_literal", {k: tuple(v) for k, v in by_literal.items()})
        object.__setattr__(self, "unfiltered", tuple(unfiltered))
        object.__setattr__(self, "by_certified", {k: tuple(v) for k, v in by_certified.items()})
        object.__setattr__(self, "literal_index", LiteralIndex(by_literal))

    def get(self, cert_id: str) -> Certification | None:
        """The entry with this id, or None."""
        return next((c for c in self.certifications if c.id == cert_id), None)


def _text(entry: Mapping[str, Any], key: str, where: str, errors: list[str]) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        errors.append(f"{where}: '{key}' must be a non-empty string")
        return ""
    return value.strip()


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


@lru_cache(maxsize=8192)
def keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """Keywords as one pattern over lower-cased text, matching where any of them matches.

    Compiled on first use and kept: a catalogue loaded from the cache compiles only the
    patterns its matches need.
    """
    return re.compile("|".join(f"(?:{_lower_literals(k)})" for k in keywords))


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
        errors.append(f"{where}: a professional licence needs 'profession' patterns")
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
_LISTS += ("profession", "certifies", "not_for", "lay", "needs", "zones")


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
    text = read_text(path, "certification catalogue")
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
