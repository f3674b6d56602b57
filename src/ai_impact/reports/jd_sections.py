"""Section headings of a pasted job description: the known section names and the kind of lines
under each, and whether a line is a heading at all.

- :func:`section_of` — a short line that names a section ("What you bring", "Perks &
  benefits:", "ESSENTIAL FUNCTIONS") and the kind of lines under it; a CV's work-history
  heading ("Experience", "Employment History") opens a :data:`HISTORY` section, whose lines
  that open with a past-tense verb ("Planned and scheduled ...") are duties;
- :func:`section_heading` — a known section name, a short line ending in ``:``, or a short line
  in capitals (rule 2 of :mod:`ai_impact.reports.jd_split`).
"""

from __future__ import annotations

import re

from ai_impact.reports.jd_kinds import (
    BENEFIT,
    COMPANY,
    DUTY,
    HISTORY,
    LOGISTICS,
    REPORTING,
    REQUIREMENT,
)
from ai_impact.reports.jd_words import WORD
from ai_impact.scoring.phrasing import APOS

__all__ = ["section_heading", "section_of"]

_YOU_LL = rf"you(?:{APOS}ll| will)"

_PREFIX = (
    r"(?:(?:key|main|core|primary|essential|principal|general|specific|major|your|the|our|job|"
    r"position|role|minimum|basic|required|preferred|desired|additional|other|bonus|special|"
    r"typical|illustrative|representative|"
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
        r"what the job involves|what the role involves|full job description|"
        r"examples? of (?:the )?(?:duties|(?:essential |job )?functions|work(?: performed)?|"
        r"tasks|responsibilities)",
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
        rf"why you{APOS}ll love (?:it here|working here|us)|our offer|pay and benefits|"
        r"why (?:us|[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,2})",
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
        r"client|safeguarding(?: statement| commitment)?",
    ),
    (
        LOGISTICS,
        r"location|schedule|hours|shifts?|working conditions|work environment|travel|"
        r"job type|employment type|job details|details|work setting|notice period|"
        r"work mode|joining|shift timings?|work location|job location",
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
_COLON_HEADING_WORDS = 6
# A heading that says what its list holds: "Duties include, but are not limited to, the
# following:", "Responsibilities will include:", "Essential functions are:".
_INTRODUCES = re.compile(
    r"\s+(?:may\s+|will\s+|shall\s+)?(?:include|includes|involve|involves|are|is|consist of)"
    r"(?:,?\s+but\s+(?:are|is)\s+not\s+limited\s+to)?,?(?:\s+the\s+following)?"
    r"(?:\s*\([^()]{0,40}\))?\s*:\s*$",
    re.IGNORECASE,
)


def section_of(line: str) -> str | None:
    """The kind of section a heading line opens (:data:`DUTY`, :data:`REQUIREMENT`, ...),
    or None when the line is not a known section name."""
    text = line.strip()
    if (intro := _INTRODUCES.search(text)) is not None and intro.start() > 0:
        text = text[: intro.start()]  # "Duties include, but are not limited to, the following:"
    if len(text.split()) > _HEADING_WORDS:
        return None
    for kind, pattern in _SECTION_RES:
        if pattern.match(text):
            return kind
    return None


def section_heading(line: str) -> tuple[bool, str | None]:
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
