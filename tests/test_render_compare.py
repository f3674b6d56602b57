"""Compare in its three formats, hourly-only pay and Markdown escaping, on hand-built reports."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import web_fakes as fake
from ai_impact.render import RENDERERS
from ai_impact.render.compare import COMPARE_RENDERERS, codes_of, is_blend, label
from ai_impact.render.markdown import md_text, md_user, render_markdown
from ai_impact.reports.model import OccupationReport, RelatedEntry

DS = fake.REPORTS["15-2051.00"]
BLEND_NOTE = (
    "This title maps to several O*NET occupations: the analysis blends Data Scientists "
    "(15-2051.00) and Registered Nurses (29-1141.00); pay and outlook are those of Data Scientists."
)
BLEND = replace(
    DS,
    header=replace(
        DS.header,
        resolved_from="Sr. ML Engineer",
        rests_on=("15-2051.00", "29-1141.00"),
        rests_on_note=BLEND_NOTE,
    ),
    risk=replace(DS.risk, score=6.1),
)
# An occupation without task statements rests on others (donors), never on itself: no blend.
DONORS = replace(DS, header=replace(DS.header, rests_on=("15-2041.00", "15-2031.00")))


def _hourly_only(report: OccupationReport) -> OccupationReport:
    assert report.salary is not None
    salary = replace(
        report.salary,
        median_annual=None,
        p10_annual=None,
        p25_annual=None,
        p75_annual=None,
        p90_annual=None,
        mean_annual=None,
        projection=None,
        hourly_median=29.05,
        hourly_mean=58.29,
        hourly_only=True,
        hourly_p10=16.50,
        hourly_p25=20.34,
        hourly_p75=97.95,
        hourly_p90=143.68,
        notes=("annual wages not released, hourly only",),
    )
    return replace(report, salary=salary)


def test_a_blend_is_labelled_by_the_typed_title() -> None:
    assert is_blend(BLEND) and not is_blend(DS) and not is_blend(DONORS)
    assert label(BLEND) == "Sr. ML Engineer (blend of 2 occupations)"
    assert label(DS) == label(DONORS) == "Data Scientists"
    assert codes_of(BLEND) == ("15-2051.00", "29-1141.00") and codes_of(DS) == ("15-2051.00",)


def test_compare_markdown_tells_the_blend_from_the_occupation() -> None:
    md = COMPARE_RENDERERS["md"]([BLEND, DS])
    rows = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows[0].startswith(
        "| Sr. ML Engineer (blend of 2 occupations) | 15-2051.00, 29-1141.00 |"
    )
    assert rows[1].startswith("| Data Scientists | 15-2051.00 | 6.8 |")
    assert f"- Sr. ML Engineer (blend of 2 occupations): {md_text(BLEND_NOTE)}" in md


def test_compare_json_is_one_array_with_labels() -> None:
    data = json.loads(COMPARE_RENDERERS["json"]([BLEND, DS]))
    assert [d["label"] for d in data] == [
        "Sr. ML Engineer (blend of 2 occupations)",
        "Data Scientists",
    ]
    assert data[0]["occupation"]["rests_on"] == ["15-2051.00", "29-1141.00"]


def test_compare_html_is_one_self_contained_page() -> None:
    html = COMPARE_RENDERERS["html"]([BLEND, DS, fake.REPORTS[fake.HOSTILE_CODE]])
    assert html.lower().count("<!doctype html>") == 1 and html.count("</html>") == 1
    assert "<h1>Compare occupations</h1>" in html
    assert "<style>" in html and "<script" not in html and not re.search(r'href="[^#]', html)
    head = re.search(r"<thead><tr><th scope=\"col\">Measure</th>(.*?)</tr></thead>", html, re.S)
    assert head is not None
    assert "Sr. ML Engineer (blend of 2 occupations)" in head.group(1)
    assert "15-2051.00, 29-1141.00" in head.group(1)
    assert f'<p class="note">Sr. ML Engineer (blend of 2 occupations): {BLEND_NOTE}</p>' in html
    assert "<script>alert(1)</script>" not in html


def test_hourly_only_pay_is_shown_per_hour_everywhere() -> None:
    actors = _hourly_only(DS)
    md = render_markdown(actors)
    assert (
        "median **$29.05** an hour (10th–90th percentile $16.50–$143.68 an hour; "
        "mean $58.29 an hour; employment"
    ) in md
    assert "median **—**" not in md and "—–—" not in md
    page = RENDERERS["html"](actors)
    assert "<dd>$29.05 an hour</dd>" in page and "<dd>$58.29 an hour</dd>" in page
    assert "<dt>10th–90th percentile</dt><dd>$16.50–$143.68 an hour</dd>" in page
    assert "—–—" not in page
    # The pay chart draws the hourly distribution, its table and alt text per hour.
    assert "<figcaption>Hourly pay, 2024</figcaption>" in page
    assert (
        "National: 10th percentile $16.50 an hour, median $29.05 an hour, "
        "90th percentile $143.68 an hour."
    ) in page
    for cell in ("$16.50", "$20.34", "$29.05", "$97.95", "$143.68"):
        assert f"<td>{cell}</td>" in page
    table = COMPARE_RENDERERS["md"]([actors, DS])
    assert "| $29.05 an hour |" in table
    cmp_page = COMPARE_RENDERERS["html"]([actors, DS])
    assert "<td>$29.05 an hour</td>" in cmp_page
    assert "<td>$16.50–$143.68 an hour</td>" in cmp_page
    data = json.loads(RENDERERS["json"](actors))["salary"]
    assert (data["median_annual"], data["hourly_median"], data["hourly_mean"]) == (
        None,
        29.05,
        58.29,
    )
    hourly = [data[f"hourly_p{p}"] for p in (10, 25, 75, 90)]
    assert hourly == [16.50, 20.34, 97.95, 143.68] and data["p10_annual"] is None
    assert data["hourly_only"] is True


def test_hourly_percentiles_top_coded_or_unpublished_read_as_the_annual_ones() -> None:
    actors = _hourly_only(DS)
    assert actors.salary is not None
    top = "top-coded: hourly p90 ≥ $115.00/hr"
    capped = replace(
        actors, salary=replace(actors.salary, hourly_p90=None, notes=(top, *actors.salary.notes))
    )
    md = render_markdown(capped)
    # BLS's footnote in words: the JSON keeps the footnote, the pages say what it means
    said = "BLS shows the hourly 90th percentile only as $115.00 an hour or more."
    assert "10th–90th percentile $16.50–— an hour" in md and f"- {said}" in md
    assert top not in md
    page = RENDERERS["html"](capped)
    assert "<dd>$16.50–— an hour</dd>" in page and f'<p class="small">{said}</p>' in page
    assert json.loads(RENDERERS["json"](capped))["salary"]["notes"][0] == top
    none = ("hourly_p10", "hourly_p25", "hourly_p75", "hourly_p90")
    bare = replace(actors, salary=replace(actors.salary, **dict.fromkeys(none)))
    md = render_markdown(bare)
    assert "median **$29.05** an hour (mean $58.29 an hour; employment" in md
    assert "percentile" not in md.split("## Salary")[1].split("##")[0]
    cmp_page = COMPARE_RENDERERS["html"]([bare, DS])
    assert "not published (BLS publishes only hourly wages)" in cmp_page
    assert "—–— an hour" not in RENDERERS["html"](bare)


def test_markdown_escapes_html_in_user_text() -> None:
    # one policy for every Markdown face: "&" is escaped only where it starts a reference
    assert md_user("<b>R&D</b>") == "&lt;b&gt;R&D&lt;/b&gt;" == md_text("<b>R&D</b>")
    assert md_text("AT&T <i> &lt;x&gt; &#60;") == "AT&T &lt;i&gt; &amp;lt;x&amp;gt; &amp;#60;"
    hostile = fake.REPORTS[fake.HOSTILE_CODE]
    typed = {"resolved_from": "<img src=x> & co"}
    asked = replace(hostile, header=replace(hostile.header, **typed))
    for text in (
        render_markdown(asked),
        COMPARE_RENDERERS["md"]([asked, DS]),
        COMPARE_RENDERERS["md"]([replace(BLEND, header=replace(BLEND.header, **typed)), DS]),
    ):
        assert "<script>" not in text and "<img" not in text
    md = render_markdown(asked)
    assert "# AI impact on Prompt Tester &lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "> You asked for “&lt;img src=x&gt; & co”." in md


def test_workforce_markdown_escapes_roster_text() -> None:
    from ai_impact.workforce.analysis import analyze_roster
    from ai_impact.workforce.formats import to_markdown
    from ai_impact.workforce.roster import parse_roster
    from test_workforce_analysis import FakeLibrary

    roster = "title,headcount,team\nAccountant,2,R&D <script>x</script>\n<img src=x>,1,Ops\n"
    md = to_markdown(analyze_roster(parse_roster(roster), FakeLibrary()))
    assert "<script>" not in md and "<img" not in md
    assert "| R&D &lt;script&gt;x&lt;/script&gt; |" in md  # as analyze writes "&"
    assert "&lt;img src=x&gt;" in md


def test_one_markdown_escaping_policy_for_analyze_and_workforce() -> None:
    """QA4 #18: "&" is plain in both faces; a typed character reference shows as typed."""
    from ai_impact.workforce.analysis import analyze_roster
    from ai_impact.workforce.formats import to_markdown
    from ai_impact.workforce.roster import parse_roster
    from test_workforce_analysis import FakeLibrary

    roster = "title,headcount,team\nShipping & Receiving Clerk,2,Ops &amp; Co\n"
    md = to_markdown(analyze_roster(parse_roster(roster), FakeLibrary()))
    assert "| Shipping & Receiving Clerk |" in md
    assert "Ops &amp;amp; Co" in md  # renders as the "&amp;" that was typed
    typed = replace(DS, header=replace(DS.header, resolved_from="Shipping & Receiving <b>"))
    assert "> You asked for “Shipping & Receiving &lt;b&gt;”." in render_markdown(typed)


