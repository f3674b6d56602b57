"""Reports on the real knowledge base: reference occupations, every section, blends, residuals."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.render.markdown import render_markdown
from ai_impact.reports.model import OccupationReport
from ai_impact.reports.serialize import report_to_dict
from ai_impact.reports.service import Analyses, methodology_text
from ai_impact.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
HIGH = {"high", "very high"}
LOW = {"very low", "low"}


@pytest.fixture(scope="module")
def analyses(kb: KnowledgeBase, settings: Settings) -> Analyses:
    return Analyses(kb, settings)


@pytest.mark.parametrize(
    ("code", "allowed"),
    [("41-9041.00", HIGH), ("43-9081.00", HIGH), ("43-9021.00", HIGH),
     ("47-2181.00", LOW), ("27-2031.00", LOW), ("33-2011.00", LOW)],
)  # fmt: skip
def test_reference_occupations_land_in_their_categories(
    analyses: Analyses, code: str, allowed: set[str]
) -> None:
    assert analyses.report_for(code).risk.category in allowed


def test_machine_learning_engineer_is_moderate_and_says_what_it_rests_on(
    analyses: Analyses,
) -> None:
    r = analyses.analyze("Machine Learning Engineer")
    assert r.risk.category == "moderate"
    assert r.header.resolved_from == "Machine Learning Engineer"
    assert "15-2051.00" in r.header.rests_on
    if len(r.header.rests_on) > 1:
        assert r.header.rests_on_note and "blends" in r.header.rests_on_note
    assert r.tasks_at_risk and r.ai_tools


def test_an_alias_title_blends_even_without_a_confident_match(analyses: Analyses) -> None:
    """The alias table says what "DevOps Engineer" rests on: blend, don't ask."""
    r = analyses.analyze("DevOps Engineer")
    assert {"15-1252.00", "15-1299.08"} <= set(r.header.rests_on)


@pytest.mark.parametrize(
    ("title", "lead", "left_out"),
    [
        # the table's first choice leads the blend, and its pay and outlook are the report's
        ("Call Centre Agent", "43-4051.00", set()),
        # annotators do not write analysis code or compare models (Data Scientists' tasks)
        ("Data Annotator", "43-9021.00", {"15-2051.00"}),
        # no phone-system (PBX) support or loading computer tapes: not systems administrators
        ("Site Reliability Engineer", "15-1252.00", {"15-1244.00"}),
        ("Platform Engineer", "15-1252.00", {"15-1244.00"}),
        ("AI Ethics Specialist", "13-1041.00", {"15-1221.00"}),
    ],
)
def test_an_alias_blend_holds_the_tables_occupations(
    analyses: Analyses, title: str, lead: str, left_out: set[str]
) -> None:
    r = analyses.analyze(title)
    assert r.header.code == lead
    assert r.header.rests_on[0] == lead
    assert not left_out & set(r.header.rests_on)


def test_a_blend_leaves_out_members_far_below_its_lead(analyses: Analyses) -> None:
    """Typed in full, an O*NET title is its occupation: the same report as its code."""
    for title, code in (("Software Developers", "15-1252.00"), ("Registered Nurses", "29-1141.00")):
        r = analyses.analyze(title)
        assert r.header.rests_on == (code,)
        assert r.risk.score == analyses.report_for(code).risk.score
    # "RN" is an alias of Registered Nurses with its specialties far behind: no blend.
    assert analyses.analyze("RN").header.rests_on == ("29-1141.00",)


def test_a_blend_never_quotes_its_weighted_mean_as_a_bls_figure(analyses: Analyses) -> None:
    """The blended demand is a fit-weighted mean: said as such; the outlook names its occupation."""
    r = analyses.analyze("Sr. ML Engineer")
    assert len(r.header.rests_on) > 1
    demand = r.changing.sentences[-1]
    assert demand.startswith("BLS projections for the blended occupations average")
    assert "weighted mean of the blend" in r.risk.components[-1].display
    assert r.outlook is not None
    assert r.outlook.sentence.startswith(f"Employment of {r.header.title} is projected")
    single = analyses.report_for(r.header.code)
    assert single.changing.sentences[-1].startswith("BLS projects")
    assert single.outlook is not None and single.outlook.sentence.startswith("Employment is")


def test_risk_spreads_over_all_five_categories(analyses: Analyses) -> None:
    rows = analyses.occupation_table()
    assert len(rows) == 1016
    counts = Counter(r.risk_category for r in rows)
    assert set(counts) == {"very low", "low", "moderate", "high", "very high"}
    assert all(0.0 <= r.exposure <= 1.0 for r in rows)


def _sections_present(r: OccupationReport) -> None:
    gaps = {g.key for g in r.gaps}
    assert r.overview and r.changing.sentences and len(r.risk.components) == 5
    assert r.risk.low <= r.risk.score <= r.risk.high
    for key, filled in (
        ("tasks_at_risk", r.tasks_at_risk), ("safe_tasks", r.safe_tasks),
        ("ai_tools", r.ai_tools), ("salary", r.salary), ("outlook", r.outlook),
        ("adaptation", r.adaptation), ("certifications", r.certifications),
        ("related", r.related),
    ):  # fmt: skip
        assert filled or key in gaps, f"{r.header.code}: {key} is empty without a stated reason"
    assert {s.key for s in r.sources} >= {"onet", "labels", "ep", "oews", "ai-impact"}


