"""``newsgraph serve``: answer the query commands over HTTP (JSON), see newsgraph.server."""

from __future__ import annotations

import argparse
import sys


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db", default=None, help="the database (default: $NEWSGRAPH_DB or ./newsgraph.duckdb)"
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0: any free one)")
    p.add_argument("-v", "--verbose", action="store_true", help="one line per request")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from newsgraph.errors import StoreError
    from newsgraph.server import Server
    from newsgraph.store import default_db

    db = args.db or default_db()
    try:
        server = Server(db, args.host, args.port, verbose=args.verbose)
    except StoreError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"newsgraph: error: cannot listen on {args.host}:{args.port} ({exc.strerror or exc})",
            file=sys.stderr,
        )
        return 2
    print(
        f"newsgraph: serving {db} at {server.url} (query with --server {server.url}; Ctrl-C stops)",
        file=sys.stderr,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("newsgraph: stopped", file=sys.stderr)
    finally:
        server.server_close()
    return 0
