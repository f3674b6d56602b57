"""Write docs/cli.md from the CLI's own --help texts (run after changing a command).

Usage: python scripts/gen_cli_docs.py [--check]   (--check exits 1 when docs/cli.md is stale)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from typer.testing import CliRunner

from ai_impact.cli.app import _register, app

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "cli.md"
COMMANDS: list[list[str]] = [
    [],
    ["analyze"],
    ["compare"],
    ["resolve"],
    ["score-tasks"],
    ["occupations"],
    ["workforce"],
    ["serve"],
    ["build-site"],
    ["data"],
    ["data", "build"],
    ["data", "info"],
]


def help_text(args: list[str]) -> str:
    """The plain-text --help of one command, at a fixed width."""
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
    if result.exit_code != 0:
        raise SystemExit(f"`ai-impact {' '.join(args)} --help` failed: {result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip().splitlines())


def render() -> str:
    """The whole reference page."""
    _register()
    parts = [
        "# CLI reference",
        "",
        "Generated from `--help` by `scripts/gen_cli_docs.py`; a test keeps it current.",
        "Exit codes: 0 ok, 2 bad input (or a title that needs a choice), 3 data or model problem,",
        "4 nothing found, 1 other error. Errors print one line `error: ...` on stderr.",
    ]
    for args in COMMANDS:
        name = " ".join(["ai-impact", *args])
        parts += ["", f"## `{name}`", "", "```text", help_text(args), "```"]
    return "\n".join(parts) + "\n"


def main() -> int:
    """Write or check docs/cli.md."""
    os.environ.setdefault("TERM", "dumb")
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/cli.md is stale: run python scripts/gen_cli_docs.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
