"""The JSON API, version 1: thin routes over :mod:`ai_impact.api`.

The report of ``/api/v1/occupations/{code}`` is exactly ``analyze --format json``
(:func:`~ai_impact.reports.serialize.report_to_dict`); errors are ``{ok, error, status}``
(see :mod:`ai_impact.web.errors`).
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from ai_impact import api
from ai_impact.reports.description import description_to_dict
from ai_impact.reports.jd_split import MAX_CHARS
from ai_impact.reports.serialize import report_to_dict
from ai_impact.settings import Settings
from ai_impact.web import suggest
from ai_impact.web.codes import canonical_code
from ai_impact.web.errors import user_message
from ai_impact.web.limits import AREA_CHARS, QUERY_CHARS, TITLE_CHARS
from ai_impact.web.memo import Memo
from ai_impact.web.schemas import json_response, ref

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["api v1"])
_bodies: Memo[bytes] = Memo()
_tables: Memo[bytes] = Memo(size=4)  # the table is large: keep few, in case it is rebuilt per call

ERROR_SCHEMA: dict[int | str, dict[str, Any]] = {
    code: {
        "description": text,
        "content": {
            "application/json": {
                "schema": ref("ErrorBody"),
                "example": {"ok": False, "error": "What happened and what to do.", "status": code},
            }
        },
    }
    for code, text in (
        (404, "Nothing matches"),
        (413, "Request body over the limit"),
        (415, "The body's Content-Type is not one the route reads (the message names them)"),
        (422, "Input cannot be used as given (a body that cannot be read at all included)"),
    )
}
GET_ERRORS = {k: v for k, v in ERROR_SCHEMA.items() if k not in {413, 415}}
# The resolver answers "nothing fits" as 200 with no candidates (docs/PRODUCT.md), never 404.
RESOLVE_ERRORS = {k: v for k, v in GET_ERRORS.items() if k != 404}
# The codes the occupation route answers as they are (the O*NET-SOC and SOC forms it always
# took); any other form of a code is redirected to its O*NET-SOC code's address.
_AS_IS = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")
CODE_REDIRECTS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": f"{text}: `Location` is the address of its O*NET-SOC code",
        "headers": {"Location": {"schema": {"type": "string"}}},
    }
    for status, text in (
        (307, "A SOC code in another form (152051, SOC 15-2051)"),
        (308, "An O*NET-SOC code in another form (15205100, 15-2051.0)"),
    )
}
CONFIDENCE_DIGITS = 4  # floats of the API are rounded to 4 decimals (docs/json-api.md)


class JSONBytes(Response):
    """A JSON response whose body is already encoded."""

    media_type = "application/json"


def _cfg(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@router.get(
    "/resolve",
    summary="Resolve a job title to occupations",
    responses={
        **json_response(
            "Resolution", "Candidates, best first; none (and a `message`) when nothing fits"
        ),
        **RESOLVE_ERRORS,
    },
)
def resolve(
    request: Request,
    q: Annotated[
        str, Query(min_length=1, max_length=QUERY_CHARS, description="A job title or code")
    ],
    top: Annotated[int, Query(ge=1, le=50, description="How many candidates")] = 5,
) -> Response:
    """Candidates for a title, best first, with confidence 0–1 and ``needs_choice``."""
    body = dataclasses.asdict(api.resolve_title(q, top=top, settings=_cfg(request)))
    for cand in body["candidates"]:
        cand["confidence"] = round(cand["confidence"], CONFIDENCE_DIGITS)
    if body.get("message"):
        body["message"] = user_message(request, body["message"])
    return JSONBytes(_dumps(body))


@router.get(
    "/suggest",
    summary="Suggestions for a search box, as the user types",
    responses={
        **json_response("Suggestions", "Occupations, best first; none when nothing fits"),
        **RESOLVE_ERRORS,
    },
)
def suggestions(
    request: Request,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=QUERY_CHARS,
            description="What is typed so far: a title, perhaps half-typed, or a code",
        ),
    ],
    top: Annotated[int, Query(ge=1, le=20, description="How many suggestions")] = 6,
) -> Response:
    """The resolver's candidates and the prefix search's matches, one leading (docs/web.md)."""
    found = suggest.suggest(q, top, request.app.state.suggester)
    cands = [dataclasses.asdict(s) for s in found]
    for cand in cands:
        if cand["confidence"] is not None:
            cand["confidence"] = round(cand["confidence"], CONFIDENCE_DIGITS)
    return JSONBytes(_dumps({"query": q, "candidates": cands}))


@router.get(
    "/occupations",
    summary="Every occupation with its risk components",
    responses=json_response("OccupationTable", "The occupation table"),
)
def occupations(request: Request) -> Response:
    """The occupation table: code, SOC, title, industry, risk and its components, pay, outlook."""
    rows = api.occupation_table(settings=_cfg(request))
    body = _tables.get((rows,), "table", lambda: _dumps(_table(rows)))
    return JSONBytes(body)


def _table(rows: list[Any]) -> dict[str, Any]:
    return {"count": len(rows), "occupations": [dataclasses.asdict(r) for r in rows]}


@router.get(
    "/occupations/{code}",
    summary="The full analysis of one occupation",
    responses={
        **json_response("OccupationReport", "The report"),
        **CODE_REDIRECTS,
        **GET_ERRORS,
    },
)
def occupation(
    request: Request,
    code: Annotated[
        str,
        Path(
            max_length=QUERY_CHARS,
            description="An O*NET-SOC code (15-2051.00) or a SOC code (15-2051)",
        ),
    ],
    area: Annotated[str | None, Query(max_length=AREA_CHARS, description="State or metro")] = None,
) -> Response:
    """The report of one O*NET-SOC code: the same JSON as ``ai-impact analyze --format json``.

    A code in another form the CLI reads ("15205100", "152051", "SOC 15-2051") redirects to the
    address of its O*NET-SOC code (308, or 307 when a SOC code's occupation was chosen).
    """
    target = None if _AS_IS.match(code) else canonical_code(code, _cfg(request))
    if target is not None:
        url = request.app.state.links.api_occupation(target.code)
        query = f"?{request.url.query}" if request.url.query else ""
        return Response(status_code=target.status, headers={"Location": url + query})
    report = api.report_for(code, area=area or None, settings=_cfg(request))
    return JSONBytes(_bodies.get((report,), "report", lambda: _dumps(report_to_dict(report))))


class DescriptionBody(BaseModel):
    """A pasted job description or task list, with an optional title and pay area."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(max_length=MAX_CHARS, description="The job description or task list")
    title: str | None = Field(default=None, max_length=TITLE_CHARS, description="Its job title")
    area: str | None = Field(
        default=None, max_length=AREA_CHARS, description="State or metro for pay"
    )


@router.post(
    "/analyze-description",
    summary="The analysis of a pasted job description",
    responses={
        **json_response("DescribedReport", "The report, with `description`"),
        **ERROR_SCHEMA,
    },
)
async def analyze_description(request: Request, body: DescriptionBody) -> Response:
    """The same JSON as ``/occupations/{code}``, plus ``description``: statements, candidates."""
    report = await run_in_threadpool(
        api.analyze_description,
        body.text,
        title=(body.title or "").strip() or None,
        area=(body.area or "").strip() or None,
        settings=_cfg(request),
    )
    return JSONBytes(_dumps(description_to_dict(report)))


@router.get(
    "/industries",
    summary="Every industry with its mean risk",
    responses=json_response("IndustryList", "Every industry"),
)
def industries(request: Request) -> Response:
    """Industries: slug, label, description, number of occupations, mean risk, employment."""
    rows = api.industries(settings=_cfg(request))
    return JSONBytes(_dumps({"industries": [dataclasses.asdict(i) for i in rows]}))


@router.get(
    "/industries/{slug}",
    summary="One industry and its occupations",
    responses={**json_response("IndustryDetail", "The industry"), **GET_ERRORS},
)
def industry(
    request: Request,
    slug: Annotated[
        str, Path(max_length=QUERY_CHARS, description="An industry's slug, as /industries gives")
    ],
) -> Response:
    """One industry's summary and every occupation in it."""
    summary, rows = api.industry(slug, settings=_cfg(request))
    return JSONBytes(_dumps({"industry": dataclasses.asdict(summary), **_table(rows)}))
