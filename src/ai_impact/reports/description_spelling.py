"""Pasted statements as the description matcher reads them: in O*NET form and in the American
spelling O*NET writes (:func:`matcher_text`)."""

from __future__ import annotations

import re

from ai_impact.scoring.phrasing import task_statement

__all__ = ["matcher_text", "us_spelling"]

# British and Commonwealth spellings that O*NET 30.3's American English never uses (its
# "catalogue", "theatre" and "cancelled" stay): the lexical index would not find "labour" in
# "labor", nor "anaesthesia" in "anesthesia". Each rule is a pattern and its replacement; no
# O*NET statement or description sentence is changed (tested).
_IZE = (
    r"organ|reorgan|priorit|special|util|optim|author|immun|steril|standard|custom|summar|"
    r"recogn|minim|maxim|final|stabil|sanit|visual|categor|character|synchron|item|memor|"
    r"public|harmon|hospital|computer|digit|mobil|immobil|neutral|euthan|modern|capital|"
    r"critic|emphas|real|central|normal|personal|monet|familiar|global|synthes|homogen|social"
)
_BRITISH = tuple(
    (re.compile(pattern, re.IGNORECASE), repl)
    for pattern, repl in (
        (rf"\b({_IZE})is(e|es|ed|ing|ation|ations|er|ers)\b", r"\1iz\2"),
        (r"\b(anal|paral|catal)ys(e|ed|ing)\b", r"\1yz\2"),
        (r"\b(lab|behavi|col|fav|harb|hon|hum|neighb|od|rum|tum|vap|endeav|flav|sav)our", r"\1or"),
        (r"\b(cent|met|lit|fib|calib)re(s|d)?\b", r"\1er\2"),
        (r"\b(program|analog)(?:me|ue)(s)?\b", r"\1\2"),
        (
            r"\b(travel|model|label|counsel|fuel|level|signal|channel|total|marshal|tunnel|"
            r"shovel|panel)l(ed|ing|er|ers)\b",
            r"\1\2",
        ),
        (r"\b(enrol|instal|fulfil)(ment|ments)?\b", r"\1l\2"),
        (r"\b(an|p|h|orthop|gyn|leuk|isch|septic|f|c)ae(sth|diatr|m|d|col|sar|c)", r"\1e\2"),
        (r"\boe(soph|dem|strog)", r"e\1"),
        (r"\bfoet", "fet"),
        (r"\bdiarrhoea\b", "diarrhea"),
        (r"\btyre(s)?\b", r"tire\1"),
        (r"\baluminium\b", "aluminum"),
        (r"\bcheque(s)?\b", r"check\1"),
        (r"\blicence(s|d)?\b", r"license\1"),
        (r"\b(defen|offen)ce(s)?\b", r"\1se\2"),
        (r"\bpractis(e|es|ed|ing)\b", r"practic\1"),
        (r"\bmould(s|ed|ing)?\b", r"mold\1"),
        (r"\bageing\b", "aging"),
        (r"\b(judg|acknowledg)ement(s)?\b", r"\1ment\2"),
        (r"\bmanoeuvre(s)?\b", r"maneuver\1"),
        (r"\bmanoeuvr(ed|ing)\b", r"maneuver\1"),
        (r"\bjewellery\b", "jewelry"),
        (r"\bgrey\b", "gray"),
    )
)


def us_spelling(text: str) -> str:
    """``text`` with British spellings made American ("Organised labour" → "Organized labor")."""
    for pattern, repl in _BRITISH:
        text = pattern.sub(repl, text)
    return text


def matcher_text(text: str) -> str:
    """A pasted statement as the matcher reads it: in O*NET form, in American spelling."""
    return us_spelling(task_statement(text))
