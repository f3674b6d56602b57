"""The static export against the fake facade: files, relative links, atomic replacement."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest

import web_fakes as fake
from ai_impact.errors import InputError, NotFoundError
from ai_impact.export import build_site
from ai_impact.export.site import INDEX_GLOBAL, MARKER
from ai_impact.reports.serialize import report_to_dict


@pytest.fixture()
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    fake.install(monkeypatch)
    out = tmp_path / "site"
    stats = build_site(out)
    assert (stats.occupations, stats.industries) == (4, 3)
    return out


def test_every_page_and_file_is_there(site: Path) -> None:
    for name in (
        "index.html",
        "404.html",
        "methodology.html",
        "sources.html",
        "search-index.json",
        "search-index.js",
        "static/style.css",
        "static/app.js",
        "industries/index.html",
        "industries/technology.html",
        "industries/technology--pay-asc.html",
        "occupations/index.html",
        "occupations/15-2051.00.html",
        "api/occupations/15-2051.00.json",
        "compare/15-2051.00.html",
        MARKER,
    ):
        assert (site / name).is_file(), name
    # without --base-url there is no sitemap: the protocol takes absolute URLs only
    assert not (site / "sitemap.xml").exists()


def _links_in(site: Path) -> tuple[int, list[tuple[str, str]]]:
    """How many relative links the site's pages hold, and those whose file is missing."""
    checked, broken = 0, []
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served at the missing URL: links from the root instead
            continue
        html = page.read_text()
        for url in re.findall(r'(?:href|src)="([^"]+)"', html):
            if url.startswith("data:image/svg+xml,"):  # the inline icon: nothing to fetch
                continue
            parts = urlsplit(url)
            assert not parts.scheme and not url.startswith("/"), (page, url)
            if not parts.path:  # a fragment on the same page
                continue
            checked += 1
            if not (page.parent / unquote(parts.path)).resolve().is_file():
                broken.append((str(page.relative_to(site)), url))
    return checked, broken


def test_every_link_is_relative_and_resolves(site: Path) -> None:
    checked, broken = _links_in(site)
    assert broken == []
    assert checked > 200


def test_a_limited_export_links_only_to_pages_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.install(monkeypatch)
    out = tmp_path / "site"
    build_site(out, limit=1)  # Data Scientists, whose related occupation is Registered Nurses
    written = {p.stem for p in (out / "occupations").glob("??-????.??.html")}
    assert written == {"15-2051.00"}
    checked, broken = _links_in(out)
    assert broken == [] and checked > 50
    page = (out / "occupations" / "15-2051.00.html").read_text()
    assert '<th scope="row">Registered Nurses</th>' in page  # a related title, as text
    compare = (out / "compare" / "15-2051.00.html").read_text()
    assert "Registered Nurses" in compare and "29-1141.00.html" not in compare
    index = json.loads((out / "search-index.json").read_text())
    assert {e["c"] for e in index} == written


def test_json_per_occupation_is_the_report(site: Path) -> None:
    data = json.loads((site / "api/occupations/15-2051.00.json").read_text())
    assert data == json.loads(json.dumps(report_to_dict(fake.REPORTS["15-2051.00"])))


def test_search_index(site: Path) -> None:
    index = json.loads((site / "search-index.json").read_text())
    # the same index as a script, which a page opened from disk (file://) can load
    script = (site / "search-index.js").read_text()
    head = f"window.{INDEX_GLOBAL} = "
    assert script.startswith(head) and script.endswith(";\n")
    assert json.loads(script[len(head) : -2]) == index
    assert 'data-index="search-index.js"' in (site / "index.html").read_text()
    assert 'data-index="../search-index.js"' in (site / "occupations/15-2051.00.html").read_text()
    ds = {"c": "15-2051.00", "t": "Data Scientists", "a": ["Machine Learning Engineer"]}
    assert {**ds, "p": [0.95], "r": 6.8, "k": "high"} in index
    rn = next(e for e in index if e["c"] == "29-1141.00")
    assert (rn["a"], rn["p"]) == (["RN", "Travel Nurse"], [0.99, 0.85])


