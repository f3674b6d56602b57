"""What a line of a job ad is: a duty, or a requirement, benefit, company, logistics or
reporting line.

The splitter (:mod:`ai_impact.reports.jd_split`) reads a pasted text line by line. This module
holds its two readings, both documented in docs/methodology.md ("Your own job description"):

- :func:`section_of` — a short line that names a section ("What you bring", "Perks &
  benefits:", "ESSENTIAL FUNCTIONS") and the kind of lines under it; a CV's work-history
  heading ("Experience", "Employment History") opens a :data:`HISTORY` section, whose lines
  that open with a past-tense verb ("Planned and scheduled ...") are duties;
- :func:`line_kind` — the shape of one statement wherever it stands: a line led by a section
  label ("Company: Leading MNC", "Experience: 2-5 years"), years of experience, a degree, a
  licence that is required, "proficiency in", "knowledge of", "Freshers need not apply", a
  skill phrase such as "Advanced Excel" or "Excellent written communication", a list of tools
  without a verb, pay and benefits (also an employer offering one: "The City offers CalPERS
  retirement."; Indian pay: "CTC: 8-14 LPA"), a call to apply ("Interested candidates share
  updated CV at ..."), equal-opportunity and company lines (also a line of names without a
  verb that names an employer or department by its kind: "City of Riverside — Finance
  Department", "St. Mary's Regional Medical Center, Springfield, IL"), location and schedule
  lines, the post's reporting line ("Reporting to the CFO."; :func:`reporting_clause` cuts it
  from a sentence that goes on with a duty).

Each pattern is narrow enough to keep duties that share a word with such lines ("Calculate
bonus payments", "Maintain vendor master data", "Apply knowledge of welding to set
machines", "Complete documentation as required"): none of the 17,537 O*NET 30.3 task
statements and none of the 363 hand-written task rewrites of the benchmarks reads as
anything but a duty (tested).
"""

from __future__ import annotations

import re
from typing import Final

from ai_impact.scoring.phrasing import APOS, base_verb, is_task_verb, task_statement

__all__ = [
    "BENEFIT",
    "COMPANY",
    "DUTY",
    "HEADING",
    "HISTORY",
    "KIND_LABELS",
    "LOGISTICS",
    "REPEATED",
    "REPORTING",
    "REQUIREMENT",
    "SIZE",
    "WORD",
    "line_kind",
    "names_an_organisation",
    "opens_with_verb",
    "reporting_clause",
    "section_of",
    "starts_with_verb",
]

DUTY: Final = "duty"
REQUIREMENT: Final = "requirement"
BENEFIT: Final = "benefit"
COMPANY: Final = "company"
LOGISTICS: Final = "logistics"
REPORTING: Final = "reporting"
HEADING: Final = "heading"
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
    SIZE: "too short or too long to read as a task",
    REPEATED: "repeated",
    HEADING: "section headings",
}

_YOU_LL = rf"you(?:{APOS}ll| will)"

# -- section headings ----------------------------------------------------------------------------

