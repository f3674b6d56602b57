"""A roster's header: which column gives which field, under the names HR systems use.

Header names are folded (lower case, punctuation to spaces) and looked up among synonyms:
"Job Title", "FTE", "# of employees", "Base Salary", "O*NET-SOC Code". A name that is a synonym
with words HR exports add around it is that synonym too: a currency ("Salary (USD)"), "name"
("Department Name"), "home", "primary" or "current" ("Home Department", "Current Job Title"),
and a pay unit, which decides between annual and hourly pay ("Salary (annual)", "Pay / hr").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "FIELDS",
    "FTE_NAMES",
    "SYNONYMS",
    "field_of",
    "fold_header",
    "is_fte",
    "is_fte_percent",
    "map_columns",
    "other_columns",
]

# Accepted header names per field, after folding (lower case, punctuation to spaces).
# Order matters when a file has two columns for one field: the earlier synonym wins.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "title", "job title", "jobtitle", "position", "position title", "role", "job",
        "job name", "job role", "designation", "occupation", "business title",
        "job title description", "title description", "job profile",
    ),
    "headcount": (
        "headcount", "head count", "count", "fte", "ftes", "employees", "employee count",
        "number of employees", "no of employees", "num employees", "staff", "people", "n",
        "qty", "quantity", "number", "number of ftes", "number employees", "fte percent",
        "fte pct", "fte percentage", "percent fte", "scheduled fte",
    ),
    "annual_pay": (
        "annual pay", "annual salary", "salary", "pay", "base salary", "base pay",
        "annual base", "compensation", "annual compensation", "average salary", "avg salary",
        "mean salary", "wage", "annual wage", "annual base salary", "annual base pay",
    ),
    "hourly_pay": ("hourly pay", "hourly rate", "hourly wage", "rate per hour", "pay rate"),
    "code": (
        "code", "onet", "onet code", "o net code", "onet soc", "onet soc code", "o net soc code",
        "soc", "soc code",
    ),
    "team": (
        "team", "department", "dept", "division", "business unit", "unit", "function", "group",
        "org", "organization", "organisation", "cost center", "department description",
    ),
    "location": ("location", "state", "work location", "work state", "site", "office", "area"),
    # Not a field of the analysis: a roster of one row per person counts a repeated ID once.
    "employee_id": (
        "employee id", "employee number", "employee no", "employee code", "emp id", "empid",
        "emp no", "eeid", "ee id", "worker id", "person id", "personnel number", "staff id",
        "staff number", "associate id", "badge number", "badge id", "file number", "id",
    ),
}  # fmt: skip
FIELDS = tuple(SYNONYMS)
# Headcount columns of full-time equivalents: their values may be fractions (2.5).
FTE_NAMES = frozenset(
    {"fte", "ftes", "number of ftes", "fte percent", "fte pct", "fte percentage", "percent fte",
     "scheduled fte"}
)  # fmt: skip
_PERCENT_WORDS = frozenset({"percent", "pct", "percentage"})
_HEADER_OF = {name: field for field, names in SYNONYMS.items() for name in names}
_RANK = {name: i for names in SYNONYMS.values() for i, name in enumerate(names)}
# Words an export adds around a field's name without changing the field: a currency, "name",
# where the person sits. ("description" is not one: "Job Description" is prose, not a title.)
_FILLER = frozenset({"usd", "us", "dollars", "dollar", "in", "name", "home", "primary", "current"})
# Words of a pay unit, and the pay field each names; "per" joins them ("per hour").
_UNITS = {
    "annual": "annual_pay", "annually": "annual_pay", "yearly": "annual_pay",
    "year": "annual_pay", "yr": "annual_pay", "pa": "annual_pay",
    "hourly": "hourly_pay", "hour": "hourly_pay", "hr": "hourly_pay", "per": None,
}  # fmt: skip
_PAY_FIELDS = frozenset({"annual_pay", "hourly_pay"})


def fold_header(header: str) -> str:
    """A header as a key of SYNONYMS: 'Job Title' → 'job title', '# of FTEs' → 'number of ftes'."""
    text = header.casefold().replace("o*net", "onet").replace("#", " number ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def field_of(name: str) -> tuple[str, int] | None:
    """The field a folded header ``name`` gives and its rank among that field's synonyms (lower
    is preferred), or None: the name itself, else without filler words, else a pay synonym
    with a unit ("salary annual", "pay hr": the unit picks annual or hourly pay)."""
    if name in _HEADER_OF:
        return _HEADER_OF[name], _RANK[name]
    words = [w for w in name.split() if w not in _FILLER]
    plain = " ".join(words)
    if plain in _HEADER_OF:
        return _HEADER_OF[plain], _RANK[plain]
    # Unit words are taken off the ends only, so "hourly rate ($/hr)" keeps "hourly rate".
    named: set[str | None] = set()
    while words and words[-1] in _UNITS and " ".join(words) not in _HEADER_OF:
        named.add(_UNITS[words.pop()])
    while words and words[0] in _UNITS and " ".join(words) not in _HEADER_OF:
        named.add(_UNITS[words.pop(0)])
    units = named - {None}
    rest = " ".join(words)
    if len(units) != 1 or _HEADER_OF.get(rest) not in _PAY_FIELDS:
        return None
    unit = units.pop()
    own = _HEADER_OF[rest]
    # "Hourly rate (annual)" names two units: no field rather than a guess.
    if own != unit and rest not in _GENERIC_PAY:
        return None
    return str(unit), _RANK[rest]


def is_fte(header: str) -> bool:
    """Whether a headcount column named ``header`` holds full-time equivalents ("FTE",
    "# of FTEs", "Current FTE")."""
    name = fold_header(header)
    return name in FTE_NAMES or " ".join(w for w in name.split() if w not in _FILLER) in FTE_NAMES


def is_fte_percent(header: str) -> bool:
    """Whether an FTE column named ``header`` gives FTE in percent ("FTE %", "FTE Percent"):
    50 is half time."""
    words = set(fold_header(header).split())
    return is_fte(header) and ("%" in header or bool(words & _PERCENT_WORDS))


# Pay synonyms that name no unit themselves: a unit beside them decides the field.
_GENERIC_PAY = frozenset({"salary", "pay", "base salary", "base pay", "compensation", "wage"})


def map_columns(header: Sequence[str]) -> tuple[dict[str, int], list[str], list[str]]:
    """Field → column index, the names of ignored columns, and notes about choices made
    (which of two columns for one field was used)."""
    chosen: dict[str, tuple[int, int]] = {}
    ignored: list[str] = []
    notes: list[str] = []
    for i, raw in enumerate(header):
        found = field_of(fold_header(raw))
        if found is None:
            if raw.strip():
                ignored.append(raw.strip())
            continue
        field, own_rank = found
        if field in chosen:
            j, rank = chosen[field]
            keep, drop = (i, j) if own_rank < rank else (j, i)
            notes.append(
                f"Columns '{header[j].strip()}' and '{raw.strip()}' both look like {field}; "
                f"used '{header[keep].strip()}', ignored '{header[drop].strip()}'."
            )
            if keep == i:
                chosen[field] = (i, own_rank)
            continue
        chosen[field] = (i, own_rank)
    return {f: i for f, (i, _) in chosen.items()}, ignored, notes


def other_columns(header: Sequence[str], field: str, used: int) -> list[int]:
    """The columns that also look like ``field`` besides the one used (index ``used``)."""
    return [
        i
        for i, raw in enumerate(header)
        if i != used and (found := field_of(fold_header(raw))) is not None and found[0] == field
    ]
