"""Free texts that are O*NET statements get the published labels; other text the model."""

from __future__ import annotations

import pytest

from ai_impact.db import KnowledgeBase
from ai_impact.db.models import PublishedLabel, Task, TaskActivity
from ai_impact.errors import InputError
from ai_impact.scoring.known import lookup_keys, score_tasks

PROOF = "Proofread documents for spelling and grammar errors."
CLIMB = "Climb poles to repair overhead power lines."
# The label set's own O*NET 27.2 wording: task 4 reworded since, task 77 dropped from O*NET.
CLIMB_27 = "Climb poles or towers to repair overhead power lines."
DELINQUENT = "Submit delinquent accounts to attorneys or outside agencies for collection."


class FakeKB:
    """Three labelled tasks (one statement in two occupations) and their activities."""

    def all_tasks(self) -> list[Task]:
        return [
            Task(1, "43-9081.00", PROOF, "Core", "E1", "E1", 3, "id", 0.4),
            Task(2, "51-9199.00", PROOF, "Core", "E1", "E2", 3, "id", None),
            Task(3, "27-9999.00", PROOF, "Core", "E2", "E2", 2, "id", None),
            Task(4, "49-9051.00", CLIMB, "Core", "E0", "E0", 0, "id", None),
            Task(5, "49-9051.00", "An unlabelled task.", "Core", None, None, None, None, None),
        ]

    def label_set(self) -> list[PublishedLabel]:
        return [
            PublishedLabel("43-9081.00", 1, PROOF, "E1", "E1", 3),
            PublishedLabel("49-9051.00", 4, CLIMB_27, "E0", "E0", 0),
            PublishedLabel("43-3011.00", 77, DELINQUENT, "E2", "E2", 3),
            PublishedLabel("43-3011.00", 78, "A task without a human label.", None, "E1", 2),
        ]

    def activities_of(self, code: str) -> list[TaskActivity]:
        if code != "49-9051.00":
            return []
        return [TaskActivity(4, code, "4.A.3.a.1.I01", "Climb", "4.A.3.a.1", "Move", "4.A.3.a.1",
                             "Performing General Physical Activities")]  # fmt: skip


def test_statements_use_the_published_label_and_keep_the_users_words() -> None:
    kb = FakeKB()
    typed = "  proofread documents for spelling and grammar errors "
    [s] = score_tasks(kb, [typed])
    assert s.source == "labels"
    assert s.task == typed
    # Two of the three occupations carrying the statement say E1: the majority label wins,
    # and the band spans the third's E2 (β ½) as well.
    assert s.exposure == {"E0": 0.0, "E1": 1.0, "E2": 0.0}
    assert (s.beta, s.beta_low, s.beta_high) == (1.0, 0.5, 1.0)
    assert s.gpt4_exposure == "E1"
    assert s.aei_share == 0.4
    # The evidence names the label instead of quoting a probability of 1.
    assert s.timeline_reason.startswith("human raters: an LLM alone does it")


def test_rewritten_job_ad_lines_that_are_statements_count_too() -> None:
    [s] = score_tasks(FakeKB(), ["- Responsible for climbing poles to repair overhead power lines"])
    assert s.source == "labels"
    assert s.exposure["E0"] == 1.0
    assert s.capability == "physical dexterity and presence"
    assert s.capability_source == "work activities"


def test_other_text_goes_through_the_model_in_order() -> None:
    texts = ["Write marketing copy for a new product.", PROOF, "An unlabelled task."]
    out = score_tasks(FakeKB(), texts)
    assert [s.task for s in out] == texts
    assert [s.source for s in out] == ["model", "labels", "model"]
    assert "(the model: " in out[0].timeline_reason
    assert abs(sum(out[0].exposure.values()) - 1) < 1e-3


