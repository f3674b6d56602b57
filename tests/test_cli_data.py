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


def test_data_info_json_reports_sources_and_coverage(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "kb.sqlite"
    result = runner.invoke(app, ["data", "info", "--db", str(db), "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["coverage"]["occupations"] == 7
    assert info["coverage"]["tasks_labelled"] == info["coverage"]["tasks"] == 149
    occ = next(s for s in info["sources"] if s["key"] == "occupations")
    assert (occ["release"], occ["rows"]) == ("O*NET 30.3 (May 2026)", 7)


def test_data_info_text(env: dict[str, str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["data", "info", "--db", str(tmp_path / "kb.sqlite")], env=env)
    assert result.exit_code == 0, result.output
    assert "  task labels: 149 of 149 tasks (100.0%; 148 by task ID, 1 by text)" in result.output
    assert (
        "O*NET 30.3 (May 2026) | vintage May 2026 | CC BY 4.0 (USDOL/ETA) | 7 rows" in result.output
    )


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
