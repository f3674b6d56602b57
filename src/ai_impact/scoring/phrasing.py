"""Rewrite a task as people write it into the form of an O*NET task statement.

The task model learnt from O*NET statements, which open with a base-form verb ("Prepare
monthly reports."). Job ads, CVs and personal task lists say the same thing differently:
"Responsible for preparing monthly reports", "You'll prepare ...", "Prepares ...", "Prepared
...", "I put together ...", "- preparing ...". :func:`task_statement` undoes those habits before
the text reaches the model; the user's own wording is what the analysis shows.

Steps (documented in docs/methodology.md, "Your own job description"):

1. List markers are stripped.
2. Up to three leading frames are removed: adverbials ("In this role,", "Most days", "Under
   general supervision,"), a clause before "I" ("When a case settles I"), a subject with its
   auxiliaries ("You will", "I'm", "The successful candidate will be", the post named: "The
   Staff Accountant will", "The RN provides"), and duty phrases ("responsible for", "in
   charge of", "tasked with", "duties include").
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
   modifier's compound takes regular forms only ("hand-held" stays as written). A job-ad verb
   that opens no O*NET statement becomes O*NET's verb ("Partnered with" → "Collaborate with",
   ``verb_forms.JOB_AD_VERBS``); a few more count as verbs ("Deployed" → "Deploy").
4. The first letter is capitalised and a final full stop added, as in O*NET.
5. Finance shorthand that no O*NET statement uses is spelt out as O*NET spells it ("A/P",
   "A/R", "AP/AR", "G/L", "P&L" → "accounts payable", "accounts receivable", "general ledger",
   "profit and loss"): the model never saw the shorthand, and read "Process A/P and A/R as
   needed" as unexposed, hands-on work. So are office and technology acronyms in capitals that
   no O*NET statement uses ("SOPs", "SLA", "NDAs", "APIs", "EHR", "CRM", "ERP", "QA", "QC",
   "HR", "UX", "UI", "PPC", "CI/CD", "RFQ", "RFI", "GL"): "Write SOPs for the lab" read β 0.53,
   "Write standard operating procedures for the lab" 0.87. "AP" and "AR" are spelt out only
   before a word of that work ("AP aging", "AR collections"; "Teach AP Biology" stays), and a
   period's "close" is O*NET's "closing" ("month-end close": "Assist with month-end close:
   accruals, AP aging, GL reconciliations" read β 0.11, hands-on; spelt out 0.33). So are the
   shorthand of terse lists and clinical ads ("pts", "meds", "rx", "drs", "w/", "+", "PRN",
   "ADLs", "CNAs") and British schools' "SEND", "SENCo", "EHCP".
6. Job-ad senses of verbs O*NET uses only in another sense, or never, are put in O*NET's words.
   "Train", "retrain" or "fine-tune" opening a statement about machine-learning models
   ("Train and deploy machine learning models", "Fine-tune large language models") becomes
   "Develop", the verb O*NET uses for that work ("Develop machine learning models"): in O*NET
   "Train" always means teaching people (78% of the labelled "Train ..." tasks are E0), a sense
   the model applied to model training (β 0.16). A person named in the object ("Train staff
   on the new models") keeps the verb. "Drive" with a business object becomes "Increase" for a
   measure ("Drive sales growth", "Drive customer satisfaction") and "Lead" for a plan, a
   change or a team ("Drive the product roadmap", "Drive the team to hit targets"): O*NET's
   "Drive" is operating a vehicle, and the model read the business sense as hands-on work
   ("Drive adoption of new CRM features" β 0.14, "Drive sales growth" 0.24). "Craft", which
   opens no O*NET statement and which the model knew from crafts and craft workers, becomes
   "Write" for words ("Craft compelling email copy": β 0.58, "Write …" 0.81) and "Develop" for
   plans and strategies; wood, metal, leather, jewellery and the like are still crafted.
   "Build" with a software, data or document object (software, apps, websites, dashboards,
   APIs, reports, machine-learning or financial models, data or CI/CD pipelines) becomes
   "Develop": O*NET builds walls, forms and cabinets (83% of its labelled "Build" tasks are
   E0) and the model read "Build machine learning models" at β 0.11; walls, decks, gas
   pipelines, scale models and relationships are still built. Phrasal and job-ad verbs take
   O*NET's: documents "put together" are prepared, cloud environments "spun up" configured,
   code "refactored" modified, résumés and applications "screened" reviewed (people screened
   at a checkpoint stay screened). "Set up", hands-on in O*NET (80 of its 95 labelled tasks
   E0: machines, scaffolding, rigs), becomes "Configure" for software and cloud objects
   (pipelines, environments, databases, dashboards, integrations, accounts) and "Schedule"
   for meetings, appointments and interviews; equipment, tents and tables are still set up.
   An O*NET statement that a sense would rewrite ("Set up database clusters, backup, or
   recovery processes") keeps O*NET's wording (``as_written`` in ``data/task_verbs.json``).
7. Job-ad filler that says how or where the work is done, never what, and that no O*NET
   statement contains, is dropped at the end of a clause or opening the text: "in a fast-paced
   (team) environment", "with minimal supervision", "while maintaining a positive attitude",
   "and other duties as assigned", "with attention to detail", "to the highest standards", "in a
   professional and courteous manner", "for our growing team"; so is a CV line's result after a
   comma when it holds a figure (", reducing costs by 15%", ", saving $50K annually",
   ", resulting in a 20% increase in sales"). The model read such tails as
   evidence: out of fold, "while maintaining a positive attitude" lowered the β of 363
   hand-written rewrites by 0.06 on average and ", reducing costs by 15%" raised it by 0.07, and
   such tails cut their Spearman ρ against the labels from 0.719 to 0.702–0.717
   (``scripts/task_model_tails.py``). Tails that say something O*NET statements also say ("as
   needed", "in a timely manner", "using Microsoft Excel") stay.
8. Typing slips are put right (right after step 1; :mod:`ai_impact.scoring.typos`): a word of
   six letters or more that no O*NET statement has and that is not English as typed becomes the
   statement word one edit away ("recieve incomming shipments" → "receive incoming
   shipments"). Out of fold, one slip in each of the 363 rewrites cut their Spearman ρ
   against the labels from 0.719 to 0.685, two slips to 0.657; respelled 0.707 and 0.702.

Nothing else changes: apart from steps 5 and 6 the rewrite never adds words, and apart from
frames, list markers and step 7 it drops none, so a text that already reads like an O*NET
statement passes through unchanged (apart from step 4).
"""

