"""The documented rules of the scoring layer: timelines, capabilities, hashed features."""

from __future__ import annotations

import numpy as np
import pytest

from ai_impact.scoring.capability import (
    CAPABILITIES,
    CREATIVE,
    EMPATHY,
    JUDGMENT,
    LEADERSHIP,
    PHYSICAL,
    capability_from_gwas,
    hands_on,
)
from ai_impact.scoring.exposed import exposed_mask, is_exposed, is_exposed_p
from ai_impact.scoring.features import hashed_occurrences, linear_scores, normalize_text
from ai_impact.scoring.neighbours import neighbour_vote
from ai_impact.scoring.score import TaskScore, _build
from ai_impact.scoring.timeline import BUCKETS, timeline_for


@pytest.mark.parametrize(
    ("p_e1", "p_e2", "automation", "aei", "adoption", "bucket"),
    [
        (0.05, 0.10, 1.0, None, None, "5+ years"),  # β 0.10: stays human
        (0.70, 0.10, 1.5, None, None, "1–2 years"),  # LLM alone
        (0.10, 0.70, 1.5, None, None, "3–5 years"),  # needs tools
        (0.10, 0.70, 3.2, None, None, "1–2 years"),  # tools, but autonomous
        (0.70, 0.10, 3.5, None, None, "1–2 years"),  # forecasts never reach "already"
        (0.70, 0.10, 1.5, 0.20, None, "already happening"),  # strong observed use
        (0.10, 0.70, 1.5, 0.01, None, "1–2 years"),  # some observed use: one step
        (0.10, 0.70, 1.5, None, 30.0, "1–2 years"),  # fast industry: one step earlier
        (0.10, 0.70, 1.5, None, 5.0, "5+ years"),  # slow industry: one step later
        (0.05, 0.10, 1.0, 0.20, None, "already happening"),  # observed use beats the labels
        (0.20, 0.26, 1.5, None, None, "5+ years"),  # β 0.33 but P(E0) 0.54: stays human
        (0.00, 0.52, 1.5, None, None, "3–5 years"),  # P(E0) 0.48: exposed, needs tools
    ],
)
def test_timeline_rule(
    p_e1: float,
    p_e2: float,
    automation: float,
    aei: float | None,
    adoption: float | None,
    bucket: str,
) -> None:
    """Each documented step moves the bucket exactly as docs/methodology.md says."""
    tl = timeline_for(p_e1, p_e2, automation, aei_share=aei, adoption_pct=adoption)
    assert tl.bucket == bucket
    assert tl.bucket in BUCKETS


def test_timeline_reason_names_the_evidence() -> None:
    """The reason string cites the AEI share and the adoption rate that moved the task."""
    tl = timeline_for(0.1, 0.7, 1.0, aei_share=0.012, adoption_pct=30.0)
    assert "0.012% of Anthropic Economic Index conversations" in tl.reason
    assert "needs software built on LLMs" in tl.reason


def test_capability_from_work_activities() -> None:
    """GWAs vote; generic desk activities count half; unknown ids are ignored."""
    assert capability_from_gwas(["4.A.3.a.2", "4.A.3.a.1"]) == PHYSICAL
    assert capability_from_gwas(["4.A.4.a.5"]) == EMPATHY
    assert capability_from_gwas(["4.A.2.b.2", "4.A.3.b.6"]) == CREATIVE  # 1 vs 0.5
    assert capability_from_gwas(["4.A.4.b.4.I01.D02"]) == LEADERSHIP  # DWA id → its GWA
    # Tie: the more specific capability, judgment last (until 1.6 judgment won every tie).
    assert capability_from_gwas(["4.A.2.a.4", "4.A.4.a.5"]) == EMPATHY
    assert capability_from_gwas(["9.Z.9"]) is None
    assert capability_from_gwas([]) is None
    assert len(set(CAPABILITIES)) == 5


def test_two_broad_activities_vote_by_what_is_monitored() -> None:
    """Monitoring finances is judgment, monitoring equipment physical, patients care (IWA ids)."""
    assert capability_from_gwas(["4.A.1.a.2.I03"]) == JUDGMENT  # financial data
    assert capability_from_gwas(["4.A.1.a.2.I11.D04"]) == JUDGMENT  # compliance, by DWA id
    assert capability_from_gwas(["4.A.1.a.2.I01"]) == PHYSICAL  # equipment operation
    assert capability_from_gwas(["4.A.1.a.2.I05"]) == EMPATHY  # health conditions
    assert capability_from_gwas(["4.A.1.b.1.I02"]) == CREATIVE  # business opportunities
    assert capability_from_gwas(["4.A.1.a.2"]) == PHYSICAL  # a bare GWA id: the GWA's vote


