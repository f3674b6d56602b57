"""QA wording: the BTOS month is the latest reported for the sector, not the survey's span."""

from __future__ import annotations

from ai_impact.reports import narrative as nv


def test_the_btos_month_is_the_sectors_latest() -> None:
    """QA: "(BTOS, Sep 2025)" beside sources saying "Sep 2023 - Nov 2025" read as a mismatch."""
    text = nv.adoption_sentence("Agriculture", 7.3, 9.0, "BTOS, Jul 2025")
    assert "(BTOS, Jul 2025, the latest month reported for Agriculture)" in text
    assert nv.adoption_when("2025-07", "Retail") == "2025-07"  # not a BTOS label: as given
