"""Section 12: the sources a report cites (with release and licence) and the method notes.

Report source keys are short and stable (``onet``, ``labels``, ``ep`` …); each maps to the
knowledge base's record of the vendored file, so the release shown is the one actually loaded.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ai_impact.reports.model import MethodNote, SourceRef

__all__ = [
    "CORE_TASKS_NOTE",
    "METHOD_NOTES",
    "NOT_JOB_LOSS",
    "REPORT_SOURCES",
    "RISK_IS_NOT_EXPOSURE",
    "method_note",
    "source_refs",
]

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 30.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET® is a trademark of USDOL/ETA."
)
ONET29_ATTRIBUTION = ONET_ATTRIBUTION.replace("30.3", "29.3")

# report key → (knowledge-base source key, display name, attribution)
REPORT_SOURCES: dict[str, tuple[str, str, str | None]] = {
    "onet": ("tasks", "O*NET 30.3 occupations and task statements", ONET_ATTRIBUTION),
    "onet29": ("skills", "O*NET 29.3 skills, knowledge and technology", ONET29_ATTRIBUTION),
    "labels": (
        "labels",
        "GPTs are GPTs task exposure labels (Eloundou, Manning, Mishkin & Rock, Science 2024)",
        "Human and GPT-4 exposure and automation labels, MIT license.",
    ),
    "aei": (
        "aei_tasks",
        "Anthropic Economic Index: AI use by O*NET task",
        "Handa et al. 2025, 'Which Economic Tasks are Performed with AI?', CC BY.",
    ),
    "btos": ("btos", "Census Business Trends and Outlook Survey: AI use by sector", None),
    "ep": ("projections", "BLS Employment Projections 2024–34", None),
    "oews": ("oews_2025", "BLS Occupational Employment and Wage Statistics", None),
    "oews2024": ("oews_2024", "BLS OEWS May 2024 national (previous year)", None),
}

CORE_TASKS_NOTE = "Core tasks (as O*NET marks them) count twice as much as supplemental ones."
RISK_IS_NOT_EXPOSURE = (
    "Risk is not exposure: exposure says how much of the task time AI can speed up; the risk "
    "score also weighs substitution, use today, the industry's adoption and demand."
)
NOT_JOB_LOSS = (
    "Neither is a forecast of job loss: exposed work can become faster, cheaper or different "
    "without the job disappearing."
)
METHOD_NOTES: tuple[str, ...] = (
    RISK_IS_NOT_EXPOSURE,
    NOT_JOB_LOSS,
    CORE_TASKS_NOTE,
    "Published human labels are used where they exist (GPT-4's labels of the same task are a "
    "second opinion that widens the range where they differ); the task model scores the rest.",
    "The range shows how the score moves when each task's exposure is set to the low or high "
    "end of its label uncertainty.",
    "The full method, weights and category cut-offs are on the methodology page.",
)


def source_refs(
    kb_sources: Iterable[Any],
    model_version: str,
    risk_version: str,
    extra: Iterable[SourceRef] = (),
) -> tuple[SourceRef, ...]:
    """Every source a report cites, with the release and licence the knowledge base recorded."""
    by_key = {s.key: s for s in kb_sources}
    out: list[SourceRef] = []
    for key, (kb_key, name, attribution) in REPORT_SOURCES.items():
        info = by_key.get(kb_key)
        release = info.release if info is not None else "release not recorded"
        licence = info.licence if info is not None else "see data/MANIFEST"
        out.append(SourceRef(key, name, release, licence, attribution))
    out.append(
        SourceRef(
            "model",
            "ai-impact task model (for tasks without published labels)",
            model_version,
            "MIT (trained on the GPTs are GPTs labels)",
        )
    )
    out.append(
        SourceRef(
            "ai-impact",
            "ai-impact risk method (docs/methodology.md)",
            risk_version,
            "MIT",
            "Scores, ranges and projections computed by ai-impact from the sources above.",
        )
    )
    out.extend(extra)
    return tuple(out)


def method_note(model_version: str, data_version: str, extra: Iterable[str] = ()) -> MethodNote:
    """The method section: versions and what the numbers mean."""
    return MethodNote(model_version, data_version, (*METHOD_NOTES, *extra))
