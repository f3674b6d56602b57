"""Roster analysis on a hand-built library: exact figures per role, per team and in total."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from types import SimpleNamespace
from typing import Any

import pytest

from ai_impact.errors import InputError, NotFoundError
from ai_impact.reports.model import AdaptationItem, RelatedEntry, SafeTask, SourceRef
from ai_impact.titles.resolver import Candidate, Resolution
from ai_impact.workforce.analysis import MarketPay, analyze_roster
from ai_impact.workforce.formats import (
    CSV_COLUMNS,
    SCHEMA,
    fte_text,
    to_csv,
    to_dict,
    to_markdown,
)
from ai_impact.workforce.learning_text import learn_text
from ai_impact.workforce.roster import parse_roster


@dataclass(frozen=True)
class Row:
    code: str
    title: str
    industry: str
    risk_score: float
    risk_category: str
    exposure: float
    exposed_share: float
    substitution: float
    median_annual: float | None


ROWS = {
    "13-2011.00": Row("13-2011.00", "Accountants and Auditors", "Finance", 5.0, "moderate", 0.5,
                      0.7, 0.2, 80000.0),
    "29-1141.00": Row("29-1141.00", "Registered Nurses", "Healthcare", 2.0, "very low", 0.1, 0.2,
                      0.02, 90000.0),
    "43-9021.00": Row("43-9021.00", "Data Entry Keyers", "Business & Administration", 8.5,
                      "very high", 0.8, 0.9, 0.6, 40000.0),
}  # fmt: skip


# What each fake occupation page lists as remaining human; the keyers' page has a robot for one.
_PLAIN = SafeTask("Greet visitors.", "Core", 0.0, "presence", "why", "onet")
SAFE = {
    "29-1141.00": (_PLAIN,),
    "43-9021.00": (
        _PLAIN,
        replace(
            _PLAIN,
            task="Load paper into machines.",
            automation_tools=("Keybot",),
            automation_note="human for language AI; physical automation is arriving for this "
            "work: Keybot",
        ),
    ),
}


def _res(text: str, code: str | None, conf: float, needs: bool, via: str = "exact") -> Resolution:
    if code is None:
        return Resolution(text, text.lower(), (), False, None, f"No occupation matches '{text}'.")
    row = ROWS[code]
    cands = (Candidate(code, code[:7], row.title, conf, via),)
    if needs:
        cands += (Candidate("13-2011.00", "13-2011", "Accountants and Auditors", 0.2, "semantic"),)
    return Resolution(text, text.lower(), cands, needs, None, None)


class FakeLibrary:
    """Four titles, three occupations; unknown locations raise like the real facade."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.reports: list[str] = []

    def resolve_batch(self, texts: Sequence[str]) -> list[Resolution]:
        self.batches.append(list(texts))
        known = {
            "Accountant": _res("Accountant", "13-2011.00", 0.9, False),
            "Nurse": _res("Nurse", "29-1141.00", 0.4, True),
            "Blorf": _res("Blorf", None, 0.0, False),
            "Data Entry Keyer": _res("Data Entry Keyer", "43-9021.00", 0.8, False),
            "Ghost": _res("Ghost", "43-9021.00", 0.1, True),
            "43-9021.00": _res("43-9021.00", "43-9021.00", 1.0, False, via="code"),
        }
        return [known.get(t) or _res(t, None, 0.0, False) for t in texts]

    def occupation_rows(self) -> dict[str, Row]:
        return ROWS

    def report(self, code: str) -> Any:
        self.reports.append(code)
        safer = RelatedEntry("13-1111.00", "Management Analysts", "safer move", 0.71, 3.1, "low",
                             99000.0, 9.0)  # fmt: skip
        other = RelatedEntry("13-2011.00", "x", "same industry", None, 5.0, "moderate", None, None)
        return SimpleNamespace(
            related=(safer, other),
            adaptation=(
                AdaptationItem("technology", "SQL", "why", None),
                AdaptationItem("technology", "Excel", "why", None),
                AdaptationItem("technology", "Tableau", "why", None),
                AdaptationItem("skill", "Negotiation", "why", "2.B.1.d"),
                AdaptationItem("transition", "Management Analysts", "why", "13-1111.00"),
            ),
            sources=(SourceRef("onet", "O*NET 30.3", "2025", "CC BY 4.0"),),
            safe_tasks=SAFE.get(code, ()),
        )

    def market_pay(self, code: str, location: str | None) -> MarketPay | None:
        if location == "Narnia":
            raise NotFoundError("No OEWS area matches 'Narnia'.")
        return MarketPay(location or "National", 100.0 if location else 50.0)


ROSTER = (
    "title,headcount,annual_pay,team,location\n"
    "Accountant,10,80000,Finance,CA\n"
    "Accountant,5,,Finance,CA\n"
    "Nurse,20,90000,Care,\n"
    "Blorf,3,,Ops,\n"
    "Data Entry Keyer,2,40000,Ops,Narnia\n"
)


