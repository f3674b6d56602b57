"""``ai-impact build-site DIR``: the whole site as static files, with relative links.

The folder holds every occupation page and its JSON, the industry pages (one file per sort
order, so sorting works without a server or JavaScript), the index with a client-side search,
method and sources pages, the CSS/JS and, when the public URL of the folder is known
(``base_url``), a sitemap: the sitemap protocol takes absolute URLs only. It is written to a
temporary folder next to DIR and then swapped in, so readers never see a half-written site.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from ai_impact import api
from ai_impact.errors import AiImpactError, InputError
from ai_impact.export import pages
from ai_impact.export.swap import swap_in
from ai_impact.settings import Settings

__all__ = ["INDEX_GLOBAL", "MARKER", "SiteStats", "build_site", "check_base_url"]

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


def check_base_url(base_url: str) -> str:
    """The public URL of the site folder, checked: http or https with a host."""
    parts = urlsplit(base_url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InputError(
            f"The base URL {base_url!r} is not an http(s) URL with a host.",
            hint="Give the public address of the folder, e.g. https://example.org/ai-impact/.",
        )
    return base_url.strip()


def _check_target(target: Path) -> None:
    """Refuse to replace a folder that is not empty and was not made by build-site."""
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
    """The sitemap of ``paths`` under ``base_url`` (the protocol takes absolute URLs only)."""
    base = base_url.rstrip("/") + "/"
    items = "".join(f"<url><loc>{escape(base + p)}</loc></url>\n" for p in paths)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + items + "</urlset>\n"
    )


def _search_index(rows: Sequence[Any], titles: dict[str, list[tuple[str, float]]]) -> str:
    """Code, title, other names with their weights (``api.search_titles``: ``a`` and ``p``)
    and risk of every occupation, compactly."""
    entries = [
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

    The sitemap is written only with ``base_url`` (checked: http or https with a host).
    """
    start = time.perf_counter()
    if base_url is not None:
        base_url = check_base_url(base_url)
    target = out_dir.resolve()
    _check_target(target)
    rows = api.occupation_table(settings=settings)
    if limit is not None:
        rows = rows[:limit]
    industries = api.industries(settings=settings)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    except OSError as exc:
        raise InputError(
            f"Cannot write the site to {target}: making a folder in {target.parent} failed "
            f"({exc.strerror or exc}).",
            hint="Choose a folder you can write to.",
        ) from None
    try:
        shared = pages.write_shared(tmp, rows, industries, settings, base_url=base_url)
        titles = api.search_titles(settings=settings)
        index = _search_index(rows, titles)
        _write(tmp / "search-index.json", index)
        _write(tmp / "search-index.js", f"window.{INDEX_GLOBAL} = {index};\n")
        codes = [r.code for r in rows]
        done = pages.write_occupations(tmp, codes, jobs=jobs, settings=settings, progress=progress)
        if base_url is not None:
            occupation_paths = [f"occupations/{c}.html" for c in codes]
            _write(tmp / "sitemap.xml", _sitemap([*shared, *occupation_paths], base_url))
        (tmp / MARKER).write_text("Made by ai-impact build-site; replaced on each build.\n")
        files = sum(len(f) for _, _, f in os.walk(tmp))
        os.chmod(tmp, 0o755)  # mkdtemp makes the folder private; a site is meant to be read
        swap_in(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise AiImpactError(
            f"Writing the site to {target} failed: {exc}.",
            hint="Nothing was replaced; free some space or fix the permissions and run again.",
        ) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return SiteStats(
        out_dir=target,
        occupations=done,
        industries=len(industries),
        files=files,
        seconds=time.perf_counter() - start,
        sitemap=base_url is not None,
    )
