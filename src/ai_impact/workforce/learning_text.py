"""What a role can learn, as the reskilling paths of the Markdown and the page write it.

Skills and knowledge are O*NET's names ("Operations Monitoring"); software is a product or a
language whose name can be a word or a letter ("Apache Kafka", "Chef", "C", "R"). In one comma
list ending a sentence, "…, Apache Kafka, C." reads like a typo, so software is said to be
software. Every name is quoted, skills as software, so that a name holding "and" ("Public
Safety and Security") reads whole and no path quotes some names and not others: "build
“Operations Monitoring” and “Quality Control Analysis”, and learn the software “Apache Kafka”
and “C”". The JSON and CSV keep the bare names.
"""

from __future__ import annotations

from ai_impact.reports import figures as fx
from ai_impact.workforce.results import RoleResult

__all__ = ["learn_text"]


def learn_text(r: RoleResult, *, capital: bool = False) -> str:
    """What ``r`` can learn as a clause: "build “X” and “Y”, and learn the software “A”"
    ("" when nothing); ``capital`` starts it with a capital letter, as a sentence."""
    software = [s for s in r.skills_to_build if s in r.software_to_learn]
    skills = [s for s in r.skills_to_build if s not in r.software_to_learn]
    # Quoted, each name reads whole ("build “Speaking” and “Production and Processing”"),
    # and a path quotes its skills as it quotes its software.
    parts = [f"build {fx.and_list([f'“{s}”' for s in skills])}"] if skills else []
    if software:
        parts.append("learn the software " + fx.and_list([f"“{s}”" for s in software]))
    # "build A and B, and learn …": the comma keeps the two lists apart; one skill needs none.
    text = (", and " if len(skills) > 1 else " and ").join(parts)
    return text[:1].upper() + text[1:] if capital else text