def test_sitemap_with_base_url_is_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake.install(monkeypatch)
    stats = build_site(tmp_path / "site", base_url="https://example.org/ai/")
    assert stats.sitemap
    locs = re.findall(r"<loc>([^<]*)</loc>", (tmp_path / "site" / "sitemap.xml").read_text())
    assert "https://example.org/ai/occupations/15-2051.00.html" in locs
    assert "https://example.org/ai/industries/finance.html" in locs
    assert all(loc.startswith("https://example.org/ai/") and "--" not in loc for loc in locs)


@pytest.mark.parametrize("url", ["not a url", "example.org/ai", "ftp://example.org/", "https://"])
def test_base_url_must_be_http_with_a_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    fake.install(monkeypatch)
    with pytest.raises(InputError, match="is not an http\\(s\\) URL with a host"):
        build_site(tmp_path / "site", base_url=url)
    assert not (tmp_path / "site").exists()


def test_target_under_a_file_or_unwritable_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.install(monkeypatch)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(InputError, match="afile is a file, not a folder"):
        build_site(tmp_path / "afile" / "sub" / "deeper")
    with pytest.raises(InputError, match="Cannot write the site to /proc/nope"):
        build_site(Path("/proc/nope"), limit=1)


def test_static_pages_escape_hostile_titles(site: Path) -> None:
    html = (site / "occupations" / f"{fake.HOSTILE_CODE}.html").read_text()
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html


def test_static_pages_mark_a_group_projection_and_escape_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A related row whose outlook is a SOC group's projection carries ‡ and the note on the
    static page too; the group and the title are escaped in the mark and the note."""
    report = fake.REPORTS[fake.HOSTILE_CODE]
    row = replace(report.related[0], projection_group="SOC 29-1141 (<b>Nurses</b> & Co)")
    monkeypatch.setitem(fake.REPORTS, fake.HOSTILE_CODE, replace(report, related=(row,)))
    fake.install(monkeypatch)
    build_site(tmp_path / "site")
    page = (tmp_path / "site" / "occupations" / f"{fake.HOSTILE_CODE}.html").read_text()
    section = page.split('id="related"', 1)[1].split("</section>", 1)[0]
    group = "SOC 29-1141 (&lt;b&gt;Nurses&lt;/b&gt; &amp; Co)"
    assert f'+5.2% <span title="BLS projects {group} as a whole">‡</span></td>' in section
    code = report.related[0].code  # named with its code, as the pay note names each
    assert (
        f'<p class="small">‡ BLS projects {group} as a whole, which covers other O*NET '
        f"occupations too; Registered Nurses ({code}) has no projection of its own.</p>"
    ) in section
    assert "<b>" not in section
    data = json.loads(
        (tmp_path / "site" / "api" / "occupations" / f"{fake.HOSTILE_CODE}.json").read_text()
    )
    assert data["related"][0]["projection_group"] == "SOC 29-1141 (<b>Nurses</b> & Co)"


def test_static_tables_mark_group_figures_and_hourly_pay_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every pre-sorted table file of the export (all occupations, each industry) marks a SOC
    group's pay † and projection ‡ with the group escaped, shows hourly-only pay "an hour" and
    carries the one note; the JSON files carry the groups as typed."""
    fake.install(monkeypatch)
    fake.mark_table_figures(monkeypatch)
    build_site(tmp_path / "site")
    site = tmp_path / "site"
    tables = [*site.glob("occupations/index*.html"), *site.glob("industries/technology*.html")]
    assert len(tables) == 18  # index, index--{4 sorts}-{2 orders}, for both tables
    for path in tables:
        page = path.read_text()
        assert '$70,000 <span title="OEWS pay for SOC 15-1299 (&lt;b&gt;Computer' in page, path
        assert '+1.0% <span title="BLS projects SOC 15-1299 (&lt;i&gt;Computer' in page
        assert '<td class="num" data-v="">$47.80 an hour</td>' in page, path
        assert page.count('<p class="small" id="table-note">† Pay OEWS publishes') == 1, path
        assert "<b>" not in page and "<i>" not in page and "<script>alert" not in page
    healthcare = (site / "industries" / "healthcare.html").read_text()
    assert 'id="table-note"' not in healthcare  # nothing marked there: no note
    data = json.loads((site / "api" / "occupations" / f"{fake.HOSTILE_CODE}.json").read_text())
    assert data["salary"]["pay_group"] == fake.PAY_GROUP
    assert data["outlook"]["projection_group"] == fake.PROJECTION_GROUP


