"""Benchmark: grade synthetic customers with the G2 scorecard through the public scalar API.

Run:  python benchmarks/bench_scorecard.py [--customers 1000000] [--repeat 3]

Prints customers per second for:
  * ``customer_rules.grading.score`` — the public API (lazy reasons, frozen result);
  * a bare Python function of the same rule on the same Decimal inputs (returns a tuple);
  * the same bare function building a small frozen attrs result;
and the ratio of the public API to each, all measured in the same run on the same inputs.
This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs
from measure import best_seconds

from customer_rules import Approval, GradingPolicy, Role
from customer_rules.grading import (
    INFLUENCE_ASSESSMENT,
    Customer,
    CustomerCategory,
    ScorecardFacts,
    StrategicInfluence,
    grade_customer,
    score,
)

DAY = dt.date(2026, 12, 31)


def synthetic(count: int, seed: int = 20261122) -> list[ScorecardFacts]:
    """``count`` distinct customers' scorecard facts, spread over every band."""
    rng = random.Random(seed)
    assessors = [
        Approval("王经理", Role.SALES_MANAGER, INFLUENCE_ASSESSMENT, dt.date(2026, 12, 1)),
        Approval("李总", Role.VP_IN_CHARGE, INFLUENCE_ASSESSMENT, dt.date(2026, 11, 1)),
        None,
    ]
    levels = list(StrategicInfluence)
    return [
        ScorecardFacts(
            Decimal(rng.randrange(0, 2_000_000_000)) / 100,
            rng.random() < 0.85,
            Decimal(rng.randrange(0, 300_000_000)) / 100,
            Decimal(rng.randrange(-500, 3000)) / 100,
            rng.choice(levels),
            rng.choice(assessors),
        )
        for _ in range(count)
    ]


def bare_rule(f: ScorecardFacts) -> tuple[int, int, int, int, int, str]:
    """The seed scorecard written as one plain function, for comparison."""
    a = f.contract_amount
    band = 4 if a >= 10_000_000 else 3 if a >= 5_000_000 else 2 if a >= 1_000_000 else 1
    c = band if f.paid_on_time else 1
    r = f.year_end_receivables
    rp = 4 if r <= 500_000 else 3 if r <= 1_000_000 else 2 if r <= 2_000_000 else 1
    p = f.premium_pct
    pp = 4 if p > 15 else 3 if p > 10 else 2 if p > 5 else 1 if p > 0 else 0
    ap = f.influence_assessment
    ip = f.strategic_influence.value if ap is not None and ap.on <= DAY else 0
    total = c + rp + pp + ip
    grade = "A" if total >= 14 else "B" if total >= 12 else "C" if total >= 10 else "D"
    return c, rp, pp, ip, total, grade


@attrs.frozen
class _BareResult:
    points: tuple[int, int, int, int]
    total: int
    grade: str


def bare_rule_with_result(f: ScorecardFacts) -> _BareResult:
    """The bare function, also building a small frozen result object."""
    c, rp, pp, ip, total, grade = bare_rule(f)
    return _BareResult((c, rp, pp, ip), total, grade)


def _rate(run: Callable[[], object], count: int, repeat: int) -> float:
    return count / best_seconds(run, repeat)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    n = args.customers
    print(f"building {n:,} synthetic customers …", flush=True)
    facts = synthetic(n)
    policy = GradingPolicy()

    def api() -> None:
        for f in facts:
            score(f, policy, on=DAY)

    def bare() -> None:
        for f in facts:
            bare_rule(f)

    def bare_result() -> None:
        for f in facts:
            bare_rule_with_result(f)

    api_rate = _rate(api, n, args.repeat)
    bare_rate = _rate(bare, n, args.repeat)
    bare_result_rate = _rate(bare_result, n, args.repeat)
    grades = {"A": 0, "B": 0, "C": 0, "D": 0}
    for f in facts[:100_000]:
        grades[score(f, policy, on=DAY).grade.value] += 1
    mismatches = sum(score(f, policy, on=DAY).total != bare_rule(f)[4] for f in facts[:100_000])
    pipeline_n = min(n, 100_000)
    customers = [
        Customer(f"C{i}", "", CustomerCategory.BIG, dt.date(2020, 1, 1), None, f, DAY)
        for i, f in enumerate(facts[:pipeline_n])
    ]

    def pipeline() -> None:
        for c in customers:
            grade_customer(c, policy, on=DAY)

    pipeline_rate = _rate(pipeline, pipeline_n, 1)
    print(f"customers                     : {n:,} (grades in the first 100,000: {grades})")
    print(f"score() public API            : {api_rate:>12,.0f} customers/s")
    print(f"bare function (tuple)         : {bare_rate:>12,.0f} customers/s")
    print(f"bare function + frozen result : {bare_result_rate:>12,.0f} customers/s")
    print(f"ratio bare / API              : {bare_rate / api_rate:.2f}x")
    print(f"ratio bare+result / API       : {bare_result_rate / api_rate:.2f}x (goal ≤ 2.5x)")
    print(f"grade_customer() full job     : {pipeline_rate:>12,.0f} customers/s (G2+G3+G4+G5)")
    print(f"totals differing from bare    : {mismatches} of 100,000 (must be 0)")


if __name__ == "__main__":
    main()
