"""Benchmark ``newsgraph ingest`` on every HTML page under ``extraction/`` (about 1,960).

    python -m bench.ingest [--data DIR] [--workers N] [--limit N] [--json]

In one run, one after the other on the same pages:

1. ``newsgraph analyze`` over the folders, JSON lines to a file, no store (one process);
2. ``newsgraph ingest --workers 1`` into a new database;
3. ``newsgraph ingest --workers N`` (default: all cores) into another;
4. ``newsgraph ingest`` again over the same inputs: it must add no rows.

It prints documents per second for each (ingest against analyze), each run's peak memory,
the database size per 1,000 documents, and the time each query command takes on the database
(in process: open, query, format; median of 5), and as a whole command line (process start
included, median of 9) reading the file (--db) and asking a running ``newsgraph serve``
(--server), beside what Python, and Python starting DuckDB, take alone.
``--queries DB`` times only the query commands on an existing database.

Data: --data DIR, else $NEWSGRAPH_SHARED/data, else ../shared/data.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

from bench.paths import shared_data

FOLDERS = ("scrapinghub_aeb", "fundus_eval", "trafilatura_eval", "wcxb_articles")
QUERIES = (
    ["quotes", "--speaker", "Trump"],
    ["events", "--source", "USA", "--mode", "asserted"],
    ["actors", "--top", "20"],
    ["relations", "USA", "CHN", "--by", "month"],
    ["search", "election"],
    ["sql", "SELECT mode, count(*) FROM events GROUP BY mode"],
)


def _timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) of the process tree, last stderr line."""
    script = (
        "import resource, subprocess, sys, time;"
        "t=time.monotonic();"
        "p=subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,"
        " text=True);"
        "w=time.monotonic()-t;"
        "m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024;"
        "lines=[l for l in p.stderr.splitlines() if l.strip()];"
        "print(w, m, p.returncode, (lines[-1] if lines else ''), sep='\\t')"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, *cmd], capture_output=True, text=True, check=True
    )
    wall, mem, code, last = out.stdout.rstrip("\n").split("\t", 3)
    if int(code) not in (0, 1):
        raise SystemExit(f"bench.ingest: {' '.join(cmd[:3])} failed: {last}")
    return float(wall), float(mem), last


