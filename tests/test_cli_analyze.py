"""``ai-impact analyze`` and ``compare`` in-process: formats, exit codes, messages."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from ai_impact import api
from ai_impact.cli.app import _register, app
from ai_impact.db import KnowledgeBase
from ai_impact.errors import AmbiguousInputError
from ai_impact.settings import Settings
from ai_impact.titles import Candidate

_register()
runner = CliRunner()


def _env(settings: Settings) -> dict[str, str]:
    return {"AI_IMPACT_CACHE_DIR": str(settings.cache_dir)}


def test_analyze_markdown(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["analyze", "41-9041.00"], env=_env(settings))
    assert res.exit_code == 0, res.output
    assert res.output.startswith("# AI impact on Telemarketers")
    assert "## Method and sources" in res.output


def test_analyze_json_has_the_contract(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["analyze", "47-2181", "--format", "json"], env=_env(settings))
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["occupation"]["code"] == "47-2181.00"
    assert d["risk"]["category"] in {"very low", "low"}
    assert {"tasks_at_risk", "safe_tasks", "ai_tools", "salary", "outlook", "sources"} <= set(d)


def test_analyze_unknown_code_exits_4(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["analyze", "99-9999.99"], env=_env(settings))
    assert res.exit_code == 4
    assert "99-9999.99" in res.output


def _ambiguous(query: str, *scores: float) -> AmbiguousInputError:
    cands = [
        Candidate(f"11-10{i:02d}.00", f"11-10{i:02d}", f"Occupation {i}", score, "semantic")
        for i, score in enumerate(scores)
    ]
    names = "; ".join(f"{c.code} {c.title}" for c in cands)
    return AmbiguousInputError(
        f"{query!r} could mean several occupations: {names}.",
        candidates=cands,
        hint="Run again with one of the codes.",
    )


@pytest.mark.parametrize(
    ("scores", "shown"),
    [
        ((0.33, 0.03, 0.004, 0.0, 0.0), ["(0.33)", "(0.03)"]),  # none at 0.00
        ((0.002, 0.001, 0.0), ["(0.00)"]),  # the best is always shown
    ],
)
def test_analyze_lists_the_choices_once_and_only_likely_ones(
    monkeypatch: pytest.MonkeyPatch, scores: tuple[float, ...], shown: list[str]
) -> None:
    def ambiguous(query: str, **_: object) -> None:
        raise _ambiguous(query, *scores)

    monkeypatch.setattr(api, "analyze", ambiguous)
    res = runner.invoke(app, ["analyze", "Checkout Person"])
    assert res.exit_code == 2
    lines = res.output.splitlines()
    assert lines[0] == (
        "error: 'Checkout Person' could mean several occupations. Run again with one of the codes:"
    )
    assert [line.split("  ")[-1] for line in lines[1:]] == shown
    assert res.output.count("11-1000.00") == 1  # once: not a table and again in the message


def test_compare_names_the_entry_that_needs_a_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    def ambiguous(queries: list[str], **_: object) -> None:
        raise _ambiguous(queries[1], 0.4, 0.2, 0.0)

    monkeypatch.setattr(api, "compare", ambiguous)
    res = runner.invoke(app, ["compare", "47-2181.00", "Operator"])
    assert res.exit_code == 2
    assert res.output.startswith("error: 'Operator' could mean several occupations.")
    assert res.output.count("11-10") == 2


def test_analyze_a_vague_title_asks_with_real_candidates(
    kb: KnowledgeBase, settings: Settings
) -> None:
    res = runner.invoke(app, ["analyze", "Operator"], env=_env(settings))
    assert res.exit_code == 2
    codes = re.findall(r"\d{2}-\d{4}\.\d{2}", res.output)
    assert codes and len(codes) == len(set(codes))
    assert "(0.00)" not in res.output


def test_compare_table(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["compare", "47-2181.00", "41-9041.00"], env=_env(settings))
    assert res.exit_code == 0, res.output
    assert "| Roofers | 47-2181.00 |" in res.output
    assert "| Telemarketers | 41-9041.00 |" in res.output


def test_compare_needs_two(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["compare", "47-2181.00"], env=_env(settings))
    assert res.exit_code == 2


def test_compare_html_is_one_page(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(
        app, ["compare", "29-1141.00", "35-3023.01", "-f", "html"], env=_env(settings)
    )
    assert res.exit_code == 0, res.output
    assert res.output.lower().count("<!doctype html>") == 1
    assert "<h1>Compare occupations</h1>" in res.output
    assert "Registered Nurses" in res.output and "Baristas" in res.output


def test_compare_labels_a_blend_apart_from_its_occupation(
    kb: KnowledgeBase, settings: Settings
) -> None:
    args = ["compare", "Sr. ML Engineer", "15-2051.00"]
    md = runner.invoke(app, args, env=_env(settings))
    assert md.exit_code == 0, md.output
    rows = [line for line in md.output.splitlines() if line.startswith("| ")][1:]
    assert rows[0].startswith("| Sr. ML Engineer (blend of ")
    assert rows[0].split(" | ")[1].startswith("15-2051.00, ")
    assert rows[1].startswith("| Data Scientists | 15-2051.00 |")
    data = json.loads(runner.invoke(app, [*args, "-f", "json"], env=_env(settings)).output)
    assert data[0]["label"].startswith("Sr. ML Engineer (blend of ")
    assert data[1]["label"] == "Data Scientists"


def test_hourly_only_pay_is_shown_per_hour(kb: KnowledgeBase, settings: Settings) -> None:
    """BLS publishes only hourly wages for actors: the hourly median, never a bare dash."""
    md = runner.invoke(app, ["analyze", "27-2011.00"], env=_env(settings)).output
    assert "median **$29.05** an hour" in md and "median **—**" not in md
    assert "_BLS publishes only hourly wages for this occupation" in md
    data = json.loads(
        runner.invoke(app, ["analyze", "27-2011.00", "-f", "json"], env=_env(settings)).output
    )
    s = data["salary"]
    assert (s["median_annual"], s["p10_annual"], s["hourly_median"]) == (None, None, 29.05)
    assert s["hourly_only"] is True and s["hourly_mean"] is not None and s["projection"] is None
    assert [s[f"hourly_p{p}"] for p in (10, 25, 75, 90)] == [16.50, 20.34, 97.95, 143.68]
    assert s["source"] in {src["key"] for src in data["sources"]}
    gap = [g["missing_reason"] for g in data["gaps"] if g["key"] == "salary"]
    assert gap and "only hourly wages" in gap[0] and "annual median" in gap[0]
    assert not re.search(r"\$[\d,]+ (a|per) year|annual (median|pay) of", md)  # no annual figure
    # QA: said once, in the gap's sentence, not again as BLS's footnote shorthand.
    salary = md.split("## Salary", 1)[1].split("\n## ", 1)[0]
    assert salary.count("only hourly wages") == 1 and "hourly only" not in salary
    assert "annual wages not released, hourly only" not in s["notes"]
    page = runner.invoke(app, ["analyze", "27-2011.00", "-f", "html"], env=_env(settings)).output
    pay = page.split('id="pay"', 1)[1].split("</section>", 1)[0]
    assert pay.count("only hourly wages") == 1 and "hourly only" not in pay


def test_certification_levels_read_as_words(kb: KnowledgeBase, settings: Settings) -> None:
    """QA: pharmacists' licence shows its level as "professional license", not the catalogue's
    key "professional-licence", which the JSON keeps."""
    env = _env(settings)
    md = runner.invoke(app, ["analyze", "29-1051.00"], env=env).output
    certs = md.split("## Certifications", 1)[1].split("\n## ", 1)[0]
    assert " · professional license · " in certs
    assert "professional-licence" not in certs
    page = runner.invoke(app, ["analyze", "29-1051.00", "-f", "html"], env=env).output
    assert "<td>professional license</td>" in page and "professional-licence" not in page
    data = json.loads(runner.invoke(app, ["analyze", "29-1051.00", "-f", "json"], env=env).output)
    assert "professional-licence" in {c["level"] for c in data["certifications"]}


def test_hourly_only_percentiles_on_every_face(kb: KnowledgeBase, settings: Settings) -> None:
    """Actors: the hourly 10th–90th percentiles where annual occupations show the annual ones."""
    md = runner.invoke(app, ["analyze", "27-2011.00"], env=_env(settings)).output
    assert (
        "OEWS May 2025, United States: median **$29.05** an hour (10th–90th percentile "
        "$16.50–$143.68 an hour; mean $58.29 an hour; employment 55,000)."
    ) in md
    page = runner.invoke(app, ["analyze", "27-2011.00", "-f", "html"], env=_env(settings)).output
    assert "<dt>10th–90th percentile</dt><dd>$16.50–$143.68 an hour</dd>" in page
    assert "<figcaption>Hourly pay, 2025</figcaption>" in page
    assert "median $29.05 an hour, 90th percentile $143.68 an hour." in page
    # A state: its own hourly distribution (OEWS May 2025, New York).
    args = ["analyze", "27-2011.00", "--area", "NY"]
    ny = runner.invoke(app, args, env=_env(settings)).output
    assert "New York: median **$28.44** an hour (10th–90th percentile $20.80–$97.95 an hour;" in ny
    s = json.loads(runner.invoke(app, [*args, "-f", "json"], env=_env(settings)).output)["salary"]
    assert (s["area"], s["hourly_p10"], s["hourly_p90"]) == ("New York", 20.80, 97.95)
    # Where BLS withholds the state's estimates, nothing is shown as a number: the notes say so.
    args = ["analyze", "27-2011.00", "--area", "CA", "-f", "json"]
    ca = json.loads(runner.invoke(app, args, env=_env(settings)).output)["salary"]
    assert [ca[f"hourly_p{p}"] for p in (10, 25, 75, 90)] == [None] * 4
    assert any(n.startswith("not released:") and "hourly p90" in n for n in ca["notes"])
    cmp = runner.invoke(
        app, ["compare", "27-2011.00", "15-1252.00", "-f", "html"], env=_env(settings)
    )
    assert "<td>$16.50–$143.68 an hour</td>" in cmp.output


def test_compare_marks_a_group_projection_as_the_analysis_notes_it(
    kb: KnowledgeBase, settings: Settings
) -> None:
    """Baristas are projected as all Fast Food and Counter Workers: ‡, with the analysis's note."""
    env = _env(settings)
    analysis = json.loads(
        runner.invoke(app, ["analyze", "35-3023.01", "-f", "json"], env=env).output
    )
    group = "SOC 35-3023 (Fast Food and Counter Workers)"  # as its pay group is named
    assert analysis["outlook"]["projection_group"] == analysis["salary"]["pay_group"] == group
    own = next(g["missing_reason"] for g in analysis["gaps"] if g["key"] == "outlook")
    assert own.startswith(f"BLS projects {group} as a whole")
    # The table's note names the occupation with its code, as its pay note does.
    note = own.replace("Baristas has", "Baristas (35-3023.01) has")
    assert note != own
    args = ["compare", "35-3023.01", "29-1141.00"]
    md = runner.invoke(app, args, env=env).output
    baristas = next(line for line in md.splitlines() if line.startswith("| Baristas |"))
    nurses = next(line for line in md.splitlines() if line.startswith("| Registered Nurses |"))
    assert baristas.endswith("% ‡ |") and "‡" not in nurses
    assert f"\n‡ {note.replace('*', chr(92) + '*')}\n" in md  # md_text escapes O*NET's "*"
    page = runner.invoke(app, [*args, "-f", "html"], env=env).output
    assert f'<p class="small">‡ {note}</p>' in page
    assert page.count(f'<span title="BLS projects {group} as a whole">‡</span>') == 2
    assert '<h2 id="h-compare-sources">Sources</h2>' in page and "CC BY 4.0" in page
    data = json.loads(runner.invoke(app, [*args, "-f", "json"], env=env).output)
    assert [d["outlook"]["projection_group"] for d in data] == [group, None]


