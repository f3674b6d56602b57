"""The word-level half of the description matcher."""

from __future__ import annotations

import numpy as np

from ai_impact.reports.description_lexical import LexicalIndex

DOCS = [
    ("Insert intravenous catheters and monitor patients' vital signs.", 0),
    ("Administer medications to patients as prescribed.", 0),
    ("Operate forklifts to move pallets in the warehouse.", 1),
    ("Load and unload trucks; count stock.", 1),
    ("Serve subpoenas and legal papers.", 2),
    ("Prepare reports for patients and staff.", 2),
]


def _index() -> LexicalIndex:
    texts, owner = zip(*DOCS, strict=True)
    return LexicalIndex.build(list(texts), list(owner), 3)


def test_rare_words_find_their_occupation() -> None:
    idx = _index()
    assert int(np.argmax(idx.scores(["Drive a forklift and move pallets"]))) == 1
    assert int(np.argmax(idx.scores(["Place IV catheters"]))) == 0
    assert int(np.argmax(idx.scores(["Deliver subpoenas to witnesses"]))) == 2


def test_scores_are_cosines() -> None:
    idx = _index()
    s = idx.scores(["Insert intravenous catheters and monitor patients' vital signs."])
    assert s.shape == (3,)
    assert np.all(s >= 0) and np.all(s <= 1 + 1e-6)
    # Querying with a whole document gives it cosine 1 with itself.
    one = idx.scores([t for t, o in DOCS if o == 1])
    assert abs(one[1] - 1.0) < 1e-3


def test_no_known_words_scores_zero() -> None:
    idx = _index()
    assert not idx.scores(["zzzz qqqq"]).any()
    assert not idx.scores([]).any()


def test_arrays_round_trip() -> None:
    idx = _index()
    back = LexicalIndex.from_arrays(idx.arrays(), idx.n_docs)
    q = ["monitor patients and prepare reports"]
    assert np.allclose(back.scores(q), idx.scores(q), atol=1e-3)


def test_nul_bytes_are_spaces_not_text_separators() -> None:
    """A NUL inside a pasted text must not split it (the hashing joins texts with NUL)."""
    from ai_impact.scoring import score_texts

    idx = _index()
    assert np.allclose(idx.scores(["forklifts\x00pallets"]), idx.scores(["forklifts pallets"]))
    [a, b] = score_texts(["Prepare\x00monthly reports", "Prepare monthly reports"])
    assert a.exposure == b.exposure


def test_typing_slips_are_put_right_from_the_statements_words() -> None:
    """QA10 #3: a warehouse list full of slips ("recieve incomming", "palet", "warehose") was
    matched to conveyor operators; the same list spelt right is not."""
    from ai_impact.reports.description_match import DescriptionIndex

    vocab = {"receive": 9, "incoming": 4, "pallet": 6, "scanner": 3, "discrepancies": 2}
    vocab |= {"supervisor": 8, "warehouse": 5, "record": 7, "records": 3}
    lexical = LexicalIndex.build(["receive pallets"], [0], 1)
    index = DescriptionIndex(["x"], ["X"], np.ones((1, 4)), np.asarray([0]), lexical, None, vocab)
    assert index.respelled("Recieve incomming shipments and check the palet") == (
        "Receive incoming shipments and check the pallet"
    )
    assert index.respelled("Report discrepencies to the supervsior in the warehose.") == (
        "Report discrepancies to the supervisor in the warehouse."
    )
    # brand names, acronyms, English words and short words stay
    assert index.respelled("Use Dentrix and HIPAA logs for zorbix of the palt") == (
        "Use Dentrix and HIPAA logs for zorbix of the palt"
    )
    assert index.respelled("Keep records") == "Keep records"
    # without a vocabulary (an index saved before it) nothing changes
    bare = DescriptionIndex(["x"], ["X"], np.ones((1, 4)), np.asarray([0]), lexical)
    assert bare.respelled("Recieve shipments") == "Recieve shipments"
