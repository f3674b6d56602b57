"""Reading rosters: header synonyms, encodings, delimiters, and every bad row reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from ai_impact.errors import InputError
from ai_impact.workforce.roster import (
    RosterParse,
    RosterRow,
    parse_roster,
    read_records,
    read_roster,
    read_roster_file,
)


def test_header_synonyms_and_number_formats() -> None:
    text = (
        "Job Title,FTE,Base Salary,Dept,Work State,O*NET Code,Employee Name\n"
        'Sr. Software Eng,3,"$120,000",Eng,CA,15-1252.00,Ann\n'
        "AP clerk II,1,48.5k,Finance,TX,,Bob\n"
    )
    parsed = parse_roster(text)
    assert parsed.columns == {
        "title": "Job Title",
        "headcount": "FTE",
        "annual_pay": "Base Salary",
        "team": "Dept",
        "location": "Work State",
        "code": "O*NET Code",
    }
    assert parsed.notes == (
        "Ignored columns: 'Employee Name'.",
        "Headcount is read from the 'FTE' column as full-time equivalents: fractions such as 2.5 "
        "are kept, and totals, hours (FTE × 2,080) and payroll (pay × FTE) count FTE, not people.",
    )
    assert parsed.fte
    first, second = parsed.rows
    assert (first.line, first.title, first.headcount, first.annual_pay) == (
        2,
        "Sr. Software Eng",
        3,
        120000.0,
    )
    assert (first.code, first.team, first.location) == ("15-1252.00", "Eng", "CA")
    assert (second.annual_pay, second.code) == (48500.0, None)


HOURLY_COLUMN = (
    "hourly pay counts in payroll as a full-time year of 2,080 hours (52 weeks × 40 hours); "
    "where BLS publishes market pay only by the hour, the roster's hourly pay is shown per hour "
    "beside it."
)


def test_headcount_defaults_to_one_and_hourly_pay_is_annualised() -> None:
    parsed = parse_roster("position,hourly rate\nCashier,15.50\n")
    (row,) = parsed.rows
    assert (row.headcount, row.annual_pay, row.hourly_pay) == (1, 15.5 * 2080, 15.5)


def test_pay_given_by_the_hour_keeps_its_rate_and_says_it_counts_a_full_time_year() -> None:
    """QA11 M6: the rate an hour is kept beside the year it makes (2,080 hours), and the notes
    say so where payroll uses it; annual pay, which wins over an hourly cell, keeps no rate."""
    parsed = parse_roster(
        "title,annual_pay,hourly_pay\nDancer,,22.00\nClerk,40000,19\nCook,$18/hr,\nAide,,\n"
    )
    assert [(r.annual_pay, r.hourly_pay) for r in parsed.rows] == [
        (22.0 * 2080, 22.0),
        (40000.0, None),
        (18.0 * 2080, 18.0),
        (None, None),
    ]
    assert parsed.notes == (
        "line 4: pay written per hour (e.g. '$21.50/hr') was converted to a year at 2,080 "
        "hours (52 weeks × 40 hours).",
        f"line 2: {HOURLY_COLUMN}",
    )


def test_semicolons_bom_and_decimal_comma() -> None:
    data = "\ufeffRole;Count;Salary\nComptable;2;45.000,50\nDéveloppeur;1;52000\n".encode()
    parsed = parse_roster(data)
    assert parsed.encoding == "utf-8-sig"
    assert parsed.delimiter == ";"
    assert [(r.title, r.headcount, r.annual_pay) for r in parsed.rows] == [
        ("Comptable", 2, 45000.5),
        ("Développeur", 1, 52000.0),
    ]


def test_tabs_windows_1252_and_utf16() -> None:
    cp = "title\theadcount\nCaf\u00e9 Manager \u2013 Lead\t4\n".encode("cp1252")
    parsed = parse_roster(cp)
    assert (parsed.encoding, parsed.delimiter) == ("cp1252", "\t")
    assert parsed.rows[0].title == "Café Manager – Lead"
    utf16 = "title,headcount\nNurse,2\n".encode("utf-16")
    assert parse_roster(utf16).rows[0].headcount == 2
    # a UTF-16 byte-order mark on bytes that are not UTF-16 (odd length): a clear input error
    with pytest.raises(InputError, match="cannot be read as such"):
        parse_roster(b"\xff\xfe\x00\x01garbage\x00\x00")


def test_every_bad_row_is_reported_with_its_line() -> None:
    text = (
        "title,headcount,salary,code\n"
        "Nurse,2,80000,\n"
        ",3,,\n"
        "Clerk,two,,\n"
        "Driver,0,-5,\n"
        "Analyst,1.5,,15-20\n"
        "\n"
        "Manager, Sales,3,90000,\n"
        "Lead, Ops, East,1,2,3\n"
    )
    parsed = read_roster(text)
    assert [r.title for r in parsed.rows] == ["Nurse"]
    assert parsed.problems == (
        "line 3: the title is empty (if the title cells were merged, the export kept 'Nurse' on "
        "line 2 only: unmerge them and fill the title into every row)",
        "line 4: headcount 'two' is not a whole number of at least 1",
        "line 5: headcount '0' is not a whole number of at least 1; "
        "annual pay '-5' is less than 0; write pay a year (85000, $85k) or an hour ($21.50/hr)",
        "line 6: headcount '1.5' is not a whole number of at least 1 (for full-time "
        "equivalents, name the column FTE); "
        "code '15-20' is not an O*NET-SOC code like 15-1252.00 or 15-1252",
        "line 8: headcount 'Sales' is not a whole number of at least 1; code '90000' is not an "
        "O*NET-SOC code like 15-1252.00 or 15-1252; 5 fields for 4 columns (a title with a comma "
        'must be quoted, e.g. "Manager, Sales")',
        "line 9: 6 fields but the header has 4 (a title with a comma must be quoted, "
        'e.g. "Manager, Sales")',
    )
    with pytest.raises(InputError) as err:
        parse_roster(text)
    message = str(err.value)
    assert message.startswith(
        "6 roster row(s) cannot be used; fix them and run again (no row was analyzed):\n"
        "  line 3: the title is empty (if the title cells were merged"
    )
    assert "\n  line 9: 6 fields" in message


def test_totals_row_is_skipped_with_a_note() -> None:
    parsed = parse_roster("title,headcount\nNurse,2\nTotal,2\n")
    assert [r.title for r in parsed.rows] == ["Nurse"]
    assert parsed.notes == ("line 3: skipped a totals row ('Total').",)


def test_duplicate_columns_keep_the_stronger_name() -> None:
    parsed = parse_roster("role,job title,headcount\nx,Nurse,2\n")
    assert parsed.rows[0].title == "Nurse"
    assert parsed.notes[0].startswith("Columns 'role' and 'job title' both look like title")


def test_quoted_multiline_title_keeps_the_line_it_starts_on() -> None:
    parsed = parse_roster('title,headcount\nNurse,1\n"Clerk\nII",2\nDriver,3\n')
    assert [(r.line, r.headcount) for r in parsed.rows] == [(2, 1), (3, 2), (5, 3)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The roster is empty."),
        ("\n \n", "The roster is empty."),
        ("title,headcount\n", "The roster has a header but no rows."),
        ("name,count\nAnn,1\n", "The roster has no title column (columns found: 'name', 'count')."),
    ],
)
def test_unusable_files(text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_roster(text)
    assert err.value.message == message
    assert err.value.exit_code == 2


def test_row_limit() -> None:
    text = "title\n" + "Nurse\n" * 11
    with pytest.raises(InputError, match="more than 10 rows"):
        parse_roster(text, max_rows=10)
    assert len(parse_roster(text, max_rows=11).rows) == 11


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No roster file at"):
        read_roster_file(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="is a folder"):
        read_roster_file(tmp_path)


def test_row_model_is_strict() -> None:
    with pytest.raises(ValidationError):
        RosterRow.model_validate({"line": 1, "title": "Nurse", "salary": 3})
    with pytest.raises(ValidationError):
        RosterRow.model_validate({"line": 1, "title": "Nurse", "headcount": "3"})


def test_json_records_use_the_same_rules() -> None:
    parsed = parse_roster(
        [
            {"title": "Nurse", "headcount": 3, "annual_pay": 81000.5, "team": "Care"},
            {"title": "Clerk", "headcount": None, "location": "TX"},
        ]
    )
    assert [
        (r.line, r.title, r.headcount, r.annual_pay, r.team, r.location) for r in parsed.rows
    ] == [
        (1, "Nurse", 3, 81000.5, "Care", None),
        (2, "Clerk", 1, None, None, "TX"),
    ]
    with pytest.raises(InputError) as err:
        parse_roster([{"title": "Nurse", "headcount": 0}, {"title": "", "headcount": 2}])
    assert err.value.message.splitlines()[1:] == [
        "  row 1: headcount '0' is not a whole number of at least 1",
        "  row 2: the title is empty",
    ]
    with pytest.raises(InputError, match="The roster is empty"):
        parse_roster([])


def test_european_thousands_and_implausible_pay_are_read_and_said() -> None:
    """'€85.000' is 85,000 (dots group thousands), and both odd pays get a note, not silence."""
    parsed = parse_roster(
        "title,headcount,annual_pay\nNurse,2,85\nClerk,1,€85.000\nCook,1,1.250.000\nAide,1,12.50\n"
    )
    assert [r.annual_pay for r in parsed.rows] == [85.0, 85000.0, 1250000.0, 12.5]
    low, foreign = parsed.notes
    assert low.startswith("lines 2 and 5: annual pay under $1,000 was used as given")
    assert foreign.startswith("line 3: pay in € or £ was used as given, without conversion")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('title,headcount\n"Nurse,1\n', 2),  # QA4 #12: read as title 'Nurse,1' at line 1
        ('title,headcount\nClerk,2\nNurse,3\n"Nurse,1\nCook,2\n', 4),  # swallows line 5
        ('title,headcount\nClerk,2\n"Nurse,1\nCook,2\n"Chef",3\n', 3),  # closed by a later quote
    ],
)
def test_an_unclosed_quote_is_a_bad_row_at_its_own_line(text: str, line: int) -> None:
    with pytest.raises(InputError) as err:
        parse_roster(text)
    message = str(err.value)
    assert message.startswith("1 roster row(s) cannot be used")
    assert f"line {line}: a quote opened here is not closed" in message
    # nothing it swallowed is analysed either: the file is refused as a whole
    parsed = read_roster(text)
    assert all("\n" not in r.title and "," not in r.title for r in parsed.rows)


def test_a_quoted_line_break_is_still_a_cell() -> None:
    parsed = parse_roster('title,headcount\n"Sales, ""West""\nManager",3\nCook,2\n')
    assert [(r.line, r.title, r.headcount) for r in parsed.rows] == [
        (2, 'Sales, "West"\nManager', 3),
        (4, "Cook", 2),
    ]


def test_out_of_range_values_get_user_messages() -> None:
    """QA4 #15: no pydantic wording ('Input should be less than or equal to 10000000')."""
    long_title = "x" * 201
    text = (
        "title,headcount,salary,team\n"
        "Nurse,999999999999,,\n"
        "Nurse,1,1e9,\n"
        f"{long_title},1,,\n"
        f"Cook,1,,{'t' * 201}\n"
    )
    with pytest.raises(InputError) as err:
        parse_roster(text)
    message = str(err.value)
    assert "Input should" not in message and "headcount:" not in message
    assert "line 2: headcount '999999999999' is more than 10,000,000; give the number" in message
    assert "line 3: annual pay '1e9' is more than $100,000,000 a year; give the pay" in message
    assert "line 4: the title is 201 characters long; the limit is 200" in message
    assert "line 5: team is 201 characters long; the limit is 200" in message


