"""Reading a team roster (CSV) into strict, validated rows: :func:`parse_roster`.

A roster is whatever an HR system exports: any encoding among UTF-8 (with or without BOM),
UTF-16 (Excel "Unicode text") and Windows-1252 / Latin-1; comma, semicolon, tab or pipe
delimited (or as Excel's first line ``sep=;`` names it); header names in any case and under
common synonyms ("Job Title", "FTE", "Salary"). A headcount column named FTE holds full-time
equivalents: fractions are kept, and the analysis counts FTE instead of people. Totals rows are
skipped (:mod:`~ai_impact.workforce.totals`). Every bad row is reported at once, with its line
number, so a planner fixes the file in one pass.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ai_impact.errors import InputError
from ai_impact.textfile import decode_text
from ai_impact.usertext import clean_line, clean_text
from ai_impact.workforce.cells import (
    HOURS_PER_YEAR,
    MAX_ANNUAL_PAY,
    MAX_HEADCOUNT,
    HeadcountError,
    PayError,
    RowPay,
    parse_headcount,
    read_row_pay,
)
from ai_impact.workforce.columns import (
    FIELDS,
    FTE_NAMES,
    fold_header,
    map_columns,
    other_columns,
)
from ai_impact.workforce.csv_records import (
    QUOTE_HINT,
    csv_records,
    excel_separator,
    sniff_delimiter,
)
from ai_impact.workforce.roster_notes import RosterNotes, fte_note, where_list
from ai_impact.workforce.totals import is_totals_row, totals_label

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
    "records_csv",
]

MAX_ROWS = 50_000
MAX_BYTES = 20_000_000  # 20 MB, decimal as the web's body limits (web/limits.py)
MAX_TITLE_CHARS = 200
MAX_LABEL_CHARS = 200
# More row problems than this are summarised: nobody reads the thousandth one.
MAX_REPORTED = 50

_CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")

_DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}

Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE_CHARS)
]
Label = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LABEL_CHARS)
]


class RosterRow(BaseModel):
    """One validated roster line; ``annual_pay`` is per person, in dollars a year.

    ``hourly_pay`` is the rate in dollars an hour when the row gave its pay per hour (an hourly
    column, or "$21.50/hr"): ``annual_pay`` is then that rate × 2,080 hours, the full-time year
    payroll counts, and the roster's notes say so.

    ``headcount`` is an ``int`` unless the roster's column holds full-time equivalents and the
    row gives a fraction (2.5 FTE); the type says ``float``, which an ``int`` is too.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    line: int = Field(ge=1, description="Line of the file where the row starts (row of a list).")
    title: Title
    # int | float keeps a whole headcount an int (a float field would make 3 into 3.0).
    headcount: int | float = Field(default=1, gt=0, le=MAX_HEADCOUNT)
    annual_pay: float | None = Field(default=None, ge=0, le=MAX_ANNUAL_PAY)
    hourly_pay: float | None = Field(default=None, ge=0)
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
    fte: bool = False  # the headcount column holds full-time equivalents

    @property
    def unit(self) -> str:
        """What a row's ``line`` counts: a 'line' of a CSV, or a 'row' of a list (JSON)."""
        return "row" if self.encoding == "json" else "line"


def _cell(record: Sequence[str], columns: dict[str, int], field: str) -> str:
    i = columns.get(field)
    return record[i].strip() if i is not None and i < len(record) else ""


def _count_elsewhere(
    record: Sequence[str], columns: dict[str, int], spare: Sequence[int], header: Sequence[str]
) -> str:
    """What another count column says on a row whose count column is empty ('' if nothing):
    a row giving 2.5 under 'fte' beside an empty 'headcount' is no row of one person."""
    if not spare or _cell(record, columns, "headcount"):
        return ""
    said = [
        f"'{header[i].strip()}' gives {record[i].strip()}"
        for i in spare
        if i < len(record) and record[i].strip()
    ]
    return " and ".join(said)


