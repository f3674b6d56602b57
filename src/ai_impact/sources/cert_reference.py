"""The O*NET facts the certification catalogue refers to: from the vendored files, or a cache.

Resolving the catalogue (:mod:`ai_impact.sources.catalog_certs`) takes skill and knowledge
names, IWA titles, UNSPSC commodity titles and how many occupations use each IWA and technology
(their *specificity*). Computing them reads about 360,000 rows of nine O*NET files, seconds of
work, of which a few hundred values concern the catalogue. :func:`catalog_facts` keeps those
values in a small JSON file in the cache folder, keyed by the catalogue's text and the size and
modification time of every file read, so a fresh process reads them in a millisecond and any
change to the catalogue or the data recomputes them.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ai_impact.errors import DataError

__all__ = ["UNSPSC_RE", "CatalogFacts", "catalog_facts", "onet_reference"]

UNSPSC_RE = re.compile(r"^\d{8}$")

_ONET = Path("onet")
_SKILLS = _ONET / "29.3" / "skills.csv.gz"
_KNOWLEDGE = _ONET / "29.3" / "knowledge.csv.gz"
_IWAS = _ONET / "29.3" / "iwa_reference.csv.gz"
_TECH = _ONET / "29.3" / "technology_skills.csv.gz"
_TOOLS = _ONET / "29.3" / "tools_used.csv.gz"
_UNSPSC = _ONET / "29.3" / "unspsc_reference.csv.gz"
_SOFTWARE = _ONET / "30.3" / "software_skills.csv.gz"
_TASK_DWAS = _ONET / "29.3" / "tasks_to_dwas.csv.gz"
_DWAS = _ONET / "29.3" / "dwa_reference.csv.gz"
_FILES = (_SKILLS, _KNOWLEDGE, _IWAS, _TECH, _TOOLS, _UNSPSC, _SOFTWARE, _TASK_DWAS, _DWAS)
_CODE = "O*NET-SOC Code"
# Specificity = log(N / df) / log(N / _COMMON_DF), clipped to [0, 1]: an item used by
# _COMMON_DF occupations or fewer is fully specific.
_COMMON_DF = 50
# Bump when the cached values or their computation change.
_CACHE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class CatalogFacts:
    """What the catalogue needs from O*NET: names, titles and specificities."""

    names: dict[str, str]  # skill / knowledge element ID -> name (all of them)
    iwa_titles: dict[str, str]  # IWA ID -> title (all of them)
    titles: dict[str, str]  # UNSPSC code -> commodity title, for the codes the catalogue lists
    specificity: dict[str, float]  # IWA ID or technology entry of the catalogue -> 0..1


def _read(path: Path, columns: Iterable[str]) -> list[dict[str, str]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            cols = tuple(columns)
            absent = [c for c in cols if c not in (reader.fieldnames or ())]
            if absent:
                raise DataError(f"{path} lacks the column(s) {', '.join(absent)}.")
            return [{c: (row[c] or "").strip() for c in cols} for row in reader]
    except OSError as exc:
        raise DataError(
            f"Cannot read {path}: {exc}.", hint="Restore data/ from the repository."
        ) from exc


@lru_cache(maxsize=4)
def onet_reference(data_dir: Path) -> dict[str, Any]:
    """Names, known IDs and users of every item in the O*NET files (read once per folder)."""
    names: dict[str, str] = {}
    for path in (_SKILLS, _KNOWLEDGE):
        for row in _read(data_dir / path, ("Element ID", "Element Name")):
            names[row["Element ID"]] = row["Element Name"]
    iwas = {r["IWA ID"]: r["IWA Title"] for r in _read(data_dir / _IWAS, ("IWA ID", "IWA Title"))}
    titles = {
        r["Commodity Code"]: r["Commodity Title"]
        for r in _read(data_dir / _UNSPSC, ("Commodity Code", "Commodity Title"))
    }
    users: dict[str, set[str]] = {}  # lower-cased technology term -> occupations using it
    for path in (_TECH, _TOOLS):
        for row in _read(data_dir / path, (_CODE, "Example", "Commodity Code", "Commodity Title")):
            titles.setdefault(row["Commodity Code"], row["Commodity Title"])
            for key in ("Example", "Commodity Code", "Commodity Title"):
                users.setdefault(row[key].casefold(), set()).add(row[_CODE])
    for row in _read(data_dir / _SOFTWARE, (_CODE, "Workplace Example")):
        users.setdefault(row["Workplace Example"].casefold(), set()).add(row[_CODE])
    examples = {r["Example"] for p in (_TECH, _TOOLS) for r in _read(data_dir / p, ("Example",))}
    examples |= {
        r["Workplace Example"] for r in _read(data_dir / _SOFTWARE, ("Workplace Example",))
    }
    dwa_iwa = {r["DWA ID"]: r["IWA ID"] for r in _read(data_dir / _DWAS, ("DWA ID", "IWA ID"))}
    iwa_users: dict[str, set[str]] = {}
    for row in _read(data_dir / _TASK_DWAS, (_CODE, "DWA ID")):
        iwa_users.setdefault(dwa_iwa.get(row["DWA ID"], ""), set()).add(row[_CODE])
    n = len({c for v in iwa_users.values() for c in v} | {c for v in users.values() for c in v})
    return {
        "names": names,
        "iwas": iwas,
        "titles": titles,
        "examples": examples,
        "tech_users": users,
        "iwa_users": iwa_users,
        "n_occupations": max(n, 1),
    }


def _specificity(df: int, n: int) -> float:
    if df <= 0:
        return 1.0
    return min(1.0, max(0.0, math.log(n / df) / math.log(max(n / _COMMON_DF, 2.0))))


_Entries = Sequence[tuple[Sequence[str], Sequence[str]]]  # each entry's IWA IDs and technologies


def _computed(data_dir: Path, entries: _Entries) -> CatalogFacts:
    """The facts, from the O*NET files."""
    ref = onet_reference(data_dir)
    n = ref["n_occupations"]
    spec: dict[str, float] = {}
    for iwas, technologies in entries:
        for iwa in iwas:
            spec[iwa] = _specificity(len(ref["iwa_users"].get(iwa, ())), n)
        for tech in technologies:
            terms = {tech.casefold()}
            if UNSPSC_RE.match(tech) and tech in ref["titles"]:
                terms.add(ref["titles"][tech].casefold())
            df = len(set().union(*(ref["tech_users"].get(t, set()) for t in terms)))
            spec[tech] = _specificity(df, n)
    codes = {t for _, techs in entries for t in techs if UNSPSC_RE.match(t)}
    return CatalogFacts(
        names=ref["names"],
        iwa_titles=ref["iwas"],
        titles={c: ref["titles"][c] for c in sorted(codes) if c in ref["titles"]},
        specificity=spec,
    )


def _cache_key(data_dir: Path, key_text: str) -> str | None:
    """Hash of the catalogue text and the identity (size, mtime) of every file read."""
    digest = hashlib.sha256(f"{_CACHE_FORMAT}\n{key_text}".encode())
    try:
        for rel in _FILES:
            st = (data_dir / rel).stat()
            digest.update(f"\n{rel}:{st.st_size}:{st.st_mtime_ns}".encode())
    except OSError:
        return None  # a missing file: compute, and let the reader report it
    return digest.hexdigest()[:16]


def _load(path: Path) -> CatalogFacts | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return CatalogFacts(**{k: dict(data[k]) for k in CatalogFacts.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _save(path: Path, facts: CatalogFacts) -> None:
    """Write atomically; a read-only cache folder costs speed, not correctness."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{id(facts)}.tmp")
        tmp.write_text(json.dumps(asdict(facts), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def catalog_facts(
    data_dir: Path,
    entries: _Entries,
    *,
    key_text: str,
    cache_dir: Path | None = None,
) -> CatalogFacts:
    """The O*NET facts for catalogue ``entries`` (each entry's IWA IDs and technologies).

    ``key_text`` is the catalogue's text: with ``cache_dir``, the facts are cached under a key
    made of it and of the O*NET files' sizes and modification times.
    """
    key = _cache_key(data_dir, key_text) if cache_dir is not None else None
    path = Path(cache_dir) / f"cert-reference-{key}.json" if cache_dir and key else None
    if path is not None and (cached := _load(path)) is not None:
        return cached
    facts = _computed(data_dir, entries)
    if path is not None:
        _save(path, facts)
    return facts
