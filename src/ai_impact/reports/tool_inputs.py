"""The inputs of the AI tool matcher, joined from the knowledge base's rows.

:func:`~ai_impact.reports.match_tools.match_tools` takes task texts, activity links keyed by
task text (:class:`ActivityLike`) and technology names. :func:`link_activities` joins the
knowledge base's tasks and task activities into such links; :func:`technology_terms` lists the
names an occupation's technologies answer to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

__all__ = ["ActivityLike", "ActivityLink", "link_activities", "technology_terms"]


class ActivityLike(Protocol):
    """A task's link to one detailed work activity (the task is given by its text)."""

    @property
    def task(self) -> str: ...
    @property
    def iwa_id(self) -> str: ...
    @property
    def iwa_title(self) -> str: ...
    @property
    def dwa_id(self) -> str: ...


class _TaskRow(Protocol):
    @property
    def task_id(self) -> int: ...
    @property
    def text(self) -> str: ...


class _ActivityRow(Protocol):
    @property
    def task_id(self) -> int: ...
    @property
    def iwa_id(self) -> str: ...
    @property
    def iwa_title(self) -> str: ...
    @property
    def dwa_id(self) -> str: ...


class _TechnologyRow(Protocol):
    @property
    def example(self) -> str: ...
    @property
    def commodity_title(self) -> str: ...
    @property
    def commodity_code(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class ActivityLink:
    """A task text joined to one of its work activities."""

    task: str
    iwa_id: str
    iwa_title: str
    dwa_id: str


def link_activities(
    tasks: Iterable[_TaskRow], activities: Iterable[_ActivityRow]
) -> tuple[ActivityLink, ...]:
    """Join knowledge-base tasks and task activities on ``task_id`` into text-keyed links."""
    text_of = {t.task_id: t.text for t in tasks}
    return tuple(
        ActivityLink(text_of[a.task_id], a.iwa_id, a.iwa_title, a.dwa_id)
        for a in activities
        if a.task_id in text_of
    )


def technology_terms(technologies: Iterable[_TechnologyRow]) -> tuple[str, ...]:
    """The names, commodity titles and codes of an occupation's technologies, for matching."""
    terms: dict[str, None] = {}
    for t in technologies:
        for term in (t.example, t.commodity_title, t.commodity_code):
            if term:
                terms[term] = None
    return tuple(terms)
