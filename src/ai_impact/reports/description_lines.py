"""What a line of a job ad is: a duty, or a requirement, benefit, company, logistics or
reporting line.

The splitter (:mod:`ai_impact.reports.jd_split`) reads a pasted text line by line. It has two
readings, both documented in docs/methodology.md ("Your own job description"):

- :func:`~ai_impact.reports.jd_sections.section_of` — a short line that names a section ("What
  you bring", "Perks & benefits:", "ESSENTIAL FUNCTIONS") and the kind of lines under it; a
  CV's work-history heading ("Experience", "Employment History") opens a
  :data:`~ai_impact.reports.jd_kinds.HISTORY` section, whose lines that open with a past-tense
  verb ("Planned and scheduled ...") are duties;
- :func:`line_kind` (this module) — the shape of one statement wherever it stands: a line led
  by a section label ("Company: Leading MNC", "Experience: 2-5 years"), years of experience, a
  degree, a licence that is required, "proficiency in", "knowledge of", "Freshers need not
  apply", a skill phrase such as "Advanced Excel" or "Excellent written communication", a list
  of tools without a verb, pay and benefits (also an employer offering one: "The City offers
  CalPERS retirement."; Indian pay: "CTC: 8-14 LPA"), a call to apply ("Interested candidates
  share updated CV at ..."), equal-opportunity and company lines (also a line of names without
  a verb that names an employer or department by its kind: "City of Riverside — Finance
  Department", "St. Mary's Regional Medical Center, Springfield, IL"), location and schedule
  lines, the post's reporting line ("Reporting to the CFO.";
  :func:`~ai_impact.reports.jd_post_lines.reporting_clause` cuts it from a sentence that goes
  on with a duty), contact details (:func:`~ai_impact.reports.jd_person.contact_details`). The
  line is judged without its inline markup ("_team_", "[five](http://x.y)"). The requirement
  patterns live here; those of lines about the post (employer, pay, place, reporting line) in
  :mod:`ai_impact.reports.jd_post_lines`.

Each pattern is narrow enough to keep duties that share a word with such lines ("Calculate
bonus payments", "Maintain vendor master data", "Apply knowledge of welding to set
machines", "Complete documentation as required"): none of the 17,537 O*NET 30.3 task
statements and none of the 363 hand-written task rewrites of the benchmarks reads as
anything but a duty (tested).
"""

from __future__ import annotations

import re

from ai_impact.reports.jd_kinds import BENEFIT, CATCH_ALL, CONTACT, DUTY, HISTORY, REQUIREMENT
from ai_impact.reports.jd_person import contact_details
from ai_impact.reports.jd_post_lines import offered_benefit, post_kind
from ai_impact.reports.jd_prose import without_frame
from ai_impact.reports.jd_sections import section_of
from ai_impact.reports.jd_words import (
    SKILL_PARTICIPLE,
    WORD,
    has_verb,
    opens_with_verb,
    starts_with_verb,
    unmarked,
    verb_form,
)
from ai_impact.scoring.phrasing import APOS, names_the_post

__all__ = ["line_kind", "role_summary"]

