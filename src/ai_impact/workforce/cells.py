"""Numbers in roster cells as people type them: headcounts and pay, with a unit when written.

Pay may be written in thousands or millions ("85k", "$1.2M", "$1.2MM"), and carry its unit:
"$21.50/hr", "21.50 per hour", "21.50 hourly", "$21.50 hr",
"$21.50ph", "$85k/yr", "85,000 a year", "85000 pa", and a currency: "$", "US$", "USD"
("45000 USD", "USD 45,000"); "€", "£", "EUR" and "GBP" are read as given, without conversion.
A unit decides how the amount is read whatever the column; without one, the column decides
(an ``annual_pay`` column is a year, an ``hourly_pay`` column an hour). An hourly amount
becomes a year at ``HOURS_PER_YEAR`` (52 weeks × 40 hours), and the roster's notes say so.

A pay cell that only says "no pay here" ("N/A", "TBD", "-", "—", "?") is read as blank, and so is
pay of 0: the roster's notes list those rows. A number of hours or years ("40 hours", "5 yrs")
is not pay and is refused.

Headcounts are whole numbers of at least 1; a column named FTE holds full-time equivalents, so
any number above 0 ("2.5"). Both are written in digits: "1,200" and "3.0" are numbers,
"1_000" and "1e3" (Python's and scientific notation) are not. Both are at most
``MAX_HEADCOUNT``, and pay at most ``MAX_ANNUAL_PAY`` a year: a larger number, in digits or not
("1e308", a JSON 1e308), is refused as too large, and a cell is quoted in a message as typed,
cut short past ``MAX_SHOWN`` characters (:func:`shown`). A headcount whose one separator
before three digits could be a decimal mark as well ("1.000" people: 1 or 1,000; "1.500" or
"1,500" FTE: 1.5 or 1,500) is refused with what to write instead, never read as a thousand.

Separators are read one way. With both "," and "." the last one is the decimal mark
("1.250,50" and "1,250.50" are 1250.50). A lone comma before one or two final digits is a
decimal comma ("21,50" is 21.50); a comma before three digits groups thousands ("21,500" is
21500, "1,250,000"). Anything else with a comma ("1,2345", "1,250,50") can be read two ways
and is refused with what to write instead. A group of thousands never starts with 0: "0,500"
and "0.500" are 0.5. Any space inside a number is a thousands separator ("21 000", with the
no-break or narrow no-break space French Excel writes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "HOURS_PER_YEAR",
    "MAX_ANNUAL_PAY",
    "MAX_HEADCOUNT",
    "MAX_PLAUSIBLE_HOURLY",
    "MAX_SHOWN",
    "PAY_CONFLICT",
    "AmbiguousNumberError",
    "HeadcountError",
    "Pay",
    "PayError",
    "RowPay",
    "is_placeholder",
    "parse_headcount",
    "parse_number",
    "parse_pay",
    "read_row_pay",
    "shown",
]

HOURS_PER_YEAR = 2080
# People in one role: more than the largest employer's whole workforce (about 2 million), so a
# larger count is a typo or a total, not a team; and far inside a float's exact integers.
MAX_HEADCOUNT = 10_000_000
MAX_ANNUAL_PAY = 100_000_000.0
# A cell longer than this is quoted cut short in a message: a 309-digit number is no help.
MAX_SHOWN = 40
# Above this an hourly rate is almost surely a year, or thousands typed as an hour: kept, said.
MAX_PLAUSIBLE_HOURLY = 300.0
# Annual and hourly pay of one row further apart than this share of the annual one are noted.
PAY_CONFLICT = 0.10

_DOT_GROUPS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
# One separator before three digits in a headcount: a decimal mark or a thousands separator.
_ONE_GROUP = re.compile(r"([1-9]\d{0,2})([.,])(\d{3})")
# A number once its separators are read: digits, one decimal point, an optional sign. Python's
# other literals ("1_000", "inf", "nan") are not spreadsheet numbers; "1e3" is one only for pay.
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_SCIENTIFIC = re.compile(_PLAIN.pattern + r"[eE][+-]?\d+")
# What people type for "no pay here"; a cell without a letter or a digit ("-", "—", "?") too.
_PLACEHOLDERS = frozenset(
    {
        "n/a", "na", "n.a.", "n.a", "#n/a", "nan", "tbd", "tbc", "tba", "none", "null", "nil",
        "unknown", "not applicable", "not known", "confidential", "undisclosed",
        "not disclosed", "withheld",
    }
)  # fmt: skip
_PER = r"(?:/\s*|per\s+|an?\s+|p/?)"
# "/hr", "/ hour", "per hour", "an hour", "p/h", "ph", "hourly", "hr" and the same for a year.
_HOURLY = re.compile(
    rf"\s*(?:{_PER}(?:h|hr|hrs|hour)\.?|hourly|(?<![a-z])(?:h|hrs?|hours?)\.?)\s*$",
    re.IGNORECASE,
)
_YEARLY = re.compile(
    rf"\s*(?:{_PER}(?:y|yr|yrs|year|annum)\.?|yearly|annually|annual|p\.?/?a\.?"
    r"|(?<![a-z])(?:yrs?|years?)\.?)\s*$",
    re.IGNORECASE,
)
# Other periods people write: refused with a precise hint rather than read as a year.
_OTHER = re.compile(
    rf"(?:{_PER}(mo|mon|month|wk|week|day|d)|(monthly|weekly|biweekly|bi-weekly|daily))\.?\s*$",
    re.IGNORECASE,
)
_PERIOD = {"mo": "month", "mon": "month", "monthly": "month", "wk": "week", "weekly": "week"}
_PERIOD |= {"biweekly": "two weeks", "bi-weekly": "two weeks", "d": "day", "daily": "day"}
_CURRENCY = re.compile(r"^\s*(?:US\$|USD|EUR|GBP|[$€£])\s*|\s*(?:US\$|USD|EUR|GBP|[$€£])\s*$", re.I)
_FOREIGN = re.compile(r"[€£]|\b(?:EUR|GBP)\b", re.IGNORECASE)
# Thousands and millions after the digits, as pay is written: "85k", "$1.2M", "$1.2MM", "1.2mn".
_SCALES = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6}
_SCALE = re.compile(r"(?<=[\d.,])(?:k|mm|mn|m)$", re.IGNORECASE)
# Letters after a number that are no unit read here ("1.2B", "85 grand"): said, not "no number".
_UNREAD_SUFFIX = re.compile(r"[+-]?[\d.,\s]*\d[\d.,\s]*([^\W\d_]+)\.?\s*", re.IGNORECASE)


def shown(cell: str, *, quote: str = "'") -> str:
    """A cell quoted as typed for a message, cut short when long: "'1e308'",
    "'10000000000000000000…' (309 characters)"."""
    if len(cell) <= MAX_SHOWN:
        return f"{quote}{cell}{quote}"
    return f"{quote}{cell[: MAX_SHOWN // 2]}…{quote} ({len(cell):,} characters)"


class AmbiguousNumberError(ValueError):
    """A number whose separators can be read two ways ("1,2345", "1,250,50")."""


def parse_number(text: str, *, scientific: bool = True) -> float:
    """A number as people type it: '$85,000', '85 000', '85k', '$1.2M', '85.000,50' (decimal
    comma); k is a thousand, M (also MM, mn, in any case) a million.

    Raises ValueError when the text is not one (nor is '1_000', 'inf' or, without
    ``scientific``, '1e3'), :class:`AmbiguousNumberError` when its commas can be read two ways
    (the rules are in the module docstring).
    """
    t = "".join(text.split())  # '85 000', also with a no-break or narrow no-break space
    t = t.lstrip("$€£").rstrip("$€£")
    scale = 1.0
    suffix = _SCALE.search(t)
    if suffix:
        scale, t = _SCALES[suffix.group().casefold()], t[: suffix.start()]
    if "," in t and "." in t:
        # The separator that comes last is the decimal one.
        t = (
            t.replace(".", "").replace(",", ".")
            if t.rfind(",") > t.rfind(".")
            else t.replace(",", "")
        )
    elif "," in t:
        head, _, tail = t.rpartition(",")
        if t.count(",") == 1 and head.lstrip("+-") == "0" and tail.isdigit():
            t = head + "." + tail  # '0,500': no group of thousands starts with 0
        elif len(tail) == 3 and head:
            t = t.replace(",", "")  # '21,500', '1,250,000': commas group thousands
        elif t.count(",") == 1 and 1 <= len(tail) <= 2:
            t = head + "." + tail  # '21,50': a decimal comma, the one separator
        elif tail.isdigit() and head:
            raise AmbiguousNumberError(text)
        else:
            raise ValueError(text)
    elif _DOT_GROUPS.fullmatch(t):
        # '85.000' / '1.250.000': dots grouping thousands, as most of Europe writes pay.
        t = t.replace(".", "")
    if not (_PLAIN.fullmatch(t) or (scientific and _SCIENTIFIC.fullmatch(t))):
        raise ValueError(text)
    return float(t) * scale


class HeadcountError(ValueError):
    """A headcount cell that cannot be used; the message says why, after the cell's text."""


