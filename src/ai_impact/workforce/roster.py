"""Reading a team roster (CSV) into strict, validated rows: :func:`parse_roster`.

A roster is whatever an HR system exports: any encoding among UTF-8 (with or without BOM),
UTF-16 (Excel "Unicode text") and Windows-1252 / Latin-1; comma, semicolon, tab or pipe
delimited; header names in any case and under common synonyms ("Job Title", "FTE", "Salary").
Every bad row is reported at once, with its line number, so a planner fixes the file in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ai_impact.errors import InputError
from ai_impact.textfile import decode_text
from ai_impact.workforce.cells import (
    HOURS_PER_YEAR,
    MAX_ANNUAL_PAY,
    MAX_HEADCOUNT,
    MAX_PLAUSIBLE_HOURLY,
    PAY_CONFLICT,
    PayError,
    RowPay,
    parse_number,
    read_row_pay,
)
from ai_impact.workforce.csv_records import QUOTE_HINT, csv_records, sniff_delimiter

__all__ = [
    "FIELDS",
    "HOURS_PER_YEAR",
    "MAX_BYTES",
    "MAX_ROWS",
    "RosterParse",
    "RosterRow",
    "parse_roster",
    "read_records",
    "read_roster",
    "read_roster_file",
]

MAX_ROWS = 50_000
MAX_BYTES = 20 * 1024 * 1024
MAX_TITLE_CHARS = 200
MAX_LABEL_CHARS = 200
# More row problems than this are summarised: nobody reads the thousandth one.
MAX_REPORTED = 50

# Spreadsheet exports often end with a sum row; counting it would double the headcount.
_TOTALS = {"total", "totals", "grand total", "subtotal", "sum", "all"}
_CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")

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
_HEADER_OF = {name: field for field, names in SYNONYMS.items() for name in names}
_RANK = {name: i for names in SYNONYMS.values() for i, name in enumerate(names)}

Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE_CHARS)
]
Label = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LABEL_CHARS)
]


class RosterRow(BaseModel):
    """One validated roster line; ``annual_pay`` is per person, in dollars a year."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    line: int = Field(ge=1, description="Line of the file where the row starts (row of a list).")
    title: Title
    headcount: int = Field(default=1, ge=1, le=MAX_HEADCOUNT)
    annual_pay: float | None = Field(default=None, ge=0, le=MAX_ANNUAL_PAY)
    code: Annotated[str, StringConstraints(pattern=_CODE.pattern)] | None = None
    team: Label | None = None
    location: Label | None = None


@dataclass(frozen=True, slots=True)
class RosterParse:
    """The outcome of reading a roster: valid rows, every problem, and harmless notes."""

    rows: tuple[RosterRow, ...]
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    columns: dict[str, str]
    encoding: str
    delimiter: str


def _fold(header: str) -> str:
    """A header as a key of SYNONYMS: 'Job Title' → 'job title', '# of FTEs' → 'number of ftes'."""
    text = header.casefold().replace("o*net", "onet").replace("#", " number ")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _map_columns(header: Sequence[str]) -> tuple[dict[str, int], list[str], list[str]]:
    """Field → column index, the names of ignored columns, and notes about choices made."""
    chosen: dict[str, tuple[int, int]] = {}
    ignored: list[str] = []
    notes: list[str] = []
    for i, raw in enumerate(header):
        name = _fold(raw)
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


# Below this an "annual" pay is almost surely hourly, monthly or in thousands: kept, but said.
_LOW_ANNUAL_PAY = 1_000.0


# What the notes say of pay, in this order; each note leads with the lines it concerns.
_PAY_NOTES = {
    "low": f"annual pay under ${_LOW_ANNUAL_PAY:,.0f} was used as given; put hourly pay in an "
    "hourly_pay column and write thousands in full (85000 or 85k).",
    "converted": "pay written per hour (e.g. '$21.50/hr') was converted to a year at "
    f"{HOURS_PER_YEAR:,} hours (52 weeks × 40 hours).",
    "implausible": f"hourly pay over ${MAX_PLAUSIBLE_HOURLY:,.0f} an hour was used as given; "
    "check it is pay per hour, not a year (a comma before three digits groups thousands: "
    "'21,500/hr' is 21,500 an hour; '21.50/hr' or '21,50/hr' is 21.50).",
    "conflict": f"annual_pay and hourly_pay (× {HOURS_PER_YEAR:,} hours) differ by more than "
    f"{PAY_CONFLICT:.0%}; annual_pay was used.",
    "unread_hourly": "hourly_pay could not be read and was ignored; annual_pay was used.",
    "foreign": "pay in € or £ was used as given, without conversion; market pay (OEWS) is in "
    "US dollars.",
}


