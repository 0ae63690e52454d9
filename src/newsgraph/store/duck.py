"""The DuckDB backend: one file, batched writes, one transaction per batch, full-text search.

DuckDB's full-text search extension is loaded from the ``duckdb-extension-fts`` package
(never downloaded). Writes go in as Arrow tables, a batch at a time: DuckDB is slow row by row.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

# The engine itself: `duckdb`'s own __init__ only re-exports `_duckdb` (its docstring says so) and
# adds ~80 ms of start-up (importlib.metadata for a version string), which every query command
# would pay. The version is pinned in pyproject.toml, so the two cannot drift.
import _duckdb as duckdb

from newsgraph.errors import StoreError
from newsgraph.store.rows import SCHEMA, Rows, document_rows

if TYPE_CHECKING:
    from datetime import datetime

    import numpy as np

    from newsgraph.store.base import Stored

SCHEMA_VERSION = 1


def fts_extension() -> str:
    """The path of the FTS extension shipped in ``duckdb-extension-fts``."""
    import duckdb_extension_fts  # type: ignore[import-untyped]  # an empty package

    base = os.path.dirname(duckdb_extension_fts.__file__ or "")  # noqa: PTH120 (no pathlib: start-up)
    return f"{base}/extensions/v{duckdb.__version__}/fts.duckdb_extension"


def bm25(index: str) -> str:
    """SQL for (key, score) of every row of ``index``'s table that matches the query text (one
    parameter), scored as the FTS extension's ``match_bm25`` (k=1.2, b=0.75) scores it, but for
    all rows at once: about twice as fast as calling the macro on each row."""
    ix = f"fts_main_{index}"
    return f"""
        WITH q AS (SELECT DISTINCT stem(unnest({ix}.tokenize(?)), 'porter') AS term),
             qt AS (SELECT termid, df FROM {ix}.dict JOIN q USING (term)),
             tf AS (SELECT docid, termid, count(*) AS tf FROM {ix}.terms
                    WHERE termid IN (SELECT termid FROM qt) GROUP BY docid, termid),
             st AS (SELECT num_docs, avgdl FROM {ix}.stats)
        SELECT docs.name AS key,
               sum(log((st.num_docs - qt.df + 0.5) / (qt.df + 0.5) + 1)
                   * tf.tf * 2.2 / (tf.tf + 1.2 * (0.25 + 0.75 * docs.len / st.avgdl))) AS score
        FROM tf JOIN qt USING (termid) JOIN {ix}.docs docs USING (docid), st
        GROUP BY docs.name
    """


# Read-only connections that search open with this and load the FTS extension without DuckDB's
# signature check (~50 ms of RSA over 11 MB, paid by every `newsgraph search`): the file is the
# pinned `duckdb-extension-fts` package's, installed by the same means as the engine's own
# binary, and `load_fts` withdraws the permission right after that one load.
UNSIGNED_ONCE: dict[str, str | bool | int | float | list[str]] = {
    "allow_unsigned_extensions": "true"
}


def load_fts(con: duckdb.DuckDBPyConnection, *, unsigned_once: bool = False) -> None:
    """Load the full-text search extension into ``con`` (opened with ``UNSIGNED_ONCE`` when
    ``unsigned_once``)."""
    try:
        con.execute(f"LOAD '{fts_extension().replace(chr(39), chr(39) * 2)}'")
    except duckdb.Error as exc:
        raise StoreError(f"cannot load DuckDB's full-text search extension ({exc})") from None
    finally:
        if unsigned_once:
            con.execute("SET allow_unsigned_extensions = false")


def no_database(path: object) -> StoreError:
    return StoreError(
        f"{path}: no such database; build one with `newsgraph ingest PAGES --db {path}`"
    )


def check_tables(tables: set[str], path: object) -> None:
    """Raise StoreError unless ``tables`` are those of a newsgraph database of this version."""
    if "documents" not in tables:
        raise StoreError(f"{path}: is not a newsgraph database (no documents table)")
    if "actors" not in tables:
        raise StoreError(
            f"{path}: was built by an older newsgraph (no actors table); any "
            f"`newsgraph ingest ... --db {path}` run adds it (nothing is re-analysed)"
        )


class DuckStore:
    """newsgraph's tables in one DuckDB file (see docs/store.md)."""

    def __init__(
        self, path: str | os.PathLike[str], *, read_only: bool = False, search: bool = True
    ) -> None:
        self.path = os.fspath(path)
        if read_only and not os.path.exists(self.path):  # noqa: PTH110 (no pathlib: start-up)
            raise no_database(path)
        quick_load = read_only and search
        try:
            self.con = duckdb.connect(
                self.path, read_only=read_only, config=UNSIGNED_ONCE if quick_load else {}
            )
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0]
            raise StoreError(
                f"{path}: cannot open the database ({first}); is another newsgraph process "
                "writing to it?"
            ) from None
        if search or not read_only:  # only when needed: the extension takes time to load
            load_fts(self.con, unsigned_once=quick_load)
        if not read_only:
            self.con.execute("SET enable_progress_bar = false")  # ingest shows its own
            self._create()
            return
        check_tables(self._tables(), path)

    def _tables(self) -> set[str]:
        return {t for (t,) in self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}

    def _create(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        backfill = "actors" not in self._tables()  # a database from before the table existed
        for table, cols in SCHEMA.items():
            body = ", ".join(f'"{c}" {t}' for c, t in cols)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
        if backfill:
            self._update_actors(None)
        self.con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )

    # -- writing -------------------------------------------------------------------------------

    def known_inputs(self, keys: Sequence[str]) -> set[str]:
        if not keys:
            return set()
        got = self.con.execute(
            "SELECT input_key FROM inputs WHERE input_key IN (SELECT unnest(?::VARCHAR[]))",
            [list(keys)],
        ).fetchall()
        return {k for (k,) in got}

    def write(self, batch: Sequence[Stored]) -> int:
        from datetime import UTC, datetime

        from newsgraph.store import stories  # numpy: only for writing

        now = datetime.now(UTC).replace(tzinfo=None)
        rows: Rows = {t: [] for t in SCHEMA}
        added = 0
        touched: set[str] = set()
        self.con.execute("BEGIN TRANSACTION")
        try:
            ids = [s.doc.id for s in batch if s.doc is not None]
            have = self._existing(ids)
            local: dict[str, tuple[np.ndarray, str]] = {}  # this batch: doc id -> (sig, story)
            for s in batch:
                if s.warning:
                    rows["errors"].append((s.input_key, s.input, "warning", s.warning, now))
                if s.doc is None:
                    reason = s.error or "no document"
                    rows["errors"].append((s.input_key, s.input, "error", reason, now))
                    rows["inputs"].append((s.input_key, s.input, None, "failed", now))
                    continue
                doc = s.doc
                if doc.id in have or doc.id in local:
                    rows["inputs"].append((s.input_key, s.input, doc.id, "duplicate", now))
                    touched.add(have.get(doc.id) or local[doc.id][1])
                    continue
                sig = stories.signature(doc.text)
                story = self._story_for(sig, local) or f"s{doc.id}"
                local[doc.id] = (sig, story)
                touched.add(story)
                for table, more in document_rows(doc, story, now).items():
                    rows[table].extend(more)
                rows["signatures"].append((doc.id, [int(v) for v in sig]))
                rows["bands"].extend((b, h, doc.id) for b, h in enumerate(stories.bands(sig)))
                rows["inputs"].append((s.input_key, s.input, doc.id, "stored", now))
                added += 1
            for table, values in rows.items():
                if values:
                    self._insert(table, values)
            self._update_stories(touched, now)
            self._update_actors(sorted({_actor_key(r[2], r[4]) for r in rows["entities"]}))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return added

    def _existing(self, ids: Sequence[str]) -> dict[str, str]:
        if not ids:
            return {}
        got = self.con.execute(
            "SELECT doc_id, story_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [list(ids)],
        ).fetchall()
        return dict(got)

    def _story_for(self, sig: np.ndarray, local: dict[str, tuple[np.ndarray, str]]) -> str | None:
        """The story of the most similar stored (or batch) document, if similar enough."""
        import numpy as np

        from newsgraph.store import stories

        hashes = stories.bands(sig)
        cands = self.con.execute(
            "SELECT DISTINCT s.doc_id, s.signature, d.story_id FROM bands b "
            "JOIN (SELECT unnest(?::SMALLINT[]) AS band, unnest(?::UBIGINT[]) AS hash) q "
            "USING (band, hash) JOIN signatures s ON s.doc_id = b.doc_id "
            "JOIN documents d ON d.doc_id = b.doc_id",
            [list(range(stories.BANDS)), hashes],
        ).fetchall()
        best: tuple[float, str] | None = None
        for _doc, other, story in cands:
            sim = stories.similarity(sig, np.asarray(other, dtype=np.uint64))
            if sim >= stories.THRESHOLD and (best is None or sim > best[0]):
                best = (sim, story)
        band_set = set(enumerate(hashes))
        for other_sig, story in local.values():
            if band_set & set(enumerate(stories.bands(other_sig))):
                sim = stories.similarity(sig, other_sig)
                if sim >= stories.THRESHOLD and (best is None or sim > best[0]):
                    best = (sim, story)
        return best[1] if best else None

    def _insert(self, table: str, values: list[tuple[Any, ...]]) -> None:
        import pyarrow as pa

        cols = [c for c, _ in SCHEMA[table]]
        arrow = pa.table(
            {c: list(col) for c, col in zip(cols, zip(*values, strict=True), strict=True)}
        )
        self.con.register("_batch", arrow)
        try:
            names = ", ".join(f'"{c}"' for c in cols)
            verb = "INSERT OR REPLACE" if table == "inputs" else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM _batch")
        finally:
            self.con.unregister("_batch")

    def _update_stories(self, touched: set[str], now: datetime) -> None:
        if not touched:
            return
        self.con.execute(
            """
            INSERT OR REPLACE INTO stories
            SELECT d.story_id,
                   arg_min(d.title, coalesce(d.published, '9999')) AS title,
                   min(d.published) AS first_published,
                   count(DISTINCT d.doc_id) AS n_documents,
                   count(DISTINCT i.input) AS n_sources
            FROM documents d JOIN inputs i ON i.doc_id = d.doc_id
            WHERE d.story_id IN (SELECT unnest(?::VARCHAR[]))
            GROUP BY d.story_id
            """,
            [sorted(touched)],
        )

    def _update_actors(self, keys: list[str] | None) -> None:
        """Recount the totals of the actors with these keys (None: of every actor)."""
        if keys is not None and not keys:
            return
        where = "" if keys is None else f"WHERE {_ACTOR_KEY} IN (SELECT unnest(?::VARCHAR[]))"
        self.con.execute(
            f"""
            INSERT OR REPLACE INTO actors
            SELECT {_ACTOR_KEY} AS key, name, code, mode(kind) AS kind,
                   count(DISTINCT doc_id) AS documents, sum(n_mentions) AS mentions
            FROM entities {where}
            GROUP BY name, code
            """,
            [] if keys is None else [keys],
        )

    def finish(self) -> None:
        """(Re)build the full-text indexes over article text and quotes."""
        # words are runs of letters and digits in any script: the extension's default splits
        # on ASCII punctuation only, so "Trump’s" and "“Putin" were words of their own
        gaps = r"[^\p{L}\p{N}]+"
        self.con.execute(
            "PRAGMA create_fts_index('documents', 'doc_id', 'title', 'text', "
            f"ignore='{gaps}', overwrite=1)"
        )
        self.con.execute(
            f"PRAGMA create_fts_index('quotes', 'uid', 'text', ignore='{gaps}', overwrite=1)"
        )
        self.con.execute("CHECKPOINT")

    # -- reading -------------------------------------------------------------------------------

    def query(
        self, sql: str, params: Sequence[Any] = (), *, limit: int | None = None
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        try:
            cur = self.con.execute(sql, list(params))
            rows = cur.fetchall() if limit is None else cur.fetchmany(limit)
        except duckdb.Error as exc:
            raise StoreError(str(exc).splitlines()[0]) from None
        cols = [d[0] for d in (cur.description or [])]
        return cols, rows

    def counts(self) -> dict[str, int]:
        out = {}
        for table in SCHEMA:
            got = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(got[0]) if got else 0
        return out

    def records(self) -> list[str]:
        """Every document's newsgraph/1 JSON, oldest ingest first."""
        got = self.con.execute("SELECT record FROM documents ORDER BY ingested_at, doc_id")
        return [r for (r,) in got.fetchall()]

    def close(self) -> None:
        self.con.close()


# an actor is its name and its code (none for an uncoded one)
_ACTOR_KEY = "name || chr(9) || coalesce(code, '')"


def _actor_key(name: str, code: str | None) -> str:
    return f"{name}\t{code or ''}"