@pytest.mark.parametrize(
    ("cell", "annual"),
    [
        ("$21.50/hr", 44_720.0),
        ("21.50 / hour", 44_720.0),
        ("21.50 per hour", 44_720.0),
        ("$21.50 an hour", 44_720.0),
        ("$85k/yr", 85_000.0),
        ('"$85,000 per year"', 85_000.0),
        ("85000", 85_000.0),
    ],
)
def test_pay_written_with_its_unit(cell: str, annual: float) -> None:
    """QA4 #20: a salary column with '$21.50/hr' is converted at 2,080 hours and said."""
    parsed = parse_roster(f"title,salary\nCashier,{cell}\n")
    assert parsed.rows[0].annual_pay == pytest.approx(annual)
    converted = [n for n in parsed.notes if "per hour" in n]
    if annual == 44_720.0:
        assert converted == [
            "line 2: pay written per hour (e.g. '$21.50/hr') was converted to a year at "
            "2,080 hours (52 weeks × 40 hours)."
        ]
    else:
        assert converted == []


def test_pay_units_that_cannot_be_read_say_what_to_write() -> None:
    text = "title,salary,hourly rate\nClerk,3000/month,\nAide,lots,\nCook,,$18/hr\n"
    with pytest.raises(InputError) as err:
        parse_roster(text)
    message = str(err.value)
    assert (
        "line 2: annual pay '3000/month' is pay per month; give pay a year (85000, 85k) or an "
        "hour ($21.50/hr)"
    ) in message
    assert (
        "line 3: annual pay 'lots' is not a number of at least 0; write pay a year (85000, "
        "$85k) or an hour ($21.50/hr)"
    ) in message
    assert "line 4" not in message  # an hourly column may carry the unit too
    assert parse_roster("title,hourly rate\nCook,$18/hr\n").rows[0].annual_pay == 18 * 2080


