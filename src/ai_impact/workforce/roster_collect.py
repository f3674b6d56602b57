"""Records (a header, then rows) into valid rows, every problem, and notes: :func:`collect_rows`.

The same for a CSV's lines and a JSON body's rows: the header's columns are mapped (synonyms,
an FTE column), totals rows skipped with a note, and each row validated
(:func:`~ai_impact.workforce.roster_row.validate_row`), its problems kept in line order.
"""

from __future__ import annotations

from collections.abc import Iterable

from ai_impact.errors import InputError
from ai_impact.workforce.columns import is_fte, is_fte_percent, map_columns, other_columns
from ai_impact.workforce.csv_records import QUOTE_HINT
from ai_impact.workforce.person_ids import PersonIds
from ai_impact.workforce.roster_notes import RosterNotes, fte_note, where_list
from ai_impact.workforce.roster_row import (
    EMPTY_TITLE,
    RosterRow,
    cell,
    count_elsewhere,
    validate_row,
)
from ai_impact.workforce.totals import is_totals_row, totals_label

__all__ = ["collect_rows"]


def collect_rows(
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
    people = PersonIds(unit)
    rows: list[RosterRow] = []
    fte = percent = False
    count_column = ""
    spare: list[int] = []
    json_rows = unit == "row"
    n_records = 0
    last_title: tuple[str, str] | None = None  # the last title given, and where
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
            fte = is_fte(count_column)
            percent = is_fte_percent(count_column)
            if fte:
                notes.append(fte_note(count_column, percent=percent))
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
        title, team, location = (cell(record, columns, f) for f in ("title", "team", "location"))
        if is_totals_row(title, cell(record, columns, "code"), team, location):
            said.totals_row(where, title or (team if totals_label(team) else location))
            continue
        above = last_title
        if title:
            last_title = (title, where)
        lost = count_elsewhere(record, columns, spare, header)
        if lost:
            problems.append(
                f"{where}: '{count_column}' is empty but {lost}; give every row's count in one "
                f"column ('{count_column}')"
            )
            continue
        result = validate_row(start, record, columns, fte=fte, percent=percent)
        if isinstance(result, tuple):
            row, pay = result
            if people.repeated(cell(record, columns, "employee_id"), row):
                continue
            rows.append(row)
            said.row_pay(where, row.annual_pay, pay)
            if count_column and not cell(record, columns, "headcount"):
                said.empty_count(where)
        else:
            if not title and above and not json_rows:
                result = [_merged_hint(above) if e == EMPTY_TITLE else e for e in result]
            # Trailing empty fields hide a shifted row: an unquoted comma in the title.
            hint = [f"{len(record)} fields for {len(header)} columns ({QUOTE_HINT})"]
            problems.append(f"{where}: " + "; ".join(result + (hint if extra > 0 else [])))
    notes += said.notes(fte=fte) + people.notes()
    if header is not None and not rows and not problems:
        if said.skipped:
            raise InputError(
                "The roster has no rows to analyze: every row is a totals row "
                f"({where_list([w for w, _ in said.skipped])}).",
                hint="Add one row per role: title, headcount, and optionally annual_pay.",
            )
        raise InputError(
            "The roster has a header but no rows.",
            hint="Add one row per role: title, headcount, and optionally annual_pay.",
        )
    names = {f: (header or [])[i].strip() for f, i in columns.items()}
    return rows, problems, notes, names, fte


def _merged_hint(above: tuple[str, str]) -> str:
    """The empty-title problem of a row under a titled one: in a spreadsheet whose title cells
    were merged over several rows, the export keeps the title on the first row only."""
    title, where = above
    shown = title if len(title) <= 40 else title[:40] + "…"
    return (
        f"{EMPTY_TITLE} (if the title cells were merged, the export kept '{shown}' on {where} "
        "only: unmerge them and fill the title into every row)"
    )