@pytest.fixture
def report() -> Any:
    lib = FakeLibrary()
    out = analyze_roster(parse_roster(ROSTER), lib, top=3)
    assert lib.batches == [["Accountant", "Nurse", "Blorf", "Data Entry Keyer"]]
    assert sorted(lib.reports) == ["13-2011.00", "29-1141.00", "43-9021.00"]
    return out


def test_roles_group_rows_and_scale_by_headcount(report: Any) -> None:
    acc, nurse, blorf, keyer = report.roles
    assert (acc.lines, acc.headcount, acc.status) == ((2, 3), 15, "matched")
    # exposed hours use the exposed share (0.7), not β (0.5): at-risk hours are a part of them
    assert acc.hours_exposed == pytest.approx(15 * 2080 * 0.7) == 21840
    assert acc.hours_at_risk == pytest.approx(15 * 2080 * 0.2) == 6240
    assert (acc.headcount_with_pay, acc.payroll, acc.mean_pay) == (10, 800000.0, 80000.0)
    assert acc.payroll_exposed == pytest.approx(560000.0)
    assert acc.market_pay == MarketPay("CA", 100.0)
    assert [m.title for m in acc.safer_moves] == ["Management Analysts"]
    assert acc.skills_to_build == ("Negotiation", "SQL", "Excel")  # skills, then 2 software
    assert (nurse.status, nurse.hours_at_risk, nurse.payroll_exposed) == (
        "check match",
        pytest.approx(832.0),
        pytest.approx(360000.0),
    )
    assert [s.code for s in nurse.suggestions] == ["29-1141.00", "13-2011.00"]
    assert (blorf.status, blorf.code, blorf.hours_at_risk, blorf.counted) == (
        "needs review",
        None,
        None,
        False,
    )
    assert blorf.note == "No occupation matches 'Blorf'."
    assert keyer.market_pay == MarketPay("National", 50.0)
    assert keyer.note == "location 'Narnia' is not an OEWS area; national pay shown"


def test_locations_oews_does_not_know_are_named_in_the_notes(report: Any) -> None:
    """QA11: 'Narnia' fell back to national pay in the role's JSON note only: the Markdown and
    the page showed national market pay under the row as if it were the location's."""
    note = (
        "line 6: location 'Narnia' is not an OEWS area; market pay there is the national "
        "median. Give a state ('OH', 'Ohio') or a metro area ('Austin TX')."
    )
    assert report.notes[-1] == note
    assert f"- {note}" in to_markdown(report).replace("\\", "")

    class TwoUnknown(FakeLibrary):
        def market_pay(self, code: str, location: str | None) -> MarketPay | None:
            if location == "Atlantis":
                raise NotFoundError("No OEWS area matches 'Atlantis'.")
            return super().market_pay(code, location)

    many = analyze_roster(
        parse_roster(
            "title,location\nAccountant,Narnia\nNurse,Atlantis\nAccountant,narnia\n"
            "Data Entry Keyer,Narnia\nAccountant,CA\nBlorf,Narnia\n"
        ),
        TwoUnknown(),
    )
    # rows of one role ('Narnia', 'narnia') count once; a role to review is never looked up
    assert many.notes[-1] == (
        "lines 2, 3, 4 and 5: locations 'Narnia' and 'Atlantis' are not OEWS areas; market pay "
        "there is the national median. Give a state ('OH', 'Ohio') or a metro area ('Austin TX')."
    )


def test_totals_are_headcount_weighted_over_known_roles(report: Any) -> None:
    t = report.totals
    assert (t.roles, t.roles_review, t.headcount, t.headcount_analysed, t.headcount_review) == (
        4,
        1,
        40,
        37,
        3,
    )
    assert t.exposure == pytest.approx((15 * 0.5 + 20 * 0.1 + 2 * 0.8) / 37)  # 0.3
    assert t.exposure == pytest.approx(0.3)
    assert t.risk_score == pytest.approx((15 * 5.0 + 20 * 2.0 + 2 * 8.5) / 37)
    assert t.risk_category == "low"  # 3.57 lies in [2.5, 4.0)
    assert t.hours_exposed == pytest.approx(21840 + 8320 + 3744)
    assert t.exposed_share == pytest.approx(33904 / (37 * 2080))
    assert t.hours_at_risk <= t.hours_exposed
    assert t.hours_at_risk == pytest.approx(6240 + 832 + 2496)
    assert t.fte_at_risk == pytest.approx(9568 / 2080)
    assert (t.headcount_with_pay, t.payroll) == (32, pytest.approx(2_680_000.0))
    assert t.payroll_exposed == pytest.approx(560000 + 360000 + 72000)
    assert [(c.category, c.headcount) for c in t.by_category] == [
        ("very low", 20),
        ("low", 0),
        ("moderate", 15),
        ("high", 0),
        ("very high", 2),
    ]
    assert t.by_category[0].share == pytest.approx(20 / 37)
    assert t.top_roles == (1, 4, 2)


