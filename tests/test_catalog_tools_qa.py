"""AI tools catalogue 2026.12.18: the QA examples of a tool tied to work it is not made for.

Wrong "made for" moves (a task's timeline brought to 1–2 years by a product that does not do
it) and wrong fits on pages, each fixed in the catalogue's data: the wrong link is gone, a right
link of the same tool stays.
"""

from __future__ import annotations

import pytest

from ai_impact import api
from ai_impact.reports.engine import Engine
from ai_impact.reports.extras import tool_matches
from ai_impact.reports.match_tools import ToolMatch
from ai_impact.reports.report_basis import page_basis, tasks_of
from ai_impact.risk.blend import blend_rows
from ai_impact.settings import Settings, default_data_dir
from ai_impact.sources.catalog_tools import ToolCatalog, load_tools


@pytest.fixture(scope="module")
def engine(settings: Settings) -> Engine:
    return Engine(api.get_kb(settings), settings)


@pytest.fixture(scope="module")
def catalog() -> ToolCatalog:
    return load_tools(default_data_dir())


def _matches(engine: Engine, code: str) -> dict[str, ToolMatch]:
    """The page's listed tools by name, matched as the page matches them."""
    kb = engine.kb
    occ = next(o for o in kb.occupations() if o.code == code)
    row = blend_rows([engine.table.row(code)], [1.0])
    _, _, codes = page_basis(engine, occ, row, [(code, 1.0)])
    described = occ if row.basis == "description" else None
    tasks, scores, acts = tasks_of(engine, codes, row.adoption_pct, described)
    found = tool_matches(engine.tools, tasks, [s.beta for s in scores], acts, kb.technologies(code))
    return {m.tool.name: m for m in found}


def _made_for(engine: Engine, code: str, tool: str) -> tuple[str, ...]:
    m = _matches(engine, code).get(tool)
    return m.made_for if m else ()


# ---------------------------------------------------------------- wrong "made for" moves


@pytest.mark.parametrize(
    ("code", "tool", "wrong", "right"),
    [
        # DELFI interprets seismic data; it does not measure with instruments
        ("19-4043.00", "DELFI", "Measure geological characteristics", "Apply new technologies"),
        # Microsoft Security Copilot investigates; it does not implement failure handlers
        ("15-1299.00", "Microsoft Security Copilot", "Implement catastrophic", "Monitor systems"),
        # Google Duplex books for the customer; a concierge makes reservations, a host takes them
        ("39-6012.00", "Google Duplex", "", "Make reservations for patrons"),
        # Rufus answers shoppers in a consumer store
        ("41-2031.00", "Rufus", "", "Describe merchandise"),
    ],
)
def test_made_for_only_the_work_the_product_does(
    engine: Engine, code: str, tool: str, wrong: str, right: str
) -> None:
    made = _made_for(engine, code, tool)
    assert not wrong or not any(t.startswith(wrong) for t in made), made
    assert any(t.startswith(right) for t in made), made


@pytest.mark.parametrize(
    ("code", "tool", "task"),
    [
        ("41-4012.00", "Rufus", "Recommend products to customers"),  # wholesale, bids
        ("31-9094.00", "Dragon Copilot (DAX)", "Receive patients, schedule appointments"),
        ("35-9031.00", "Google Duplex", "Receive and record patrons' dining reservations"),
        ("35-1012.00", "Google Duplex", "Schedule parties and take reservations"),
        ("27-2091.00", "LANDR", "Mix, cut, or sample recorded music"),  # mastering, not mixing
        ("27-4014.00", "LANDR", "Mix and edit voices, music"),
    ],
)
def test_wrong_moves_are_gone(engine: Engine, code: str, tool: str, task: str) -> None:
    assert not any(t.startswith(task) for t in _made_for(engine, code, tool))


