"""Request body limits: a body over its route's limit is a 413, refused before it is read.

A body whose ``Content-Length`` is over the limit is refused without reading a byte of it; a body
sent without a length (chunked) is counted as it arrives and refused as soon as it passes the
limit. The refusal is an ``HTTPException(413)``, so the API answers it in the one error shape
``{ok, error, status}`` and the pages show the error page (see :mod:`ai_impact.web.errors`).

Limits (decimal megabytes; measured in tests/test_web_limits.py):

- rosters (``/api/v1/workforce``, ``/workforce``): 5 MB. A 10,000-row roster with title,
  headcount, pay, code, team and location is about 0.8 MB as CSV, 1.6 MB as compact JSON and
  2.1 MB as indented JSON.
- every other body (``/api/v1/analyze-description``, ``/describe``): 2 MB, far above a
  description of :data:`~ai_impact.reports.jd_split.MAX_CHARS` characters even when every
  character is sent as a JSON ``\\uXXXX`` escape.

The hint after the sizes is in the face's terms: the API points to ``/docs``, a page to what
its form takes. The text limits of a pasted description's title and area
(:data:`TITLE_CHARS`, :data:`AREA_CHARS`, from :mod:`ai_impact.usertext`) are here too, so the
page, the API, the library and the CLI apply the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ai_impact.reports.jd_split import MAX_CHARS
from ai_impact.usertext import AREA_CHARS, QUERY_CHARS, TITLE_CHARS

__all__ = [
    "AREA_CHARS",
    "BODY_LIMIT",
    "QUERY_CHARS",
    "ROSTER_LIMIT",
    "ROUTE_LIMITS",
    "TITLE_CHARS",
    "BodyLimit",
    "BodyTooLarge",
]

BODY_LIMIT = 2_000_000
ROSTER_LIMIT = 5_000_000
_ROSTER_HINT = "Split the roster, or run `ai-impact workforce ROSTER.csv` (larger files)."
ROUTE_LIMITS: dict[str, tuple[int, str]] = {
    "/api/v1/workforce": (ROSTER_LIMIT, _ROSTER_HINT),
    "/workforce": (ROSTER_LIMIT, _ROSTER_HINT),
    "/describe": (
        BODY_LIMIT,
        f"Shorten the description: the form takes up to {MAX_CHARS:,} characters.",
    ),
}
_API_HINT = "Send a smaller body; see /docs for what each endpoint takes."
_PAGE_HINT = "Send less: shorten what the form carries."


class BodyTooLarge(HTTPException):
    """A request body over the route's limit (HTTP 413)."""

    def __init__(self, path: str, limit: int, hint: str, size: int | None = None) -> None:
        super().__init__(
            413,
            f"The request body {_size_of(size, limit)}; {path} takes at most "
            f"{limit / 1e6:g} MB. {hint}",
        )


def _size_of(size: int | None, limit: int) -> str:
    """How big the body is, next to the limit: "is 60.0 MB", "is 1,000,000 MB" (whole MB from
    100 MB up), "is 2,000,010 bytes" when MB would read like the limit itself, or "is over the
    limit" when a streamed body has no length."""
    if size is None:
        return "is over the limit"
    mb = size / 1e6
    if round(mb, 1) <= limit / 1e6:
        return f"is {size:,} bytes"
    return f"is {mb:,.0f} MB" if mb >= 100 else f"is {mb:.1f} MB"


def _declared_length(scope: Scope) -> int | None:
    """The ``Content-Length`` of the request, or None when absent or not a number."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class BodyLimit:
    """ASGI middleware that enforces :data:`ROUTE_LIMITS` (else ``default``) on request bodies."""

    def __init__(
        self,
        app: ASGIApp,
        default: int = BODY_LIMIT,
        routes: Mapping[str, tuple[int, str]] = ROUTE_LIMITS,
    ) -> None:
        self.app = app
        self.default = default
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a ``receive`` that refuses a body over the limit."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        api = path == "/api" or path.startswith("/api/")  # the hint in the face's terms
        limit, hint = self.routes.get(
            path.rstrip("/") or "/", (self.default, _API_HINT if api else _PAGE_HINT)
        )
        declared = _declared_length(scope)
        if declared is not None and declared > limit:

            async def refuse() -> Message:
                raise BodyTooLarge(path, limit, hint, declared)

            await self.app(scope, refuse, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(path, limit, hint)
            return message

        await self.app(scope, counted, send)
