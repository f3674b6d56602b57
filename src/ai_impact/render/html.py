"""HTML pages from report objects: one Jinja2 environment (autoescape on) for the site and export.

The served site and the static export share every template; only the :class:`Links` differ
(absolute routes for the server, relative ``.html`` paths for a folder that may be served from
any path). Page functions take plain objects and return a string: no I/O, no database.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from ai_impact import __version__
from ai_impact.errors import InputError
from ai_impact.render import charts, pay
from ai_impact.render import compare as cmp
from ai_impact.render.markdown import cert_level
from ai_impact.reports import figures as fx
from ai_impact.reports.model import OccupationReport, Salary
from ai_impact.reports.shared_figures import (
    SHARED_OUTLOOK_MARK,
    SHARED_PAY_MARK,
    marks_note,
    related_outlook_note,
    related_pay_note,
)

__all__ = [
    "COMPARE_SLOTS",
    "FAVICON_SVG",
    "HOME_EXAMPLES",
    "ONET_ATTRIBUTION",
    "SORTS",
    "STATIC_DIR",
    "Links",
    "StaticLinks",
    "compare_page",
    "home_examples",
    "markdown_to_html",
    "occupation_page",
    "render_page",
    "report_html",
    "sort_rows",
    "static_asset",
]

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 30.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA."
)

STATIC_DIR = Path(__file__).resolve().parent / "static"

# The site's icon (the brand's gradient square). Pages carry it as a data URI, so no browser
# asks for /favicon.ico; the server answers that path too, for its JSON pages.
FAVICON_SVG = (
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><defs>"
    "<linearGradient id='g' x2='1' y2='1'><stop offset='0' stop-color='#1a7f37'/>"
    "<stop offset='.5' stop-color='#9a6700'/><stop offset='1' stop-color='#b42318'/>"
    "</linearGradient></defs><rect width='16' height='16' rx='3' fill='url(#g)'/></svg>"
)
FAVICON_URI = "data:image/svg+xml," + quote(FAVICON_SVG, safe=" ='/:.,()")

# The home page's "Try:" searches, each with the occupation it finds: an export that leaves the
# occupation out leaves the example out too (its search would find nothing).
HOME_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("Registered nurse", "29-1141.00"),
    ("Accountant", "13-2011.00"),
    ("Software developer", "15-1252.00"),
    ("Truck driver", "53-3032.00"),
    ("Teacher", "25-2021.00"),
)
COMPARE_SLOTS = 4  # boxes of the compare form: compare takes two to four occupations

# Sort key of an industry table and the order a first click gives (None sorts last either way).
SORTS: dict[str, tuple[str, str]] = {
    "risk": ("risk_score", "desc"),
    "pay": ("median_annual", "desc"),
    "outlook": ("employment_change_pct", "desc"),
    "title": ("title", "asc"),
}


class Links:
    """URLs of the served site: absolute routes under an optional mount prefix."""

    served = True
    can_compare = True
    standalone = False

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix.rstrip("/")

    def home(self) -> str:
        """The home page."""
        return self.prefix + "/"

    def search(self) -> str:
        """Where the header's search form goes."""
        return self.prefix + "/search"

    def occupation(self, code: str, area: str | None = None) -> str | None:
        """An occupation's analysis (with pay for ``area`` when given)."""
        tail = f"?{urlencode({'area': area})}" if area else ""
        return f"{self.prefix}/occupation/{quote(code)}{tail}"

    def occupation_pattern(self) -> str:
        """An occupation's URL with ``CODE`` in place of the code (for the autocomplete)."""
        return f"{self.prefix}/occupation/CODE"

    def analysis(self, title: str | None = None, area: str | None = None) -> str | None:
        """The analysis of a typed title (a blend when it maps to several occupations).

        Without ``title``: the bare route, the action of a form that sends ``q`` itself.
        """
        query = {k: v for k, v in (("q", title), ("area", area)) if v}
        tail = f"?{urlencode(query)}" if query else ""
        return f"{self.prefix}/analysis{tail}"

    def occupations(self) -> str:
        """The table of every occupation."""
        return self.prefix + "/occupations"

    def industries(self) -> str:
        """The list of industries."""
        return self.prefix + "/industries"

    def industry(self, slug: str, sort: str | None = None, order: str | None = None) -> str:
        """An industry's table, sorted on the server when ``sort`` is given."""
        query = {k: v for k, v in (("sort", sort), ("order", order)) if v}
        tail = f"?{urlencode(query)}" if query else ""
        return f"{self.prefix}/industry/{quote(slug)}{tail}"

    def compare(self, codes: Sequence[str]) -> str | None:
        """Occupations side by side (the commas stay readable: ``?codes=A,B``)."""
        return f"{self.prefix}/compare?{urlencode({'codes': ','.join(codes)}, safe=',')}"

    def compare_form(self) -> str | None:
        """Where the form that picks occupations to compare goes (None: no server to ask)."""
        return f"{self.prefix}/compare"

    def methodology(self) -> str:
        """How the numbers are made."""
        return self.prefix + "/methodology"

    def sources(self) -> str:
        """Every data source with release and licence."""
        return self.prefix + "/sources"

    def asset(self, name: str) -> str:
        """A file of ``render/static`` (CSS, JS)."""
        return f"{self.prefix}/static/{name}"

    def api_occupation(self, code: str) -> str:
        """The JSON of an occupation's report."""
        return f"{self.prefix}/api/v1/occupations/{quote(code)}"

    def resolve_api(self) -> str | None:
        """The resolver the autocomplete calls (None: use the static search index)."""
        return self.prefix + "/api/v1/resolve"

    def search_index(self) -> str | None:
        """The client-side search index (only in the static export)."""
        return None


