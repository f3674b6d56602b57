"""Token ids of plain-ASCII texts without a call into the tokenizer for every text.

The task model's tokenizer (BERT's uncased WordPiece) lower-cases a text, splits it at
whitespace and at every punctuation character, and cuts each piece into word pieces on its
own. For a text of printable ASCII that split is one regular expression, and the word
pieces of a piece never depend on its neighbours, so each distinct piece is looked up once
(through the tokenizer itself) and kept. Any other text — non-ASCII characters, control
characters, or a "[" that could open one of the tokenizer's special tokens — goes to the
tokenizer as before. The ids are the tokenizer's own, checked on every label-set text and on
random text (tests/test_task_model_speed.py).
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any

__all__ = ["WordPieces"]

_PIECE = re.compile(r"[a-z0-9]+|[^a-z0-9\s]")
_MAX_CACHED = 200_000  # pieces kept; a long-running server starts the cache afresh beyond it
_PLAIN = re.compile(r"[\x20-\x5a\x5c-\x7e\t\n\r]*")  # printable ASCII and whitespace, no "["


class WordPieces:
    """Token ids of texts (no special tokens added), with a cache of each piece's ids."""

    def __init__(self, tokenizer: Any) -> None:
        self._tok = tokenizer
        self._pieces: dict[str, list[int]] = {}

    def encode(self, texts: list[str]) -> list[list[int]]:
        """The ids of each text, as ``tokenizer.encode_batch(texts)`` gives them."""
        out: list[list[int]] = [[] for _ in texts]
        split: list[tuple[int, list[str]]] = []
        other: list[int] = []
        plain, findall = _PLAIN.fullmatch, _PIECE.findall
        for i, text in enumerate(texts):
            if plain(text):
                split.append((i, findall(text.lower())))
            else:
                other.append(i)
        pieces = self._pieces
        if len(pieces) > _MAX_CACHED:
            pieces.clear()
        seen = set(chain.from_iterable(words for _, words in split))
        new = [w for w in seen if w not in pieces]
        if new:  # one call for every piece not seen before
            enc = self._tok.encode_batch_fast(new, add_special_tokens=False)
            pieces.update(zip(new, (e.ids for e in enc), strict=True))
        get = pieces.__getitem__
        for i, words in split:
            out[i] = list(chain.from_iterable(map(get, words)))
        if other:
            enc = self._tok.encode_batch_fast([texts[i] for i in other], add_special_tokens=False)
            for i, e in zip(other, enc, strict=True):
                out[i] = e.ids
        return out
