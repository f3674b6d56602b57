"""Rewrite a task as people write it into the form of an O*NET task statement.

The task model learnt from O*NET statements, which open with a base-form verb ("Prepare
monthly reports."). Job ads, CVs and personal task lists say the same thing differently:
"Responsible for preparing monthly reports", "You'll prepare ...", "Prepares ...", "Prepared
...", "I put together ...", "- preparing ...". :func:`task_statement` undoes those habits before
the text reaches the model; the user's own wording is what the analysis shows.

Steps (documented in docs/methodology.md, "Your own job description"):

1. List markers are stripped.
2. Up to three leading frames are removed: adverbials ("In this role,", "Most days"), a
   subject with its auxiliaries ("You will", "I'm", "The successful candidate will be"),
   and duty phrases ("responsible for", "in charge of", "tasked with", "duties include").
3. The opening word, when it is an inflected form (-s, -ing, -ed or a common irregular past) of
   a verb that opens O*NET statements (``data/task_verbs.json``, built from O*NET 30.3 and the
   label set by ``scripts/build_task_verbs.py``), becomes that verb. When the opening was an
   -ing or -ed form, later verbs of the same form joined by "and", "or", a comma or a
   semicolon are put back too ("Preparing reports and presenting findings"), except -ing
   words O*NET statements use often as they are ("training sessions", ``keep_ing``) unless
   an article or possessive follows them ("inspecting and packing the product"). British
   spellings of -ize and -yze verbs, in any form ("Analysed", "organising", "prioritise"),
   become O*NET's ("Analyze", "organize", "prioritize"). A hyphenated word is a verb as O*NET
   writes them ("De-grease", "Tack-weld", "Steam-clean"): when its spelling without the hyphen
   is a task verb ("Co-ordinate", "Proof-read", "Re-stock"), or when its last part is a task
   verb after a prefix or a word that modifies a verb (those of O*NET's own hyphenated openings
   and of job ads: "Pre-screen", "Up-sell", "Cold-call", "Double-check", "Fact-check"), or a
   word shaped like a verb (-ate, -ize, -ise, -ify) after a prefix ("De-escalate"). Its
   inflected forms become its base form as other verbs do ("Cold-called" → "Cold-call"); a
   modifier's compound takes regular forms only ("hand-held" stays as written).
4. The first letter is capitalised and a final full stop added, as in O*NET.
5. Finance shorthand that no O*NET statement uses is spelt out as O*NET spells it ("A/P",
   "A/R", "AP/AR", "G/L", "P&L" → "accounts payable", "accounts receivable", "general ledger",
   "profit and loss"): the model never saw the shorthand, and read "Process A/P and A/R as
   needed" as unexposed, hands-on work. So are office and technology acronyms in capitals that
   no O*NET statement uses ("SOPs", "SLA", "NDAs", "APIs", "EHR", "CRM", "ERP", "QA", "QC",
   "HR", "UX", "UI", "PPC", "CI/CD", "RFQ", "RFI"): "Write SOPs for the lab" read β 0.53, "Write
   standard operating procedures for the lab" 0.87.
6. Two job-ad senses of verbs O*NET uses only in another sense are put in O*NET's words.
   "Train", "retrain" or "fine-tune" opening a statement about machine-learning models
   ("Train and deploy machine learning models", "Fine-tune large language models") becomes
   "Develop", the verb O*NET uses for that work ("Develop machine learning models"): in O*NET
   "Train" always means teaching people (78% of the labelled "Train ..." tasks are E0), a sense
   the model applied to model training (β 0.16). A person named in the object ("Train staff
   on the new models") keeps the verb. "Drive" with a business object becomes "Increase" for a
   measure ("Drive sales growth", "Drive customer satisfaction") and "Lead" for a plan, a
   change or a team ("Drive the product roadmap", "Drive the team to hit targets"): O*NET's
   "Drive" is operating a vehicle, and the model read the business sense as hands-on work
   ("Drive adoption of new CRM features" β 0.14, "Drive sales growth" 0.24).

Nothing else changes: apart from steps 5 and 6 the rewrite never adds words, so a text that already
reads like an O*NET statement passes through unchanged (apart from step 4).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["APOS", "LIST_MARKER", "base_verb", "is_task_verb", "task_statement"]

_VERBS_FILE = Path(__file__).with_name("data") / "task_verbs.json"
# A list marker at the start of a line ("- ", "• ", "3) ", "b. "); the job-description splitter
# (ai_impact.reports.jd_split) reads lines with the same rule.
LIST_MARKER = re.compile(r"^\s*(?:[-–—*•·▪◦‣►>✓✔]+|\(?\d{1,2}[.)]|\(?[a-hA-H][.)](?=\s))\s*")
APOS = "['’]"  # a straight or typographic apostrophe (also for reports)
_ADVERBIAL = re.compile(
    r"^(?:in (?:this|the|my|our) (?:role|position|job)|on a (?:daily|weekly|regular) basis|"
    r"day[- ]to[- ]day|(?:most|some) days|every day|each day|typically|usually|"
    r"generally|regularly|often|mostly|also|additionally|primarily|mainly)\b[,:]?\s+",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    rf"^(?:you|i|we|he|she|they|(?:the|our|this) (?:successful |ideal |new )?"
    r"(?:candidate|applicant|incumbent|employee|individual|hire|person|role|position|"
    rf"jobholder|post ?holder|team member))(?:{APOS}ll|{APOS}m|{APOS}re|{APOS}ve)?\s+",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(
    r"^(?:will|would|shall|must|can|may|should|also|usually|often|mostly|typically|regularly|"
    r"generally|sometimes|then|am|are|is|be|being|get to|have to|need to|help to|"
    r"are expected to|is expected to|be expected to|expected to|required to|"
    r"be asked to|asked to|going to|able to|ability to|will be able to)\s+",
    re.IGNORECASE,
)
_DUTY = re.compile(
    r"^(?:(?:be |being )?(?:(?:fully |directly |solely )?(?:responsible|accountable) for|"
    r"in charge of|tasked with|charged with|involved in|focused on|dedicated to)|"
    r"(?:(?:key |main |core |primary |essential )?(?:duties|tasks|responsibilities) "
    r"(?:include|includes|involve|involves|are)|duties:|tasks:|responsibilities:))\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")  # a hyphenated word is one word
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # control characters read as spaces
_JOINED = re.compile(
    r"(,\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|or|as well as)\s+)([A-Za-z]+(?:-[A-Za-z]+)*)"
    # Group 3 (optional): the word is used as a verb for sure: an article or possessive follows,
    # or the text ends.
    r"(?=(\W*$|\s+(?:the|a|an|all|any|each|every|their|our|its|his|her|your|my|new)\b)?)",
    re.IGNORECASE,
)
# Common irregular past forms of verbs that open O*NET statements (CVs are in the past tense).
_IRREGULAR_PAST = {
    "bought": "buy",
    "brought": "bring",
    "built": "build",
    "caught": "catch",
    "chose": "choose",
    "dealt": "deal",
    "drew": "draw",
    "drove": "drive",
    "dug": "dig",
    "fed": "feed",
    "fought": "fight",
    "found": "find",
    "froze": "freeze",
    "gave": "give",
    "grew": "grow",
    "held": "hold",
    "kept": "keep",
    "laid": "lay",
    "led": "lead",
    "lent": "lend",
    "made": "make",
    "met": "meet",
    "oversaw": "oversee",
    "paid": "pay",
    "ran": "run",
    "rode": "ride",
    "sent": "send",
    "shot": "shoot",
    "sold": "sell",
    "sought": "seek",
    "spent": "spend",
    "spoke": "speak",
    "stood": "stand",
    "struck": "strike",
    "swept": "sweep",
    "taught": "teach",
    "thought": "think",
    "threw": "throw",
    "told": "tell",
    "took": "take",
    "understood": "understand",
    "undertook": "undertake",
    "underwent": "undergo",
    "won": "win",
    "wore": "wear",
    "wrote": "write",
}


def _inflections(verb: str) -> dict[str, str]:
    """Surface forms of a base verb, each with its kind: 's', 'ing' or 'ed'."""
    out: dict[str, str] = {}
    stem_y = verb[:-1] if verb.endswith("y") and verb[-2:-1] not in "aeiou" else None
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        out[verb + "es"] = "s"
    elif stem_y:
        out[stem_y + "ies"] = "s"
    else:
        out[verb + "s"] = "s"
    if verb.endswith("ie"):
        out[verb[:-2] + "ying"] = "ing"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        out[verb[:-1] + "ing"] = "ing"
    else:
        out[verb + "ing"] = "ing"
    out[verb + verb[-1] + "ing"] = "ing"  # plan → planning, submit → submitting
    if verb.endswith("e"):
        out[verb + "d"] = "ed"
    elif stem_y:
        out[stem_y + "ied"] = "ed"
    else:
        out[verb + "ed"] = "ed"
    out[verb + verb[-1] + "ed"] = "ed"
    if verb.endswith("c"):
        out[verb + "king"] = "ing"  # traffic → trafficking
        out[verb + "ked"] = "ed"
    return out


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads(_VERBS_FILE.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _keep_ing() -> frozenset[str]:
    return frozenset(_data()["keep_ing"])


@lru_cache(maxsize=1)
def _forms() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The base verbs and a map from inflected form to (base verb, kind)."""
    verbs = frozenset(_data()["verbs"])
    forms: dict[str, tuple[str, str]] = {}
    for verb in sorted(verbs):
        for surface, kind in _inflections(verb).items():
            if surface not in verbs:
                forms.setdefault(surface, (verb, kind))
    for surface, verb in _IRREGULAR_PAST.items():
        if verb in verbs:
            forms[surface] = (verb, "ed")
    for verb in sorted(verbs):
        # CVs and ads written in British English: "Analysed", "organising", "prioritise".
        if verb.endswith(("ize", "yze")) and verb != "seize":
            british = verb[:-2] + "se"
            forms.setdefault(british, (verb, "base"))
            for surface, kind in _inflections(british).items():
                if surface not in verbs:
                    forms.setdefault(surface, (verb, kind))
    return verbs, forms


