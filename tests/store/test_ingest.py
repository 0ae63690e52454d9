"""``newsgraph ingest`` and the query and export commands, on fictional pages written here."""

from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from newsgraph.cli.export import EXPORTED
from newsgraph.cli.main import main
from newsgraph.store import open_store
from newsgraph.store.base import TABLES
from newsgraph.store.gdelt import FIELDS
from tests.conftest import EXAMPLES, SHARED
from tests.store.corpus import write_corpus

N_EXAMPLES = sum(1 for p in EXAMPLES.rglob("*") if p.suffix in (".html", ".htm", ".txt", ".gz"))
N_DOCS = N_EXAMPLES + 12


def counts(db: Path) -> dict[str, int]:
    store = open_store(db, read_only=True)
    try:
        got = store.counts()
    finally:
        store.close()
    return {t: got[t] for t in TABLES}


def ingest(*args: str) -> int:
    return main(["ingest", "--workers", "1", "-q", *args])


def test_everything_is_stored_and_a_second_run_adds_nothing(built: Path, tmp_path: Path) -> None:
    before = counts(built)
    assert before["documents"] == N_DOCS and before["events"] > 0 and before["quotes"] > 0
    assert ingest(str(EXAMPLES), str(built.parent / "pages"), "--db", str(built)) == 0
    assert counts(built) == before