_PREFIX = (
    r"(?:(?:key|main|core|primary|essential|principal|general|specific|major|your|the|our|job|"
    r"position|role|minimum|basic|required|preferred|desired|additional|other|bonus|special|"
    r"educational|education|professional|technical|personal|a|an|some)\s+)*"
)
_SECTIONS: tuple[tuple[str, str], ...] = (
    # Strong duty names first: "About the role" is a duty section, not a company one.
    (
        DUTY,
        rf"(?:roles? (?:and|&) )?responsibilit(?:y|ies)|duties|duty|tasks|accountabilities|"
        r"(?:essential )?functions|achievements|accomplishments|(?:career )?highlights|"
        rf"what {_YOU_LL} (?:do|be doing|work on|own)|what {_YOU_LL} be responsible for|"
        r"about the (?:role|job|position|opportunity)|in this role(?: you will)?|"
        r"(?:a )?(?:typical )?day(?:[- ]to[- ]day| in the life)?|"
        r"role|the role|your role|role (?:overview|description|summary)|"
        r"job (?:description|summary|overview)|position (?:summary|overview|description)|"
        r"summary|overview|the job|the opportunity|the position|your impact|scope|activities|"
        r"what the job involves|what the role involves",
    ),
    (
        REQUIREMENT,
        rf"requirements?|qualifications?|skills?|experience|education|knowledge|abilities|"
        r"competenc(?:y|ies)|licen[sc](?:e|es|ure)|certifications?|credentials?|attributes|"
        r"traits|profile|(?:tech(?:nology)? )?stack|tools|technologies|"
        rf"what (?:{_YOU_LL}|you) (?:bring|need|have)|what you bring to the table|"
        rf"what (?:we{APOS}re|we are) looking for|what we need|who you are|about you|"
        rf"you (?:have|bring|are|might also have|may also have)|(?:the )?ideal candidate|"
        r"nice[- ]to[- ]haves?|(?:bonus|extra) points?|must[- ]haves?|"
        r"(?:essential|desirable)(?: (?:criteria|requirements|skills))?|"
        r"(?:person|candidate|job) spec(?:ification)?|(?:candidate|applicant) profile|"
        r"references|referees|languages|interests|hobbies(?: (?:and|&) interests)?|"
        r"personal (?:details|information)|awards|publications|(?:career )?objective|"
        r"physical (?:demands|requirements)|pluses|a plus|preferred|"
        r"(?:knowledge|skills),? (?:skills )?(?:and|&) abilities|ksas?",
    ),
    (
        BENEFIT,
        rf"benefits?|perks?|(?:compensation|pay|salary)(?: (?:range|scale|band|grade|rate))?|"
        r"ctc|remuneration|(?:salary )?package|"
        rf"(?:total )?rewards|what we offer|we offer|"
        rf"what{APOS}s in it for you|why (?:join|work (?:with|for|at)) (?:us|[A-Z][\w&.-]*)|"
        rf"why you{APOS}ll love (?:it here|working here|us)|our offer|pay and benefits",
    ),
    (
        COMPANY,
        r"about (?:us|the company|the team|the organi[sz]ation|"
        r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*)?)|"
        r"who we are|our (?:company|mission|story|values|culture|team)|"
        r"company (?:overview|description|profile)|the company|"
        r"equal (?:employment )?opportunity(?: employer)?|eeo(?: statement)?|"
        r"diversity(?:,? equity)?(?: and inclusion)?|how to apply|to apply|next steps|"
        r"application process|company|employer|organi[sz]ation|hiring (?:company|organi[sz]ation)|"
        r"client",
    ),
    (
        LOGISTICS,
        r"location|schedule|hours|shifts?|working conditions|work environment|travel|"
        r"job type|employment type|job details|details|work setting|notice period|"
        r"work mode|joining|shift timings?",
    ),
    (REPORTING, r"reports to|reporting to|reporting line"),
)
# A CV's work-history headings; a name joined to another ("Experience & Skills") is a job
# ad's requirements heading instead.
_HISTORY = (
    r"experience|(?:work|employment|career|job|professional|relevant|previous|recent) "
    r"(?:history|experience)|"
    r"employment|work record|positions held|previous (?:roles|positions|employment)|"
    r"career (?:summary|to date)"
)
_JOIN = r"\s*(?:,|&|\+|/|and)\s*"
_ANY_SECTION = "|".join(names for _, names in _SECTIONS)
# A section name, optionally joined to others: "Skills & Experience", "Perks and benefits:".
_SECTION_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (HISTORY, re.compile(rf"^{_PREFIX}(?:{_HISTORY})\s*[:?!.]*$", re.IGNORECASE)),
    *(
        (
            kind,
            re.compile(
                rf"^{_PREFIX}(?:{names})(?:{_JOIN}{_PREFIX}(?:{_ANY_SECTION}))*\s*[:?!.]*$",
                re.IGNORECASE,
            ),
        )
        for kind, names in _SECTIONS
    ),
)
_HEADING_WORDS = 8


