"""The one timing helper of the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_seconds(
    run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The shortest of ``repeat`` runs of ``run``, in seconds of ``clock`` (wall time by
    default; ``time.process_time`` for the CPU time of this process)."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best
