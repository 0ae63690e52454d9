"""``python -m bench.realpages``."""

from __future__ import annotations

from bench.realpages.cli import main

raise SystemExit(main())