_RE = re.IGNORECASE
# Requirements that hold wherever they stand, even under a duties heading.
_REQUIRED = re.compile(
    # years of experience: "3+ years of full-cycle AP experience", "Minimum 1 year of ..."
    r"\b\d+\s*\+?\s*(?:[-–]\s*\d+\s*)?(?:years?|yrs?)(?:{A})?\b.{0,60}\bexperience\b|"
    r"^(?:a )?(?:minimum|min\.?|at least)\b.{0,20}\b(?:years?|yrs?)\b|"
    r"^\d+\s*\+?\s*(?:[-–]\s*\d+\s*)?(?:years?|yrs?)\b|"
    # degrees and diplomas
    r"\bbachelor(?:{A}?s)?\b|\bmaster(?:{A}s|{A}?s degree)\b|\bassociate{A}?s (?:degree|or)\b|"
    r"\b(?:doctoral|doctorate|undergraduate|graduate) degree\b|\bdegree (?:in|required)\b|"
    r"\b(?:BS|BA|BSc|MS|MSc|MBA|MPH|PhD|BSN|MSN|ADN|DNP)\b\s*(?:/|or\b|in\b|degree\b|"
    r",?\s*(?:required|preferred))|\bhigh school (?:diploma|education)\b|"
    r"\bor equivalent (?:practical )?(?:experience|combination|degree)\b|"
    r"\bequivalent (?:practical |work )?experience\b|"
    # the candidate rather than the work
    r"\((?:required|preferred)\)|\b(?:required|preferred):|, preferred\b|"
    r"^(?:must|should) (?:have|be|possess|hold)\b|\bmust (?:have|possess)\b|"
    r"^(?:candidates?|applicants?) (?:must|should|will)\b|"
    r"^(?:you(?:{A}re| are| have| bring| hold| possess)|the ideal candidate)\b|"
    r"\bfreshers?\b|\bneed not apply\b|^(?:references|referees)\b.{0,30}\bavailable\b|"
    r"\b(?:ability|able) to (?:lift|stand|sit|bend|walk|carry|push|pull|"
    r"work (?:nights|weekends|overtime|flexible))\b|\bvalid driver|"
    # screening of the candidate: "Pass drug screen and background check"
    r"\b(?:pass|passing|subject to|undergo|contingent (?:up)?on)\b.*"
    r"\b(?:background (?:check|screen|investigation)|drug (?:test|screen)|(?:DBS|CRB|PVG) "
    r"(?:check|disclosure)|criminal (?:record|background) check|security clearance)"
    r"".replace("{A}", APOS),
    _RE,
)
# Requirements by shape, for a line that does not open with a verb: a skill or knowledge as a
# noun phrase ("Knowledge of", "Advanced Excel", "Strong communication skills"), a licence
# held, "required" or "a plus" at the end.
_SKILL_ADJECTIVE = (
    r"strong|solid|excellent|exceptional|outstanding|superior|good|great|deep|thorough|expert|"
    r"intermediate|basic|sound|firm|in-depth|hands-on|extensive|prior|previous|relevant|"
    r"fluent|familiar|highly|self-\w+|detail-\w+|results-\w+|comfortable|confident"
)
_SKILL_NOUN = (
    r"knowledge|understanding|experience|familiarity|proficiency|ability|abilities|skills?|"
    r"track record|success|expertise|command|grasp|background"
)
_SHAPE = re.compile(
    rf"^(?:a |an )?(?:{_SKILL_ADJECTIVE})\b|"
    rf"^(?:{SKILL_PARTICIPLE})\s+(?:\w+\s+){{0,2}}?(?:{_SKILL_NOUN})\b|"
    rf"^(?:{_SKILL_NOUN}|fluency|comfort|capacity|aptitude|passion|willingness|availability|"
    r"able|mastery)\b|"
    r"^(?:current|valid|active|unrestricted|state)\b.{0,40}\b(?:licen[sc]e|licensure|"
    r"certifi\w+|registration)|\b(?:licen[sc]e|licensure|certifi\w+|registration)s?\b"
    r".{0,40}\b(?:required|preferred|a plus|desirable|essential|mandatory)\b|"
    r"(?<!\bas )(?<!\bif )(?<!\bwhen )(?<!\bwhere )\b(?:required|preferred|desired|a plus|"
    r"nice to have|an asset|a bonus|(?:highly )?desirable|essential|mandatory)\s*[.;)]?\s*$|"
    r"\bproficien(?:t|cy) (?:in|with|using)\b|\bknowledge of\b|\bskills?\s*[.;)]?\s*$|"
    r"\bGED\b",
    _RE,
)
# "Advanced Excel (VLOOKUPs)": a skill participle before a name (case matters here).
_SKILLED_IN = re.compile(
    rf"^(?i:{SKILL_PARTICIPLE})\s+(?!The\b|A\b|An\b|Our\b|This\b|Their\b)[A-Z]"
)
# "Bonus: AWS Certified Solutions Architect", "Plus: Spanish": a nice-to-have, unless what
# follows is pay ("Bonus: 10% of base salary").
_NICE_TO_HAVE = re.compile(
    r"^(?:bonus(?: points)?|extra points|plus|nice[- ]to[- ]have|a plus)\s*:\s*\S", _RE
)
_PAY_WORDS = re.compile(r"[$£€%]|\d|\b(?:bonus|salary|pay|annual|quarterly|commission)\b", _RE)
# A line that names no work: "Performs other related duties as assigned", "Ad hoc projects as
# required", "Any other reasonable duties commensurate with the grade".
_CATCH_ALL = re.compile(
    r"^(?:(?:perform|performs|performing|complete|completes|carry out|carries out|undertake|"
    r"undertakes|assist with|assists with|handle|handles)\s+)?(?:any\s+|all\s+|such\s+)?"
    r"(?:other|additional|ad[- ]hoc|miscellaneous|special)\s+"
    r"(?:(?:related|job[- ]related|reasonable|relevant|similar|appropriate|general)\s+)*"
    r"(?:duties|tasks|projects|assignments|responsibilities)"
    r"(?:\s+(?:and|or|&)\s+(?:duties|tasks|projects|assignments|responsibilities))?"
    r"(?:\s+(?:as|when|that|which|commensurate|consistent|in line)\b[^.;]*)?\s*[.!]?$",
    _RE,
)
_ITEM_SPLIT = re.compile(r"\s*(?:,|;|/|\||\band\b|\bor\b|&)\s*")


