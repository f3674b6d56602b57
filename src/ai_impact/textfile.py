"""Reading text people hand us as files: encodings, byte-order marks, binaries, stdin.

Spreadsheets and editors save text as UTF-8 (with or without a byte-order mark), UTF-16 or a
Windows code page. Every face reads user files through :func:`read_text_input`, so a file
that one command accepts is accepted by all of them, and a bad one gets the same clear
:class:`~ai_impact.errors.InputError` (never a traceback, never a half-read file).
"""

from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

from ai_impact.errors import InputError
from ai_impact.usertext import clean_text

__all__ = ["batch_lines", "decode_text", "read_text_input"]

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes, *, what: str = "The file") -> tuple[str, str]:
    """Text and encoding name: byte-order marks first, then strict UTF-8, then UTF-8 with its
    stray bytes read as Windows-1252 when the file holds any well-formed multi-byte UTF-8, then
    Windows-1252.

    Latin-1 maps every byte, so a text file always decodes; a NUL byte outside UTF-16 means
    a binary file (a spreadsheet, a PDF) and is refused.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{what} starts like UTF-16 text but cannot be read as such ({exc.reason} "
                f"at byte {exc.start}).",
                hint="Save it again as UTF-8 text (CSV UTF-8 from a spreadsheet).",
            ) from exc
    if b"\x00" in data:
        raise InputError(
            f"{what} looks like a binary file, not text.",
            hint="Save it as plain text or CSV (UTF-8) first.",
        )
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    if _MULTIBYTE.search(body):
        # Mostly UTF-8 with a few stray bytes (rows pasted from another file): the stray bytes
        # alone are read as Windows-1252, so "Café" stays "Café" on both kinds of line instead
        # of every UTF-8 accent of the file turning into two characters.
        return body.decode("utf-8", errors=_STRAY_BYTES), "utf-8+cp1252"
    try:
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return body.decode("latin-1"), "latin-1"


# A well-formed UTF-8 sequence of two to four bytes: a file holding one is UTF-8 at heart.
_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_STRAY_BYTES = "ai-impact-stray-cp1252"


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the undecodable bytes read as Windows-1252 (Latin-1 where that
    has no character), decoding resumes after them."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(
        bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in bad
    ), exc.end


codecs.register_error(_STRAY_BYTES, _stray_as_cp1252)


def read_text_input(path: str | Path, *, what: str, max_bytes: int | None = None) -> str:
    """The decoded text of ``path`` (``-`` reads standard input), at most ``max_bytes`` read.

    ``what`` names the input in messages ("The batch file", "The job description"). Control
    characters other than whitespace are removed (:func:`ai_impact.usertext.clean_text`).
    Reading one byte beyond ``max_bytes`` lets the caller refuse an over-long input.
    """
    limit = -1 if max_bytes is None else max_bytes + 1
    try:
        if str(path) == "-":
            data = sys.stdin.buffer.read(limit)
        else:
            with open(path, "rb") as fh:
                data = fh.read(limit)
    except FileNotFoundError:
        raise InputError(f"{what} {str(path)!r} does not exist.") from None
    except IsADirectoryError:
        raise InputError(f"{what} {str(path)!r} is a folder, not a file.") from None
    except OSError as exc:
        raise InputError(f"Cannot read {what.lower()} {str(path)!r}: {exc.strerror}.") from None
    # Control characters out (ESC, BEL, C1…), whitespace kept: lines split as they were typed.
    return clean_text(decode_text(data, what=f"{what} {str(path)!r}")[0])


def batch_lines(text: str) -> list[str]:
    """The lines of a batch file, cut at line feeds only (a trailing carriage return dropped).

    ``str.splitlines`` also cuts at U+2028, form feeds, U+0085 and the separators U+001C–U+001E,
    which a pasted title can hold; a batch answers one line per input line, so only a newline
    (LF or CRLF, or a lone CR as old Mac files have) ends one. A final newline adds no line.
    A byte-order mark that opens a line (files joined with ``cat``, each saved with one) is
    dropped as the file's own is: "\ufeffWrite code." would not open with a verb.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.removeprefix("\ufeff") for line in text.split("\n")]
    if lines and lines[-1] == "":
        lines.pop()
    return lines