def section_of(line: str) -> str | None:
    """The kind of section a heading line opens (:data:`DUTY`, :data:`REQUIREMENT`, ...),
    or None when the line is not a known section name."""
    text = line.strip()
    if len(text.split()) > _HEADING_WORDS:
        return None
    for kind, pattern in _SECTION_RES:
        if pattern.match(text):
            return kind
    return None


# -- the shape of one line -----------------------------------------------------------------------

_RE = re.IGNORECASE
# Equal opportunity, accommodation; company blurbs and employers seeking staff; calls to apply.
_COMPANY = re.compile(
    r"equal (?:employment )?opportunity employer|\bEOE\b|without regard to|"
    r"protected (?:veteran|class)|sexual orientation|gender identity|national origin|"
    r"e-?verify|reasonable accommodation|"
    r"^(?:we are|we{A}re|our (?:company|mission|team|client|culture|values)|join (?:us|our)|"
    r"founded in|headquartered)\b|\bapply (?:now|today|online)\b|\bclick (?:here|apply)\b|"
    r"\bvisit (?:our|us)\b|\bwww\.|https?://|^(?:how )?to apply\b|"
    r"\bsend (?:us )?your (?:cv|resum[eé]|cover letter)\b|"
    # "Interested candidates share updated CV at ...", "Email your resume to ..."
    r"^interested (?:candidates|applicants|persons|people)\b|"
    r"\b(?:share|send|e-?mail|mail|forward|submit) (?:us )?(?:your|their|an?|the) "
    r"(?:updated |latest |current |detailed )?(?:cv|resum[eé])s?\b|"
    r"\bupdated (?:cv|resum[eé])s?\b".replace("{A}", APOS),
    _RE,
)
# "Acme Health is a 300-bed hospital ...", "Harper LLP, a law firm in Boston, is seeking an
# experienced paralegal": a name (capitalised words, perhaps with an aside between commas),
# then is/are a ..., or is seeking / looking for / recruiting someone.
_NAMED = re.compile(
    r"^(?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*(?:,[^,]{1,80},)?\s+(?:is|are)\s+"
    r"(?:currently\s+)?(?:a|an|the|one|proud|committed|hiring|seeking|looking for|recruiting|"
    r"searching for)\b"
)
_BENEFIT = re.compile(
    r"\$\s?\d[\d,.]*\s*(?:k\b|-|–|to\b|/\s?(?:hr|hour|year|yr)|per\b|an? (?:hour|year))|"
    r"\bsalary (?:range|of)\b|\bstarting (?:salary|pay)\b|\bper (?:hour|annum)\b|"
    r"\bpay range\b|\bcompensation (?:package|range)\b|\bcompetitive (?:pay|salary|wages?)|"
    r"\b401\s?\(?k\)?|paid time off|\bPTO\b|\bbenefits package\b|"
    r"\btuition reimbursement\b|\bstock options\b|\bsign[- ]on bonus\b|"
    r"\bunlimited (?:PTO|vacation)\b|\bparental leave\b|\bhome[- ]office stipend\b|"
    r"\bshift differentials?\b|"
    # Indian pay: "CTC: 8-14 LPA" (cost to company, lakh per annum)
    r"\bCTC\b|\bLPA\b|\d\s*(?:lakhs?|lacs?)\b",
    _RE,
)
# Benefits by shape, for a line that does not open with a verb ("Health insurance from day
# one", but "Perform clerical duties ... documenting health insurance billings" is a duty).
_BENEFIT_SHAPE = re.compile(
    r"\bhealth(?:care)? insurance\b|\bdental (?:and|&) vision\b|\bemployee discounts?\b|"
    r"\b(?:medical|health)\b[^.]{0,20}\bdental\b[^.]{0,20}\b(?:vision|insurance|coverage|"
    r"benefits|plans?)\b|"
    r"\btuition (?:assistance|reimbursement)\b|"
    r"\bwellness (?:stipend|benefits?)\b|\b(?:retirement|pension) (?:plans?|benefits?|savings)\b|"
    r"\bbonus(?:es)?\b",
    _RE,
)
# The employer offering a benefit: "The City offers CalPERS retirement.", "We provide full
# medical coverage", "Acme Health offers ..." (a subject that names the employer, not a task
# verb; "We provide IT support to 2,000 users" names no benefit and stays a duty).
_OFFERS = re.compile(
    r"^(?:(?i:we)|(?i:the|our)\s+(?:[A-Z][\w&.'’-]*|(?i:company|organi[sz]ation|employer|firm|"
    r"hospital|practice|clinic|district|agency|team))|(?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*)"
    r"\s+(?i:also\s+)?(?i:offers?|provides?)\b"
)
_OFFERED_BENEFIT = re.compile(
    r"\b(?:retirement|pension|insurance|benefits?|leave|vacation|holidays?|PTO|bonus(?:es)?|"
    r"salary|pay|wages?|stipends?|discounts?|reimbursement|coverage|wellness|childcare|"
    r"equity|stock)\b",
    _RE,
)
# An organisation named by its kind, on a line of names without a verb: "City of Riverside —
# Finance Department", "St. Mary's Regional Medical Center, Springfield, IL", "Acme, Inc.".
_ORG_NOUN = (
    r"department|dept|hospital|(?:medical )?cent(?:er|re)|clinic|university|college|school|"
    r"academy|institute|foundation|agency|authority|corporation|corp|company|co|inc|"
    r"incorporated|llc|ltd|plc|gmbh|group|partners|associates|council|bureau|ministry|"
    r"district|county|mills?|plant|factory|refinery|hotel|restaurant|bank|firm|"
    r"laborator(?:y|ies)|labs|studios?|pharmacy"
)
_ORG = re.compile(
    rf"\b(?:{_ORG_NOUN})\b\.?\s*(?:$|[,;|·(—–-])|"
    r"^(?:the )?(?:city|county|state|university|department|bureau|ministry|office|bank|"
    r"district|commonwealth) of\b",
    _RE,
)
_NAME_GLUE = frozenset({"of", "the", "and", "for", "at", "in", "on", "de", "la", "du", "und"})
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|fall|"
    r"winter)"
)
_LOGISTICS = re.compile(
    # a line that is only dates: "October to December 2025.", "Jan–Mar 2026", "Summer 2026"
    rf"^(?:from\s+)?{_MONTH}(?:\s+\d{{4}})?(?:\s*(?:to|until|through|[-–—])\s*{_MONTH})?"
    r"(?:\s+\d{4})?\s*[.!]?$|"
    r"^(?:location|schedule|shift|hours|job type|employment type|department|"
    r"travel|start date|pay|salary|benefits)\s*:|\bfull[- ]time\b|\bpart[- ]time\b|"
    r"^(?:remote|hybrid|on-?site)\b|"
    # a schedule: "Nights, 36 hrs/week", "Days / weekends", "40 hours per week"
    r"^(?:days|nights|evenings|weekends|overnights?)\s*(?:[,/;&]|and\b|$)|"
    r"\b\d+\s*(?:hrs?|hours)\s*(?:/|per\b|a\b)\s*(?:week|wk)\b|"
    r"^(?:start(?:ing)? immediately|immediate start)\b|"
    r"\bnotice period\b|\bimmediate joiners?\b|^(?:work mode|joining|shift timings?)\s*:",
    _RE,
)
# The reporting line of the post, not a duty: "Reporting to the Head of People, the HR Business
# Partner will ...", "Reporting to the CFO." ("Reporting to the board on budget variance", a
# CV's gerund duty, names no one by title and goes on with "on").
_REPORTING_LINE = re.compile(
    # who the post works under, said to the reader: "You will work under the supervision of
    # registered nurses to ..." (an O*NET statement never opens with "you")
    r"^(?i:you(?:[’']ll| will)? (?:work|be working|be) (?:closely )?(?:under|alongside) "
    r"(?:the )?(?:direct )?(?:supervision|direction|guidance|leadership)\b)|"
    r"^(?i:reporting (?:directly )?(?:in)?to (?:the |a |an |our )?)"
    r"(?:[^,]{1,60},\s*(?i:you|the|this|our|we|they|he|she)\b|"
    r"(?:[A-Z][\w&.'’/-]*(?:\s+(?:of|and|&|for)\b)?\s*)+[.;]?$)|"
    # "Reports to: CFO", "Reports to the Finance Director."
    r"^(?i:reports (?:directly )?to)(?:\s*:|\s+(?i:the |a |an |our )?[A-Z][^,]{0,60}$)"
)
# "Reporting to the FP&A Manager, " and "you will " or "the HR Business Partner will ": the
# reporting line, then who does the duty that follows.
_REPORTING_LEAD = re.compile(r"^(?i:reporting (?:directly )?(?:in)?to )[^,]{1,60},\s*")
_WHO_WILL = re.compile(
    rf"^(?i:you|(?:the|this|our) [^,]{{1,40}}?)(?:{APOS}ll|\s+(?i:will|shall))\s+(?=[a-z])"
)
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
    r"\b(?:background (?:check|screen)|drug (?:test|screen))".replace("{A}", APOS),
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
# -ed/-ing forms that open CV duty lines too ("Advanced the rollout", "Working with vendors"):
# skills only when a skill noun or a named tool follows.
_SKILL_PARTICIPLE = r"advanced|proven|demonstrated|working|experienced|skilled|established"
_SKILL_NOUN = (
    r"knowledge|understanding|experience|familiarity|proficiency|ability|abilities|skills?|"
    r"track record|success|expertise|command|grasp|background"
)
_SHAPE = re.compile(
    rf"^(?:a |an )?(?:{_SKILL_ADJECTIVE})\b|"
    rf"^(?:{_SKILL_PARTICIPLE})\s+(?:\w+\s+){{0,2}}?(?:{_SKILL_NOUN})\b|"
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
    rf"^(?i:{_SKILL_PARTICIPLE})\s+(?!The\b|A\b|An\b|Our\b|This\b|Their\b)[A-Z]"
)
# "Bonus: AWS Certified Solutions Architect", "Plus: Spanish": a nice-to-have, unless what
# follows is pay ("Bonus: 10% of base salary").
_NICE_TO_HAVE = re.compile(
    r"^(?:bonus(?: points)?|extra points|plus|nice[- ]to[- ]have|a plus)\s*:\s*\S", _RE
)
_PAY_WORDS = re.compile(r"[$£€%]|\d|\b(?:bonus|salary|pay|annual|quarterly|commission)\b", _RE)
_ITEM_SPLIT = re.compile(r"\s*(?:,|;|/|\||\band\b|\bor\b|&)\s*")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")  # a word of a job-ad line (the splitter too)