class StaticLinks(Links):
    """Relative URLs of the exported folder; ``root`` climbs from the page to the folder.

    ``exported`` lists the occupation codes that have a page in the folder (all of them when
    None); a link to any other occupation is left out, and its title stays plain text.
    """

    served = False
    can_compare = False

    def __init__(
        self,
        root: str = "",
        *,
        standalone: bool = False,
        exported: Collection[str] | None = None,
    ) -> None:
        super().__init__()
        self.root = root
        self.standalone = standalone  # one self-contained file: no navigation, CSS inline
        self.exported = frozenset(exported) if exported is not None else None

    def home(self) -> str:
        """The index page, which also holds the client-side search."""
        return self.root + "index.html"

    def search(self) -> str:
        """The index page reads ``?q=`` and searches the index in the browser."""
        return self.home()

    def occupation(self, code: str, area: str | None = None) -> str | None:
        """The exported page of an occupation (national pay; None in a standalone file, or
        when the export left the occupation out)."""
        if self.standalone or (self.exported is not None and code not in self.exported):
            return None
        return f"{self.root}occupations/{code}.html"

    def occupation_pattern(self) -> str:
        """An exported occupation page with ``CODE`` in place of the code."""
        return f"{self.root}occupations/CODE.html"

    def analysis(self, title: str | None = None, area: str | None = None) -> str | None:
        """No typed-title analyses without a server: the search opens occupation pages."""
        return None

    def occupations(self) -> str:
        """The exported table of every occupation."""
        return self.root + "occupations/index.html"

    def industries(self) -> str:
        """The exported list of industries."""
        return self.root + "industries/index.html"

    def industry(self, slug: str, sort: str | None = None, order: str | None = None) -> str:
        """An exported industry page; each sort order is its own pre-sorted file."""
        tail = f"--{sort}-{order or SORTS[sort][1]}" if sort else ""
        return f"{self.root}industries/{slug}{tail}.html"

    def compare(self, codes: Sequence[str]) -> str | None:
        """The pre-rendered comparison of an occupation with its first three related ones
        (the only comparison a static folder has: ``codes`` must be that set)."""
        if self.standalone or len(codes) < 2:
            return None
        return f"{self.root}compare/{codes[0]}.html"

    def compare_form(self) -> str | None:
        """No form: a static folder holds only its pre-rendered comparisons."""
        return None

    def methodology(self) -> str:
        """The exported method page."""
        return self.root + "methodology.html"

    def sources(self) -> str:
        """The exported sources page."""
        return self.root + "sources.html"

    def asset(self, name: str) -> str:
        """A copied static file."""
        return f"{self.root}static/{name}"

    def api_occupation(self, code: str) -> str:
        """The exported JSON of an occupation."""
        return f"{self.root}api/occupations/{code}.json"

    def resolve_api(self) -> str | None:
        """No server to ask: the static search index is used instead."""
        return None

    def search_index(self) -> str | None:
        """The exported client-side search index: a script, which a page opened from disk
        (``file://``) may load where it may not ``fetch`` a JSON file."""
        return self.root + "search-index.js"