def test_teams_are_ranked_by_at_risk_hours(report: Any) -> None:
    teams = {s.team: s for s in report.totals.by_team}
    assert [s.team for s in report.totals.by_team] == ["Finance", "Ops", "Care"]
    ops = teams["Ops"]
    assert (ops.roles, ops.headcount, ops.headcount_review) == (2, 5, 3)
    assert ops.exposure == pytest.approx(0.8)
    assert ops.hours_at_risk == pytest.approx(2496.0)
    assert ops.payroll_exposed == pytest.approx(72000.0)


def test_low_confidence_and_pinned_codes() -> None:
    roster = parse_roster(
        "title,headcount,code\nGhost,4,\nKeyer (pinned),2,43-9021.00\nAccountant,3,99-9999.00\n"
    )
    lib = FakeLibrary()
    ghost, pinned, fallback = analyze_roster(roster, lib).roles
    assert lib.batches == [["Ghost", "43-9021.00", "Keyer (pinned)", "99-9999.00", "Accountant"]]
    # a code that is no occupation: the title is used, and the role says so
    assert (fallback.status, fallback.code) == ("matched", "13-2011.00")
    assert fallback.note == "code '99-9999.00' is not an O*NET-SOC occupation; matched by the title"
    assert (ghost.status, ghost.counted, [s.code for s in ghost.suggestions]) == (
        "needs review",
        False,
        ["43-9021.00", "13-2011.00"],
    )
    assert (pinned.status, pinned.code, pinned.confidence) == ("pinned", "43-9021.00", 1.0)
    lowered = analyze_roster(roster, FakeLibrary(), min_confidence=0.05).roles[0]
    assert (lowered.status, lowered.hours_at_risk) == ("check match", pytest.approx(4 * 2080 * 0.6))


def test_case_and_spacing_make_no_other_role_or_team() -> None:
    """ "Accountant" in "Finance" and "accountant  " in "finance " are one role of one team,
    named as the first row spells them; a different title in "FINANCE" joins that team."""
    roster = parse_roster(
        "title,headcount,team\nAccountant,2,Finance\naccountant  ,3,finance \n"
        "Data  Entry Keyer,1,FINANCE\n"
    )
    report = analyze_roster(roster, FakeLibrary())
    acc, keyer = report.roles
    assert (acc.title, acc.team, acc.headcount, acc.lines) == ("Accountant", "Finance", 5, (2, 3))
    assert keyer.team == "FINANCE"
    assert [(t.team, t.headcount) for t in report.totals.by_team] == [("Finance", 6)]


def test_without_reskilling_one_report_still_names_the_sources() -> None:
    lib = FakeLibrary()
    out = analyze_roster(parse_roster(ROSTER), lib, reskilling=False)
    assert lib.reports == ["13-2011.00"]
    assert all(r.safer_moves == () and r.skills_to_build == () for r in out.roles)
    assert [s.key for s in out.sources] == ["onet"]


def test_json_shape(report: Any) -> None:
    doc = json.loads(json.dumps(to_dict(report)))
    assert doc["schema"] == SCHEMA
    assert doc["summary"]["headcount"] == 40
    assert doc["summary"]["exposure"] == 0.3
    assert doc["summary"]["hours_at_risk"] == 9568.0
    assert doc["summary"]["risk_category"] == "low"
    assert doc["needs_review"] == [3]
    assert doc["top_roles"] == [1, 4, 2]
    first = doc["roles"][0]
    assert first["occupation"] == {
        "code": "13-2011.00",
        "title": "Accountants and Auditors",
        "industry": "Finance",
    }
    assert first["pay"]["payroll_exposed"] == 560000.0
    assert (first["exposure"], first["exposed_share"]) == (0.5, 0.7)
    assert doc["summary"]["exposed_share"] == round(33904 / (37 * 2080), 4)
    assert first["reskilling"]["safer_moves"][0]["code"] == "13-1111.00"
    assert doc["roles"][2]["occupation"] is None and doc["roles"][2]["risk"] is None


def test_csv_has_one_row_per_role(report: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["title"] for r in rows] == ["Accountant", "Nurse", "Blorf", "Data Entry Keyer"]
    assert rows[0]["hours_at_risk"] == "6240.0"
    assert rows[0]["lines"] == "2 3"
    assert rows[2]["status"] == "needs review" and rows[2]["exposure"] == ""


def test_csv_neutralises_formulas() -> None:
    roster = parse_roster('title,team\nAccountant,"=HYPERLINK(""x"")"\n')
    row = next(csv.DictReader(io.StringIO(to_csv(analyze_roster(roster, FakeLibrary())))))
    assert row["team"] == '\'=HYPERLINK("x")'


def test_csv_guard_covers_every_character_a_spreadsheet_reads_as_a_formula() -> None:
    from ai_impact.workforce.csv_table import _safe

    for lead in ("=", "+", "-", "@", "\t", "\r"):
        assert _safe(lead + "SUM(A1)") == "'" + lead + "SUM(A1)"
    assert _safe("Sales") == "Sales"
    assert _safe("") == ""


