"""``ai-impact score-tasks``: the JSONL contract of PRODUCT.md, the table, and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app

_register()
runner = CliRunner()
CONTRACT = ["task", "exposure", "beta", "automation", "timeline"]
# Every JSONL line has these keys in this order, scored or not (QA #3: "the same shape").
KEYS = [
    *CONTRACT,
    "beta_range",
    "mode",
    "timeline_reason",
    "capability",
    "source",
    "note",
]
# what a blank input line gives: every key null, and why
BLANK_LINE = {"task": "", **dict.fromkeys(KEYS[1:-1]), "note": "not scored: empty task text"}


def test_batch_jsonl_is_one_line_per_input_line(tmp_path: Path) -> None:
    """Every input line gives one output line, in order; blank lines give an error record."""
    batch = tmp_path / "tasks.txt"
    batch.write_text(
        "Proofread documents for spelling errors.\n\n  Climb poles to repair power lines.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["score-tasks", "--batch", str(batch), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert len(lines) == 3
    assert lines[1] == BLANK_LINE
    first, third = lines[0], lines[2]
    assert list(first)[:5] == CONTRACT
    assert first["task"] == "Proofread documents for spelling errors."
    assert third["task"] == "Climb poles to repair power lines."
    assert set(first["exposure"]) == {"E0", "E1", "E2"}
    assert abs(sum(first["exposure"].values()) - 1) < 1e-3
    e = first["exposure"]
    assert abs(first["beta"] - (e["E1"] + 0.5 * e["E2"])) < 1e-3
    assert first["beta"] > 0.5 > third["beta"]
    assert 0 <= third["automation"] <= 4
    assert third["timeline"] == "5+ years"
    assert third["capability"] == "physical dexterity and presence"


def test_table_output_for_texts_on_the_command_line() -> None:
    """Without --batch the texts are scored and shown as a readable table."""
    result = runner.invoke(app, ["score-tasks", "Enter data into spreadsheets."])
    assert result.exit_code == 0, result.output
    assert "Enter data into spreadsheets." in result.output
    assert "why:" in result.output


def test_missing_batch_file_is_a_clear_error(tmp_path: Path) -> None:
    """A missing file exits with the input-error code and names the file, no traceback."""
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["score-tasks", "--batch", str(missing), "--format", "jsonl"])
    assert result.exit_code == 2
    assert "nope.txt" in result.output
    assert "Traceback" not in result.output


def test_binary_batch_file_and_bad_format_are_input_errors(tmp_path: Path) -> None:
    """A binary file and an unknown --format both exit 2 with a message."""
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = runner.invoke(app, ["score-tasks", "--batch", str(binary), "--format", "jsonl"])
    assert result.exit_code == 2
    assert "binary file" in result.output
    result = runner.invoke(app, ["score-tasks", "Type letters.", "--format", "xml"])
    assert result.exit_code == 2
    assert "'xml' is not one of" in result.output


def test_no_task_given_is_an_input_error() -> None:
    """Neither texts nor --batch: exit 2 with a hint."""
    result = runner.invoke(app, ["score-tasks"])
    assert result.exit_code == 2
    assert "No task given" in result.output


def test_batch_files_from_spreadsheets_and_windows_editors(tmp_path: Path) -> None:
    """A byte-order mark does not hide the first line's O*NET label; Windows-1252 is read."""
    statement = "Apply sampling techniques to determine groups to be surveyed or use complete "
    statement += "enumeration methods."
    batch = tmp_path / "bom.txt"
    batch.write_bytes(b"\xef\xbb\xbf" + statement.encode() + b"\r\nR\xe9sum\xe9 screening\r\n")
    result = runner.invoke(app, ["score-tasks", "--batch", str(batch), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(x) for x in result.output.splitlines())
    assert (first["task"], first["source"]) == (statement, "labels")
    assert second["task"] == "Résumé screening"


@pytest.mark.parametrize("pct", ["500", "-5", "inf", "nan"])
def test_adoption_share_outside_0_to_100_is_refused(pct: str) -> None:
    result = runner.invoke(app, ["score-tasks", "Write code.", "--adoption-pct", pct])
    assert result.exit_code == 2
    assert "percentage from 0 to 100" in result.output


def test_texts_and_batch_together_are_refused(tmp_path: Path) -> None:
    batch = tmp_path / "tasks.txt"
    batch.write_text("Prepare invoices.\n")
    result = runner.invoke(app, ["score-tasks", "Write code.", "--batch", str(batch)])
    assert result.exit_code == 2
    assert "not both" in result.output


def test_a_text_too_short_to_read_as_a_task_is_marked_not_scored(tmp_path: Path) -> None:
    """QA4 #16: the rule of a pasted description (3–60 words, 2 with a verb) holds here too.
    The line stays, with the contract keys null and a note, instead of a confident score."""
    batch = tmp_path / "tasks.txt"
    batch.write_text("x\nBathe patients\n!!\n\nData entry\n", encoding="utf-8")
    result = runner.invoke(app, ["score-tasks", "--batch", str(batch), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [r["task"] for r in lines] == ["x", "Bathe patients", "!!", "", "Data entry"]
    for r in (lines[0], lines[2], lines[4]):
        assert list(r)[:5] == CONTRACT
        assert [r[k] for k in CONTRACT[1:]] == [None, None, None, None]
        assert r["note"].startswith("not scored: too short to read as a task")
    assert lines[1]["exposure"] == {"E0": 1.0, "E1": 0.0, "E2": 0.0}  # O*NET's own statement
    assert lines[1]["note"] is None
    assert lines[3] == BLANK_LINE
    assert all(list(r) == KEYS for r in lines)
    assert all(r[k] is None for r in (lines[0], lines[2], lines[4]) for k in KEYS[1:-1])


def test_table_says_which_texts_are_not_scored() -> None:
    result = runner.invoke(app, ["score-tasks", "x", "Enter data into spreadsheets."])
    assert result.exit_code == 0, result.output
    assert "not scored: too short to read as a task" in result.output
    assert "Enter data into spreadsheets." in result.output


def test_table_keeps_input_order_with_not_scored_rows_in_place() -> None:
    """QA5 #9: a text not scored keeps its place, so the table lines up with the input."""
    texts = ["Bathe patients", "Code", "Drive truck", "Sell", "Write code.", "Code"]
    result = runner.invoke(app, ["score-tasks", *texts])
    assert result.exit_code == 0, result.output
    rows = [ln for ln in result.output.splitlines()[1:] if not ln.startswith(" " * 6)]
    rows = [ln for ln in rows if not ln.startswith("  (")]
    assert len(rows) == len(texts)
    assert all(ln.endswith(f" {text}") for ln, text in zip(rows, texts, strict=True))
    assert ["not scored" in ln for ln in rows] == [False, True, False, True, False, True]
    assert result.output.count("not scored: too short to read as a task") == 3
    assert result.output.rstrip().endswith("as in analyze --description-file.)")


def test_a_text_that_cannot_be_scored_alone_is_a_not_scored_row() -> None:
    """QA #3: the table gives every text a row, as JSONL gives every text a line; only no
    text at all is an input error."""
    for text, note in [
        ("x", "not scored: too short to read as a task"),
        ("", "not scored: empty task text"),
        ("   ", "not scored: empty task text"),
    ]:
        result = runner.invoke(app, ["score-tasks", text])
        assert result.exit_code == 0, result.output
        assert "not scored" in result.output.splitlines()[1]
        assert result.output.splitlines()[2].strip() == note
        assert "Traceback" not in result.output


def test_an_empty_text_is_handled_alike_in_every_face() -> None:
    """QA #3: the table and JSONL mark it not scored; the library refuses it, saying which."""
    from ai_impact import api
    from ai_impact.errors import InputError

    result = runner.invoke(app, ["score-tasks", "--format", "jsonl", "", "Write code."])
    assert result.exit_code == 0, result.output
    blank, scored = (json.loads(x) for x in result.output.splitlines())
    assert blank == BLANK_LINE and list(scored) == KEYS and scored["note"] is None
    result = runner.invoke(app, ["score-tasks", "", "Write code."])
    assert result.exit_code == 0, result.output
    assert "not scored: empty task text" in result.output
    with pytest.raises(InputError, match="Task text number 2 is empty"):
        api.score_tasks(["Write code.", ""])


def test_an_empty_batch_file_in_the_table_is_an_input_error(tmp_path: Path) -> None:
    batch = tmp_path / "empty.txt"
    batch.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["score-tasks", "--batch", str(batch)])
    assert result.exit_code == 2
    assert "No task given" in result.output


def test_labels_are_found_whatever_the_punctuation_and_named_as_in_analyze() -> None:
    """QA #2 and #4: the Oxford comma does not hide the label; the source is the key the
    analysis JSON uses for the label set ("labels"), the table names it in words."""
    texts = [
        "Analyze, manipulate, or process large sets of data using statistical software.",
        "analyze, manipulate or process large sets of data using statistical software",
        "Submit delinquent accounts to attorneys or outside agencies for collection.",  # 27.2
    ]
    result = runner.invoke(app, ["score-tasks", "--format", "jsonl", *texts])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [r["source"] for r in lines] == ["labels"] * 3
    assert [r["exposure"]["E2"] for r in lines] == [1.0] * 3
    result = runner.invoke(app, ["score-tasks", texts[1]])
    assert "published human label; why: human raters: needs software" in result.output


def test_a_statement_with_several_labels_says_so() -> None:
    """QA #1: without an occupation the most common label, a band spanning all, the split."""
    text = "Assign and grade class work and homework."
    result = runner.invoke(app, ["score-tasks", "--format", "jsonl", text])
    assert result.exit_code == 0, result.output
    line = json.loads(result.output)
    assert (line["source"], line["exposure"]["E2"], line["beta_range"]) == (
        "labels",
        1.0,
        [0.0, 0.5],
    )
    assert "the most common of 6 occupations' labels: E2 in 4, E0 in 2" in line["timeline_reason"]


def test_two_words_opening_with_a_hyphenated_verb_are_scored() -> None:
    """QA: "Cold-call prospects" was "too short to read as a task"; "Cold-call" is a verb."""
    texts = [
        "Cold-call prospects",
        "Re-stocking shelves",
        "De-escalate conflicts",
        "Full-time role",
    ]
    result = runner.invoke(app, ["score-tasks", "--format", "jsonl", *texts])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [r["task"] for r in lines] == texts
    assert [r["note"] is None for r in lines] == [True, True, True, False]
    assert lines[3]["note"].startswith("not scored: too short to read as a task")
    assert all(r["source"] == "model" for r in lines[:3])


def test_a_batch_is_scored_in_chunks_with_the_same_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks bound the memory of a big batch (50,000 lines: 1.6 GB in one call, 0.4 GB in
    chunks); the lines, their order and their values are those of one call."""
    from ai_impact.cli import score_cmd

    batch = tmp_path / "tasks.txt"
    lines = [
        "Proofread documents for spelling errors.",
        "",
        "Bathe patients",
        "Climb poles to repair power lines.",
        "x",
        "Prepare invoices for customers.",
        "   ",
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["score-tasks", "--batch", str(batch), "--format", "jsonl"]
    whole = runner.invoke(app, args)
    monkeypatch.setattr(score_cmd, "JSONL_CHUNK", 2)
    chunked = runner.invoke(app, args)
    assert whole.exit_code == chunked.exit_code == 0, chunked.output
    assert chunked.stdout == whole.stdout
    assert [json.loads(x)["task"] for x in chunked.stdout.splitlines()] == [
        t.strip() for t in lines
    ]


def test_stdin_batch_and_a_byte_order_mark_on_any_line(tmp_path: Path) -> None:
    """'-' reads the batch from standard input; files joined with ``cat`` carry a byte-order
    mark at each one's first line, dropped as the file's own is ("Write code." opens with a
    verb and is scored)."""
    data = b"\xef\xbb\xbfPrepare invoices for customers.\n\xef\xbb\xbfWrite code.\n"
    batch = tmp_path / "joined.txt"
    batch.write_bytes(data)
    from_file = runner.invoke(app, ["score-tasks", "--batch", str(batch), "--format", "jsonl"])
    from_stdin = runner.invoke(app, ["score-tasks", "--batch", "-", "-f", "jsonl"], input=data)
    assert from_file.exit_code == from_stdin.exit_code == 0, from_file.output
    assert from_file.stdout == from_stdin.stdout
    first, second = (json.loads(x) for x in from_file.stdout.splitlines())
    assert first["task"] == "Prepare invoices for customers." and first["note"] is None
    assert second["task"] == "Write code." and second["note"] is None
