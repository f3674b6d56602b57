"""The production :class:`~ai_impact.workforce.analysis.Library`: the analysis over the facade.

Kept apart from the analysis so the arithmetic is tested on fakes, and imported lazily by
:func:`ai_impact.api.workforce` (the facade imports this module, this module imports the
facade: the import happens inside the call, never at module load).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from ai_impact import api
from ai_impact.reports.model import OccupationReport
from ai_impact.reports.service import OccupationRow
from ai_impact.settings import Settings
from ai_impact.titles.resolver import Resolution, Resolver
from ai_impact.workforce.analysis import (
    MIN_CONFIDENCE,
    MarketPay,
    OccupationFigures,
    WorkforceReport,
    analyze_roster,
)
from ai_impact.workforce.roster import RosterParse, parse_roster, read_roster_file

__all__ = ["FacadeLibrary", "workforce_report"]


class FacadeLibrary:
    """Titles, occupation rows, reports and OEWS pay from one knowledge base."""

    def __init__(self, settings: Settings | None = None) -> None:
        # Built once: reading the environment per call costs ~1 ms, thousands of times a roster.
        self.settings = settings or Settings()
        self.kb = api.get_kb(self.settings)
        self._rows: dict[str, OccupationRow] | None = None

    def resolve_batch(self, texts: Sequence[str]) -> Sequence[Resolution]:
        """All titles in one pass of the resolver (batched embedding and fuzzy matching)."""
        return Resolver.from_kb(self.kb).resolve_batch(list(texts), top=5)

    def occupation_rows(self) -> Mapping[str, OccupationFigures]:
        """The occupation table by code (read once per instance)."""
        return self._table()

    def _table(self) -> dict[str, OccupationRow]:
        if self._rows is None:
            self._rows = {r.code: r for r in api.occupation_table(settings=self.settings)}
        return self._rows

    def report(self, code: str) -> OccupationReport:
        """The occupation's full report (national)."""
        return api.report_for(code, settings=self.settings)

    def market_pay(self, code: str, location: str | None) -> MarketPay | None:
        """The OEWS median pay, a year and an hour, in ``location`` (a state or metro; None is
        the nation), naming the SOC group whose pay it is when it is a group's; an area OEWS
        publishes nothing for gives no median, the nation None."""
        wage = self.kb.wage(code, location)
        row = self._table().get(code)
        group = row.pay_group if row is not None else None
        if wage is None:
            return MarketPay(self.kb.area(location).name, None, None) if location else None
        pay = MarketPay(wage.area_name, wage.annual_median, wage.hourly_median)
        # Only a figure shown is marked: an area whose median is withheld names no group.
        return replace(pay, pay_group=group) if pay.published else pay


def workforce_report(
    source: Path | bytes | str | Sequence[Mapping[str, str | int | float | None]] | RosterParse,
    *,
    top: int = 10,
    reskilling: bool = True,
    min_confidence: float = MIN_CONFIDENCE,
    settings: Settings | None = None,
) -> WorkforceReport:
    """Read the roster (a CSV path, bytes or text, row mappings, or parsed) and analyse it."""
    if isinstance(source, RosterParse):
        roster = source
    elif isinstance(source, Path):
        roster = read_roster_file(source)
    else:
        roster = parse_roster(source)
    lib = FacadeLibrary(settings)
    return analyze_roster(
        roster, lib, reskilling=reskilling, top=top, min_confidence=min_confidence
    )