def test_compare_names_each_occupation_of_a_group_projection_with_its_code(
    kb: KnowledgeBase, settings: Settings
) -> None:
    """QA: the three buyers and purchasing agents (titles with commas) share SOC 13-1020's pay
    and projection; both notes name each with its code, and neither claims the group holds
    other occupations too (these three may be all of it)."""
    args = ["compare", "13-1021.00", "13-1022.00", "13-1023.00"]
    md = runner.invoke(app, args, env=_env(settings)).output
    who = (
        "Buyers and Purchasing Agents, Farm Products (13-1021.00), Wholesale and Retail Buyers, "
        "Except Farm Products (13-1022.00) and Purchasing Agents, Except Wholesale, Retail, and "
        "Farm Products (13-1023.00)"
    )
    assert (
        "\n‡ BLS projects SOC 13-1020 (Buyers and Purchasing Agents) as a whole, a group of "
        f"several O\\*NET occupations; {who} have no projection of their own.\n"
    ) in md
    assert (
        "\n† Pay OEWS publishes for a whole SOC group, which holds several O\\*NET occupations: "
        f"SOC 13-1020 (Buyers and Purchasing Agents) for {who}.\n"
    ) in md
    assert "covers other" not in md
    data = json.loads(runner.invoke(app, [*args, "-f", "json"], env=_env(settings)).output)
    assert {d["outlook"]["projection_group"] for d in data} == {
        "SOC 13-1020 (Buyers and Purchasing Agents)"
    }


