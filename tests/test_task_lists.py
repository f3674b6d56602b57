"""The task lists of a page: disputed tasks listed apart, at-risk tasks ranked by how much AI could
take over, and the wording around them (QA review 2026-12-07, issues 1, 4, 7, 12, 20, 22, 28)."""

from __future__ import annotations

import html
import json

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.render import RENDERERS
from ai_impact.reports.build import none_safe, section_gaps
from ai_impact.reports.consistency import check_report
from ai_impact.reports.disputed import HEADING, disputed_entries, disputed_note, is_disputed
from ai_impact.reports.model import RiskSummary, ToolEntry
from ai_impact.reports.risk_sections import range_sentence
from ai_impact.reports.service import Analyses
from ai_impact.reports.tasks import split_tasks, takeover_order
from ai_impact.scoring.timeline import timeline_for
from ai_impact.settings import Settings
from task_fakes import FakeScore, FakeTask

_Task = FakeTask
_Score = FakeScore


def _tool(name: str, matched: tuple[str, ...] = ()) -> ToolEntry:
    return ToolEntry(name, "Vendor", 2024, "category", "what", "automates", matched, "why")


def test_a_task_gpt4_disputes_is_neither_safe_nor_at_risk() -> None:
    tasks = [
        _Task(1, "Transcribe dictation.", human_exposure="E0", gpt4_exposure="E1"),
        _Task(2, "Comfort patients.", human_exposure="E0", gpt4_exposure="E0"),
        _Task(3, "Draft letters.", human_exposure="E1", gpt4_exposure="E1"),
    ]
    scores = [_Score("E0", 1.0), _Score("E0", 0.0), _Score("E1", 3.0)]
    at_risk, safe, n_exposed, n_safe = split_tasks(tasks, scores)
    assert [t.task for t in at_risk] == ["Draft letters."]
    assert [s.task for s in safe] == ["Comfort patients."]
    assert (n_exposed, n_safe) == (1, 1)
    # the safe row no longer carries the repeated second-opinion sentence (QA 28)
    assert "GPT-4" not in safe[0].reason
    assert is_disputed(tasks[0], scores[0]) and not is_disputed(tasks[1], scores[1])


def test_disputed_tasks_name_the_page_tools_that_fit_them_and_sort_those_first() -> None:
    tasks = [
        _Task(1, "Supervise audits.", human_exposure="E0", gpt4_exposure="E2"),
        _Task(2, "Transcribe dictation.", human_exposure="E0", gpt4_exposure="E1", aei_share=0.01),
    ]
    scores = [_Score("E0", 1.0), _Score("E0", 1.0)]
    tools = [_tool("Scribe AI", ("Transcribe dictation.",)), _tool("Chat", ())]
    shown, n = disputed_entries(list(zip(tasks, scores, strict=True)), tools, None)
    assert n == 2
    first, second = shown
    assert first.task == "Transcribe dictation." and first.tools == ("Scribe AI",)
    assert first.observed_use and first.gpt4_label == "E1" and first.human_label == "E0"
    assert "Scribe AI, listed on this page, fits it." in first.reason
    assert "AI assistant (AEI)" in first.reason
    assert second.tools == () and "listed on this page" not in second.reason
    cut, total = disputed_entries(list(zip(tasks, scores, strict=True)), tools, None, limit=1)
    assert len(cut) == 1 and total == 2


def test_one_note_with_a_count_per_disputed_list() -> None:
    assert disputed_note(0, 0) is None
    one = disputed_note(1, 1)
    assert one is not None and "one of its tasks" in one.missing_reason
    many = disputed_note(8, 9)
    assert many is not None and many.key == "disputed_tasks"
    assert "label 9 of its tasks" in many.missing_reason
    assert "The first 8 are listed" in many.missing_reason


def test_empty_safe_list_says_the_unexposed_tasks_are_disputed() -> None:
    assert "disputed" in none_safe(10, 3) and "exposed to AI; none" not in none_safe(10, 3)
    assert none_safe(10) == (
        "Every one of its 10 tasks is exposed to AI; none is rated as staying fully human."
    )


def test_takeover_ranks_work_ai_completes_above_work_an_llm_only_helps_with() -> None:
    """QA 4: β alone put every E1 "consult" task (assist) above E2 work AI can complete."""
    consult = (_Task(1, "Consult with customers."), _Score("E1", 2.0))
    modify = (_Task(2, "Modify software to correct errors."), _Score("E2", 3.0))
    supplemental = (_Task(3, "Fix a thing.", task_type="Supplemental"), _Score("E2", 3.0))
    e1_same = (_Task(4, "Write code."), _Score("E1", 3.0))
    ranked = sorted([consult, supplemental, modify, e1_same], key=lambda p: takeover_order(*p))
    assert [t.task_id for t, _ in ranked] == [4, 2, 3, 1]