# Hyphenated verbs (step 3). A prefix makes a verb of a task verb ("Re-sew", "Pre-screen") or of
# a word shaped like a verb ("De-escalate"); O*NET's own hyphenated openings use co-, de-, pre-
# and re-.
_PREFIXES = frozenset({"co", "de", "dis", "mis", "pre", "re", "un"})
# Words that modify a task verb before a hyphen: the first parts of O*NET's hyphenated openings
# ("Date-stamp", "Hand-form", "Heat-treat", "Shrink-fit", "Sight-read", "Steam-clean",
# "Tack-weld") and of job ads ("Cold-call", "Cross-train", "Deep-clean", "Double-check",
# "Fact-check", "Fine-tune", "Pressure-wash", "Spot-check", "Up-sell"). Adjectives before a noun
# ("Full-time", "Part-time", "Real-time") are none of them.
_MODIFIERS = _PREFIXES | {"date", "hand", "heat", "shrink", "sight", "steam", "tack"}
_MODIFIERS |= {"cold", "cross", "deep", "double", "dry", "fact", "fine", "power", "pressure"}
_MODIFIERS |= {"spot", "triple", "up"}
# A verb by its shape, with its ending: "escalate", "escalated", "classifying".
_VERB_SHAPE = re.compile(r"([a-z]{2,}(?:at|iz|is|yz))(e|es|ed|ing)|([a-z]{2,}if)(y|ies|ied|ying)")
_SHAPE_KIND = {"e": "base", "y": "base", "es": "s", "ies": "s", "ed": "ed", "ied": "ed"}


