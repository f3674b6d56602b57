"""An O*NET-SOC code typed as a title: read it, and resolve it to its occupations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ai_impact.titles.index import OccupationRef
from ai_impact.titles.resolution import Candidate, Resolution

__all__ = ["CodeTable", "digit_run", "not_a_code", "read_code"]

# An O*NET-SOC code as people type it: "15-2051.00", "15-2051", "SOC 15-2051", "O*NET
# 15-2051.00", "ONET-SOC: 15-2051", "15–2051" (any dash), "15 2051", "152051", "15-2051.0".
_DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_PREFIX = r"^\s*(?:(?:o\s*\*?\s*-?\s*net(?:[\s" + _DASH + r"]*soc)?|soc)(?:\s*code)?\s*[:#]?\s*)?"
_CODE = re.compile(
    _PREFIX + r"(\d{2})(?:\s*[" + _DASH + r"]\s*|\s+)?(\d{4})(?:\s*\.\s*(\d{1,2}))?\s*$",
    re.IGNORECASE,
)
# Digits alone, after an optional prefix: six are a SOC code ("152051"), eight an O*NET-SOC
# code when that occupation exists ("15205100"); any other run is no code ("1520511").
_DIGITS = re.compile(_PREFIX + r"(\d+)\s*$", re.IGNORECASE)
_FORM = "an O*NET-SOC code has the form 15-2051.00, a SOC code 15-2051"
_NEXT = "Check it, or type a job title; `ai-impact occupations` lists every code."


def read_code(text: str) -> tuple[str, str | None] | None:
    """The SOC code ("15-2051") and the typed suffix digits ("00", "1" or None) of ``text``
    when it is a code as people type it, else None."""
    run = digit_run(text)
    if run is not None:
        if len(run) not in (6, 8):
            return None
        run = _ascii(run)
        return f"{run[:2]}-{run[2:6]}", run[6:] or None
    match = _CODE.match(text)
    if not match:
        return None
    suffix = match.group(3)
    return f"{_ascii(match.group(1))}-{_ascii(match.group(2))}", suffix and _ascii(suffix)


def _ascii(digits: str) -> str:
    """Digits of any script as ASCII ("１５" → "15"): the pattern's ``\\d`` matches them all."""
    return digits if digits.isascii() else "".join(str(int(c)) for c in digits)


def digit_run(text: str) -> str | None:
    """The digits of ``text`` when it is digits alone, perhaps after a code prefix ("SOC",
    "O*NET"), else None: such input is a code or no code, never a title."""
    match = _DIGITS.match(text)
    return match.group(1) if match else None


def not_a_code(text: str) -> Resolution:
    """The answer for digits that are no code ("1520511"): the forms a code has."""
    msg = f"'{text.strip()}' looks like a code but is none: {_FORM}. {_NEXT}"
    return Resolution(text, text.strip(), (), False, None, msg)


class CodeTable:
    """The occupations of an index by O*NET-SOC code and by SOC code."""

    def __init__(self, occupations: Sequence[OccupationRef]) -> None:
        self.occupations = occupations
        self.occ_of = {o.code: i for i, o in enumerate(occupations)}
        self.by_soc: dict[str, list[int]] = {}
        for i, o in enumerate(occupations):
            self.by_soc.setdefault(o.soc, []).append(i)

    def resolve(self, text: str, soc: str, digits: str | None, top: int) -> Resolution:
        """The occupations of a typed code: a full code is that occupation (1.0); a SOC code
        its ``.00`` occupation (1.0) then its specialties, or all of them at equal
        confidence, to choose from, when it has no ``.00``."""
        suffix = self._suffix(soc, digits) if digits else None
        occs = [self.occ_of[soc + suffix]] if suffix and soc + suffix in self.occ_of else []
        if not suffix:
            occs = sorted(self.by_soc.get(soc, []), key=lambda i: self.occupations[i].code)
        if not occs:
            run = digit_run(text)
            if run is not None and len(run) == 8:
                return not_a_code(text)  # eight digits are a code only when it exists
            msg = f"No occupation has the code '{text.strip()}'. {_NEXT}"
            return Resolution(text, text.strip(), (), False, None, msg)
        first = 1.0 if len(occs) == 1 or self.occupations[occs[0]].code.endswith(".00") else 0.0
        cands = tuple(
            Candidate(o.code, o.soc, o.title, 1.0 if i == 0 and first else 1.0 / len(occs), "code")
            for i, o in enumerate(self.occupations[j] for j in occs[:top])
        )
        return Resolution(text, soc + (suffix or ""), cands, not first, None, None)

    def _suffix(self, soc: str, digits: str) -> str:
        """The ``.NN`` of a typed suffix: ".0" is ".00"; ".1" is ".10" when that exists, else
        ".01"."""
        if len(digits) == 2:
            return "." + digits
        right, left = f".{digits}0", f".0{digits}"
        return left if soc + right not in self.occ_of and soc + left in self.occ_of else right
