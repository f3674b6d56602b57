"""``ai-impact build-site DIR``: the whole site as static files, with relative links.

The folder holds every occupation page and its JSON, the industry pages (one file per sort
order, so sorting works without a server or JavaScript), the index with a client-side search,
method and sources pages, the CSS/JS and, when the public URL of the folder is known
(``base_url``), a sitemap and a canonical link on each page: both take absolute URLs only. It is
written to a
temporary folder next to DIR and then swapped in, so readers never see a half-written site
(``workdir.py``: the next build removes the folders of builds that were killed).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, quote, urlsplit, urlunsplit
from xml.sax.saxutils import escape

import ai_impact
from ai_impact import api
from ai_impact.errors import AiImpactError, InputError
from ai_impact.export import pages
from ai_impact.export.public_url import PATH_SAFE, page_url
from ai_impact.export.swap import swap_in
from ai_impact.export.workdir import building_folder
from ai_impact.settings import Settings

__all__ = [
    "INDEX_GLOBAL",
    "MARKER",
    "SiteStats",
    "build_site",
    "check_base_url",
    "search_entries",
]

MARKER = ".ai-impact-site"
# The global that search-index.js assigns: a page opened from disk (file://) may load a script
# but may not fetch a JSON file, so the search reads the index from this script.
INDEX_GLOBAL = "AI_IMPACT_SEARCH_INDEX"


@dataclass(frozen=True, slots=True)
class SiteStats:
    """What a build wrote and how long it took."""

    out_dir: Path
    occupations: int
    industries: int
    files: int
    seconds: float
    sitemap: bool = False


_HINT = "Give the public address of the folder, e.g. https://example.org/ai-impact/."


def _plain_host(parts: SplitResult) -> bool:
    """Whether the host and port are written as a request sends them."""
    try:
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        return False
    return parts.netloc.isascii() and not any(c.isspace() or c in '<>"\\' for c in parts.netloc)


def check_base_url(base_url: str) -> str:
    """The public URL of the site folder, checked (http or https with a host, no user name or
    password, no query or fragment) and with its path percent-encoded, as the sitemap protocol
    wants its URLs."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InputError(
            f"The base URL {base_url!r} is not an http(s) URL with a host.", hint=_HINT
        )
    if parts.query or parts.fragment or base_url.strip().endswith(("?", "#")):
        raise InputError(
            f"The base URL {base_url!r} has a query or a fragment, which a folder's address "
            "cannot have: the pages' addresses are the base URL and their paths.",
            hint=_HINT,
        )
    if parts.username is not None or parts.password is not None:
        raise InputError(
            f"The base URL {base_url!r} holds a user name or password (before '@'), which every "
            "page's canonical link and the sitemap would publish.",
            hint="Give the public address without it, e.g. https://example.org/ai-impact/.",
        )
    if not _plain_host(parts):
        raise InputError(
            f"The base URL {base_url!r} has a host that is not a plain ASCII name and port.",
            hint="Write the host in ASCII (punycode, xn--…) and the port as a number. " + _HINT,
        )
    return urlunsplit((parts.scheme, parts.netloc, quote(parts.path, safe=PATH_SAFE), "", ""))


def _own_folders(settings: Settings | None) -> list[Path]:
    """The folders a build reads (the package's code, templates and static files, the pinned
    data): a site written inside one would change them, or copy itself into itself."""
    data = (settings or Settings()).data_dir
    return [Path(ai_impact.__file__).resolve().parent, data.resolve()]


def _check_target(target: Path, settings: Settings | None = None) -> None:
    """Refuse a file, a folder inside ai-impact's own files, and a folder that is not empty and
    was not made by build-site."""
    for own in _own_folders(settings):
        if target.is_relative_to(own):
            raise InputError(
                f"{target} is inside {own}, which ai-impact reads its own files from.",
                hint="Choose a folder outside it, e.g. ./site.",
            )
    if target.exists() and not target.is_dir():
        raise InputError(f"{target} is a file.", hint="Give a folder for the site.")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise InputError(
                    f"Cannot make {target}: {parent} is a file, not a folder.",
                    hint="Give a folder path for the site.",
                )
            break
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise InputError(
            f"{target} is not empty and was not made by build-site, so it will not be replaced.",
            hint="Choose a new or empty folder.",
        )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _sitemap(paths: Sequence[str], base_url: str) -> str:
    """The sitemap of ``paths`` under ``base_url`` (the protocol takes absolute URLs only): the
    addresses the pages' canonical links give."""
    items = "".join(f"<url><loc>{escape(page_url(base_url, p))}</loc></url>\n" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + items + "</urlset>\n"
    )


