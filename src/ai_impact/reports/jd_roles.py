"""Whether a short line names a role ("Test Engineer", "Lead Data Scientist", "Head of Sales")
rather than stating a duty ("Test software releases", "Support customers").

Many job titles open with a word that is also a task verb: "Machine", "Test", "Process",
"Support", "Design", "Lead", "Program", "Research", "Plan". Such a line is still a title when
its last word is a role noun and nothing follows it: a role noun of the title tables
("engineer", "manager", "scientist", "lead", …; :func:`~ai_impact.reports.jd_person.role_words`)
or the agent noun of a task verb ("reviewer", "tester", "estimator"), singular, perhaps
followed by a grade ("Test Engineer II"); or a role noun followed by "of" and what it heads
("Head of Sales"). A duty has an object after its verb, or a plural one ("Supervise Sales
Representatives"), or a function word ("Assist the office manager").

The rules are those of :mod:`ai_impact.reports.jd_split` (rule 5).
"""

from __future__ import annotations

import re

from ai_impact.reports.jd_person import role_words
from ai_impact.reports.jd_words import WORD
from ai_impact.scoring.phrasing import is_task_verb

__all__ = ["names_a_role"]

_MAX_WORDS = 8
# A grade after the role noun: "Test Engineer II", "Support Engineer 2", "Design Lead Sr".
_GRADE = re.compile(r"(?:[IVX]{1,4}|\d{1,2}|jr|sr)", re.IGNORECASE)
# Words that join the words of a title: "Research and Development Engineer", "Head of Sales".
_GLUE = frozenset({"and", "&", "of"})
# Closed-class words no title holds but duties do: "Assist the office manager", "Report to
# the Finance Director", "Coordinate with your team lead".
_FUNCTION_TEXT = (
    "a an the this that these those my our your their his her its to with by from into onto "
    "on in at for under over as or per via about after before during through between against "
    "without within across among around upon throughout than if not all each every any some "
    "who whom when while"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_AGENT_ENDINGS = ("er", "or", "ist")
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
# A sentence's or a list's punctuation: "Test Engineer, Acme", "Test the engineer's code."
_PUNCTUATION = re.compile(r"[,;:!?]|\.\s*$")


def _agent_noun(word: str) -> bool:
    """Whether ``word`` is the agent noun of a task verb: "reviewer" (review), "estimator"
    (estimate), "planner" (plan)."""
    for ending in _AGENT_ENDINGS:
        if not word.endswith(ending) or len(word) < len(ending) + 3:
            continue
        stem = word[: -len(ending)]
        undoubled = stem[:-1] if stem[-1] == stem[-2] else stem
        if any(is_task_verb(s) for s in (stem, stem + "e", undoubled)):
            return True
    return False


def _role_noun(word: str) -> bool:
    """A singular role noun: one of the title tables' or the agent noun of a task verb."""
    low = word.lower()
    return low in role_words() or _agent_noun(low)


def _capitalised(word: str) -> bool:
    """A word as a title writes it: with a capital ("Engineer", "iOS") or a joining word."""
    return any(c.isupper() for c in word) or word.lower() in _GLUE


def names_a_role(text: str, *, any_case: bool = False) -> bool:
    """Whether ``text`` (a title line without its notes) names a role: its words, in capitals
    as a title writes them unless ``any_case`` (prose: "I work as a test engineer"), end in a
    singular role noun and perhaps a grade, or a role noun heads an "of" ("Head of Sales"); no
    function word and no comma or semicolon."""
    text = _BRACKETED.sub(" ", text)  # "Lead Software Engineer (Python/Go)"
    words = WORD.findall(text)
    if not words or len(words) > _MAX_WORDS or _PUNCTUATION.search(text):
        return False
    tokens = text.split()
    while len(tokens) > 1 and _GRADE.fullmatch(tokens[-1]):
        tokens.pop()  # "II", "2", "Sr"
    if any(w.lower() in _FUNCTION_WORDS for w in words):
        return False
    if not any_case and not all(_capitalised(w) for w in words):
        return False
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:-1]:  # "Head of Sales", "Director of Nursing"
        return _role_noun(words[lowered.index("of", 1) - 1])
    last = WORD.findall(tokens[-1])
    return bool(last) and _role_noun(last[-1])
