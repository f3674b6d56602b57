"""Messages of the web face: request validation errors, and the library's hints in web words.

pydantic words its errors for programmers ("body.0: JSON decode error", "Input should be less
than or equal to 10000000"); a client of the API, or a planner posting a roster, gets the same
facts in the words of the CLI's messages: "top must be at least 1 (got 0)", "row 1: unknown key
'salary'".

The library's errors end with a hint for its own users, a command or a call ("list them with
`ai-impact occupations --format csv`"); :func:`web_text` swaps those for what the web offers,
an API route for a client of ``/api/`` and a page for a reader of the site.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from starlette.formparsers import MultiPartException

__all__ = ["input_problems", "unreadable_body", "web_text"]

# A command or call the library's messages name, and the web's equivalent: (API, page). A page
# is a ``Links`` method name in braces. Longer references first: one may contain another.
_REFERENCES: tuple[tuple[str, str, str], ...] = (
    (
        "`ai-impact occupations --format csv`",
        "/api/v1/occupations",
        "the list of every occupation ({occupations})",
    ),
    (
        "`ai-impact occupations`",
        "/api/v1/occupations",
        "the list of every occupation ({occupations})",
    ),
    ("`api.industries()`", "/api/v1/industries", "the industries page ({industries})"),
    (
        "`ai-impact analyze --description-file FILE`",
        "POST /api/v1/analyze-description",
        "the job description page ({describe})",
    ),
)
# Whole hints the web words differently: (API, page).
_HINTS: dict[str, tuple[str, str]] = {
    "Run again with one of the codes.": (
        "Ask again with one of the codes.",
        "Pick one of the occupations below.",
    ),
}

# Where a request value comes from: not worth naming to the user.
_SOURCES = {"body", "query", "path", "header", "cookie"}
# What a union branch expects, by pydantic error type (strict JSON rows: int | float | str).
_EXPECTS = {
    "int_type": "a number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "a string",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "none_required": "null",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
}


def _number(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _shown(value: object, limit: int = 40) -> str:
    """A value as the CLI quotes it, shortened: ``'abc'``; others as JSON: ``true``, ``[1]``."""
    if isinstance(value, bytes):  # a raw body: quoted as text, never as Python's b'...'
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        return "'" + (value if len(value) <= limit else value[: limit - 1] + "…") + "'"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(loc: Sequence[int | str], tagged: bool) -> str:
    """'text', 'top', 'row 3: headcount' — the place of a value, without pydantic's tags."""
    parts = list(loc)
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    if tagged and parts:  # a union branch: ('rows', 0, 'headcount', 'int')
        parts = parts[:-1]
    if len(parts) >= 2 and parts[0] == "rows" and isinstance(parts[1], int):
        rest = ".".join(str(p) for p in parts[2:])
        return f"row {parts[1] + 1}" + (f": {rest}" if rest else "")
    return ".".join(str(p) for p in parts)


def _one(err: Mapping[str, Any], where: str) -> str:
    kind, ctx, value = err.get("type", ""), err.get("ctx") or {}, err.get("input")
    subject = where or "the body"
    if kind == "json_invalid":
        detail = str(ctx.get("error", "")).rstrip(".")
        loc = [p for p in err.get("loc", ()) if isinstance(p, int)]
        at = f", at character {loc[0]}" if loc else ""
        return f"the body is not valid JSON ({detail}{at})"
    if kind == "missing":
        return f"{subject} is required"
    if kind == "extra_forbidden":
        key = where.rsplit(".", 1)[-1].rsplit(": ", 1)[-1]
        place = where[: -len(key)].rstrip(".: ")
        return (f"{place}: " if place else "") + f"unknown key '{key}'"
    if kind in ("string_too_short", "too_short") and ctx.get("min_length") == 1:
        return f"{subject} is empty"
    if kind == "string_too_long":
        n = len(value) if isinstance(value, str) else None
        has = f" (it has {n:,})" if n is not None else ""
        return f"{subject} is longer than {_number(ctx.get('max_length'))} characters{has}"
    if kind == "string_too_short":
        return f"{subject} needs at least {_number(ctx.get('min_length'))} characters"
    if kind == "too_long":
        return f"{subject} has more than {_number(ctx.get('max_length'))} items"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"{subject} must be {words} {_number(ctx.get(key))} (got {_shown(value)})"
    if kind == "literal_error":
        return f"{subject} must be one of {ctx.get('expected')} (got {_shown(value)})"
    if kind in _EXPECTS:
        return f"{subject} must be {_EXPECTS[kind]} (got {_shown(value)})"
    msg = str(err.get("msg", "is not valid")).rstrip(".")
    return f"{subject}: {msg[:1].lower()}{msg[1:]}"


