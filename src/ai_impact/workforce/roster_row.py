"""One roster row, validated: :class:`RosterRow`, and :class:`RosterParse`, a roster as read.

:func:`validate_row` turns one record (the cells of a CSV line or the values of a JSON row) into
a strict row, or into the list of everything wrong with it, so that every bad row of a roster
is reported at once (:mod:`~ai_impact.workforce.roster_collect`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ai_impact.workforce.cells import (
    MAX_ANNUAL_PAY,
    MAX_HEADCOUNT,
    HeadcountError,
    PayError,
    RowPay,
    parse_headcount,
    read_row_pay,
    shown,
)

__all__ = [
    "EMPTY_TITLE",
    "MAX_LABEL_CHARS",
    "MAX_TITLE_CHARS",
    "RosterParse",
    "RosterRow",
    "cell",
    "count_elsewhere",
    "validate_row",
]

MAX_TITLE_CHARS = 200
EMPTY_TITLE = "the title is empty"
MAX_LABEL_CHARS = 200

_CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")
# ="text": how Excel keeps a cell as typed ("0123", "15-1252.00") in a CSV it writes.
_TEXT_GUARD = re.compile(r'="((?:[^"]|"")*)"')

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


def cell(record: Sequence[str], columns: dict[str, int], field: str) -> str:
    """The cell of ``field`` in ``record``, stripped; Excel's text guard ``="15-1252.00"`` (a
    formula that keeps a code or a number as typed) read as the text it guards."""
    i = columns.get(field)
    text = record[i].strip() if i is not None and i < len(record) else ""
    guarded = _TEXT_GUARD.fullmatch(text) if text[:1] == "=" else None
    return guarded[1].replace('""', '"').strip() if guarded else text


def count_elsewhere(
    record: Sequence[str], columns: dict[str, int], spare: Sequence[int], header: Sequence[str]
) -> str:
    """What another count column says on a row whose count column is empty ('' if nothing):
    a row giving 2.5 under 'fte' beside an empty 'headcount' is no row of one person."""
    if not spare or cell(record, columns, "headcount"):
        return ""
    said = [
        f"'{header[i].strip()}' gives {shown(record[i].strip(), quote='')}"
        for i in spare
        if i < len(record) and record[i].strip()
    ]
    return " and ".join(said)


def validate_row(
    line: int,
    record: Sequence[str],
    columns: dict[str, int],
    *,
    fte: bool = False,
    percent: bool = False,
) -> tuple[RosterRow, RowPay] | list[str]:
    """A validated row and what its pay cells said, or the list of what is wrong with it."""
    errors: list[str] = []
    values: dict[str, object] = {"line": line}
    title = cell(record, columns, "title")
    if not title:
        errors.append(EMPTY_TITLE)
    elif len(title) > MAX_TITLE_CHARS:
        errors.append(
            f"the title is {len(title):,} characters long; the limit is {MAX_TITLE_CHARS}"
        )
    values["title"] = title
    count = cell(record, columns, "headcount")
    if count:
        try:
            values["headcount"] = parse_headcount(count, fte=fte, percent=percent)
        except HeadcountError as exc:
            errors.append(f"{'FTE' if fte else 'headcount'} {shown(count)} {exc}")
    pay = RowPay()
    try:
        pay = read_row_pay(cell(record, columns, "annual_pay"), cell(record, columns, "hourly_pay"))
    except PayError as exc:
        errors.append(str(exc))
    if pay.annual is not None:
        values["annual_pay"] = pay.annual
        if pay.rate is not None:
            values["hourly_pay"] = pay.rate
    code = cell(record, columns, "code")
    if code:
        if _CODE.match(code):
            values["code"] = code
        else:
            errors.append(f"code {shown(code)} is not an O*NET-SOC code like 15-1252.00 or 15-1252")
    for field in ("team", "location"):
        text = cell(record, columns, field)
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
        return [f"{e['loc'][0]} {shown(str(e['input']))} cannot be used" for e in exc.errors()]
