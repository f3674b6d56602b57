"""AI tools catalogue 2026.12.15: products for exposed pages that listed none (a command
centre's officers and specialists, dietetic technicians), held to their line of work."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ai_impact import api
from ai_impact.reports.match_tools import match_tools
from ai_impact.reports.tool_inputs import ActivityLink
from ai_impact.settings import Settings, default_data_dir
from ai_impact.sources.catalog_tools import ToolCatalog, load_tools

AIP = "Palantir AIP"
WINNOW = "Winnow Vision"


@pytest.fixture(scope="module")
def catalog() -> ToolCatalog:
    return load_tools(default_data_dir())


@pytest.mark.parametrize(
    ("code", "absent", "shown"),
    [
        # pages resting on their description: command-centre information, tactical situations
        ("55-1015.00", set(), {AIP}),  # command and control center officers
        ("55-3015.00", set(), {AIP}),  # command and control center specialists
        ("11-9161.00", {AIP}, set()),  # emergency management directors: plans, no command centre
        ("15-2031.00", {AIP}, set()),  # operations research analysts' "courses of action"
        ("55-1019.00", set(), {AIP}),  # tactical operations leaders, resting on the above
        # a kitchen's food production and food costs
        ("29-2051.00", set(), {WINNOW}),  # dietetic technicians
        ("19-1012.00", {WINNOW}, set()),  # food scientists: standards and waste management
        ("29-1031.00", {WINNOW}, set()),  # dietitians: no food production or cost task
        # robots whose wording reached other work (QA spot check of the physical-automation note)
        ("45-4022.00", {"Autonomous 8R tractor"}, set()),  # logging tractors bunch trees
        ("45-2091.00", set(), {"Autonomous 8R tractor"}),  # farm equipment operators keep it
        ("19-1032.00", {"LaserWeeder"}, set()),  # foresters clear planting sites
        ("51-6042.00", {"Universal Robots collaborative robots"}, set()),  # threading machines
    ],
)
def test_gap_pages_list_tools_of_the_work(
    settings: Settings, code: str, absent: set[str], shown: set[str]
) -> None:
    names = {t.name for t in api.report_for(code, settings=settings).ai_tools}
    assert not absent & names, sorted(absent & names)
    assert shown <= names, sorted(shown - names)


@pytest.mark.parametrize(
    ("tool_id", "text", "hits"),
    [
        ("palantir-aip", "evaluating command center information for reporting.", True),
        ("palantir-aip", "interpreting and evaluating tactical situations.", True),
        ("palantir-aip", "formulating emergency plans for natural and wartime disasters.", True),
        ("palantir-aip", "relaying information to military decisionmakers.", True),
        ("palantir-aip", "analyze intelligence data to identify patterns.", True),
        ("palantir-aip", "collect business intelligence data from industry reports.", False),
        ("palantir-aip", "study alternative courses of action to find the best plan.", False),
        ("palantir-aip", "maintain equipment to ensure operational readiness.", False),
        ("winnow-vision", "supervise food production or service.", True),
        ("winnow-vision", "determine food and beverage costs.", True),
        ("winnow-vision", "develop food standards and waste management plans.", False),
        ("winnow-vision", "reduce production costs of machined parts.", False),
    ],
)
def test_gap_entries_name_their_job(
    catalog: ToolCatalog, tool_id: str, text: str, hits: bool
) -> None:
    tool = catalog.get(tool_id)
    assert tool is not None and tool.pattern is not None
    assert bool(tool.pattern.search(text)) is hits


def test_single_purpose_entries_need_their_wording(catalog: ToolCatalog) -> None:
    """Linked to planning emergencies or food production alone, an occupation whose statements
    never name a command centre or a kitchen's costs gets neither product."""
    plans = [
        ("Develop emergency response plans for the county.", 1.0),
        ("Revise evacuation plans after each drill.", 1.0),
    ]
    links = [
        ActivityLink(text, "4.A.2.b.2.I19", "Develop contingency plans", "4.A.2.b.2.I19.D04")
        for text, _ in plans
    ]
    assert AIP not in {m.tool.name for m in match_tools(catalog, plans, links)}
    plans[1] = ("Relay command center information to the county's decision makers.", 1.0)
    links[1] = replace(links[1], task=plans[1][0])
    assert AIP in {m.tool.name for m in match_tools(catalog, plans, links)}
    kitchen = [
        ("Supervise food production in the hospital kitchen.", 0.5),
        ("Determine food and beverage costs and control them.", 0.0),
        ("Teach patients about diets.", 1.0),
    ]
    assert WINNOW in {m.tool.name for m in match_tools(catalog, kitchen)}