def parse_headcount(text: str, *, fte: bool, percent: bool = False) -> float:
    """A headcount cell: a whole number of at least 1 (an ``int``) or, when the column holds
    full-time equivalents (``fte``), any number above 0 (an ``int`` when whole). FTE written
    in percent, by the column ("FTE %": ``percent``) or by the cell ("50%"), is divided by 100:
    HR systems write half time as 50.

    Raises :class:`HeadcountError` with what is wrong and what to write.
    """
    if fte and text.rstrip().endswith("%"):
        text, percent = text.rstrip()[:-1], True
    if fte and percent:
        try:
            share = parse_headcount(text, fte=True)
        except HeadcountError as exc:
            said = str(exc).replace("full-time equivalents: 1, 0.5, 2.5", "FTE in percent: 100, 50")
            raise HeadcountError(said) from None
        return int(share / 100) if share % 100 == 0 else round(share / 100, 6)
    group = _ONE_GROUP.fullmatch("".join(text.split())) if "." in text or "," in text else None
    # "1.000" people, "1.500" or "1,500" FTE: a decimal mark or thousands, and 1,000 times apart
    # (HR systems write FTE as "1.000", Europe writes 1,500 as "1.500"). People are whole, so
    # "1.200" and "1,200" can only be 1,200; "1,000" is 1,000 as a comma before three digits is.
    if group and (fte or (group[2] == "." and group[3] == "000")):
        small = float(f"{group[1]}.{group[3]}")
        big = int(group[1] + group[3])
        unit = "FTE" if fte else "people"
        raise HeadcountError(
            f"can be read as {small:g} or {big:,} {unit}; write {small:g} or {big} (no "
            "separator for thousands)"
        )
    try:
        n = parse_number(text, scientific=False)
    except ValueError:
        n = _too_large(text)
    # Before anything else, so that '1e308' and a 400-digit count (a float's inf) say the limit.
    if n > MAX_HEADCOUNT:
        raise HeadcountError(
            f"is more than {MAX_HEADCOUNT:,}; give the number of people in the role"
        )
    whole = n.is_integer()  # False for NaN
    if fte:
        if not n > 0:  # also NaN
            raise HeadcountError("is not a number above 0 (full-time equivalents: 1, 0.5, 2.5)")
    elif not whole or n < 1:
        hint = " (for full-time equivalents, name the column FTE)" if n > 0 and not whole else ""
        raise HeadcountError("is not a whole number of at least 1" + hint)
    return int(n) if whole else n


