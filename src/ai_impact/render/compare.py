"""Occupations side by side, in the three formats of ``ai-impact compare``.

A title that maps to several O*NET occupations is analysed as a blend of them, under the code of
the closest one; beside that occupation's own analysis the two would look alike. Every format
therefore labels a blend by what was typed and the occupations blended (:func:`label`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from ai_impact.render.blend import codes_of, is_blend, label
from ai_impact.render.markdown import md_cell, md_text, md_user
from ai_impact.render.pay import median_pay
from ai_impact.reports.figures import pct
from ai_impact.reports.model import OccupationReport
from ai_impact.reports.serialize import report_to_dict

__all__ = [
    "COMPARE_RENDERERS",
    "codes_of",
    "compare_json",
    "compare_markdown",
    "is_blend",
    "label",
]


def compare_markdown(reports: Sequence[OccupationReport]) -> str:
    """A Markdown table, one row per occupation; a blend's note follows the table."""
    lines = [
        "| Occupation | Code | Risk | Category | Work exposed | Exposure index β | Median pay "
        "| Outlook 2024–34 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    notes = []
    for r in reports:
        # BLS's published projection (a blend's lead occupation), as the page's outlook shows.
        change = r.outlook.employment_change_pct if r.outlook else None
        outlook = f"{change:+.1f}%" if change is not None else "—"
        # What the user typed (a blend's label) is escaped as any text: once, for a cell.
        name = md_cell(label(r))
        lines.append(
            f"| {name} | {', '.join(codes_of(r))} | "
            f"{r.risk.score:.1f} | {r.risk.category} | {pct(r.changing.exposure.exposed_share)} | "
            f"{r.changing.exposure.beta:.2f} | "
            f"{median_pay(r.salary)} | {outlook} |"
        )
        if is_blend(r) and r.header.rests_on_note:
            notes.append(f"- {md_user(label(r))}: {md_text(r.header.rests_on_note)}")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def compare_json(reports: Sequence[OccupationReport]) -> str:
    """A JSON array of the reports (the ``analyze --format json`` contract), each with its
    column ``label``."""
    items: list[dict[str, Any]] = [{**report_to_dict(r), "label": label(r)} for r in reports]
    return json.dumps(items, ensure_ascii=False, indent=2)


def compare_html(reports: Sequence[OccupationReport]) -> str:
    """One self-contained comparison page (CSS inline, no links out, no script)."""
    from ai_impact.render.html import StaticLinks, compare_page

    return compare_page(reports, StaticLinks(standalone=True))


COMPARE_RENDERERS: dict[str, Callable[[Sequence[OccupationReport]], str]] = {
    "md": compare_markdown,
    "json": compare_json,
    "html": compare_html,
}
