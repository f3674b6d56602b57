"""Errors of the web face: one JSON shape under ``/api/``, a friendly page everywhere else.

``AiImpactError`` carries its HTTP status (see :mod:`ai_impact.errors`); request validation and
unknown routes are mapped to the same shape, so a client handles exactly one error body:
``{"ok": false, "error": "<what happened and what to do>", "status": <int>}``.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from ai_impact.errors import AiImpactError, AmbiguousInputError
from ai_impact.render.html import Links, render_page
from ai_impact.web.messages import input_problems

__all__ = ["error_body", "install_error_handlers"]

log = logging.getLogger("ai_impact.web")
HEADINGS = {
    300: "Which occupation did you mean?",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    422: "That input cannot be used",
    500: "Something went wrong",
    503: "The knowledge base is not ready",
}


def error_body(message: str, status: int) -> dict[str, object]:
    """The one JSON error shape of the API."""
    return {"ok": False, "error": message, "status": status}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _respond(request: Request, message: str, status: int) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(message, status), status_code=status)
    links: Links = request.app.state.links
    heading = HEADINGS.get(status, "Error")
    page = render_page("error.html", links, status=status, heading=heading, message=message)
    return HTMLResponse(page, status_code=status)


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
                message=str(exc),
                candidates=exc.candidates,
                area=request.query_params.get("area") or None,
            )
            return HTMLResponse(page, status_code=exc.http_status)
        if exc.http_status >= 500:
            log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
        return _respond(request, str(exc), exc.http_status)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _respond(request, _validation_message(exc), 422)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            message = f"Nothing lives at {request.url.path}. Start from the home page or search."
        else:
            message = str(exc.detail)
        return _respond(request, message, exc.status_code)

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return _respond(request, "An unexpected error happened; it has been logged.", 500)

    app.add_exception_handler(AiImpactError, on_domain)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(Exception, on_crash)
