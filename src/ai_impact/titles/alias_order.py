"""How the resolver follows the curated alias table: the occupations a title of the table names
are put in the table's order, its first choice ahead of every occupation it does not name
(:func:`follow_table`)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ai_impact.titles.index import TitleIndex

__all__ = ["ALIAS_LEAD", "ALIAS_STEP", "follow_table", "named_by"]

# Score penalty per unit of alias-table weight below the table's first, and the least gap below
# every occupation the table weights higher: 0.95 vs 0.5 costs 1.8 (about 6 to 1 in
# confidence, other signals equal), 0.95 vs 0.9 costs 0.2.
ALIAS_STEP = 4.0
# How far the best occupation an alias names leads every occupation it does not name: a title
# of the curated table is that table's ("Cleaner" is Janitors and Cleaners before Cleaners of
# Vehicles and Equipment, which O*NET also calls "Cleaner").
ALIAS_LEAD = 1.0


def follow_table(
    total: npt.NDArray[np.float32],
    occs: npt.NDArray[np.int64],
    weights: npt.NDArray[np.float32],
    named: npt.NDArray[np.bool_],
) -> None:
    """Order the occupations ``occs`` an alias-table title names by the table's ``weights``,
    in place in the scores ``total`` of every occupation.

    The ranker's other signals may disagree with the curated order (the word "manager"
    pulls "Customer Success Manager" to Sales Managers, the table ranks Sales
    Representatives of Services first; "Call Centre Agent" reads nearer Telemarketers
    than Customer Service Representatives): each named occupation loses ALIAS_STEP per
    unit of weight below the table's first, and scores at least that much below every
    occupation the table weights higher, so the table's order holds. The named ones are
    then lifted together so that the best of them keeps the best score they had and leads
    every occupation the table does not name by ALIAS_LEAD. Where the table gives equal
    weights the ranker decides.

    ``named`` marks the occupations a word of the input outside the table's title names
    (:func:`named_by`): they keep the step but not the cap, so the words can put them first.
    """
    if not occs.size:
        return
    adjusted = total[occs] + ALIAS_STEP * (weights - weights.max())
    order = np.argsort(-weights, kind="stable")
    for n, i in enumerate(order[1:], start=1):
        caps = [
            adjusted[j] - ALIAS_STEP * (weights[j] - weights[i])
            for j in order[:n]
            if weights[j] > weights[i]
        ]
        if caps and not named[i]:
            adjusted[i] = min(adjusted[i], min(caps))
    top = float(total[occs].max())
    others = np.delete(total, occs)
    if others.size:
        # the table's first choice leads any occupation it does not name
        top = max(top, float(others.max()) + ALIAS_LEAD)
    total[occs] = adjusted + (top - float(adjusted.max()))


def named_by(
    index: TitleIndex,
    word_id: dict[str, int],
    rest: frozenset[str],
    occs: npt.NDArray[np.int64],
    weights: npt.NDArray[np.float32],
) -> npt.NDArray[np.bool_]:
    """Which of ``occs`` a word of ``rest`` names and the table's first choice does not.

    ``rest`` holds the input's words outside the table's title ("chemistry" in "Lab
    Technician - Chemistry"). A named occupation whose titles use one of them that the titles
    of the table's first choice do not is the field the input names (Chemical Technicians).
    """
    named = np.zeros(occs.size, dtype=bool)
    if not occs.size:
        return named
    first = occs[weights == weights.max()]
    ptr, occ = index.word_ptr, index.word_occ
    for word in rest:
        w = word_id.get(word)
        if w is not None:
            users = occ[ptr[w] : ptr[w + 1]]
            if not np.isin(first, users).any():
                named |= np.isin(occs, users)
    return named
