"""Pay areas by the names people use: cities inside OEWS metro names, aliases, clear refusals."""

from __future__ import annotations

import pytest

from ai_impact.db.area_lookup import resolve_area
from ai_impact.db.models import Area
from ai_impact.errors import NotFoundError

# OEWS's own names (May 2025), as the knowledge base holds them.
AREAS = [
    Area("N", "0000000", "National", None),
    Area("S", "1600000", "Idaho", "ID"),
    Area("S", "3600000", "New York", "NY"),
    Area("M", "0012420", "Austin-Round Rock-San Marcos, TX", "TX"),
    Area("M", "0014260", "Boise City, ID", "ID"),
    Area("M", "0046520", "Urban Honolulu, HI", "HI"),
    Area("M", "0035620", "New York-Newark-Jersey City, NY-NJ", "NY"),
    Area("M", "3600001", "Capital/Northern New York nonmetropolitan area", "NY"),
    Area("M", "0038860", "Portland-South Portland, ME", "ME"),
    Area("M", "0038900", "Portland-Vancouver-Hillsboro, OR-WA", "OR"),
    Area("M", "0041180", "St. Louis, MO-IL", "MO"),
    Area("M", "0031140", "Louisville/Jefferson County, KY-IN", "KY"),
    Area("M", "0049180", "Winston-Salem, NC", "NC"),
    Area("M", "0041420", "Salem, OR", "OR"),
    Area("M", "0013020", "Bay City, MI", "MI"),
    Area("M", "0016180", "Carson City, NV", "NV"),
    Area("M", "0026980", "Iowa City, IA", "IA"),
    Area("M", "0027620", "Jefferson City, MO", "MO"),
    Area("M", "0027740", "Johnson City, TN", "TN"),
    Area("M", "0028140", "Kansas City, MO-KS", "MO"),
    Area("M", "0039660", "Rapid City, SD", "SD"),
]
NYC = "0035620"


@pytest.mark.parametrize(
    ("query", "code"),
    [("Boise", "0014260"), ("Boise, ID", "0014260"), ("boise id", "0014260"),
     ("Boise City", "0014260"), ("Honolulu", "0046520"), ("Honolulu, HI", "0046520"),
     ("NYC", NYC), ("nyc", NYC), ("New York City", NYC), ("new york city, ny", NYC),
     ("Jersey City", NYC), ("Austin", "0012420"), ("St Louis", "0041180"),
     ("St. Louis, MO", "0041180"), ("Louisville", "0031140"), ("Winston-Salem", "0049180"),
     ("Salem", "0041420"), ("Kansas City", "0028140")],
)  # fmt: skip
def test_a_city_in_exactly_one_metro_name_resolves_to_it(query: str, code: str) -> None:
    assert resolve_area(AREAS, query).area_code == code


def test_names_that_are_states_stay_states() -> None:
    assert resolve_area(AREAS, "New York").area_code == "3600000"
    assert resolve_area(AREAS, "Idaho").area_code == "1600000"
    assert resolve_area(AREAS, "ID").area_code == "1600000"


def test_a_city_in_several_metro_names_asks_for_the_state() -> None:
    with pytest.raises(NotFoundError) as err:
        resolve_area(AREAS, "Portland")
    assert str(err.value) == (
        "'Portland' names more than one metro area: 'Portland-South Portland, ME', "
        "'Portland-Vancouver-Hillsboro, OR-WA'. Add the state, e.g. 'Portland, ME', or give "
        "the metro area's code."
    )
    assert resolve_area(AREAS, "Portland, OR").area_code == "0038900"


def test_a_word_in_many_metro_names_lists_a_few_of_them() -> None:
    with pytest.raises(NotFoundError, match="names more than one metro area") as err:
        resolve_area(AREAS, "City")
    assert "and 3 more." in str(err.value)  # nine metro areas, six named


def test_a_city_in_the_wrong_state_is_not_a_match() -> None:
    with pytest.raises(NotFoundError, match="No OEWS area matches 'Boise, OR'"):
        resolve_area(AREAS, "Boise, OR")


def test_no_match_is_one_sentence_after_another_without_a_double_space() -> None:
    with pytest.raises(NotFoundError) as err:
        resolve_area(AREAS, "Brooklyn")
    assert str(err.value) == (
        "No OEWS area matches 'Brooklyn'. Use a state abbreviation (CA), a state name, a city "
        "(Austin, 'Portland, OR'), or a metro area name or code."
    )
    with pytest.raises(NotFoundError) as close:
        resolve_area(AREAS, "Idahoo")
    assert "'Idahoo'. Close matches: 'Idaho'" in str(close.value)
    assert "  " not in str(close.value)


def test_a_city_is_not_found_inside_new_city() -> None:
    """QA9: 'London' silently gave Norwich-New London-Willimantic, CT; New London is another
    city (as New York is not York), so London is no OEWS area."""
    areas = [*AREAS, Area("M", "0035980", "Norwich-New London-Willimantic, CT", "CT")]
    with pytest.raises(NotFoundError, match="No OEWS area matches 'London'"):
        resolve_area(areas, "London")
    assert resolve_area(areas, "New London").area_code == "0035980"
    assert resolve_area(areas, "Honolulu").area_code == "0046520"  # Urban Honolulu still holds it
