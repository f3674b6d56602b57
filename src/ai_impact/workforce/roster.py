"""Reading a team roster (CSV) into strict, validated rows: :func:`parse_roster`.

A roster is whatever an HR system exports: any encoding among UTF-8 (with or without BOM),
UTF-16 (Excel "Unicode text") and Windows-1252 / Latin-1; comma, semicolon, tab or pipe
delimited; header names in any case and under common synonyms ("Job Title", "FTE", "Salary").
Every bad row is reported at once, with its line number, so a planner fixes the file in one pass.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ai_impact.errors import InputError
from ai_impact.textfile import decode_text

__all__ = [
    "FIELDS",
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
# More row problems than this are summarised: nobody reads the thousandth one.
MAX_REPORTED = 50
HOURS_PER_YEAR = 2080

# Spreadsheet exports often end with a sum row; counting it would double the headcount.
_TOTALS = {"total", "totals", "grand total", "subtotal", "sum", "all"}
_QUOTE_HINT = 'a title with a comma must be quoted, e.g. "Manager, Sales"'
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
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class RosterRow(BaseModel):
    """One validated roster line; ``annual_pay`` is per person, in dollars a year."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    line: int = Field(ge=1, description="Line of the file where the row starts (row of a list).")
    title: Title
    headcount: int = Field(default=1, ge=1, le=10_000_000)
    annual_pay: float | None = Field(default=None, ge=0, le=100_000_000)
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


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter occurring most often outside quotes in the header line (comma on ties)."""
    counts = dict.fromkeys(",;\t|", 0)
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


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


_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# Below this an "annual" pay is almost surely hourly, monthly or in thousands: kept, but said.
_LOW_ANNUAL_PAY = 1_000.0


def _number(text: str) -> float:
    """A number as people type it: '$85,000', '85 000', '85k', '85.000,50' (decimal comma)."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    t = t.lstrip("$€£").rstrip("$€£")
    scale = 1.0
    if t[-1:] in {"k", "K"}:
        scale, t = 1000.0, t[:-1]
    if "," in t and "." in t:
        # The separator that comes last is the decimal one.
        t = (
            t.replace(".", "").replace(",", ".")
            if t.rfind(",") > t.rfind(".")
            else t.replace(",", "")
        )
    elif "," in t:
        head, _, tail = t.rpartition(",")
        t = t.replace(",", "") if len(tail) == 3 and head else head.replace(",", "") + "." + tail
    elif _DOT_GROUPS.fullmatch(t):
        # '85.000' / '1.250.000': dots grouping thousands, as most of Europe writes pay.
        t = t.replace(".", "")
    return float(t) * scale


def _cell(record: Sequence[str], columns: dict[str, int], field: str) -> str:
    i = columns.get(field)
    return record[i].strip() if i is not None and i < len(record) else ""


def _row(line: int, record: Sequence[str], columns: dict[str, int]) -> RosterRow | list[str]:
    """A validated row, or the list of what is wrong with it."""
    errors: list[str] = []
    values: dict[str, object] = {"line": line}
    title = _cell(record, columns, "title")
    if not title:
        errors.append("the title is empty")
    values["title"] = title
    count = _cell(record, columns, "headcount")
    if count:
        try:
            n = _number(count)
            if n != int(n) or n < 1:
                raise ValueError
            values["headcount"] = int(n)
        except (ValueError, OverflowError):
            errors.append(f"headcount '{count}' is not a whole number of at least 1")
    for field, factor in (("annual_pay", 1.0), ("hourly_pay", float(HOURS_PER_YEAR))):
        pay = _cell(record, columns, field)
        if not pay or "annual_pay" in values:
            continue
        try:
            amount = _number(pay) * factor
            if amount < 0 or amount != amount:
                raise ValueError
            values["annual_pay"] = amount
        except (ValueError, OverflowError):
            errors.append(f"{field.replace('_', ' ')} '{pay}' is not a number of at least 0")
    code = _cell(record, columns, "code")
    if code:
        if _CODE.match(code):
            values["code"] = code
        else:
            errors.append(f"code '{code}' is not an O*NET-SOC code like 15-1252.00 or 15-1252")
    for field in ("team", "location"):
        text = _cell(record, columns, field)
        if text:
            values[field] = text
    if errors:
        return errors
    try:
        return RosterRow.model_validate(values)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]


def _where_list(places: list[str], shown: int = 5) -> str:
    """'line 2', 'line 2, line 7 and 3 more' — a short list of where something happens."""
    head = ", ".join(places[:shown])
    return head + (f" and {len(places) - shown} more" if len(places) > shown else "")


def _collect(
    records: Iterable[tuple[int, list[str]]], *, max_rows: int, unit: str
) -> tuple[list[RosterRow], list[str], list[str], dict[str, str]]:
    """Rows, problems, notes and the column map from records whose first one is the header."""
    header: list[str] | None = None
    columns: dict[str, int] = {}
    problems: list[str] = []
    notes: list[str] = []
    rows: list[RosterRow] = []
    low_pay: list[str] = []
    foreign: list[str] = []
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
                f"{where}: {len(record)} fields but the header has {len(header)} ({_QUOTE_HINT})"
            )
            continue
        if _cell(record, columns, "title").casefold() in _TOTALS:
            notes.append(f"{where}: skipped a totals row ('{_cell(record, columns, 'title')}').")
            continue
        result = _row(start, record, columns)
        if isinstance(result, RosterRow):
            rows.append(result)
            pay = _cell(record, columns, "annual_pay") or _cell(record, columns, "hourly_pay")
            if result.annual_pay is not None and 0 < result.annual_pay < _LOW_ANNUAL_PAY:
                low_pay.append(where)
            if any(c in pay for c in "€£"):
                foreign.append(where)
        else:
            # Trailing empty fields hide a shifted row: an unquoted comma in the title.
            hint = [f"{len(record)} fields for {len(header)} columns ({_QUOTE_HINT})"]
            problems.append(f"{where}: " + "; ".join(result + (hint if extra > 0 else [])))
    if low_pay:
        notes.append(
            f"{_where_list(low_pay)}: annual pay under ${_LOW_ANNUAL_PAY:,.0f} was used as "
            "given; put hourly pay in an hourly_pay column and write thousands in full "
            "(85000 or 85k)."
        )
    if foreign:
        notes.append(
            f"{_where_list(foreign)}: pay in € or £ was used as given, without conversion; "
            "market pay (OEWS) is in US dollars."
        )
    if header is not None and not rows and not problems:
        raise InputError(
            "The roster has a header but no rows.",
            hint="Add one row per role: title, headcount, and optionally annual_pay.",
        )
    names = {f: (header or [])[i].strip() for f, i in columns.items()}
    return rows, problems, notes, names


def _csv_records(text: str, delimiter: str, problems: list[str]) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the line each starts on; an unreadable tail becomes a problem."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            yield reader.line_num - sum(f.count("\n") for f in record), record
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: unreadable CSV ({exc})")


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
    delimiter = _sniff_delimiter(first)
    broken: list[str] = []
    rows, problems, notes, columns = _collect(
        _csv_records(text, delimiter, broken), max_rows=max_rows, unit="line"
    )
    return RosterParse(
        tuple(rows), tuple(problems + broken), tuple(notes), columns, encoding, delimiter
    )


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
