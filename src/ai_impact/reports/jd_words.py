"""The words of a job-ad line, and whether they are verbs: the word pattern the line readers
share, a statement's opening verb, verb forms anywhere in it, whitespace clean-up, and the
text of a line without its inline markup (what the readers classify).
"""

from __future__ import annotations

import re

from ai_impact.scoring.phrasing import base_verb, is_task_verb, task_statement

__all__ = [
    "SKILL_PARTICIPLE",
    "WORD",
    "clean",
    "has_verb",
    "opens_with_verb",
    "starts_with_verb",
    "unmarked",
    "verb_form",
    "verb_kind",
]

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")  # a word of a job-ad line (the splitter too)
# -ed/-ing forms that open CV duty lines too ("Advanced the rollout", "Working with vendors"):
# skills only when a skill noun or a named tool follows.
SKILL_PARTICIPLE = r"advanced|proven|demonstrated|working|experienced|skilled|established"


def starts_with_verb(statement: str) -> bool:
    """Whether a statement, rewritten into O*NET form, opens with a task verb."""
    first = WORD.match(task_statement(statement))
    return first is not None and is_task_verb(first.group(0))


def opens_with_verb(statement: str) -> bool:
    """A duty's opening: a task verb, unless it is a skill participle such as "Advanced"."""
    first = WORD.match(statement)
    if first and re.fullmatch(SKILL_PARTICIPLE, first.group(0), re.IGNORECASE):
        return False
    return starts_with_verb(statement)


def verb_form(word: str) -> bool:
    """Whether ``word`` is a task verb or an inflection of one."""
    return is_task_verb(word) or base_verb(word) is not None


def has_verb(statement: str) -> bool:
    """Whether any lower-case word of the statement is a task verb or an inflection of one."""
    return any(word[:1].islower() and verb_form(word) for word in WORD.findall(statement))


def verb_kind(word: str) -> str | None:
    """'base' for a task verb, the inflection of an inflected one ('s', 'ing', 'ed'), or None."""
    if is_task_verb(word):
        return "base"
    found = base_verb(word)
    return None if found is None else found[1]


def clean(text: str) -> str:
    """A statement with whitespace collapsed and stray trailing separators removed."""
    return re.sub(r"\s+", " ", text).strip().rstrip(",;").strip()


# Inline markup pasted from Markdown or chat: "[five](http://x.y)", "_team_", "*negotiate*",
# "**Led**", "`SQL`" (not a word's own "_" or "*": "snake_case", "5 * 3").
_LINK = re.compile(r"\[([^\[\]]+)\]\([^()\s]*\)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")


def unmarked(text: str) -> str:
    """A line without its inline markup (a link keeps its text): what the line readers judge,
    the user's text being kept as written. "Manage the _team_ of [five](http://x.y) analysts"
    reads "Manage the team of five analysts"."""
    if not any(c in text for c in "[_*`"):
        return text
    return _CODE.sub(r"\1", _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", text)))