def test_markdown_page(report: Any) -> None:
    page = to_markdown(report)
    assert page.startswith("# AI exposure of a workforce: 40 people in 4 roles\n")
    assert "Up to 9,568 hours a year — the work of 4.6 full-time people — is exposed" in page
    assert "| At-risk hours / year | 9,568 (4.6 FTE) |" in page
    assert "| Payroll exposed | $992,000 (37%) |" in page
    assert "44% of working time is in tasks AI reaches" in page
    assert "| Exposed hours / year | 33,904 (44% of working time) |" in page
    assert "| Blorf | 3 | needs review | No occupation matches 'Blorf'. |" in page
    assert "Exposure is not job loss" in page
    assert "## Sources\n\n- O\\*NET 30.3, 2025. CC BY 4.0." in page  # "O*NET", no emphasis


def test_fte_rosters_count_full_time_equivalents_everywhere() -> None:
    """QA6 #3: an FTE column of 2.5 and 0.5 is 3 FTE of hours and payroll, and says so."""
    roster = parse_roster(
        "title,FTE,annual_pay,team\nAccountant,2.5,80000,Fin\nAccountant,0.5,,Fin\n"
        "Data Entry Keyer,1,40000,Ops\n"
    )
    report = analyze_roster(roster, FakeLibrary())
    acc, keyer = report.roles
    assert (acc.headcount, acc.headcount_with_pay, keyer.headcount) == (3.0, 2.5, 1)
    assert acc.hours_at_risk == pytest.approx(3 * 2080 * 0.2)
    assert acc.payroll == pytest.approx(200_000.0)  # 80,000 × 2.5 FTE
    assert acc.mean_pay == pytest.approx(80_000.0)
    assert report.fte and report.totals.headcount == 4
    doc = to_dict(report)
    assert (doc["summary"]["headcount"], doc["summary"]["headcount_unit"]) == (4, "FTE")
    assert type(doc["summary"]["headcount"]) is int  # 4, not 4.0
    assert [r["headcount"] for r in doc["roles"]] == [3, 1]
    assert doc["roles"][0]["pay"]["headcount_with_pay"] == 2.5
    assert next(csv.DictReader(io.StringIO(to_csv(report))))["headcount_with_pay"] == "2.5"
    page = to_markdown(report)
    assert page.startswith("# AI exposure of a workforce: 4 FTE in 2 roles\n")
    assert "| FTE | 4 (0 to check, 0 left out) |" in page
    assert "| Annual payroll | $240,000 (3.5 FTE with pay in the roster) |" in page
    assert "full-time equivalents" in " ".join(report.notes)
    half = analyze_roster(parse_roster("title,fte\nAccountant,0.25\n"), FakeLibrary())
    assert to_markdown(half).startswith("# AI exposure of a workforce: 0.25 FTE in 1 role\n")
    # a roster of people still says people, with int headcounts
    people = analyze_roster(parse_roster(ROSTER), FakeLibrary())
    assert to_dict(people)["summary"]["headcount_unit"] == "people"
    assert type(people.totals.headcount) is int


def test_pay_of_zero_and_placeholders_do_not_lower_the_mean() -> None:
    """QA6 #2: 0 and 'N/A' are no pay: the mean is over the people whose pay is given."""
    roster = parse_roster(
        "title,headcount,salary\nAccountant,2,80000\nAccountant,3,0\nAccountant,1,N/A\n"
    )
    (acc,) = analyze_roster(roster, FakeLibrary()).roles
    assert (acc.headcount, acc.headcount_with_pay, acc.mean_pay) == (6, 2, 80_000.0)


def test_rows_of_one_role_are_added_together_and_the_notes_say_which() -> None:
    """QA: identical rows were merged silently; the note names their lines and the sum."""
    report = analyze_roster(parse_roster(ROSTER), FakeLibrary())
    assert report.notes[0] == (
        "lines 2 and 3 are the same role ('Accountant') and were added together: 15 people."
    )
    many = analyze_roster(
        parse_roster(
            "title,headcount\nNurse,4\nnurse,5\nNurse,\nAccountant,1\nAccountant,2\n"
            "Blorf,1\nBlorf,1\nData Entry Keyer,1\nData Entry Keyer,1\nGhost,1\n"
        ),
        FakeLibrary(),
    )
    assert many.notes == (
        "line 4: the headcount is empty and was read as 1 person; give each row its headcount "
        "(a roster of one row per person needs no headcount column).",
        "Lines of the same role (same title, code, team and location) were added together: "
        "lines 2, 3 and 4 ('Nurse': 10 people); lines 5 and 6 ('Accountant': 3 people); "
        "lines 7 and 8 ('Blorf': 2 people); and 1 more role.",
    )
    rows = [{"title": "Accountant", "fte": 0.5}, {"title": "Accountant", "fte": 2}]
    fte = analyze_roster(parse_roster(rows), FakeLibrary())
    assert fte.notes[-1] == (
        "rows 1 and 2 are the same role ('Accountant') and were added together: 2.5 FTE."
    )
    # one row per role: no such note
    single = analyze_roster(parse_roster("title,headcount\nAccountant,2\nNurse,1\n"), FakeLibrary())
    assert not any("added together" in n for n in single.notes)


