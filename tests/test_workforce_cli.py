"""``ai-impact workforce``: exit codes and messages, output formats, and one real end-to-end run."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app
from ai_impact.settings import Settings
from ai_impact.workforce import library, workforce_report
from ai_impact.workforce.formats import to_markdown
from test_workforce_analysis import ROSTER, FakeLibrary

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "roster.csv"
_register()
runner = CliRunner()


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["workforce", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())


def test_missing_file(tmp_path: Path) -> None:
    code, out, err = _run(str(tmp_path / "team.csv"))
    assert code == 2
    assert out == ""
    missing = tmp_path / "team.csv"
    assert err == f"error: No roster file at {missing}. Check the path; the file must be a CSV.\n"


def test_empty_roster(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("title,headcount\n")
    code, _, err = _run(str(path))
    assert code == 2
    assert err.startswith("error: The roster has a header but no rows.")


def test_bad_headcounts_are_all_listed(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("title,headcount\nNurse,-1\nClerk,2\nDriver,lots\n")
    code, _, err = _run(str(path))
    assert code == 2
    assert err.splitlines() == [
        "error: 2 roster row(s) cannot be used; fix them and run again (no row was analyzed):",
        "  line 2: headcount '-1' is not a whole number of at least 1",
        "  line 4: headcount 'lots' is not a whole number of at least 1",
    ]


def test_formats_and_out_file(fake: None, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text(ROSTER)
    code, out, _ = _run(str(path), "--format", "json")
    assert code == 0
    assert json.loads(out)["summary"]["headcount_review"] == 3
    code, out, _ = _run("-", "--format", "csv", stdin=ROSTER)
    assert code == 0
    assert [r["status"] for r in csv.DictReader(io.StringIO(out))] == [
        "matched",
        "check match",
        "needs review",
        "matched",
    ]
    target = tmp_path / "report.md"
    code, out, err = _run(str(path), "--out", str(target))
    assert (code, out) == (0, "")
    assert err == f"Wrote {target}: 40 people in 4 roles, 1 to check, 1 left out.\n"
    assert target.read_text().startswith("# AI exposure of a workforce: 40 people in 4 roles")


@pytest.mark.slow
def test_example_roster_end_to_end(settings: Settings) -> None:
    """The shipped example through the real resolver, risk table and reports."""
    report = workforce_report(EXAMPLE, settings=settings)
    by_title = {r.title: r for r in report.roles}
    assert report.totals.headcount == 210
    assert by_title["Sr. Software Engineer"].code == "15-1252.00"
    assert by_title["CDL-A Driver"].code == "53-3032.00"
    assert by_title["Corporate Counsel"].status == "pinned"
    assert by_title["Corporate Counsel"].code == "23-1011.00"
    wrangler = by_title["Chief Happiness Wrangler"]
    assert (wrangler.status, wrangler.counted) == ("needs review", False)
    assert report.totals.headcount_review == 1
    acc = by_title["Staff Accountant"]
    assert acc.code == "13-2011.00"
    assert acc.hours_at_risk == pytest.approx(6 * 2080 * (acc.substitution or 0.0))
    assert acc.payroll_exposed == pytest.approx(6 * 76000 * (acc.exposed_share or 0.0))
    # at-risk hours are a part of the exposed hours, role by role (real risk table)
    for r in report.roles:
        if r.counted:
            assert (r.hours_at_risk or 0.0) <= (r.hours_exposed or 0.0) + 1e-6
            assert (r.exposure or 0.0) <= (r.exposed_share or 0.0) + 1e-4
    assert acc.market_pay is not None and acc.market_pay.area == "Texas"
    assert 0.0 < (report.totals.exposure or 0.0) < 1.0
    assert report.totals.hours_at_risk == pytest.approx(
        sum(r.hours_at_risk or 0.0 for r in report.roles)
    )
    assert any(r.safer_moves for r in report.roles)
    assert report.sources
    page = to_markdown(report)
    assert "## Roles to check" in page and "Chief Happiness Wrangler" in page


def test_safer_moves_of_actors_show_hourly_pay_end_to_end(settings: Settings) -> None:
    """Actors' safer moves include occupations BLS pays only by the hour (Dancers): their
    hourly median, as the analysis's related table shows it, in the Markdown and the JSON."""
    from ai_impact.workforce.formats import to_dict

    report = workforce_report(
        b"title,headcount,code\nActor,5,27-2011.00\n", settings=settings, top=1
    )
    moves = report.roles[0].safer_moves
    hourly = [m for m in moves if m.median_annual is None and m.hourly_median is not None]
    assert hourly, [m.title for m in moves]  # the real data has one (Dancers, $24.80 an hour)
    page = to_markdown(report)
    paths = page.split("## Reskilling paths", 1)[1].split("\n## ", 1)[0]
    for m in hourly:
        assert f"{m.title} (risk {m.risk_score:.1f}, ${m.hourly_median:,.2f} an hour)" in paths
    doc = to_dict(report)["roles"][0]["reskilling"]["safer_moves"]
    assert [(d["code"], d["hourly_median"]) for d in doc] == [
        (m.code, m.hourly_median) for m in moves
    ]


