"""``newsgraph export``: a database out as newsgraph/1 JSON lines, Parquet or GDELT events."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TextIO

from newsgraph.store import Store, StoreError, default_db, gdelt, open_store

EXPORTED = ("documents", "entities", "mentions", "quotes", "claims", "events", "stories", "errors")
MODES = ("asserted", "future", "hypothetical", "negated", "reported")


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db", default=None, help="the database (default: $NEWSGRAPH_DB or ./newsgraph.duckdb)"
    )
    p.add_argument("--format", choices=("jsonl", "parquet", "gdelt"), required=True)
    p.add_argument("--out", metavar="PATH", help="file (jsonl, gdelt) or folder (parquet)")
    p.add_argument(
        "--modes",
        default="asserted,reported",
        help="gdelt: the event modes to export, comma-separated (default asserted,reported)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    db = args.db or default_db()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    bad = [m for m in modes if m not in MODES]
    if bad:
        print(
            f"newsgraph: error: unknown mode {bad[0]!r} (choose from {', '.join(MODES)})",
            file=sys.stderr,
        )
        return 2
    if args.format == "parquet" and not args.out:
        print("newsgraph: error: --format parquet needs --out FOLDER", file=sys.stderr)
        return 2
    try:
        store = open_store(db, read_only=True)
    except StoreError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.format == "parquet":
            out = Path(args.out)
            out.mkdir(parents=True, exist_ok=True)
            for table in EXPORTED:
                target = out / f"{table}.parquet"
                store.query(f"COPY (SELECT * FROM {table}) TO '{_quote(target)}' (FORMAT parquet)")
            print(f"newsgraph: wrote {len(EXPORTED)} tables to {out}/", file=sys.stderr)
            return 0
        if args.out:
            with Path(args.out).open("w", encoding="utf-8", newline="") as stream:
                _write(store, args.format, modes, stream)
        else:
            _write(store, args.format, modes, sys.stdout)
    except StoreError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _write(store: Store, fmt: str, modes: list[str], stream: TextIO) -> None:
    if fmt == "jsonl":
        _, rows = store.query("SELECT record FROM documents ORDER BY ingested_at, doc_id")
        for (record,) in rows:
            stream.write(record + "\n")
        return
    _, rows = store.query(gdelt.QUERY, [modes])
    w = csv.writer(
        stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
    )
    for row in gdelt.rows(rows):
        w.writerow([_clean(v) for v in row])


def _clean(value: str) -> str:
    return " ".join(value.split()) if ("\t" in value or "\n" in value) else value


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