def test_no_exported_page_carries_hostile_markup_unescaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every HTML file of the export (tables, analyses, comparisons, industries, 404) shows the
    hostile title and the group names as text: none of their markup reaches a page as markup."""
    fake.install(monkeypatch)
    fake.mark_table_figures(monkeypatch)
    build_site(tmp_path / "site")
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 40
    shown = 0
    for path in pages:
        text = path.read_text()
        for raw in ("<script>alert", "<b>Computer", "<i>Computer"):
            assert raw not in text, (path, raw)
        shown += "Prompt Tester &lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert shown > 20  # the title is on the tables, its page, the comparisons


def test_rebuild_replaces_the_old_site(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "stale.html").write_text("old")
    build_site(site)
    assert not (site / "stale.html").exists()
    assert (site / "index.html").is_file()
    assert [p.name for p in site.parent.iterdir()] == ["site"]  # no temp folder left


def test_failed_build_keeps_the_previous_site(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (site / "index.html").read_text()

    def broken(code: str, **_: object) -> object:
        raise NotFoundError(f"cannot build {code}")

    monkeypatch.setattr(fake, "report_for", broken)
    fake.install(monkeypatch)
    with pytest.raises(NotFoundError, match="cannot build"):
        build_site(site)
    assert (site / "index.html").read_text() == before
    assert [p.name for p in site.parent.iterdir()] == ["site"]


def test_refuses_to_replace_a_foreign_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake.install(monkeypatch)
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(InputError, match="not empty and was not made by build-site"):
        build_site(tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_build_site_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from ai_impact.cli.app import _register, app

    fake.install(monkeypatch)
    _register()
    from ai_impact.settings import default_data_dir

    # the command exports its settings to the environment for worker processes: restore it
    monkeypatch.setenv("AI_IMPACT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("AI_IMPACT_DATA_DIR", str(default_data_dir()))
    out = tmp_path / "pub"
    result = CliRunner().invoke(app, ["build-site", str(out), "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert "Wrote 4 occupation pages, 3 industries and " in result.output
    assert "No sitemap.xml" in result.output and "--base-url" in result.output
    assert (out / "occupations" / "15-2051.00.html").is_file()
    one = CliRunner().invoke(app, ["build-site", str(out), "-j", "1", "-q", "--limit", "1"])
    assert one.exit_code == 0, one.output
    assert "Wrote 1 occupation page, 3 industries and " in one.output
    for args, message in (
        (["--base-url", "not a url"], "The base URL 'not a url' is not an http(s) URL"),
        ([], "Cannot write the site to /proc/nope"),
    ):
        target = str(out) if args else "/proc/nope"
        bad = CliRunner().invoke(app, ["build-site", target, "-q", "--limit", "1", *args])
        assert bad.exit_code == 2, bad.output
        assert message in bad.output and "Traceback" not in bad.output
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.txt").write_text("x")
    refused = CliRunner().invoke(app, ["build-site", str(tmp_path / "other")])
    assert refused.exit_code == 2
    assert "not empty and was not made by build-site" in refused.output


def test_compare_page_is_prerendered_for_the_related_set(site: Path) -> None:
    """The occupation page's compare button leads to a static page of it and its related."""
    page = (site / "occupations/15-2051.00.html").read_text()
    assert 'href="../compare/15-2051.00.html"' in page
    compare = (site / "compare/15-2051.00.html").read_text()
    assert "Compare occupations" in compare
    assert "Data Scientists" in compare and "Registered Nurses" in compare


