"""The line a report gives for a matched AI tool: which of the page's tasks it fits, and through
what (see :func:`reason_line`)."""

from __future__ import annotations

from dataclasses import dataclass

from ai_impact.reports import figures as fx
from ai_impact.reports.tech_names import display_name
from ai_impact.sources.catalog_tools import AiTool

__all__ = ["Fit", "reason_line"]

_OUTSIDE_NOTE = (
    "{}, which the language-model exposure figures do not count (tasks it fits can be listed "
    "as remaining human)"
)
_PHYSICAL_NOTE = _OUTSIDE_NOTE.format("Physical automation")
_PERCEPTION_NOTE = _OUTSIDE_NOTE.format("Machine perception (images or sounds)")


@dataclass(frozen=True, slots=True)
class Fit:
    """What a tool's line says: the tasks it fits, out of how many, and through what."""

    first: str  # the task it fits best
    n_matched: int
    n_tasks: int
    activities: tuple[str, ...]  # the (at most two) work activities it fits most often
    software: tuple[str, ...]


def reason_line(tool: AiTool, fit: Fit, *, say_exposed: bool = True) -> str:
    """One line saying which of the page's tasks the tool fits, and through what.

    One task is named ("Fits one task: “…”"), several are counted over all the page's tasks
    (its first few are listed with the tool). A language tool fits exposed tasks only: its line
    says so when ``say_exposed`` (the first language tool of a list; repeated on every bullet it
    was noise). A robot's or a vision model's line says it may fit tasks the page lists as
    remaining human. How the matcher found a task (the wording of a statement) is not said. No
    share of the work is given: the score behind the ranking weighs tasks by how surely they
    fit, which is no share of the page's work.
    """
    via = ""
    if fit.activities:
        named = " and ".join(f"'{t.rstrip('.')}'" for t in fit.activities)
        via = (
            ", through the work activities "
            if len(fit.activities) > 1
            else ", through the work activity "
        ) + named
    one = fit.n_matched == 1
    if fit.n_tasks == 1:
        fits = "fits its only task"
    elif one:
        fits = "fits one task"
    else:
        fits = f"fits {fit.n_matched} of its {fit.n_tasks} tasks"
    if tool.outside_exposure:
        note = _PHYSICAL_NOTE if tool.physical else _PERCEPTION_NOTE
        text = f"{note}: {fits}{via}"
    else:
        exposed = ""
        if say_exposed:
            exposed = " (exposed to AI)" if one else " (all exposed to AI)"
        text = f"{fits.capitalize()}{exposed}{via}"
    if one:
        text += f": “{fit.first.rstrip('.')}”"
    if fit.software:
        # as O*NET names them: "Git", "Salesforce software" (a lower-cased first word would turn
        # product names into common nouns), by the name people use ("SQL")
        named = fx.and_list([display_name(s) for s in fit.software[:3]])
        text += f". This occupation already uses software it works with: {named}"
    return text + "."
