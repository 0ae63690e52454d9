"""The DuckDB backend: one file, batched writes, one transaction per batch, full-text search.

DuckDB's full-text search extension is loaded from the ``duckdb-extension-fts`` package
(never downloaded). Writes go in as Arrow tables, a batch at a time: DuckDB is slow row by row.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from newsgraph.store.base import Stored, StoreError
from newsgraph.store.rows import SCHEMA, Rows, document_rows

if TYPE_CHECKING:
    import numpy as np

SCHEMA_VERSION = 1


def fts_extension() -> str:
    """The path of the FTS extension shipped in ``duckdb-extension-fts``."""
    base = resources.files("duckdb_extension_fts")
    return str(Path(str(base)) / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension")


class DuckStore:
    """newsgraph's tables in one DuckDB file (see docs/store.md)."""

    def __init__(self, path: Path, *, read_only: bool = False, search: bool = True) -> None:
        self.path = str(path)
        if read_only and not path.exists():
            raise StoreError(
                f"{path}: no such database; build one with `newsgraph ingest PAGES --db {path}`"
            )
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0]
            raise StoreError(
                f"{path}: cannot open the database ({first}); is another newsgraph process "
                "writing to it?"
            ) from None
        if search or not read_only:  # the extension costs ~45 ms to load: only when needed
            try:
                self.con.execute(f"LOAD '{fts_extension()}'")
            except duckdb.Error as exc:
                raise StoreError(
                    f"cannot load DuckDB's full-text search extension ({exc})"
                ) from None
        if not read_only:
            self._create()
        elif not self._has_table("documents"):
            raise StoreError(f"{path}: is not a newsgraph database (no documents table)")

    def _has_table(self, name: str) -> bool:
        got = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchone()
        return bool(got and got[0])

    def _create(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        for table, cols in SCHEMA.items():
            body = ", ".join(f'"{c}" {t}' for c, t in cols)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
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

    def finish(self) -> None:
        """(Re)build the full-text indexes over article text and quotes."""
        self.con.execute(
            "PRAGMA create_fts_index('documents', 'doc_id', 'title', 'text', overwrite=1)"
        )
        self.con.execute("PRAGMA create_fts_index('quotes', 'uid', 'text', overwrite=1)")
        self.con.execute("CHECKPOINT")

    # -- reading -------------------------------------------------------------------------------

    def query(
        self, sql: str, params: Sequence[Any] = ()
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        try:
            cur = self.con.execute(sql, list(params))
            rows = cur.fetchall()
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


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
