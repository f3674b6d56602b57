"""What resolving a title answers: :class:`Candidate`, :class:`Resolution`, and the messages
for input that cannot be resolved."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

__all__ = [
    "MAX_TITLE_CHARS",
    "NO_MATCH_CONFIDENCE",
    "NO_MATCH_NEARNESS",
    "Candidate",
    "Resolution",
    "far_fetched",
    "input_problem",
    "no_match",
    "not_a_job",
    "not_english",
    "scaled",
    "with_parts",
]

MAX_TITLE_CHARS = 200
# A title that holds no indexed title, whose best candidate is this unsure (the calibration's
# lowest band: right about 1 time in 4) and whose embedding is this far from every occupation's
# titles (best cosine), is no match rather than a choice ("purple elephant": Animal Trainers at
# 0.14, cosine 0.45). Confidence alone cannot tell it from a real title: "Assistant Restaurant
# Manager" is right at 0.11. Neither figure alone, both together lose no right first answer of
# the titles benchmark (docs/titles.md, "No match below a floor").
NO_MATCH_CONFIDENCE = 0.2
NO_MATCH_NEARNESS = 0.5
_EXAMPLES = "a job title such as 'Registered Nurse' or an O*NET-SOC code such as 15-2051.00"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One occupation an input may mean; ``via`` says which signal found it."""

    code: str
    soc: str
    title: str
    confidence: float
    via: str  # 'code' | 'exact' | 'alias' | 'fuzzy' | 'semantic'


@dataclass(frozen=True, slots=True)
class Resolution:
    """The ranked candidates for one input, best first, and whether the user must choose."""

    input: str
    normalized: str
    candidates: tuple[Candidate, ...]
    needs_choice: bool
    alias_note: str | None
    message: str | None
    # Words the fuzzy step replaced, (as typed, as read): ("acocuntant", "accountant")
    respelled: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The PRODUCT.md batch line: input and candidates (code, soc, title, confidence), and
        ``reads_as`` (the reading the candidates are for) when a word was respelled, so that a
        reader of the line sees the guess ("Acocuntant" reads as "accountant")."""
        body: dict[str, Any] = {
            "input": self.input,
            "candidates": [
                {"code": c.code, "soc": c.soc, "title": c.title, "confidence": c.confidence}
                for c in self.candidates
            ],
        }
        if self.respelled:
            body["reads_as"] = self.normalized
        return body


def input_problem(text: str) -> str | None:
    """Why ``text`` cannot be a title (empty, no letters or digits, one character, overlong),
    or None."""
    stripped = text.strip()
    if not stripped:
        return f"The title is empty. Type {_EXAMPLES}."
    if len(stripped) > MAX_TITLE_CHARS:
        return (
            f"The title is {len(stripped)} characters long; a title has at most "
            f"{MAX_TITLE_CHARS}. Type just the job title, or analyze a whole job description "
            "with `ai-impact analyze --description-file FILE`."
        )
    if not any(c.isalnum() for c in stripped):
        return f"'{stripped}' has no letters or digits. Type {_EXAMPLES}."
    if sum(c.isalnum() for c in stripped) < 2:
        # One letter matched whatever O*NET title normalises to it ("E and I Apprentice" is
        # "e": 'é' read as Helpers--Electricians at 0.89).
        return f"'{stripped}' is one character; a title has at least two. Type {_EXAMPLES}."
    return None


def far_fetched(confidence: float, nearness: float) -> bool:
    """Whether a best candidate of ``confidence``, for a title whose embedding is at cosine
    ``nearness`` from the nearest occupation title, is too weak to offer (see
    :data:`NO_MATCH_CONFIDENCE`)."""
    return confidence < NO_MATCH_CONFIDENCE and nearness < NO_MATCH_NEARNESS


def _no_match(text: str, reading: str) -> Resolution:
    msg = (
        f"No occupation matches '{text.strip()}'. Try a broader title (for example "
        "'nurse', 'software developer', 'truck driver'), or check the spelling."
    )
    return Resolution(text, reading, (), False, None, msg)


_IN_ENGLISH = (
    "Titles are read in English (O*NET, the occupational classification, is written in "
    "American English)"
)


def no_match(text: str, reading: str, *, no_english: bool = False) -> Resolution:
    """The answer for a title no occupation fits, with suggestions; ``no_english`` when none
    of its words is one the resolver knows ("Enfermera", "Krankenschwester"): it may be in
    another language, or misspelt."""
    if not no_english:
        return _no_match(text, reading)
    msg = (
        f"No occupation matches '{text.strip()}': none of its words is an English word the "
        f"resolver knows. {_IN_ENGLISH}: if the title is in another language, type it in "
        "English (for example 'Registered Nurse', 'Software Developer'); otherwise check "
        "the spelling."
    )
    return Resolution(text, reading, (), False, None, msg)


def not_english(text: str, reading: str) -> Resolution:
    """The answer for a title in another language ("Ingeniero de software", "Développeur
    web"): its words read one by one land near unrelated English titles."""
    msg = (
        f"'{text.strip()}' does not read as English. {_IN_ENGLISH}: type the title in "
        "English, for example 'Software Engineer' or 'Registered Nurse', or give an O*NET-SOC "
        "code such as 15-1252.00."
    )
    return Resolution(text, reading, (), False, None, msg)


def not_a_job(text: str, reading: str) -> Resolution:
    """The answer for a status rather than a job ("Owner", "Student", "Retired"): any
    candidate would be a neighbour of the word's embedding (Owner: Probation Officers)."""
    msg = (
        f"'{text.strip()}' alone names no occupation. Type the work the person "
        "does, such as 'Retail Store Manager' or 'Software Developer', or an "
        "O*NET-SOC code such as 15-2051.00."
    )
    return Resolution(text, reading, (), False, None, msg)


def scaled(cands: list[Candidate], factor: float) -> list[Candidate]:
    """``cands`` with every confidence multiplied by ``factor`` (rounded to 4 places)."""
    return [replace(c, confidence=round(c.confidence * factor, 4)) for c in cands]


def with_parts(
    res: Resolution, parts: list[Resolution], factor: float, hold: float, top: int
) -> Resolution:
    """``res`` with the best candidate of each other part of the title ("Firefighter/EMT":
    Emergency Medical Technicians) at the confidence of its own reading times ``factor``, the
    weight of a secondary reading: as one ranking the part had only its exact key, and the
    occupation came third at 0.00. An occupation both name keeps the higher confidence. A
    first reading of confidence ``hold`` or more keeps the lead, as written ("Cashier/Stocker"
    is a cashier first), the parts at most its confidence; a vaguer one gives way to a clearer
    part ("Driver / Warehouse Associate")."""
    if not res.candidates:
        return res
    lead = res.candidates[0].confidence
    cap = lead if lead >= hold else 1.0
    best: dict[str, Candidate] = {c.code: c for c in res.candidates}
    notes = {res.candidates[0].code: res.alias_note}
    for part in parts:
        if not part.candidates:
            continue
        first = part.candidates[0]
        cand = replace(first, confidence=round(min(first.confidence * factor, cap), 4))
        if cand.code not in best or best[cand.code].confidence < cand.confidence:
            best[cand.code] = cand
            notes[cand.code] = part.alias_note
    cands = sorted(best.values(), key=lambda c: -c.confidence)[:top]
    # the alias-table note is the lead's reading's ("Warehouse Associate": Laborers...)
    return replace(res, candidates=tuple(cands), alias_note=notes.get(cands[0].code))