def _shaped_verb(word: str) -> tuple[str, str] | None:
    """(base form, kind) of a word shaped like a verb: "escalating" → ("escalate", "ing")."""
    found = _VERB_SHAPE.fullmatch(word)
    if found is None:
        return None
    stem, end = (found.group(1), found.group(2)) if found.group(1) else found.group(3, 4)
    return stem + ("y" if found.group(3) else "e"), _SHAPE_KIND.get(end, "ing")


@lru_cache(maxsize=4096)
def _hyphenated(low: str) -> tuple[str, str] | None:
    """(base verb, kind) of a lower-case hyphenated verb: kind 'base' with the word itself when
    it is in base form as written ("cold-call"), else as :func:`base_verb` ("cold-called" →
    ("cold-call", "ed")); None for any other word ("full-time", "follow-up", "up-to-date")."""
    first, _, last = low.partition("-")
    if not (first.isalpha() and last.isalpha() and first.isascii() and last.isascii()):
        return None
    verbs, forms = _forms()
    joined = first + last  # "co-ordinate", "proof-read", "re-stocking"
    if joined in verbs:
        return low, "base"
    if joined in forms and forms[joined][0].startswith(first):
        verb, kind = forms[joined]
        return f"{first}-{verb[len(first) :]}", kind
    if first not in _MODIFIERS:
        return None
    if last in verbs:
        return low, "base"
    found = forms.get(last)
    if found is not None and (first in _PREFIXES or last not in _IRREGULAR_PAST):
        return f"{first}-{found[0]}", found[1]
    shaped = _shaped_verb(last) if first in _PREFIXES else None
    return None if shaped is None else (f"{first}-{shaped[0]}", shaped[1])


def base_verb(word: str) -> tuple[str, str] | None:
    """(base verb, kind) when ``word`` is an inflected form of a task verb, else None (kind
    's', 'ing' or 'ed'; 'base' for a British spelling of the base form: "analyse")."""
    verbs, forms = _forms()
    low = word.lower()
    if low in verbs:
        return None
    if "-" in low:
        found = _hyphenated(low)
        return None if found == (low, "base") else found
    return forms.get(low)


def is_task_verb(word: str) -> bool:
    """Whether ``word`` (any case) is a base-form verb that opens O*NET statements, or a
    hyphenated one ("Cold-call", "De-grease"; see the module docs)."""
    low = word.lower()
    return low in _forms()[0] or ("-" in low and _hyphenated(low) == (low, "base"))


