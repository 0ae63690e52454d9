"""A progress line on standard error: done/total, rate and time left."""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """On a terminal, one line redrawn in place; elsewhere, a line per update at most every
    ``every`` seconds (and always the last)."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None, every: float = 2.0):
        self.total = total
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every
        self.t0 = time.monotonic()
        self.last = 0.0
        self.shown: tuple[int, str] | None = None

    def update(self, done: int, extra: str = "", *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and not self.tty and now - self.last < self.every:
            return
        if force and not self.tty and self.shown == (done, extra):
            return  # the last line already says it
        self.last = now
        self.shown = (done, extra)
        elapsed = max(now - self.t0, 1e-9)
        rate = done / elapsed
        left = (self.total - done) / rate if rate > 0 else 0.0
        width = 24
        filled = int(width * done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        line = (
            f"{self.label} [{bar}] {done}/{self.total} {rate:.1f}/s "
            f"elapsed {_clock(elapsed)} left {_clock(left)}{extra}"
        )
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
