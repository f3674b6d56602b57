"""A roster's CSV text as records, each with the line it starts on.

Excel may write a first line ``sep=;`` naming the delimiter; :func:`excel_separator` finds it,
so the roster skips that line and splits on what it names.

The reader is lenient (a stray quote inside a cell is kept as text, as spreadsheets write it),
except for a quote that is opened and never closed: that would silently swallow the following
lines into one cell, so the record is reported as a problem instead of being analysed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

__all__ = ["QUOTE_HINT", "csv_records", "excel_separator", "sniff_delimiter"]

QUOTE_HINT = 'a title with a comma must be quoted, e.g. "Manager, Sales"'
# 'sep=;' or '"sep=;"', perhaps padded with the delimiter itself: 'sep=;;;'.
_SEP_LINE = re.compile(r'\s*"?sep=(?P<d>\t|[^\w\s"])"?(?:(?P=d)|[ \t])*', re.IGNORECASE)


def excel_separator(line: str) -> str | None:
    """The delimiter an Excel ``sep=`` line names ('sep=;' → ';'), or None for another line."""
    found = _SEP_LINE.fullmatch(line.rstrip("\r\n"))
    return found.group("d") if found else None


def sniff_delimiter(header_line: str) -> str:
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


def _unclosed(raw: str, delimiter: str) -> bool:
    """Whether a record read over several lines holds a quote that is never closed.

    The lenient reader takes a quote left open as the start of a field that runs on to the
    next quote or to the end of the file, so lines of other rows vanish into one title; the
    strict reader refuses exactly that, while a cell with a line break, properly quoted, passes.
    """
    try:
        list(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter, strict=True))
    except csv.Error:
        return True
    return False


def csv_records(text: str, delimiter: str, problems: list[str]) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the line each starts on; a broken quote or an unreadable tail becomes
    a problem (its record is not analysed)."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter)
    last = 0  # the line the previous record ended on
    try:
        for record in reader:
            start, last = last + 1, reader.line_num
            # An open quote at the end of the file keeps its line break inside the cell.
            spans = last > start or any("\n" in f or "\r" in f for f in record)
            if spans and _unclosed("".join(lines[start - 1 : last]), delimiter):
                end = "the end of the file" if last == len(lines) else f"line {last}"
                problems.append(
                    f"line {start}: a quote opened here is not closed, so everything up to "
                    f"{end} reads as one cell; close the quote or remove it ({QUOTE_HINT})"
                )
                continue
            yield start, record
    except csv.Error as exc:
        problems.append(f"line {reader.line_num}: unreadable CSV ({exc})")
