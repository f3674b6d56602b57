"""Formats of a report: one function per format, each taking an :class:`OccupationReport`.

``RENDERERS`` maps a format name (``--format`` of the CLI) to its function. Each function imports
its module on first call, so the CLI does not load Jinja2 or the charting library to print JSON.
"""

from __future__ import annotations

from collections.abc import Callable

from ai_impact.reports.model import OccupationReport

__all__ = ["RENDERERS", "Renderer"]

Renderer = Callable[[OccupationReport], str]


def _json(report: OccupationReport) -> str:
    from ai_impact.render.json import render_json

    return render_json(report)


def _md(report: OccupationReport) -> str:
    from ai_impact.render.markdown import render_markdown

    return render_markdown(report)


def _html(report: OccupationReport) -> str:
    from ai_impact.render.html import report_html

    return report_html(report)


RENDERERS: dict[str, Renderer] = {"md": _md, "json": _json, "html": _html}
