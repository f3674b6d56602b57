"""``ai-impact workforce ROSTER.csv``: exposure, at-risk hours and reskilling paths of a roster."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.errors import InputError
from ai_impact.workforce import workforce_report
from ai_impact.workforce.analysis import MIN_CONFIDENCE
from ai_impact.workforce.counts import review_counts
from ai_impact.workforce.formats import people, to_csv, to_json, to_markdown

__all__ = ["workforce_cmd"]


class RosterFormat(StrEnum):
    """Output formats of ``workforce``."""

    md = "md"
    json = "json"
    csv = "csv"


RENDER = {RosterFormat.md: to_markdown, RosterFormat.json: to_json, RosterFormat.csv: to_csv}


@app.command("workforce")
@handles_errors
def workforce_cmd(
    roster: Annotated[
        Path,
        typer.Argument(
            metavar="ROSTER.csv",
            help="CSV with a title column, optional headcount, annual_pay, hourly_pay (an hour, "
            "× 2,080 to a year; annual_pay wins when both are given), code, team, location; "
            "'-' reads standard input.",
        ),
    ],
    fmt: Annotated[
        RosterFormat, typer.Option("--format", "-f", help="md (a page), json or csv.")
    ] = RosterFormat.md,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to FILE instead of standard output.")
    ] = None,
    top: Annotated[
        int, typer.Option(min=1, max=1000, help="How many roles to list by at-risk hours.")
    ] = 10,
    reskilling: Annotated[
        bool, typer.Option(help="Add safer moves and skills to build (one report per occupation).")
    ] = True,
    min_confidence: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Titles matched below this confidence are listed for review, not counted.",
        ),
    ] = MIN_CONFIDENCE,
    db: Annotated[
        str | None, typer.Option("--db", help="Knowledge base file (default: built cache).")
    ] = None,
) -> None:
    """Exposure by role and headcount, at-risk hours, payroll exposed and reskilling paths."""
    if out is not None:
        _check_out(out)
    source: Path | bytes = sys.stdin.buffer.read() if str(roster) == "-" else roster
    report = workforce_report(
        source,
        top=top,
        reskilling=reskilling,
        min_confidence=min_confidence,
        settings=settings_from(db),
    )
    text = RENDER[fmt](report)
    if out is None:
        typer.echo(text, nl=not text.endswith("\n"))
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot write {out}: {exc.strerror}.", hint="Check the path.") from None
    t = report.totals
    typer.echo(
        f"Wrote {out}: {people(report, t.headcount)} in {t.roles:,} roles, "
        f"{review_counts(f'{t.roles_check:,}', f'{t.roles_review:,}')}.",
        err=True,
    )


def _check_out(out: Path) -> None:
    """Refuse an output path that cannot be written before the roster is read and analysed (a
    large roster takes a while; its result should not be lost to a typo in the path)."""
    folder = out.parent
    problem = None
    if out.is_dir():
        problem = "it is a folder"
    elif not folder.is_dir():
        problem = f"the folder {folder} does not exist"
    elif not os.access(folder, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        problem = "permission denied"
    if problem is not None:
        raise InputError(
            f"Cannot write {out}: {problem}.",
            hint="Give --out a file in a folder you can write to; nothing was analyzed.",
        )