def _cell(record: Sequence[str], columns: dict[str, int], field: str) -> str:
    i = columns.get(field)
    return record[i].strip() if i is not None and i < len(record) else ""


def _row(
    line: int, record: Sequence[str], columns: dict[str, int]
) -> tuple[RosterRow, RowPay] | list[str]:
    """A validated row and what its pay cells said, or the list of what is wrong with it."""
    errors: list[str] = []
    values: dict[str, object] = {"line": line}
    title = _cell(record, columns, "title")
    if not title:
        errors.append("the title is empty")
    elif len(title) > MAX_TITLE_CHARS:
        errors.append(
            f"the title is {len(title):,} characters long; the limit is {MAX_TITLE_CHARS}"
        )
    values["title"] = title
    count = _cell(record, columns, "headcount")
    if count:
        try:
            n = parse_number(count)
            if n != int(n) or n < 1:
                raise ValueError
            if n > MAX_HEADCOUNT:
                errors.append(
                    f"headcount '{count}' is more than {MAX_HEADCOUNT:,}; give the number of "
                    "people in the role"
                )
            else:
                values["headcount"] = int(n)
        except (ValueError, OverflowError):
            errors.append(f"headcount '{count}' is not a whole number of at least 1")
    pay = RowPay()
    try:
        pay = read_row_pay(
            _cell(record, columns, "annual_pay"), _cell(record, columns, "hourly_pay")
        )
    except PayError as exc:
        errors.append(str(exc))
    if pay.annual is not None:
        values["annual_pay"] = pay.annual
    code = _cell(record, columns, "code")
    if code:
        if _CODE.match(code):
            values["code"] = code
        else:
            errors.append(f"code '{code}' is not an O*NET-SOC code like 15-1252.00 or 15-1252")
    for field in ("team", "location"):
        text = _cell(record, columns, field)
        if len(text) > MAX_LABEL_CHARS:
            errors.append(
                f"{field} is {len(text):,} characters long; the limit is {MAX_LABEL_CHARS}"
            )
        elif text:
            values[field] = text
    if errors:
        return errors
    try:
        return RosterRow.model_validate(values), pay
    except ValidationError as exc:  # the checks above leave nothing for this; kept as a guard
        return [f"{e['loc'][0]} '{e['input']}' cannot be used" for e in exc.errors()]


def _where_list(places: list[str], shown: int = 5) -> str:
    """'line 2', 'line 2, line 7 and 3 more' — a short list of where something happens."""
    head = ", ".join(places[:shown])
    return head + (f" and {len(places) - shown} more" if len(places) > shown else "")


def _collect(
    records: Iterable[tuple[int, list[str]]],
    *,
    max_rows: int,
    unit: str,
    problems: list[str] | None = None,
) -> tuple[list[RosterRow], list[str], list[str], dict[str, str]]:
    """Rows, problems, notes and the column map from records whose first one is the header.

    ``problems`` may be the list the records' reader reports into, so its problems keep
    their place in line order.
    """
    header: list[str] | None = None
    columns: dict[str, int] = {}
    problems = [] if problems is None else problems
    notes: list[str] = []
    rows: list[RosterRow] = []
    # Lines by what the notes say of their pay (see _pay_notes).
    said: dict[str, list[str]] = {k: [] for k in _PAY_NOTES}
    n_records = 0
    for start, record in records:
        if not any(f.strip() for f in record):
            continue
        if header is None:
            header = record
            columns, ignored, notes = _map_columns(header)
            if "title" not in columns:
                found = ", ".join(repr(h.strip()) for h in header if h.strip()) or "none"
                raise InputError(
                    f"The roster has no title column (columns found: {found}).",
                    hint="Name one column 'title' (or 'job title', 'position', 'role').",
                )
            if ignored:
                notes.append("Ignored columns: " + ", ".join(repr(c) for c in ignored) + ".")
            continue
        n_records += 1
        if n_records > max_rows:
            raise InputError(
                f"The roster has more than {max_rows:,} rows.",
                hint="Aggregate identical titles into one row with a headcount, or split it.",
            )
        where = f"{unit} {start}"
        extra = len(record) - len(header)
        if extra > 0 and any(f.strip() for f in record[len(header) :]):
            problems.append(
                f"{where}: {len(record)} fields but the header has {len(header)} ({QUOTE_HINT})"
            )
            continue
        if _cell(record, columns, "title").casefold() in _TOTALS:
            notes.append(f"{where}: skipped a totals row ('{_cell(record, columns, 'title')}').")
            continue
        result = _row(start, record, columns)
        if isinstance(result, tuple):
            row, pay = result
            rows.append(row)
            flags = {
                "low": row.annual_pay is not None and 0 < row.annual_pay < _LOW_ANNUAL_PAY,
                "converted": pay.converted,
                "implausible": pay.implausible,
                "conflict": pay.conflict,
                "unread_hourly": pay.unread_hourly,
                "foreign": pay.foreign,
            }
            for key, on in flags.items():
                if on:
                    said[key].append(where)
        else:
            # Trailing empty fields hide a shifted row: an unquoted comma in the title.
            hint = [f"{len(record)} fields for {len(header)} columns ({QUOTE_HINT})"]
            problems.append(f"{where}: " + "; ".join(result + (hint if extra > 0 else [])))
    notes += [f"{_where_list(said[k])}: {text}" for k, text in _PAY_NOTES.items() if said[k]]
    if header is not None and not rows and not problems:
        raise InputError(
            "The roster has a header but no rows.",
            hint="Add one row per role: title, headcount, and optionally annual_pay.",
        )
    names = {f: (header or [])[i].strip() for f, i in columns.items()}
    return rows, problems, notes, names


