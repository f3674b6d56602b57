"""Protecting capability of tasks that stay human: agreement with a hand-labelled check set, and
how many safe-task reasons a mapping change moves.

    .venv/bin/python benchmarks/capability_check.py                      # agreement only
    .venv/bin/python benchmarks/capability_check.py --save before.json   # + every safe reason
    .venv/bin/python benchmarks/capability_check.py --compare before.json  # + what changed

Check set: benchmarks/data/capability_check.tsv (code, task, expected, note, half). Each row is
a task that stays human, labelled by hand with one of the five capabilities: the QA examples,
88 tasks drawn at random (seed 20261218) from every task that stays human, and 26 more
(seed 20261219) from the desk and people occupations (SOC major groups 11–29, 41, 43), where
the non-physical capabilities live. A row without a code is free text, scored as
``ai-impact score-tasks`` scores it. Each random row was put in the "tune" or the "heldout"
half before any mapping change, alternating in draw order; the QA rows are all "tune". The
held-out half was not looked at while the mapping was changed.

Agreement is printed overall, per half and per route: "work activities" (the task's O*NET
activities decide, :func:`ai_impact.scoring.capability.capability_from_gwas`) or "model" (no
activities: the task model's capability head).

``--save`` writes the capability and reason of every task that stays human in every
occupation (as the occupation report words it, :func:`ai_impact.reports.tasks.split_tasks`);
``--compare`` reads such a file and counts the tasks whose capability or reason differs now.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ai_impact import api
from ai_impact.db import open_kb
from ai_impact.reports.disputed import is_disputed
from ai_impact.reports.tasks import _safe_reason
from ai_impact.scoring.exposed import is_exposed
from ai_impact.scoring.score import score_known_tasks

CHECK = Path(__file__).resolve().parent / "data" / "capability_check.tsv"


def _scored(kb: Any, rows: list[dict[str, str]]) -> list[tuple[str | None, str]]:
    """(capability, route) of each check-set row."""
    out: list[tuple[str | None, str]] = []
    cache: dict[str, dict[str, Any]] = {}
    for row in rows:
        code, text = row["code"], row["task"]
        if not code:
            s = api.score_tasks([text])[0]  # as score-tasks: head pooled with neighbours
            out.append((s.capability, "free text"))
            continue
        if code not in cache:
            tasks = kb.tasks_of(code)
            scores = score_known_tasks(tasks, kb.activities_of(code))
            cache[code] = {t.text: s for t, s in zip(tasks, scores, strict=True)}
        s = cache[code][text]
        if is_exposed(s):
            raise SystemExit(f"check-set task is exposed, not human: {code} {text}")
        out.append((s.capability, s.capability_source or "model"))
    return out


def _agreement(rows: list[dict[str, str]], got: list[tuple[str | None, str]]) -> None:
    groups: dict[str, list[bool]] = defaultdict(list)
    for row, (cap, route) in zip(rows, got, strict=True):
        ok = cap == row["expected"]
        for key in ("all", f"half={row['half']}", f"route={route}"):
            groups[key].append(ok)
    for key in sorted(groups, key=lambda k: (k != "all", k)):
        hits = groups[key]
        print(f"  {key:<24} {sum(hits):>3}/{len(hits):<3} = {sum(hits) / len(hits):.1%}")
    print("  misses of the tuning half (the held-out half's are not listed):")
    for row, (cap, route) in zip(rows, got, strict=True):
        if row["half"] == "tune" and cap != row["expected"]:
            print(f"    {row['code'] or '(text)'} {row['task'][:70]}: {cap} ({route})")


def _every_reason(kb: Any) -> dict[str, list[str]]:
    """task id → [capability, reason] for every task that stays human, in every occupation."""
    tasks = kb.all_tasks()
    acts = kb.all_activities()
    scores = score_known_tasks(tasks, acts)
    dwas: dict[int, list[str]] = defaultdict(list)
    for a in acts:
        dwas[a.task_id].append(a.dwa_title)
    out: dict[str, list[str]] = {}
    for t, s in zip(tasks, scores, strict=True):
        if is_exposed(s) or is_disputed(t, s):
            continue
        out[f"{t.code}/{t.task_id}"] = [str(s.capability), _safe_reason(s, dwas[t.task_id], t)]
    return out


def main() -> None:
    """Print the agreement; save or compare every safe task's reason."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--save", type=Path, help="write every safe task's capability and reason")
    ap.add_argument("--compare", type=Path, help="count changes against a --save file")
    args = ap.parse_args()
    kb = open_kb()
    with CHECK.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    print(f"check set: {len(rows)} tasks ({CHECK.name})")
    _agreement(rows, _scored(kb, rows))
    if args.save is None and args.compare is None:
        return
    now = _every_reason(kb)
    caps = Counter(cap for cap, _ in now.values())
    print(f"tasks that stay human, all occupations: {len(now)}")
    for cap, n in caps.most_common():
        print(f"  {n:>5}  {cap}")
    if args.save is not None:
        args.save.write_text(json.dumps(now), encoding="utf-8")
    if args.compare is not None:
        before: dict[str, list[str]] = json.loads(args.compare.read_text(encoding="utf-8"))
        common = before.keys() & now.keys()
        cap_moved = Counter((before[k][0], now[k][0]) for k in common if before[k][0] != now[k][0])
        reason_moved = sum(1 for k in common if before[k][1] != now[k][1])
        print(f"compared with {args.compare.name}: {len(common)} tasks in both")
        print(f"  reasons changed: {reason_moved}; capabilities changed: {cap_moved.total()}")
        for (old, new), n in cap_moved.most_common():
            print(f"    {n:>5}  {old} -> {new}")


if __name__ == "__main__":
    main()
