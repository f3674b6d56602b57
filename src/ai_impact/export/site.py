"""``ai-impact build-site DIR``: the whole site as static files, with relative links.

The folder holds every occupation page and its JSON, the industry pages (one file per sort
order, so sorting works without a server or JavaScript), the index with a client-side search,
method and sources pages, a sitemap and the CSS/JS. It is written to a temporary folder next to
DIR and then swapped in, so readers never see a half-written site.
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
from xml.sax.saxutils import escape

from ai_impact import api
from ai_impact.errors import InputError
from ai_impact.export import pages
from ai_impact.export.swap import swap_in
from ai_impact.settings import Settings

__all__ = ["MARKER", "SiteStats", "build_site"]

MARKER = ".ai-impact-site"


@dataclass(frozen=True, slots=True)
class SiteStats:
    """What a build wrote and how long it took."""

    out_dir: Path
    occupations: int
    industries: int
    files: int
    seconds: float


def _check_target(target: Path) -> None:
    """Refuse to replace a folder that is not empty and was not made by build-site."""
    if target.exists() and not target.is_dir():
        raise InputError(f"{target} is a file.", hint="Give a folder for the site.")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise InputError(
            f"{target} is not empty and was not made by build-site, so it will not be replaced.",
            hint="Choose a new or empty folder.",
        )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _sitemap(paths: Sequence[str], base_url: str | None) -> str:
    """Sitemap entries are absolute when ``base_url`` is known, relative otherwise."""
    base = (base_url.rstrip("/") + "/") if base_url else ""
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
    """Write the static site to ``out_dir`` (atomically) and say what was written."""
    start = time.perf_counter()
    target = out_dir.resolve()
    _check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    rows = api.occupation_table(settings=settings)
    if limit is not None:
        rows = rows[:limit]
    industries = api.industries(settings=settings)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        shared = pages.write_shared(tmp, rows, industries, settings)
        titles = api.search_titles(settings=settings)
        _write(tmp / "search-index.json", _search_index(rows, titles))
        codes = [r.code for r in rows]
        done = pages.write_occupations(tmp, codes, jobs=jobs, settings=settings, progress=progress)
        occupation_paths = [f"occupations/{c}.html" for c in codes]
        _write(tmp / "sitemap.xml", _sitemap([*shared, *occupation_paths], base_url))
        (tmp / MARKER).write_text("Made by ai-impact build-site; replaced on each build.\n")
        files = sum(len(f) for _, _, f in os.walk(tmp))
        os.chmod(tmp, 0o755)  # mkdtemp makes the folder private; a site is meant to be read
        swap_in(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return SiteStats(
        out_dir=target,
        occupations=done,
        industries=len(industries),
        files=files,
        seconds=time.perf_counter() - start,
    )
