"""The workforce face on the web: ``POST /api/v1/workforce`` and the ``/workforce`` upload page.

The API takes a CSV (a multipart upload in field ``roster``, or the raw body as ``text/csv``) or
a JSON body ``{"rows": [{"title": ..., "headcount": ...}, ...]}``; it answers the document of
``ai-impact workforce --format json`` (or CSV / Markdown with ``?format=``, as a file to save
with ``&download=true``). Roster problems are 422 with every bad row listed, in the one error
shape; a body over 5 MB is 413 (:mod:`ai_impact.web.limits`).

The result page keeps no state: its download buttons post the roster, carried in the page, to
the API again. It lists at most ``MAX_PAGE_ROLES`` roles; the downloads hold every one.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ai_impact.errors import InputError
from ai_impact.render.html import Links, render_page
from ai_impact.textfile import decode_text
from ai_impact.web.json_api import ERROR_SCHEMA
from ai_impact.web.limits import ROSTER_LIMIT
from ai_impact.web.messages import input_problems
from ai_impact.web.schemas import REF, ref
from ai_impact.workforce import RoleResult, WorkforceReport, workforce_report
from ai_impact.workforce.analysis import MATCHED, MIN_CONFIDENCE, PINNED
from ai_impact.workforce.automation import arriving_label, arriving_note, arriving_summary
from ai_impact.workforce.counts import check_note
from ai_impact.workforce.formats import (
    METHOD,
    count_text,
    fte_text,
    headline,
    people,
    to_csv,
    to_json,
    to_markdown,
)
from ai_impact.workforce.learning_text import learn_text
from ai_impact.workforce.pay_text import (
    hourly_basis,
    hourly_market_note,
    market_gap_note,
    market_group,
    roster_pay_text,
    safer_pay_note,
    shared_market_note,
)
from ai_impact.workforce.roster import MAX_ROWS, records_csv

__all__ = ["router"]

router = APIRouter()
MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8", "md": "text/markdown"}
RENDER = {"json": to_json, "csv": to_csv, "md": to_markdown}
FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "md": "Markdown"}
# Roles listed on the result page (a 40,000-role table is a 24 MB page): the rest are in the
# downloads, and the page says how many it shows.
MAX_PAGE_ROLES = 500
# What the upload form tells people to expect: ``benchmarks/workforce.py --rows 5000`` (the
# full analysis with reskilling, a fresh process, the shared 2-core development machine) took
# 23.5 and 25.8 s, 1,000 rows 7.4 s. Most of it is one report per distinct occupation, so time
# grows more slowly than the roster; the figure errs on the long side.
SECONDS_PER_1000_ROWS = 5
ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The workforce document (`format=json`), its CSV or its Markdown",
        "content": {
            "application/json": {"schema": ref("WorkforceDocument")},
            "text/csv": {"schema": {"type": "string"}},
            "text/markdown": {"schema": {"type": "string"}},
        },
    }
}


class RowIn(BaseModel):
    """One roster row of a JSON body (values are checked by the roster rules, all at once)."""

    model_config = ConfigDict(extra="forbid", strict=True)  # true is no headcount

    title: str
    headcount: int | float | str | None = None
    fte: int | float | str | None = None
    annual_pay: float | str | None = None
    hourly_pay: float | str | None = None
    code: str | None = None
    team: str | None = None
    location: str | None = None


class WorkforceBody(BaseModel):
    """A JSON roster: the rows, as a CSV would give them."""

    model_config = ConfigDict(extra="forbid")

    rows: list[RowIn] = Field(max_length=MAX_ROWS)


async def _form_roster(request: Request) -> tuple[bytes | None, str, str | None]:
    """The uploaded file's bytes (None without one), the pasted text and the file's name.

    The page's file field is ``roster`` and its text box ``csv``; a file sent in ``csv`` (as
    a script might, from the API's text field) or text in ``roster`` is read all the same.
    """
    # The context closes the spooled upload files once read; a pasted roster may be as
    # large as the body limit (web.limits), above the form parser's 1 MB default.
    async with request.form(max_part_size=ROSTER_LIMIT) as form:
        fields = [form.get("roster"), form.get("csv")]
        texts = [f for f in reversed(fields) if isinstance(f, str)]
        text = next((t for t in texts if t.strip()), texts[0] if texts else "")
        for upload in fields:
            if isinstance(upload, UploadFile) and upload.filename:
                return await upload.read(), text, upload.filename
    return None, text, None


def _pick(upload: bytes | None, pasted: str) -> bytes:
    """The roster a form sent: the file when one was chosen, else the pasted text."""
    if upload is not None:
        return upload
    if pasted.strip():
        return pasted.encode("utf-8")
    raise InputError(
        "No roster received: the form has no file (field 'roster') and no CSV text (field 'csv').",
        hint="Choose a CSV file or paste its text.",
    )


def _is_form(request: Request) -> bool:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return ctype in {"multipart/form-data", "application/x-www-form-urlencoded"}


Source = bytes | list[dict[str, Any]]


async def _roster_source(request: Request) -> Source:
    """CSV bytes from an upload, a pasted text field or the raw body; rows from JSON."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if _is_form(request):
        upload, pasted, _ = await _form_roster(request)
        return _pick(upload, pasted)
    body = await request.body()  # at most ROSTER_LIMIT bytes: web.limits refuses more
    if ctype == "application/json":
        try:
            parsed = WorkforceBody.model_validate_json(body)
        except ValidationError as exc:
            where = "; ".join(input_problems(exc.errors()))
            raise InputError(
                f"The JSON roster is not valid: {where}.",
                hint='Send {"rows": [{"title": "Nurse", "headcount": 3}]}; /docs lists the keys.',
            ) from None
        return [r.model_dump(exclude_none=True) for r in parsed.rows]
    return body


