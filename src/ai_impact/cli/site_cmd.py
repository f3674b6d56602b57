"""``ai-impact build-site DIR``: the whole site as static files with relative links."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.cli.serve_cmd import export_settings

__all__ = ["build_site_cmd"]


@app.command("build-site")
@handles_errors
def build_site_cmd(
    out_dir: Annotated[
        Path,
        typer.Argument(metavar="DIR", help="Folder to write (replaced atomically if it exists)."),
    ],
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, max=32, help="Worker processes.")
    ] = min(2, os.cpu_count() or 1),
    base_url: Annotated[
        str | None,
        typer.Option(
            help="Public http(s) URL of the folder; only with it are a sitemap.xml and each "
            "page's canonical link written."
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N occupations (previews).")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Knowledge base file (default: built cache).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress lines.")] = False,
) -> None:
    """Write every occupation and industry page, JSON, a search index (and, with --base-url, a
    sitemap) to DIR."""
    from ai_impact.export import build_site

    settings = settings_from(db)
    export_settings(settings)

    def progress(done: int, total: int) -> None:
        if not quiet and (done == total or done % 200 < 16):
            typer.echo(f"  {done}/{total} occupation pages", err=True)

    with _term_as_exit():
        stats = build_site(
            out_dir, jobs=jobs, settings=settings, base_url=base_url, limit=limit, progress=progress
        )
    sitemap = (
        ""
        if stats.sitemap
        else " No sitemap.xml: the sitemap protocol needs absolute URLs, so "
        "give --base-url for one."
    )
    typer.echo(
        f"Wrote {_count(stats.occupations, 'occupation page')}, "
        f"{_count(stats.industries, 'industry', 'industries')} and "
        f"{_count(stats.files, 'file')} to {stats.out_dir} in {stats.seconds:.1f} s. "
        f"Open {stats.out_dir / 'index.html'} or serve the folder from any path.{sitemap}"
    )


@contextmanager
def _term_as_exit() -> Iterator[None]:
    """SIGTERM (a CI timeout, ``kill``) ends the build as Ctrl-C does: the worker processes are
    stopped and the half-built folder removed (Python's default would end the process on the
    spot and leave both), with exit code 143 (128 + SIGTERM)."""

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (a test runner's worker): keep the default
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _count(n: int, one: str, many: str | None = None) -> str:
    """``1 file``, ``2 files``: a count with its noun in the right number."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"
