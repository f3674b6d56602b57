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
from collections.abc import Mapping, Sequence
from itertools import islice
from pathlib import Path

from ai_impact.errors import InputError
from ai_impact.textfile import decode_text
from ai_impact.usertext import clean_line, clean_text
from ai_impact.workforce.cells import HOURS_PER_YEAR
from ai_impact.workforce.columns import FIELDS, map_columns
from ai_impact.workforce.csv_records import csv_records, excel_separator, sniff_delimiter
from ai_impact.workforce.roster_collect import collect_rows
from ai_impact.workforce.roster_notes import lines_text
from ai_impact.workforce.roster_row import (
    MAX_LABEL_CHARS,
    MAX_TITLE_CHARS,
    RosterParse,
    RosterRow,
)

__all__ = [
    "FIELDS",
    "HOURS_PER_YEAR",
    "MAX_BYTES",
    "MAX_LABEL_CHARS",
    "MAX_ROWS",
    "MAX_TITLE_CHARS",
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
# More row problems than this are summarised: nobody reads the thousandth one.
MAX_REPORTED = 50

_DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "pipes"}
# A report's name, date or filters above the table: the header is looked for this far down.
_PREAMBLE_LINES = 10


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


def _names_title(line: str, sep: str | None) -> bool:
    """Whether ``line``, read as a header, has a title column."""
    cells = next(csv.reader([line], delimiter=sep or sniff_delimiter(line)), [])
    return "title" in map_columns(cells)[0]


def _without_preamble(text: str, sep: str | None) -> tuple[str, str | None]:
    """The text with the lines above the header blanked (line numbers stay), and the note
    naming them, when the first line names no title column but one of the next few does (an
    export that starts with the report's name and date); the text unchanged and None else."""
    lines = io.StringIO(text, newline="").readlines()
    filled = list(islice((i for i, line in enumerate(lines) if line.strip()), _PREAMBLE_LINES + 1))
    if not filled or _names_title(lines[filled[0]], sep):
        return text, None
    at = next((n for n, i in enumerate(filled) if _names_title(lines[i], sep)), None)
    if at is None:
        return text, None
    above = filled[:at]
    said = ", ".join(f"'{lines[i].strip()[:60]}'" for i in above[:3]) + (" …" if at > 3 else "")
    note = (
        f"{lines_text('line', [i + 1 for i in above])} above the header (line "
        f"{filled[at] + 1}) {'was' if at == 1 else 'were'} skipped: {said}."
    )
    blanked = [
        line[len(line.rstrip("\r\n")) :] if i in above else line for i, line in enumerate(lines)
    ]
    return "".join(blanked), note


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
    text, preamble_note = _without_preamble(text, sep)
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if not first:
        raise InputError(
            "The roster is empty.",
            hint="Give a CSV with a header (title, headcount, annual_pay) and one row per role.",
        )
    delimiter = sep or sniff_delimiter(first)
    problems: list[str] = []
    rows, problems, notes, columns, fte = collect_rows(
        csv_records(text, delimiter, problems), max_rows=max_rows, unit="line", problems=problems
    )
    notes = [n for n in (sep_note, preamble_note) if n] + notes
    return RosterParse(
        tuple(rows), tuple(problems), tuple(notes), columns, encoding, delimiter, fte
    )


def _json_text(value: str | int | float | None) -> str:
    """A JSON value as the text of a CSV cell: 1000.0 is '1000' (not '1000.0' or '1e3'); a
    float from 1e16 up stays as Python writes it ('1e+308', not its 309 digits), as do 'inf'
    and 'nan'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
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
    rows, problems, notes, columns, fte = collect_rows(items, max_rows=max_rows, unit="row")
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
            "(no row was analyzed):\n  " + "\n  ".join(shown)
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
