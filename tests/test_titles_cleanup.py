"""Title clean-up before matching: what a dash drops, accented letters, pasted markup."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ai_impact.cli.app import _register, app
from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings
from ai_impact.titles import Resolver
from ai_impact.titles.abbreviations import Abbreviations
from ai_impact.titles.normalize import normalize_title
from ai_impact.titles.plain_text import fold_letters, plain_text, strip_markup


# -- a dash drops decoration only -----------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "primary"),
    [
        ("Data Analyst - Remote", "data analyst"),
        ("RN - Nights", "registered nurse"),
        ("Cashier - Part Time", "cashier"),
        ("Data Analyst - Chicago, IL", "data analyst"),
        ("RN - Chicago, IL - Nights", "registered nurse"),
        ("Accountant - Level II", "accountant"),
        ("Help Desk Technician - Tier 1", "help desk technician"),
        ("CNC Operator - 2nd Shift", "cnc operator"),
        ("Travel Nurse - 13 Weeks", "travel nurse"),
        ("Welder - Req #12345", "welder"),
        ("Welder – Full-Time – $25/hr", "welder"),
        ("Remote - Data Analyst", "data analyst"),
    ],
)
def test_dash_drops_a_part_made_only_of_decoration(
    abbr: Abbreviations, raw: str, primary: str
) -> None:
    norm = normalize_title(raw, abbr)
    assert (norm.primary, norm.variants) == (primary, (primary,))


@pytest.mark.parametrize(
    ("raw", "primary", "bare"),
    [
        ("RN - ICU", "registered nurse intensive care unit", "registered nurse"),
        ("Software Engineer - Backend", "software engineer back end", "software engineer"),
        ("Nurse - Pediatrics", "nurse pediatric", "nurse"),
        ("Analyst - Credit Risk", "analyst credit risk", "analyst"),
        ("Travel Nurse - ICU - 13 weeks", "travel nurse intensive care unit", "travel nurse"),
        ("ICU - RN", "intensive care unit registered nurse", "registered nurse"),
    ],
)
def test_dash_keeps_a_part_that_carries_meaning(
    abbr: Abbreviations, raw: str, primary: str, bare: str
) -> None:
    norm = normalize_title(raw, abbr)
    assert norm.primary == primary
    assert bare in norm.variants[1:]  # the title without its qualifier still counts, less


@pytest.mark.parametrize(
    "raw", ["RN - ICU", "Software Engineer - Backend", "Nurse – Pediatrics", "Analyst—Credit Risk"]
)
def test_dash_qualifier_reads_like_no_dash(abbr: Abbreviations, raw: str) -> None:
    plain = raw.replace(" - ", " ").replace(" – ", " ").replace("—", " ")
    assert normalize_title(raw, abbr).primary == normalize_title(plain, abbr).primary


@pytest.mark.slow
def test_dash_qualifier_reaches_the_specialty(resolver: Resolver) -> None:
    dashed = {c.code: c.confidence for c in resolver.resolve("RN - ICU", top=3).candidates}
    assert set(dashed) >= {"29-1141.00", "29-1141.03"}
    # was 0.03 when everything after the dash was dropped; reads as the alias "ICU RN" now
    assert max(dashed, key=dashed.__getitem__) == "29-1141.03"
    assert dashed["29-1141.03"] >= 0.5
    analyst = resolver.resolve("Analyst - Credit Risk", top=3).candidates
    assert {c.code for c in analyst[:2]} == {"13-2041.00", "13-2054.00"}
    assert resolver.resolve("Pharmacist - Retail").candidates[0].code == "29-1051.00"
    assert resolver.resolve("Data Analyst - Remote").normalized == "data analyst"


# -- accented letters are folded, other scripts do not match ---------------------------------
@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("Café manager", "Cafe manager"),
        ("Cafe\u0301", "Cafe"),  # a combining accent
        ("Señor developer", "Senor developer"),
        ("développeuse", "developpeuse"),
        ("Straße", "Strasse"),
        ("Ærospace Œnologist", "AErospace OEnologist"),
        ("Ørsted Łódź", "Orsted Lodz"),
        ("ﬁnance ＲＮ\u00a0x", "finance RN x"),
        ("Врач 医生", "Врач 医生"),
    ],
)
def test_fold_letters(raw: str, plain: str) -> None:
    assert fold_letters(raw) == plain


def test_accented_titles_read_like_plain_ones(abbr: Abbreviations) -> None:
    assert normalize_title("Café Manager", abbr).primary == "cafe manager"
    assert normalize_title("Ingénieur Électricien", abbr).primary == "ingenieur electricien"
    assert normalize_title("Врач", abbr).primary == ""
    assert normalize_title("医生 Nurse", abbr).primary == "nurse"


@pytest.mark.slow
def test_accented_title_resolves_like_its_ascii_spelling(resolver: Resolver) -> None:
    accented = resolver.resolve("Café manager")
    assert accented.normalized == "cafe manager"
    assert accented.candidates == resolver.resolve("cafe manager").candidates
    assert accented.candidates[0].code == "11-9051.00"


@pytest.mark.slow
@pytest.mark.parametrize("title", ["Врач", "医生", "看護師", "ممرضة", "नर्स", "Ωμέγα"])
def test_other_scripts_give_no_match_not_garbage(resolver: Resolver, title: str) -> None:
    res = resolver.resolve(title)
    assert res.candidates == ()
    assert res.message is not None and "No occupation matches" in res.message


# -- markup is stripped ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("<script>alert(1)</script>", " "),
        ("<SCRIPT type='x'>alert(1)", " "),
        ("<b>Registered</b> Nurse<br/>", " Registered  Nurse "),
        ("<style>p{}</style>Cashier<!-- x -->", " Cashier "),
        ("<img src=x onerror=alert(1)>Welder", " Welder"),
        ("R&amp;D Engineer &lt;b&gt;", "R&D Engineer  "),
        ("R&D, P&L, AT&T", "R&D, P&L, AT&T"),
        ("Engineer <5 yrs>", "Engineer <5 yrs>"),
    ],
)
def test_strip_markup(raw: str, plain: str) -> None:
    assert strip_markup(raw) == plain


def test_markup_is_gone_before_matching(abbr: Abbreviations) -> None:
    assert normalize_title("<script>alert(1)</script>", abbr) == normalize_title("", abbr)
    assert normalize_title("<b>Script Writer</b>", abbr).primary == "script writer"
    assert normalize_title("Caf&eacute; Manager", abbr).primary == "cafe manager"
    assert plain_text("＜script＞alert(1)＜/script＞").strip() == ""


@pytest.mark.slow
def test_markup_alone_matches_nothing(
    resolver: Resolver, kb: KnowledgeBase, settings: Settings
) -> None:
    res = resolver.resolve("<script>alert(1)</script>")
    assert (res.candidates, res.needs_choice) == ((), False)
    _register()
    cli = CliRunner().invoke(
        app,
        ["analyze", "<script>alert(1)</script>"],
        env={"AI_IMPACT_CACHE_DIR": str(settings.cache_dir)},
    )
    assert cli.exit_code == 4, cli.output
    assert "No occupation matches" in cli.output


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Script Writer", "27-3043.05"),
        ("Scriptwriter", "27-3043.00"),
        ("JavaScript Developer", "15-1254.00"),
        ("<b>JavaScript Developer</b>", "15-1254.00"),
    ],
)
def test_script_words_in_real_titles_still_resolve(
    resolver: Resolver, title: str, code: str
) -> None:
    assert resolver.resolve(title).candidates[0].code == code
