"""Census Business Trends and Outlook Survey: share of firms using AI, by NAICS sector."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from ai_impact.sources.tables import RowProblems, read_table, to_float

__all__ = ["SECTOR_NAMES", "AdoptionRow", "read_adoption"]

# BTOS sector codes; "XX" is all sectors. Manufacturing, retail and transportation use the
# first two-digit code of their NAICS range, as BTOS does.
SECTOR_NAMES: dict[str, str] = {
    "XX": "All sectors",
    "11": "Agriculture, Forestry, Fishing and Hunting",
    "21": "Mining, Quarrying, and Oil and Gas Extraction",
    "22": "Utilities",
    "23": "Construction",
    "31": "Manufacturing",
    "42": "Wholesale Trade",
    "44": "Retail Trade",
    "48": "Transportation and Warehousing",
    "51": "Information",
    "52": "Finance and Insurance",
    "53": "Real Estate and Rental and Leasing",
    "54": "Professional, Scientific, and Technical Services",
    "55": "Management of Companies and Enterprises",
    "56": "Administrative and Support and Waste Management and Remediation Services",
    "61": "Educational Services",
    "62": "Health Care and Social Assistance",
    "71": "Arts, Entertainment, and Recreation",
    "72": "Accommodation and Food Services",
    "81": "Other Services (except Public Administration)",
}

# Question 7 asks about AI use in the last two weeks, question 24 about the next six months.
_CURRENT, _EXPECTED = "7", "24"


class AdoptionRow(NamedTuple):
    """AI use (percent of firms) in one sector and period; expected = next six months."""

    sector_code: str
    sector_name: str
    period: str
    period_start: str
    share_pct: float
    expected_pct: float | None
    comparable: bool


def read_adoption(path: Path) -> list[AdoptionRow]:
    """ "Yes" answers per sector and period; suppressed estimates (S) are left out."""
    cols = ("Sector", "Question ID", "Answer", "smpdt", "estimate", "Col Start", "wording")
    problems = RowProblems(path)
    cells: dict[tuple[str, str], dict[str, float | None]] = {}
    meta: dict[tuple[str, str], tuple[str, bool]] = {}
    for i, row in enumerate(read_table(path, cols), start=1):
        if row["Answer"].strip() != "Yes":
            continue
        sector, period = row["Sector"].strip(), row["smpdt"].strip()
        if sector not in SECTOR_NAMES:
            problems.add(i, f"unknown sector {sector!r}")
            continue
        estimate = row["estimate"].strip()
        try:
            value = None if estimate == "S" else to_float(estimate)
            start = datetime.strptime(row["Col Start"].strip(), "%m/%d/%Y").date().isoformat()
        except ValueError as exc:
            problems.add(i, str(exc))
            continue
        cells.setdefault((sector, period), {})[row["Question ID"].strip()] = value
        # The Nov 2025 wording ("any business function") breaks the series.
        meta[(sector, period)] = (start, "from 2025-11" not in row["wording"])
    problems.raise_if_any()
    out: list[AdoptionRow] = []
    for (sector, period), answers in sorted(cells.items()):
        share = answers.get(_CURRENT)
        if share is None:
            continue
        start, comparable = meta[(sector, period)]
        out.append(
            AdoptionRow(
                sector,
                SECTOR_NAMES[sector],
                period,
                start,
                share,
                answers.get(_EXPECTED),
                comparable,
            )
        )
    return out
