"""Occupations side by side, in the three formats of ``ai-impact compare``.

A title that maps to several O*NET occupations is analysed as a blend of them, under the code of
the closest one; beside that occupation's own analysis the two would look alike. Every format
therefore labels a blend by what was typed and the occupations blended (:func:`label`).

Every number keeps its source, as on the analysis page: the Markdown and HTML pages name the
vintage each column rests on (OEWS May 2025 and its area, BLS Employment Projections 2024–34,
the BTOS period) in the same words (:func:`data_notes`), list the same sources with their
licences and attributions (:func:`table_sources`), say that risk is not exposure, mark with †
the pay OEWS publishes for a whole SOC group (:attr:`Salary.pay_group`) and with ‡ the outlook
BLS projects for one (:attr:`Outlook.projection_group`), each with the analysis's note on it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from ai_impact.render.blend import codes_of, is_blend, label
from ai_impact.render.markdown import category_span, md_cell, md_text, md_user, source_name
from ai_impact.render.pay import median_pay, per_hour
from ai_impact.reports.figures import pct
from ai_impact.reports.model import OccupationReport, SourceRef
from ai_impact.reports.serialize import report_to_dict
from ai_impact.reports.shared_figures import (
    SHARED_OUTLOOK_MARK,
    SHARED_PAY_MARK,
    shared_outlook_note,
    shared_pay_note,
)
from ai_impact.reports.sources import NOT_JOB_LOSS, RISK_IS_NOT_EXPOSURE

__all__ = [
    "COMPARE_RENDERERS",
    "PAGE_SOURCES",
    "TABLE_SOURCES",
    "codes_of",
    "compare_json",
    "compare_markdown",
    "data_notes",
    "is_blend",
    "label",
    "outlook_note",
    "pay_note",
    "table_sources",
]


# The sources behind the table's columns: occupations and tasks, exposure, the risk score's
# components, pay and outlook, and the method that combines them (in the analyses' order).
TABLE_SOURCES = ("onet", "labels", "model", "aei", "btos", "ep", "oews", "ai-impact")
# The HTML page's table adds an AI tools row, from the tool catalogue the analysis cites.
PAGE_SOURCES = (*TABLE_SOURCES, "tools")
# Where the HTML table's industry row comes from (the analysis names the industry alone).
INDUSTRY_NOTE = (
    "Industry: ai-impact's industry label of each occupation (data/catalog/industries.toml), "
    "from its SOC 2018 group and, for groups that work across sectors, the NAICS sector that "
    "holds at least half of its OEWS May 2025 employment."
)


def compare_markdown(reports: Sequence[OccupationReport]) -> str:
    """A Markdown page: a heading, one table row per occupation, the notes on shared pay,
    shared projections and blends, the data each column rests on (with its vintage) and the
    sources, as the analysis page gives them."""
    names = [label(r) for r in reports]
    lines = [
        f"# AI impact compared: {md_text(', '.join(names))}",
        "",
        "| Occupation | Code | Risk | Category | Work exposed | Exposure index β | Median pay "
        "| Outlook 2024–34 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    notes = []
    for r in reports:
        # BLS's published projection (a blend's lead occupation), as the page's outlook shows.
        change = r.outlook.employment_change_pct if r.outlook else None
        projected = r.outlook is not None and r.outlook.projection_group is not None
        outlook = "—" if change is None else f"{change:+.1f}%"
        outlook += f" {SHARED_OUTLOOK_MARK}" if projected and change is not None else ""
        shared = r.salary is not None and r.salary.pay_group is not None
        pay = median_pay(r.salary) + (f" {SHARED_PAY_MARK}" if shared else "")
        # What the user typed (a blend's label) is escaped as any text: once, for a cell.
        name = md_cell(label(r))
        lines.append(
            f"| {name} | {', '.join(codes_of(r))} | "
            f"{r.risk.score:.1f} | {r.risk.category} | {pct(r.changing.exposure.exposed_share)} | "
            f"{r.changing.exposure.beta:.2f} | "
            f"{pay} | {outlook} |"
        )
        if is_blend(r) and r.header.rests_on_note:
            notes.append(f"- {md_user(label(r))}: {md_text(r.header.rests_on_note)}")
    lines += ["", md_text(note)] if (note := pay_note(reports)) else []
    lines += ["", md_text(note)] if (note := outlook_note(reports)) else []
    if notes:
        lines += ["", *notes]
    lines += ["", "## Data", "", *(f"- {md_text(n)}" for n in data_notes(reports))]
    lines += ["", "## Sources", ""]
    for s in table_sources(reports):
        line = f"- **{md_text(s.name)}** — {md_text(s.release)}; {md_text(s.licence)}."
        if s.attribution:
            line += f" {md_text(s.attribution)}"
        lines.append(line)
    return "\n".join(lines)


def pay_note(reports: Sequence[OccupationReport]) -> str | None:
    """The note on the pay marked †: each SOC group and the occupations whose pay it is."""
    return shared_pay_note(
        (r.salary.pay_group, f"{r.header.title} ({r.header.code})")
        for r in reports
        if r.salary is not None and r.salary.pay_group
    )


def outlook_note(reports: Sequence[OccupationReport]) -> str | None:
    """The note on the outlook marked ‡, in the analysis's words: whose projection it is, for
    each occupation with its code (titles hold commas of their own)."""
    return shared_outlook_note(
        (r.outlook.projection_group, f"{r.header.title} ({r.header.code})")
        for r in reports
        if r.outlook is not None and r.outlook.projection_group
    )


def data_notes(reports: Sequence[OccupationReport], *, page_rows: bool = False) -> list[str]:
    """What each column rests on, with its vintage, and what the risk does not mean (plain
    text: each format escapes it its own way); with ``page_rows``, also the HTML table's
    industry and AI tools rows."""
    if not reports:
        return []
    first = reports[0]
    salaries = [r.salary for r in reports if r.salary is not None]
    vintages = list(dict.fromkeys(f"OEWS May {s.year}, {s.area}" for s in salaries))
    hourly = (
        "; an hour where BLS publishes only hourly wages" if any(map(per_hour, salaries)) else ""
    )
    # "BTOS, Sep 2025": the latest month BTOS reports for the sector each share is from
    periods = list(dict.fromkeys(p for r in reports if (p := r.changing.adoption_period)))
    months = [p.removeprefix("BTOS, ") for p in periods]
    adoption = (
        f"Census BTOS, the latest month reported for each sector: {', '.join(months)}"
        if months
        else "Census BTOS"
    )
    spans = dict.fromkeys(
        f"“{r.risk.category}” spans {category_span(r.risk.category_range)}" for r in reports
    )
    out = [
        "Risk: the 1–10 disruption risk of the ai-impact risk method "
        f"({source_release(first, 'ai-impact')}), from the exposure index, substitution "
        f"potential, AI use on the tasks today (Anthropic Economic Index), AI adoption in the "
        f"industry ({adoption}) and demand; {'; '.join(spans)}.",
        "Work exposed and exposure index β: each occupation's O*NET 30.3 tasks, scored with the "
        "published GPTs are GPTs labels (Eloundou et al., Science 2024) where they exist and the "
        f"ai-impact task model ({source_release(first, 'model')}) otherwise.",
    ]
    if vintages:
        out.append(f"Median pay: {'; '.join(vintages)} (a year{hourly}).")
    if any(r.outlook is not None for r in reports):
        name = source_name(first, "ep", "BLS Employment Projections 2024–34")
        out.append(f"Outlook 2024–34: projected change in employment, {name}.")
    if page_rows:
        out.append(INDUSTRY_NOTE)
        if any(r.ai_tools for r in reports):
            tools = next((x.release for r in reports for x in r.sources if x.key == "tools"), None)
            catalogue = "the ai-impact AI tool catalog" + (f" ({tools})" if tools else "")
            out.append(
                f"AI tools: the first four products {catalogue} matches to each occupation's "
                "exposed tasks, as its analysis lists them."
            )
    return [*out, RISK_IS_NOT_EXPOSURE, NOT_JOB_LOSS]


def source_release(report: OccupationReport, key: str) -> str:
    """The release of the report's source ``key`` ("risk-5"), or "release not recorded"."""
    return next((s.release for s in report.sources if s.key == key), "release not recorded")


def table_sources(
    reports: Sequence[OccupationReport], keys: Sequence[str] = TABLE_SOURCES
) -> list[SourceRef]:
    """The sources of the table's figures, with release, licence and attribution, once each,
    in the order of ``keys`` (:data:`TABLE_SOURCES`; :data:`PAGE_SOURCES` for the HTML page,
    whose table also lists AI tools)."""
    seen: dict[str, SourceRef] = {}
    for r in reports:
        for ref in r.sources:
            if ref.key in keys:
                seen.setdefault(ref.key, ref)
    return [s for key in keys if (s := seen.get(key)) is not None]


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
