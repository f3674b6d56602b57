"""``ai-impact score-tasks``: exposure, automation and timeline of free task texts.

A text that is an O*NET task statement gets the published labels (source "human label"), any
other text the task model (source "model"): :func:`ai_impact.api.score_tasks`.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ai_impact import api
from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.errors import InputError
from ai_impact.scoring import TaskScore
from ai_impact.settings import Settings
from ai_impact.textfile import read_text_input

EMPTY = "empty task text"


def contract_line(score: TaskScore) -> dict[str, object]:
    """One JSONL record: the PRODUCT.md contract keys first, then the evidence."""
    return {
        "task": score.task,
        "exposure": {k: round(v, 4) for k, v in score.exposure.items()},
        "beta": score.beta,
        "automation": score.automation,
        "timeline": score.timeline,
        "beta_range": [score.beta_low, score.beta_high],
        "mode": score.mode,
        "timeline_reason": score.timeline_reason,
        "capability": score.capability,
        "source": score.source,
    }


def _read_lines(path: Path) -> list[str]:
    return read_text_input(path, what="The batch file").splitlines()


def _jsonl(lines: list[str], adoption_pct: float | None, settings: Settings) -> None:
    keep = [i for i, t in enumerate(lines) if t.strip()]
    texts = [lines[i].strip() for i in keep]
    scores = api.score_tasks(texts, adoption_pct=adoption_pct, settings=settings)
    by_line = dict(zip(keep, scores, strict=True))
    for i in range(len(lines)):
        record = contract_line(by_line[i]) if i in by_line else {"task": "", "error": EMPTY}
        typer.echo(json.dumps(record, ensure_ascii=False))


def _table(scores: list[TaskScore]) -> None:
    typer.echo(f"{'beta':>5} {'E0/E1/E2':^14} {'auto':>4}  {'timeline':<17} {'mode':<10} task")
    for s in scores:
        e = s.exposure
        probs = f"{e['E0']:.2f}/{e['E1']:.2f}/{e['E2']:.2f}"
        typer.echo(
            f"{s.beta:5.2f} {probs:^14} {s.automation:4.1f}  {s.timeline:<17} {s.mode:<10} {s.task}"
        )
        detail = f"      {s.source}; why: {s.timeline_reason}"
        if s.capability:
            detail += f"; stays human: {s.capability} ({s.capability_source})"
        typer.echo(detail)


class ScoreFormat(StrEnum):
    """Output formats of ``score-tasks``."""

    table = "table"
    jsonl = "jsonl"


@app.command("score-tasks")
@handles_errors
def score_tasks(
    texts: Annotated[
        list[str] | None, typer.Argument(help="Task texts to score (or use --batch).")
    ] = None,
    batch: Annotated[
        Path | None,
        typer.Option("--batch", help="Text file, one task per line (blank lines → error lines)."),
    ] = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", help="table | jsonl")] = (
        ScoreFormat.table
    ),
    adoption_pct: Annotated[
        float | None,
        typer.Option("--adoption-pct", help="Share of the industry's firms using AI (%)."),
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help="Path of the knowledge base.")] = None,
) -> None:
    """Score task texts: exposure E0/E1/E2, beta, automation 0-4, timeline, capability."""
    settings = settings_from(db)
    if batch is not None and texts:
        raise InputError(
            "Give task texts or --batch FILE, not both.",
            hint="Put every task in the file, one per line.",
        )
    lines = _read_lines(batch) if batch is not None else list(texts or [])
    if batch is None and not lines:
        raise InputError("No task given.", hint='Try: ai-impact score-tasks "Prepare invoices."')
    if fmt is ScoreFormat.jsonl:
        _jsonl(lines, adoption_pct, settings)
        return
    keep = [t.strip() for t in lines if t.strip()]
    if not keep:
        raise InputError("Every task text is empty.", hint="Give at least one non-empty task.")
    _table(api.score_tasks(keep, adoption_pct=adoption_pct, settings=settings))
