"""The storage interface: what ingest and the query commands need from a backend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from newsgraph.errors import StoreError

if TYPE_CHECKING:  # the model (pydantic) is not needed to query a store
    from newsgraph.model import Document

__all__ = ["TABLES", "Store", "StoreError", "Stored"]

TABLES = (
    "documents",
    "entities",
    "mentions",
    "quotes",
    "claims",
    "events",
    "stories",
    "actors",
    "errors",
    "inputs",
)


@dataclass(frozen=True)
class Stored:
    """One input's outcome, written in one transaction with its document (if any)."""

    input_key: str
    input: str
    doc: Document | None = None
    error: str | None = None
    warning: str | None = None


class Store(Protocol):
    path: str

    def known_inputs(self, keys: Sequence[str]) -> set[str]:
        """Which of ``keys`` were already ingested (stored or failed)."""
        ...

    def write(self, batch: Sequence[Stored]) -> int:
        """Store a batch in one transaction; returns how many new documents it added."""
        ...

    def finish(self) -> None:
        """Work done once after a run (the full-text indexes)."""
        ...

    def query(
        self, sql: str, params: Sequence[Any] = (), *, limit: int | None = None
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a read query (at most ``limit`` rows, fetched no further)."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        ...

    def close(self) -> None: ...