def test_related_rows_show_the_hourly_pay_of_hourly_only_occupations(
    kb: KnowledgeBase, settings: Settings
) -> None:
    """Musicians and singers (related to actors) have only hourly OEWS wages: $47.80 an hour."""
    env = _env(settings)
    data = json.loads(runner.invoke(app, ["analyze", "27-2011.00", "-f", "json"], env=env).output)
    musicians = next(r for r in data["related"] if r["code"] == "27-2042.00")
    assert (musicians["median_annual"], musicians["hourly_median"]) == (None, 47.80)
    keys = {"code", "title", "relation", "similarity", "risk", "risk_category", "median_annual"}
    assert keys | {"employment_change_pct", "pay_group"} < set(musicians)
    md = runner.invoke(app, ["analyze", "27-2011.00"], env=env).output
    row = next(line for line in md.splitlines() if line.startswith("| Musicians and Singers"))
    assert "| $47.80 an hour |" in row
    related = md.split("## Related analyses", 1)[1].split("## ", 1)[0]
    hourly_only = [r for r in data["related"] if r["median_annual"] is None]
    assert hourly_only and all(r["hourly_median"] is not None for r in hourly_only)
    assert related.count(" an hour |") == len(hourly_only)
    page = runner.invoke(app, ["analyze", "27-2011.00", "-f", "html"], env=env).output
    assert '<td class="num">$47.80 an hour</td>' in page