def test_market_pay_of_hourly_only_occupations_end_to_end(settings: Settings) -> None:
    """Dancers and Musicians and Singers are paid only by the hour in OEWS: the role's market
    pay is their national hourly median, in the Markdown ("$24.80 an hour", never a year) and
    the JSON and CSV (``market_hourly_median``); Software Developers keep the annual median."""
    from ai_impact.workforce.formats import to_csv, to_dict

    roster = (
        b"title,headcount,annual_pay,code\nDancer,2,41000,27-2031.00\n"
        b"Singer,1,,27-2042.00\nDeveloper,3,150000,15-1252.00\n"
    )
    report = workforce_report(roster, settings=settings, reskilling=False)
    dancers, singers, developers = report.roles
    for role in (dancers, singers):
        assert role.market_pay is not None and role.market_pay.median_annual is None
        assert role.market_pay.hourly_median is not None
    assert developers.market_pay is not None and developers.market_pay.median_annual
    page = to_markdown(report)
    hourly = dancers.market_pay.hourly_median
    assert f"| $41,000 · ${hourly:,.2f} an hour |" in page
    assert f"| — · ${singers.market_pay.hourly_median:,.2f} an hour |" in page
    assert f"$150,000 · ${developers.market_pay.median_annual:,.0f} |" in page
    assert fx_money(hourly * 2080) not in page  # no year made from the hourly figure
    assert page.count("Market pay “an hour”: BLS publishes only hourly wages for Dancers and ") == 1
    pay = [r["pay"] for r in to_dict(report)["roles"]]
    assert [p["market_median_annual"] is None for p in pay] == [True, True, False]
    assert pay[0]["market_hourly_median"] == hourly
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert rows[0]["market_median_annual"] == "" and rows[0]["market_hourly_median"] == (
        f"{hourly:.2f}"
    )


def fx_money(value: float) -> str:
    """Dollars as the pages write a year's pay ("$51,584")."""
    return f"${value:,.0f}"


def test_a_roster_over_the_size_limit_says_the_limit_it_enforces(tmp_path: Path) -> None:
    """QA: "the roster limit is 21 MB" for a limit of 20 MiB; docs say 20 MB (decimal)."""
    from ai_impact.workforce.roster import MAX_BYTES

    assert MAX_BYTES == 20_000_000
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:  # sparse: the size is refused before a byte is read
        fh.truncate(25_300_000)
    code, _, err = _run(str(path))
    assert code == 2
    assert err == (
        f"error: {path} is 25.3 MB; the roster limit is 20 MB (20,000,000 bytes). Split it by "
        "department, or keep only the title, headcount and pay columns.\n"
    )
    with path.open("r+b") as fh:  # just over: in bytes, never "20.0 MB" beside "20 MB"
        fh.truncate(MAX_BYTES + 1)
    assert "is 20,000,001 bytes; the roster limit is 20 MB" in _run(str(path))[2]


