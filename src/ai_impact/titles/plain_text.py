"""Turn pasted text into plain text before a title is read: markup removed, character
references decoded, accented Latin letters folded to ASCII ("Café" → "Cafe", "Straße" →
"Strasse"). Letters of other scripts are left alone; the title reader ignores them.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["fold_letters", "plain_text", "strip_markup"]

# Only references closed by ";" are decoded: "R&D" and "P&L" stay as written.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Script and style bodies are code, not text a browser would show: dropped with their tags
# (an unclosed one runs to the end, as in a browser).
_CODE_ELEMENT = re.compile(
    r"<\s*(script|style)\b[^>]*>.*?(?:<\s*/\s*\1\s*>|$)", re.IGNORECASE | re.DOTALL
)
# A tag must start with a letter, "/" or "!" after "<": "Engineer <5 yrs>" is no tag, but
# "<b>", "</b>", "<br/>", "<!-- x -->" and "<img src=x onerror=...>" are.
_TAG = re.compile(r"<!--.*?(?:-->|$)|<\s*/?\s*[A-Za-z!][^<>]*>", re.DOTALL)
# Latin letters NFKD does not decompose into a base letter plus marks.
_LETTERS = str.maketrans(
    {
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
        "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŋ": "ng", "Ŋ": "NG", "ŧ": "t",
        "Ŧ": "T",
    }
)  # fmt: skip


def strip_markup(text: str) -> str:
    """``text`` with character references decoded and HTML/XML tags (and script bodies)
    replaced by spaces: "<b>Nurse</b>" → " Nurse "."""
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if "<" in text:
        text = _CODE_ELEMENT.sub(" ", text)
        text = _TAG.sub(" ", text)
    return text


def fold_letters(text: str) -> str:
    """``text`` in NFKC form with Latin letters folded to ASCII ("Señor" → "Senor",
    "Łódź" → "Lodz", "ﬁ" → "fi"); other scripts keep their letters."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", bare)


def plain_text(text: str) -> str:
    """What the title reader should see: NFKC first (so "＜b＞" is a tag), then markup
    stripped (so "Caf&eacute;" is "Café"), then letters folded."""
    return fold_letters(strip_markup(unicodedata.normalize("NFKC", text)))
