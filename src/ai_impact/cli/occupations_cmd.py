"""``ai-impact occupations``: every occupation as CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from typing import Annotated

import typer

from ai_impact.api import list_occupations
from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from

# Column order of the CSV and key order of the JSON; risk columns arrive with the risk layer.
COLUMNS = (
    "code", "soc", "title", "industry", "industry_slug", "job_zone", "education",
    "major_code", "major_title", "minor_title", "broad_title", "is_residual", "has_tasks",
    "oews_code", "nem_code",
)  # fmt: skip


class ListFormat(StrEnum):
    """Output formats of ``occupations``."""

    csv = "csv"
    json = "json"


@app.command("occupations")
@handles_errors
def occupations(
    fmt: Annotated[ListFormat, typer.Option("--format", help="csv or json.")] = ListFormat.csv,
    db: Annotated[str | None, typer.Option("--db", help="Path of the knowledge base.")] = None,
) -> None:
    """List every occupation with its code, SOC code, title and industry."""
    rows = [
        {c: getattr(o, c) for c in COLUMNS} for o in list_occupations(settings=settings_from(db))
    ]
    if fmt is ListFormat.json:
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    typer.echo(buf.getvalue(), nl=False)
