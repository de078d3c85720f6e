"""Private: the one way the library keeps what it has already worked out.

Answers shared between calls — a text already converted, a reason already built, a grading
answer shared by every customer of a day — go in a plain ``dict`` bounded by :func:`keep`:
when it is full it is emptied, so memory stays flat however many rows pass through, and a
table that keeps hitting its bound only costs the work it would have done anyway.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["keep"]

K = TypeVar("K")
V = TypeVar("V")


def keep(table: dict[K, V], key: K, value: V, limit: int) -> V:
    """Store ``value`` under ``key`` in ``table``, emptying it first when it holds ``limit``
    entries; returns ``value``."""
    if len(table) >= limit:
        table.clear()
    table[key] = value
    return value
