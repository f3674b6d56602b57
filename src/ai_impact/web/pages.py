"""The HTML pages: each route parses, makes one library call, and renders a template.

Pages are rendered on the server (they read without JavaScript); ``app.js`` only adds the
autocomplete and in-place table sorting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ai_impact import api
from ai_impact.errors import AmbiguousInputError, InputError, NotFoundError
from ai_impact.render import charts
from ai_impact.render.html import (
    Links,
    area_error_page,
    compare_page,
    home_examples,
    markdown_to_html,
    occupation_page,
    render_page,
    sort_rows,
)
from ai_impact.reports.jd_split import MAX_CHARS
from ai_impact.settings import Settings
from ai_impact.titles import Resolution
from ai_impact.titles.best_guess import BEST_GUESS_CONFIDENCE, is_best_guess
from ai_impact.web.codes import canonical_code
from ai_impact.web.errors import user_message
from ai_impact.web.limits import AREA_CHARS, QUERY_CHARS, TITLE_CHARS
from ai_impact.web.memo import Memo

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
_pages: Memo[str] = Memo(size=512)
_CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")
Sort = Literal["risk", "pay", "outlook", "title"]
Order = Literal["asc", "desc"]
Area = Annotated[str | None, Query(max_length=AREA_CHARS)]


def _links(request: Request) -> Links:
    links: Links = request.app.state.links
    return links


def _cfg(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """Search form and the industries."""
    inds = api.industries(settings=_cfg(request))
    total = sum(i.occupations for i in inds)
    page = render_page(
        "home.html",
        _links(request),
        industries=inds,
        total=total,
        q=None,
        examples=home_examples(),
    )
    return _html(page)


# A page can skip the choice only when the answer is near-certain: a code, or a title whose
# analysis is no best guess (titles/best_guess.py: at 0.8 or more, counting a blend's
# occupations together, the first candidate is right ~95% of the time; under it ~81%). Anything
# weaker shows the candidates, with what the user typed.
REDIRECT_CONFIDENCE = BEST_GUESS_CONFIDENCE


def _goes_straight_there(res: Resolution) -> bool:
    """Whether a search answer is certain enough to open the occupation page directly."""
    if not res.candidates or res.needs_choice:
        return False
    return res.candidates[0].via == "code" or not is_best_guess(res)


@router.get("/search", response_model=None)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=QUERY_CHARS)] = "",
    area: Area = None,
) -> Response:
    """Candidates with confidence; a confident single answer (or a code) goes straight there."""
    links = _links(request)
    q = q.strip()
    if not q:
        return _html(
            render_page(
                "search.html", links, heading="Search", q="", message=None, candidates=[], area=area
            )
        )
    if _CODE.match(q):
        canon = canonical_code(q, _cfg(request))
        code = canon.code if canon else q
        return RedirectResponse(str(links.occupation(code, area)), status_code=303)
    res = api.resolve_title(q, top=10, settings=_cfg(request))
    if _goes_straight_there(res):
        top = res.candidates[0]
        # A title known as an alias can blend several occupations: its analysis is the same
        # page `ai-impact analyze "<title>"` writes, not the closest occupation's alone.
        target = links.analysis(q, area) if top.via == "alias" else links.occupation(top.code, area)
        return RedirectResponse(str(target), status_code=303)
    heading = f"Occupations for “{q}”" if res.candidates else f"No match for “{q}”"
    note = user_message(request, " ".join(x for x in (res.alias_note, res.message) if x)) or None
    page = render_page(
        "search.html",
        links,
        heading=heading,
        q=q,
        message=note,
        candidates=list(res.candidates),
        area=area,
    )
    # Nothing matched: the same 404 as /analysis?q= for that title, with the page's hints.
    return _html(page, 200 if res.candidates else 404)


def _status(exc: InputError | NotFoundError) -> int:
    """The HTTP status of a form error (a choice to make, 300, is shown as a 422)."""
    return exc.http_status if exc.http_status >= 400 else 422


def _with_area(
    request: Request, fetch: Callable[[str | None], Any], area: str | None
) -> tuple[Any, Any] | HTMLResponse:
    """The report for ``area`` and the national one; if the area is unknown or names several
    places, the error page the JSON API's status calls for (404 or 422): the message by the
    area form, which keeps what was typed, and a link to the national analysis."""
    national = fetch(None)  # an unknown code or title is the error page
    if not area:
        return national, national
    try:
        return fetch(area), national
    except (InputError, NotFoundError) as exc:
        message = user_message(request, str(exc))
        status = _status(exc)
        page = area_error_page(national, _links(request), area=area, message=message, status=status)
        return _html(page, status)


@router.get("/occupation/{code}", response_model=None)
def occupation(request: Request, code: str, area: Area = None) -> Response:
    """The full analysis; with ``?area=`` the area's pay beside the national figures.

    A code in another form the CLI reads ("15205100", "152051", "15-2051") redirects to the
    canonical address (:mod:`ai_impact.web.codes`). An area that is unknown or names several
    places is an error page (404 or 422, as in the JSON API) with the message by the area form
    and a link to the national analysis.
    """
    target = canonical_code(code, _cfg(request))
    if target is not None:
        url = str(_links(request).occupation(target.code, area))
        return RedirectResponse(url, status_code=target.status)
    area = (area or "").strip() or None
    got = _with_area(request, lambda a: api.report_for(code, area=a, settings=_cfg(request)), area)
    if isinstance(got, HTMLResponse):
        return got
    report, national = got
    links = _links(request)

    def make() -> str:
        nat = national.salary if national is not report else None
        return occupation_page(report, links, national=nat, area=area)

    return _html(_pages.get((report, national), area, make))


@router.get("/analysis", response_class=HTMLResponse)
def analysis(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=QUERY_CHARS)],
    area: Area = None,
) -> HTMLResponse:
    """A typed title analysed as the CLI does it (a blend for a multi-occupation alias)."""
    area = (area or "").strip() or None
    got = _with_area(request, lambda a: api.analyze(q, area=a, settings=_cfg(request)), area)
    if isinstance(got, HTMLResponse):
        return got
    report, national = got
    nat = national.salary if area else None
    return _html(occupation_page(report, _links(request), national=nat, area=area))


@router.get("/occupations", response_class=HTMLResponse)
def occupations(request: Request, sort: Sort = "risk", order: Order | None = None) -> HTMLResponse:
    """Every occupation in one sortable table."""
    links = _links(request)
    rows = sort_rows(api.occupation_table(settings=_cfg(request)), sort, order)
    order = order or ("asc" if sort == "title" else "desc")

    def url(s: str, o: str) -> str:
        return f"{links.occupations()}?sort={s}&order={o}"

    page = render_page("occupations.html", links, rows=rows, sort=sort, order=order, sort_url=url)
    return _html(page)


@router.get("/industries", response_class=HTMLResponse)
def industries(request: Request) -> HTMLResponse:
    """Every industry with its mean risk."""
    return _html(
        render_page(
            "industries.html", _links(request), industries=api.industries(settings=_cfg(request))
        )
    )


@router.get("/industry/{slug}", response_class=HTMLResponse)
def industry(
    request: Request, slug: str, sort: Sort = "risk", order: Order | None = None
) -> HTMLResponse:
    """Every occupation of one industry with risk, pay and outlook, sorted on the server."""
    links = _links(request)
    summary, rows = api.industry(slug, settings=_cfg(request))
    ordered = sort_rows(rows, sort, order)
    chart = charts.industry_chart([r.risk_category for r in rows])

    def url(s: str, o: str) -> str:
        return links.industry(slug, s, o)

    page = render_page(
        "industry.html",
        links,
        ind=summary,
        rows=ordered,
        chart=chart,
        sort=sort,
        order=order or ("asc" if sort == "title" else "desc"),
        sort_url=url,
    )
    return _html(page)


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    codes: Annotated[list[str] | None, Query(description="A,B[,C,D]")] = None,
) -> HTMLResponse:
    """Two to four occupations side by side (``codes=A,B`` or ``codes=A&codes=B``).

    Without ``codes`` it is the form that picks them. Every error keeps what was typed in the
    form: a wrong count or an unknown entry says so (422, 404); an entry that fits several
    occupations (300) lists them, each linking to the comparison with it in that entry's place.
    """
    links = _links(request)
    wanted = [c.strip() for part in codes or () for c in part.split(",") if c.strip()]
    if not wanted:
        return _html(compare_page([], links))
    if not 2 <= len(wanted) <= 4:
        error = f"Compare takes 2 to 4 occupations; got {len(wanted)}. " + (
            "Add another title or code." if len(wanted) < 2 else "Leave out some of them."
        )
        return _html(compare_page([], links, entries=wanted, error=error), 422)
    try:
        reports = api.compare(wanted, settings=_cfg(request))
    except AmbiguousInputError as exc:
        return _compare_choice(request, wanted, exc)
    except (InputError, NotFoundError) as exc:
        error = user_message(request, str(exc))
        return _html(compare_page([], links, entries=wanted, error=error), exc.http_status)
    return _html(compare_page(reports, links, entries=wanted))


def _compare_choice(request: Request, wanted: list[str], exc: AmbiguousInputError) -> HTMLResponse:
    """The candidates of the entry that fits several occupations, each a link to the
    comparison with that candidate's code in the entry's place (the rest kept as typed)."""
    links = _links(request)
    # The library names the entry first ("'manager' could mean several occupations: ...").
    at = next((i for i, w in enumerate(wanted) if str(exc).startswith(repr(w))), None)
    if at is None:  # cannot tell which entry: each candidate opens its own page
        choices = [(c, links.occupation(c.code)) for c in exc.candidates]
        entry = ", ".join(wanted)
    else:
        entry = wanted[at]
        choices = [
            (c, links.compare([*wanted[:at], c.code, *wanted[at + 1 :]])) for c in exc.candidates
        ]
    error = f"“{entry}” could mean several occupations."
    page = compare_page([], links, entries=wanted, error=error, choices=choices, choosing=entry)
    return _html(page, exc.http_status)


def _describe_page(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    """The paste-your-description form, with the analysis below it when there is one."""
    report = context.pop("report", None)
    for key in ("text", "title", "area", "error", "jd_title_error", "jd_area_error"):
        context.setdefault(key, None)
    extra: dict[str, Any] = {"r": report, "candidates": getattr(report, "candidates", ())}
    if report is not None:
        extra["charts"] = charts.report_charts(report, None)
    limits: dict[str, Any] = {
        "max_chars": MAX_CHARS,
        "title_chars": TITLE_CHARS,
        "area_chars": AREA_CHARS,
    }
    page = render_page("describe.html", _links(request), **limits, **extra, **context)
    return _html(page, status)


@router.get("/describe", response_class=HTMLResponse)
def describe_form(request: Request) -> HTMLResponse:
    """The form to paste a job description or task list."""
    return _describe_page(request)


def _too_long(value: str, limit: int, what: str, hint: str) -> str | None:
    """ "The title is longer than 200 characters (it has 500). …", or None when it fits."""
    if len(value) <= limit:
        return None
    return f"{what} is longer than {limit:,} characters (it has {len(value):,}). {hint}"


@router.post("/describe", response_class=HTMLResponse)
async def describe(request: Request) -> HTMLResponse:
    """The analysis of a pasted job description, or the form again with what was wrong."""
    form = await request.form()
    text, title, area = (str(form.get(k) or "") for k in ("text", "title", "area"))
    # A form sends each line break as CRLF; counted as one, as the browser counts them, so a
    # text within the limit in the box is within it here.
    text = text.replace("\r\n", "\n")
    context: dict[str, Any] = {"text": text, "title": title, "area": area}
    too_long = _too_long(title.strip(), TITLE_CHARS, "The title", "Give the job title alone.")
    area_too_long = _too_long(area.strip(), AREA_CHARS, "The area", "Give a state or metro area.")
    if too_long or area_too_long:  # the API's limits (json_api.DescriptionBody), said by the field
        return _describe_page(
            request, 422, jd_title_error=too_long, jd_area_error=area_too_long, **context
        )

    def run(where: str | None) -> Any:
        return api.analyze_description(
            text, title=title.strip() or None, area=where, settings=_cfg(request)
        )

    try:
        report = await run_in_threadpool(run, area.strip() or None)
    except (InputError, NotFoundError) as exc:
        if not area.strip():
            return _describe_page(
                request, _status(exc), error=user_message(request, str(exc)), **context
            )
        # Was it the area? The analysis without it tells; if it works, it is shown (national
        # pay) with the message by the area field, and the text stays in the form either way.
        try:
            national = await run_in_threadpool(run, None)
        except (InputError, NotFoundError):
            return _describe_page(
                request, _status(exc), error=user_message(request, str(exc)), **context
            )
        return _describe_page(
            request, _status(exc), report=national, jd_area_error=str(exc), **context
        )
    return _describe_page(request, report=report, **context)


@router.get("/methodology", response_class=HTMLResponse)
def methodology(request: Request) -> HTMLResponse:
    """The method, formula and model card."""
    body = markdown_to_html(api.methodology_markdown())
    return _html(render_page("methodology.html", _links(request), body=body))


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request) -> HTMLResponse:
    """Every source file with release, vintage, licence and checksum."""
    return _html(
        render_page(
            "sources.html", _links(request), sources=api.sources_info(settings=_cfg(request))
        )
    )
