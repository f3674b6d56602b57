"""The ``ai-impact`` command: one Typer app; each command group lives in its own module.

Commands parse, make one library call, render, and map :class:`~ai_impact.errors.AiImpactError`
to an exit code and a one-line message (see :mod:`ai_impact.cli.common`). A usage error (an
unknown option, a value out of range, a missing argument) is one line too, with the ``--help``
to read (:class:`OneLineErrors`); and every command writes UTF-8 whatever the locale says
(:func:`utf8_streams`).
"""

from __future__ import annotations

import importlib
import inspect
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ai_impact import __version__

# Typer vendors click (typer._click) from 0.24 on, and re-exports click's before: the usage
# error is BadParameter's base either way.
_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)


def _given(exc: Any) -> str | None:
    """The value a validation error refused, as typed (``'0'``), when its message does not
    already show it: Typer's "Input should be greater than or equal to 1" does not."""
    errors = getattr(exc.__cause__, "errors", None)
    if not callable(errors):
        return None
    try:
        found = [e["input"] for e in errors() if isinstance(e.get("input"), str)]
    except (TypeError, KeyError, ValueError):
        return None
    if not found:
        return None
    shown = repr(found[0]) if len(found[0]) <= 40 else repr(found[0][:40] + "…")
    return None if shown in exc.format_message() else shown


def usage_error_line(exc: Any) -> str:
    """``error: <what was wrong>. Try 'ai-impact analyze --help' for help.`` on one line."""
    message = " ".join(exc.format_message().replace("Value error, ", "").split())
    message = message.rstrip(".")
    if (given := _given(exc)) is not None:
        message += f" (got {given})"
    if message and message[-1] not in ".!?":
        message += "."
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and ctx.help_option_names:
        message += f" Try '{ctx.command_path} {ctx.help_option_names[0]}' for help."
    return f"error: {message}"


@contextmanager
def _one_line() -> Iterator[None]:
    try:
        yield
    except _USAGE_ERROR as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # no arguments: the help, as asked
            raise
        typer.echo(usage_error_line(exc), err=True)
        raise typer.Exit(getattr(exc, "exit_code", 2)) from None


class OneLineErrors(TyperGroup):
    """The root command: a usage error anywhere below it is one line ``error: ...`` on stderr
    and exit 2, as docs/cli.md promises for every error, instead of a boxed panel."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        """Parse the root's own options (``--version``, a command name)."""
        with _one_line():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        """Run the command, whose options are parsed here."""
        with _one_line():
            return super().invoke(ctx)


def reflow_help(text: str | None) -> str | None:
    """A help text with one line a paragraph: the help formatter keeps a docstring's single
    line breaks (in the command list and after the first paragraph), so a docstring wrapped at
    the code's width broke mid-sentence in a terminal of another width ("(and, with
    --base-url, a" / "sitemap) to DIR."). Blank lines still part paragraphs; a paragraph
    opening with click's ``\\b`` keeps its lines as written."""
    if not text:
        return text
    paragraphs = [p.strip() for p in inspect.cleandoc(text).split("\n\n") if p.strip()]
    return "\n\n".join(p if p.startswith("\b") else " ".join(p.split()) for p in paragraphs)


class OneLineCommand(TyperCommand):
    """A command whose usage errors know their command: click raises "Option '--top' requires
    an argument." without a context, so the line could not name the ``--help`` to read. Its
    options' help texts are reflowed as the commands' are (:func:`reflow_help`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(getattr(param, "help", None), str):
                param.help = reflow_help(param.help)  # type: ignore[attr-defined]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Parse as click does; a usage error without a context gets this one."""
        try:
            return super().parse_args(ctx, args)
        except _USAGE_ERROR as exc:
            if getattr(exc, "ctx", None) is None:
                exc.ctx = ctx  # type: ignore[attr-defined]
            raise


app = typer.Typer(
    name="ai-impact",
    cls=OneLineErrors,
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
    infos = [*app.registered_commands]
    for group in app.registered_groups:
        if group.typer_instance is not None:
            infos += group.typer_instance.registered_commands
    for info in infos:
        if info.cls in (None, TyperCommand):
            info.cls = OneLineCommand
        doc = inspect.getdoc(info.callback) if info.callback is not None else None
        info.help = reflow_help(info.help or doc)
    app.info.help = reflow_help(app.info.help)
    for group in app.registered_groups:
        group.help = reflow_help(group.help) if isinstance(group.help, str) else group.help
        if group.typer_instance is not None:
            sub = group.typer_instance.info
            sub.help = reflow_help(sub.help) if isinstance(sub.help, str) else sub.help


def _notices_on_terminal() -> None:
    """Show the library's progress notices (e.g. a first-use build) when a person is watching;
    scripts reading the output of a pipe or a file see nothing extra."""
    if sys.stderr.isatty():
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger = logging.getLogger("ai_impact")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def utf8_streams() -> None:
    """Write standard output and error as UTF-8 whatever the locale (``PYTHONIOENCODING``,
    a Windows code page): pages hold β, “quotes”, ≥ and names in every script, so an encoding
    that cannot write them would end in a UnicodeEncodeError halfway through a page. A
    character no stream can write (a lone surrogate) becomes ``?``, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):  # closed or detached: nothing to write to anyway
                continue


def main() -> None:
    """Console-script entry point."""
    utf8_streams()
    _register()
    _notices_on_terminal()
    app()
