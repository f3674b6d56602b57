"""Write the word lists ``ai_impact.scoring.phrasing`` reads task texts with.

O*NET task statements and detailed work activities open with a base-form verb ("Prepare
reports ..."). ``task_verbs.json`` is every opening word seen at least twice across the vendored
O*NET 30.3 task statements, the 30.3 detailed work activities and the GPTs-are-GPTs label set,
so the normaliser only ever maps a word onto a verb O*NET itself uses.
``statement_words.json`` is every word of four letters or more of the same texts with its count:
the words a typing slip is put right into (``ai_impact.scoring.typos``). Run after
``vendor_data.py``::

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
WORDS_OUT = OUT.with_name("statement_words.json")
MIN_WORD_LETTERS = 4
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


def word_counts() -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Lower-cased first words of every statement, -ing words after the first word, and every
    word."""
    first: Counter[str] = Counter()
    inner: Counter[str] = Counter()
    every: Counter[str] = Counter()
    for path, sep, column in SOURCES:
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter=sep):
                text = row[column].strip()
                every.update(w.lower() for w in _WORD.findall(text))
                match = _WORD.match(text)
                if match:
                    first[match.group(0).lower()] += 1
                    inner.update(_ING.findall(text[match.end() :].lower()))
    return first, inner, every


def rewritten_statements() -> list[str]:
    """Statements (lower case, no final full stop) a job-ad sense of
    ``ai_impact.scoring.job_ad_words`` would rewrite: O*NET's own wording is kept."""
    from ai_impact.scoring.job_ad_words import job_ad_sense

    found: set[str] = set()
    for path, sep, column in SOURCES:
        if column != "Task":
            continue
        with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter=sep):
                text = " ".join(row[column].split())
                if job_ad_sense(text) != text:
                    found.add(text.rstrip(". ").lower())
    return sorted(found)


def main() -> None:
    """Write the sorted verb list with its provenance."""
    counts, inner, every = word_counts()
    verbs = sorted(w for w, n in counts.items() if n >= MIN_COUNT and len(w) > 1)
    keep_ing = sorted(w for w, n in inner.items() if n >= MIN_ING_COUNT)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc = {
        "about": "Opening words (base-form verbs) of O*NET 30.3 task statements and detailed "
        "work activities and of the GPTs-are-GPTs label set, seen at least "
        f"{MIN_COUNT} times; keep_ing: -ing words seen at least {MIN_ING_COUNT} times inside "
        "those statements; as_written: task statements (lower case, no final full stop) a "
        "job-ad sense of ai_impact.scoring.job_ad_words would rewrite, kept as O*NET wrote "
        "them. Written by scripts/build_task_verbs.py.",
        "verbs": verbs,
        "keep_ing": keep_ing,
        "as_written": [],
    }
    OUT.write_text(json.dumps(doc, indent=0) + "\n", encoding="utf-8")
    # Written first with an empty list, so that the senses below see no exemptions.
    doc["as_written"] = rewritten_statements()
    OUT.write_text(json.dumps(doc, indent=0) + "\n", encoding="utf-8")
    print(f"{len(verbs)} verbs, {len(keep_ing)} -ing words -> {OUT.relative_to(ROOT)}")
    words = {w: n for w, n in sorted(every.items()) if len(w) >= MIN_WORD_LETTERS}
    WORDS_OUT.write_text(
        json.dumps(
            {
                "about": "Words of four letters or more (lower case) of O*NET 30.3 task "
                "statements and detailed work activities and of the GPTs-are-GPTs label set, "
                "with their counts. Written by scripts/build_task_verbs.py.",
                "counts": words,
            },
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(words)} statement words -> {WORDS_OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
