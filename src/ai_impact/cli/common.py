"""What every CLI command shares: settings at the edge and mapping errors to exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

import typer

from ai_impact.errors import AiImpactError
from ai_impact.settings import Settings

P = ParamSpec("P")
R = TypeVar("R")


def settings_from(db: str | None = None) -> Settings:
    """Build settings from the environment, with ``--db`` taking precedence."""
    return Settings(db=Path(db)) if db else Settings()


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn an :class:`AiImpactError` into ``error: ...`` on stderr and its exit code."""
    try:
        yield
    except AiImpactError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:
        sys.stderr.close()
        raise typer.Exit(0) from None


def handles_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator form of :func:`cli_errors` for command functions."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with cli_errors():
            return fn(*args, **kwargs)

    return wrapper
