"""Search-box suggestions of the served site: the resolver alone (before) vs /api/v1/suggest.

    .venv/bin/python benchmarks/suggestions.py           # hit rates and latency
    .venv/bin/python benchmarks/suggestions.py --misses  # also each missed query

The served site's search boxes suggest as the user types. They used to show the resolver's six
candidates (``GET /api/v1/resolve?top=6``), which reads a half-typed last word as a misspelt
whole word; now they show ``GET /api/v1/suggest?top=6`` (``web/suggest.py``): the static
export's prefix search leads for an unfinished last word unless the resolver is near-certain.
Each list is asked of the app in process (FastAPI's test client over the real knowledge base);
the prefix search alone (as the static export ranks it) is shown for reference.

Query sets (a hit: an accepted code is the first suggestion, top-1, or among the first five,
top-5):

- ``typed``: :data:`CASES`, written by hand: half-typed titles ("data sci", "mech eng", "acc")
  with the occupation a user means, whole titles, titles with a typo ("acountant"),
  abbreviations and codes;
- ``messy``: the resolver's employer-style titles (``benchmarks/data/titles_messy.csv``, which
  the resolver's weights were fitted on: its figures there are flattering);
- ``messy, cut``: the same titles whose last word (5 letters or more) is cut to its first half
  (3 letters at least): "Registered Nurse - ICU" is not cut, "Payroll Specialist" becomes
  "Payroll Speci".
"""

from __future__ import annotations

import argparse
import csv
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from fastapi.testclient import TestClient  # noqa: E402

from ai_impact.web.app import create_app  # noqa: E402

Case = tuple[str, frozenset[str], str]  # query, accepted codes, kind
TOP = 6  # what the search boxes ask for

_DS, _ACC, _RN, _SWE, _ELEC = "15-2051.00", "13-2011.00", "29-1141.00", "15-1252.00", "47-2111.00"
_TRUCK = "53-3032.00;53-3033.00"
_RAW: list[tuple[str, str, str]] = [
    ("data sci", _DS, "half"),
    ("mech eng", "17-2141.00", "half"),
    ("reg nur", _RN, "half"),
    ("acc", _ACC, "half"),
    ("softw dev", _SWE, "half"),
    ("elec", _ELEC, "half"),
    ("civil eng", "17-2051.00", "half"),
    ("electrical eng", "17-2071.00", "half"),
    ("pharmaci", "29-1051.00", "half"),
    ("phys ther", "29-1123.00", "half"),
    ("dental hyg", "29-1292.00", "half"),
    ("web dev", "15-1254.00", "half"),
    ("graphic des", "27-1024.00", "half"),
    ("market res", "13-1161.00", "half"),
    ("human res man", "11-3121.00", "half"),
    ("chief exec", "11-1011.00", "half"),
    ("lawy", "23-1011.00", "half"),
    ("paraleg", "23-2011.00", "half"),
    ("elementary sch", "25-2021.00", "half"),
    ("truck dri", _TRUCK, "half"),
    ("plumb", "47-2152.00", "half"),
    ("carpen", "47-2031.00", "half"),
    ("cashi", "41-2011.00", "half"),
    ("customer serv", "43-4051.00", "half"),
    ("database adm", "15-1242.00", "half"),
    ("information sec", "15-1212.00", "half"),
    ("nurse prac", "29-1171.00", "half"),
    ("medical ass", "31-9092.00", "half"),
    ("pharmacy tech", "29-2052.00", "half"),
    ("veterinar", "29-1131.00", "half"),
    ("firef", "33-2011.00", "half"),
    ("waitr", "35-3031.00", "half"),
    ("retail sal", "41-2031.00", "half"),
    ("real estate ag", "41-9022.00", "half"),
    ("bookkeep", "43-3031.00", "half"),
    ("welde", "51-4121.00", "half"),
    ("machinis", "51-4041.00", "half"),
    ("architec", "17-1011.00", "half"),
    ("econom", "19-3011.00", "half"),
    ("statistici", "15-2041.00", "half"),
    ("actuar", "15-2011.00", "half"),
    ("operations res", "15-2031.00", "half"),
    ("logistic", "13-1081.00", "half"),
    ("management anal", "13-1111.00", "half"),
    ("industrial eng", "17-2112.00", "half"),
    ("chemical eng", "17-2041.00", "half"),
    ("police off", "33-3051.00", "half"),
    ("construction lab", "47-2061.00", "half"),
    ("accoun", _ACC, "half"),
    ("registered nu", _RN, "half"),
    ("software eng", _SWE, "half"),
    ("electrici", _ELEC, "half"),
    ("data scientist", _DS, "whole"),
    ("registered nurse", _RN, "whole"),
    ("software developer", _SWE, "whole"),
    ("electrician", _ELEC, "whole"),
    ("accountant", _ACC, "whole"),
    ("mechanical engineer", "17-2141.00", "whole"),
    ("truck driver", _TRUCK, "whole"),
    ("web developer", "15-1254.00", "whole"),
    ("cashier", "41-2011.00", "whole"),
    ("lawyer", "23-1011.00", "whole"),
    ("pharmacist", "29-1051.00", "whole"),
    ("civil engineer", "17-2051.00", "whole"),
    ("acountant", _ACC, "typo"),
    ("registred nurse", _RN, "typo"),
    ("plumbr", "47-2152.00", "typo"),
    ("lawyr", "23-1011.00", "typo"),
    ("electricain", _ELEC, "typo"),
    ("softwre developer", _SWE, "typo"),
    ("pharmacst", "29-1051.00", "typo"),
    ("mechanical engneer", "17-2141.00", "typo"),
    ("carpnter", "47-2031.00", "typo"),
    ("dta scientist", _DS, "typo"),
    ("swe", _SWE, "abbreviation"),
    ("rn", _RN, "abbreviation"),
    ("cpa", _ACC, "abbreviation"),
    ("ap clerk", "43-3031.00", "abbreviation"),
    ("15-2051", _DS, "code"),
    ("15205100", _DS, "code"),
]
CASES: list[Case] = [(q, frozenset(codes.split(";")), kind) for q, codes, kind in _RAW]


