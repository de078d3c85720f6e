"""Benchmark: read a synthetic portfolio CSV into facts with ``customer_rules.rows``.

Run:  python benchmarks/bench_rows.py [--rows 50000] [--repeat 5]

Writes ``--rows`` rows of ``benchmarks/portfolio.py`` (about one in two hundred carries a mistake)
into an in-memory CSV, then measures on one core, in the same run and on the same text:

  * ``parse_rows(text, PORTFOLIO_COLUMNS)`` — every row read into a ``Customer`` (or its
    problems), as ``customer-rules grade`` reads its input;
  * the floor: ``csv.reader`` over the same text, doing only ``str.strip`` on each cell;

and prints rows per second, microseconds per row and the ratio of the two (best of
``--repeat``). This is a measurement, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Sequence

from measure import best_seconds
from portfolio import portfolio_text

from customer_rules._portfolio import PORTFOLIO_COLUMNS
from customer_rules.rows import parse_rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    n = args.rows
    print(f"writing {n:,} synthetic portfolio rows …", flush=True)
    text = portfolio_text(n)
    read = refused = 0

    def facts() -> None:
        nonlocal read, refused
        read = refused = 0
        with parse_rows(text, PORTFOLIO_COLUMNS) as reader:
            for result in reader:
                read += 1
                refused += result.value is None

    def floor() -> None:
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                cell.strip()

    facts_time = best_seconds(facts, args.repeat)
    floor_time = best_seconds(floor, args.repeat)
    print(f"rows                          : {n:,} ({read:,} read, {refused:,} refused)")
    print(
        f"parse_rows into facts         : {n / facts_time:>12,.0f} rows/s"
        f"  {facts_time / n * 1e6:6.2f} µs/row"
    )
    print(
        f"csv.reader + str.strip (floor): {n / floor_time:>12,.0f} rows/s"
        f"  {floor_time / n * 1e6:6.2f} µs/row"
    )
    print(f"ratio parse_rows / floor      : {facts_time / floor_time:.2f}x")


if __name__ == "__main__":
    main()