class _NotFoundHost(http.server.SimpleHTTPRequestHandler):
    """A static host that answers a missing path with the site's 404.html, as Pages hosts do."""

    site = "."

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.site) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _host(root: Path, site: Path) -> Iterator[str]:
    """Serve ``root`` on a free port, answering misses with ``site``'s 404 page."""
    handler = type("Host", (_NotFoundHost,), {"site": str(site)})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as res:
            return int(res.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def _missing_page_links(url: str) -> tuple[str, list[str]]:
    """The 404 page a host answers at ``url``, and its links that do not load."""
    try:
        urllib.request.urlopen(url)
        raise AssertionError(f"{url} exists")
    except urllib.error.HTTPError as exc:
        assert exc.code == 404
        page = exc.read().decode()
    links = re.findall(r'(?:href|src|action|data-index)="([^"#][^"]*)"', page)
    links = [u for u in links if not u.startswith("data:")]
    assert len(links) >= 8, links
    pattern = re.search(r'data-occupation="([^"]+)"', page)
    assert pattern is not None
    links.append(pattern.group(1).replace("CODE", "15-2051.00"))
    return page, [u for u in links if _status(urljoin(url, u)) != 200]


@pytest.mark.parametrize("missing", ["/occupations/99-9999.00.html", "/a/b/c/d.html", "/x"])
def test_404_page_works_at_any_depth(site: Path, missing: str) -> None:
    """Nav, search, script and index load wherever the host serves the page (QA4 #11)."""
    with _host(site, site) as origin:
        page, broken = _missing_page_links(origin + missing)
    assert broken == []
    # styled even where no link could reach the site: the style sheet is inline
    assert "<style>" in page and 'rel="stylesheet"' not in page
    assert "That page is not part of this site." in page


def test_404_page_under_a_base_url_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A site published in a folder (a project's Pages site) roots the 404 links there."""
    fake.install(monkeypatch)
    root = tmp_path / "host"
    site = root / "ai-impact"
    with _host(root, site) as origin:
        build_site(site, base_url=origin + "/ai-impact/")
        page, broken = _missing_page_links(origin + "/ai-impact/occupations/nope.html")
        assert broken == []
        assert 'href="/ai-impact/industries/index.html"' in page
        # the same page written without --base-url points at the host's root instead
        build_site(site)
        assert 'href="/industries/index.html"' in (site / "404.html").read_text()


def test_limited_export_offers_only_examples_it_can_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--limit leaves occupations out: the home page's "Try:" searches find exported ones."""
    fake.install(monkeypatch)

    def tries(site: Path) -> list[str]:
        html = (site / "index.html").read_text()
        block = html.split('<p class="examples">Try:')[1].split("</p>")[0]
        return re.findall(r">([^<]+)</a>", block)

    build_site(tmp_path / "one", limit=1)  # Data Scientists only
    assert tries(tmp_path / "one") == ["Data Scientists"]
    build_site(tmp_path / "two", limit=2)  # and Registered Nurses, a curated example
    assert tries(tmp_path / "two") == ["Registered nurse", "Data Scientists"]


def test_industry_pages_carry_the_industry_description(site: Path) -> None:
    page = (site / "industries" / "technology.html").read_text()
    assert '<p class="lead">Software, data and computing.</p>' in page


def test_each_pre_sorted_table_has_a_title_of_its_own(site: Path) -> None:
    """QA: the eight orders of a table were eight pages called "All occupations"."""
    titles = {
        re.search(r"<title>([^<]*)</title>", p.read_text()).group(1)  # type: ignore[union-attr]
        for p in (site / "occupations").glob("index--*.html")
    }
    assert len(titles) == 8
    assert "All occupations, by outlook, lowest first · ai-impact" in titles
    tech = (site / "industries" / "technology--title-desc.html").read_text()
    assert "<title>AI impact on Technology occupations, by title, Z to A · ai-" in tech
    default = (site / "industries" / "technology.html").read_text()
    assert "<title>AI impact on Technology occupations · ai-impact</title>" in default


def _sitemap_files(site: Path, base: str) -> list[str]:
    """The sitemap's URLs as paths in ``site`` (the file parses as sitemap XML)."""
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert root.tag == f"{ns}urlset"
    locs = [loc.text or "" for loc in root.iter(f"{ns}loc")]
    assert locs and all(loc.startswith(base) for loc in locs)
    return [unquote(loc[len(base) :]) for loc in locs]


def test_sitemap_is_xml_of_existing_pages_under_an_encoded_base_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A base URL's path is percent-encoded (a sitemap URL may hold no space), in the sitemap
    and in the 404 page's links; every URL names a page of the folder."""
    fake.install(monkeypatch)
    site = tmp_path / "site"
    build_site(site, base_url="https://example.org/ai impact/été")
    files = _sitemap_files(site, "https://example.org/ai%20impact/%C3%A9t%C3%A9/")
    assert "occupations/15-2051.00.html" in files and "index.html" in files
    assert all((site / f).is_file() for f in files), files
    assert (
        'href="/ai%20impact/%C3%A9t%C3%A9/industries/index.html"' in (site / "404.html").read_text()
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://example.org/ai/?v=2", "has a query or a fragment"),
        ("https://example.org/ai/#top", "has a query or a fragment"),
        ("https://example.org/ai/?", "has a query or a fragment"),
        ("https://exa mple.org/", "is not a plain ASCII name and port"),
        ("https://example.org:80a/", "is not a plain ASCII name and port"),
    ],
)
def test_base_url_with_a_query_or_a_bad_host_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, message: str
) -> None:
    """Such a URL would put every sitemap address after its query (".../?v=2/index.html")."""
    fake.install(monkeypatch)
    with pytest.raises(InputError, match=re.escape(message)):
        build_site(tmp_path / "site", base_url=url)
    assert list(tmp_path.iterdir()) == []


