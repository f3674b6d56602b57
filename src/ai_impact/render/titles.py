"""The section titles of an analysis, one set for Markdown, the HTML headings and its table of
contents, and the static export (PRODUCT.md's section names), and the at-risk tasks' lead.

Each title is keyed by the section's HTML anchor (``#tasks``, ``#safe``, …).
"""

from __future__ import annotations

from ai_impact.reports.disputed import HEADING as DISPUTED_HEADING

__all__ = ["EXPOSURE_HEADER", "NAV_TITLES", "SECTION_TITLES", "TASKS_LEAD"]

SECTION_TITLES: dict[str, str] = {
    "overview": "Overview",
    "changing": "How AI is changing the profession",
    "tasks": "Tasks at risk of automation",
    "safe": "Tasks that remain safe",
    "disputed": DISPUTED_HEADING,
    "tools": "AI tools entering the role",
    "pay": "Salary",
    "outlook": "Employment outlook",
    "adapt": "Adaptation strategy",
    "certs": "Certifications",
    "related": "Related analyses",
    "method": "Method and sources",
}

# The table of contents: the same titles; only the disputed one, a sentence, is cut to its head.
NAV_TITLES: dict[str, str] = SECTION_TITLES | {"disputed": "Disputed tasks"}

# The at-risk tasks' exposure column: β of a labelled task is 1 for "an LLM alone" (E1) and 0.5
# for "software built on LLMs" (E2), so the header says what the figure is.
EXPOSURE_HEADER = "Exposure (β; AI+software counts half)"

# How the at-risk tasks are ordered (reports.tasks.takeover_order: substitution share, then
# core before supplemental, then β, then automation level) and what β means.
TASKS_LEAD = (
    "Ordered by how much of each task AI could take over (the chance AI reaches it × its "
    "automation level), then core tasks before supplemental ones. Exposure β is 1 when an LLM "
    "alone does the task and 0.5 when it needs software built on LLMs (for a task without a "
    "published label, the model's estimate between 0 and 1)."
)