# -- QA5 #8: implausible hourly pay, one reading of separators, more units, two pay columns ------


def _pay(cell: str) -> RosterParse:
    return read_roster(f'title,headcount,annual_pay\nCashier,1,"{cell}"\n')


HIGH_HOURLY = "hourly pay over $300 an hour was used as given"


@pytest.mark.parametrize(
    ("cell", "annual"),
    [("$1,250/hr", 2_600_000.0), ("21,500/hr", 44_720_000.0), ("$500/hr", 1_040_000.0)],
)
def test_hourly_pay_over_300_an_hour_is_noted_with_its_line(cell: str, annual: float) -> None:
    parsed = _pay(cell)
    assert parsed.rows[0].annual_pay == annual
    assert [n for n in parsed.notes if HIGH_HOURLY in n] == [
        f"line 2: {HIGH_HOURLY}; check it is pay per hour, not a year (a comma before three "
        "digits groups thousands: '21,500/hr' is 21,500 an hour; '21.50/hr' or '21,50/hr' is "
        "21.50)."
    ]


def test_hourly_pay_up_to_300_an_hour_and_the_hourly_column_are_checked_alike() -> None:
    assert not any(HIGH_HOURLY in n for n in _pay("$300/hr").notes)
    parsed = parse_roster("title,hourly rate\nA,25\nB,450\nC,\nD,900\n")
    assert next(n for n in parsed.notes if HIGH_HOURLY in n).startswith(
        f"lines 3 and 5: {HIGH_HOURLY}"
    )


