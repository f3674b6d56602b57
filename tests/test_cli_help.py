"""Contract: every CLI command has working --help and a section in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _commands() -> list[list[str]]:
    _register()
    group = typer.main.get_group(app)
    out: list[list[str]] = []
    for name, cmd in group.commands.items():
        out.append([name])
        sub = getattr(cmd, "commands", None)
        if sub:
            out.extend([name, s] for s in sub)
    return out


@pytest.mark.parametrize("args", _commands(), ids=lambda a: " ".join(a))
def test_help_works_and_is_documented(args: list[str]) -> None:
    """`ai-impact CMD --help` exits 0, describes the command, and docs/cli.md has its section."""
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "Usage: ai-impact " + " ".join(args) in result.output
    assert f"## `ai-impact {' '.join(args)}`" in DOC.read_text(encoding="utf-8")


def test_the_commands_of_product_md_exist() -> None:
    """The machine interfaces other tools depend on are all there."""
    names = {" ".join(a) for a in _commands()}
    for needed in ("analyze", "resolve", "score-tasks", "occupations", "serve", "build-site"):
        assert needed in names
    for needed in ("workforce", "compare", "data build", "data info"):
        assert needed in names
