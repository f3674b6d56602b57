"""Benchmark of the web face on loopback: latency, throughput and the static export.

    .venv/bin/python benchmarks/web.py [--workers 1 2] [--runs 3] [--site-runs 3]

Starts ``uvicorn ai_impact.web.app:create_app`` on 127.0.0.1 (a free port) for each worker
count, then measures, each ``--runs`` times (the table shows the median of the runs):

* sequential latency (p50, p95) of ``/healthz`` (the baseline: no library call),
  ``/api/v1/industries``, ``/api/v1/occupations/{code}`` over a fixed sample of codes, and the
  HTML pages ``/occupation/{code}``, ``/industry/{slug}`` and ``/``;
* throughput with ``--clients`` concurrent keep-alive connections for ``--seconds`` seconds
  (a minimal asyncio HTTP/1.1 client, so the load generator takes little of the 2 cores);
* ``ai-impact build-site`` of every occupation (``--site-runs`` times, ``--jobs`` processes).

``--synthetic N`` replaces the library with N copies of the hand-built reports of
``tests/web_fakes.py`` (no knowledge base needed): it measures the web face alone — routing,
rendering, charts, serialization, writing files — and runs build-site with ``--jobs 1`` (the
fake facade lives in this process only).

Every request goes to 127.0.0.1 only; every loop is bounded in count and time. The knowledge
base must exist or is built on the first server start (not timed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"


def machine() -> str:
    """CPU model, cores, memory and Python, for the report."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    except OSError:
        mem = float("nan")
    return f"{model}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def get(url: str, timeout: float = 30) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return bytes(r.read())


def install_synthetic(n: int) -> None:
    """Point ``ai_impact.api`` at ``n`` synthetic occupations (copies of the test fakes)."""
    import dataclasses

    sys.path.insert(0, str(ROOT / "tests"))
    import pytest

    import web_fakes as fake

    base = list(fake.REPORTS.values())[:3]
    reports = {}
    for i in range(n):
        r = base[i % len(base)]
        code = f"{11 + i // 9999:02d}-{i % 9999:04d}.00"
        header = dataclasses.replace(
            r.header, code=code, soc=code[:7], title=f"{r.header.title} {i}"
        )
        reports[code] = dataclasses.replace(r, header=header)
    fake.REPORTS.clear()
    fake.REPORTS.update(reports)
    fake.install(pytest.MonkeyPatch())


def synthetic_app() -> Any:
    """uvicorn factory of the synthetic mode (N from AI_IMPACT_BENCH_SYNTHETIC)."""
    install_synthetic(int(os.environ["AI_IMPACT_BENCH_SYNTHETIC"]))
    from ai_impact.web.app import create_app

    return create_app()


class Server:
    """uvicorn in a subprocess with ``workers`` processes."""

    def __init__(self, workers: int, synthetic: int = 0) -> None:
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        app = "web:synthetic_app" if synthetic else "ai_impact.web.app:create_app"
        code = (
            "from ai_impact.web.server import run; "
            f"run({app!r}, host={HOST!r}, port={self.port}, workers={workers}, factory=True)"
        )
        cmd = [str(BIN / "python"), "-c", code]
        path = os.pathsep.join(
            p for p in (str(ROOT / "benchmarks"), os.environ.get("PYTHONPATH")) if p
        )
        env = {**os.environ, "AI_IMPACT_BENCH_SYNTHETIC": str(synthetic), "PYTHONPATH": path}
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
        deadline = time.monotonic() + 600  # a first run builds the knowledge base
        while True:
            try:
                get(self.base + "/healthz", timeout=2)
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One GET on a keep-alive connection; returns the status code."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        if line.lower().startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    await reader.readexactly(length)
    return status


async def _sequential(port: int, paths: list[str]) -> list[float]:
    reader, writer = await asyncio.open_connection(HOST, port)
    times = []
    for p in paths:
        t = time.perf_counter()
        status = await _request(reader, writer, p)
        times.append((time.perf_counter() - t) * 1000)
        if status != 200:
            raise RuntimeError(f"{p} answered {status}")
    writer.close()
    return times


