"""The report as JSON text: ``analyze --format json`` and the web API share this one function."""

from __future__ import annotations

import json

from ai_impact.reports.model import OccupationReport
from ai_impact.reports.serialize import report_to_dict

__all__ = ["render_json"]


def render_json(report: OccupationReport, *, indent: int | None = 2) -> str:
    """The report's JSON contract as text (UTF-8 kept readable, keys in contract order)."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=indent)
