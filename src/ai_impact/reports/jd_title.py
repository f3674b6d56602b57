"""Which line of a pasted job description names the job, and what else it carries.

- The first line may be the title (:func:`is_title`): short, no sentence punctuation, not a
  heading, not opening with a base-form verb unless it names a role ("Test Engineer",
  :func:`~ai_impact.reports.jd_roles.names_a_role`), and set apart (or naming a role in
  capitals, as titles are written). Its bracketed or trailing pay,
  benefit, place, schedule and employer notes, a leading place or schedule, its emoji and
  hiring call and call to action ("🚀 WE'RE HIRING!!! 🚀 Rockstar Warehouse Associate – 2nd
  shift – $19.50/hr", "... — $22/hr + BONUS 💰 APPLY TODAY!!")
  are set aside with their kind (:func:`title_notes`). A CV's name line is no title
  (:mod:`ai_impact.reports.jd_person`).
- A labelled line ("Job Title: Warehouse Team Leader") gives the title wherever it stands
  (:func:`labelled_title`); a first line that only frames the list ("My weekly work") is a
  heading, the job it names in brackets or after a colon being the title (:func:`framed_title`).
- A CV's role line ("Maintenance Planner, Northside Pulp & Paper Mill (2019–2024)") names the
  job held (:func:`role_title`); so does a sentence of prose about its writer ("I work as a
  veterinary nurse in ...", :func:`job_named`), and an employer's about the job it seeks ("We
  are looking for a compassionate hospice aide to ...", :func:`job_sought`).

The rules are those of :mod:`ai_impact.reports.jd_split` (rules 2, 3b and 5).
"""

from __future__ import annotations

import re
import unicodedata

from ai_impact.reports.description_lines import line_kind
from ai_impact.reports.jd_kinds import BENEFIT, COMPANY, DUTY, LOGISTICS, SetAside
from ai_impact.reports.jd_post_lines import names_an_organisation
from ai_impact.reports.jd_roles import names_a_role
from ai_impact.reports.jd_sections import section_heading, section_of
from ai_impact.reports.jd_words import WORD, clean, has_verb, opens_with_verb
from ai_impact.scoring.phrasing import APOS, LIST_MARKER, is_task_verb

__all__ = [
    "framed_title",
    "is_title",
    "job_named",
    "job_sought",
    "labelled_title",
    "role_title",
    "title_notes",
]