def test_refuses_a_folder_inside_its_own_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the package the build would copy static/ into itself; inside data/ it would
    mix a site into the pinned sources. Nothing is written."""
    import ai_impact
    from ai_impact.settings import Settings

    fake.install(monkeypatch)
    data = tmp_path / "data"
    data.mkdir()
    settings = Settings(data_dir=data)
    package = Path(ai_impact.__file__).resolve().parent
    for target in (package / "render" / "static" / "site", data / "site"):
        with pytest.raises(InputError, match="which ai-impact reads its own files from"):
            build_site(target, settings=settings)
        assert not target.exists() and not list(target.parent.glob(".site.building-*"))


def test_next_build_removes_what_killed_builds_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A killed build (SIGTERM, SIGKILL) cannot remove its half-written folder; the next build
    into the same DIR does, but never the folder of a build that is still running."""
    import fcntl

    fake.install(monkeypatch)
    no_lock = tmp_path / ".site.building-a1"  # killed before its lock file went away
    unlocked = tmp_path / ".site.building-b2"
    running = tmp_path / ".site.building-c3"
    other = tmp_path / ".other.building-d4"  # another DIR's build
    for folder in (no_lock, unlocked, running, other):
        (folder / "occupations").mkdir(parents=True)
        (folder / "index.html").write_text("half")
    (tmp_path / ".site.building-b2.lock").touch()
    lock = tmp_path / ".site.building-c3.lock"
    lock.touch()
    with lock.open() as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        build_site(tmp_path / "site")
        names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [".other.building-d4", ".site.building-c3", ".site.building-c3.lock", "site"]
    assert (running / "index.html").read_text() == "half"


def test_a_build_locks_its_folder_while_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a build writes, its folder is not a leftover to another build into DIR."""
    from ai_impact.export import site as site_module
    from ai_impact.export.swap import swap_in as real
    from ai_impact.export.workdir import leftovers

    fake.install(monkeypatch)
    seen: list[list[Path]] = []

    def swap(new: Path, target: Path) -> None:
        seen.append(leftovers(target))
        assert new.name.startswith(".site.building-") and (new / MARKER).is_file()
        real(new, target)

    monkeypatch.setattr(site_module, "swap_in", swap)
    build_site(tmp_path / "site")
    assert seen == [[]]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def _inline_pool(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Run the build's worker pool in this process (the fakes are installed only here), each
    chunk's arguments pickled and unpickled as a spawned worker gets them; one chunk per
    occupation, so a build of the four fakes uses the pool. Returns the initializers seen."""
    import multiprocessing
    import pickle

    from ai_impact.export import pages

    started: list[object] = []

    class InlinePool:
        def __init__(
            self, processes: int, initializer: object = None, initargs: tuple[object, ...] = ()
        ) -> None:
            started.append(initializer)
            assert initargs == (os.getpid(),)  # the worker ends with this (building) process

        def __enter__(self) -> InlinePool:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

        def imap_unordered(self, fn: Callable[[Any], int], work: list[Any]) -> Iterator[int]:
            return map(fn, [pickle.loads(pickle.dumps(w)) for w in work])

    class Context:
        Pool = InlinePool

    monkeypatch.setattr(multiprocessing, "get_context", lambda _: Context())
    monkeypatch.setattr(pages, "_CHUNK", 1)
    return started


