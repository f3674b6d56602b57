"""The ``ai-impact`` command: one Typer app; each command group lives in its own module.

Commands parse, make one library call, render, and map :class:`~ai_impact.errors.AiImpactError`
to an exit code and a one-line message (see :mod:`ai_impact.cli.common`).
"""

from __future__ import annotations

import typer

from ai_impact import __version__

app = typer.Typer(
    name="ai-impact",
    help="How AI changes every occupation: risk, tasks, tools, pay, outlook — from public data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ai-impact {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """How AI changes every occupation: risk, tasks, tools, pay, outlook — from public data."""


def _register() -> None:
    # Each module adds its commands to ``app`` on import; the order is the order of --help.
    from ai_impact.cli import analyze_cmd  # noqa: F401
    from ai_impact.cli import data_cmd  # noqa: F401
    from ai_impact.cli import occupations_cmd  # noqa: F401
    from ai_impact.cli import resolve_cmd  # noqa: F401
    from ai_impact.cli import score_cmd  # noqa: F401
    from ai_impact.cli import serve_cmd  # noqa: F401
    from ai_impact.cli import site_cmd  # noqa: F401
    from ai_impact.cli import workforce_cmd  # noqa: F401


def main() -> None:
    """Console-script entry point."""
    _register()
    app()
