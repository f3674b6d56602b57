"""Coverage and speed of the certification matcher over every occupation of the knowledge base.

    python benchmarks/cert_coverage.py
    python benchmarks/cert_coverage.py --top 60

Prints the share of the 1,016 occupations with at least three matched credentials (with and
without borrowing data from rated occupations of the same SOC group for the unrated ones, as
the report builder does) and the number with none, the occupations per SOC major group with
three or more, and the median time of one match against a baseline (building the
occupation's inputs from the KB), then the credentials listed for adjacent professions at
different levels (lawyers and paralegals, nurses and nursing assistants, engineers and
engineering technicians, ...), each with its O*NET job zone.

``--top N`` prints instead the N occupations with the most employment (OEWS, national; one
O*NET occupation per SOC code) and the credentials their analyses show, profession-named
ones marked ``*``: the review list for a missing standard credential or a wrong one.

``--spread`` prints instead, for every credential the analyses show for more than 25
occupations or in more than 3 SOC major groups, how many occupations show it and in which
major groups: the review list for a credential that reaches other professions through
generic work activities or words.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict

from ai_impact import api
from ai_impact.db import open_kb
from ai_impact.reports.match_certs import match_certifications
from ai_impact.settings import Settings
from ai_impact.sources.catalog_certs import load_certifications

# Adjacent professions at different levels (O*NET job zones): neither should get the other's
# credentials.
PAIRS = [
    ("23-1011.00", "23-2011.00"),  # lawyers, paralegals
    ("29-1141.00", "31-1131.00"),  # registered nurses, nursing assistants
    ("29-1171.00", "29-2061.00"),  # nurse practitioners, practical nurses
    ("29-1215.00", "31-9092.00"),  # family medicine physicians, medical assistants
    ("29-1051.00", "29-2052.00"),  # pharmacists, pharmacy technicians
    ("29-1292.00", "31-9091.00"),  # dental hygienists, dental assistants
    ("29-1021.00", "29-1292.00"),  # dentists, dental hygienists
    ("47-2111.00", "47-3013.00"),  # electricians, their helpers
    ("17-2071.00", "17-3023.00"),  # electrical engineers, technicians
    ("17-2141.00", "17-3027.00"),  # mechanical engineers, technicians
    ("29-1123.00", "31-2021.00"),  # physical therapists, their assistants
    ("29-1131.00", "31-9096.00"),  # veterinarians, veterinary assistants
    ("29-1224.00", "29-2034.00"),  # radiologists, radiologic technologists
    ("25-2021.00", "25-9042.00"),  # elementary school teachers, teaching assistants
    ("13-2011.00", "43-3031.00"),  # accountants, bookkeeping clerks
]


def top_by_employment(n: int) -> None:
    """The ``n`` occupations employing the most people and the credentials their analyses show."""
    settings = Settings()
    kb = open_kb(settings)
    catalog = load_certifications(settings.data_dir)
    named = {c.name for c in catalog.certifications if c.profession}
    rows, seen = [], set()
    for occ in kb.occupations():
        wage = kb.wage(occ.code)
        if occ.code[:7] in seen or wage is None or not wage.employment:
            continue
        seen.add(occ.code[:7])
        rows.append((wage.employment, occ.code, occ.title))
    for employment, code, title in sorted(rows, reverse=True)[:n]:
        shown = api.report_for(code, settings=settings).certifications
        print(f"{code} {title} ({employment:,}): {len(shown)}")
        for cert in shown:
            print(f"  {'*' if cert.name in named else ' '} {cert.name} [{cert.issuer}]")


def spread(max_occupations: int = 25, max_groups: int = 3) -> None:
    """Credentials the analyses show widely: occupations and SOC major groups of each."""
    settings = Settings()
    shown: dict[str, list[str]] = defaultdict(list)
    for occ in open_kb(settings).occupations():
        for cert in api.report_for(occ.code, settings=settings).certifications:
            shown[cert.name].append(occ.code)
    for name, codes in sorted(shown.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        groups = sorted({code[:2] for code in codes})
        if len(codes) > max_occupations or len(groups) > max_groups:
            print(
                f"{len(codes):4d} occupations, {len(groups):2d} groups ({' '.join(groups)}): {name}"
            )


def main() -> None:
    """Run the benchmark and print its figures."""
    settings = Settings()
    kb = open_kb(settings)
    catalog = load_certifications(settings.data_dir)
    occupations = kb.occupations()
    rated = [o.code for o in occupations if kb.skills(o.code) or kb.knowledge(o.code)]

    def donors(code: str) -> list[str]:
        for n in (7, 6, 5, 4):
            found = [c for c in rated if c[:n] == code[:n] and c != code]
            if found:
                return found[:3]
        return []

    for borrow in (False, True):
        per_group: dict[str, list[int]] = defaultdict(list)
        build_s, match_s = [], []
        for occ in occupations:
            t0 = time.perf_counter()
            src = [occ.code, *(donors(occ.code) if borrow and occ.code not in rated else [])]
            first = next((c for c in src if c in rated), occ.code)
            inputs = {
                "skills": kb.skills(first),
                "knowledge": kb.knowledge(first),
                "technologies": [t for c in src for t in (*kb.technologies(c), *kb.tools_used(c))],
                "activities_iwas": [a.iwa_id for c in src for a in kb.activities_of(c)],
                "text": " ".join([occ.description, *(t.text for c in src for t in kb.tasks_of(c))]),
                "title": occ.title,
            }
            t1 = time.perf_counter()
            n = len(match_certifications(catalog, **inputs))
            t2 = time.perf_counter()
            build_s.append(t1 - t0)
            match_s.append(t2 - t1)
            per_group[occ.major_code].append(n)
        every = [n for ns in per_group.values() for n in ns]
        share = sum(n >= 3 for n in every) / len(every)
        label = "with borrowing" if borrow else "own data only"
        print(f"{label}: {sum(n >= 3 for n in every)}/{len(every)} = {share:.1%} have >= 3")
        print(f"  without a credential: {sum(n == 0 for n in every)}/{len(every)}")
        groups = {g: f"{sum(n >= 3 for n in ns)}/{len(ns)}" for g, ns in sorted(per_group.items())}
        print("  per major group:", groups)
        print(
            f"  median match {statistics.median(match_s) * 1e3:.1f} ms "
            f"(baseline: building the inputs from the KB {statistics.median(build_s) * 1e3:.1f} ms)"
        )
    print("adjacent professions at different levels (job zone): credentials listed")
    for pair in PAIRS:
        for code in pair:
            occ = kb.occupation(code)
            inputs = {
                "skills": kb.skills(code),
                "knowledge": kb.knowledge(code),
                "technologies": [*kb.technologies(code), *kb.tools_used(code)],
                "activities_iwas": [a.iwa_id for a in kb.activities_of(code)],
                "text": " ".join([occ.description, *(t.text for t in kb.tasks_of(code))]),
                "title": occ.title,
            }
            ids = [m.cert.id for m in match_certifications(catalog, **inputs)]
            print(f"  {code} {occ.title[:40]} (zone {occ.job_zone}): {', '.join(ids)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, metavar="N", help="list the N largest occupations")
    parser.add_argument("--spread", action="store_true", help="list the widely shown credentials")
    args = parser.parse_args()
    if args.top:
        top_by_employment(args.top)
    elif args.spread:
        spread()
    else:
        main()