_TITLE_MAX_WORDS = 8

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
_BRACKETED = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
# The last " - " part of a title line: "Staff Accountant - St. Louis, MO".
_TRAILING_PART = re.compile(r"\s+[-–—|]\s+((?:(?!\s[-–—|]\s).)+)$")
# The first " - " part of a title line: "Remote - Software Engineer".
_LEADING_PART = re.compile(r"^((?:(?!\s[-–—|]\s).)+?)\s+[-–—|]\s+(?=\S)")
# A schedule before a capitalised title, with no dash: "Part-time Cashier", "Full-Time Welder".
_LEADING_SCHEDULE = re.compile(r"^((?i:full|part)[- ]?(?i:time))\s+(?=[A-Z])")
# A hiring call before the title: "WE'RE HIRING!!!", "Now hiring:", "Hiring: " ("Hiring
# Manager" is a title).
_HIRING = re.compile(
    rf"^(?P<call>(?:(?:we{APOS}re|we are)\s+(?:now\s+)?hiring\b|now\s+hiring\b|"
    r"(?:urgently\s+)?hiring(?=\s*[:!–—-]))!*)[\s.:;,–—-]*"
    r"(?:(?:an?|for(?:\s+an?)?)\s+(?=[A-Z]))?",
    re.IGNORECASE,
)
# Hype words before the title, one or several: "Rockstar", "Awesome Superstar".
_HYPE_WORDS = (
    r"rock\s?stars?|ninjas?|superstars?|super\s?heroes|super\s?hero|all[- ]stars?|gurus?|"
    r"wizards?|jedis?|unicorns?|awesome|amazing|fantastic|exceptional|outstanding|"
    r"talented|passionate|motivated|self-motivated|energetic|enthusiastic|dynamic|friendly|"
    r"outgoing|dedicated|compassionate|caring|reliable|hard-?working|driven"
)
_HYPE = re.compile(rf"(?:(?:{_HYPE_WORDS})\s+)+", re.IGNORECASE)
# A call to action after the title: "APPLY TODAY!!", "Apply now", "Join our team!", "Start
# ASAP" (set aside as the employer's, like a hiring call).
_ACTION = (
    r"(?:apply|join\s+us|join\s+(?:our|the)\s+team|start|interview(?:ing|s)?|hiring)"
    r"(?:\s+(?:today|now|here|online|asap|immediately|this\s+week))+!*|"
    r"(?:apply|join\s+us|join\s+(?:our|the)\s+team)!+|"
    r"(?:now\s+hiring|immediate\s+(?:start|hire|openings?))!*"
)
_TRAILING_ACTION = re.compile(rf"[\s.,:;|–—-]*\b(?P<call>{_ACTION})[\s!.]*$", re.IGNORECASE)
_ACTION_PART = re.compile(rf"(?:{_ACTION})[\s!.]*", re.IGNORECASE)
_PAY = re.compile(r"[$£€₹]\s?\d|\bbonus\b", re.IGNORECASE)
_EMOJI_GLUE = frozenset("\ufe0f\u200d\u20e3") | frozenset(map(chr, range(0x1F3FB, 0x1F400)))
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


def _note_kind(text: str) -> str:
    """The kind of a part of a title line: :data:`LOGISTICS` when it is where or how the job is
    done ("St. Louis, MO", "Remote", "Full-time", "Nights, 36 hrs/week"), else its
    :func:`line_kind`."""
    place = _CITY_REGION.fullmatch(text.strip())
    return LOGISTICS if place and place.group(1) in _REGIONS else line_kind(text)


def _opens_with_task_verb(text: str, *, any_case: bool = False) -> bool:
    """Whether ``text`` opens like a duty: its first word is a base-form task verb ("Lead the
    design team") and it does not name a role ("Lead Data Scientist", "Test Engineer"; in any
    case when ``any_case``, as prose writes a job)."""
    opening = WORD.match(text)
    if opening is None or not is_task_verb(opening.group(0)):
        return False
    return not names_a_role(title_notes(text)[0], any_case=any_case)  # "... - Austin, TX"


def _emoji(char: str) -> bool:
    """A pictograph or what joins or modifies one ("🚀", "✨"), not "©" or "°"."""
    return (char >= "\u2190" and unicodedata.category(char) == "So") or char in _EMOJI_GLUE


def _without_hype(line: str) -> tuple[str, list[SetAside], bool]:
    """A title line without its emoji, its hiring call ("🚀 WE'RE HIRING!!! 🚀", "Now hiring:",
    set aside as the employer's) and a leading hype word ("Rockstar", "Ninja"); the notes, and
    whether there was any of them."""
    bare = "".join(" " if _emoji(c) else c for c in line).strip()
    hyped = bare != line.strip()
    notes = []
    if (call := _HIRING.match(bare)) and bare[call.end() :][:1].isupper():
        notes.append(SetAside(clean(call.group("call")), COMPANY))
        bare, hyped = bare[call.end() :], True
    if (action := _TRAILING_ACTION.search(bare)) and WORD.search(bare[: action.start()]):
        notes.append(SetAside(clean(action.group("call")), COMPANY))  # "APPLY TODAY!!"
        bare, hyped = bare[: action.start()], True
    hype = _HYPE.match(bare)
    if hype and WORD.search(bare[hype.end() :]):
        bare, hyped = bare[hype.end() :], True
    return clean(bare), notes, hyped


