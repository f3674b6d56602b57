"""Tasks listed as remaining human that a robot or autonomy on the same page does (QA #13), and
catalogue 2026.12.16: reconciling accounts and documenting care in an EHR reach their tools."""

from __future__ import annotations

import json

import pytest

from ai_impact import api
from ai_impact.render.html import report_html
from ai_impact.render.markdown import render_markdown
from ai_impact.reports.beyond_language import (
    automation_note,
    mark_safe_tasks,
    overview_sentence,
)
from ai_impact.reports.model import SafeTask, ToolEntry
from ai_impact.reports.serialize import report_to_dict
from ai_impact.settings import Settings, default_data_dir
from ai_impact.sources.catalog_tools import ToolCatalog, load_tools

TRUCKS = "53-3032.00"
DRIVE = "Drive trucks with capacities greater than 13 tons"
CRANK = "Crank trailer landing gear up or down to safely secure vehicles."


@pytest.fixture(scope="module")
def catalog() -> ToolCatalog:
    return load_tools(default_data_dir())


def _safe(text: str, task_type: str | None = "Core") -> SafeTask:
    return SafeTask(text, task_type, 0.0, "physical dexterity and presence", "Why.", "labels")


def _tool(catalog: ToolCatalog, tool_id: str) -> ToolEntry:
    t = catalog.get(tool_id)
    assert t is not None
    return ToolEntry(t.name, t.vendor, t.year, t.category, t.what, t.mode, (), "r")


def test_truck_driving_row_names_the_driverless_truck(settings: Settings) -> None:
    r = api.report_for(TRUCKS, settings=settings)
    rows = {s.task: s for s in r.safe_tasks}
    drive = next(s for t, s in rows.items() if t.startswith(DRIVE))
    assert drive.automation_tools == ("Aurora Driver",)
    assert drive.automation_note == (
        "human for language AI; physical automation is arriving for this work: Aurora Driver"
    )
    # listed with the tool through the broad activity 'Operate vehicles' only: no note
    crank = rows[CRANK]
    assert crank.automation_tools == () and crank.automation_note is None
    assert any(
        "but physical automation is arriving for it: Aurora Driver; the risk score counts "
        "language AI only." in s
        for s in r.overview
    )
    # the risk method is unchanged: the task still counts as not exposed and stays listed
    assert drive.beta == 0.0


def test_note_is_the_same_in_markdown_html_and_json(settings: Settings) -> None:
    r = api.report_for(TRUCKS, settings=settings)
    cell = (
        "physical dexterity and presence (human for language AI; physical automation is "
        "arriving for this work: Aurora Driver)"
    )
    assert f"| {cell} |" in render_markdown(r)
    assert f'<p class="cap">{cell}</p>' in report_html(r)
    data = json.loads(json.dumps(report_to_dict(r)))
    drive = next(s for s in data["safe_tasks"] if s["task"].startswith(DRIVE))
    assert drive["automation_tools"] == ["Aurora Driver"]
    assert drive["automation_note"].endswith("Aurora Driver")
    others = [s for s in data["safe_tasks"] if not s["task"].startswith(DRIVE)]
    assert all(s["automation_tools"] == [] and s["automation_note"] is None for s in others)


def test_chefs_cooking_row_names_the_kitchen_robot(settings: Settings) -> None:
    r = api.analyze("chefs", settings=settings)
    noted = {s.task: s.automation_tools for s in r.safe_tasks if s.automation_tools}
    assert noted == {
        "Prepare and cook foods of all types, either on a regular basis or for special "
        "guests or functions.": ("Flippy",)
    }


def test_language_pages_get_no_note(settings: Settings) -> None:
    r = api.analyze("accountants", settings=settings)
    assert all(s.automation_note is None for s in r.safe_tasks)
    assert not any("language AI only" in s for s in r.overview)


def test_only_tools_that_do_the_work_and_name_it(catalog: ToolCatalog) -> None:
    aurora = _tool(catalog, "aurora-driver")
    autopilot = _tool(catalog, "tesla-autopilot")  # assists a driver who stays in charge
    chat = _tool(catalog, "chatgpt")
    drive = _safe("Drive tractor-trailers on long-haul routes.")
    other = _safe("Crank trailer landing gear up or down.")
    out = mark_safe_tasks(catalog, [chat, autopilot, aurora], [drive, other])
    assert [s.automation_tools for s in out] == [("Aurora Driver",), ()]
    # with activity links, the task must be in the tool's line of work
    linked = mark_safe_tasks(catalog, [aurora], [drive], {drive.task: frozenset({"4.A.1.a.1.I01"})})
    assert linked[0].automation_tools == ()
    in_line = mark_safe_tasks(
        catalog, [aurora], [drive], {drive.task: frozenset({"4.A.3.a.4.I01"})}
    )
    assert in_line[0].automation_tools == ("Aurora Driver",)
    assert mark_safe_tasks(None, [aurora], [drive]) == (drive,)
    assert mark_safe_tasks(catalog, [], [drive]) == (drive,)


