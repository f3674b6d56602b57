"""The duties of an O*NET description as task statements (the military occupations, QA #34).

O*NET publishes no task statements for the military occupations (SOC 55); their descriptions
open with an imperative summary ("Operate weapons and equipment in ground combat operations.")
and then list duties as gerunds ("Duties include operating and maintaining weapons, such as
rifles …; locating, constructing, and camouflaging infantry positions …"). Read as tasks, the
two overlapped and read in two grammars. :func:`as_imperative` writes a duty as O*NET writes a
task ("Operate and maintain weapons, such as rifles …"); :func:`covered_by` says whether the
duties restate the summary, which is then not listed again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ai_impact.scoring.verb_forms import base_verb, is_task_verb, same_case

__all__ = ["COVERED_SHARE", "as_imperative", "covered_by"]

# Share of the summary's content words the duties must name for the summary to be dropped.
COVERED_SHARE = 0.5
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# The leading gerunds of a duty: "Operating and maintaining", "Locating, constructing, and
# camouflaging", "Assessing need for and directing" is two runs (the second found below).
_RUN = re.compile(r"^([A-Za-z]+ing)((?:,? (?:and|or) |, )([a-z]+ing)\b)*")
_JOINED = re.compile(r"(,? (?:and|or) |, )([a-z]+ing)\b")
# A gerund after "and" later in a duty starts a second action ("Evaluating terrain and
# recording topographical information") unless it names a thing: "the design, development,
# and testing of …", "carrier takeoff and landing procedures".
_LATER = re.compile(
    r"(?<= and )([a-z]+ing)\b(?! of\b)(?! (?:procedures|gear|operations|aids|"
    r"equipment|systems|facilities|data)\b)"
)
# "These activities include offensive raids, demolitions, …": a list of what the occupation
# conducts, written about it rather than as a task (55-1017, 55-3018).
_ACTIVITIES = re.compile(
    r"^(?:these|its|their) (?:activities|operations|missions) (?:include|includes|cover) (.+)$",
    re.IGNORECASE,
)
_DOUBLED = re.compile(r"([bdgmnprt])\1$")
_SILENT_E = re.compile(r"(?:[^aeiou]at|ag|[^aeiou]us|iz|uc|[aeiou]v|rc|dg)$")
_STOP = frozenset(
    (
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "during",
        "for",
        "from",
        "in",
        "including",
        "into",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "to",
        "with",
    )
)


def _known(gerund: str) -> str | None:
    """The base verb of a gerund of a task verb ("operating" → "operate"), else None."""
    found = base_verb(gerund.lower()) if gerund.lower().endswith("ing") else None
    return found[0] if found is not None and found[1] == "ing" else None


def _base(gerund: str) -> str | None:
    """The base verb of a gerund: from the task verbs when known ("operating" → "operate"),
    else by spelling ("equipping" → "equip", "detonating" → "detonate", "targeting" →
    "target"); None for a word too short to be one. Only used on a word known to be a gerund
    (it shares a run with one of :func:`_known`)."""
    low = gerund.lower()
    if not low.endswith("ing") or len(low) < 6:
        return None
    if (known := _known(low)) is not None:
        return known
    stem = low[:-3]
    if _DOUBLED.search(stem):
        return stem[:-1]
    return stem + "e" if _SILENT_E.search(stem) else stem


def as_imperative(duty: str) -> str:
    """A duty opening with gerunds as an imperative task statement: "Locating, constructing,
    and camouflaging infantry positions." → "Locate, construct, and camouflage infantry
    positions."; "Evaluating terrain and recording …" → "Evaluate terrain and record …".
    A list of activities reads as their conduct: "These activities include offensive raids,
    …" → "Conduct offensive raids, …". Text that opens otherwise ("Supervision of …", an
    imperative) is returned unchanged."""
    if (listed := _ACTIVITIES.match(duty)) is not None:
        return "Conduct " + listed.group(1)
    run = _RUN.match(duty)
    if run is None or not any(_known(w) for w in re.findall(r"[A-Za-z]+ing\b", run.group(0))):
        return duty  # no verb among them: "Nothing …", "Supervision of …"
    first = run.group(1)
    lead = same_case(_base(first) or first, first)
    rest = _JOINED.sub(lambda m: m.group(1) + (_base(m.group(2)) or m.group(2)), run.group(0))
    text = lead + rest[len(first) :] + duty[run.end() :]
    return _LATER.sub(lambda m: _later(m.group(1)), text)


def _later(gerund: str) -> str:
    base = _known(gerund)
    return base if base is not None and is_task_verb(base) else gerund


def _stems(text: str) -> set[str]:
    out: set[str] = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP or len(word) < 3:
            continue
        word = _known(word) or word
        out.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return out


def covered_by(summary: str, duties: Sequence[str]) -> float:
    """The share of the summary's content words (verbs to their base, plurals to singular)
    that the duties name: 1.0 when the duties restate all of it."""
    wanted = _stems(summary)
    if not wanted:
        return 1.0
    named = set().union(*(_stems(d) for d in duties)) if duties else set()
    return len(wanted & named) / len(wanted)