@pytest.mark.parametrize(
    ("cell", "annual"),
    [
        ("$21,50/hr", 44_720.0),  # a lone comma before two digits: a decimal comma
        ("21,5", 21.5),
        ("21,500", 21_500.0),  # a comma before three digits groups thousands
        ("1,250,000", 1_250_000.0),
        ("1.250,50", 1_250.5),
        ("1,250.50", 1_250.5),
        ("85 000,50", 85_000.5),
    ],
)
def test_separators_are_read_one_way(cell: str, annual: float) -> None:
    parsed = _pay(cell)
    assert parsed.problems == ()
    assert parsed.rows[0].annual_pay == pytest.approx(annual)


@pytest.mark.parametrize("cell", ["1,250,50", "1,2345", "21,5000/hr"])
def test_separators_that_read_two_ways_are_refused_with_a_hint(cell: str) -> None:
    assert _pay(cell).problems == (
        f"line 2: annual pay '{cell}' has separators that can be read two ways; write 1250.50 "
        "or 1,250.50 (a comma before three digits groups thousands, a lone comma before two is "
        "a decimal comma: 21,50)",
    )


@pytest.mark.parametrize(
    ("cell", "annual"),
    [
        ("21.50 hourly", 44_720.0),
        ("$21.50 hr", 44_720.0),
        ("$21.50ph", 44_720.0),
        ("$21.50 p/h", 44_720.0),
        ("21.50 USD/hr", 44_720.0),
        ("45000 USD", 45_000.0),
        ("USD 45,000", 45_000.0),
        ("US$45,000", 45_000.0),
        ("85000 pa", 85_000.0),
        ("85k yearly", 85_000.0),
    ],
)
def test_more_ways_of_writing_the_unit_and_the_currency(cell: str, annual: float) -> None:
    parsed = _pay(cell)
    assert parsed.problems == ()
    assert parsed.rows[0].annual_pay == pytest.approx(annual)
    assert any("per hour" in n for n in parsed.notes) == (annual == 44_720.0)
    assert not any("€ or £" in n for n in parsed.notes)


@pytest.mark.parametrize(
    ("cell", "annual"),
    [
        ("$1.2M", 1_200_000.0),
        ("1.2m", 1_200_000.0),
        ("$1.2MM", 1_200_000.0),
        ("1,5 mn", 1_500_000.0),
        ("$1.2M/yr", 1_200_000.0),
        ("$85K", 85_000.0),
    ],
)
def test_pay_in_thousands_or_millions_is_read(cell: str, annual: float) -> None:
    """QA #1: '$85k' was read and '$1.2M' refused as 'not a number of at least 0'."""
    parsed = _pay(cell)
    assert parsed.problems == ()
    assert parsed.rows[0].annual_pay == pytest.approx(annual)


@pytest.mark.parametrize(("cell", "letters"), [("$1.2B", "B"), ("85 grand", "grand")])
def test_other_letters_after_pay_are_refused_as_unread(cell: str, letters: str) -> None:
    assert _pay(cell).problems == (
        f"line 2: annual pay '{cell}' has '{letters}' after the number, which is not read (k "
        "for thousands and M for millions are: $85k, $1.2M); write pay a year (85000, $85k) or "
        "an hour ($21.50/hr)",
    )


def test_pay_below_0_is_refused_with_what_to_write() -> None:
    """QA #2: '-5000' was refused without the hint the other pay errors give."""
    parsed = read_roster("title,annual_pay,hourly_pay\nClerk,-5000,\nCook,,-18\n")
    assert parsed.problems == (
        "line 2: annual pay '-5000' is less than 0; write pay a year (85000, $85k) or an hour "
        "($21.50/hr)",
        "line 3: hourly pay '-18' is less than 0; write pay a year (85000, $85k) or an hour "
        "($21.50/hr)",
    )


def test_other_periods_and_currencies_written_as_words() -> None:
    assert _pay("3000 monthly").problems == (
        "line 2: annual pay '3000 monthly' is pay per month; give pay a year (85000, 85k) or an "
        "hour ($21.50/hr)",
    )
    parsed = _pay("45000 EUR")
    assert parsed.rows[0].annual_pay == 45_000.0
    assert "line 2: pay in € or £ was used as given" in " ".join(parsed.notes)


