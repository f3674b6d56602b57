"""Physical automation a role's occupation page notes beside tasks that stay human.

The exposure figures, and the hours and risk on them, rate what language models reach: a
forklift operator's work is unexposed, which is right for that measure. But the occupation page
says, beside the human tasks, when a robot, a vehicle autonomy or a vision system on the same
page does one of them (:mod:`~ai_impact.reports.beyond_language`). A roster shows the same
signal for each role, taken from the report the reskilling paths are read from, so the two never
disagree; the figures are unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ai_impact.reports import figures as fx
from ai_impact.reports.beyond_language import KINDS
from ai_impact.reports.model import OccupationReport

if TYPE_CHECKING:
    from ai_impact.workforce.results import RoleResult

__all__ = [
    "Arriving",
    "arriving",
    "arriving_label",
    "arriving_note",
    "arriving_summary",
    "arriving_text",
]

# The kinds the page names, in its order (physical automation first).
_KINDS = KINDS


@dataclass(frozen=True, slots=True)
class Arriving:
    """The page's tools that do tasks it lists as remaining human (none: empty tuples).

    ``kinds`` are "physical automation" and/or "machine perception", ``tools`` the tool names
    and ``tasks`` the human task statements they do, in page order.
    """

    kinds: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.tools)


def arriving(report: OccupationReport) -> Arriving:
    """What the occupation page says is arriving for the tasks it lists as remaining human."""
    marked = [s for s in report.safe_tasks if s.automation_tools]
    notes = " ".join(s.automation_note or "" for s in marked)
    kinds = tuple(k for k in _KINDS if k in notes)
    return Arriving(
        kinds=kinds or (_KINDS[:1] if marked else ()),
        tools=tuple(dict.fromkeys(n for s in marked for n in s.automation_tools)),
        tasks=tuple(s.task for s in marked),
    )


def arriving_text(a: Arriving) -> str:
    """A role's cell: "physical automation arriving: Stretch (1 human task)"; "" for none."""
    if not a:
        return ""
    n = len(a.tasks)
    return (
        f"{fx.and_list(list(a.kinds))} arriving: {fx.and_list(list(a.tools))} "
        f"({n} human task{'' if n == 1 else 's'})"
    )


def _kinds_of(roles: Sequence[RoleResult]) -> list[str]:
    return [k for k in _KINDS if any(r.automation and k in r.automation.kinds for r in roles)]


def arriving_note(roles: Sequence[RoleResult]) -> str | None:
    """The note under a roles table naming the roles whose page notes automation arriving:
    "… for 3 roles: Forklift Operator (Stretch; 1 human task); …"."""
    named = [r for r in roles if r.counted and r.automation]
    if not named:
        return None
    kinds = _kinds_of(named)
    items = []
    for r in named:
        if r.automation:
            n = len(r.automation.tasks)
            tools = fx.and_list(list(r.automation.tools))
            items.append(f"{r.title} ({tools}; {n} human task{'' if n == 1 else 's'})")
    is_ = "is" if len(kinds) == 1 else "are"
    return (
        f"Beyond language AI: {fx.and_list(kinds)} {is_} arriving for tasks the occupation pages "
        f"list as remaining human, for {len(named):,} role{'' if len(named) == 1 else 's'}: "
        f"{'; '.join(items)}. The exposure, hours and risk count language AI only."
    )


def arriving_label(roles: Sequence[RoleResult]) -> str:
    """The summary's label, naming the kinds the roles have ("physical automation" when none)."""
    return f"Roles with {fx.and_list(_kinds_of(roles) or list(_KINDS[:1]))} arriving"


def arriving_summary(roles: int | None, headcount: str) -> str:
    """The summary's value: "3 (87 people), beside tasks that stay human for language AI"."""
    if roles is None:
        return "— (the occupation pages were not read: --no-reskilling)"
    return f"{roles:,} ({headcount}), beside tasks that stay human for language AI"
