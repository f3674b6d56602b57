"""The AI tools catalogue (``data/catalog/ai_tools.toml``): load, validate, check references.

Each entry is a real AI product mapped to O*NET work activities (29.3 IWA / DWA IDs), task
wording patterns and the software it plugs into, so that matching a tool to an occupation is a
computation over the occupation's tasks (see :mod:`ai_impact.reports.match_tools`), never a
hand-picked list. Every problem in the file is reported at once in one :class:`DataError`.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ai_impact.errors import DataError
from ai_impact.sources.catalog_files import (
    key_problems,
    parse_toml,
    raise_problems,
    read_text,
    str_list,
    tables,
    unique_ids,
)

__all__ = [
    "CATALOG_FILE",
    "CATEGORIES",
    "MODES",
    "AiTool",
    "ToolCatalog",
    "load_tools",
    "parse_catalog",
    "reference_problems",
]

CATALOG_FILE = Path("catalog") / "ai_tools.toml"

# The fixed list of kinds of work a tool belongs to; labels are what a report prints.
CATEGORIES: Mapping[str, str] = {
    "general-assistant": "General AI assistant",
    "office-productivity": "Office and admin productivity",
    "document-processing": "Document processing",
    "writing": "Writing and editing",
    "coding": "Software development",
    "software-testing": "Software testing and code quality",
    "it-operations": "IT operations and support",
    "security": "Cybersecurity",
    "data-analytics": "Data analytics and machine learning",
    "research": "Research and knowledge search",
    "science": "Science and engineering R&D",
    "customer-service": "Customer service",
    "sales": "Sales",
    "marketing": "Marketing and advertising",
    "design": "Design and visual content",
    "media-audio-video": "Media, audio and video",
    "translation": "Translation and interpreting",
    "legal": "Legal",
    "finance-accounting": "Finance, accounting and tax",
    "insurance-real-estate": "Insurance and real estate",
    "recruiting-hr": "Recruiting and HR",
    "education": "Education",
    "clinical-documentation": "Clinical documentation",
    "medical-imaging": "Medical imaging and diagnostics",
    "healthcare-care": "Patient care and health monitoring",
    "architecture-engineering": "Architecture and engineering design",
    "construction": "Construction",
    "manufacturing-robotics": "Manufacturing, quality and industrial robotics",
    "maintenance-inspection": "Maintenance and inspection",
    "logistics": "Logistics and warehousing",
    "transportation": "Transportation and autonomous vehicles",
    "agriculture": "Agriculture",
    "retail-hospitality": "Retail, food service and hospitality",
    "public-safety": "Public safety",
    "personal-services": "Personal services, cleaning and fitness",
}

MODES: tuple[str, ...] = ("automates", "assists")

_REQUIRED = ("id", "name", "vendor", "year", "category", "what", "mode", "iwas", "source")
_OPTIONAL = (
    "dwas",
    "task_patterns",
    "not_for",
    "software",
    "physical",
    "perception",
    "reviewed",
)
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_IWA_RE = re.compile(r"^4\.A\.\d\.[a-z]\.\d+\.I\d\d$")
_DWA_RE = re.compile(r"^4\.A\.\d\.[a-z]\.\d+\.I\d\d\.D\d\d$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MAX_IWAS = 8
_FIRST_YEAR, _LAST_YEAR = 1985, 2026


@dataclass(frozen=True, slots=True)
class AiTool:
    """One real AI product with its O*NET activity mapping and the software it works with."""

    id: str
    name: str
    vendor: str
    year: int
    category: str
    what: str
    mode: str
    iwas: tuple[str, ...]
    dwas: tuple[str, ...]
    task_patterns: tuple[str, ...]
    software: tuple[str, ...]
    source: str
    reviewed: str
    physical: bool = False
    perception: bool = False
    not_for: tuple[str, ...] = ()

    @property
    def outside_exposure(self) -> bool:
        """Whether the tool's work is what the language-model exposure labels do not measure.

        Robots, vehicles and drones (``physical``) and machine perception (``perception``:
        vision on images or video, listening to sounds or signals) reach tasks the labels call
        unexposed, so their fit weighs every task alike, exposed or not.
        """
        return self.physical or self.perception

    @property
    def category_label(self) -> str:
        """The human label of the tool's category."""
        return CATEGORIES[self.category]

    @property
    def open_iwas(self) -> frozenset[str]:
        """IWAs that match as a whole: those with none of the tool's DWAs listed under them.

        Listing DWAs under an IWA narrows the tool to those DWAs within that IWA.
        """
        return frozenset(i for i in self.iwas if not any(d.startswith(i + ".") for d in self.dwas))

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """All task patterns as one compiled regex (None when the tool has none)."""
        return _compiled(self.task_patterns)


