"""OEWS wages: May 2025 (gzipped SQLite of BLS flat files) and May 2024 national (CSV).

The May 2025 file holds one ``cell`` row per key ``OEU`` + area type + area code (7) + industry
(6) + occupation (6) with values v01..v17 and BLS footnote codes f01..f17. A value BLS does not
publish is kept as None with a note saying why (top-coded, hourly only, not released).
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import NamedTuple

from ai_impact.errors import DataError
from ai_impact.sources.tables import read_table, to_float

__all__ = [
    "NATIONAL",
    "STATE_ABBR",
    "AreaRow",
    "IndustryRow",
    "WageRow",
    "decompressed",
    "read_areas",
    "read_industries",
    "read_wages_2024",
    "read_wages_2025",
    "sector_code",
]

NATIONAL = "0000000"

# FIPS state code → postal abbreviation for the 54 OEWS "states".
STATE_ABBR: dict[str, str] = {
    "01": "AL",
    "02": "AK",
    "04": "AZ",
    "05": "AR",
    "06": "CA",
    "08": "CO",
    "09": "CT",
    "10": "DE",
    "11": "DC",
    "12": "FL",
    "13": "GA",
    "15": "HI",
    "16": "ID",
    "17": "IL",
    "18": "IN",
    "19": "IA",
    "20": "KS",
    "21": "KY",
    "22": "LA",
    "23": "ME",
    "24": "MD",
    "25": "MA",
    "26": "MI",
    "27": "MN",
    "28": "MS",
    "29": "MO",
    "30": "MT",
    "31": "NE",
    "32": "NV",
    "33": "NH",
    "34": "NJ",
    "35": "NM",
    "36": "NY",
    "37": "NC",
    "38": "ND",
    "39": "OH",
    "40": "OK",
    "41": "OR",
    "42": "PA",
    "44": "RI",
    "45": "SC",
    "46": "SD",
    "47": "TN",
    "48": "TX",
    "49": "UT",
    "50": "VT",
    "51": "VA",
    "53": "WA",
    "54": "WV",
    "55": "WI",
    "56": "WY",
    "66": "GU",
    "72": "PR",
    "78": "VI",
}

# (value column, label, is annual) for the wage values kept, in WageRow order; v02/v05 RSEs and
# v16/v17 are not. The hourly percentiles are the only distribution of hourly-only occupations.
_WAGE_COLS = (
    (3, "hourly mean", False),
    (4, "annual mean", True),
    (11, "annual p10", True),
    (12, "annual p25", True),
    (13, "annual median", True),
    (14, "annual p75", True),
    (15, "annual p90", True),
    (8, "hourly median", False),
    (6, "hourly p10", False),
    (7, "hourly p25", False),
    (9, "hourly p75", False),
    (10, "hourly p90", False),
)
# The May 2024 CSV column of each value, in the same order.
_CSV_COLS = (
    "H_MEAN", "A_MEAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "H_MEDIAN",
    "H_PCT10", "H_PCT25", "H_PCT75", "H_PCT90",
)  # fmt: skip
_TOP_ANNUAL, _TOP_HOURLY = "$239,200/yr", "$115.00/hr"
HOURLY_ONLY = "annual wages not released, hourly only"
ANNUAL_ONLY = "hourly wages not released, annual only"


class AreaRow(NamedTuple):
    """An OEWS area with its state abbreviation (None for the nation)."""

    area_type: str
    area_code: str
    name: str
    state: str | None


class IndustryRow(NamedTuple):
    """An OEWS industry (NAICS-based) with its display level (2 = sector)."""

    code: str
    name: str
    level: int


class WageRow(NamedTuple):
    """Employment and wages of one occupation (SOC ``NN-NNNN``) in one area and industry."""

    occ_code: str
    year: int
    area_code: str
    industry_code: str
    employment: int | None
    hourly_mean: float | None
    annual_mean: float | None
    annual_p10: float | None
    annual_p25: float | None
    annual_median: float | None
    annual_p75: float | None
    annual_p90: float | None
    hourly_median: float | None
    hourly_p10: float | None
    hourly_p25: float | None
    hourly_p75: float | None
    hourly_p90: float | None
    notes: str


def sector_code(industry_code: str) -> str | None:
    """BTOS-style sector code of an OEWS sector row ('31--34' → '31'), else None."""
    if "-" in industry_code and industry_code[:2].isdigit():
        return industry_code[:2]
    return None


@contextmanager
def decompressed(path: Path) -> Iterator[Path]:
    """The gzipped SQLite at ``path`` decompressed to a temporary file, removed afterwards."""
    if not path.exists():
        raise DataError(f"OEWS database {path} is missing.", hint="Restore data/bls/.")
    with tempfile.TemporaryDirectory(prefix="ai-impact-oews-") as tmp:
        target = Path(tmp) / "oews.sqlite"
        with gzip.open(path, "rb") as src, target.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 22)
        yield target


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = {"cell", "area", "industry"} - tables
    if missing:
        con.close()
        raise DataError(
            f"OEWS database {path.name} lacks table(s) {sorted(missing)}.",
            hint="Re-vendor bls/oews-2025.sqlite.gz.",
        )
    return con


def read_areas(path: Path) -> list[AreaRow]:
    """Areas of the May 2025 database: nation, states and metro/nonmetro areas."""
    with closing(_connect(path)) as con:
        rows = con.execute("SELECT area_code, areatype_code, state_code, area_name FROM area")
        return [
            AreaRow(kind, code, name, STATE_ABBR.get(state) if kind != "N" else None)
            for code, kind, state, name in rows
        ]


def read_industries(path: Path) -> list[IndustryRow]:
    """Industries of the May 2025 database."""
    with closing(_connect(path)) as con:
        rows = con.execute("SELECT industry_code, industry_name, display_level FROM industry")
        return [IndustryRow(code, name, int(level)) for code, name, level in rows]


_Twelve = tuple[
    float | None, float | None, float | None, float | None,
    float | None, float | None, float | None, float | None,
    float | None, float | None, float | None, float | None,
]  # fmt: skip


def _twelve(values: list[float | None]) -> _Twelve:
    """The twelve wage values in WageRow order (typed for the NamedTuple constructor)."""
    a, b, c, d, e, f, g, h, i, j, k, m = values
    return a, b, c, d, e, f, g, h, i, j, k, m


def _notes(values: list[str], flags: list[str]) -> tuple[list[float | None], str]:
    """Wage values (None where unpublished) and the footnotes that explain the gaps."""
    out: list[float | None] = []
    top_a: list[str] = []
    top_h: list[str] = []
    withheld: list[str] = []
    hourly_only = annual_only = False
    for (col, label, annual), value in zip(_WAGE_COLS, values, strict=True):
        flag = flags[col - 1]
        number = None if value in ("-", "", "*", "#") else float(value)
        out.append(number)
        if flag == "5":
            (top_a if annual else top_h).append(label)
        elif flag == "4":
            if annual:
                hourly_only = True
            else:
                annual_only = True
        elif flag == "8" or (number is None and value not in ("",)):
            withheld.append(label)
    notes: list[str] = []
    if top_a:
        notes.append(f"top-coded: {', '.join(top_a)} ≥ {_TOP_ANNUAL}")
    if top_h:
        notes.append(f"top-coded: {', '.join(top_h)} ≥ {_TOP_HOURLY}")
    if hourly_only:
        notes.append(HOURLY_ONLY)
    if annual_only:
        notes.append(ANNUAL_ONLY)
    if withheld:
        notes.append(f"not released: {', '.join(withheld)}")
    return out, " | ".join(notes)


def read_wages_2025(path: Path) -> Iterator[WageRow]:
    """Every cell of the May 2025 database as a WageRow (nation, states, metros; all industries)."""
    cols = ", ".join(f"v{c:02d}" for c, _, _ in _WAGE_COLS)
    flags = ", ".join(f"coalesce(f{i:02d}, '')" for i in range(1, 18))
    sql = f"SELECT key, v01, coalesce(f01, ''), {cols}, {flags} FROM cell"
    with closing(_connect(path)) as con:
        for row in con.execute(sql):
            key: str = row[0]
            if len(key) != 23 or not key.startswith("OEU"):
                raise DataError(
                    f"OEWS cell key {key!r} is not OEU + type + area + industry + occupation.",
                    hint="Re-vendor bls/oews-2025.sqlite.gz.",
                )
            n = len(_WAGE_COLS)
            values, notes = _notes(list(row[3 : 3 + n]), list(row[3 + n : 20 + n]))
            emp = row[1]
            if emp in ("-", "", None) and row[2] == "8":
                notes = "employment not released" + (" | " + notes if notes else "")
            occ = key[17:]
            yield WageRow(
                f"{occ[:2]}-{occ[2:]}",
                2025,
                key[4:11],
                key[11:17],
                None if emp in ("-", "", None) else int(float(emp)),
                *_twelve(values),
                notes,
            )


def read_wages_2024(path: Path) -> list[WageRow]:
    """OEWS May 2024 national cross-industry rows (detailed, broad, minor, major)."""
    need = ("OCC_CODE", "NAICS", "TOT_EMP", "ANNUAL", "HOURLY")
    labels = [label for _, label, _ in _WAGE_COLS]
    out: list[WageRow] = []
    seen: set[str] = set()
    for row in read_table(path, (*need, *_CSV_COLS)):
        # A broad group with one detailed occupation appears twice with the same figures.
        if row["OCC_CODE"].strip() in seen:
            continue
        seen.add(row["OCC_CODE"].strip())
        raw = [row[f].strip() for f in _CSV_COLS]
        values = [None if v in ("#", "*", "") else to_float(v) for v in raw]
        top_a = [
            lab for lab, v, f in zip(labels, raw, _CSV_COLS, strict=True) if v == "#" and "A_" in f
        ]
        top_h = [
            lab for lab, v, f in zip(labels, raw, _CSV_COLS, strict=True) if v == "#" and "H_" in f
        ]
        notes = []
        if top_a:
            notes.append(f"top-coded: {', '.join(top_a)} ≥ {_TOP_ANNUAL}")
        if top_h:
            notes.append(f"top-coded: {', '.join(top_h)} ≥ {_TOP_HOURLY}")
        if row["HOURLY"].strip().upper() == "TRUE":
            notes.append(HOURLY_ONLY)
        if row["ANNUAL"].strip().upper() == "TRUE":
            notes.append(ANNUAL_ONLY)
        # An hourly-only (or annual-only) occupation has "*" in the other half: said once above.
        skip = {"annual"} if row["HOURLY"].strip().upper() == "TRUE" else set()
        skip |= {"hourly"} if row["ANNUAL"].strip().upper() == "TRUE" else set()
        withheld = [
            lab
            for lab, v in zip(labels, raw, strict=True)
            if v == "*" and lab.split()[0] not in skip
        ]
        if withheld:
            notes.append(f"not released: {', '.join(withheld)}")
        emp = to_float(row["TOT_EMP"]) if row["TOT_EMP"].strip() not in ("**", "*") else None
        out.append(
            WageRow(
                row["OCC_CODE"].strip(),
                2024,
                NATIONAL,
                row["NAICS"].strip(),
                None if emp is None else int(emp),
                *_twelve(values),
                " | ".join(notes),
            )
        )
    return out