def _row(
    line: int, record: Sequence[str], columns: dict[str, int], *, fte: bool = False
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
            values["headcount"] = parse_headcount(count, fte=fte)
        except HeadcountError as exc:
            errors.append(f"{'FTE' if fte else 'headcount'} '{count}' {exc}")
    pay = RowPay()
    try:
        pay = read_row_pay(
            _cell(record, columns, "annual_pay"), _cell(record, columns, "hourly_pay")
        )
    except PayError as exc:
        errors.append(str(exc))
    if pay.annual is not None:
        values["annual_pay"] = pay.annual
        if pay.rate is not None:
            values["hourly_pay"] = pay.rate
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


def _collect(
    records: Iterable[tuple[int, list[str]]],
    *,
    max_rows: int,
    unit: str,
    problems: list[str] | None = None,
) -> tuple[list[RosterRow], list[str], list[str], dict[str, str], bool]:
    """Rows, problems, notes, the column map and whether headcount is FTE, from records whose
    first one is the header.

    ``unit`` is "line" for a CSV (blank lines are skipped) or "row" for JSON rows (each one is
    a row, blank or not). ``problems`` may be the list the records' reader reports into, so its
    problems keep their place in line order.
    """
    header: list[str] | None = None
    columns: dict[str, int] = {}
    problems = [] if problems is None else problems
    notes: list[str] = []
    said = RosterNotes()
    rows: list[RosterRow] = []
    fte = False
    count_column = ""
    spare: list[int] = []
    json_rows = unit == "row"
    n_records = 0
    for start, record in records:
        if not json_rows and not any(f.strip() for f in record):
            continue
        if header is None:
            header = record
            columns, ignored, notes = map_columns(header)
            if "title" not in columns:
                found = ", ".join(repr(h.strip()) for h in header if h.strip()) or "none"
                if json_rows:
                    raise InputError(
                        f"The roster rows have no title (keys found: {found}).",
                        hint='Give every row a "title", e.g. {"title": "Nurse", "headcount": 3}.',
                    )
                raise InputError(
                    f"The roster has no title column (columns found: {found}).",
                    hint="Name one column 'title' (or 'job title', 'position', 'role').",
                )
            if ignored:
                notes.append("Ignored columns: " + ", ".join(repr(c) for c in ignored) + ".")
            count_column = header[columns["headcount"]].strip() if "headcount" in columns else ""
            spare = other_columns(header, "headcount", columns.get("headcount", -1))
            fte = fold_header(count_column) in FTE_NAMES
            if fte:
                notes.append(fte_note(count_column))
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
        title, team, location = (_cell(record, columns, f) for f in ("title", "team", "location"))
        if is_totals_row(title, _cell(record, columns, "code"), team, location):
            said.totals_row(where, title or (team if totals_label(team) else location))
            continue
        lost = _count_elsewhere(record, columns, spare, header)
        if lost:
            problems.append(
                f"{where}: '{count_column}' is empty but {lost}; give every row's count in one "
                f"column ('{count_column}')"
            )
            continue
        result = _row(start, record, columns, fte=fte)
        if isinstance(result, tuple):
            row, pay = result
            rows.append(row)
            said.row_pay(where, row.annual_pay, pay)
        else:
            # Trailing empty fields hide a shifted row: an unquoted comma in the title.
            hint = [f"{len(record)} fields for {len(header)} columns ({QUOTE_HINT})"]
            problems.append(f"{where}: " + "; ".join(result + (hint if extra > 0 else [])))
    notes += said.notes()
    if header is not None and not rows and not problems:
        if said.skipped:
            raise InputError(
                "The roster has no rows to analyse: every row is a totals row "
                f"({where_list([w for w, _ in said.skipped])}).",
                hint="Add one row per role: title, headcount, and optionally annual_pay.",
            )
        raise InputError(
            "The roster has a header but no rows.",
            hint="Add one row per role: title, headcount, and optionally annual_pay.",
        )
    names = {f: (header or [])[i].strip() for f, i in columns.items()}
    return rows, problems, notes, names, fte


def _without_sep_line(text: str) -> tuple[str, str | None, str | None]:
    """The text with Excel's first line 'sep=;' blanked (line numbers stay), the delimiter it
    names, and the note that says so; the text unchanged and None, None without one."""
    lines = io.StringIO(text, newline="").readlines()
    at = next((i for i, line in enumerate(lines) if line.strip()), None)
    sep = excel_separator(lines[at]) if at is not None else None
    if at is None or sep is None:
        return text, None, None
    ending = lines[at][len(lines[at].rstrip("\r\n")) :]
    named = _DELIMITERS.get(sep, f"'{sep}'")
    note = (
        f"line {at + 1}: skipped Excel's 'sep={sep.replace(chr(9), '<tab>')}' line; "
        f"columns are separated by {named}."
    )
    return "".join([*lines[:at], ending, *lines[at + 1 :]]), sep, note


def _too_big(what: str, size: int) -> InputError:
    """'roster.csv is 25.3 MB; the roster limit is 20 MB (20,000,000 bytes).' — in bytes when
    the size in MB would read like the limit itself."""
    shown = f"{size / 1e6:,.1f} MB" if round(size / 1e6, 1) > MAX_BYTES / 1e6 else f"{size:,} bytes"
    return InputError(
        f"{what} is {shown}; the roster limit is {MAX_BYTES / 1e6:g} MB ({MAX_BYTES:,} bytes).",
        hint="Split it by department, or keep only the title, headcount and pay columns.",
    )


def read_roster(data: bytes | str, *, max_rows: int = MAX_ROWS) -> RosterParse:
    """Read a roster and collect every problem instead of stopping at the first one."""
    if isinstance(data, str):
        text, encoding = data.lstrip("\ufeff"), "text"
    else:
        if len(data) > MAX_BYTES:
            raise _too_big("The roster", len(data))
        text, encoding = decode_text(data, what="The roster")
    text = clean_text(text)  # no control character reaches a page; tabs and lines stay
    text, sep, sep_note = _without_sep_line(text)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if not first:
        raise InputError(
            "The roster is empty.",
            hint="Give a CSV with a header (title, headcount, annual_pay) and one row per role.",
        )
    delimiter = sep or sniff_delimiter(first)
    problems: list[str] = []
    rows, problems, notes, columns, fte = _collect(
        csv_records(text, delimiter, problems), max_rows=max_rows, unit="line", problems=problems
    )
    notes = ([sep_note] if sep_note else []) + notes
    return RosterParse(
        tuple(rows), tuple(problems), tuple(notes), columns, encoding, delimiter, fte
    )


def _json_text(value: str | int | float | None) -> str:
    """A JSON value as the text of a CSV cell: 1000.0 is '1000' (not '1000.0' or '1e3')."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_records(
    records: Sequence[Mapping[str, str | int | float | None]], *, max_rows: int = MAX_ROWS
) -> RosterParse:
    """Read roster rows given as mappings (a JSON body); problems name the row number.

    Every mapping is a row, even one whose values are all empty (its title is then reported
    empty), and the keys of all rows together play the part of a header.
    """
    if not records:
        raise InputError("The roster is empty.", hint="Send at least one row with a title.")
    keys = list(dict.fromkeys(k for r in records for k in r))
    items = [(0, [clean_line(str(k)) for k in keys])] + [
        (n, [clean_line(_json_text(r.get(k))) for k in keys]) for n, r in enumerate(records, 1)
    ]
    rows, problems, notes, columns, fte = _collect(items, max_rows=max_rows, unit="row")
    return RosterParse(tuple(rows), tuple(problems), tuple(notes), columns, "json", "", fte)


def records_csv(records: Sequence[Mapping[str, str | int | float | None]]) -> str:
    """Roster rows given as mappings, as CSV text with the same cells (to send them again)."""
    keys = list(dict.fromkeys(k for r in records for k in r))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(keys)
    writer.writerows([_json_text(r.get(k)) for k in keys] for r in records)
    return buf.getvalue()


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
            raise _too_big(str(path), size)
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
