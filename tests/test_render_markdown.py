"""QA9 #1: what a user typed shows as typed on every Markdown face — no link, emphasis, code,
strikethrough, HTML or block of its own — and the JSON keeps it raw."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from markdown_it import MarkdownIt

import web_fakes as fake
from ai_impact import api
from ai_impact.render.compare import COMPARE_RENDERERS
from ai_impact.render.markdown import md_cell, md_text, render_markdown
from ai_impact.reports.description import description_to_dict
from ai_impact.settings import Settings

# CommonMark plus the GFM tables and strikethrough a README or a pull request shows.
_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_LIVE = {"link_open", "image", "html_inline", "html_block", "code_inline", "code_block"}

TITLE = "Ops *manager* [x](http://evil)"
STATEMENTS = (
    "Manage the _team_ of [five](http://x.y) analysts",
    "Review *all* vendor contracts <b>weekly</b>",
    "Prepare reports | escalate issues",
    "Negotiate *negotiate* terms with `suppliers` and ~~vendors~~",
    "# Lead quarterly planning",
)
SET_ASIDE = (
    "Salary: $90,000 plus a _generous_ [bonus](http://bonus.example)",
    "Hybrid - 3 days in office ![img](http://img.example/x.png)",
)


def _runs(page: str) -> list[str]:
    """The plain text runs of the parsed page: a run ends wherever inline markup starts or
    ends, so a typed text shown as typed lies whole inside one run."""
    runs = []
    for tok in _MD.parse(page):
        if tok.type != "inline":
            continue
        run = ""
        for child in tok.children or []:
            if child.type in ("text", "text_special"):
                run += child.content
            elif child.type in ("softbreak", "hardbreak"):
                run += " "
            else:
                runs.append(run)
                run = ""
        runs.append(run)
    return runs


def _live(page: str) -> list[str]:
    """Token types that would make a link, an image, code or raw HTML."""
    found = []
    for tok in _MD.parse(page):
        for t in [tok, *(tok.children or [])]:
            if t.type in _LIVE:
                found.append(t.type)
    return found


def _shows_as_typed(page: str, *texts: str) -> None:
    runs = _runs(page)
    for text in texts:
        assert any(text in run for run in runs), f"{text!r} is not shown as typed"


@pytest.fixture(scope="module")
def described(settings: Settings) -> Any:
    text = "\n".join([*STATEMENTS, *SET_ASIDE])
    return api.analyze_description(text, title=TITLE, settings=settings)


def test_the_escaping_policy_on_the_qa_strings() -> None:
    assert md_text(STATEMENTS[0]) == r"Manage the \_team\_ of \[five\](http\://x.y) analysts"
    assert md_text(STATEMENTS[1]) == r"Review \*all\* vendor contracts &lt;b&gt;weekly&lt;/b&gt;"
    assert md_cell(STATEMENTS[2]) == r"Prepare reports \| escalate issues"
    assert md_text("# Lead") == r"\# Lead" and md_cell("# Lead") == "# Lead"  # a cell is no block
    assert md_text("- a") == r"\- a" and md_text("12. a") == r"12\. a" and md_text("+ a") == r"\+ a"
    assert md_text("see www.x.y, C:\\temp") == r"see www\.x.y, C:\\temp"
    assert md_text("one\nline\r\n  two") == "one line two"
    # "R&D" and parentheses stay as typed; a typed reference shows as typed
    assert md_text("R&D (core) &amp;") == "R&D (core) &amp;amp;"


@pytest.mark.parametrize("prefix", ["", "- ", "> ", "| x | y |\n|---|---|\n| "])
@pytest.mark.parametrize(
    "text", ["# h", "- item", "+ item", "1. item", "3) item", "***", "===", "    code", "> q"]
)
def test_no_typed_text_makes_a_block_of_its_own(prefix: str, text: str) -> None:
    page = prefix + (md_cell(text) + " |" if prefix.startswith("|") else md_text(text))
    blocks = {t.type for t in _MD.parse(page)}
    assert not blocks & {"heading_open", "ordered_list_open", "hr", "code_block", "fence"}
    assert ("bullet_list_open" in blocks) == (prefix == "- ")
    assert ("blockquote_open" in blocks) == (prefix == "> ")
    _shows_as_typed(page, text.strip())


def test_a_pasted_description_renders_literally(described: Any) -> None:
    page = render_markdown(described)
    assert _live(page) == []
    _shows_as_typed(page, TITLE, *STATEMENTS, *SET_ASIDE)
    # the title in the header, the statements in the tables and the overview, the set-aside
    # lines in the method notes: every place, escaped once
    assert f"> You asked for “{md_text(TITLE)}”." in page
    assert f"| {md_cell(STATEMENTS[0])} |" in page
    assert f"- Not scored, pay and benefits: “{md_text(SET_ASIDE[0])}”." in page
    assert "http://" not in page and "\\\\" not in page and "&amp;lt;" not in page
    headings = [t for t in _MD.parse(page) if t.type == "heading_open"]
    assert len(headings) == page.count("\n## ") + 1  # only the page's own


def test_the_json_keeps_what_was_typed(described: Any) -> None:
    data = description_to_dict(described)
    assert data["occupation"]["resolved_from"] == TITLE
    assert data["description"]["statements"] == list(STATEMENTS)
    assert [a["text"] for a in data["description"]["not_scored"]] == list(SET_ASIDE)
    tasks = {t["task"] for t in data["tasks_at_risk"]} | {t["task"] for t in data["safe_tasks"]}
    assert tasks == set(STATEMENTS)


def test_onet_text_with_two_asterisks_is_no_emphasis() -> None:
    """ "O*NET … O*NET" on one line was "O<em>NET … O</em>NET" (the sources, safe reasons)."""
    text = "an O*NET task statement, as do similar O*NET tasks"
    page = f"- {md_text(text)}"
    assert "em_open" not in {c.type for t in _MD.parse(page) for c in t.children or []}
    _shows_as_typed(page, text)
    assert r"\\*" not in render_markdown(fake.REPORTS["15-2051.00"])  # escaped once


def test_compare_escapes_a_typed_blend_title_once() -> None:
    ds = fake.REPORTS["15-2051.00"]
    typed = "Sr. *ML* | [eng](http://x.y)"
    blend = replace(
        ds,
        header=replace(
            ds.header,
            resolved_from=typed,
            rests_on=("15-2051.00", "29-1141.00"),
            rests_on_note="This title maps to several O*NET occupations.",
        ),
    )
    md = COMPARE_RENDERERS["md"]([blend, ds])
    assert _live(md) == []
    row = next(line for line in md.splitlines() if line.startswith("| ") and "blend of 2" in line)
    assert row.startswith(r"| Sr. \*ML\* \| \[eng\](http\://x.y) (blend of 2 occupations) |")
    table = _MD.parse(md)
    cells = [t for t in table if t.type == "td_open"]
    assert len(cells) == 2 * 8  # the typed "|" split no cell
    _shows_as_typed(md, f"{typed} (blend of 2 occupations)")


def test_workforce_markdown_shows_roster_text_as_typed() -> None:
    from ai_impact.workforce.analysis import analyze_roster
    from ai_impact.workforce.formats import to_markdown
    from ai_impact.workforce.roster import parse_roster
    from test_workforce_analysis import FakeLibrary

    roster = (
        'title,headcount,team\nAccountant,2,"*Core* [t](http://t.example) | ops"\n'
        '"_Blorf_ [y](http://z.example)",1,Ops\n'
    )
    md = to_markdown(analyze_roster(parse_roster(roster), FakeLibrary()))
    assert _live(md) == ["code_inline"]  # the page's own "add a `code` column"
    _shows_as_typed(md, "*Core* [t](http://t.example) | ops", "_Blorf_ [y](http://z.example)")
