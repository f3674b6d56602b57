"""The kinds of line a pasted job description holds, and the record of a line left out.

A line is a :data:`DUTY` (scored) or one of the kinds set aside — requirement, benefit,
company, logistics, reporting line, contact details, heading, too short or long, repeated,
open-ended ("other duties as assigned") —
each named on the page by :data:`KIND_LABELS`. :mod:`ai_impact.reports.description_lines` says
which kind a line is; :mod:`ai_impact.reports.jd_split` keeps each line left out as a
:class:`SetAside`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = [
    "BENEFIT",
    "CATCH_ALL",
    "COMPANY",
    "CONTACT",
    "DUTY",
    "HEADING",
    "HISTORY",
    "KIND_LABELS",
    "LOGISTICS",
    "REPEATED",
    "REPORTING",
    "REQUIREMENT",
    "SIZE",
    "SUMMARY",
    "SetAside",
]

DUTY: Final = "duty"
REQUIREMENT: Final = "requirement"
BENEFIT: Final = "benefit"
COMPANY: Final = "company"
LOGISTICS: Final = "logistics"
REPORTING: Final = "reporting"
# A CV's name line and its e-mail, phone or web address: the page names them, never quotes them.
CONTACT: Final = "contact"
HEADING: Final = "heading"
# A prose sentence that sums the role up rather than naming a duty: the post named as its
# subject ("The ICU Registered Nurse provides direct patient care to …"), or whom it works with
# and nothing more ("You'll work closely with product managers and data scientists.").
SUMMARY: Final = "summary"
# "Other duties as assigned", "Ad hoc projects as required": a line that names no work.
CATCH_ALL: Final = "catch-all"
SIZE: Final = "size"
REPEATED: Final = "repeated"
# A section kind only, never a line's: a CV's work history, whose past-tense lines are duties
# and whose other lines are the roles held (or, in a job ad's "Experience", requirements).
HISTORY: Final = "history"

# How the page names each kind of line left out ("Lines on ... are not scored").
KIND_LABELS: dict[str, str] = {
    REQUIREMENT: "requirements and skills",
    BENEFIT: "pay and benefits",
    COMPANY: "the employer",
    LOGISTICS: "location and schedule",
    REPORTING: "the reporting line",
    CONTACT: "contact details",
    SUMMARY: "the summary of the role",
    SIZE: "too short or too long to read as a task",
    CATCH_ALL: "open-ended (“other duties as assigned”)",
    REPEATED: "repeated",
    HEADING: "section headings",
}


@dataclass(frozen=True, slots=True)
class SetAside:
    """A line (or sentence) of the pasted text that is not scored, and why."""

    text: str
    kind: str  # a kind of ai_impact.reports.jd_kinds: requirement, benefit, ...
