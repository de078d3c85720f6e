"""Benchmark: the whole grading job (G3 → G2 → G6 → G4 → G5) as a host runs it every night.

Run:  python benchmarks/bench_grading.py [--customers 200000] [--repeat 3]

The customers are read once (not timed) from a synthetic portfolio in the shipped sample's
columns (``benchmarks/portfolio.py``: dates over seventeen years, every band, category and
previous grade). On one core, in the same run, on the same customers, it measures:

  * ``grade_customer`` — the public API, returning a frozen ``CustomerGrade``;
  * a bare Python function of the same seed rules (eligibility, the new-customer cap, the
    scorecard, the review, the tier, the next revisit and report), returning a tuple;
  * ``explain`` of each whole result (every reason of the job, rendered), after grading;
  * ``interchange.to_data`` of each whole result (grading plus export to plain data: the job a
    host that stores results really runs, so work deferred "until read" is counted), and the
    same followed by ``json.dumps``;

and prints customers per second, µs per customer and the ratios. Results are not kept (a host
streams them), so the garbage collector sees what it sees in production. CPU time of this
process (``time.process_time``) is measured, so another busy core does not count.
This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import best_seconds
from portfolio import portfolio_text

from customer_rules import GradingPolicy, explain
from customer_rules._portfolio import PORTFOLIO_COLUMNS
from customer_rules.grading import Customer, CustomerCategory, Grade, grade_customer
from customer_rules.interchange import to_data
from customer_rules.rows import parse_rows

DAY = dt.date(2026, 12, 31)


def customers(count: int) -> list[Customer]:
    """The good rows of a synthetic portfolio of ``count`` rows."""
    with parse_rows(portfolio_text(count), PORTFOLIO_COLUMNS) as read:
        return [r.value for r in read if r.value is not None]


# --------------------------------------------------------------------------- the bare job

_TIERS = {  # (big, grade) -> (priority, revisit months or 0): the seed's G4 table
    (True, "A"): (1, 3),
    (True, "B"): (2, 6),
    (False, "A"): (3, 12),
    (True, "C"): (4, 12),
    (False, "B"): (5, 6),
    (False, "C"): (6, 0),
    (True, "D"): (7, 0),
    (False, "D"): (7, 0),
}
_REPORT_MONTHS = {"A": (3, 9), "B": (1, 4, 7, 10), "C": tuple(range(1, 13)), "D": (12,)}
_RANK = {"A": 4, "B": 3, "C": 2, "D": 1}


def _plus_months(day: dt.date, months: int) -> dt.date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def _points(f: object, on: dt.date) -> tuple[int, str]:
    a: Decimal = f.contract_amount  # type: ignore[attr-defined]
    c = (
        (4 if a >= 10_000_000 else 3 if a >= 5_000_000 else 2 if a >= 1_000_000 else 1)
        if (
            f.paid_on_time  # type: ignore[attr-defined]
        )
        else 1
    )
    r = f.year_end_receivables  # type: ignore[attr-defined]
    rp = 4 if r <= 500_000 else 3 if r <= 1_000_000 else 2 if r <= 2_000_000 else 1
    p = f.premium_pct  # type: ignore[attr-defined]
    pp = 4 if p > 15 else 3 if p > 10 else 2 if p > 5 else 1 if p > 0 else 0
    ap = f.influence_assessment  # type: ignore[attr-defined]
    ip = f.strategic_influence.value if ap is not None and ap.on <= on else 0  # type: ignore[attr-defined]
    total = c + rp + pp + ip
    return total, "A" if total >= 14 else "B" if total >= 12 else "C" if total >= 10 else "D"


def bare_job(c: Customer, on: dt.date) -> tuple[object, ...]:
    """The seed's grading job written as one plain function, for comparison (no checks, no
    reasons, no result objects)."""
    first = c.first_trade
    eligible = first is not None and on >= _plus_months(first, 6)
    since = c.developed_on or first
    new = since is not None and on < _plus_months(since, 12)
    proposed = None
    total = None
    if c.scorecard is not None:
        total, scored = _points(c.scorecard, on)
    if new:
        proposed = "C"
    elif eligible and total is not None:
        proposed = scored
    previous = c.previous_grade.value if c.previous_grade is not None else None
    grade = previous
    if proposed is not None and (previous is None or _RANK[proposed] == _RANK[previous]):
        grade = proposed
    revisit = report = None
    if grade is not None:
        big = c.category is CustomerCategory.BIG
        _, months = _TIERS[big, grade]
        if months:
            revisit = on if c.last_visit is None else _plus_months(c.last_visit, months)
        index = on.year * 12 + on.month - 1
        while index % 12 + 1 not in _REPORT_MONTHS[grade]:
            index += 1
        year, month0 = divmod(index, 12)
        report = dt.date(year, month0 + 1, calendar.monthrange(year, month0 + 1)[1])
    return grade, proposed, total, revisit, report


# --------------------------------------------------------------------------- measuring


def _best(run: Callable[[GradingPolicy], object], repeat: int) -> float:
    """The best CPU time of ``repeat`` runs, each with a policy of its own: the job shares
    answers per policy and day, so a run never starts with what the previous one learnt."""
    return best_seconds(lambda: run(GradingPolicy()), repeat, time.process_time)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--export", type=int, default=50_000, help="customers for the exports")
    args = parser.parse_args(argv)
    print(f"reading {args.customers:,} synthetic customers …", flush=True)
    portfolio = customers(args.customers)
    n = len(portfolio)
    some = portfolio[: args.export]
    m = len(some)

    def api(policy: GradingPolicy) -> None:
        for c in portfolio:
            grade_customer(c, policy, on=DAY)

    def bare(_: GradingPolicy) -> None:
        for c in portfolio:
            bare_job(c, DAY)

    def grade_some(policy: GradingPolicy) -> None:
        for c in some:
            grade_customer(c, policy, on=DAY)

    def explained(policy: GradingPolicy) -> None:
        for c in some:
            explain(grade_customer(c, policy, on=DAY), "zh")

    def exported(policy: GradingPolicy) -> None:
        for c in some:
            to_data(grade_customer(c, policy, on=DAY))

    def dumped(policy: GradingPolicy) -> None:
        for c in some:
            json.dumps(to_data(grade_customer(c, policy, on=DAY)), ensure_ascii=False)

    api_s = _best(api, args.repeat)
    bare_s = _best(bare, args.repeat)
    some_s = _best(grade_some, args.repeat)
    explain_s = _best(explained, args.repeat) - some_s
    export_s = _best(exported, 1)
    dump_s = _best(dumped, 1)
    policy = GradingPolicy()
    agree = sum(
        (r := grade_customer(c, policy, on=DAY)).proposed_grade
        == (None if (b := bare_job(c, DAY))[1] is None else Grade(b[1]))
        and (r.grade == (None if b[0] is None else Grade(b[0])))
        for c in portfolio[:100_000]
    )

    def line(name: str, seconds: float, count: int, note: str = "") -> None:
        print(f"{name:38s}: {count / seconds:>11,.0f}/s {seconds / count * 1e6:8.2f} µs {note}")

    print(f"customers read                        : {n:,} (exports on the first {m:,})")
    line("grade_customer() — the public API", api_s, n, "(goal ≥ 250,000/s)")
    line("bare function of the same rules", bare_s, n)
    print(f"ratio API / bare                      : {api_s / bare_s:.2f}x")
    line("explain() of each whole result", explain_s, m, "(after grading; goal ≥ 50,000/s)")
    line("grade + to_data()", export_s, m)
    line("grade + to_data() + json.dumps()", dump_s, m)
    print(f"ratio grade+to_data / grade           : {export_s / some_s:.1f}x")
    checked = min(n, 100_000)
    print(f"grades agreeing with the bare function : {agree:,} of {checked:,} (must be all)")


if __name__ == "__main__":
    main()
