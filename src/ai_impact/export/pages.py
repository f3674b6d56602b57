"""The files of the static site: shared pages, and occupation pages rendered in parallel.

Occupation pages are the bulk of the work (charts, templates); with ``jobs > 1`` they are split
over worker processes started fresh (spawn), each calling the library on its own, so no database
connection is ever shared across a fork. Every page links only to occupations the export writes
(``exported``): a ``--limit``-ed site leaves the other titles as plain text, and its home page
offers only example searches that find an exported occupation. With the site's public address
(``base_url``) every page but the 404 carries its canonical URL; a pre-sorted copy of a table
names the table's default page.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import shutil
import signal
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ai_impact import api
from ai_impact.export.public_url import page_url
from ai_impact.render import charts
from ai_impact.render.html import (
    SORTS,
    STATIC_DIR,
    StaticLinks,
    compare_page,
    home_examples,
    markdown_to_html,
    occupation_page,
    render_page,
    sort_rows,
)
from ai_impact.render.json import render_json
from ai_impact.settings import Settings

__all__ = ["not_found_page", "write_occupation", "write_occupations", "write_shared"]

_CHUNK = 16
_ORDERS = ("asc", "desc")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _default_order(sort: str) -> str:
    return SORTS[sort][1]


def _canonical(base_url: str | None, path: str) -> str | None:
    """The public URL of the page at ``path``, or None without a base URL (a canonical link
    must be absolute)."""
    return page_url(base_url, path) if base_url else None


def write_shared(
    out: Path,
    rows: Sequence[Any],
    industries: Sequence[Any],
    settings: Settings | None = None,
    *,
    base_url: str | None = None,
) -> list[str]:
    """Everything but the occupation pages; returns the page paths for the sitemap.

    ``base_url`` (the site's public address) roots the links of the 404 page and gives every
    other page its canonical URL.
    """
    shutil.copytree(STATIC_DIR, out / "static")
    exported = [r.code for r in rows]
    top, sub = StaticLinks("", exported=exported), StaticLinks("../", exported=exported)
    total = len(rows)

    def canonical(path: str) -> str | None:
        return _canonical(base_url, path)

    written = {
        "index.html": render_page(
            "home.html",
            top,
            canonical=canonical("index.html"),
            industries=industries,
            total=total,
            q=None,
            examples=home_examples({r.code: r.title for r in rows}),
        ),
        "methodology.html": render_page(
            "methodology.html",
            top,
            canonical=canonical("methodology.html"),
            body=markdown_to_html(api.methodology_markdown()),
        ),
        "sources.html": render_page(
            "sources.html",
            top,
            canonical=canonical("sources.html"),
            sources=api.sources_info(settings=settings),
        ),
        "industries/index.html": render_page(
            "industries.html",
            sub,
            canonical=canonical("industries/index.html"),
            industries=industries,
        ),
    }
    # Each pre-sorted copy of a table names its default page (the one the sitemap lists).
    table = canonical("occupations/index.html")
    for sort in SORTS:
        for order in _ORDERS:
            name = f"occupations/index--{sort}-{order}.html"
            written[name] = _table_page("occupations.html", sub, rows, sort, order, None, table)
    written["occupations/index.html"] = written["occupations/index--risk-desc.html"]
    for ind in industries:
        members = [r for r in rows if r.industry_slug == ind.slug]
        table = canonical(f"industries/{ind.slug}.html")
        for sort in SORTS:
            for order in _ORDERS:
                written[f"industries/{ind.slug}--{sort}-{order}.html"] = _table_page(
                    "industry.html", sub, members, sort, order, ind, table
                )
        written[f"industries/{ind.slug}.html"] = written[f"industries/{ind.slug}--risk-desc.html"]
    for name, text in written.items():
        _write(out / name, text)
    _write(out / "404.html", not_found_page(exported, base_url))
    return [n for n in written if "--" not in n]


def not_found_page(exported: Collection[str], base_url: str | None = None) -> str:
    """The 404 page, which a host serves at the missing URL, at any depth of the site.

    Relative links would resolve against that URL (``/occupations/x.html`` → a missing
    ``/occupations/static/style.css``), so its links start from the site's root: the path of
    ``base_url`` when given, else ``/`` (a site at the root of its host). The style sheet is
    inlined, so the page looks right even where those links cannot reach the site. It has no
    canonical link: it stands for whichever address was missing, not for ``404.html``.
    """
    root = urlsplit(base_url).path.rstrip("/") + "/" if base_url else "/"
    links = StaticLinks(root, exported=exported)
    missing = "That page is not part of this site. Search or browse from the home page."
    return render_page(
        "error.html", links, inline_css=True, status=404, heading="Not found", message=missing
    )


def _table_page(
    template: str,
    links: StaticLinks,
    rows: Sequence[Any],
    sort: str,
    order: str,
    ind: Any,
    canonical: str | None,
) -> str:
    """A table page in one sort order; its headings link to the other pre-sorted files, and its
    ``canonical`` URL is the table's default page."""
    if ind is None:

        def url(s: str, o: str) -> str:
            return f"index--{s}-{o}.html"

        extra: dict[str, Any] = {}
    else:

        def url(s: str, o: str) -> str:
            return f"{ind.slug}--{s}-{o}.html"

        extra = {"ind": ind, "chart": charts.industry_chart([r.risk_category for r in rows])}
    ordered = sort_rows(rows, sort, order)
    return render_page(
        template,
        links,
        canonical=canonical,
        rows=ordered,
        sort=sort,
        order=order,
        sort_url=url,
        **extra,
    )


def compare_codes(report: Any) -> list[str]:
    """The occupation and its first three related ones: what its compare page shows."""
    return [report.header.code, *[x.code for x in report.related][:3]]


def write_occupation(
    out: Path,
    code: str,
    settings: Settings | None = None,
    exported: Collection[str] | None = None,
    base_url: str | None = None,
) -> None:
    """The page and the JSON of one occupation, and its comparison with related ones.

    Links go only to the occupations in ``exported`` (every one when None); with ``base_url``
    each page carries its canonical URL.
    """
    report = api.report_for(code, settings=settings)
    links = StaticLinks("../", exported=exported)
    page = f"occupations/{code}.html"
    _write(out / page, occupation_page(report, links, canonical=_canonical(base_url, page)))
    _write(out / "api" / "occupations" / f"{code}.json", render_json(report, indent=None))
    codes = compare_codes(report)
    if links.compare(codes):
        reports = api.compare(codes, settings=settings)
        page = f"compare/{code}.html"
        _write(out / page, compare_page(reports, links, canonical=_canonical(base_url, page)))


def _worker_start(parent: int) -> None:
    """Leave Ctrl-C to the parent, which stops the pool and removes the half-built folder;
    a worker that took it too would print its own traceback (``Process SpawnPoolWorker-2:``).

    A worker also ends with its parent (``parent``, the building process): a build killed
    outright (SIGKILL, a CI timeout) cannot stop its pool, and its workers would go on writing
    into the abandoned folder, then print ``BrokenPipeError`` tracebacks on the terminal."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent(parent)


_PR_SET_PDEATHSIG = 1


def _end_with_parent(parent: int) -> None:
    """Ask Linux to end this process when its parent ends (elsewhere: nothing to ask)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: workers outlive a kill
        return
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)


