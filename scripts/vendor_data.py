"""Copy the public source files the product needs from ../shared/data into data/.

Run once by a maintainer (needs ``openpyxl``); the runtime never reads xlsx. Each xlsx sheet we use
becomes a gzip-compressed CSV, each CSV we use is gzip-compressed, and ``data/MANIFEST`` records
file, source, release, licence and sha256 for every vendored file. Gzip output is written with a
fixed mtime so re-running the script on the same inputs gives byte-identical files.

Usage: python scripts/vendor_data.py [--shared ../shared/data] [--out data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

ONET_30 = ("O*NET 30.3 (May 2026)", "CC BY 4.0 (USDOL/ETA)")
ONET_29 = ("O*NET 29.3 (May 2025)", "CC BY 4.0 (USDOL/ETA)")
BLS = "Public domain (US BLS)"
CENSUS = "Public domain (US Census Bureau)"


@dataclass(frozen=True)
class Item:
    """One vendored file: where it comes from and what it becomes."""

    src: str
    dest: str
    release: str
    licence: str
    sheet: str | None = None  # xlsx sheet to convert; None = copy (gzip) as is
    skip_rows: int = 0  # title rows above the header in BLS sheets
    gzip: bool = True


def _onet30(name: str) -> Item:
    return Item(f"onet/30.3/{name}.csv", f"onet/30.3/{name}.csv.gz", *ONET_30)


def _onet29(name: str, sheet: str | None = None) -> Item:
    slug = name.lower().replace(", ", "_").replace(" ", "_")
    return Item(f"onet/29.3/{name}.xlsx", f"onet/29.3/{slug}.csv.gz", *ONET_29, sheet=sheet or "")


ITEMS: list[Item] = [
    *(
        _onet30(n)
        for n in (
            "occupation_data",
            "task_statements",
            "sample_of_reported_titles",
            "software_skills",
            "related_occupations",
            "job_zones",
            "job_zone_reference",
            "education",
            "education_categories",
            "gwas_to_iwas_to_dwas",
            "emerging_tasks",
            "essential_skills",
            "content_model_reference",
        )
    ),
    Item("onet/30.3/Read Me.txt", "onet/30.3/README.txt", *ONET_30, gzip=False),
    *(
        _onet29(n)
        for n in (
            "Alternate Titles",
            "Technology Skills",
            "Tools Used",
            "Skills",
            "Knowledge",
            "Tasks to DWAs",
            "DWA Reference",
            "IWA Reference",
            "Task Statements",
            "Work Styles",
            "UNSPSC Reference",
        )
    ),
    Item(
        "onet/crosswalks/2019_to_SOC_Crosswalk.csv",
        "onet/crosswalks/onet_2019_to_soc_2018.csv.gz",
        "O*NET-SOC 2019 to SOC 2018 crosswalk",
        "CC BY 4.0 (USDOL/ETA)",
    ),
    Item(
        "onet/crosswalks/soc_structure_2018.xlsx",
        "onet/crosswalks/soc_structure_2018.csv.gz",
        "SOC 2018 structure (BLS)",
        BLS,
        sheet="",
    ),
    Item(
        "onet/crosswalks/soc_2018_definitions.xlsx",
        "onet/crosswalks/soc_2018_definitions.csv.gz",
        "SOC 2018 definitions (BLS)",
        BLS,
        sheet="",
    ),
    Item(
        "onet/crosswalks/nem-onet-to-soc-crosswalk.xlsx",
        "onet/crosswalks/nem_onet_to_soc.csv.gz",
        "BLS National Employment Matrix / O*NET-SOC crosswalk",
        BLS,
        sheet="",
    ),
    Item(
        "labels/gpts-are-gpts/full_labelset.tsv",
        "labels/gpts-are-gpts/full_labelset.tsv.gz",
        "GPTs are GPTs (Eloundou et al., Science 2024), O*NET 27.2 tasks",
        "MIT",
    ),
    Item(
        "labels/gpts-are-gpts/occ_level.csv",
        "labels/gpts-are-gpts/occ_level.csv.gz",
        "GPTs are GPTs (Eloundou et al., Science 2024)",
        "MIT",
    ),
    Item(
        "labels/gpts-are-gpts/LICENSE",
        "labels/gpts-are-gpts/LICENSE",
        "GPTs are GPTs (Eloundou et al., Science 2024)",
        "MIT",
        gzip=False,
    ),
    Item(
        "bls/oews-2025.sqlite.gz",
        "bls/oews-2025.sqlite.gz",
        "OEWS May 2025",
        BLS,
        gzip=False,
    ),
    Item(
        "bls/oews-2025.manifest.json",
        "bls/oews-2025.manifest.json",
        "OEWS May 2025",
        BLS,
        gzip=False,
    ),
    Item(
        "bls/oews_may2024_national.xlsx",
        "bls/oews_may2024_national.csv.gz",
        "OEWS May 2024",
        BLS,
        sheet="",
    ),
    *(
        Item(
            "bls/ep_2024_34_occupation.xlsx",
            f"bls/ep_2024_34_table_{t.replace('.', '_')}.csv.gz",
            "BLS Employment Projections 2024–34",
            BLS,
            sheet=f"Table {t}",
            skip_rows=1,
        )
        for t in ("1.2", "1.10", "1.12")
    ),
    Item(
        "anthropic-aei/release_2025_02_10/onet_task_mappings.csv",
        "anthropic-aei/onet_task_mappings.csv.gz",
        "Anthropic Economic Index, release 2025-02-10",
        "CC BY (Anthropic)",
    ),
    Item(
        "anthropic-aei/release_2025_02_10/automation_vs_augmentation.csv",
        "anthropic-aei/automation_vs_augmentation.csv",
        "Anthropic Economic Index, release 2025-02-10",
        "CC BY (Anthropic)",
        gzip=False,
    ),
    Item(
        "adoption/btos_ai_use_by_sector_long.csv",
        "adoption/btos_ai_use_by_sector_long.csv.gz",
        "Census BTOS, Sep 2023 - Nov 2025 (downloaded 2025-12-09)",
        CENSUS,
    ),
    Item(
        "adoption/National.xlsx",
        "adoption/btos_national_response_estimates.csv.gz",
        "Census BTOS, Sep 2023 - Nov 2025 (downloaded 2025-12-09)",
        CENSUS,
        sheet="Response Estimates",
    ),
    Item(
        "adoption/ncses-abs-2021/data.csv",
        "adoption/ncses_abs_2021.csv.gz",
        "NCSES Annual Business Survey 2021",
        CENSUS,
    ),
]


def _xlsx_to_csv(path: Path, sheet: str, skip_rows: int) -> bytes:
    import openpyxl  # maintainer-only dependency

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for i, row in enumerate(ws.iter_rows(values_only=True)):
        if i < skip_rows:
            continue
        if all(v is None for v in row):
            continue
        writer.writerow(["" if v is None else v for v in row])
    wb.close()
    return buf.getvalue().encode("utf-8")


def _gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as fh:
        fh.write(data)
    return buf.getvalue()


def vendor(shared: Path, out: Path) -> list[tuple[str, str, str, str, str, int]]:
    """Write every item into ``out`` and return the manifest rows."""
    rows = []
    for item in ITEMS:
        src = shared / item.src
        dest = out / item.dest
        dest.parent.mkdir(parents=True, exist_ok=True)
        if item.sheet is not None:
            payload = _gz(_xlsx_to_csv(src, item.sheet, item.skip_rows))
        elif item.gzip:
            payload = _gz(src.read_bytes())
        else:
            payload = b""
        if payload:
            dest.write_bytes(payload)
        else:
            shutil.copyfile(src, dest)
        digest = hashlib.sha256(dest.read_bytes()).hexdigest()
        source = item.src + (f" [{item.sheet}]" if item.sheet else "")
        rows.append((item.dest, source, item.release, item.licence, digest, dest.stat().st_size))
        print(f"{item.dest:60s} {dest.stat().st_size:>10,d}")
    return rows


def main() -> None:
    """Parse arguments, vendor the files, write data/MANIFEST."""
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=root.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=root / "data")
    args = ap.parse_args()
    rows = vendor(args.shared, args.out)
    with (args.out / "MANIFEST").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["file", "source", "release", "licence", "sha256", "bytes"])
        writer.writerows(rows)
    total = sum(r[5] for r in rows)
    print(f"{len(rows)} files, {total / 1e6:.1f} MB -> {args.out / 'MANIFEST'}")


if __name__ == "__main__":
    main()
