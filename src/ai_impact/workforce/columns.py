"""A roster's header: which column gives which field, under the names HR systems use.

Header names are folded (lower case, punctuation to spaces) and looked up among synonyms:
"Job Title", "FTE", "# of employees", "Base Salary", "O*NET-SOC Code".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["FIELDS", "FTE_NAMES", "SYNONYMS", "fold_header", "map_columns", "other_columns"]

# Accepted header names per field, after folding (lower case, punctuation to spaces).
# Order matters when a file has two columns for one field: the earlier synonym wins.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "title", "job title", "jobtitle", "position", "position title", "role", "job",
        "job name", "job role", "designation", "occupation", "business title",
    ),
    "headcount": (
        "headcount", "head count", "count", "fte", "ftes", "employees", "employee count",
        "number of employees", "no of employees", "num employees", "staff", "people", "n",
        "qty", "quantity", "number", "number of ftes", "number employees",
    ),
    "annual_pay": (
        "annual pay", "annual salary", "salary", "pay", "base salary", "base pay",
        "annual base", "compensation", "annual compensation", "average salary", "avg salary",
        "mean salary", "wage", "annual wage",
    ),
    "hourly_pay": ("hourly pay", "hourly rate", "hourly wage", "rate per hour", "pay rate"),
    "code": (
        "code", "onet", "onet code", "o net code", "onet soc", "onet soc code", "o net soc code",
        "soc", "soc code",
    ),
    "team": (
        "team", "department", "dept", "division", "business unit", "unit", "function", "group",
        "org", "organization", "organisation", "cost center",
    ),
    "location": ("location", "state", "work location", "work state", "site", "office", "area"),
}  # fmt: skip
FIELDS = tuple(SYNONYMS)
# Headcount columns of full-time equivalents: their values may be fractions (2.5).
FTE_NAMES = frozenset({"fte", "ftes", "number of ftes"})
_HEADER_OF = {name: field for field, names in SYNONYMS.items() for name in names}
_RANK = {name: i for names in SYNONYMS.values() for i, name in enumerate(names)}
# Headcount columns of full-time equivalents: their values may be fractions (2.5).
FTE_NAMES = frozenset({"fte", "ftes", "number of ftes"})


def fold_header(header: str) -> str:
    """A header as a key of SYNONYMS: 'Job Title' → 'job title', '# of FTEs' → 'number of ftes'."""
    text = header.casefold().replace("o*net", "onet").replace("#", " number ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def map_columns(header: Sequence[str]) -> tuple[dict[str, int], list[str], list[str]]:
    """Field → column index, the names of ignored columns, and notes about choices made
    (which of two columns for one field was used)."""
    chosen: dict[str, tuple[int, int]] = {}
    ignored: list[str] = []
    notes: list[str] = []
    for i, raw in enumerate(header):
        name = fold_header(raw)
        field = _HEADER_OF.get(name)
        if field is None:
            if raw.strip():
                ignored.append(raw.strip())
            continue
        if field in chosen:
            j, rank = chosen[field]
            keep, drop = (i, j) if _RANK[name] < rank else (j, i)
            notes.append(
                f"Columns '{header[j].strip()}' and '{raw.strip()}' both look like {field}; "
                f"used '{header[keep].strip()}', ignored '{header[drop].strip()}'."
            )
            if keep == i:
                chosen[field] = (i, _RANK[name])
            continue
        chosen[field] = (i, _RANK[name])
    return {f: i for f, (i, _) in chosen.items()}, ignored, notes


def other_columns(header: Sequence[str], field: str, used: int) -> list[int]:
    """The columns that also look like ``field`` besides the one used (index ``used``)."""
    return [
        i for i, raw in enumerate(header) if i != used and _HEADER_OF.get(fold_header(raw)) == field
    ]
