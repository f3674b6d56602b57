"""The web face: ``create_app()`` builds the FastAPI app (pages, JSON API, OpenAPI, static files).

Served with ``ai-impact serve``. Routes call :mod:`ai_impact.api` only; the knowledge base is the
library's business. API reference pages are rendered here from the OpenAPI document, so ``/docs``
loads nothing from the network either.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp

from ai_impact import __version__
from ai_impact.render.html import FAVICON_SVG, STATIC_DIR, Links, render_page
from ai_impact.settings import Settings
from ai_impact.web import json_api, pages, workforce
from ai_impact.web.errors import install_error_handlers
from ai_impact.web.headers import SecurityHeaders
from ai_impact.web.limits import BodyLimit
from ai_impact.web.media import MediaTypes
from ai_impact.web.methods import HeadAsGet
from ai_impact.web.schemas import finish_openapi, json_response
from ai_impact.web.suggest import Suggester

__all__ = ["create_app"]

DESCRIPTION = (
    "How AI changes every O*NET occupation: risk, tasks, tools, pay and outlook. "
    'Every error answers `{"ok": false, "error": "...", "status": <int>}`. '
    "Request bodies are limited to 2 MB (rosters: 5 MB); a larger one is refused with 413, "
    "and a body of a Content-Type its route does not read with 415 (the message and the "
    "`Accept` header name the types it takes). HEAD works wherever GET does; a method a path "
    "does not take is a 405 whose `Allow` header lists the ones it does "
    "(`components/responses/MethodNotAllowed`). A body that cannot be read at all (not UTF-8, "
    "nested too deeply, a multipart form without its boundary) is a 422 like any other unusable "
    "input: no route answers 400."
)


class _App(FastAPI):
    """FastAPI with the answer schemas in its OpenAPI document and no dangling ``$ref``, and
    the security headers on every answer (:mod:`ai_impact.web.headers`)."""

    def build_middleware_stack(self) -> ASGIApp:
        """The usual stack inside :class:`SecurityHeaders`, so even a crash's 500 has them."""
        return SecurityHeaders(super().build_middleware_stack())

    def openapi(self) -> dict[str, Any]:
        """The document, finished once (:func:`ai_impact.web.schemas.finish_openapi`)."""
        if self.openapi_schema is None:
            self.openapi_schema = finish_openapi(super().openapi())
        return self.openapi_schema


def create_app(settings: Settings | None = None, *, prefix: str = "") -> FastAPI:
    """The app: HTML pages, ``/api/v1`` JSON, ``/openapi.json``, ``/docs`` and ``/static``."""
    app = _App(
        title="ai-impact",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings or Settings()
    app.state.links = Links(prefix)
    app.state.suggester = Suggester(app.state.settings)
    install_error_handlers(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(MediaTypes)
    # Answers of 1 KB or more are gzipped for clients that accept it: an occupation page is
    # 84 KB as HTML and about a fifth of that on the wire.
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(HeadAsGet)  # outermost: everything inside sees the GET
    app.include_router(json_api.router)
    app.include_router(pages.router)
    app.include_router(workforce.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get(
        "/healthz",
        tags=["health"],
        summary="Liveness",
        responses=json_response("Health", "The server answers"),
    )
    def healthz() -> JSONResponse:
        """Liveness: answers without touching the knowledge base (the benchmark's baseline)."""
        return JSONResponse({"ok": True, "version": __version__})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        """The icon, for clients that ask for it without reading a page (pages inline it)."""
        return Response(
            FAVICON_SVG,
            media_type="image/svg+xml",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        """The API reference, from the OpenAPI document, without remote scripts."""
        spec = request.app.openapi()
        return HTMLResponse(
            render_page("api_docs.html", request.app.state.links, ops=_operations(spec), spec=spec)
        )

    return app


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Each operation of the OpenAPI document as a flat record for the docs page."""
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "where": p["in"],
                    "required": p.get("required", False),
                    "description": p.get("description")
                    or p.get("schema", {}).get("description", ""),
                    "type": p.get("schema", {}).get("type")
                    or " | ".join(x.get("type", "") for x in p.get("schema", {}).get("anyOf", [])),
                    "default": p.get("schema", {}).get("default"),
                }
                for p in op.get("parameters", [])
            ]
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                    "responses": sorted(op.get("responses", {})),
                }
            )
    return out