def starts_with_verb(statement: str) -> bool:
    """Whether a statement, rewritten into O*NET form, opens with a task verb."""
    first = WORD.match(task_statement(statement))
    return first is not None and is_task_verb(first.group(0))


def opens_with_verb(statement: str) -> bool:
    """A duty's opening: a task verb, unless it is a skill participle such as "Advanced"."""
    first = WORD.match(statement)
    if first and re.fullmatch(_SKILL_PARTICIPLE, first.group(0), re.IGNORECASE):
        return False
    return starts_with_verb(statement)


def _verb_form(word: str) -> bool:
    """Whether ``word`` is a task verb or an inflection of one."""
    return is_task_verb(word) or base_verb(word) is not None


def _has_verb(statement: str) -> bool:
    """Whether any lower-case word of the statement is a task verb or an inflection of one."""
    return any(word[:1].islower() and _verb_form(word) for word in WORD.findall(statement))


def _tool_list(statement: str) -> bool:
    """A list of names without a verb: "Python, Go, PostgreSQL, Kafka", "Excel (VLOOKUPs)"."""
    if _has_verb(statement) or starts_with_verb(statement):
        return False
    items = [i for i in _ITEM_SPLIT.split(re.sub(r"[()]", ",", statement)) if i.strip()]
    named = [i for i in items if i.strip()[:1].isupper() or i.strip()[:1].isdigit()]
    return len(items) >= 3 and len(named) >= 0.6 * len(items)


