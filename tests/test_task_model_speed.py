"""The task model's fast paths give what the plain paths give: token ids, token sums, votes."""

from __future__ import annotations

import gzip
import random
import string
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ai_impact.scoring.model import _segment_sums, load_model
from ai_impact.scoring.neighbours import neighbour_vote
from ai_impact.scoring.phrasing import task_statement
from ai_impact.scoring.wordpiece import WordPieces

LABELS = Path(__file__).resolve().parents[1] / "data/labels/gpts-are-gpts/full_labelset.tsv.gz"


def _tokenizer_ids(texts: list[str]) -> list[list[int]]:
    tok = load_model()._tok
    return [e.ids for e in tok.encode_batch_fast(texts, add_special_tokens=False)]


def _label_texts(n: int) -> list[str]:
    with gzip.open(LABELS, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = header.index("Task")
        return [" ".join(next(f).split("\t")[col].split()) for _ in range(n)]


def test_word_pieces_equal_the_tokenizer_on_task_texts_and_odd_text() -> None:
    texts = _label_texts(3000)
    texts += [task_statement(t) for t in texts[:500]]
    texts += [
        "",
        "[UNK] and [MASK] tokens",
        "x" * 150,
        "don't use C++ / C# e-mail",
        "café naïve — “quoted”",
        "ctrl\x00char\x7fhere",
        "tab\tand\nnewline",
        "Ｆｕｌｌ width",
        "日本語のテキスト",
    ]
    rng = random.Random(7)
    alphabet = string.printable + "é—“”[]#"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50))) for _ in range(2000)]
    pieces = WordPieces(load_model()._tok)
    assert pieces.encode(texts) == _tokenizer_ids(texts)
    # a second call reads the cached pieces and gives the same ids
    assert pieces.encode(texts[:200]) == _tokenizer_ids(texts[:200])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_word_pieces_equal_the_tokenizer_on_any_text(texts: list[str]) -> None:
    assert WordPieces(load_model()._tok).encode(texts) == _tokenizer_ids(texts)


def test_segment_sums_equal_a_sum_per_text() -> None:
    rng = np.random.default_rng(3)
    table = rng.normal(size=(50, 8)).astype(np.float32)
    lens = rng.integers(1, 12, size=40)
    flat = rng.integers(0, 50, size=int(lens.sum()))
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    got = _segment_sums(table, flat, starts)
    want = np.stack([table[flat[s : s + n]].sum(axis=0) for s, n in zip(starts, lens, strict=True)])
    assert got.shape == (40, 8)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    assert not np.shares_memory(got, table)  # the table itself is never written


def test_neighbour_vote_equals_its_definition() -> None:
    rng = np.random.default_rng(5)
    keys = rng.normal(size=(300, 16)).astype(np.float32)
    keys /= np.linalg.norm(keys, axis=1, keepdims=True)
    queries = np.vstack([keys[:5], -keys[5:7]])  # exact neighbours, and their opposites
    labels = np.eye(3, dtype=np.float32)[rng.integers(0, 3, size=300)]
    gamma = 20.0
    votes = np.exp(gamma * (queries @ keys.T - 1.0)) @ labels + 1e-3
    want = votes / votes.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(neighbour_vote(queries, keys, labels, gamma), want, rtol=1e-4)
    # an exact neighbour's own label wins its vote
    own = neighbour_vote(queries[:5], keys, labels, gamma).argmax(1)
    assert (own == labels[:5].argmax(1)).all()
