"""A released AI tool made for a task moves its timeline to 1–2 years at the latest (QA #14).

The rule (``ai_impact.scoring.timeline.with_released_tool``), what the matcher calls a product
made for a task (``ToolMatch.made_for``: one of the tool's detailed work activities and its
wording), and the report that puts the two together.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ai_impact import api
from ai_impact.reports.match_tools import match_tools
from ai_impact.reports.serialize import report_to_dict
from ai_impact.reports.tool_inputs import ActivityLink
from ai_impact.reports.tool_timeline import made_for_tasks, tool_timelines
from ai_impact.scoring.score import TaskScore, _build, with_tool_timeline
from ai_impact.scoring.timeline import Timeline, timeline_for, with_released_tool
from ai_impact.settings import Settings, default_data_dir
from ai_impact.sources.catalog_tools import ToolCatalog, load_tools

RECORDS_IWA = "4.A.3.b.6.I11"
RECORDS_DWA = "4.A.3.b.6.I11.D04"  # one of Dragon Copilot's and Abridge's detailed activities
HISTORIES = "Document patients' medical histories."  # their wording and that activity
RECORDS = "Maintain records of treatments given."  # the activity without their wording
DRAFT = "Draft letters to clients."


@pytest.fixture(scope="module")
def catalog() -> ToolCatalog:
    return load_tools(default_data_dir())


def _scored(text: str, p: tuple[float, float, float], adoption: float | None = None) -> TaskScore:
    return _build(
        text,
        p,
        (0.0, 1.0),
        1.5,
        source="labels",
        capability=("judgment under ambiguity", "work activities"),
        aei_share=None,
        adoption_pct=adoption,
    )


@dataclass(frozen=True)
class _Task:
    text: str


# ---------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("p_e1", "p_e2", "adoption", "before"),
    [
        (0.1, 0.7, None, "3–5 years"),  # needs software built on LLMs: the product is it
        (0.1, 0.7, 5.0, "5+ years"),  # ... in a slow-adopting sector
    ],
)
def test_a_released_tool_brings_an_exposed_task_to_one_to_two_years(
    p_e1: float, p_e2: float, adoption: float | None, before: str
) -> None:
    tl = timeline_for(p_e1, p_e2, 1.5, adoption_pct=adoption)
    assert tl.bucket == before
    moved = with_released_tool(tl, "Harvey", exposed=True)
    assert moved.bucket == "1–2 years"
    assert moved.reason == f"{tl.reason}; a released tool made for this work: Harvey"


@pytest.mark.parametrize("bucket", ["already happening", "1–2 years"])
def test_earlier_timelines_do_not_move(bucket: str) -> None:
    """ "Already happening" still takes observed use; nothing moves later or says more."""
    tl = Timeline(bucket, "human raters: an LLM alone does it")
    assert with_released_tool(tl, "Harvey", exposed=True) is tl


def test_a_task_that_stays_human_does_not_move() -> None:
    tl = timeline_for(0.05, 0.10, 1.0)
    assert tl.bucket == "5+ years"
    assert with_released_tool(tl, "Knightscope", exposed=False) is tl


def test_task_scores_move_only_when_exposed() -> None:
    needs_tools = _scored(RECORDS, (0.0, 0.0, 1.0))  # human label E2
    moved = with_tool_timeline(needs_tools, "Abridge")
    assert (needs_tools.timeline, moved.timeline) == ("3–5 years", "1–2 years")
    assert moved.timeline_reason == (
        "human raters: needs software built on LLMs; a released tool made for this work: Abridge"
    )
    assert moved.exposure == needs_tools.exposure and moved.beta == needs_tools.beta
    human = _scored("Comfort grieving family members.", (1.0, 0.0, 0.0))  # label E0
    assert with_tool_timeline(human, "Abridge") is human


# ---------------------------------------------------------------- what counts as made for


def test_made_for_needs_a_detailed_activity_and_the_wording(catalog: ToolCatalog) -> None:
    tasks = [(HISTORIES, 0.5), (RECORDS, 0.5), ("Comfort grieving family members.", 0.0)]
    links = [
        ActivityLink(text, RECORDS_IWA, "Maintain health or medical records", RECORDS_DWA)
        for text in (HISTORIES, RECORDS)
    ]
    matches = {m.tool.id: m for m in match_tools(catalog, tasks, links)}
    dax = matches["dax-copilot"]
    assert set(dax.matched_tasks) == {HISTORIES, RECORDS}  # the tool fits both ...
    assert dax.made_for == (HISTORIES,)  # ... but is made for the one it is worded for
    scores = [_scored(HISTORIES, (0, 0, 1)), _scored(RECORDS, (0, 0, 1))]
    after = tool_timelines([_Task(t) for t, _ in tasks[:2]], scores, list(matches.values()))
    assert [s.timeline for s in after] == ["1–2 years", "3–5 years"]
    assert after[0].timeline_reason.endswith(
        f"a released tool made for this work: {made_for_tasks(list(matches.values()))[HISTORIES]}"
    )
    assert after[1] is scores[1]


def test_general_assistants_are_made_for_no_task(catalog: ToolCatalog) -> None:
    links = [ActivityLink(DRAFT, "4.A.3.b.6.I12", "Prepare documents", "4.A.3.b.6.I12.D05")]
    matches = match_tools(catalog, [(DRAFT, 1.0), ("File papers.", 0.0)], links)
    assert {m.tool.category for m in matches} <= {"general-assistant", "office-productivity"}
    assert matches and all(m.made_for == () for m in matches)
    assert made_for_tasks(matches) == {}


# ---------------------------------------------------------------- the page


def test_paralegal_legal_documents_read_one_to_two_years_beside_the_tool(
    settings: Settings,
) -> None:
    """QA #14: the page listed CoCounsel and Harvey for this task and said 3–5 years."""
    report = api.analyze("23-2011.00", settings=settings)
    task = next(t for t in report.tasks_at_risk if t.task.startswith("Prepare, edit, or review"))
    tools = {e.name for e in report.ai_tools}
    tool = task.evidence.rpartition("a released tool made for this work: ")[2]
    assert task.timeline == "1–2 years"
    assert tool in tools and tool in {"CoCounsel", "Harvey"}
    (entry,) = [t for t in report_to_dict(report)["tasks_at_risk"] if t["task"] == task.task]
    assert entry["timeline"] == "1–2 years"  # the JSON field keeps its name and vocabulary


def test_loose_tool_fits_leave_the_timeline(settings: Settings) -> None:
    """A paralegal's trial preparation is reached by no listed product made for it: it stays."""
    report = api.analyze("23-2011.00", settings=settings)
    task = next(t for t in report.tasks_at_risk if t.task.startswith("Prepare for trial"))
    assert task.timeline == "3–5 years"
    assert "released tool" not in task.evidence
