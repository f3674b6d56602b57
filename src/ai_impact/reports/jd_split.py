"""Cut a pasted job description or task list into task-like statements.

Rules, applied line by line (documented in docs/methodology.md, "Your own job description"):

1. List markers (``-``, ``*``, ``•``, ``1.``, ``2)``, ``a)``) are stripped; a bulleted or
   numbered line is one statement, a prose line is cut into sentences.
2. Headings are dropped: a short line ending in ``:``, a short line in capitals, or a known
   section name ("Responsibilities", "Benefits", "About us", ...), and so is a line led by a
   non-duty label ("About us: ...", "Salary: ..."). A heading also sets the
   section: lines under a requirements, benefits, company or equal-opportunity heading are
   dropped until a duties heading ("Responsibilities", "What you'll do", "Duties", "Tasks").
3. Boilerplate lines are dropped wherever they stand: equal-opportunity statements, pay and
   salary lines, benefits, experience / degree / licence requirements, company blurbs,
   calls to apply, location and schedule lines.
4. What is left must read like a task: three to 60 words, with a letter in it. Duplicates
   (ignoring case and punctuation) are dropped.
5. The first line may be the job title (short, no sentence punctuation, not a heading): it is
   returned apart, not as a task.

Limits: the text may hold at most :data:`MAX_CHARS` characters and :data:`MAX_TASKS` task
statements; beyond either, or with no task statement at all, :class:`InputError` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ai_impact.errors import InputError
from ai_impact.scoring.phrasing import LIST_MARKER

__all__ = ["MAX_CHARS", "MAX_TASKS", "SplitText", "split_description"]

MAX_CHARS = 20_000
MAX_TASKS = 60
MIN_WORDS = 3
MAX_WORDS = 60
_TITLE_MAX_WORDS = 8

_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[\"“(]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_DUTY_HEADINGS = re.compile(
    r"^(?:key |main |core |primary |essential |job |your |the )?"
    r"(?:responsibilities|duties|tasks|accountabilities|what you(?:'|’)?ll do|what you will do|"
    r"day[- ]to[- ]day|the role|role|in this role|about the role|job description|"
    r"position summary|summary|overview|activities|scope)"
    r"(?: and (?:duties|responsibilities))?(?: include)?\s*:?\s*$",
    re.IGNORECASE,
)
_SKIP_HEADINGS = re.compile(
    r"^(?:(?:minimum |preferred |basic |required |desired |key |our |the |your )?"
    r"(?:requirements|qualifications|skills|experience|education|what you(?:'|’)?ll bring|"
    r"what we(?:'|’)?re looking for|who you are|about you|nice to have|must haves?|"
    r"benefits|perks|what we offer|compensation|pay|salary|about us|about the company|"
    r"who we are|our company|company overview|equal opportunity|eeo|how to apply|"
    r"physical demands|working conditions|work environment|location|schedule|hours)"
    r"(?: and (?:skills|experience|qualifications|benefits|perks))?)\s*:?\s*$",
    re.IGNORECASE,
)

# Lines that are not work done in the job, wherever they stand.
# Lines that are not work done in the job, wherever they stand. Each pattern is narrow enough
# to keep duties that share a word with boilerplate ("Calculate bonus payments", "Assist with
# dental procedures", "Complete required documentation", "Provide remote support").
_BOILERPLATE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # equal opportunity, accommodation, screening of applicants
        r"equal (?:employment )?opportunity|without regard to|protected (?:veteran|class)|"
        r"sexual orientation|gender identity|national origin|e-?verify|"
        r"(?:pass|subject to|undergo)\b.*\b(?:background check|drug (?:test|screen))",
        # pay and benefits
        r"\$\s?\d[\d,.]*\s*(?:k\b|-|–|to\b|/\s?(?:hr|hour|year|yr)|per\b|an? (?:hour|year))|"
        r"\bsalary (?:range|of)\b|\bstarting (?:salary|pay)\b|\bper (?:hour|annum)\b|"
        r"\bpay range\b|\bcompensation (?:package|range)\b|\bcompetitive (?:pay|salary|wages?)|"
        r"\b401\s?\(?k\)?|\bhealth(?:care)? insurance\b|\bmedical, dental\b|"
        r"\bdental (?:and|&) vision\b|paid time off|\bPTO\b|\bbenefits package\b|"
        r"tuition reimbursement|\bstock options\b|\bemployee discount",
        # requirements rather than duties
        r"\b\d+\s*\+?\s*(?:years?|yrs?)(?:'|’)? (?:of )?(?:experience|exp\b)|"
        r"\bbachelor(?:'|’)?s?\b|\bmaster(?:'|’)?s degree|\bdegree in\b|\bhigh school\b|"
        r"\bGED\b|\b(?:is|are) (?:required|preferred)\b|\b(?:required|preferred):|"
        r"\((?:required|preferred)\)|, preferred\b|\bmust (?:have|be|possess)\b|"
        r"\bproficien(?:t|cy) (?:in|with)\b|^(?:previous |prior )?experience (?:with|in|as)\b|"
        r"\bability to lift\b|\bvalid driver|\bknowledge of\b|\bstrong .* skills\b|"
        r"\bexcellent .* skills\b",
        # company blurbs and calls to apply
        r"^(?:we are|we're|we’re|our (?:company|mission|team|client|culture)|join (?:us|our)|"
        r"founded in|headquartered)\b|\bapply (?:now|today|online)\b|\bclick (?:here|apply)\b|"
        # "Acme Health is a 300-bed hospital ...": a name, then is/are a ...
        r"^(?:[A-Z][\w&.'’-]*\s+){1,5}(?:is|are) (?:a|an|the|one)\b|"
        r"\bvisit (?:our|us)\b|\bwww\.|https?://",
        # location, schedule, job type
        r"^(?:location|schedule|shift|hours|job type|employment type|department|reports to|"
        r"travel|start date|pay|salary|benefits)\s*:|\bfull[- ]time\b|\bpart[- ]time\b|"
        r"^(?:remote|hybrid|on-?site)\b",
    )
)


@dataclass(frozen=True, slots=True)
class SplitText:
    """The task statements found in a pasted text, the title line if any, and what was dropped."""

    tasks: tuple[str, ...]
    title: str | None
    dropped: int


def _is_heading(line: str) -> bool:
    """A short line ending in a colon, a short line in capitals, or a known section name."""
    words = _WORD.findall(line)
    if _DUTY_HEADINGS.match(line) or _SKIP_HEADINGS.match(line):
        return True
    if line.endswith(":") and len(words) <= 6:
        return True
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and len(words) <= 6 and all(c.isupper() for c in letters)


def _looks_like_title(line: str) -> bool:
    """A first line that names the job: short, no sentence punctuation, not a heading."""
    words = _WORD.findall(line)
    return (
        0 < len(words) <= _TITLE_MAX_WORDS
        and not LIST_MARKER.match(line)
        and not line.rstrip().endswith((".", "!", "?", ";", ":"))
        and not _DUTY_HEADINGS.match(line)
        and not _SKIP_HEADINGS.match(line)
        and not any(p.search(line) for p in _BOILERPLATE)
    )


def _key(text: str) -> str:
    """What two statements must share to count as duplicates: their words and numbers."""
    return " ".join(w.lower() for w in re.findall(r"\w+", text))


def _clean(text: str) -> str:
    """A statement with whitespace collapsed and stray trailing separators removed."""
    return re.sub(r"\s+", " ", text).strip().rstrip(",;").strip()


def split_description(text: str) -> SplitText:
    """Task statements of a pasted job description (rules in the module docstring)."""
    if len(text) > MAX_CHARS:
        raise InputError(
            f"The job description has more than {MAX_CHARS:,d} characters, the limit.",
            hint="Paste only the duties or task list.",
        )
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise InputError(
            "The job description is empty.",
            hint="Paste the duties of the job, one per line or as sentences.",
        )
    title = None
    if len(lines) > 1 and _looks_like_title(lines[0]):
        title, lines = _clean(lines[0]), lines[1:]
    tasks: list[str] = []
    seen: set[str] = set()
    dropped = 0
    skipping = False
    for line in lines:
        bare = LIST_MARKER.sub("", line).strip()
        if not bare:
            continue
        if _is_heading(bare):
            if _SKIP_HEADINGS.match(bare):
                skipping = True
            elif _DUTY_HEADINGS.match(bare) or bare.endswith(":"):
                skipping = False
            dropped += 1
            continue
        label, colon, _rest = bare.partition(":")
        if skipping or (colon and _SKIP_HEADINGS.match(label.strip())):
            dropped += 1
            continue
        parts = [bare] if LIST_MARKER.match(line) else _SENTENCE.split(bare)
        for part in parts:
            statement = _clean(part)
            n_words = len(_WORD.findall(statement))
            key = _key(statement)
            if (
                not MIN_WORDS <= n_words <= MAX_WORDS
                or any(p.search(statement) for p in _BOILERPLATE)
                or key in seen
            ):
                dropped += 1
                continue
            seen.add(key)
            tasks.append(statement)
    if not tasks:
        raise InputError(
            "No task statement was found in the job description: every line was empty, too "
            "short, a heading or boilerplate (pay, benefits, requirements, company blurb).",
            hint="Paste the duties, one per line, such as 'Prepare monthly sales reports'.",
        )
    if len(tasks) > MAX_TASKS:
        raise InputError(
            f"The job description holds {len(tasks)} task statements; the limit is {MAX_TASKS}.",
            hint="Keep the main duties of the job, or split the text into several analyses.",
        )
    return SplitText(tasks=tuple(tasks), title=title, dropped=dropped)
