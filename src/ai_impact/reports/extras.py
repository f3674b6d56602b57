"""Sections 6 and 10: AI tools and certifications, through the catalogue teammates' matchers.

This module only adapts: it feeds the occupation's scored tasks, work activities and software
to :func:`ai_impact.reports.match_tools.match_tools` and the certification matcher, and turns
their matches into report entries. A catalogue that is missing yields no entries, and the
report builder states the gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ai_impact.reports.model import CertificationEntry, ToolEntry

if TYPE_CHECKING:
    from ai_impact.reports.match_tools import ToolMatch

__all__ = ["certification_entries", "entries_of", "tool_entries", "tool_matches"]

MAX_TOOLS = 8
MAX_CERTS = 6


def tool_matches(
    catalog: Any,
    tasks: Sequence[Any],
    betas: Sequence[float],
    activities: Sequence[Any],
    technologies: Sequence[Any],
) -> list[ToolMatch]:
    """Catalogued AI tools matched to the occupation's exposed tasks and software; where none
    is, the general chat assistants for its direct-exposure (E1) tasks, if enough of them."""
    if catalog is None or not tasks:
        return []
    from ai_impact.reports.match_general import chat_assistant_fallback
    from ai_impact.reports.match_tools import match_tools
    from ai_impact.reports.tool_inputs import link_activities, technology_terms

    pairs = [(t.text, float(b)) for t, b in zip(tasks, betas, strict=True)]
    links = link_activities(tasks, activities)
    matches = match_tools(catalog, pairs, links, technology_terms(technologies), top=MAX_TOOLS)
    if not matches:  # no product made for the work: the labels' own chat-assistant tasks
        matches = chat_assistant_fallback(catalog, pairs)
    return matches


def tool_entries(
    catalog: Any,
    tasks: Sequence[Any],
    betas: Sequence[float],
    activities: Sequence[Any],
    technologies: Sequence[Any],
) -> tuple[ToolEntry, ...]:
    """The report entries of :func:`tool_matches`."""
    return entries_of(tool_matches(catalog, tasks, betas, activities, technologies))


def entries_of(matches: Sequence[ToolMatch]) -> tuple[ToolEntry, ...]:
    """Section 6's entries for tool matches, in their order."""
    return tuple(
        ToolEntry(
            name=m.tool.name,
            vendor=m.tool.vendor,
            year=m.tool.year,
            category=m.tool.category_label,
            what=m.tool.what,
            mode=m.tool.mode,
            matched_tasks=tuple(m.matched_tasks),
            reason=m.reason,
        )
        for m in matches
    )


def certification_entries(
    catalog: Any,
    skills: Sequence[Any],
    knowledge: Sequence[Any],
    technologies: Sequence[Any],
    activities: Sequence[Any],
    focus: Sequence[str],
    text: str,
    title: str,
    *,
    description: str | None = None,
    rated_from: str | None = None,
) -> tuple[CertificationEntry, ...]:
    """Catalogued certifications tied to the occupation and the elements it should build
    (``description``: the description ``text`` opens with; ``rated_from``: whose ratings the
    skills and knowledge are when borrowed; see ``match_certifications``)."""
    if catalog is None:
        return ()
    from ai_impact.reports.match_certs import match_certifications

    matches = match_certifications(
        catalog,
        skills,
        knowledge,
        technologies,
        [a.iwa_id for a in activities],
        focus,
        top=MAX_CERTS,
        text=text,
        title=title,
        description=description,
        rated_from=rated_from,
    )
    return tuple(
        CertificationEntry(
            name=m.cert.name,
            issuer=m.cert.issuer,
            level=m.cert.level,
            effort=m.cert.effort,
            cost_usd=m.cert.cost_usd,
            reason=m.reason,
        )
        for m in matches
    )
