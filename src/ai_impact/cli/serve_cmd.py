"""``ai-impact serve``: the web site and JSON API on one port (knowledge base built if missing)."""

from __future__ import annotations

import os

import typer

from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.settings import Settings

__all__ = ["export_settings", "serve"]


def export_settings(settings: Settings) -> None:
    """Pass the settings to worker processes (uvicorn workers, build-site jobs) by environment."""
    os.environ["AI_IMPACT_DATA_DIR"] = str(settings.data_dir)
    os.environ["AI_IMPACT_CACHE_DIR"] = str(settings.cache_dir)
    if settings.db is not None:
        os.environ["AI_IMPACT_DB"] = str(settings.db)


@app.command("serve")
@handles_errors
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, max=16, help="Server processes (2 suits 2 cores)."),
    db: str | None = typer.Option(None, "--db", help="Knowledge base file (default: built cache)."),
) -> None:
    """Serve the web site, the JSON API (/api/v1) and its docs (/docs), and print the URL."""
    from ai_impact import api
    from ai_impact.web.server import run

    settings = settings_from(db)
    export_settings(settings)
    typer.echo("Loading the knowledge base (built from data/ on first use)…", err=True)
    api.industries(
        settings=settings
    )  # warm up: a first-run build happens here, before the URL is printed
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"ai-impact is serving at http://{shown}:{port}/  (API docs: /docs; Ctrl+C stops)")
    if workers == 1:
        from ai_impact.web.app import create_app

        run(create_app(settings), host=host, port=port)
    else:  # each worker builds its app from the exported settings
        run("ai_impact.web.app:create_app", host=host, port=port, workers=workers, factory=True)
