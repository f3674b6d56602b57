"""The industry catalog (data/catalog/industries.toml) and the rule that labels occupations.

Rule: the longest SOC 2018 prefix rule gives a base industry; when that rule allows refinement
and the occupation's national employment concentrates (≥ threshold) in one NAICS sector that
belongs to an industry, the occupation takes that industry, unless the rule names that sector
in ``refine_ignore`` (an employer that owns the work without being its line of work: the
government running buses and subways). See docs/data-model.md.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ai_impact.errors import DataError

__all__ = ["Industry", "IndustryCatalog", "SocRule", "load_industries"]


@dataclass(frozen=True, slots=True)
class Industry:
    """One industry label of the product."""

    slug: str
    label: str
    description: str
    naics_sectors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SocRule:
    """SOC prefix → industry; ``refine`` lets OEWS sector concentration override it, except
    concentration in a sector of ``refine_ignore``."""

    prefix: str
    industry: str
    refine: bool
    refine_ignore: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IndustryCatalog:
    """The industries and the labelling rule's inputs."""

    industries: tuple[Industry, ...]
    rules: tuple[SocRule, ...]
    threshold: float

    def by_slug(self, slug: str) -> Industry:
        """The industry with this slug."""
        for industry in self.industries:
            if industry.slug == slug:
                return industry
        raise KeyError(slug)

    def assign(self, soc: str, sector_shares: Mapping[str, float]) -> tuple[Industry, str]:
        """The industry of an occupation with SOC code ``soc`` and why (a one-line basis)."""
        rule = max(
            (r for r in self.rules if soc.startswith(r.prefix)),
            key=lambda r: len(r.prefix),
            default=None,
        )
        if rule is None:
            raise DataError(
                f"No industry rule covers SOC {soc}.",
                hint="Add a [[soc_rule]] for its major group to data/catalog/industries.toml.",
            )
        base = self.by_slug(rule.industry)
        basis = f"SOC {rule.prefix} → {base.label}"
        if rule.refine and sector_shares:
            sector, share = max(sector_shares.items(), key=lambda kv: kv[1])
            if share >= self.threshold and sector not in rule.refine_ignore:
                for industry in self.industries:
                    if sector in industry.naics_sectors:
                        return industry, (
                            f"{basis}, refined: {share:.0%} of employment in NAICS {sector}"
                            f" → {industry.label}"
                        )
        return base, basis


def load_industries(path: Path) -> IndustryCatalog:
    """Parse and check the catalog: unique slugs, known industries in rules, every sector once."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(
            f"Industry catalog {path} is missing.", hint="Restore data/catalog/."
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"Industry catalog {path.name} is not valid TOML: {exc}.") from exc
    problems: list[str] = []
    industries = tuple(
        Industry(
            str(item.get("slug", "")),
            str(item.get("label", "")),
            str(item.get("description", "")),
            tuple(str(s) for s in item.get("naics_sectors", [])),
        )
        for item in raw.get("industry", [])
    )
    slugs = [i.slug for i in industries]
    if len(set(slugs)) != len(slugs) or not all(slugs) or not all(i.label for i in industries):
        problems.append("industry slugs must be unique and every industry needs a label")
    sectors = [s for i in industries for s in i.naics_sectors]
    if len(set(sectors)) != len(sectors):
        problems.append("a NAICS sector is listed under two industries")
    rules = tuple(
        SocRule(
            str(r.get("prefix", "")),
            str(r.get("industry", "")),
            bool(r.get("refine", False)),
            tuple(str(s) for s in r.get("refine_ignore", [])),
        )
        for r in raw.get("soc_rule", [])
    )
    for rule in rules:
        if rule.industry not in slugs:
            problems.append(f"rule {rule.prefix!r} names unknown industry {rule.industry!r}")
        if rule.refine_ignore and not rule.refine:
            problems.append(f"rule {rule.prefix!r} has refine_ignore without refine")
        unknown = sorted(set(rule.refine_ignore) - set(sectors))
        if unknown:
            problems.append(f"rule {rule.prefix!r} ignores sectors no industry lists: {unknown}")
    prefixes = [r.prefix for r in rules]
    if len(set(prefixes)) != len(prefixes):
        problems.append("a SOC prefix has two rules")
    threshold = float(raw.get("concentration_threshold", 0.5))
    if problems:
        raise DataError(f"Industry catalog {path.name}: {'; '.join(problems)}.")
    return IndustryCatalog(industries, rules, threshold)
