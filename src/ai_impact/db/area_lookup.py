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
    by_city = _by_city(areas, folded)
    if len(by_city) == 1:
        return by_city[0]
    if by_city:
        names = ", ".join(repr(a.name) for a in by_city)
        raise NotFoundError(
            f"{query!r} names more than one metro area: {names}.",
            hint=f"Add the state, e.g. '{text}, {by_city[0].name.rsplit(', ', 1)[-1][:2]}', "
            "or give the metro area's code.",
        )
    close = process.extract(text, [a.name for a in areas], limit=5, score_cutoff=60)
    names = ", ".join(repr(name) for name, _, _ in close)
    raise NotFoundError(
        f"No OEWS area matches {query!r}.",
        hint=(f"Close matches: {names}." if names else "")
        + " Use a state abbreviation (CA), a state name, a city (Austin, 'Portland, OR'), or a "
        "metro area name or code.",
    )


def _by_city(areas: Sequence[Area], folded: str) -> list[Area]:
    """Metro areas one of whose cities the query names: 'Austin', 'Round Rock', 'Austin, TX'.

    OEWS names a metro area 'City-City-City, ST-ST'; a state after the city must be one of
    them. A query that names the first city of some areas prefers those.
    """
    city, _, state = (p.strip() for p in folded.replace(",", " ,").partition(","))
    if not state and " " in city and len(city.rsplit(" ", 1)[1]) == 2:
        city, state = city.rsplit(" ", 1)  # 'austin tx'
    first: list[Area] = []
    anywhere: list[Area] = []
    for area in areas:
        if area.area_type != "M" or "," not in area.name:
            continue
        cities_part, _, states_part = area.name.casefold().rpartition(",")
        cities = [c.strip() for c in cities_part.split("-")]
        if state and state not in {s.strip() for s in states_part.split("-")}:
            continue
        if cities[0] == city:
            first.append(area)
        elif city in cities:
            anywhere.append(area)
    return first or anywhere
