"""`ai-impact data build`, `data info` and `occupations` through the CLI, on the fixture data."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app

_register()
runner = CliRunner()


@pytest.fixture()
def env(fixture_data_dir: Path, tmp_path: Path) -> dict[str, str]:
    """Environment pointing the CLI at the fixture data and a temporary cache."""
    return {"AI_IMPACT_DATA_DIR": str(fixture_data_dir), "AI_IMPACT_CACHE_DIR": str(tmp_path)}


def test_data_build_writes_the_database(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "kb.sqlite"
    result = runner.invoke(app, ["data", "build", "--db", str(db)], env=env)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"knowledge base: {db} (")
    assert db.exists()


def _built(env: dict[str, str], tmp_path: Path) -> Path:
    """A knowledge base built with ``data build --db`` (``info`` describes one, never builds)."""
    db = tmp_path / "kb.sqlite"
    assert runner.invoke(app, ["data", "build", "--db", str(db)], env=env).exit_code == 0
    return db


def test_data_info_json_reports_sources_and_coverage(env: dict[str, str], tmp_path: Path) -> None:
    db = _built(env, tmp_path)
    result = runner.invoke(app, ["data", "info", "--db", str(db), "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["coverage"]["occupations"] == 7
    assert info["coverage"]["tasks_labelled"] == info["coverage"]["tasks"] == 149
    occ = next(s for s in info["sources"] if s["key"] == "occupations")
    assert (occ["release"], occ["rows"]) == ("O*NET 30.3 (May 2026)", 7)


def test_data_info_text(env: dict[str, str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["data", "info", "--db", str(_built(env, tmp_path))], env=env)
    assert result.exit_code == 0, result.output
    assert "  task labels: 149 of 149 tasks (100.0%; 148 by task ID, 1 by text)" in result.output
    assert (
        "O*NET 30.3 (May 2026) | vintage May 2026 | CC BY 4.0 (USDOL/ETA) | 7 rows" in result.output
    )


def test_data_info_refuses_a_knowledge_base_that_does_not_exist(
    env: dict[str, str], tmp_path: Path
) -> None:
    """QA10: `data info --db /nonexistent/x.sqlite` made the folder and built 72 MB there."""
    missing = tmp_path / "nowhere" / "x.sqlite"
    result = runner.invoke(app, ["data", "info", "--db", str(missing)], env=env)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: The knowledge base '{missing}' does not exist.")
    assert "ai-impact data build --db" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "nowhere").exists()
    folder = runner.invoke(app, ["data", "info", "--db", str(tmp_path)], env=env)
    assert folder.exit_code == 3 and "is a folder, not a knowledge base file" in folder.stderr
    assert list(tmp_path.iterdir()) == []  # no database, no lock file


@pytest.mark.parametrize("command", [["data", "info"], ["data", "build"], ["occupations"]])
def test_an_empty_db_option_is_an_error(
    command: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    """`--db ""` fell back to the default knowledge base without a word."""
    result = runner.invoke(app, [*command, "--db", ""], env=env)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --db is empty.")
    assert list(tmp_path.iterdir()) == []


def test_occupations_csv_and_json(env: dict[str, str], tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    result = runner.invoke(app, ["occupations", "--format", "csv", "--db", db], env=env)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 7
    assert {k: rows[2][k] for k in ("code", "soc", "title", "industry")} == {
        "code": "15-1252.00", "soc": "15-1252", "title": "Software Developers",
        "industry": "Technology",
    }  # fmt: skip
    result = runner.invoke(app, ["occupations", "--format", "json", "--db", db], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[6]["industry"] == "Retail"


def test_occupations_json_adds_pay_and_group_keys_and_the_csv_keeps_its_columns(
    env: dict[str, str], tmp_path: Path
) -> None:
    """The JSON rows gain ``hourly_median``, ``pay_group`` and ``projection_group`` after the
    columns they had (keys only added); the CSV's columns stay exactly as they were."""
    from ai_impact.cli.occupations_cmd import COLUMNS, JSON_KEYS, RISK_COLUMNS

    db = str(tmp_path / "kb.sqlite")
    result = runner.invoke(app, ["occupations", "--format", "csv", "--db", db], env=env)
    header = result.output.splitlines()[0].split(",")
    assert header == [*COLUMNS[:5], *RISK_COLUMNS, *COLUMNS[5:]]
    assert not set(JSON_KEYS) & set(header)
    result = runner.invoke(app, ["occupations", "--format", "json", "--db", db], env=env)
    rows = json.loads(result.output)
    assert JSON_KEYS == ("hourly_median", "pay_group", "projection_group")
    assert all(list(r) == [*header, *JSON_KEYS] for r in rows)
    by_code = {r["code"]: r for r in rows}
    developers = by_code["15-1252.00"]
    assert isinstance(developers["hourly_median"], float) and developers["hourly_median"] > 0
    assert developers["pay_group"] is None and developers["projection_group"] is None


def test_corrupt_data_exits_3_naming_the_file(fixture_data_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(fixture_data_dir, data)
    target = data / "onet/30.3/job_zones.csv.gz"
    target.write_bytes(b"not the file")
    env = {"AI_IMPACT_DATA_DIR": str(data), "AI_IMPACT_CACHE_DIR": str(tmp_path)}
    result = runner.invoke(app, ["data", "build", "--db", str(tmp_path / "kb.sqlite")], env=env)
    assert result.exit_code == 3
    assert (
        "error: Data file onet/30.3/job_zones.csv.gz is corrupt: expected sha256" in result.output
    )


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["data", "--help"])
    assert result.exit_code == 0 and "build" in result.output and "info" in result.output


def test_occupations_help_documents_every_csv_column_in_order() -> None:
    """docs/cli.md (generated from --help) lists the CSV's columns in the order they come."""
    from ai_impact.cli.occupations_cmd import COLUMNS, JSON_KEYS, RISK_COLUMNS

    text = runner.invoke(app, ["occupations", "--help"], env={"COLUMNS": "100"}).stdout
    text = " ".join(text.split())
    header = [*COLUMNS[:5], *RISK_COLUMNS, *COLUMNS[5:]]
    start = text.index("CSV columns")
    at = [text.index(f" {name}", start) for name in header]
    assert at == sorted(at)
    assert all(name in text for name in JSON_KEYS)


def test_occupations_csv_quotes_titles_with_commas(env: dict[str, str], tmp_path: Path) -> None:
    db = str(tmp_path / "kb.sqlite")
    result = runner.invoke(app, ["occupations", "--db", db], env=env)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("11-9199.00,"))
    assert line.startswith('11-9199.00,11-9199,"Managers, All Other",')
    rows = list(csv.DictReader(io.StringIO(result.output)))
    width = len(result.output.splitlines()[0].split(","))
    assert all(len(r) == width and None not in r.values() and None not in r for r in rows)
    assert {r["code"]: r["title"] for r in rows}["11-9199.00"] == "Managers, All Other"
