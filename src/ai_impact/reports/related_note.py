"""Why a page offers no safer move: one honest sentence for the related-occupations section.

A safer move (:meth:`~ai_impact.reports.related.NeighbourIndex.safer_moves`) is within reach of
the occupation's training and clearly safer (:func:`~ai_impact.reports.related.clearly_safer`).
When none is, the page says which of those failed: the occupation's own risk is already low,
the occupations within reach a full point lower are still rated high, the closest within reach
score no clear point lower, or none is within reach at all.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ai_impact.reports import figures as fx
from ai_impact.reports.model import RelatedEntry
from ai_impact.reports.related import (
    MILITARY,
    SAFER_MARGIN,
    NeighbourIndex,
    clearly_safer,
    column,
)
from ai_impact.risk.formula import category_index, category_of
from ai_impact.risk.table import RiskTable

__all__ = ["no_safer_move"]


def _names(titles: Sequence[str]) -> str:
    """Titles as a sentence list; semicolons when a title has its own commas."""
    if any("," in t for t in titles) and len(titles) > 1:
        return "; ".join(titles[:-1]) + " and " + titles[-1]
    return fx.and_list(titles)


def no_safer_move(
    code: str,
    related: Sequence[RelatedEntry],
    table: RiskTable,
    index: NeighbourIndex,
    score: float | None = None,
) -> str | None:
    """Why the ``related`` entries of ``code`` hold no safer move (None when they hold one, or
    none at all): its own risk is already low, or those within reach a full point lower are
    still rated high, or those closest within reach score no clear point lower, or none is
    within reach.

    ``score`` is the page's own risk when it shows another (a pasted description, a blend).
    """
    if not related or any(r.relation == "safer move" for r in related):
        return None
    if code not in index.index or code not in table:
        return None
    risk = column(table, index, "score")
    own = table.row(code).score if score is None else score
    pay = column(table, index, "median_annual")
    reach = index.within_reach(code, pay, column(table, index, "change_pct"))
    civilian = not code.startswith(MILITARY)
    reach &= np.asarray(
        [c in table and not (civilian and c.startswith(MILITARY)) for c in index.codes]
    )
    if (reach & clearly_safer(risk, own)).any():
        return None
    head = "No related occupation is clearly safer"
    if category_index(own) <= 1:  # very low or low: little room below it
        return f"{head}: this occupation's own risk is already {category_of(own)}."
    head += " (a full point lower and not itself rated high or very high)"
    lower = index.move_order(code, np.flatnonzero(reach & (risk <= own - SAFER_MARGIN)), pay)
    if lower.size:
        levels = sorted({category_of(float(risk[j])) for j in lower[:2]})
        return (
            f"{head}: those within reach of its training that score a point or more lower, "
            f"{_names([table.row(index.codes[j]).title for j in lower[:2]])}, are still rated "
            f"{' or '.join(levels)}."
        )
    near = index.move_order(code, np.flatnonzero(reach), pay)[:3]
    if near.size:
        how = (
            "the same or higher"
            if (risk[near] >= own).all()
            else "less than a full point lower, or higher"
        )
        return (
            f"{head}: the occupations closest to it within reach of its training, "
            f"{_names([table.row(index.codes[j]).title for j in near])}, score {how}."
        )
    return (
        f"{head}: no occupation is close enough in tasks, skills and knowledge to move to with "
        "its training, at similar pay and with no shrinking outlook."
    )
