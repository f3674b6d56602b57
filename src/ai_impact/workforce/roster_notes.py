"""What a roster's notes say: harmless things read one way, each note naming its lines.

Rows are read whole; what is said of them is gathered by :class:`RosterNotes` and written once,
one note per kind, so a roster of 50,000 rows has a handful of notes, not thousands.
"""

from __future__ import annotations

import re

from ai_impact.workforce.cells import (
    HOURS_PER_YEAR,
    MAX_PLAUSIBLE_HOURLY,
    PAY_CONFLICT,
    RowPay,
)

__all__ = [
    "LOW_ANNUAL_PAY",
    "RosterNotes",
    "count_words",
    "fte_note",
    "lines_text",
    "merged_note",
    "where_list",
]

# Below this an "annual" pay is almost surely hourly, monthly or in thousands: kept, but said.
LOW_ANNUAL_PAY = 1_000.0

# What the notes say of pay, in this order; each note leads with the lines it concerns.
_PAY_NOTES = {
    "low": f"annual pay under ${LOW_ANNUAL_PAY:,.0f} was used as given; put hourly pay in an "
    "hourly_pay column and write thousands in full (85000 or 85k).",
    "converted": "pay written per hour (e.g. '$21.50/hr') was converted to a year at "
    f"{HOURS_PER_YEAR:,} hours (52 weeks × 40 hours).",
    "hourly_column": "hourly pay counts in payroll as a full-time year of "
    f"{HOURS_PER_YEAR:,} hours (52 weeks × 40 hours); where BLS publishes market pay only by "
    "the hour, the roster's hourly pay is shown per hour beside it.",
    "implausible": f"hourly pay over ${MAX_PLAUSIBLE_HOURLY:,.0f} an hour was used as given; "
    "check it is pay per hour, not a year (a comma before three digits groups thousands: "
    "'21,500/hr' is 21,500 an hour; '21.50/hr' or '21,50/hr' is 21.50).",
    "conflict": f"annual_pay and hourly_pay (× {HOURS_PER_YEAR:,} hours) differ by more than "
    f"{PAY_CONFLICT:.0%}; annual_pay was used.",
    "unread_hourly": "hourly_pay could not be read and was ignored; annual_pay was used.",
    "foreign": "pay in € or £ was used as given, without conversion; market pay (OEWS) is in "
    "US dollars.",
    "zero": "pay of 0 was read as no pay (a blank cell), not averaged in as $0; leave pay "
    "blank when it is not known.",
}
_BARE_TOTALS = {"total", "totals", "grand total", "subtotal", "sub total", "sum", "all"}


def where_list(places: list[str], shown: int = 5) -> str:
    """'line 2', 'lines 2 and 7', 'lines 2, 7, 9, 11, 12 and 3 more' — a short list of where
    something happens, worded as the note on rows of one role words its lines."""
    units = {p.partition(" ")[0] for p in places}
    numbers = [p.partition(" ")[2] for p in places]
    if len(units) == 1 and all(n.isdigit() for n in numbers):
        return lines_text(units.pop(), [int(n) for n in numbers], shown)
    head = ", ".join(places[:shown])
    return head + (f" and {len(places) - shown} more" if len(places) > shown else "")


def _quoted(texts: list[str], shown: int) -> str:
    """ "'N/A', '-'" — a short list of cell texts as typed."""
    return ", ".join(f"'{t}'" for t in texts[:shown]) + (" …" if len(texts) > shown else "")


def lines_text(unit: str, numbers: list[int], shown: int = 6) -> str:
    """'line 2', 'lines 2, 3 and 4', 'rows 2, 3, 4, 5, 6, 7 and 294 more'."""
    if len(numbers) == 1:
        return f"{unit} {numbers[0]}"
    head = [f"{n:,}" for n in numbers[:shown]]
    if len(numbers) > shown:
        return f"{unit}s {', '.join(head)} and {len(numbers) - shown:,} more"
    return f"{unit}s {', '.join(head[:-1])} and {head[-1]}"


