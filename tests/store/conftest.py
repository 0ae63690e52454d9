"""A database built once for the store's tests: the bundled examples and twelve fictional pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli.main import main
from tests.conftest import EXAMPLES
from tests.store.corpus import write_corpus


@pytest.fixture(scope="package")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("db")
    write_corpus(tmp / "pages")
    db = tmp / "news.duckdb"
    args = [str(EXAMPLES), str(tmp / "pages"), "--db", str(db)]
    assert main(["ingest", "--workers", "1", "-q", *args]) == 0
    return db