async def _analyse(request: Request, top: int, reskilling: bool) -> tuple[WorkforceReport, Source]:
    """The analysis of the roster the request carries, and that roster as read."""
    source = await _roster_source(request)
    settings = request.app.state.settings
    report = await run_in_threadpool(
        workforce_report, source, top=top, reskilling=reskilling, settings=settings
    )
    return report, source


def _roster_text(source: Source) -> str:
    """The roster as text for the page's download form, which sends it again to the API."""
    if isinstance(source, bytes):
        return decode_text(source, what="The roster")[0].lstrip("\ufeff")
    return records_csv(source)


@router.post(
    "/api/v1/workforce",
    tags=["api v1"],
    summary="Analyze a team roster",
    responses={**ANSWERS, **ERROR_SCHEMA},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string", "description": "The roster CSV"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "description": "The file in `roster` (a file in `csv` is read "
                        "too), or the CSV text in `csv`",
                        "properties": {
                            "roster": {
                                "type": "string",
                                "format": "binary",
                                "description": "The roster file (CSV)",
                            },
                            "csv": {
                                "type": "string",
                                "description": "The roster as CSV text (used without a file)",
                            },
                        },
                    }
                },
                # A plain HTML form (no file) sends the pasted text this way.
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "description": "The CSV text in `csv` (a file needs multipart/form-data)",
                        "properties": {
                            "csv": {"type": "string", "description": "The roster as CSV text"}
                        },
                        "required": ["csv"],
                    }
                },
                # Its $defs (RowIn) are hoisted into components/schemas (web.schemas).
                "application/json": {"schema": WorkforceBody.model_json_schema(ref_template=REF)},
            },
        }
    },
)
async def workforce_api(
    request: Request,
    format: Annotated[Literal["json", "csv", "md"], Query(description="Answer format")] = "json",
    top: Annotated[int, Query(ge=1, le=1000, description="Roles listed by at-risk hours")] = 10,
    reskilling: Annotated[bool, Query(description="Add safer moves and skills")] = True,
    download: Annotated[
        bool, Query(description="Answer as a file to save (workforce.csv, .json or .md)")
    ] = False,
) -> Response:
    """Exposure by role and headcount, at-risk hours, payroll exposed and reskilling paths."""
    report, _ = await _analyse(request, top, reskilling)
    headers = {"Content-Disposition": f'attachment; filename="workforce.{format}"'}
    return Response(
        RENDER[format](report), media_type=MEDIA[format], headers=headers if download else None
    )