def _pay_part(text: str) -> bool:
    """A part of a title line that states pay ("$19.50/hr + $2 shift diff!!")."""
    return line_kind(text) == BENEFIT and bool(_PAY.search(text))


def title_notes(line: str) -> tuple[str, list[SetAside]]:
    """A title line without its bracketed pay, benefit, location or schedule notes
    ("Registered Nurse (Sign-on Bonus $10K!)"), its leading or trailing location, schedule or
    pay parts ("- St. Louis, MO", "Remote - ", "Part-time ", "– 2nd shift – $19.50/hr"), its
    employer (", Mercy Hospital"), emoji, hiring call and hype ("🚀 WE'RE HIRING!!! 🚀
    Rockstar"), and those notes; a bracketed qualifier ("(Python/Go)") or part ("- ICU", ",
    FP&A") stays."""
    line, notes, hyped = _without_hype(line)

    def drop(match: re.Match[str]) -> str:
        inner = match.group(1)
        kind = _note_kind(inner)
        if kind == DUTY:
            return match.group(0)
        notes.append(SetAside(clean(inner), kind))
        return ""

    title = clean(_BRACKETED.sub(drop, line))
    while (lead := _LEADING_PART.match(title)) and (kind := _part_kind(lead.group(1))):
        notes.append(SetAside(clean(lead.group(1)), kind))  # "Remote – Barista"
        title = clean(title[lead.end() :])
    if lead := _LEADING_SCHEDULE.match(title):
        notes.append(SetAside(clean(lead.group(1)), LOGISTICS))
        title = clean(title[lead.end() :])
    tail: list[SetAside] = []
    while True:
        part = _TRAILING_PART.search(title)
        kind = _part_kind(part.group(1)) if part else None
        if kind is None:
            part = _TRAILING_EMPLOYER.search(title)
            kind = COMPANY if part and names_an_organisation(part.group(1)) else None
        if part is None or kind is None:
            # "Now Hiring Cashiers!": the hype's exclamation marks go with it
            return (title.rstrip(" !") if hyped else title), notes + tail
        tail.insert(0, SetAside(clean(part.group(1)), kind))
        title = clean(title[: part.start()])


def _part_kind(text: str) -> str | None:
    """The kind of a part of a title line cut off at a dash or bar when it is no part of the
    title: where or when the work is done, or pay ("$19.50/hr"); else None ("ICU")."""
    if _note_kind(text) == LOGISTICS:
        return LOGISTICS
    if _ACTION_PART.fullmatch(text.strip()):
        return COMPANY  # "Nurse Aide – Apply Today – Nights"
    return BENEFIT if _pay_part(text) else None


def _looks_like_title(line: str) -> bool:
    """A first line that names the job: short, no sentence punctuation, not a heading (its
    bracketed notes aside)."""
    line = title_notes(line)[0]
    words = WORD.findall(line)
    return (
        0 < len(words) <= _TITLE_MAX_WORDS
        and not LIST_MARKER.match(line)
        and not line.rstrip().endswith((".", "!", "?", ";", ":"))
        and section_of(line) is None
        and line_kind(line, in_duties=True) == DUTY
    )


def labelled_title(line: str) -> str | None:
    """The title a labelled line names ("Job Title: Warehouse Team Leader"), or None."""
    label, colon, rest = line.partition(":")
    if not colon or not _TITLE_LABEL.fullmatch(label.strip()):
        return None
    rest = rest.strip()
    if not _looks_like_title(rest) or _opens_with_task_verb(rest, any_case=True):
        return None
    return rest


