"""What every CLI command shares: settings at the edge, user text cleaned at the edge, and
mapping errors to exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import typer

from ai_impact.errors import AiImpactError, InputError
from ai_impact.settings import Settings
from ai_impact.usertext import clean_line

P = ParamSpec("P")
R = TypeVar("R")

# Parameters that name files: kept byte for byte (a file name may hold any character).
PATH_PARAMETERS = frozenset({"db", "description_file"})


def settings_from(db: str | None = None) -> Settings:
    """Build settings from the environment, with ``--db`` taking precedence.

    An empty ``--db`` is an InputError, not a silent fall-back to the default knowledge base.
    """
    if db is None:
        return Settings()
    if not db.strip():
        raise InputError(
            "--db is empty.",
            hint="Give the path of a knowledge base file, or leave --db out for the default.",
        )
    return Settings(db=Path(db))


def clean_argument(value: Any) -> Any:
    """A text argument (or a list of them) cleaned as one line of user text: control
    characters out, a byte that is not UTF-8 (a lone surrogate) as U+FFFD
    (:func:`ai_impact.usertext.clean_line`); any other value (a choice of an enum, a path, a
    number) as it is."""
    if type(value) is str:
        return clean_line(value)
    if isinstance(value, list | tuple) and value and all(type(v) is str for v in value):
        return type(value)(clean_line(v) for v in value)
    return value


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
    """Decorator of every command function: its text arguments cleaned
    (:func:`clean_argument`, file names aside) and :func:`cli_errors` around it."""

    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with cli_errors():
            for name, value in kwargs.items():
                if name not in PATH_PARAMETERS:
                    kwargs[name] = clean_argument(value)
            return fn(*args, **kwargs)

    return wrapper
