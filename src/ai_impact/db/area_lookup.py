"""Resolving what a user types for an area: 'CA', 'California', '41860', 'San Francisco...'."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process

from ai_impact.db.models import Area
from ai_impact.errors import NotFoundError

__all__ = ["resolve_area"]


def resolve_area(areas: Sequence[Area], query: str | None) -> Area:
    """The area matching ``query`` exactly (abbreviation, name or code); None is the nation."""
    national = next(a for a in areas if a.area_type == "N")
    if query is None or not query.strip() or query.strip().upper() in {"US", "USA", "NATIONAL"}:
        return national
    text = query.strip()
    folded = text.casefold()
    if len(text) == 2 and text.isalpha():
        for area in areas:
            if area.area_type == "S" and area.state == text.upper():
                return area
    if text.isdigit():
        padded = text.zfill(7)
        for area in areas:
            if area.area_code == padded:
                return area
    for area in areas:
        if area.name.casefold() == folded:
            return area
    close = process.extract(text, [a.name for a in areas], limit=5, score_cutoff=60)
    names = ", ".join(repr(name) for name, _, _ in close)
    raise NotFoundError(
        f"No OEWS area matches {query!r}.",
        hint=(f"Close matches: {names}." if names else "")
        + " Use a state abbreviation (CA), a state name, or a metro area name or code.",
    )
