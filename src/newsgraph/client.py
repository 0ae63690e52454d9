"""Ask a running ``newsgraph serve`` a query (what ``newsgraph QUERY --server URL`` does).

Plain sockets and JSON only: the point of asking a server is to answer without loading DuckDB,
so this module imports nothing heavier.
"""

from __future__ import annotations

import json
import socket
from typing import Any

from newsgraph.errors import StoreError


def ask(
    server: str, name: str, options: dict[str, str], *, timeout: float = 300.0
) -> tuple[list[str], list[list[Any]], bool]:
    """Columns and rows of query ``name`` with ``options``, from the server at ``server``, and
    whether it had more rows than ``options["limit"]``."""
    from urllib.parse import quote, urlencode, urlsplit

    parts = urlsplit(server if "//" in server else f"http://{server}")
    if parts.scheme != "http" or not parts.hostname:
        raise StoreError(f"{server}: not a newsgraph server address (use http://HOST:PORT)")
    try:
        port = parts.port or 80
    except ValueError:
        raise StoreError(f"{server}: not a newsgraph server address (bad port)") from None
    path = f"{parts.path.rstrip('/')}/api/{quote(name)}?{urlencode(options)}"
    request = f"GET {path} HTTP/1.0\r\nHost: {parts.netloc}\r\nAccept: application/json\r\n\r\n"
    try:
        with socket.create_connection((parts.hostname, port), timeout=timeout) as sock:
            sock.sendall(request.encode())
            chunks = []
            while chunk := sock.recv(1 << 16):
                chunks.append(chunk)
    except OSError as exc:
        raise StoreError(
            f"cannot reach a newsgraph server at {server} ({exc.strerror or exc}); "
            "start one with `newsgraph serve --db DB`, or query the file with --db"
        ) from None
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].decode("latin-1")
    try:
        status = int(status_line.split()[1])
        answer = json.loads(body)
    except (IndexError, ValueError):
        raise StoreError(f"{server}: not a newsgraph server (answer: {status_line!r})") from None
    if status != 200:
        raise StoreError(str(answer.get("error") or status_line))
    return answer["columns"], answer["rows"], bool(answer.get("more"))