def sort_rows(rows: Iterable[Any], sort: str = "risk", order: str | None = None) -> list[Any]:
    """Rows of an occupation table sorted by ``sort``; missing values always go last."""
    if sort not in SORTS:
        raise InputError(f"Cannot sort by '{sort}'.", hint=f"Use one of: {', '.join(SORTS)}.")
    attr, default = SORTS[sort]
    order = order or default
    if order not in {"asc", "desc"}:
        raise InputError(f"The order '{order}' is not known.", hint="Use asc or desc.")
    items = list(rows)
    present = [r for r in items if getattr(r, attr) is not None]
    missing = [r for r in items if getattr(r, attr) is None]
    key: Callable[[Any], Any] = (
        (lambda r: r.title.casefold()) if attr == "title" else (lambda r: getattr(r, attr))
    )
    present.sort(key=key, reverse=order == "desc")
    return present + missing


def _money(x: float | None) -> str:
    return "—" if x is None or math.isnan(x) else fx.money(x)


def _pct(x: float | None) -> str:
    """A 0–1 share as a whole percentage, written as the narrative writes it."""
    return "—" if x is None else fx.pct(x)


def _signed(x: float | None) -> str:
    """A change already in percent, with its sign."""
    return "—" if x is None else fx.signed_pct(x)


