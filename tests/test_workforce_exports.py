"""Rosters as HR systems export them: header names with units and labels around them, one row per
person with an employee ID, merged title cells, and an output path checked before the analysis."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app
from ai_impact.errors import InputError
from ai_impact.workforce import library, workforce_report
from ai_impact.workforce.columns import field_of, fold_header, map_columns
from ai_impact.workforce.roster import parse_roster
from test_workforce_analysis import FakeLibrary

_register()


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Salary (USD)", "annual_pay"),
        ("Annual Salary in US$", "annual_pay"),
        ("Base Salary (annual)", "annual_pay"),
        ("Yearly Salary", "annual_pay"),
        ("Pay (hourly)", "hourly_pay"),
        ("Pay / hr", "hourly_pay"),
        ("Hourly Rate ($/hr)", "hourly_pay"),
        ("Wage per hour", "hourly_pay"),
        ("Department Name", "team"),
        ("Home Department Description", "team"),
        ("Job Title Description", "title"),
        ("Current Job Title", "title"),
        ("Position Name", "title"),
        ("Job Profile", "title"),
        ("Primary Work Location", "location"),
        ("Employee #", "employee_id"),
        ("Employee ID", "employee_id"),
        ("Current FTE", "headcount"),
    ],
)
def test_header_names_of_hr_exports(header: str, field: str) -> None:
    """A synonym with what an export adds around it is that synonym ("Salary (USD)" used to be
    an ignored column, so a roster's whole payroll was left out)."""
    found = field_of(fold_header(header))
    assert found is not None and found[0] == field


@pytest.mark.parametrize(
    "header",
    ["Job Description", "Position Description", "Hourly Rate (annual)", "Employee Name", "Rate"],
)
def test_header_names_that_stay_unused(header: str) -> None:
    """Prose is no title, and a header naming two pay units is no guess."""
    assert field_of(fold_header(header)) is None


def test_an_export_with_units_in_its_headers_counts_its_pay() -> None:
    parsed = parse_roster(
        "Current Job Title,Current FTE,Salary (USD),Department Name,Pay (hourly)\n"
        "Nurse,0.5,85000,Care,\nAccountant,1,,Finance,$40\n"
    )
    assert parsed.columns == {
        "title": "Current Job Title",
        "headcount": "Current FTE",
        "annual_pay": "Salary (USD)",
        "team": "Department Name",
        "hourly_pay": "Pay (hourly)",
    }
    assert parsed.fte  # the FTE column is found under its label too: 0.5 is kept
    assert [(r.headcount, r.annual_pay, r.hourly_pay) for r in parsed.rows] == [
        (0.5, 85000.0, None),
        (1, 83200.0, 40.0),
    ]


def test_the_better_named_of_two_columns_wins_with_labels_too() -> None:
    columns, _, notes = map_columns(["Position Name", "Job Title", "Salary (USD)"])
    assert columns == {"title": 1, "annual_pay": 2}
    assert notes == [
        "Columns 'Position Name' and 'Job Title' both look like title; used 'Job Title', "
        "ignored 'Position Name'."
    ]


PER_PERSON = (
    "Employee ID,Name,Job Title,Department,Salary\n"
    "E1,Ann,Accountant,Finance,80000\n"
    "E2,Bob,Accountant,Finance,90000\n"
    "E1,Ann,accountant,finance,80000\n"  # the same person again (an export joined twice)
    "E3,Cid,Accountant,Finance,70000\n"
    "E3,Cid,Data Entry Keyer,Finance,40000\n"  # one person in two roles
    "e2,Bob,Accountant,Finance,90000\n"
    ",Eve,Accountant,Finance,60000\n"  # no ID: every such row is a person
    ",Fay,Accountant,Finance,60000\n"
)


def test_a_repeated_employee_id_in_one_role_is_one_person() -> None:
    parsed = parse_roster(PER_PERSON)
    assert [r.line for r in parsed.rows] == [2, 3, 5, 6, 8, 9]
    assert parsed.columns["employee_id"] == "Employee ID"
    assert parsed.notes[1:] == (
        "Lines that repeat an employee ID in the same role were counted once (one person "
        "each): lines 2 and 4 (ID 'E1', 'Accountant'); lines 3 and 7 (ID 'E2', 'Accountant').",
        "The same employee ID is on rows of different roles, and the person is counted in "
        "each: ID 'E3' on lines 5 and 6 ('Accountant', 'Data Entry Keyer'). Give one row per "
        "person, or an FTE column to split a person between roles.",
    )


def test_a_per_person_roster_counts_each_person_and_pay_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The repeats used to be added in: 8 people and $570,000 of payroll for 6 people."""
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())
    report = workforce_report(PER_PERSON, reskilling=False)
    roles = {r.title: (r.headcount, r.lines) for r in report.roles}
    assert roles == {"Accountant": (5, (2, 3, 5, 8, 9)), "Data Entry Keyer": (1, (6,))}
    assert report.totals.headcount == 6
    assert report.totals.payroll == 80000 + 90000 + 70000 + 40000 + 60000 + 60000


def test_one_repeated_id_is_named_in_one_sentence() -> None:
    parsed = parse_roster("ID,Title\n7,Nurse\n7,Nurse\n7,Nurse\n")
    assert [r.line for r in parsed.rows] == [2]
    assert parsed.notes[-1] == (
        "lines 2, 3 and 4 repeat employee ID '7' in the same role ('Nurse'); the person was "
        "counted once."
    )


def test_rows_under_a_merged_title_cell_say_so() -> None:
    """A title merged over rows in a spreadsheet is exported on its first row only."""
    with pytest.raises(InputError) as err:
        parse_roster("Title,Headcount\nRegistered Nurse,3\n,2\nCashier,1\n")
    assert str(err.value).splitlines()[1] == (
        "  line 3: the title is empty (if the title cells were merged, the export kept "
        "'Registered Nurse' on line 2 only: unmerge them and fill the title into every row)"
    )
    with pytest.raises(InputError) as first:  # nothing above: no such guess
        parse_roster("Title,Headcount\n,2\nNurse,1\n")
    assert str(first.value).splitlines()[1] == "  line 2: the title is empty"


@pytest.mark.parametrize("where", ["folder", "missing/x.json"])
def test_an_unwritable_out_is_refused_before_the_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A large roster takes a while: the result used to be computed, then lost to the path."""
    analysed: list[object] = []
    monkeypatch.setattr(
        "ai_impact.cli.workforce_cmd.workforce_report", lambda *a, **k: analysed.append(a)
    )
    (tmp_path / "folder").mkdir()
    roster = tmp_path / "team.csv"
    roster.write_text("title\nNurse\n")
    out = tmp_path / where
    result = CliRunner().invoke(app, ["workforce", str(roster), "-o", str(out)])
    assert result.exit_code == 2
    problem = "it is a folder" if where == "folder" else f"the folder {out.parent} does not exist"
    assert result.stderr == (
        f"error: Cannot write {out}: {problem}. Give --out a file in a folder you can write to; "
        "nothing was analyzed.\n"
    )
    assert analysed == []


@pytest.mark.parametrize("header", ["FTE %", "% FTE", "FTE Percent", "FTE (pct)"])
def test_fte_in_percent_is_divided_by_100(header: str) -> None:
    """Workday and UKG export FTE as a percent: 50 is half time. It was read as 50 FTE, so a
    roster of two people counted 150 FTE and every hour and payroll figure 100 times over."""
    parsed = parse_roster(f"Job Title,{header},Salary\nNurse,50,90000\nAccountant,100,80000\n")
    assert parsed.fte
    assert [r.headcount for r in parsed.rows] == [0.5, 1]
    assert parsed.notes[0] == (
        f"Headcount is read from the '{header}' column as full-time equivalents in percent (100 "
        "is one full-time person, 50 half time), and totals, hours (FTE × 2,080) and payroll "
        "(pay × FTE) count FTE, not people."
    )
    with pytest.raises(InputError) as err:
        parse_roster(f"Job Title,{header}\nNurse,0\n")
    assert err.value.message.splitlines()[1] == (
        "  line 2: FTE '0' is not a number above 0 (FTE in percent: 100, 50)"
    )


def test_an_fte_cell_in_percent_is_a_share_in_any_fte_column(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed = parse_roster("Job Title,FTE\nNurse,50%\nAccountant,1\nKeyer,33.3 %\n")
    assert [r.headcount for r in parsed.rows] == [0.5, 1, 0.333]
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())
    report = workforce_report([{"title": "Accountant", "fte": "50%", "annual_pay": 80000}])
    assert (report.totals.headcount, report.totals.payroll) == (0.5, 40000)
    with pytest.raises(InputError, match="'50%' is not a whole number"):  # people are whole
        parse_roster("Job Title,Headcount\nNurse,50%\n")
