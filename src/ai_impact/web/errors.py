"""Errors of the web face: one JSON shape under ``/api/``, a friendly page everywhere else.

``AiImpactError`` carries its HTTP status (see :mod:`ai_impact.errors`); request validation and
unknown routes are mapped to the same shape, so a client handles exactly one error body:
``{"ok": false, "error": "<what happened and what to do>", "status": <int>}``.

Messages come from the library in its users' words; the hints that name a CLI command or a
library call are given in web words (:func:`~ai_impact.web.messages.web_text`). A 405 carries
``Allow`` with every method of the path (HEAD wherever GET is: :mod:`ai_impact.web.methods`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from ai_impact.errors import AiImpactError, AmbiguousInputError
from ai_impact.render.html import Links, render_page
from ai_impact.web.messages import input_problems, web_text
from ai_impact.web.methods import HEAD_KEY, allowed_methods

__all__ = ["error_body", "install_error_handlers", "user_message"]

log = logging.getLogger("ai_impact.web")
HEADINGS = {
    300: "Which occupation did you mean?",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    415: "That kind of body cannot be read",
    422: "That input cannot be used",
    500: "Something went wrong",
    503: "The knowledge base is not ready",
}


def error_body(message: str, status: int) -> dict[str, object]:
    """The one JSON error shape of the API."""
    return {"ok": False, "error": message, "status": status}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def user_message(request: Request, text: str) -> str:
    """A library message as the web gives it: API routes under ``/api/``, pages elsewhere."""
    links: Links = request.app.state.links
    pages = {
        "occupations": links.occupations(),
        "industries": links.industries(),
        "describe": links.prefix + "/describe",
    }
    return web_text(text, pages, api=_wants_json(request))


def _respond(
    request: Request, message: str, status: int, headers: Mapping[str, str] | None = None
) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(message, status), status_code=status, headers=headers)
    links: Links = request.app.state.links
    heading = HEADINGS.get(status, "Error")
    page = render_page("error.html", links, status=status, heading=heading, message=message)
    return HTMLResponse(page, status_code=status, headers=headers)


def _not_allowed(request: Request) -> Response:
    """405 with ``Allow``: every method of the path (Starlette's names one route's only)."""
    path = request.url.path
    allowed = allowed_methods(request.app.routes, request.scope) or ["GET", "HEAD"]  # static
    method = "HEAD" if request.scope.get(HEAD_KEY) else request.method
    message = f"{path} does not take {method}; it takes {', '.join(allowed)}."
    return _respond(request, message, 405, {"Allow": ", ".join(allowed)})


def _validation_message(exc: RequestValidationError) -> str:
    """'Invalid request: top must be at least 1 (got 0). See /docs for the parameters.'"""
    parts = input_problems(exc.errors())
    return "Invalid request: " + "; ".join(parts) + ". See /docs for the parameters."


def install_error_handlers(app: FastAPI) -> None:
    """Map every error to the JSON shape (API) or the error page (HTML)."""

    async def on_domain(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AiImpactError)
        if isinstance(exc, AmbiguousInputError) and not _wants_json(request):
            page = render_page(
                "search.html",
                request.app.state.links,
                heading=HEADINGS[300],
                q=request.query_params.get("q", ""),
                message=user_message(request, str(exc)),
                candidates=exc.candidates,
                area=request.query_params.get("area") or None,
            )
            return HTMLResponse(page, status_code=exc.http_status)
        if exc.http_status >= 500:
            log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
        return _respond(request, user_message(request, str(exc)), exc.http_status)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _respond(request, _validation_message(exc), 422)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            return _not_allowed(request)
        if exc.status_code == 404:
            message = f"Nothing lives at {request.url.path}. Start from the home page or search."
        else:
            message = str(exc.detail)
        return _respond(request, message, exc.status_code, exc.headers)

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return _respond(request, "An unexpected error happened; it has been logged.", 500)

    app.add_exception_handler(AiImpactError, on_domain)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(Exception, on_crash)