def _tool_list(statement: str) -> bool:
    """A list of names without a verb: "Python, Go, PostgreSQL, Kafka", "Excel (VLOOKUPs)"."""
    if has_verb(statement) or starts_with_verb(statement):
        return False
    items = [i for i in _ITEM_SPLIT.split(re.sub(r"[()]", ",", statement)) if i.strip()]
    named = [i for i in items if i.strip()[:1].isupper() or i.strip()[:1].isdigit()]
    return len(items) >= 3 and len(named) >= 0.6 * len(items)


def line_kind(statement: str, *, in_duties: bool = False) -> str:
    """:data:`DUTY`, or the kind of line a statement is when it is not work done in the job.

    ``in_duties`` says the line stands under a duties heading: only patterns that hold
    wherever they stand apply there (a tool list under "Responsibilities" stays a duty)."""
    body = unmarked(statement.strip())  # "Manage the _team_ of [five](http://x.y) analysts"
    label, colon, rest = body.partition(":")
    labelled = section_of(label) if colon and rest.strip() else None
    if labelled not in (None, DUTY):
        # "Company: Leading MNC", "Experience: 2-5 years" (the splitter reads labels too)
        return REQUIREMENT if labelled == HISTORY else labelled
    if contact_details(body):
        return CONTACT  # "jane.doe@example.com | +1 555 0100 | Columbus, OH"
    verb_first = opens_with_verb(body)
    first = WORD.match(body)  # a verb as written: "We participate in E-Verify" is the employer
    written = verb_first and first is not None and verb_form(first.group(0))
    if (post := post_kind(body, verb_first=written)) is not None:
        # the employer, pay and benefits, the reporting line, location and schedule
        return post
    if _CATCH_ALL.search(body):
        return CATCH_ALL
    if _NICE_TO_HAVE.search(body) and not _PAY_WORDS.search(body.partition(":")[2]):
        return REQUIREMENT
    if _REQUIRED.search(body):
        return REQUIREMENT
    if offered_benefit(body, verb_first=verb_first):
        return BENEFIT
    if not verb_first and (_SHAPE.search(body) or _SKILLED_IN.search(body)):
        return REQUIREMENT
    if not in_duties and _tool_list(body):
        return REQUIREMENT
    return DUTY


# Whom the post works with, and nothing more: "You'll work closely with product managers, data
# scientists and infrastructure engineers." (no purpose, object or place: "… to scope work",
# "Work with or remove hazardous material" stay duties).
_WITH_WHOM = re.compile(
    r"^(?:work|partner|collaborate|liaise)\s+(?:(?:closely|directly|together|daily|regularly|"
    r"cross-functionally|hand in hand|side by side)\s+)*(?:alongside|with)\s+(?!and\b|or\b)"
    r"(?P<whom>[^.;:!?]*?)\s*[.!]?$",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\b(?:to|on|in|for|during|across|through|by|when|while|so|throughout|under|at|about|"
    r"regarding|who|that|which|as|from|into|over|of)\b",
    re.IGNORECASE,
)
_PEOPLE_LAST = re.compile(
    r"\b(?:managers|engineers|scientists|designers|analysts|developers|teams?|stakeholders|"
    r"leaders|leadership|colleagues|departments?|staff|partners|clients|customers|physicians|"
    r"nurses|therapists|pharmacists|teachers|executives|vendors|functions|groups|peers|"
    r"researchers|specialists|officers|architects|owners|marketers|recruiters|members)\s*$",
    re.IGNORECASE,
)


def role_summary(sentence: str) -> bool:
    """Whether a prose sentence sums the role up instead of naming a duty: the post named as its
    subject ("The ICU Registered Nurse provides direct patient care to critically ill adults",
    "The Staff Accountant will support the month-end close"), or whom the post works with and
    nothing more ("You'll work closely with product managers, data scientists and
    infrastructure engineers."). A bulleted line is never read so (the splitter asks of prose
    only)."""
    body = unmarked(sentence.strip())
    if names_the_post(body):
        return True
    found = _WITH_WHOM.match(without_frame(body))
    if found is None:
        return False
    whom = found.group("whom")
    return not _PURPOSE.search(whom) and _PEOPLE_LAST.search(whom) is not None
