"""Section 9: skills and knowledge that go with less exposure among occupations of one kind."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.reports.adaptation import adaptation_items
from ai_impact.reports.local_skills import (
    LOCAL_CORR,
    LocalEvidence,
    LocalSkills,
    local_arrays,
    move_skill,
)
from ai_impact.reports.service import Analyses
from ai_impact.settings import Settings


@dataclass(frozen=True)
class _Rating:
    element_id: str
    name: str
    importance: float
    level: float = 3.0


def _desk(care: float, reading: float) -> list[_Rating]:
    return [
        _Rating("2.A.1.a", "Reading Comprehension", reading),
        _Rating("2.B.1.a", "Social Perceptiveness", care),
        _Rating("2.C.1.e", "Customer and Personal Service", 3.0),
    ]


def _hands(repair: float) -> list[_Rating]:
    return [
        _Rating("2.A.1.a", "Reading Comprehension", 1.5),
        _Rating("2.B.3.c", "Repairing", repair),
        _Rating("2.C.1.e", "Customer and Personal Service", 1.0),
    ]


@pytest.fixture
def world() -> tuple[list[str], np.ndarray, dict[str, np.ndarray]]:
    """Twelve desk occupations where social perceptiveness goes with less exposure, twelve
    hands-on ones, and one rated only on basic skills (not rated in full)."""
    ratings: list[list[_Rating]] = []
    beta: list[float] = []
    for i in range(12):
        care = 2.0 + i * 0.2
        ratings.append(_desk(care, 4.0))
        beta.append(0.8 - 0.04 * i)  # more care, less exposure
    for i in range(12):
        ratings.append(_hands(3.0 + 0.1 * i))
        beta.append(0.1 + 0.01 * (i % 3))
    ratings.append([_Rating("2.A.1.a", "Reading Comprehension", 4.0)])
    beta.append(0.5)
    codes = [f"11-{i:04d}.00" for i in range(len(ratings))]
    full = [any(r.element_id.startswith("2.C") for r in rows) for rows in ratings]
    b = np.array(beta)
    return codes, b, local_arrays(ratings, full, b, k=11)


def test_less_exposed_occupations_of_the_same_kind_point_to_the_skill(
    world: tuple[list[str], np.ndarray, dict[str, np.ndarray]],
) -> None:
    """Among the desk occupations, more social perceptiveness goes with less exposure: the most
    exposed one gets it as evidence, with similar, less exposed occupations that rate it higher
    as examples; reading comprehension, the same in all of them, is not evidence."""
    codes, beta, arrays = world
    local = LocalSkills(codes, beta, arrays)
    found = local.evidence(codes[0])
    assert set(found) == {"2.B.1.a"}
    assert found["2.B.1.a"].corr <= LOCAL_CORR
    for code in found["2.B.1.a"].examples:
        j = codes.index(code)
        assert beta[j] < beta[0] and j < 12
    assert len(found["2.B.1.a"].examples) == 2


def test_occupations_not_rated_in_full_have_no_neighbourhood(
    world: tuple[list[str], np.ndarray, dict[str, np.ndarray]],
) -> None:
    """Ten basic skills alone would compare occupations on reading and speaking: no evidence,
    and no occupation counts it as a neighbour."""
    codes, beta, arrays = world
    local = LocalSkills(codes, beta, arrays)
    assert local.evidence(codes[-1]) == {}
    assert local.evidence("99-9999.99") == {} and local.evidence(None) == {}
    assert len(codes) - 1 not in set(arrays["local_nb"].ravel().tolist())


def test_neighbourhood_evidence_fills_the_skills_to_build() -> None:
    """A desk occupation whose important skills all go with exposure across occupations gets the
    one its own kind's less exposed occupations rate higher, with the reason and two examples;
    the skill is not also offered as one to pair with AI."""
    skills = [
        _Rating("2.A.1.a", "Reading Comprehension", 3.9),
        _Rating("2.B.1.a", "Social Perceptiveness", 3.1),
    ]
    corr = {"2.A.1.a": 0.73, "2.B.1.a": 0.28}
    evidence = {"2.B.1.a": LocalEvidence(-0.3, ("11-3031.00", "41-3031.00"))}
    titles = {
        "11-3031.00": "Financial Managers",
        "41-3031.00": "Securities, Commodities, and Financial Services Sales Agents",
    }
    before = adaptation_items(skills, [], [], corr, [], 6.0, "judgment under ambiguity")
    assert [i.kind for i in before] == ["skill to pair with AI"]
    after = adaptation_items(
        skills, [], [], corr, [], 6.0, "judgment under ambiguity", local=evidence, titles=titles
    )
    assert [(i.kind, i.name) for i in after] == [
        ("skill", "Social Perceptiveness"),
        ("skill to pair with AI", "Reading Comprehension"),
    ]
    assert after[0].why == (
        "Rated important in this occupation, and among the occupations most like it in skills "
        "and knowledge, the less exposed ones rate it higher (for example Financial Managers; "
        "Securities, Commodities, and Financial Services Sales Agents); the work that stays "
        "human here rests mostly on judgment under ambiguity."
    )
    # a skill both measures would offer is offered once, as one to build
    both = adaptation_items(
        skills, [], [], corr, [], 6.0, None, local={"2.A.1.a": evidence["2.B.1.a"]}
    )
    assert [(i.kind, i.name) for i in both] == [
        ("skill", "Reading Comprehension"),
        ("skill to pair with AI", "Social Perceptiveness"),
    ]


def test_across_occupation_picks_come_first_and_limits_hold() -> None:
    """The neighbourhood only fills: a skill the across-occupation correlation picks keeps its
    place and reason, unimportant elements are never offered, and the limit holds."""
    skills = [
        _Rating("2.B.3.a", "Operation and Control", 3.5),
        _Rating("2.B.1.a", "Social Perceptiveness", 3.2),
        _Rating("2.B.1.b", "Coordination", 3.1),
        _Rating("2.B.1.c", "Persuasion", 3.0),
        _Rating("2.B.1.d", "Negotiation", 2.9),  # below "important"
    ]
    corr = {"2.B.3.a": -0.6, "2.B.1.a": 0.3, "2.B.1.b": 0.2, "2.B.1.c": 0.4, "2.B.1.d": 0.4}
    evidence = {e: LocalEvidence(-0.3 - i / 10, ()) for i, e in enumerate(corr) if e != "2.B.3.a"}
    items = adaptation_items(skills, [], [], corr, [], 3.0, None, local=evidence)
    built = [i for i in items if i.kind == "skill"]
    assert [i.name for i in built] == ["Operation and Control", "Persuasion", "Coordination"]
    assert "strongly associated with less AI exposure" in built[0].why
    assert "(for example" not in built[1].why  # no examples given: none named
    # the long reason is said once; the next one is short
    assert "among the occupations most like it in skills and knowledge" in built[1].why
    assert built[2].why == (
        "Rated important in this occupation, and the less exposed occupations most like it "
        "rate it higher too."
    )


@pytest.fixture(scope="module")
def analyses(kb: KnowledgeBase, settings: Settings) -> Analyses:
    return Analyses(kb, settings)


def test_accountants_have_a_skill_to_build(analyses: Analyses) -> None:
    """Every important skill of accountants goes with exposure across occupations (reading
    comprehension +0.73 …), so the page listed none; among occupations rated like them, the
    less exposed ones rely more on social perceptiveness."""
    report = analyses.report_for("13-2011.00")
    built = [a for a in report.adaptation if a.kind == "skill"]
    assert built, [a.name for a in report.adaptation]
    assert "the less exposed ones rate it higher" in built[0].why
    own = analyses.engine.table.row("13-2011.00").beta
    index = analyses.engine.neighbours
    row = index.similarity[index.index["13-2011.00"]]
    local = analyses.engine.local_skills.evidence("13-2011.00", similarity=row)
    assert built[0].element_id in local
    for code in local[built[0].element_id].examples:
        assert analyses.engine.table.row(code).beta < own
        assert analyses.engine.table.row(code).title in built[0].why


def test_a_safer_move_gives_the_skill_when_neither_correlation_does() -> None:
    """The important skill the first safer move rates furthest above this occupation, at least
    half a point; a move with no such skill is passed over for the next."""
    own = [_Rating("2.A.2.a", "Critical Thinking", 3.9), _Rating("2.B.1.b", "Coordination", 2.6)]
    first = [_Rating("2.A.2.a", "Critical Thinking", 4.1)]  # 0.2 higher: not a gap
    second = [
        _Rating("2.B.1.b", "Coordination", 3.4),
        _Rating("2.B.4.e", "Management of Personnel Resources", 3.5),
        _Rating("2.B.1.e", "Negotiation", 2.8),  # not important there
    ]
    item = move_skill(own, [("Loan Officers", first), ("Financial Examiners", second)], None)
    assert item is not None and item.kind == "skill"
    assert item.name == "Management of Personnel Resources"  # 3.5 above nothing beats 3.4 − 2.6
    assert item.why.startswith(
        "Rated higher in Financial Examiners, a move to lower risk listed below, than in this "
        "occupation"
    )
    assert move_skill(own, [("Loan Officers", first)], None) is None


def test_credit_analysts_learn_what_their_safer_move_asks_for(analyses: Analyses) -> None:
    """No important skill of credit analysts goes with less exposure, even among occupations
    like them: the skill to build is the one the first safer move listed rates much higher."""
    report = analyses.report_for("13-2041.00")
    built = [a for a in report.adaptation if a.kind == "skill"]
    moves = [a for a in report.adaptation if a.kind == "transition"]
    assert len(built) == 1 and moves
    assert built[0].why.startswith("Rated higher in ")
    named = built[0].why.removeprefix("Rated higher in ").split(", a move")[0]
    assert named in [m.name for m in moves]
    kb = analyses.engine.kb
    code = next(m.element_id for m in moves if m.name == named)
    theirs = {e.element_id: e.importance for e in kb.skills(str(code))}
    mine = {e.element_id: e.importance or 0.0 for e in kb.skills("13-2041.00")}
    element = str(built[0].element_id)
    assert (theirs[element] or 0.0) - mine.get(element, 0.0) >= 0.5


def test_example_occupations_are_among_the_most_similar(analyses: Analyses) -> None:
    """QA: police officers' example for psychology was occupational therapy assistants. An
    example is named only among the 5% of occupations most similar by the neighbour index."""
    engine = analyses.engine
    for code in ("33-3051.00", "11-3031.00", "13-2011.00"):
        row = engine.neighbours.similarity[engine.neighbours.index[code]].astype(float)
        cut = float(np.quantile(row, 0.95))
        local = engine.local_skills.evidence(code, similarity=row)
        for evidence in local.values():
            for example in evidence.examples:
                assert row[engine.neighbours.index[example]] >= cut
    police = analyses.report_for("33-3051.00").adaptation
    assert not any("Occupational Therapy Assistants" in a.why for a in police)
