"""Military descriptions: duties read as imperative tasks, no restated summary (QA #34)."""

from __future__ import annotations

from ai_impact.db import KnowledgeBase
from ai_impact.risk.build import RISK_VERSION, description_sentences, work_sentences
from ai_impact.risk.duties import as_imperative, covered_by

INFANTRY = (
    "Operate weapons and equipment in ground combat operations. Duties include operating and "
    "maintaining weapons, such as rifles, machine guns, mortars, and hand grenades; locating, "
    "constructing, and camouflaging infantry positions and equipment; evaluating terrain and "
    "recording topographical information; operating and maintaining field communications "
    "equipment; assessing need for and directing supporting fire; placing explosives and "
    "performing minesweeping activities on land; and participating in basic reconnaissance "
    "operations."
)


def test_gerund_duties_become_imperative_statements() -> None:
    assert as_imperative("Operating and maintaining weapons, such as rifles.") == (
        "Operate and maintain weapons, such as rifles."
    )
    assert as_imperative("Locating, constructing, and camouflaging positions.") == (
        "Locate, construct, and camouflage positions."
    )
    assert as_imperative("Recruiting, training, and equipping friendly forces.") == (
        "Recruit, train, and equip friendly forces."
    )
    assert as_imperative("Laying and detonating explosives.") == "Lay and detonate explosives."
    assert as_imperative("Targeting and launching missiles.") == "Target and launch missiles."
    # a later action joined by "and" too, but not a gerund naming a thing
    assert as_imperative("Evaluating terrain and recording information.") == (
        "Evaluate terrain and record information."
    )
    assert as_imperative("Assessing need for and directing supporting fire.") == (
        "Assess need for and direct supporting fire."
    )
    assert as_imperative("Training personnel in carrier takeoff and landing procedures.") == (
        "Train personnel in carrier takeoff and landing procedures."
    )
    assert as_imperative("Planning the design, development, and testing of systems.") == (
        "Plan the design, development, and testing of systems."
    )
    # a list of activities is what the occupation conducts
    assert (
        as_imperative(
            "These activities include offensive raids, demolitions, and counterterrorism."
        )
        == "Conduct offensive raids, demolitions, and counterterrorism."
    )
    # not a gerund duty: unchanged
    for text in ("Operate weapons in combat.", "Supervision of readiness.", "Nothing."):
        assert as_imperative(text) == text


def test_infantry_lists_its_duties_without_the_summary_they_restate() -> None:
    got = work_sentences(INFANTRY)
    assert "Operate weapons and equipment in ground combat operations." not in got
    assert (
        got[0]
        == "Operate and maintain weapons, such as rifles, machine guns, mortars, and hand grenades."
    )
    assert "Evaluate terrain and record topographical information." in got
    assert len(got) == 7
    assert not any(s.split()[0].endswith("ing") for s in got)
    # the job-description matcher's index keeps O*NET's sentences as written
    assert description_sentences(INFANTRY)[0] == (
        "Operate weapons and equipment in ground combat operations."
    )


def test_a_summary_the_duties_do_not_restate_stays() -> None:
    text = (
        "Perform in-flight duties to ensure the completion of rescue missions. Duties include "
        "conducting inspections of onboard equipment; and directing cargo drops."
    )
    assert covered_by(work_sentences(text)[0], work_sentences(text)[1:]) < 0.5
    assert work_sentences(text) == [
        "Perform in-flight duties to ensure the completion of rescue missions.",
        "Conduct inspections of onboard equipment.",
        "Direct cargo drops.",
    ]
    # one duty alone never replaces the summary
    one = "Operate weapons in combat. Duties include operating weapons in combat."
    assert work_sentences(one) == ["Operate weapons in combat.", "Operate weapons in combat."]


def test_no_military_stand_in_task_opens_with_a_gerund(kb: KnowledgeBase) -> None:
    for occ in kb.occupations():
        if occ.code.startswith("55-"):
            for s in work_sentences(occ.description):
                assert not s.split()[0].lower().endswith("ing"), (occ.code, s)
                assert not s.lower().startswith(("these ", "this ", "they ")), (occ.code, s)
    assert RISK_VERSION == "risk-10"