def _listed(roles: list[RoleResult], *, by_hours: bool) -> list[RoleResult]:
    """At most MAX_PAGE_ROLES of ``roles``, in roster order: those with the most at-risk hours
    (``by_hours``), or the first ones."""
    if len(roles) <= MAX_PAGE_ROLES:
        return roles
    if not by_hours:
        return roles[:MAX_PAGE_ROLES]
    ranked = sorted(roles, key=lambda r: (-(r.hours_at_risk or 0.0), r.id))
    keep = {r.id for r in ranked[:MAX_PAGE_ROLES]}
    return [r for r in roles if r.id in keep]


def _downloads(links: Links, roster_text: str | None) -> list[tuple[str, str]]:
    """(label, URL) of each download button: the API, answering a file in that format. None
    when the page carries no roster, or one the API would refuse as too large once sent again
    (as UTF-8, each line break as CRLF, in a multipart body)."""
    if roster_text is None:
        return []
    size = len(roster_text.encode("utf-8")) + roster_text.count("\n") + 1_000
    if size > ROSTER_LIMIT:
        return []
    api = f"{links.prefix}/api/v1/workforce"
    return [
        (name, f"{api}?{urlencode({'format': f, 'download': 'true'})}")
        for f, name in FORMAT_NAMES.items()
    ]


def _page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    links: Links = request.app.state.links
    report: WorkforceReport | None = context.setdefault("report", None)
    for key in ("error", "csv", "filename", "roster_text"):
        context.setdefault(key, None)
    by_id = {r.id: r for r in report.roles} if report else {}
    counted = [r for r in report.roles if r.counted] if report else []
    review = [r for r in report.roles if r.status not in (MATCHED, PINNED)] if report else []
    roles = _listed(counted, by_hours=True)
    top_roles = [by_id[i] for i in report.totals.top_roles] if report else []
    page = render_page(
        "workforce.html",
        links,
        method=METHOD,
        min_confidence=MIN_CONFIDENCE,
        max_rows=MAX_ROWS,
        max_mb=ROSTER_LIMIT // 1_000_000,
        seconds_per_1000=SECONDS_PER_1000_ROWS,
        top_roles=top_roles,
        headline=headline(report) if report else "",
        roles=roles,
        market_note=hourly_market_note(roles),
        shared_note=shared_market_note(roles),
        gap_note=market_gap_note(roles, dash="—"),
        automation_note=arriving_note(roles),
        automation_label=arriving_label(report.roles) if report else None,
        automation_summary=(
            arriving_summary(
                report.totals.roles_automation,
                people(report, report.totals.headcount_automation or 0.0),
            )
            if report
            else ""
        ),
        safer_note=safer_pay_note([r for r in top_roles if r.safer_moves]),
        roster_pay=roster_pay_text,
        market_group=market_group,
        learn_text=learn_text,
        check_note=check_note(report) if report else None,
        hourly_basis=hourly_basis(report) if report else "",
        n_counted=len(counted),
        review=_listed(review, by_hours=False),
        n_review=len(review),
        downloads=_downloads(links, context["roster_text"]),
        count=count_text,
        fte_text=fte_text,
        people=(lambda n: people(report, n)) if report else None,
        unit="FTE" if report and report.fte else "People",
        **context,
    )
    return HTMLResponse(page, status_code=status)


@router.get("/workforce", response_class=HTMLResponse, include_in_schema=False)
def workforce_form(request: Request) -> HTMLResponse:
    """The upload form."""
    return _page(request)


@router.post("/workforce", response_class=HTMLResponse, include_in_schema=False)
async def workforce_page(request: Request) -> HTMLResponse:
    """The analysis of an uploaded roster, or the form again with what was wrong.

    On an error the pasted text comes back in its box (a browser cannot refill a file input,
    so the file's name is given instead), with the message beside it.
    """
    if not _is_form(request):  # a raw CSV or JSON body, as the API takes it
        try:
            report, source = await _analyse(request, 10, True)
        except InputError as exc:
            return _page(request, exc.http_status, error=str(exc))
        return _page(request, report=report, roster_text=_roster_text(source))
    upload, pasted, filename = await _form_roster(request)
    settings = request.app.state.settings
    try:
        source = _pick(upload, pasted)
        report = await run_in_threadpool(
            workforce_report, source, top=10, reskilling=True, settings=settings
        )
    except InputError as exc:
        return _page(request, exc.http_status, error=str(exc), csv=pasted, filename=filename)
    return _page(request, report=report, roster_text=_roster_text(source))
