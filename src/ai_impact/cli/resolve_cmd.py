"""``ai-impact resolve``: job title → ranked O*NET occupations (one title, or a file of them)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.cli.jsonl import jsonl_record
from ai_impact.errors import InputError, NotFoundError
from ai_impact.textfile import batch_lines, read_text_input
from ai_impact.titles import Resolution, resolver_for


class ResolveFormat(StrEnum):
    """Output formats of ``resolve``."""

    table = "table"
    json = "json"
    jsonl = "jsonl"


def _table(res: Resolution) -> str:
    lines = [f"{res.input!r} reads as {res.normalized!r}", ""]
    lines.append(f"  {'#':>2}  {'code':<10}  {'confidence':>10}  {'via':<8}  title")
    for i, c in enumerate(res.candidates, start=1):
        lines.append(f"  {i:>2}  {c.code:<10}  {c.confidence:>10.2f}  {c.via:<8}  {c.title}")
    if res.alias_note:
        lines += ["", f"note: {res.alias_note}"]
    if res.needs_choice:
        lines += [
            "",
            "Not sure which occupation this is: pick the right one and run "
            f"`ai-impact analyze {res.candidates[0].code}` with its code.",
        ]
    return "\n".join(lines)


CONFIDENCE_DIGITS = 4  # the JSON floats of every face are rounded to 4 decimals


def _line(res: Resolution) -> dict[str, Any]:
    """The PRODUCT.md batch line, its confidences rounded as every JSON face rounds floats."""
    body = res.to_json()
    for row in body["candidates"]:
        row["confidence"] = round(row["confidence"], CONFIDENCE_DIGITS)
    return body


def _detail(res: Resolution) -> dict[str, object]:
    body = _line(res)
    for row, cand in zip(body["candidates"], res.candidates, strict=True):
        row["via"] = cand.via
    body.update(
        normalized=res.normalized,
        needs_choice=res.needs_choice,
        alias_note=res.alias_note,
        message=res.message,
    )
    return body


@app.command("resolve")
@handles_errors
def resolve(
    title: Annotated[str | None, typer.Argument(help="A job title, as employers write it.")] = None,
    batch: Annotated[
        Path | None,
        typer.Option("--batch", help="A text file with one title per line ('-' for stdin)."),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="Candidates to show.")] = 5,
    fmt: Annotated[
        ResolveFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default for one title) | json (one document; an array for --batch) | "
            "jsonl (default for --batch: one line per input line). One title that nothing fits "
            "exits 4 in every format.",
        ),
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help="Path of the knowledge base.")] = None,
) -> None:
    """Find the O*NET occupations a job title means, best first, with confidence."""
    if (title is None) == (batch is None):
        raise InputError(
            "Give one job title, or --batch FILE with one title per line.",
            hint="Example: ai-impact resolve 'Sr. Data Scientist'",
        )
    resolver = resolver_for(settings_from(db))
    if batch is not None:
        text = read_text_input(batch, what="The batch file")
        results = resolver.resolve_batch(batch_lines(text), top=top)
        out = sys.stdout
        if fmt is ResolveFormat.json:  # one JSON document: an array, one entry per line
            out.write(json.dumps([_detail(r) for r in results], ensure_ascii=False) + "\n")
            return
        for res in results:
            if fmt in (None, ResolveFormat.jsonl):
                out.write(jsonl_record(_line(res)) + "\n")
            else:
                best = res.candidates[0] if res.candidates else None
                shown = f"{best.code}  {best.title} ({best.confidence:.2f})" if best else "-"
                out.write(f"{res.input}\t{shown}\n")
        return
    res = resolver.resolve(title or "", top=top)
    if fmt in (ResolveFormat.json, ResolveFormat.jsonl):
        # Machine formats still print the (empty) answer; the exit code says "nothing fits".
        typer.echo(json.dumps(_detail(res), ensure_ascii=False, indent=None))
        if not res.candidates:
            raise typer.Exit(NotFoundError.exit_code)
        return
    if not res.candidates:
        raise NotFoundError(res.message or f"No occupation matches {title!r}.")
    typer.echo(_table(res))
