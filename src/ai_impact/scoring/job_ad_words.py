"""Job-ad words a task model trained on O*NET statements never saw, in O*NET's words.

Steps 5-7 of :mod:`ai_impact.scoring.phrasing` (see its docs): shorthand and acronyms are spelt
out (:func:`spell_out`), job-ad senses of verbs put in O*NET's verb (:func:`job_ad_sense`:
"Train" a model, "Drive" sales, "Own" a plan, "Operate" clusters), filler dropped.
"""

from __future__ import annotations

import re

from ai_impact.scoring.verb_forms import as_written, same_case

__all__ = ["job_ad_sense", "spell_acronyms", "spell_out", "strip_filler"]

# Step 5: finance shorthand (no O*NET 30.3 statement nor label-set task contains any of it).
_SHORTHAND = {
    "a/p": "accounts payable",
    "a/r": "accounts receivable",
    "ap/ar": "accounts payable and receivable",
    "ar/ap": "accounts receivable and payable",
    "g/l": "general ledger",
    "p&l": "profit and loss",
}
_SHORTHAND_RE = re.compile(r"(?<![\w/&])(?:AP/AR|AR/AP|A/P|A/R|G/L|P&L)(?![\w/&])", re.IGNORECASE)
# Office and technology acronyms of job ads, in capitals only (no O*NET 30.3 statement nor
# label-set task uses any of them; "RFPs" and "KPIs" are in O*NET and stay as they are).
_ACRONYMS = {
    "SOP": "standard operating procedure",
    "SLA": "service level agreement",
    "NDA": "nondisclosure agreement",
    "API": "application programming interface",
    "EHR": "electronic health record",
    "EMR": "electronic medical record",
    "RFQ": "request for quotation",
    "RFI": "request for information",
    "CRM": "customer relationship management",
    "ERP": "enterprise resource planning",
    "QA": "quality assurance",
    "QC": "quality control",
    "HR": "human resources",
    "UX": "user experience",
    "UI": "user interface",
    "PPC": "pay-per-click",
    "CI/CD": "continuous integration and deployment",
    "GL": "general ledger",
}
# Shorthand of terse task lists and clinical ads, in lower case or capitalised (no O*NET 30.3
# statement nor label-set task uses any of it): "call drs offices for refills" read as
# hands-on work; "pts", "meds", "w/" are words the model never saw.
_CASUAL = dict(
    pt="patient",
    pts="patients",
    med="medication",
    meds="medications",
    rx="prescription",
    rxs="prescriptions",
    drs="doctors",
    appt="appointment",
    appts="appointments",
    mgmt="management",
    info="information",
    approx="approximately",
) | {"w/": "with", "w/o": "without"}
_CASUAL_RE = re.compile(
    r"(?<![\w/&.-])(?:(?:[Pp]ts?|[Mm]eds?|[Rr]xs?|RX|[Dd]rs|[Aa]ppts?|[Mm]gmt|[Ii]nfo|[Aa]pprox)"
    r"(?![\w/&-])|[Ww]/[Oo]?(?=\s))"
)
# Clinical acronyms of nursing ads and those of British schools, in capitals, spelt out (no
# O*NET statement uses them; "SEND" would read as the verb).
_CLINICAL = dict(
    SEND="special educational needs and disabilities",
    SENCo="special educational needs coordinator",
    SENCO="special educational needs coordinator",
    EHCP="education, health and care plan",
    EHCPs="education, health and care plans",
    PRN="as needed",
    ADL="activities of daily living",
    ADLs="activities of daily living",
    CNA="nursing assistant",
    CNAs="nursing assistants",
    LPN="licensed practical nurse",
    LPNs="licensed practical nurses",
)
_CLINICAL_RE = re.compile(r"(?<![\w/&-])(?:PRN|ADLs?|CNAs?|LPNs?|SEND|SENC[Oo]|EHCPs?)(?![\w/&-])")
_PLUS = re.compile(r"(?<=[A-Za-z])\s+\+\s+(?=[A-Za-z])")  # "creams + suspensions"
_CAPITALS = re.compile(r"[A-Z]{2}")
_PLURAL_OK = frozenset({"SOP", "SLA", "NDA", "API", "EHR", "EMR", "RFQ", "RFI"})
_ACRONYM_RE = re.compile(r"(?<![\w/&-])(CI/CD|[A-Z]{2,3})(s?)(?![\w/&-])(\s+[A-Za-z]+)?")


