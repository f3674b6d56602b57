"""Reading user files: every encoding a spreadsheet or editor writes, binaries refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ai_impact.errors import InputError
from ai_impact.textfile import decode_text, read_text_input


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
