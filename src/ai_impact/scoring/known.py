"""Score free task texts, using the published labels for texts that are O*NET task statements.

``ai-impact score-tasks`` and :func:`ai_impact.api.score_tasks` take any text. A text that is,
once rewritten into O*NET form (:func:`~ai_impact.scoring.phrasing.task_statement`) and
ignoring case, spacing and the final full stop, word for word a labelled O*NET 30.3 task of the
knowledge base is that task: it gets the human label with GPT-4's as the second opinion, the
task's automation level, AEI share and work activities (:func:`score_known_tasks`, source
"human label"). Every other text goes through the model (:func:`score_texts`). The score keeps
the user's own wording in ``task``.

When one statement belongs to several occupations the label most of them carry is used (ties:
the first occupation by code).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from ai_impact.scoring.phrasing import task_statement
from ai_impact.scoring.score import TaskScore, score_known_tasks, score_texts

if TYPE_CHECKING:
    from ai_impact.db.models import Task, TaskActivity

__all__ = ["TaskSource", "score_tasks"]


class TaskSource(Protocol):
    """What the lookup needs from a knowledge base (hashable: the lookup is cached per base)."""

    def __hash__(self) -> int:
        """Identity of the base."""
        ...

    def all_tasks(self) -> list[Task]:
        """Every O*NET task with its labels."""
        ...

    def activities_of(self, code: str) -> list[TaskActivity]:
        """Work-activity links of an occupation's tasks."""
        ...


def _fold(statement: str) -> str:
    """A statement ignoring case, spacing and the final full stop."""
    return " ".join(statement.split()).casefold().rstrip(".")


def _key(text: str) -> str:
    return _fold(task_statement(text))


@lru_cache(maxsize=4)
def _labelled(kb: TaskSource) -> dict[str, Task]:
    """Statement key → the labelled task that stands for it."""
    groups: dict[str, list[Task]] = defaultdict(list)
    for t in kb.all_tasks():
        if t.human_exposure is not None:
            groups[_fold(t.text)].append(t)
    out: dict[str, Task] = {}
    for key, tasks in groups.items():
        label = Counter(t.human_exposure for t in tasks).most_common(1)[0][0]
        out[key] = next(t for t in tasks if t.human_exposure == label)
    return out


def score_tasks(
    kb: TaskSource, texts: Sequence[str], *, adoption_pct: float | None = None
) -> list[TaskScore]:
    """One score per text, in order: published labels for O*NET statements, the model else."""
    lookup = _labelled(kb)
    known = {i: lookup[k] for i, t in enumerate(texts) if (k := _key(t)) in lookup}
    out: dict[int, TaskScore] = {}
    if known:
        tasks = list(known.values())
        ids = {t.task_id for t in tasks}
        acts = [a for c in sorted({t.code for t in tasks}) for a in kb.activities_of(c)]
        scored = score_known_tasks(
            tasks, [a for a in acts if a.task_id in ids], adoption_pct=adoption_pct
        )
        for i, s in zip(known, scored, strict=True):
            out[i] = replace(s, task=texts[i])
    rest = [i for i in range(len(texts)) if i not in known]
    if rest:
        scored_rest = score_texts([texts[i] for i in rest], adoption_pct=adoption_pct)
        out.update(zip(rest, scored_rest, strict=True))
    return [out[i] for i in range(len(texts))]
