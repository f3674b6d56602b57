"""``ai-impact resolve``: the human table, the JSONL batch contract, and error exits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app
from ai_impact.settings import Settings

pytestmark = pytest.mark.slow
_register()


@pytest.fixture()
def runner(settings: Settings, kb: object, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("AI_IMPACT_CACHE_DIR", str(settings.cache_dir))
    return CliRunner()


def test_table_for_one_title(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resolve", "Sr. Data Scientist", "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "15-2051.00" in result.output and "Data Scientists" in result.output
    assert result.output.count("\n   ") >= 3


def test_batch_jsonl_contract(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "titles.txt"
    src.write_text("RN\n\nScrum Master\nasdfghjkl qwrtzp\n", encoding="utf-8")
    result = runner.invoke(app, ["resolve", "--batch", str(src), "--top", "2", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [x["input"] for x in lines] == ["RN", "", "Scrum Master", "asdfghjkl qwrtzp"]
    assert [len(x["candidates"]) for x in lines] == [2, 0, 2, 0]
    assert set(lines[0]["candidates"][0]) == {"code", "soc", "title", "confidence"}
    assert lines[0]["candidates"][0]["code"] == "29-1141.00"


def test_errors_map_to_exit_codes(runner: CliRunner) -> None:
    assert runner.invoke(app, ["resolve", ""]).exit_code == 2
    assert runner.invoke(app, ["resolve"]).exit_code == 2
    nothing = runner.invoke(app, ["resolve", "asdfghjkl qwrtzp"])
    assert nothing.exit_code == 4
    assert "No occupation matches" in nothing.output


def test_json_for_one_title_says_when_to_choose(runner: CliRunner) -> None:
    result = runner.invoke(app, ["resolve", "Specialist", "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["needs_choice"] is True and body["candidates"]


def test_batch_json_is_one_document_and_reads_any_text_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    """--format json gives one JSON array; a BOM and Windows-1252 bytes are read, not refused."""
    src = tmp_path / "titles.txt"
    src.write_bytes(b"\xef\xbb\xbfRN\r\nCaf\xe9 Manager\r\n\r\n")
    result = runner.invoke(app, ["resolve", "--batch", str(src), "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert [x["input"] for x in body] == ["RN", "Café Manager", ""]
    assert body[0]["candidates"][0]["code"] == "29-1141.00" and "needs_choice" in body[0]


def test_one_title_nothing_fits_exits_4_in_every_format(runner: CliRunner) -> None:
    for fmt in ("table", "json", "jsonl"):
        result = runner.invoke(app, ["resolve", "asdfghjkl qwrtzp", "--format", fmt])
        assert result.exit_code == 4, (fmt, result.output)
    body = json.loads(
        runner.invoke(app, ["resolve", "asdfghjkl qwrtzp", "--format", "json"]).output
    )
    assert body["candidates"] == [] and "No occupation matches" in body["message"]


def test_jsonl_confidence_is_rounded_to_four_decimals(runner: CliRunner, tmp_path: Path) -> None:
    """15-2051 is two occupations: the second's 1/3 is written 0.3333, as the API writes it."""
    src = tmp_path / "codes.txt"
    src.write_text("15-2051\n", encoding="utf-8")
    for fmt in ("jsonl", "json"):
        result = runner.invoke(app, ["resolve", "--batch", str(src), "--top", "2", "--format", fmt])
        assert result.exit_code == 0, result.output
        line = json.loads(result.output.splitlines()[0])
        line = line[0] if isinstance(line, list) else line
        assert [c["confidence"] for c in line["candidates"]] == [1.0, 0.3333], fmt
