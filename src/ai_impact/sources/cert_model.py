"""The certification catalogue's types: one credential and the whole catalogue.

:class:`Certification` is one entry of ``data/catalog/certifications.toml`` as the loader
(:mod:`ai_impact.sources.catalog_certs`) resolves it, :class:`CertCatalog` the catalogue with
the O*NET names and the indexes a matcher (:mod:`ai_impact.reports.match_certs`) uses to look
only at the entries an occupation shares some evidence with.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from ai_impact.sources.regex_literals import LiteralIndex, required_clauses

__all__ = ["CertCatalog", "Certification", "keyword_pattern", "lower_literals"]


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
    # The `certifies` occupations where the licence is held but not legally required to
    # practise (the CPA for financial managers, the PE for engineers under the industrial
    # exemption): the reason calls it "a licence held in this occupation", never "the licence".
    optional_for: tuple[str, ...] = ()
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
    # The kinds of evidence (``cert_parse.NEEDS``) of which the credential needs at least one,
    # when its other evidence says nothing of its subject: life support needs hands-on care (a
    # shared work activity or tool), not the word "patients"; a cloud certificate cloud software
    # or the word "cloud", not the computer work every IT occupation shares.
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
            needs = tuple(required_clauses(lower_literals(k)) for k in self.keywords)
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


def lower_literals(regex: str) -> str:
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
    return re.compile("|".join(f"(?:{lower_literals(k)})" for k in keywords))