def test_queries_answer_in_each_format(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(built)]
    assert main(["quotes", "--speaker", "Olsen", *db, "--format", "json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said and all("Olsen" in q["speaker"] for q in said)
    assert main(["events", "--source", "NOR", *db, "--format", "csv"]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert rows[0][:2] == ["date", "source_code"] and len(rows) > 1
    assert all(r[1].startswith("NOR") for r in rows[1:])
    assert main(["actors", "--top", "3", *db]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:2] == ["name", "code"] and len(table) == 5
    assert main(["relations", "NOR", "SWE", "--by", "year", *db, "--format", "json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert main(["search", "fishing rights", *db, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) >= 12
    assert main(["search", "agreement", "--quotes", *db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["sql", "SELECT count(*) AS n FROM documents", *db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": N_DOCS}]


def test_a_query_command_loads_neither_the_pipeline_nor_the_model(built: Path) -> None:
    """Query commands start fast: spaCy, trafilatura and pydantic stay unimported."""
    script = (
        "import sys; from newsgraph.cli.main import main;"
        "code = main(['sql', 'SELECT count(*) FROM fts_main_documents.docs',"
        f" '--db', {str(built)!r}]);"
        "print(code, sorted(m for m in ('spacy', 'trafilatura', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "0 []", out.stderr


def test_sql_is_read_only_and_errors_are_one_line(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sql", "DELETE FROM documents", "--db", str(built)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsgraph: error:") and "read-only" in err and "\n" not in err
    assert main(["quotes", "--db", str(built.parent / "nope.duckdb")]) == 2
    assert "no such database" in capsys.readouterr().err


def test_gdelt_export_has_the_gdelt_fields(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert main(["export", "--db", str(built), "--format", "gdelt", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines
    reference = SHARED / "data" / "events" / "gdelt" / "gdelt2_events_fields.tsv"
    if reference.is_file():  # the codebook's list, when ../shared is here
        with reference.open(encoding="utf-8") as fh:
            ref = [(r["name"], r["type"]) for r in csv.DictReader(fh, delimiter="\t")]
        assert list(FIELDS) == ref
    for line in lines:
        cells = line.split("\t")
        assert len(cells) == len(FIELDS) == 61
        for (_name, kind), cell in zip(FIELDS, cells, strict=True):
            if cell and kind == "INTEGER":
                int(cell)
            elif cell and kind == "FLOAT":
                float(cell)
        assert len(cells[1]) == 8 and cells[26].isdigit() and -10 <= float(cells[30]) <= 10


def test_parquet_export_reads_back(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    assert main(["export", "--db", str(built), "--format", "parquet", "--out", str(out)]) == 0
    want = counts(built)
    con = duckdb.connect()
    for table in EXPORTED:
        got = con.execute(
            f"SELECT count(*) FROM read_parquet('{out / (table + '.parquet')}')"
        ).fetchone()
        assert got is not None and got[0] == want[table], table


def test_jsonl_export_is_newsgraph_1(built: Path, tmp_path: Path) -> None:
    from newsgraph.model import Document

    out = tmp_path / "all.jsonl"
    assert main(["export", "--db", str(built), "--format", "jsonl", "--out", str(out)]) == 0
    docs = [Document.from_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == N_DOCS and all(d.format == "newsgraph/1" for d in docs)


def _truncated_warc(path: Path) -> None:
    """Two WARC response records, written by hand; the second is cut short."""
    out = b""
    for k in range(2):
        body = (
            f"<html><head><title>Harbour report {k}</title></head><body><article><h1>Dock {k} "
            f"reopens</h1><p>The port authority of Tesslin reopened dock {k} on Monday after "
            "a week of repairs, officials said, and ferries resumed their crossings to the "
            "islands.</p><p>“The repairs took longer than planned because of the storm,” "
            "said Ana Brik, a spokeswoman for the authority. Fishermen had asked the council "
            "to pay for the delay.</p><p>The council will discuss the request on Friday, "
            "the mayor's office said.</p></article></body></html>"
        ).encode()
        block = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        head = (
            "WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{k}>\r\n"
            f"WARC-Target-URI: https://example.com/{k}\r\nWARC-Date: 2024-03-04T00:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n"
        ).encode()
        out += head + block + b"\r\n\r\n"
    path.write_bytes(out[: len(out) - 120])  # cut the last record short


def test_bad_inputs_are_recorded_and_the_run_completes(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "corrupt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
    (bad / "picture.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "empty.html").write_bytes(b"")
    with (bad / "huge.html").open("wb") as fh:
        fh.write(b"<html><body>" + b"<p>filler text</p>" * (50 * 2**20 // 18) + b"</body></html>")
    (bad / "latin.txt").write_bytes(
        "Caf\u00e9 owners in Tesslin protested on Monday against a new tax, the mayor said. "
        "The council will debate the tax again next week, officials said.".encode("cp1252")
    )
    good = write_corpus(tmp_path / "good", n=2)
    warc = tmp_path / "crawl.warc"
    _truncated_warc(warc)
    db = tmp_path / "bad.duckdb"
    code = ingest(str(bad), str(tmp_path / "good"), str(warc), "--db", str(db))
    assert code == 1  # some inputs failed; the others are stored
    store = open_store(db, read_only=True)
    _, errors = store.query("SELECT input, level, reason FROM errors ORDER BY input")
    _, docs = store.query("SELECT path FROM documents")
    store.close()
    by_input = {Path(i.split("#")[0].split("@")[0]).name: (lvl, why) for i, lvl, why in errors}
    assert by_input["corrupt.gz"][0] == "error"
    assert by_input["picture.html"][0] == "error" and "PNG" in by_input["picture.html"][1]
    assert by_input["empty.html"][0] == "error"
    assert by_input["huge.html"][0] == "error" and "MiB" in by_input["huge.html"][1]
    assert by_input["latin.txt"][0] == "warning" and "UTF-8" in by_input["latin.txt"][1]
    assert by_input["crawl.warc"][0] == "error" and "truncated" in by_input["crawl.warc"][1]
    stored = {Path(p).name for (p,) in docs if p}
    assert {p.name for p in good} | {"latin.txt"} <= stored
    assert len(docs) >= 4  # the two good pages, the Latin-1 page, and the WARC's whole record


@pytest.mark.skipif(sys.platform != "linux", reason="uses SIGKILL")
def test_killed_half_way_and_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    write_corpus(pages, n=12)
    cmd = [
        sys.executable,
        "-m",
        "newsgraph.cli.main",
        "ingest",
        str(pages),
        "--workers",
        "1",
        "--batch",
        "2",
        "-q",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    t0 = time.monotonic()
    subprocess.run([*cmd, "--db", str(tmp_path / "whole.duckdb")], check=True, env=env)
    whole_time = time.monotonic() - t0
    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([*cmd, "--db", str(db)], env=env)
    time.sleep(whole_time * 0.6)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run([*cmd, "--db", str(db)], check=True, env=env)
    assert counts(db) == counts(tmp_path / "whole.duckdb")
    store = open_store(db, read_only=True)
    _, dup = store.query("SELECT count(*) - count(DISTINCT doc_id) FROM documents")
    store.close()
    assert dup == [(0,)]


def test_workers_give_the_same_database(built: Path, tmp_path: Path) -> None:
    write_corpus(tmp_path / "pages")
    db = tmp_path / "two.duckdb"
    code = main(
        ["ingest", str(EXAMPLES), str(tmp_path / "pages"), "--workers", "2", "-q", "--db", str(db)]
    )
    assert code == 0
    assert counts(db) == counts(built)


def test_gzip_pages_and_url_lists(tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "p", n=1)[0]
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "page.txt.gz").write_bytes(gzip.compress(src.read_bytes()))
    db = tmp_path / "g.duckdb"
    assert ingest(str(tmp_path / "g"), "--db", str(db)) == 0
    assert counts(db)["documents"] == 1


def _page(k: int) -> bytes:
    return (
        f"<html><head><title>Ferry news {k}</title></head><body><article><h1>Ferry line {k} "
        f"resumes</h1><p>The ferry line {k} between Tesslin and Marovia resumed service on "
        "Tuesday after a two-week strike by its crews, the operator said.</p><p>“Passengers "
        "can book again from today,” said Ivo Rask, a spokesman for the operator. The unions "
        "said talks on pay would continue next month.</p></article></body></html>"
    ).encode()


def test_feeds_and_url_lists_fetch_their_pages(tmp_path: Path) -> None:
    from tests.servers import serve

    routes: dict[str, object] = {
        f"/news/{k}": (200, _page(k), {"Content-Type": "text/html"}) for k in range(4)
    }
    with serve(routes) as base:
        items = "".join(
            f"<item><title>Ferry {k}</title><link>{base}/news/{k}</link></item>" for k in range(2)
        )
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            f"{items}</channel></rss>"
        )
        (tmp_path / "ferries.rss").write_text(feed, encoding="utf-8")
        (tmp_path / "urls.txt").write_text(
            f"# more pages\n{base}/news/2\n{base}/news/3\n{base}/gone\n", encoding="utf-8"
        )
        db = tmp_path / "f.duckdb"
        code = ingest(
            str(tmp_path / "ferries.rss"),
            str(tmp_path / "urls.txt"),
            "--db",
            str(db),
            "--allow-private",
        )
    assert code == 1  # /gone is a 404
    store = open_store(db, read_only=True)
    _, urls = store.query("SELECT url FROM documents ORDER BY url")
    _, errs = store.query("SELECT input, reason FROM errors")
    store.close()
    assert [u.rsplit("/", 1)[1] for (u,) in urls] == ["0", "1", "2", "3"]
    assert len(errs) == 1 and errs[0][0].endswith("/gone") and "404" in errs[0][1]


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="the seed page is not here (../shared)")
def test_the_seed_and_an_html_copy_are_one_story_with_two_sources(tmp_path: Path) -> None:
    from html import escape

    seed = SHARED / "seed" / "000_729c926d7b373cb7.txt"
    lines = seed.read_text(encoding="utf-8").split("\n\n")
    body = "".join(f"<p>{escape(p.strip())}</p>" for p in lines[1:] if p.strip())
    page = (
        f"<html><head><title>{escape(lines[0].strip())}</title></head><body><nav>Home | World"
        f"</nav><article><h1>{escape(lines[0].strip())}</h1>{body}</article>"
        "<footer>© A syndicating site</footer></body></html>"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "copy.html").write_text(page, encoding="utf-8")
    (tmp_path / "in" / "seed.txt").write_bytes(seed.read_bytes())
    db = tmp_path / "s.duckdb"
    assert ingest(str(tmp_path / "in"), "--db", str(db)) == 0
    store = open_store(db, read_only=True)
    _, docs = store.query("SELECT count(*) FROM documents")
    _, stories = store.query("SELECT n_documents, n_sources FROM stories")
    store.close()
    assert docs == [(2,)] and stories == [(2, 2)]


def test_actor_totals_equal_a_count_over_the_entities(built: Path) -> None:
    store = open_store(built, read_only=True)
    counted = (
        "SELECT name, code, count(DISTINCT doc_id), sum(n_mentions) FROM entities "
        "GROUP BY name, code"
    )
    kept = "SELECT name, code, documents, mentions FROM actors"
    try:
        assert store.query(f"({counted}) EXCEPT ({kept})")[1] == []
        assert store.query(f"({kept}) EXCEPT ({counted})")[1] == []
    finally:
        store.close()


def test_search_scores_as_the_extension_does(built: Path) -> None:
    from newsgraph.store.duck import bm25

    store = open_store(built, read_only=True)
    try:
        for words in ("fishing rights", "agreement", "minister of Norway"):
            _, ours = store.query(f"SELECT key, score FROM ({bm25('documents')})", [words])
            _, theirs = store.query(
                "SELECT doc_id, fts_main_documents.match_bm25(doc_id, ?) AS s FROM documents "
                "WHERE s IS NOT NULL",
                [words],
            )
            assert ours and dict(ours) == pytest.approx(dict(theirs)), words
    finally:
        store.close()
