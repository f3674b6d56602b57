"""Figures that must agree across a page and across pages: industry employment, "work exposed"
against the substitution share, task counts of a blend, and the risk components' points."""

from __future__ import annotations

import json
import re

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.errors import InputError
from ai_impact.render.compare import compare_markdown
from ai_impact.render.html import Links, compare_page, occupation_page
from ai_impact.render.markdown import render_markdown
from ai_impact.reports import figures as fx
from ai_impact.reports import narrative as nv
from ai_impact.reports.build import build_report
from ai_impact.reports.description import describe_report
from ai_impact.reports.engine import Engine
from ai_impact.reports.risk_sections import exposure_breakdown
from ai_impact.reports.serialize import report_to_dict
from ai_impact.reports.service import Analyses
from ai_impact.settings import Settings

RN, SD = "29-1141.00", "15-1252.00"


@pytest.fixture(scope="module")
def analyses(kb: KnowledgeBase, settings: Settings) -> Analyses:
    return Analyses(kb, settings)


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase, settings: Settings) -> Engine:
    return Engine(kb, settings, catalogues=False)


def _pct(text: str) -> int:
    return int(text.rstrip("%"))


# Industry employment


def test_industry_employment_counts_each_oews_code_once(analyses: Analyses) -> None:
    """Registered Nurses' 3.4 million jobs are one OEWS code shared by five O*NET codes."""
    rows = {r.code: r for r in analyses.engine.table.rows()}
    per_code: dict[str, float] = {}
    for o in analyses.engine.kb.occupations():
        employment = rows[o.code].employment
        if o.oews_code and employment is not None:
            per_code[o.oews_code] = employment
    industries = analyses.industries()
    total = sum(i.employment for i in industries)
    assert total == pytest.approx(sum(per_code.values()), abs=len(industries))
    assert 140e6 < total < 170e6  # OEWS May 2025 counts about 155 million US jobs
    healthcare = next(i for i in industries if i.slug == "healthcare")
    assert healthcare.employment < 25e6  # 46.5 million when each nursing sub-code counted


# Work exposed, β and the substitution share


def test_substitution_never_exceeds_the_work_exposed_for_any_occupation(
    engine: Engine,
) -> None:
    """As every page rounds them; with β as "work exposed", 151 occupations failed this."""
    over = []
    for row in engine.table.rows():
        e = exposure_breakdown(row)
        if _pct(fx.pct(e.substitution_share)) > _pct(fx.pct(e.exposed_share)):
            over.append(row.code)
        assert e.beta <= e.exposed_share + 1e-9, row.code
        if e.n_exposed:
            said = nv.substitution_sentence(e)
            assert fx.pct(e.substitution_share) in said
    assert over == []


def test_the_pages_call_the_exposed_share_work_exposed_and_name_beta(
    analyses: Analyses,
) -> None:
    report = analyses.report_for(SD)
    e = report.changing.exposure
    assert e.substitution_share > e.beta  # the case QA found: 49% "substitution" over 48%
    shown, beta = fx.pct(e.exposed_share), f"{e.beta:.2f}"
    html = occupation_page(report, Links())
    assert f"<dt>Work exposed to AI</dt><dd>{shown}</dd>" in html
    assert f"exposure index β {beta}" in html
    md = render_markdown(report)
    assert f"work exposed to AI {shown}, exposure index β {beta}" in md
    assert f"{shown} of the work is in tasks AI reaches, and the exposure index β is {beta}" in md
    assert "Exposure index β" in md and "Share of the work exposed to AI (β)" not in md
    data = report_to_dict(report)
    assert data["exposure"] == round(e.beta, 4)  # the contract key keeps its meaning
    assert data["exposure_detail"]["exposed_share"] == round(e.exposed_share, 4)
    pair = [report, analyses.report_for(RN)]
    row = re.search(r"Work exposed to AI</th>(.*?)</tr>", compare_page(pair, Links()))
    assert row is not None
    assert re.findall(r"<td>(\d+%)</td>", row.group(1)) == [
        fx.pct(r.changing.exposure.exposed_share) for r in pair
    ]
    table = compare_markdown(pair)
    assert "| Work exposed | Exposure index β |" in table
    assert f"| {shown} | {beta} |" in table


