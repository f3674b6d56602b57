"""Time the knowledge-base build: median of 3 full builds, with the checksum pass as baseline.

    .venv/bin/python benchmarks/kb_build.py [--runs 3] [--data-dir data]

Prints the median and each run, the baseline (verifying every data/MANIFEST checksum, which any
build must do first), the database size and the coverage figures the issue asks for.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ai_impact.db import KnowledgeBase, build_kb
from ai_impact.settings import Settings, default_data_dir
from ai_impact.sources.manifest import read_manifest, verify_manifest


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    """Run the benchmark and print a small report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data-dir", type=Path, default=default_data_dir())
    args = parser.parse_args()
    settings = Settings(data_dir=args.data_dir)
    entries = read_manifest(args.data_dir)
    baseline = [_timed(lambda: verify_manifest(args.data_dir, entries)) for _ in range(args.runs)]
    builds: list[float] = []
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        path = Path(tmp) / "kb.sqlite"
        for _ in range(args.runs):
            builds.append(_timed(lambda: build_kb(settings, path, force=True)))
        size = path.stat().st_size
        kb = KnowledgeBase(path)
        stats = kb.stats()
        kb.close()
    print(f"build (median of {args.runs}): {statistics.median(builds):.2f} s  "
          f"runs: {', '.join(f'{b:.2f}' for b in builds)}")  # fmt: skip
    print(f"baseline, checksums only (median): {statistics.median(baseline):.2f} s")
    print(f"database size: {size / 1_000_000:.1f} MB")
    print(
        f"labels: {stats['tasks_labelled']} of {stats['tasks']} tasks "
        f"({stats['label_coverage']:.1%}; by id {stats['tasks_labelled_by_id']}, "
        f"by text {stats['tasks_labelled_by_text']})"
    )
    print(f"AEI usage share: {stats['tasks_with_aei']} tasks ({stats['aei_coverage']:.1%})")
    print(
        f"wages: {stats['occupations_with_wage']} of {stats['occupations_with_oews_code']} "
        f"occupations with an OEWS code ({stats['wage_coverage']:.1%}); "
        f"{stats['wage_rows']} rows"
    )
    print(
        f"projections: {stats['occupations_with_projection']} of {stats['occupations']} "
        f"occupations ({stats['projection_coverage']:.1%})"
    )
    print(
        f"titles: {stats['titles']} "
        f"({stats['occupations_with_titles_beyond_onet']} occupations beyond their O*NET title)"
    )
    print(
        f"tasks: {stats['occupations_with_tasks']} of {stats['occupations']} occupations; "
        f"{stats['occupations_without_tasks_residual']} of the rest are 'All Other' codes"
    )


if __name__ == "__main__":
    main()
