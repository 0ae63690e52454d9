"""``newsgraph ingest SOURCE... --db FILE``: analyse pages and store them in a database."""

from __future__ import annotations

import argparse
import os
import sys

from newsgraph.cli import dictionaries
from newsgraph.config import DEFAULT_PIPELINE
from newsgraph.errors import InputError, PipelineError
from newsgraph.ingest import ingest
from newsgraph.ingest.sources import MAX_BYTES, expand, jsonl_inputs
from newsgraph.pipeline import Pipeline
from newsgraph.store import StoreError, default_db, open_store


def _size(value: str) -> int:
    v = value.strip().upper()
    mult = 1
    for suffix, m in (("KB", 2**10), ("MB", 2**20), ("GB", 2**30), ("K", 2**10), ("M", 2**20)):
        if v.endswith(suffix):
            v, mult = v[: -len(suffix)], m
            break
    try:
        n = int(float(v) * mult)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 10MB)") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return n


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="folders (read recursively), WARC files, RSS/Atom feeds (file or URL), files of "
        "URLs (one per line), page files or URLs",
    )
    p.add_argument("--jsonl", action="append", default=[], metavar="FILE",
                   help="already extracted articles in the --jsonl form of analyze")  # fmt: skip
    p.add_argument("--db", default=None, help="the database file (default: $NEWSGRAPH_DB or "
                   "./newsgraph.duckdb)")  # fmt: skip
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="processes running the pipeline (default: all cores)")  # fmt: skip
    p.add_argument("--batch", type=int, default=16, help="documents per transaction")
    p.add_argument("--max-bytes", type=_size, default=MAX_BYTES, metavar="SIZE",
                   help="skip (and record) pages larger than this (default 10MB)")  # fmt: skip
    p.add_argument("--retry-failed", action="store_true",
                   help="try again the inputs that failed in an earlier run")  # fmt: skip
    p.add_argument("--pipeline", metavar="STAGES", help="comma-separated stage names to run")
    dictionaries.add_options(p)
    p.add_argument("--allow-private", action="store_true",
                   help="allow fetching URLs on loopback and private addresses")  # fmt: skip
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or error lines")
    p.set_defaults(run=run)


def _error(msg: str) -> None:
    print(f"newsgraph: error: {msg}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if not args.sources and not args.jsonl:
        _error("nothing to ingest: name folders, WARC files, feeds, URL lists or --jsonl FILE")
        return 2
    if args.workers < 1 or args.batch < 1:
        _error("--workers and --batch must be at least 1")
        return 2
    names = [n.strip() for n in args.pipeline.split(",") if n.strip()] if args.pipeline else None
    options, problem = dictionaries.stage_options(args, names or DEFAULT_PIPELINE)
    if problem:
        _error(problem)
        return 2
    try:
        Pipeline.from_names(names, options)  # check it before any work
    except (PipelineError, InputError) as exc:
        _error(str(exc))
        return 2
    db = args.db or default_db()
    try:
        store = open_store(db)
    except StoreError as exc:
        _error(str(exc))
        return 2
    inputs = [
        item
        for src in args.sources
        for item in expand(src, allow_private=args.allow_private, max_bytes=args.max_bytes)
    ]
    inputs += [item for f in args.jsonl for item in jsonl_inputs(f)]
    try:
        report = ingest(
            inputs,
            store,
            names=names,
            options=options,
            workers=min(args.workers, max(1, len(inputs))),
            batch=args.batch,
            retry_failed=args.retry_failed,
            quiet=args.quiet,
            on_error=(lambda _m: None) if args.quiet else None,
        )
    except StoreError as exc:
        _error(str(exc))
        return 1
    finally:
        store.close()
    print(report.summary() + f"; database {db}", file=sys.stderr)
    return 0 if not report.failed else 1