def _too_large(text: str) -> float:
    """A count written otherwise than in digits: its value when that is above the limit
    ("1e308", "1e+20" as a JSON number reads), for the message to say so, else NaN."""
    try:
        n = parse_number(text)
    except ValueError:
        return float("nan")
    return n if n > MAX_HEADCOUNT else float("nan")


def is_placeholder(cell: str) -> bool:
    """Whether a non-empty cell only says there is no value: 'N/A', 'TBD', '-', '—', '?'."""
    text = " ".join(cell.casefold().split())
    return bool(text) and (text in _PLACEHOLDERS or not any(c.isalnum() for c in text))


@dataclass(frozen=True, slots=True)
class Pay:
    """A pay cell read: dollars a year, whether it was per hour (and the rate as written), and
    in € or £."""

    annual: float
    hourly: bool
    foreign: bool = False
    rate: float | None = None  # dollars an hour, when written per hour (annual = rate × 2,080)


class PayError(ValueError):
    """A pay cell that cannot be read; the message says why, for the roster's problem list."""


_WRITE_PAY = "write pay a year (85000, $85k) or an hour ($21.50/hr)"
_DURATIONS = frozenset({"hours", "hrs", "years", "yrs"})


def parse_pay(text: str, *, per_hour: bool) -> Pay:
    """A pay cell as dollars a year; ``per_hour`` says what a bare number means (its column).

    Raises :class:`PayError` (a ValueError) with a reason when the cell cannot be used.
    """
    other = _OTHER.search(text)
    if other:
        period = (other.group(1) or other.group(2)).lower()
        raise PayError(
            f"is pay per {_PERIOD.get(period, period)}; give pay a year (85000, 85k) or an hour "
            "($21.50/hr)"
        )
    body = _CURRENCY.sub("", text.strip())
    hourly = _HOURLY.search(body)
    yearly = None if hourly else _YEARLY.search(body)
    unit = hourly or yearly
    # "40 hours" is time worked, not "$40 an hour" (a rate says per / an / a slash, or "hr").
    if (
        unit
        and unit.group().strip().rstrip(".").casefold() in _DURATIONS
        and body[: unit.start()].rstrip()[-1:].isdigit()
    ):
        what = "hours" if hourly else "years"
        raise PayError(f"is a number of {what}, not pay; {_WRITE_PAY}")
    written = _CURRENCY.sub("", body[: unit.start()] if unit else body)
    try:
        amount = parse_number(written)
    except AmbiguousNumberError:
        raise PayError(
            "has separators that can be read two ways; write 1250.50 or 1,250.50 (a comma "
            "before three digits groups thousands, a lone comma before two is a decimal "
            "comma: 21,50)"
        ) from None
    except ValueError:
        unread = _UNREAD_SUFFIX.fullmatch(written)
        if unread:
            raise PayError(
                f"has '{unread.group(1)}' after the number, which is not read (k for thousands "
                f"and M for millions are: $85k, $1.2M); {_WRITE_PAY}"
            ) from None
        raise PayError(f"is not a number of at least 0; {_WRITE_PAY}") from None
    is_hourly = bool(hourly) or (per_hour and not yearly)
    annual = amount * HOURS_PER_YEAR if is_hourly else amount
    if annual != annual or annual < 0:  # NaN or negative
        raise PayError(f"is less than 0; {_WRITE_PAY}")
    return Pay(annual, is_hourly, bool(_FOREIGN.search(text)), amount if is_hourly else None)