@pytest.mark.parametrize(
    ("score", "low", "high", "category", "expected"),
    [
        (4.5, 4.5, 8.1, "moderate", "lowest category its range reaches"),
        (7.2, 4.5, 7.4, "very high", "highest category its range reaches"),
        (6.4, 5.6, 7.2, "high", None),  # in the middle of the range's categories
        (4.5, 4.5, 6.5, "moderate", None),  # spans one boundary only
    ],
)
def test_range_sentence_flags_a_headline_at_one_end_of_a_wide_range(
    score: float, low: float, high: float, category: str, expected: str | None
) -> None:
    risk = RiskSummary(score, category, (0.0, 0.0), low, high, ())
    text = range_sentence(risk)
    if expected is None:
        assert text is None
        return
    assert text is not None and expected in text
    far = f"{high:.1f}" if "lowest" in expected else f"{low:.1f}"
    assert f"runs {'up' if 'lowest' in expected else 'down'} to {far}," in text
    assert "risk" not in text  # a level word followed by "risk" must be the page's category


def test_automation_level_four_reads_as_full_automation() -> None:
    """QA 22: levels 3 and 4 were both 'little human input needed'."""
    four = timeline_for(1.0, 0.0, 4.0, label="E1").reason
    three = timeline_for(1.0, 0.0, 3.0, label="E1").reason
    assert "GPT-4's automation rating 4.0/4 (full automation, no human input needed)" in four
    assert "GPT-4's automation rating 3.0/4 (little human input needed)" in three


def test_automation_rating_names_its_source() -> None:
    """QA: "human raters: …; automation 3.0/4" credited GPT-4's automation level to the raters.
    A labelled task's level is GPT-4's rating; a model-scored one's is the model's."""
    labelled = timeline_for(0.0, 1.0, 3.0, label="E2").reason
    assert labelled.startswith("human raters: needs software built on LLMs; GPT-4's automation")
    modelled = timeline_for(0.1, 0.8, 3.2).reason
    assert "the model's automation rating 3.2/4 (little human input needed)" in modelled
    assert "human raters" not in modelled and "GPT-4" not in modelled


@pytest.fixture(scope="module")
def analyses(kb: KnowledgeBase, settings: Settings) -> Analyses:
    return Analyses(kb, settings)


def test_medical_transcriptionists_never_list_transcription_as_human(analyses: Analyses) -> None:
    """QA 1: every task listed as human was transcription, which the page's own tools do."""
    r = analyses.report_for("31-9094.00")
    safe = {s.task for s in r.safe_tasks}
    disputed = {d.task: d for d in r.disputed_tasks}
    assert not any("Transcribe" in t for t in safe)
    transcribe = next(d for t, d in disputed.items() if t.startswith("Transcribe dictation"))
    assert "Amazon Transcribe Medical" in transcribe.tools
    listed_tools = {t.name for t in r.ai_tools}
    assert all(set(d.tools) <= listed_tools for d in r.disputed_tasks)
    assert r.changing.exposure.n_disputed >= len(r.disputed_tasks) > 0
    assert not any("second opinion" in s.reason for s in r.safe_tasks)
    # its headline "moderate" is the low end of a range reaching very high (QA 20)
    assert any("lowest category its range reaches" in s for s in r.overview)
    assert not any(transcribe.task[:40] in s for s in r.overview)
    assert check_report(r) == []


def test_every_face_shows_the_disputed_tasks(analyses: Analyses) -> None:
    r = analyses.report_for("31-9094.00")
    md = RENDERERS["md"](r)
    page = html.unescape(RENDERERS["html"](r))
    data = json.loads(RENDERERS["json"](r))
    first = r.disputed_tasks[0]
    for face in (md, page):
        assert HEADING in face
        assert first.reason in face.replace("\\", "")
    assert md.index("## Tasks that remain safe") < md.index(HEADING)
    assert [d["task"] for d in data["disputed_tasks"]] == [d.task for d in r.disputed_tasks]
    assert data["disputed_tasks"][0]["gpt4_label"] in {"E1", "E2"}
    assert data["exposure_detail"]["n_disputed"] == r.changing.exposure.n_disputed


@pytest.mark.parametrize(
    "code", ["15-1252.00", "29-1141.00", "23-2011.00", "35-1011.00", "25-2021.00"]
)
def test_the_first_task_at_risk_is_the_one_ai_could_take_over_most(
    analyses: Analyses, code: str
) -> None:
    """QA 4: software developers, nurses, paralegals, chefs, teachers."""
    r = analyses.report_for(code)
    shares = [
        round((1.0 - t.exposure.get("E0", 0.0)) * t.automation / 4, 2) for t in r.tasks_at_risk
    ]
    assert shares == sorted(shares, reverse=True)
    top = r.tasks_at_risk[0]
    assert any(f"“{top.task.rstrip('.')[:60]}" in s for s in r.overview)
    assert check_report(r) == []


def test_adaptation_gap_does_not_deny_important_ratings(analyses: Analyses) -> None:
    """QA 12: hairdressers' gap said O*NET rates no skill as important, while the certification
    section builds two areas the occupation rates as important."""
    r = analyses.report_for("39-5012.00")
    gaps = section_gaps(
        r.changing.exposure,  # type: ignore[arg-type]  # only n_tasks is read here
        r.tasks_at_risk,
        r.safe_tasks,
        r.ai_tools,
        r.outlook,
        (),
        r.certifications,
        r.related,
        analyses.engine,
    )
    text = next(g.missing_reason for g in gaps if g.key == "adaptation")
    assert "rates no skill" not in text
    assert "rates as important for this occupation goes with less AI exposure" in text