def test_workers_leave_ctrl_c_to_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs, each worker ignores SIGINT: Ctrl-C reaches the build, which stops the pool
    and removes its folder, instead of each worker printing a traceback."""
    import signal

    from ai_impact.export import pages

    fake.install(monkeypatch)
    started = _inline_pool(monkeypatch)
    stats = build_site(tmp_path / "site", jobs=2)
    assert stats.occupations == 4 and started == [pages._worker_start]
    before = signal.getsignal(signal.SIGINT)
    asked: list[int] = []
    monkeypatch.setattr(pages, "_end_with_parent", asked.append)
    try:
        pages._worker_start(1234)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert asked == [1234]
    finally:
        signal.signal(signal.SIGINT, before)


_ORPHAN = r"""
import os, subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import os, time\n"
    "from ai_impact.export.pages import _end_with_parent\n"
    "_end_with_parent(os.getppid()); print('ready', flush=True); time.sleep(600)"],
    stdout=subprocess.PIPE, text=True)
assert child.stdout.readline() == "ready\n"
print(child.pid, flush=True)
os.kill(os.getpid(), 9)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_ends_when_its_build_is_killed() -> None:
    """A build killed outright (SIGKILL) cannot stop its pool: each worker asked Linux to end
    it with its parent, so none goes on writing into the abandoned folder or prints
    BrokenPipeError tracebacks (it did: QA, kill -9 of build-site --jobs 2)."""
    import subprocess

    killed = subprocess.run(
        [sys.executable, "-c", _ORPHAN], capture_output=True, text=True, timeout=60
    )
    assert killed.returncode == -9, killed.stderr
    child = int(killed.stdout.split()[0])
    for _ in range(600):  # the worker gets SIGTERM when its parent dies: wait for it to go
        if not Path(f"/proc/{child}").exists() or "Z" in _state(child):
            break
        time.sleep(0.05)
    assert not Path(f"/proc/{child}").exists() or "Z" in _state(child)