def test_the_headcount_cap_holds_for_a_role_added_up_from_rows() -> None:
    """Two rows of 10,000,000 made one role of 20,000,000, past the cap a row has."""
    lib = FakeLibrary()
    text = "title,headcount\nNurse,10000000\nAccountant,3\nnurse,10000000\nBlorf,1\nBlorf,1\n"
    with pytest.raises(InputError) as err:
        analyze_roster(parse_roster(text), lib)
    assert str(err.value).splitlines() == [
        "1 roster role(s) cannot be used; fix them and run again (no row was analyzed):",
        "  lines 2 and 4 are the same role ('Nurse') and add up to 20,000,000 people, more "
        "than the 10,000,000 a role may have; give the role's real headcount once",
    ]
    assert lib.batches == []  # refused before any title is resolved
    at_cap = analyze_roster(parse_roster("title,headcount\nNurse,4000000\nNurse,6000000\n"), lib)
    assert at_cap.roles[0].headcount == 10_000_000


def test_full_time_people_at_risk_are_written_without_a_stray_decimal() -> None:
    """QA: "the work of 11,562,000.0 full-time people"."""
    assert (fte_text(11_562_000.0), fte_text(86.41), fte_text(0.04)) == ("11,562,000", "86.4", "0")
    big = analyze_roster(
        parse_roster("title,headcount\nData Entry Keyer,10000000\n"), FakeLibrary()
    )
    assert big.totals.fte_at_risk == pytest.approx(6_000_000)
    page = to_markdown(big)
    assert "the work of 6,000,000 full-time people" in page
    assert "| At-risk hours / year | 12,480,000,000 (6,000,000 FTE) |" in page
    assert ".0 full-time" not in page and ".0 FTE" not in page


class HourlyMovesLibrary(FakeLibrary):
    """Every role's safer moves: Dancers, whom BLS pays only by the hour, then an annual one."""

    def report(self, code: str) -> Any:
        dancers = RelatedEntry(
            "27-2031.00", "Dancers", "safer move", 0.62, 2.2, "very low", None, 4.5,
            hourly_median=24.80,
        )  # fmt: skip
        analysts = RelatedEntry(
            "13-1111.00", "Management Analysts", "safer move", 0.71, 3.1, "low", 99000.0, 9.0,
            hourly_median=47.60,
        )  # fmt: skip
        return SimpleNamespace(
            related=(dancers, analysts), adaptation=(), sources=(), safe_tasks=()
        )


def test_safer_moves_show_the_hourly_pay_of_hourly_only_occupations() -> None:
    """A safer move BLS pays only by the hour shows "$24.80 an hour", as the analysis does, in
    the Markdown and the JSON (new key ``hourly_median``); an annual median stays the pay."""
    out = analyze_roster(parse_roster("title,headcount\nAccountant,3\n"), HourlyMovesLibrary())
    dancers, _ = out.roles[0].safer_moves
    assert (dancers.median_annual, dancers.hourly_median) == (None, 24.80)
    page = to_markdown(out)
    assert (
        "safer moves: Dancers (risk 2.2, $24.80 an hour), Management Analysts (risk 3.1, $99,000)."
    ) in page
    moves = to_dict(out)["roles"][0]["reskilling"]["safer_moves"]
    assert [(m["median_annual"], m["hourly_median"]) for m in moves] == [
        (None, 24.8),
        (99000.0, 47.6),
    ]
    before = {"code", "title", "risk", "risk_category", "median_annual", "similarity"}
    assert set(moves[0]) == before | {"hourly_median", "pay_group"}  # keys only added
    # A move without any published pay shows none, not a dash.
    bare = replace(dancers, hourly_median=None)
    role = replace(out.roles[0], safer_moves=(bare,))
    assert "safer moves: Dancers (risk 2.2)." in to_markdown(replace(out, roles=(role,)))


class HourlyMarketLibrary(FakeLibrary):
    """Nurses' market pay is published only by the hour (as Dancers' is); the occupation's title
    carries markup, to show the note escapes it."""

    def occupation_rows(self) -> dict[str, Row]:
        nurses = replace(ROWS["29-1141.00"], title="<b>Dancers</b>")
        return {**ROWS, "29-1141.00": nurses}

    def market_pay(self, code: str, location: str | None) -> MarketPay | None:
        if code == "29-1141.00":
            return MarketPay(location or "National", None, 24.80)
        return MarketPay(location or "National", 100.0 if location else 50.0, 40.0)


# The columns the CSV had before `market_hourly_median`: a reader by position keeps them.
CSV_BEFORE = (
    "role_id", "title", "team", "location", "lines", "headcount", "status", "code",
    "occupation", "industry", "confidence", "exposure", "exposed_share", "substitution",
    "risk_score", "risk_category", "hours_exposed", "hours_at_risk", "headcount_with_pay",
    "mean_annual_pay", "payroll_exposed", "market_median_annual", "market_area", "safer_moves",
    "skills_to_build", "suggestions", "note",
)  # fmt: skip


