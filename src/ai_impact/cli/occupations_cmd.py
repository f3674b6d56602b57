"""``ai-impact occupations``: every occupation as CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from typing import Annotated

import typer

from ai_impact.api import list_occupations, occupation_table
from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from

# Column order of the CSV and key order of the JSON; risk columns arrive with the risk layer.
COLUMNS = (
    "code", "soc", "title", "industry", "industry_slug", "job_zone", "education",
    "major_code", "major_title", "minor_title", "broad_title", "is_residual", "has_tasks",
    "oews_code", "nem_code",
)  # fmt: skip
RISK_COLUMNS = (
    "risk_score", "risk_category", "exposure", "exposed_share", "automation", "substitution",
    "ai_usage", "adoption", "demand", "median_annual", "employment_change_pct", "openings_annual",
)  # fmt: skip
# Keys the JSON adds after those columns (the CSV keeps its columns as they are): the hourly
# median, the pay where BLS publishes only hourly wages, and the SOC group whose pay or
# projection a row shows when that group covers other O*NET occupations too.
JSON_KEYS = ("hourly_median", "pay_group", "projection_group")


class ListFormat(StrEnum):
    """Output formats of ``occupations``."""

    csv = "csv"
    json = "json"


@app.command("occupations")
@handles_errors
def occupations(
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="csv or json.")
    ] = ListFormat.csv,
    db: Annotated[str | None, typer.Option("--db", help="Path of the knowledge base.")] = None,
) -> None:
    """List every occupation with its code, SOC, title, industry, risk and its components.

    CSV columns, in this order: code, soc, title, industry, industry_slug, risk_score (1–10),
    risk_category, exposure (the index β), exposed_share, automation, substitution, ai_usage,
    adoption, demand (the components, 0–1), median_annual (US dollars a year),
    employment_change_pct (percent, 2024–34), openings_annual (people a year), job_zone,
    education, major_code, major_title, minor_title, broad_title, is_residual, has_tasks (True
    or False), oews_code, nem_code. A value the sources do not give is empty (null in JSON). JSON:
    an array of objects with the same keys, then hourly_median, pay_group and projection_group
    (docs/json-api.md).
    """
    settings = settings_from(db)
    risk = {r.code: r for r in occupation_table(settings=settings)}
    fields = (*COLUMNS[:5], *RISK_COLUMNS, *COLUMNS[5:])
    rows = [
        {c: getattr(o, c) if c in COLUMNS else getattr(risk[o.code], c) for c in fields}
        for o in list_occupations(settings=settings)
    ]
    if fmt is ListFormat.json:
        for row in rows:
            row.update({k: getattr(risk[str(row["code"])], k) for k in JSON_KEYS})
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    typer.echo(buf.getvalue(), nl=False)