def framed_title(line: str) -> tuple[bool, str | None]:
    """Whether a first line only frames a task list ("My weekly work", "My tasks:"), and the
    job it names in brackets or after a colon ("My weekly work (freelance graphic designer)",
    "My job: graphic designer"), if any."""
    label, colon, rest = line.partition(":")
    words = [w.lower() for w in WORD.findall(_BRACKETED.sub(" ", label))]
    if not words or not set(words) <= _FRAME_WORDS or is_task_verb(words[0]):
        return False, None
    inner = [m.group(1) for m in _BRACKETED.finditer(label)]
    for candidate in [rest, *inner] if colon else inner:
        candidate = title_notes(candidate)[0]
        if _looks_like_title(candidate) and not _opens_with_task_verb(candidate, any_case=True):
            return True, candidate
    # "Role: Lead the design team" is a labelled duty, not a frame
    return not rest.strip(), None


def is_title(lines: list[str], raw: list[str]) -> bool:
    """The first line names the job when it looks like a title, does not open like a duty (a
    verb with an object: "Test software releases"; "Test Engineer" names a role), and the text
    shows it stands apart: a blank line or a bulleted line follows it, or the text has headings.
    In a plain task list the first line is a task like the others, unless it names a role in
    capitals as titles are written ("Test Engineer", "Registered Nurse")."""
    first = lines[0]
    bare = LIST_MARKER.sub("", first)
    if not _looks_like_title(first) or _opens_with_task_verb(bare, any_case=True):
        return False
    label, colon, rest = first.partition(":")
    if colon and rest.strip() and section_of(label) is not None:
        return False  # a labelled line: "Role: Lead the design team", "Benefits: ..."
    if names_a_role(title_notes(first)[0]):
        return True  # "Test Engineer" over a plain list of duties is no duty either
    head = re.split(r"\s+[-–—|]\s+", title_notes(first)[0])[0]
    if (
        len(lines) > 2
        and names_a_role(head, any_case=True)
        and not has_verb(head)
        and all(opens_with_verb(LIST_MARKER.sub("", ln)) for ln in lines[1:4])
    ):
        return True  # "pharmacy tech - retail" over a terse list of duties, each with a verb
    at = raw.index(first)
    blank_after = at + 1 < len(raw) and raw[at + 1] == ""
    bullet_after = bool(LIST_MARKER.match(lines[1]))
    return blank_after or bullet_after or any(section_heading(ln)[0] for ln in lines[1:])


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


def role_title(line: str, *, in_history: bool) -> str | None:
    """The job a CV role line names ("Maintenance Planner, Northside Pulp & Paper Mill
    (2019–2024)" → "Maintenance Planner"; "" for an employer alone: "Acme Corp (2015–2019)"),
    or None when the line is no role line: one with no verb opening (unless the job it opens
    with names a role: "Test Engineer, Acme Corp (2019–2024)") and no sentence end, in
    capitalised words, holding the years of the role (under a work-history heading the years
    may be missing). The job is the part before " at " or the first part between commas, bars
    or dashes that does not name an organisation."""
    text, years = _YEARS.subn(" ", line)
    if not (years or in_history) or line.rstrip().endswith((".", ";")):
        return None
    text = _BRACKETED.sub(" ", text)
    words = WORD.findall(text)
    named = [w for w in words if w[0].isupper() or w.lower() in _NAME_GLUE]
    if not words or len(words) > _ROLE_MAX_WORDS or len(named) < 0.75 * len(words):
        return None
    role = re.split(r"\s+(?:at|@)\s+", text, maxsplit=1)[0]
    parts = [clean(p) for p in _ROLE_PARTS.split(role) if WORD.search(p)]
    jobs = [p for p in parts if not names_an_organisation(p)]
    job = jobs[0] if jobs else ""
    if opens_with_verb(line) and not (job and parts[0] == job and names_a_role(job)):
        return None  # a duty, not "Test Engineer, Acme Corp (2019–2024)"
    return job


# -- prose: the job named ----------------------------------------------------------------------