def search_entries(
    rows: Sequence[Any], titles: dict[str, list[tuple[str, float]]]
) -> list[dict[str, Any]]:
    """The search index's entries: code, title, other names with their weights
    (``api.search_titles``: ``a`` and ``p``) and risk of every occupation. The export writes
    them to search-index.js; the served site's suggestions read them too
    (:mod:`ai_impact.web.prefix_search`)."""
    return [
        {
            "c": r.code,
            "t": r.title,
            "a": [n for n, _ in titles.get(r.code, [])],
            "p": [w for _, w in titles.get(r.code, [])],
            "r": round(r.risk_score, 1),
            "k": r.risk_category,
        }
        for r in rows
    ]


def _search_index(rows: Sequence[Any], titles: dict[str, list[tuple[str, float]]]) -> str:
    """The entries of :func:`search_entries`, compactly as JSON."""
    entries = search_entries(rows, titles)
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))


def build_site(
    out_dir: Path,
    *,
    jobs: int = 1,
    settings: Settings | None = None,
    base_url: str | None = None,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SiteStats:
    """Write the static site to ``out_dir`` (atomically) and say what was written.

    The sitemap, and each page's canonical link, are written only with ``base_url`` (checked:
    http or https with a host).
    """
    start = time.perf_counter()
    if base_url is not None:
        base_url = check_base_url(base_url)
    target = out_dir.resolve()
    _check_target(target, settings)
    rows = api.occupation_table(settings=settings)
    if limit is not None:
        rows = rows[:limit]
    industries = api.industries(settings=settings)
    with ExitStack() as stack:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = stack.enter_context(building_folder(target))
        except OSError as exc:
            raise InputError(
                f"Cannot write the site to {target}: making a folder in {target.parent} failed "
                f"({exc.strerror or exc}).",
                hint="Choose a folder you can write to.",
            ) from None
        try:
            done, files = _write_site(tmp, rows, industries, settings, base_url, jobs, progress)
            swap_in(tmp, target)
        except OSError as exc:
            raise AiImpactError(
                f"Writing the site to {target} failed: {exc}.",
                hint="Nothing was replaced; free some space or fix the permissions and run again.",
            ) from None
    return SiteStats(
        out_dir=target,
        occupations=done,
        industries=len(industries),
        files=files,
        seconds=time.perf_counter() - start,
        sitemap=base_url is not None,
    )


def _write_site(
    tmp: Path,
    rows: Sequence[Any],
    industries: Sequence[Any],
    settings: Settings | None,
    base_url: str | None,
    jobs: int,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int]:
    """Every file of the site into ``tmp``, the marker last; the occupation pages and the files
    written."""
    shared = pages.write_shared(tmp, rows, industries, settings, base_url=base_url)
    titles = api.search_titles(settings=settings)
    index = _search_index(rows, titles)
    _write(tmp / "search-index.json", index)
    _write(tmp / "search-index.js", f"window.{INDEX_GLOBAL} = {index};\n")
    codes = [r.code for r in rows]
    done = pages.write_occupations(
        tmp, codes, jobs=jobs, settings=settings, base_url=base_url, progress=progress
    )
    if base_url is not None:
        occupation_paths = [f"occupations/{c}.html" for c in codes]
        _write(tmp / "sitemap.xml", _sitemap([*shared, *occupation_paths], base_url))
    (tmp / MARKER).write_text("Made by ai-impact build-site; replaced on each build.\n")
    return done, sum(len(f) for _, _, f in os.walk(tmp))