def _acronym(m: re.Match[str]) -> str:
    word, plural, after = m.group(1), m.group(2), m.group(3) or ""
    full = _ACRONYMS.get(word)
    if full is None or (plural and word not in _PLURAL_OK):
        return m.group(0)
    head, sep, tail = full.partition(" for ")  # requests for quotation
    if plural:
        full = head + "s" + sep + tail if sep else full + "s"
    last = full.rsplit(" ", 1)[-1].rstrip("s").lower()
    if after.strip().lower().rstrip("s") == last:  # "EHR records": no "record records"
        return full.rsplit(" ", 1)[0] + after
    return full + after


# Step 6: job-ad senses of verbs O*NET only uses in another sense (see the module docs). Each
# sense: the opening verb, a lazily matched gap (group 1) and the object that marks the sense.
def _gap(words: int, word: str = r"[\w/%$.-]+") -> str:
    """Group 1: an optional "and <verb>", then up to ``words`` words before the object."""
    return rf"((?:\s+(?:and|or|&)\s+[a-z]+)?\s+(?:{word}\s+){{0,{words}}}?)"


def _sense(verb: str, gap: str, objects: str) -> re.Pattern[str]:
    """An opening ``verb`` (any of its forms), the ``gap`` and one of the ``objects``."""
    return re.compile(rf"^(?:{verb}){gap}(?:{objects})\b", re.IGNORECASE)


