"""O*NET descriptors per occupation: work activities, skills, knowledge, technology, tools,
related occupations (29.3 tables where 30.3 lacks them, 30.3 where it has them)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ai_impact.sources.onet import CODE
from ai_impact.sources.tables import RowProblems, read_table, to_float, to_int

__all__ = [
    "Activity",
    "Rating",
    "RelatedRow",
    "TechRow",
    "ToolRow",
    "read_activities",
    "read_ratings",
    "read_related",
    "read_technologies",
    "read_tools",
]


class Activity(NamedTuple):
    """A task → DWA link with the DWA's IWA and GWA parents (29.3 ids and titles)."""

    task_id: int
    code: str
    dwa_id: str
    dwa_title: str
    iwa_id: str
    iwa_title: str
    gwa_id: str
    gwa_title: str


class Rating(NamedTuple):
    """Importance and level of one skill or knowledge element in one occupation."""

    code: str
    element_id: str
    name: str
    importance: float | None
    level: float | None


class TechRow(NamedTuple):
    """A technology example of an occupation with its commodity and demand flags."""

    code: str
    example: str
    commodity_code: str | None
    commodity_title: str
    hot: bool
    in_demand: bool


class ToolRow(NamedTuple):
    """A tool example of an occupation."""

    code: str
    example: str
    commodity_title: str


class RelatedRow(NamedTuple):
    """A related occupation with its tier and rank."""

    code: str
    related_code: str
    tier: str
    rank: int


def read_activities(tasks_to_dwas: Path, dwa_reference: Path) -> tuple[list[Activity], int]:
    """Task → DWA → IWA → GWA links (29.3 with 29.3 references); also the unresolved count."""
    refs = {
        row["DWA ID"].strip(): row
        for row in read_table(
            dwa_reference,
            ("Element ID", "Element Name", "IWA ID", "IWA Title", "DWA ID", "DWA Title"),
        )
    }
    out: list[Activity] = []
    unresolved = 0
    problems = RowProblems(tasks_to_dwas)
    for i, row in enumerate(read_table(tasks_to_dwas, (CODE, "Task ID", "DWA ID")), start=1):
        ref = refs.get(row["DWA ID"].strip())
        task_id = row["Task ID"].strip()
        if not task_id.isdigit():
            problems.add(i, f"task id {row['Task ID']!r} is not a number")
            continue
        if ref is None:
            unresolved += 1
            continue
        out.append(
            Activity(
                int(task_id),
                row[CODE].strip(),
                ref["DWA ID"].strip(),
                ref["DWA Title"].strip(),
                ref["IWA ID"].strip(),
                ref["IWA Title"].strip(),
                ref["Element ID"].strip(),
                ref["Element Name"].strip(),
            )
        )
    problems.raise_if_any()
    return out, unresolved


def read_ratings(path: Path) -> list[Rating]:
    """Skills or Knowledge: importance (IM) and level (LV) merged per occupation and element."""
    rows = read_table(path, (CODE, "Element ID", "Element Name", "Scale ID", "Data Value"))
    merged: dict[tuple[str, str], list[object]] = {}
    problems = RowProblems(path)
    for i, row in enumerate(rows, start=1):
        key = (row[CODE].strip(), row["Element ID"].strip())
        scale = row["Scale ID"].strip()
        try:
            value = to_float(row["Data Value"])
        except ValueError:
            problems.add(i, f"data value {row['Data Value']!r} is not a number")
            continue
        entry = merged.setdefault(key, [row["Element Name"].strip(), None, None])
        if scale == "IM":
            entry[1] = value
        elif scale == "LV":
            entry[2] = value
    problems.raise_if_any()
    return [
        Rating(code, element, str(v[0]), _opt_float(v[1]), _opt_float(v[2]))
        for (code, element), v in merged.items()
    ]


def _opt_float(value: object) -> float | None:
    return value if isinstance(value, float) else None


def read_technologies(software_30: Path, technology_29: Path) -> list[TechRow]:
    """30.3 software skills with hot/in-demand flags; UNSPSC commodity codes from 29.3."""
    commodity: dict[tuple[str, str], tuple[str, str]] = {}
    by_example: dict[str, tuple[str, str]] = {}
    for row in read_table(technology_29, (CODE, "Example", "Commodity Code", "Commodity Title")):
        pair = (row["Commodity Code"].strip(), row["Commodity Title"].strip())
        commodity[(row[CODE].strip(), row["Example"].strip())] = pair
        by_example.setdefault(row["Example"].strip(), pair)
    out: list[TechRow] = []
    rows = read_table(
        software_30, (CODE, "Workplace Example", "Element Name", "Hot Technology", "In Demand")
    )
    for row in rows:
        code, example = row[CODE].strip(), row["Workplace Example"].strip()
        found = commodity.get((code, example)) or by_example.get(example)
        out.append(
            TechRow(
                code,
                example,
                found[0] if found else None,
                row["Element Name"].strip(),
                row["Hot Technology"].strip() == "Y",
                row["In Demand"].strip() == "Y",
            )
        )
    return out


def read_tools(path: Path) -> list[ToolRow]:
    """Tools Used (29.3): example and commodity title per occupation."""
    rows = read_table(path, (CODE, "Example", "Commodity Title"))
    return [
        ToolRow(r[CODE].strip(), r["Example"].strip(), r["Commodity Title"].strip()) for r in rows
    ]


def read_related(path: Path) -> list[RelatedRow]:
    """Related Occupations (30.3) with tier and index."""
    rows = read_table(path, (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"))
    problems = RowProblems(path)
    out: list[RelatedRow] = []
    for i, row in enumerate(rows, start=1):
        try:
            rank = to_int(row["Index"])
        except ValueError:
            rank = None
        if rank is None:
            problems.add(i, f"index {row['Index']!r} is not a number")
            continue
        out.append(
            RelatedRow(
                row[CODE].strip(),
                row["Related O*NET-SOC Code"].strip(),
                row["Relatedness Tier"].strip(),
                rank,
            )
        )
    problems.raise_if_any()
    return out
