"""BLS Employment Projections 2024-34, table 1.2 (employment, change, openings, entry needs)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ai_impact.sources.tables import RowProblems, read_table, to_float

__all__ = ["FactorRow", "ProjectionRow", "read_factors", "read_projections"]

_CODE = "2024 National Employment Matrix code"
_COLS = {
    "title": "2024 National Employment Matrix title",
    "type": "Occupation type",
    "emp24": "Employment, 2024",
    "emp34": "Employment, 2034",
    "chg": "Employment change, numeric, 2024–34",
    "pct": "Employment change, percent, 2024–34",
    "open": "Occupational openings, 2024–34 annual average",
    "wage": "Median annual wage, dollars, 2024[1]",
    "edu": "Typical education needed for entry",
    "exp": "Work experience in a related occupation",
    "train": "Typical on-the-job training needed to attain competency in the occupation",
}


class ProjectionRow(NamedTuple):
    """One NEM occupation (line item or summary) of table 1.2; employment in thousands."""

    nem_code: str
    title: str
    occ_type: str
    employment_2024: float | None
    employment_2034: float | None
    change_num: float | None
    change_pct: float | None
    openings_annual: float | None
    median_wage_2024: float | None
    education: str | None
    experience: str | None
    training: str | None
    wage_note: str | None


def _text(value: str) -> str | None:
    value = value.strip()
    return None if value in {"", "—", "-"} else value


def read_projections(path: Path) -> list[ProjectionRow]:
    """Rows of table 1.2 with an NEM code; footer notes are skipped."""
    rows = read_table(path, (_CODE, *_COLS.values()))
    problems = RowProblems(path)
    out: list[ProjectionRow] = []
    for i, row in enumerate(rows, start=1):
        code = row[_CODE].strip()
        if not code:
            continue  # footnote lines at the end of the sheet
        try:
            emp24, emp34, chg, pct, openings = (
                to_float(row[_COLS[k]]) for k in ("emp24", "emp34", "chg", "pct", "open")
            )
            raw_wage = row[_COLS["wage"]].strip()
            top_coded = raw_wage.startswith((">=", "≥"))
            wage = None if top_coded else to_float(raw_wage.replace("$", ""))
        except ValueError as exc:
            problems.add(i, f"{code}: {exc}")
            continue
        out.append(
            ProjectionRow(
                code,
                row[_COLS["title"]].strip(),
                row[_COLS["type"]].strip(),
                emp24,
                emp34,
                chg,
                pct,
                openings,
                wage,
                _text(row[_COLS["edu"]]),
                _text(row[_COLS["exp"]]),
                _text(row[_COLS["train"]]),
                f"top-coded: median wage {raw_wage.replace('>=', '≥ ')}/yr" if top_coded else None,
            )
        )
    problems.raise_if_any()
    return out


class FactorRow(NamedTuple):
    """BLS's note on what changes an occupation's share of employment in one industry."""

    nem_code: str
    industry_code: str
    industry_title: str
    factor: str


def read_factors(path: Path) -> list[FactorRow]:
    """Table 1.12: factors affecting occupational utilization (such as automation), per industry."""
    code = "2024 National Employment Matrix occupation code"
    ind_code = "2024 National Employment Matrix industry code"
    ind_title = "2024 National Employment Matrix industry title"
    factor = "Factors affecting occupational utilization"
    rows = read_table(path, (code, ind_code, ind_title, factor))
    return [
        FactorRow(r[code].strip(), r[ind_code].strip(), r[ind_title].strip(), r[factor].strip())
        for r in rows
        if r[code].strip() and r[factor].strip()
    ]
