"""O*NET occupations, tasks, job zones, education and titles (30.3, alternate titles from 29.3)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from ai_impact.sources.tables import RowProblems, read_table, to_float, to_int

__all__ = [
    "OnetOccupation",
    "OnetTask",
    "OnetTitle",
    "read_education",
    "read_job_zones",
    "read_occupations",
    "read_tasks",
    "read_titles",
]

CODE = "O*NET-SOC Code"
_CODE_RE = re.compile(r"^\d\d-\d{4}\.\d\d$")


class OnetOccupation(NamedTuple):
    """An O*NET-SOC occupation as published."""

    code: str
    title: str
    description: str


class OnetTask(NamedTuple):
    """A task statement of one occupation; task_type is Core, Supplemental or None."""

    task_id: int
    code: str
    text: str
    task_type: str | None


class OnetTitle(NamedTuple):
    """A title of one occupation; kind is onet, alternate, short or reported."""

    title: str
    code: str
    kind: str


def valid_code(code: str) -> bool:
    """True for an O*NET-SOC code such as ``15-2051.00``."""
    return bool(_CODE_RE.match(code))


def read_occupations(path: Path) -> list[OnetOccupation]:
    """Occupation Data: every O*NET-SOC code with title and description."""
    rows = read_table(path, (CODE, "Title", "Description"))
    problems = RowProblems(path)
    out: list[OnetOccupation] = []
    for i, row in enumerate(rows, start=1):
        code = row[CODE].strip()
        if not valid_code(code) or not row["Title"].strip():
            problems.add(i, f"bad code or empty title ({code!r})")
            continue
        out.append(OnetOccupation(code, row["Title"].strip(), row["Description"].strip()))
    problems.raise_if_any()
    return out


def read_tasks(path: Path) -> list[OnetTask]:
    """Task Statements with their Task ID and Core/Supplemental type."""
    rows = read_table(path, (CODE, "Task ID", "Task", "Task Type"))
    problems = RowProblems(path)
    out: list[OnetTask] = []
    for i, row in enumerate(rows, start=1):
        code, text = row[CODE].strip(), row["Task"].strip()
        task_id = row["Task ID"].strip()
        kind = row["Task Type"].strip() or None
        if not valid_code(code) or not task_id.isdigit() or not text:
            problems.add(i, f"bad code, task id or text ({code!r}, {task_id!r})")
            continue
        if kind not in (None, "Core", "Supplemental"):
            problems.add(i, f"unknown task type {kind!r}")
            continue
        out.append(OnetTask(int(task_id), code, text, kind))
    problems.raise_if_any()
    return out


def read_job_zones(path: Path) -> dict[str, int]:
    """Job zone (1-5) of each occupation that has one."""
    rows = read_table(path, (CODE, "Job Zone"))
    problems = RowProblems(path)
    out: dict[str, int] = {}
    for i, row in enumerate(rows, start=1):
        try:
            zone = to_int(row["Job Zone"])
        except ValueError:
            zone = None
        if zone is None or not 1 <= zone <= 5:
            problems.add(i, f"job zone {row['Job Zone']!r} is not 1-5")
            continue
        out[row[CODE].strip()] = zone
    problems.raise_if_any()
    return out


def read_education(path: Path, categories_path: Path) -> dict[str, str]:
    """The required level of education most respondents report, per occupation."""
    names = {
        row["Category"].strip(): row["Category Description"].strip()
        for row in read_table(categories_path, ("Scale ID", "Category", "Category Description"))
        if row["Scale ID"].strip() == "RL"
    }
    rows = read_table(path, (CODE, "Scale ID", "Category", "Data Value"))
    best: dict[str, tuple[float, str]] = {}
    for row in rows:
        if row["Scale ID"].strip() != "RL":
            continue
        try:
            share = to_float(row["Data Value"]) or 0.0
        except ValueError:
            share = 0.0
        code = row[CODE].strip()
        if code not in best or share > best[code][0]:
            best[code] = (share, row["Category"].strip())
    return {code: names.get(cat, cat) for code, (_, cat) in best.items()}


def read_titles(
    occupations: list[OnetOccupation], alternate_path: Path, reported_path: Path
) -> list[OnetTitle]:
    """O*NET titles, 29.3 alternate and short titles, and 30.3 sample of reported titles."""
    out = [OnetTitle(o.title, o.code, "onet") for o in occupations]
    for row in read_table(alternate_path, (CODE, "Alternate Title", "Short Title")):
        code = row[CODE].strip()
        if alt := row["Alternate Title"].strip():
            out.append(OnetTitle(alt, code, "alternate"))
        if short := row["Short Title"].strip():
            out.append(OnetTitle(short, code, "short"))
    for row in read_table(reported_path, (CODE, "Reported Job Title")):
        if title := row["Reported Job Title"].strip():
            out.append(OnetTitle(title, row[CODE].strip(), "reported"))
    return out
