"""The sentences of the description page that are its own: the header note (what the tasks
are, which occupation supplies the rest, which lines were not scored), the observed-use
sentence, the method notes quoting the lines left out, and the reason a statement stays human.
"""

from __future__ import annotations

from typing import Any

from ai_impact.reports.description_capability import Citation
from ai_impact.reports.description_match import OccupationMatch
from ai_impact.reports.figures import pct
from ai_impact.reports.jd_kinds import (
    BENEFIT,
    CATCH_ALL,
    COMPANY,
    CONTACT,
    HEADING,
    KIND_LABELS,
    LOGISTICS,
    REPEATED,
    REPORTING,
    REQUIREMENT,
    SIZE,
    SUMMARY,
    SetAside,
)

__all__ = ["header_note", "safe_reason", "set_aside_notes", "usage_sentence"]

_CONFIDENCE_WORDS = ((0.6, "a close match"), (0.3, "a likely match"), (0.0, "a tentative match"))


def _confidence_words(conf: float) -> str:
    return next(words for cut, words in _CONFIDENCE_WORDS if conf >= cut)


def header_note(
    occ: Any, n: int, labelled: int, best: OccupationMatch, others: list[OccupationMatch]
) -> str:
    """The header note: the tasks are the user's; the rest is the named occupation's."""
    found = "your title" if best.via == "title" else f"your {best.via}"
    alt = ""
    if others:
        alt = " Other close occupations: " + "; ".join(f"{m.title} ({m.code})" for m in others)
        alt += "."
    scored = "each scored by the task model" if n > 1 else "scored by the task model"
    if n == 1 and labelled:
        scored += " (it is word for word an O*NET task statement and keeps its label)"
    elif labelled == 1:
        scored += " (1 of them is word for word an O*NET task statement and keeps its label)"
    elif labelled:
        scored += (
            f" ({labelled} of them are word for word O*NET task statements and keep their "
            "published labels)"
        )
    opening = (
        f"The {n} tasks below are the statements of your job description, {scored}. "
        if n > 1
        else f"The task below is the one statement of your job description, {scored}. "
    )
    return (
        opening + "Observed AI use, the industry's AI adoption, demand, pay, outlook, skills, "
        f"certifications and related occupations are those of {occ.title} ({occ.code}), "
        f"{_confidence_words(best.confidence)} for {found}.{alt}"
    )


def usage_sentence(title: str, share: float | None, n_own: int, n: int) -> str:
    """Observed AI use is the occupation's; say how many of the user's statements are in the
    sample themselves (only word-for-word O*NET tasks can be)."""
    if share is None:
        return f"No observed-usage evidence is available for the tasks of {title}."
    if n_own == 0:
        own = (
            "none of your own statements is an O*NET task of that sample, so this figure is "
            "the occupation's"
        )
    else:
        verb = "is an O*NET task" if n_own == 1 else "are O*NET tasks"
        own = f"{n_own} of your {n} statements {verb} seen in that sample"
    return (
        f"Observed AI use is that of {title}: {pct(share)} of its O*NET task weight already "
        f"appears in conversations with an AI assistant (Anthropic Economic Index); {own}."
    )


def _quoted(text: str, limit: int = 90) -> str:
    """A pasted line as the page quotes it: curly quotes inside it made plain, cut if long."""
    plain = text.replace("“", "'").replace("”", "'").replace('"', "'")
    if len(plain) > limit:
        plain = plain[: limit - 1].rstrip() + "…"
    return f"“{plain}”"


_TOPICS = (REQUIREMENT, BENEFIT, COMPANY, LOGISTICS, REPORTING, SUMMARY, CONTACT)


def _join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]


def _join_topics(topics: list[str]) -> str:
    """What "Lines on ..." names: when a topic holds an "and" of its own, each further topic
    takes its own "on", so the list still reads ("requirements and skills and on location and
    schedule", not "requirements and skills and location and schedule")."""
    if any(" and " in t for t in topics):
        return _join([topics[0], *(f"on {t}" for t in topics[1:])])
    return _join(topics)


def set_aside_notes(lines: tuple[SetAside, ...]) -> tuple[str | None, tuple[str, ...]]:
    """The header sentence on the lines not scored, and one method note per kind quoting them
    (headings are structure, not content: the JSON lists them with the rest; a CV's name and
    contact details are counted, not quoted)."""
    by_kind: dict[str, list[str]] = {}
    for line in lines:
        if line.kind != HEADING:
            by_kind.setdefault(line.kind, []).append(line.text)
    if not by_kind:
        return None, ()
    topics = [KIND_LABELS[k] for k in _TOPICS if k in by_kind]
    others = []
    if SIZE in by_kind:
        others.append(f"lines {KIND_LABELS[SIZE]}")
    if REPEATED in by_kind:
        others.append("repeated lines")
    if CATCH_ALL in by_kind:
        others.append(f"{KIND_LABELS[CATCH_ALL]} lines")
    if topics:
        header = f"Lines on {_join_topics(topics)} are not scored as tasks"
        header += f", nor are {_join(others)}" if others else ""
    else:
        header = f"{_join(others).capitalize()} are not scored as tasks"
    header += "; Method and sources lists them."
    notes = tuple(
        f"Not scored, {KIND_LABELS.get(kind, kind)}: " + _listed(kind, texts) + "."
        for kind, texts in sorted(by_kind.items(), key=lambda kv: _ORDER.index(kv[0]))
    )
    return header, notes


def _listed(kind: str, texts: list[str]) -> str:
    """The lines of one kind as a method note quotes them; a person's details by number only."""
    if kind == CONTACT:
        return "1 line, not quoted" if len(texts) == 1 else f"{len(texts)} lines, not quoted"
    return "; ".join(_quoted(t.rstrip(".")) for t in texts)


_ORDER = (*_TOPICS, SIZE, REPEATED, CATCH_ALL)


def safe_reason(task: Any, labelled: set[str], cited: dict[str, Citation], occupation: str) -> str:
    """Why a statement of the user's stays human, and what its capability rests on."""
    if task.task in labelled:
        return (
            "From your description; it is an O*NET task statement whose published label "
            f"keeps it human; it rests on {task.capability}."
        )
    if task.task in cited:
        c = cited[task.task]
        whose = f"tasks of {occupation}" if c.own else "O*NET tasks"
        example = _quoted(c.text.rstrip("."), 120)
        return (
            f"From your description; it rests on {task.capability}, as do similar {whose}, "
            f"such as {example}."
        )
    return (
        "From your description; the task model and the most similar O*NET tasks point to "
        f"{task.capability}."
    )