def test_annual_and_hourly_pay_that_disagree_are_noted_and_annual_wins() -> None:
    text = (
        "title,annual_pay,hourly_pay\n"
        "A,40000,21.50\n"  # 21.50 × 2,080 = 44,720: 11.8% above
        "B,44000,21.50\n"  # 1.6%: agrees
        "C,40000,lots\n"
        "D,,21.50\n"
    )
    parsed = parse_roster(text)
    assert [r.annual_pay for r in parsed.rows] == [40_000.0, 44_000.0, 40_000.0, 44_720.0]
    assert (
        "line 2: annual_pay and hourly_pay (× 2,080 hours) differ by more than 10%; annual_pay "
        "was used."
    ) in parsed.notes
    assert (
        "line 4: hourly_pay could not be read and was ignored; annual_pay was used."
    ) in parsed.notes
    assert not any("line 3" in n for n in parsed.notes)


# -- QA6: totals rows, pay that says "no pay", FTE, Excel's sep= line, JSON rows, digits --------


@pytest.mark.parametrize(
    "label",
    [
        "Total:",
        "Totals:",
        "Total headcount",
        "TOTAL ALL DEPARTMENTS",
        "Grand Total:",
        "grand total",
        "Sub-total",
        "SUBTOTAL",
        "Sum of Headcount",
        "(Total)",
        "Finance Total",  # Excel's Subtotal command
    ],
)
def test_totals_rows_in_any_spelling_are_skipped_with_a_note(label: str) -> None:
    parsed = parse_roster(f"title,headcount\nNurse,2\nClerk,3\n{label},5\n")
    assert [(r.title, r.headcount) for r in parsed.rows] == [("Nurse", 2), ("Clerk", 3)]
    (note,) = parsed.notes
    assert note.startswith(f"line 4: skipped a totals row ('{label}')")


def test_titles_that_start_like_a_total_but_are_roles_are_kept() -> None:
    titles = [
        "Total Rewards Manager",
        "Total Loss Claims Adjuster",
        "Total Joint Orthopedic Surgeon",
        "Summer Intern",
        "Totalizer Operator",
    ]
    parsed = parse_roster("title,headcount\n" + "".join(f"{t},1\n" for t in titles))
    assert [r.title for r in parsed.rows] == titles
    assert parsed.notes == ()


def test_a_code_keeps_a_row_and_the_note_says_how() -> None:
    parsed = parse_roster(
        "title,headcount,code\nTotal Benefits Lead,2,\nTotal Benefits Lead,1,11-3111.00\n"
    )
    assert [(r.line, r.code) for r in parsed.rows] == [(3, "11-3111.00")]
    assert parsed.notes == (
        "line 2: skipped a totals row ('Total Benefits Lead'); if it is a role, give the row "
        "its O*NET-SOC code.",
    )


def test_subtotal_rows_with_the_label_in_the_team_and_many_totals_make_one_note() -> None:
    text = (
        "title,headcount,team\nNurse,2,Care\nAide,1,Care\n,3,Care Total\nClerk,4,Office\n"
        ",4,Office Total\nGrand Total,7,\n"
    )
    parsed = parse_roster(text)
    assert sum(r.headcount for r in parsed.rows) == 7
    assert parsed.notes == (
        "lines 4, 6 and 7: skipped 3 totals rows ('Care Total', 'Office Total', "
        "'Grand Total'); a role among them is kept when the row gives its O*NET-SOC code.",
    )


def test_a_roster_of_totals_only_says_so() -> None:
    with pytest.raises(InputError) as err:
        parse_roster("title,headcount\nTotal:,5\n")
    assert err.value.message == (
        "The roster has no rows to analyze: every row is a totals row (line 2)."
    )


@pytest.mark.parametrize("cell", ["N/A", "-", "TBD", "n/a", "—", "?", "#N/A", "confidential"])
def test_pay_that_says_no_pay_is_blank_and_noted(cell: str) -> None:
    parsed = parse_roster(f"title,headcount,salary\nNurse,2,80000\nClerk,1,{cell}\n")
    assert [r.annual_pay for r in parsed.rows] == [80000.0, None]
    assert parsed.notes == (
        f"line 3: pay written as '{cell}' was read as a blank cell, not as pay.",
    )


def test_blank_pay_note_lists_every_row_and_cell() -> None:
    text = "title,salary,hourly rate\nA,N/A,\nB,-,\nC,50000,TBD\nD,?,20\n"
    parsed = parse_roster(text)
    assert [r.annual_pay for r in parsed.rows] == [None, None, 50000.0, 20 * 2080]
    assert parsed.notes == (
        "lines 2, 3, 4 and 5: pay written as 'N/A', '-', 'TBD', '?' was read as "
        "a blank cell, not as pay.",
        f"line 5: {HOURLY_COLUMN}",
    )


