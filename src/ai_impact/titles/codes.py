"""An O*NET-SOC code typed as a title: read it, and resolve it to its occupations."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ai_impact.titles.index import OccupationRef
from ai_impact.titles.resolution import Candidate, Resolution

__all__ = ["CodeTable", "read_code"]

# An O*NET-SOC code as people type it: "15-2051.00", "15-2051", "SOC 15-2051", "O*NET
# 15-2051.00", "ONET-SOC: 15-2051", "15–2051" (any dash), "15 2051", "152051", "15-2051.0".
_DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CODE = re.compile(
    r"^\s*(?:(?:o\s*\*?\s*-?\s*net(?:[\s" + _DASH + r"]*soc)?|soc)(?:\s*code)?\s*[:#]?\s*)?"
    r"(\d{2})(?:\s*[" + _DASH + r"]\s*|\s+)?(\d{4})(?:\s*\.\s*(\d{1,2}))?\s*$",
    re.IGNORECASE,
)


def read_code(text: str) -> tuple[str, str | None] | None:
    """The SOC code ("15-2051") and the typed suffix digits ("00", "1" or None) of ``text``
    when it is a code as people type it, else None."""
    match = _CODE.match(text)
    if not match:
        return None
    return f"{match.group(1)}-{match.group(2)}", match.group(3)


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
            msg = (
                f"No occupation has the code '{text.strip()}'. Check it, or type a job title; "
                "`ai-impact occupations` lists every code."
            )
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
