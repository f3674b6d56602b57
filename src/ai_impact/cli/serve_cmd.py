"""``ai-impact serve``: the web site and JSON API on one port (knowledge base built if missing)."""

from __future__ import annotations

import errno
import ipaddress
import os
import re
import socket

import typer

from ai_impact.cli.app import app
from ai_impact.cli.common import handles_errors, settings_from
from ai_impact.errors import InputError
from ai_impact.settings import Settings

__all__ = ["check_address", "export_settings", "serve"]

# A host name (RFC 1123): dot-separated labels of letters, digits and inner hyphens.
_HOST_NAME = re.compile(
    r"(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?"
)
_ADDRESS_HINT = "Give an address of this machine, such as 127.0.0.1, 0.0.0.0 or ::1, or its name."


def check_address(host: str, port: int) -> str:
    """The host to listen on (an IPv6 literal without its brackets), once it is known that
    ``host:port`` can be listened on; an InputError saying why not otherwise. Checked before
    the knowledge base loads and before the URL is printed."""
    bare = host.strip()
    if bare.startswith("[") and bare.endswith("]"):
        bare = bare[1:-1]
    try:
        ipaddress.ip_address(bare)
    except ValueError:
        if not _HOST_NAME.fullmatch(bare):
            raise InputError(
                f"--host {host!r} is not an IP address or a host name.", hint=_ADDRESS_HINT
            ) from None
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            bare, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(
            f"--host {host!r} cannot be listened on ({reason}).", hint=_ADDRESS_HINT
        ) from None
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            busy = exc.errno == errno.EADDRINUSE
            raise InputError(
                f"Cannot listen on {host} port {port}: {exc.strerror or exc}.",
                hint="Choose another --port, or stop the server using it."
                if busy
                else _ADDRESS_HINT
                if exc.errno == errno.EADDRNOTAVAIL
                else "Choose a --port of 1024 or more.",
            ) from None
    return bare


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

    host = check_address(host, port)  # before anything is printed or loaded
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