def test_a_blend_page_is_headed_by_the_typed_title() -> None:
    """The page of a blend is not the lead occupation's page: its heading says what was typed."""
    md = render_markdown(BLEND)
    assert md.startswith("# AI impact on Sr. ML Engineer (blend of 2 occupations)")
    assert "**Lead occupation** Data Scientists · **O*NET-SOC** 15-2051.00" in md
    assert render_markdown(DS).startswith("# AI impact on Data Scientists\n")
    html = RENDERERS["html"](BLEND)
    assert ">Sr. ML Engineer (blend of 2 occupations)</h1>" in html
    assert "Led by Data Scientists (15-2051.00)." in html


def test_related_rows_show_hourly_only_pay_per_hour() -> None:
    """QA: a related occupation BLS pays only by the hour shows its hourly median, not a dash."""
    dancers = RelatedEntry(
        "27-2031.00", "Dancers", "safer move", 0.6, 2.2, "very low", None, 4.5, hourly_median=24.80
    )
    shared = replace(dancers, code="27-2099.00", title="Performers", pay_group="SOC 27-2099 (X)")
    salaried = replace(DS.related[0], hourly_median=45.0)
    report = replace(DS, related=(dancers, shared, salaried))
    md = render_markdown(report)
    assert "| Dancers (27-2031.00) | safer move | 2.2 very low | $24.80 an hour | +4.5% |" in md
    assert "| $24.80 an hour † |" in md
    assert "| $93,600 |" in md  # an annual median stays the pay shown
    page = RENDERERS["html"](report)
    section = page.split('id="related"', 1)[1].split("</section>", 1)[0]
    assert '<td class="num">$24.80 an hour</td>' in section
    shared_cell = (
        '<td class="num">$24.80 an hour <span title="OEWS pay for SOC 27-2099 (X) as a whole">'
    )
    assert shared_cell in section
    assert '<td class="num">$93,600</td>' in section and "—" not in section
    rows = json.loads(RENDERERS["json"](report))["related"]
    assert [(r["median_annual"], r["hourly_median"]) for r in rows] == [
        (None, 24.8),
        (None, 24.8),
        (93600, 45.0),
    ]
    before = {
        "code",
        "title",
        "relation",
        "similarity",
        "risk",
        "risk_category",
        "median_annual",
        "employment_change_pct",
        "pay_group",
    }
    assert set(rows[0]) == before | {"hourly_median", "projection_group"}  # keys only added


