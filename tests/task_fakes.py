"""Stand-ins for a task and its score, for the task-list tests (only the fields they read)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FakeTask:
    task_id: int
    text: str
    human_exposure: str | None = None
    gpt4_exposure: str | None = None
    aei_share: float | None = None
    task_type: str | None = "Core"
    code: str = "00-0000.00"


@dataclass(frozen=True)
class FakeScore:
    """A labelled task's score: one-hot exposure from ``label``, the mode from automation."""

    label: str
    automation: float = 2.0
    exposure: dict[str, float] = field(default_factory=dict)
    capability: str | None = "judgment under ambiguity"
    capability_source: str | None = None
    source: str = "labels"
    timeline: str = "1–2 years"
    timeline_reason: str = "rule"

    def __post_init__(self) -> None:
        one_hot = {e: 1.0 if e == self.label else 0.0 for e in ("E0", "E1", "E2")}
        object.__setattr__(self, "exposure", one_hot)

    @property
    def beta(self) -> float:
        return {"E0": 0.0, "E1": 1.0, "E2": 0.5}[self.label]

    @property
    def mode(self) -> str:
        if self.label == "E0":
            return "none"
        return "substitute" if self.automation >= 2.5 else "assist"
