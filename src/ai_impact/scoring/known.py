"""Score free task texts, using the published labels for texts that are labelled O*NET statements.

``ai-impact score-tasks``, :func:`ai_impact.api.score_tasks` and the analysis of a pasted job
description take any text. A text that is, as written or once rewritten into O*NET form
(:func:`~ai_impact.scoring.phrasing.task_statement`), word for word a labelled statement —
ignoring case, spacing and punctuation (:func:`lookup_keys`: the Oxford comma, the final full
stop, curly quotes, "follow-up" / "follow up" / "followup") — is that task. The statements are
the O*NET 30.3 tasks of the knowledge base and the label set's own O*NET 27.2 wording (a task
O*NET has reworded or dropped since). Such a text gets the human label with GPT-4's as the
second opinion, GPT-4's automation level and, for a task still in O*NET 30.3, its AEI share
and work activities (:func:`score_known_tasks`, source "labels", the key of the label set in a
report's ``sources``). Every other text goes through the model (:func:`score_texts`, source
"model"). The score keeps the user's own wording in ``task``.

One statement can belong to several occupations, and 58 statements (57 word for word, one more
once punctuation is ignored) carry different human labels in different occupations ("Assign
and grade class work and homework." is E0 for elementary school teachers, E2 for secondary
school teachers). With an ``occupation`` (the analysis of a
pasted description passes the occupation it found for the text) the text takes that
occupation's own label when it has one. Otherwise the label most of the occupations carry is
used (ties: the first occupation by code among the tied labels); when they disagree the β band
spans every label given and the reason names the split ("the most common of 6 occupations'
labels: E2 in 4, E0 in 2"), as a disagreeing GPT-4 label widens it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from ai_impact.errors import InputError
from ai_impact.scoring.phrasing import task_statement
from ai_impact.scoring.score import LABEL_BETA, TaskScore, score_known_tasks, score_texts

if TYPE_CHECKING:
    from ai_impact.db.models import PublishedLabel, Task, TaskActivity

__all__ = ["TaskSource", "lookup_keys", "score_tasks"]

_MARK = re.compile(r"[^\w\s]|_")  # punctuation and symbols: what the lookup ignores
# The same for ASCII text, faster: every character neither a letter, a digit nor a space.
_ASCII_MARKS = [c for c in map(chr, range(128)) if not c.isalnum() and not c.isspace()]
_AS_SPACE = str.maketrans(dict.fromkeys(_ASCII_MARKS, " "))
_AS_NOTHING = str.maketrans(dict.fromkeys(_ASCII_MARKS, None))


class TaskSource(Protocol):
    """What the lookup needs from a knowledge base (hashable: the lookup is cached per base)."""

    def __hash__(self) -> int:
        """Identity of the base."""
        ...

    def all_tasks(self) -> list[Task]:
        """Every O*NET task with its labels."""
        ...

    def label_set(self) -> list[PublishedLabel]:
        """The label set's rows as published (O*NET 27.2 wording)."""
        ...

    def activities_of(self, code: str) -> list[TaskActivity]:
        """Work-activity links of an occupation's tasks."""
        ...


def _folded(text: str) -> str:
    return (text if text.isascii() else unicodedata.normalize("NFKC", text)).casefold()


def _spaced(folded: str) -> str:
    marks = folded.translate(_AS_SPACE) if folded.isascii() else _MARK.sub(" ", folded)
    return " ".join(marks.split())


def _joined(folded: str) -> str:
    marks = folded.translate(_AS_NOTHING) if folded.isascii() else _MARK.sub("", folded)
    return " ".join(marks.split())


def lookup_keys(text: str) -> tuple[str, str]:
    """The keys a text is looked up by: case, spacing and punctuation ignored, each mark read
    as a space (first key: "follow-up" = "follow up") and as nothing (second: = "followup")."""
    folded = _folded(text)
    return _spaced(folded), _joined(folded)


@dataclass(frozen=True, slots=True)
class _Index:
    """Statement key → the labelled task standing for it in each occupation (one per code)."""

    spaced: dict[str, dict[str, Task]]
    joined: dict[str, dict[str, Task]]

    def find(self, text: str) -> dict[str, Task] | None:
        """The labelled tasks a text is, by its own wording first, then in O*NET form."""
        if (hit := self._get(text)) is None and (rewritten := task_statement(text)) != text:
            hit = self._get(rewritten)
        return hit

    def _get(self, text: str) -> dict[str, Task] | None:
        folded = _folded(text)
        return self.spaced.get(_spaced(folded)) or self.joined.get(_joined(folded))


