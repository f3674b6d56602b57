"""Sections 6 and 10: AI tools and certifications, through the catalogue teammates' matchers.

This module only adapts: it feeds the occupation's scored tasks, work activities and software
to :func:`ai_impact.reports.match_tools.match_tools` and the certification matcher, and turns
their matches into report entries. A catalogue that is missing yields no entries, and the
report builder states the gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ai_impact.reports.model import CertificationEntry, ToolEntry

__all__ = ["certification_entries", "tool_entries"]

MAX_TOOLS = 8
MAX_CERTS = 6


def tool_entries(
    catalog: Any,
    tasks: Sequence[Any],
    betas: Sequence[float],
    activities: Sequence[Any],
    technologies: Sequence[Any],
) -> tuple[ToolEntry, ...]:
    """Catalogued AI tools matched to the occupation's exposed tasks and software."""
    if catalog is None or not tasks:
        return ()
    from ai_impact.reports.match_tools import link_activities, match_tools, technology_terms

    pairs = [(t.text, float(b)) for t, b in zip(tasks, betas, strict=True)]
    links = link_activities(tasks, activities)
    matches = match_tools(catalog, pairs, links, technology_terms(technologies), top=MAX_TOOLS)
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
    catalog: Any, code: str, skills: Sequence[str], knowledge: Sequence[str], tools: Sequence[str]
) -> tuple[CertificationEntry, ...]:
    """Catalogued certifications tied to the occupation and the skills it should build."""
    if catalog is None:
        return ()
    try:
        from ai_impact.reports import match_certs  # type: ignore[attr-defined]
    except ImportError:
        return ()
    matches = match_certs.match_certifications(
        catalog, code=code, skills=skills, knowledge=knowledge, tools=tools, top=MAX_CERTS
    )
    out = []
    for m in matches:
        cert = getattr(m, "cert", getattr(m, "certification", m))
        out.append(
            CertificationEntry(
                name=cert.name,
                issuer=cert.issuer,
                level=getattr(cert, "level", ""),
                effort=getattr(cert, "effort", None),
                cost_usd=getattr(cert, "cost_usd", None),
                reason=getattr(m, "reason", ""),
            )
        )
    return tuple(out)