def _employer_offers(statement: str) -> bool:
    """The employer as the subject of "offers" or "provides" ("We offer ...", "The City
    offers ...") — not a task verb before it ("Review offers from vendors")."""
    first = WORD.match(statement)
    if first is None or _verb_form(first.group(0)):
        return False
    return bool(_OFFERS.search(statement))


def names_an_organisation(statement: str) -> bool:
    """A line of names without a verb that names an employer or department by its kind (its
    bracketed notes aside: "Acme Consumer Brands, Inc. — Chicago, IL (Hybrid, 3 days in
    office)")."""
    statement = re.sub(r"\([^()]*\)", " ", statement)
    words = WORD.findall(statement)
    if len(words) < 2 or not all(w[0].isupper() or w.lower() in _NAME_GLUE for w in words):
        return False
    return bool(_ORG.search(statement)) and not starts_with_verb(statement)


def reporting_clause(statement: str) -> tuple[str, str] | None:
    """The post's reporting line heading a statement, and the duty that follows it (empty when
    none): "Reporting to the FP&A Manager, you will partner with Sales ..." gives "Reporting
    to the FP&A Manager" and "partner with Sales ..."; None when the statement is no
    reporting line."""
    body = statement.strip()
    if not _REPORTING_LINE.search(body):
        return None
    lead = _REPORTING_LEAD.match(body)
    if lead and (who := _WHO_WILL.match(body[lead.end() :])):
        return body[: lead.end()].rstrip(", "), body[lead.end() + who.end() :]
    return body, ""


