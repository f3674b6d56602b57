"""``score-tasks`` input handling (QA): markup is removed before scoring while the JSONL echoes
the input line; a text with no English word is not scored; the table cuts long texts."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ai_impact.cli.app import _register, app
from ai_impact.cli.score_cmd import NO_ENGLISH, NO_TEXT, TABLE_TASK_CHARS, _cut, scored_text

_register()
runner = CliRunner()
TASK = "Prepare weekly sales reports for the regional manager."
TAGGED = f"<script>alert('x')</script> {TASK}"


def _jsonl(tmp_path: Path, lines: list[str]) -> list[dict[str, object]]:
    batch = tmp_path / "tasks.txt"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["score-tasks", "--batch", str(batch), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(x) for x in result.output.splitlines()]


def test_markup_is_removed_before_scoring_and_the_input_echoed(tmp_path: Path) -> None:
    assert scored_text(TAGGED) == TASK
    tagged, plain, empty = _jsonl(tmp_path, [TAGGED, TASK, "<b></b>"])
    assert tagged["task"] == TAGGED and plain["task"] == TASK  # joinable to the input
    for key in ("exposure", "beta", "automation", "timeline", "timeline_reason"):
        assert tagged[key] == plain[key], key  # scored as if the tag were not there
    assert tagged["note"] is None
    assert empty["note"] == NO_TEXT and empty["beta"] is None


def test_a_text_with_no_english_word_is_not_scored(tmp_path: Path) -> None:
    [junk, real] = _jsonl(tmp_path, ["asdf qwer zxcv uiop hjkl", "Bathe patients"])
    assert junk["note"] == NO_ENGLISH
    assert junk["task"] == "asdf qwer zxcv uiop hjkl"
    assert all(junk[k] is None for k in ("exposure", "beta", "automation", "timeline"))
    assert real["note"] is None and real["beta"] is not None
    table = runner.invoke(app, ["score-tasks", "asdf qwer zxcv uiop hjkl"]).output
    assert "not scored" in table and NO_ENGLISH in table


def test_the_table_cuts_long_texts_with_an_ellipsis() -> None:
    long = TASK.rstrip(".") + " and review the figures with the finance team " * 3
    out = runner.invoke(app, ["score-tasks", long, TAGGED]).output
    assert long.strip() not in out and "…" in out
    row = next(line for line in out.splitlines() if "Prepare weekly sales reports for" in line)
    assert len(row.split("  ")[-1].split(" ", 1)[-1]) <= TABLE_TASK_CHARS + 12
    assert "<script>" not in out  # the table shows what was scored
    assert _cut("short") == "short" and len(_cut("word " * 40)) <= TABLE_TASK_CHARS


def test_help_says_how_input_is_read() -> None:
    help_text = " ".join(runner.invoke(app, ["score-tasks", "--help"]).output.split())
    assert "HTML tags" in help_text and "English word" in help_text
