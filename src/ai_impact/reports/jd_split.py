"""Cut a pasted job description or task list into task-like statements, and say what was left out.

Rules, applied line by line (documented in docs/methodology.md, "Your own job description"):

1. List markers (``-``, ``*``, ``•``, ``1.``, ``2)``, ``a)``) are stripped; a bulleted or
   numbered line is one statement, a prose line is cut into sentences (not after an
   abbreviation: "St. Mary's", "Acme Inc.", "Dr.", "e.g.", "U.S.").
2. Headings are left out: a known section name ("Responsibilities", "What you bring", "Perks &
   benefits", "About us", ...; :func:`~ai_impact.reports.description_lines.section_of`), a
   short line ending in ``:``, or a short line in capitals. A heading sets the section: the
   lines under a requirements, benefits, company or logistics heading are left out until a
   duties heading or another short ``...:`` heading (a prose line there whose sentences are of
   different kinds, sentence by sentence); a line led by such a label ("About us: ...",
   "Benefits: ...", "Company: ...", "Experience: 2-5 years") is left out with it. A CV's
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
   partner with ...", only the reporting clause is left out). Under a duties heading a line
   that opens with a verb stays a duty.
3b. Prose: a sentence naming the writer's job ("I work as a veterinary nurse in ...") is left
   out and gives the title when none came before; a sentence whose subject does several
   things ("Most days I prepare animals for surgery, place IV catheters, ... and look after
   patients") becomes one statement per verb phrase (:func:`_verb_phrases`, conservative).
4. What is left must read like a task: three to 60 words (two when it opens with a verb,
   "Bathe patients"), with a letter in it (:func:`size_problem`, the rule ``score-tasks``
   applies too). Duplicates (ignoring case and punctuation) go.
5. The first line may be the job title (short, no sentence punctuation, not a heading, not
   opening with a base-form verb, and set apart: a blank line or a bulleted line follows, or
   the text has headings): it is returned apart, not as a task. Bracketed pay, benefit or
   schedule notes in it ("(Sign-on Bonus $10K!)") are not part of the title: they are set
   aside with their kind, and the rest is judged and returned as the title. So is a place or
   a way of working, bracketed or as a trailing part after " - ", " – ", " — " or " | "
   ("- St. Louis, MO", "(Chicago, IL 60601)", "— Remote", "| Full-time"): it is set aside
   as location and schedule; a trailing employer (", Mercy Hospital") as the employer. A
   trailing part that is neither ("RN - ICU", ", FP&A") stays. A labelled
   line ("Job Title: Warehouse Team Leader", "Position: ...") gives the title wherever it
   stands; a first line that only frames the list ("My weekly work") is set aside as a
   heading, the job it names in brackets or after a colon being the title.

Every line left out is kept in :attr:`SplitText.set_aside` with its kind, so the report can say
what was not scored. Limits: the text may hold at most :data:`MAX_CHARS` characters and
:data:`MAX_TASKS` task statements; beyond either, or with no task statement at all,
:class:`InputError` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai_impact.errors import InputError
from ai_impact.reports.description_lines import (
    COMPANY,
    DUTY,
    HEADING,
    HISTORY,
    LOGISTICS,
    REPEATED,
    REPORTING,
    REQUIREMENT,
    SIZE,
    WORD,
    line_kind,
    names_an_organisation,
    opens_with_verb,
    reporting_clause,
    section_of,
    starts_with_verb,
)
from ai_impact.scoring.phrasing import APOS, LIST_MARKER, base_verb, is_task_verb

__all__ = [
    "MAX_CHARS",
    "MAX_TASKS",
    "MAX_WORDS",
    "MIN_WORDS",
    "SetAside",
    "SplitText",
    "size_problem",
    "split_description",
]

MAX_CHARS = 20_000
MAX_TASKS = 60
MIN_WORDS = 3
MAX_WORDS = 60
_TITLE_MAX_WORDS = 8
_COLON_HEADING_WORDS = 6

# A label that names the job on its line: "Job Title: Warehouse Team Leader", "Position: ...".
_TITLE_LABEL = re.compile(
    r"^(?:(?:job|position|role|post)\s+)?title|position|role|post|vacancy|occupation|job",
    re.IGNORECASE,
)
# The words of a line that frames a task list without naming the job: "My weekly work",
# "My tasks", "What I do", "Typical day" (a title has a job noun: "Graphic Designer").
_FRAME_TEXT = (
    "my our your the a an this what i do weekly daily monthly typical usual regular current "
    "normal everyday main key work works job jobs task tasks duty duties responsibilities "
    "role day days week month list to-do things of in at as for on working workload routine "
    "activities actually really usually each every here here's is are look looks like"
)
_FRAME_WORDS = frozenset(_FRAME_TEXT.split())
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"“(]?[A-Z0-9])")
# Abbreviations whose full stop does not end a sentence: "St. Mary's", "Acme Inc. is", "Dr.
# Lee"; dotted initialisms ("U.S.", "e.g.", "i.e.") and single initials ("J. Smith") too.
_ABBREVIATIONS = frozenset(
    {"st", "dr", "mt", "ft", "mr", "mrs", "ms", "mx", "jr", "sr", "inc", "co", "corp", "ltd"}
    | {"bros", "dept", "no", "nos", "vs", "approx", "est", "ave", "blvd", "rd", "hwy", "prof"}
    | {"gov", "sen", "gen", "col", "capt", "lt", "sgt", "rev", "fig", "vol", "ext"}
)
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")
_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
# The last " - " part of a title line: "Staff Accountant - St. Louis, MO".
_TRAILING_PART = re.compile(r"\s+[-–—|]\s+((?:(?!\s[-–—|]\s).)+)$")
# The employer after the title: "Registered Nurse, Mercy Hospital", "Buyer at Acme Corp".
_TRAILING_EMPLOYER = re.compile(r"(?:,|\s[-–—|@]|\s+at)\s+([^,]+)$")
# US states, DC and territories, Canadian provinces: the "ST" of "City, ST".
_REGION_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP "
    "AB BC MB NB NL NS NT NU ON PE QC SK YT"
)
_REGIONS = frozenset(_REGION_CODES.split())
# "St. Louis, MO", "Winston-Salem, NC 27101", "New York, NY".
_CITY_REGION = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s*([A-Z]{2})(?:\s+\d{5}(?:-\d{4})?)?"
)


@dataclass(frozen=True, slots=True)
class SetAside:
    """A line (or sentence) of the pasted text that is not scored, and why."""

    text: str
    kind: str  # a kind of ai_impact.reports.description_lines: requirement, benefit, ...


@dataclass(frozen=True, slots=True)
class SplitText:
    """The task statements found in a pasted text, the title line if any, and what was left
    out (``dropped`` counts every line and sentence left out, headings included)."""

    tasks: tuple[str, ...]
    title: str | None
    dropped: int
    set_aside: tuple[SetAside, ...] = ()


def _heading(line: str) -> tuple[bool, str | None]:
    """Whether a line is a heading, and the kind of section it opens (None: unknown)."""
    kind = section_of(line)
    if kind is not None:
        return True, kind
    words = WORD.findall(line)
    if line.endswith(":") and len(words) <= _COLON_HEADING_WORDS:
        return True, None
    letters = [c for c in line if c.isalpha()]
    if letters and len(words) <= _COLON_HEADING_WORDS and all(c.isupper() for c in letters):
        return True, None
    return False, None


def _sentences(text: str) -> list[str]:
    """A prose line cut into sentences, at ``.``, ``!``, ``?`` or ``;`` before a capital or a
    digit, but not after an abbreviation ("St. Mary's", "Acme Inc. is", "U.S.")."""
    parts: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        stop = end.start()
        if text[stop] == ".":
            token = text[start:stop].split()[-1:] or [""]
            word = token[0].lstrip("\"“(['‘")
            if word.lower() in _ABBREVIATIONS or _INITIALISM.fullmatch(word):
                continue
        parts.append(text[start : stop + 1])
        start = end.end()
    parts.append(text[start:])
    return parts


def _note_kind(text: str) -> str:
    """The kind of a part of a title line: :data:`LOGISTICS` when it is where or how the job is
    done ("St. Louis, MO", "Remote", "Full-time", "Nights, 36 hrs/week"), else its
    :func:`line_kind`."""
    place = _CITY_REGION.fullmatch(text.strip())
    return LOGISTICS if place and place.group(1) in _REGIONS else line_kind(text)


def _opens_with_task_verb(text: str) -> bool:
    """Whether the first word of ``text`` is a base-form task verb ("Lead the design team")."""
    opening = WORD.match(text)
    return opening is not None and is_task_verb(opening.group(0))


def _title_notes(line: str) -> tuple[str, list[SetAside]]:
    """A title line without its bracketed pay, benefit, location or schedule notes
    ("Registered Nurse (Sign-on Bonus $10K!)"), its trailing location part ("- St. Louis,
    MO") and employer (", Mercy Hospital"), and those notes; a bracketed qualifier
    ("(Python/Go)") or part ("- ICU", ", FP&A") stays."""
    notes: list[SetAside] = []

    def drop(match: re.Match[str]) -> str:
        inner = match.group(1)
        kind = _note_kind(inner)
        if kind == DUTY:
            return match.group(0)
        notes.append(SetAside(_clean(inner), kind))
        return ""

    title = _clean(_BRACKETED.sub(drop, line))
    tail: list[SetAside] = []
    while True:
        if (part := _TRAILING_PART.search(title)) and _note_kind(part.group(1)) == LOGISTICS:
            kind = LOGISTICS
        elif (part := _TRAILING_EMPLOYER.search(title)) and names_an_organisation(part.group(1)):
            kind = COMPANY
        else:
            return title, notes + tail
        tail.insert(0, SetAside(_clean(part.group(1)), kind))
        title = _clean(title[: part.start()])


def _looks_like_title(line: str) -> bool:
    """A first line that names the job: short, no sentence punctuation, not a heading (its
    bracketed notes aside)."""
    line = _title_notes(line)[0]
    words = WORD.findall(line)
    return (
        0 < len(words) <= _TITLE_MAX_WORDS
        and not LIST_MARKER.match(line)
        and not line.rstrip().endswith((".", "!", "?", ";", ":"))
        and section_of(line) is None
        and line_kind(line, in_duties=True) == DUTY
    )


def _labelled_title(line: str) -> str | None:
    """The title a labelled line names ("Job Title: Warehouse Team Leader"), or None."""
    label, colon, rest = line.partition(":")
    if not colon or not _TITLE_LABEL.fullmatch(label.strip()):
        return None
    rest = rest.strip()
    if not _looks_like_title(rest) or _opens_with_task_verb(rest):
        return None
    return rest


def _framed_title(line: str) -> tuple[bool, str | None]:
    """Whether a first line only frames a task list ("My weekly work", "My tasks:"), and the
    job it names in brackets or after a colon ("My weekly work (freelance graphic designer)",
    "My job: graphic designer"), if any."""
    label, colon, rest = line.partition(":")
    words = [w.lower() for w in WORD.findall(_BRACKETED.sub(" ", label))]
    if not words or not set(words) <= _FRAME_WORDS or is_task_verb(words[0]):
        return False, None
    inner = [m.group(1) for m in _BRACKETED.finditer(label)]
    for candidate in [rest, *inner] if colon else inner:
        candidate = _title_notes(candidate)[0]
        if _looks_like_title(candidate) and not _opens_with_task_verb(candidate):
            return True, candidate
    # "Role: Lead the design team" is a labelled duty, not a frame
    return not rest.strip(), None


def _is_title(lines: list[str], raw: list[str]) -> bool:
    """The first line names the job when it looks like a title, does not open with a verb, and
    the text shows it stands apart: a blank line or a bulleted line follows it, or the text has
    headings. In a plain task list the first line is a task like the others."""
    first = lines[0]
    if not _looks_like_title(first) or _opens_with_task_verb(LIST_MARKER.sub("", first)):
        return False
    label, colon, rest = first.partition(":")
    if colon and rest.strip() and section_of(label) is not None:
        return False  # a labelled line: "Role: Lead the design team", "Benefits: ..."
    at = raw.index(first)
    blank_after = at + 1 < len(raw) and raw[at + 1] == ""
    bullet_after = bool(LIST_MARKER.match(lines[1]))
    return blank_after or bullet_after or any(_heading(ln)[0] for ln in lines[1:])


def _key(text: str) -> str:
    """What two statements must share to count as duplicates: their words and numbers."""
    return " ".join(w.lower() for w in re.findall(r"\w+", text))


def _clean(text: str) -> str:
    """A statement with whitespace collapsed and stray trailing separators removed."""
    return re.sub(r"\s+", " ", text).strip().rstrip(",;").strip()


# -- CVs: role lines ---------------------------------------------------------------------------

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# The years of a CV role: "(2019–2024)", "Jan 2019 - Present", "2021 to date".
_YEARS = re.compile(
    rf"[(\[]?\s*(?:{_MONTHS}\s+)?(?<![\w-])(?:19|20)\d\d\s*(?:[-–—]|to|until)\s*"
    rf"(?:(?:{_MONTHS}\s+)?(?:19|20)\d\d|present|current|now|date|today)\s*[)\]]?",
    re.IGNORECASE,
)
_ROLE_PARTS = re.compile(r"\s*(?:,|\||·|\s[-–—]\s)\s*")
_ROLE_MAX_WORDS = 12
_NAME_GLUE = frozenset({"of", "the", "and", "for", "at", "in", "on", "&"})


def _role_title(line: str, *, in_history: bool) -> str | None:
    """The job a CV role line names ("Maintenance Planner, Northside Pulp & Paper Mill
    (2019–2024)" → "Maintenance Planner"; "" for an employer alone: "Acme Corp (2015–2019)"),
    or None when the line is no role line: one with no verb opening and no sentence end, in
    capitalised words, holding the years of the role (under a work-history heading the years
    may be missing). The job is the part before " at " or the first part between commas, bars
    or dashes that does not name an organisation."""
    text, years = _YEARS.subn(" ", line)
    if not (years or in_history) or opens_with_verb(line) or line.rstrip().endswith((".", ";")):
        return None
    text = _BRACKETED.sub(" ", text)
    words = WORD.findall(text)
    named = [w for w in words if w[0].isupper() or w.lower() in _NAME_GLUE]
    if not words or len(words) > _ROLE_MAX_WORDS or len(named) < 0.75 * len(words):
        return None
    role = re.split(r"\s+(?:at|@)\s+", text, maxsplit=1)[0]
    parts = [_clean(p) for p in _ROLE_PARTS.split(role) if WORD.search(p)]
    jobs = [p for p in parts if not names_an_organisation(p)]
    return jobs[0] if jobs else ""


# -- prose: the job named, lists of duties -----------------------------------------------------

# "I work as a veterinary nurse in ...", "I'm a pharmacist at ...", "My job title is ...".
_JOB_NAMED = re.compile(
    rf"^(?:I(?:{APOS}m| am| was| have been|{APOS}ve been)?\s+(?:currently\s+|now\s+)?"
    r"(?:work(?:ing|ed)?|employed|hired|practi[cs]ing)\s+as\s+(?:an?\s+|the\s+)?|"
    # "I'm a pharmacist at ...": a workplace must follow ("I am a fast learner" names no job)
    rf"I(?:{APOS}m| am| was)\s+(?:currently\s+|now\s+)?(?:an?|the)\s+"
    r"(?=[^,.;]+?\s+(?:in|at|for|on|within|based)\s)|"
    r"my (?:job|role|position|job title|title|occupation) is\s+(?:an?\s+|the\s+)?)"
    r"(?P<job>[A-Za-z][\w'’&/ -]*?)"
    r"(?=\s+(?:in|at|for|on|of|within|based|since|who|where|with|and)\b|\s*[,.;!]|\s*$)",
    re.IGNORECASE,
)
_JOB_MAX_WORDS = 6
_NO_JOB = frozenset(
    {"part", "member", "one", "some", "lot", "bit", "kind", "sort", "type", "person"}
)


def _job_named(sentence: str) -> str | None:
    """The job a sentence of prose names about its writer ("I work as a veterinary nurse in a
    busy clinic." → "veterinary nurse"), or None."""
    found = _JOB_NAMED.match(sentence.strip())
    if found is None:
        return None
    job = found.group("job").strip()
    n = len(WORD.findall(job))
    if not 0 < n <= _JOB_MAX_WORDS or _opens_with_task_verb(job) or section_of(job):
        return None
    if job.split()[0].lower() in _NO_JOB:  # "I work as part of a team"
        return None
    return job


# A subject that several verb phrases share: "Most days I", "Between appointments I also",
# "In this role, you will" (a lead of up to five words, then I, we or you and auxiliaries).
_SUBJECT_FRAME = re.compile(
    rf"^(?:[A-Za-z'’-]+,?\s+){{0,5}}?(?:I|we|you)(?:{APOS}ll)?\s+"
    r"(?:(?:will|also|usually|often|mostly|typically|generally|then|normally|sometimes|"
    r"always|mainly|primarily|regularly|can|get to|have to|need to)\s+)*",
    re.IGNORECASE,
)
_LIST_SEP = re.compile(r"\s*(?:,|;)\s*(?:(?:and|or)\s+)?")
_AND = re.compile(r"\s+and\s+")
_PRONOUNS = frozenset({"it", "them", "these", "those", "this", "that", "him", "her", "one"})
_PARTICLES = frozenset({"and", "or", "out", "up", "off", "down", "over", "back", "away", "in"})


def _verb_kind(word: str) -> str | None:
    """'base' for a task verb, the inflection of an inflected one ('s', 'ing', 'ed'), or None."""
    if is_task_verb(word):
        return "base"
    found = base_verb(word)
    return None if found is None else found[1]


def _cut(body: str, spans: list[tuple[int, int]], kind: str) -> list[tuple[int, int]]:
    """Spans of ``body`` merged into verb phrases: a span starts a new phrase when it opens
    with a verb of ``kind`` followed by an object of its own (not "them", not a bare verb:
    "portion out"), and the span before has one too ("prepare, cook and serve meals" is one
    phrase) and does not end in "to" and a verb ("to develop, evaluate and revise programs")."""

    def words(span: tuple[int, int]) -> list[str]:
        return WORD.findall(body[span[0] : span[1]])

    def has_object(ws: list[str]) -> bool:
        rest = [w.lower() for w in ws if _verb_kind(w) != kind]
        return any(w not in _PARTICLES for w in rest)

    phrases: list[list[tuple[int, int]]] = []
    for span in spans:
        ws = words(span)
        before = words(phrases[-1][-1]) if phrases else []
        second = ws[1].lower() if len(ws) > 1 else ""
        starts = (
            bool(ws)
            and _verb_kind(ws[0]) == kind
            and second not in _PRONOUNS | {"of"}  # "the budget, schedule of works": a noun
            # "schedule and scope": nouns; "induce and monitor anaesthesia": verbs
            and (second not in ("and", "or") or (len(ws) > 2 and _verb_kind(ws[2]) == kind))
            and has_object(ws)
            and has_object(before)
            and not (len(before) > 1 and before[-2].lower() == "to")
        )
        if starts or not phrases:
            phrases.append([span])
        else:
            phrases[-1].append(span)
    return [(p[0][0], p[-1][1]) for p in phrases]


def _verb_phrases(sentence: str) -> list[str]:
    """A sentence of prose whose subject does several things, cut into one statement per verb
    phrase: "Most days I prepare animals for surgery, place IV catheters, induce and monitor
    anaesthesia, and look after patients in recovery." → "prepare animals for surgery", "place
    IV catheters", "induce and monitor anaesthesia", "look after patients in recovery".

    Conservative: only after a subject ("I", "we", "you will"), only a list cut by commas or
    semicolons (and by the "and" before its last item when no comma comes before that "and":
    "..., do wound care and advise owners"), and a new statement only at a verb of the first
    verb's form with an object of its own ("give medications and fluids", "take blood samples
    and run them ...", "attach tape, trim, appliqués or elastic" stay whole). O*NET statements
    have no subject and are never cut."""
    frame = _SUBJECT_FRAME.match(sentence)
    if frame is None:
        return [sentence]
    body = sentence[frame.end() :].rstrip(" .!")
    first = WORD.match(body)
    kind = _verb_kind(first.group(0)) if first and first.start() == 0 else None
    if kind is None:
        return [sentence]
    depth = [0]
    for ch in body:
        depth.append(depth[-1] + (ch in "([") - (ch in ")]"))

    def cuts(pattern: re.Pattern[str], a: int, b: int) -> list[re.Match[str]]:
        return [m for m in pattern.finditer(body, a, b) if depth[m.start()] == 0]

    def spans(seps: list[re.Match[str]], a: int, b: int) -> list[tuple[int, int]]:
        starts, ends = [a] + [m.end() for m in seps], [m.start() for m in seps] + [b]
        return list(zip(starts, ends, strict=True))

    commas = cuts(_LIST_SEP, 0, len(body))
    listed = _cut(body, spans(commas, 0, len(body)), kind)
    if len(listed) < 2:
        return [sentence]
    if not re.search(r"\b(?:and|or)\s*$", commas[-1].group(0)):
        # no comma before the last "and": "take radiographs, do wound care and advise owners"
        a, b = listed.pop()
        listed += _cut(body, spans(cuts(_AND, a, b), a, b), kind)
    return [body[a:b] for a, b in listed]


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
    kind = None if first is None else _verb_kind(first.group(0))
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
        aside.append(SetAside(_clean(cut[0]), REPORTING))
        statement = _clean(cut[1])
        shape = line_kind(statement, in_duties=in_duties)
    if shape == DUTY and section == HISTORY and not _past_work(statement, cv):
        shape = REQUIREMENT  # a job ad's "Experience" section, or a CV line that is no duty
    key = _key(statement)
    if shape != DUTY:
        aside.append(SetAside(statement, shape))
    elif size_problem(statement):
        aside.append(SetAside(statement, SIZE))
    elif key in seen:
        aside.append(SetAside(statement, REPEATED))
    else:
        seen.add(key)
        tasks.append(statement)


def split_description(text: str) -> SplitText:
    """Task statements of a pasted job description (rules in the module docstring)."""
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
    title = None
    cv = False  # a role line has shown the text is a CV
    aside: list[SetAside] = []
    first = LIST_MARKER.sub("", lines[0]).strip()
    framing, framed = _framed_title(first)
    if len(lines) > 1 and framing and section_of(first) is None:
        # "My weekly work (freelance graphic designer)": the frame goes, the job named stays.
        title, aside = _title_notes(framed) if framed else (None, [])
        aside.insert(0, SetAside(_clean(first), HEADING))
        lines = lines[1:]
    elif len(lines) > 1 and (named := _labelled_title(first)):
        title, aside = _title_notes(named)
        lines = lines[1:]
    elif len(lines) > 1 and _is_title(lines, raw):
        if role := _role_title(lines[0], in_history=False):
            # a CV's role line: "Maintenance Planner, Northside Pulp & Paper Mill (2019–2024)"
            # (one naming only an employer, "", is read as any first line)
            title, aside, cv = role, [SetAside(_clean(lines[0]), HEADING)], True
        else:
            title, aside = _title_notes(lines[0])
        lines = lines[1:]
    tasks: list[str] = []
    seen: set[str] = set()
    section: str | None = None  # kind of the current section; None before any or unknown
    for line in lines:
        bare = LIST_MARKER.sub("", line).strip()
        if not bare:
            continue
        is_heading, kind = _heading(bare)
        if is_heading:
            section = kind
            aside.append(SetAside(_clean(bare), HEADING))
            continue
        if named := _labelled_title(bare):
            # "Job Title: Warehouse Team Leader" names the job wherever it stands.
            if title is None and not tasks:
                title, notes = _title_notes(named)
                aside += notes
            else:
                aside.append(SetAside(_clean(bare), HEADING))
            continue
        label, colon, rest = bare.partition(":")
        labelled = section_of(label) if colon and rest.strip() else None
        if labelled == HISTORY:
            labelled = REQUIREMENT  # "Experience: 2-5 years in Java"
        if labelled not in (None, DUTY):
            aside.append(SetAside(_clean(bare), labelled))
            continue
        bulleted = bool(LIST_MARKER.match(line))
        if section not in (None, DUTY, HISTORY):
            # an equal-opportunity line under "Benefits" says so; a prose line whose sentences
            # are of different kinds is set aside sentence by sentence
            parts = [_clean(p) for p in ([bare] if bulleted else _sentences(bare))]
            kinds = [k if k != DUTY else section for k in map(line_kind, parts)]
            if len(set(kinds)) > 1:
                aside += [SetAside(p, k) for p, k in zip(parts, kinds, strict=True) if p]
            else:
                aside.append(SetAside(_clean(bare), kinds[0]))
            continue
        if (role := _role_title(bare, in_history=section == HISTORY)) is not None:
            # a CV's role line names the job (the first one, when no title came before)
            if title is None and not tasks and role:
                title = role
            cv = True
            aside.append(SetAside(_clean(bare), HEADING))
            continue
        if labelled == DUTY:
            bare = rest.strip()
        parts = [bare] if bulleted else _sentences(bare)
        for part in parts:
            if (job := _job_named(_clean(part))) is not None:
                # "I work as a veterinary nurse in ...": the job, not a duty
                title = title or job
                aside.append(SetAside(_clean(part), HEADING))
                continue
            for piece in [part] if bulleted else _verb_phrases(_clean(part)):
                _judge(_clean(piece), section, aside, tasks, seen, cv=cv)
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
