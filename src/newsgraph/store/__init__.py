"""Where analysed documents are kept: the `Store` interface and its DuckDB backend.

open_store(path)     the default backend (DuckDB) at ``path``
Store                what any backend provides (see base.py)
rows.document_rows   a Document flattened into the rows of each table
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from newsgraph.errors import StoreError
from newsgraph.store.duck import DuckStore

if TYPE_CHECKING:
    from newsgraph.store.base import Store

__all__ = ["DuckStore", "Store", "StoreError", "default_db", "open_store"]


def __getattr__(name: str) -> Any:
    # the interface (typing.Protocol, dataclasses) is not needed to query a store
    if name == "Store":
        from newsgraph.store.base import Store

        return Store
    raise AttributeError(f"module 'newsgraph.store' has no attribute {name!r}")


def default_db() -> str:
    """``$NEWSGRAPH_DB``, else ``./newsgraph.duckdb``."""
    return os.environ.get("NEWSGRAPH_DB") or "newsgraph.duckdb"


def open_store(
    path: str | os.PathLike[str], *, read_only: bool = False, search: bool = True
) -> Store:
    """The store at ``path`` (created unless ``read_only``); ``search=False`` skips loading
    the full-text search extension for a read-only store that will not search."""
    return DuckStore(path, read_only=read_only, search=search)
