"""GPTs-are-GPTs task labels (O*NET 27.2) and their join to current task statements.

The published labels are keyed by O*NET 27.2 occupation code and Task ID. Task IDs survive
across O*NET releases, so a 30.3 task is matched by (code, Task ID) first, then Task ID alone
(the task moved to another code), then by normalized text (the task was re-numbered).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from ai_impact.sources.tables import RowProblems, read_table, to_int

__all__ = ["LabelJoin", "TaskLabel", "join_labels", "normalize_task_text", "read_labels"]

_EXPOSURE = {"E0", "E1", "E2"}
_PUNCT = str.maketrans("", "", string.punctuation)
_SPACE = re.compile(r"\s+")


class TaskLabel(NamedTuple):
    """Exposure labels of one 27.2 task: human and GPT-4 E0/E1/E2, GPT-4 automation 0-4."""

    code: str
    task_id: int
    text: str
    human_exposure: str | None
    gpt4_exposure: str | None
    gpt4_automation: int | None


class LabelJoin(NamedTuple):
    """The label found for a task and how: 'id' (Task ID) or 'text' (normalized text)."""

    label: TaskLabel
    match: str


def normalize_task_text(text: str) -> str:
    """Lowercase, strip punctuation and collapse whitespace: the text join key."""
    return _SPACE.sub(" ", text.lower().translate(_PUNCT)).strip()


def read_labels(path: Path) -> list[TaskLabel]:
    """full_labelset.tsv: one row per 27.2 task with its exposure and automation labels."""
    cols = ("O*NET-SOC Code", "Task ID", "Task", "human_exposure_agg", "gpt4_exposure")
    rows = read_table(path, (*cols, "gpt4_automation"), delimiter="\t")
    problems = RowProblems(path)
    out: list[TaskLabel] = []
    for i, row in enumerate(rows, start=1):
        human = row["human_exposure_agg"].strip() or None
        gpt4 = row["gpt4_exposure"].strip() or None
        auto = row["gpt4_automation"].strip()
        try:
            task_id = to_int(row["Task ID"])
        except ValueError:
            task_id = None
        if task_id is None:
            problems.add(i, f"task id {row['Task ID']!r} is not a number")
            continue
        if human not in _EXPOSURE | {None} or gpt4 not in _EXPOSURE | {None}:
            problems.add(i, f"exposure labels {human!r}/{gpt4!r} are not E0/E1/E2")
            continue
        if auto and not (len(auto) == 2 and auto[0] == "T" and auto[1] in "01234"):
            problems.add(i, f"automation label {auto!r} is not T0-T4")
            continue
        out.append(
            TaskLabel(
                row["O*NET-SOC Code"].strip(),
                task_id,
                row["Task"].strip(),
                human,
                gpt4,
                int(auto[1]) if auto else None,
            )
        )
    problems.raise_if_any()
    return out


def join_labels(
    tasks: Iterable[tuple[int, str, str]], labels: list[TaskLabel]
) -> dict[int, LabelJoin]:
    """Label for each (task_id, code, text): by (code, id), then id, then normalized text."""
    by_code_id = {(lab.code, lab.task_id): lab for lab in labels}
    by_id: dict[int, TaskLabel] = {}
    by_text: dict[str, TaskLabel] = {}
    for lab in labels:
        by_id.setdefault(lab.task_id, lab)
        by_text.setdefault(normalize_task_text(lab.text), lab)
    out: dict[int, LabelJoin] = {}
    for task_id, code, text in tasks:
        by_number = by_code_id.get((code, task_id)) or by_id.get(task_id)
        if by_number is not None:
            out[task_id] = LabelJoin(by_number, "id")
        elif (by_words := by_text.get(normalize_task_text(text))) is not None:
            out[task_id] = LabelJoin(by_words, "text")
    return out