@lru_cache(maxsize=4)
def _index(kb: TaskSource) -> _Index:
    """Every labelled statement by its keys: the 30.3 tasks first (an occupation's own 30.3
    task wins its key), then the label set's own wording where it differs — the 30.3 task of
    the same Task ID with that row's labels, or for a task O*NET dropped a stand-in with a
    negative ID and no AEI share or work activities."""
    from ai_impact.db.models import Task

    spaced: dict[str, dict[str, Task]] = defaultdict(dict)
    joined: dict[str, dict[str, Task]] = defaultdict(dict)

    def add(task: Task, keys: tuple[str, str]) -> None:
        if keys[0]:
            spaced[keys[0]].setdefault(task.code, task)
            joined[keys[1]].setdefault(task.code, task)

    tasks = kb.all_tasks()
    for t in tasks:
        if t.human_exposure is not None:
            add(t, lookup_keys(t.text))
    by_id = {t.task_id: t for t in tasks}
    for lab in kb.label_set():
        if lab.human_exposure is None:
            continue
        keys = lookup_keys(lab.text)
        task = by_id.get(lab.task_id)
        if (task.code if task else lab.code) in spaced.get(keys[0], {}):
            continue  # the same statement of the same occupation
        stand_in = task or Task(-lab.task_id, lab.code, "", None, None, None, None, None, None)
        labelled = replace(
            stand_in,
            text=lab.text,
            human_exposure=lab.human_exposure,
            gpt4_exposure=lab.gpt4_exposure,
            gpt4_automation=lab.gpt4_automation,
            label_match="label set",
        )
        add(labelled, keys)
    return _Index(dict(spaced), dict(joined))


def _pick(found: dict[str, Task], occupation: str | None) -> tuple[Task, Counter[str] | None]:
    """The task whose label a text takes, and the count of each label when they disagree."""
    if occupation is not None and occupation in found:
        return found[occupation], None
    ordered = [found[code] for code in sorted(found)]
    counts = Counter(str(t.human_exposure) for t in ordered)
    top = max(counts.values())
    chosen = next(t for t in ordered if counts[str(t.human_exposure)] == top)
    return chosen, (counts if len(counts) > 1 else None)


def _disputed(score: TaskScore, counts: Counter[str]) -> TaskScore:
    """A score on the most common of disagreeing labels: the band spans them, the reason says so."""
    betas = [LABEL_BETA[e] for e in counts]
    split = ", ".join(f"{e} in {n}" for e, n in sorted(counts.items(), key=lambda c: (-c[1], c[0])))
    note = f"the most common of {counts.total()} occupations' labels: {split}"
    head, sep, tail = score.timeline_reason.partition("; ")
    return replace(
        score,
        beta_low=round(min(score.beta_low, *betas), 4),
        beta_high=round(max(score.beta_high, *betas), 4),
        timeline_reason=f"{head} ({note}){sep}{tail}",
    )


def score_tasks(
    kb: TaskSource,
    texts: Sequence[str],
    *,
    adoption_pct: float | None = None,
    occupation: str | None = None,
) -> list[TaskScore]:
    """One score per text, in order: published labels for labelled statements, the model else.

    ``occupation`` (an O*NET-SOC code): a statement labelled in that occupation takes its label
    there. An empty or blank text is an :class:`~ai_impact.errors.InputError` naming it."""
    for i, text in enumerate(texts):
        if not text.strip():
            raise InputError(
                f"Task text number {i + 1} is empty.",
                hint="Give every task as a non-empty sentence.",
            )
    index = _index(kb)
    known: dict[int, tuple[Task, Counter[str] | None]] = {}
    for i, text in enumerate(texts):
        if (found := index.find(text)) is not None:
            known[i] = _pick(found, occupation)
    out: dict[int, TaskScore] = {}
    if known:
        tasks = [t for t, _ in known.values()]
        ids = {t.task_id for t in tasks}
        codes = sorted({t.code for t in tasks if t.task_id > 0})  # stand-ins have no activities
        acts = [a for c in codes for a in kb.activities_of(c) if a.task_id in ids]
        scored = score_known_tasks(tasks, acts, adoption_pct=adoption_pct)
        for (i, (_, counts)), s in zip(known.items(), scored, strict=True):
            s = replace(s, task=texts[i])
            out[i] = s if counts is None else _disputed(s, counts)
    rest = [i for i in range(len(texts)) if i not in known]
    if rest:
        scored_rest = score_texts([texts[i] for i in rest], adoption_pct=adoption_pct)
        out.update(zip(rest, scored_rest, strict=True))
    return [out[i] for i in range(len(texts))]
