"""Browser-test helpers: Debian's Chromium driven by Playwright, and servers on loopback.

Chromium is the system one (``/usr/bin/chromium``, installed by ``dev.py test``); Playwright's
own browser download is never used. Servers run in threads on 127.0.0.1 with a free port.
Screenshots go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import functools
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """A uvicorn server for ``app`` in a thread; ``url`` is its base address."""

    def __init__(self, app: Any) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start within 20 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class FolderServer:
    """A static file server for ``root`` on loopback (to browse the exported site)."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FolderServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


def shot(pg: Any, name: str, *, full: bool = True) -> Path:
    """Save a screenshot as a test artefact and return its path."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=full)
    return path


def phone_page(browser: Any, width: int, height: int, timeout_ms: int) -> Iterator[Any]:
    """A page of a phone ``width`` × ``height`` CSS pixels (touch, 2× pixels), closed after."""
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    pg = context.new_page()
    pg.set_default_timeout(timeout_ms)
    yield pg
    context.close()


def fake_site() -> Iterator[LiveServer]:
    """The web app over the in-memory fake facade (``tests/web_fakes.py``), served."""
    import pytest

    import web_fakes as fake
    from ai_impact.web.app import create_app

    with pytest.MonkeyPatch.context() as mp:
        fake.install(mp)
        with LiveServer(create_app()) as s:
            yield s