def test_restaurant_and_wholesale_pages_keep_their_timelines(settings: Settings) -> None:
    """The page's task reads as the rule without the tool: no released tool named for it."""
    for code, start in (
        ("35-9031.00", "Receive and record patrons' dining reservations"),
        ("41-4012.00", "Recommend products to customers"),
    ):
        report = api.analyze(code, settings=settings)
        task = next(t for t in report.tasks_at_risk if t.task.startswith(start))
        assert "released tool" not in task.evidence
        assert {"Google Duplex", "Rufus"}.isdisjoint(e.name for e in report.ai_tools)


# ---------------------------------------------------------------- wrong fits on pages


def test_harvey_fits_paralegals_legal_work_not_filing_or_arbitrating(engine: Engine) -> None:
    harvey = _matches(engine, "23-2011.00")["Harvey"]
    shown = harvey.matched_tasks
    assert not any(t.startswith(("File pleadings", "Arbitrate disputes")) for t in shown)
    assert any(t.startswith("Prepare, edit, or review legal documents") for t in shown)
    assert harvey.fit is not None and harvey.fit.n_matched == 4  # was 6 of 12


def test_see_and_spray_sprays_it_does_not_dig_or_record(
    engine: Engine, catalog: ToolCatalog
) -> None:
    """Crop farmworkers: it fitted 9 of 27 tasks through 'Perform agricultural activities'."""
    crop = _matches(engine, "45-2092.00").get("See & Spray")
    assert crop is None or crop.fit is None or crop.fit.n_matched <= 3
    tool = catalog.get("deere-see-and-spray")
    assert tool is not None and tool.pattern is not None
    for text in (
        "dig, cut, and transplant seedlings, cuttings, trees, and shrubs.",
        "record information about crops, such as pesticide use, yields, or costs.",
        "drive trucks to haul crops, supplies, tools, or farm workers.",
    ):
        assert not tool.pattern.search(text), text
    assert "4.A.3.a.1.I17" not in tool.iwas  # the whole of 'Perform agricultural activities'
    farm = _matches(engine, "45-2091.00")["See & Spray"]  # equipment operators spray crops
    assert any(t.startswith("Spray fertilizer or pesticide") for t in farm.made_for)
    assert not any(t.startswith("Drive trucks") for t in farm.matched_tasks)


def test_midjourney_makes_images_it_does_not_study_productions(engine: Engine) -> None:
    m = _matches(engine, "27-1024.00")["Midjourney"]
    assert "'Study details of artistic productions'" not in m.reason
    assert "'Create visual designs or displays'" in m.reason
    assert "Use computer software to generate new images." in m.matched_tasks
    assert "Midjourney" not in _matches(engine, "39-5091.00")  # makeup artists' scripts


def test_spot_walks_plant_rounds_not_an_operators_panel(
    engine: Engine, catalog: ToolCatalog
) -> None:
    assert "Spot" not in _matches(engine, "51-9199.00")  # production workers, all other
    assert "Spot" not in _matches(engine, "51-9192.00")  # mixing and blending operators
    assert "Spot" in _matches(engine, "51-8031.00")  # water treatment plant operators
    tool = catalog.get("boston-dynamics-spot")
    assert tool is not None and tool.pattern is not None
    assert tool.pattern.search("read automatic gauges at specified intervals.")
    assert not tool.pattern.search(
        "observe machine operations, gauges, or thermometers, and adjust controls."
    )


def test_smart_compose_is_not_listed_apart_from_gemini_for_workspace(
    engine: Engine, catalog: ToolCatalog
) -> None:
    """A feature of Gmail, which Gemini for Google Workspace drafts: one entry, not two."""
    assert catalog.get("gmail-smart-compose") is None
    assert all(t.name != "Gmail Smart Compose" for t in catalog.tools)
    paralegals = _matches(engine, "23-2011.00")
    assert "Gemini for Google Workspace" in paralegals
    political = _matches(engine, "19-3094.00")  # listed Smart Compose alone before
    assert "Gemini for Google Workspace" in political


def test_catalogue_version(catalog: ToolCatalog) -> None:
    assert catalog.version == "2026.12.19"
