"""Query commands over a newsgraph database: quotes, events, actors, relations, search, sql.

Each takes ``--db`` (default ``$NEWSGRAPH_DB`` or ``./newsgraph.duckdb``), opened read-only,
or ``--server URL`` (default ``$NEWSGRAPH_SERVER``): a running ``newsgraph serve``, which answers
without this process loading DuckDB. Each prints ``--format table|json|csv``. The queries
themselves are in ``newsgraph.queries``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from newsgraph import queries
from newsgraph.errors import StoreError

_WIDTH = 60


def configure(p: argparse.ArgumentParser, name: str) -> None:
    queries.add_options(p, name)
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--db", default=None, help="the database (default: $NEWSGRAPH_DB or ./newsgraph.duckdb)"
    )
    where.add_argument(
        "--server",
        default=None,
        metavar="URL",
        help="ask a running `newsgraph serve` instead (default: $NEWSGRAPH_SERVER when no --db)",
    )
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(run=_runner(name))


def _runner(name: str) -> Callable[[argparse.Namespace], int]:
    def run(a: argparse.Namespace) -> int:
        server = a.server or (None if a.db else os.environ.get("NEWSGRAPH_SERVER"))
        cols: Sequence[str]
        rows: Sequence[Sequence[Any]]
        try:
            if server:
                from newsgraph.client import ask

                cols, rows, more = ask(server, name, _options(a))
            else:
                cols, rows, more = _local(name, a)
        except StoreError as exc:
            print(f"newsgraph: error: {exc}", file=sys.stderr)
            return 2
        write(cols, rows, a.format)
        if more:
            print(f"newsgraph: first {a.limit} rows shown (--limit N for more)", file=sys.stderr)
        return 0

    return run


def _local(name: str, a: argparse.Namespace) -> tuple[list[str], list[tuple[Any, ...]], bool]:
    from newsgraph.store import default_db, open_store

    sql, params = queries.sql_for(name, a)
    store = open_store(a.db or default_db(), read_only=True, search=queries.needs_search(name, sql))
    try:
        cols, rows = store.query(sql, params, limit=a.limit + 1)  # `sql` has no LIMIT of its own
    finally:
        store.close()
    return cols, rows[: a.limit], len(rows) > a.limit


def _options(a: argparse.Namespace) -> dict[str, str]:
    """The query's options that differ from nothing, as the server takes them."""
    skip = {"db", "server", "format", "run", "command"}
    out = {}
    for key, value in vars(a).items():
        if key in skip or value is None or value is False:
            continue
        out[key] = "1" if value is True else str(value)
    return out


def write(cols: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> None:
    out = sys.stdout
    if fmt == "json":
        import json

        cell = queries.cell
        out.write(json.dumps([{c: cell(v) for c, v in zip(cols, r, strict=True)} for r in rows],
                             ensure_ascii=False, indent=2) + "\n")  # fmt: skip
        return
    if fmt == "csv":
        import csv

        w = csv.writer(out)
        w.writerow(cols)
        w.writerows([[queries.cell(v) for v in r] for r in rows])
        return
    texts = [[_short(queries.cell(v)) for v in r] for r in rows]
    widths = [max([len(c), *(len(t[i]) for t in texts)]) for i, c in enumerate(cols)]
    out.write("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for t in texts:
        out.write("  ".join(v.ljust(w) for v, w in zip(t, widths, strict=True)).rstrip() + "\n")
    if not rows:
        out.write("(no rows)\n")


def _short(v: Any) -> str:
    s = "" if v is None else " ".join(str(v).split())
    return s if len(s) <= _WIDTH else s[: _WIDTH - 1] + "…"
