"""Private: the one way the library keeps what it has already worked out.

Answers shared between calls — a text already converted, a reason already built, a grading
answer shared by every customer of a day — go in a plain ``dict`` bounded by :func:`keep`:
when it is full it is emptied, so memory stays flat however many rows pass through, and a
table that keeps hitting its bound only costs the work it would have done anyway.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["forget_all", "keep"]

K = TypeVar("K")
V = TypeVar("V")


def keep(table: dict[K, V], key: K, value: V, limit: int) -> V:
    """Store ``value`` under ``key`` in ``table``, emptying it first when it holds ``limit``
    entries; returns ``value``."""
    if len(table) >= limit:
        table.clear()
    _TABLES[id(table)] = table
    table[key] = value
    return value


_TABLES: dict[int, dict] = {}  # type: ignore[type-arg]
"""Every table :func:`keep` has stored into (they live as long as their modules)."""


def forget_all() -> None:
    """Empty every table :func:`keep` has filled: for tests that must see each answer worked
    out afresh (mutation testing runs each test in a process forked after a warm start)."""
    for table in _TABLES.values():
        table.clear()
