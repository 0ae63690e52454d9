"""Shared fixtures. Tests that need ../shared (benchmark data, the seed page) skip without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "data" / "pages"
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_729c926d7b373cb7.txt"

needs_seed = pytest.mark.skipif(
    not SEED.is_file(), reason=f"the seed page is not here ({SEED}); ../shared is absent"
)


@pytest.fixture
def pages() -> Path:
    return PAGES


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
