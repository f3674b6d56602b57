"""Write the task-verb list that ``ai_impact.scoring.phrasing`` turns inflected verbs back into.

O*NET task statements and detailed work activities open with a base-form verb ("Prepare
reports ..."). The list is every opening word seen at least twice across the vendored O*NET
30.3 task statements, the 30.3 detailed work activities and the GPTs-are-GPTs label set, so the
normaliser only ever maps a word onto a verb O*NET itself uses. Run after ``vendor_data.py``::

    python scripts/build_task_verbs.py
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "ai_impact" / "scoring" / "data" / "task_verbs.json"
SOURCES = (
    (ROOT / "data" / "onet" / "30.3" / "task_statements.csv.gz", ",", "Task"),
    (ROOT / "data" / "onet" / "30.3" / "gwas_to_iwas_to_dwas.csv.gz", ",", "DWA Element Name"),
    (ROOT / "data" / "labels" / "gpts-are-gpts" / "full_labelset.tsv.gz", "\t", "Task"),
)
MIN_COUNT = 2
# An -ing word this frequent inside O*NET statements is task language as it stands ("training
# sessions", "testing equipment"): the normaliser leaves it alone after "and" / "or".
MIN_ING_COUNT = 30
_WORD = re.compile(r"[A-Za-z]+")
_ING = re.compile(r"\b[a-z]+ing\b")


def word_counts() -> tuple[Counter[str], Counter[str]]:
    """Lower-cased first words of every statement, and -ing words after the first word."""
    first: Counter[str] = Counter()
    inner: Counter[str] = Counter()
    for path, sep, column in SOURCES:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter=sep):
                text = row[column].strip()
                match = _WORD.match(text)
                if match:
                    first[match.group(0).lower()] += 1
                    inner.update(_ING.findall(text[match.end() :].lower()))
    return first, inner


def main() -> None:
    """Write the sorted verb list with its provenance."""
    counts, inner = word_counts()
    verbs = sorted(w for w, n in counts.items() if n >= MIN_COUNT and len(w) > 1)
    keep_ing = sorted(w for w, n in inner.items() if n >= MIN_ING_COUNT)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "about": "Opening words (base-form verbs) of O*NET 30.3 task statements and detailed "
        "work activities and of the GPTs-are-GPTs label set, seen at least "
        f"{MIN_COUNT} times; keep_ing: -ing words seen at least {MIN_ING_COUNT} times inside "
        "those statements. Written by scripts/build_task_verbs.py.",
        "verbs": verbs,
        "keep_ing": keep_ing,
    }
    OUT.write_text(json.dumps(doc, indent=0) + "\n", encoding="utf-8")
    print(f"{len(verbs)} verbs, {len(keep_ing)} -ing words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