def _num(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def _openings(thousands: float | None) -> str:
    """Openings a year from BLS's thousands: ``23.4k``, or ``fewer than 50`` where BLS
    publishes 0.0 thousand."""
    if thousands is None:
        return "—"
    return fx.openings(thousands) if thousands < fx.FEWER_THAN else f"{thousands:,.1f}k"


def _source_name(report: OccupationReport, key: str) -> str | None:
    """The name of the report's source ``key`` ("BLS Employment Projections 2024–34")."""
    return next((s.name for s in report.sources if s.key == key), None)


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


_MD = MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_to_html(text: str) -> Markup:
    """Markdown (raw HTML disabled, so it stays text) as safe HTML.

    Each table is wrapped in a ``div.scroll``, so a wide one scrolls by itself on a phone
    instead of widening the page.
    """
    html = _MD.render(text).replace("<table>", '<div class="scroll"><table>')
    return Markup(html.replace("</table>", "</table></div>"))


@functools.cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("ai_impact.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(
        money=_money,
        pct=_pct,
        signed=_signed,
        num=_num,
        openings=_openings,
        slug=_slug,
        hourly=pay.hourly,
        median_pay=pay.median_pay,
        cert_level=cert_level,
    )
    env.globals.update(
        compare_label=cmp.label,
        compare_codes=cmp.codes_of,
        is_blend=cmp.is_blend,
        per_hour=pay.per_hour,
        marks_note=marks_note,
        hourly_pay_note=pay.hourly_pay_note,
        related_pay_note=related_pay_note,
        related_outlook_note=related_outlook_note,
        source_name=_source_name,
        shared_pay_mark=SHARED_PAY_MARK,
        shared_outlook_mark=SHARED_OUTLOOK_MARK,
        hourly_range=pay.hourly_range,
        attribution=ONET_ATTRIBUTION,
        favicon=FAVICON_URI,
        version=__version__,
        category_colours=charts.CATEGORY_COLOURS,
        timeline_colours=charts.TIMELINE_COLOURS,
        sorts=SORTS,
    )
    return env


@functools.cache
def static_asset(name: str) -> str:
    """The text of a file of ``render/static`` (inlined by standalone pages)."""
    return resources.files("ai_impact.render").joinpath("static", name).read_text("utf-8")


def render_page(
    template: str, links: Links, *, inline_css: bool | None = None, **context: Any
) -> str:
    """Render one template of ``render/templates`` with the shared globals and ``links``.

    The style sheet is inlined when ``inline_css`` is true; by default, in standalone pages.
    """
    if inline_css is None:
        inline_css = getattr(links, "standalone", False)
    css = Markup(static_asset("style.css")) if inline_css else None
    return _env().get_template(template).render(links=links, inline_css=css, **context)


def occupation_page(
    report: OccupationReport,
    links: Links,
    *,
    national: Salary | None = None,
    area: str | None = None,
    area_error: str | None = None,
) -> str:
    """The full analysis page of one occupation (``national`` pay beside an area's).

    ``area_error`` says why the typed ``area`` could not be used; it is shown by the area form.
    """
    figures = charts.report_charts(report, national)
    return render_page(
        "occupation.html", links, r=report, charts=figures, area=area, area_error=area_error
    )


def compare_page(
    reports: Sequence[OccupationReport],
    links: Links,
    *,
    entries: Sequence[str] = (),
    error: str | None = None,
    choices: Sequence[tuple[Any, str | None]] = (),
    choosing: str | None = None,
) -> str:
    """Two to four occupations side by side, with the risk chart, the notes on shared figures,
    the data and sources the Markdown comparison lists, and (served) the form.

    Without ``reports`` it is the form alone, with ``error`` saying what was wrong with the
    ``entries`` typed (they stay in the form), and for an entry that fits several occupations
    (``choosing``) the ``choices``: each candidate with the URL of the comparison it makes.
    """
    chart = charts.compare_chart(reports) if reports else None
    return render_page(
        "compare.html",
        links,
        reports=list(reports),
        chart=chart,
        pay_note=cmp.pay_note(reports),
        outlook_note=cmp.outlook_note(reports),
        data_notes=cmp.data_notes(reports, page_rows=True),
        sources=cmp.table_sources(reports, cmp.PAGE_SOURCES),
        slots=_slots(entries, COMPARE_SLOTS),
        error=error,
        choices=list(choices),
        choosing=choosing,
    )


def _slots(entries: Sequence[str], n: int) -> list[str]:
    """``entries`` in ``n`` boxes; any beyond the last box share it, comma separated."""
    if len(entries) > n:
        return [*entries[: n - 1], ", ".join(entries[n - 1 :])]
    return [*entries, *[""] * (n - len(entries))]


def home_examples(exported: Mapping[str, str] | None = None, n: int = 5) -> list[str]:
    """The home page's example searches: the curated ones, or for an export (``exported``:
    code → title of the occupations it wrote) those it can answer, then its own titles."""
    if exported is None:
        return [name for name, _ in HOME_EXAMPLES][:n]
    chosen = [name for name, code in HOME_EXAMPLES if code in exported]
    picked = {code for _, code in HOME_EXAMPLES if code in exported}
    chosen += [title for code, title in exported.items() if code not in picked]
    return chosen[:n]


def report_html(report: OccupationReport) -> str:
    """A self-contained HTML file of one report (CSS inline, no links out, no script)."""
    return occupation_page(report, StaticLinks(standalone=True))
