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


def test_batch_edges_give_one_line_per_input_line(runner: CliRunner, tmp_path: Path) -> None:
    """Blank and whitespace-only lines, CRLF, a byte-order mark (the file's and one opening a
    joined file's line), a 100 KB line, no final newline; a Windows-1252 file: one line each,
    in order."""
    long_line = ("engineer " * 11_200)[:100_000]
    data = (
        b"\xef\xbb\xbfData Scientist\r\n\r\n   \r\n\t\r\n"
        + long_line.encode()
        + b"\r\n\xef\xbb\xbfICU nurse\r\nCaf\xc3\xa9 manager"
    )
    src = tmp_path / "edges.txt"
    src.write_bytes(data)
    result = runner.invoke(app, ["resolve", "--batch", str(src), "--top", "1", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    inputs = ["Data Scientist", "", "   ", "\t", long_line, "ICU nurse", "Café manager"]
    assert [x["input"] for x in lines] == inputs
    assert [x["candidates"][0]["code"] if x["candidates"] else None for x in lines][:2] == [
        "15-2051.00",
        None,
    ]
    assert lines[5]["candidates"][0]["code"] == "29-1141.03"
    assert lines[6]["candidates"][0]["code"] == "11-9051.00"
    windows = tmp_path / "cp1252.txt"
    windows.write_bytes(b"Caf\xe9 manager\r\n")  # not UTF-8: read as Windows-1252
    result = runner.invoke(app, ["resolve", "--batch", str(windows), "--top", "1"])
    assert [json.loads(x)["input"] for x in result.stdout.splitlines()] == ["Café manager"]


def test_batch_files_that_cannot_be_read(runner: CliRunner, tmp_path: Path) -> None:
    """A missing file or a binary one (a NUL byte) is exit 2 and one line naming the file; an
    empty file gives no line (no input line, no output line)."""
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["resolve", "--batch", str(missing), "-f", "jsonl"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: The batch file {str(missing)!r} does not exist.\n"
    binary = tmp_path / "nul.txt"
    binary.write_bytes(b"Data Scientist\nIC\x00U nurse\n")
    result = runner.invoke(app, ["resolve", "--batch", str(binary), "-f", "jsonl"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"error: The batch file {str(binary)!r} looks like a binary file, not text. "
        "Save it as plain text or CSV (UTF-8) first.\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["resolve", "--batch", str(empty), "-f", "jsonl"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    piped = runner.invoke(app, ["resolve", "--batch", "-", "--top", "1"], input="RN\n\n")
    assert piped.exit_code == 0, piped.stderr
    assert [json.loads(x)["input"] for x in piped.stdout.splitlines()] == ["RN", ""]


def test_digits_are_a_code_or_say_they_are_none(runner: CliRunner, tmp_path: Path) -> None:
    one = runner.invoke(app, ["resolve", "1520511"])
    assert one.exit_code == 4
    assert one.output == (
        "error: '1520511' looks like a code but is none: an O*NET-SOC code has the form "
        "15-2051.00, a SOC code 15-2051. Check it, or type a job title; `ai-impact occupations` "
        "lists every code.\n"
    )
    src = tmp_path / "codes.txt"
    src.write_text("15205100\n1520511\n152051\n", encoding="utf-8")
    result = runner.invoke(app, ["resolve", "--batch", str(src), "--top", "1", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [x["input"] for x in lines] == ["15205100", "1520511", "152051"]
    assert [[c["code"] for c in x["candidates"]] for x in lines] == [
        ["15-2051.00"],
        [],
        ["15-2051.00"],
    ]
