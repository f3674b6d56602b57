"""Errors of the web face: one JSON shape under ``/api/``, a friendly page everywhere else.

``AiImpactError`` carries its HTTP status (see :mod:`ai_impact.errors`); request validation and
unknown routes are mapped to the same shape, so a client handles exactly one error body:
``{"ok": false, "error": "<what happened and what to do>", "status": <int>}``.

Messages come from the library in its users' words; the hints that name a CLI command or a
library call are given in web words (:func:`~ai_impact.web.messages.web_text`), and a hint of
the web's own is in the face's terms: the API points to ``/docs``, a page to its forms. A 405
carries ``Allow`` with every method of the path (HEAD wherever GET is:
:mod:`ai_impact.web.methods`). Everything under ``/api`` and ``/healthz`` answers in JSON.
A body that cannot be read at all (not UTF-8, nested too deeply, a multipart form without its
boundary) is a 422 like any other unusable input, never a bare 400.
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
from ai_impact.web.messages import input_problems, unreadable_body, web_text
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


# Paths whose every answer, errors included, is JSON: the API, the health check, the document.
_JSON_ROOTS = ("/api", "/healthz")
# What a query parameter is called on a page, where nobody sees ``q`` (messages.input_problems).
_PAGE_NAMES = {
    "q": "the title",
    "area": "the area",
    "codes": "the codes",
    "sort": "the sort",
    "order": "the order",
}


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/openapi.json" or any(
        path == root or path.startswith(root + "/") for root in _JSON_ROOTS
    )


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
    # The search box under the message keeps a typed title (/analysis?q=xyzzy: not found).
    typed = request.query_params.get("q", "")
    page = render_page(
        "error.html", links, status=status, heading=heading, message=message, q=typed
    )
    return HTMLResponse(page, status_code=status, headers=headers)


def _not_allowed(request: Request) -> Response:
    """405 with ``Allow``: every method of the path (Starlette's names one route's only)."""
    path = request.url.path
    allowed = allowed_methods(request.app.routes, request.scope) or ["GET", "HEAD"]  # static
    method = "HEAD" if request.scope.get(HEAD_KEY) else request.method
    message = f"{path} does not take {method}; it takes {', '.join(allowed)}."
    return _respond(request, message, 405, {"Allow": ", ".join(allowed)})


def _validation_message(request: Request, exc: RequestValidationError) -> str:
    """What is wrong with the request, with a hint in the face's terms.

    API: 'Invalid request: top must be at least 1 (got 0). See /docs for the parameters.'
    Page: 'The title is longer than 500 characters (it has 5,000). Shorten it and try again,
    or search with the form below.'
    """
    errors = exc.errors()
    if _wants_json(request):
        return (
            "Invalid request: "
            + "; ".join(input_problems(errors))
            + ". See /docs for the parameters."
        )
    text = "; ".join(input_problems(errors, names=_PAGE_NAMES))
    if all(e.get("type") == "string_too_long" for e in errors):
        hint = "Shorten it and try again, or search with the form below."
    else:
        hint = "Search with the form below, or follow the site's links rather than editing "
        hint += "the address."
    return f"{text[:1].upper()}{text[1:]}. {hint}"


def _unreadable_message(request: Request, problem: str) -> str:
    """A body that could not be read at all (messages.unreadable_body), in the face's terms."""
    if _wants_json(request):
        return f"Invalid request: {problem}. See /docs for the parameters."
    return f"{problem[:1].upper()}{problem[1:]}. Send it again from the form on its page."


def _not_found(request: Request) -> str:
    path = request.url.path
    if _wants_json(request):
        return f"Nothing lives at {path}. The API's routes are listed at /docs (and /openapi.json)."
    return f"Nothing lives at {path}. Start from the home page or search."


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
        return _respond(request, _validation_message(request, exc), 422)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            return _not_allowed(request)
        if exc.status_code == 400 and (problem := unreadable_body(exc)):
            return _respond(request, _unreadable_message(request, problem), 422)
        message = _not_found(request) if exc.status_code == 404 else str(exc.detail)
        return _respond(request, message, exc.status_code, exc.headers)

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return _respond(request, "An unexpected error happened; it has been logged.", 500)

    app.add_exception_handler(AiImpactError, on_domain)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(Exception, on_crash)
