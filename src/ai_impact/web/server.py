"""Run the app under uvicorn, with one process or several sharing one listening socket.

With several workers uvicorn binds ``socket.socket(family)``, whose ``proto`` is 0; asyncio then
skips TCP_NODELAY on accepted connections, and every response written in two parts (headers,
body) waits ~40 ms for a delayed ACK. Binding the socket here with ``IPPROTO_TCP`` keeps
TCP_NODELAY on, so two workers answer as fast as one (see benchmarks/web.py).
"""

from __future__ import annotations

import socket
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess

__all__ = ["run"]


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def run(app: Any, *, host: str, port: int, workers: int = 1, factory: bool = False) -> None:
    """Serve ``app`` (an app, or an import string, required when ``workers > 1``)."""
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, factory=factory, log_level="warning")
        return
    config = uvicorn.Config(
        app, host=host, port=port, workers=workers, factory=factory, log_level="warning"
    )
    sockets = [_listen(host, port)]
    try:
        supervisor = Multiprocess(config, sockets=sockets)
    except TypeError:  # uvicorn before 0.30 also wanted the target
        supervisor = Multiprocess(config, target=uvicorn.Server(config).run, sockets=sockets)  # type: ignore[call-arg]
    supervisor.run()