def _time_queries(db: Path, ng: str) -> dict[str, tuple[float, float, float]]:
    """Per query command, ms: in process (median of 5), as a command line reading the file
    (median of 9), and as a command line asking a running `newsgraph serve` (median of 9)."""
    from newsgraph.cli.main import main as cli

    def whole(args: list[str]) -> float:
        times = []
        for _ in range(9):
            t0 = time.perf_counter()
            subprocess.run([ng, *args], stdout=subprocess.DEVNULL, check=True)
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1000

    server = subprocess.Popen(
        [ng, "serve", "--db", str(db), "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    try:
        assert server.stderr is not None
        first = server.stderr.readline()  # "newsgraph: serving DB at URL (...)"
        if " at http://" not in first:
            raise SystemExit(f"bench.ingest: newsgraph serve did not start: {first.strip()}")
        url = first.split(" at ", 1)[1].split()[0]
        queries = {}
        for q in QUERIES:
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                with redirect_stdout(io.StringIO()):
                    code = cli([*q, "--db", str(db)])
                times.append(time.perf_counter() - t0)
                assert code == 0, q
            local = whole([*q, "--db", str(db)])
            served = whole([*q, "--server", url])
            queries[" ".join(q)] = (statistics.median(times) * 1000, local, served)
    finally:
        server.terminate()
        server.wait()
    return queries


def _floor_ms() -> dict[str, float]:
    """What any command line pays before newsgraph runs: Python, and Python starting DuckDB's
    engine (the compiled module newsgraph imports, and an empty in-memory database)."""
    out = {}
    for name, code in (
        ("python", "pass"),
        ("python + DuckDB engine", "import _duckdb; _duckdb.connect()"),
    ):
        times = []
        for _ in range(9):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - t0)
        out[name] = statistics.median(times) * 1000
    return out


def _print_queries(queries: dict[str, Any], floor: dict[str, float]) -> None:
    print(
        "| query | in process (median of 5) | command line, --db (median of 9) "
        "| command line, --server (median of 9) |"
    )
    print("|---|---:|---:|---:|")
    for q, (inproc, whole, served) in queries.items():
        print(f"| newsgraph {q} | {inproc:.0f} ms | {whole:.0f} ms | {served:.0f} ms |")
    print("before any command runs: " + "; ".join(f"{k} {v:.0f} ms" for k, v in floor.items()))


def _pages(data: Path, limit: int | None) -> list[Path]:
    pages = sorted(
        p
        for f in FOLDERS
        for p in (data / "extraction" / f).rglob("*")
        if p.is_file() and p.name.lower().endswith((".html", ".htm", ".html.gz", ".htm.gz", ".gz"))
    )
    return pages[:limit] if limit else pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (a quick look)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--queries",
        metavar="DB",
        type=Path,
        help="only time the query commands on this existing database (no ingest)",
    )
    args = ap.parse_args(argv)
    ng = str(Path(sys.executable).with_name("newsgraph"))
    if args.queries:
        if not args.queries.is_file():
            print(f"bench.ingest: {args.queries}: no such database", file=sys.stderr)
            return 2
        _print_queries(_time_queries(args.queries, ng), _floor_ms())
        return 0
    data = args.data or shared_data()
    pages = _pages(data, args.limit)
    if not pages:
        print(
            f"bench.ingest: no pages under {data / 'extraction'} (use --data DIR)", file=sys.stderr
        )
        return 2
    result: dict[str, Any] = {"pages": len(pages)}
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "pages"
        listing.mkdir()
        for k, p in enumerate(pages):  # one folder of links, so every run reads the same pages
            (listing / f"{k:05d}_{p.name}").symlink_to(p)
        w_an, m_an, _ = _timed(
            [ng, "analyze", str(listing), "--format", "jsonl", "--out", f"{tmp}/a.jsonl", "-q"]
        )
        runs = {"analyze (no store)": (w_an, m_an, "")}
        dbs = {}
        for workers in sorted({1, args.workers}):
            db = Path(tmp) / f"w{workers}.duckdb"
            wall, mem, last = _timed(
                [ng, "ingest", str(listing), "--db", str(db), "--workers", str(workers), "-q"]
            )
            runs[f"ingest --workers {workers}"] = (wall, mem, last)
            dbs[workers] = db
        db = dbs[args.workers]
        again_wall, _, again_last = _timed(
            [ng, "ingest", str(listing), "--db", str(db), "--workers", str(args.workers), "-q"]
        )
        from newsgraph.store import open_store

        store = open_store(db, read_only=True)
        counts = store.counts()
        store.close()
        size = db.stat().st_size + (
            db.with_name(db.name + ".wal").stat().st_size
            if db.with_name(db.name + ".wal").exists()
            else 0
        )
        queries = _time_queries(db, ng)
        docs = counts["documents"]
        result.update(
            runs={
                k: {"seconds": w, "pages_per_s": len(pages) / w, "peak_mb": m, "summary": s}
                for k, (w, m, s) in runs.items()
            },
            counts=counts,
            db_mb_per_1000_docs=size / 2**20 / max(docs, 1) * 1000,
            second_run={"seconds": again_wall, "summary": again_last},
            queries_ms=queries,
            floor_ms=_floor_ms(),
        )
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    base = result["runs"]["analyze (no store)"]["pages_per_s"]
    counts = result["counts"]
    print(
        f"{len(pages)} pages under extraction/; {counts['documents']} documents stored, "
        f"{counts['errors']} errors or warnings"
    )
    print("| run | seconds | pages/s | vs analyze | peak memory |")
    print("|---|---:|---:|---:|---:|")
    for name, r in result["runs"].items():
        rate = r["pages_per_s"]
        print(
            f"| {name} | {r['seconds']:.0f} | {rate:.2f} | {rate / base:.0%} | "
            f"{r['peak_mb']:.0f} MB |"
        )
    print(f"database size: {result['db_mb_per_1000_docs']:.1f} MB per 1,000 documents")
    print(f"rows: {counts}")
    again = result["second_run"]
    print(f"second ingest of the same inputs: {again['seconds']:.1f} s: {again['summary']}")
    _print_queries(result["queries_ms"], result["floor_ms"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