def test_market_pay_published_only_by_the_hour_is_shown_an_hour_never_made_a_year() -> None:
    """A role whose occupation BLS pays only by the hour showed "– · –" and null: now its
    hourly median, in every format, beside the roster's annual pay without a made-up annual
    figure, and one note under the table that says so."""
    roster = "title,headcount,annual_pay\nNurse,2,52000\nAccountant,3,80000\n"
    out = analyze_roster(parse_roster(roster), HourlyMarketLibrary())
    nurse = out.roles[0]
    assert nurse.market_pay == MarketPay("National", None, 24.80)
    page = to_markdown(out)
    roles = page.split("## Every role", 1)[1].split("\n## ", 1)[0]
    assert "| $52,000 · $24.80 an hour |" in roles
    assert "| $80,000 · $50 |" in roles  # an annual median stays the market pay
    assert "$51,584" not in page and "51584" not in page  # 24.80 × 2,080: never shown
    assert roles.count("Market pay “an hour”") == 1
    assert (
        "Market pay “an hour”: BLS publishes only hourly wages for &lt;b&gt;Dancers&lt;/b&gt;. "
        "It is not turned into a year's pay (2,080 hours would assume full-time work all year, "
        "which these jobs seldom are), so it is not compared with the roster's annual pay."
    ) in roles
    assert "<b>" not in page
    doc = to_dict(out)["roles"]
    assert [(r["pay"]["market_median_annual"], r["pay"]["market_hourly_median"]) for r in doc] == [
        (None, 24.8),
        (50.0, 40.0),
    ]
    keys = {"headcount_with_pay", "payroll", "mean_annual", "payroll_exposed"}
    keys |= {"market_median_annual", "market_area"}
    added = {"market_hourly_median", "market_pay_group", "mean_hourly"}
    assert set(doc[0]["pay"]) == keys | added  # keys only added
    rows = list(csv.DictReader(io.StringIO(to_csv(out))))
    assert CSV_COLUMNS[: len(CSV_BEFORE)] == CSV_BEFORE
    assert CSV_COLUMNS[len(CSV_BEFORE)] == "market_hourly_median"
    assert [(r["market_median_annual"], r["market_hourly_median"]) for r in rows] == [
        ("", "24.80"),
        ("50", "40.00"),
    ]


def test_no_note_when_every_market_pay_is_annual(report: Any) -> None:
    """Rosters of annual-paid occupations read as before: no note, the annual median shown."""
    page = to_markdown(report)
    assert "Market pay “an hour”" not in page
    assert "| $80,000 · $100 |" in page


# -- QA11: group pay marked †, hourly roster pay beside hourly market pay, unpublished pay ------

GROUP = "SOC 35-3023 (Fast Food and Counter Workers)"
MOVES_GROUP = "SOC 13-1111 (Management Analysts and Consultants)"


class GroupPayLibrary(FakeLibrary):
    """Accountants are paid as a SOC group in OEWS (as Baristas are), and so is the safer
    move; Nurses' California median is withheld (as every California figure for actors is)."""

    def report(self, code: str) -> Any:
        safer = RelatedEntry("13-1111.00", "Management Analysts", "safer move", 0.71, 3.1, "low",
                             99000.0, 9.0, pay_group=MOVES_GROUP)  # fmt: skip
        return SimpleNamespace(related=(safer,), adaptation=(), sources=(), safe_tasks=())

    def market_pay(self, code: str, location: str | None) -> MarketPay | None:
        if code == "13-2011.00":
            return MarketPay(location or "National", 31200.0, 15.0, GROUP)
        if code == "29-1141.00":
            if location == "CA":
                return MarketPay("California", None, None)
            return MarketPay("National", None, 29.05)
        if location == "WY":
            return MarketPay("Wyoming", None, None)
        return None


def test_market_pay_of_a_soc_group_is_marked_with_the_analysis_note() -> None:
    """QA11 M5: a role whose market pay OEWS publishes for a whole SOC group, and a safer move
    paid so, are marked † with the note the analysis and the comparison write
    (``shared_pay_note``); the JSON names the group as ``related[].pay_group`` does."""
    from ai_impact.reports.shared_figures import shared_pay_note

    roster = "title,headcount,annual_pay\nAccountant,3,30000\n"
    out = analyze_roster(parse_roster(roster), GroupPayLibrary())
    page = to_markdown(out)
    roles = page.split("## Every role", 1)[1].split("\n## ", 1)[0]
    assert "| $30,000 · $31,200 † |" in roles
    note = shared_pay_note([(GROUP, "Accountants and Auditors (13-2011.00)")])
    assert note == (
        "† Pay OEWS publishes for a whole SOC group, which covers other O*NET occupations too: "
        f"{GROUP} for Accountants and Auditors (13-2011.00)."
    )
    assert note.replace("O*NET", "O\\*NET") in roles
    paths = page.split("## Reskilling paths", 1)[1].split("\n## ", 1)[0]
    assert "safer moves: Management Analysts (risk 3.1, $99,000 †)." in paths
    assert (
        "† Pay OEWS publishes for a whole SOC group, which covers other O\\*NET occupations too: "
        f"{MOVES_GROUP} for Management Analysts (13-1111.00)."
    ) in paths
    role = to_dict(out)["roles"][0]
    assert role["pay"]["market_pay_group"] == GROUP
    assert role["reskilling"]["safer_moves"][0]["pay_group"] == MOVES_GROUP
    (row,) = csv.DictReader(io.StringIO(to_csv(out)))
    assert (row["market_median_annual"], row["market_pay_group"]) == ("31200", GROUP)


