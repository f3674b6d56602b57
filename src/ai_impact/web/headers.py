"""Security headers on every answer: no MIME sniffing, no framing, no referrer to other sites.

The pages load nothing remote and their one script is a file (``/static/app.js``), but inline
bits (the icon's data URI, ``style="width: …"`` on meters and bars, charts' inline SVG) would
trip a ``default-src`` or ``style-src`` policy, so the Content-Security-Policy says only
``frame-ancestors 'none'``; ``X-Frame-Options: DENY`` says the same to older browsers.
:class:`SecurityHeaders` wraps the whole app, outside Starlette's error middleware, so a 500
carries the headers too. A header a route sets itself is kept.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["SECURITY_HEADERS", "SecurityHeaders"]

SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware that adds :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers the response does not set itself."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)