# "I work as a veterinary nurse in ...", "I'm a pharmacist at ...", "My job title is ...".
_JOB_NAMED = re.compile(
    rf"^(?:I(?:{APOS}m| am| was| have been|{APOS}ve been)?\s+(?:currently\s+|now\s+)?"
    r"(?:work(?:ing|ed)?|employed|hired|practi[cs]ing)\s+as\s+(?:an?\s+|the\s+)?|"
    # "I'm a pharmacist at ...": a workplace must follow ("I am a fast learner" names no job)
    rf"I(?:{APOS}m| am| was)\s+(?:currently\s+|now\s+)?(?:an?|the)\s+"
    r"(?=[^,.;]+?\s+(?:in|at|for|on|within|based)\s)|"
    r"my (?:job|role|position|job title|title|occupation) is\s+(?:being\s+|working\s+as\s+)?"
    r"(?:an?\s+|the\s+)?)"
    r"(?P<job>[A-Za-z][\w'’&/ -]*?)"
    r"(?=\s+(?:in|at|for|on|of|within|based|since|who|where|with|and)\b|\s*[,.;!]|\s*$)",
    re.IGNORECASE,
)
_JOB_MAX_WORDS = 6
_NO_JOB = frozenset(
    {"part", "member", "one", "some", "lot", "bit", "kind", "sort", "type", "person"}
)


def job_named(sentence: str) -> str | None:
    """The job a sentence of prose names about its writer ("I work as a veterinary nurse in a
    busy clinic." → "veterinary nurse"), or None."""
    found = _JOB_NAMED.match(sentence.strip())
    if found is None:
        return None
    job = found.group("job").strip()
    n = len(WORD.findall(job))
    if not 0 < n <= _JOB_MAX_WORDS or _opens_with_task_verb(job, any_case=True) or section_of(job):
        return None
    if job.split()[0].lower() in _NO_JOB:  # "I work as part of a team"
        return None
    return job


# "We are looking for a compassionate hospice aide to join ...", "We're hiring an experienced
# Line Cook.", "Acme Health is seeking a Staff Accountant who ...", "Our clinic is recruiting a
# ...": the job an employer's sentence seeks. Words before the job that describe the person
# ("compassionate", "motivated, detail-oriented", "part-time") are no part of it.
_SOUGHT_ADJECTIVE = (
    rf"{_HYPE_WORDS}|experienced|skilled|qualified|organi[sz]ed|detail[- ]oriented|"
    r"proactive|creative|positive|kind|patient|warm|great|new|additional|full[- ]time|"
    r"part[- ]time|per[- ]diem|temporary|seasonal|permanent|highly|very"
)
_JOB_SOUGHT = re.compile(
    rf"^(?:we(?:{APOS}re|\s+are)|(?:[A-Z][\w&'’.-]*\s+){{1,4}}(?:is|are))\s+"
    r"(?:currently\s+|now\s+)?"
    r"(?:looking\s+for|seeking|hiring|recruiting|searching\s+for)\s+(?:an?|one|two|several)\s+"
    rf"(?:(?:{_SOUGHT_ADJECTIVE})(?:\s*,\s*|\s+and\s+|\s+))*"
    r"(?P<job>[A-Za-z][\w'’&/ -]*?)"
    r"(?=\s+(?:to|who|in|at|for|on|within|based|with|and|that|from)\b|\s*[,.;!(]|\s*$)",
    re.IGNORECASE,
)
_NOT_SOUGHT = _NO_JOB | {"team", "candidate", "individual", "someone", "people", "new"}


def job_sought(sentence: str) -> str | None:
    """The job an employer's sentence of prose seeks ("We are looking for a compassionate
    hospice aide to join our home care team." → "hospice aide"), the words describing the
    person left out, or None."""
    found = _JOB_SOUGHT.match(sentence.strip())
    if found is None:
        return None
    job = found.group("job").strip()
    n = len(WORD.findall(job))  # "Line Cook" opens with a verb, but is sought: a job
    if not 0 < n <= _JOB_MAX_WORDS or section_of(job):
        return None
    if job.split()[0].lower() in _NOT_SOUGHT:  # "We are looking for a team player"
        return None
    return job