def test_pay_of_zero_is_no_pay_and_noted() -> None:
    """docs/workforce.md: pay under $1,000 is always noted; 0 is no pay, not a $0 salary."""
    parsed = parse_roster("title,headcount,salary\nNurse,1,80000\nNurse,1,0\nNurse,1,$0/hr\n")
    assert [r.annual_pay for r in parsed.rows] == [80000.0, None, None]
    assert parsed.notes == (
        "lines 3 and 4: pay of 0 was read as no pay (a blank cell), not averaged in as $0; "
        "leave pay blank when it is not known.",
    )


@pytest.mark.parametrize(
    ("cell", "what"),
    [("40 hours", "hours"), ("40 hrs", "hours"), ("5 years", "years"), ("3 yrs", "years")],
)
def test_a_number_of_hours_or_years_is_not_pay(cell: str, what: str) -> None:
    assert _pay(cell).problems == (
        f"line 2: annual pay '{cell}' is a number of {what}, not pay; write pay a year (85000, "
        "$85k) or an hour ($21.50/hr)",
    )
    # a rate still reads: '$40 hr', '40/hr', '40 per hour'
    for rate in ("$40 hr", "40/hr", "40 per hour", "40 hour"):
        assert _pay(rate).rows[0].annual_pay == 40 * 2080


@pytest.mark.parametrize("cell", ["1_000", "1e3", "1E+03", "inf", "nan", "0x10"])
def test_headcount_is_written_in_digits(cell: str) -> None:
    """Python's literals are not spreadsheet numbers: '1_000' and '1e3' were read as 1000."""
    assert read_roster(f"title,headcount\nNurse,{cell}\n").problems == (
        f"line 2: headcount '{cell}' is not a whole number of at least 1",
    )


@pytest.mark.parametrize(("cell", "n"), [("1,200", 1200), ("3.0", 3), ("1.200", 1200), ("7", 7)])
def test_headcount_in_spreadsheet_digits_is_read(cell: str, n: int) -> None:
    (row,) = parse_roster(f'title,headcount\nNurse,"{cell}"\n').rows
    assert row.headcount == n and type(row.headcount) is int


def test_an_fte_column_keeps_fractions_and_says_so() -> None:
    parsed = parse_roster('title,FTE\nNurse,2.5\nClerk,"0,5"\nCook,3\n')
    assert [r.headcount for r in parsed.rows] == [2.5, 0.5, 3]
    assert type(parsed.rows[2].headcount) is int  # whole FTE stay whole
    assert parsed.fte
    assert parsed.notes == (
        "Headcount is read from the 'FTE' column as full-time equivalents: fractions such as 2.5 "
        "are kept, and totals, hours (FTE × 2,080) and payroll (pay × FTE) count FTE, not people.",
    )
    problems = read_roster("title,# of FTEs\nA,0\nB,-1\nC,x\nD,1e1\n").problems
    assert problems == tuple(
        f"line {n}: FTE '{c}' is not a number above 0 (full-time equivalents: 1, 0.5, 2.5)"
        for n, c in ((2, "0"), (3, "-1"), (4, "x"), (5, "1e1"))
    )
    # a headcount column stays whole, and says how to give FTE
    assert read_roster("title,headcount\nA,2.5\n").problems == (
        "line 2: headcount '2.5' is not a whole number of at least 1 (for full-time "
        "equivalents, name the column FTE)",
    )
    assert not parse_roster("title,headcount\nA,2\n").fte


def test_json_rows_may_give_fte_and_whole_floats() -> None:
    parsed = parse_roster([{"title": "Nurse", "fte": 1.5}, {"title": "Aide", "fte": 2.0}])
    assert [r.headcount for r in parsed.rows] == [1.5, 2]
    assert parsed.fte
    assert parse_roster([{"title": "Nurse", "headcount": 1000.0}]).rows[0].headcount == 1000
    with pytest.raises(InputError, match=r"row 1: headcount '2\.5' is not a whole number"):
        parse_roster([{"title": "Nurse", "headcount": 2.5}])


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        ("sep=;\ntitle;headcount\nNurse, ICU;2\n", ";"),
        (b"\xef\xbb\xbfsep=,\r\ntitle,headcount\r\nNurse,2\r\n", ","),
        ('"sep=|"\ntitle|headcount\nNurse|2\n', "|"),
        ("sep=\t\ntitle\theadcount\nNurse\t2\n", "\t"),
    ],
)
def test_excels_sep_line_names_the_delimiter(data: str | bytes, delimiter: str) -> None:
    parsed = parse_roster(data)
    assert parsed.delimiter == delimiter
    assert [(r.line, r.headcount) for r in parsed.rows] == [(3, 2)]
    named = {";": "semicolons", ",": "commas", "|": "pipes", "\t": "tabs"}[delimiter]
    shown = delimiter.replace("\t", "<tab>")
    assert parsed.notes == (
        f"line 1: skipped Excel's 'sep={shown}' line; columns are separated by {named}.",
    )
    with pytest.raises(InputError, match="The roster is empty"):
        parse_roster("sep=;\n\n")


