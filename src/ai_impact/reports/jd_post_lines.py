"""Lines about the post rather than the work: the employer, pay and benefits, location and
schedule, the post's reporting line.

Equal-opportunity and company lines (also a line of names without a verb that names an
employer or department by its kind: "City of Riverside — Finance Department", "St. Mary's
Regional Medical Center, Springfield, IL"; :func:`names_an_organisation`), a call to apply
("Interested candidates share updated CV at ..."), pay and benefits (also an employer offering
one: "The City offers CalPERS retirement."; Indian pay: "CTC: 8-14 LPA"), location and schedule
lines, the post's reporting line ("Reporting to the CFO."; :func:`reporting_clause` cuts it from
a sentence that goes on with a duty). :func:`~ai_impact.reports.description_lines.line_kind`
asks :func:`post_kind` first and :func:`offered_benefit` once requirements are ruled out.
"""

from __future__ import annotations

import re

from ai_impact.reports.jd_kinds import BENEFIT, COMPANY, LOGISTICS, REPORTING
from ai_impact.reports.jd_words import WORD, starts_with_verb, verb_form
from ai_impact.scoring.phrasing import APOS

__all__ = [
    "names_an_organisation",
    "names_only",
    "offered_benefit",
    "post_kind",
    "reporting_clause",
]