def load_messy() -> list[Case]:
    """The resolver's hand-written employer-style titles."""
    with (ROOT / "benchmarks/data/titles_messy.csv").open(encoding="utf-8") as fh:
        return [
            (r["title"], frozenset(r["codes"].split(";")), r["kind"]) for r in csv.DictReader(fh)
        ]


def cut_last_word(cases: Sequence[Case]) -> list[Case]:
    """The titles whose last word has 5 letters or more, that word cut to its first half."""
    out = []
    for title, codes, _ in cases:
        words = title.split()
        if words and len(words[-1]) >= 5 and words[-1].isalpha():
            last = words[-1][: max(3, math.ceil(len(words[-1]) / 2))]
            out.append((" ".join([*words[:-1], last]), codes, "cut"))
    return out


def _asker(client: TestClient, route: str) -> Callable[[str], list[str]]:
    def ask(q: str) -> list[str]:
        res = client.get(route, params={"q": q, "top": TOP})
        res.raise_for_status()
        return [c["code"] for c in res.json()["candidates"]]

    return ask


def _hits(ask: Callable[[str], list[str]], cases: Sequence[Case]) -> tuple[int, int, list[Any]]:
    top1 = top5 = 0
    misses = []
    for q, codes, _ in cases:
        got = ask(q)
        top1 += bool(got[:1]) and got[0] in codes
        top5 += bool(set(got[:5]) & codes)
        if not (got[:1] and got[0] in codes):
            misses.append((q, sorted(codes), got[:3]))
    return top1, top5, misses


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the queries missed")
    args = parser.parse_args(argv)
    app = create_app()
    with TestClient(app) as client:
        index = app.state.suggester.index()
        askers = {
            "before: /api/v1/resolve": _asker(client, "/api/v1/resolve"),
            "after: /api/v1/suggest": _asker(client, "/api/v1/suggest"),
            "prefix search alone": lambda q: [m.code for m in index.search(q)[:TOP]],
        }
        askers["after: /api/v1/suggest"]("warm up")
        messy = load_messy()
        sets = {
            "typed: half-typed": [c for c in CASES if c[2] == "half"],
            "typed: whole, typo, abbreviation, code": [c for c in CASES if c[2] != "half"],
            "messy": messy,
            "messy, cut": cut_last_word(messy),
        }
        print(f"{'set':40} {'n':>4}  " + "  ".join(f"{name:>26}" for name in askers))
        print(f"{'':40} {'':>4}  " + "  ".join(f"{'top-1':>12} {'top-5':>13}" for _ in askers))
        for set_name, cases in sets.items():
            cells, missed = [], []
            for name, ask in askers.items():
                top1, top5, misses = _hits(ask, cases)
                cells.append(f"{top1 / len(cases):>12.1%} {top5 / len(cases):>13.1%}")
                missed.append((name, misses))
            print(f"{set_name:40} {len(cases):>4}  " + "  ".join(cells))
            if args.misses:
                for name, misses in missed:
                    for q, want, got in misses:
                        print(f"    {name}: {q!r} wants {want}, got {got}")
        times = []
        for q, _, _ in CASES:
            start = time.perf_counter()
            client.get("/api/v1/suggest", params={"q": q, "top": TOP})
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[round(0.95 * (len(times) - 1))]
        print(
            f"\n/api/v1/suggest in process, warm, {len(times)} typed queries: "
            f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"
        )


if __name__ == "__main__":
    main()
