"""Scoring layer: every task text → exposure, β, automation, mode, timeline, capability.

Public API: :class:`TaskScore`, :func:`score_texts`, :func:`score_known_tasks`,
:func:`score_tasks` (published labels for texts that are O*NET statements, the model else),
:func:`load_model`, and :func:`is_exposed` (the one rule for "at risk" versus "stays human");
the fixed vocabularies are :data:`BUCKETS` and :data:`CAPABILITIES`.
"""

from ai_impact.scoring.capability import CAPABILITIES
from ai_impact.scoring.exposed import is_exposed
from ai_impact.scoring.known import score_tasks
from ai_impact.scoring.model import load_model
from ai_impact.scoring.score import TaskScore, score_known_tasks, score_texts
from ai_impact.scoring.timeline import BUCKETS

__all__ = [
    "BUCKETS",
    "CAPABILITIES",
    "TaskScore",
    "is_exposed",
    "load_model",
    "score_known_tasks",
    "score_tasks",
    "score_texts",
]