@dataclass(frozen=True, slots=True)
class RowPay:
    """The pay of one roster row from its ``annual_pay`` and ``hourly_pay`` cells, and what
    the roster's notes say about it (annual pay wins when both are given)."""

    annual: float | None = None
    hourly: bool = False  # the pay used was per hour (its unit or its column)
    rate: float | None = None  # that pay in dollars an hour, as written (annual = rate × 2,080)
    converted: bool = False  # written per hour in the annual_pay column
    foreign: bool = False
    implausible: bool = False  # more than MAX_PLAUSIBLE_HOURLY an hour
    conflict: bool = False  # hourly_pay more than PAY_CONFLICT away from annual_pay
    unread_hourly: bool = False  # hourly_pay could not be read; annual_pay was used
    placeholders: tuple[str, ...] = ()  # cells read as blank: 'N/A', 'TBD', '-'
    zero: bool = False  # a pay of 0, read as no pay


def _read(name: str, cell: str, *, per_hour: bool) -> Pay:
    """One pay cell, or a PayError whose message names the column and the cell."""
    try:
        pay = parse_pay(cell, per_hour=per_hour)
    except PayError as exc:
        raise PayError(f"{name} {shown(cell)} {exc}") from None
    except OverflowError:
        raise PayError(
            f"{name} {shown(cell)} is not a number of at least 0; {_WRITE_PAY}"
        ) from None
    if pay.annual > MAX_ANNUAL_PAY:  # also inf: "1e400" reads as a float's infinity
        hour = f" (${MAX_ANNUAL_PAY / HOURS_PER_YEAR:,.0f} an hour)" if pay.hourly else ""
        raise PayError(
            f"{name} {shown(cell)} is more than ${MAX_ANNUAL_PAY:,.0f} a year{hour}; give the "
            "pay of one person"
        )
    return pay


def read_row_pay(annual: str, hourly: str) -> RowPay:
    """The pay of a row from its two pay cells ('' when absent); raises PayError naming the
    cell that cannot be used. ``hourly_pay`` is read only to check it against ``annual_pay``.

    A placeholder ('N/A', '-') is a blank cell, and pay of 0 is no pay: both are kept in the
    result for the roster's notes, never averaged in as $0.
    """
    placeholders = tuple(c for c in (annual, hourly) if c and is_placeholder(c))
    annual = "" if annual in placeholders else annual
    hourly = "" if hourly in placeholders else hourly
    used = _read("annual pay", annual, per_hour=False) if annual else None
    zero = used is not None and used.annual == 0
    used = None if zero else used
    other: Pay | None = None
    unread = False
    if hourly:
        try:
            other = _read("hourly pay", hourly, per_hour=True)
        except PayError:
            if used is None:
                raise
            unread = True
    if other is not None and other.annual == 0:
        other, zero = None, True
    pay = used if used is not None else other
    if pay is None:
        return RowPay(unread_hourly=unread, placeholders=placeholders, zero=zero)
    conflict = (
        used is not None
        and other is not None
        and abs(other.annual - used.annual) > PAY_CONFLICT * used.annual
    )
    return RowPay(
        annual=pay.annual,
        hourly=pay.hourly,
        rate=pay.rate,
        converted=used is not None and used.hourly,
        foreign=pay.foreign,
        implausible=pay.hourly and pay.annual > MAX_PLAUSIBLE_HOURLY * HOURS_PER_YEAR,
        conflict=conflict,
        unread_hourly=unread,
        placeholders=placeholders,
        zero=zero,
    )
