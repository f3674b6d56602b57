"""An owner runs the business: "Restaurant Owner", "Cleaning Business Owner", "Trucking Company
Owner" (``[owner]`` in the abbreviation table).

O*NET files few owner titles ("Funeral Home Owner", "Agency Owner"), so the words alone read
"Restaurant Owner" as Cooks, Fast Food and "Food Truck Owner" as Light Truck Drivers. A title of
two or more words headed by an owner word that no index title spells is read as the people who
run that kind of work:

- primary ``X manager`` ("restaurant manager"), with ``X supervisor`` as a secondary reading
  ("cleaning supervisor": O*NET's supervisors of janitors hold it), and the table's ``fallback``
  key ("business owner", General and Operations Managers in the alias table) as a secondary
  exact key: whoever owns a business at least runs it, so the general manager is the answer when
  the kind of business names no manager or supervisor ("Plumbing Business Owner");
- every occupation that runs work gains :data:`OWNER_STEP` points: the management occupations
  (SOC major group 11) and the first-line supervisors (minor group 1 of the major groups 33 to
  53: "First-Line Supervisors of Housekeeping and Janitorial Workers", "Chefs and Head Cooks");
  the managers :data:`MANAGER_EDGE` more, so an owner of a restaurant reads Food Service Managers
  before the supervisors of food preparation who share "Restaurant Manager" in O*NET.

The step once went to managers alone; "Cleaning Business Owner" then led with Farmers, Ranchers,
and Other Agricultural Managers (0.28), a neighbour of "cleaning manager"'s embedding, above the
supervisors of janitors the reading names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

from ai_impact.titles.abbreviations import Abbreviations
from ai_impact.titles.index import OccupationRef
from ai_impact.titles.normalize import Normalized

__all__ = ["MANAGER_EDGE", "OWNER_STEP", "as_runner", "runs_work"]

# Score points (log-odds) added to every occupation that runs work for an owner's title.
OWNER_STEP = 2.0
# Points a management occupation gains over a first-line supervisor on top of the step: an
# owner of a restaurant reads Food Service Managers (0.60) before the supervisors of food
# preparation (0.38), who share "Restaurant Manager" in O*NET, and an owner of a cleaning
# business the supervisors of janitors (0.35) before General and Operations Managers (0.27).
MANAGER_EDGE = 1.5
# Words between an owner word and the business it owns: "owner of a cleaning business".
_GLUE = frozenset({"of", "a", "an", "the", "at", "for", "in"})


def runs_work(occupations: Sequence[OccupationRef]) -> npt.NDArray[np.float32]:
    """Score points per occupation for an owner's title: :data:`OWNER_STEP` plus
    :data:`MANAGER_EDGE` for SOC major group 11, :data:`OWNER_STEP` for a first-line supervisor
    (minor group 1 of major groups 33-53; not 55, the military officers), 0 for the rest."""
    out = np.zeros(len(occupations), dtype=np.float32)
    for i, o in enumerate(occupations):
        major = int(o.soc[:2]) if o.soc[:2].isdigit() else 0
        if major == 11:
            out[i] = OWNER_STEP + MANAGER_EDGE
        elif 33 <= major <= 53 and o.soc[3:4] == "1":
            out[i] = OWNER_STEP
    return out


def _kind(norm: Normalized, owner: frozenset[str]) -> list[str]:
    """The kind of business an owner's title names, as typed around the owner word: "cleaning
    business owner", "owner cleaning business" ("Owner - Cleaning Business"), "owner of a
    cleaning business", or a bare "owner" with the kind in brackets ("Owner (Cleaning
    Business)"); [] for none."""
    words = norm.primary.split()
    if len(words) > 1 and words[-1] in owner:
        return words[:-1]
    if len(words) > 1 and words[0] in owner:
        kind = words[1:]
        while kind and kind[0] in _GLUE:
            kind.pop(0)
        return kind
    if len(words) == 1 and words[0] in owner:
        rest = [v.split() for v in norm.variants[1:] if owner.isdisjoint(v.split())]
        return rest[0] if rest else []
    return []


def as_runner(
    norm: Normalized, abbr: Abbreviations, key_id: Mapping[str, int]
) -> tuple[Normalized, bool]:
    """``norm`` read as an owner's title ("cleaning business owner" → "cleaning manager", then
    "cleaning supervisor"), and whether it was; unchanged when it is no owner's title or an
    index title spells it ("funeral home owner", "product owner", "small business owner")."""
    if not abbr.owner or (" " in norm.primary and norm.primary in key_id):
        return norm, False
    named = _kind(norm, abbr.owner)
    kind = list(named)
    while kind and kind[-1] in abbr.owner_business:
        kind.pop()  # "landscaping business owner" runs a landscaping business
    if not kind:
        if named and abbr.owner_fallback:
            # "Company Owner", "Firm Owner": any business, read as the table's "business owner"
            fallback = abbr.owner_fallback
            return Normalized(fallback, tuple(dict.fromkeys((fallback, *norm.variants)))), False
        return norm, False
    readings = [" ".join([*kind, word]) for word in abbr.owner_reads]
    return Normalized(readings[0], tuple(dict.fromkeys((*readings, *norm.variants)))), True
