"""Benchmark: age a million receivables (C4) through the public API, beside a bare function.

Run:  python benchmarks/bench_credit_aging.py [--receivables 1000000] [--repeat 3]

Builds distinct synthetic receivables once (not timed): 20,000 customers, amounts to the fen up
to 2 million yuan, a third part paid and one in ten paid in full, due dates over two years around
the day of the aging (every bucket), shipment dates or none. Then, on one core, in the same run
and on the same ledger, it measures CPU time (``time.process_time``) of:

  * ``aging_report(ledger, policy, on=day)`` — the public API: every receivable checked (a
    Receivable, in CNY), aged into its bucket with its owner as a frozen ``AgedReceivable``
    (reasons built only when read), the totals per bucket and per customer summed exactly;
  * a bare Python function of the same rule on the same ``Decimal`` inputs: the same days past
    due, bucket and owner per receivable (a tuple each) and the same totals, without checks;
  * the API followed by ``interchange.to_data`` of the whole report (every item with its
    receivable and its two reasons, as a host that stores the record runs it), beside the bare
    function followed by a bare export of the same fields to plain dicts (no reasons);

and prints receivables per second, µs per receivable and the ratios. It checks that the API and
the bare function agree on every bucket total and every customer total. The goal set for the
public API: within 2× of the bare function, and the same again with the export to plain data.
This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import best_seconds

from customer_rules.credit import CreditPolicy, Receivable, aging_report
from customer_rules.interchange import to_data

DAY = dt.date(2026, 11, 30)


def synthetic(count: int, seed: int = 20261130) -> list[Receivable]:
    """``count`` distinct receivables spread over every bucket."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        cents = rng.randrange(1, 200_000_000)
        amount = Decimal(cents).scaleb(-2)
        kind = rng.random()
        paid = (
            amount
            if kind < 0.1
            else Decimal(rng.randrange(0, cents)).scaleb(-2)
            if kind < 0.43
            else Decimal(0)
        )
        due = DAY + dt.timedelta(days=rng.randrange(-365, 365))
        issued = None if rng.random() < 0.2 else due - dt.timedelta(days=rng.randrange(0, 120))
        out.append(Receivable(f"AR-{i:07d}", f"C{rng.randrange(20_000):05d}", amount, due,
                              issued=issued, paid=paid))  # fmt: skip
    return out


# --------------------------------------------------------------------------- the bare rule

_HIGHS = (0, 30, 60, 90, 180)
_NAMES = ("current", "1-30", "31-60", "61-90", "91-180", "over-180")


def bare_aging(
    ledger: Sequence[Receivable], on: dt.date
) -> tuple[list[tuple[object, ...]], list[Decimal], dict[str, list[Decimal]]]:
    """The seed's C4 rule as one plain function: each receivable's days past due, bucket and
    owner, and the totals per bucket and per customer (no checks, no result objects)."""
    zero = Decimal(0)
    totals = [zero] * 6
    customers: dict[str, list[Decimal]] = {}
    items: list[tuple[object, ...]] = []
    for r in ledger:
        days = (on - r.due).days
        index = bisect.bisect_left(_HIGHS, days)
        owed = r.amount - r.paid
        totals[index] += owed
        row = customers.get(r.customer)
        if row is None:
            row = customers[r.customer] = [zero] * 7
        row[index] += owed
        row[6] += owed
        owner = "office_director" if days <= 0 else "planning_department"
        items.append((r, days, _NAMES[index], owner))
    return items, totals, customers


def bare_export(
    result: tuple[list[tuple[object, ...]], list[Decimal], dict[str, list[Decimal]]],
) -> object:
    """The bare result as plain data, field for field (amounts as text, dates ISO)."""
    items, totals, customers = result
    out = []
    for r, days, bucket, owner in items:
        assert isinstance(r, Receivable)
        out.append(
            {
                "receivable": {
                    "id": r.id,
                    "customer": r.customer,
                    "amount": str(r.amount),
                    "due": r.due.isoformat(),
                    "issued": None if r.issued is None else r.issued.isoformat(),
                    "paid": str(r.paid),
                    "currency": r.currency,
                },
                "days_past_due": days,
                "bucket": bucket,
                "owner": owner,
            }
        )
    return {
        "items": out,
        "buckets": [str(t) for t in totals],
        "customers": {c: [str(a) for a in row] for c, row in customers.items()},
    }  # fmt: skip


# --------------------------------------------------------------------------- measuring


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--receivables", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"building {args.receivables:,} synthetic receivables …", flush=True)
    ledger = synthetic(args.receivables)
    n = len(ledger)

    def best(run: Callable[[CreditPolicy], object], repeat: int) -> float:
        # a fresh policy each run: nothing learnt in one run helps the next
        return best_seconds(lambda: run(CreditPolicy()), repeat, time.process_time)

    api_s = best(lambda p: aging_report(ledger, p, on=DAY), args.repeat)
    bare_s = best(lambda _: bare_aging(ledger, DAY), args.repeat)
    export_s = best(lambda p: to_data(aging_report(ledger, p, on=DAY)), 1)
    bare_export_s = best(lambda _: bare_export(bare_aging(ledger, DAY)), 1)

    report = aging_report(ledger, CreditPolicy(), on=DAY)
    _, totals, customers = bare_aging(ledger, DAY)
    buckets_agree = [b.amount for b in report.buckets] == totals
    customers_agree = {c.customer: [*c.amounts, c.total] for c in report.customers} == customers

    def line(name: str, seconds: float, note: str = "") -> None:
        print(f"{name:44s}: {n / seconds:>11,.0f}/s {seconds / n * 1e6:8.2f} µs {note}")

    print(f"receivables                                 : {n:,}")
    line("aging_report() — the public API", api_s)
    line("bare function of the same rule", bare_s)
    print(f"ratio API / bare                            : {api_s / bare_s:.2f}x (goal ≤ 2x)")
    line("aging_report() + to_data()", export_s)
    line("bare function + bare export to dicts", bare_export_s)
    print(
        f"ratio API+to_data / bare+export             : {export_s / bare_export_s:.2f}x (goal ≤ 2x)"
    )
    print(f"bucket totals agree with the bare function   : {buckets_agree}")
    print(f"customer totals agree with the bare function : {customers_agree}")


if __name__ == "__main__":
    main()