async def _concurrent(
    port: int, paths: list[str], clients: int, seconds: float
) -> tuple[int, float]:
    stop = time.perf_counter() + seconds
    counts = [0] * clients

    async def client(i: int) -> None:
        reader, writer = await asyncio.open_connection(HOST, port)
        k = i
        while time.perf_counter() < stop:
            status = await _request(reader, writer, paths[k % len(paths)])
            if status != 200:
                raise RuntimeError(f"{paths[k % len(paths)]} answered {status}")
            counts[i] += 1
            k += clients
        writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    return sum(counts), time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_server(workers: int, args: argparse.Namespace) -> dict[str, Any]:
    server = Server(workers, args.synthetic)
    try:
        table = json.loads(get(server.base + "/api/v1/occupations"))["occupations"]
        slugs = [
            i["slug"] for i in json.loads(get(server.base + "/api/v1/industries"))["industries"]
        ]
        rng = random.Random(7)
        codes = rng.sample([r["code"] for r in table], min(args.codes, len(table)))
        routes = {
            "/healthz (baseline)": ["/healthz"] * len(codes),
            "/api/v1/industries": ["/api/v1/industries"] * len(codes),
            "/api/v1/occupations/{code}": [f"/api/v1/occupations/{c}" for c in codes],
            "/occupation/{code} (HTML)": [f"/occupation/{c}" for c in codes[: args.page_codes]],
            "/industry/{slug} (HTML)": [f"/industry/{s}" for s in slugs],
            "/ (HTML)": ["/"] * 50,
        }
        # Warm every worker's caches: each path once per worker (connections land on any worker).
        for paths in routes.values():
            for _ in range(workers):
                asyncio.run(_sequential(server.port, sorted(set(paths))))
        out: dict[str, Any] = {"workers": workers, "sequential": {}, "throughput": {}}
        for name, paths in routes.items():
            runs = [asyncio.run(_sequential(server.port, paths)) for _ in range(args.runs)]
            out["sequential"][name] = {
                "p50_ms": statistics.median(pct(r, 0.5) for r in runs),
                "p95_ms": statistics.median(pct(r, 0.95) for r in runs),
                "n": len(paths),
            }
        for name in ("/healthz (baseline)", "/api/v1/occupations/{code}"):
            rates = []
            for _ in range(args.runs):
                n, secs = asyncio.run(
                    _concurrent(server.port, routes[name], args.clients, args.seconds)
                )
                rates.append(n / secs)
            out["throughput"][name] = {"rps": statistics.median(rates), "clients": args.clients}
        return out
    finally:
        server.stop()


def bench_site(args: argparse.Namespace) -> dict[str, Any]:
    times, pages = [], 0
    if args.synthetic:
        install_synthetic(args.synthetic)
    for _ in range(args.site_runs):
        with tempfile.TemporaryDirectory(prefix="ai-impact-site-bench-") as tmp:
            out = Path(tmp) / "site"
            t = time.perf_counter()
            if args.synthetic:
                from ai_impact.export import build_site

                build_site(out, jobs=1)
            else:
                cmd = [str(BIN / "ai-impact"), "build-site", str(out), "--jobs", str(args.jobs)]
                subprocess.run([*cmd, "-q"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t)
            pages = len(list((out / "occupations").glob("*.*.html")))
            size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    return {"seconds": statistics.median(times), "runs": times, "pages": pages, "mib": size / 2**20}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--codes", type=int, default=300, help="sampled occupation codes")
    p.add_argument("--page-codes", type=int, default=100, help="codes for the HTML page route")
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--site-runs", type=int, default=3)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--json", type=Path, help="also write the results here")
    p.add_argument("--synthetic", type=int, default=0, help="N fake occupations, no library")
    args = p.parse_args()

    results: dict[str, Any] = {"machine": machine(), "servers": []}
    mode = f"synthetic ({args.synthetic} fake occupations)" if args.synthetic else "real library"
    print(f"machine: {results['machine']}\nmode: {mode}\n")
    for w in args.workers:
        results["servers"].append(bench_server(w, args))
    if args.site_runs:
        results["site"] = bench_site(args)

    print("| route | workers | p50 ms | p95 ms | requests |")
    print("|---|---|---|---|---|")
    for s in results["servers"]:
        for name, v in s["sequential"].items():
            print(f"| {name} | {s['workers']} | {v['p50_ms']:.2f} | {v['p95_ms']:.2f} | {v['n']} |")
    print("\n| throughput | workers | clients | requests/s |")
    print("|---|---|---|---|")
    for s in results["servers"]:
        for name, v in s["throughput"].items():
            print(f"| {name} | {s['workers']} | {v['clients']} | {v['rps']:.0f} |")
    if "site" in results:
        site = results["site"]
        runs = ", ".join(f"{t:.1f}" for t in site["runs"])
        print(
            f"\nbuild-site: {site['pages']} occupation pages in {site['seconds']:.1f} s "
            f"(median of {len(site['runs'])}: {runs}; "
            f"--jobs {1 if args.synthetic else args.jobs}; {site['mib']:.0f} MiB)"
        )
    print(f"\n(medians of {args.runs} runs; {args.seconds:.0f} s per throughput run)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