def test_case_spacing_and_punctuation_do_not_hide_a_statement() -> None:
    """QA #2: the Oxford comma, the full stop, curly quotes and hyphens are not words."""
    variants = [
        "Proofread documents, for spelling and grammar errors",
        "PROOFREAD   documents for spelling & grammar errors!".replace(" &", " and"),
        "Proofread documents for spelling-and-grammar errors.",
        "\u201cProofread documents for spelling and grammar errors.\u201d",
    ]
    assert [s.source for s in score_tasks(FakeKB(), variants)] == ["labels"] * 4
    assert lookup_keys("Follow-up with clients.")[0] == lookup_keys("follow up with clients")[0]
    assert lookup_keys("Follow-up with clients.")[1] == lookup_keys("followup with clients")[1]


def test_the_label_sets_own_wording_is_found_too() -> None:
    """QA #2: a 27.2 statement O*NET reworded or dropped still has its published label."""
    climb, delinquent, unlabelled = score_tasks(
        FakeKB(), [CLIMB_27, DELINQUENT, "A task without a human label."]
    )
    assert climb.source == "labels" and climb.exposure["E0"] == 1.0
    # the reworded task is still task 4 of O*NET 30.3: its work activities stand
    assert climb.capability_source == "work activities"
    assert (delinquent.source, delinquent.beta, delinquent.automation) == ("labels", 0.5, 3.0)
    assert delinquent.timeline_reason.startswith("human raters: needs software")
    assert unlabelled.source == "model"


def test_an_occupations_own_label_wins_over_the_most_common() -> None:
    """QA #1: with the occupation known, a statement takes the label it has there."""
    kb = FakeKB()
    [own] = score_tasks(kb, [PROOF], occupation="27-9999.00")
    assert own.exposure["E2"] == 1.0
    assert (own.beta_low, own.beta_high) == (0.5, 0.5)  # its own label: no dispute to show
    assert "occupations' labels" not in own.timeline_reason
    [other] = score_tasks(kb, [PROOF], occupation="15-1252.00")  # not one of its tasks
    assert other.exposure["E1"] == 1.0
    assert "(the most common of 3 occupations' labels: E1 in 2, E2 in 1)" in other.timeline_reason


def test_an_empty_text_is_an_input_error_naming_its_place() -> None:
    """QA #3: the position counts every text, not only those the model scores."""
    with pytest.raises(InputError, match="Task text number 3 is empty"):
        score_tasks(FakeKB(), [PROOF, "Write marketing copy.", "  "])


@pytest.mark.slow
def test_every_text_of_the_label_set_gets_its_label(kb: KnowledgeBase) -> None:
    """QA #2, measured: all 17,992 labelled texts of the label set are found (17,433 before:
    559 in O*NET 27.2 wording went to the model); each text with a single label gets it."""
    labels: dict[str, set[str]] = {}
    for row in kb.label_set():
        if row.human_exposure is not None:
            labels.setdefault(row.text, set()).add(row.human_exposure)
    texts = sorted(labels)
    scores = score_tasks(kb, texts)
    assert len(texts) == 17_992
    assert all(s.source == "labels" for s in scores)
    for text, s in zip(texts, scores, strict=True):
        given = max(s.exposure, key=lambda e: s.exposure[e])
        assert given in labels[text] or "occupations' labels" in s.timeline_reason, text


@pytest.mark.slow
def test_real_statements_with_several_labels(kb: KnowledgeBase) -> None:
    """QA #1: "Assign and grade class work and homework." is E0 for elementary school teachers
    and adult basic education instructors, E2 in four other teaching occupations."""
    text = "Assign and grade class work and homework."
    [anywhere] = score_tasks(kb, [text])
    assert anywhere.exposure["E2"] == 1.0
    assert (anywhere.beta_low, anywhere.beta_high) == (0.0, 0.5)
    assert "the most common of 6 occupations' labels: E2 in 4, E0 in 2" in (
        anywhere.timeline_reason
    )
    [elementary] = score_tasks(kb, [text], occupation="25-2021.00")
    assert elementary.exposure["E0"] == 1.0 and elementary.mode == "none"
    oxford = "Analyze, manipulate or process large sets of data using statistical software"
    assert [s.source for s in score_tasks(kb, [oxford, DELINQUENT])] == ["labels", "labels"]
