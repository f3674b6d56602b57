"""Disputes between the two raters on the task lists (QA review 2026-12-07, #12, #15, #32).

- every unexposed task disputed (human E0, GPT-4 exposed): the safe list still holds them, each
  marked with GPT-4's label, and the disputed table stays;
- the reverse dispute (human E1/E2, GPT-4 E0) is one clause of the at-risk row's evidence;
- a safe task seen in AI-assistant conversations says what that means, without contradiction.
"""

from __future__ import annotations

from functools import partial

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.reports.consistency import check_report
from ai_impact.reports.disputed import disputed_note, gpt4_disagrees, reverse_dispute
from ai_impact.reports.service import Analyses
from ai_impact.reports.tasks import split_tasks
from ai_impact.settings import Settings
from task_fakes import FakeScore, FakeTask

GPT4_E0 = "GPT-4's label: not exposed (E0)"
AEI = (
    "People already ask AI assistants about this work (seen in the Anthropic Economic Index), "
    "though the human raters judged the task itself not exposed."
)


_Task = FakeTask
_Score = partial(
    FakeScore, timeline_reason="human raters: an LLM alone does it; slow-adopting sectors"
)


def test_all_unexposed_tasks_disputed_are_listed_as_safe_and_marked() -> None:
    tasks = [
        _Task(1, "Draft letters.", "E1", "E1"),
        _Task(2, "Call prospects.", "E0", "E2", aei_share=0.01),
        _Task(3, "Design layouts.", "E0", "E1"),
    ]
    scores = [_Score("E1"), _Score("E0"), _Score("E0")]
    at_risk, safe, n_exposed, n_safe = split_tasks(tasks, scores)
    assert [t.task for t in at_risk] == ["Draft letters."]
    assert {s.task for s in safe} == {"Call prospects.", "Design layouts."}
    assert (n_exposed, n_safe) == (1, 2)
    reasons = {s.task: s.reason for s in safe}
    assert reasons["Design layouts."].endswith(
        "GPT-4's label disagrees: it says an LLM alone does it (E1); see Disputed tasks."
    )
    calls = reasons["Call prospects."]
    assert AEI in calls and calls.endswith(
        "software built on LLMs does it (E2); see Disputed tasks."
    )


def test_an_undisputed_unexposed_task_keeps_disputed_ones_off_the_safe_list() -> None:
    tasks = [_Task(1, "Comfort patients.", "E0", "E0"), _Task(2, "Transcribe.", "E0", "E1")]
    _, safe, _, n_safe = split_tasks(tasks, [_Score("E0"), _Score("E0")])
    assert [s.task for s in safe] == ["Comfort patients."] and n_safe == 1
    assert "GPT-4" not in safe[0].reason
    assert gpt4_disagrees(tasks[0]) == "" and "(E1)" in gpt4_disagrees(tasks[1])


def test_the_disputed_note_says_when_the_safe_list_holds_them_too() -> None:
    apart = disputed_note(3, 3, 5)
    both = disputed_note(3, 3, 3)
    one = disputed_note(1, 1, 1)
    assert (
        apart is not None and "listed here rather than as remaining human" in apart.missing_reason
    )
    assert both is not None and "also listed as remaining human" in both.missing_reason
    assert "rather than" not in both.missing_reason
    assert one is not None and "it is also listed as remaining human" in one.missing_reason
    assert disputed_note(2, 2) is not None  # the count of unexposed tasks is optional


def test_the_reverse_dispute_is_a_clause_after_the_human_label() -> None:
    tasks = [_Task(1, "Sight-read parts.", "E1", "E0"), _Task(2, "Write notes.", "E1", "E1")]
    at_risk, _, _, _ = split_tasks(tasks, [_Score("E1"), _Score("E1")])
    evidence = {t.task: t.evidence for t in at_risk}
    assert evidence["Sight-read parts."] == (
        f"human raters: an LLM alone does it; {GPT4_E0}; slow-adopting sectors"
    )
    assert "GPT-4's label" not in evidence["Write notes."]
    assert reverse_dispute(_Task(3, "x", "E0", "E0")) == ""
    assert reverse_dispute(_Task(3, "x", None, "E0")) == ""  # model-scored: no human label


def test_the_reverse_dispute_clause_keeps_the_borrowed_clause_last() -> None:
    task = _Task(1, "Sight-read parts.", "E2", "E0", code="11-1111.00")
    at_risk, _, _, _ = split_tasks([task], [_Score("E2")], {"11-1111.00": "Musicians"})
    assert at_risk[0].evidence.endswith(f"{GPT4_E0}; slow-adopting sectors; a task of Musicians")


@pytest.fixture(scope="module")
def analyses(kb: KnowledgeBase, settings: Settings) -> Analyses:
    return Analyses(kb, settings)


@pytest.mark.parametrize("code", ["27-1024.00", "41-9041.00"])
def test_pages_whose_unexposed_tasks_are_all_disputed_list_them_as_safe(
    analyses: Analyses, code: str
) -> None:
    """Graphic designers and telemarketers showed an empty safe section (QA #15)."""
    r = analyses.report_for(code)
    assert r.safe_tasks and r.disputed_tasks
    assert {s.task for s in r.safe_tasks} == {d.task for d in r.disputed_tasks}
    assert all(s.reason.endswith("; see Disputed tasks.") for s in r.safe_tasks)
    assert not any(g.key == "safe_tasks" and "No task" in g.missing_reason for g in r.gaps)
    note = next(g.missing_reason for g in r.gaps if g.key == "disputed_tasks")
    assert "also listed as remaining human" in note
    assert check_report(r) == []


def test_musicians_sight_reading_shows_gpt4_s_label(analyses: Analyses) -> None:
    """QA #12: "Sight-read musical parts" at β 1.00 hid GPT-4's E0 label."""
    r = analyses.report_for("27-2042.00")
    row = next(t for t in r.tasks_at_risk if t.task.startswith("Sight-read musical parts"))
    assert row.beta == 1.0
    assert row.evidence.startswith(f"human raters: an LLM alone does it; {GPT4_E0}")
    assert check_report(r) == []


def test_safe_rows_seen_in_ai_use_no_longer_read_as_a_contradiction(analyses: Analyses) -> None:
    """QA #32: "Human raters found it unexposed, but it already appears in conversations…"."""
    r = analyses.report_for("41-9041.00")
    assert all(AEI in s.reason for s in r.safe_tasks)
    assert not any("found it unexposed, but" in s.reason for s in r.safe_tasks)