def test_own_pay_is_not_marked() -> None:
    """Rosters whose market pay is each occupation's own read as before: no mark, no note."""
    lib = FakeLibrary()
    out = analyze_roster(parse_roster("title,headcount,annual_pay\nAccountant,3,30000\n"), lib)
    page = to_markdown(out)
    assert "†" not in page
    assert to_dict(out)["roles"][0]["pay"]["market_pay_group"] is None


def test_a_withheld_median_is_said_with_the_national_one() -> None:
    """QA11: a California actor's market pay read "–" with no word of why. The area's median
    is unpublished: a note says so, with the national median where there is one (never marked
    as a group's, since no figure is shown), and the role's note says it too."""
    roster = "title,headcount,location\nNurse,2,CA\nData Entry Keyer,1,WY\n"
    out = analyze_roster(parse_roster(roster), GroupPayLibrary())
    page = to_markdown(out)
    roles = page.split("## Every role", 1)[1].split("\n## ", 1)[0]
    assert roles.count("| — · — |") == 2
    assert (
        "Market pay “—”: OEWS publishes no median pay for Registered Nurses in California "
        "(national median: $29.05 an hour) and Data Entry Keyers in Wyoming, nor nationally."
    ) in roles
    doc = to_dict(out)["roles"]
    assert doc[0]["note"] == (
        "OEWS publishes no median pay for Registered Nurses in California (national median: "
        "$29.05 an hour)"
    )
    assert doc[0]["pay"]["market_area"] == "California"
    assert doc[0]["pay"]["market_median_annual"] is None
    # With a published median there is no such note.
    assert "Market pay “—”" not in to_markdown(
        analyze_roster(parse_roster("title,headcount\nNurse,2\n"), GroupPayLibrary())
    )


def test_hourly_roster_pay_is_shown_an_hour_beside_hourly_market_pay() -> None:
    """QA11 M6: "$45,760 · $24.80 an hour" set a year made from the roster's rate beside a note
    that no year should be made. The roster's rate is shown an hour beside an hourly median;
    beside an annual median it stays a year; payroll keeps 2,080 hours and says so."""
    roster = (
        "title,headcount,annual_pay,hourly_pay,team\n"
        "Nurse,2,,22.00,A\nNurse,1,52000,,B\nAccountant,3,,20,A\n"
    )
    out = analyze_roster(parse_roster(roster), HourlyMarketLibrary())
    hourly_nurse, annual_nurse, accountant = out.roles
    assert (hourly_nurse.mean_hourly, hourly_nurse.mean_pay) == (22.0, 22.0 * 2080)
    assert hourly_nurse.payroll == 2 * 22.0 * 2080  # payroll: a full-time year, as documented
    assert annual_nurse.mean_hourly is None and accountant.mean_hourly == 20.0
    page = to_markdown(out)
    roles = page.split("## Every role", 1)[1].split("\n## ", 1)[0]
    assert "| $22.00 an hour · $24.80 an hour |" in roles
    assert "| $52,000 · $24.80 an hour |" in roles
    assert "| $41,600 · $50 |" in roles  # an annual median: both a year
    assert "$45,760" not in page
    assert (
        "Market pay “an hour”: BLS publishes only hourly wages for &lt;b&gt;Dancers&lt;/b&gt;. "
        "It is not turned into a year's pay (2,080 hours would assume full-time work all year, "
        "which these jobs seldom are); the roster's pay given by the hour is shown an hour "
        "beside it, and the roster's annual pay is not compared with it. Payroll still counts "
        "pay given by the hour as a full-time year of 2,080 hours, as the notes on the roster "
        "say."
    ) in roles
    assert (
        "| Annual payroll | $268,320 (6 people with pay in the roster; pay given by the hour "
        "counted as 2,080 hours a year) |"
    ) in page
    assert "- lines 2 and 4: hourly pay counts in payroll as a full-time year" in page
    doc = to_dict(out)["roles"]
    assert [r["pay"]["mean_hourly"] for r in doc] == [22.0, None, 20.0]
    rows = list(csv.DictReader(io.StringIO(to_csv(out))))
    assert [r["mean_hourly_pay"] for r in rows] == ["22.00", "", "20.00"]


def test_mixed_bases_in_one_role_show_the_year() -> None:
    """Rows of one role paid a year and an hour have no one rate: the year is shown, and the
    note keeps saying annual pay is not compared with the hourly median."""
    roster = "title,headcount,annual_pay,hourly_pay\nNurse,1,52000,\nNurse,1,,22\n"
    out = analyze_roster(parse_roster(roster), HourlyMarketLibrary())
    (nurse,) = out.roles
    assert nurse.mean_hourly is None and nurse.paid_hourly
    page = to_markdown(out)
    assert "| $48,880 · $24.80 an hour |" in page
    assert "so it is not compared with the roster's annual pay." in page


