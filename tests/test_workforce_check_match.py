"""A roster's matches to check: counted, said in the summary, and listed under one true name."""

from __future__ import annotations

import json
from typing import Any

from ai_impact.workforce.analysis import analyze_roster
from ai_impact.workforce.counts import check_note
from ai_impact.workforce.formats import to_json, to_markdown
from ai_impact.workforce.roster import parse_roster
from test_workforce_analysis import ROSTER, FakeLibrary


def _report() -> Any:
    return analyze_roster(parse_roster(ROSTER), FakeLibrary(), top=3)


def test_summary_counts_the_roles_the_section_lists() -> None:
    """QA #18: "0 to review" sat above a "Needs review" table of check-match roles."""
    report = _report()
    t = report.totals
    assert (t.roles_check, t.headcount_check, t.roles_review, t.headcount_review) == (1, 20, 1, 3)
    page = to_markdown(report)
    assert "| People | 40 (20 to check, 3 left out) |" in page
    assert "| Roles | 4 (1 to check, 1 left out) |" in page
    section = page.split("## Roles to check\n", 1)[1].split("\n## ", 1)[0]
    listed = [ln for ln in section.splitlines() if ln.startswith("| ") and "Title" not in ln]
    assert len(listed) == t.roles_check + t.roles_review
    assert "## Needs review" not in page
    summary = json.loads(to_json(report))["summary"]
    assert (summary["roles_check"], summary["headcount_check"]) == (1, 20)


def test_a_weak_match_is_flagged_in_the_summary_not_priced_silently() -> None:
    """QA #18: "Chief Happiness Officer" was priced as a CEO with no word above the tables."""
    report = _report()
    nurse = next(r for r in report.roles if r.title == "Nurse")
    note = check_note(report)
    assert note is not None
    assert f"Nurse as {nurse.occupation} (40%)" in note
    assert note.startswith("1 role (20 people) is counted as the occupation")
    page = to_markdown(report)
    assert page.index(note) < page.index("## Summary")
    alone = to_markdown(analyze_roster(parse_roster("title\nNurse\n"), FakeLibrary()))
    assert f"- **Nurse** ({nurse.occupation}, a match to check): build" in alone


def test_no_note_when_every_role_is_matched() -> None:
    report = analyze_roster(parse_roster("title\nAccountant\n"), FakeLibrary())
    assert check_note(report) is None
    assert "| People | 1 (0 to check, 0 left out) |" in to_markdown(report)


def test_missing_figures_read_as_an_em_dash_and_skills_are_quoted() -> None:
    """QA #30: "Annual payroll | –" used an en dash where every other face writes "—"; "build
    Active Listening" was bare beside "build “Public Safety and Security”"."""
    report = analyze_roster(parse_roster("title,headcount\nAccountant,2\n"), FakeLibrary())
    page = to_markdown(report)
    assert "| Annual payroll | — |" in page and "–" not in page.replace("(1–10)", "")
    assert "build “Negotiation” and learn the software “SQL” and “Excel”" in page


def test_the_hourly_pay_note_reads_as_one_sentence() -> None:
    """QA #30: "beside market pay that BLS publishes only by the hour it is shown an hour"."""
    report = analyze_roster(
        parse_roster("title,headcount,hourly_pay\nAccountant,2,30\n"), FakeLibrary()
    )
    note = next(n for n in report.notes if "hourly pay counts" in n)
    assert note.endswith(
        "where BLS publishes market pay only by the hour, the roster's hourly pay is shown per "
        "hour beside it."
    )
    assert "it is shown an hour" not in note
