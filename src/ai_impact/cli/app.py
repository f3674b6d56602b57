"""The ``ai-impact`` command: one Typer app; each command group lives in its own module.

Commands parse, make one library call, render, and map :class:`~ai_impact.errors.AiImpactError`
to an exit code and a one-line message (see :mod:`ai_impact.cli.common`).
"""

from __future__ import annotations

import importlib
import logging
import sys

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


# Each module adds its commands to ``app`` when imported; --help lists them in the order they
# are defined, which follows this tuple.
COMMAND_MODULES = (
    "analyze_cmd",
    "resolve_cmd",
    "score_cmd",
    "occupations_cmd",
    "workforce_cmd",
    "serve_cmd",
    "site_cmd",
    "data_cmd",
)


def _register() -> None:
    """Import every command module so that its commands join ``app``."""
    for name in COMMAND_MODULES:
        importlib.import_module(f"ai_impact.cli.{name}")


def _notices_on_terminal() -> None:
    """Show the library's progress notices (e.g. a first-use build) when a person is watching;
    scripts reading the output of a pipe or a file see nothing extra."""
    if sys.stderr.isatty():
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger = logging.getLogger("ai_impact")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def main() -> None:
    """Console-script entry point."""
    _register()
    _notices_on_terminal()
    app()