class SoftwareLibrary(FakeLibrary):
    """Every role's things to learn end in a software name that is one letter: "C"."""

    def report(self, code: str) -> Any:
        moves = super().report(code)
        adaptation = (
            AdaptationItem("skill", "Operations Monitoring", "why", "2.B.3.f"),
            AdaptationItem("knowledge", "Computers and <Electronics>", "why", "2.C.3.a"),
            AdaptationItem("technology", "Apache Kafka", "why", None),
            AdaptationItem("technology", "C", "why", None),
        )
        return SimpleNamespace(
            related=moves.related, adaptation=adaptation, sources=moves.sources, safe_tasks=()
        )


def test_software_to_learn_is_named_as_software_never_a_stray_letter() -> None:
    """QA #3: "build …, Apache Kafka, C." read like a typo; the data keep the bare names."""
    out = analyze_roster(parse_roster("title,headcount\nAccountant,3\n"), SoftwareLibrary())
    (role,) = out.roles
    assert role.skills_to_build == (
        "Operations Monitoring", "Computers and <Electronics>", "Apache Kafka", "C",
    )  # fmt: skip
    assert role.software_to_learn == ("Apache Kafka", "C")
    assert (
        "- **Accountant** (Accountants and Auditors): build “Operations Monitoring” and "
        "“Computers and &lt;Electronics&gt;”, and learn the software “Apache Kafka” and “C”; "
        "safer moves: "
        "Management Analysts (risk 3.1, $99,000).\n"
    ) in to_markdown(out)
    assert to_dict(out)["roles"][0]["reskilling"]["skills"] == list(role.skills_to_build)
    row = next(csv.DictReader(io.StringIO(to_csv(out))))
    assert row["skills_to_build"] == (
        "Operations Monitoring; Computers and <Electronics>; Apache Kafka; C"
    )


def test_only_software_or_only_skills_to_learn_read_as_one_clause(report: Any) -> None:
    page = to_markdown(report)
    assert (
        "- **Accountant** (Accountants and Auditors): build “Negotiation” and learn the software "
        "“SQL” and “Excel”; safer moves: Management Analysts (risk 3.1, $99,000).\n"
    ) in page
    role = replace(report.roles[0], skills_to_build=("SQL",), software_to_learn=("SQL",))
    assert learn_text(role, capital=True) == "Learn the software “SQL”"
    role = replace(report.roles[0], software_to_learn=())
    assert learn_text(role) == "build “Negotiation”, “SQL” and “Excel”"


def test_each_role_carries_the_physical_automation_its_page_notes(report: Any) -> None:
    """QA #22: a forklift operator read 0 exposed hours while its page notes a robot arriving
    beside its human tasks; the roster says so per role, and counts such roles once."""
    acc, nurse, blorf, keyer = report.roles
    assert keyer.automation.tools == ("Keybot",)
    assert keyer.automation.kinds == ("physical automation",)
    assert keyer.automation.tasks == ("Load paper into machines.",)
    assert not acc.automation and acc.automation is not None  # looked at: nothing arriving
    assert not nurse.automation and blorf.automation is None  # a role to review is not looked at
    assert (report.totals.roles_automation, report.totals.headcount_automation) == (1, 2)
    doc = to_dict(report)
    assert doc["summary"]["roles_automation"] == 1
    assert doc["summary"]["headcount_automation"] == 2
    assert doc["roles"][3]["physical_automation"] == {
        "kinds": ["physical automation"],
        "tools": ["Keybot"],
        "tasks": ["Load paper into machines."],
    }
    assert doc["roles"][0]["physical_automation"] == {"kinds": [], "tools": [], "tasks": []}
    assert doc["roles"][2]["physical_automation"] is None
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert CSV_COLUMNS[-2:] == ("automation_arriving", "automation_kinds")
    assert (rows[3]["automation_arriving"], rows[3]["automation_kinds"]) == (
        "Keybot",
        "physical automation",
    )
    assert rows[0]["automation_arriving"] == ""
    md = to_markdown(report)
    assert "| Roles with physical automation arriving | 1 (2 people), beside tasks" in md
    assert (
        "Beyond language AI: physical automation is arriving for tasks the occupation pages "
        "list as remaining human, for 1 role: Data Entry Keyer (Keybot; 1 human task). The "
        "exposure, hours and risk count language AI only."
    ) in md


def test_without_reskilling_the_pages_are_not_read_and_the_summary_says_so() -> None:
    out = analyze_roster(parse_roster(ROSTER), FakeLibrary(), reskilling=False)
    assert all(r.automation is None for r in out.roles)
    assert out.totals.roles_automation is None
    assert to_dict(out)["summary"]["roles_automation"] is None
    md = to_markdown(out)
    assert "the occupation pages were not read: --no-reskilling" in md
    assert "Beyond language AI" not in md