def test_overview_counts_core_tasks_only(catalog: ToolCatalog) -> None:
    aurora = _tool(catalog, "aurora-driver")
    supplemental = mark_safe_tasks(
        catalog, [aurora], [_safe("Drive tractor-trailers on long-haul routes.", "Supplemental")]
    )
    assert overview_sentence(catalog, supplemental) is None
    both = mark_safe_tasks(
        catalog,
        [aurora],
        [_safe("Drive tractor-trailers at night."), _safe("Haul freight between hubs.")],
    )
    assert overview_sentence(catalog, both) == (
        "Language AI leaves “Drive tractor-trailers at night” and another of its core tasks to "
        "people, but physical automation is arriving for them: Aurora Driver; the risk score "
        "counts language AI only."
    )
    untyped = mark_safe_tasks(catalog, [aurora], [_safe("Haul freight between hubs.", None)])
    assert overview_sentence(catalog, untyped) == (
        "Language AI leaves “Haul freight between hubs” to people, but physical automation is "
        "arriving for it: Aurora Driver; the risk score counts language AI only."
    )


def test_note_wording_for_two_kinds() -> None:
    assert automation_note(["physical automation", "machine perception"], ["A", "B"]) == (
        "human for language AI; physical automation and machine perception are arriving for "
        "this work: A and B"
    )


def test_pasted_lines_get_the_note_too(settings: Settings) -> None:
    text = (
        "Drive tractor-trailers on long-haul routes across several states.\n"
        "Haul freight for national retail customers on over-the-road runs.\n"
        "Keep driving logs in the electronic logging device.\n"
    )
    r = api.analyze_description(text, title="Truck driver", settings=settings)
    assert [(s.task.split()[0], s.automation_tools) for s in r.safe_tasks] == [
        ("Drive", ("Aurora Driver",)),
        ("Haul", ("Aurora Driver",)),
    ]
    assert (
        "Language AI leaves “Drive tractor-trailers on long-haul routes across several states” "
        "and another task to people, but physical automation is arriving for them: Aurora "
        "Driver; the risk score counts language AI only."
    ) in r.overview


# ------------------------------------------------ catalogue 2026.12.16


@pytest.mark.parametrize(
    ("tool_id", "text", "hits"),
    [
        (
            "copilot-for-finance",
            "review accounts for discrepancies and reconcile differences.",
            True,
        ),
        (
            "copilot-for-finance",
            "review general ledger accounts and reconcile variances monthly.",
            True,
        ),
        ("copilot-for-finance", "reconcile bank statements with the cash ledger.", True),
        (
            "copilot-for-finance",
            "reconcile differences between family members in mediation.",
            False,
        ),
        ("copilot-for-finance", "manage user accounts and access rights.", False),
        ("abridge", "document assessments and interventions in epic.", True),
        ("abridge", "document nursing assessments and interventions every shift.", True),
        ("abridge", "chart care provided in cerner.", True),
        ("abridge", "document care in the ehr within the shift.", True),
        ("abridge", "document risk assessments for the audit committee.", False),
        ("abridge", "document software designs in confluence.", False),
    ],
)
def test_widened_patterns(catalog: ToolCatalog, tool_id: str, text: str, hits: bool) -> None:
    tool = catalog.get(tool_id)
    assert tool is not None and tool.pattern is not None
    assert bool(tool.pattern.search(text)) is hits


def test_accountants_disputed_reconcile_names_copilot_for_finance(settings: Settings) -> None:
    r = api.analyze("accountants", settings=settings)
    row = next(d for d in r.disputed_tasks if d.task.startswith("Review accounts for discrep"))
    assert "Microsoft Copilot for Finance" in row.tools


def test_icu_ad_documentation_line_reaches_abridge(settings: Settings) -> None:
    text = (
        "Provide direct care to critically ill adults in the ICU.\n"
        "Titrate vasoactive drips per protocol.\n"
        "Document assessments and interventions in Epic.\n"
        "Educate patients and families about the plan of care.\n"
    )
    r = api.analyze_description(text, title="ICU Registered Nurse", settings=settings)
    abridge = next(t for t in r.ai_tools if t.name == "Abridge")
    assert abridge.matched_tasks == ("Document assessments and interventions in Epic.",)
