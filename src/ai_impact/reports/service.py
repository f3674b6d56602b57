"""Reports as a service: cached reports, the occupation table and industry summaries.

The library facade (:mod:`ai_impact.api`) keeps one :class:`Analyses` per settings object;
this module holds the logic so the facade stays a list of one-line functions.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ai_impact.db.files import INDUSTRY_CATALOG
from ai_impact.errors import AmbiguousInputError, InputError, NotFoundError
from ai_impact.reports.build import build_report
from ai_impact.reports.engine import Engine
from ai_impact.reports.model import MatchAlternative, OccupationReport, TitleMatch
from ai_impact.risk.table import OccupationRisk, RiskTable
from ai_impact.settings import Settings
from ai_impact.sources.industries import load_industries

if TYPE_CHECKING:
    from ai_impact.titles.resolution import Resolution

__all__ = ["Analyses", "IndustrySummary", "OccupationRow", "methodology_text"]

_CODE = re.compile(r"^\s*\d{2}-\d{4}(?:\.\d{2})?\s*$")
_CACHE_SIZE = 4096
METHODOLOGY = Path(__file__).with_name("methodology.md")


@dataclass(frozen=True, slots=True)
class OccupationRow:
    """One line of the occupation table: identity, risk and every component, pay, outlook.

    As in a related-occupations row (:class:`~ai_impact.reports.model.RelatedEntry`):
    ``hourly_median`` is the national OEWS median in US dollars an hour, the pay to show where
    BLS publishes only hourly wages and ``median_annual`` is None; ``pay_group`` names the SOC
    group whose pay this is ("SOC 13-2099 (Financial Specialists, All Other)") and
    ``projection_group`` the one whose projection ``employment_change_pct`` is ("SOC 27-2012
    (Producers and Directors)"), when that group covers other O*NET occupations too; None for the
    occupation's own figure (or none). Tables mark such pay † and such an outlook ‡.
    """

    code: str
    soc: str
    title: str
    industry: str
    industry_slug: str
    risk_score: float
    risk_category: str
    exposure: float
    exposed_share: float
    automation: float
    substitution: float
    ai_usage: float | None  # None: the AEI sample covers none of the tasks
    adoption: float
    demand: float
    median_annual: float | None
    employment_change_pct: float | None
    openings_annual: float | None
    pay_group: str | None = None
    hourly_median: float | None = None
    projection_group: str | None = None


@dataclass(frozen=True, slots=True)
class IndustrySummary:
    """An industry with its occupations' count, mean risk and OEWS employment."""

    slug: str
    label: str
    description: str
    occupations: int
    mean_risk: float
    employment: int  # jobs: a count, rounded once the shared OEWS codes are split


def _row(r: OccupationRisk, table: RiskTable) -> OccupationRow:
    values = dict(zip(("e", "s", "u", "a", "d"), r.values, strict=True))
    hourly = table.hourly_medians.get(r.code)
    paid = r.median_annual is not None or hourly is not None
    return OccupationRow(
        code=r.code,
        soc=r.soc,
        title=r.title,
        industry=r.industry,
        industry_slug=r.industry_slug,
        risk_score=round(r.score, 1),  # as shown, and as the category is read
        risk_category=r.category,
        exposure=round(r.beta, 4),
        exposed_share=round(r.share_alone + r.share_tools, 4),
        automation=round(r.automation, 4),
        substitution=round(r.substitution, 4),
        ai_usage=None if r.ai_usage is None else round(r.ai_usage, 4),
        adoption=round(values["a"], 4),
        demand=round(values["d"], 4),
        median_annual=r.median_annual,
        employment_change_pct=r.change_pct,
        openings_annual=None if r.openings_annual is None else round(r.openings_annual * 1000),
        # Only a figure shown is marked: no pay or no projection, no group named.
        pay_group=table.pay_groups.get(r.code) if paid else None,
        hourly_median=hourly,
        projection_group=None if r.change_pct is None else table.projection_groups.get(r.code),
    )


def title_match(res: Resolution) -> TitleMatch:
    """How sure the analysis of a resolved title is, and the next candidates it may mean."""
    from ai_impact.titles.best_guess import alternatives, is_best_guess, match_confidence

    others = tuple(
        MatchAlternative(c.code, c.soc, c.title, c.confidence) for c in alternatives(res)
    )
    return TitleMatch(match_confidence(res), is_best_guess(res), others)


def methodology_text() -> str:
    """The methodology page (Markdown), shipped inside the package."""
    return METHODOLOGY.read_text(encoding="utf-8")


class Analyses:
    """Reports, table and industries over one engine, with a bounded report cache."""

    def __init__(self, kb: Any, settings: Settings) -> None:
        self.engine = Engine(kb, settings)
        self._cache: OrderedDict[tuple[str, str | None], OccupationReport] = OrderedDict()
        self._lock = threading.Lock()
        self._descriptions: dict[str, str] | None = None

    def report_for(self, code: str, *, area: str | None = None) -> OccupationReport:
        """The report of one O*NET-SOC or SOC code (cached per code and area)."""
        occ = self.engine.kb.occupation(code)
        key = (occ.code, area.strip().lower() if area else None)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        report = build_report(self.engine, occ.code, area=area)
        with self._lock:
            self._cache[key] = report
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return report

    def resolver(self) -> Any:
        """The title resolver over this knowledge base."""
        from ai_impact.titles.resolver import Resolver

        return Resolver.from_kb(self.engine.kb, settings=self.engine.settings)

    def analyze(self, query: str, *, area: str | None = None) -> OccupationReport:
        """The report for a code or a job title; several alias candidates are blended."""
        if not query.strip():
            raise InputError(
                "The title or code is empty.", hint="Type a job title such as 'Registered Nurse'."
            )
        if _CODE.match(query):
            return self.report_for(query.strip(), area=area)
        from ai_impact.titles.best_guess import page_basis

        res = self.resolver().resolve(query, top=5)
        if not res.candidates:
            # The resolver's message already suggests broader titles.
            raise NotFoundError(res.message or f"No occupation matches {query!r}.")
        best = res.candidates[0]
        # A title of the curated alias table ("DevOps Engineer") names the occupations it rests
        # on: blend them rather than ask, even when none is a confident match on its own
        # (best_guess.page_basis leaves out a member far below the lead).
        basis = page_basis(res)
        blend = [(c.code, c.confidence) for c in basis] if len(basis) > 1 else []
        if res.needs_choice and not (best.via == "alias" and res.alias_note):
            shown = AmbiguousInputError.worth_showing(res.candidates)
            names = "; ".join(f"{c.code} {c.title}" for c in shown)
            # The message starts with the query's repr: the web's compare page reads which of
            # its entries needs a choice from it (web/pages.py, _compare_choice).
            raise AmbiguousInputError(
                f"{query!r} could mean several occupations: {names}.",
                candidates=shown,
                hint="Run again with one of the codes.",
            )
        report = build_report(
            self.engine, best.code, area=area, resolved_from=query.strip(), blend=blend
        )
        return replace(report, header=replace(report.header, match=title_match(res)))

    def compare(self, codes: Sequence[str]) -> list[OccupationReport]:
        """Reports of two to four occupations, in the order given."""
        if not 2 <= len(codes) <= 4:
            raise InputError(
                f"Compare takes 2 to 4 occupations; got {len(codes)}.",
                hint="Give two to four O*NET-SOC codes or titles.",
            )
        reports = [self.analyze(c) for c in codes]
        seen: dict[tuple[str, tuple[str, ...]], str] = {}
        for query, report in zip(codes, reports, strict=True):
            # The same code twice, or a title and the code it resolves to, is one analysis:
            # a table with two identical columns would read as two occupations that agree.
            key = (report.header.code, report.header.rests_on)
            if key in seen:
                h = report.header
                raise InputError(
                    f"{seen[key]!r} and {query!r} are the same analysis, {h.title} ({h.code}); "
                    "compare needs different occupations.",
                    hint="Give each occupation once: two to four different titles or codes.",
                )
            seen[key] = query
        return reports

    def occupation_table(self) -> list[OccupationRow]:
        """Every occupation with its risk, components, pay and outlook, by code."""
        table = self.engine.table
        return [_row(r, table) for r in table.rows()]

    def industries(self) -> list[IndustrySummary]:
        """Every industry with its occupations' mean risk and total employment."""
        rows = self.engine.table.rows()
        labels = {o.industry_slug: o.industry for o in self.engine.kb.occupations()}
        descriptions = self._industry_descriptions()
        employment = _employment_by_industry(rows, self.engine.kb.occupations())
        out = []
        for slug, codes in sorted(self.engine.by_industry.items()):
            members = [r for r in rows if r.industry_slug == slug]
            out.append(
                IndustrySummary(
                    slug=slug,
                    label=labels.get(slug, slug),
                    description=descriptions.get(slug, ""),
                    occupations=len(codes),
                    mean_risk=round(sum(r.score for r in members) / len(members), 2),
                    employment=employment.get(slug, 0),
                )
            )
        return out

    def industry(self, slug: str) -> tuple[IndustrySummary, list[OccupationRow]]:
        """One industry and its occupations, highest risk first."""
        for summary in self.industries():
            if summary.slug == slug:
                rows = [r for r in self.occupation_table() if r.industry_slug == slug]
                rows.sort(key=lambda r: -r.risk_score)
                return summary, rows
        raise NotFoundError(
            f"No industry has the slug {slug!r}.", hint="List them with `api.industries()`."
        )

    def _industry_descriptions(self) -> dict[str, str]:
        """Each industry's description, by slug, from the industry catalogue (read once)."""
        if self._descriptions is None:
            catalog = load_industries(self.engine.settings.data_dir / INDUSTRY_CATALOG)
            self._descriptions = {i.slug: i.description for i in catalog.industries}
        return self._descriptions


def _employment_by_industry(
    rows: Sequence[OccupationRisk], occupations: Sequence[Any]
) -> dict[str, int]:
    """OEWS employment per industry (whole jobs), each OEWS code counted once.

    Several O*NET codes share one OEWS code (29-1141.00 to .04 all carry Registered Nurses'
    3.4 million), so summing the occupations would count those jobs once per O*NET code. Each
    OEWS code's employment is split evenly over the O*NET codes that share it, which counts it
    once in total and wholly in its industry when its codes share one (as all do today).
    """
    oews = {o.code: o.oews_code for o in occupations}
    sharing: dict[str, int] = {}
    for r in rows:
        key = oews.get(r.code) or r.code
        sharing[key] = sharing.get(key, 0) + 1
    out: dict[str, float] = {}
    for r in rows:
        if r.employment is None:
            continue
        share = r.employment / sharing[oews.get(r.code) or r.code]
        out[r.industry_slug] = out.get(r.industry_slug, 0.0) + share
    return {slug: round(total) for slug, total in out.items()}