@pytest.mark.parametrize("code", ["15-1252.00", "29-1141.00", "15-1299.00", "55-3016.00"])
def test_every_section_is_filled_or_explained(analyses: Analyses, code: str) -> None:
    _sections_present(analyses.report_for(code))


def test_residual_occupation_rests_on_related_tasks(analyses: Analyses) -> None:
    r = analyses.report_for("15-1299.00")
    assert r.header.rests_on and r.header.rests_on != ("15-1299.00",)
    assert r.header.rests_on_note and "no task statements" in r.header.rests_on_note
    assert all("; a task of " in t.evidence for t in r.tasks_at_risk)


def test_military_occupation_rests_on_its_description(analyses: Analyses) -> None:
    r = analyses.report_for("55-3016.00")
    assert r.header.rests_on_note and "description" in r.header.rests_on_note
    assert r.changing.exposure.n_tasks > 0


def test_basic_skills_only_occupation_borrows_full_ratings_and_says_so(
    analyses: Analyses, kb: KnowledgeBase
) -> None:
    """Software Developers (ten basic skills only) build what the nearest rated neighbour rates."""
    assert len(kb.skills("15-1252.00")) == 10 and not kb.knowledge("15-1252.00")
    r = analyses.report_for("15-1252.00")
    note = r.header.rests_on_note or ""
    assert "only the ten basic skills of Software Developers" in note
    donor = "Computer Systems Engineers/Architects"
    assert f"ratings of {donor} (15-1299.08)" in note
    kinds = [a.kind for a in r.adaptation]
    assert "knowledge" in kinds
    rated = [a for a in r.adaptation if a.kind in {"skill", "knowledge"}]
    assert rated and all(f"in {donor} (the most similar" in a.why for a in rated)
    assert r.header.rests_on == ("15-1252.00",)  # tasks and exposure stay its own


def test_markdown_has_every_section_and_json_the_contract_keys(analyses: Analyses) -> None:
    r = analyses.report_for("43-9021.00")
    md = render_markdown(r)
    for heading in ("# AI impact on Data Entry Keyers", "## Overview",
                    "## How AI is changing the profession", "## Tasks at risk of automation",
                    "## Tasks that remain safe", "## AI tools entering the role", "## Salary",
                    "## Employment outlook", "## Adaptation strategy", "## Certifications",
                    "## Related analyses", "## Method and sources"):  # fmt: skip
        assert heading in md
    d = json.loads(json.dumps(report_to_dict(r)))
    assert d["occupation"]["soc"] == "43-9021"
    assert d["risk"]["category"] in HIGH and len(d["risk"]["range"]) == 2
    assert d["outlook"]["employment_change_pct"] < 0
    assert "decline" in r.outlook.sentence if r.outlook else False


def test_area_salary_is_the_states(analyses: Analyses) -> None:
    national = analyses.report_for("29-1141.00")
    ca = analyses.report_for("29-1141.00", area="CA")
    assert ca.salary is not None and national.salary is not None
    assert ca.salary.area == "California"
    assert ca.salary.median_annual != national.salary.median_annual
    assert ca.salary.national_median_annual == national.salary.median_annual


def test_methodology_package_copy_matches_docs() -> None:
    docs = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert methodology_text() == docs, "copy docs/methodology.md to src/ai_impact/reports/"


def test_borrowed_tasks_are_listed_once(analyses: Analyses) -> None:
    """An 'All Other' occupation borrows its siblings' tasks; a shared statement shows once."""
    r = analyses.report_for("29-1249.00")
    listed = [t.task for t in r.tasks_at_risk] + [t.task for t in r.safe_tasks]
    assert listed and len(listed) == len(set(listed))


def test_a_safe_task_says_what_speaks_against_it(analyses: Analyses) -> None:
    """Telemarketers' cold calls: human raters say unexposed, GPT-4 and observed use disagree,
    so the task is listed as disputed (QA review 2026-12-07, #1/#28); every unexposed task of the
    page is disputed, so the safe list holds it too, marked with GPT-4's label (#15)."""
    r = analyses.report_for("41-9041.00")
    safe = next(t for t in r.safe_tasks if t.task.startswith("Contact businesses"))
    assert safe.reason.endswith("software built on LLMs does it (E2); see Disputed tasks.")
    calls = next(t for t in r.disputed_tasks if t.task.startswith("Contact businesses"))
    assert calls.gpt4_label == "E2" and calls.observed_use
    assert "GPT-4: software built on LLMs does it (E2)" in calls.reason
    assert "already appears in conversations with an AI assistant" in calls.reason
    quiet = [t for t in analyses.report_for("47-2181.00").safe_tasks if "AEI" not in t.reason]
    assert quiet  # roofers: most safe tasks carry no doubt
