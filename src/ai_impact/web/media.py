"""The content types an API body may have: any other is a 415 that names the accepted ones.

Without this check a body of the wrong type reaches the parsers: plain text posted to
``/api/v1/analyze-description`` came back as a 422 quoting Python bytes, and XML posted to
``/api/v1/workforce`` was read as a CSV. A roster sent without ``Content-Type`` is read as a CSV,
as before; a description must say it is JSON. The refusal comes before any of the body is read,
with the accepted types in the message and in ``Accept`` (RFC 9110, 415).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from ai_impact.web.errors import error_body

__all__ = ["ACCEPTED", "Accepted", "MediaTypes", "media_type"]


@dataclass(frozen=True, slots=True)
class Accepted:
    """The body types a route reads, what to tell a client, and whether a body may come
    without a type."""

    kinds: tuple[str, ...]
    hint: str
    untyped: bool = False

    def reads(self, kind: str | None) -> bool:
        """Whether a body of media type ``kind`` (None: not given) is one the route reads."""
        return kind in self.kinds if kind is not None else self.untyped


# The body types each POST route of the API reads (docs/json-api.md).
ACCEPTED: dict[str, Accepted] = {
    "/api/v1/analyze-description": Accepted(
        ("application/json",), 'Send {"text": "..."} with Content-Type: application/json.'
    ),
    "/api/v1/workforce": Accepted(
        (
            "text/csv",
            "application/json",
            "multipart/form-data",
            "application/x-www-form-urlencoded",
        ),
        "Send the roster CSV with Content-Type: text/csv, or see /docs for the JSON and form "
        "bodies.",
        untyped=True,
    ),
}


def media_type(scope: Scope) -> str | None:
    """The request's media type, lower case and without parameters (None when not sent)."""
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            kind = value.decode("latin-1").split(";", 1)[0].strip().lower()
            return kind or None
    return None


def _listed(kinds: tuple[str, ...]) -> str:
    return kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " or " + kinds[-1]


class MediaTypes:
    """ASGI middleware that refuses an API body of a type its route cannot read (HTTP 415)."""

    def __init__(self, app: ASGIApp, routes: Mapping[str, Accepted] = ACCEPTED) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 415 for a POST body of a type the route does not take; else pass it on."""
        if scope["type"] == "http" and scope["method"] == "POST":
            path: str = scope["path"]
            accepted = self.routes.get(path.rstrip("/"))
            kind = media_type(scope)
            if accepted is not None and not accepted.reads(kind):
                await _refuse(path, kind, accepted)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _refuse(path: str, kind: str | None, accepted: Accepted) -> JSONResponse:
    sent = f"was sent as {kind}" if kind else "came without a Content-Type"
    message = (
        f"POST {path} takes a body of type {_listed(accepted.kinds)}; this one {sent}. "
        f"{accepted.hint}"
    )
    return JSONResponse(
        error_body(message, 415), status_code=415, headers={"Accept": ", ".join(accepted.kinds)}
    )
