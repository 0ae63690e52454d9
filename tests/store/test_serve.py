"""`newsgraph serve` and `--server`: the same answers as the database file gives, fenced in."""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph import queries
from newsgraph.cli.main import main
from newsgraph.server import Server, parse
from newsgraph.store import open_store

QUERIES = (
    ["quotes", "--speaker", "Olsen"],
    ["events", "--source", "NOR"],
    ["actors", "--top", "5", "--kind", "country"],
    ["relations", "NOR", "SWE", "--by", "year"],
    ["search", "fishing rights", "--limit", "4"],
    ["search", "agreement", "--quotes"],
    ["sql", "SELECT count(*) AS n, min(title) AS first FROM documents"],
)


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[Server]:
    srv = Server(built, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q[0])
def test_the_server_answers_as_the_file_does(
    query: list[str], built: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("json", "table"):
        local = run([*query, "--db", str(built), "--format", fmt], capsys)
        remote = run([*query, "--server", server.url, "--format", fmt], capsys)
        assert local[0] == 0 and local == remote
    rows = json.loads(run([*query, "--db", str(built), "--format", "json"], capsys)[1])
    assert rows or query[0] == "relations"  # the fictional pages carry no dates to group by


def test_the_environment_names_a_server_and_db_wins(
    built: Path, server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSGRAPH_SERVER", server.url)
    monkeypatch.setenv("NEWSGRAPH_DB", str(built.parent / "missing.duckdb"))
    assert run(["actors", "--top", "1"], capsys)[0] == 0  # the server
    code, _, err = run(["actors", "--db", str(built.parent / "missing.duckdb")], capsys)
    assert code == 2 and "no such database" in err


def test_options_are_checked_as_on_the_command_line(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):  # by the client's own parser
        main(["events", "--since", "2020-13", "--server", server.url])
    assert "not a date" in capsys.readouterr().err
    with pytest.raises(ValueError, match="not a date"):
        parse("events", [("since", "2020-02-30")])
    with pytest.raises(ValueError, match="unknown parameters"):
        parse("actors", [("bogus", "1")])
    with pytest.raises(ValueError, match="needs the parameter actor2"):
        parse("relations", [("actor1", "CHN")])
    args = parse("search", [("text", "-leading dash"), ("quotes", "1"), ("limit", "3")])
    assert (args.text, args.quotes, args.limit) == ("-leading dash", True, 3)


def test_positional_and_flag_options_are_listed_for_the_api() -> None:
    for name in queries.NAMES:
        parser = argparse.ArgumentParser()
        queries.add_options(parser, name)
        actions = parser._actions
        positional = tuple(a.dest for a in actions if not a.option_strings)
        flags = tuple(
            a.dest for a in actions if a.option_strings and a.nargs == 0 and a.dest != "help"
        )
        assert positional == queries.POSITIONAL.get(name, ())
        assert flags == queries.FLAGS.get(name, ())


def get(server: Server, path: str, host: str = "127.0.0.1") -> tuple[int, dict[str, object]]:
    port = server.server_address[1]
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: {host}:{port}\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def test_the_engine_reads_that_one_file_and_runs_one_select(server: Server) -> None:
    status, body = get(server, "/api/sql?query=SELECT+*+FROM+read_csv('/etc/hostname')")
    assert status == 400 and "disabled" in str(body["error"])
    status, body = get(server, "/api/sql?query=SELECT+1;+DETACH+news")
    assert status == 400 and "one read-only query" in str(body["error"])
    status, body = get(server, "/api/sql?query=COPY+documents+TO+'/tmp/x.csv'")
    assert status == 400
    status, body = get(server, "/api/nothing")
    assert status == 404
    status, body = get(server, "/api/actors", host="rebound.example")
    assert status == 403
    status, body = get(server, "/")
    assert status == 200 and body["queries"] == {n: f"/api/{n}" for n in queries.NAMES}


def test_an_ingest_can_write_between_requests(built: Path, server: Server) -> None:
    assert get(server, "/api/actors?top=1")[0] == 200
    store = open_store(built)  # would fail while another process held the file open
    store.close()
    assert get(server, "/api/actors?top=1")[0] == 200


def test_no_server_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(["actors", "--server", f"http://127.0.0.1:{port}"], capsys)
    assert code == 2 and err.count("\n") == 1 and "newsgraph serve --db" in err


def test_asking_a_server_loads_no_database_engine(server: Server) -> None:
    script = (
        "import sys; from newsgraph.cli.main import main;"
        f"code = main(['actors', '--server', {server.url!r}, '--format', 'json']);"
        "print(code, sorted(m for m in ('_duckdb', 'spacy', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "0 []", out.stderr


def test_serve_names_a_missing_database_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "0"], capsys)
    assert code == 2 and err.count("\n") == 1 and "no such database" in err


def test_sql_shows_at_most_limit_rows_and_says_so(
    built: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    query = ["sql", "SELECT doc_id FROM documents", "--limit", "3", "--format", "json"]
    for where in (["--db", str(built)], ["--server", server.url]):
        code, out, err = run([*query, *where], capsys)
        assert code == 0 and len(json.loads(out)) == 3 and "first 3 rows" in err
    code, out, err = run([*query[:2], "--limit", "1000", "--db", str(built)], capsys)
    assert code == 0 and "rows shown" not in err
