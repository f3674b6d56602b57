"""One JSON Lines record: a JSON object on one line, whatever the line-splitting reader.

``json.dumps(..., ensure_ascii=False)`` keeps U+2028, U+2029 and U+0085 as they are; JSON allows
them, but readers that split with ``str.splitlines`` (or JavaScript before ES2019) end a line
there, and a title pasted from a word processor can hold them. They are escaped here, so every
record is one line to every reader, and non-ASCII text otherwise stays readable.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["jsonl_record"]

_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def jsonl_record(value: Any) -> str:
    """``value`` as one JSON line (no trailing newline)."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS)