_ML_TRAIN = _sense(
    r"train|retrain|re-train|fine[- ]?tun(?:e|es|ed|ing)",
    _gap(4, r"[\w/-]+"),
    r"models?|classifiers?|neural\s+net(?:work)?s?|llms?|transformers?|embeddings?|ml|"
    r"machine\s+learning|deep\s+learning",
)
_DRIVE = r"drive|drives|drove|driving|driven"
# "Drive" a measure up: "increase" it ("Drive customer satisfaction", "Drive traffic to ...").
_DRIVE_MEASURE = _sense(
    _DRIVE,
    _gap(3),
    r"adoption|increases?|growth|sales|revenue|results|engagement|efficiency|"
    r"performance|awareness|traffic\s+to|conversions?|retention|value|outcomes?|demand|"
    r"pipeline|profitability|productivity|quality|compliance|success|impact|momentum|"
    r"visibility|satisfaction|loyalty|leads|sign-?ups|bookings|usage|margins?|savings",
)
# "Drive" a plan, a change or a team: "lead" it ("Drive the product roadmap", "Drive the team").
_DRIVE_PLAN = _sense(
    _DRIVE,
    _gap(3),
    r"improvements?|change|innovation|transformation|initiatives?|strateg(?:y|ies)|"
    r"excellence|alignment|accountability|best\s+practices|culture|collaboration|decisions?|"
    r"priorities|execution|roadmaps?|projects?|programs?|business|consensus|teams?|"
    r"post-?mortems?|retrospectives?|reviews?|workshops?|meetings?|discussions?|planning|"
    r"launch(?:es)?|migrations?|rollouts?",
)
_VEHICLES = re.compile(r"\b(?:trucks?|vehicles?|cars?|buses|vans?|forklifts?|tractors?)\b", re.I)
_PEOPLE = re.compile(
    r"\b(?:staff|employees?|workers?|hires?|users?|students?|teams?|personnel|volunteers?|"
    r"agents?|operators?|colleagues?|members?|people|clients?|customers?|trainees?|"
    r"interns?|apprentices?|crews?|managers?|analysts?|engineers?|nurses?|officers?)\b",
    re.IGNORECASE,
)
# "Craft" opens no O*NET statement; the model knew it from crafts and craft workers and read
# "Craft compelling email copy" as hand work (β 0.58; "Write …" 0.81). Words are written,
# plans developed.
_CRAFT = r"craft|crafts|crafted|crafting"
_CRAFT_WORDS = _sense(
    _CRAFT,
    _gap(3),
    r"copy|copies|content|messages?|messaging|emails?|posts?|stor(?:y|ies)|"
    r"narratives?|proposals?|presentations?|responses?|headlines?|scripts?|blogs?|articles?|"
    r"newsletters?|documentation|descriptions?|pitch(?:es)?|letters?|reports?|prompts?|"
    r"briefs?|speeches|speech|taglines?|slogans?",
)
_CRAFT_PLANS = _sense(
    _CRAFT,
    _gap(3),
    r"strateg(?:y|ies)|plans?|campaigns?|roadmaps?|solutions?|policies|policy|"
    r"approach(?:es)?|programs?|programmes?|frameworks?|offers?|experiences?",
)
_MATERIALS = re.compile(
    r"\b(?:wood|wooden|metal|leather|jewel\w*|furniture|glass|clay|ceramics?|stone|textiles?)\b",
    re.IGNORECASE,
)
# "Build" in O*NET is construction and making (83% of its labelled tasks E0: forms, walls,
# cabinets), and the model read "Build machine learning models" at β 0.11, "Build websites"
# 0.24. Software, data and documents are developed (relationships stay built: O*NET's
# relationship tasks are as often E0 as exposed).
_BUILD_DIGITAL = _sense(
    r"build|builds|built|building",
    _gap(4),
    r"software|apps?|applications?|websites?|"
    r"web\s+(?:sites?|pages?|apps?|applications?|services?)|dashboards?|apis?|"
    r"application\s+programming\s+interfaces?|integrations?|features?|scripts?|chatbots?|bots?|"
    r"automations?|workflows?|spreadsheets?|presentations?|"
    r"strateg(?:y|ies)|roadmaps?|campaigns?|forecasts?|reports?|backends?|back\s+ends?|"
    r"front[- ]?ends?|user\s+interfaces?|microservices?|sdks?|"
    r"(?:machine\s+learning|ml|ai|statistical|predictive|data|financial|pricing|forecasting|"
    r"language|risk|analytical)\s+models?|"
    r"(?:data|etl|elt|ci/cd|continuous\s+integration(?:\s+and\s+deployment)?|deployment|"
    r"sales|talent|hiring)\s+pipelines?|observability|tooling|internal\s+tools|"
    r"(?:unit|automated|integration|end-to-end|regression)\s+tests|test\s+suites?|"
    r"data\s+warehouses?",
)
# "Own" opens no O*NET statement; a job ad's "Own our content strategy", "Own and improve the
# pipelines" is managing it ("own a vehicle" is a requirement and stays).
_OWN = re.compile(
    r"^(?:own|owns|owned|owning)((?:\s+(?:and|or|&)\s+[a-z]+)?\s+)"
    r"(?=(?:the|our|their|all|your|its|end-to-end)\b)",
    re.IGNORECASE,
)
# "Operate" in O*NET is running machines and vehicles (hands-on) or using software ("Operate
# desktop publishing software"); servers, clusters and cloud platforms are managed.
_OPERATE_DIGITAL = _sense(
    r"operate|operates|operated|operating",
    _gap(4),
    r"(?:kubernetes\s+)?clusters?|servers?|cloud\s+(?:infrastructure|platforms?|"
    r"services|environments?)",
)
# Phrasal verbs of job ads: documents are "put together" (prepared), cloud resources "spun up"
# (configured); "refactor" is only said of code; résumés are "screened" (reviewed).
_PUT_TOGETHER = _sense(
    r"(?:put|puts|putting)\s+together",
    _gap(4),
    r"reports?|decks?|presentations?|"
    r"proposals?|budgets?|schedules?|plans?|documents?|documentation|summar(?:y|ies)|"
    r"newsletters?|briefs?|packs?|packets?|slides?|spreadsheets?|analys[ie]s|forecasts?|"
    r"agendas?|materials?|quotes?|bids?|estimates?",
)
_SPIN_UP = _sense(
    r"(?:spin|spins|spun|spinning)\s+up",
    _gap(4),
    r"environments?|servers?|instances?|"
    r"clusters?|containers?|services?|virtual\s+machines?|vms?|databases?|infrastructure",
)
# "Set up" in O*NET is hands-on (80 of its 95 labelled tasks E0: machines, scaffolding, rigs).
# Software and cloud resources are set up by configuring them, meetings by scheduling them.
_SET_UP = r"(?:set|sets|setting)\s+up"
_SET_UP_DIGITAL = _sense(
    _SET_UP,
    _gap(4),
    r"(?:ci/cd|continuous\s+integration(?:\s+and\s+deployment)?|deployment|data|etl|elt|"
    r"build|release)\s+pipelines?|environments?|servers?|instances?|clusters?|containers?|"
    r"virtual\s+machines?|vms?|databases?|repositories|repos?|dashboards?|alerting|alerts|"
    r"monitoring(?!\s+tools)|integrations?|automations?|workflows?|webhooks?|"
    r"(?:user|email|customer)\s+accounts?|permissions|single\s+sign-on|sso|vpns?|"
    r"tracking|analytics|campaigns?|software|apps?|applications?",
)
_SET_UP_MEETINGS = _sense(
    _SET_UP,
    _gap(3),
    r"meetings?|appointments?|interviews?|calls?|demos?|consultations?|"
    r"(?:site\s+)?visits?|conference\s+calls?|video\s+calls?",
)
_REFACTOR = re.compile(r"^(?:refactor|refactors|refactored|refactoring)()\b", re.IGNORECASE)
_SCREEN_PAPERS = _sense(
    r"screen|screens|screened|screening",
    _gap(4),
    r"resumes?|résumés?|cvs?|(?:job\s+)?applications?",
)
# (pattern, guard on the gap or None, O*NET verb for the sense)
_SENSES: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str], ...] = (
    (_ML_TRAIN, _PEOPLE, "develop"),  # "Train staff on the new models" stays
    (_DRIVE_MEASURE, _VEHICLES, "increase"),
    (_DRIVE_PLAN, _VEHICLES, "lead"),
    (_CRAFT_WORDS, _MATERIALS, "write"),
    (_CRAFT_PLANS, _MATERIALS, "develop"),
    (_BUILD_DIGITAL, _MATERIALS, "develop"),
    (_PUT_TOGETHER, None, "prepare"),
    (_SPIN_UP, None, "configure"),
    (_SET_UP_DIGITAL, _MATERIALS, "configure"),
    (_SET_UP_MEETINGS, None, "schedule"),
    (_REFACTOR, None, "modify"),
    (_OWN, None, "manage"),
    (_OPERATE_DIGITAL, _MATERIALS, "manage"),
    (_SCREEN_PAPERS, None, "review"),
)


