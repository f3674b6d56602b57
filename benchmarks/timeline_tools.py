"""How many task timelines a released AI tool made for the task moves, over every occupation.

    .venv/bin/python benchmarks/timeline_tools.py            # moves by bucket, and the tools
    .venv/bin/python benchmarks/timeline_tools.py --list     # every moved task, for review
    .venv/bin/python benchmarks/timeline_tools.py --sample 30 --seed 1  # a random sample

For every occupation page resting on its own occupation (1,016 pages; those resting on related
occupations' tasks use their donors' tasks, as the page does), the tasks and scores the page
lists are built as :func:`ai_impact.reports.build.build_report` builds them, the AI tools are
matched, and each task's timeline before and after :func:`ai_impact.reports.tool_timeline.
tool_timelines` is compared. Prints how many exposed tasks change bucket, from which bucket to
which, and which tools move them; also how many exposed tasks at 3–5 or 5+ years some listed
tool reaches without being made for them (left where they are).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from ai_impact import api
from ai_impact.reports.engine import Engine
from ai_impact.reports.extras import tool_matches
from ai_impact.reports.report_basis import page_basis, tasks_of
from ai_impact.reports.tool_timeline import made_for_tasks, tool_timelines
from ai_impact.risk.blend import blend_rows
from ai_impact.scoring import is_exposed
from ai_impact.settings import Settings

LATE = ("3–5 years", "5+ years")


def moves(engine: Engine) -> tuple[list[tuple[str, str, str, str, str, str]], Counter[str], int]:
    """(code, title, task, before, after, tool) of every moved task; the bucket count of every
    exposed task before; how many late exposed tasks a listed tool touches but does not move."""
    kb = engine.kb
    moved = []
    before: Counter[str] = Counter()
    touched_late = 0
    for occ in kb.occupations():
        row = blend_rows([engine.table.row(occ.code)], [1.0])
        _, _, codes = page_basis(engine, occ, row, [(occ.code, 1.0)])
        described = occ if row.basis == "description" else None
        tasks, scores, acts = tasks_of(engine, codes, row.adoption_pct, described)
        matches = tool_matches(
            engine.tools, tasks, [s.beta for s in scores], acts, kb.technologies(occ.code)
        )
        after = tool_timelines(tasks, scores, matches)
        tools = made_for_tasks(matches)
        listed = {text for m in matches for text in m.matched_tasks}
        for t, s, a in zip(tasks, scores, after, strict=True):
            if not is_exposed(s):
                continue
            before[s.timeline] += 1
            if a.timeline != s.timeline:
                moved.append((occ.code, occ.title, t.text, s.timeline, a.timeline, tools[t.text]))
            elif s.timeline in LATE and t.text in listed:
                touched_late += 1
    return moved, before, touched_late


def main() -> None:
    """Parse the flags, measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every moved task")
    parser.add_argument("--sample", type=int, default=0, help="print N moved tasks at random")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    settings = Settings()
    engine = Engine(api.get_kb(settings), settings)
    start = time.perf_counter()
    moved, before, touched_late = moves(engine)
    seconds = time.perf_counter() - start
    n_exposed = sum(before.values())
    print(f"exposed tasks on {len(engine.kb.occupations())} occupation pages: {n_exposed}")
    print("  by bucket before:", ", ".join(f"{b} {n}" for b, n in sorted(before.items())))
    print(f"moved by a released tool made for the task: {len(moved)}")
    for (frm, to), n in Counter((m[3], m[4]) for m in moved).most_common():
        print(f"  {frm:>9} → {to}: {n}")
    print(f"  distinct statements: {len({m[2] for m in moved})}, "
          f"occupations: {len({m[0] for m in moved})}")  # fmt: skip
    print(f"late (3–5 / 5+ years) exposed tasks a listed tool fits loosely, not moved: "
          f"{touched_late}")  # fmt: skip
    print(
        "tools named:", ", ".join(f"{t} {n}" for t, n in Counter(m[5] for m in moved).most_common())
    )
    print(f"({seconds:.1f} s)")
    shown = moved if args.list else []
    if args.sample:
        shown = random.Random(args.seed).sample(moved, min(args.sample, len(moved)))
    for code, title, task, frm, to, tool in shown:
        print(f"{code} {title} | {task} | {frm} → {to} | {tool}")


if __name__ == "__main__":
    main()