_RE = re.IGNORECASE
# Equal opportunity, accommodation; company blurbs and employers seeking staff; calls to apply.
# Words of an equal-opportunity statement: they name the employer's policy unless a duty opens
# the line ("Led new hire onboarding, including I-9 verification and E-Verify", "Process
# reasonable accommodation requests").
_EEO_WORDS = re.compile(
    r"without regard to|protected (?:veteran|class)|sexual orientation|gender identity|"
    r"national origin|e-?verify|reasonable accommodation",
    _RE,
)
_COMPANY = re.compile(
    r"equal (?:employment )?opportunity employer|\bEOE\b|"
    r"\bcommitted to (?:creating |building |fostering |providing )?(?:a |an )?(?:diverse|"
    r"inclusive)\b|\bcelebrates? diversity\b|"
    r"^apply (?:in person|online|now|today|here|via|through|on our|at our|at www)\b|"
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
    r"^(?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*(?:,[^,]{1,80},)?\s+(?:(?:is|are)\s+"
    r"(?:currently\s+)?(?:a|an|the|one|proud|committed|hiring|seeking|looking for|recruiting|"
    r"searching for)\b|(?:has|have)\s+been\s+\w+ing\b.*\bsince\s+(?:19|20)\d\d\b)"
)
_BENEFIT = re.compile(
    r"\$\s?\d[\d,.]*\s*(?:k\b|-|–|to\b|/\s?(?:hr|hour|year|yr)|per\b|an? (?:hour|year))|"
    r"\bsalary (?:range|of)\b|\bstarting (?:salary|pay)\b|\bper (?:hour|annum)\b|"
    r"\bpay range\b|\bcompensation (?:package|range)\b|\bcompetitive (?:pay|salary|wages?)|"
    r"\b401\s?\(?k\)?|paid time off|\bPTO\b|\bbenefits package\b|"
    r"\btuition reimbursement\b|\bstock options\b|\bsign[- ]on bonus\b|"
    r"\bunlimited (?:PTO|vacation)\b|\bparental leave\b|\bhome[- ]office stipend\b|"
    r"\bshift differentials?\b|"
    # "Paid training", "Paid holidays": paid to the worker (a CV's "Paid invoices" is a duty)
    r"^paid\s+(?:time off|holidays?|vacation|training|sick|parental|family|maternity|"
    r"paternity|leave|lunch(?:es)?|breaks?|certifications?|volunteer)\b|"
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
    r"\bbonus(?:es)?\b|\bcompany (?:van|vehicle|car|truck|phone|laptop)\b|\bgas card\b|"
    r"\ballowance\b|\bstipend\b|\bdiscounted\b",
    _RE,
)
# Pay to the worker even in a line that opens with a verb ("Earn $22/hr", "Receive a sign-on
# bonus"); a duty may name money otherwise ("Manage a content budget of $250K", "Answer
# employee questions about PTO and benefits").
_PAID_TO_YOU = re.compile(
    r"^(?:earn|earns|receive|enjoy|get|gain)\b|\bper (?:hour|annum)\b|/\s?(?:hr|hour)\b|"
    r"\ban hour\b|\bsalary\b|\bsign[- ]on bonus\b|^paid\s",
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
# (A hyphen joining a word is no separator: "Events Co-ordinator", "School-Age Teacher".)
_ORG = re.compile(
    rf"\b(?:{_ORG_NOUN})\b\.?\s*(?:$|[,;|·(—–]|-(?![A-Za-z]))|"
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
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|"
    "NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
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
    r"^(?:1st|2nd|3rd|first|second|third)\s+shift\b|"  # "2nd shift"
    r"\b\d+\s*(?:hrs?|hours)\s*(?:/|per\b|a\b)\s*(?:week|wk)\b|"
    r"^(?:start(?:ing)? immediately|immediate start)\b|"
    r"\bnotice period\b|\bimmediate joiners?\b|^(?:work mode|joining|shift timings?)\s*:|"
    # a posting's particulars: "Closing Date: 11/14/2025", "Job Number: 25-0412"
    r"^(?:(?:closing|posting|opening|filing|final filing|application|start|open) date|"
    r"(?:application )?deadline|apply by|job (?:number|no\.?|id|code|category|grade)|"
    r"requisition (?:number|no\.?|id)|req(?:uisition)? ?#|posting (?:number|id)|"
    r"exam(?:ination)? (?:number|no\.?)|bargaining unit|flsa(?: status)?|division|section|"
    r"recruitment type|positions? available|number of (?:positions|openings|vacancies)|"
    r"work location|reference(?: number| no\.?)?|contract(?: type)?)\s*:|"
    r"\bopen until filled\b|"
    # a place: "Tampa, FL 33611", "Memphis, TN" (a US state's code, as job boards write it)
    rf"^(?-i:[A-Z][A-Za-z.'’ -]{{1,40}},\s*(?:{_US_STATES}))(?:\s+\d{{5}}(?:-\d{{4}})?)?\.?$|"
    # a line that is only an on-call rota: "Take part in after-hours on-call rotation"
    r"^(?:participate|take part|be part|share|rotate|join|be)\b(?:(?!\band\b)[^.;,]){0,40}"
    r"\bon[- ]call\s+(?:rotation|rota|schedule|basis|duty|duties)\s*\.?$",
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


def _employer_offers(statement: str) -> bool:
    """The employer as the subject of "offers" or "provides" ("We offer ...", "The City
    offers ...") — not a task verb before it ("Review offers from vendors")."""
    first = WORD.match(statement)
    if first is None or verb_form(first.group(0)):
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


def names_only(statement: str) -> bool:
    """A line of names with no verb and no sentence end, as a job board heads an ad under its
    title ("Smile Studio Family Dentistry", "Comfort Pro Heating & Air - Denver, CO", "Acme
    Cloud · Remote, US"): every word capitalised or a joining word, two words or more."""
    if statement.rstrip().endswith((".", "!", "?", ":", ";")):
        return False
    words = WORD.findall(re.sub(r"\([^()]*\)", " ", statement))
    if len(words) < 2 or not all(w[0].isupper() or w.lower() in _NAME_GLUE for w in words):
        return False
    # a name may open with a verb's spelling ("Comfort Pro Heating & Air - Denver, CO") when
    # the line is cut into parts as a job board writes it
    return not starts_with_verb(statement) or bool(_NAME_PARTS.search(statement))


_NAME_PARTS = re.compile(rf"\s[-–—·|•]\s|,\s*(?:{_US_STATES})\s*$")


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


def post_kind(body: str, *, verb_first: bool = False) -> str | None:
    """:data:`COMPANY`, :data:`BENEFIT`, :data:`REPORTING` or :data:`LOGISTICS` (tried in that
    order) when the wording of a stripped line says it is about the post, else None. A line
    that opens with a task verb (``verb_first``) is a duty that may name equal-opportunity
    words or money ("Led onboarding, including E-Verify", "Manage a budget of $250K"): only
    pay to the worker makes it a benefit ("Earn $22/hr")."""
    if _COMPANY.search(body) or _NAMED.search(body) or names_an_organisation(body):
        return COMPANY
    if not verb_first and _EEO_WORDS.search(body):
        return COMPANY
    pay = _BENEFIT.search(body)
    if pay and (not verb_first or pay.start() == 0 or _PAID_TO_YOU.search(body)):
        return BENEFIT  # "Shift differentials for nights": the benefit opens the line
    if _REPORTING_LINE.search(body):
        return REPORTING
    if _LOGISTICS.search(body):
        return LOGISTICS
    return None


def offered_benefit(body: str, *, verb_first: bool) -> bool:
    """Whether a stripped line is a benefit by its shape: the employer offering one ("The City
    offers CalPERS retirement.") or, when it does not open with a verb (``verb_first``), a
    benefit named ("Health insurance from day one")."""
    if _OFFERED_BENEFIT.search(body) and _employer_offers(body):
        return True
    return not verb_first and bool(_BENEFIT_SHAPE.search(body))