def test_what_is_tested_and_whom_one_trains_or_counsels_decide() -> None:
    """Testing software is no physical presence; training workers is leadership, teaching
    students care; counselling and support are care, not stakeholder management."""
    assert capability_from_gwas(["4.A.1.b.2.I08"]) == JUDGMENT  # test computer systems
    assert capability_from_gwas(["4.A.1.b.2.I05"]) == PHYSICAL  # inspect facilities
    assert not hands_on(["4.A.1.b.2.I08.D01"]) and hands_on(["4.A.1.b.2.I05.D01"])
    assert capability_from_gwas(["4.A.4.b.3.I04"]) == LEADERSHIP  # train workers on procedures
    assert capability_from_gwas(["4.A.4.b.3.I02"]) == EMPATHY  # teach academic subjects
    assert capability_from_gwas(["4.A.4.b.6.I10"]) == EMPATHY  # counsel on personal matters
    assert capability_from_gwas(["4.A.4.b.6.I05"]) == LEADERSHIP  # advise on business matters


@pytest.mark.parametrize(
    "iwa",
    [
        "4.A.4.c.3.I01",  # replenish inventories ("Maintain stock and supplies")
        "4.A.4.c.3.I03",  # distribute materials ("Distribute and collect timecards")
        "4.A.4.c.3.I05",  # purchase goods ("Order supplies")
        "4.A.4.c.3.I06",  # prescribe treatments: a clinical decision
    ],
)
def test_supplies_payments_and_office_machines_are_not_leadership_or_dexterity(iwa: str) -> None:
    """Routine clerical and logistics activities vote judgment (task model 1.4); since 1.6
    collecting payments and operating office equipment are hands-on handling (see below)."""
    assert capability_from_gwas([iwa]) == JUDGMENT
    assert capability_from_gwas([iwa + ".D01"]) == JUDGMENT  # by DWA id too
    assert not hands_on([iwa + ".D01"])


@pytest.mark.parametrize(
    "iwa",
    [
        "4.A.4.a.5.I03",  # administer basic treatments ("Administer local anesthetic agents")
        "4.A.4.a.5.I06",  # fit assistive devices
        "4.A.4.a.5.I07",  # emergency treatment (first aid, life support)
        "4.A.4.a.5.I11",  # assist during procedures (position, hold, pass instruments)
        "4.A.4.a.5.I12",  # treat diseases ("Clean calcareous deposits ... from teeth")
    ],
)
def test_hands_on_patient_treatment_is_physical_presence(iwa: str) -> None:
    assert capability_from_gwas([iwa]) == PHYSICAL
    assert hands_on([iwa + ".D01"])


@pytest.mark.parametrize(
    "iwa",
    [
        "4.A.4.c.3.I04",  # collect payments ("Receive, record, and bank cash")
        "4.A.3.a.3.I01",  # operate office equipment ("Operate 10-key calculators")
        "4.A.4.c.1.I05",  # process shipments or mail
        "4.A.1.b.3.I01",  # measure physical characteristics of materials or products
    ],
)
def test_money_paper_and_materials_handled_by_hand_are_physical(iwa: str) -> None:
    """Since 1.6: a task that stays human with these activities is the handling itself."""
    assert capability_from_gwas([iwa]) == PHYSICAL
    assert capability_from_gwas([iwa + ".D01"]) == PHYSICAL


def test_routine_logistics_is_weak_evidence_and_care_stays_care() -> None:
    """Keeping stock beside a hands-on activity does not outvote it; alone, or beside another
    supply activity, it is judgment. Personal care, help to customers and counselling stay care."""
    # Pharmacy technicians: "Restock IV supplies and add measured drugs to IV solutions".
    assert capability_from_gwas(["4.A.3.a.1.I01", "4.A.4.c.3.I01"]) == PHYSICAL
    # Sonographers: "Maintain stock and supplies, preparing supplies ... ordering supplies":
    # two half votes tie the hands-on one, and a tie no longer goes to judgment (1.6).
    assert capability_from_gwas(["4.A.3.a.2.I11", "4.A.4.c.3.I01", "4.A.4.c.3.I05"]) == PHYSICAL
    # Alone, or beside another supply activity, keeping stock is judgment.
    assert capability_from_gwas(["4.A.4.c.3.I01", "4.A.4.c.3.I05"]) == JUDGMENT
    # Greeting visitors still outweighs handing them a badge.
    assert capability_from_gwas(["4.A.4.a.5.I10", "4.A.4.c.3.I03"]) == EMPATHY
    assert capability_from_gwas(["4.A.4.a.5.I09"]) == EMPATHY  # help with daily living
    assert capability_from_gwas(["4.A.4.a.5.I02"]) == EMPATHY  # therapies, psychological too
    assert capability_from_gwas(["4.A.4.c.3"]) == JUDGMENT  # a bare GWA id: the GWA's vote


def test_hashed_features_are_stable_and_batch_independent() -> None:
    """A text's features do not depend on its batch neighbours or on case and spacing."""
    one = hashed_occurrences(["Prepare  Invoices"], 12)
    two = hashed_occurrences(["Drive a truck.", "prepare invoices"], 12)
    mine = np.sort(two.buckets[two.rows == 1])
    assert np.array_equal(np.sort(one.buckets), mine)
    assert normalize_text("  Prepare\tInvoices ") == "prepare invoices"
    # words "prepare", "invoices", bigram, and byte 2..5-grams of " prepare invoices "
    assert (one.block == 0).sum() == 3
    assert (one.block == 1).sum() == sum(18 - n + 1 for n in (2, 3, 4, 5))


