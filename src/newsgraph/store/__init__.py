"""Where analysed documents are kept: the `Store` interface and its DuckDB backend.

open_store(path)     the default backend (DuckDB) at ``path``
Store                what any backend provides (see base.py)
rows.document_rows   a Document flattened into the rows of each table
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.store.base import Store, StoreError
from newsgraph.store.duck import DuckStore

__all__ = ["DuckStore", "Store", "StoreError", "default_db", "open_store"]


def default_db() -> str:
    """``$NEWSGRAPH_DB``, else ``./newsgraph.duckdb``."""
    import os

    return os.environ.get("NEWSGRAPH_DB") or "newsgraph.duckdb"


def open_store(path: str | Path, *, read_only: bool = False, search: bool = True) -> Store:
    """The store at ``path`` (created unless ``read_only``); ``search=False`` skips loading
    the full-text search extension for a read-only store that will not search."""
    return DuckStore(Path(path), read_only=read_only, search=search)
