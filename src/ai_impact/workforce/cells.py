"""Numbers in roster cells as people type them: headcounts and pay, with a unit when written.

Pay may carry its unit: "$21.50/hr", "21.50 per hour", "$85k/yr", "85,000 a year". A unit
decides how the amount is read whatever the column; without one, the column decides (an
``annual_pay`` column is a year, an ``hourly_pay`` column an hour). An hourly amount becomes a
year at ``HOURS_PER_YEAR`` (52 weeks × 40 hours), and the roster's notes say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "HOURS_PER_YEAR",
    "MAX_ANNUAL_PAY",
    "MAX_HEADCOUNT",
    "Pay",
    "PayError",
    "parse_number",
    "parse_pay",
]

HOURS_PER_YEAR = 2080
MAX_HEADCOUNT = 10_000_000
MAX_ANNUAL_PAY = 100_000_000.0

_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# "/hr", "/ hour", "per hour", "an hour", "p/h", "/h" and the same for a year.
_HOURLY = re.compile(r"\s*(?:/\s*|per\s+|an?\s+|p/)(?:h|hr|hrs|hour)\.?\s*$", re.IGNORECASE)
_YEARLY = re.compile(r"\s*(?:/\s*|per\s+|an?\s+|p/)(?:y|yr|yrs|year|annum)\.?\s*$", re.IGNORECASE)
# Other periods people write: refused with a precise hint rather than read as a year.
_OTHER = re.compile(r"(?:/\s*|per\s+|an?\s+|p/)(mo|mon|month|wk|week|day|d)\.?\s*$", re.IGNORECASE)


def parse_number(text: str) -> float:
    """A number as people type it: '$85,000', '85 000', '85k', '85.000,50' (decimal comma).

    Raises ValueError when the text is not one.
    """
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


@dataclass(frozen=True, slots=True)
class Pay:
    """A pay cell read: dollars a year, and whether it was written per hour."""

    annual: float
    hourly: bool


class PayError(ValueError):
    """A pay cell that cannot be read; the message says why, for the roster's problem list."""


def parse_pay(text: str, *, per_hour: bool) -> Pay:
    """A pay cell as dollars a year; ``per_hour`` says what a bare number means (its column).

    Raises :class:`PayError` (a ValueError) with a reason when the cell cannot be used.
    """
    other = _OTHER.search(text)
    if other:
        raise PayError(
            f"is pay per {other.group(1).lower()}; give pay a year (85000, 85k) or an hour "
            "($21.50/hr)"
        )
    hourly = _HOURLY.search(text)
    yearly = None if hourly else _YEARLY.search(text)
    unit = hourly or yearly
    amount = parse_number(text[: unit.start()] if unit else text)
    is_hourly = bool(hourly) or (per_hour and not yearly)
    annual = amount * HOURS_PER_YEAR if is_hourly else amount
    if annual != annual or annual < 0:  # NaN or negative
        raise PayError("is not a number of at least 0")
    return Pay(annual, is_hourly)
