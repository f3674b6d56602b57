"""The versioned alias table of modern job titles that O*NET lacks as occupations, read from
``data/catalog/title_aliases.toml``: each title names the O*NET-SOC occupations it rests on."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ai_impact.errors import DataError

__all__ = ["AliasEntry", "AliasTable", "load_aliases"]


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One modern title, its spelling variants, the occupations it rests on and why."""

    title: str
    aliases: tuple[str, ...]
    candidates: tuple[tuple[str, float], ...]
    note: str


@dataclass(frozen=True)
class AliasTable:
    """Every alias entry, with the table's version and date."""

    version: str
    updated: str
    entries: tuple[AliasEntry, ...]
    digest: str = ""


def load_aliases(path: Path) -> AliasTable:
    """Parse the alias table at ``path``, reporting every malformed entry at once."""
    hint = "Fix data/catalog/title_aliases.toml (see the comments at its top)."
    try:
        text = path.read_text(encoding="utf-8")
        doc = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(f"Cannot read the title alias table {path}: {exc}.", hint=hint) from exc
    problems: list[str] = []
    entries: list[AliasEntry] = []
    for n, raw in enumerate(doc.get("alias", []), start=1):
        try:
            candidates = tuple((str(c["code"]), float(c["weight"])) for c in raw["candidates"])
            entry = AliasEntry(
                title=str(raw["title"]),
                aliases=tuple(str(a) for a in raw.get("aliases", [])),
                candidates=candidates,
                note=str(raw["note"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"entry {n}: missing or bad field {exc}")
            continue
        if not candidates:
            problems.append(f"entry {n} ({entry.title}): no candidates")
        entries.append(entry)
    if problems:
        raise DataError(f"{path} has malformed entries: " + "; ".join(problems) + ".", hint=hint)
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return AliasTable(
        str(doc.get("version", "0")), str(doc.get("updated", "")), tuple(entries), digest
    )
