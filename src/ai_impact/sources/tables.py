"""Reading the vendored tables: gzip-aware CSV/TSV with column checks and all-at-once errors.

Every parser in :mod:`ai_impact.sources` reads through :func:`read_table` so a missing column is
reported with the file name and the columns that are there, and :class:`RowProblems` collects
every bad row before raising one :class:`~ai_impact.errors.DataError`.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ai_impact.errors import DataError

__all__ = ["RowProblems", "open_text", "read_table", "to_float", "to_int"]

# Bad rows listed in a message; the count of the rest follows.
_SHOWN = 12


def open_text(path: Path) -> TextIO:
    """Open a vendored text file, transparently gunzipping ``*.gz``."""
    if not path.exists():
        raise DataError(
            f"Source file {path} is missing.",
            hint="Restore the data/ folder from the repository (git checkout data/).",
        )
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def read_table(
    path: Path,
    required: Iterable[str],
    *,
    delimiter: str = ",",
    header_starts: str | None = None,
) -> list[dict[str, str]]:
    """Rows of a CSV/TSV as dicts, after checking that every ``required`` column is present.

    ``header_starts``: for BLS sheets with a title block, the first cell of the real header row.
    """
    with open_text(path) as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        header: list[str] | None = None
        for row in reader:
            if header_starts is None or (row and row[0].strip() == header_starts):
                header = [c.strip() for c in row]
                break
        if header is None:
            raise DataError(
                f"{path.name}: no header row"
                + (f" starting with {header_starts!r}" if header_starts else "")
                + " was found.",
                hint="The file is not in the format the parser expects; re-vendor it.",
            )
        missing = [c for c in required if c not in header]
        if missing:
            raise DataError(
                f"{path.name}: missing column(s) {missing}; found {header}.",
                hint="The source changed format; update the parser in ai_impact.sources.",
            )
        width = len(header)
        return [dict(zip(header, row + [""] * (width - len(row)), strict=False)) for row in reader]


def to_float(value: str) -> float | None:
    """A number from a BLS/O*NET cell; blanks and BLS placeholders (—, -, *, #, n/a) are None."""
    text = value.strip().replace(",", "").rstrip("%")
    if text in {"", "-", "—", "–", "*", "#", "**", "n/a", "N/A", "(8)", "."}:
        return None
    return float(text)


def to_int(value: str) -> int | None:
    """An integer from a cell (``"8823.0"`` is 8823); placeholders are None."""
    number = to_float(value)
    return None if number is None else int(number)


class RowProblems:
    """Collects bad rows of one file and raises them together."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    def add(self, line: int, message: str) -> None:
        """Record a problem on data line ``line`` (1 = first row after the header)."""
        self.items.append(f"row {line}: {message}")

    def raise_if_any(self) -> None:
        """Raise one DataError listing the problems, if there are any."""
        if not self.items:
            return
        shown = "; ".join(self.items[:_SHOWN])
        more = len(self.items) - _SHOWN
        suffix = f"; and {more} more" if more > 0 else ""
        raise DataError(
            f"{self.path.name}: {len(self.items)} bad row(s): {shown}{suffix}.",
            hint="Fix or re-vendor the file (scripts/vendor_data.py).",
        )