from __future__ import annotations

import re

from ai_impact.scoring.job_ad_phrases import keep_done, named_software, spell_clinical
from ai_impact.scoring.job_ad_words import job_ad_sense, spell_acronyms, spell_out, strip_filler
from ai_impact.scoring.typos import statement_fixer
from ai_impact.scoring.verb_forms import base_verb, is_task_verb, keep_ing, same_case

__all__ = ["APOS", "LIST_MARKER", "base_verb", "is_task_verb", "names_the_post", "task_statement"]

# A list marker at the start of a line ("- ", "• ", "3) ", "b. "); the job-description splitter
# (ai_impact.reports.jd_split) reads lines with the same rule.
LIST_MARKER = re.compile(r"^\s*(?:[-–—*•·▪◦‣►>✓✔]+|\(?\d{1,2}[.)](?!\d)|\(?[a-hA-H][.)](?=\s))\s*")
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
# "Under general supervision, ...": how closely the post is supervised, not the work.
_SUPERVISED = re.compile(
    r"^under\s+(?:the\s+)?(?:general|direct|close|immediate|limited|minimal|broad)\s+"
    r"(?:supervision|direction|guidance)(?:\s+of\s+[^,]{1,60})?,\s*",
    re.IGNORECASE,
)
# The post named as the subject, as job summaries write it: "The Staff Accountant will ...",
# "The RN provides ...", "the Eligibility Specialist II determines ..." (capitalised words,
# then "will" or a verb in its -s form; :func:`_strip_frames` checks the verb).
_NAMED_SUBJECT = re.compile(
    r"^(?i:the|our|this|your)\s+((?:[A-Z][\w/&.'’-]*\s+){1,5})(?=([a-z]+)\b)"
)
# A clause before the writer as subject: "When a case settles I prepare ...", "Before trial
# I put together ..." (the clause says when, the rest is the duty).
_CLAUSE_THEN_I = re.compile(
    r"^(?:when|whenever|before|after|once|if|while|during|between|on|at)\s+"
    r"[^.;:!?]{1,80}?,?\s+(?=(?-i:I|we)\s+[a-z])",
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


_FRAMES = (_SUPERVISED, _CLAUSE_THEN_I, _ADVERBIAL, _SUBJECT, _AUXILIARY, _DUTY)


def _named_subject(text: str) -> str:
    """``text`` without the post named as its subject ("The Staff Accountant will support ..."
    → "will support ...", "The RN provides ..." → "provides ..."), when "will", "shall",
    "must" or a task verb's -s form follows the name."""
    found = _NAMED_SUBJECT.match(text)
    if found is None:
        return text
    verb = found.group(2)
    lowered = verb.lower()
    if lowered in ("will", "shall", "must") or (
        (hit := base_verb(lowered)) is not None and hit[1] == "s"
    ):
        return text[found.end() :]
    return text


def names_the_post(text: str) -> bool:
    """Whether ``text`` opens with the post named as its subject ("The RN provides ...")."""
    return _named_subject(text) != text


def _strip_frames(text: str) -> str:
    for _ in range(4):
        before = text
        for pattern in _FRAMES:
            text = pattern.sub("", text, count=1)
        text = _named_subject(text)
        if text == before:
            break
    return text


def task_statement(text: str) -> str:
    """``text`` rewritten as an O*NET-style task statement (see the module docs)."""
    original = " ".join((text if text.isprintable() else _CONTROL.sub(" ", text)).split())
    body = LIST_MARKER.sub("", original).strip()
    body = statement_fixer().respelled(body)
    body = strip_filler(spell_clinical(spell_out(body)))
    body = keep_done(_strip_frames(body) or body)
    first = _WORD.match(body)
    if first:
        found = base_verb(first.group(0))
        if found:
            verb, kind = found
            body = same_case(verb, first.group(0)) + body[first.end() :]
            if kind in ("ing", "ed"):

                def back(m: re.Match[str]) -> str:
                    word = m.group(2)
                    as_is = word.lower() in keep_ing() and m.group(3) is None
                    hit = None if as_is else base_verb(word)
                    return m.group(1) + (hit[0] if hit and hit[1] == kind else word)

                body = _JOINED.sub(back, body)
    body = named_software(job_ad_sense(body.strip()))
    if not body:
        return original or text.strip()  # nothing but control characters: leave it be
    body = body[0].upper() + body[1:]
    # Capitalising may have made an acronym ("uI" → "UI"): spell it out too, so that a
    # statement rewrites to itself.
    body = spell_acronyms(body)
    body = body[0].upper() + body[1:]
    if body[-1].isalnum() or body[-1] in ")'\"’”":
        body += "."
    return body
