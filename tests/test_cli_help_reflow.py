"""Every command's --help reflows its prose to the terminal's width (QA #33; `ai-impact --help`
broke build-site's summary as "(and, with --base-url, a" / "sitemap) to DIR.")."""

from __future__ import annotations

import re

import pytest
import typer
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app, reflow_help

_register()
_ROW = re.compile(r"^│ (\S+)?\s+(.*?)\s*│$")


def _commands() -> list[list[str]]:
    out: list[list[str]] = [[]]
    for name, cmd in typer.main.get_group(app).commands.items():
        out.append([name])
        out.extend([name, s] for s in getattr(cmd, "commands", {}) or {})
    return out


def _help(args: list[str], width: int) -> str:
    env = {"COLUMNS": str(width), "NO_COLOR": "1"}
    result = CliRunner().invoke(app, [*args, "--help"], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def _prose(args: list[str], width: int) -> list[str]:
    """The paragraphs under "Usage:", each as its lines."""
    body = _help(args, width).split("Usage:", 1)[1].split("╭", 1)[0]
    lines = [ln.strip() for ln in body.splitlines()[1:]]
    return [p for p in "\n".join(lines).strip().split("\n\n") if p]


def _panel_cells(args: list[str], width: int, title: str) -> list[list[str]]:
    """The description column of one panel, each row as its wrapped lines."""
    text = _help(args, width)
    if f"─ {title} " not in text:
        return []
    panel = text.split(f"─ {title} ", 1)[1].split("╰", 1)[0]
    rows: list[list[str]] = []
    for line in panel.splitlines()[1:]:
        if not (m := _ROW.match(line)):
            continue
        if (m.group(1) and not m.group(1).startswith("<")) or not rows:
            rows.append([m.group(2)])
        elif m.group(2):
            rows[-1].append(m.group(2))
    return rows


def _filled(lines: list[str], width: int, slack: int) -> bool:
    """No line but the last stops short: a hard break in the source would leave one."""
    return all(len(ln) > width - slack for ln in lines[:-1])


def test_reflow_joins_lines_keeps_paragraphs_and_verbatim_blocks() -> None:
    text = "Write pages (and, with --base-url, a\n    sitemap) to DIR.\n\nMore\ntext."
    assert (
        reflow_help(text) == "Write pages (and, with --base-url, a sitemap) to DIR.\n\nMore text."
    )
    assert reflow_help("\b\nkeep\nthese") == "\b\nkeep\nthese"
    assert reflow_help(None) is None


@pytest.mark.parametrize("args", _commands(), ids=lambda a: " ".join(a) or "root")
@pytest.mark.parametrize("width", [60, 80, 120])
def test_help_prose_fills_each_line_at_any_width(args: list[str], width: int) -> None:
    for paragraph in _prose(args, width):
        assert _filled(paragraph.splitlines(), width, 25), (args, width, paragraph)


@pytest.mark.parametrize("width", [60, 100])
def test_the_command_list_breaks_no_summary_mid_sentence(width: int) -> None:
    rows = _panel_cells([], width, "Commands")
    assert len(rows) == len(typer.main.get_group(app).commands)
    column = max(len(ln) for row in rows for ln in row)
    for row in rows:
        assert _filled(row, column, 16), row
    build_site = next(r for r in rows if r[0].startswith("Write every occupation"))
    assert "(and, with --base-url, a sitemap) to DIR." in " ".join(build_site)


def test_score_tasks_keeps_its_published_label_sentence() -> None:
    for width in (60, 80, 120):
        paragraphs = _prose(["score-tasks"], width)
        assert len(paragraphs) == 2, paragraphs
        assert "published human label" in " ".join(paragraphs[1].splitlines())


def test_occupations_lists_its_columns_as_one_paragraph() -> None:
    paragraphs = _prose(["occupations"], 80)
    assert len(paragraphs) == 2
    assert "has_tasks (True or False)" in " ".join(paragraphs[1].splitlines())