# Task counts of a blend


def test_a_blend_counts_the_tasks_it_lists_everywhere(analyses: Analyses) -> None:
    """Software Developers, Computer Programmers and QA testers share a statement: 64 tasks
    by the table's sum, 63 listed; the page said "of its 64" and its tools "of 63"."""
    parts = [(SD, 0.91), ("15-1251.00", 0.02), ("15-1253.00", 0.0017)]
    summed = sum(analyses.engine.table.row(c).n_tasks for c, _ in parts)
    report = build_report(analyses.engine, SD, resolved_from="Software Developers", blend=parts)
    e = report.changing.exposure
    assert e.n_tasks < summed
    counted = re.compile(r"Fits \d+ of its (\d+) tasks")
    fits = [int(n) for t in report.ai_tools for n in counted.findall(t.reason)]
    assert fits and set(fits) == {e.n_tasks}
    assert f"{e.n_exposed} of its {e.n_tasks} tasks are exposed" in report.changing.sentences[0]


# Risk components on the page's scale


def test_component_points_are_what_the_page_adds_to_the_score(analyses: Analyses) -> None:
    report = analyses.report_for(SD)
    data = report_to_dict(report)
    comps = data["risk"]["components"]
    for c in comps:
        assert c["points"] == pytest.approx(9 * c["contribution"], abs=1e-3)
    assert 1 + sum(c["points"] for c in comps) == pytest.approx(data["risk"]["score"], abs=1e-3)
    md = render_markdown(report)
    for c in report.risk.components:
        assert f"| {c.points:+.2f} |" in md
    assert json.dumps(data)  # plain JSON


# Small messages


def test_an_area_without_a_published_median_says_so(analyses: Analyses) -> None:
    md = render_markdown(analyses.report_for(RN, area="Guam"))
    line = next(x for x in md.splitlines() if x.startswith("OEWS May"))
    assert "—" not in line and "publishes no median" in line


def test_comparing_one_analysis_twice_says_so(analyses: Analyses) -> None:
    with pytest.raises(InputError, match="same analysis, Registered Nurses"):
        analyses.compare([RN, f" {RN} "])
    assert len(analyses.compare([RN, SD])) == 2


def test_no_non_retail_occupation_is_labelled_retail(kb: KnowledgeBase) -> None:
    """The rule, not one label: sales supervisors take the sector they work in."""
    for o in kb.occupations():
        if "non-retail" in o.title.lower():
            assert o.industry != "Retail", (o.code, o.industry_basis)
    assert kb.occupation("41-1011.00").industry == "Retail"
    assert kb.occupation("41-1012.00").industry == "Business & Administration"


# What the words say about the figures (QA round 7)


def test_growth_is_never_named_as_demand_pressure(analyses: Analyses) -> None:
    """Restaurant cooks grow 14.9%: demand holds the score down, it does not drive it."""
    cooks = analyses.report_for("35-2014.00")
    demand = next(c for c in cooks.risk.components if c.key == "demand")
    assert demand.value < 0.35
    overview = " ".join(cooks.overview)
    assert "the score down most" in overview
    assert "demand pressure" not in overview.split("the score most")[0]


