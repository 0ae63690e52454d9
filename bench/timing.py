"""Fair timing of two tools on the same texts: they take turns batch by batch, each batch is
timed ``rounds`` times and its fastest CPU time counts, so that load on the machine hits
both alike."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence


def turn_by_turn(
    texts: Sequence[str],
    runners: Mapping[str, Callable[[list[str]], object]],
    *,
    batch: int = 16,
    rounds: int = 3,
) -> dict[str, float]:
    """CPU seconds each runner needs for all ``texts`` (sum of its fastest batch times)."""
    batches = [list(texts[k : k + batch]) for k in range(0, len(texts), batch)]
    best = {name: [float("inf")] * len(batches) for name in runners}
    for _ in range(rounds):
        for k, part in enumerate(batches):
            for name, run in runners.items():
                t0 = time.process_time()
                run(part)
                best[name][k] = min(best[name][k], time.process_time() - t0)
    return {name: sum(times) for name, times in best.items()}