def job_ad_sense(body: str) -> str:
    """``body`` with a job-ad sense of its opening verb put in O*NET's verb (an O*NET statement
    that reads that way is kept as written)."""
    for pattern, guard, verb in _SENSES:
        found = pattern.match(body)
        if found is not None and (guard is None or not guard.search(found.group(1))):
            if body.rstrip(". ").lower() in as_written():
                return body
            return same_case(verb, body) + body[found.start(1) :]
    return body


# "AP" and "AR" are accounts payable and receivable only before a word of that work ("AP aging",
# "AR collections"); "Teach AP Biology" is Advanced Placement. A period close is "closing" in
# O*NET's words ("month-end close" read as closing something: β 0.11 in a job ad's line).
_LEDGER_SIDE = re.compile(
    r"\b(AP|AR)(?=\s+(?:aging|invoices?|invoicing|processing|payments?|reconciliations?|"
    r"ledgers?|collections?|team|clerks?|specialists?|functions?|records?|balances?|"
    r"accounts?|entries|transactions?|cycles?|inquiries|reports?|vouchers?|accruals?)\b)"
)
_PERIOD_CLOSE = re.compile(
    r"\b((?:month|quarter|year|period)[- ]end)\s+close\b(?!\s+(?:the|of|out|all|any)\b)",
    re.IGNORECASE,
)


def spell_out(body: str) -> str:
    """``body`` with finance shorthand and job-ad acronyms spelt out as O*NET spells them."""
    if "/" in body or "&" in body:
        body = _SHORTHAND_RE.sub(lambda m: _SHORTHAND[m.group(0).lower()], body)
    if "AP" in body or "AR" in body:
        body = _LEDGER_SIDE.sub(
            lambda m: "accounts payable" if m.group(1) == "AP" else "accounts receivable", body
        )
    if "lose" in body:
        body = _PERIOD_CLOSE.sub(r"\1 closing", body)
    body = _CASUAL_RE.sub(lambda m: same_case(_CASUAL[m.group(0).lower()], m.group(0)), body)
    if "+" in body:
        body = _PLUS.sub(" and ", body)
    return spell_acronyms(body)


def spell_acronyms(body: str) -> str:
    """``body`` with the job-ad acronyms of :data:`_ACRONYMS` spelt out."""
    if _CAPITALS.search(body) is None:
        return body  # no two capitals in a row: no acronym
    body = _CLINICAL_RE.sub(lambda m: _CLINICAL[m.group(0)], body)
    return _ACRONYM_RE.sub(_acronym, body)


