"""Benchmark: ``reclaimable`` (A8–A10) over a million holdings, against a bare function.

Run:  python benchmarks/bench_allocation_reclaim.py [--holdings 1000000] [--repeat 3]

The holdings are built once (not timed): deterministic synthetic ``Holding`` facts received over
two years, a third declared (A10), a third registered (A8, some with a contract), half with a
first sales action, some in the public pool. On one core, in the same run, on the same holdings,
it measures the CPU time (``time.process_time``) of:

  * ``reclaimable(holdings, [], AllocationPolicy(), on=day)`` — the public API: one frozen
    ``HoldingStatus`` per holding in a ``ReclaimReport`` (reasons built lazily, when read);
  * a bare Python function of the same seed rules (A10 protection, A8 window, A9 idle reclaim,
    with their warning days) on the same holdings, returning a tuple of plain values per
    holding — the ratio the goal is set against;
  * the same bare function building a small frozen attrs record per holding instead (what a
    result object costs: each one stays tracked by the garbage collector, where a tuple of
    dates and texts is untracked at its first collection);

and prints holdings per second, µs per holding and the ratio. It checks that the two agree on
every state and date. Each repeat builds a fresh policy, so no run starts with the shared
answers of the previous one. This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import best_seconds

from customer_rules.allocation import AllocationPolicy, Holding, reclaimable

DAY = dt.date(2026, 11, 30)
_START = dt.date(2024, 12, 1)


def holdings(count: int) -> list[Holding]:
    """``count`` distinct holdings, deterministic for a given count."""
    out = []
    for i in range(count):
        received = _START + dt.timedelta(days=(i * 7919) % 730)
        first = received + dt.timedelta(days=(i * 31) % 120) if i % 2 else None
        declared = received if i % 3 == 0 else None
        registered = received - dt.timedelta(days=i % 10) if i % 3 == 1 else None
        signed = None
        if registered is not None and i % 4 == 1:
            signed = registered + dt.timedelta(days=(i * 13) % 300)
            if signed > DAY:
                signed = None
        if first is not None and first > DAY:
            first = None
        if i % 50 == 0:  # in the public pool
            out.append(Holding(f"C{i:07d}", pool_entered=received, version=i % 7))
            continue
        out.append(
            Holding(
                f"C{i:07d}",
                f"S{i % 500:03d}",
                received,
                version=i % 7,
                declared=declared,
                registered=registered,
                first_action=first,
                last_action=first,
                signed=signed,
            )
        )
    return out


# --------------------------------------------------------------------------- the bare rules


def _plus_months(day: dt.date, months: int) -> dt.date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def bare(items: list[Holding], on: dt.date) -> list[tuple[Any, ...]]:
    """A10, A8 and A9 at the seed's values: (protection state, ends, window state, deadline,
    idle state, deadline) per holding, ``None`` where a rule does not apply."""
    out: list[tuple[Any, ...]] = []
    append = out.append
    for h in items:
        p_state = p_ends = w_state = w_deadline = i_state = i_deadline = None
        if h.declared is not None:
            p_ends = _plus_months(h.declared, 2)
            if on > p_ends:
                p_state = "ended"
            else:
                p_state = "warning" if (p_ends - on).days <= 7 else "protected"
        if h.holder is not None and h.received is not None:
            if h.registered is not None:
                w_deadline = _plus_months(h.registered, 6)
                signed = h.signed
                if signed is not None and signed < h.registered:
                    signed = None
                if signed is not None and signed <= w_deadline:
                    w_state = "succeeded"
                elif on > w_deadline:
                    w_state = "review"
                else:
                    w_state = "warning" if (w_deadline - on).days <= 30 else "open"
            i_deadline = _plus_months(h.received, 2)
            first = h.first_action if h.first_action is not None else h.last_action
            if first is not None and first <= i_deadline:
                i_state = "active"
            elif on > i_deadline:
                i_state = "reclaimable"
            else:
                i_state = "warning" if (i_deadline - on).days <= 7 else "watch"
        append((p_state, p_ends, w_state, w_deadline, i_state, i_deadline))
    return out


@attrs.frozen
class _Row:
    holding: Holding
    protection: str | None
    ends: dt.date | None
    window: str | None
    deadline: dt.date | None
    idle: str | None
    idle_deadline: dt.date | None


def bare_records(items: list[Holding], on: dt.date) -> list[_Row]:
    """:func:`bare`, each answer a frozen record."""
    return [_Row(h, *row) for h, row in zip(items, bare(items, on), strict=True)]


def _same(api: object, plain: list[tuple[object, ...]]) -> int:
    """The number of holdings on which the API and the bare function disagree."""
    wrong = 0
    for s, row in zip(api.items, plain, strict=True):  # type: ignore[attr-defined]
        p, w, i = s.protection, s.window, s.idle
        mine = (
            p and p.state.value,
            p and p.ends,
            w and w.state.value,
            w and w.deadline,
            i and i.state.value,
            i and i.deadline,
        )
        wrong += mine != row
    return wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holdings", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    items = holdings(args.holdings)
    print(f"{len(items):,} holdings built in {time.perf_counter() - started:.1f} s (not timed)")

    def api() -> object:
        return reclaimable(items, [], AllocationPolicy(), on=DAY)

    def plain() -> object:
        return bare(items, DAY)

    def records() -> object:
        return bare_records(items, DAY)

    wrong = _same(api(), bare(items, DAY))
    print(f"agreement: {len(items) - wrong:,} of {len(items):,} holdings agree")
    clock = time.process_time
    t_api = best_seconds(api, args.repeat, clock)
    t_bare = best_seconds(plain, args.repeat, clock)
    t_records = best_seconds(records, args.repeat, clock)
    n = len(items)
    for label, seconds in (
        ("reclaimable (API)", t_api),
        ("bare function", t_bare),
        ("bare + records", t_records),
    ):
        print(
            f"{label:<20} {seconds:7.3f} s   {n / seconds:12,.0f} holdings/s"
            f"   {seconds / n * 1e6:6.2f} µs/holding"
        )
    print(f"ratio API / bare: {t_api / t_bare:.2f}×  (goal: within 2×)")
    print(f"ratio API / bare + records: {t_api / t_records:.2f}×")


if __name__ == "__main__":
    main()
