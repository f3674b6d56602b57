"""Crosswalks: O*NET-SOC 2019 → SOC 2018, the SOC 2018 hierarchy, and O*NET-SOC → BLS NEM."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ai_impact.sources.tables import RowProblems, read_table

__all__ = [
    "SocGroup",
    "read_nem_crosswalk",
    "read_onet_to_soc",
    "read_soc_structure",
    "soc_parents",
]

_SOC_RE = re.compile(r"^\d\d-\d{4}$")


class SocGroup(NamedTuple):
    """A SOC 2018 group: level is major, minor, broad or detailed."""

    code: str
    title: str
    level: str


def read_onet_to_soc(path: Path) -> dict[str, tuple[str, str]]:
    """O*NET-SOC 2019 code → (SOC 2018 code, SOC 2018 title)."""
    cols = ("O*NET-SOC 2019 Code", "2018 SOC Code", "2018 SOC Title")
    problems = RowProblems(path)
    out: dict[str, tuple[str, str]] = {}
    for i, row in enumerate(read_table(path, cols), start=1):
        soc = row["2018 SOC Code"].strip()
        if not _SOC_RE.match(soc):
            problems.add(i, f"SOC code {soc!r} is not NN-NNNN")
            continue
        out[row["O*NET-SOC 2019 Code"].strip()] = (soc, row["2018 SOC Title"].strip())
    problems.raise_if_any()
    return out


def read_soc_structure(path: Path) -> dict[str, SocGroup]:
    """Every SOC 2018 group (major, minor, broad, detailed) by code."""
    cols = ("Major Group", "Minor Group", "Broad Group", "Detailed Occupation")
    rows = read_table(path, cols, header_starts="Major Group")
    out: dict[str, SocGroup] = {}
    for row in rows:
        cells = [row[c].strip() for c in cols]
        # The title sits in the unnamed fifth column of the BLS sheet.
        title = (row.get("") or "").strip()
        for level, code in zip(("major", "minor", "broad", "detailed"), cells, strict=True):
            if code and _SOC_RE.match(code):
                out[code] = SocGroup(code, title, level)
                break
    return out


def soc_parents(groups: dict[str, SocGroup]) -> dict[str, tuple[str, str, str]]:
    """Detailed SOC code → (major, minor, broad) codes, from the structure's row order.

    Minor group codes do not follow from the digits (15-1252 is in minor group 15-1200), so the
    parents come from the order of the BLS sheet, where each group precedes its members.
    """
    current = {"major": "", "minor": "", "broad": ""}
    out: dict[str, tuple[str, str, str]] = {}
    for group in groups.values():
        if group.level == "detailed":
            out[group.code] = (current["major"], current["minor"], current["broad"])
        else:
            current[group.level] = group.code
    return out


def read_nem_crosswalk(path: Path) -> dict[str, str]:
    """O*NET-SOC code → National Employment Matrix code used by BLS projections."""
    rows = read_table(path, ("O*NET-SOC Code", "NEM Code"), header_starts="Sort Order")
    return {
        row["O*NET-SOC Code"].strip(): row["NEM Code"].strip()
        for row in rows
        if _SOC_RE.match(row["NEM Code"].strip())
    }