def _strip_frames(text: str) -> str:
    for _ in range(4):
        before = text
        for pattern in (_ADVERBIAL, _SUBJECT, _AUXILIARY, _DUTY):
            text = pattern.sub("", text, count=1)
        if text == before:
            break
    return text


def _same_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


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
}
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
_ML_TRAIN = re.compile(
    r"^(?:train|retrain|re-train|fine[- ]?tun(?:e|es|ed|ing))"
    r"((?:\s+(?:and|or|&)\s+[a-z]+)?\s+(?:[\w/-]+\s+){0,4}?)"
    r"(?:models?|classifiers?|neural\s+net(?:work)?s?|llms?|transformers?|embeddings?|ml|"
    r"machine\s+learning|deep\s+learning)\b",
    re.IGNORECASE,
)
_DRIVE = (
    r"^(?:drive|drives|drove|driving|driven)"
    r"((?:\s+(?:and|or|&)\s+[a-z]+)?\s+(?:[\w/%$.-]+\s+){0,3}?)"
)
# "Drive" a measure up: "increase" it ("Drive customer satisfaction", "Drive traffic to ...").
_DRIVE_MEASURE = re.compile(
    _DRIVE + r"(?:adoption|increases?|growth|sales|revenue|results|engagement|efficiency|"
    r"performance|awareness|traffic\s+to|conversions?|retention|value|outcomes?|demand|"
    r"pipeline|profitability|productivity|quality|compliance|success|impact|momentum|"
    r"visibility|satisfaction|loyalty|leads|sign-?ups|bookings|usage|margins?|savings)\b",
    re.IGNORECASE,
)
# "Drive" a plan, a change or a team: "lead" it ("Drive the product roadmap", "Drive the team").
_DRIVE_PLAN = re.compile(
    _DRIVE + r"(?:improvements?|change|innovation|transformation|initiatives?|strateg(?:y|ies)|"
    r"excellence|alignment|accountability|best\s+practices|culture|collaboration|decisions?|"
    r"priorities|execution|roadmaps?|projects?|programs?|business|consensus|teams?)\b",
    re.IGNORECASE,
)
_VEHICLES = re.compile(r"\b(?:trucks?|vehicles?|cars?|buses|vans?|forklifts?|tractors?)\b", re.I)
_PEOPLE = re.compile(
    r"\b(?:staff|employees?|workers?|hires?|users?|students?|teams?|personnel|volunteers?|"
    r"agents?|operators?|colleagues?|members?|people|clients?|customers?|trainees?|"
    r"interns?|apprentices?|crews?|managers?|analysts?|engineers?|nurses?|officers?)\b",
    re.IGNORECASE,
)
# (pattern, guard on the gap, O*NET verb for the sense)
_SENSES = (
    (_ML_TRAIN, _PEOPLE, "develop"),  # "Train staff on the new models" stays
    (_DRIVE_MEASURE, _VEHICLES, "increase"),
    (_DRIVE_PLAN, _VEHICLES, "lead"),
)


def _job_ad_sense(body: str) -> str:
    for pattern, guard, verb in _SENSES:
        found = pattern.match(body)
        if found is not None and not guard.search(found.group(1)):
            return _same_case(verb, body) + body[found.start(1) :]
    return body


def task_statement(text: str) -> str:
    """``text`` rewritten as an O*NET-style task statement (see the module docs)."""
    original = " ".join(_CONTROL.sub(" ", text).split())
    body = LIST_MARKER.sub("", original).strip()
    body = _SHORTHAND_RE.sub(lambda m: _SHORTHAND[m.group(0).lower()], body)
    body = _ACRONYM_RE.sub(_acronym, body)
    body = _strip_frames(body) or body
    first = _WORD.match(body)
    if first:
        found = base_verb(first.group(0))
        if found:
            verb, kind = found
            body = _same_case(verb, first.group(0)) + body[first.end() :]
            if kind in ("ing", "ed"):

                def back(m: re.Match[str]) -> str:
                    word = m.group(2)
                    as_is = word.lower() in _keep_ing() and m.group(3) is None
                    hit = None if as_is else base_verb(word)
                    return m.group(1) + (hit[0] if hit and hit[1] == kind else word)

                body = _JOINED.sub(back, body)
    body = _job_ad_sense(body.strip())
    if not body:
        return original or text.strip()  # nothing but control characters: leave it be
    body = body[0].upper() + body[1:]
    # Capitalising may have made an acronym ("uI" → "UI"): spell it out too, so that a
    # statement rewrites to itself.
    body = _ACRONYM_RE.sub(_acronym, body)
    body = body[0].upper() + body[1:]
    if body[-1].isalnum() or body[-1] in ")'\"’”":
        body += "."
    return body
