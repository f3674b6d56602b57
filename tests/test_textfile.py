"""Reading user files: every encoding a spreadsheet or editor writes, binaries refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ai_impact.errors import InputError
from ai_impact.textfile import batch_lines, decode_text, read_text_input


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Café\n".encode(), "Café\n", "utf-8"),
        (b"\xef\xbb\xbfCaf\xc3\xa9", "Café", "utf-8-sig"),
        (b"\xef\xbb\xbfCaf\xe9", "Café", "cp1252"),  # a BOM on Windows-1252 bytes
        ("Café – Lead".encode("cp1252"), "Café – Lead", "cp1252"),
        ("Café".encode("utf-16"), "Café", "utf-16"),
        (b"\x81\x8d\x8f", "\x81\x8d\x8f", "latin-1"),  # bytes cp1252 leaves undefined
    ],
)
def test_decodes_what_editors_write(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data) == (text, encoding)


def test_binary_and_broken_utf16_are_refused_with_the_name() -> None:
    with pytest.raises(InputError, match="The roster looks like a binary file"):
        decode_text(b"PK\x03\x04\x00\x00", what="The roster")
    with pytest.raises(InputError, match="cannot be read as such"):
        decode_text(b"\xff\xfe\x00\x01garbage\x00\x00")


def test_read_text_input_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_text_input(tmp_path / "nope.txt", what="The batch file")
    with pytest.raises(InputError, match="is a folder"):
        read_text_input(tmp_path, what="The batch file")
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    assert len(read_text_input(big, what="The file", max_bytes=10)) == 11


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Nurse\u2028Doctor\nData\x0cScientist\nChef\x85Cook\nA\x1dB\nlast\n", 5),
        ("a\r\nb\r\n", 2),
        ("a\rb", 2),
        ("a\n\nb", 3),  # a blank line is a line: it gets its 'not scored' answer
        ("", 0),
    ],
)
def test_batch_lines_end_at_newlines_only(text: str, lines: int) -> None:
    """QA10: splitlines() cut titles at U+2028, form feeds and U+001D, so a batch answered more
    lines than it was given and every later answer stood beside the wrong input."""
    out = batch_lines(text)
    assert len(out) == lines
    assert all("\n" not in line and "\r" not in line for line in out)


def test_resolve_and_score_batches_answer_one_line_per_input_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ai_impact.cli.app import _register, app

    _register()
    batch = tmp_path / "odd.txt"
    batch.write_text("Registered Nurse\u2028Doctor\nData\x0cScientist\nPrepare reports\n")
    runner = CliRunner()
    for cmd in (["resolve"], ["score-tasks"]):
        result = runner.invoke(app, [*cmd, "--batch", str(batch), "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        assert len(result.stdout.splitlines()) == 3


def test_a_utf8_file_with_stray_windows_bytes_keeps_both_kinds_of_accent() -> None:
    """Rows pasted from a Windows-1252 file into a UTF-8 one: the stray bytes are read as
    Windows-1252, the UTF-8 accents stay single characters (not "CafÃ©")."""
    data = "Café manager\n".encode() + "Crème chef\n".encode("cp1252")
    assert decode_text(data) == ("Café manager\nCrème chef\n", "utf-8+cp1252")
    assert decode_text("Café manager\n".encode("cp1252")) == ("Café manager\n", "cp1252")
    assert decode_text(b"\x81 ok \xc3\xa9") == ("\x81 ok é", "utf-8+cp1252")  # no cp1252 char