def line_kind(statement: str, *, in_duties: bool = False) -> str:
    """:data:`DUTY`, or the kind of line a statement is when it is not work done in the job.

    ``in_duties`` says the line stands under a duties heading: only patterns that hold
    wherever they stand apply there (a tool list under "Responsibilities" stays a duty)."""
    body = statement.strip()
    label, colon, rest = body.partition(":")
    labelled = section_of(label) if colon and rest.strip() else None
    if labelled not in (None, DUTY):
        # "Company: Leading MNC", "Experience: 2-5 years" (the splitter reads labels too)
        return REQUIREMENT if labelled == HISTORY else labelled
    if _COMPANY.search(body) or _NAMED.search(body) or names_an_organisation(body):
        return COMPANY
    if _BENEFIT.search(body):
        return BENEFIT
    if _REPORTING_LINE.search(body):
        return REPORTING
    if _LOGISTICS.search(body):
        return LOGISTICS
    if _NICE_TO_HAVE.search(body) and not _PAY_WORDS.search(body.partition(":")[2]):
        return REQUIREMENT
    if _REQUIRED.search(body):
        return REQUIREMENT
    verb_first = opens_with_verb(body)
    if _OFFERED_BENEFIT.search(body) and _employer_offers(body):
        return BENEFIT
    if not verb_first and _BENEFIT_SHAPE.search(body):
        return BENEFIT
    if not verb_first and (_SHAPE.search(body) or _SKILLED_IN.search(body)):
        return REQUIREMENT
    if not in_duties and _tool_list(body):
        return REQUIREMENT
    return DUTY
