"""``ai-impact score-tasks``: exposure, automation and timeline of free task texts.

A text that is a labelled O*NET task statement gets the published labels (source "labels"),
any other text the task model (source "model"): :func:`ai_impact.api.score_tasks`. An empty
text, or one too short or too long to read as a task (the rule of a pasted description,
:func:`ai_impact.reports.jd_split.size_problem`), is not scored: its JSONL line has every key
of a scored line, null, and a ``note`` saying why (``note`` is null on a scored line), the
table a "not scored" row in its place: both keep input order, one line or row per input.
So is a text with no English word in it ("asdf qwer zxcv"): the model would give it a score
that looks as sure as any other. HTML tags (and script bodies) are removed before a text is
scored; the JSONL ``task`` echoes the input line as given (trimmed), so lines join back to
the input. The table cuts a long text to :data:`TABLE_TASK_CHARS` with an ellipsis.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ai_impact import api
from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.cli.jsonl import jsonl_record
from ai_impact.errors import InputError
from ai_impact.reports.jd_split import MAX_WORDS, MIN_WORDS, size_problem
from ai_impact.reports.jd_words import WORD
from ai_impact.scoring import TaskScore
from ai_impact.scoring.typos import is_english
from ai_impact.settings import Settings
from ai_impact.textfile import batch_lines, read_text_input
from ai_impact.titles.plain_text import strip_markup

EMPTY = "not scored: empty task text"
_RULE = (
    f"a task needs {MIN_WORDS}–{MAX_WORDS} words, {MIN_WORDS - 1} when it opens with a verb "
    "('Bathe patients'), as in analyze --description-file"
)


NO_ENGLISH = "not scored: no English word in it (ai-impact reads English task statements)"
TABLE_TASK_CHARS = 90  # the table's task column; JSONL keeps the whole text


def scored_text(text: str) -> str:
    """What is scored of an input text: HTML tags and script bodies removed, spaces closed up
    ("<script>alert('x')</script> Prepare reports" → "Prepare reports")."""
    return " ".join(strip_markup(text).split())


def has_english(text: str) -> bool:
    """Whether any word of three letters or more is English (:func:`is_english`)."""
    return any(is_english(w.lower()) for w in WORD.findall(text) if len(w) >= 3)


def not_scored_note(text: str) -> str | None:
    """Why a task text is not scored (too short or too long to read as a task, or no English
    word in it), or None."""
    problem = size_problem(text)
    if problem is not None:
        return f"not scored: {problem} to read as a task; {_RULE}"
    return None if has_english(text) else NO_ENGLISH


def _not_scored_line(text: str, note: str) -> dict[str, object]:
    """The JSONL record of a text that is not scored: a scored line's keys, null, and a note."""
    return {"task": text} | dict.fromkeys(_EVIDENCE, None) | {"note": note}


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
        "note": None,
    }


# Every key of a JSONL line after "task" and before "note" (a text not scored has them null).
_EVIDENCE = (
    "exposure",
    "beta",
    "automation",
    "timeline",
    "beta_range",
    "mode",
    "timeline_reason",
    "capability",
    "source",
)


def _read_lines(path: Path) -> list[str]:
    return batch_lines(read_text_input(path, what="The batch file"))


# Lines scored per library call: a batch is written as it is scored, and its memory stays
# that of one chunk (50,000 lines in one call peaked at 1.6 GB; in chunks of 5,000, at 0.4 GB).
JSONL_CHUNK = 5_000


def _jsonl(lines: list[str], adoption_pct: float | None, settings: Settings) -> None:
    for start in range(0, len(lines), JSONL_CHUNK):
        _jsonl_chunk(lines[start : start + JSONL_CHUNK], adoption_pct, settings)


def _jsonl_chunk(lines: list[str], adoption_pct: float | None, settings: Settings) -> None:
    texts = [t.strip() for t in lines]
    clean = [scored_text(t) for t in texts]
    notes = {i: n for i, t in enumerate(clean) if t and (n := not_scored_note(t)) is not None}
    keep = [i for i, t in enumerate(clean) if t and i not in notes]
    scores = (
        api.score_tasks([clean[i] for i in keep], adoption_pct=adoption_pct, settings=settings)
        if keep
        else []
    )
    by_line = dict(zip(keep, scores, strict=True))
    for i, text in enumerate(texts):
        if i in by_line:
            record = contract_line(by_line[i]) | {"task": text}  # the input, as given
        elif not clean[i] and text:
            record = _not_scored_line(text, NO_TEXT)
        elif i in notes:
            record = _not_scored_line(text, notes[i])
        else:
            record = _not_scored_line("", EMPTY)
        typer.echo(jsonl_record(record))