def test_related_rows_mark_a_group_projection_as_the_analysis_notes_it(
    kb: KnowledgeBase, settings: Settings
) -> None:
    """Actors: Talent Directors' +4.9% is BLS's projection of Producers and Directors
    (27-2012); the row is marked ‡ with the note Talent Directors' own analysis gives, while
    Producers and Directors, the group's own line, is not marked."""
    env = _env(settings)
    talent = json.loads(runner.invoke(app, ["analyze", "27-2012.04", "-f", "json"], env=env).output)
    group = "SOC 27-2012 (Producers and Directors)"
    assert talent["outlook"]["projection_group"] == group
    own = next(g["missing_reason"] for g in talent["gaps"] if g["key"] == "outlook")
    note = own.replace("Talent Directors has", "Talent Directors (27-2012.04) has")
    assert note != own
    data = json.loads(runner.invoke(app, ["analyze", "27-2011.00", "-f", "json"], env=env).output)
    rows = {r["code"]: r for r in data["related"]}
    assert rows["27-2012.04"]["projection_group"] == group
    assert rows["27-2012.04"]["employment_change_pct"] == talent["outlook"]["employment_change_pct"]
    assert rows["27-2012.00"]["projection_group"] is None
    assert rows["27-2042.00"]["projection_group"] is None  # Musicians and Singers: their own
    md = runner.invoke(app, ["analyze", "27-2011.00"], env=env).output
    related = md.split("## Related analyses", 1)[1].split("\n## ", 1)[0]
    for r in data["related"]:
        line = next(ln for ln in related.splitlines() if f"({r['code']})" in ln)
        assert line.endswith(" ‡ |") == (r["projection_group"] is not None), line
    assert "| Talent Directors (27-2012.04) | O\\*NET related |" in related
    assert "| +4.9% ‡ |" in related
    assert f"\n‡ {note.replace('*', chr(92) + '*')} " in related  # the analysis's own words
    assert related.count("‡ BLS projects") == 1  # one note, however many groups
    page = runner.invoke(app, ["analyze", "27-2011.00", "-f", "html"], env=env).output
    section = page.split('id="related"', 1)[1].split("</section>", 1)[0]
    assert f'+4.9% <span title="BLS projects {group} as a whole">‡</span></td>' in section
    marked = [r for r in data["related"] if r["projection_group"]]
    assert section.count("‡</span></td>") == len(marked)
    assert f'<p class="small">‡ {note} ' in section


def test_analyze_eight_digits_is_the_code_and_seven_say_they_are_none(
    kb: KnowledgeBase, settings: Settings
) -> None:
    res = runner.invoke(app, ["analyze", "15205100"], env=_env(settings))
    assert res.exit_code == 0, res.output
    assert res.output.startswith("# AI impact on Data Scientists\n")
    res = runner.invoke(app, ["analyze", "1520511"], env=_env(settings))
    assert res.exit_code == 4
    assert res.output == (
        "error: '1520511' looks like a code but is none: an O*NET-SOC code has the form "
        "15-2051.00, a SOC code 15-2051. Check it, or type a job title; `ai-impact occupations` "
        "lists every code.\n"
    )
