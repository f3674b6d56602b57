"""How many people hold each occupation, and the tie-break it decides: when the title typed is
an O*NET title that several occupations share ("Linesman", "CO", "Building Engineer"), the
one more people hold is the likelier meaning (:func:`break_tie`)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from ai_impact.titles.index import OccupationRef, TitleIndex

if TYPE_CHECKING:
    from ai_impact.db import KnowledgeBase

__all__ = [
    "EMP_MARGIN",
    "EMP_WEIGHT",
    "TIE_SHARE",
    "break_tie",
    "log_employment",
    "occupation_refs",
    "tie_of",
]

# Score points per unit of log employment between occupations that share the title typed: the
# log of the prior odds, as Bayes has it (the score is a log-odds). The ranker is fitted on
# titles drawn evenly from occupations, and an occupation with few titles (Model Makers, Metal
# and Plastic: 2,610 people) holds a shared one ("Linesman") among its prototypes almost
# alone; typed, the title belongs far more often to the large occupation (Electrical
# Power-Line Installers and Repairers, 131,070).
EMP_WEIGHT = 1.0
# Only a difference beyond a factor of 5 counts (log 5): employment is known per SOC code and
# shared evenly by its O*NET specialties, and a large occupation's share of the people who
# carry one of its many titles is not its share of all workers, so smaller differences are
# noise. ("Casino Manager" stays Gambling Managers, 5,030, against their supervisors, 26,010.)
EMP_MARGIN = float(np.log(5.0))
# Occupations whose weight for the title is at least this share of the best count as sharing
# it: a reported (0.95), alternate (0.9) or short title (0.85), not a secondary reading (× 0.8).
TIE_SHARE = 0.85
F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]


def occupation_refs(kb: KnowledgeBase) -> list[OccupationRef]:
    """Every occupation of ``kb`` with its national employment: OEWS May 2025 of its SOC code,
    shared evenly by the O*NET occupations of that code (29-1299 holds Orthoptists,
    Naturopathic Physicians and its .00 occupation); else the BLS 2024 projection's; 0 when
    neither has it (the military)."""
    occupations = kb.occupations()
    sharing = Counter(o.oews_code for o in occupations if o.oews_code)
    refs = []
    for o in occupations:
        wage = kb.wage(o.code) if o.oews_code else None
        people = float(wage.employment or 0) / sharing[o.oews_code] if wage and o.oews_code else 0.0
        if not people:
            projection = kb.projection(o.code)
            if projection and projection.employment_2024:
                people = projection.employment_2024 * 1000.0
        refs.append(OccupationRef(o.code, o.soc, o.title, round(people, 1)))
    return refs


def log_employment(index: TitleIndex) -> F32:
    """The log of each occupation's employment; NaN where it is unknown."""
    people = np.array([o.employment for o in index.occupations], dtype=np.float64)
    with np.errstate(divide="ignore"):
        return np.where(people > 0, np.log(people), np.nan).astype(np.float32)


def tie_of(index: TitleIndex, key: int) -> I64:
    """The occupations that share the index title ``key`` (weight at least TIE_SHARE of the
    best), when two or more do."""
    lo, hi = int(index.key_ptr[key]), int(index.key_ptr[key + 1])
    weights = index.key_weight[lo:hi]
    if hi - lo < 2 or not weights.size or weights.max() <= 0:
        return np.zeros(0, dtype=np.int64)
    occs = index.key_occ[lo:hi][weights >= TIE_SHARE * weights.max()]
    return occs if occs.size >= 2 else np.zeros(0, dtype=np.int64)


def break_tie(total: F32, occs: I64, log_emp: F32) -> None:
    """Lower the scores ``total`` of the occupations ``occs`` that share a title by the log of
    how many times fewer people they employ than the largest of them (beyond EMP_MARGIN), in
    place, then lift the group so that its best score stays: the order among them moves, the
    group's confidence against other occupations does not. An occupation of unknown
    employment (the military) counts as the group's median."""
    people = log_emp[occs]
    known = ~np.isnan(people)
    if known.sum() < 2:
        return
    people = np.where(known, people, np.median(people[known]))
    before = float(total[occs].max())
    adjusted = total[occs] - EMP_WEIGHT * np.maximum(people.max() - people - EMP_MARGIN, 0.0)
    total[occs] = adjusted + (before - float(adjusted.max()))
