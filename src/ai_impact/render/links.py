"""Where a page's links point: the served site's routes, or the static export's relative files.

The served site and the static export share every template; only the :class:`Links` differ
(absolute routes for the server, relative ``.html`` paths for a folder that may be served from
any path). Industry tables sort on the server by ``?sort=``, and in the export each order is a
pre-sorted file: :data:`SORTS` names both, and :func:`sort_rows` does the sorting.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any
from urllib.parse import quote, urlencode

from ai_impact.errors import InputError

__all__ = ["SORTS", "Links", "StaticLinks", "sort_rows"]

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

    def suggest_api(self) -> str | None:
        """The suggestions the autocomplete asks for (None: use the static search index)."""
        return self.prefix + "/api/v1/suggest"

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

    def suggest_api(self) -> str | None:
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
