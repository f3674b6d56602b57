"""Free texts that are O*NET statements get the published labels; other text the model."""

from __future__ import annotations

from ai_impact.db.models import Task, TaskActivity
from ai_impact.scoring.known import score_tasks

PROOF = "Proofread documents for spelling and grammar errors."
CLIMB = "Climb poles to repair overhead power lines."


class FakeKB:
    """Three labelled tasks (one statement in two occupations) and their activities."""

    def all_tasks(self) -> list[Task]:
        return [
            Task(1, "43-9081.00", PROOF, "Core", "E1", "E1", 3, "id", 0.4),
            Task(2, "27-3041.00", PROOF, "Core", "E1", "E2", 3, "id", None),
            Task(3, "27-9999.00", PROOF, "Core", "E2", "E2", 2, "id", None),
            Task(4, "49-9051.00", CLIMB, "Core", "E0", "E0", 0, "id", None),
            Task(5, "49-9051.00", "An unlabelled task.", "Core", None, None, None, None, None),
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
    assert s.source == "human label"
    assert s.task == typed
    # Two of the three occupations carrying the statement say E1: the majority label wins.
    assert s.exposure == {"E0": 0.0, "E1": 1.0, "E2": 0.0}
    assert s.gpt4_exposure == "E1"
    assert s.aei_share == 0.4
    # The evidence names the label instead of quoting a probability of 1.
    assert s.timeline_reason.startswith("human label E1: an LLM alone does it")


def test_rewritten_job_ad_lines_that_are_statements_count_too() -> None:
    [s] = score_tasks(FakeKB(), ["- Responsible for climbing poles to repair overhead power lines"])
    assert s.source == "human label"
    assert s.exposure["E0"] == 1.0
    assert s.capability == "physical dexterity and presence"
    assert s.capability_source == "work activities"


def test_other_text_goes_through_the_model_in_order() -> None:
    texts = ["Write marketing copy for a new product.", PROOF, "An unlabelled task."]
    out = score_tasks(FakeKB(), texts)
    assert [s.task for s in out] == texts
    assert [s.source for s in out] == ["model", "human label", "model"]
    assert "(P(E" in out[0].timeline_reason
    assert abs(sum(out[0].exposure.values()) - 1) < 1e-3
