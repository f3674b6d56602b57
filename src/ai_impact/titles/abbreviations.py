"""The abbreviation and noise-word table of job titles, read from
``data/catalog/title_abbreviations.toml`` (data, not code: see that file's comments)."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ai_impact.errors import DataError

__all__ = ["Abbreviations", "load_abbreviations"]

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Abbreviations:
    """Token rewrites and word lists the title normaliser applies."""

    version: str
    expand: dict[Phrase, Phrase]
    max_phrase: int
    upper_only: dict[str, Phrase]
    alone_only: dict[str, Phrase]
    leading: frozenset[str]
    trailing: frozenset[str]
    noise_words: frozenset[str]
    noise_phrases: tuple[Phrase, ...]
    roles: frozenset[str]
    phrase_starts: dict[str, tuple[Phrase, ...]]
    expand_starts: dict[str, int]
    digest: str
    special: frozenset[str] = frozenset()  # every word any rule above starts with
    # One-word titles that name no occupation on their own ("Owner", "Student", "Consultant")
    # where O*NET's titles are too few to tell or the alias table would name one: see the
    # table's [generic] comment, index.py and the resolver.
    generic: frozenset[str] = frozenset()
    # "Restaurant Owner" runs a restaurant: a title headed by one of these words that no index
    # title spells is read with ``owner_reads`` in its place ("manager", then "supervisor"),
    # and ``owner_fallback`` ("business owner") as a secondary key (see [owner], owner.py).
    owner: frozenset[str] = frozenset()
    owner_reads: tuple[str, ...] = ()
    owner_business: frozenset[str] = frozenset()  # "business", "company": dropped before it
    owner_fallback: str = ""
    # Function words of other languages ("de", "der", "la"): see [foreign] and language.py.
    foreign: frozenset[str] = frozenset()


def _words(value: str) -> Phrase:
    return tuple(value.lower().split())


def _section(doc: dict[str, object], name: str, path: Path) -> dict[str, object]:
    section = doc.get(name)
    if not isinstance(section, dict):
        raise DataError(f"{path} has no [{name}] table.", hint="Restore the file from git.")
    return section


def load_abbreviations(path: Path) -> Abbreviations:
    """Parse the abbreviation table at ``path``; raise :class:`DataError` when it is unusable."""
    try:
        text = path.read_text(encoding="utf-8")
        doc = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataError(
            f"Cannot read the title abbreviation table {path}: {exc}.",
            hint="Restore data/catalog/title_abbreviations.toml from git.",
        ) from exc
    expand = {_words(k): _words(str(v)) for k, v in _section(doc, "expand", path).items()}
    upper = {k.lower(): _words(str(v)) for k, v in _section(doc, "upper_only", path).items()}
    alone = {k.lower(): _words(str(v)) for k, v in _section(doc, "alone_only", path).items()}
    seniority = _section(doc, "seniority", path)
    noise = _section(doc, "noise", path)
    roles = _section(doc, "roles", path)

    def strings(section: dict[str, object], key: str) -> list[str]:
        values = section.get(key)
        if not isinstance(values, list):
            raise DataError(f"{path}: `{key}` must be a list of strings.")
        return [str(v).lower() for v in values]

    phrases = tuple(sorted((_words(p) for p in strings(noise, "phrases")), key=len, reverse=True))
    generic = strings(doc["generic"], "words") if isinstance(doc.get("generic"), dict) else []
    owner = doc.get("owner")
    owner_words = strings(owner, "words") if isinstance(owner, dict) else []
    owner_reads = tuple(strings(owner, "reads_as")) if isinstance(owner, dict) else ()
    owner_business = strings(owner, "business") if isinstance(owner, dict) else []
    fallback = str(owner.get("fallback", "")).lower() if isinstance(owner, dict) else ""
    foreign = strings(doc["foreign"], "words") if isinstance(doc.get("foreign"), dict) else []
    starts: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        starts.setdefault(phrase[0], []).append(phrase)
    longest: dict[str, int] = {}
    for key in expand:
        longest[key[0]] = max(longest.get(key[0], 1), len(key))
    return Abbreviations(
        version=str(doc.get("version", "0")),
        expand=expand,
        max_phrase=max((len(k) for k in expand), default=1),
        upper_only=upper,
        alone_only=alone,
        leading=frozenset(strings(seniority, "leading")),
        trailing=frozenset(strings(seniority, "trailing")),
        noise_words=frozenset(strings(noise, "words")),
        noise_phrases=phrases,
        roles=frozenset(strings(roles, "words")),
        phrase_starts={k: tuple(v) for k, v in starts.items()},
        expand_starts=longest,
        digest=hashlib.sha256(text.encode()).hexdigest()[:16],
        special=frozenset(
            {k[0] for k in expand}
            | set(upper)
            | set(alone)
            | set(starts)
            | set(strings(noise, "words"))
        ),
        generic=frozenset(generic),
        owner=frozenset(owner_words) if owner_reads else frozenset(),
        owner_reads=owner_reads,
        owner_business=frozenset(owner_business),
        owner_fallback=fallback,
        foreign=frozenset(foreign),
    )
