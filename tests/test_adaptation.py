"""Section 9, what to learn: technologies the occupation's work calls for, knowledge it rates."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.reports.adaptation import adaptation_items, pairs_with_ai
from ai_impact.reports.consumer_tech import consumer_platform, offered_platform
from ai_impact.reports.service import Analyses
from ai_impact.settings import Settings


@dataclass(frozen=True)
class _Tech:
    example: str
    commodity_code: str
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True)
class _Rating:
    element_id: str
    name: str
    importance: float
    level: float


MEDICAL = ("43232610", "Medical software")


def _names(items: tuple[object, ...], kind: str) -> list[str]:
    return [i.name for i in items if i.kind == kind]  # type: ignore[attr-defined]


def test_a_hot_technology_alone_is_not_the_occupation_s_own() -> None:
    """Hot is one flag for the whole economy: a lone hot product of a kind the occupation does
    not use is left out; in-demand ones (the occupation's own job postings) come first, then hot
    ones of the kind of software the occupation lists most."""
    techs = [
        _Tech("Apache Spark", "43232314", "Business intelligence software", True, False),
        _Tech("Epic Systems", *MEDICAL, True, False),
        _Tech("MEDITECH software", *MEDICAL, True, False),
        _Tech("Cerner", *MEDICAL, False, False),
        _Tech("Microsoft Word", "43232104", "Word processing software", True, False),
        _Tech("Google Docs", "43232104", "Word processing software", True, False),
        _Tech("Microsoft Excel", "43232110", "Spreadsheet software", True, True),
    ]
    items = adaptation_items([], [], techs, {}, [], 4.0, None)
    assert _names(items, "technology") == ["Microsoft Excel", "Epic Systems", "MEDITECH software"]


def test_knowledge_comes_from_the_occupation_s_core_areas_most_important_first() -> None:
    """A low-rated area with a strongly negative correlation no longer outranks the core one."""
    knowledge = [
        _Rating("2.C.4.e", "Psychology", 4.58, 6.08),
        _Rating("2.C.1.e", "Customer and Personal Service", 4.4, 5.48),
        _Rating("2.C.5.a", "Medicine and Dentistry", 4.36, 4.47),
        _Rating("2.C.7.a", "English Language", 4.18, 3.71),
        _Rating("2.C.1.b", "Administrative", 3.55, 3.83),
        _Rating("2.C.5.b", "Therapy and Counseling", 3.43, 3.62),
        _Rating("2.C.8.a", "Public Safety and Security", 3.11, 2.64),
    ]
    corr = {"2.C.4.e": 0.2, "2.C.1.e": 0.17, "2.C.5.a": -0.03, "2.C.7.a": 0.6, "2.C.1.b": 0.46}
    corr |= {"2.C.5.b": 0.07, "2.C.8.a": -0.22}
    items = adaptation_items([], knowledge, [], corr, [], 4.0, None)
    assert _names(items, "knowledge") == ["Medicine and Dentistry"]


def test_a_skill_to_pair_with_ai_needs_exposed_tasks() -> None:
    """A skill to pair with AI is offered only when some task is exposed, and its reason says
    what is measured (rated important here, common in exposed work across occupations), not
    that it is "central to the exposed tasks of this occupation", which nothing measures."""
    skills = [_Rating("2.A.1.a", "Reading Comprehension", 4.0, 4.0)]
    corr = {"2.A.1.a": 0.9}
    paired = adaptation_items(skills, [], [], corr, [], 4.0, None)
    assert _names(paired, "skill to pair with AI") == ["Reading Comprehension"]
    assert paired[0].why.startswith(
        "Rated important in this occupation, and common in work AI reaches across all occupations"
    )
    borrowed = adaptation_items(skills, [], [], corr, [], 4.0, None, "Cooks (the closest rated)")
    assert borrowed[0].why.startswith("Rated important in Cooks (the closest rated), and common")
    none = adaptation_items(skills, [], [], corr, [], 4.0, None, any_exposed=False)
    assert _names(none, "skill to pair with AI") == []


def test_no_skill_to_pair_with_ai_where_exposure_is_very_low() -> None:
    """Below β 0.10 the page says AI reaches little of the work: it no longer advises a
    hairdresser (β 0.05) to do active listening with AI assistants."""
    assert not pairs_with_ai(2, 0.05) and not pairs_with_ai(0, 0.6)
    assert pairs_with_ai(1, 0.10) and pairs_with_ai(15, 0.49)


def test_the_capability_clause_is_said_once() -> None:
    """QA: "the work that stays human here rests mostly on ..." closed every skill's reason."""
    skills = [
        _Rating("2.B.3.a", "Operation and Control", 3.5, 3.5),
        _Rating("2.B.3.b", "Equipment Maintenance", 3.4, 3.4),
        _Rating("2.B.3.c", "Repairing", 3.3, 3.3),
    ]
    corr = {"2.B.3.a": -0.6, "2.B.3.b": -0.5, "2.B.3.c": -0.4}
    items = adaptation_items(skills, [], [], corr, [], 4.0, "physical dexterity and presence")
    built = [i for i in items if i.kind == "skill"]
    assert [i.name for i in built] == [
        "Operation and Control",
        "Equipment Maintenance",
        "Repairing",
    ]
    assert built[0].why.endswith("rests mostly on physical dexterity and presence.")
    assert not any("rests mostly" in i.why for i in built[1:])


def test_pages_of_very_low_exposure_pair_no_skill_with_ai(analyses: Analyses) -> None:
    """Hairdressers (β 0.05) have no skill to pair with AI; word processors (β 0.49) do."""
    hair = analyses.report_for("39-5012.00")
    assert hair.changing.exposure.beta < 0.10
    assert _names(hair.adaptation, "skill to pair with AI") == []
    typists = analyses.report_for("43-9022.00")
    assert _names(typists.adaptation, "skill to pair with AI") == ["Reading Comprehension"]
    assert not any("Central to the exposed tasks" in a.why for a in typists.adaptation)


def test_certifications_name_borrowed_ratings_as_borrowed(analyses: Analyses) -> None:
    """An occupation rated through another says whose ratings a credential builds on, as the
    adaptation strategy does, never "which this occupation rates as important"."""
    other = analyses.report_for("13-1199.00")  # no ratings: the closest rated occupation's
    said = [c.reason for c in other.certifications]
    assert said and not any("which this occupation rates as important" in r for r in said)
    assert any(
        "rated important in Business Continuity Planners (the closest rated)" in r for r in said
    )
    dev = analyses.report_for("15-1252.00")  # ten basic skills only: the most similar in full
    said = [c.reason for c in dev.certifications]
    assert any(
        "rated important in Computer Systems Engineers/Architects (the most similar occupation "
        "rated in full)" in r
        for r in said
    ), said
    own = analyses.report_for("29-1141.00")  # its own ratings: wording unchanged
    assert any("which this occupation rates as important" in c.reason for c in own.certifications)


@pytest.fixture(scope="module")
def analyses(kb: KnowledgeBase, settings: Settings) -> Analyses:
    return Analyses(kb, settings)


@pytest.mark.parametrize(
    ("code", "wrong"),
    [
        ("29-1141.00", {"Apache Spark", "Public Safety and Security"}),  # QA4 #8
        ("23-1011.00", {"Google Analytics"}),
        ("25-2021.00", {"Public Safety and Security"}),
    ],
)
def test_recommendations_a_practitioner_would_reject_are_gone(
    analyses: Analyses, code: str, wrong: set[str]
) -> None:
    """QA4 #8: what to learn for nurses, lawyers and elementary teachers."""
    shown = {a.name for a in analyses.report_for(code).adaptation}
    assert not wrong & shown


def test_nurses_learn_their_clinical_software_and_medicine(analyses: Analyses) -> None:
    """Registered nurses: medical records software and medicine, from their own O*NET data."""
    items = analyses.report_for("29-1141.00").adaptation
    assert "Epic Systems" in _names(items, "technology")
    assert _names(items, "knowledge")[0] == "Medicine and Dentistry"


def test_a_hot_product_must_belong_to_the_kind_of_work() -> None:
    """With the share of the most similar occupations listing each product, a hot product of
    the occupation's long tail is left out and the most widely listed comes first."""
    techs = [
        _Tech("Henry Schein Dentrix", *MEDICAL, True, False),
        _Tech("Epic Systems", *MEDICAL, True, False),
        _Tech("MEDITECH software", *MEDICAL, True, False),
        _Tech("Microsoft Excel", "43232110", "Spreadsheet software", True, True),
    ]
    peers = {"Henry Schein Dentrix": 0.05, "Epic Systems": 0.4, "MEDITECH software": 0.6}
    items = adaptation_items([], [], techs, {}, [], 4.0, None, peers=peers)
    # in demand (its own job postings) first whatever its peers; then by the share
    assert _names(items, "technology") == ["Microsoft Excel", "MEDITECH software", "Epic Systems"]


def test_nurses_are_not_offered_dental_software(analyses: Analyses) -> None:
    """QA: Henry Schein Dentrix, in O*NET's list for registered nurses, was offered to them."""
    nurses = _names(analyses.report_for("29-1141.00").adaptation, "technology")
    assert "Henry Schein Dentrix" not in nurses and "Epic Systems" in nurses
    dentists = _names(analyses.report_for("29-1021.00").adaptation, "technology")
    assert "Henry Schein Dentrix" in dentists


WEB_PAGES = ("43232107", "Web page creation and editing software")
VIDEO_CALLS = ("43233502", "Video conferencing software")


def test_a_consumer_platform_needs_the_activity_it_serves_in_the_tasks() -> None:
    """QA: Facebook (hot, filed by O*NET as web page creation software beside LinkedIn) was
    offered to dancers and sociologists. It is offered only where the occupation's tasks or
    work activities name marketing, advertising, publicity or social media; Zoom only where
    they name video calls, even when job postings ask for it."""
    techs = [
        _Tech("Facebook", *WEB_PAGES, True, False),
        _Tech("LinkedIn", *WEB_PAGES, False, False),
        _Tech("Zoom", *VIDEO_CALLS, True, True),
        _Tech("Adobe Dreamweaver", *WEB_PAGES, True, False),
    ]
    peers = {"Facebook": 0.5, "Adobe Dreamweaver": 0.3}
    dancer = "perform classical, modern, or acrobatic dances.\ncoordinate dancing with music."
    shown = adaptation_items([], [], techs, {}, [], 4.0, None, peers=peers, activities=dancer)
    assert _names(shown, "technology") == ["Adobe Dreamweaver"]
    marketing = "develop marketing strategies for new products.\nconduct video conferences."
    shown = adaptation_items([], [], techs, {}, [], 4.0, None, peers=peers, activities=marketing)
    assert _names(shown, "technology") == ["Zoom", "Facebook", "Adobe Dreamweaver"]


def test_consumer_platforms_are_known_by_kind_or_name() -> None:
    """Browsers, email, video calls and office suites by commodity class; social platforms
    O*NET files with specialist software by name; mail-marketing services are specialist."""
    assert consumer_platform("Facebook", WEB_PAGES[0]) == "social media"
    assert consumer_platform("YouTube", "43232103") == "social media"
    assert consumer_platform("Apple Safari", "43232705") == "web browsing"
    assert consumer_platform("Microsoft Teams", "43231507") == "video calls"
    assert consumer_platform("Adobe Dreamweaver", WEB_PAGES[0]) is None
    assert consumer_platform("MailChimp", "43233501") is None
    # email and office suites serve no activity of their own: never offered
    everything = "marketing campaigns, web sites, video conferencing and e-mail."
    assert not offered_platform("Microsoft Outlook", "43233501", everything)
    assert not offered_platform("Google Workspace software", "43231513", everything)
    assert offered_platform("Apple Safari", "43232705", "design web sites for clients.")
    # working beside advertising is not doing it
    assert not offered_platform("Facebook", WEB_PAGES[0], "ensure it functions as advertised.")


def test_without_a_skill_by_either_correlation_the_least_tied_ones_are_offered() -> None:
    """Customer service representatives: every important skill goes with exposure across all
    occupations and none with less exposure among their own kind (−0.20 or below), but service
    orientation and social perceptiveness are the least tied there (below +0.15). A basic skill
    (monitoring, 2.A) is offered only where no cross-functional one qualifies."""
    skills = [
        _Rating("2.A.1.a", "Reading Comprehension", 3.4, 3.4),
        _Rating("2.A.2.d", "Monitoring", 3.0, 3.0),
        _Rating("2.B.1.f", "Service Orientation", 4.0, 4.0),
        _Rating("2.B.1.a", "Social Perceptiveness", 3.0, 3.0),
        _Rating("2.B.1.e", "Negotiation", 3.0, 3.0),
        _Rating("2.B.3.a", "Operation and Control", 1.0, 1.0),  # not important here
    ]
    knowledge = [
        _Rating("2.C.1.e", "Customer and Personal Service", 4.7, 4.7),
        _Rating("2.C.7.a", "English Language", 3.9, 3.9),
    ]
    corr = {e.element_id: 0.3 for e in [*skills, *knowledge]}
    near = {"2.A.1.a": 0.63, "2.A.2.d": 0.02, "2.B.1.f": 0.04, "2.B.1.a": 0.10}
    near |= {"2.B.1.e": 0.26, "2.B.3.a": -0.40, "2.C.1.e": 0.09, "2.C.7.a": 0.53}
    items = adaptation_items(skills, knowledge, [], corr, [], 7.7, None, near=near)
    assert _names(items, "skill") == ["Service Orientation", "Social Perceptiveness"]
    assert _names(items, "knowledge") == ["Customer and Personal Service"]
    assert "least tied to AI exposure" in items[0].why
    basic_only = adaptation_items(skills[:2], [], [], corr, [], 7.7, None, near=near)
    assert _names(basic_only, "skill") == ["Monitoring"]
    # without the neighbourhood (an occupation not rated in full) nothing is invented
    assert _names(adaptation_items(skills, [], [], corr, [], 7.7, None), "skill") == []


@pytest.mark.parametrize("code", ["43-4051.00", "27-3042.00"])
def test_desk_occupations_without_a_protective_skill_still_get_one(
    analyses: Analyses, code: str
) -> None:
    """QA: customer service representatives and technical writers had no skill to build."""
    built = _names(analyses.report_for(code).adaptation, "skill")
    assert built
    if code == "43-4051.00":
        assert set(built) <= {"Service Orientation", "Social Perceptiveness", "Negotiation"}


@pytest.mark.parametrize(
    ("code", "offered"),
    [
        ("27-2031.00", False),  # dancers
        ("39-5091.00", False),  # makeup artists
        ("19-3041.00", False),  # sociologists
        ("11-2011.00", True),  # advertising and promotions managers
    ],
)
def test_facebook_only_where_the_work_markets(analyses: Analyses, code: str, offered: bool) -> None:
    """QA: Facebook was offered on 22 pages; it stays only where the tasks market or promote."""
    assert ("Facebook" in _names(analyses.report_for(code).adaptation, "technology")) is offered
