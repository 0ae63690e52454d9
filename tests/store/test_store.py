"""The DuckDB store: batches, transactions, duplicates, stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, Document
from newsgraph.store import StoreError, open_store, stories
from newsgraph.store.base import Stored

BODY = (
    "The foreign minister of Norway visited Sweden on Monday and held talks with officials "
    "about the shared river. Officials said the deal would also cover fishing rights, and "
    "the two governments expect to sign it next month in Oslo after a final round of talks."
)


def doc(text: str, title: str = "A deal") -> Document:
    from newsgraph.model import text_id

    return Document(id=text_id(text), article=Article(title=title, text=text))


def test_write_counts_duplicates_and_failures(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.duckdb")
    d = doc(BODY)
    assert store.write([Stored("a", "a.txt", d), Stored("b", "b.gz", error="corrupt gzip")]) == 1
    assert store.write([Stored("c", "copy.txt", d)]) == 0  # the same clean text: a duplicate
    counts = store.counts()
    assert counts["documents"] == 1 and counts["errors"] == 1 and counts["inputs"] == 3
    assert store.known_inputs(["a", "b", "z"]) == {"a", "b"}
    _, rows = store.query("SELECT n_documents, n_sources FROM stories")
    assert rows == [(1, 2)]  # one document, found at two inputs
    store.close()


def test_near_duplicates_are_one_story(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.duckdb")
    copy = "Syndicated from the Harbour Times. " + BODY + " Share this article."
    other = "A storm closed the ports of Bergen and Stavanger for two days, officials said."
    store.write(
        [Stored("a", "a", doc(BODY)), Stored("b", "b", doc(copy)), Stored("c", "c", doc(other))]
    )
    _, rows = store.query("SELECT n_documents FROM stories ORDER BY n_documents DESC")
    assert [r[0] for r in rows] == [2, 1]
    store.close()


def test_signatures_are_deterministic() -> None:
    a, b = stories.signature(BODY), stories.signature(BODY)
    assert (a == b).all() and stories.similarity(a, b) == 1.0
    assert stories.similarity(a, stories.signature("Something else entirely was said.")) < 0.2


def test_a_failed_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.duckdb")
    good = Stored("a", "a", doc(BODY))
    bad = Stored("b", "b", doc("Another text about a meeting in Lima between two ministers."))
    object.__setattr__(bad.doc, "id", None)  # an id the documents table refuses (NOT NULL)
    with pytest.raises(Exception):  # noqa: B017 - whatever DuckDB raises
        store.write([good, bad])
    assert store.counts()["documents"] == 0 and store.counts()["inputs"] == 0
    store.close()


def test_read_only_errors_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="newsgraph ingest"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    (tmp_path / "x.duckdb").write_bytes(b"not a database")
    with pytest.raises(StoreError, match="cannot open"):
        open_store(tmp_path / "x.duckdb")
