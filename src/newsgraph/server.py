"""``newsgraph serve``: the corpus queries over HTTP, answered as JSON.

    GET /api/events?source=CHN&mode=asserted&limit=10
    -> {"columns": ["date", "source_code", ...], "rows": [["2023-03-21", "CHNGOV", ...], ...],
        "more": false}    (true when the query had more rows than its limit)

The parameters are the query commands' options (``newsgraph.queries``): the same names, the
same checks, the same SQL. Positional options are named (``/api/relations?actor1=CHN&actor2=RUS``,
``/api/search?text=...``, ``/api/sql?query=...``); flags take ``1``.

The database is attached read-only for each request and detached after it, so that an ingest
can write between requests. The engine is fenced in: it can read that one file and nothing else
(no other file, no network, no extension to install), and ``sql`` runs one SELECT. Bound to a
loopback address (the default), the server answers only requests addressed to localhost, which
keeps web pages elsewhere from reaching it through DNS rebinding.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import _duckdb as duckdb  # the engine, as newsgraph.store.duck imports it

from newsgraph import __version__, queries
from newsgraph.errors import StoreError
from newsgraph.store.duck import UNSIGNED_ONCE, check_tables, load_fts, no_database

LOOPBACK = {"localhost", "127.0.0.1", "::1"}
_READING = (duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN)


class BadRequest(ValueError):
    """A request whose options the query does not take."""


class Reader:
    """Runs queries on one database file, attached read-only for the length of each query."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(Path(path).resolve())
        if not Path(self.path).is_file():
            raise no_database(path)
        allowed = [self.path, self.path + ".wal"]
        self.con = duckdb.connect(":memory:", config=UNSIGNED_ONCE)
        load_fts(self.con, unsigned_once=True)
        self.con.execute(f"SET allowed_paths = [{', '.join(_literal(p) for p in allowed)}]")
        self.con.execute("SET enable_external_access = false")
        self.con.execute("SET lock_configuration = true")
        self.lock = threading.Lock()
        _, rows = self.query("SELECT table_name FROM duckdb_tables()")
        check_tables({t for (t,) in rows}, path)

    def query(
        self, sql: str, params: Sequence[Any] = (), *, limit: int | None = None
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self.lock:
            try:
                statements = self.con.extract_statements(sql)
            except duckdb.Error as exc:
                raise queries.QueryError(_first_line(exc)) from None
            if len(statements) != 1 or statements[0].type not in _READING:
                raise queries.QueryError(
                    "the server runs one read-only query (SELECT, WITH, DESCRIBE)"
                )
            try:
                self.con.execute(f"ATTACH {_literal(self.path)} AS news (READ_ONLY)")
            except duckdb.Error as exc:
                raise StoreError(
                    f"{self.path}: cannot be read now ({_first_line(exc)}); an ingest may be "
                    "writing it: try again when it ends"
                ) from None
            try:
                self.con.execute("USE news")
                cur = self.con.execute(sql, list(params))
                rows = cur.fetchall() if limit is None else cur.fetchmany(limit)
                cols = [d[0] for d in (cur.description or [])]
            except duckdb.Error as exc:  # the query's fault: the database was attached
                raise queries.QueryError(_first_line(exc)) from None
            finally:
                self.con.execute("USE memory")
                self.con.execute("DETACH news")
        return cols, rows

    def close(self) -> None:
        self.con.close()


def parse(name: str, params: Sequence[tuple[str, str]]) -> argparse.Namespace:
    """The options of query ``name`` from URL parameters, checked as the command line checks
    them. Raises BadRequest."""
    parser = _Parser(prog=f"/api/{name}", add_help=False)
    queries.add_options(parser, name)
    given = dict(params)
    if len(given) != len(params):
        raise BadRequest("each parameter may be given once")
    positional = []
    for key in queries.POSITIONAL.get(name, ()):
        if key not in given:
            raise BadRequest(f"/api/{name} needs the parameter {key}")
        positional.append(given.pop(key))
    argv: list[str] = []
    for key, value in given.items():
        option = "--" + key.replace("_", "-")
        if key in queries.FLAGS.get(name, ()):
            if value.lower() not in ("1", "true", "yes", "0", "false", "no", ""):
                raise BadRequest(f"{key}: give 1 or 0")
            if value.lower() in ("1", "true", "yes"):
                argv.append(option)
        else:
            argv.append(f"{option}={value}")  # a value may start with "-"
    if positional:
        argv += ["--", *positional]  # so may these
    return parser.parse_args(argv)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise BadRequest(message.replace("unrecognized arguments", "unknown parameters"))


class _Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        started = time.perf_counter()
        status, body = self._answer()
        data = json.dumps(body, ensure_ascii=False, default=str).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        if self.server.verbose:
            ms = (time.perf_counter() - started) * 1000
            print(f"{status} {self.path} {ms:.0f} ms", file=sys.stderr)

    def _answer(self) -> tuple[int, dict[str, Any]]:
        if self.server.loopback_only and _hostname(self.headers.get("Host", "")) not in LOOPBACK:
            return 403, {"error": "this server answers requests addressed to localhost only"}
        url = urlsplit(self.path)
        if url.path in ("/", "/api", "/api/"):
            return 200, {
                "newsgraph": __version__,
                "database": self.server.reader.path,
                "queries": {n: f"/api/{n}" for n in queries.NAMES},
            }
        found = re.fullmatch(r"/api/(\w+)", url.path)
        name = found.group(1) if found else ""
        if name not in queries.NAMES:
            return 404, {"error": f"no such query: {url.path} (see /api/ for the list)"}
        try:
            args = parse(name, parse_qsl(url.query, keep_blank_values=True))
            sql, params = queries.sql_for(name, args)
            cols, rows = self.server.reader.query(sql, params, limit=args.limit + 1)
        except BadRequest as exc:
            return 400, {"error": str(exc)}
        except StoreError as exc:
            return 400 if isinstance(exc, queries.QueryError) else 503, {"error": str(exc)}
        more = len(rows) > args.limit  # `sql` has no LIMIT of its own
        return 200, {
            "columns": cols,
            "rows": [[queries.cell(v) for v in r] for r in rows[: args.limit]],
            "more": more,
        }

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request in do_GET instead, with --verbose


class Server(ThreadingHTTPServer):
    """The HTTP server of one database (``serve_forever()`` to run, ``shutdown()`` to stop)."""

    daemon_threads = True

    def __init__(self, db: str | os.PathLike[str], host: str = "127.0.0.1", port: int = 8765,
                 *, verbose: bool = False) -> None:  # fmt: skip
        self.reader = Reader(db)
        self.verbose = verbose
        self.loopback_only = _hostname(host) in LOOPBACK
        super().__init__((host, port), _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        self.reader.close()


def _hostname(host: str) -> str:
    """The host of a Host header or an address, without port or brackets."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
