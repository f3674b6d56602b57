"""Typing slips put right before the task model reads a text (ai_impact.scoring.typos)."""

from __future__ import annotations

import pytest

from ai_impact.scoring.phrasing import task_statement
from ai_impact.scoring.typos import TypoFixer, english_stems, is_english, statement_fixer


@pytest.mark.parametrize(
    ("typed", "statement"),
    [
        ("recieve incomming shipments", "Receive incoming shipments."),
        ("Maintian the databse of customers", "Maintain the database of customers."),
        ("Prepared monthly finacial reports", "Prepare monthly financial reports."),
        ("Schedule appointments on the calender", "Schedule appointments on the calendar."),
        # English as typed, though no O*NET statement has it: stays
        ("Train a classifier to detect fraud", "Develop a classifier to detect fraud."),
        ("Refactor legacy code", "Modify legacy code."),  # kept as English, then read
        ("Retrained and upskilled staff", "Retrain and upskilled staff."),
        ("Wrangle data in Snowflake", "Wrangle data in Snowflake."),
        # forms of statement words and British task verbs: read as they are
        ("Organised and prioritised the backlog", "Organize and prioritize the backlog."),
        (
            "Analysed breakdown history and estimated labour hours",
            "Analyze breakdown history and estimate labour hours.",
        ),
        # five letters or fewer, capitals and the first letter are never changed
        ("Build pivot tables for admin staff", "Build pivot tables for admin staff."),
        ("Chart patients in Dentrix per HIPAA", "Chart patients in Dentrix per HIPAA."),
        ("Record vlogs for the brand", "Record vlogs for the brand."),
    ],
)
def test_typing_slips_are_put_right_for_the_model(typed: str, statement: str) -> None:
    assert task_statement(typed) == statement


def test_english_is_read_through_prefixes_and_endings() -> None:
    assert {"classify", "classifier"} <= english_stems("classifier")
    assert "trained" in english_stems("retrained")
    assert is_english("preprocessing")
    assert is_english("upskilled")
    assert not is_english("incomming")
    assert not is_english("docuemnts")


def test_the_most_frequent_word_one_edit_away_wins_and_answers_are_remembered() -> None:
    calls: list[str] = []

    def never(word: str) -> bool:
        calls.append(word)
        return False

    fixer = TypoFixer({"pallet": 3, "palette": 9, "ballet": 50}, never)
    assert fixer.respelled("stack the pallett and the pallett") == "stack the pallet and the pallet"
    assert calls == ["stack", "pallett"]  # each unknown word asked once
    assert fixer.respelled("Mallet") == "Mallet"  # first letter stays: not "Ballet"


def test_statement_words_are_never_respelled() -> None:
    fixer = statement_fixer()
    words = sorted(w for w in fixer.vocab if len(w) >= fixer.min_letters)
    assert len(words) > 9000
    text = " ".join(words)
    assert fixer.respelled(text) == text