def test_a_json_row_with_an_empty_title_is_a_row_problem() -> None:
    """A JSON roster has no header: a row whose cells are all empty is still a row."""
    with pytest.raises(InputError) as err:
        parse_roster([{"title": ""}])
    assert err.value.message.splitlines()[1:] == ["  row 1: the title is empty"]
    with pytest.raises(InputError) as err:
        parse_roster([{"title": "Nurse"}, {"title": " ", "team": None}])
    assert err.value.message.splitlines()[1:] == ["  row 2: the title is empty"]
    with pytest.raises(InputError) as err:
        parse_roster([{}])
    assert err.value.message == "The roster rows have no title (keys found: none)."
    with pytest.raises(InputError) as err:
        parse_roster([{"title": "Total"}])
    assert err.value.message == (
        "The roster has no rows to analyze: every row is a totals row (row 1)."
    )


def test_a_count_given_only_in_the_unused_count_column_is_refused() -> None:
    """QA9: 'fte' 2.5 beside an empty 'headcount' was read as one person; now the row is named
    and nothing is analysed, in a CSV and in JSON rows alike. Rows with both filled keep the
    headcount, with the note."""
    csv = read_roster("title,headcount,fte\nData Scientist,3,\nRN - ICU,,2.5\n")
    assert csv.problems == (
        "line 3: 'headcount' is empty but 'fte' gives 2.5; give every row's count in one column "
        "('headcount')",
    )
    rows = read_records([{"title": "Data Scientist", "headcount": 3}, {"title": "RN", "fte": 2.5}])
    assert rows.problems and rows.problems[0].startswith("row 2: 'headcount' is empty but 'fte'")
    both = read_records([{"title": "RN", "headcount": 2, "fte": 1.5}])
    assert not both.problems and both.rows[0].headcount == 2
    assert "used 'headcount', ignored 'fte'" in both.notes[0]


def test_a_headcount_whose_separator_could_be_a_decimal_mark_is_refused() -> None:
    """QA11: FTE '1.000', '0.500' and '2.250' (as HR systems write FTE) were read as 1,000, 500
    and 2,250 FTE, a roster of 3.75 FTE analysed as 3,750 without a word; headcount '0.500' was
    500 people. Now a group of thousands never starts with 0, and a cell that reads two ways
    (1 or 1,000; 1.5 or 1,500) is refused with both readings and what to write."""
    fte = read_roster('title,FTE\nA,1.000\nB,0.500\nC,2.250\nD,"1,500"\nE,"0,75"\nF,1.5\n')
    assert fte.problems == (
        "line 2: FTE '1.000' can be read as 1 or 1,000 FTE; write 1 or 1000 (no separator for "
        "thousands)",
        "line 4: FTE '2.250' can be read as 2.25 or 2,250 FTE; write 2.25 or 2250 (no separator "
        "for thousands)",
        "line 5: FTE '1,500' can be read as 1.5 or 1,500 FTE; write 1.5 or 1500 (no separator "
        "for thousands)",
    )
    assert [(r.line, r.headcount) for r in fte.rows] == [(3, 0.5), (6, 0.75), (7, 1.5)]
    people = read_roster('title,headcount\nA,1.000\nB,0.500\nC,1.200\nD,"1,000"\nE,"1.250.000"\n')
    assert people.problems == (
        "line 2: headcount '1.000' can be read as 1 or 1,000 people; write 1 or 1000 (no "
        "separator for thousands)",
        "line 3: headcount '0.500' is not a whole number of at least 1 (for full-time "
        "equivalents, name the column FTE)",
    )
    # a whole number of people has one reading: 1.2 people is none
    assert [(r.line, r.headcount) for r in people.rows] == [(4, 1200), (5, 1000), (6, 1_250_000)]
    # pay keeps its rule: dots group thousands, but no group starts with 0
    assert [r.annual_pay for r in parse_roster("title,salary\nA,85.000\nB,0.500\n").rows] == [
        85_000,
        0.5,
    ]


def test_any_space_in_a_number_groups_thousands() -> None:
    """QA11: French Excel writes '21 000' with a narrow no-break space; it was refused."""
    parsed = parse_roster("title;headcount;salary\nCaissier;1\u00a0200;21\u202f000\n")
    assert [(r.headcount, r.annual_pay) for r in parsed.rows] == [(1200, 21_000)]