def test_linear_scores_match_a_dense_product() -> None:
    """The implicit sparse product equals X @ coef for the documented TF-IDF definition."""
    texts = ["Prepare invoices", "Operate a forklift", "é"]
    occ = hashed_occurrences(texts, 10)
    rng = np.random.default_rng(0)
    idf = rng.uniform(1, 3, 1 << 10)
    coef = rng.normal(size=(1 << 10, 3))
    x = np.zeros((3, 1 << 10))
    for block in (0, 1):
        for r in range(3):
            sel = (occ.rows == r) & (occ.block == block)
            b = occ.buckets[sel]
            np.add.at(x[r], b, idf[b] / np.sqrt((idf[b] ** 2).sum()))
    got = linear_scores(occ, idf, coef, np.zeros(3))
    assert np.allclose(got, x @ coef)


def test_neighbour_vote_follows_the_closest_labelled_task() -> None:
    """A query equal to a labelled task takes its label; a far one gets a flat vote."""
    keys = np.eye(4, dtype=np.float32)[:3]
    labels = np.eye(3, dtype=np.float32)
    near = neighbour_vote(keys[1:2], keys, labels, 20.0)
    assert near.argmax() == 1 and near[0, 1] > 0.99
    far = neighbour_vote(np.eye(4, dtype=np.float32)[3:], keys, labels, 20.0)
    assert np.allclose(far, 1 / 3, atol=1e-3)


def _scored(p: tuple[float, float, float], automation: float = 1.5) -> TaskScore:
    return _build(
        "Comfort grieving family members.",
        p,
        (0.0, 1.0),
        automation,
        source="model",
        capability=("emotional intelligence and care", "model"),
        aei_share=None,
        adoption_pct=None,
    )


def test_exposed_rule_is_p_none_below_half() -> None:
    """P(E0) < 0.5 is exposed, whatever β says; labels map to their class."""
    assert not is_exposed_p(0.5) and is_exposed_p(0.4999)
    assert list(exposed_mask(np.array([0.0, 0.49, 0.5, 0.54, 1.0]))) == [
        True,
        True,
        False,
        False,
        False,
    ]
    grieving = _scored((0.54, 0.20, 0.26))  # β 0.33: the old β ≥ 0.25 rule called it exposed
    assert grieving.beta == pytest.approx(0.33)
    assert not is_exposed(grieving)
    assert grieving.mode == "none" and grieving.timeline == "5+ years"
    assert grieving.capability == "emotional intelligence and care"
    assert "the model: 54% unexposed" in grieving.timeline_reason
    drafting = _scored((0.30, 0.40, 0.30), automation=3.0)
    assert is_exposed(drafting) and drafting.mode == "substitute" and drafting.capability is None
    for label, exposed in (((1.0, 0.0, 0.0), False), ((0.0, 1.0, 0.0), True), ((0, 0, 1), True)):
        assert is_exposed(_scored(label)) is exposed


def test_hands_on_therapy_dwas_vote_physical_within_a_care_iwa() -> None:
    """QA10: "Administer manual exercises, massage, or traction" (DWA 'Treat patients using
    physical therapy techniques') was care, like the psychological therapies of its IWA."""
    assert capability_from_gwas(["4.A.4.a.5.I02.D05"]) == PHYSICAL
    assert capability_from_gwas(["4.A.4.a.5.I02.D04"]) == PHYSICAL
    assert hands_on(["4.A.4.a.5.I02.D03"])
    assert capability_from_gwas(["4.A.4.a.5.I02.D01"]) == EMPATHY  # psychological therapies
    assert not hands_on(["4.A.4.a.5.I02.D01"])
    # the IWA id alone votes as before
    assert capability_from_gwas(["4.A.4.a.5.I02"]) == EMPATHY


def test_emergency_response_is_presence_and_transport_emergencies_judgment() -> None:
    """Task model 1.5: a firefighter's rescue and a guard's alarm call were care; a
    controller's emergency routing is a decision."""
    assert capability_from_gwas(["4.A.4.a.5.I05.D01"]) == PHYSICAL  # rescue people
    assert capability_from_gwas(["4.A.4.a.5.I05.D02"]) == PHYSICAL  # respond to emergencies
    assert capability_from_gwas(["4.A.4.a.5.I05.D03"]) == JUDGMENT  # transportation emergencies
    # "Answer alarms and investigate disturbances": investigating (getting information, half
    # weight) and responding on scene
    assert capability_from_gwas(["4.A.1.a.1.I03.D07", "4.A.4.a.5.I05.D02"]) == PHYSICAL
    assert capability_from_gwas(["4.A.4.a.5.I04"]) == EMPATHY  # the rest of the GWA stays care