def test_related_outlook_of_a_group_projection_is_marked_with_one_note_per_group() -> None:
    """Talent Directors' +4.9% is BLS's projection of Producers and Directors (27-2012): ‡ in
    every format, one note per group naming each occupation with its code (QA: titles hold
    commas), all text escaped."""
    group = "SOC 27-2012 (Producers and Directors)"
    base = RelatedEntry(
        "27-2012.04", "Talent Directors", "related", None, 4.8, "moderate", 90360.0, 4.9,
        projection_group=group,
    )  # fmt: skip
    program = replace(base, code="27-2012.03", title="Program Directors")
    own = replace(base, code="27-2012.00", title="Producers and Directors", projection_group=None)
    odd = replace(
        base, code="99-9999.01", title="Odd <b>", projection_group="SOC 99-9999 (A & <i>B</i>)"
    )
    report = replace(DS, related=(base, program, own, odd))
    md = render_markdown(report)
    assert "| Talent Directors (27-2012.04) | related | 4.8 moderate | $90,360 | +4.9% ‡ |" in md
    assert (
        "| Producers and Directors (27-2012.00) | related | 4.8 moderate | $90,360 | +4.9% |" in md
    )
    # Two occupations of a group may be the whole of it: the note says only that it holds
    # several; one of a group never is, and the note says the group covers others too.
    note = (
        "‡ BLS projects SOC 27-2012 (Producers and Directors) as a whole, a group of several "
        "O\\*NET occupations; Talent Directors (27-2012.04) and Program Directors (27-2012.03) "
        "have no projection of their own. BLS projects SOC 99-9999 (A & &lt;i&gt;B&lt;/i&gt;) as "
        "a whole, which covers other O\\*NET occupations too; Odd &lt;b&gt; (99-9999.01) has no "
        "projection of its own."
    )
    assert f"\n{note}\n" in md and md.count("‡ BLS projects") == 1
    page = RENDERERS["html"](report)
    section = page.split('id="related"', 1)[1].split("</section>", 1)[0]
    mark = f'+4.9% <span title="BLS projects {group} as a whole">‡</span>'
    assert section.count(mark) == 2
    assert (
        '<span title="BLS projects SOC 99-9999 (A &amp; &lt;i&gt;B&lt;/i&gt;) as a whole">‡</span>'
        in section
    )
    assert "<i>" not in section and "<b>" not in section
    assert (
        '<p class="small">‡ BLS projects SOC 27-2012 (Producers and Directors) as a whole, a group '
        "of several O*NET occupations; Talent Directors (27-2012.04) and Program Directors "
        "(27-2012.03) have no projection of their own. BLS projects SOC 99-9999 (A &amp; "
        "&lt;i&gt;B&lt;/i&gt;) as a whole"
    ) in section
    rows = json.loads(RENDERERS["json"](report))["related"]
    assert [r["projection_group"] for r in rows] == [
        group,
        group,
        None,
        "SOC 99-9999 (A & <i>B</i>)",
    ]
    unmarked = render_markdown(replace(DS, related=(own,)))
    assert "‡" not in unmarked