@dataclass(frozen=True, slots=True)
class ToolCatalog:
    """The whole catalogue: its version, update date and tools in file order."""

    version: str
    updated: str
    description: str
    tools: tuple[AiTool, ...]

    def get(self, tool_id: str) -> AiTool | None:
        """The tool with this id, or None."""
        return next((t for t in self.tools if t.id == tool_id), None)

    def __len__(self) -> int:
        return len(self.tools)


@lru_cache(maxsize=512)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _parse_entry(entry: Mapping[str, Any], where: str, errors: list[str]) -> AiTool | None:
    """Check one [[tool]] table; append every problem to ``errors``."""
    before = len(errors)
    if key_problems(entry, _REQUIRED, _OPTIONAL, where, errors):
        return None
    for key in ("id", "name", "vendor", "category", "what", "mode", "source"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            errors.append(f"{where}: '{key}' must be a non-empty string")
    if len(errors) > before:
        return None
    if not _ID_RE.match(entry["id"]):
        errors.append(f"{where}: id '{entry['id']}' is not a lowercase slug")
    year = entry["year"]
    if not isinstance(year, int) or isinstance(year, bool) or not _FIRST_YEAR <= year <= _LAST_YEAR:
        errors.append(f"{where}: year {year!r} is not a year in {_FIRST_YEAR}..{_LAST_YEAR}")
    if entry["category"] not in CATEGORIES:
        errors.append(f"{where}: category '{entry['category']}' is not one of CATEGORIES")
    if entry["mode"] not in MODES:
        errors.append(f"{where}: mode '{entry['mode']}' must be 'automates' or 'assists'")
    if not entry["what"].rstrip().endswith("."):
        errors.append(f"{where}: 'what' must be one sentence ending with a full stop")
    reviewed = entry.get("reviewed", "")
    if not isinstance(reviewed, str) or not _DATE_RE.match(reviewed):
        errors.append(f"{where}: 'reviewed' must be a YYYY-MM-DD date")
    physical = entry.get("physical", False)
    perception = entry.get("perception", False)
    for key, flag in (("physical", physical), ("perception", perception)):
        if not isinstance(flag, bool):
            errors.append(f"{where}: '{key}' must be true or false")
    if physical is True and perception is True:
        errors.append(f"{where}: a tool is 'physical' or 'perception', not both")
    iwas = str_list(entry, "iwas", where, errors)
    dwas = str_list(entry, "dwas", where, errors)
    patterns = str_list(entry, "task_patterns", where, errors)
    not_for = str_list(entry, "not_for", where, errors)
    software = str_list(entry, "software", where, errors)
    if not 1 <= len(iwas) <= _MAX_IWAS:
        errors.append(f"{where}: 'iwas' must list 1 to {_MAX_IWAS} IWA IDs, not {len(iwas)}")
    errors.extend(f"{where}: '{i}' is not an IWA ID" for i in iwas if not _IWA_RE.match(i))
    errors.extend(f"{where}: '{d}' is not a DWA ID" for d in dwas if not _DWA_RE.match(d))
    for p in (*patterns, *not_for):
        if p != p.lower():
            errors.append(f"{where}: task pattern '{p}' must be lowercase")
        try:
            re.compile(p)
        except re.error as exc:
            errors.append(f"{where}: task pattern '{p}' is not a valid regex ({exc})")
    if len(errors) > before:
        return None
    return AiTool(
        id=entry["id"],
        name=entry["name"].strip(),
        vendor=entry["vendor"].strip(),
        year=year,
        category=entry["category"],
        what=entry["what"].strip(),
        mode=entry["mode"],
        iwas=iwas,
        dwas=dwas,
        task_patterns=patterns,
        software=software,
        source=entry["source"].strip(),
        reviewed=reviewed,
        physical=physical,
        perception=perception,
        not_for=not_for,
    )


def parse_catalog(raw: Mapping[str, Any], origin: str = "ai_tools.toml") -> ToolCatalog:
    """Validate a parsed TOML document into a catalogue; one DataError lists every fault."""
    errors: list[str] = []
    parsed = [
        (n, where, tool)
        for n, where, entry in tables(raw, "tool", errors)
        if (tool := _parse_entry(entry, where, errors)) is not None
    ]
    tools = unique_ids(parsed, lambda t: t.id, "tool", errors)
    raise_problems(origin, errors, "Fix the entries listed and bump the catalog version.")
    return ToolCatalog(
        version=raw["version"],
        updated=raw["updated"],
        description=raw["description"].strip(),
        tools=tools,
    )


def _read_columns(path: Path, columns: Iterable[str]) -> dict[str, set[str]]:
    """Distinct values of some columns of a gzip CSV (missing file -> DataError)."""
    wanted = tuple(columns)
    found: dict[str, set[str]] = {c: set() for c in wanted}
    try:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            absent = [c for c in wanted if c not in (reader.fieldnames or [])]
            if absent:
                raise DataError(f"{path} lacks column(s) {', '.join(absent)}.")
            for row in reader:
                for c in wanted:
                    found[c].add(row[c].strip())
    except OSError as exc:
        raise DataError(
            f"Cannot read {path}: {exc}.", hint="Re-vendor the data with scripts/vendor_data.py."
        ) from exc
    return found


@lru_cache(maxsize=4)
def _known_ids(data_dir: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """IWA IDs, DWA IDs and software terms (names, commodity titles and codes) O*NET knows."""
    onet = data_dir / "onet"
    iwas = _read_columns(onet / "29.3" / "iwa_reference.csv.gz", ["IWA ID"])["IWA ID"]
    dwas = _read_columns(onet / "29.3" / "dwa_reference.csv.gz", ["DWA ID"])["DWA ID"]
    tech = _read_columns(
        onet / "29.3" / "technology_skills.csv.gz", ["Example", "Commodity Code", "Commodity Title"]
    )
    soft = _read_columns(
        onet / "30.3" / "software_skills.csv.gz", ["Workplace Example", "Element Name"]
    )
    terms = set().union(*tech.values(), *soft.values())
    return frozenset(iwas), frozenset(dwas), frozenset(terms)


def reference_problems(catalog: ToolCatalog, data_dir: Path) -> list[str]:
    """Every IWA, DWA or software reference in the catalogue that O*NET's files do not contain."""
    iwas, dwas, terms = _known_ids(Path(data_dir).resolve())
    problems: list[str] = []
    for tool in catalog.tools:
        problems += [f"{tool.id}: unknown IWA '{i}'" for i in tool.iwas if i not in iwas]
        problems += [f"{tool.id}: unknown DWA '{d}'" for d in tool.dwas if d not in dwas]
        problems += [f"{tool.id}: unknown software '{s}'" for s in tool.software if s not in terms]
    return problems


def load_tools(data_dir: Path, *, check_references: bool = True) -> ToolCatalog:
    """Load and validate ``data_dir/catalog/ai_tools.toml`` (and its O*NET references)."""
    path = Path(data_dir) / CATALOG_FILE
    raw = parse_toml(read_text(path, "AI tools catalog"), path)
    catalog = parse_catalog(raw, origin=str(path))
    if check_references:
        problems = reference_problems(catalog, Path(data_dir))
        if problems:
            raise DataError(
                f"{path} refers to {len(problems)} ID(s) O*NET does not have: "
                + "; ".join(problems),
                hint="Use IDs from data/onet/29.3/*_reference.csv.gz and technology names "
                "from the O*NET technology files.",
            )
    return catalog
