"""Benchmark: the allocator (A13) — a batch of leads over a roster of 500 people with histories.

Run:  python benchmarks/bench_allocation.py [--leads 10000 100000 1000000] [--repeat 3]

The roster, the histories and the leads are built once per size (not timed): 500 people over
three levels, 17 teams and 41 managers (one in 25 on leave, one in 50 inactive); each person's
history holds about 30 leads given this month and the last, and one in three has A3–A5 events
of the past year (violations, misjudgments, missed ten-minute reports), so the ledger runs for
them and some are suspended or passed over; the leads have every type, contributions and
potentials to the yuan with many ties, received over the week before the run. On one core, in
the same run, on the same inputs, it measures CPU time (``time.process_time``) of:

  * ``allocate(leads, roster, history, policy, at=...)`` — the public API, with the seed
    policy (no quotas) and with a policy of monthly quotas that leaves some leads over;
  * the same followed by ``run.records()`` — the history a host stores after a run;
  * a bare Python function of the same seed rule — the same exclusions read from precomputed
    flags, the same sort, the same dealing round each level's cycle — returning tuples, with no
    checks and no result objects;

and prints leads per second, µs per lead, µs per lead divided by log2(n) (flat when the cost is
O(n log n)) and the ratio to the bare function. ``--no-gc`` switches the cyclic garbage
collector off while timing, to show how much of the growth at a million leads is its passes over
the million results held in memory. It checks that the API and the bare function
give every lead to the same person. A measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import math
import random
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import best_seconds

from customer_rules.allocation import (
    AllocationPolicy,
    Lead,
    LeadGiven,
    Misjudgment,
    MissedReport,
    PersonStatus,
    Salesperson,
    Violation,
    allocate,
    sanctions,
)
from customer_rules.dates import SHANGHAI
from customer_rules.grading import DealSizeType

AT = dt.datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI)
TYPES = list(DealSizeType)


def roster(size: int = 500) -> list[Salesperson]:
    people = []
    for i in range(size):
        status = (
            PersonStatus.ON_LEAVE
            if i % 25 == 7
            else PersonStatus.INACTIVE
            if i % 50 == 13
            else PersonStatus.ACTIVE
        )
        people.append(
            Salesperson(
                f"S{i:04}",
                f"员工{i}",
                level=str(1 + i % 3),
                team=f"T{i % 17:02}",
                manager=f"M{i % 41:02}",
                status=status,
            )
        )
    return people


def history(people: list[Salesperson], rng: random.Random) -> list[Any]:
    events: list[Any] = []
    for p in people:
        for k in range(rng.randrange(20, 40)):
            events.append(
                LeadGiven(p.id, AT - dt.timedelta(hours=rng.randrange(1, 24 * 50)), f"H{k}")
            )
        if rng.randrange(3) == 0:
            for _ in range(rng.randrange(1, 6)):
                kind = rng.choice([Violation, Misjudgment, Misjudgment, MissedReport])
                events.append(kind(p.id, AT - dt.timedelta(hours=rng.randrange(1, 24 * 365))))
    rng.shuffle(events)
    return events


def leads(count: int, rng: random.Random) -> list[Lead]:
    found = []
    for i in range(count):
        found.append(
            Lead(
                f"L{i:07}",
                TYPES[rng.randrange(4)],
                AT - dt.timedelta(minutes=rng.randrange(1, 7 * 24 * 60)),
                contribution=Decimal(rng.randrange(0, 200) * 10_000),
                potential=Decimal(rng.randrange(0, 5_000_000)),
            )
        )
    return found


QUOTAS = AllocationPolicy(
    allocator={  # type: ignore[arg-type]  # the policy's converter reads a table
        "levels": [
            {"name": "1", "types": ["A", "B", "C", "D"], "quota": 250},
            {"name": "2", "types": ["B", "C", "D"], "quota": 250},
            {"name": "3", "types": ["C", "D"], "quota": 250},
        ]
    }
)


# --------------------------------------------------------------------------- the bare rule


def bare_allocate(
    batch: list[Lead],
    people: list[Salesperson],
    out: set[str],
    levels: list[tuple[str, frozenset[DealSizeType], int]],
    used: dict[str, int],
) -> list[tuple[str, str | None]]:
    """The seed rule with nothing checked: ``out`` holds the people the ledger and the statuses
    exclude; the same cycles, sort and dealing as the API; (lead id, person id or None)."""
    from customer_rules._allocation.allocator import _cycle

    names = [name for name, _, _ in levels]
    quota = {name: q for name, _, q in levels}
    members: dict[str, list[Salesperson]] = {name: [] for name in names}
    left: dict[str, int] = {}
    for p in people:
        if p.id in out or p.level not in members:
            continue
        q = quota[p.level]
        if q:
            if q - used.get(p.id, 0) <= 0:
                continue
            left[p.id] = q - used.get(p.id, 0)
        members[p.level].append(p)
    cycles = [[p.id for p in _cycle(members[n], True)] for n in names]
    pos = [0] * len(names)
    by_type = {
        t: sorted(
            (i for i, (_, ts, _) in enumerate(levels) if t in ts),
            key=lambda i: (len(levels[i][1]), i),
        )
        for t in DealSizeType
    }
    ordered = sorted(batch, key=lambda x: x.id)
    ordered.sort(key=lambda x: x.received_at)
    ordered.sort(key=lambda x: (x.contribution, x.potential), reverse=True)
    count: dict[str, int] = {}
    result: list[tuple[str, str | None]] = []
    for lead in ordered:
        best, low = -1, 0
        for i in by_type[lead.type]:
            c = cycles[i]
            if c:
                n = count.get(c[pos[i]], 0)
                if best < 0 or n < low:
                    best, low = i, n
        if best < 0:
            result.append((lead.id, None))
            continue
        c = cycles[best]
        at = pos[best]
        pid = c[at]
        count[pid] = low + 1
        result.append((lead.id, pid))
        if pid in left:
            left[pid] -= 1
            if not left[pid]:
                del c[at]
                pos[best] = 0 if at >= len(c) else at
                continue
        pos[best] = at + 1 if at + 1 < len(c) else 0
    return result


def excluded(people: list[Salesperson], events: list[Any], policy: AllocationPolicy) -> set[str]:
    mine: dict[str, list[Any]] = {}
    for e in events:
        if not isinstance(e, LeadGiven):
            mine.setdefault(e.person, []).append(e)
    out = {p.id for p in people if p.status is not PersonStatus.ACTIVE}
    for pid, own in mine.items():
        s = sanctions(own, policy, at=AT, person=pid)
        if s.suspended:
            out.add(pid)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-gc",
        action="store_true",
        help="switch the cyclic garbage collector off while timing (to see what it costs)",
    )
    args = parser.parse_args(argv)
    if args.no_gc:
        gc.disable()
    rng = random.Random(20261130)
    people = roster()
    events = history(people, rng)
    month = dt.datetime(2026, 11, 1, tzinfo=SHANGHAI)
    used: dict[str, int] = {}
    for e in events:
        if isinstance(e, LeadGiven) and e.at >= month:
            used[e.person] = used.get(e.person, 0) + 1
    print(f"roster {len(people)}, history {len(events)} events, Python {sys.version.split()[0]}")
    head = f"{'leads':>9}  {'case':<34} {'leads/s':>10} {'µs/lead':>8}"
    print(f"{head} {'µs/(lead·log2 n)':>17} {'vs bare':>8}")
    for count in args.leads:
        batch = leads(count, rng)
        for label, policy in (("seed policy", AllocationPolicy()), ("monthly quotas", QUOTAS)):
            levels = [(lv.name, lv.types, lv.quota) for lv in policy.allocator.levels]
            out = excluded(people, events, policy)
            run = allocate(batch, people, events, policy, at=AT)
            bare = bare_allocate(batch, people, out, levels, used)
            given = {a.lead.id: a.person.id for a in run.assignments}
            assert {lid: pid for lid, pid in bare if pid is not None} == given, "disagree"
            assert len(run.assignments) + len(run.unassigned) == count
            cases: dict[str, Any] = {
                f"allocate() — {label}": lambda p=policy, b=batch: allocate(
                    b, people, events, p, at=AT
                ),
                "  + records()": lambda p=policy, b=batch: allocate(
                    b, people, events, p, at=AT
                ).records(),
                "  bare function of the same rule": lambda lv=levels, o=out, b=batch: bare_allocate(
                    b, people, o, lv, used
                ),
            }
            times = {
                name: best_seconds(f, args.repeat, time.process_time) for name, f in cases.items()
            }
            floor = times["  bare function of the same rule"]
            for name, seconds in times.items():
                per = seconds / count * 1e6
                print(
                    f"{count:>9,}  {name:<34} {count / seconds:>10,.0f} {per:>8.2f}"
                    f" {per / math.log2(count):>17.3f} {seconds / floor:>7.2f}×"
                )
            done, left, out_count = len(run.assignments), len(run.unassigned), len(run.excluded)
            print(f"{'':>9}  ({done:,} assigned, {left:,} left over, {out_count} people left out)")


if __name__ == "__main__":
    main()
