"""A :class:`WorkforceReport` as CSV, one row per role (``CSV_COLUMNS``).

Columns are only ever added at the end, so a reader by position keeps its columns. The CSV
guards against spreadsheet formula injection: a text cell that starts with ``= + - @``, a tab or
a carriage return gets a leading apostrophe, since rosters are opened in Excel.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ai_impact.workforce.counts import count_value
from ai_impact.workforce.pay_text import market_group
from ai_impact.workforce.results import WorkforceReport

__all__ = ["CSV_COLUMNS", "to_csv"]

CSV_COLUMNS = (
    "role_id", "title", "team", "location", "lines", "headcount", "status", "code",
    "occupation", "industry", "confidence", "exposure", "exposed_share", "substitution",
    "risk_score",
    "risk_category", "hours_exposed", "hours_at_risk", "headcount_with_pay", "mean_annual_pay",
    "payroll_exposed", "market_median_annual", "market_area", "safer_moves", "skills_to_build",
    "suggestions", "note",
    # Added since: only ever at the end, so a reader by position keeps its columns.
    "market_hourly_median", "market_pay_group", "mean_hourly_pay",
    "automation_arriving", "automation_kinds",
)  # fmt: skip


def _safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _num(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def to_csv(report: WorkforceReport) -> str:
    """One row per roster role with every computed column (``CSV_COLUMNS``)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in report.roles:
        moves = "; ".join(f"{m.title} ({m.code}, risk {m.risk_score:.1f})" for m in r.safer_moves)
        suggest = "; ".join(f"{s.title} ({s.code}, {s.confidence:.2f})" for s in r.suggestions)
        row: list[Any] = [
            r.id, _safe(r.title), _safe(r.team or ""), _safe(r.location or ""),
            " ".join(map(str, r.lines)), count_value(r.headcount), r.status, r.code or "",
            r.occupation or "", r.industry or "", _num(r.confidence, 4), _num(r.exposure, 4),
            _num(r.exposed_share, 4), _num(r.substitution, 4), _num(r.risk_score, 2),
            r.risk_category or "",
            _num(r.hours_exposed, 1), _num(r.hours_at_risk, 1), count_value(r.headcount_with_pay),
            _num(r.mean_pay, 2), _num(r.payroll_exposed, 2),
            _num(r.market_pay.median_annual if r.market_pay else None, 0),
            r.market_pay.area if r.market_pay else "", moves, "; ".join(r.skills_to_build),
            suggest, _safe(r.note or ""),
            _num(r.market_pay.hourly_median if r.market_pay else None, 2),
            market_group(r.market_pay) or "", _num(r.mean_hourly, 2),
            _safe("; ".join(r.automation.tools)) if r.automation else "",
            "; ".join(r.automation.kinds) if r.automation else "",
        ]  # fmt: skip
        writer.writerow(row)
    return buf.getvalue()
