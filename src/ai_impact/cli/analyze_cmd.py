"""``ai-impact analyze`` and ``ai-impact compare``: the analysis of one or several occupations."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from ai_impact import api
from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.errors import AmbiguousInputError, InputError
from ai_impact.render import RENDERERS
from ai_impact.render.compare import COMPARE_RENDERERS
from ai_impact.render.title_match import best_guess_note
from ai_impact.reports.description import description_to_dict
from ai_impact.reports.jd_split import MAX_CHARS
from ai_impact.textfile import read_text_input


class ReportFormat(StrEnum):
    """Output formats of a report."""

    md = "md"
    json = "json"
    html = "html"


_FORMAT = typer.Option("--format", "-f", help="md (default), json or html.")
_DB = typer.Option("--db", help="Path of the knowledge base.")


def _choices(exc: AmbiguousInputError, query: str) -> str:
    """The error for a title that fits several occupations: what to do, then the candidates
    (those with some confidence, at least the best one: the library's choice), one per line."""
    lines = [f"error: {query!r} could mean several occupations. Run again with one of the codes:"]
    lines += [f"  {c.code}  {c.title}  ({c.confidence:.2f})" for c in exc.candidates]
    return "\n".join(lines)


def _which(exc: AmbiguousInputError, queries: list[str]) -> str:
    """The entry of ``compare`` that fits several occupations (the message starts with it)."""
    return next((q for q in queries if str(exc).startswith(repr(q))), ", ".join(queries))


def _read_description(path: str) -> str:
    """The text of ``--description-file`` (``-`` reads stdin); InputError when unusable."""
    # Up to 4 bytes a character: enough to see that a text is over the character limit.
    return read_text_input(path, what="The job description file", max_bytes=4 * MAX_CHARS)


@app.command("analyze")
@handles_errors
def analyze(
    query: Annotated[
        str | None,
        typer.Argument(help="A job title or an O*NET-SOC / SOC code (optional with -d)."),
    ] = None,
    fmt: Annotated[ReportFormat, _FORMAT] = ReportFormat.md,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            help="State (CA, California), metro area (Austin, 'Portland, OR', 12420) for pay; "
            "default US.",
        ),
    ] = None,
    description_file: Annotated[
        str | None,
        typer.Option(
            "--description-file",
            "-d",
            help="Your own job description or task list (a text file; '-' reads stdin).",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help="Job title of the description (helps find the occupation)."),
    ] = None,
    db: Annotated[str | None, _DB] = None,
) -> None:
    """Write the AI impact analysis of one occupation: risk, tasks, tools, pay, outlook."""
    if area is not None and not area.strip():  # an unset shell variable, not "national"
        raise InputError(
            "--area is empty.",
            hint="Give a state or metro area (--area CA), or leave --area out for US pay.",
        )
    if description_file is not None:
        text = _read_description(description_file)
        report = api.analyze_description(
            text, title=title or query, area=area, settings=settings_from(db)
        )
        if fmt is ReportFormat.json:
            typer.echo(json.dumps(description_to_dict(report), ensure_ascii=False, indent=2))
        else:
            typer.echo(RENDERERS[fmt.value](report))
        return
    if query is None:  # an empty or blank title is the library's one message (api.analyze)
        raise InputError(
            "Give a job title or code, or --description-file.",
            hint="For example: ai-impact analyze 'Registered Nurse'.",
        )
    try:
        report = api.analyze(query, area=area, settings=settings_from(db))
    except AmbiguousInputError as exc:
        typer.echo(_choices(exc, query), err=True)
        raise typer.Exit(exc.exit_code) from None
    note = best_guess_note(report.header, query)
    if note:  # a guess under the threshold: the other occupations, beside the output
        typer.echo(note, err=True)
    typer.echo(RENDERERS[fmt.value](report))


@app.command("compare")
@handles_errors
def compare(
    queries: Annotated[list[str], typer.Argument(help="Two to four titles or codes.")],
    fmt: Annotated[ReportFormat, _FORMAT] = ReportFormat.md,
    db: Annotated[str | None, _DB] = None,
) -> None:
    """Compare two to four occupations: risk, exposure, pay and outlook side by side."""
    try:
        reports = api.compare(queries, settings=settings_from(db))
    except AmbiguousInputError as exc:
        typer.echo(_choices(exc, _which(exc, queries)), err=True)
        raise typer.Exit(exc.exit_code) from None
    typer.echo(COMPARE_RENDERERS[fmt.value](reports))
