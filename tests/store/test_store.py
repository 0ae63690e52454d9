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


def with_actors(text: str, *names: tuple[str, str | None]) -> Document:
    from newsgraph.model import Entity, Mention

    d = doc(text)
    for i, (name, code) in enumerate(names):
        at = text.index(name)
        d.entities.append(
            Entity(
                id=f"e{i}", name=name, kind="country" if code else "person", code=code,
                mentions=[Mention(start=at, end=at + len(name), text=name)], by="test",
            )
        )  # fmt: skip
    return d


def test_actor_totals_keep_step_with_the_entities(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.duckdb")
    store.write([Stored("a", "a", with_actors(BODY, ("Norway", "NOR"), ("Sweden", "SWE")))])
    other = "Norway and Finland met in Oslo, said Kari Berg."
    store.write([Stored("b", "b", with_actors(other, ("Norway", "NOR"), ("Kari Berg", None)))])
    _, rows = store.query("SELECT name, code, documents, mentions FROM actors ORDER BY name")
    assert rows == [("Kari Berg", None, 1, 1), ("Norway", "NOR", 2, 2), ("Sweden", "SWE", 1, 1)]
    store.close()


def test_an_older_database_gains_the_actor_totals(tmp_path: Path) -> None:
    db = tmp_path / "t.duckdb"
    store = open_store(db)
    store.write([Stored("a", "a", with_actors(BODY, ("Norway", "NOR")))])
    store.query("DROP TABLE actors")  # as a database written before the table existed
    store.close()
    with pytest.raises(StoreError, match=r"older newsgraph.*newsgraph ingest"):
        open_store(db, read_only=True)
    open_store(db).close()  # any ingest opens it for writing: the totals are added
    store = open_store(db, read_only=True)
    assert store.query("SELECT name, documents FROM actors")[1] == [("Norway", 1)]
    store.close()


def test_search_reads_words_across_typographic_punctuation(tmp_path: Path) -> None:
    from newsgraph.store.duck import bm25

    db = tmp_path / "t.duckdb"
    store = open_store(db)
    curly = "Trump’s envoy met “Putin” in Moskva—twice—officials said."
    store.write([Stored("a", "a", doc(BODY)), Stored("b", "b", doc(curly))])
    store.finish()
    store.close()
    store = open_store(db, read_only=True)
    for words in ("trump", "putin", "moskva twice"):
        _, rows = store.query(f"SELECT key FROM ({bm25('documents')})", [words])
        assert [k for (k,) in rows] == [doc(curly).id], words
    # the read-only connection loaded the extension, and loads nothing unsigned after it
    assert store.query("SELECT current_setting('allow_unsigned_extensions')")[1] == [(False,)]
    store.close()
