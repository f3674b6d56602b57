"""The O*NET facts the certification catalogue refers to, and the cache of the loaded catalogue.

Resolving the catalogue (:mod:`ai_impact.sources.catalog_certs`) takes skill and knowledge
names, IWA titles, UNSPSC commodity titles and how many occupations use each IWA and technology
(their *specificity*), and the job zone of every occupation (:func:`occupation_zones`, the
level of the occupations a credential certifies and of the occupation it is matched to):
:func:`catalog_facts` reads about 360,000 rows of eleven O*NET files for them, about a second of
work. With TOML parsing and regex checks, loading the catalogue cost
over a second per process, for a result that only changes with the files. The loader therefore
keeps the resolved catalogue as JSON in the cache folder (:func:`read_cache`,
:func:`write_cache`) under :func:`cache_key`: a hash of the catalogue's text, the Python
version and the size and modification time of every O*NET file read, so any change recomputes.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ai_impact.errors import DataError

__all__ = [
    "UNSPSC_RE",
    "CatalogFacts",
    "cache_key",
    "catalog_facts",
    "occupation_zones",
    "onet_reference",
    "read_cache",
    "write_cache",
]

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
_OCCUPATIONS = _ONET / "30.3" / "occupation_data.csv.gz"
_ZONES = _ONET / "30.3" / "job_zones.csv.gz"
_FILES: tuple[Path, ...] = (_SKILLS, _KNOWLEDGE, _IWAS, _TECH, _TOOLS, _UNSPSC, _SOFTWARE)
_FILES += (_TASK_DWAS, _DWAS, _OCCUPATIONS, _ZONES)
_CODE = "O*NET-SOC Code"
# Specificity = log(N / df) / log(N / _COMMON_DF), clipped to [0, 1]: an item used by
# _COMMON_DF occupations or fewer is fully specific.
_COMMON_DF = 50
# Bump when the cached values or their computation change.
_CACHE_FORMAT = 5


@dataclass(frozen=True, slots=True)
class CatalogFacts:
    """What the catalogue needs from O*NET: names, titles and specificities."""

    names: dict[str, str]  # skill / knowledge element ID -> name (all of them)
    iwa_titles: dict[str, str]  # IWA ID -> title (all of them)
    titles: dict[str, str]  # UNSPSC code -> commodity title, for the codes the catalogue lists
    specificity: dict[str, float]  # IWA ID or technology entry of the catalogue -> 0..1
    zones: dict[str, int]  # O*NET-SOC code -> job zone 1..5 (see occupation_zones)
    titles_by_code: dict[str, str]  # O*NET-SOC code -> occupation title


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


@lru_cache(maxsize=4)
def occupation_zones(data_dir: Path) -> tuple[dict[str, str], dict[str, int]]:
    """Every O*NET 30.3 occupation's title and job zone (1 = little preparation .. 5 =
    extensive: a graduate degree).

    O*NET gives no zone to about 90 occupations (its "All Other" residuals, some newer
    occupations): they take the zone most of the rated occupations sharing the longest SOC
    prefix have (7, 6, 5 then 4 characters; ties to the higher zone), as the report builder
    borrows their ratings: "Surgeons, All Other" is at the surgeons' zone 5.
    """
    titles = {
        r[_CODE]: r["Title"] for r in _read(data_dir / _OCCUPATIONS, (_CODE, "Title")) if r[_CODE]
    }
    zones: dict[str, int] = {}
    for row in _read(data_dir / _ZONES, (_CODE, "Job Zone")):
        if row["Job Zone"].isdigit() and 1 <= int(row["Job Zone"]) <= 5:
            zones[row[_CODE]] = int(row["Job Zone"])
    filled = dict(zones)
    for code in titles.keys() - zones.keys():
        for n in (7, 6, 5, 4):
            near = Counter(z for c, z in zones.items() if c[:n] == code[:n])
            if near:
                filled[code] = max(near, key=lambda z: (near[z], z))
                break
    return titles, filled


def _specificity(df: int, n: int) -> float:
    if df <= 0:
        return 1.0
    return min(1.0, max(0.0, math.log(n / df) / math.log(max(n / _COMMON_DF, 2.0))))


_Entries = Sequence[tuple[Sequence[str], Sequence[str]]]  # each entry's IWA IDs and technologies


def cache_key(data_dir: Path, catalog_text: str) -> str | None:
    """Hash of the catalogue text, the Python version (regex syntax) and the identity (size,
    modification time) of every O*NET file read; None when one is missing."""
    head = f"{_CACHE_FORMAT}\n{sys.version_info[:2]}\n{catalog_text}"
    digest = hashlib.sha256(head.encode())
    try:
        for rel in _FILES:
            st = (data_dir / rel).stat()
            digest.update(f"\n{rel}:{st.st_size}:{st.st_mtime_ns}".encode())
    except OSError:
        return None  # compute, and let the reader report the missing file
    return digest.hexdigest()[:16]


def _cache_file(cache_dir: Path, key: str) -> Path:
    return Path(cache_dir) / f"certifications-{key}.json"


def read_cache(cache_dir: Path, key: str) -> dict[str, Any] | None:
    """The document cached under ``key``, or None (absent or unreadable)."""
    try:
        data = json.loads(_cache_file(cache_dir, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_cache(cache_dir: Path, key: str, data: dict[str, Any]) -> None:
    """Write atomically; a read-only cache folder costs speed, not correctness."""
    path = _cache_file(cache_dir, key)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def catalog_facts(data_dir: Path, entries: _Entries) -> CatalogFacts:
    """The O*NET facts for catalogue ``entries`` (each entry's IWA IDs and technologies)."""
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
    occupations, zones = occupation_zones(data_dir)
    return CatalogFacts(
        names=ref["names"],
        iwa_titles=ref["iwas"],
        titles={c: ref["titles"][c] for c in sorted(codes) if c in ref["titles"]},
        specificity=spec,
        zones=zones,
        titles_by_code=occupations,
    )