NO_TEXT = "not scored: no text once HTML tags are removed"


def _note(text: str) -> str | None:
    """Why a stripped task text is not scored (the note of its table row), or None."""
    if not text:
        return EMPTY
    if not (clean := scored_text(text)):
        return NO_TEXT
    problem = size_problem(clean)
    if problem is not None:
        return f"not scored: {problem} to read as a task"
    return None if has_english(clean) else NO_ENGLISH


def _cut(text: str, limit: int = TABLE_TASK_CHARS) -> str:
    """A task text cut for the table at a word near ``limit``, with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    return (head.rsplit(" ", 1)[0] if " " in head[limit // 2 :] else head).rstrip() + "…"


_SOURCE_NAMES = {"labels": "published human label", "model": "task model"}


def _table(rows: list[tuple[str, TaskScore | str]]) -> None:
    """The table, in input order: each input text with its score, or the note of a text not
    scored in its place; a long text cut with an ellipsis (:func:`_cut`)."""
    typer.echo(f"{'beta':>5} {'E0/E1/E2':^14} {'auto':>4}  {'timeline':<17} {'mode':<10} task")
    for text, s in rows:
        if isinstance(s, str):
            row = f"{'—':>5} {'not scored':^14} {'':>4}  {'':<17} {'':<10} {_cut(text)}"
            typer.echo(row.rstrip())
            typer.echo(f"      {s}")
            continue
        e = s.exposure
        probs = f"{e['E0']:.2f}/{e['E1']:.2f}/{e['E2']:.2f}"
        typer.echo(
            f"{s.beta:5.2f} {probs:^14} {s.automation:4.1f}  {s.timeline:<17} {s.mode:<10} "
            f"{_cut(text)}"
        )
        detail = f"      {_SOURCE_NAMES.get(s.source, s.source)}; why: {s.timeline_reason}"
        if s.capability:
            detail += f"; stays human: {s.capability} ({s.capability_source})"
        typer.echo(detail)


class ScoreFormat(StrEnum):
    """Output formats of ``score-tasks``."""

    table = "table"
    jsonl = "jsonl"


# One line a paragraph: the help formatter keeps a docstring's line breaks, so a docstring
# wrapped at the code's width broke mid-sentence in a narrower terminal.
_HELP = (
    "Score task texts: exposure E0/E1/E2, beta, automation 0-4, timeline, capability.\n\n"
    "A labelled O*NET statement (case, spacing and punctuation aside) gets its published human "
    'label, source "labels" (one that occupations label differently: the most common label, '
    "beta_range spanning them all, the split named in timeline_reason); other text the task "
    'model, source "model". An empty text, or one too short or too long to read as a task '
    "(3–60 words; 2 when it opens with a verb, 'Bathe patients' — the rule of analyze "
    '--description-file), is not scored: the table gives it a "not scored" row, and its JSONL '
    'line has the keys of a scored line, null, and a "note" saying why (null on a scored '
    "line); so is a text with no English word in it. HTML tags and script bodies are removed "
    'before a text is scored; the JSONL "task" is the input line as given (trimmed), so lines '
    "join back to the input. The table cuts a long text with an ellipsis. Every input text or "
    "line gives one row or line."
)


@app.command("score-tasks", help=_HELP)
@handles_errors
def score_tasks(
    texts: Annotated[
        list[str] | None, typer.Argument(help="Task texts to score (or use --batch).")
    ] = None,
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch",
            help="Text file, one task per line ('-' for stdin; blank: a 'not scored' line).",
        ),
    ] = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="table | jsonl")] = (
        ScoreFormat.table
    ),
    adoption_pct: Annotated[
        float | None,
        typer.Option("--adoption-pct", help="Share of the industry's firms using AI (%)."),
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help="Path of the knowledge base.")] = None,
) -> None:
    """Score task texts: exposure, beta, automation, timeline, capability (help: ``_HELP``)."""
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
    if not lines:
        raise InputError("No task given: the batch file is empty.", hint="Put one task a line.")
    texts = [t.strip() for t in lines]
    notes = [_note(t) for t in texts]
    keep = [scored_text(t) for t, n in zip(texts, notes, strict=True) if n is None]
    scores = iter(
        api.score_tasks(keep, adoption_pct=adoption_pct, settings=settings) if keep else []
    )
    # The table shows what was scored (markup removed); a text not scored, as given.
    _table(
        [
            (scored_text(t), next(scores)) if n is None else (t, n)
            for t, n in zip(texts, notes, strict=True)
        ]
    )
    if any(n is not None and n.startswith("not scored: too") for n in notes):
        typer.echo(f"  ({_RULE}.)")
