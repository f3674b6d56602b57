"""Prose lines of a pasted job description: cut into sentences (not after an abbreviation),
and a sentence whose subject does several things cut into one statement per verb phrase
(rules 1 and 3b of :mod:`ai_impact.reports.jd_split`).
"""

from __future__ import annotations

import re

from ai_impact.reports.jd_words import WORD, verb_kind
from ai_impact.scoring.phrasing import APOS

__all__ = ["sentences", "verb_phrases", "without_frame"]

_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"“(]?[A-Z0-9])")
# Abbreviations whose full stop does not end a sentence: "St. Mary's", "Acme Inc. is", "Dr.
# Lee"; dotted initialisms ("U.S.", "e.g.", "i.e.") and single initials ("J. Smith") too.
_ABBREVIATIONS = frozenset(
    {"st", "dr", "mt", "ft", "mr", "mrs", "ms", "mx", "jr", "sr", "inc", "co", "corp", "ltd"}
    | {"bros", "dept", "no", "nos", "vs", "approx", "est", "ave", "blvd", "rd", "hwy", "prof"}
    | {"gov", "sen", "gen", "col", "capt", "lt", "sgt", "rev", "fig", "vol", "ext"}
)
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")


def sentences(text: str) -> list[str]:
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


# -- prose: the second-person frame of a duty ----------------------------------------------

# "You will", "You'll also", "In this role, you will be responsible for", "You are
# responsible for", "Your duties include", "Your main responsibilities will be to".
_YOU_FRAME = re.compile(
    r"^(?:(?:in\s+this\s+(?:role|position|job)|as\s+part\s+of\s+(?:the|our)\s+team|"
    r"(?:each|every|most)\s+days?|day\s+to\s+day|on\s+a\s+(?:daily|weekly|typical)\s+(?:basis|day))"
    r",?\s+)?"
    rf"(?:you(?:{APOS}ll|\s+will|\s+would|\s+shall|\s+can|\s+are|\s+must)?"
    r"(?:\s+(?:also|often|usually|regularly|be))*"
    r"(?:\s+(?:(?:primarily\s+|mainly\s+|directly\s+)?responsible\s+for|expected\s+to|"
    r"asked\s+to|required\s+to|tasked\s+with|in\s+charge\s+of|able\s+to|"
    r"helping\s+to))?|"
    r"your\s+(?:main\s+|key\s+|core\s+|daily\s+|day-to-day\s+|primary\s+)?"
    r"(?:duties|responsibilities|tasks|role|job|work)(?:\s+will)?\s+"
    r"(?:include|includes|involve|involves|are|is|be|consist\s+of)(?:\s+to)?:?)\s+",
    re.IGNORECASE,
)


def without_frame(statement: str) -> str:
    """A duty without its second-person frame, its verb phrase kept: "You will visit patients
    in their homes" → "Visit patients in their homes" ("You'll", "You are responsible for",
    "Your duties include", "In this role, you will" too). The statement stays as it is when
    no verb follows the frame ("You are a team player")."""
    frame = _YOU_FRAME.match(statement)
    if frame is None:
        return statement
    rest = statement[frame.end() :]
    first = WORD.match(rest)
    if first is None or verb_kind(first.group(0)) is None:
        return statement
    return rest[0].upper() + rest[1:] if statement[0].isupper() else rest


# -- prose: lists of duties --------------------------------------------------------------------

# A subject that several verb phrases share: "Most days I", "Between appointments I also",
# "In this role, you will" (a lead of up to five words, then I, we or you and auxiliaries).
_SUBJECT_FRAME = re.compile(
    rf"^(?:[A-Za-z'’-]+,?\s+){{0,5}}?(?:I|we|you)(?:{APOS}ll)?\s+"
    r"(?:(?:will|also|usually|often|mostly|typically|generally|then|normally|sometimes|"
    r"always|mainly|primarily|regularly|can|get to|have to|need to)\s+)*",
    re.IGNORECASE,
)
# A separator, with the subject said again after it: "..., and I sit in court ..."
_LIST_SEP = re.compile(r"\s*(?:,|;)\s*(?:(?:and|or)\s+)?(?:(?:I|we)\s+(?:also\s+)?(?=[a-z]))?")
_AND = re.compile(r"\s+and\s+")
_PRONOUNS = frozenset({"it", "them", "these", "those", "this", "that", "him", "her", "one"})
_PARTICLES = frozenset({"and", "or", "out", "up", "off", "down", "over", "back", "away", "in"})


def _cut(body: str, spans: list[tuple[int, int]], kind: str) -> list[tuple[int, int]]:
    """Spans of ``body`` merged into verb phrases: a span starts a new phrase when it opens
    with a verb of ``kind`` followed by an object of its own (not "them", not a bare verb:
    "portion out"), and the span before has one too ("prepare, cook and serve meals" is one
    phrase) and does not end in "to" and a verb ("to develop, evaluate and revise programs")."""

    def words(span: tuple[int, int]) -> list[str]:
        return WORD.findall(body[span[0] : span[1]])

    def has_object(ws: list[str]) -> bool:
        rest = [w.lower() for w in ws if verb_kind(w) != kind]
        return any(w not in _PARTICLES for w in rest)

    phrases: list[list[tuple[int, int]]] = []
    for span in spans:
        ws = words(span)
        before = words(phrases[-1][-1]) if phrases else []
        second = ws[1].lower() if len(ws) > 1 else ""
        starts = (
            bool(ws)
            and verb_kind(ws[0]) == kind
            and second not in _PRONOUNS | {"of"}  # "the budget, schedule of works": a noun
            # "schedule and scope": nouns; "induce and monitor anaesthesia": verbs
            and (second not in ("and", "or") or (len(ws) > 2 and verb_kind(ws[2]) == kind))
            and has_object(ws)
            and has_object(before)
            and not (len(before) > 1 and before[-2].lower() == "to")
        )
        if starts or not phrases:
            phrases.append([span])
        else:
            phrases[-1].append(span)
    return [(p[0][0], p[-1][1]) for p in phrases]


def verb_phrases(sentence: str) -> list[str]:
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
    kind = verb_kind(first.group(0)) if first and first.start() == 0 else None
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
