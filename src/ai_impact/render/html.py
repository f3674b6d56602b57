"""HTML pages from report objects: one Jinja2 environment (autoescape on) for the site and export.

The served site and the static export share every template; only the :class:`Links` differ
(``render/links.py``: absolute routes for the server, relative ``.html`` paths for the export).
Page functions take plain objects and return a string: no I/O, no database.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from ai_impact import __version__
from ai_impact.render import charts, pay, titles
from ai_impact.render import compare as cmp
from ai_impact.render.links import SORTS, Links, StaticLinks, sort_rows
from ai_impact.render.markdown import cert_level, tool_role
from ai_impact.reports import figures as fx
from ai_impact.reports.model import OccupationReport, Salary
from ai_impact.reports.narrative import adoption_when, exposed_automation
from ai_impact.reports.shared_figures import (
    SHARED_OUTLOOK_MARK,
    SHARED_PAY_MARK,
    marks_note,
    related_outlook_note,
    related_pay_note,
)
from ai_impact.usertext import AREA_CHARS

__all__ = [
    "COMPARE_SLOTS",
    "FAVICON_SVG",
    "HOME_EXAMPLES",
    "ONET_ATTRIBUTION",
    "SORTS",
    "STATIC_DIR",
    "Links",
    "StaticLinks",
    "area_error_page",
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
# What an occupation table's columns are and where they come from (every number names its
# source): OEWS is the May 2025 release the knowledge base loads (``KnowledgeBase.wage``).
OEWS_RELEASE = "BLS OEWS May 2025"
TABLE_SOURCES = (
    "Risk: the ai-impact risk score (1–10). Exposure index β: the share of task time AI can "
    "speed up, from the GPTs are GPTs labels and the ai-impact task model. Median pay: "
    f"{OEWS_RELEASE}, United States. Outlook: BLS Employment Projections 2024–34."
)
COMPARE_SLOTS = 4  # boxes of the compare form: compare takes two to four occupations


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
# Table headings are set in capitals (style.css), which turn β into Β and ρ into Ρ: read as the
# Latin "B" and "P". A Greek letter in a heading keeps its case.
_GREEK = re.compile(r"([\u03b1-\u03c9])")
_HEADING = re.compile(r"<th\b[^>]*>.*?</th>", re.S)


def keep_greek(text: str) -> Markup:
    """``text`` escaped, each lower-case Greek letter in a ``span.nocase``."""
    return Markup(_GREEK.sub(r'<span class="nocase">\1</span>', str(escape(text))))


def markdown_to_html(text: str) -> Markup:
    """Markdown (raw HTML disabled, so it stays text) as safe HTML.

    Each table is wrapped in a ``div.scroll``, so a wide one scrolls by itself on a phone
    instead of widening the page.
    """
    html = _MD.render(text).replace("<table>", '<div class="scroll"><table>')
    html = _HEADING.sub(lambda m: _GREEK.sub(r'<span class="nocase">\1</span>', m[0]), html)
    return Markup(html.replace("</table>", "</table></div>"))


# How the resolver found a candidate (``Candidate.via``), in a reader's words: "via semantic"
# meant nothing to the person choosing.
_MATCH_HOW = {
    "code": "by its code",
    "exact": "same as a title O*NET lists",
    "alias": "a known job title",
    "fuzzy": "after a spelling fix",
    "semantic": "similar meaning",
}


def match_how(via: str) -> str:
    """How a title candidate was found, as a page says it ("a known job title")."""
    return _MATCH_HOW.get(via, via)


_SORT_NAMES = {"risk": "risk", "pay": "median pay", "outlook": "outlook", "title": "title"}


def sorted_by(sort: str, order: str) -> str:
    """A table's order for its page title (", by median pay, lowest first"); "" for the
    default order (risk, highest first), so each order of a table has a title of its own."""
    if sort == "risk" and order == "desc":
        return ""
    if sort == "title":
        way = "A to Z" if order == "asc" else "Z to A"
    else:
        way = "lowest first" if order == "asc" else "highest first"
    return f", by {_SORT_NAMES.get(sort, sort)}, {way}"


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
        pay_note=pay.pay_note,
        projected=pay.projected,
        cert_level=cert_level,
        tool_role=tool_role,
        keep_greek=keep_greek,
        match_how=match_how,
    )
    env.globals.update(
        compare_label=cmp.label,
        sorted_by=sorted_by,
        compare_codes=cmp.codes_of,
        is_blend=cmp.is_blend,
        per_hour=pay.per_hour,
        exposed_automation=exposed_automation,
        adoption_when=adoption_when,
        section_titles=titles.SECTION_TITLES,
        nav_titles=titles.NAV_TITLES,
        tasks_lead=titles.TASKS_LEAD,
        exposure_header=titles.EXPOSURE_HEADER,
        preparation=fx.preparation,
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
        table_sources=TABLE_SOURCES,
        oews_release=OEWS_RELEASE,
        area_chars=AREA_CHARS,  # the area box takes no more than the route accepts
    )
    return env


@functools.cache
def static_asset(name: str) -> str:
    """The text of a file of ``render/static`` (inlined by standalone pages)."""
    return resources.files("ai_impact.render").joinpath("static", name).read_text("utf-8")


def render_page(
    template: str,
    links: Links,
    *,
    inline_css: bool | None = None,
    canonical: str | None = None,
    **context: Any,
) -> str:
    """Render one template of ``render/templates`` with the shared globals and ``links``.

    The style sheet is inlined when ``inline_css`` is true; by default, in standalone pages.
    ``canonical``, the page's absolute public URL (the static export with a base URL), becomes
    its ``<link rel="canonical">``; without it the page has none.
    """
    if inline_css is None:
        inline_css = getattr(links, "standalone", False)
    css = Markup(static_asset("style.css")) if inline_css else None
    return (
        _env()
        .get_template(template)
        .render(links=links, inline_css=css, canonical=canonical, **context)
    )


def occupation_page(
    report: OccupationReport,
    links: Links,
    *,
    national: Salary | None = None,
    area: str | None = None,
    canonical: str | None = None,
) -> str:
    """The full analysis page of one occupation (``national`` pay beside an area's; its
    ``canonical`` URL, see :func:`render_page`)."""
    figures = charts.report_charts(report, national)
    return render_page(
        "occupation.html", links, canonical=canonical, r=report, charts=figures, area=area
    )


def area_error_page(
    report: OccupationReport, links: Links, *, area: str, message: str, status: int
) -> str:
    """The error page of an area that is unknown or names several places, with the status the
    JSON API answers it with: the message by the area form, which keeps what was typed, and a link
    to the analysis with national pay (not that analysis itself under an error status)."""
    heading = "Pay for that area cannot be shown"
    return render_page(
        "area_error.html",
        links,
        r=report,
        area=area,
        message=message,
        status=status,
        heading=heading,
    )


def compare_page(
    reports: Sequence[OccupationReport],
    links: Links,
    *,
    entries: Sequence[str] = (),
    error: str | None = None,
    choices: Sequence[tuple[Any, str | None]] = (),
    choosing: str | None = None,
    canonical: str | None = None,
) -> str:
    """Two to four occupations side by side, with the risk chart, the notes on shared figures,
    the data and sources the Markdown comparison lists, and (served) the form; ``canonical``:
    see :func:`render_page`.

    Without ``reports`` it is the form alone, with ``error`` saying what was wrong with the
    ``entries`` typed (they stay in the form), and for an entry that fits several occupations
    (``choosing``) the ``choices``: each candidate with the URL of the comparison it makes.
    """
    chart = charts.compare_chart(reports) if reports else None
    return render_page(
        "compare.html",
        links,
        canonical=canonical,
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