def input_problems(
    errors: Iterable[Mapping[str, Any]],
    *,
    limit: int = 20,
    names: Mapping[str, str] | None = None,
) -> list[str]:
    """One user message per wrong value (the branches of a union are merged into one).

    ``names`` words a parameter for a reader of the pages ("q" is "the title" there).
    """
    merged: dict[str, list[Mapping[str, Any]]] = {}
    for err in errors:
        loc = tuple(err.get("loc", ()))
        tagged = bool(loc) and isinstance(loc[-1], str) and err.get("type") in _EXPECTS
        tagged = tagged and len(loc) >= 2 and loc[-1] in {"int", "float", "str", "bool", "none"}
        where = _where(loc, tagged)
        merged.setdefault((names or {}).get(where, where), []).append(err)
    out = []
    for where, errs in list(merged.items())[:limit]:
        expects = list(dict.fromkeys(_EXPECTS[e["type"]] for e in errs if e["type"] in _EXPECTS))
        if len(errs) > 1 and all(e["type"] in _EXPECTS for e in errs):
            wanted = ", ".join(expects[:-1]) + " or " + expects[-1]
            out.append(f"{where} must be {wanted} (got {_shown(errs[0].get('input'))})")
        else:
            out.extend(_one(e, where) for e in errs)
    return out


def unreadable_body(exc: BaseException) -> str | None:
    """Why a request body could not be read at all, or None when ``exc`` is no such error.

    FastAPI answers a JSON body it cannot decode (bytes that are not UTF-8, arrays nested past
    Python's recursion limit) with a bare 400 "There was an error parsing the body", and
    Starlette a multipart form it cannot split with a 400 "Missing boundary in multipart.";
    the exception they chain from says what happened.
    """
    cause = exc.__cause__ or exc.__context__
    if isinstance(cause, UnicodeDecodeError):
        byte = cause.object[cause.start : cause.start + 1].hex()
        return f"the body is not valid UTF-8 (byte 0x{byte} at position {cause.start:,})"
    if isinstance(cause, RecursionError):
        return "the body nests arrays or objects too deeply to be read"
    if isinstance(cause, MultiPartException):
        why = cause.message.rstrip(".")
        return f"the multipart/form-data body cannot be read ({why[:1].lower()}{why[1:]})"
    return None


def web_text(text: str, pages: Mapping[str, str] | None = None, *, api: bool) -> str:
    """``text`` with the CLI's and the library's references swapped for the web's.

    ``api`` picks API routes (for ``/api/`` answers) or pages, whose URLs ``pages`` gives by
    name (``occupations``, ``industries``, ``describe``: the site's, under its prefix).
    """
    urls = {"occupations": "/occupations", "industries": "/industries", "describe": "/describe"}
    urls.update(pages or {})
    for hint, (for_api, for_pages) in _HINTS.items():
        if text.endswith(hint):
            text = text[: -len(hint)] + (for_api if api else for_pages)
    for ref, route, page in _REFERENCES:
        if ref in text:
            text = text.replace(ref, route if api else page.format(**urls))
    return text
