"""The shipped static title-embedding model: an int8 token table and a tokenizer, numpy only.

Made by ``scripts/distill_title_model.py`` (model2vec distillation of all-MiniLM-L6-v2 with
occupational words added to its vocabulary). A text's vector is the mean of its tokens' rows,
unit-normalised, exactly as model2vec encodes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from tokenizers import Tokenizer

from ai_impact.errors import ModelError

__all__ = ["ARTIFACTS", "StaticEmbedder", "load_embedder"]

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
F32 = npt.NDArray[np.float32]


@dataclass(frozen=True)
class StaticEmbedder:
    """Encode short texts into unit vectors with a static (lookup-table) model."""

    tokenizer: Tokenizer
    table: npt.NDArray[np.int8]
    scales: F32
    unk_id: int
    version: str

    @property
    def dim(self) -> int:
        """Width of the vectors."""
        return int(self.table.shape[1])

    def is_english_word(self, word: str) -> bool:
        """Whether ``word`` is a word of English: one the tokenizer holds whole (all-MiniLM-L6-v2's
        uncased WordPiece vocabulary, drawn from English books and Wikipedia), of three letters
        or more, plain ASCII letters — about 21,400 words ("retired", "tired", "fired",
        "owner"), and no typing slips ("acocuntant"). A lookup, no list built at start-up."""
        return (
            len(word) >= 3
            and word.isascii()
            and word.isalpha()
            and self.tokenizer.token_to_id(word) is not None
        )

    def encode(self, texts: list[str]) -> F32:
        """Unit vectors of ``texts`` (a zero row for a text with no known token)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch_fast(texts, add_special_tokens=False)
        lists = [[i for i in e.ids if i != self.unk_id] for e in encodings]
        lengths = np.fromiter((len(ids) for ids in lists), dtype=np.int64, count=len(lists))
        flat = np.fromiter((i for ids in lists for i in ids), dtype=np.int64)
        if flat.size == 0:
            return out
        rows = self.table[flat].astype(np.float32) * self.scales[flat, None]
        filled = lengths > 0
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[filled]
        sums = np.add.reduceat(rows, starts, axis=0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        out[filled] = sums / np.maximum(norms, 1e-12)
        return out


@lru_cache(maxsize=4)
def load_embedder(folder: Path = ARTIFACTS) -> StaticEmbedder:
    """Load the model in ``folder`` once per process; raise :class:`ModelError` if broken."""
    hint = "Reinstall ai-impact, or rebuild with scripts/distill_title_model.py."
    try:
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        table = np.load(folder / "title_vectors.npy")
        scales = np.load(folder / "title_scales.npy").astype(np.float32)
        meta = json.loads((folder / "title_model.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"The title model in {folder} cannot be loaded: {exc}.", hint=hint
        ) from exc
    if table.dtype != np.int8 or table.ndim != 2 or scales.shape != (table.shape[0],):
        raise ModelError(f"The title model in {folder} has a malformed table.", hint=hint)
    if tokenizer.get_vocab_size() > table.shape[0]:
        raise ModelError(f"The title model in {folder}: tokenizer and table disagree.", hint=hint)
    unk = tokenizer.token_to_id("[UNK]")
    version = f"{meta.get('base_model', '?')} d{table.shape[1]} +{meta.get('added_words', 0)}w"
    return StaticEmbedder(tokenizer, table, scales, -1 if unk is None else int(unk), version)
