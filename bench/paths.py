"""Where the benchmark data lives: --data DIR, else $NEWSGRAPH_SHARED/data, else the
``shared/data`` folder beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_data() -> Path:
    shared = os.environ.get("NEWSGRAPH_SHARED")
    return (Path(shared) if shared else REPO.parent / "shared") / "data"
