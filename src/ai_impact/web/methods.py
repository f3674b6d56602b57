"""HTTP methods: HEAD wherever GET is, and the methods a path takes (the ``Allow`` of a 405).

FastAPI routes declare GET only, so a bare router answers HEAD with 405; :class:`HeadAsGet`
answers it as the GET without the body (same status and headers, ``Content-Length`` included),
as RFC 9110 asks of a server that has GET. :func:`allowed_methods` collects the methods of
every route on a path: Starlette's own ``Allow`` names only the first route that matched the
path, while ``/describe`` (GET and POST) is two routes.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["HEAD_KEY", "HeadAsGet", "allowed_methods"]

# Set in the scope of a HEAD request answered as GET, so an error can name the method sent.
HEAD_KEY = "ai_impact.head"
_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


class HeadAsGet:
    """ASGI middleware that answers HEAD as GET and sends the headers only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run a HEAD request as its GET and drop every byte of the body."""
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # a streamed part: the one final (empty) part ends the answer
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET", HEAD_KEY: True}, receive, headers_only)


def allowed_methods(routes: Iterable[BaseRoute], scope: Scope) -> list[str]:
    """Every method some route takes on the request's path, HEAD with GET, in the usual order.

    Each method is tried against the routes as the router would (``matches``), so routes of
    included routers count too; a mount (the static files) is left out, as it takes any method
    until its app refuses one.
    """
    found: set[str] = set()
    candidates = [r for r in routes if not isinstance(r, Mount)]
    for method in _ORDER:
        probe = {**scope, "method": method}
        if any(route.matches(probe)[0] is Match.FULL for route in candidates):
            found.add(method)
    if "GET" in found:
        found.add("HEAD")
    return [m for m in _ORDER if m in found]