def test_drivers_need_a_level_that_pushes_the_score_up() -> None:
    from ai_impact.reports.model import RiskComponent

    def comp(key: str, value: float, weight: float) -> RiskComponent:
        return RiskComponent(key, key, value, weight, value * weight, f"{value}", "labels", key)

    grows = (comp("exposure", 0.1, 0.35), comp("demand", 0.2, 0.2), comp("adoption", 0.3, 0.1))
    text = nv.drivers_sentence(grows)
    assert text == (
        "No component is above the middle of its scale; exposure (0.1) and projected demand "
        "(0.2, BLS) hold the score down most."
    )
    # QA9: the one that adds most points beyond the middle comes first, not the larger value
    mixed = (comp("adoption", 0.9, 0.1), comp("exposure", 0.7, 0.35), comp("demand", 0.45, 0.2))
    text = nv.drivers_sentence(mixed)
    assert text == (
        "Compared with the middle of each component's scale, exposure (0.7) and adoption (0.9) "
        "raise the score most."
    )
    # a shrinking occupation's demand pressure raises it; growth never does
    shrink = (comp("demand", 0.8, 0.2), comp("exposure", 0.2, 0.35))
    assert nv.drivers_sentence(shrink).endswith(
        "projected demand (0.8, BLS; not only from AI) raises the score most; exposure (0.2) "
        "holds the score down most."
    )


def test_cut_task_lists_say_how_many_are_shown(analyses: Analyses) -> None:
    report = analyses.report_for("43-3031.00")  # bookkeeping clerks: more tasks than shown
    e = report.changing.exposure
    notes = {g.key: g.missing_reason for g in report.gaps}
    assert len(report.tasks_at_risk) < e.n_exposed
    assert f"of its {e.n_exposed} exposed tasks are listed" in notes["tasks_at_risk"]
    md = render_markdown(report)
    assert notes["tasks_at_risk"] in md and notes["safe_tasks"] in md


def test_a_task_list_of_ones_own_keeps_every_statement(analyses: Analyses) -> None:
    lines = [f"Reconcile vendor statement number {n} against the ledger" for n in range(14)]
    lines += [f"Comfort the family of patient number {n} at the bedside" for n in range(10)]
    report = describe_report(analyses.engine, "\n".join(lines), title="Clerk")
    assert len(report.tasks_at_risk) + len(report.safe_tasks) == len(lines)


def test_pay_of_a_shared_soc_code_is_named_as_the_group_s(analyses: Analyses) -> None:
    report = analyses.report_for("35-3023.01")  # Baristas: paid as Fast Food and Counter Workers
    notes = [g.missing_reason for g in report.gaps]
    assert any("SOC 35-3023 (Fast Food and Counter Workers) as a whole" in n for n in notes)
    assert any(n.startswith("BLS projects") and "as a whole" in n for n in notes)
    own = analyses.report_for(RN)
    assert not any("as a whole" in g.missing_reason for g in own.gaps)  # the group is RN itself


def test_the_two_employment_counts_are_explained_when_they_differ(analyses: Analyses) -> None:
    farm = analyses.report_for("45-2093.00")  # farmworkers: OEWS leaves out most farm work
    assert any("every job including the self-employed" in g.missing_reason for g in farm.gaps)


def test_civilian_occupations_are_offered_no_military_move(analyses: Analyses) -> None:
    for code in ("43-5032.00", RN, SD):
        assert not any(r.code.startswith("55-") for r in analyses.report_for(code).related)


def test_model_scored_work_is_not_called_unexposed(analyses: Analyses) -> None:
    """A military occupation read from its short description: no task passes P(E0) < 0.5, yet
    the page shows work exposed; the sentences say both. (55-1019.00, read from its one-line
    definition until QA15, now reads its group's descriptions; 55-2011.00's second "task" was
    O*NET's supervisors' boilerplate until risk-7.)"""
    report = analyses.report_for("55-2011.00")
    e = report.changing.exposure
    assert e.n_tasks == 1 and e.n_exposed == 0 and e.exposed_share > 0.05
    first, second = report.changing.sentences[:2]
    assert first.startswith("Its only task is not more likely exposed")
    assert fx.pct(e.exposed_share) in first
    assert "With nothing exposed" not in second
    assert "demand pressure" not in next(s for s in report.overview if "middle of" in s)


