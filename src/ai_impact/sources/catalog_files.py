"""What the TOML catalogues (AI tools, certifications) share: reading, entry checks, reporting.

Both catalogues are a header (``version``, ``updated``, ``description``) and an array of
tables with an ``id`` each; both report every problem of the file at once in one
:class:`DataError`. The entry-specific checks stay in :mod:`ai_impact.sources.catalog_tools`
and :mod:`ai_impact.sources.catalog_certs`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from ai_impact.errors import DataError

__all__ = [
    "HEADER",
    "key_problems",
    "parse_toml",
    "raise_problems",
    "read_text",
    "str_list",
    "tables",
    "unique_ids",
]

HEADER = ("version", "updated", "description")
T = TypeVar("T")


def read_text(path: Path, label: str) -> str:
    """The catalogue file's text; a DataError naming ``label`` when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(
            f"Cannot read the {label} {path}: {exc}.",
            hint=f"Restore data/{path.parent.name}/{path.name} from the repository.",
        ) from exc


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """The parsed TOML document; a DataError saying where the syntax breaks."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"{path} is not valid TOML: {exc}.", hint="Fix the syntax.") from exc


def tables(raw: Mapping[str, Any], name: str, errors: list[str]) -> Iterator[tuple[int, str, Any]]:
    """Check the header, then yield (number, where, table) for each ``[[name]]`` entry."""
    for key in HEADER:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            errors.append(f"top level: '{key}' must be a non-empty string")
    entries = raw.get(name)
    if not isinstance(entries, list) or not entries:
        errors.append(f"top level: no [[{name}]] entries")
        return
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            errors.append(f"{name} #{n}: not a table")
            continue
        yield n, f"{name} #{n} ({entry.get('id', '?')})", entry


def unique_ids(
    parsed: Sequence[tuple[int, str, T]], ident: Callable[[T], str], name: str, errors: list[str]
) -> tuple[T, ...]:
    """The parsed entries in order, without (and reporting) any that reuse an earlier id."""
    seen: dict[str, int] = {}
    out: list[T] = []
    for n, where, item in parsed:
        key = ident(item)
        if key in seen:
            errors.append(f"{where}: duplicate id (id {key!r} already used by {name} #{seen[key]})")
            continue
        seen[key] = n
        out.append(item)
    return tuple(out)


def key_problems(
    entry: Mapping[str, Any],
    required: Sequence[str],
    optional: Sequence[str],
    where: str,
    errors: list[str],
) -> bool:
    """Report missing and unknown keys of one table; True when a required key is missing."""
    missing = [k for k in required if k not in entry]
    unknown = sorted(set(entry) - set(required) - set(optional))
    if missing:
        errors.append(f"{where}: missing {', '.join(missing)}")
    if unknown:
        errors.append(f"{where}: unknown key(s) {', '.join(unknown)}")
    return bool(missing)


def str_list(
    entry: Mapping[str, Any],
    key: str,
    where: str,
    errors: list[str],
    shape: re.Pattern[str] | None = None,
    *,
    strip: bool = False,
) -> tuple[str, ...]:
    """A list of non-empty strings (optionally of one ID shape, each once); () when absent."""
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        errors.append(f"{where}: '{key}' must be a list of non-empty strings")
        return ()
    # Task patterns keep their spaces: a trailing blank can be part of the wording matched.
    out = tuple(v.strip() for v in value) if strip else tuple(value)
    if shape is not None:
        errors += [f"{where}: {key} ID {v!r} is malformed" for v in out if not shape.match(v)]
    if len(set(out)) != len(out):
        errors.append(f"{where}: '{key}' lists an item twice")
    return out


def raise_problems(origin: str, errors: Sequence[str], hint: str) -> None:
    """Raise one DataError listing every problem found in the file (nothing when none)."""
    if errors:
        raise DataError(f"{origin} has {len(errors)} problem(s): " + "; ".join(errors), hint=hint)
