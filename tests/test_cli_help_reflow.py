"""``score-tasks --help`` reflows its prose to the terminal's width (QA #33)."""

from __future__ import annotations

from typer.testing import CliRunner

from ai_impact.cli.app import _register, app

_register()


def _prose(width: int) -> list[str]:
    out = (
        CliRunner()
        .invoke(app, ["score-tasks", "--help"], env={"COLUMNS": str(width), "NO_COLOR": "1"})
        .output
    )
    body = out.split("Usage:", 1)[1].split("╭", 1)[0]
    return [ln.strip() for ln in body.splitlines()[1:]]


def test_help_prose_fills_each_line_at_any_width() -> None:
    for width in (60, 80, 120):
        lines = _prose(width)
        paragraphs = "\n".join(lines).strip().split("\n\n")
        assert len(paragraphs) == 2, paragraphs
        body = paragraphs[1].splitlines()
        # a hard break in the source left short lines mid-paragraph ("published human\n label")
        assert all(len(ln) > width - 25 for ln in body[:-1]), (width, body)
        assert "published human label" in " ".join(body)