# QA round 8: what the sentences claim


def test_adoption_is_named_as_the_weighted_figure_it_is(analyses: Analyses) -> None:
    text = " ".join(analyses.report_for(RN).changing.sentences)
    assert "Across the sectors that employ it (weighted by employment; largest: " in text


def test_occupations_outside_the_surveyed_sectors_take_the_all_sector_figure(
    analyses: Analyses,
) -> None:
    """96% of police officers work in government, which BTOS does not survey: Educational
    Services (16.4%) no longer stands for them."""
    police = analyses.report_for("33-3051.00")
    assert police.changing.adoption_pct is None
    text = " ".join(police.changing.sentences)
    assert "outside the sectors the Census BTOS surveys" in text
    assert "Educational Services" not in text


def test_imputed_components_never_drive_the_score(analyses: Analyses) -> None:
    infantry = analyses.report_for("55-3016.00")
    drivers = next(s for s in infantry.overview if "middle of" in s)
    assert "no sector figure" not in drivers.split(";")[0]
    assert "no projection" not in drivers.split(";")[0]


def test_general_software_is_not_something_to_learn(analyses: Analyses) -> None:
    def learn(code: str) -> list[str]:
        return [a.name for a in analyses.report_for(code).adaptation if a.kind == "technology"]

    assert not {"Apple Safari", "Microsoft Edge", "Mozilla Firefox"} & set(learn("41-2011.00"))
    assert "Microsoft Excel" not in learn("13-2011.00")
    assert "AWS" in learn("15-2051.00")  # in demand for it, by the name people use (QA #25)


def test_method_notes_say_what_the_scoring_does(analyses: Analyses) -> None:
    notes = " ".join(analyses.report_for(RN).method.notes)
    assert "then GPT-4 labels" not in notes and "second opinion" in notes
    described = describe_report(
        analyses.engine, "Reconcile vendor statements against the ledger\nPost journal entries"
    )
    assert not any("count twice" in n for n in described.method.notes)


def test_a_description_s_safer_moves_are_safer_than_its_own_score(analyses: Analyses) -> None:
    text = "\n".join(
        [
            "Enter patient charges and codes into the billing system",
            "Submit insurance claims and follow up on denials",
            "Post payments and reconcile patient accounts",
            "Answer patient questions about their bills",
        ]
    )
    report = describe_report(analyses.engine, text)
    for move in (r for r in report.related if r.relation == "safer move"):
        assert move.risk <= report.risk.score - 1.0 + 1e-9