def test_excel_text_guards_are_read_as_their_text() -> None:
    """QA11: ="15-1252.00" (Excel's way to keep a code as typed) was refused as a code, and a
    guarded title was shown as '="Loan Officer"'."""
    parsed = parse_roster(
        'title,headcount,code\n="Loan Officer",="2",="15-1252.00"\n"=""Teller""",1,\n'
        '="Say ""hi""",1,\n=B2,1,\n'
    )
    assert [(r.title, r.headcount, r.code) for r in parsed.rows] == [
        ("Loan Officer", 2, "15-1252.00"),
        ("Teller", 1, None),
        ('Say "hi"', 1, None),
        ("=B2", 1, None),
    ]


def test_lines_above_the_header_are_skipped_and_named() -> None:
    """QA11: a report's name and date above the table made the roster unreadable ('no title
    column (columns found: 'Acme Corp Headcount Report')'). Line numbers stay the file's."""
    parsed = parse_roster(
        "Acme Corp Headcount Report\nGenerated 2025-01-01\n\nJob Title;Headcount\nNurse;2\n"
    )
    assert parsed.notes == (
        "lines 1 and 2 above the header (line 4) were skipped: 'Acme Corp Headcount Report', "
        "'Generated 2025-01-01'.",
    )
    assert [(r.line, r.title, r.headcount) for r in parsed.rows] == [(5, "Nurse", 2)]
    assert parsed.delimiter == ";"
    one = parse_roster("sep=,\nQ3 roster\ntitle,headcount\nNurse,2\n")
    assert one.notes[1] == "line 2 above the header (line 3) was skipped: 'Q3 roster'."
    # no title column anywhere: the error names the first line's columns, as before
    with pytest.raises(InputError) as err:
        parse_roster("name,count\nAnn,2\nBob,3\n")
    assert err.value.message == "The roster has no title column (columns found: 'name', 'count')."


def test_an_empty_headcount_cell_is_one_person_and_said() -> None:
    """QA11: 'Cashier,,25000' in a roster with a headcount column counted one person silently."""
    parsed = parse_roster("title,headcount,salary\nCashier,,25000\nClerk,3,\nAide,,\n")
    assert [r.headcount for r in parsed.rows] == [1, 3, 1]
    assert parsed.notes == (
        "lines 2 and 4: the headcount is empty and was read as 1 person; give each row its "
        "headcount (a roster of one row per person needs no headcount column).",
    )
    assert (
        parse_roster("title,FTE\nNurse,\n")
        .notes[-1]
        .startswith("line 2: the headcount is empty and was read as 1 FTE;")
    )
    assert parse_roster("title\nNurse\n").notes == ()  # no headcount column: one per row


_TOO_MANY = "is more than 10,000,000; give the number of people in the role"
_TOO_MUCH = "is more than $100,000,000 a year"
_DIGITS_301 = "'10000000000000000000…' (301 characters)"


def test_huge_numbers_are_refused_as_too_large_and_quoted_short() -> None:
    """1e308 was 'not a whole number'; 301 digits were echoed in full, and a JSON 1e308 as the
    309 digits Python's int() writes for it."""
    big = "1" + "0" * 300
    text = f"title,headcount,annual_pay,hourly_pay\nA,1e308,,\nB,{big},,\nC,1,{big},\nD,1,,1e7\n"
    assert read_roster(text).problems == (
        f"line 2: headcount '1e308' {_TOO_MANY}",
        f"line 3: headcount {_DIGITS_301} {_TOO_MANY}",
        f"line 4: annual pay {_DIGITS_301} {_TOO_MUCH}; give the pay of one person",
        f"line 5: hourly pay '1e7' {_TOO_MUCH} ($48,077 an hour); give the pay of one person",
    )
    rows = [
        {"title": "A", "headcount": 1e308},
        {"title": "B", "annual_pay": 1e308},
        {"title": "C", "headcount": float("inf")},
        {"title": "D", "headcount": float("nan")},
    ]
    assert read_records(rows).problems == (
        f"row 1: headcount '1e+308' {_TOO_MANY}",
        f"row 2: annual pay '1e+308' {_TOO_MUCH}; give the pay of one person",
        "row 3: headcount 'inf' is not a whole number of at least 1",
        "row 4: headcount 'nan' is not a whole number of at least 1",
    )
    assert read_records([{"title": "A", "fte": 1.5e300}]).problems == (
        f"row 1: FTE '1.5e+300' {_TOO_MANY}",
    )
    # up to 1e16 a whole JSON float is its digits, and within the limit it is read
    assert read_records([{"title": "A", "headcount": 1e7}]).rows[0].headcount == 10_000_000
    assert read_records([{"title": "A", "headcount": 1e15}]).problems == (
        f"row 1: headcount '1000000000000000' {_TOO_MANY}",
    )


def test_a_long_code_cell_is_quoted_short() -> None:
    code = "9" * 500
    assert read_roster(f"title,code\nNurse,{code}\n").problems == (
        f"line 2: code '{'9' * 20}…' (500 characters) is not an O*NET-SOC code like 15-1252.00 "
        "or 15-1252",
    )
