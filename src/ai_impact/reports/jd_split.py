"""Cut a pasted job description or task list into task-like statements, and say what was left out.

Rules, applied line by line (documented in docs/methodology.md, "Your own job description"):

1. List markers (``-``, ``*``, ``•``, ``1.``, ``2)``, ``a)``) are stripped; a bulleted or
   numbered line is one statement, a prose line is cut into sentences (not after an
   abbreviation: "St. Mary's", "Acme Inc.", "Dr.", "e.g.", "U.S.").
2. Headings are left out: a known section name ("Responsibilities", "What you bring", "Perks &
   benefits", "About us", ...; :func:`~ai_impact.reports.jd_sections.section_of`), a
   short line ending in ``:``, or a short line in capitals. A heading sets the section: the
   lines under a requirements, benefits, company or logistics heading are left out until a
   duties heading or another short ``...:`` heading (a prose line there whose sentences are of
   different kinds, sentence by sentence; a school or issuing body under "Education" or
   "Certifications" is a requirement there, not the employer); a line led by such a label
   ("About us: ...", "Benefits: ...", "Company: ...", "Experience: 2-5 years") is left out
   with it. A heading in Markdown bold ("**Responsibilities:**") is a heading. A CV's
   work-history heading ("Experience", "Employment History") keeps the lines under it that
   open with a past-tense verb or a duty frame as duties ("Planned and scheduled ...",
   "Responsible for ..."; any verb once a role line has shown the text is a CV), the others
   being requirements, as in a job ad. A
   CV's role line ("Maintenance Planner, Northside Pulp & Paper Mill (2019–2024)": capitalised
   words with the years of the role, or any such line under a work-history heading) is left
   out as a heading; the first names the job when no title came before.
3. Wherever it stands, a line is left out when its shape says it is not work done in the job
   (:func:`~ai_impact.reports.description_lines.line_kind`): years of experience, degrees,
   licences held, "proficiency in", "knowledge of", skill phrases, lists of tools without a
   verb, pay and benefits (an employer offering one too), equal-opportunity and company
   lines (a line of names that names an employer or department by its kind: "City of
   Riverside — Finance Department"), location and schedule lines, the post's reporting line
   ("Reporting to the CFO."; when a duty follows, "Reporting to the FP&A Manager, you will
   partner with ...", only the reporting clause is left out), contact details (an e-mail
   address, phone number or web address and no verb). Under a duties heading a line that
   opens with a verb stays a duty. A line is judged without its inline markup ("_team_",
   "*negotiate*", "[five](http://x.y)": :func:`~ai_impact.reports.jd_words.unmarked`) and kept
   as written.
3b. Prose: a sentence naming the writer's job ("I work as a veterinary nurse in ...") is left
   out and gives the title when none came before, as does an employer's sentence naming the job
   it seeks ("We are looking for a compassionate hospice aide to ...", kept as the employer's;
   :func:`~ai_impact.reports.jd_title.job_sought`); a sentence summing the role up (the post
   named as its subject, "The ICU Registered Nurse provides ...", or only whom it works with,
   "You'll work closely with product managers and data scientists.") is left out as the
   summary (:func:`~ai_impact.reports.description_lines.role_summary`); a duty loses its
   second-person frame ("You will visit patients" → "Visit patients",
   :func:`~ai_impact.reports.jd_prose.without_frame`); a sentence whose subject does several
   things ("Most days I prepare animals for surgery, place IV catheters, ... and look after
   patients") becomes one statement per verb phrase
   (:func:`~ai_impact.reports.jd_prose.verb_phrases`, conservative).
4. What is left must read like a task: three to 60 words (two when it opens with a verb,
   "Bathe patients"), with a letter in it (:func:`size_problem`, the rule ``score-tasks``
   applies too). Duplicates (ignoring case and punctuation) go.
5. The first line may be the job title (short, no sentence punctuation, not a heading, not
   opening with a base-form verb, and set apart: a blank line or a bulleted line follows, or
   the text has headings): it is returned apart, not as a task. A line opening with a word
   that is also a task verb is a title when it names a role ("Test Engineer", "Lead Data
   Scientist": a singular role noun last, no function word;
   :func:`~ai_impact.reports.jd_roles.names_a_role`), and a role named in capitals as titles
   are written needs no setting apart ("Registered Nurse" over a plain list). Bracketed pay,
   benefit or schedule notes in it ("(Sign-on Bonus $10K!)") are not part of the title: they
   are set aside with their kind, and the rest is judged and returned as the title. So is a place or
   a way of working, bracketed or as a trailing part after " - ", " – ", " — " or " | "
   ("- St. Louis, MO", "(Chicago, IL 60601)", "— Remote", "| Full-time"): it is set aside
   as location and schedule; a trailing employer (", Mercy Hospital") as the employer. A
   trailing part that is neither ("RN - ICU", ", FP&A") stays. Pay after a dash ("– $19.50/hr")
   and a place or schedule before the title ("Remote – Barista") go too, and so do emoji, a
   hiring call ("WE'RE HIRING!!!", "Now hiring:", set aside as the employer's), a call to
   action ("APPLY TODAY!!", "Apply now", the employer's too) and leading hype words ("Rockstar",
   "Awesome Superstar"). A CV's first line that names a person (two or three
   capitalised words: a contact line follows and it holds no role noun of the title tables,
   or no word of it is known from job titles — ``known_title_words``, the title index, which
   the report passes; :func:`~ai_impact.reports.jd_person.personal_name`) is no title: it is
   set aside as contact details, and a title line or a role line after it names the job. A
   labelled line ("Job Title: Warehouse Team Leader", "Position: ...") gives the title
   wherever it stands; a first line that only frames the list ("My weekly work") is set aside
   as a heading, the job it names in brackets or after a colon being the title.

Every line left out is kept in :attr:`SplitText.set_aside` with its kind, so the report can say
what was not scored. Limits: the text may hold at most :data:`MAX_CHARS` characters and
:data:`MAX_TASKS` task statements; beyond either, or with no task statement at all,
:class:`InputError` says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ai_impact.errors import InputError
from ai_impact.reports.description_lines import line_kind, role_summary
from ai_impact.reports.jd_kinds import (
    COMPANY,
    CONTACT,
    DUTY,
    HEADING,
    HISTORY,
    REPEATED,
    REPORTING,
    REQUIREMENT,
    SIZE,
    SUMMARY,
    SetAside,
)
from ai_impact.reports.jd_language import check_language
from ai_impact.reports.jd_person import personal_name
from ai_impact.reports.jd_post_lines import names_an_organisation, names_only, reporting_clause
from ai_impact.reports.jd_prose import sentences, verb_phrases, without_frame
from ai_impact.reports.jd_sections import section_heading, section_of
from ai_impact.reports.jd_title import (
    framed_title,
    is_title,
    job_named,
    job_sought,
    labelled_title,
    role_title,
    title_notes,
)
from ai_impact.reports.jd_words import (
    WORD,
    clean,
    opens_with_verb,
    starts_with_verb,
    unmarked,
    verb_kind,
)
from ai_impact.scoring.phrasing import LIST_MARKER

__all__ = [
    "MAX_CHARS",
    "MAX_TASKS",
    "MAX_WORDS",
    "MIN_WORDS",
    "SplitText",
    "size_problem",
    "split_description",
]

MAX_CHARS = 20_000
MAX_TASKS = 60
MIN_WORDS = 3
MAX_WORDS = 60


@dataclass(frozen=True, slots=True)
class SplitText:
    """The task statements found in a pasted text, the title line if any, and what was left
    out (``dropped`` counts every line and sentence left out, headings included)."""

    tasks: tuple[str, ...]
    title: str | None
    dropped: int
    set_aside: tuple[SetAside, ...] = ()


def _key(text: str) -> str:
    """What two statements must share to count as duplicates: their words and numbers."""
    return " ".join(w.lower() for w in re.findall(r"\w+", text))


MARKUP = re.compile(r"<[^<>]{1,200}>")
MAX_OTHER_SCRIPT = 0.5  # share of letters outside the Latin alphabet from which text is refused


def _check_script(text: str) -> None:
    """Refuse text written mostly outside the Latin alphabet: the task model, the title index
    and O*NET are English, and such text would be read from its few Latin words."""
    letters = [c for c in text if c.isalpha()]
    other = sum(1 for c in letters if not ("A" <= c <= "Z" or "a" <= c <= "z" or c in LATIN))
    if letters and other / len(letters) > MAX_OTHER_SCRIPT:
        raise InputError(
            "The job description is mostly not in the Latin alphabet; ai-impact reads job "
            "descriptions written in English (O*NET's language).",
            hint="Paste an English version of the duties.",
        )


LATIN = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœŒ")


def size_problem(statement: str) -> str | None:
    """Why a text is not read as a task statement — "too short" or "too long" — or None.

    Three to 60 words, with a letter in each, markup tags left out; two will do when the
    statement opens with a verb ("Bathe patients"). The one rule for a pasted description and
    ``score-tasks``."""
    n = len(WORD.findall(MARKUP.sub(" ", statement)))  # "<script>…</script>" is no words
    if n > MAX_WORDS:
        return "too long"
    if n >= MIN_WORDS or (n == MIN_WORDS - 1 and starts_with_verb(statement)):
        return None
    return "too short"


def _past_work(statement: str, cv: bool) -> bool:
    """Whether a line under a work-history heading is a duty: it opens with a verb in the past
    tense ("Planned", "Led") or with a duty frame before a verb ("Responsible for planning"),
    or with any verb once a role line has shown the text is a CV (a job ad's "Experience: -
    Managing a team of 10" asks for experience)."""
    first = WORD.match(statement)
    kind = None if first is None else verb_kind(first.group(0))
    if kind == "ed" or (kind is None and starts_with_verb(statement)):
        return True
    return cv and opens_with_verb(statement)


def _judge(
    statement: str,
    section: str | None,
    aside: list[SetAside],
    tasks: list[str],
    seen: set[str],
    *,
    cv: bool = False,
) -> None:
    """Add one statement to the tasks, or set it aside with its kind (rules 3 and 4); ``cv``
    says a role line has shown the text is a CV."""
    if not statement:
        return
    in_duties = section in (DUTY, HISTORY)
    shape = line_kind(statement, in_duties=in_duties)
    if shape == REPORTING and (cut := reporting_clause(statement)) and cut[1]:
        # "Reporting to the FP&A Manager, you will partner with ...": the duty stays
        aside.append(SetAside(clean(cut[0]), REPORTING))
        statement = clean(cut[1])
        shape = line_kind(statement, in_duties=in_duties)
    if shape == DUTY:
        statement = without_frame(statement)  # "You will visit patients" → "Visit patients"
    plain = unmarked(statement)  # "**Led** the _team_": judged without its markup, kept with it
    if shape == DUTY and section == HISTORY and not _past_work(plain, cv):
        shape = REQUIREMENT  # a job ad's "Experience" section, or a CV line that is no duty
    key = _key(statement)
    if shape != DUTY:
        aside.append(SetAside(statement, shape))
    elif size_problem(plain):
        aside.append(SetAside(statement, SIZE))
    elif key in seen:
        aside.append(SetAside(statement, REPEATED))
    else:
        seen.add(key)
        tasks.append(statement)


def _section_kind(part: str, section: str) -> str:
    """The kind of a line under a heading that is not a duties one: its own kind when it has
    one ("We are an equal opportunity employer." under "Benefits"), else the section's. A
    school or issuing body under "Education" or "Certifications" ("A.A.S. Accounting, Columbus
    State Community College, 2017") is the requirement, not the employer."""
    kind = line_kind(part)
    if kind == DUTY or (
        kind == COMPANY and section == REQUIREMENT and names_an_organisation(unmarked(part))
    ):
        return section
    return kind


def split_description(
    text: str, *, known_title_words: Callable[[str], bool] | None = None
) -> SplitText:
    """Task statements of a pasted job description (rules in the module docstring);
    ``known_title_words`` says whether a text holds a word known from job titles (the title
    index: it tells a CV's name line from a title, rule 5)."""
    if len(text) > MAX_CHARS:
        raise InputError(
            f"The job description has more than {MAX_CHARS:,d} characters, the limit.",
            hint="Paste only the duties or task list.",
        )
    raw = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in raw if ln]
    if not lines:
        raise InputError(
            "The job description is empty.",
            hint="Paste the duties of the job, one per line or as sentences.",
        )
    _check_script(text)
    check_language(text)
    title = None
    cv = False  # a role line has shown the text is a CV
    aside: list[SetAside] = []
    if len(lines) > 1 and personal_name(lines, known_title_words):
        # "JANE DOE" heading a CV: a person, not the job (a role line may name it below)
        aside.append(SetAside(clean(lines[0]), CONTACT))
        lines = lines[1:]
    first = LIST_MARKER.sub("", lines[0]).strip()
    framing, framed = framed_title(first)
    if len(lines) > 1 and framing and section_of(first) is None:
        # "My weekly work (freelance graphic designer)": the frame goes, the job named stays.
        title, notes = title_notes(framed) if framed else (None, [])
        aside += [SetAside(clean(first), HEADING), *notes]
        lines = lines[1:]
    elif len(lines) > 1 and (named := labelled_title(first)):
        title, notes = title_notes(named)
        aside += notes
        lines = lines[1:]
    elif len(lines) > 1 and is_title(lines, raw):
        if role := role_title(lines[0], in_history=False):
            # a CV's role line: "Maintenance Planner, Northside Pulp & Paper Mill (2019–2024)"
            # (one naming only an employer, "", is read as any first line)
            title, cv = role, True
            aside.append(SetAside(clean(lines[0]), HEADING))
        else:
            title, notes = title_notes(lines[0])
            aside += notes
        lines = lines[1:]
    tasks: list[str] = []
    seen: set[str] = set()
    section: str | None = None  # kind of the current section; None before any or unknown
    preamble = True  # no heading and no task yet: a job board's lines under the title
    for line in lines:
        bare = LIST_MARKER.sub("", line).strip()
        if not bare:
            continue
        # "**Responsibilities:**" too (a list marker takes the leading "**" off ``bare``)
        plain = LIST_MARKER.sub("", unmarked(line)).strip()
        is_heading, kind = section_heading(plain)
        if is_heading:
            section, preamble = kind, False
            aside.append(SetAside(clean(plain), HEADING))
            continue
        if named := labelled_title(bare):
            # "Job Title: Warehouse Team Leader" names the job wherever it stands.
            if title is None and not tasks:
                title, notes = title_notes(named)
                aside += notes
            else:
                aside.append(SetAside(clean(bare), HEADING))
            continue
        label, colon, rest = bare.partition(":")
        labelled = section_of(label) if colon and rest.strip() else None
        if labelled == HISTORY:
            labelled = REQUIREMENT  # "Experience: 2-5 years in Java"
        if labelled not in (None, DUTY):
            aside.append(SetAside(clean(bare), labelled))
            continue
        bulleted = bool(LIST_MARKER.match(line))
        if section not in (None, DUTY, HISTORY):
            # an equal-opportunity line under "Benefits" says so; a prose line whose sentences
            # are of different kinds is set aside sentence by sentence
            parts = [clean(p) for p in ([bare] if bulleted else sentences(bare))]
            kinds = [_section_kind(p, section) for p in parts]
            if len(set(kinds)) > 1:
                aside += [SetAside(p, k) for p, k in zip(parts, kinds, strict=True) if p]
            else:
                aside.append(SetAside(clean(bare), kinds[0]))
            continue
        if (role := role_title(bare, in_history=section == HISTORY)) is not None:
            # a CV's role line names the job (the first one, when no title came before)
            if title is None and not tasks and role:
                title = role
            cv = True
            aside.append(SetAside(clean(bare), HEADING))
            continue
        if preamble and names_only(plain) and line_kind(plain) in (DUTY, COMPANY):
            # "Smile Studio Family Dentistry", "Acme Cloud · Remote, US" under the title
            aside.append(SetAside(clean(bare), COMPANY))
            continue
        if labelled == DUTY:
            bare = rest.strip()
        parts = [bare] if bulleted else sentences(bare)
        for part in parts:
            if (job := job_named(clean(part))) is not None:
                # "I work as a veterinary nurse in ...": the job, not a duty
                title = title or job
                aside.append(SetAside(clean(part), HEADING))
                continue
            if title is None and (job := job_sought(clean(part))) is not None:
                # "We are looking for a hospice aide to ...": the job; the sentence is judged
                title = job
            if not bulleted and line_kind(clean(part)) == DUTY and role_summary(clean(part)):
                # "The ICU Registered Nurse provides ...": the role summed up, not a duty
                aside.append(SetAside(clean(part), SUMMARY))
                continue
            for piece in [part] if bulleted else verb_phrases(clean(part)):
                _judge(clean(piece), section, aside, tasks, seen, cv=cv)
        preamble = preamble and not tasks
    if not tasks:
        raise InputError(
            "No task statement was found in the job description: every line was empty, too "
            "short, a heading or not a duty (pay, benefits, requirements, company blurb).",
            hint="Paste the duties, one per line, such as 'Prepare monthly sales reports'.",
        )
    if len(tasks) > MAX_TASKS:
        raise InputError(
            f"The job description holds {len(tasks)} task statements; the limit is {MAX_TASKS}.",
            hint="Keep the main duties of the job, or split the text into several analyses.",
        )
    return SplitText(tasks=tuple(tasks), title=title, dropped=len(aside), set_aside=tuple(aside))