def _chunk_worker(args: tuple[str, list[str], str | None, frozenset[str], str | None]) -> int:
    """Write one chunk of occupations; ``args`` is everything a fresh (spawned) worker needs:
    the folder, the codes, the settings as JSON, the exported codes and the base URL."""
    out, codes, settings_json, exported, base_url = args
    settings = Settings.model_validate_json(settings_json) if settings_json else None
    for code in codes:
        write_occupation(Path(out), code, settings, exported, base_url)
    return len(codes)


def write_occupations(
    out: Path,
    codes: Sequence[str],
    *,
    jobs: int = 1,
    settings: Settings | None = None,
    base_url: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Every occupation page, over ``jobs`` processes; returns how many were written.

    Pages link to other occupations only among ``codes``, the ones written, and carry their
    canonical URL under ``base_url`` when given.

    The first error stops the build (the caller discards the half-built folder).
    """
    done = 0
    blob = settings.model_dump_json() if settings is not None else None
    exported = frozenset(codes)
    chunks = [list(codes[i : i + _CHUNK]) for i in range(0, len(codes), _CHUNK)]
    if jobs <= 1 or len(chunks) < 2:
        for chunk in chunks:
            done += _chunk_worker((str(out), chunk, blob, exported, base_url))
            if progress:
                progress(done, len(codes))
        return done
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes=jobs, initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        work = [(str(out), c, blob, exported, base_url) for c in chunks]
        for n in pool.imap_unordered(_chunk_worker, work):
            done += n
            if progress:
                progress(done, len(codes))
    return done