# Step 7: job-ad filler that says how or where work is done, never what (no O*NET 30.3
# statement nor label-set task contains any of it).
_FILLER_PHRASE = (
    r"in\s+an?\s+(?:(?:very|extremely|highly)\s+)?(?:fast[- ]paced|dynamic|busy|high[- ]volume|"
    r"high[- ]pressure|collaborative|friendly|supportive|agile|team[- ]oriented)"
    r"(?:\s*(?:,|\s+and)\s*[\w-]+)?\s+(?:work\s+|team\s+|office\s+|retail\s+|clinical\s+)?"
    r"(?:environment|setting|workplace|team)|"
    r"(?:with|under)\s+(?:minimal|limited|little|no|minimum)\s+(?:direct\s+)?supervision|"
    r"(?:while\s+)?maintaining\s+an?\s+(?:positive|professional|friendly|can-do)\s+"
    r"(?:attitude|demeanou?r|manner)|"
    r"with\s+an?\s+(?:positive|professional|friendly|can-do)\s+(?:attitude|demeanou?r)|"
    r"(?:other|additional|related)\s+duties\s+as\s+(?:assigned|required|needed|directed)|"
    r"for\s+(?:our|a)\s+(?:fast[- ])?growing\s+(?:team|company|business)|"
    r"with\s+(?:(?:great|strong|excellent|meticulous|keen|close|careful)\s+)?"
    r"attention\s+to\s+detail|"
    r"to\s+the\s+highest\s+(?:possible\s+)?standards?|"
    r"with\s+a\s+(?:high|very\s+high)\s+(?:level|degree)\s+of\s+accuracy|"
    r"in\s+a\s+(?:professional|courteous|friendly)(?:\s+and\s+(?:professional|courteous|"
    r"friendly|timely))?\s+manner|"
    r"with\s+a\s+smile|with\s+enthusiasm"
)
# At the end of a clause, with the comma or "and" before it; or opening the text with a comma.
_FILLER = re.compile(
    rf"(?:\s*,)?\s+(?:(?:and|while|all)\s+)?(?:{_FILLER_PHRASE})(?=\s*(?:[,;.!]|$))",
    re.IGNORECASE,
)
_FILLER_OPENING = re.compile(rf"^(?:{_FILLER_PHRASE})\s*,\s*", re.IGNORECASE)
# A CV line's result, after a comma, with a figure: ", reducing costs by 15%", ", saving $50K
# annually", ", resulting in a 20% increase in sales". It is what the work achieved, not the work.
_RESULT = re.compile(
    r"\s*,\s*(?:(?:and|thereby|which|so)\s+)?"
    r"(?:resulting\s+in|leading\s+to|contributing\s+to|(?:reduc|increas|improv|sav|boost|rais|"
    r"lower|decreas|achiev|deliver|generat|exceed|grow|cutt|shorten|accelerat|doubl|tripl)"
    r"(?:ing|ed|ed\s+by)?|grew|cut)\b"
    r"[^,;]*?(?:\d[\d,.]*\s*(?:%|percent\b|[kKmMbB]\b|x\b|million\b|billion\b)|\$\s*\d)"
    r"[^,;]*$",
    re.IGNORECASE,
)


# Every filler phrase holds one of these words; every result a comma and a figure.
_FILLER_WORDS = frozenset(
    [
        "environment",
        "setting",
        "workplace",
        "team",
        "supervision",
        "attitude",
        "demeanor",
        "demeanour",
        "duties",
        "growing",
        "detail",
        "standard",
        "standards",
        "accuracy",
        "manner",
        "smile",
        "enthusiasm",
    ]
)
_LOWER_WORDS = re.compile(r"[a-z]+")
_FIGURE = re.compile(r"\d")


def strip_filler(body: str) -> str:
    """``body`` without job-ad filler ("in a fast-paced environment", "with minimal
    supervision", "and other duties as assigned") and without a CV line's result (", saving
    $50K a year"); unchanged if fewer than two words would be left."""
    low = body.lower()
    if _FILLER_WORDS.isdisjoint(_LOWER_WORDS.findall(low)) and not (
        "," in low and _FIGURE.search(low)
    ):
        return body  # the common case: no word any filler holds, no figure after a comma
    out = body
    for _ in range(4):  # a tail may end where another one was: "… with minimal supervision in …"
        before = out
        out = _FILLER.sub("", _FILLER_OPENING.sub("", _RESULT.sub("", out))).strip()
        if out == before:
            break
    return out if len(out.split()) >= 2 else body
