"""How numbers are written on a page, and the level words tied to them.

The narrative formats every figure with these functions and the consistency check formats the
report's figures with the same ones, so a number in a sentence can be traced back to a field of
the report (and that field to its source) by exact string match.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ai_impact.risk.formula import CATEGORIES

__all__ = [
    "EXPOSURE_CUTOFFS",
    "FEWER_THAN",
    "FLAT_PCT",
    "about_openings",
    "abs_pct",
    "and_list",
    "article",
    "exposure_level",
    "growth_word",
    "money",
    "number",
    "openings",
    "pct",
    "preparation",
    "score",
    "signed_pct",
    "thousands",
]

# β bounds of the exposure level words (very low … very high), on the share of task time exposed.
# They follow the quintiles of β over all occupations, rounded: 0.1, 0.25, 0.45, 0.6.
EXPOSURE_CUTOFFS: tuple[float, float, float, float] = (0.10, 0.25, 0.45, 0.60)
# A projected change within ±FLAT_PCT percent reads as "little change", not growth or decline.
FLAT_PCT = 1.0


# O*NET's names of its job zones (30.3 names zone 2 "Very Little to Some Preparation Needed").
_PREPARATION = {
    1: "Little or no preparation needed",
    2: "Little to some preparation needed",
    3: "Medium preparation needed",
    4: "Considerable preparation needed",
    5: "Extensive preparation needed",
}


def and_list(items: Sequence[str]) -> str:
    """Names as a sentence list: "a", "a and b", "a, b and c" ("" for none)."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def preparation(job_zone: int) -> str:
    """An O*NET job zone in words, the zone kept in a parenthesis: "Considerable preparation
    needed (O*NET job zone 4)" (a bare "Job zone 4" means nothing to most readers)."""
    return f"{_PREPARATION.get(job_zone, 'Preparation')} (O*NET job zone {job_zone})"


def score(value: float) -> str:
    """A 1–10 score with one decimal: ``5.4``."""
    return f"{value:.1f}"


def pct(share: float) -> str:
    """A 0–1 share as a whole percentage: ``45%``."""
    return f"{round(share * 100):d}%"


def article(spoken: str) -> str:
    """'a' or 'an' before a figure as it is read aloud: an 8%, an 11%, an 18%, a 1.8%, a 45%."""
    digits = spoken.lstrip("$+−-").split(".")[0].replace(",", "")
    if not digits[:1].isdigit():
        return "an" if spoken[:1].lower() in "aeio" else "a"
    whole = digits.rstrip("%")
    lead = whole[: (len(whole) - 1) % 3 + 1]  # the group read first: 18 of 18,000
    return "an" if whole.startswith("8") or lead in {"11", "18"} else "a"


def signed_pct(value: float) -> str:
    """A percent change with its sign and one decimal: ``+3.4%``, ``-22.1%``; ``0.0%`` when it
    rounds to nothing (no "-0.0%")."""
    if round(value, 1) == 0:
        return "0.0%"
    return f"{value:+.1f}%"


def abs_pct(value: float) -> str:
    """The size of a percent change, one decimal, no sign: ``22.1%``."""
    return f"{abs(value):.1f}%"


def number(value: float, decimals: int = 1) -> str:
    """A plain number with thousands separators: ``12,300`` or ``4.5``."""
    return f"{value:,.{decimals}f}"


def thousands(value_thousands: float) -> str:
    """A count given in thousands written in persons: ``12,300``."""
    return f"{round(value_thousands * 1000):,d}"


# BLS publishes openings in thousands to one decimal: 0.0 means fewer than 50 a year.
FEWER_THAN = 0.05


def openings(value_thousands: float) -> str:
    """Openings a year, given in thousands, written in persons: ``12,300``, or ``fewer than
    50`` where BLS publishes 0.0 thousand (never "0": some people are hired every year)."""
    if value_thousands < FEWER_THAN:
        return f"fewer than {round(FEWER_THAN * 1000)}"
    return thousands(value_thousands)


def about_openings(value_thousands: float) -> str:
    """:func:`openings` for a sentence: ``about 12,300``, or ``fewer than 50``."""
    shown = openings(value_thousands)
    return shown if value_thousands < FEWER_THAN else f"about {shown}"


def money(value: float) -> str:
    """US dollars, whole: ``$123,450``."""
    return f"${round(value):,d}"


def exposure_level(beta: float) -> str:
    """The level word for a β (share of task time exposed)."""
    i = int(np.searchsorted(np.asarray(EXPOSURE_CUTOFFS), round(beta, 2), side="right"))
    return CATEGORIES[i]


def growth_word(change_pct: float) -> str:
    """``grow``, ``decline`` or ``flat`` for a projected employment change in percent."""
    if change_pct >= FLAT_PCT:
        return "grow"
    if change_pct <= -FLAT_PCT:
        return "decline"
    return "flat"