def read_roster(data: bytes | str, *, max_rows: int = MAX_ROWS) -> RosterParse:
    """Read a roster and collect every problem instead of stopping at the first one."""
    if isinstance(data, str):
        text, encoding = data.lstrip("\ufeff"), "text"
    else:
        if len(data) > MAX_BYTES:
            raise InputError(
                f"The roster is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB.",
                hint="Split it by department, or drop columns other than title, headcount, pay.",
            )
        text, encoding = decode_text(data, what="The roster")
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if not first:
        raise InputError(
            "The roster is empty.",
            hint="Give a CSV with a header (title, headcount, annual_pay) and one row per role.",
        )
    delimiter = sniff_delimiter(first)
    problems: list[str] = []
    rows, problems, notes, columns = _collect(
        csv_records(text, delimiter, problems), max_rows=max_rows, unit="line", problems=problems
    )
    return RosterParse(tuple(rows), tuple(problems), tuple(notes), columns, encoding, delimiter)


def read_records(
    records: Sequence[Mapping[str, str | int | float | None]], *, max_rows: int = MAX_ROWS
) -> RosterParse:
    """Read roster rows given as mappings (a JSON body); problems name the row number."""
    if not records:
        raise InputError("The roster is empty.", hint="Send at least one row with a title.")
    keys = list(dict.fromkeys(k for r in records for k in r))

    def text(value: str | int | float | None) -> str:
        return "" if value is None else str(value)

    items = [(0, keys)] + [(n, [text(r.get(k)) for k in keys]) for n, r in enumerate(records, 1)]
    rows, problems, notes, columns = _collect(items, max_rows=max_rows, unit="row")
    return RosterParse(tuple(rows), tuple(problems), tuple(notes), columns, "json", "")


def parse_roster(
    data: bytes | str | Sequence[Mapping[str, str | int | float | None]],
    *,
    max_rows: int = MAX_ROWS,
) -> RosterParse:
    """Read a roster (CSV bytes or text, or row mappings); raise listing every bad row."""
    if isinstance(data, bytes | str):
        parsed = read_roster(data, max_rows=max_rows)
    else:
        parsed = read_records(data, max_rows=max_rows)
    if parsed.problems:
        shown = list(parsed.problems[:MAX_REPORTED])
        more = len(parsed.problems) - len(shown)
        if more:
            shown.append(f"... and {more} more")
        raise InputError(
            f"{len(parsed.problems)} roster row(s) cannot be used; fix them and run again "
            "(no row was analysed):\n  " + "\n  ".join(shown)
        )
    return parsed


def read_roster_file(path: Path, *, max_rows: int = MAX_ROWS) -> RosterParse:
    """Read and validate the roster at ``path`` (see :func:`parse_roster`)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path} is {size / 1e6:.1f} MB; the roster limit is {MAX_BYTES / 1e6:.0f} MB.",
                hint="Split it by department, or keep only title, headcount and pay columns.",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(
            f"No roster file at {path}.", hint="Check the path; the file must be a CSV."
        ) from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a roster CSV.") from None
    except PermissionError:
        raise InputError(f"Cannot read {path}: permission denied.") from None
    return parse_roster(data, max_rows=max_rows)
