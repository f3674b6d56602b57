"""The report as plain JSON data: the contract of ``analyze --format json`` and the web API.

The shape is documented in docs/json-api.md; the keys PRODUCT.md names are kept exactly:
``occupation.code|soc|title``, ``industry``, ``risk.score|category|range``,
``exposure`` (the exposure index β, 0–1), ``tasks_at_risk[].task|timeline|exposure``,
``safe_tasks[].task|reason``, ``ai_tools[].name|vendor``,
``salary.median_annual``, ``outlook.employment_change_pct``, ``adaptation[]``,
``certifications[].name|issuer``, ``related[].code|title|risk``, ``sources[]``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ai_impact.reports.model import OccupationReport

__all__ = ["SCHEMA_VERSION", "report_to_dict"]

SCHEMA_VERSION = "1.0"


def _round(value: Any) -> Any:
    """Round floats for stable, readable JSON (4 decimals), recursively."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_round(v) for v in value]
    return value


def report_to_dict(report: OccupationReport) -> dict[str, Any]:
    """Turn a report into the JSON-ready dict of the public contract."""
    h = report.header
    risk = report.risk
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "occupation": {
            "code": h.code,
            "soc": h.soc,
            "title": h.title,
            "description": h.description,
            "job_zone": h.job_zone,
            "resolved_from": h.resolved_from,
            "rests_on": list(h.rests_on),
            "rests_on_note": h.rests_on_note,
            # how sure a typed title's occupation is, and what else it may mean (None for a code)
            "match": None if h.match is None else asdict(h.match),
        },
        "industry": h.industry,
        "industry_slug": h.industry_slug,
        "risk": {
            "score": risk.score,
            "category": risk.category,
            "category_range": list(risk.category_range),
            "range": [risk.low, risk.high],
            "components": [{**asdict(c), "points": c.points} for c in risk.components],
        },
        "exposure": report.changing.exposure.beta,
        "exposure_detail": {
            **asdict(report.changing.exposure),
            "exposed_share": report.changing.exposure.exposed_share,
        },
        "overview": list(report.overview),
        "how_ai_changes": {
            "adoption_pct": report.changing.adoption_pct,
            "adoption_sector": report.changing.adoption_sector,
            "adoption_period": report.changing.adoption_period,
            "demand_change_pct": report.changing.demand_change_pct,
            "sentences": list(report.changing.sentences),
        },
        "tasks_at_risk": [asdict(t) for t in report.tasks_at_risk],
        "safe_tasks": [asdict(t) for t in report.safe_tasks],
        "disputed_tasks": [asdict(t) for t in report.disputed_tasks],
        "ai_tools": [asdict(t) for t in report.ai_tools],
        "salary": asdict(report.salary) if report.salary else None,
        "outlook": asdict(report.outlook) if report.outlook else None,
        "adaptation": [asdict(a) for a in report.adaptation],
        "certifications": [asdict(c) for c in report.certifications],
        "related": [asdict(r) for r in report.related],
        "method": asdict(report.method),
        "sources": [asdict(s) for s in report.sources],
        "gaps": [asdict(g) for g in report.gaps],
    }
    return dict(_round(out))
