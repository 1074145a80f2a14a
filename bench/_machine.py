"""A reference figure for the machine a benchmark ran on, printed beside its results.

Machines of the same kind have measured up to three times apart for the same code (and one
machine drifted within a session), so a figure in milliseconds or comments per second means
little without this one: the CPU time of ``sum(range(10**6))`` in this Python, best of seven.
"""

from __future__ import annotations

import time


def reference_ms() -> float:
    best = float("inf")
    for _ in range(7):
        start = time.process_time()
        sum(range(10**6))
        best = min(best, time.process_time() - start)
    return best * 1000


def describe() -> str:
    return (
        f"machine reference: sum(range(10**6)) takes {reference_ms():.1f} ms of CPU "
        "(lower is faster; figures in docs/ name theirs)"
    )
