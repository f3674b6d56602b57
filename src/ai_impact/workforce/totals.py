"""Totals rows of spreadsheet exports, skipped so they do not count their rows a second time.

A totals row is labelled in its title: "Total", "Totals:", "TOTAL ALL DEPARTMENTS", "Grand
Total", "Sub-total", "Sum of Headcount", or "Finance Total" as Excel's Subtotal command writes
it; or, with an empty title, in its team or location ("Finance Total"). Real titles that start
with the word are kept: "Total Rewards Manager", "Total Loss Adjuster", "Total Joint Surgeon",
"Total Quality Manager", "Total Station Operator". A row with an O*NET-SOC code is a role
whatever its title says, which is how a roster keeps a title this reading would skip.
"""

from __future__ import annotations

import re

__all__ = ["is_totals_row", "totals_label"]

_EXACT = {"all"}
_WORD = r"(?:grand[\s_-]*total|sub[\s_-]*totals?|totals?|sum)"
# The words after "Total" that make a job title, not a sum (O*NET lists these titles).
_TITLE_WORDS = r"(?:rewards?|loss|joint|quality|compensation|station)"
_LEADING = re.compile(
    rf"^[\W_]*{_WORD}(?![^\W_])(?![\s_-]+{_TITLE_WORDS}(?![^\W_]))", re.IGNORECASE
)
# Excel's Subtotal command writes "<group> Total" and "Grand Total".
_TRAILING = re.compile(r"(?<![^\W_])(?:grand[\s_-]*)?totals?[\W_]*$", re.IGNORECASE)


def totals_label(text: str) -> bool:
    """Whether a label names a totals row: 'Total', 'Totals:', 'Sum of FTE', 'Finance Total'."""
    label = " ".join(text.split())
    return bool(label) and (
        label.casefold() in _EXACT or bool(_LEADING.match(label) or _TRAILING.search(label))
    )


def is_totals_row(title: str, code: str, team: str, location: str) -> bool:
    """Whether a roster row (its stripped cells, '' when absent) is a totals row to skip."""
    if code:
        return False
    if title:
        return totals_label(title)
    return totals_label(team) or totals_label(location)
