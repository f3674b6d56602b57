"""Text people type, made safe to echo, and the length limits every face applies to it.

A title, an area or a task text typed on the command line, sent to the API or pasted in a file
comes back in every face ("You asked for …", a table row, a JSON ``input``). A control
character in it would act instead of showing: ``ESC ] 0 ; … BEL`` retitles a terminal,
``ESC [ 2 J`` clears it, the C1 ``CSI`` (U+009B) does the same on some terminals. So the edges
(the library facade, the CLI, the files it reads) clean user text once, before any use:

- :func:`clean_line` (a title, an area, a code, one task): every C0 and C1 control character
  goes; the ones that separate words or lines (tab, line feed, carriage return, vertical tab,
  form feed, U+001C–U+001F, NEL U+0085) become a space;
- :func:`clean_text` (a job description, a batch file): the same, but every whitespace control
  stays where it is, so lines and columns still split as typed.

Both turn a lone surrogate into U+FFFD: that is how Python carries a byte that is not UTF-8 in a
command-line argument (PEP 383), and no output encoding can write it.

The limits (:data:`QUERY_CHARS`, :data:`TITLE_CHARS`, :data:`AREA_CHARS`) are the web's
(``web/limits.py`` and the routes' ``max_length``): the library and the CLI refuse the same.
"""

from __future__ import annotations

import re

__all__ = ["AREA_CHARS", "QUERY_CHARS", "TITLE_CHARS", "clean_line", "clean_text"]

QUERY_CHARS = 500  # a job title or code to analyse, resolve or compare
TITLE_CHARS = 200  # the job title given with a pasted description
AREA_CHARS = 100  # a state or metro area

# Control characters that do not separate words or lines: removed everywhere.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# Whitespace controls: kept in multi-line text, a space in one line.
_SPACING = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f\x85]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Multi-line text without control characters other than whitespace (tab, newlines, form
    feed, separators), and with U+FFFD in place of a lone surrogate."""
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", text))


def clean_line(text: str) -> str:
    """One-line text: :func:`clean_text`, with every whitespace control turned into a space."""
    return _SPACING.sub(" ", clean_text(text))