def test_an_ambiguous_title_lists_only_candidates_with_some_confidence(
    analyses: Analyses, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ai_impact.errors import AmbiguousInputError
    from ai_impact.titles.resolver import Candidate, Resolution

    cands = (
        Candidate("41-2011.00", "41-2011", "Cashiers", 0.33, "semantic"),
        Candidate("55-3014.00", "55-3014", "Artillery and Missile Crew Members", 0.001, "semantic"),
    )

    class _Fake:
        def resolve(self, query: str, top: int = 5) -> Resolution:
            return Resolution(query, query.lower(), cands, True, None, None)

    monkeypatch.setattr(analyses, "resolver", lambda: _Fake())
    with pytest.raises(AmbiguousInputError) as caught:
        analyses.analyze("Checkout Person")
    assert [c.code for c in caught.value.candidates] == ["41-2011.00"]
    assert "Artillery" not in str(caught.value)


@pytest.mark.parametrize(
    ("figure", "word"),
    [
        ("8%", "an"),
        ("11%", "an"),
        ("18%", "an"),
        ("80%", "an"),
        ("1.8%", "a"),
        ("45%", "a"),
        ("100%", "a"),
        ("18,000", "an"),
        ("1,800", "a"),
        ("$800", "an"),
        ("7%", "a"),
    ],
)
def test_the_article_before_a_figure_follows_how_it_is_read(figure: str, word: str) -> None:
    """QA9: 'while a 18% substitution share' — an 18%, an 8%, a 1.8%."""
    from ai_impact.reports import figures

    assert figures.article(figure) == word


# QA9 #2: related pay that is a SOC group's is marked on every face

FIA, FQA, FM = "13-2051.00", "13-2099.01", "11-3031.00"


def test_related_pay_of_a_shared_soc_group_is_marked_on_every_face(analyses: Analyses) -> None:
    """Financial Quantitative Analysts show OEWS pay of 13-2099 (Financial Specialists, All
    Other); Financial Managers is the 11-3031 group's own line and is not marked."""
    from ai_impact.reports.shared_figures import related_pay_note

    report = analyses.report_for(FIA)
    rows = {e.code: e for e in report.related}
    quant = rows[FQA]
    assert quant.pay_group == "SOC 13-2099 (Financial Specialists, All Other)"
    assert quant.median_annual is not None
    if FM in rows:
        assert rows[FM].pay_group is None
    assert all(
        (e.pay_group is not None) == (e.code in analyses.engine.table.pay_groups)
        for e in report.related
        if e.median_annual is not None
    )
    note = related_pay_note(report.related)
    assert note is not None
    # Two occupations of 11-3031 are listed, maybe the whole group: the note says it holds
    # several, not that it covers others too.
    assert note.startswith("† Pay OEWS publishes for a whole SOC group, which holds several O*NET")
    assert f"SOC 13-2099 (Financial Specialists, All Other) for {quant.title} ({FQA})" in note
    md = render_markdown(report)
    row = next(line for line in md.splitlines() if f"({FQA})" in line and line.startswith("|"))
    assert f"| {fx.money(quant.median_annual)} † |" in row
    assert md.count("† Pay OEWS publishes") == 1
    html = occupation_page(report, Links())
    assert (
        f'{fx.money(quant.median_annual)} <span title="OEWS pay for SOC 13-2099 '
        '(Financial Specialists, All Other) as a whole">†</span>'
    ) in html
    assert f'<p class="small">{note}</p>' in html
    data = report_to_dict(report)
    by_code = {r["code"]: r for r in data["related"]}
    assert by_code[FQA]["pay_group"] == quant.pay_group
    assert {"code", "title", "relation", "similarity", "risk", "risk_category"} <= set(by_code[FQA])
    assert by_code[FQA]["median_annual"] == quant.median_annual  # unchanged keys and values


def test_a_related_row_names_the_projection_group_its_own_outlook_names(
    analyses: Analyses,
) -> None:
    """A related row's ‡ agrees with the occupation's own page: Talent Directors (related to
    Actors) are projected as Producers and Directors on both; unmarked rows are their own."""
    report = analyses.report_for("27-2011.00")
    marked = [e for e in report.related if e.projection_group]
    assert "27-2012.04" in {e.code for e in marked}
    for e in report.related:
        own = analyses.report_for(e.code).outlook
        assert e.projection_group == (own.projection_group if own else None), e.code
        if own is not None:
            assert e.employment_change_pct == own.employment_change_pct, e.code
    groups = analyses.engine.table.projection_groups
    assert all(groups[e.code] == e.projection_group for e in marked)
    assert groups["35-3023.01"] == "SOC 35-3023 (Fast Food and Counter Workers)"
    assert "35-3023.00" not in groups  # the group's own line


def test_a_pasted_description_marks_related_group_pay_too(analyses: Analyses) -> None:
    text = (
        "Build quantitative models to price derivatives\n"
        "Analyze financial data to forecast returns\n"
        "Prepare investment reports for portfolio managers"
    )
    report = describe_report(analyses.engine, text, title="Quant analyst")
    groups = analyses.engine.table.pay_groups
    marked = [e for e in report.related if e.pay_group]
    assert all(e.pay_group == groups[e.code] for e in marked)
    assert all(e.code not in groups for e in report.related if not e.pay_group and e.median_annual)


def test_only_rows_with_group_pay_carry_the_marker(analyses: Analyses) -> None:
    report = analyses.report_for(SD)
    md = render_markdown(report)
    for e in report.related:
        line = next(ln for ln in md.splitlines() if f"({e.code})" in ln and ln.startswith("|"))
        assert ("†" in line) == (e.pay_group is not None), line
    assert ("† Pay OEWS publishes" in md) == any(e.pay_group for e in report.related)


# QA9 #3: a projection of a shared SOC group is named as the group's in the sentence itself


def test_outlook_of_a_shared_soc_group_says_so_in_the_sentence(analyses: Analyses) -> None:
    from ai_impact.reports.consistency import check_report

    report = analyses.report_for("35-3023.01")  # Baristas: projected as Fast Food and Counter
    o = report.outlook
    assert o is not None and o.openings_annual is not None
    sentence = (
        "Employment of Fast Food and Counter Workers (the SOC group BLS projects Baristas under) "
        f"is projected to grow {fx.abs_pct(o.employment_change_pct or 0.0)} over 2024–34, about "
        f"twice the {fx.abs_pct(o.all_occupations_change_pct or 0.0)} BLS projects for all "
        "occupations; about "
        f"{fx.thousands(o.openings_annual)} openings a year across the group come mostly from "
        "people retiring or changing occupation."
    )
    assert o.sentence == sentence
    brief = (
        "Employment of Fast Food and Counter Workers (the SOC group BLS projects Baristas under) "
        f"is projected to grow {fx.abs_pct(o.employment_change_pct or 0.0)} by 2034."
    )
    assert brief in report.overview and sentence not in report.overview
    demand = report.changing.sentences[-1]
    assert demand.startswith(
        "BLS projects employment of Fast Food and Counter Workers (the SOC group it is "
        "projected under) to grow"
    )
    assert check_report(report) == []
    md = render_markdown(report)
    assert md.count(sentence) == 1  # the outlook section; the overview has the brief form
    assert md.count(brief) == 1
    notes = [g.missing_reason for g in report.gaps if g.key == "outlook"]
    assert any(
        n.startswith("BLS projects SOC 35-3023 (Fast Food and Counter Workers) as a whole")
        for n in notes
    )


def test_the_group_s_own_line_and_an_unshared_projection_read_as_before(
    analyses: Analyses,
) -> None:
    for code in ("35-3023.00", RN, SD):  # the group itself; RN's own line; one code, one NEM
        report = analyses.report_for(code)
        assert report.outlook is not None
        assert report.outlook.sentence.startswith("Employment is projected to")
        assert report.outlook.projection_group is None  # nothing for a comparison to mark ‡
        assert "SOC group" not in " ".join(report.changing.sentences)


def test_a_pasted_description_names_the_group_of_its_projection(analyses: Analyses) -> None:
    text = (
        "Prepare espresso drinks and brewed coffee for customers\n"
        "Steam and froth milk for lattes and cappuccinos\n"
        "Take orders and process payments at the counter"
    )
    report = describe_report(analyses.engine, text, title="Barista")
    assert report.header.code == "35-3023.01"
    assert report.outlook is not None
    assert report.outlook.sentence.startswith(
        "Employment of Fast Food and Counter Workers (the SOC group BLS projects Baristas under)"
    )
    assert report.outlook.projection_group == "SOC 35-3023 (Fast Food and Counter Workers)"
    assert report.outlook.sentence not in report.overview  # said once, in the outlook section
    assert any(
        s.startswith("Employment of Fast Food and Counter Workers (the SOC group BLS projects")
        and s.endswith("by 2034.")
        for s in report.overview
    )
    demand = report.changing.sentences[-1]
    assert "Fast Food and Counter Workers (the SOC group it is projected under)" in demand


def test_a_group_without_a_soc_title_in_the_knowledge_base_reads_in_title_case(
    analyses: Analyses,
) -> None:
    """QA: BLS titles 21-1018 and 25-9045 in sentence case ("Teaching assistants, except
    postsecondary"); mid-sentence and in the notes they read as SOC titles do."""
    counsellors = analyses.report_for("21-1011.00")
    group = "Substance Abuse, Behavioral Disorder, and Mental Health Counselors"
    assert counsellors.outlook is not None
    assert counsellors.outlook.projection_group == f"SOC 21-1018 ({group})"
    assert counsellors.outlook.sentence.startswith(f"Employment of {group} (the SOC group BLS")
    notes = [g.missing_reason for g in counsellors.gaps if g.key == "outlook"]
    assert f"BLS projects SOC 21-1018 ({group}) as a whole, which covers other" in notes[0]
    assistants = analyses.report_for("25-9043.00")
    assert assistants.outlook is not None
    assert assistants.outlook.sentence.startswith(
        "Employment of Teaching Assistants, Except Postsecondary (the SOC group BLS projects"
    )
    groups = analyses.engine.table.projection_groups
    assert groups["53-1042.01"] == (
        "SOC 53-1047 (First-Line Supervisors of Transportation and Material Moving Workers, "
        "Except Aircraft Cargo Handling Supervisors)"
    )


def test_a_group_is_named_alike_for_its_pay_and_its_projection(analyses: Analyses) -> None:
    """QA: Customs and Border Protection Officers are paid and projected as Police and
    Sheriff's Patrol Officers: one name, one apostrophe, for both."""
    report = analyses.report_for("33-3051.04")
    assert report.salary is not None and report.outlook is not None
    group = "SOC 33-3051 (Police and Sheriff's Patrol Officers)"
    assert report.salary.pay_group == report.outlook.projection_group == group
    text = " ".join([report.outlook.sentence, *(g.missing_reason for g in report.gaps)])
    assert "’" not in text and "Police and Sheriff's Patrol Officers (the SOC group" in text


def test_soc_title_case() -> None:
    from ai_impact.reports.shared_figures import soc_title_case

    assert soc_title_case("First-line supervisors of retail sales workers") == (
        "First-Line Supervisors of Retail Sales Workers"
    )
    assert soc_title_case("Electrical, electronic, and electromechanical assemblers, except "
                          "coil winders, tapers, and finishers") == (
        "Electrical, Electronic, and Electromechanical Assemblers, Except Coil Winders, Tapers, "
        "and Finishers"
    )  # fmt: skip
    assert soc_title_case("Police and sheriff’s patrol officers") == (
        "Police and Sheriff's Patrol Officers"
    )
    assert soc_title_case("HVAC mechanics and installers") == "HVAC Mechanics and Installers"
    assert soc_title_case("Of the people") == "Of the People"


@pytest.mark.parametrize("change", [6.1, -8.0, 0.3])
def test_group_sentences_name_the_group_whatever_the_direction(change: float) -> None:
    group = "Fast Food and Counter Workers"
    outlook = nv.outlook_sentence("Baristas", change, 904.3, group=group)
    demand = nv.demand_sentence(change, 904.3, group=group)
    assert outlook.startswith(f"Employment of {group} (the SOC group BLS projects Baristas under)")
    assert "904,300 openings a year across the group" in outlook
    assert f"employment of {group} (the SOC group it is projected under)" in demand
    assert nv.outlook_sentence("Baristas", change, 904.3).startswith("Employment is projected")


def test_holders_are_the_largest_shortfalls_in_points_not_the_lowest_values() -> None:
    """QA10: food science technicians were told adoption (7.1% of firms) and AI use held the
    score down most, while β added 0.46 points fewer than at its middle, adoption 0.23."""
    from ai_impact.reports.model import RiskComponent

    def comp(key: str, value: float, weight: float, display: str = "") -> RiskComponent:
        shown = display or f"{value}"
        return RiskComponent(key, key, value, weight, value * weight, shown, "labels", key)

    table = (
        comp("exposure", 0.35, 0.35),
        comp("adoption", 0.24, 0.1),
        comp("usage", 0.27, 0.1),
        comp("demand", 0.6, 0.2),
    )
    text = nv.drivers_sentence(table)
    assert text.endswith("; exposure (0.35) and adoption (0.24) hold the score down most.")
    imputed = (comp("adoption", 0.1, 0.1, "no sector figure; all sectors 8.1%"), *table[:1])
    assert "no sector figure" not in nv.drivers_sentence(imputed)


def test_a_change_that_rounds_to_nothing_has_no_sign_and_moves_no_pay() -> None:
    """QA10: "adjusted by -0.0% a year for the BLS projection", then "Projected employment
    decline weighs on pay" for teacher assistants (-1.5%: 0.04 points a year)."""
    from ai_impact.reports import figures
    from ai_impact.reports.salary import pressure_sentence

    assert figures.signed_pct(-0.04) == "0.0%" and figures.signed_pct(0.0) == "0.0%"
    assert figures.signed_pct(-0.05) == "-0.1%" and figures.signed_pct(3.44) == "+3.4%"
    assert pressure_sentence(-1.5, 0.17).startswith(
        "Projected employment change (-1.5%) is too small to move pay"
    )
    assert pressure_sentence(-10.0, 0.17).startswith("Projected employment decline weighs on pay")


def test_the_pay_projection_states_its_adjustments_in_points() -> None:
    """QA: "adjusted by -0.9% a year for the BLS projection and by one point a year per unit of
    substitution share" mixed a percent with percentage points and read as jargon: both
    adjustments are now signed percentage points, the substitution one in plain words."""
    from ai_impact.reports.salary import project

    method = project(50_000.0, 2025, 2.9, 15.8, (0.40, 0.49, 0.60)).method
    assert (
        "with +0.4 percentage points a year for the BLS employment projection and -0.49 "
        "percentage points a year because AI could do 49% of the work with little human input"
        in method
    ), method
    assert "per unit" not in method and "substitution share" not in method
    flat = project(50_000.0, 2025, 2.9, 0.0, (0.0, 0.0, 0.0)).method
    assert "no change for the BLS employment projection" in flat
    assert "adjusted by 0 points" not in flat
    assert "-0.0" not in flat


@pytest.mark.parametrize(
    ("share", "words"),
    [
        (0.51, "and AI could do 51% of this work with little human input, which tends to hold "
         "pay rises back."),
        (0.20, "while AI could do 20% of this work with little human input, which may hold pay "
         "rises back somewhat."),
        (0.05, "while AI could do only 5% of this work with little human input, too little to "
         "hold pay back."),
    ],
)  # fmt: skip
def test_the_pay_pressure_sentence_is_plain(share: float, words: str) -> None:
    """QA: "a 51% substitution share puts pressure on the tasks that carry the pay" and
    "shifts some pay-carrying work toward AI-assisted output" were jargon; the figure stays."""
    from ai_impact.reports.salary import pressure_sentence

    text = pressure_sentence(8.0, share)
    assert text.endswith(words), text
    for jargon in ("substitution share", "pay-carrying", "carry the pay", "AI-assisted output"):
        assert jargon not in text


def test_demand_raising_a_low_score_reads_as_the_bls_projection(analyses: Analyses) -> None:
    """QA #24: "demand pressure (-3.3% employment by 2034) raises the score most" on crop
    farmworkers read as AI pressure; it is a BLS projection with many causes."""
    from ai_impact.reports.consistency import check_report

    report = analyses.report_for("45-2092.00")
    overview = next(s for s in report.overview if "the score most" in s)
    assert (
        "projected demand (-3.3% employment by 2034, BLS; not only from AI) raises the score most"
        in overview
    )
    assert "demand pressure" not in overview
    assert check_report(report) == []
