"""The activity → capability mapping on the QA examples (hand-handled money and paper, rules,
testimony) and the tie rule: judgment is no catch-all."""

from __future__ import annotations

from ai_impact.db.kb import KnowledgeBase
from ai_impact.scoring.capability import (
    CREATIVE,
    JUDGMENT,
    LEADERSHIP,
    PHYSICAL,
    capability_from_gwas,
)
from ai_impact.scoring.score import score_known_tasks


def test_teller_cash_and_paper_are_physical() -> None:
    # "Count currency, coins, and checks", "Arrange monies ... according to denomination"
    assert capability_from_gwas(["4.A.2.a.2.I04.D03"]) == PHYSICAL  # Prepare cash for deposit
    # "Sort and file deposit slips and checks"
    assert capability_from_gwas(["4.A.4.c.1.I01.D02"]) == PHYSICAL  # File documents or records


def test_cash_register_is_physical() -> None:
    # A hairdresser's "Operate cash registers to receive payments from patrons"
    assert capability_from_gwas(["4.A.4.c.1.I03.D01"]) == PHYSICAL


def test_other_transactions_and_records_stay_judgment() -> None:
    # The DWAs split their IWAs: processing bills stays desk judgment.
    assert capability_from_gwas(["4.A.4.c.1.I03.D06"]) == JUDGMENT  # Process customer bills
    assert capability_from_gwas(["4.A.4.c.1.I01.D01"]) == JUDGMENT


def test_establishing_and_enforcing_rules_is_leadership() -> None:
    # "Establish and enforce rules for behavior ... among the students"
    assert capability_from_gwas(["4.A.2.b.2.I05.D03"]) == LEADERSHIP
    assert capability_from_gwas(["4.A.1.a.2.I06.D05"]) == LEADERSHIP
    # Other creative thinking stays creative.
    assert capability_from_gwas(["4.A.2.b.2.I01.D01"]) == CREATIVE


def test_testifying_is_judgment() -> None:
    # "Testify in court to present evidence or act as witness"
    assert capability_from_gwas(["4.A.4.a.3.I01.D01"]) == JUDGMENT


def test_ties_do_not_go_to_judgment() -> None:
    # One judgment vote against one physical vote: the more specific capability wins.
    assert capability_from_gwas(["4.A.2.b.1", "4.A.3.a.2"]) == PHYSICAL
    assert capability_from_gwas(["4.A.2.b.1", "4.A.4.b.4"]) == LEADERSHIP
    assert capability_from_gwas(["4.A.2.b.1"]) == JUDGMENT


def test_qa_tasks_in_the_knowledge_base(kb: KnowledgeBase) -> None:
    """The QA examples as the occupation pages score them."""
    want = {
        ("43-3071.00", "Count currency, coins, and checks"): PHYSICAL,
        ("43-3071.00", "Sort and file deposit slips"): PHYSICAL,
        ("43-3071.00", "Arrange monies received"): PHYSICAL,
        ("39-5012.00", "Operate cash registers"): PHYSICAL,
        ("25-2021.00", "Establish and enforce rules for behavior"): LEADERSHIP,
        ("33-3051.00", "Testify in court"): JUDGMENT,
    }
    for code in {c for c, _ in want}:
        tasks = kb.tasks_of(code)
        scores = score_known_tasks(tasks, kb.activities_of(code))
        for t, s in zip(tasks, scores, strict=True):
            for (c, start), cap in want.items():
                if c == code and t.text.startswith(start):
                    assert s.capability == cap, (code, t.text, s.capability)
                    assert s.capability_source == "work activities"
