"""Resolving what a user types for an area: 'CA', 'California', '41860', 'San Francisco...'.

Besides the OEWS names and codes, a city resolves to the one metro area whose name holds it:
'Austin' (Austin-Round Rock-San Marcos, TX), 'Boise' (Boise City, ID), 'Honolulu' (Urban
Honolulu, HI), 'St Louis'; a few everyday names are aliases ('NYC', 'New York City'). A city in
several metro names ('Portland') asks for the state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import process

from ai_impact.db.models import Area
from ai_impact.errors import NotFoundError

__all__ = ["resolve_area"]

# Everyday names of a city that no OEWS metro name spells out, as the city the name starts with.
CITY_ALIASES = {"nyc": "new york", "new york city": "new york"}
_WORD = re.compile(r"[\w']+")
_SHOWN = 6  # metro areas named in an "add the state" message


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
        names = ", ".join(repr(a.name) for a in by_city[:_SHOWN])
        more = f" and {len(by_city) - _SHOWN} more" if len(by_city) > _SHOWN else ""
        city = text.split(",")[0].strip()
        raise NotFoundError(
            f"{query!r} names more than one metro area: {names}{more}.",
            hint=f"Add the state, e.g. '{city}, {by_city[0].name.rsplit(', ', 1)[-1][:2]}', "
            "or give the metro area's code.",
        )
    close = process.extract(text, [a.name for a in areas], limit=5, score_cutoff=60)
    hint = [f"Close matches: {', '.join(repr(name) for name, _, _ in close)}."] if close else []
    hint.append(
        "Use a state abbreviation (CA), a state name, a city (Austin, 'Portland, OR'), or a "
        "metro area name or code."
    )
    raise NotFoundError(f"No OEWS area matches {query!r}.", hint=" ".join(hint))


def _words(text: str) -> tuple[str, ...]:
    """The words of a place name, without dots and case: 'St. Louis' → ('st', 'louis')."""
    return tuple(_WORD.findall(text.casefold()))


def _holds(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Whether ``run`` is a run of whole words of ``words``: ('boise', 'city') holds ('boise',).

    Not after 'new': New London is another city than London, New Haven than Haven.
    """
    n = len(run)
    return n > 0 and any(
        words[i : i + n] == run and (i == 0 or words[i - 1] != "new")
        for i in range(len(words) - n + 1)
    )


def _by_city(areas: Sequence[Area], folded: str) -> list[Area]:
    """Metro areas one of whose cities the query names: 'Austin', 'Round Rock', 'Austin, TX'.

    OEWS names a metro area 'City-City-City, ST-ST'; a state after the city must be one of
    them. A query that names the first city of some areas prefers those, then any city of the
    name; only when no city is named in full, the cities that hold the query as whole words
    ('Boise' in 'Boise City', 'Honolulu' in 'Urban Honolulu', 'Winston-Salem').
    """
    city, _, state = (p.strip() for p in folded.replace(",", " ,").partition(","))
    if not state and " " in city and len(city.rsplit(" ", 1)[1]) == 2:
        city, state = city.rsplit(" ", 1)  # 'austin tx'
    wanted = _words(CITY_ALIASES.get(" ".join(_words(city)), city))
    first: list[Area] = []
    anywhere: list[Area] = []
    within: list[Area] = []
    for area in areas:
        if area.area_type != "M" or "," not in area.name:
            continue
        cities_part, _, states_part = area.name.casefold().rpartition(",")
        # 'Louisville/Jefferson County', 'Nashville-Davidson--Murfreesboro--Franklin'
        cities = [_words(c) for c in re.split(r"[-/]+", cities_part) if c.strip()]
        if state and state not in {s.strip() for s in states_part.split("-")}:
            continue
        if cities[0] == wanted:
            first.append(area)
        elif wanted in cities:
            anywhere.append(area)
        elif _holds(sum(cities, ()), wanted):  # also 'Winston-Salem', across the hyphen
            within.append(area)
    return first or anywhere or within