def _state(pid: int) -> str:
    """The state letter of a process (Z: ended, not yet reaped), '' when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return ""


def test_a_worker_whose_build_already_ended_stops() -> None:
    """The parent may die before the worker asks to end with it: the worker then sees another
    parent and stops at once instead of working for nobody."""
    import subprocess

    code = "from ai_impact.export.pages import _end_with_parent\n_end_with_parent(1)\nprint('on')"
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    if sys.platform.startswith("linux"):
        assert (ran.returncode, ran.stdout) == (1, "")
    else:  # pragma: no cover
        assert ran.stdout == "on\n"


def test_sigterm_stops_the_build_command_and_removes_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM (a CI timeout, kill) ends build-site as Ctrl-C does: exit 143, no half-built
    folder left beside DIR, the previous site kept (it used to end on the spot, leaving both
    the folder and running workers)."""
    import signal

    from typer.testing import CliRunner

    from ai_impact.cli.app import _register, app
    from ai_impact.export import pages
    from ai_impact.settings import default_data_dir

    fake.install(monkeypatch)
    _register()
    monkeypatch.setenv("AI_IMPACT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("AI_IMPACT_DATA_DIR", str(default_data_dir()))
    out = tmp_path / "pub"
    first = CliRunner().invoke(app, ["build-site", str(out), "-j", "1", "-q"])
    assert first.exit_code == 0, first.output
    before = (out / "index.html").read_text()

    def killed(*_: object, **__: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    def unhandled(*_: object) -> None:  # the build did not take SIGTERM: fail, do not die
        raise RuntimeError("SIGTERM reached the test runner")

    monkeypatch.setattr(pages, "write_occupation", killed)
    handler = signal.signal(signal.SIGTERM, unhandled)
    try:
        result = CliRunner().invoke(app, ["build-site", str(out), "-j", "1", "-q"])
        assert signal.getsignal(signal.SIGTERM) is unhandled  # restored after the build
    finally:
        signal.signal(signal.SIGTERM, handler)
    assert result.exit_code == 143, result.output
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == ["pub"]
    assert (out / "index.html").read_text() == before


def test_base_url_with_a_user_or_password_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A staging address with credentials would be published in every canonical link and in
    the sitemap (it was: https://user:pw@example.org/index.html)."""
    fake.install(monkeypatch)
    for url in ("https://user:pw@example.org/ai/", "https://user@example.org/", "http://@x.org/"):
        with pytest.raises(InputError, match="user name or password"):
            build_site(tmp_path / "site", base_url=url)
    assert list(tmp_path.iterdir()) == []


def test_methodology_shows_its_markdown_example_as_text() -> None:
    """The method's example of a link in a job description is text, not a link to a made-up
    host on the exported methodology page."""
    from ai_impact import api
    from ai_impact.render.html import markdown_to_html

    html = str(markdown_to_html(api.methodology_markdown()))
    assert "&quot;[five](http://x.y)&quot;" in html
    assert 'href="http://x.y"' not in html


def test_rebuild_without_an_atomic_exchange_leaves_nothing_beside_the_site(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where renameat2 is missing the old site is renamed aside, then removed."""
    from ai_impact.export import swap

    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    (site / "stale.html").write_text("old")
    build_site(site)
    assert not (site / "stale.html").exists() and (site / MARKER).is_file()
    assert [p.name for p in site.parent.iterdir()] == ["site"]


_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


def _canonicals(site: Path) -> dict[str, list[str]]:
    """Each HTML page of ``site`` (its path in the folder) and the canonical links it carries."""
    return {
        str(page.relative_to(site)): _CANONICAL.findall(page.read_text())
        for page in site.rglob("*.html")
    }


def _default_page(path: str) -> str:
    """The page a pre-sorted copy of a table copies: its folder's default page."""
    if "--" not in path:
        return path
    folder, name = path.rsplit("/", 1)
    stem = name.split("--")[0]
    return f"{folder}/{stem}.html"


def test_every_page_names_its_public_address_with_a_base_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A canonical link is the page's absolute address, encoded as the sitemap writes it; a
    pre-sorted copy of a table names the table's default page; the 404 page, served at any
    missing address, names none."""
    fake.install(monkeypatch)
    site = tmp_path / "site"
    base = "https://example.org/ai%20impact/%C3%A9t%C3%A9/"
    build_site(site, base_url="https://example.org/ai impact/été")
    pages = _canonicals(site)
    assert pages.pop("404.html") == []
    assert all(len(links) == 1 for links in pages.values()), pages
    found = {path: links[0] for path, links in pages.items()}
    assert found == {path: base + _default_page(path) for path in found}
    assert found["occupations/index--pay-asc.html"] == base + "occupations/index.html"
    assert found["occupations/index.html"] == base + "occupations/index.html"
    assert found["industries/technology--title-desc.html"] == base + "industries/technology.html"
    assert found["compare/15-2051.00.html"] == base + "compare/15-2051.00.html"
    assert found["index.html"] == base + "index.html"
    # every page of the sitemap names itself: the two agree to the character
    sitemap = set(re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text()))
    assert sitemap == {url for path, url in found.items() if not path.startswith("compare/")}


def test_no_canonical_link_without_a_base_url(site: Path) -> None:
    """A canonical link must be absolute: without the public address there is none."""
    assert {path for path, links in _canonicals(site).items() if links} == set()
    assert len(_canonicals(site)) > 30


def test_workers_write_canonical_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Occupation and compare pages written by --jobs workers get the base URL too."""
    fake.install(monkeypatch)
    _inline_pool(monkeypatch)
    build_site(tmp_path / "site", jobs=2, base_url="https://example.org/ai/")
    pages = _canonicals(tmp_path / "site")
    for code in fake.REPORTS:
        path = f"occupations/{code}.html"
        assert pages[path] == [f"https://example.org/ai/{path}"]
    assert pages["compare/29-1141.00.html"] == ["https://example.org/ai/compare/29-1141.00.html"]