def test_group_pay_hourly_rates_and_withheld_medians_end_to_end(settings: Settings) -> None:
    """QA11 on the real data: Baristas' market pay is SOC 35-3023's, marked † with the note the
    analysis writes for it; a dancer paid by the hour shows her rate beside the hourly median;
    a California actor, whose median OEWS withholds, gets a note with the national median."""
    from ai_impact import api
    from ai_impact.workforce.formats import to_dict

    roster = (
        b"title,headcount,annual_pay,hourly_pay,code,location\n"
        b"Barista,12,,16.50,35-3023.01,\nDancer,4,,22.00,27-2031.00,\n"
        b"Actor,2,,30.00,27-2011.00,CA\nAccountant,1,90000,,13-2011.00,\n"
    )
    report = workforce_report(roster, settings=settings, top=4)
    barista, dancer, actor, accountant = report.roles
    salary = api.report_for("35-3023.01", settings=settings).salary
    assert salary is not None and salary.pay_group is not None
    assert barista.market_pay is not None and barista.market_pay.pay_group == salary.pay_group
    page = to_markdown(report)
    roles = page.split("## Every role", 1)[1].split("\n## ", 1)[0]
    assert f"| $34,320 · ${barista.market_pay.median_annual:,.0f} † |" in roles
    assert f"{salary.pay_group} for Baristas (35-3023.01)" in roles
    assert dancer.market_pay is not None and dancer.market_pay.hourly_median is not None
    assert f"| $22.00 an hour · ${dancer.market_pay.hourly_median:,.2f} an hour |" in roles
    assert "$45,760" not in page
    national = api.report_for("27-2011.00", settings=settings).salary
    assert national is not None and national.hourly_median is not None
    assert actor.market_pay is not None and not actor.market_pay.published
    assert (
        "Market pay “—”: OEWS publishes no median pay for Actors in California (national "
        f"median: ${national.hourly_median:,.2f} an hour)."
    ) in roles
    # Every safer move paid as a SOC group is marked, and named in the note under the paths.
    paths = page.split("## Reskilling paths", 1)[1].split("\n## ", 1)[0]
    grouped = [m for r in report.roles for m in r.safer_moves if m.pay_group]
    # Treasurers and Controllers (statisticians' Clinical Data Managers, 5.8, now rate high)
    assert grouped, [m.title for m in accountant.safer_moves]
    for m in grouped:
        assert f"{m.title} (risk {m.risk_score:.1f}, ${m.median_annual:,.0f} †)" in paths
        assert f"{m.pay_group} for {m.title} ({m.code})" in paths
    doc = to_dict(report)["roles"]
    assert doc[0]["pay"]["market_pay_group"] == salary.pay_group
    assert doc[1]["pay"]["mean_hourly"] == 22.0


def test_fte_written_with_three_decimals_is_refused_not_read_as_thousands(tmp_path: Path) -> None:
    """QA11: an HR export's FTE '1.000' and '2.250' made 3.75 FTE into '3,750 FTE in 3 roles'."""
    path = tmp_path / "fte.csv"
    path.write_text("Job Title,FTE,Salary\nAccountant,1.000,70000\nTeller,0.500,35000\n")
    code, out, err = _run(str(path), "--format", "json")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "error: 1 roster row(s) cannot be used; fix them and run again (no row was analyzed):",
        "  line 2: FTE '1.000' can be read as 1 or 1,000 FTE; write 1 or 1000 (no separator for "
        "thousands)",
    ]


def test_software_to_learn_ends_no_path_in_a_bare_letter_end_to_end(settings: Settings) -> None:
    """QA #3 on the real data: Software Developers' path ended "…, Apache Kafka, C."."""
    report = workforce_report(b"title,headcount\nSr. Software Engineer,3\n", settings=settings)
    (role,) = report.roles
    assert role.software_to_learn == ("Apache Kafka", "C")
    assert (
        "- **Sr. Software Engineer** (Software Developers): build “Operations Monitoring” and "
        "“Quality Control Analysis”, and learn the software “Apache Kafka” and “C”"
    ) in to_markdown(report)
