"""``ai-impact data build`` and ``ai-impact data info``: the knowledge base and its sources."""

from __future__ import annotations

import json
import time
from enum import StrEnum
from typing import Annotated, Any

import typer

from ai_impact.api import data_info
from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.db import build_kb
from ai_impact.errors import KnowledgeBaseError
from ai_impact.settings import Settings

data_app = typer.Typer(help="Build and describe the knowledge base.", no_args_is_help=True)
app.add_typer(data_app, name="data")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Path of the knowledge base (default: in the cache, by data key)."),
]


class InfoFormat(StrEnum):
    """Output formats of ``data info``."""

    text = "text"
    json = "json"


@data_app.command("build")
@handles_errors
def build(
    db: DbOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Rebuild even if the database exists.")
    ] = False,
) -> None:
    """Verify data/MANIFEST checksums and build the SQLite knowledge base."""
    settings = settings_from(db)
    start = time.perf_counter()
    path = build_kb(settings, force=force)
    took = time.perf_counter() - start
    size = path.stat().st_size / 1_000_000
    typer.echo(f"knowledge base: {path} ({size:.1f} MB, {took:.1f} s)")


def _text(info: dict[str, Any]) -> str:
    lines = [f"database: {info['database']} (schema {info['schema_version']}, "
             f"built {info['built_at']})", "", "sources:"]  # fmt: skip
    for src in info["sources"]:
        rows = f"{src['rows']:,} rows" if src["rows"] else "not loaded (kept for reference)"
        lines.append(f"  {src['file']}")
        lines.append(
            f"      {src['release']} | vintage {src['vintage']} | {src['licence']} | {rows}"
        )
    cov = info["coverage"]
    lines += [
        "",
        "coverage:",
        f"  occupations: {cov['occupations']:,} "
        f"({cov['occupations_with_tasks']:,} with tasks; of the rest "
        f"{cov['occupations_without_tasks_residual']:,} are residual 'All Other' codes)",
        f"  task labels: {cov['tasks_labelled']:,} of {cov['tasks']:,} tasks "
        f"({cov['label_coverage']:.1%}; {cov['tasks_labelled_by_id']:,} by task ID, "
        f"{cov['tasks_labelled_by_text']:,} by text)",
        f"  AI usage (AEI): {cov['tasks_with_aei']:,} tasks ({cov['aei_coverage']:.1%})",
        f"  wages: {cov['occupations_with_wage']:,} of {cov['occupations_with_oews_code']:,} "
        f"occupations with an OEWS code ({cov['wage_coverage']:.1%}); "
        f"{cov['wage_rows']:,} wage rows in {cov['areas']:,} areas",
        f"  projections: {cov['occupations_with_projection']:,} occupations "
        f"({cov['projection_coverage']:.1%})",
        f"  titles: {cov['titles']:,} "
        f"({cov['occupations_with_titles_beyond_onet']:,} occupations with more than their "
        f"O*NET title)",
        f"  AI adoption (BTOS): {cov['adoption_periods']} survey periods",
    ]
    return "\n".join(lines)


def _existing(settings: Settings) -> None:
    """A knowledge base named by ``--db`` (or AI_IMPACT_DB) must exist: ``info`` describes one,
    it never builds one there (only the default one in the cache is built on first use)."""
    path = settings.db
    if path is None or path.is_file():
        return
    what = "is a folder, not a knowledge base file" if path.is_dir() else "does not exist"
    raise KnowledgeBaseError(
        f"The knowledge base {str(path)!r} {what}.",
        hint=f"Build it with `ai-impact data build --db {path}`, or leave --db out for the "
        "default one.",
    )


@data_app.command("info")
@handles_errors
def info(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Path of an existing knowledge base (default: in the cache, by data key, "
            "built on first use).",
        ),
    ] = None,
    fmt: Annotated[
        InfoFormat, typer.Option("--format", "-f", help="text or json.")
    ] = InfoFormat.text,
) -> None:
    """Print each source (release, vintage, license, rows) and the coverage figures."""
    settings = settings_from(db)
    _existing(settings)
    result = data_info(settings=settings)
    if fmt is InfoFormat.json:
        typer.echo(json.dumps(result, indent=2, sort_keys=True))
    else:
        typer.echo(_text(result))