def count_words(value: float, *, fte: bool) -> str:
    """'9 people', '1 person', '2.5 FTE': a headcount in words, whole numbers without decimals."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if fte:
        return f"{text} FTE"
    return f"{text} " + ("person" if value == 1 else "people")


def merged_note(
    merged: list[tuple[list[int], str, float]], *, unit: str, fte: bool, shown: int = 3
) -> str | None:
    """The note naming the rows added together as one role, from (numbers, title, headcount)
    of each role of several rows; None when every role is one row.

    'lines 2, 3 and 4 are the same role ('Nurse') and were added together: 9 people.'
    """
    if not merged:
        return None
    if len(merged) == 1:
        numbers, title, count = merged[0]
        return (
            f"{lines_text(unit, numbers)} are the same role ('{title}') and were added "
            f"together: {count_words(count, fte=fte)}."
        )
    parts = [
        f"{lines_text(unit, numbers)} ('{title}': {count_words(count, fte=fte)})"
        for numbers, title, count in merged[:shown]
    ]
    if len(merged) > shown:
        more = len(merged) - shown
        parts.append(f"and {more:,} more " + ("role" if more == 1 else "roles"))
    return (
        f"{unit.capitalize()}s of the same role (same title, code, team and location) were "
        "added together: " + "; ".join(parts) + "."
    )


def fte_note(column: str, *, percent: bool = False) -> str:
    """The note saying the headcount column holds full-time equivalents (in percent: 50 is
    half time)."""
    kept = (
        " in percent (100 is one full-time person, 50 half time)"
        if percent
        else ": fractions such as 2.5 are kept"
    )
    return (
        f"Headcount is read from the '{column}' column as full-time equivalents{kept}, and "
        f"totals, hours (FTE × {HOURS_PER_YEAR:,}) and payroll (pay × FTE) count FTE, not "
        "people."
    )


class RosterNotes:
    """The lines each note concerns, gathered row by row; :meth:`notes` writes them."""

    def __init__(self) -> None:
        self.pay: dict[str, list[str]] = {k: [] for k in _PAY_NOTES}
        self.blank: list[str] = []  # lines whose pay cell only said "no pay" ('N/A')
        self.blank_cells: dict[str, None] = {}  # those cells' texts, in order, once each
        self.skipped: list[tuple[str, str]] = []  # totals rows: (line, label)
        self.no_count: list[str] = []  # lines whose headcount cell is empty (read as 1)

    def row_pay(self, where: str, annual_pay: float | None, pay: RowPay) -> None:
        """Record what the row at ``where`` said of its pay."""
        flags = {
            "low": annual_pay is not None and 0 < annual_pay < LOW_ANNUAL_PAY,
            "converted": pay.converted,
            "hourly_column": pay.hourly and not pay.converted,
            "implausible": pay.implausible,
            "conflict": pay.conflict,
            "unread_hourly": pay.unread_hourly,
            "foreign": pay.foreign,
            "zero": pay.zero,
        }
        for key, on in flags.items():
            if on:
                self.pay[key].append(where)
        if pay.placeholders:
            self.blank.append(where)
            self.blank_cells.update(dict.fromkeys(pay.placeholders))

    def empty_count(self, where: str) -> None:
        """Record a row at ``where`` whose headcount cell is empty, so counted as one."""
        self.no_count.append(where)

    def totals_row(self, where: str, label: str) -> None:
        """Record a totals row skipped at ``where``, labelled ``label``."""
        self.skipped.append((where, label))

    def _totals(self) -> list[str]:
        if len(self.skipped) == 1:
            where, label = self.skipped[0]
            bare = " ".join(re.sub(r"[\W_]+", " ", label).casefold().split()) in _BARE_TOTALS
            hint = "" if bare else "; if it is a role, give the row its O*NET-SOC code"
            return [f"{where}: skipped a totals row ('{label}'){hint}."]
        if not self.skipped:
            return []
        labels = list(dict.fromkeys(label for _, label in self.skipped))
        return [
            f"{where_list([w for w, _ in self.skipped])}: skipped {len(self.skipped)} totals "
            f"rows ({_quoted(labels, 3)}); a role among them is kept when the row gives its "
            "O*NET-SOC code."
        ]

    def notes(self, *, fte: bool = False) -> list[str]:
        """The notes, one per kind: totals rows, empty headcounts, blank pay, then pay as
        _PAY_NOTES orders it; ``fte`` says the headcount column holds full-time equivalents."""
        out = self._totals()
        if self.no_count:
            one = "1 FTE" if fte else "1 person"
            out.append(
                f"{where_list(self.no_count)}: the headcount is empty and was read as {one}; "
                "give each row its headcount (a roster of one row per person needs no "
                "headcount column)."
            )
        if self.blank:
            out.append(
                f"{where_list(self.blank)}: pay written as {_quoted(list(self.blank_cells), 5)} "
                "was read as a blank cell, not as pay."
            )
        return out + [
            f"{where_list(self.pay[k])}: {t}" for k, t in _PAY_NOTES.items() if self.pay[k]
        ]
