"""An occupation code in an address, in any form the CLI reads: its canonical code.

``/occupation/15205100``, ``/occupation/152051`` or ``/occupation/SOC%2015-2051`` name the same
occupation as ``ai-impact analyze 15205100``: the CLI's reading of a typed code
(:func:`ai_impact.titles.codes.read_code`, then the resolver's code table) finds it, and the
route redirects to the canonical address. A code that names no occupation stays a 404.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai_impact import api
from ai_impact.errors import InputError
from ai_impact.settings import Settings
from ai_impact.titles.codes import read_code

__all__ = ["Canonical", "canonical_code"]

_CANONICAL = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
PERMANENT, TEMPORARY = 308, 307


@dataclass(frozen=True, slots=True)
class Canonical:
    """The canonical O*NET-SOC code a typed code names, and the redirect's status: 308 when the
    typed code spells out that very code ("15205100" → 15-2051.00), 307 when the release's
    occupations chose it (a SOC code's ``.00`` occupation, or its first when it has none)."""

    code: str
    status: int


def canonical_code(typed: str, settings: Settings) -> Canonical | None:
    """Where a code typed in another form than ``15-2051.00`` points; None when ``typed`` is
    canonical already, no code, or a code of no occupation (the route's 404 says so)."""
    if _CANONICAL.match(typed):
        return None
    read = read_code(typed)
    if read is None:
        return None
    try:
        res = api.resolve_title(typed, top=1, settings=settings)
    except InputError:
        return None
    cands = [c for c in res.candidates if c.via == "code"]
    if not cands:
        return None
    soc, suffix = read
    exact = suffix is not None and len(suffix) == 2 and cands[0].code == f"{soc}.{suffix}"
    return Canonical(cands[0].code, PERMANENT if exact else TEMPORARY)
